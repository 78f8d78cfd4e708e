//! Where in a JSON text serde_json stopped, as a JSON path (`events[3].chairs[0]`).
//!
//! The dataset is parsed by serde_json alone. A path-tracking wrapper around the deserializer
//! (`serde_path_to_error`, used before) has all of the dataset types' deserialisation code
//! generated through its layer, which made the release wasm's code 17 KB bigger. Errors are rare,
//! so the path is found afterwards instead: a small scan of the bytes before the error's line and
//! column that tracks the open objects (with their current key) and arrays (with their current
//! index).
//!
//! The paths are the ones `serde_path_to_error` reports, conventions included (a test compares
//! the two on thousands of broken inputs): the value being read, `parent.?` when a key could not
//! be read, the container itself when it is what is wrong (a missing field, a separator), and `.`
//! for the whole document. serde_json does not say which value an error belongs to, only where
//! it noticed it, and that place depends on the kind of error (a missing field is noticed at the
//! closing `}`, a bad date after the whole date object when the date is its last entry), so the
//! kind, read from the message, chooses how the position is read. One case differs, and only for
//! input no one writes: serde also reads an enum written as an object (`{"confirmed": null}`), and
//! when the variant's name in it cannot be read or the file ends before its `}`, the path ends in
//! `.?`, as it does for a struct's unreadable key, where `serde_path_to_error` named the enum:
//! serde_json reports both alike, and the text does not tell the two kinds of object apart.
//!
//! The scan is linear, keeps its stack on the heap and reads no further than the error, so it is
//! total over any bytes and any depth, like the parser.

use serde_json::error::Category;

/// The JSON path of the value serde_json was reading in `json` when it failed with `err`.
pub fn of_error(json: &[u8], err: &serde_json::Error) -> String {
    let kind = Kind::of(err);
    let at = offset(json, err.line(), err.column());
    // Syntax errors are reported just after the byte that broke the syntax: leave that byte out,
    // so the scan stops where the parser was before it. Others are reported after what the parser
    // consumed (data errors), or at the end (a truncated file).
    let end = match kind {
        Kind::Eof => json.len(),
        Kind::MissingField
        | Kind::InvalidLength
        | Kind::DuplicateField
        | Kind::UnknownField
        | Kind::UnknownVariant
        | Kind::WrongValue
        | Kind::Custom => at,
        _ => at.saturating_sub(1),
    };
    let scan = Scan::run(json, end);
    scan.path(kind)
}

/// What went wrong, as far as finding its place is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A struct ended without a required field: noticed at its closing `}`.
    MissingField,
    /// A struct written as an array ended too early: noticed at its closing `]`.
    InvalidLength,
    /// A key came twice: the struct's fault, noticed after the second key.
    DuplicateField,
    /// A key the struct does not have: noticed after it; the path ends with the key.
    UnknownField,
    /// A name that is not one of the enum's: after the string, or after the key of `{"name": …}`.
    UnknownVariant,
    /// A value of the wrong type, or a number out of its field's range: noticed at the start of
    /// the container, or after the scalar.
    WrongValue,
    /// Any other data error: a date that does not exist or is not written as one. The check runs
    /// after the string is read, and serde_json positions the error only on leaving the struct
    /// the date is in: after the separator that follows the date (a `,` in an array), or after
    /// the struct's end when the date is its last entry.
    Custom,
    /// `expected ':'` after a key.
    ExpectedColon,
    /// `expected ',' or '}'`: where the next key should be.
    ExpectedObjectCommaOrEnd,
    /// `expected ',' or ']'`.
    ExpectedListCommaOrEnd,
    /// Something other than a string where a key must be.
    KeyMustBeAString,
    /// A comma before `}` or `]`.
    TrailingComma,
    /// More elements than the struct written as an array has fields.
    TrailingCharacters,
    /// `expected value`: no value can start with this byte.
    ExpectedValue,
    /// A malformed literal, number or string.
    Malformed,
    /// The file ends too early.
    Eof,
}

