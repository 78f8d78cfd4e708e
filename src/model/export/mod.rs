//! Exports: the events a view shows, taken away as a file. Each format gets the dataset, the
//! visible events (the current filters' result, as [`EventIdx`]es, in the order to write them) and
//! the language of the text; nothing here reads a clock, so the iCalendar stamp is passed in.
//!
//! - [`csv`]: one row per event, the columns the plain-CSV importer reads back;
//! - [`json`]: our own format, cut down to the visible events and what they reference;
//! - [`ics`]: an RFC 5545 calendar, one all-day entry per event;
//! - [`cite`]: the sources the events cite, as CSL-JSON and BibTeX.
//!
//! This module owns what they share: which events are chosen and the localised phrases written
//! inside the files.

pub mod cite;
pub mod csv;
pub mod ics;
pub mod json;

use std::collections::HashSet;

use super::dataset::{Dataset, Event, EventIdx};
use super::text::Lang;

/// The base of an exported file's name: the dataset's title as a slug, else `timeline`, and the
/// day (`morocco-france-military-cooperation-2026-12-02`), so two exports don't collide.
/// Only Latin letters and digits are kept (accents folded): the name must travel through any
/// file system, mail or chat, and this runs in the page, which does not carry the importer's
/// Unicode slug.
pub fn file_base(title: &str, day: &str) -> String {
    let mut slug = String::new();
    for c in super::fold::strip_marks(title) {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    let slug = if slug.is_empty() { "timeline" } else { slug };
    format!("{slug}-{day}")
}

/// The events at `visible`, in that order, each once: an index given twice is written once (at
/// its first place) and an index outside the dataset is skipped, so no export can hold two
/// records with the same id.
pub fn chosen<'a>(d: &'a Dataset, visible: &[EventIdx]) -> Vec<&'a Event> {
    let mut seen = HashSet::new();
    visible
        .iter()
        .filter(|i| seen.insert(**i))
        .filter_map(|&i| d.event(i))
        .collect()
}

/// The URLs of the sources an event cites, in its order (an unknown id, which validation rules
/// out, is skipped rather than written empty).
pub fn source_urls<'a>(d: &'a Dataset, e: &Event) -> Vec<&'a str> {
    e.sources
        .iter()
        .filter_map(|id| d.source(id))
        .map(|s| s.url.as_str())
        .collect()
}

/// The sentences written inside exported files, in one language.
#[derive(Debug, Clone, Copy)]
pub struct Phrases {
    /// The heading of the list of source URLs.
    pub sources: &'static str,
    /// A single date known only to the month, exported as the whole month.
    pub whole_month: &'static str,
    /// A single date known only to the year, exported as the whole year.
    pub whole_year: &'static str,
    /// The start of a span known only to the month.
    pub start_month: &'static str,
    /// The start of a span known only to the year.
    pub start_year: &'static str,
    /// The end of a span known only to the month.
    pub end_month: &'static str,
    /// The end of a span known only to the year.
    pub end_year: &'static str,
    /// The event happened at an unknown point within the span (`within`).
    pub within: &'static str,
    /// The date is our inference (`inferred`).
    pub inferred: &'static str,
}

