//! A small RFC 4180 reader: fields separated by a delimiter, records by CRLF or LF (or a lone
//! CR), quoted fields holding delimiters, doubled quotes and line breaks. Hand-written rather
//! than the `csv-core` crate: the whole reader is this page, it needs nothing but `&str`, it
//! counts the physical line each record starts on (for `line N` errors, a quoted line break
//! included) and it adds nothing to the wasm beyond these few functions.

use super::super::validate::Problem;

/// One record and the physical line (1-based) it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Record {
    /// Where the record starts.
    pub line: usize,
    /// Its fields, unquoted; a quoted line break is kept as `\n`.
    pub fields: Vec<String>,
}

/// A header row and the records under it, all as wide as the header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Table {
    /// The header row's fields, trimmed.
    pub header: Vec<String>,
    /// Every other record, blank lines left out.
    pub rows: Vec<Record>,
}

/// The delimiter a spreadsheet most likely used: the most frequent of `,` `;` and tab in the
/// first line (French spreadsheets write `;`, since `,` is their decimal separator).
pub(crate) fn delimiter(text: &str) -> char {
    let first = text.lines().next().unwrap_or("");
    let mut best = (',', 0);
    for d in [',', ';', '\t'] {
        let n = first.matches(d).count();
        if n > best.1 {
            best = (d, n);
        }
    }
    best.0
}

/// The problem at `line N`.
pub(crate) fn at_line(line: usize, message: impl Into<String>) -> Problem {
    Problem {
        path: format!("line {line}"),
        message: message.into(),
    }
}

/// Reads every record of `text`. Blank lines (outside quotes) are skipped.
pub(crate) fn records(text: &str, delim: char) -> Result<Vec<Record>, Problem> {
    #[derive(PartialEq)]
    enum State {
        /// At the start of a field.
        Start,
        /// In a field that did not start with a quote.
        Bare,
        /// Inside quotes.
        Quoted,
        /// Just after a closing quote.
        Closed,
    }
    let mut out = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut state = State::Start;
    let mut line = 1;
    let mut record_line = 1;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        // A record break: CRLF, LF or a lone CR.
        let newline = c == '\n' || c == '\r';
        if newline && c == '\r' && chars.peek() == Some(&'\n') {
            chars.next();
        }
        match state {
            State::Quoted => match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => state = State::Closed,
                _ if newline => {
                    line += 1;
                    field.push('\n');
                }
                _ => field.push(c),
            },
            State::Start | State::Bare | State::Closed if newline => {
                let blank = state == State::Start && fields.is_empty();
                if !blank {
                    fields.push(std::mem::take(&mut field));
                    out.push(Record {
                        line: record_line,
                        fields: std::mem::take(&mut fields),
                    });
                }
                line += 1;
                record_line = line;
                state = State::Start;
            }
            _ if c == delim => {
                fields.push(std::mem::take(&mut field));
                state = State::Start;
            }
            State::Start if c == '"' => state = State::Quoted,
            State::Closed => {
                return Err(at_line(
                    line,
                    format!(
                        "text after the closing quote of field {} (a quote inside a quoted field is written twice: \"\")",
                        fields.len() + 1
                    ),
                ));
            }
            State::Start | State::Bare => {
                field.push(c);
                state = State::Bare;
            }
        }
    }
    match state {
        State::Quoted => {
            return Err(at_line(
                record_line,
                "a quoted field is never closed (a quote is missing)",
            ));
        }
        State::Start if fields.is_empty() => {}
        _ => {
            fields.push(field);
            out.push(Record {
                line: record_line,
                fields,
            });
        }
    }
    Ok(out)
}

/// Reads a table: the first record is the header, and every row must be as wide as it.
pub(crate) fn table(text: &str) -> Result<Table, Problem> {
    // Blank lines before the header are skipped by the reader, so the delimiter is read from the
    // header's line too (as `sniff` does).
    let mut records = records(text, delimiter(text.trim_start_matches(['\r', '\n'])))?.into_iter();
    let header: Vec<String> = records
        .next()
        .ok_or_else(|| at_line(1, "the file is empty"))?
        .fields
        .into_iter()
        .map(|f| f.trim().to_string())
        .collect();
    let rows: Vec<Record> = records.collect();
    for r in &rows {
        if r.fields.len() != header.len() {
            return Err(at_line(
                r.line,
                format!(
                    "{} fields, but the header has {} (is a quote or a delimiter missing?)",
                    r.fields.len(),
                    header.len()
                ),
            ));
        }
    }
    Ok(Table { header, rows })
}

