//! The maintainers' converter (`cargo run --bin convert`): the app's importers and exporters from
//! the command line, with `validate`'s exit codes and `path: message` problems.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;
use std::process::{Command, Output};

fn convert(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_convert"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the converter runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

/// TimelineJS's own example files, read where the project's research keeps them (never copied
/// into the repository); the test fails, not skips, without them.
fn timelinejs(name: &str) -> String {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    [
        here.join("../shared/fixtures/timelinejs"),
        PathBuf::from("/work/shared/fixtures/timelinejs"),
    ]
    .into_iter()
    .map(|d| d.join(name))
    .find(|p| p.exists())
    .unwrap_or_else(|| panic!("TimelineJS fixture {name} not found"))
    .display()
    .to_string()
}

#[test]
fn a_timelinejs_file_becomes_csv_with_every_event() {
    let path = timelinejs("eras.json");
    let o = convert(&[&path, "--to", "csv"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let raw: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let events = raw["events"].as_array().unwrap().len();
    let csv = stdout(&o);
    assert!(
        csv.trim_start_matches('\u{feff}')
            .starts_with("id,title,start,end,lane")
    );
    assert_eq!(
        csv.trim_end().split("\r\n").count(),
        events + 1,
        "a row per event"
    );
    // The import's report goes to standard error, so the output stays clean.
    assert!(String::from_utf8_lossy(&o.stderr).contains("events imported"));
}

#[test]
fn our_dataset_becomes_a_calendar_written_to_a_file() {
    let out = std::env::temp_dir().join(format!("convert-test-{}.ics", std::process::id()));
    let o = convert(&[
        "public/data/cooperation.json",
        "--to",
        "ics",
        "--lang",
        "fr",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let ics = std::fs::read_to_string(&out).unwrap();
    let _ = std::fs::remove_file(&out);
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.contains("UID:cmm-22@"));
    assert!(
        ics.contains("DTSTART;VALUE=DATE:20241202"),
        "the 22nd session's first day"
    );
}

#[test]
fn standard_input_and_citations() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_convert"))
        .args(["-", "--to", "bibtex"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        stdin
            .write_all(include_bytes!("data/import/example-timelinejs.json"))
            .unwrap();
    }
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success());
    let bib = stdout(&o);
    assert!(
        bib.contains("@misc{") && bib.contains("https://example.org/opening"),
        "{bib}"
    );
}

#[test]
fn deep_time_converts_and_a_year_beyond_it_fails_with_where_and_what() {
    let path = timelinejs("cosmo.json");
    let o = convert(&[&path, "--to", "json"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(
        stdout(&o).contains("\"start\": \"-13799999999\""),
        "{}",
        stdout(&o)
    );

    let beyond =
        std::fs::read_to_string(&path)
            .unwrap()
            .replacen("-13800000000", "-23800000000", 1);
    let bad_path = std::env::temp_dir().join(format!("beyond-{}.json", std::process::id()));
    std::fs::write(&bad_path, beyond).unwrap();
    let o = convert(&[bad_path.to_str().unwrap(), "--to", "json"]);
    std::fs::remove_file(&bad_path).ok();
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).contains("events[0].start_date.year: year -23800000000 is outside"),
        "{}",
        stdout(&o)
    );
    let bad = convert(&["public/data/cooperation.json", "--to", "xml"]);
    assert_eq!(
        bad.status.code(),
        Some(2),
        "an unknown format is a usage error"
    );
    let missing = convert(&["no-such-file.json", "--to", "csv"]);
    assert_eq!(missing.status.code(), Some(2));
}
