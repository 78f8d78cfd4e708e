//! Build script: embeds the map's land outline (extracted at setup time, see `land`), and derives
//! the search's accent-folding tables from `unicode-normalization` at build
//! time, so the shipped wasm carries two small sorted tables instead of the crate's canonical and
//! compatibility decomposition tables (~118 KB of read-only data: its decomposition iterator
//! picks the table at run time, so the linker cannot drop the one we never use).
//!
//! What the tables encode is exactly "NFD, then drop the combining marks", char by char, which is
//! what the search did with the crate itself; `model::fold`'s exhaustive test checks every code
//! point against the crate (a dev-dependency) so the two can never drift apart.

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Hangul syllables decompose algorithmically into jamo (11,172 of them): `model::fold` does
/// that with the standard arithmetic rather than a table.
const HANGUL: std::ops::RangeInclusive<u32> = 0xAC00..=0xD7A3;

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    land();
    let mut bases = String::new();
    let mut multi = String::new();
    let mut marks = String::new();
    let mut mark_start: Option<u32> = None;
    let mut count = 0usize;
    for cp in 0..=0x10FFFFu32 {
        let mark = char::from_u32(cp).is_some_and(is_combining_mark);
        match (mark, mark_start) {
            (true, None) => mark_start = Some(cp),
            (false, Some(start)) => {
                writeln!(marks, "    ({start:#x}, {:#x}),", cp - 1).unwrap();
                mark_start = None;
            }
            _ => {}
        }
        let Some(c) = char::from_u32(cp) else {
            continue;
        };
        if mark || HANGUL.contains(&cp) {
            continue;
        }
        let folded: Vec<char> = std::iter::once(c)
            .nfd()
            .filter(|&d| !is_combining_mark(d))
            .collect();
        match folded.as_slice() {
            [same] if *same == c => {}
            [base] => {
                writeln!(bases, "    ({cp:#x}, {:#x}),", *base as u32).unwrap();
                count += 1;
            }
            // A few letters (outside Hangul) decompose into several letters.
            other => {
                // model::fold expands a letter into at most three.
                assert!(
                    other.len() <= 3,
                    "U+{cp:04X} folds to {} letters",
                    other.len()
                );
                let s: String = other.iter().collect();
                writeln!(multi, "    ({cp:#x}, {s:?}),").unwrap();
            }
        }
    }
    if let Some(start) = mark_start {
        writeln!(marks, "    ({start:#x}, 0x10ffff),").unwrap();
    }
    let out = format!(
        "/// Letters whose canonical decomposition, marks removed, is another letter, \
         sorted by code point ({count} pairs, Hangul excluded).\n\
         pub(crate) static BASES: &[(u32, u32)] = &[\n{bases}];\n\n\
         /// Letters that fold to several letters, sorted by code point.\n\
         pub(crate) static MULTI: &[(u32, &str)] = &[\n{multi}];\n\n\
         /// Ranges of combining marks (`is_combining_mark`), sorted and disjoint.\n\
         pub(crate) static MARKS: &[(u32, u32)] = &[\n{marks}];\n"
    );
    let dest = Path::new(&env::var("OUT_DIR").unwrap()).join("fold_tables.rs");
    fs::write(dest, out).unwrap();
}

/// The map's land outline, extracted at setup time by `scripts/extract-land.mjs` from npm's
/// `world-atlas` (Natural Earth), copied where `model::geo` includes it.
fn land() {
    let from = Path::new("tools/map/land.path");
    println!("cargo::rerun-if-changed={}", from.display());
    let outline = fs::read_to_string(from).unwrap_or_else(|e| {
        panic!(
            "{}: {e}. The map's land is extracted at setup time: run scripts/setup.sh \
             (or `node scripts/extract-land.mjs tools/map/land.path` after `npm ci --prefix tools`)",
            from.display()
        )
    });
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    fs::write(Path::new(&out).join("land.path"), outline.trim()).expect("OUT_DIR is writable");
}
