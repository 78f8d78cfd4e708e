//! Locale tables the model needs to format dates and numbers in French, English and Arabic:
//! month names, ordinals and the few joining words of date ranges. UI strings live with the UI.
//!
//! Arabic month names follow CLDR's `ar-MA` (Moroccan) forms — ماي، يوليوز، غشت، شتنبر، نونبر، دجنبر —
//! because that is what the FAR and MAP communiqués, our main Arabic sources, use.
//!
//! Years are astronomical in the model (0 is 1 BC, −44 is 45 BC) and shown the way readers write
//! them. AD years are bare numbers ("2024"), except where a range starts BC ("1 BC–AD 9"). BC
//! years take the era each language's reference works use, after the number: "44 BC" (English
//! style guides' "BC", not "BCE", to match the "AD" readers expect), "44 av. J.-C." (the usual
//! French abbreviation), "44 ق.م" (the usual Arabic abbreviation of
//! قبل الميلاد; AD is "م", ميلادي). Centuries and millennia follow each language's habit: "1st
//! century BC", "Ier siècle av. J.-C." (small Roman capitals in print, plain capitals here),
//! "القرن 1 ق.م" (digits, like the existing "القرن 21").

use super::text::Lang;

const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const EN_ABBR: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec",
];
const FR_MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const FR_ABBR: [&str; 12] = [
    "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
    "déc.",
];
const AR_MONTHS: [&str; 12] = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "ماي",
    "يونيو",
    "يوليوز",
    "غشت",
    "شتنبر",
    "أكتوبر",
    "نونبر",
    "دجنبر",
];

fn month_index(month: u32) -> usize {
    (month.clamp(1, 12) - 1) as usize
}

/// The full month name (`month` is 1–12; out-of-range values are clamped).
pub fn month_name(lang: Lang, month: u32) -> &'static str {
    let i = month_index(month);
    match lang {
        Lang::En => EN_MONTHS[i],
        Lang::Fr => FR_MONTHS[i],
        Lang::Ar => AR_MONTHS[i],
    }
}

/// The short month name used with a day ("2 Dec 2024", "2 déc. 2024"); Arabic has no short form.
pub fn month_abbr(lang: Lang, month: u32) -> &'static str {
    let i = month_index(month);
    match lang {
        Lang::En => EN_ABBR[i],
        Lang::Fr => FR_ABBR[i],
        Lang::Ar => AR_MONTHS[i],
    }
}

/// Joining words of date phrases.
pub struct Words {
    /// "between" in "between 2014 and 2017".
    pub between: &'static str,
    /// "and" in the same phrase.
    pub and: &'static str,
    /// What a role with no end is: "in office" ("22 Apr 2023 – in office").
    pub in_office: &'static str,
    /// What precedes the date of a search that found nothing ("as of November 2026").
    pub as_of: &'static str,
    /// Units of sizes: bytes, kilobytes, megabytes ("231 kB", "231 ko").
    pub bytes: [&'static str; 3],
    /// The decimal separator of sizes ("1.4 MB", "1,4 Mo").
    pub decimal: &'static str,
}

/// The joining words for `lang`.
pub fn words(lang: Lang) -> Words {
    match lang {
        Lang::En => Words {
            between: "between",
            and: "and",
            in_office: "in office",
            as_of: "as of",
            bytes: ["B", "kB", "MB"],
            decimal: ".",
        },
        Lang::Fr => Words {
            between: "entre",
            and: "et",
            in_office: "en fonction",
            as_of: "constat :",
            bytes: ["o", "ko", "Mo"],
            decimal: ",",
        },
        Lang::Ar => Words {
            between: "بين",
            and: "و",
            in_office: "في المنصب",
            as_of: "حتى",
            bytes: ["بايت", "ك.ب", "م.ب"],
            decimal: ".",
        },
    }
}

/// The era of a year: BC for astronomical years ≤ 0, AD otherwise ("BC"/"AD", "av. J.-C."/
/// "apr. J.-C.", "ق.م"/"م").
pub fn era_label(lang: Lang, bc: bool) -> &'static str {
    match (lang, bc) {
        (Lang::En, true) => "BC",
        (Lang::En, false) => "AD",
        (Lang::Fr, true) => "av. J.-C.",
        (Lang::Fr, false) => "apr. J.-C.",
        (Lang::Ar, true) => "ق.م",
        (Lang::Ar, false) => "م",
    }
}

