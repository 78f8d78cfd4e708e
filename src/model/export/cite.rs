//! The sources as citations a reference manager reads (Zotero, Citavi, Pandoc): CSL-JSON and
//! BibTeX, for the sources cited by the visible events or for one source.
//!
//! What the dataset knows about a source maps as follows:
//! - the type is `webpage` (BibTeX `@misc`): every source is cited by its URL and the dataset does
//!   not record whether it is a news article, a press release or a report, so nothing finer can be
//!   claimed;
//! - the title is the source's own, verbatim, when we have it, else our description in the chosen
//!   language (a reader needs something to recognise it by); when the verbatim title is used, our
//!   description goes in the note;
//! - the publisher, the URL, the language, and the publication date at its real precision
//!   (`[[2024, 12]]` for a month);
//! - the access date is the dataset's `as_of`: when the facts were last checked against the
//!   sources. No container title or author: the dataset does not record them.
//!
//! BibTeX keys are the source ids (already `[a-z0-9-]` slugs in the shipped file), with any other
//! character replaced by `-` and a `-2`, `-3`… suffix should two ids then collide: stable as long
//! as the ids are.

use std::collections::HashSet;

use serde_json::{Value, json};

use super::chosen;
use crate::model::dataset::{Dataset, EventIdx, Source};
use crate::model::date::PartialDate;
use crate::model::text::Lang;

/// The sources cited by the events at `visible` (their own sources, then those of their notes),
/// each once, in the order they are first cited.
pub fn cited_sources<'a>(d: &'a Dataset, visible: &[EventIdx]) -> Vec<&'a Source> {
    let mut seen = HashSet::new();
    chosen(d, visible)
        .into_iter()
        .flat_map(|e| {
            e.sources
                .iter()
                .chain(e.notes.iter().flat_map(|n| &n.sources))
        })
        .filter(|id| seen.insert(id.as_str()))
        .filter_map(|id| d.source(id))
        .collect()
}

fn title(s: &Source, lang: Lang) -> &str {
    s.title
        .as_deref()
        .unwrap_or_else(|| s.description.get(lang))
}

/// The note: our description, when the title is the source's own (otherwise it is the title).
fn note(s: &Source, lang: Lang) -> Option<&str> {
    s.title.as_ref().map(|_| s.description.get(lang))
}

fn date_parts(p: &PartialDate) -> Value {
    let mut parts = vec![json!(p.year_number())];
    parts.extend(p.month_number().map(|m| json!(m)));
    parts.extend(p.day_number().map(|d| json!(d)));
    json!({ "date-parts": [parts] })
}

/// One source as a CSL-JSON item.
pub fn csl_item(d: &Dataset, s: &Source, lang: Lang) -> Value {
    let mut item = json!({
        "id": s.id,
        "type": "webpage",
        "title": title(s, lang),
        "publisher": s.publisher,
        "URL": s.url,
    });
    let fields = item.as_object_mut().expect("an object");
    if let Some(p) = &s.published {
        fields.insert("issued".into(), date_parts(p));
    }
    if let Some(a) = &d.as_of {
        fields.insert("accessed".into(), date_parts(a));
    }
    if let Some(l) = &s.language {
        fields.insert("language".into(), json!(l));
    }
    if let Some(n) = note(s, lang) {
        fields.insert("note".into(), json!(n));
    }
    item
}

/// The sources as a CSL-JSON array (pretty, with a final newline), text in `lang`.
pub fn csl_json(d: &Dataset, sources: &[&Source], lang: Lang) -> String {
    let items: Vec<Value> = sources.iter().map(|s| csl_item(d, s, lang)).collect();
    let mut text = serde_json::to_string_pretty(&items).expect("JSON values serialise");
    text.push('\n');
    text
}

