//! The view in the URL: the visible window, the selection, the person, every filter, the
//! search, the language and the list view, as a query string — so a reload or a shared link
//! shows exactly the same view, on any static host and under any sub-path (only the query string
//! is used; no server rewrite is needed). Parsing is lenient: an unknown or malformed parameter
//! is ignored, never an error.
//!
//! `from`/`to` are calendar days (`2024-12-02`; astronomical years, signed and with more digits
//! outside 0000–9999: `-0044-03-15`, `12000-01-01`, see [`format_iso_day`]); `since`/`until` are
//! years (`2012`, `-43`); lists are comma-separated ids. Days and years outside the axis domain
//! (see [`super::date`]) are ignored like any other malformed value.

use std::collections::BTreeSet;

use super::dataset::Confidence;
use super::date::{
    AXIS_END, AXIS_FIRST_YEAR, AXIS_LAST_YEAR, AXIS_START, Day, format_iso_day, parse_iso_day,
    year_end, year_of, year_start,
};
use super::filter::{DomainMode, Filters};
use super::text::Lang;

/// Everything a link can restore.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ViewState {
    /// Visible window (first and last visible day).
    pub window: Option<(Day, Day)>,
    /// Selected event id.
    pub event: Option<String>,
    /// Selected gap id (when no event is selected).
    pub gap: Option<String>,
    /// Highlighted person id.
    pub person: Option<String>,
    /// Filters.
    pub filters: Filters,
    /// Search text.
    pub query: String,
    /// Interface language, if chosen.
    pub lang: Option<Lang>,
    /// Whether the list view is shown instead of the timeline.
    pub list: bool,
    /// Another dataset (`?data=URL`), kept so links to it keep working.
    pub data: Option<String>,
    /// The compact view for an `<iframe>` (`?embed=1`): the timeline and the record only.
    pub embed: bool,
    /// The story's step, counted from 1 (`?story=1&step=N`), while a story is told.
    pub story: Option<usize>,
}

fn day_string(t: Day) -> String {
    format_iso_day(t.round())
}

fn parse_day(s: &str) -> Option<Day> {
    parse_iso_day(s).filter(|t| (AXIS_START..=AXIS_END).contains(t))
}

/// A year as a link or the years filter writes it: a whole number inside the axis domain
/// (anything else is no filter, in a link and in the year inputs alike).
pub fn parse_year(s: &str) -> Option<i64> {
    s.trim()
        .parse::<i64>()
        .ok()
        .filter(|y| (AXIS_FIRST_YEAR..=AXIS_LAST_YEAR).contains(y))
}

fn ids(s: &str) -> BTreeSet<String> {
    s.split(',')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_string)
        .collect()
}

fn join(set: &BTreeSet<String>) -> String {
    set.iter().cloned().collect::<Vec<_>>().join(",")
}

fn confidence(s: &str) -> Option<Confidence> {
    match s {
        "confirmed" => Some(Confidence::Confirmed),
        "inferred" => Some(Confidence::Inferred),
        "uncertain" => Some(Confidence::Uncertain),
        _ => None,
    }
}

impl ViewState {
    /// Reads a query string (with or without its leading `?`).
    pub fn parse(query: &str) -> Self {
        let query = query.strip_prefix('?').unwrap_or(query);
        let mut v = ViewState::default();
        let (mut from, mut to) = (None, None);
        let (mut story, mut step) = (false, None);
        for (key, value) in form_urlencoded::parse(query.as_bytes()) {
            let value = value.trim();
            match key.as_ref() {
                "from" => from = parse_day(value),
                "to" => to = parse_day(value),
                "event" if !value.is_empty() => v.event = Some(value.to_string()),
                "gap" if !value.is_empty() => v.gap = Some(value.to_string()),
                "person" if !value.is_empty() => v.person = Some(value.to_string()),
                "lanes" => v.filters.lanes = ids(value),
                "domains" => v.filters.domains = ids(value),
                "match" => {
                    v.filters.domain_mode = if value == "all" {
                        DomainMode::All
                    } else {
                        DomainMode::Any
                    }
                }
                "hosts" => v.filters.hosts = ids(value),
                "places" => v.filters.places = ids(value),
                "confidence" => {
                    v.filters.confidence = value.split(',').filter_map(confidence).collect()
                }
                "since" => v.filters.from = parse_year(value).map(year_start),
                "until" => v.filters.to = parse_year(value).map(year_end),
                "only" if value == "person" => v.filters.person = Some(String::new()),
                "q" => v.query = value.to_string(),
                "lang" => v.lang = Lang::from_tag(value),
                "view" => v.list = value == "list",
                "data" if !value.is_empty() => v.data = Some(value.to_string()),
                "embed" => v.embed = matches!(value, "1" | "true"),
                "story" => story = matches!(value, "1" | "true"),
                "step" => step = value.parse::<usize>().ok().filter(|n| *n >= 1),
                _ => {}
            }
        }
        v.story = story.then(|| step.unwrap_or(1));
        // `to` is inclusive, so a one-day window has `from == to`.
        if let (Some(a), Some(b)) = (from, to)
            && b >= a
        {
            // `to` names the last visible day: the window ends at the end of it.
            v.window = Some((a, b + 1.0));
        }
        // "Show only this person" needs the person.
        v.filters.person = match (v.filters.person.take(), &v.person) {
            (Some(_), Some(p)) => Some(p.clone()),
            _ => None,
        };
        v
    }

