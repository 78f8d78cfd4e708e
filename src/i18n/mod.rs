//! Interface strings in French, English and Arabic: one [`Strings`] table per language, each in
//! its own file, every string a named field (so a missing translation is a compile error rather
//! than a blank label), and the strings that name a model value (a confidence level, a kind of
//! note or gap) reached through a method taking that value rather than an array position.
//! Dates, ordinals and session names are formatted by the model (`model::locale`).

mod ar;
mod en;
mod fr;

use crate::model::Lang;
use crate::model::dataset::{Confidence, EventField, GapKind, NoteKind};
use crate::model::date::Precision;
use crate::model::filter::DomainMode;

/// Every interface string.
#[derive(Debug)]
pub struct Strings {
    /// Shown in the header before the dataset (and its own title) has loaded.
    pub app_title: &'static str,
    /// Loading state.
    pub loading: &'static str,
    /// Loading progress when the size is known; `{received}` and `{total}` are replaced.
    pub loading_progress: &'static str,
    /// Loading progress when the size is not known; `{received}` is replaced.
    pub loading_received: &'static str,
    /// Once the file is in: how far reading its events has got (`{percent}`).
    pub loading_reading: &'static str,
    /// Heading of the error screen.
    pub error_title: &'static str,
    /// Explains what the error screen offers.
    pub error_hint: &'static str,
    /// Label of the retry button.
    pub retry: &'static str,
    /// Heading above the list of validation problems.
    pub problems: &'static str,
    /// Error reason: the request failed.
    pub error_network: &'static str,
    /// Error reason: the server answered with an error status.
    pub error_http: &'static str,
    /// Error reason: the file is not a valid dataset.
    pub error_invalid: &'static str,
    /// Error reason: nothing arrived before the time-out.
    pub error_timeout: &'static str,
    /// Heading of the screen shown when the app itself fails.
    pub panic_title: &'static str,
    /// What that screen says happened and what reloading does.
    pub panic_hint: &'static str,
    /// Heading of the technical details on that screen.
    pub panic_details: &'static str,
    /// The button that reloads the page.
    pub reload: &'static str,
    /// Heading of the timeline (for assistive technology).
    pub timeline_heading: &'static str,
    /// Role description of the timeline area.
    pub timeline_role: &'static str,
    /// Label of the timeline area.
    pub timeline_label: &'static str,
    /// One-line help under the timeline.
    pub timeline_hint: &'static str,
    /// Label of today's line.
    pub today: &'static str,
    /// Label of a cluster; `{n}` is replaced by the count.
    pub cluster_label: &'static str,
    /// Label of the toolbar.
    pub toolbar_label: &'static str,
    /// Zoom in button.
    pub zoom_in: &'static str,
    /// Zoom out button.
    pub zoom_out: &'static str,
    /// Fit all button.
    pub fit_all: &'static str,
    /// Zoom to selection button.
    pub zoom_selection: &'static str,
    /// Detail panel: heading when nothing is selected.
    pub detail_empty_title: &'static str,
    /// Detail panel: hint when nothing is selected.
    pub detail_empty_hint: &'static str,
    /// Close button of the detail panel.
    pub close: &'static str,
    /// "Date".
    pub date: &'static str,
    /// "Place".
    pub place: &'static str,
    /// "Host".
    pub host: &'static str,
    /// "Co-chairs".
    pub chairs: &'static str,
    /// "Participants".
    pub participants: &'static str,
    /// "Domains".
    pub domains: &'static str,
    /// "Confidence".
    pub confidence: &'static str,
    /// Confidence value: a cited source states it.
    pub confirmed: &'static str,
    /// Confidence value: our inference.
    pub inferred: &'static str,
    /// Confidence value: weak or conflicting sources.
    pub uncertain: &'static str,
    /// A date known to the day.
    pub precision_day: &'static str,
    /// A date known to the month.
    pub precision_month: &'static str,
    /// A date known to the year.
    pub precision_year: &'static str,
    /// Marks a date known only as a window.
    pub within: &'static str,
    /// "Agenda".
    pub agenda: &'static str,
    /// "Outcomes".
    pub outcomes: &'static str,
    /// "Programme for the next period".
    pub programme: &'static str,
    /// "Side events".
    pub side_events: &'static str,
    /// "Decorations".
    pub decorations: &'static str,
    /// "Notes".
    pub notes: &'static str,
    /// Note kind: sources disagree.
    pub note_conflict: &'static str,
    /// Note kind: our inference.
    pub note_inference: &'static str,
    /// Note kind: a caveat.
    pub note_caveat: &'static str,
    /// "Less certain details".
    pub field_confidence: &'static str,
    /// A figure (count, amount) in the summary, as a field with its own confidence.
    pub figures: &'static str,
    /// "Sources".
    pub sources: &'static str,
    /// Said of a link that opens in a new tab (for screen readers).
    pub opens_new_tab: &'static str,
    /// "Not stated in the sources".
    pub not_stated: &'static str,
    /// Gap kind: events known to exist but undocumented.
    pub gap_undocumented: &'static str,
    /// Gap kind: nothing found.
    pub gap_not_found: &'static str,
    /// "Sessions" (of a gap's range).
    pub sessions: &'static str,
    /// The session number, as a field with its own confidence.
    pub session: &'static str,
    /// Search box label.
    pub search_label: &'static str,
    /// Search box placeholder.
    pub search_placeholder: &'static str,
    /// Shown when a search finds nothing.
    pub search_none: &'static str,
    /// Search results count when all are listed; `{n}` is replaced.
    pub search_count: &'static str,
    /// Search results count when only the first are listed; `{n}` and `{k}` are replaced.
    pub search_count_some: &'static str,
    /// The record: its sheet's name on narrow screens.
    pub tab_record: &'static str,
    /// Tab of the filters panel.
    pub tab_filters: &'static str,
    /// Tab of the domains panel.
    pub tab_domains: &'static str,
    /// Tab of the people panel.
    pub tab_people: &'static str,
    /// The map's tab.
    pub tab_map: &'static str,
    /// The map's picture, for assistive technology.
    pub map_label: &'static str,
    /// Under the map's heading: what it shows and how to use it.
    pub map_hint: &'static str,
    /// A place's marker and list entry: `{place}` and its `{n}` events.
    pub map_place: &'static str,
    /// [`Self::map_place`] for one event (`{n}` is 1).
    pub map_place_one: &'static str,
    /// Heading of the places not on this map (far away).
    pub map_off: &'static str,
    /// Heading of the places with no position (regions, seas, countries).
    pub map_unplaced: &'static str,
    /// The list of places, the map's accessible alternative.
    pub map_list: &'static str,
    /// Zoom the map in.
    pub map_zoom_in: &'static str,
    /// Zoom the map out.
    pub map_zoom_out: &'static str,
    /// Show the whole map.
    pub map_reset: &'static str,
    /// Where the map's land and positions come from.
    pub map_credit: &'static str,
    /// Label of the panel tab list.
    pub tabs_label: &'static str,
    /// "Showing {n} of {m} events".
    pub showing: &'static str,
    /// Clear all filters.
    pub clear_all: &'static str,
    /// Facet title: kinds of event (lanes).
    pub facet_lanes: &'static str,
    /// Facet title: host party.
    pub facet_host: &'static str,
    /// Facet title: confidence.
    pub facet_confidence: &'static str,
    /// Legend of the places facet (the register's places, `model::geo`).
    pub facet_places: &'static str,
    /// Facet title: years.
    pub facet_years: &'static str,
    /// "From" (year).
    pub from: &'static str,
    /// "To" (year).
    pub to: &'static str,
    /// Host unknown facet value.
    pub host_unknown: &'static str,
    /// Domain mode: events in any selected domain.
    pub domain_any: &'static str,
    /// Domain mode: events in all selected domains.
    pub domain_all: &'static str,
    /// Label of the domain mode choice.
    pub domain_mode_label: &'static str,
    /// Explains the domain strips.
    pub domains_hint: &'static str,
    /// Explains the participants panel.
    pub people_hint: &'static str,
    /// "Show only these events".
    pub only_these: &'static str,
    /// "Roles".
    pub roles: &'static str,
    /// "Events" (a person's).
    pub person_events: &'static str,
    /// "Previous session".
    pub previous_session: &'static str,
    /// "Next session".
    pub next_session: &'static str,
    /// "Related".
    pub related: &'static str,
    /// Heading of the explanation of the undocumented period in a session record.
    pub gap_nearby: &'static str,
    /// "Back to all people".
    pub clear_person: &'static str,
    /// "in the selected event" (marks people in the panel).
    pub in_selected: &'static str,
    /// Label of the language switcher.
    pub language_label: &'static str,
    /// Label of the theme choice.
    pub theme_label: &'static str,
    /// Theme choice: follow the system.
    pub theme_system: &'static str,
    /// Theme choice: light.
    pub theme_light: &'static str,
    /// Theme choice: dark.
    pub theme_dark: &'static str,
    /// High-contrast toggle.
    pub high_contrast: &'static str,
    /// The phone header's menu button (language, theme, contrast, help behind it).
    pub menu: &'static str,
    /// The phone header's search button, which opens the search field.
    pub search_open: &'static str,
    /// Closes the search field on a phone.
    pub search_close: &'static str,
    /// The phone toolbar's button opening the panels' sheet, and that sheet's name; begins with
    /// [`Self::tab_filters`], the button's visible label.
    pub panels_sheet: &'static str,
    /// A sheet's handle: grows the sheet to the full height (pressed) or back.
    pub sheet_full: &'static str,
    /// Short visible label under the zoom-in icon (a part of [`Self::zoom_in`]).
    pub short_zoom_in: &'static str,
    /// Short visible label under the zoom-out icon (a part of [`Self::zoom_out`]).
    pub short_zoom_out: &'static str,
    /// Short visible label under the show-all icon (a part of [`Self::fit_all`]).
    pub short_fit_all: &'static str,
    /// Short visible label under the zoom-to-selection icon (a part of [`Self::zoom_selection`]).
    pub short_zoom_selection: &'static str,
    /// Help button (opens the keyboard help).
    pub help: &'static str,
    /// Title of the help dialog.
    pub help_title: &'static str,
    /// Keyboard help rows: (keys, what they do).
    pub help_keys: &'static [(&'static str, &'static str)],
    /// The button that starts the story (`model::story`).
    pub story_start: &'static str,
    /// The story's region, for assistive technology.
    pub story_label: &'static str,
    /// Where the story is: `{n}` of `{m}` steps.
    pub story_count: &'static str,
    /// The story's previous step.
    pub story_prev: &'static str,
    /// The story's next step.
    pub story_next: &'static str,
    /// Leaves the story, back to exploring at the same place.
    pub story_leave: &'static str,
    /// Said when the filters leave the story nothing to tell.
    pub story_empty: &'static str,
    /// Note under the keyboard help about the direction of time.
    pub help_time_direction: &'static str,
    /// View switch: the timeline.
    pub view_timeline: &'static str,
    /// View switch: the list.
    pub view_list: &'static str,
    /// Label of the view switch.
    pub view_label: &'static str,
    /// List view column: date.
    pub col_date: &'static str,
    /// List view column: event.
    pub col_event: &'static str,
    /// List view column: kind (lane).
    pub col_kind: &'static str,
    /// List view column: place.
    pub col_place: &'static str,
    /// List view column: confidence.
    pub col_confidence: &'static str,
    /// Caption of the list view; `{n}` is replaced.
    pub list_caption: &'static str,
    /// Announcement when an event is selected; `{x}` is replaced.
    pub announce_selected: &'static str,
    /// Announcement of the visible window; `{x}` is replaced.
    pub announce_window: &'static str,
    /// Skip link.
    pub skip_to_timeline: &'static str,
    /// The page's description for search engines and link previews; `{n}` (events) and `{m}`
    /// (sessions) are replaced.
    pub meta_description: &'static str,
    /// Heading of the complete record under the static first view (read without JavaScript).
    pub static_record_heading: &'static str,
    /// Heading of the gaps in that record.
    pub static_gaps_heading: &'static str,
    /// The header button that opens the Open dialog.
    pub open: &'static str,
    /// The header button that opens the Export dialog.
    pub export: &'static str,
    /// The header button that opens the Embed dialog.
    pub embed: &'static str,
    /// Heading of the Open dialog.
    pub open_title: &'static str,
    /// What the Open dialog reads, and the three ways in.
    pub open_intro: &'static str,
    /// The button that chooses a file.
    pub open_file: &'static str,
    /// Label of the address field.
    pub open_url_label: &'static str,
    /// The button that opens the address.
    pub open_url_button: &'static str,
    /// Said when the address is not an http(s) one.
    pub open_url_invalid: &'static str,
    /// Link back to the dataset the site ships.
    pub open_bundled: &'static str,
    /// Shown over the page while a file is dragged over it.
    pub drop_hint: &'static str,
    /// The banner after an import; `{format}` is replaced.
    pub imported_title: &'static str,
    /// What "imported, not audited" means.
    pub imported_hint: &'static str,
    /// Summary of the banner's list of what was mapped and what was dropped.
    pub imported_details: &'static str,
    /// Closes a banner.
    pub dismiss: &'static str,
    /// Said in the record of an imported event whose file gave no source.
    pub no_source: &'static str,
    /// Heading of the Export dialog.
    pub export_title: &'static str,
    /// How many events an export holds; `{n}` is replaced.
    pub export_count: &'static str,
    /// Each export's name and what it holds, in the Export dialog's order (CSV, JSON, iCalendar,
    /// SVG, PNG, CSL-JSON, BibTeX).
    pub export_formats: [(&'static str, &'static str); 7],
    /// Said once a file is saved; `{file}` is replaced.
    pub export_done: &'static str,
    /// Added to `export_done` after a calendar that left out events before AD 1 (`{n}`), which
    /// iCalendar cannot date.
    pub export_ics_left_out: &'static str,
    /// Said when a file could not be made; `{x}` is replaced by the reason.
    pub export_failed: &'static str,
    /// Heading of the Embed dialog.
    pub embed_title: &'static str,
    /// What the embedded view shows.
    pub embed_intro: &'static str,
    /// Label of the width choice.
    pub embed_width: &'static str,
    /// The full-column width.
    pub embed_width_full: &'static str,
    /// A fixed width in pixels.
    pub embed_width_px: &'static str,
    /// Label of the height field.
    pub embed_height: &'static str,
    /// Label of the language choice.
    pub embed_lang: &'static str,
    /// Whether the embedded view opens on the selection.
    pub embed_keep_selection: &'static str,
    /// Label of the code to copy.
    pub embed_code: &'static str,
    /// The copy button.
    pub copy: &'static str,
    /// Said once the text is copied.
    pub copied: &'static str,
    /// Said when the browser refused to copy.
    pub copy_failed: &'static str,
    /// The embedded view's link to the full timeline.
    pub embed_full_link: &'static str,
    /// The record's button that shows a source's citation.
    pub cite: &'static str,
    /// Heading of the citation of a source.
    pub cite_title: &'static str,
    /// Said in the Embed dialog when the data came from a file on this computer.
    pub embed_needs_address: &'static str,
    /// Announced when a timeline has been opened; `{x}` is its title.
    pub announce_opened: &'static str,
    /// The error screen's button after a file from this computer failed: back to the timeline
    /// the address shows (the file cannot be fetched again).
    pub error_file_back: &'static str,
}

