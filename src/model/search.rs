//! Search over events: one normalised text per event (titles and summaries in every language,
//! people, places, domains, lane and session names, the year), matched insensitively to case and
//! accents — "meknes" finds "Meknès", "chergui" finds "Chergui 2022", "الرباط" finds Rabat with
//! or without its vowel marks.

use super::dataset::{COMMISSION_LANE, Dataset, Event, EventIdx};
use super::fold::strip_marks;
use super::locale::{ordinal, session_label};
use super::text::{Lang, Text};

/// Folds `s` for matching: decomposes (NFD), drops combining marks (accents, Arabic vowel marks),
/// lowercases, unifies Arabic alef forms and a few ligatures, and collapses whitespace.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = true;
    for c in strip_marks(s) {
        if c == '\u{0640}' {
            // The Arabic tatweel (a stretching stroke) carries no letter.
            continue;
        }
        let folded: &str = match c {
            'œ' | 'Œ' => "oe",
            'æ' | 'Æ' => "ae",
            'ß' => "ss",
            '’' | '‘' | '\'' => "'",
            'أ' | 'إ' | 'آ' | 'ٱ' => "ا",
            'ى' => "ي",
            'ة' => "ه",
            _ => "",
        };
        if !folded.is_empty() {
            out.push_str(folded);
            space = false;
        } else if c.is_whitespace() || matches!(c, '–' | '—' | '-' | '/' | ',' | '.' | '(' | ')')
        {
            if !space {
                out.push(' ');
                space = true;
            }
        } else {
            out.extend(c.to_lowercase());
            space = false;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

fn push_text(out: &mut String, t: &Text) {
    for s in [Some(&t.fr), Some(&t.en), t.ar.as_ref()]
        .into_iter()
        .flatten()
    {
        out.push_str(s);
        out.push(' ');
    }
}

/// The searchable text of an event.
pub fn haystack(d: &Dataset, e: &Event) -> String {
    let mut s = String::new();
    push_text(&mut s, &e.title);
    push_text(&mut s, &e.summary);
    if let Some(p) = &e.place {
        push_text(&mut s, &p.name);
    }
    for id in e.chairs.iter().chain(&e.participants) {
        if let Some(p) = d.person(id) {
            s.push_str(&p.name);
            s.push(' ');
        }
    }
    for id in &e.domains {
        if let Some(x) = d.domains.iter().find(|x| &x.id == id) {
            push_text(&mut s, &x.label);
        }
    }
    if let Some(l) = d.lanes.iter().find(|l| l.id == e.lane) {
        push_text(&mut s, &l.label);
    }
    if e.lane == COMMISSION_LANE {
        for lang in Lang::ALL {
            s.push_str(&session_label(lang, e.session_number));
            s.push(' ');
        }
        if let Some(n) = e.session_number {
            s.push_str(&format!(
                "{} {} ",
                ordinal(Lang::En, n),
                ordinal(Lang::Fr, n)
            ));
        }
    }
    s.push_str(&e.date.start.year_number().to_string());
    normalize(&s)
}

/// A prepared index: one normalised haystack and one normalised title per event.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    haystacks: Vec<String>,
    titles: Vec<String>,
}

/// One search result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// The event.
    pub idx: EventIdx,
    /// Whether every word of the query is in the title (ranked first).
    pub in_title: bool,
}

/// The results of a search: the first hits, and how many events matched in all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchResults {
    /// The first hits, title matches first (at most the `limit` asked for).
    pub hits: Vec<Hit>,
    /// How many events matched, whether or not they are in `hits`.
    pub total: usize,
}

impl SearchIndex {
    /// Indexes every event of `d`.
    pub fn new(d: &Dataset) -> Self {
        Self {
            haystacks: d.events.iter().map(|e| haystack(d, e)).collect(),
            // A session's names ("22nd session", "22e session") count as its title, so that
            // asking for a session by name finds it first.
            titles: d
                .events
                .iter()
                .map(|e| {
                    let mut s = String::new();
                    push_text(&mut s, &e.title);
                    if e.lane == COMMISSION_LANE {
                        for lang in Lang::ALL {
                            s.push_str(&session_label(lang, e.session_number));
                            s.push(' ');
                        }
                    }
                    normalize(&s)
                })
                .collect(),
        }
    }

    /// The events matching every word of `query`, title matches first, each group in date order
    /// (by the dataset's date order, passed as `order` — event indices sorted by date). At most
    /// `limit` hits are returned; `total` counts them all.
    pub fn search(&self, query: &str, order: &[EventIdx], limit: usize) -> SearchResults {
        let q = normalize(query);
        let words: Vec<&str> = q.split(' ').filter(|w| !w.is_empty()).collect();
        if words.is_empty() {
            return SearchResults::default();
        }
        let all_in = |s: &str| words.iter().all(|w| s.contains(w));
        let hits: Vec<Hit> = order
            .iter()
            .filter(|&&i| self.haystacks.get(i.get()).is_some_and(|h| all_in(h)))
            .map(|&i| Hit {
                idx: i,
                in_title: self.titles.get(i.get()).is_some_and(|t| all_in(t)),
            })
            .collect();
        // Title hits first, each group in date order (a stable partition; a sort would link
        // another copy of the stable sort into the wasm for this one call).
        let (mut first, rest): (Vec<Hit>, Vec<Hit>) = hits.into_iter().partition(|h| h.in_title);
        first.extend(rest);
        let mut hits = first;
        let total = hits.len();
        hits.truncate(limit);
        SearchResults { hits, total }
    }
}

