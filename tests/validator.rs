//! The maintainers' validator (`cargo run --bin validate -- FILE.json`) against the hostile-input
//! corpus in `tests/data/invalid/`: every file must exit 1 and print exactly the problems in its
//! `.expected` file, and nothing may panic, however large, deep or binary the input: large or
//! binary input fails at its first error, deep input at the first level the schema does not expect.
//! And the JSON path of a parse error, on every kind of parse error (`tests/data/parse-errors.json`)
//! and on many thousands of broken inputs, against `serde_path_to_error`.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use cooperation_timeline::model::{self, Dataset, Problem, validate};

const VALIDATE: &str = env!("CARGO_BIN_EXE_validate");

fn data_dir(sub: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(sub)
}

fn run(path: &Path) -> Output {
    Command::new(VALIDATE)
        .arg(path)
        .output()
        .expect("the validator runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn corpus() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(data_dir("invalid"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

#[test]
fn corpus_has_at_least_25_files_each_with_its_expected_error() {
    let files = corpus();
    assert!(files.len() >= 25, "only {} corpus files", files.len());
    for f in &files {
        assert!(
            f.with_extension("expected").exists(),
            "{} has no .expected",
            f.display()
        );
    }
}

#[test]
fn every_corpus_file_fails_with_its_expected_messages() {
    let mut failures = Vec::new();
    for f in corpus() {
        let expected = std::fs::read_to_string(f.with_extension("expected")).unwrap();
        let out = run(&f);
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        if out.status.code() != Some(1) {
            failures.push(format!("{name}: exit {:?}, expected 1", out.status.code()));
        }
        if stdout(&out) != expected {
            failures.push(format!(
                "{name}:\n  got:  {}\n  want: {}",
                stdout(&out),
                expected
            ));
        }
        // The library (which the app uses for its error screen) reports the same lines.
        let lines: Vec<String> = match model::load(&std::fs::read(&f).unwrap()) {
            Ok(_) => vec!["<accepted>".into()],
            Err(model::Invalid(p)) => p.iter().map(|p| format!("{p}\n")).collect(),
        };
        if lines.concat() != expected {
            failures.push(format!("{name}: library disagrees: {}", lines.concat()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn valid_files_exit_0_with_a_one_line_summary() {
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data/cooperation.json");
    for f in [data_dir("valid").join("minimal.json"), shipped] {
        let out = run(&f);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}: {}",
            f.display(),
            stdout(&out)
        );
        let text = stdout(&out);
        assert_eq!(text.lines().count(), 1, "{text}");
        assert!(
            text.contains("valid — ") && text.contains("events"),
            "{text}"
        );
    }
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(std::fs::read(data_dir("valid").join("minimal.json")).unwrap());
    assert!(model::load(&bytes).is_ok());
}

/// Writes `bytes` to a temporary file and runs the validator on it.
fn run_bytes(name: &str, bytes: &[u8]) -> Output {
    let dir = std::env::temp_dir().join(format!("ct-validator-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    let out = run(&path);
    std::fs::remove_file(&path).ok();
    out
}

/// Runs the validator on `bytes` and checks that it rejects them (exit 1) with stdout `expected`
/// and no panic.
fn assert_rejected_with(name: &str, bytes: &[u8], expected: &str) {
    let out = run_bytes(name, bytes);
    assert_eq!(out.status.code(), Some(1), "{name}: {}", stdout(&out));
    assert_eq!(stdout(&out), expected, "{name}");
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("panicked"),
        "{name}"
    );
}

#[test]
fn inputs_of_50_mb_are_rejected_with_their_first_error() {
    const MB: usize = 1024 * 1024;
    let mut long_string = br#"{"schema_version": 1, "title": {"fr": ""#.to_vec();
    long_string.extend(std::iter::repeat_n(b'a', 50 * MB));
    let mut garbage = Vec::with_capacity(50 * MB);
    let mut x: u32 = 0x9E37_79B9;
    for _ in 0..50 * MB {
        // xorshift: reproducible pseudo-random bytes without a dependency.
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        garbage.push(x as u8);
    }
    assert_rejected_with(
        "50mb-string.json",
        &long_string,
        "title.fr: the file ends too early (EOF while parsing a string at line 1 column 52428839)\n",
    );
    assert_rejected_with(
        "50mb-garbage.json",
        &garbage,
        ".: not valid JSON: expected value at line 1 column 1\n",
    );
}

/// Every field of the format has a fixed type and unknown fields are rejected, so input nested
/// deeper than the schema is rejected at the first level that does not expect it, without being
/// descended into (serde_json's recursion limit is never what stops it).
#[test]
fn nesting_10_000_deep_is_rejected_at_the_first_level_the_schema_does_not_expect() {
    let deep_objects = r#"{"title": "#.repeat(10_000) + &"}".repeat(10_000);
    assert_rejected_with(
        "deep-objects.json",
        deep_objects.as_bytes(),
        "title.title: unknown field `title`, expected one of `fr`, `en`, `ar` at line 1 column 18\n",
    );
    let deep_in_value = format!(
        "{{\"schema_version\": {}{}}}",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    assert_rejected_with(
        "deep-in-value.json",
        deep_in_value.as_bytes(),
        "schema_version: invalid type: sequence, expected u32 at line 1 column 19\n",
    );
    // Through the deepest path the schema has (six containers), then 10 000 more levels.
    let minimal = std::fs::read_to_string(data_dir("valid").join("minimal.json")).unwrap();
    let anchor = r#""confidence": "confirmed","#;
    assert_eq!(minimal.matches(anchor).count(), 1);
    let deep_note = format!(
        r#""notes": [{{"kind": "caveat", "text": {{"fr": {}{}, "en": "e"}}, "sources": ["s1"]}}], {anchor}"#,
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let out = run_bytes(
        "deep-along-schema.json",
        minimal.replacen(anchor, &deep_note, 1).as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(
        text.starts_with(
            "events[0].notes[0].text.fr: invalid type: sequence, expected a string at line "
        ),
        "{text}"
    );
}

#[test]
fn unreadable_file_and_bad_usage_exit_2() {
    let out = run(Path::new("/nonexistent/cooperation.json"));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read"));
    let out = Command::new(VALIDATE).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("usage"));
}

// ---- JSON paths of parse errors, against serde_path_to_error -------------------------------------
//
// `model::validate::parse` finds the path of a parse error from serde_json's position
// (`model::json_path`) instead of tracking it while parsing. `serde_path_to_error`, which tracked
// it before, is the reference: on thousands of broken variants of the test datasets (every
// truncation, every deleted byte, a stray byte at every position, every value replaced by values
// of every other type, missing, unknown and duplicate keys at every level, structs written as
// arrays, escaped keys, three layouts), both must report the same problem, but for the one known
// difference (`is_enum_object_difference`).

/// The problem `parse` reported when it tracked paths with `serde_path_to_error`.
fn reference(bytes: &[u8]) -> Result<(), Problem> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let problem = |path: String, e: serde_json::Error| {
        let message = match e.classify() {
            serde_json::error::Category::Eof => format!("the file ends too early ({e})"),
            serde_json::error::Category::Syntax => format!("not valid JSON: {e}"),
            _ => e.to_string(),
        };
        Problem { path, message }
    };
    let mut de = serde_json::Deserializer::from_slice(bytes);
    serde_path_to_error::deserialize::<_, Dataset>(&mut de)
        .map_err(|e| problem(e.path().to_string(), e.into_inner()))?;
    de.end().map_err(|e| problem(".".into(), e))
}

/// The inputs on which `parse` and the reference disagree, each with both answers.
fn disagreements(inputs: impl IntoIterator<Item = Vec<u8>>) -> (usize, Vec<String>) {
    let mut count = 0;
    let mut found = Vec::new();
    for bytes in inputs {
        count += 1;
        let ours = validate::parse(&bytes).map(|_| ());
        // Inputs that are obviously not an object are named before any parsing, in both.
        if matches!(&ours, Err(p) if p.path == "." && !p.message.contains(" at line ")) {
            continue;
        }
        let theirs = reference(&bytes);
        if let (Err(o), Err(t)) = (&ours, &theirs)
            && is_enum_object_difference(o, t)
        {
            continue;
        }
        if ours != theirs {
            let text = String::from_utf8_lossy(&bytes);
            let short: String = if text.len() > 300 {
                text.chars().take(300).collect()
            } else {
                text.into_owned()
            };
            found.push(format!(
                "{short:?}\n  ours:      {ours:?}\n  reference: {theirs:?}"
            ));
        }
    }
    (count, found)
}

/// The one known difference. serde accepts an enum written as an object (`"confidence":
/// {"confirmed": null}`, never seen in a real file). When the variant's name in such an object
/// cannot be read (not a string, a bad escape, the file ends), or the file ends before its `}`,
/// `parse` reports the key it could not read (`….confidence.?`), as for any struct's key, where
/// `serde_path_to_error` named the enum (`….confidence`): serde_json reports both at the same
/// place with the same message, and nothing in the text tells the two kinds of object apart.
fn is_enum_object_difference(ours: &Problem, theirs: &Problem) -> bool {
    let unknown_key = if theirs.path == "." {
        "?".to_string()
    } else {
        format!("{}.?", theirs.path)
    };
    ours.message == theirs.message && ours.path == unknown_key
}

/// A JSON value that keeps its keys in order (serde_json's `Value` sorts them).
#[derive(Clone, Debug)]
enum J {
    Null,
    Bool(bool),
    Num(String),
    Str(String),
    Arr(Vec<J>),
    Obj(Vec<(String, J)>),
}

impl<'de> serde::Deserialize<'de> for J {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = J;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("JSON")
            }
            fn visit_unit<E>(self) -> Result<J, E> {
                Ok(J::Null)
            }
            fn visit_bool<E>(self, b: bool) -> Result<J, E> {
                Ok(J::Bool(b))
            }
            fn visit_u64<E>(self, n: u64) -> Result<J, E> {
                Ok(J::Num(n.to_string()))
            }
            fn visit_i64<E>(self, n: i64) -> Result<J, E> {
                Ok(J::Num(n.to_string()))
            }
            fn visit_f64<E>(self, n: f64) -> Result<J, E> {
                Ok(J::Num(n.to_string()))
            }
            fn visit_str<E>(self, s: &str) -> Result<J, E> {
                Ok(J::Str(s.into()))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut a: A) -> Result<J, A::Error> {
                let mut v = Vec::new();
                while let Some(x) = a.next_element()? {
                    v.push(x);
                }
                Ok(J::Arr(v))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut a: A) -> Result<J, A::Error> {
                let mut v = Vec::new();
                while let Some(e) = a.next_entry()? {
                    v.push(e);
                }
                Ok(J::Obj(v))
            }
        }
        d.deserialize_any(V)
    }
}

/// How to lay a document out.
#[derive(Clone, Copy)]
enum Layout {
    /// No whitespace.
    Compact,
    /// One entry per line, indented.
    Pretty,
    /// Spaces around every separator and bracket, keys with every letter `\u`-escaped.
    Spaced,
}

fn string(s: &str, layout: Layout, key: bool, out: &mut String) {
    match layout {
        Layout::Spaced if key => {
            out.push('"');
            for c in s.chars() {
                if c.is_alphanumeric() || c == '"' || c == '\\' || c.is_control() {
                    let mut units = [0u16; 2];
                    for u in c.encode_utf16(&mut units) {
                        out.push_str(&format!("\\u{u:04x}"));
                    }
                } else {
                    out.push(c);
                }
            }
            out.push('"');
        }
        _ => out.push_str(&serde_json::to_string(s).unwrap()),
    }
}

fn emit(v: &J, layout: Layout, depth: usize, out: &mut String) {
    let (open_gap, sep, colon, close_gap) = match layout {
        Layout::Compact => (String::new(), ",".to_string(), ":", String::new()),
        Layout::Pretty => (
            format!("\n{}", "  ".repeat(depth + 1)),
            format!(",\n{}", "  ".repeat(depth + 1)),
            ": ",
            format!("\n{}", "  ".repeat(depth)),
        ),
        Layout::Spaced => (" ".into(), " , ".into(), " : ", " ".into()),
    };
    match v {
        J::Null => out.push_str("null"),
        J::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        J::Num(n) => out.push_str(n),
        J::Str(s) => string(s, layout, false, out),
        J::Arr(items) => {
            out.push('[');
            for (i, x) in items.iter().enumerate() {
                out.push_str(if i == 0 { &open_gap } else { &sep });
                emit(x, layout, depth + 1, out);
            }
            if !items.is_empty() {
                out.push_str(&close_gap);
            }
            out.push(']');
        }
        J::Obj(entries) => {
            out.push('{');
            for (i, (k, x)) in entries.iter().enumerate() {
                out.push_str(if i == 0 { &open_gap } else { &sep });
                string(k, layout, true, out);
                out.push_str(colon);
                emit(x, layout, depth + 1, out);
            }
            if !entries.is_empty() {
                out.push_str(&close_gap);
            }
            out.push('}');
        }
    }
}

/// Every node of `v`, as the list of child positions that leads to it.
fn nodes(v: &J, at: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
    out.push(at.clone());
    let children: Vec<&J> = match v {
        J::Arr(items) => items.iter().collect(),
        J::Obj(entries) => entries.iter().map(|(_, x)| x).collect(),
        _ => vec![],
    };
    for (i, c) in children.into_iter().enumerate() {
        at.push(i);
        nodes(c, at, out);
        at.pop();
    }
}

fn node<'a>(v: &'a J, at: &[usize]) -> &'a J {
    match at.split_first() {
        None => v,
        Some((&i, rest)) => match v {
            J::Arr(items) => node(&items[i], rest),
            J::Obj(entries) => node(&entries[i].1, rest),
            _ => unreachable!(),
        },
    }
}

fn node_mut<'a>(v: &'a mut J, at: &[usize]) -> &'a mut J {
    match at.split_first() {
        None => v,
        Some((&i, rest)) => match v {
            J::Arr(items) => node_mut(&mut items[i], rest),
            J::Obj(entries) => node_mut(&mut entries[i].1, rest),
            _ => unreachable!(),
        },
    }
}