impl Strings {
    /// The name of a confidence level.
    pub fn confidence_label(&self, c: Confidence) -> &'static str {
        match c {
            Confidence::Confirmed => self.confirmed,
            Confidence::Inferred => self.inferred,
            Confidence::Uncertain => self.uncertain,
        }
    }

    /// How precisely a date is known, as a phrase ("known to the month").
    pub fn precision(&self, p: Precision) -> &'static str {
        match p {
            Precision::Day => self.precision_day,
            Precision::Month => self.precision_month,
            Precision::Year => self.precision_year,
        }
    }

    /// The heading of a kind of note.
    pub fn note_kind(&self, k: NoteKind) -> &'static str {
        match k {
            NoteKind::Conflict => self.note_conflict,
            NoteKind::Inference => self.note_inference,
            NoteKind::Caveat => self.note_caveat,
        }
    }

    /// The name of a kind of gap.
    pub fn gap_kind(&self, k: GapKind) -> &'static str {
        match k {
            GapKind::Undocumented => self.gap_undocumented,
            GapKind::NotFound => self.gap_not_found,
        }
    }

    /// The name of a way of combining domains.
    pub fn domain_mode(&self, m: DomainMode) -> &'static str {
        match m {
            DomainMode::Any => self.domain_any,
            DomainMode::All => self.domain_all,
        }
    }

    /// The name of an event field that carries its own confidence.
    pub fn field_name(&self, f: EventField) -> &'static str {
        match f {
            EventField::Date => self.date,
            EventField::Place => self.place,
            EventField::Host => self.host,
            EventField::Chairs => self.chairs,
            EventField::Participants => self.participants,
            EventField::Figures => self.figures,
            EventField::SessionNumber => self.session,
        }
    }
}