/// Event indices in date order (first day, then last day, then position in the file).
pub fn date_order(d: &Dataset) -> Vec<EventIdx> {
    let mut order: Vec<(EventIdx, _)> = d
        .indexed_events()
        .map(|(i, e)| (i, e.date.sort_key()))
        .collect();
    // Keys are unique (the index breaks ties), so an unstable sort gives the same order.
    order.sort_unstable_by_key(|&(i, key)| (key, i));
    order.into_iter().map(|(i, _)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::shipped;

    #[test]
    fn folding_ignores_case_accents_and_arabic_marks() {
        assert_eq!(normalize("Meknès"), "meknes");
        assert_eq!(normalize("ÉCOLE  de   Guerre"), "ecole de guerre");
        assert_eq!(normalize("Œuvre"), "oeuvre");
        assert_eq!(normalize("Kénitra–Rabat"), "kenitra rabat");
        assert_eq!(normalize("الرِّبَاط"), normalize("الرباط"));
        assert_eq!(normalize("أكتوبر"), normalize("اكتوبر"));
        assert_eq!(normalize("l’armée"), "l'armee");
        assert_eq!(normalize(""), "");
    }

    fn ids(d: &Dataset, hits: &[Hit]) -> Vec<String> {
        hits.iter()
            .map(|h| d.events[h.idx.get()].id.clone())
            .collect()
    }

    #[test]
    fn finds_by_name_place_and_number_whatever_the_accents() {
        let d = shipped();
        let index = SearchIndex::new(&d);
        let order = date_order(&d);
        let search = |q: &str| ids(&d, &index.search(q, &order, 50).hits);
        assert!(search("chergui").contains(&"chergui-2022".to_string()));
        assert!(search("CHERGUI 2022").contains(&"chergui-2022".to_string()));
        let meknes = search("meknes");
        assert!(!meknes.is_empty(), "Meknès is in the data");
        assert_eq!(search("meknes"), search("Meknès"));
        assert!(search("berrid").contains(&"cmm-22".to_string()));
        assert!(search("22nd").contains(&"cmm-22".to_string()));
        assert!(search("22e session").contains(&"cmm-22".to_string()));
        assert!(search("الرباط").contains(&"cmm-22".to_string()));
        assert!(search("no such thing anywhere").is_empty());
        assert!(search("   ").is_empty());
    }

    #[test]
    fn title_matches_come_first_then_date_order() {
        let d = shipped();
        let index = SearchIndex::new(&d);
        let order = date_order(&d);
        let rank = |i: EventIdx| order.iter().position(|&j| j == i).unwrap();
        let hits = index.search("chebec", &order, 50).hits;
        // The query must exercise both groups, or the ordering checks below prove nothing.
        assert!(hits.iter().any(|h| h.in_title), "{hits:?}");
        assert!(hits.iter().any(|h| !h.in_title), "{hits:?}");
        // No title hit after a non-title hit.
        for w in hits.windows(2) {
            assert!(
                w[0].in_title || !w[1].in_title,
                "title hit after other hit: {hits:?}"
            );
        }
        // Each group in the dataset's date order.
        for group in [true, false] {
            let ranks: Vec<usize> = hits
                .iter()
                .filter(|h| h.in_title == group)
                .map(|h| rank(h.idx))
                .collect();
            assert!(
                ranks.windows(2).all(|w| w[0] < w[1]),
                "in_title={group}: not in date order {ranks:?}"
            );
        }
        // `in_title` tells the truth: every query word is in the title or not.
        for h in &hits {
            let t = &d.events[h.idx.get()].title;
            let title = normalize(&format!("{} {}", t.fr, t.en));
            assert_eq!(
                title.contains("chebec"),
                h.in_title,
                "{}",
                d.events[h.idx.get()].id
            );
        }
        assert!(index.search("chebec", &order, 2).hits.len() <= 2);
        let first = index.search("22nd session", &order, 5).hits[0];
        assert_eq!(
            d.events[first.idx.get()].id,
            "cmm-22",
            "a session asked for by name comes first"
        );
    }

    #[test]
    fn the_total_counts_every_match_beyond_the_limit() {
        let d = shipped();
        let index = SearchIndex::new(&d);
        let order = date_order(&d);
        let all = index.search("rabat", &order, usize::MAX);
        assert_eq!(all.total, all.hits.len());
        // Counted independently of `search`: the events whose haystack holds the word.
        let expected = d
            .events
            .iter()
            .filter(|e| haystack(&d, e).contains("rabat"))
            .count();
        assert_eq!(all.total, expected);
        let limit = 5;
        assert!(
            all.total > limit,
            "the query must match more than the limit"
        );
        let some = index.search("rabat", &order, limit);
        assert_eq!(some.hits.len(), limit);
        assert_eq!(
            some.total, all.total,
            "the total is not capped by the limit"
        );
        assert_eq!(
            some.hits[..],
            all.hits[..limit],
            "the first hits are the same"
        );
        let none = index.search("no such thing anywhere", &order, limit);
        assert_eq!((none.hits.len(), none.total), (0, 0));
        assert_eq!(index.search("  ", &order, limit), SearchResults::default());
    }
}