/// Values of every JSON type, and strings that look like the format's (dates, enum names).
fn replacements() -> Vec<J> {
    let s = |x: &str| J::Str(x.into());
    let n = |x: &str| J::Num(x.into());
    vec![
        J::Null,
        J::Bool(true),
        n("0"),
        n("-1"),
        n("1.5"),
        n("99999999999"),
        n("1e400"),
        s(""),
        s("x"),
        s("2024-13-01"),
        s("2024-02-30"),
        s("confirmed"),
        s("caveat"),
        s("a\"]}\\,:[{é😀\u{1}"),
        J::Arr(vec![]),
        J::Arr(vec![s("a"), s("b")]),
        J::Arr(vec![J::Arr(vec![J::Arr(vec![])])]),
        J::Obj(vec![]),
        J::Obj(vec![("fr".into(), s("a")), ("en".into(), s("b"))]),
        J::Obj(vec![("confirmed".into(), J::Null)]),
        J::Obj(vec![("confirmed".into(), n("5"))]),
        J::Obj(vec![("confirmed".into(), J::Null), ("x".into(), J::Null)]),
        J::Obj(vec![("nope".into(), J::Null)]),
        J::Obj(vec![("x\"]}".into(), n("1"))]),
    ]
}

/// An edit of one node of a document.
enum Edit {
    /// Replace it.
    Replace(J),
    /// Write an object as the array of its first `n` values (a struct written positionally).
    Positional(usize),
    /// Insert an unknown key before entry `i`.
    Unknown(usize),
    /// Remove entry `i`.
    Remove(usize),
    /// Repeat entry `i` at the end.
    Duplicate(usize),
}