/// Escapes text for a BibTeX field: the characters LaTeX treats specially become commands that
/// print them, so a title with `&` or `%` neither breaks the file nor the document.
pub fn latex_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' | '}' | '%' | '&' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            // A line break would end nothing in BibTeX but reads as a paragraph break in LaTeX.
            '\r' | '\n' => {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// A URL as BibTeX's `url` field holds it (read verbatim by biblatex and the `url` package):
/// only braces and backslashes, which would unbalance the field, are percent-encoded. Inside
/// `\url{…}` in another field, `%` (the encoding's too) and `#` must also be escaped
/// (`in_command`).
fn bib_url(url: &str, in_command: bool) -> String {
    let encoded = url
        .replace('\\', "%5C")
        .replace('{', "%7B")
        .replace('}', "%7D");
    if in_command {
        encoded.replace('%', "\\%").replace('#', "\\#")
    } else {
        encoded
    }
}

/// The BibTeX key for a source id: letters, digits and `-_:.` kept, anything else `-`.
fn key_of(id: &str) -> String {
    let key: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "-_:.".contains(c) {
                c
            } else {
                '-'
            }
        })
        .collect();
    if key.is_empty() { "source".into() } else { key }
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// The babel/polyglossia language name biblatex's `langid` wants, for the codes we know.
fn langid(code: &str) -> Option<&'static str> {
    match Lang::from_tag(code)? {
        Lang::Fr => Some("french"),
        Lang::En => Some("english"),
        Lang::Ar => Some("arabic"),
    }
}

/// One source as a BibTeX `@misc` entry with key `key`.
fn bib_entry(d: &Dataset, s: &Source, lang: Lang, key: &str) -> String {
    let mut fields: Vec<(&str, String)> = vec![
        // Double braces keep the title's capitals from a style that would lower-case them.
        ("title", format!("{{{}}}", latex_escape(title(s, lang)))),
        // `publisher` for BibTeX and Zotero, `organization` for biblatex's @misc (which has no
        // publisher field): the same name, so whichever a tool reads, it finds it.
        ("publisher", latex_escape(&s.publisher)),
        ("organization", latex_escape(&s.publisher)),
    ];
    if let Some(p) = &s.published {
        fields.push(("year", p.year_number().to_string()));
        // `date` keeps the day, which BibTeX's year and month cannot.
        fields.push(("date", p.to_string()));
    }
    fields.push((
        "howpublished",
        format!("\\url{{{}}}", bib_url(&s.url, true)),
    ));
    fields.push(("url", bib_url(&s.url, false)));
    if let Some(a) = &d.as_of {
        fields.push(("urldate", a.to_string()));
    }
    if let Some(l) = s.language.as_deref().and_then(langid) {
        fields.push(("langid", l.to_string()));
    }
    if let Some(n) = note(s, lang) {
        fields.push(("note", latex_escape(n)));
    }
    let mut out = format!("@misc{{{key},\n");
    for (name, value) in fields {
        out.push_str(&format!("  {name} = {{{value}}},\n"));
    }
    // The month is a BibTeX macro (`dec`), written without braces so styles can localise it.
    if let Some(m) = s.published.and_then(|p| p.month_number()) {
        out.push_str(&format!("  month = {},\n", MONTHS[(m - 1) as usize]));
    }
    out.push_str("}\n");
    out
}

/// The sources as BibTeX `@misc` entries, separated by a blank line, text in `lang`. Keys are
/// unique within the file.
pub fn bibtex(d: &Dataset, sources: &[&Source], lang: Lang) -> String {
    let mut used = HashSet::new();
    let entries: Vec<String> = sources
        .iter()
        .map(|s| {
            let base = key_of(&s.id);
            let key = (1..)
                .map(|n| {
                    if n == 1 {
                        base.clone()
                    } else {
                        format!("{base}-{n}")
                    }
                })
                .find(|k| !used.contains(k))
                .expect("some suffix is free");
            used.insert(key.clone());
            bib_entry(d, s, lang, &key)
        })
        .collect();
    entries.join("\n")
}

/// The CSL-JSON of the sources cited by the events at `visible`.
pub fn csl_json_for_events(d: &Dataset, visible: &[EventIdx], lang: Lang) -> String {
    csl_json(d, &cited_sources(d, visible), lang)
}

/// The BibTeX of the sources cited by the events at `visible`.
pub fn bibtex_for_events(d: &Dataset, visible: &[EventIdx], lang: Lang) -> String {
    bibtex(d, &cited_sources(d, visible), lang)
}

/// The CSL-JSON (an array of one item, on one line: it is shown in the record, where the
/// indented form would take screens) of the source with id `id`, if there is one.
pub fn csl_json_for_source(d: &Dataset, id: &str, lang: Lang) -> Option<String> {
    let s = d.source(id)?;
    serde_json::to_string(&[csl_item(d, s, lang)]).ok()
}