impl Kind {
    fn of(err: &serde_json::Error) -> Kind {
        let text = err.to_string();
        let starts = |prefix: &str| text.starts_with(prefix);
        match err.classify() {
            Category::Eof => Kind::Eof,
            Category::Data | Category::Io => {
                if starts("missing field `") {
                    Kind::MissingField
                } else if starts("invalid length ") {
                    Kind::InvalidLength
                } else if starts("duplicate field `") {
                    Kind::DuplicateField
                } else if starts("unknown field `") {
                    Kind::UnknownField
                } else if starts("unknown variant `") {
                    Kind::UnknownVariant
                } else if starts("invalid type: ") || starts("invalid value: ") {
                    Kind::WrongValue
                } else {
                    Kind::Custom
                }
            }
            Category::Syntax => {
                if starts("expected `:`") {
                    Kind::ExpectedColon
                } else if starts("expected `,` or `}`") {
                    Kind::ExpectedObjectCommaOrEnd
                } else if starts("expected `,` or `]`") {
                    Kind::ExpectedListCommaOrEnd
                } else if starts("key must be a string") {
                    Kind::KeyMustBeAString
                } else if starts("trailing comma") {
                    Kind::TrailingComma
                } else if starts("trailing characters") {
                    Kind::TrailingCharacters
                } else if starts("expected value") {
                    Kind::ExpectedValue
                } else {
                    Kind::Malformed
                }
            }
        }
    }
}

/// The byte offset of serde_json's `line` (from 1) and `column` (bytes into the line), within
/// `json`.
fn offset(json: &[u8], line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        json.iter()
            .enumerate()
            .filter(|&(_, &b)| b == b'\n')
            .nth(line - 2)
            .map_or(json.len(), |(i, _)| i + 1)
    };
    line_start.saturating_add(column).min(json.len())
}

/// Where the scan is within a container.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum At {
    /// Just after `{` or `[`.
    Start,
    /// After a comma in an object: a key must come.
    Key,
    /// Inside a key.
    InKey,
    /// After a key: `:` must come.
    Colon,
    /// Where a value must come: after `:`, or after a comma in an array.
    Value,
    /// Inside a string, number or literal value.
    InValue,
    /// After a value: a comma or the end of the container must come.
    Next,
}

/// An open object or array.
#[derive(Debug, Clone)]
struct Frame {
    object: bool,
    at: At,
    /// Objects: the key of the current entry, once read.
    key: String,
    /// Arrays: the index of the current element.
    index: usize,
}

/// A scalar being read.
#[derive(Debug, Clone, Copy)]
enum Scalar {
    /// A string; `escaped` after a backslash. `start` is the first byte after the quote.
    Str {
        start: usize,
        escaped: bool,
    },
    /// `true`, `false` or `null`, with this many bytes still to come.
    Literal(usize),
    Number(Num),
}

/// The parts of a number (RFC 8259), to end it where serde_json does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Num {
    Minus,
    Zero,
    Int,
    Dot,
    Frac,
    Exp,
    ExpSign,
    ExpDigits,
}

impl Num {
    /// Whether a number may end here.
    fn is_complete(self) -> bool {
        matches!(self, Num::Zero | Num::Int | Num::Frac | Num::ExpDigits)
    }

    /// The state after `b`, or `None` if `b` is not part of the number.
    fn next(self, b: u8) -> Option<Num> {
        let digit = b.is_ascii_digit();
        Some(match (self, b) {
            (Num::Minus, b'0') => Num::Zero,
            (Num::Minus, _) if digit => Num::Int,
            (Num::Int, _) if digit => Num::Int,
            (Num::Zero | Num::Int, b'.') => Num::Dot,
            (Num::Dot | Num::Frac, _) if digit => Num::Frac,
            (Num::Zero | Num::Int | Num::Frac, b'e' | b'E') => Num::Exp,
            (Num::Exp, b'+' | b'-') => Num::ExpSign,
            (Num::Exp | Num::ExpSign | Num::ExpDigits, _) if digit => Num::ExpDigits,
            _ => return None,
        })
    }
}

/// The state of the scan where it stopped.
struct Scan {
    /// The open containers, outermost first.
    frames: Vec<Frame>,
    /// The container that the last token closed, if it did.
    closed: Option<Frame>,
}

/// How a path ends, after the containers that lead to it.
#[derive(Clone, Copy)]
enum Last {
    /// At the innermost container itself.
    Container,
    /// At its current entry: the key or index.
    Entry,
    /// At a key that could not be read (`?`).
    Unknown,
}