/// The phrases in `lang`.
pub fn phrases(lang: Lang) -> Phrases {
    match lang {
        Lang::En => Phrases {
            sources: "Sources:",
            whole_month: "Date known only to the month: this entry covers the whole month.",
            whole_year: "Date known only to the year: this entry covers the whole year.",
            start_month: "Start known only to the month: this entry begins on the month’s first day.",
            start_year: "Start known only to the year: this entry begins on 1 January.",
            end_month: "End known only to the month: this entry ends on the month’s last day.",
            end_year: "End known only to the year: this entry ends on 31 December.",
            within: "It happened at an unknown point between these dates, not throughout.",
            inferred: "The date is our inference from the sources; they do not state it.",
        },
        Lang::Fr => Phrases {
            sources: "Sources :",
            whole_month: "Date connue seulement au mois : cette entrée couvre tout le mois.",
            whole_year: "Date connue seulement à l’année : cette entrée couvre toute l’année.",
            start_month: "Début connu seulement au mois : cette entrée commence le premier jour du mois.",
            start_year: "Début connu seulement à l’année : cette entrée commence le 1er janvier.",
            end_month: "Fin connue seulement au mois : cette entrée se termine le dernier jour du mois.",
            end_year: "Fin connue seulement à l’année : cette entrée se termine le 31 décembre.",
            within: "L’événement a eu lieu à un moment inconnu entre ces dates, pas pendant toute la période.",
            inferred: "La date est notre déduction à partir des sources ; elles ne la donnent pas.",
        },
        Lang::Ar => Phrases {
            sources: "المصادر:",
            whole_month: "التاريخ معروف بالشهر فقط: يغطي هذا الموعد الشهر كله.",
            whole_year: "التاريخ معروف بالسنة فقط: يغطي هذا الموعد السنة كلها.",
            start_month: "البداية معروفة بالشهر فقط: يبدأ هذا الموعد في اليوم الأول من الشهر.",
            start_year: "البداية معروفة بالسنة فقط: يبدأ هذا الموعد في 1 يناير.",
            end_month: "النهاية معروفة بالشهر فقط: ينتهي هذا الموعد في اليوم الأخير من الشهر.",
            end_year: "النهاية معروفة بالسنة فقط: ينتهي هذا الموعد في 31 دجنبر.",
            within: "وقع الحدث في وقت غير معروف بين هذين التاريخين، وليس طوال المدة.",
            inferred: "التاريخ استنتاج منا من المصادر، وهي لا تذكره صراحة.",
        },
    }
}

/// Real filtered views of the shipped dataset, for the exporters' tests: what the filters of the
/// app would pass in.
#[cfg(test)]
pub(crate) mod views {
    use crate::model::dataset::{Confidence, Dataset, EventIdx};
    use crate::model::date::{Day, PartialDate};
    use crate::model::filter::Filters;

    /// The events `f` lets through, in file order (as the app lists them).
    pub fn visible(d: &Dataset, f: &Filters) -> Vec<EventIdx> {
        d.indexed_events()
            .filter(|(_, e)| f.matches(e))
            .map(|(i, _)| i)
            .collect()
    }

    /// Named filter sets: none, one lane, two lanes, a confidence level, a date range, one
    /// person, and one that matches nothing.
    pub fn filter_sets(d: &Dataset) -> Vec<(&'static str, Filters)> {
        let lanes = |ids: &[&str]| Filters {
            lanes: ids.iter().map(|s| s.to_string()).collect(),
            ..Filters::default()
        };
        let day = |s: &str| PartialDate::parse(s).expect("a date").first_day() as Day;
        let chair = d
            .events
            .iter()
            .find_map(|e| e.chairs.first().cloned())
            .expect("the shipped dataset names a chair");
        vec![
            ("everything", Filters::default()),
            ("commission", lanes(&["commission"])),
            ("exercises and visits", lanes(&["exercise", "visit"])),
            (
                "inferred",
                Filters {
                    confidence: [Confidence::Inferred].into_iter().collect(),
                    ..Filters::default()
                },
            ),
            (
                "2024",
                Filters {
                    from: Some(day("2024-01-01")),
                    to: Some(day("2024-12-31")),
                    ..Filters::default()
                },
            ),
            (
                "one person",
                Filters {
                    person: Some(chair),
                    ..Filters::default()
                },
            ),
            (
                "nothing",
                Filters {
                    lanes: ["no-such-lane".to_string()].into_iter().collect(),
                    ..Filters::default()
                },
            ),
        ]
    }
}

#[cfg(test)]
mod name_tests {
    #[test]
    fn file_names_come_from_the_title_and_the_day() {
        assert_eq!(
            super::file_base("Morocco–France military cooperation", "2026-12-02"),
            "morocco-france-military-cooperation-2026-12-02"
        );
        assert_eq!(super::file_base("  ", "2026-12-02"), "timeline-2026-12-02");
        assert_eq!(
            super::file_base("Café à Rabat!", "2026-12-02"),
            "cafe-a-rabat-2026-12-02"
        );
    }
}