/// The year `year` (astronomical) as a reader writes it: "2024", "44 BC" for −43, "1 BC" for 0,
/// and deep time grouped or in millions and billions: "315,000 BC", "13.8 billion BC".
pub fn year_label(lang: Lang, year: i64) -> String {
    if year >= 1 {
        year.to_string()
    } else {
        format!("{} {}", bc_count(lang, 1 - year), era_label(lang, true))
    }
}

/// [`year_label`], with the era written out for AD years too: "AD 9", "9 apr. J.-C.", "9 م".
pub fn year_label_ad(lang: Lang, year: i64) -> String {
    match lang {
        _ if year <= 0 => year_label(lang, year),
        Lang::En => format!("AD {year}"),
        Lang::Fr | Lang::Ar => format!("{year} {}", era_label(lang, false)),
    }
}

/// The years `first` to `last` (astronomical, inclusive): "2014–2017", "45–1 BC" (one era for
/// both ends), "1 BC–AD 9" (across the era boundary), "538.8–251.902 million BC".
pub fn year_range_label(lang: Lang, first: i64, last: i64) -> String {
    if first >= 1 {
        format!("{first}–{last}")
    } else if last <= 0 {
        let (a, b) = (1 - first, 1 - last);
        let era = era_label(lang, true);
        match (scaled(lang, a), scaled(lang, b)) {
            // One scale word for both ends when they share it.
            (Some((na, wa)), Some((nb, wb))) if wa == wb => format!("{na}–{nb} {wa} {era}"),
            _ if a >= DEEP_BC || b >= DEEP_BC => {
                format!("{} – {} {era}", bc_count(lang, a), bc_count(lang, b))
            }
            _ => format!("{a}–{b} {era}"),
        }
    } else {
        format!("{}–{}", year_label(lang, first), year_label_ad(lang, last))
    }
}

// From this many years BC (the first year of deep time) counts are grouped by thousands.
const DEEP_BC: i64 = 10_001;

// A count of years BC as written before the era: "44", "315,000" ("315 000" in French),
// "13.8 billion".
fn bc_count(lang: Lang, n: i64) -> String {
    if n < DEEP_BC {
        return n.to_string();
    }
    match scaled(lang, n) {
        Some((number, word)) => format!("{number} {word}"),
        None => grouped(lang, n),
    }
}

// `n` in millions or billions with at most three decimals when that is exact ("13.8", "milliards"),
// so that a scaled label never rounds what the source gave.
fn scaled(lang: Lang, n: i64) -> Option<(String, &'static str)> {
    let (unit, word) = [(1_000_000_000, 0), (1_000_000, 1)]
        .into_iter()
        .find(|&(unit, _)| n >= unit)?;
    if n % (unit / 1000) != 0 {
        return None;
    }
    let (whole, thousandths) = (n / unit, (n % unit) / (unit / 1000));
    let mut number = grouped(lang, whole);
    if thousandths != 0 {
        let decimals = format!("{thousandths:03}");
        number.push(if lang == Lang::Fr { ',' } else { '.' });
        number.push_str(decimals.trim_end_matches('0'));
    }
    let plural = whole > 1 || thousandths != 0;
    let words: [[&str; 2]; 2] = match lang {
        Lang::En => [["billion", "billion"], ["million", "million"]],
        Lang::Fr => [["milliard", "milliards"], ["million", "millions"]],
        Lang::Ar => [["مليار", "مليار"], ["مليون", "مليون"]],
    };
    Some((number, words[word][usize::from(plural)]))
}

