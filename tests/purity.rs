//! The model is pure: no Leptos, no DOM bindings, no JavaScript, no clock. Everything under
//! `src/model/` must stay testable natively and deterministic, so the views read the clock and
//! pass `today` in. This test reads the sources, so a forbidden call cannot slip in unnoticed.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

/// What no model file may mention (code or comment alike: a mention is a smell worth a look):
/// the browser crates, the clock, and the app's other layers (which do use them), so the model
/// cannot reach a clock or the DOM through, say, `crate::hooks::clock`.
const FORBIDDEN: [&str; 16] = [
    "leptos",
    "web_sys",
    "js_sys",
    "wasm_bindgen",
    "gloo",
    "Local::now",
    "Utc::now",
    "SystemTime",
    "Instant::now",
    "thread_rng",
    "crate::hooks",
    "crate::state",
    "crate::components",
    "crate::data",
    "crate::i18n",
    "crate::panic_screen",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/model exists") {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The forbidden words on each line of `text`, as (line number, word).
fn scan(text: &str) -> Vec<(usize, &'static str)> {
    text.lines()
        .enumerate()
        .flat_map(|(n, line)| {
            FORBIDDEN
                .into_iter()
                .filter(move |w| line.contains(w))
                .map(move |w| (n + 1, w))
        })
        .collect()
}

#[test]
fn the_model_reads_no_clock_and_knows_no_browser() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/model");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    assert!(files.len() >= 10, "only {} model files found", files.len());
    let mut found = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        for (n, word) in scan(&text) {
            found.push(format!("{}:{n}: {word}", f.display()));
        }
    }
    assert!(
        found.is_empty(),
        "the model must stay pure:\n{}",
        found.join("\n")
    );
}

/// The check itself can fail: it finds a forbidden call planted in a copy of a model file.
#[test]
fn the_check_finds_what_it_looks_for() {
    let planted = "fn ok() {}\nlet t = chrono::Local::now();\nuse leptos::prelude::*;\nlet d = crate::hooks::clock::today();";
    assert_eq!(
        scan(planted),
        [(2, "Local::now"), (3, "leptos"), (4, "crate::hooks")]
    );
    assert!(scan("let t = today;").is_empty());
}
