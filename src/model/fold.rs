//! Accent folding for search: a string's letters with their combining marks removed, as if it had
//! been put in Unicode canonical decomposition (NFD) and stripped of every combining mark, but
//! read from two small tables that `build.rs` derives from `unicode-normalization` at build time
//! (the crate itself would ship ~118 KB of decomposition tables in the wasm).

include!(concat!(env!("OUT_DIR"), "/fold_tables.rs"));

/// Hangul syllables (U+AC00–U+D7A3) decompose by arithmetic into two or three jamo (Unicode
/// §3.12, "Conjoining Jamo Behavior").
const S_BASE: u32 = 0xAC00;
const L_BASE: u32 = 0x1100;
const V_BASE: u32 = 0x1161;
const T_BASE: u32 = 0x11A7;
const V_COUNT: u32 = 21;
const T_COUNT: u32 = 28;
const S_COUNT: u32 = 19 * V_COUNT * T_COUNT;

/// Whether `c` is a combining mark (an accent, an Arabic vowel mark…): general category M.
pub fn is_mark(c: char) -> bool {
    let c = c as u32;
    MARKS
        .binary_search_by(|&(start, end)| {
            if end < c {
                std::cmp::Ordering::Less
            } else if start > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// The letters of `s` without their marks: the same characters, in the same order, as the
/// canonical decomposition of `s` with every combining mark removed.
pub fn strip_marks(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().flat_map(|c| {
        let mut out = [None; 3];
        let cp = c as u32;
        if let Ok(i) = MULTI.binary_search_by_key(&cp, |&(from, _)| from) {
            for (slot, d) in out.iter_mut().zip(MULTI[i].1.chars()) {
                *slot = Some(d);
            }
        } else if (S_BASE..S_BASE + S_COUNT).contains(&cp) {
            let i = cp - S_BASE;
            out[0] = char::from_u32(L_BASE + i / (V_COUNT * T_COUNT));
            out[1] = char::from_u32(V_BASE + (i % (V_COUNT * T_COUNT)) / T_COUNT);
            let t = i % T_COUNT;
            out[2] = (t != 0).then(|| char::from_u32(T_BASE + t)).flatten();
        } else if !is_mark(c) {
            out[0] = match BASES.binary_search_by_key(&cp, |&(from, _)| from) {
                Ok(i) => char::from_u32(BASES[i].1),
                Err(_) => Some(c),
            };
        }
        out.into_iter().flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::{canonical_combining_class, is_combining_mark};

    /// The crate's answer, which the tables must reproduce.
    fn reference(s: &str) -> String {
        s.nfd().filter(|&c| !is_combining_mark(c)).collect()
    }

    #[test]
    fn every_code_point_folds_as_nfd_without_marks() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(
                is_mark(c),
                is_combining_mark(c),
                "is_mark(U+{:04X})",
                c as u32
            );
            let s = c.to_string();
            assert_eq!(
                strip_marks(&s).collect::<String>(),
                reference(&s),
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn reordering_cannot_matter() {
        // NFD reorders runs of characters with a non-zero combining class; folding char by char
        // equals folding the whole string only if every such character is a mark (and dropped).
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            if canonical_combining_class(c) != 0 {
                assert!(
                    is_combining_mark(c),
                    "U+{:04X} reorders but is kept",
                    c as u32
                );
            }
        }
    }

    #[test]
    fn whole_strings_fold_as_the_crate_does() {
        for s in [
            "Meknès, Kénitra, Oukaïmeden — Œuvre",
            "الرِّبَاط، أكتوبر، مؤتمر",
            "한국어 Ǆemal ǅ ﬁ Å Ω ṩ",
            "e\u{301}\u{323} a\u{30A} q\u{307}\u{323}",
            "",
        ] {
            assert_eq!(strip_marks(s).collect::<String>(), reference(s), "{s}");
        }
    }
}
