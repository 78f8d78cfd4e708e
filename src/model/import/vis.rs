//! vis-timeline items: a top-level array of `{id, content, start, end?, group?, type?, title?,
//! className?, style?, …}`, or `{items, groups}` with `groups: [{id, content}]`.
//!
//! Mapped: `content` (HTML) → title, `title` (the tooltip, HTML) → summary, `start`/`end` (ISO
//! date or date-time strings, or milliseconds since 1970) → the date, `group` → the lane labelled
//! by the group's `content`, `type: "background"` → a period, links in the HTML → sources.
//! Dropped (and counted): times of day, `className` and `style`, unknown fields. An `end` that is
//! a date alone is exclusive in vis (midnight as the day begins), so the day before is the last.

use serde_json::Value;

use super::super::dataset::ImportFormat;
use super::super::validate::Problem;
use super::dates::{self, Read};
use super::report::Counts;
use super::{Builder, Draft};

fn problem(path: String, message: impl Into<String>) -> Problem {
    Problem {
        path,
        message: message.into(),
    }
}

/// An id or a group as text: vis allows strings and numbers.
fn key(v: Option<&Value>, at: &dyn Fn() -> String) -> Result<Option<String>, Problem> {
    match v {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.trim().to_string()).filter(|s| !s.is_empty())),
        Some(Value::Number(n)) => Ok(Some(n.to_string())),
        Some(_) => Err(problem(at(), "expected a string or a number")),
    }
}

/// A text field (`content`, `title`): a string, absent or null.
fn string<'a>(v: Option<&'a Value>, at: &dyn Fn() -> String) -> Result<&'a str, Problem> {
    match v {
        None | Some(Value::Null) => Ok(""),
        Some(Value::String(s)) => Ok(s),
        Some(Value::Number(_)) => Err(problem(at(), "expected a string, not a number")),
        Some(_) => Err(problem(at(), "expected a string")),
    }
}

/// A date: an ISO string or milliseconds since 1970.
fn date(v: Option<&Value>, at: &dyn Fn() -> String) -> Result<Option<Read>, Problem> {
    match v {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => dates::from_text(s, false)
            .map(Some)
            .map_err(|m| problem(at(), m)),
        Some(Value::Number(n)) => dates::from_millis(n.as_f64().unwrap_or(f64::NAN))
            .map(Some)
            .map_err(|m| problem(at(), m)),
        Some(_) => Err(problem(
            at(),
            "expected a date: a string such as \"2014-04-20\" or milliseconds since 1970",
        )),
    }
}

/// vis-timeline's `end` is a moment, and a date alone means its midnight: an item ending
/// `"2014-04-18"` ends as the 18th begins, so its last day is the 17th (our ends are inclusive).
/// An end with a time of day, or known only to the month or year, is kept as written.
fn exclusive_end(start: Read, end: Read) -> Read {
    use super::super::date::{PartialDate, Precision};
    if end.had_time || end.date.precision() != Precision::Day {
        return end;
    }
    let before = end.date.first_day() - 1;
    let last = (before >= start.date.first_day())
        .then(|| {
            let (y, m, d) = super::super::date::ymd_of_day(before);
            PartialDate::day(y, m, d).ok()
        })
        .flatten();
    match last {
        Some(date) => Read { date, ..end },
        None => end,
    }
}

/// Reads vis-timeline items (the whole file as parsed JSON).
pub(crate) fn from_json(
    root: &Value,
    file: Option<&str>,
) -> Result<(super::Dataset, Counts), Problem> {
    let mut b = Builder::new(ImportFormat::Vis);
    let (items, groups, prefix) = match root {
        Value::Array(items) => (items.as_slice(), &[][..], String::new()),
        Value::Object(o) => {
            for k in o.keys() {
                if k != "items" && k != "groups" {
                    b.counts.field(k);
                }
            }
            let groups = match o.get("groups") {
                None | Some(Value::Null) => &[][..],
                Some(Value::Array(g)) => g.as_slice(),
                Some(_) => return Err(problem("groups".into(), "expected a list ([ … ])")),
            };
            let items = o.get("items").and_then(Value::as_array);
            let items = items.ok_or_else(|| problem("items".into(), "expected a list ([ … ])"))?;
            (items.as_slice(), groups, "items".to_string())
        }
        _ => return Err(problem(".".into(), "expected a list of items")),
    };
    // Group id → label (the group's `content`, reduced to text).
    let mut labels: Vec<(String, String)> = Vec::new();
    for (i, g) in groups.iter().enumerate() {
        let at = format!("groups[{i}]");
        let Value::Object(o) = g else {
            return Err(problem(at, "expected an object ({ … })"));
        };
        let id = key(o.get("id"), &|| format!("{at}.id"))?
            .ok_or_else(|| problem(format!("{at}.id"), "a group needs an id"))?;
        let content = string(o.get("content"), &|| format!("{at}.content"))?;
        let label = super::html::to_plain(content).text;
        labels.push((id, label));
    }
    for (i, item) in items.iter().enumerate() {
        let at = format!("{prefix}[{i}]");
        let Value::Object(o) = item else {
            return Err(problem(at, "expected an object ({ … })"));
        };
        let path = |k: &str| format!("{at}.{k}");
        for k in o.keys() {
            match k.as_str() {
                "id" | "content" | "start" | "end" | "group" | "type" | "title" => {}
                "className" | "style" => b.counts.styles += 1,
                other => b.counts.field(other),
            }
        }
        let start = date(o.get("start"), &|| path("start"))?
            .ok_or_else(|| problem(path("start"), "the start date is missing"))?;
        let end = date(o.get("end"), &|| path("end"))?.map(|e| exclusive_end(start, e));
        let spec = dates::span_of(start, end, &mut b.counts.times, || path("end"))?;
        let kind = string(o.get("type"), &|| path("type"))?;
        let mut links = Vec::new();
        let content = b.html(string(o.get("content"), &|| path("content"))?, &mut links);
        let tooltip = b.html(string(o.get("title"), &|| path("title"))?, &mut links);
        if kind == "background" {
            b.period(content, tooltip, spec, links);
            continue;
        }
        let mut d = Draft::new(spec);
        d.id = key(o.get("id"), &|| path("id"))?;
        d.title = content;
        d.summary = tooltip;
        d.lane = key(o.get("group"), &|| path("group"))?.map(|g| {
            let label = labels
                .iter()
                .find(|(id, _)| *id == g)
                .map(|(_, l)| l.clone())
                .filter(|l| !l.trim().is_empty())
                .unwrap_or_else(|| g.clone());
            (Some(super::slug(&g)).filter(|s| !s.is_empty()), label)
        });
        d.links = links;
        b.event(d);
    }
    b.finish(String::new(), String::new(), file)
}
