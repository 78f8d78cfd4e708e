//! The view in the URL: the visible window, the selection, the person, every filter, the
//! search, the language and the list view, as a query string — so a reload or a shared link
//! shows exactly the same view, on any static host and under any sub-path (only the query string
//! is used; no server rewrite is needed). Parsing is lenient: an unknown or malformed parameter
//! is ignored, never an error.
//!
//! `from`/`to` are calendar days (`2024-12-02`); lists are comma-separated ids.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::dataset::Confidence;
use super::date::{Day, date_of, day_number};
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
}

fn day_string(t: Day) -> String {
    date_of(t.round())
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

fn parse_day(s: &str) -> Option<Day> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .map(day_number)
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
                "confidence" => {
                    v.filters.confidence = value.split(',').filter_map(confidence).collect()
                }
                "since" => {
                    v.filters.from = value
                        .parse::<i32>()
                        .ok()
                        .and_then(|y| NaiveDate::from_ymd_opt(y, 1, 1).map(day_number))
                }
                "until" => {
                    v.filters.to = value
                        .parse::<i32>()
                        .ok()
                        .and_then(|y| NaiveDate::from_ymd_opt(y, 12, 31).map(day_number))
                }
                "only" if value == "person" => v.filters.person = Some(String::new()),
                "q" => v.query = value.to_string(),
                "lang" => v.lang = Lang::from_tag(value),
                "view" => v.list = value == "list",
                "data" if !value.is_empty() => v.data = Some(value.to_string()),
                _ => {}
            }
        }
        if let (Some(a), Some(b)) = (from, to)
            && b > a
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
        if !f.confidence.is_empty() {
            let c: Vec<&str> = f.confidence.iter().map(|c| c.as_str()).collect();
            out.append_pair("confidence", &c.join(","));
        }
        use chrono::Datelike;
        let year = |t: Day| date_of(t.round()).map(|d| d.year().to_string());
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
        let q = out.finish();
        if q.is_empty() { q } else { format!("?{q}") }
    }

    /// Whether going from `self` to `next` is a step the back button should return to
    /// (selection, person, filters, language, view) rather than a pan, a zoom or typing in the
    /// search box, which update the URL in place.
    pub fn is_meaningful_change(&self, next: &ViewState) -> bool {
        let strip = |v: &ViewState| ViewState {
            window: None,
            query: String::new(),
            ..v.clone()
        };
        strip(self) != strip(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Day {
        day_number(NaiveDate::from_ymd_opt(y, m, d).unwrap())
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
        assert_eq!(
            ViewState::parse("only=person").filters.person,
            None,
            "needs a person"
        );
    }

    #[test]
    fn pans_and_zooms_are_not_history_steps_but_selections_are() {
        let a = full();
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
    }
}