    /// Writes the query string (with its leading `?`, or empty when there is nothing to say).
    pub fn to_query(&self) -> String {
        let mut out = form_urlencoded::Serializer::new(String::new());
        if let Some(d) = &self.data {
            out.append_pair("data", d);
        }
        if let Some(l) = self.lang {
            out.append_pair("lang", l.code());
        }
        if let Some((a, b)) = self.window {
            out.append_pair("from", &day_string(a));
            out.append_pair("to", &day_string(b - 1.0));
        }
        if let Some(e) = &self.event {
            out.append_pair("event", e);
        } else if let Some(g) = &self.gap {
            out.append_pair("gap", g);
        }
        if let Some(p) = &self.person {
            out.append_pair("person", p);
        }
        let f = &self.filters;
        if f.person.is_some() && self.person.is_some() {
            out.append_pair("only", "person");
        }
        if !f.lanes.is_empty() {
            out.append_pair("lanes", &join(&f.lanes));
        }
        if !f.domains.is_empty() {
            out.append_pair("domains", &join(&f.domains));
            if f.domain_mode == DomainMode::All {
                out.append_pair("match", "all");
            }
        }
        if !f.hosts.is_empty() {
            out.append_pair("hosts", &join(&f.hosts));
        }
        if !f.places.is_empty() {
            out.append_pair("places", &join(&f.places));
        }
        if !f.confidence.is_empty() {
            let c: Vec<&str> = f.confidence.iter().map(|c| c.as_str()).collect();
            out.append_pair("confidence", &c.join(","));
        }
        let year = |t: Day| year_of(t.round()).map(|y| y.to_string());
        if let Some(y) = f.from.and_then(year) {
            out.append_pair("since", &y);
        }
        if let Some(y) = f.to.and_then(year) {
            out.append_pair("until", &y);
        }
        if !self.query.is_empty() {
            out.append_pair("q", &self.query);
        }
        if self.list {
            out.append_pair("view", "list");
        }
        if self.embed {
            out.append_pair("embed", "1");
        }
        if let Some(step) = self.story {
            out.append_pair("story", "1");
            out.append_pair("step", &step.to_string());
        }
        let q = out.finish();
        if q.is_empty() { q } else { format!("?{q}") }
    }