/// The header names, as lowercase ASCII words without accents, `_` and `-` read as spaces
/// (`Date de début` → `date de debut`, `lane_label` → `lane label`).
pub(crate) fn normalise(name: &str) -> String {
    let lower = name.trim().to_lowercase();
    let folded: String = super::super::fold::strip_marks(&lower)
        .map(|c| if c == '_' || c == '-' { ' ' } else { c })
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str) -> Vec<(usize, Vec<String>)> {
        records(text, ',')
            .unwrap()
            .into_iter()
            .map(|r| (r.line, r.fields))
            .collect()
    }

    fn row(line: usize, f: &[&str]) -> (usize, Vec<String>) {
        (line, f.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn plain_records_with_lf_crlf_and_lone_cr() {
        for text in ["a,b\n1,2\n", "a,b\r\n1,2\r\n", "a,b\r1,2", "a,b\n1,2"] {
            assert_eq!(
                fields(text),
                [row(1, &["a", "b"]), row(2, &["1", "2"])],
                "{text:?}"
            );
        }
    }

    #[test]
    fn quotes_hold_delimiters_doubled_quotes_and_line_breaks() {
        let text = "t,d\r\n\"a, b\",\"say \"\"hi\"\"\"\r\n\"two\r\nlines\",x\r\nlast,\"\"\r\n";
        assert_eq!(
            fields(text),
            [
                row(1, &["t", "d"]),
                row(2, &["a, b", "say \"hi\""]),
                row(3, &["two\nlines", "x"]),
                row(5, &["last", ""]),
            ]
        );
    }

    #[test]
    fn blank_lines_are_skipped_and_empty_fields_kept() {
        assert_eq!(
            fields("a,b\n\n,\n\n"),
            [row(1, &["a", "b"]), row(3, &["", ""])]
        );
        assert_eq!(fields(""), Vec::<(usize, Vec<String>)>::new());
    }

    #[test]
    fn a_quote_inside_a_bare_field_is_literal() {
        assert_eq!(fields("a\"b,c"), [row(1, &["a\"b", "c"])]);
    }

    #[test]
    fn broken_quoting_is_an_error_at_its_line() {
        let p = records("a,b\n1,\"open\nstill open", ',').unwrap_err();
        assert_eq!(p.path, "line 2");
        assert!(p.message.contains("never closed"), "{}", p.message);
        let p = records("a,b\n\"x\"y,2", ',').unwrap_err();
        assert_eq!(p.path, "line 2");
        assert!(
            p.message.contains("after the closing quote"),
            "{}",
            p.message
        );
    }

    #[test]
    fn ragged_rows_are_errors_at_the_line_the_record_starts() {
        let p = table("a,b,c\n1,2,3\n\"x\ny\",2\n").unwrap_err();
        assert_eq!(p.path, "line 3");
        assert!(
            p.message.starts_with("2 fields, but the header has 3"),
            "{}",
            p.message
        );
        let p = table("a,b\n1,2,3\n").unwrap_err();
        assert_eq!(p.path, "line 2");
    }

    #[test]
    fn the_delimiter_is_sniffed_from_the_first_line() {
        assert_eq!(delimiter("titre;date;lieu\n\"a,b\";2020;x"), ';');
        assert_eq!(delimiter("a\tb\n"), '\t');
        assert_eq!(delimiter("a,b;c,d"), ',');
        assert_eq!(delimiter("title"), ',');
        let t = table("titre;date\n\"a;b\";2020\n").unwrap();
        assert_eq!(t.header, ["titre", "date"]);
        assert_eq!(t.rows[0].fields, ["a;b", "2020"]);
    }

    #[test]
    fn header_names_are_normalised() {
        assert_eq!(normalise("  Date de  Début "), "date de debut");
        assert_eq!(normalise("lane_label"), "lane label");
        assert_eq!(normalise("RÉSUMÉ"), "resume");
        assert_eq!(normalise("Source-URL"), "source url");
    }
}
