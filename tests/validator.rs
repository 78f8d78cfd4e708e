//! The maintainers' validator (`cargo run --bin validate -- FILE.json`) against the hostile-input
//! corpus in `tests/data/invalid/`: every file must exit 1 and print exactly the problems in its
//! `.expected` file, and nothing may panic, however large, deep or binary the input: large or
//! binary input fails at its first error, deep input at the first level the schema does not expect.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use cooperation_timeline::model;

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