/// Value-level variants of `doc`, one in `every` of: each node replaced by each of
/// `replacements()`; each object written as an array of all or some of its values; each key of
/// each object removed, duplicated, and preceded by an unknown one.
fn value_mutants(doc: &J, every: usize) -> Vec<J> {
    let mut at = Vec::new();
    let mut all = Vec::new();
    nodes(doc, &mut at, &mut all);
    let mut edits = Vec::new();
    for path in &all {
        edits.extend(replacements().into_iter().map(|r| (path, Edit::Replace(r))));
        if let J::Obj(entries) = node(doc, path) {
            for i in 0..=entries.len() {
                edits.push((path, Edit::Positional(i)));
                edits.push((path, Edit::Unknown(i)));
                if i < entries.len() {
                    edits.push((path, Edit::Remove(i)));
                    edits.push((path, Edit::Duplicate(i)));
                }
            }
        }
    }
    edits
        .into_iter()
        .step_by(every)
        .map(|(path, edit)| {
            let mut d = doc.clone();
            let n = node_mut(&mut d, path);
            match (edit, n) {
                (Edit::Replace(r), n) => *n = r,
                (Edit::Positional(len), n) => {
                    if let J::Obj(entries) = n {
                        let values = entries.iter().take(len).map(|(_, x)| x.clone()).collect();
                        *n = J::Arr(values);
                    }
                }
                (Edit::Unknown(i), J::Obj(e)) => e.insert(i, ("zz\"}".into(), J::Null)),
                (Edit::Remove(i), J::Obj(e)) => {
                    e.remove(i);
                }
                (Edit::Duplicate(i), J::Obj(e)) => {
                    let dup = e[i].clone();
                    e.push(dup);
                }
                _ => unreachable!(),
            }
            d
        })
        .collect()
}

