//! The visible events as CSV: one row per event, the columns the plain-CSV importer reads back.
//!
//! RFC 4180: a header row, fields separated by commas, a field quoted (with `"` doubled) when it
//! holds a comma, a quote or a line break, and every record ended by CRLF. Text is in one language
//! (with the usual fallback); dates are our `PartialDate` strings, so the precision travels in the
//! string (`2024`, `2024-12`, `2024-12-02`); `sources` holds the source URLs separated by one space.
//!
//! The file starts with a UTF-8 byte-order mark. RFC 4180 neither needs nor forbids it, but Excel
//! — the spreadsheet most of the people this is for open a CSV with — reads a CSV without one in
//! the machine's legacy code page, which garbles every accented French letter and all the Arabic.
//! With it Excel, LibreOffice, Google Sheets and Numbers all read UTF-8; the cost is that a few
//! command-line tools show it as part of the first header, and our own importer skips it.
//! What the columns cannot hold (`within`, `inferred`, people, notes, the other languages) is in
//! the JSON export.

use super::{chosen, source_urls};
use crate::model::dataset::{Dataset, EventIdx};
use crate::model::text::Lang;

/// The header row, in column order.
pub const HEADER: [&str; 10] = [
    "id",
    "title",
    "start",
    "end",
    "lane",
    "lane_label",
    "place",
    "summary",
    "confidence",
    "sources",
];

/// The byte-order mark the file starts with (see the module documentation for why).
pub const BOM: char = '\u{FEFF}';

/// The events at `visible` (in that order, each once) as a CSV file, text in `lang`.
pub fn to_csv(d: &Dataset, visible: &[EventIdx], lang: Lang) -> String {
    let mut out = String::new();
    out.push(BOM);
    record(&mut out, HEADER.iter().copied());
    for e in chosen(d, visible) {
        let end = e.date.end.map(|d| d.to_string()).unwrap_or_default();
        let place = e.place.as_ref().map(|p| p.name.get(lang)).unwrap_or("");
        let sources = source_urls(d, e).join(" ");
        let lane_label = d.lane_label(&e.lane, lang);
        record(
            &mut out,
            [
                e.id.as_str(),
                e.title.get(lang),
                &e.date.start.to_string(),
                &end,
                &e.lane,
                &lane_label,
                place,
                e.summary.get(lang),
                e.confidence.as_str(),
                &sources,
            ],
        );
    }
    out
}

fn record<'a>(out: &mut String, fields: impl IntoIterator<Item = &'a str>) {
    for (i, f) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        field(out, f);
    }
    out.push_str("\r\n");
}

