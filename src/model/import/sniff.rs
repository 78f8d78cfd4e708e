//! Recognising a file's format from its content, never from its name: JSON is parsed once and
//! its shape decides (our `schema_version`, TimelineJS's `events`, vis-timeline's items); other
//! text is read as CSV and its header row decides (TimelineJS's Year and Headline, or the plain
//! CSV's column names). Anything else gets a problem that says which formats are read.

use serde_json::Value;

use super::super::json_path;
use super::super::validate::Problem;
use super::csv::{self, Table};
use super::plain_csv;

/// What a file was recognised as, with what was already parsed of it.
#[derive(Debug)]
pub(crate) enum Sniffed {
    /// Our own format (an object with `schema_version`): read by `model::load`.
    Own,
    /// TimelineJS JSON; `prefix` is `timeline.` when the events are inside a `timeline` object.
    TimelineJsJson { root: Value, prefix: &'static str },
    /// vis-timeline items: an array, or `{items, groups}`.
    Vis { root: Value },
    /// TimelineJS's spreadsheet as CSV.
    TimelineJsCsv { table: Table, windows_1252: bool },
    /// A CSV with recognised column names.
    PlainCsv { table: Table, windows_1252: bool },
}

/// What the app reads, for the problem of a file it does not.
const FORMATS: &str = "this app reads its own JSON (with \"schema_version\"), TimelineJS JSON \
    (with \"events\"), vis-timeline items (objects with \"content\" and \"start\"), TimelineJS's \
    spreadsheet saved as CSV (Year and Headline columns) and CSV with a header row (title and \
    start or date columns)";

fn root(message: String) -> Problem {
    Problem {
        path: ".".into(),
        message,
    }
}

/// Recognises the format of `bytes` (a byte-order mark already removed).
pub(crate) fn sniff(bytes: &[u8]) -> Result<Sniffed, Problem> {
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace());
    let Some(start) = start else {
        return Err(root("the file is empty".into()));
    };
    match bytes[start] {
        b'{' | b'[' => json(bytes),
        b'<' => Err(root(
            "this is HTML or XML, not a timeline (was an error page served instead of the data?)"
                .into(),
        )),
        _ => text(bytes),
    }
}

fn json(bytes: &[u8]) -> Result<Sniffed, Problem> {
    // A large file in our own format is parsed once, by `load`, with its own paths.
    if looks_like_own(bytes) {
        return Ok(Sniffed::Own);
    }
    let root_value: Value = serde_json::from_slice(bytes).map_err(|err| {
        let message = match err.classify() {
            serde_json::error::Category::Eof => format!("the file ends too early ({err})"),
            serde_json::error::Category::Syntax => format!("not valid JSON: {err}"),
            _ => err.to_string(),
        };
        Problem {
            path: json_path::of_error(bytes, &err),
            message,
        }
    })?;
    match &root_value {
        Value::Object(o) if o.contains_key("schema_version") => Ok(Sniffed::Own),
        Value::Object(o) if o.get("events").is_some_and(Value::is_array) => {
            Ok(Sniffed::TimelineJsJson {
                root: root_value,
                prefix: "",
            })
        }
        Value::Object(o) if o.get("timeline").is_some_and(Value::is_object) => {
            let inner = &o["timeline"];
            if inner.get("events").is_some_and(Value::is_array) {
                let Value::Object(mut o) = root_value else {
                    unreachable!("matched as an object")
                };
                let inner = o.remove("timeline").unwrap_or(Value::Null);
                Ok(Sniffed::TimelineJsJson {
                    root: inner,
                    prefix: "timeline.",
                })
            } else if inner.get("date").is_some() {
                Err(Problem {
                    path: "timeline.date".into(),
                    message: "this is the old TimelineJS 2 format, which is not read: open it \
                              in TimelineJS 3 and save it again, or export it as a spreadsheet"
                        .into(),
                })
            } else {
                Err(Problem {
                    path: "timeline".into(),
                    message: format!("no \"events\" list in \"timeline\"; {FORMATS}"),
                })
            }
        }
        Value::Object(o) if o.get("items").is_some_and(Value::is_array) => {
            Ok(Sniffed::Vis { root: root_value })
        }
        Value::Array(items)
            if !items.is_empty()
                && items
                    .iter()
                    .any(|i| i.get("start").is_some() || i.get("content").is_some()) =>
        {
            Ok(Sniffed::Vis { root: root_value })
        }
        Value::Array(items) if items.is_empty() => Err(root("the file holds no events".into())),
        Value::Object(o) if o.contains_key("events") => Err(Problem {
            path: "events".into(),
            message: format!("\"events\" must be a list; {FORMATS}"),
        }),
        _ => Err(root(format!(
            "this JSON is not a timeline this app knows: {FORMATS}"
        ))),
    }
}

/// Whether the first key of the top-level object is `schema_version` or `$schema` (how our
/// files begin), so that they skip the generic parse.
fn looks_like_own(bytes: &[u8]) -> bool {
    let s = String::from_utf8_lossy(&bytes[..bytes.len().min(256)]);
    let rest = s.trim_start().strip_prefix('{').unwrap_or("").trim_start();
    rest.starts_with("\"schema_version\"") || rest.starts_with("\"$schema\"")
}