impl Scan {
    /// Scans `json[..end]`, stopping early at a byte that does not fit.
    fn run(json: &[u8], end: usize) -> Scan {
        let mut frames: Vec<Frame> = Vec::new();
        let mut closed = None;
        let mut scalar: Option<Scalar> = None;
        // The root value: before it, in it (a scalar), after it.
        let mut root = At::Value;
        let end = end.min(json.len());
        let mut i = 0;
        while i < end {
            let b = json[i];
            if let Some(s) = scalar {
                match s {
                    Scalar::Str { start, escaped } => {
                        scalar = match (escaped, b) {
                            (true, _) => Some(Scalar::Str {
                                start,
                                escaped: false,
                            }),
                            (false, b'\\') => Some(Scalar::Str {
                                start,
                                escaped: true,
                            }),
                            (false, b'"') => {
                                if let Some(f) = frames.last_mut() {
                                    if f.at == At::InKey {
                                        f.key = unescape(&json[start..i]);
                                        f.at = At::Colon;
                                    } else {
                                        f.at = At::Next;
                                    }
                                } else {
                                    root = At::Next;
                                }
                                None
                            }
                            (false, _) => Some(s),
                        };
                        i += 1;
                        continue;
                    }
                    Scalar::Literal(left) => {
                        if left > 1 {
                            scalar = Some(Scalar::Literal(left - 1));
                        } else {
                            scalar = None;
                            value_done(&mut frames, &mut root);
                        }
                        i += 1;
                        continue;
                    }
                    Scalar::Number(n) => match n.next(b) {
                        Some(n) => {
                            scalar = Some(Scalar::Number(n));
                            i += 1;
                            continue;
                        }
                        // The number ended before `b`; read `b` in what follows.
                        None => {
                            scalar = None;
                            value_done(&mut frames, &mut root);
                        }
                    },
                }
            }
            if matches!(b, b' ' | b'\n' | b'\t' | b'\r') {
                i += 1;
                continue;
            }
            let at = frames.last().map_or(root, |f| f.at);
            let object = frames.last().is_some_and(|f| f.object);
            let array = frames.last().is_some_and(|f| !f.object);
            let fits = match (at, b) {
                (At::Start, b']') if array => close(&mut frames, &mut root, &mut closed),
                (At::Start, b'}') if object => close(&mut frames, &mut root, &mut closed),
                (At::Next, b']') if array => close(&mut frames, &mut root, &mut closed),
                (At::Next, b'}') if object => close(&mut frames, &mut root, &mut closed),
                _ if at == At::Value || (at == At::Start && array) => {
                    match b {
                        b'{' | b'[' => {
                            set_at(&mut frames, &mut root, At::Next);
                            frames.push(Frame {
                                object: b == b'{',
                                at: At::Start,
                                key: String::new(),
                                index: 0,
                            });
                        }
                        b'"' => {
                            scalar = Some(Scalar::Str {
                                start: i + 1,
                                escaped: false,
                            })
                        }
                        b't' | b'n' => scalar = Some(Scalar::Literal(3)),
                        b'f' => scalar = Some(Scalar::Literal(4)),
                        b'-' => scalar = Some(Scalar::Number(Num::Minus)),
                        b'0' => scalar = Some(Scalar::Number(Num::Zero)),
                        b'1'..=b'9' => scalar = Some(Scalar::Number(Num::Int)),
                        _ => break,
                    }
                    if scalar.is_some() {
                        set_at(&mut frames, &mut root, At::InValue);
                    }
                    true
                }
                (At::Start | At::Key, b'"') if object => {
                    scalar = Some(Scalar::Str {
                        start: i + 1,
                        escaped: false,
                    });
                    set_at(&mut frames, &mut root, At::InKey);
                    true
                }
                (At::Colon, b':') => {
                    set_at(&mut frames, &mut root, At::Value);
                    true
                }
                (At::Next, b',') if object || array => {
                    if let Some(f) = frames.last_mut() {
                        if f.object {
                            f.at = At::Key;
                        } else {
                            f.at = At::Value;
                            f.index = f.index.saturating_add(1);
                        }
                    }
                    true
                }
                _ => false,
            };
            if !fits {
                break;
            }
            if !matches!(b, b'}' | b']') {
                closed = None;
            }
            i += 1;
        }
        // A number is complete when what follows cannot continue it: serde_json has read it.
        if let Some(Scalar::Number(n)) = scalar
            && n.is_complete()
            && json.get(end).and_then(|&b| n.next(b)).is_none()
        {
            value_done(&mut frames, &mut root);
        }
        Scan { frames, closed }
    }