// `n` with its thousands grouped: "315,000" in English and Arabic, "315 000" (narrow no-break
// spaces) in French.
fn grouped(lang: Lang, n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let sep = if lang == Lang::Fr { '\u{202f}' } else { ',' };
    let mut out = String::with_capacity(digits.len() * 2);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// `n` in Roman numerals ("XXI"), for 1 to 3999; other numbers, which have no standard Roman
/// form, in decimal digits. At most 15 symbols, so always quick.
pub fn roman(n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    if !(1..=3999).contains(&n) {
        return n.to_string();
    }
    let mut rest = n;
    let mut out = String::new();
    for (value, digits) in TABLE {
        while rest >= value {
            out.push_str(digits);
            rest -= value;
        }
    }
    out
}

/// A French ordinal in Roman numerals, as centuries are written: "Ier", "XXIe".
pub fn roman_ordinal_fr(n: u32) -> String {
    if n == 1 {
        "Ier".to_string()
    } else {
        format!("{}e", roman(n))
    }
}

/// An ordinal number: "22nd", "22e" (and "1er"), "22".
pub fn ordinal(lang: Lang, n: u32) -> String {
    match lang {
        Lang::En => {
            let suffix = match (n % 10, n % 100) {
                (_, 11..=13) => "th",
                (1, _) => "st",
                (2, _) => "nd",
                (3, _) => "rd",
                _ => "th",
            };
            format!("{n}{suffix}")
        }
        Lang::Fr if n == 1 => "1er".to_string(),
        Lang::Fr => format!("{n}e"),
        Lang::Ar => n.to_string(),
    }
}

/// The name of a commission session: "22nd session", "22e session", "الدورة 22"; or, with no
/// number, "Unnumbered session" — the sources give none, and we never make one up.
pub fn session_label(lang: Lang, number: Option<u32>) -> String {
    match (lang, number) {
        (Lang::En, Some(n)) => format!("{} session", ordinal(lang, n)),
        (Lang::Fr, Some(n)) => format!("{} session", ordinal(lang, n)),
        (Lang::Ar, Some(n)) => format!("الدورة {n}"),
        (Lang::En, None) => "Unnumbered session".to_string(),
        (Lang::Fr, None) => "Session non numérotée".to_string(),
        (Lang::Ar, None) => "دورة غير مرقّمة".to_string(),
    }
}

/// The short marker label of a session: its ordinal ("22nd", "22e", "الدورة 22"), or, when the
/// sources give no number, its month and year ("Oct 2017") — never an invented number.
pub fn session_short_label(
    lang: Lang,
    number: Option<u32>,
    year: i64,
    month: Option<u32>,
) -> String {
    match (number, month) {
        (Some(n), _) if lang == Lang::Ar => format!("الدورة {n}"),
        (Some(n), _) => ordinal(lang, n),
        (None, Some(m)) => format!("{} {}", month_abbr(lang, m), year_label(lang, year)),
        (None, None) => year_label(lang, year),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_ordinals() {
        let got: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111]
            .iter()
            .map(|&n| ordinal(Lang::En, n))
            .collect();
        assert_eq!(
            got,
            [
                "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd",
                "101st", "111th"
            ]
        );
    }

    #[test]
    fn french_ordinals() {
        assert_eq!(ordinal(Lang::Fr, 1), "1er");
        assert_eq!(ordinal(Lang::Fr, 22), "22e");
    }

    #[test]
    fn session_labels() {
        assert_eq!(session_label(Lang::En, Some(22)), "22nd session");
        assert_eq!(session_label(Lang::Fr, Some(12)), "12e session");
        assert_eq!(session_label(Lang::Ar, Some(23)), "الدورة 23");
        assert_eq!(session_label(Lang::En, None), "Unnumbered session");
    }

    #[test]
    fn short_session_labels() {
        assert_eq!(
            session_short_label(Lang::En, Some(22), 2024, Some(12)),
            "22nd"
        );
        assert_eq!(
            session_short_label(Lang::Fr, Some(12), 2012, Some(9)),
            "12e"
        );
        assert_eq!(
            session_short_label(Lang::Ar, Some(23), 2025, Some(12)),
            "الدورة 23"
        );
        assert_eq!(
            session_short_label(Lang::En, None, 2017, Some(10)),
            "Oct 2017"
        );
        assert_eq!(
            session_short_label(Lang::Fr, None, 2019, Some(6)),
            "juin 2019"
        );
        assert_eq!(session_short_label(Lang::En, None, 2019, None), "2019");
    }

    #[test]
    fn years_of_both_eras() {
        let table = [
            (Lang::En, 2024, "2024", "AD 2024"),
            (Lang::En, 1, "1", "AD 1"),
            (Lang::En, 0, "1 BC", "1 BC"),
            (Lang::En, -43, "44 BC", "44 BC"),
            (Lang::Fr, -43, "44 av. J.-C.", "44 av. J.-C."),
            (Lang::Fr, 9, "9", "9 apr. J.-C."),
            (Lang::Ar, -43, "44 ق.م", "44 ق.م"),
            (Lang::Ar, 9, "9", "9 م"),
            (
                Lang::En,
                -2_147_483_648,
                "2,147,483,649 BC",
                "2,147,483,649 BC",
            ),
            (Lang::En, -9_999, "10000 BC", "10000 BC"),
            (Lang::En, -10_000, "10,001 BC", "10,001 BC"),
            (
                Lang::Fr,
                -314_999,
                "315\u{202f}000 av. J.-C.",
                "315\u{202f}000 av. J.-C.",
            ),
            (Lang::En, -999_999, "1 million BC", "1 million BC"),
            (
                Lang::Fr,
                -999_999,
                "1 million av. J.-C.",
                "1 million av. J.-C.",
            ),
            (
                Lang::En,
                -13_799_999_999,
                "13.8 billion BC",
                "13.8 billion BC",
            ),
            (
                Lang::Fr,
                -13_799_999_999,
                "13,8 milliards av. J.-C.",
                "13,8 milliards av. J.-C.",
            ),
            (
                Lang::Ar,
                -13_799_999_999,
                "13.8 مليار ق.م",
                "13.8 مليار ق.م",
            ),
            (
                Lang::En,
                -13_799_629_999,
                "13,799,630,000 BC",
                "13,799,630,000 BC",
            ),
            (
                Lang::Fr,
                -1_999_999_999,
                "2 milliards av. J.-C.",
                "2 milliards av. J.-C.",
            ),
        ];
        for (lang, y, plain, ad) in table {
            assert_eq!(year_label(lang, y), plain, "{lang:?} {y}");
            assert_eq!(year_label_ad(lang, y), ad, "{lang:?} {y}");
        }
        assert_eq!(year_range_label(Lang::En, 2014, 2017), "2014–2017");
        assert_eq!(year_range_label(Lang::En, -44, 0), "45–1 BC");
        assert_eq!(
            year_range_label(Lang::En, -538_799_999, -251_901_999),
            "538.8–251.902 million BC"
        );
        assert_eq!(
            year_range_label(Lang::Fr, -538_799_999, -251_901_999),
            "538,8–251,902 millions av. J.-C."
        );
        assert_eq!(
            year_range_label(Lang::En, -1_999_999_999, -314_999),
            "2 billion – 315,000 BC"
        );
        assert_eq!(year_range_label(Lang::En, 0, 9), "1 BC–AD 9");
        assert_eq!(year_range_label(Lang::Fr, -9, 0), "10–1 av. J.-C.");
        assert_eq!(year_range_label(Lang::Ar, 0, 9), "1 ق.م–9 م");
    }

    #[test]
    fn roman_numerals_are_total_and_bounded() {
        let table = [
            (1, "I"),
            (4, "IV"),
            (9, "IX"),
            (14, "XIV"),
            (21, "XXI"),
            (40, "XL"),
            (90, "XC"),
            (101, "CI"),
            (400, "CD"),
            (1994, "MCMXCIV"),
            (3999, "MMMCMXCIX"),
            (0, "0"),
            (4000, "4000"),
            (u32::MAX, "4294967295"),
        ];
        for (n, r) in table {
            assert_eq!(roman(n), r, "{n}");
        }
        assert!((1..=3999).all(|n| roman(n).len() <= 15));
        assert_eq!(roman_ordinal_fr(1), "Ier");
        assert_eq!(roman_ordinal_fr(21), "XXIe");
    }

    #[test]
    fn ordinals_for_any_number() {
        assert_eq!(ordinal(Lang::En, 0), "0th");
        assert_eq!(ordinal(Lang::En, 112), "112th");
        assert_eq!(ordinal(Lang::En, 1_001), "1001st");
        assert_eq!(ordinal(Lang::En, u32::MAX), "4294967295th");
        assert_eq!(ordinal(Lang::Fr, u32::MAX), "4294967295e");
        assert_eq!(ordinal(Lang::Ar, 7), "7");
    }

    #[test]
    fn months_clamp_and_translate() {
        assert_eq!(month_name(Lang::Fr, 8), "août");
        assert_eq!(month_abbr(Lang::En, 9), "Sept");
        assert_eq!(month_name(Lang::Ar, 12), "دجنبر");
        assert_eq!(month_name(Lang::En, 0), "January");
        assert_eq!(month_name(Lang::En, 99), "December");
    }
}
