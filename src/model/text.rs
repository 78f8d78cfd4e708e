//! Languages and localised text: the `{ "fr": …, "en": …, "ar": … }` objects of the dataset and the
//! fallback rule used when a translation is missing. Pure data, no rendering.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A language the app can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// French: the language of most sources, and the first fallback.
    Fr,
    /// English.
    #[default]
    En,
    /// Arabic (written right to left).
    Ar,
}

impl Lang {
    /// Every language, in the order the switcher lists them.
    pub const ALL: [Lang; 3] = [Lang::Fr, Lang::En, Lang::Ar];

    /// The BCP 47 code (`fr`, `en`, `ar`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
            Lang::Ar => "ar",
        }
    }

    /// Parses a BCP 47 tag such as `fr-MA` or `ar`, looking only at the primary subtag.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            "ar" => Some(Lang::Ar),
            _ => None,
        }
    }

    /// The language's name, written in itself.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::Fr => "Français",
            Lang::En => "English",
            Lang::Ar => "العربية",
        }
    }

    /// Whether the script runs right to left.
    pub fn is_rtl(self) -> bool {
        self == Lang::Ar
    }
}

/// Text in French and English, and optionally Arabic.
///
/// French and English are required everywhere; Arabic is required for titles, labels, party and
/// place names (checked by validation, not by the type, so that one missing translation is reported
/// with its path instead of failing the whole parse).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// French.
    pub fr: String,
    /// English.
    pub en: String,
    /// Arabic, where we have it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ar: Option<String>,
}

/// Whether `s` is empty or only white space (as `trim` would leave it empty), without `trim`'s
/// search from both ends: at 100k events the checker and the timeline ask it of every title and
/// summary (`trim` was ~22 ms of a profiled load in the page).
pub fn is_blank(s: &str) -> bool {
    match s.as_bytes().first() {
        // Most texts start with an ASCII letter or digit: decided by their first byte (ASCII's
        // white space is U+0009 to U+000D and the space).
        Some(&b) if b.is_ascii() && !matches!(b, b'\t'..=b'\r' | b' ') => false,
        _ => s.chars().all(char::is_whitespace),
    }
}

impl Text {
    /// Text whose language is unknown (imported from another format): the same string stands for
    /// French and English, and there is no Arabic.
    pub fn plain(s: impl Into<String>) -> Self {
        let s = s.into();
        Text {
            fr: s.clone(),
            en: s,
            ar: None,
        }
    }

    /// The text in `lang`, falling back to French, then English, when that translation is missing
    /// or blank. French comes first because it is the language of most of the sources.
    pub fn get(&self, lang: Lang) -> &str {
        let wanted = match lang {
            Lang::Fr => Some(self.fr.as_str()),
            Lang::En => Some(self.en.as_str()),
            Lang::Ar => self.ar.as_deref(),
        };
        [wanted, Some(self.fr.as_str()), Some(self.en.as_str())]
            .into_iter()
            .flatten()
            .find(|s| !is_blank(s))
            .unwrap_or("")
    }

    /// The text for `lang` and the language it is actually in (after fallback), so the view can
    /// mark a French fallback in an Arabic page with `lang="fr"`.
    pub fn resolve(&self, lang: Lang) -> (&str, Lang) {
        let own = match lang {
            Lang::Fr => Some(self.fr.as_str()),
            Lang::En => Some(self.en.as_str()),
            Lang::Ar => self.ar.as_deref(),
        };
        [
            (own, lang),
            (Some(self.fr.as_str()), Lang::Fr),
            (Some(self.en.as_str()), Lang::En),
        ]
        .into_iter()
        .find_map(|(s, l)| s.filter(|s| !is_blank(s)).map(|s| (s, l)))
        .unwrap_or(("", lang))
    }

    /// The HTML `lang` of the text shown for `lang`: the language it is actually in, or empty
    /// (unknown) for untranslated text — [`Text::plain`]'s shape, the same words in French and
    /// English and no Arabic, which is what an import gives — so a screen reader does not read
    /// a file's German in a French voice.
    pub fn lang_attr(&self, lang: Lang) -> &'static str {
        if self.ar.is_none() && self.fr == self.en {
            ""
        } else {
            self.resolve(lang).1.code()
        }
    }

    /// Whether the text shown for `lang` is a fallback from another language.
    pub fn is_fallback(&self, lang: Lang) -> bool {
        let own = match lang {
            Lang::Fr => Some(self.fr.as_str()),
            Lang::En => Some(self.en.as_str()),
            Lang::Ar => self.ar.as_deref(),
        };
        own.is_none_or(is_blank)
    }
}

/// Whether text reads right to left: its first strongly directional letter is Arabic or
/// Hebrew (what `dir="auto"` decides in the view).
pub fn is_rtl_text(s: &str) -> bool {
    s.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(|c| matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF))
}

/// Escapes text for HTML content and attribute values (the static first view, the Embed
/// dialog's `<iframe>` code).
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_is_what_trim_leaves_empty() {
        for s in [
            "",
            " ",
            "\t\n\r",
            "\u{a0}",
            "\u{b}\u{c}",
            "\u{85}",
            "-",
            "\u{3000} \u{2028}",
            "a",
            " a ",
            "\u{200b}",
            "ا",
        ] {
            assert_eq!(is_blank(s), s.trim().is_empty(), "{s:?}");
        }
    }

    fn text(ar: Option<&str>) -> Text {
        Text {
            fr: "Rabat".into(),
            en: "Rabat (en)".into(),
            ar: ar.map(str::to_string),
        }
    }

    #[test]
    fn picks_the_requested_language() {
        let t = text(Some("الرباط"));
        assert_eq!(t.get(Lang::Fr), "Rabat");
        assert_eq!(t.get(Lang::En), "Rabat (en)");
        assert_eq!(t.get(Lang::Ar), "الرباط");
        assert!(!t.is_fallback(Lang::Ar));
    }

    #[test]
    fn missing_or_blank_arabic_falls_back_to_french() {
        assert_eq!(text(None).get(Lang::Ar), "Rabat");
        assert!(text(None).is_fallback(Lang::Ar));
        assert_eq!(text(Some("  ")).get(Lang::Ar), "Rabat");
    }

    #[test]
    fn blank_french_falls_back_to_english() {
        let t = Text {
            fr: String::new(),
            en: "only english".into(),
            ar: None,
        };
        assert_eq!(t.get(Lang::Fr), "only english");
        assert_eq!(t.get(Lang::Ar), "only english");
    }

    #[test]
    fn resolve_names_the_language_actually_shown() {
        assert_eq!(text(None).resolve(Lang::Ar), ("Rabat", Lang::Fr));
        assert_eq!(text(Some("الرباط")).resolve(Lang::Ar), ("الرباط", Lang::Ar));
        assert_eq!(text(None).resolve(Lang::En), ("Rabat (en)", Lang::En));
    }

    #[test]
    fn plain_text_reads_the_same_in_every_language() {
        let t = Text::plain("Example");
        assert_eq!(
            (t.fr.as_str(), t.en.as_str(), t.ar.as_deref()),
            ("Example", "Example", None)
        );
        for lang in Lang::ALL {
            assert_eq!(t.get(lang), "Example");
        }
    }

    #[test]
    fn parses_language_tags() {
        assert_eq!(Lang::from_tag("fr-MA"), Some(Lang::Fr));
        assert_eq!(Lang::from_tag("AR"), Some(Lang::Ar));
        assert_eq!(Lang::from_tag("en_GB"), Some(Lang::En));
        assert_eq!(Lang::from_tag("de"), None);
        assert_eq!(Lang::from_tag(""), None);
    }
}