/// Byte-level variants of `text`, at every `step`th position: the truncation there, the byte
/// deleted, and a stray byte inserted.
fn byte_mutants(text: &[u8], step: usize) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for i in (0..text.len()).step_by(step) {
        out.push(text[..i].to_vec());
        let mut d = text.to_vec();
        d.remove(i);
        out.push(d);
        for b in *b"{}[],:\"\\x1-.en \x01\xff" {
            let mut d = text.to_vec();
            d.insert(i, b);
            out.push(d);
        }
    }
    out
}

/// `doc` laid out the `n`th way (of three).
fn laid_out(doc: &J, n: usize) -> Vec<u8> {
    let layout = [Layout::Compact, Layout::Pretty, Layout::Spaced][n % 3];
    let mut s = String::new();
    emit(doc, layout, 0, &mut s);
    s.into_bytes()
}

fn test_doc(name: &str) -> (Vec<u8>, J) {
    let bytes = std::fs::read(data_dir("valid").join(name)).unwrap();
    let doc: J = serde_json::from_slice(&bytes).unwrap();
    (bytes, doc)
}

/// The key paths (`events.place.name.fr`) under `v`.
fn key_paths(v: &J, at: &str, out: &mut std::collections::BTreeSet<String>) {
    match v {
        J::Arr(items) => items.iter().for_each(|x| key_paths(x, at, out)),
        J::Obj(entries) => {
            for (k, x) in entries {
                let p = format!("{at}.{k}");
                key_paths(x, &p, out);
                out.insert(p);
            }
        }
        _ => {}
    }
}