fn text(bytes: &[u8]) -> Result<Sniffed, Problem> {
    let (text, windows_1252) = match std::str::from_utf8(bytes) {
        Ok(t) => (t.to_string(), false),
        Err(_) => (windows_1252(bytes), true),
    };
    if text.contains('\0') {
        return Err(root(format!("this is not a text file; {FORMATS}")));
    }
    let first = csv::records(first_record(&text), csv::delimiter(text.trim_start()))
        .ok()
        .and_then(|r| r.into_iter().next())
        .map(|r| r.fields)
        .unwrap_or_default();
    let names: Vec<String> = first.iter().map(|f| csv::normalise(f)).collect();
    let has = |n: &str| names.iter().any(|x| x == n);
    let timelinejs = has("year") && has("headline");
    let plain = !timelinejs && names.iter().any(|n| plain_csv::column(n).is_some());
    if !timelinejs && !plain {
        return Err(root(format!(
            "no recognised header row; {FORMATS}. The first line holds: {}",
            shorten(text.lines().next().unwrap_or(""))
        )));
    }
    let table = csv::table(&text)?;
    Ok(if timelinejs {
        Sniffed::TimelineJsCsv {
            table,
            windows_1252,
        }
    } else {
        Sniffed::PlainCsv {
            table,
            windows_1252,
        }
    })
}

/// The text up to the end of the first record: the first line, or more when a quoted header
/// field holds a line break (cut at 64 KiB, enough for any header).
fn first_record(text: &str) -> &str {
    // Blank lines before the header are skipped, as the reader skips them.
    let text = text.trim_start_matches(['\r', '\n']);
    let mut quoted = false;
    for (i, c) in text.char_indices() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => return &text[..i],
            _ if i > 65_536 => return &text[..i],
            _ => {}
        }
    }
    text
}

fn shorten(s: &str) -> String {
    if s.chars().count() <= 80 {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(80).collect::<String>())
    }
}

/// Bytes decoded as Windows-1252: what spreadsheets on Windows save a CSV as, and a superset of
/// Latin-1 (0x80–0x9F are typographic signs; the five unassigned bytes become U+FFFD).
fn windows_1252(bytes: &[u8]) -> String {
    const HIGH: [char; 32] = [
        '€', '\u{fffd}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{fffd}', 'Ž',
        '\u{fffd}', '\u{fffd}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ',
        '\u{fffd}', 'ž', 'Ÿ',
    ];
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(s: &str) -> Result<&'static str, Problem> {
        sniff(s.as_bytes()).map(|x| match x {
            Sniffed::Own => "own",
            Sniffed::TimelineJsJson { prefix: "", .. } => "timelinejs-json",
            Sniffed::TimelineJsJson { .. } => "timelinejs-json (wrapped)",
            Sniffed::Vis { .. } => "vis",
            Sniffed::TimelineJsCsv { .. } => "timelinejs-csv",
            Sniffed::PlainCsv { .. } => "csv",
        })
    }

    #[test]
    fn formats_are_recognised_from_content() {
        assert_eq!(kind(r#"{"schema_version": 1}"#).unwrap(), "own");
        assert_eq!(
            kind(r#"{"title": {}, "schema_version": 1}"#).unwrap(),
            "own"
        );
        assert_eq!(kind(r#"{"events": []}"#).unwrap(), "timelinejs-json");
        assert_eq!(
            kind(r#"{"timeline": {"events": []}}"#).unwrap(),
            "timelinejs-json (wrapped)"
        );
        assert_eq!(
            kind(r#"[{"content": "a", "start": "2020"}]"#).unwrap(),
            "vis"
        );
        assert_eq!(kind(r#"{"items": [], "groups": []}"#).unwrap(), "vis");
        assert_eq!(
            kind("Year,Month,Headline\n2020,,a\n").unwrap(),
            "timelinejs-csv"
        );
        assert_eq!(kind("Titre;Date de début\na;2020\n").unwrap(), "csv");
        assert_eq!(kind("\n\n  title,start\n").unwrap(), "csv");
    }

    #[test]
    fn anything_else_says_what_is_read() {
        for (input, path, needle) in [
            ("", ".", "empty"),
            ("<html>", ".", "HTML"),
            ("[1, 2]", ".", "this app reads its own JSON"),
            ("[]", ".", "no events"),
            (r#"{"a": 1}"#, ".", "this app reads its own JSON"),
            (r#"{"events": 3}"#, "events", "must be a list"),
            (
                r#"{"timeline": {"date": []}}"#,
                "timeline.date",
                "TimelineJS 2",
            ),
            ("hello world\nsecond line", ".", "no recognised header row"),
            ("{\"events\": [1,", "events", "ends too early"),
            ("{\"events\": [1 x", "events", "not valid JSON"),
        ] {
            let p = kind(input).unwrap_err();
            assert_eq!(p.path, path, "{input}: {p}");
            assert!(p.message.contains(needle), "{input}: {}", p.message);
        }
    }

    #[test]
    fn non_utf8_text_is_read_as_windows_1252() {
        let Sniffed::PlainCsv {
            table,
            windows_1252,
        } = sniff(b"titre;d\xe9but\r\nCaf\xe9 \x80;2020\r\n").unwrap()
        else {
            panic!("not a plain CSV")
        };
        assert!(windows_1252);
        assert_eq!(table.header, ["titre", "début"]);
        assert_eq!(table.rows[0].fields, ["Café €", "2020"]);
    }
}
