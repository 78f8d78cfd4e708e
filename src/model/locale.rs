//! Locale tables the model needs to format dates and numbers in French, English and Arabic:
//! month names, ordinals and the few joining words of date ranges. UI strings live with the UI.
//!
//! Arabic month names follow CLDR's `ar-MA` (Moroccan) forms — ماي، يوليوز، غشت، شتنبر، نونبر، دجنبر —
//! because that is what the FAR and MAP communiqués, our main Arabic sources, use.

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
}

/// The joining words for `lang`.
pub fn words(lang: Lang) -> Words {
    match lang {
        Lang::En => Words {
            between: "between",
            and: "and",
        },
        Lang::Fr => Words {
            between: "entre",
            and: "et",
        },
        Lang::Ar => Words {
            between: "بين",
            and: "و",
        },
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
    year: i32,
    month: Option<u32>,
) -> String {
    match (number, month) {
        (Some(n), _) if lang == Lang::Ar => format!("الدورة {n}"),
        (Some(n), _) => ordinal(lang, n),
        (None, Some(m)) => format!("{} {year}", month_abbr(lang, m)),
        (None, None) => year.to_string(),
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
    fn months_clamp_and_translate() {
        assert_eq!(month_name(Lang::Fr, 8), "août");
        assert_eq!(month_abbr(Lang::En, 9), "Sept");
        assert_eq!(month_name(Lang::Ar, 12), "دجنبر");
        assert_eq!(month_name(Lang::En, 0), "January");
        assert_eq!(month_name(Lang::En, 99), "December");
    }
}