/// A small document with every field the shipped dataset uses: of each top-level list, the items
/// that use a field no earlier item used. Plus the two fields it does not use (`$schema`, a
/// source's `title`).
fn every_field() -> J {
    let bytes =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data/cooperation.json"))
            .unwrap();
    let J::Obj(mut root) = serde_json::from_slice(&bytes).unwrap() else {
        panic!("the dataset is an object")
    };
    for (name, v) in &mut root {
        let J::Arr(items) = v else { continue };
        let mut seen = std::collections::BTreeSet::new();
        items.retain(|item| {
            let mut paths = std::collections::BTreeSet::new();
            key_paths(item, name, &mut paths);
            let new = !paths.is_subset(&seen);
            seen.extend(paths);
            new
        });
        if name == "sources"
            && let Some(J::Obj(source)) = items.first_mut()
        {
            source.push(("title".into(), J::Str("T".into())));
        }
    }
    root.insert(
        0,
        ("$schema".into(), J::Str("cooperation.schema.json".into())),
    );
    let mut doc = J::Obj(root);
    shorten(&mut doc);
    doc
}

/// Cuts long strings (the texts) to 12 characters: their length does not matter here, and
/// shorter documents parse faster. Dates, enum names and most ids are shorter.
fn shorten(v: &mut J) {
    match v {
        J::Str(s) if s.chars().count() > 12 => *s = s.chars().take(12).collect(),
        J::Arr(items) => items.iter_mut().for_each(shorten),
        J::Obj(entries) => entries.iter_mut().for_each(|(_, x)| shorten(x)),
        _ => {}
    }
}