    /// The path for an error of `kind` where the scan stopped.
    fn path(&self, kind: Kind) -> String {
        if let (Kind::Custom, Some(closed)) = (kind, &self.closed) {
            return render(self.frames.iter().chain([closed]), Last::Entry);
        }
        let Some(inner) = self.frames.last() else {
            return ".".into();
        };
        if kind == Kind::Custom && !inner.object && inner.at == At::Value {
            // The comma after the date was read: the date is the element before.
            let mut frames = self.frames.clone();
            if let Some(f) = frames.last_mut() {
                f.index = f.index.saturating_sub(1);
            }
            return render(frames.iter(), Last::Entry);
        }
        let object = inner.object;
        let last = match (kind, inner.at) {
            // The container just closed, which is its parent's current entry.
            (Kind::MissingField | Kind::InvalidLength | Kind::DuplicateField, _)
                if self.closed.is_some() =>
            {
                Last::Entry
            }
            (Kind::MissingField | Kind::InvalidLength | Kind::DuplicateField, _) => Last::Container,
            // `{"name": …}`: the enum is the object.
            (Kind::UnknownVariant, At::Colon) => Last::Container,
            (Kind::UnknownField | Kind::UnknownVariant | Kind::WrongValue | Kind::Custom, _) => {
                Last::Entry
            }
            (Kind::ExpectedColon | Kind::ExpectedListCommaOrEnd | Kind::TrailingCharacters, _) => {
                Last::Container
            }
            (Kind::ExpectedObjectCommaOrEnd | Kind::KeyMustBeAString, _) => Last::Unknown,
            (Kind::TrailingComma, _) if object => Last::Unknown,
            (Kind::TrailingComma, _) => Last::Container,
            // A key that could not be read.
            (Kind::ExpectedValue | Kind::Malformed | Kind::Eof, At::InKey) => Last::Unknown,
            (Kind::ExpectedValue | Kind::Malformed, At::Colon) => Last::Unknown,
            // Only an enum written as an object (`{"confirmed": null}`) expects a value instead
            // of its first key (`{}`), or the object's end after its one entry.
            (Kind::ExpectedValue, At::Start | At::InValue | At::Next) if object => Last::Container,
            (Kind::ExpectedValue | Kind::Malformed, At::Start | At::Key) if object => Last::Unknown,
            (Kind::ExpectedValue | Kind::Malformed, _) => Last::Entry,
            // A truncated file: inside a value, or where a value of an object must come, the
            // value; elsewhere, where an object's next key must come, that key; otherwise the
            // container.
            (Kind::Eof, At::InValue) => Last::Entry,
            (Kind::Eof, At::Value) if object => Last::Entry,
            (Kind::Eof, At::Start | At::Key | At::Next) if object => Last::Unknown,
            (Kind::Eof, _) => Last::Container,
        };
        render(self.frames.iter(), last)
    }
}

/// Records that the current container (or the root) is now at `at`.
fn set_at(frames: &mut [Frame], root: &mut At, at: At) {
    match frames.last_mut() {
        Some(f) => f.at = at,
        None => *root = at,
    }
}

/// Closes the innermost container, which becomes `closed`. Returns `true` (the byte fits).
fn close(frames: &mut Vec<Frame>, root: &mut At, closed: &mut Option<Frame>) -> bool {
    *closed = frames.pop();
    value_done(frames, root);
    true
}

/// Records that a value has just ended.
fn value_done(frames: &mut [Frame], root: &mut At) {
    set_at(frames, root, At::Next);
}

/// The path through `frames` (outermost first), ending as `last` says in the innermost one,
/// written as `serde_path_to_error` writes it: keys joined by `.`, indices in brackets, `.` alone
/// for the root.
fn render<'a>(frames: impl Iterator<Item = &'a Frame>, last: Last) -> String {
    let frames: Vec<&Frame> = frames.collect();
    let mut out = String::new();
    let mut segments = 0;
    for (n, f) in frames.iter().enumerate() {
        let how = if n + 1 == frames.len() {
            last
        } else {
            Last::Entry
        };
        let key = match how {
            Last::Container => continue,
            Last::Unknown => "?",
            Last::Entry if f.object => &f.key,
            Last::Entry => {
                out.push('[');
                out.push_str(&f.index.to_string());
                out.push(']');
                segments += 1;
                continue;
            }
        };
        if segments > 0 {
            out.push('.');
        }
        out.push_str(key);
        segments += 1;
    }
    if segments == 0 { ".".into() } else { out }
}