/// The strings for `lang`.
pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::En => &en::EN,
        Lang::Fr => &fr::FR,
        Lang::Ar => &ar::AR,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The field names of [`Strings`], read from this file's source.
    fn fields() -> Vec<String> {
        let src = include_str!("mod.rs");
        let body = src
            .split("pub struct Strings {")
            .nth(1)
            .and_then(|s| s.split("\n}\n").next())
            .expect("the struct");
        body.lines()
            .filter_map(|l| l.trim().strip_prefix("pub "))
            .filter_map(|l| l.split(':').next())
            .map(str::to_string)
            .collect()
    }

    /// Whether `text` holds `needle` not followed by another identifier character (so that
    /// `.to` does not count `.to_string`).
    fn has_word(text: &str, needle: &str) -> bool {
        text.match_indices(needle).any(|(i, _)| {
            text[i + needle.len()..]
                .chars()
                .next()
                .is_none_or(|c| !(c.is_alphanumeric() || c == '_'))
        })
    }

    /// Every string is shown somewhere: an unused one is dead weight in three languages (and
    /// usually a sign that a view uses a literal instead).
    #[test]
    fn every_string_is_used_outside_this_module() {
        let mut sources = String::new();
        let root = std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src"));
        let mut stack = vec![root];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    if !path.ends_with("i18n") {
                        stack.push(path);
                    }
                } else if path.extension().is_some_and(|e| e == "rs") {
                    sources.push_str(&std::fs::read_to_string(&path).unwrap());
                }
            }
        }
        let methods = include_str!("mod.rs");
        let fields = fields();
        assert!(fields.len() > 100, "{} fields", fields.len());
        let unused: Vec<&String> = fields
            .iter()
            .filter(|f| {
                !has_word(&sources, &format!(".{f}")) && !has_word(methods, &format!("self.{f}"))
            })
            .collect();
        assert!(unused.is_empty(), "unused strings: {unused:?}");
    }

    /// The placeholders (`{n}`, `{x}`) of each string of a language file, by field, read from
    /// its source, so that no string with a placeholder is left out of the comparison.
    fn placeholders(src: &str) -> std::collections::BTreeMap<String, Vec<String>> {
        let mut out = std::collections::BTreeMap::new();
        for line in src.lines() {
            let Some((field, value)) = line.trim().split_once(": \"") else {
                continue;
            };
            let mut holes: Vec<String> = value
                .split('{')
                .skip(1)
                .filter_map(|p| p.split('}').next())
                .map(str::to_string)
                .collect();
            holes.sort();
            out.insert(field.to_string(), holes);
        }
        out
    }

    #[test]
    fn placeholders_are_the_same_in_every_language() {
        let en = placeholders(include_str!("en.rs"));
        assert!(en.values().filter(|h| !h.is_empty()).count() >= 9);
        for (name, other) in [("fr", include_str!("fr.rs")), ("ar", include_str!("ar.rs"))] {
            let other = placeholders(other);
            for (field, holes) in &en {
                assert_eq!(other.get(field), Some(holes), "{name}: {field}");
            }
        }
    }

    #[test]
    fn help_tables_have_the_same_rows() {
        assert_eq!(en::EN.help_keys.len(), fr::FR.help_keys.len());
        assert_eq!(en::EN.help_keys.len(), ar::AR.help_keys.len());
    }
}