/// The BibTeX entry of the source with id `id`, if there is one.
pub fn bibtex_for_source(d: &Dataset, id: &str, lang: Lang) -> Option<String> {
    d.source(id).map(|s| bibtex(d, &[s], lang))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::export::views::{filter_sets, visible};
    use crate::model::shipped;

    /// Whether braces balance, counting only the ones not escaped by a backslash.
    fn braces_balance(s: &str) -> bool {
        let mut depth = 0i32;
        let mut chars = s.chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' => {
                    chars.next();
                }
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth < 0 {
                        return false;
                    }
                }
                _ => {}
            }
        }
        depth == 0
    }

    /// A parsed entry: kind (`@misc`), key and its `name = value` pairs.
    type Entry = (String, String, Vec<(String, String)>);

    /// The entries of a BibTeX file as this module writes it.
    fn entries(bib: &str) -> Vec<Entry> {
        bib.split("\n\n")
            .map(|e| {
                let (head, body) = e.split_once(",\n").expect("a key line");
                let (kind, key) = head.split_once('{').expect("@kind{key");
                let fields = body
                    .lines()
                    .filter_map(|l| l.trim().split_once(" = "))
                    .map(|(n, v)| (n.to_string(), v.trim_end_matches(',').to_string()))
                    .collect();
                (kind.to_string(), key.to_string(), fields)
            })
            .collect()
    }

    #[test]
    fn cited_sources_are_in_first_citation_order_each_once() {
        let d = shipped();
        let all: Vec<EventIdx> = d.indexed_events().map(|(i, _)| i).collect();
        let cited = cited_sources(&d, &all);
        let ids: Vec<&str> = cited.iter().map(|s| s.id.as_str()).collect();
        let unique: HashSet<&str> = ids.iter().copied().collect();
        assert_eq!(unique.len(), ids.len());
        // The first event's sources come first, in its order.
        let first = &d.events[0];
        assert_eq!(
            ids[..first.sources.len()],
            first.sources.iter().map(String::as_str).collect::<Vec<_>>()[..]
        );
        // Every source any event or event note cites is there.
        for e in &d.events {
            for s in e
                .sources
                .iter()
                .chain(e.notes.iter().flat_map(|n| &n.sources))
            {
                assert!(unique.contains(s.as_str()), "{s}");
            }
        }
        assert!(cited_sources(&d, &[]).is_empty());
    }

    #[test]
    fn csl_json_has_the_required_fields_for_every_view() {
        let d = shipped();
        for (name, f) in filter_sets(&d) {
            let vis = visible(&d, &f);
            let cited = cited_sources(&d, &vis);
            let text = csl_json_for_events(&d, &vis, Lang::Fr);
            let items: Vec<Value> = serde_json::from_str(&text).expect("CSL-JSON parses");
            assert_eq!(items.len(), cited.len(), "{name}");
            for (item, s) in items.iter().zip(&cited) {
                assert_eq!(item["id"], s.id.as_str());
                assert_eq!(item["type"], "webpage");
                assert_eq!(item["URL"], s.url.as_str());
                assert_eq!(item["publisher"], s.publisher.as_str());
                assert_eq!(
                    item["title"],
                    s.description.get(Lang::Fr),
                    "no verbatim titles today"
                );
                assert_eq!(item["accessed"]["date-parts"], json!([[2026, 11]]));
                match &s.published {
                    Some(p) => {
                        let parts = item["issued"]["date-parts"][0].as_array().unwrap();
                        let n = match p.precision() {
                            crate::model::Precision::Year => 1,
                            crate::model::Precision::Month => 2,
                            crate::model::Precision::Day => 3,
                        };
                        assert_eq!(parts.len(), n, "{}", s.id);
                        assert_eq!(parts[0], p.year_number());
                    }
                    None => assert!(item.get("issued").is_none()),
                }
                assert_eq!(
                    item.get("language").and_then(Value::as_str),
                    s.language.as_deref()
                );
            }
        }
    }

    #[test]
    fn a_verbatim_title_is_used_and_the_description_becomes_the_note() {
        let mut d = shipped();
        d.sources[0].title = Some("La 12e session, & après".into());
        d.sources[0].published = Some(PartialDate::day(2012, 9, 27).unwrap());
        let item = csl_item(&d, &d.sources[0], Lang::En);
        assert_eq!(item["title"], "La 12e session, & après");
        assert_eq!(item["note"], d.sources[0].description.get(Lang::En));
        assert_eq!(item["issued"]["date-parts"], json!([[2012, 9, 27]]));
        let bib = bibtex(&d, &[&d.sources[0]], Lang::En);
        assert!(
            bib.contains("  title = {{La 12e session, \\& après}},\n"),
            "{bib}"
        );
        assert!(bib.contains("  year = {2012},\n  date = {2012-09-27},\n"));
        assert!(bib.contains("  month = sep,\n"));
        assert!(bib.contains("  note = {"));
        assert!(csl_json_for_source(&d, "no-such-source", Lang::En).is_none());
    }

    #[test]
    fn bibtex_escapes_special_characters_and_braces_balance() {
        let mut d = shipped();
        let s = &mut d.sources[0];
        s.title = Some(r"50% {off} & $5 #1 a_b ~x^2 \end".into());
        s.publisher = "Ministère & Co".into();
        s.url = "https://example.org/a%20b?q={x}#frag".into();
        let bib = bibtex_for_source(&d, &d.sources[0].id, Lang::Fr).unwrap();
        assert!(bib.contains(
            r"title = {{50\% \{off\} \& \$5 \#1 a\_b \textasciitilde{}x\textasciicircum{}2 \textbackslash{}end}},"
        ), "{bib}");
        assert!(bib.contains(r"publisher = {Ministère \& Co},"));
        assert!(
            bib.contains(r"howpublished = {\url{https://example.org/a\%20b?q=\%7Bx\%7D\#frag}},")
        );
        assert!(bib.contains("  url = {https://example.org/a%20b?q=%7Bx%7D#frag},"));
        assert!(braces_balance(&bib), "{bib}");
        // No special character is left bare outside the verbatim url field.
        for (_, _, fields) in entries(&bib) {
            for (name, value) in fields.iter().filter(|(n, _)| n != "url") {
                let bare = value
                    .char_indices()
                    .any(|(i, c)| "%&$#_".contains(c) && !value[..i].ends_with('\\'));
                assert!(!bare, "{name} = {value}");
            }
        }
    }

    #[test]
    fn every_view_gives_well_formed_bibtex_with_unique_keys() {
        let d = shipped();
        for (name, f) in filter_sets(&d) {
            let vis = visible(&d, &f);
            let cited = cited_sources(&d, &vis);
            let bib = bibtex_for_events(&d, &vis, Lang::Ar);
            if cited.is_empty() {
                assert_eq!(bib, "", "{name}");
                continue;
            }
            assert!(braces_balance(&bib), "{name}");
            let entries = entries(&bib);
            assert_eq!(entries.len(), cited.len(), "{name}");
            let keys: HashSet<&str> = entries.iter().map(|(_, k, _)| k.as_str()).collect();
            assert_eq!(keys.len(), entries.len(), "{name}: keys are unique");
            for ((kind, key, fields), s) in entries.iter().zip(&cited) {
                assert_eq!(kind, "@misc");
                assert_eq!(key, &s.id, "shipped ids are already valid keys");
                let get = |n: &str| fields.iter().find(|(f, _)| f == n).map(|(_, v)| v.as_str());
                assert_eq!(get("url"), Some(&*format!("{{{}}}", s.url)));
                assert_eq!(get("urldate"), Some("{2026-11}"));
                assert!(get("title").is_some() && get("publisher").is_some());
                assert_eq!(get("year").is_some(), s.published.is_some());
            }
        }
    }

    #[test]
    fn colliding_keys_get_a_suffix() {
        let mut d = shipped();
        d.sources[0].id = "a b".into();
        d.sources[1].id = "a/b".into();
        let bib = bibtex(&d, &[&d.sources[0], &d.sources[1], &d.sources[0]], Lang::En);
        let keys: Vec<String> = entries(&bib).into_iter().map(|(_, k, _)| k).collect();
        assert_eq!(keys, ["a-b", "a-b-2", "a-b-3"]);
    }
}