/// The text of a JSON string's contents (between the quotes), escapes decoded. Only keys that
/// serde_json read without error are decoded, so the input is valid; anything else is decoded as
/// well as it can be, without panicking.
fn unescape(raw: &[u8]) -> String {
    let mut out: Vec<u8> = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        let b = raw[i];
        if b != b'\\' {
            out.push(b);
            i += 1;
            continue;
        }
        let Some(&e) = raw.get(i + 1) else { break };
        i += 2;
        let simple = match e {
            b'"' => Some(b'"'),
            b'\\' => Some(b'\\'),
            b'/' => Some(b'/'),
            b'b' => Some(0x08),
            b'f' => Some(0x0c),
            b'n' => Some(b'\n'),
            b'r' => Some(b'\r'),
            b't' => Some(b'\t'),
            _ => None,
        };
        if let Some(c) = simple {
            out.push(c);
            continue;
        }
        if e != b'u' {
            continue;
        }
        let Some(hi) = hex4(raw, i) else { break };
        i += 4;
        let c = if (0xD800..0xDC00).contains(&hi) && raw.get(i..i + 2) == Some(b"\\u") {
            match hex4(raw, i + 2) {
                Some(lo) if (0xDC00..0xE000).contains(&lo) => {
                    i += 6;
                    char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))
                }
                _ => None,
            }
        } else {
            char::from_u32(hi)
        };
        let mut buf = [0; 4];
        out.extend_from_slice(c.unwrap_or('\u{FFFD}').encode_utf8(&mut buf).as_bytes());
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The value of the four hex digits at `raw[i..]`.
fn hex4(raw: &[u8], i: usize) -> Option<u32> {
    let digits = std::str::from_utf8(raw.get(i..i + 4)?).ok()?;
    u32::from_str_radix(digits, 16).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    /// A small schema with the shapes of the dataset's: structs that deny unknown fields, lists,
    /// an optional field, a number, an enum, and a string checked after it is read (like a date).
    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        items: Vec<Item>,
        #[serde(default)]
        n: Option<u32>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Item {
        name: Checked,
        #[serde(default)]
        tags: Vec<String>,
        #[serde(default)]
        kind: Option<Kind2>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "lowercase")]
    enum Kind2 {
        A,
    }

    /// A string that must be `ok`, checked after it is read, as dates are.
    #[derive(Debug)]
    struct Checked;

    impl<'de> Deserialize<'de> for Checked {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            let s = String::deserialize(d)?;
            if s == "ok" {
                Ok(Checked)
            } else {
                Err(serde::de::Error::custom(format!("{s:?} is not ok")))
            }
        }
    }

    fn path(json: &str) -> String {
        let err = serde_json::from_str::<Doc>(json).expect_err(json);
        of_error(json.as_bytes(), &err)
    }

    #[test]
    fn each_kind_of_error_is_placed_by_its_own_convention() {
        for (json, want) in [
            // A wrong type: at the value, whether a scalar or a container.
            (r#"{"items": [{"name": 1}]}"#, "items[0].name"),
            (
                r#"{"items": [{"name": "ok", "tags": ["a", {}]}]}"#,
                "items[0].tags[1]",
            ),
            (r#"{"n": -1}"#, "n"),
            // Noticed at the closing brace: the struct.
            (r#"{"items": [{"tags": []}]}"#, "items[0]"),
            // After the key: the key, if unknown; the struct, if repeated.
            (r#"{"items": [{"nom": 1}]}"#, "items[0].nom"),
            (r#"{"items": [], "items": []}"#, "."),
            // A checked string, noticed after the struct's `}` when it is the last entry.
            (r#"{"items": [{"name": "no"}]}"#, "items[0].name"),
            (
                r#"{"items": [{"name": "no" , "tags": []}]}"#,
                "items[0].name",
            ),
            // A struct written as an array, with a comma read after the checked string.
            (r#"{"items": [["no", []]]}"#, "items[0][0]"),
            (r#"{"items": [["ok"]], "n": 1, "x": 2}"#, "x"),
            // Syntax: a separator is the container's, a key that cannot be read is `?`.
            (r#"{"items": [] "n": 1}"#, "?"),
            (r#"{"items": [{"name": "ok"} {}]}"#, "items"),
            (r#"{"items": [{"name" "ok"}]}"#, "items[0]"),
            (r#"{"items": [{"name": "ok", }]}"#, "items[0].?"),
            (r#"{"items": [{"name": tru}]}"#, "items[0].name"),
            (
                r#"{"items": [{"name": "ok", "kind": "b"}]}"#,
                "items[0].kind",
            ),
            // The file ends.
            (r#"{"items": [{"name": "ok""#, "items[0].?"),
            (r#"{"items": [{"name": "o"#, "items[0].name"),
            (r#"{"items": [{"na"#, "items[0].?"),
            (r#"{"items": [{"name":"#, "items[0].name"),
            (r#"{"items": ["#, "items"),
            (r#"{"n": 12"#, "?"),
            // Keys are decoded as serde decodes them.
            (
                r#"{"it\u0065ms": [{"n\"\u00e9\ud83d\ude00": 1}]}"#,
                "items[0].n\"é😀",
            ),
            // Strings with brackets, quotes and escapes do not confuse the scan.
            (
                r#"{"items": [{"tags": ["]}\"[{", "\\"], "name": 5}]}"#,
                "items[0].name",
            ),
        ] {
            assert_eq!(path(json), want, "{json}");
        }
    }

    #[test]
    fn offsets_follow_serde_jsons_lines_and_columns() {
        let text = b"ab\ncd\n\nef";
        assert_eq!(offset(text, 1, 0), 0);
        assert_eq!(offset(text, 1, 2), 2);
        assert_eq!(offset(text, 2, 1), 4);
        assert_eq!(offset(text, 4, 1), 8);
        // Positions that are not in the text are clamped to its end.
        assert_eq!(offset(text, 9, 0), text.len());
        assert_eq!(offset(text, 1, usize::MAX), text.len());
        assert_eq!(offset(text, 0, 0), 0);
    }

    #[test]
    fn unescape_decodes_valid_keys_and_survives_broken_ones() {
        assert_eq!(unescape(br#"a\"b\\c\/\n"#), "a\"b\\c/\n");
        assert_eq!(unescape(br"\u00e9\ud83d\ude00"), "é😀");
        assert_eq!(unescape(br"\ud800x"), "\u{FFFD}x");
        assert_eq!(unescape(br"\u12"), "");
        assert_eq!(unescape(b"x\\"), "x");
        assert_eq!(unescape(b"\xff"), "\u{FFFD}");
    }

    #[test]
    fn numbers_end_where_serde_json_ends_them() {
        let end = |s: &[u8]| {
            let mut n = match s[0] {
                b'-' => Num::Minus,
                b'0' => Num::Zero,
                _ => Num::Int,
            };
            let mut len = 1;
            while let Some(next) = s.get(len).and_then(|&b| n.next(b)) {
                n = next;
                len += 1;
            }
            (len, n.is_complete())
        };
        assert_eq!(end(b"-0.5e+3,"), (7, true));
        assert_eq!(end(b"01"), (1, true));
        assert_eq!(end(b"1.5.3"), (3, true));
        assert_eq!(end(b"1e5e3"), (3, true));
        assert_eq!(end(b"1."), (2, false));
        assert_eq!(end(b"-"), (1, false));
    }

    #[test]
    fn any_error_on_any_bytes_gives_a_path() {
        // Errors from other texts, positioned anywhere, on texts of every shape: no panic.
        let texts: [&[u8]; 8] = [
            b"",
            b"{",
            b"[[[[",
            b"{\"a\":[1,{\"b\":\"\\",
            b"\xff\xfe\"\\u",
            b"}}]],,::",
            b"{\"a\": -",
            b"\n\n\n\n",
        ];
        let errors: Vec<serde_json::Error> = [
            "{",
            "{\"items\": [{\"name\": 1}]}",
            "{\n\n\n\n\n\"x\": 1}",
            "{\"items\": [[\"no\"]]}",
            "[",
        ]
        .iter()
        .map(|t| serde_json::from_str::<Doc>(t).unwrap_err())
        .chain([serde::de::Error::custom("no position")])
        .collect();
        for text in texts {
            for err in &errors {
                // What is asserted is that this returns, for each pair.
                std::hint::black_box(of_error(text, err));
            }
        }
    }
}