/// `minimal.json` with its event's confidence written as an enum in object form.
fn enum_object_doc() -> Vec<u8> {
    let (text, _) = test_doc("minimal.json");
    String::from_utf8(text)
        .unwrap()
        .replacen("\"confirmed\"", "{ \"confirmed\" : null }", 1)
        .into_bytes()
}

fn assert_no_disagreement(inputs: Vec<Vec<u8>>, at_least: usize) {
    let (count, found) = disagreements(inputs);
    assert!(count >= at_least, "only {count} inputs");
    assert!(
        found.is_empty(),
        "{} of {count} differ:\n{}",
        found.len(),
        found[..found.len().min(20)].join("\n")
    );
}

#[test]
fn parse_error_paths_match_serde_path_to_error_for_every_byte_edit() {
    let (text, doc) = test_doc("minimal.json");
    let mut inputs = byte_mutants(&text, 1);
    let mut spaced = String::new();
    emit(&doc, Layout::Spaced, 0, &mut spaced);
    inputs.extend(byte_mutants(spaced.as_bytes(), 3));
    inputs.extend(byte_mutants(&enum_object_doc(), 5));
    assert_no_disagreement(inputs, 45_000);
}

#[test]
fn parse_error_paths_match_serde_path_to_error_for_every_value_edit() {
    let mut inputs = Vec::new();
    for (doc, every) in [(test_doc("minimal.json").1, 1), (every_field(), 7)] {
        for (n, d) in value_mutants(&doc, every).iter().enumerate() {
            inputs.push(laid_out(d, n));
        }
    }
    assert_no_disagreement(inputs, 4_000);
}

/// Random token streams that start like a dataset and mostly follow the JSON grammar, with the
/// format's keys and values: they break at every depth, in every state.
#[test]
fn parse_error_paths_match_serde_path_to_error_for_random_token_streams() {
    const KEYS: [&str; 16] = [
        "schema_version",
        "title",
        "fr",
        "en",
        "ar",
        "events",
        "date",
        "start",
        "end",
        "sources",
        "confidence",
        "people",
        "roles",
        "notes",
        "kind",
        "zz",
    ];
    const VALUES: [&str; 14] = [
        "\"2024-12-02\"",
        "\"2024-13-01\"",
        "\"confirmed\"",
        "\"caveat\"",
        "\"x\"",
        "\"\\\"]}\"",
        "1",
        "-1",
        "1.5",
        "1e400",
        "true",
        "false",
        "null",
        "\"\\ud800\"",
    ];
    let mut x: u32 = 0x2545_F491;
    let mut next = move |n: usize| {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        x as usize % n
    };
    let mut inputs = Vec::new();
    for _ in 0..20_000 {
        let mut s = String::from("{");
        // The open containers: true for an object.
        let mut open = vec![true];
        let mut expect_key = true;
        for _ in 0..60 {
            let ws = [" ", "", "", "\n "][next(4)];
            s.push_str(ws);
            let object = *open.last().unwrap_or(&true);
            let token: String = match next(20) {
                // Mostly what the grammar allows next.
                0..=16 if expect_key && object => {
                    expect_key = false;
                    format!("\"{}\":", KEYS[next(KEYS.len())])
                }
                0..=11 => {
                    expect_key = false;
                    match next(6) {
                        0 => {
                            open.push(true);
                            expect_key = true;
                            "{".into()
                        }
                        1 => {
                            open.push(false);
                            "[".into()
                        }
                        _ => VALUES[next(VALUES.len())].into(),
                    }
                }
                12..=14 => {
                    expect_key = object;
                    ",".into()
                }
                15..=16 => {
                    open.pop();
                    if object { "}" } else { "]" }.into()
                }
                _ => ["{", "}", "[", "]", ",", ":", "\"", "x"][next(8)].into(),
            };
            s.push_str(&token);
            if open.is_empty() {
                break;
            }
        }
        inputs.push(s.into_bytes());
    }
    assert_no_disagreement(inputs, 20_000);
}