    /// Whether going from `self` to `next` is a step the back button should return to
    /// (selection, person, filters, language, view) rather than a pan, a zoom or typing in the
    /// search box, which update the URL in place.
    /// In a story the selection follows the step: at the same step, a change of selection is
    /// the story selecting what the step tells (after a link or Back), not a new history step.
    pub fn is_meaningful_change(&self, next: &ViewState) -> bool {
        let same_step = self.story.is_some() && self.story == next.story;
        let strip = |v: &ViewState| ViewState {
            window: None,
            query: String::new(),
            event: if same_step { None } else { v.event.clone() },
            gap: if same_step { None } else { v.gap.clone() },
            ..v.clone()
        };
        strip(self) != strip(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i64, m: u32, d: u32) -> Day {
        crate::model::date::day_of_ymd(y, m, d).unwrap()
    }

    fn full() -> ViewState {
        let mut filters = Filters {
            lanes: ["commission".to_string(), "exercise".to_string()].into(),
            domains: ["space".to_string(), "cyber".to_string()].into(),
            domain_mode: DomainMode::All,
            hosts: ["ma".to_string()].into(),
            confidence: [Confidence::Confirmed, Confidence::Inferred].into(),
            from: Some(day(2012, 1, 1)),
            to: Some(day(2025, 12, 31)),
            person: None,
            places: ["rabat".to_string(), "paris".to_string()].into(),
        };
        filters.person = Some("berrid".into());
        ViewState {
            window: Some((day(2024, 1, 1), day(2026, 1, 1))),
            event: Some("cmm-22".into()),
            gap: None,
            person: Some("berrid".into()),
            filters,
            query: "chergui & co/é".into(),
            lang: Some(Lang::Ar),
            list: true,
            data: Some("https://example.org/d.json?x=1&y=2".into()),
            embed: true,
            story: Some(4),
        }
    }

    #[test]
    fn everything_round_trips() {
        let v = full();
        let q = v.to_query();
        assert!(q.starts_with('?'));
        assert_eq!(ViewState::parse(&q), v);
    }

    #[test]
    fn the_window_is_written_as_readable_days() {
        let v = ViewState {
            window: Some((day(2024, 12, 2), day(2024, 12, 4))),
            ..ViewState::default()
        };
        assert_eq!(v.to_query(), "?from=2024-12-02&to=2024-12-03");
        assert_eq!(ViewState::default().to_query(), "");
    }

    #[test]
    fn windows_and_years_of_any_era_round_trip() {
        let table = [
            (
                (-44, 3, 15),
                (-44, 3, 22),
                "?from=-0044-03-15&to=-0044-03-21",
            ),
            (
                (-500, 1, 1),
                (10_499, 12, 31),
                "?from=-0500-01-01&to=10499-12-30",
            ),
            ((1, 1, 1), (9_999, 12, 31), "?from=0001-01-01&to=9999-12-30"),
            (
                (-13_799_999_999, 1, 1),
                (-3_499, 1, 1),
                "?from=-13799999999-01-01&to=-3500-12-31",
            ),
        ];
        for (a, b, query) in table {
            let v = ViewState {
                window: Some((day(a.0, a.1, a.2), day(b.0, b.1, b.2))),
                ..ViewState::default()
            };
            assert_eq!(v.to_query(), query);
            assert_eq!(ViewState::parse(query), v);
        }
        for (since, until) in [
            (-43, 0),
            (1, 9_999),
            (-9_999, 19_999),
            (-13_799_999_999, -3_499),
        ] {
            let mut v = ViewState::default();
            v.filters.from = Some(year_start(since));
            v.filters.to = Some(year_end(until));
            let q = v.to_query();
            assert_eq!(q, format!("?since={since}&until={until}"));
            assert_eq!(ViewState::parse(&q), v);
        }
        // Links written by chrono's `%Y` keep working.
        let old = ViewState::parse("from=%2B12000-01-01&to=%2B12001-01-01");
        assert_eq!(old.window, Some((day(12_000, 1, 1), day(12_001, 1, 2))));
        // Outside the axis domain: ignored, like any malformed value.
        let far = ViewState::parse(
            "from=-50000000000-01-01&to=2024-01-01&since=50000&until=-50000000000",
        );
        assert_eq!(
            (far.window, far.filters.from, far.filters.to),
            (None, None, None)
        );
    }

    #[test]
    fn bad_parameters_are_ignored_not_fatal() {
        let v = ViewState::parse(
            "?from=yesterday&to=2024-13-01&lang=xx&confidence=maybe,confirmed&since=abc&unknown=1&event=",
        );
        assert_eq!(v.window, None);
        assert_eq!(v.lang, None);
        assert_eq!(v.filters.confidence, [Confidence::Confirmed].into());
        assert_eq!(v.filters.from, None);
        assert_eq!(v.event, None);
        let reversed = ViewState::parse("from=2025-01-01&to=2024-01-01");
        assert_eq!(reversed.window, None);
        // One day is a window (its last day is its first).
        let one_day = ViewState::parse("from=2024-12-02&to=2024-12-02");
        assert_eq!(one_day.window.map(|(a, b)| b - a), Some(1.0));
        assert_eq!(one_day.to_query(), "?from=2024-12-02&to=2024-12-02");
        assert_eq!(parse_year(" 2024 "), Some(2024));
        assert_eq!(parse_year("50000"), None, "outside the axis: no filter");
        assert_eq!(
            ViewState::parse("only=person").filters.person,
            None,
            "needs a person"
        );
    }

    #[test]
    fn pans_and_zooms_are_not_history_steps_but_selections_are() {
        let a = ViewState {
            story: None,
            ..full()
        };
        let mut b = a.clone();
        b.window = Some((day(2020, 1, 1), day(2021, 1, 1)));
        assert!(!a.is_meaningful_change(&b));
        b.event = Some("cmm-23".into());
        assert!(a.is_meaningful_change(&b));
        let mut c = a.clone();
        c.lang = Some(Lang::Fr);
        assert!(a.is_meaningful_change(&c));
        let mut typing = a.clone();
        typing.query = "chebe".into();
        assert!(
            !a.is_meaningful_change(&typing),
            "each keystroke is not a history step"
        );
        let told = full();
        let mut stepped = told.clone();
        stepped.story = Some(5);
        assert!(told.is_meaningful_change(&stepped), "a story's step is one");
        let mut selected_by_the_step = told.clone();
        selected_by_the_step.event = Some("cmm-12".into());
        assert!(
            !told.is_meaningful_change(&selected_by_the_step),
            "at the same step, the step's own selection is no new entry"
        );
    }

    #[test]
    fn a_story_step_in_the_link() {
        assert_eq!(ViewState::parse("story=1").story, Some(1));
        assert_eq!(ViewState::parse("story=1&step=3").story, Some(3));
        assert_eq!(ViewState::parse("story=1&step=0").story, Some(1));
        assert_eq!(ViewState::parse("story=1&step=x").story, Some(1));
        assert_eq!(ViewState::parse("step=3").story, None, "no story, no step");
        let v = ViewState {
            story: Some(2),
            ..ViewState::default()
        };
        assert_eq!(v.to_query(), "?story=1&step=2");
    }
}