/// Writes one field, quoted only when it must be.
fn field(out: &mut String, s: &str) {
    if s.contains([',', '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(s);
    }
}

/// A strict RFC 4180 reader and the round-trip check, for tests. The plain-CSV importer will do
/// the reading once it lands; [`check::key_rows`] is what both must agree on.
#[cfg(test)]
pub(crate) mod check {
    use super::*;

    /// Reads RFC 4180 text into records of fields. Strict: CRLF record ends only, quotes only
    /// around a whole field, nothing after a closing quote but a separator.
    pub fn read(text: &str) -> Result<Vec<Vec<String>>, String> {
        let mut records = Vec::new();
        let mut record = Vec::new();
        let mut field = String::new();
        let mut chars = text.chars().peekable();
        let mut at_field_start = true;
        loop {
            let Some(c) = chars.next() else {
                if !at_field_start || !record.is_empty() {
                    return Err("the last record has no CRLF".into());
                }
                return Ok(records);
            };
            match c {
                '"' if at_field_start => {
                    loop {
                        match chars.next() {
                            None => return Err("a quoted field is not closed".into()),
                            Some('"') if chars.peek() == Some(&'"') => {
                                chars.next();
                                field.push('"');
                            }
                            Some('"') => break,
                            Some(c) => field.push(c),
                        }
                    }
                    if !matches!(chars.peek(), Some(',' | '\r')) {
                        return Err(format!("text after a closing quote in {field:?}"));
                    }
                    at_field_start = false;
                }
                '"' => return Err(format!("a quote inside an unquoted field {field:?}")),
                ',' => {
                    record.push(std::mem::take(&mut field));
                    at_field_start = true;
                }
                '\r' => {
                    if chars.next() != Some('\n') {
                        return Err("a CR without LF".into());
                    }
                    record.push(std::mem::take(&mut field));
                    records.push(std::mem::take(&mut record));
                    at_field_start = true;
                }
                '\n' => return Err("a bare LF ends a record".into()),
                c => {
                    field.push(c);
                    at_field_start = false;
                }
            }
        }
    }

    /// What a CSV round trip must keep, per event: id, start, end, lane, source URLs.
    pub type KeyRow = (String, String, String, String, Vec<String>);

    /// The key rows of the events at `visible`, as the exporter should have written them.
    pub fn key_rows(d: &Dataset, visible: &[EventIdx]) -> Vec<KeyRow> {
        chosen(d, visible)
            .into_iter()
            .map(|e| {
                (
                    e.id.clone(),
                    e.date.start.to_string(),
                    e.date.end.map(|x| x.to_string()).unwrap_or_default(),
                    e.lane.clone(),
                    source_urls(d, e).into_iter().map(String::from).collect(),
                )
            })
            .collect()
    }

    /// The key rows of parsed records (header first), found by column name.
    pub fn key_rows_of(records: &[Vec<String>]) -> Vec<KeyRow> {
        let header = &records[0];
        let col = |name: &str| header.iter().position(|h| h == name).expect(name);
        let (id, start, end, lane, sources) = (
            col("id"),
            col("start"),
            col("end"),
            col("lane"),
            col("sources"),
        );
        records[1..]
            .iter()
            .map(|r| {
                (
                    r[id].clone(),
                    r[start].clone(),
                    r[end].clone(),
                    r[lane].clone(),
                    r[sources]
                        .split(' ')
                        .filter(|s| !s.is_empty())
                        .map(String::from)
                        .collect(),
                )
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::check::{key_rows, key_rows_of, read};
    use super::*;
    use crate::model::date::{DateSpec, PartialDate};
    use crate::model::export::views::{filter_sets, visible};
    use crate::model::shipped;

    fn without_bom(s: &str) -> &str {
        s.strip_prefix(BOM).expect("the file starts with a BOM")
    }

    #[test]
    fn every_filtered_view_reads_back_with_its_ids_dates_lanes_and_sources() {
        let d = shipped();
        for (name, f) in filter_sets(&d) {
            let vis = visible(&d, &f);
            for lang in Lang::ALL {
                let text = to_csv(&d, &vis, lang);
                let records = read(without_bom(&text)).unwrap_or_else(|e| panic!("{name}: {e}"));
                assert_eq!(records[0], HEADER, "{name}");
                assert!(records.iter().all(|r| r.len() == HEADER.len()), "{name}");
                assert_eq!(key_rows_of(&records), key_rows(&d, &vis), "{name} {lang:?}");
                assert_eq!(records.len() - 1, vis.len(), "{name}");
            }
        }
    }

    #[test]
    fn dates_keep_their_precision_and_text_follows_the_language() {
        let d = shipped();
        let ids = [
            "cmm-22",
            "cmm-2017-10",
            "chebec-start-1994",
            "de-villiers-rabat",
        ];
        let vis: Vec<EventIdx> = ids.iter().map(|id| d.event_idx(id).unwrap()).collect();
        let text = to_csv(&d, &vis, Lang::Ar);
        let records = read(without_bom(&text)).unwrap();
        let dates: Vec<(&str, &str)> = records[1..]
            .iter()
            .map(|r| (r[2].as_str(), r[3].as_str()))
            .collect();
        assert_eq!(
            dates,
            [
                ("2024-12-02", "2024-12-03"),
                ("2017-10", ""),
                ("1994", ""),
                ("2014-06-13", "2017-01")
            ]
        );
        let e = d.event(vis[0]).unwrap();
        assert_eq!(records[1][1], e.title.get(Lang::Ar));
        assert_eq!(records[1][5], d.lane_label("commission", Lang::Ar));
        assert_eq!(records[1][8], e.confidence.as_str());
    }

    #[test]
    fn commas_quotes_and_line_breaks_are_quoted_and_survive() {
        let mut d = shipped();
        let title = "Talks, \"round two\"\nand a second line\r\nand a third";
        d.events[0].title.en = title.into();
        d.events[0].summary.en = "plain".into();
        d.events[0].date = DateSpec::single(PartialDate::month(2020, 2).unwrap());
        let text = to_csv(&d, &[EventIdx(0)], Lang::En);
        assert!(text.contains("\"Talks, \"\"round two\"\"\nand a second line\r\nand a third\""));
        assert!(text.contains(",plain,"), "an ordinary field is not quoted");
        let records = read(without_bom(&text)).unwrap();
        assert_eq!(records.len(), 2);
        assert_eq!(records[1][1], title);
        assert_eq!(records[1][2], "2020-02");
        assert_eq!(records[1][3], "");
    }

    #[test]
    fn records_end_with_crlf_and_duplicates_are_written_once() {
        let d = shipped();
        let text = to_csv(&d, &[EventIdx(1), EventIdx(1), EventIdx(9999)], Lang::Fr);
        assert!(text.ends_with("\r\n"));
        assert!(text.starts_with(
            "\u{FEFF}id,title,start,end,lane,lane_label,place,summary,confidence,sources\r\n"
        ));
        assert_eq!(read(without_bom(&text)).unwrap().len(), 2);
        let empty = to_csv(&d, &[], Lang::Fr);
        assert_eq!(read(without_bom(&empty)).unwrap().len(), 1);
    }

    #[test]
    fn the_test_reader_rejects_what_is_not_rfc_4180() {
        assert!(read("a,b\n").is_err());
        assert!(read("a,\"b\r\n").is_err());
        assert!(read("a,\"b\"c\r\n").is_err());
        assert!(read("a,b\"c\r\n").is_err());
        assert!(read("a,b").is_err());
        assert_eq!(
            read("a,\"\"\r\n,\r\n").unwrap(),
            [vec!["a", ""], vec!["", ""]]
        );
    }
}