#[test]
fn tmp_enum_bytes() {
    let (text, _) = test_doc("minimal.json");
    let text = String::from_utf8(text)
        .unwrap()
        .replace("\"confirmed\"", "{ \"confirmed\" : null }");
    let (count, found) = disagreements(byte_mutants(text.as_bytes(), 1));
    assert!(
        found.is_empty(),
        "{} of {count}:\n{}",
        found.len(),
        found[..found.len().min(20)].join("\n")
    );
}

/// One case of `tests/data/parse-errors.json`: `minimal.json` with `replace` (which occurs once)
/// replaced `by`, and cut right after it when `by` ends with `<CUT>`; `<FF>` stands for the byte
/// 0xFF (not UTF-8). `report` is the one problem `parse` reports, as the validator prints it.
#[derive(serde::Deserialize)]
struct Case {
    case: String,
    replace: String,
    by: String,
    report: String,
}

impl Case {
    fn bytes(&self) -> Vec<u8> {
        let minimal = std::fs::read_to_string(data_dir("valid").join("minimal.json")).unwrap();
        assert_eq!(minimal.matches(&self.replace).count(), 1, "{}", self.case);
        let at = minimal.find(&self.replace).unwrap_or(0);
        let mut text = minimal.replacen(&self.replace, &self.by, 1);
        if let Some(by) = self.by.strip_suffix("<CUT>") {
            text.truncate(at + by.len());
        }
        text.split("<FF>")
            .map(str::as_bytes)
            .collect::<Vec<_>>()
            .join(&0xFF)
    }
}

/// Every kind of parse error, at every level of the format, with the path and message it is
/// reported with: what `serde_path_to_error` reported, except for the one known difference (see
/// `is_enum_object_difference`), which two cases pin.
#[test]
fn parse_errors_are_reported_with_their_json_path() {
    let text = std::fs::read_to_string(data_dir("parse-errors.json")).unwrap();
    let cases: Vec<Case> = serde_json::from_str(&text).unwrap();
    assert!(cases.len() >= 100, "{}", cases.len());
    let mut failures = Vec::new();
    let mut enum_objects = 0;
    for c in &cases {
        let bytes = c.bytes();
        let ours = match validate::parse(&bytes) {
            Ok(_) => "<accepted>".to_string(),
            Err(p) => p.to_string(),
        };
        if ours != c.report {
            failures.push(format!("{}:\n  got:  {ours}\n  want: {}", c.case, c.report));
        }
        match (validate::parse(&bytes), reference(&bytes)) {
            (Err(o), Err(t)) if is_enum_object_difference(&o, &t) => enum_objects += 1,
            (Err(o), Err(t)) if o == t => {}
            (o, t) => failures.push(format!("{}: reference {t:?}, ours {o:?}", c.case)),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(enum_objects, 2);
}
