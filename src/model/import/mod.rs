//! Opening timelines made with other tools: the format is recognised from the content
//! (`sniff`), read by its importer (TimelineJS JSON and CSV, vis-timeline items, a plain CSV) into
//! our own [`Dataset`], marked with its [`Origin`] ("imported, not audited"), checked by
//! `validate`'s interchange rules, and described by a [`Report`] of what was mapped and what was
//! dropped. Our own format goes straight to [`load`]. Nothing is invented: a record without an
//! http(s) link has no source, a missing group goes to the "Events" lane, text has no language.

mod csv;
mod dates;
mod html;
mod plain_csv;
pub mod report;
mod sniff;
mod timelinejs;
mod vis;

use std::collections::{HashMap, HashSet};

use super::dataset::{
    Confidence, Dataset, Event, ImportFormat, Lane, Origin, Period, Place, SCHEMA_VERSION, Source,
};
use super::date::DateSpec;
use super::text::Text;
use super::validate::{Invalid, Problem, is_http_url, load, validate};

pub use report::{Report, ReportLine};

/// A dataset read from a file, and what reading it did.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// The dataset, valid (imported ones under the interchange rules).
    pub dataset: Dataset,
    /// What was mapped and dropped.
    pub report: Report,
}

/// Reads a file in any format the app knows, recognised from its content; `file` is its name,
/// when known, kept in the dataset's `origin` (and used as the title when the file has none).
///
/// Never panics, whatever the bytes. A file that cannot be read gives every problem found (or the
/// first one that stops reading), each with its place: a JSON path (`events[3].start_date.month`)
/// or `line N, column Name` in a CSV.
pub fn import(bytes: &[u8], file: Option<&str>) -> Result<Imported, Invalid> {
    let one = |p: Problem| Invalid(vec![p]);
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let (dataset, counts) = match sniff::sniff(bytes).map_err(one)? {
        sniff::Sniffed::Own => {
            let dataset = load(bytes)?;
            let report = Report {
                format: None,
                events: dataset.events.len(),
                periods: dataset.periods.len(),
                notes: vec![
                    ReportLine::OwnFormat,
                    ReportLine::Events(dataset.events.len()),
                ],
            };
            return Ok(Imported { dataset, report });
        }
        sniff::Sniffed::TimelineJsJson { root, prefix } => {
            timelinejs::from_json(&root, prefix, file).map_err(one)?
        }
        sniff::Sniffed::Vis { root } => vis::from_json(&root, file).map_err(one)?,
        sniff::Sniffed::TimelineJsCsv {
            table,
            windows_1252,
        } => {
            let (d, mut c) = timelinejs::from_csv(&table, file).map_err(one)?;
            c.windows_1252 = windows_1252;
            (d, c)
        }
        sniff::Sniffed::PlainCsv {
            table,
            windows_1252,
        } => {
            let (d, mut c) = plain_csv::from_csv(&table, file).map_err(one)?;
            c.windows_1252 = windows_1252;
            (d, c)
        }
    };
    let problems = validate(&dataset);
    if !problems.is_empty() {
        return Err(Invalid(problems));
    }
    let format = dataset
        .origin
        .as_ref()
        .map(|o| o.format)
        .unwrap_or(ImportFormat::Csv);
    let totals = report::Totals {
        events: dataset.events.len(),
        periods: dataset.periods.len(),
        lanes: dataset
            .lanes
            .iter()
            .filter(|l| l.id != DEFAULT_LANE)
            .count(),
        sources: dataset.sources.len(),
        uncertain: (dataset.events.iter())
            .filter(|e| e.confidence == Confidence::Uncertain)
            .count(),
        without_source: dataset
            .events
            .iter()
            .filter(|e| e.sources.is_empty())
            .count(),
    };
    let report = Report {
        format: Some(format),
        events: totals.events,
        periods: totals.periods,
        notes: report::lines(format, &totals, counts),
    };
    Ok(Imported { dataset, report })
}

/// The lane of events that name no group.
const DEFAULT_LANE: &str = "events";

/// The label of the lane of events that name no group.
fn default_lane_label() -> Text {
    Text {
        fr: "Événements".into(),
        en: "Events".into(),
        ar: Some("أحداث".into()),
    }
}

/// The title of an event that has no headline, no text and no caption.
fn untitled() -> Text {
    Text {
        fr: "Sans titre".into(),
        en: "Untitled".into(),
        ar: Some("بلا عنوان".into()),
    }
}

/// A lowercase id made of the letters and digits of `s` (accents dropped), words joined by `-`,
/// at most 60 characters; empty when `s` has no letter or digit.
pub(crate) fn slug(s: &str) -> String {
    let lower = s.to_lowercase();
    let mut out = String::new();
    let mut dash = false;
    for c in super::fold::strip_marks(&lower) {
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c);
            if out.chars().count() >= 60 {
                break;
            }
        } else {
            dash = true;
        }
    }
    out
}

/// The host of an http(s) URL, lowercase, without credentials or port: the publisher of an
/// imported source.
fn host(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit('@').next().unwrap_or(authority);
    let host = if host.starts_with('[') {
        host.split_inclusive(']').next().unwrap_or(host)
    } else {
        host.split(':').next().unwrap_or(host)
    };
    host.to_lowercase()
}

/// A link an imported record gives: its URL and what describes it (a caption, the link's text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LinkDraft {
    pub url: String,
    pub description: String,
}

/// An event as an importer read it, before ids, lanes and sources are settled.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Draft {
    /// The id the file gives, if any.
    pub id: Option<String>,
    /// Plain-text title (may be empty: then the summary or a caption titles it).
    pub title: String,
    /// Plain-text summary (may be empty).
    pub summary: String,
    /// What to title it by when it has neither title nor summary (a media caption).
    pub caption: String,
    pub date: DateSpec,
    /// The lane: `(id, label)`; the id is the slug of the label when the file gives none.
    pub lane: Option<(Option<String>, String)>,
    pub place: Option<String>,
    pub links: Vec<LinkDraft>,
    pub confidence: Confidence,
}

impl Draft {
    /// An event dated `date` with nothing else known yet.
    pub fn new(date: DateSpec) -> Self {
        Draft {
            id: None,
            title: String::new(),
            summary: String::new(),
            caption: String::new(),
            date,
            lane: None,
            place: None,
            links: Vec::new(),
            confidence: Confidence::Uncertain,
        }
    }
}

/// Builds a dataset from drafts: unique ids, one lane per group, one source per URL.
pub(crate) struct Builder {
    format: ImportFormat,
    lanes: Vec<Lane>,
    sources: Vec<Source>,
    source_by_url: HashMap<String, String>,
    ids: HashSet<String>,
    events: Vec<Event>,
    periods: Vec<Period>,
    /// What was dropped or changed, for the report.
    pub counts: report::Counts,
}

impl Builder {
    pub fn new(format: ImportFormat) -> Self {
        Builder {
            format,
            lanes: Vec::new(),
            sources: Vec::new(),
            source_by_url: HashMap::new(),
            ids: HashSet::new(),
            events: Vec::new(),
            periods: Vec::new(),
            counts: report::Counts::default(),
        }
    }

    /// Plain text from HTML, counting it when there was markup; its http(s) links are kept
    /// (the others counted as dropped) in `links`.
    pub fn html(&mut self, s: &str, links: &mut Vec<LinkDraft>) -> String {
        let plain = html::to_plain(s);
        if plain.had_markup {
            self.counts.html += 1;
        }
        for l in plain.links {
            let description = if l.text.is_empty() {
                l.url.clone()
            } else {
                l.text
            };
            links.push(LinkDraft {
                url: l.url,
                description,
            });
        }
        plain.text
    }

    /// A unique id: `wanted` if free, else `wanted-2`, `wanted-3`…; `fallback` (slugged) when
    /// `wanted` is absent or blank.
    fn unique_id(&mut self, wanted: Option<&str>, fallback: &str, kind: &str) -> String {
        let given = wanted.map(str::trim).filter(|w| !w.is_empty());
        let base = match given {
            Some(w) => w.to_string(),
            None => Some(slug(fallback))
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| kind.to_string()),
        };
        if self.ids.insert(base.clone()) {
            return base;
        }
        if given.is_some() {
            self.counts.ids_made_unique += 1;
        }
        let id = (2..)
            .map(|n| format!("{base}-{n}"))
            .find(|id| !self.ids.contains(id))
            .expect("an unbounded range has a free id");
        self.ids.insert(id.clone());
        id
    }

    /// The ids of the sources for `links`, created on first sight; non-http(s) links counted
    /// and dropped.
    fn sources(&mut self, links: Vec<LinkDraft>) -> Vec<String> {
        let mut ids = Vec::new();
        for l in links {
            let url = l.url.trim();
            if !is_http_url(url) {
                self.counts.non_http += 1;
                continue;
            }
            let id = match self.source_by_url.get(url) {
                Some(id) => id.clone(),
                None => {
                    let id = format!("s{}", self.sources.len() + 1);
                    let description = l.description.trim();
                    self.sources.push(Source {
                        id: id.clone(),
                        url: url.to_string(),
                        publisher: host(url),
                        title: None,
                        description: Text::plain(if description.is_empty() {
                            url
                        } else {
                            description
                        }),
                        language: None,
                        published: None,
                    });
                    self.source_by_url.insert(url.to_string(), id.clone());
                    id
                }
            };
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        ids
    }

    /// The id of the lane for a group, created on first sight.
    fn lane(&mut self, group: Option<(Option<String>, String)>) -> String {
        let (id, label) = match group {
            Some((id, label)) if !label.trim().is_empty() || id.is_some() => {
                let label = label.trim().to_string();
                let id = id
                    .filter(|i| !i.trim().is_empty())
                    .unwrap_or_else(|| slug(&label));
                let id = if id.is_empty() {
                    // A label with no letter or digit ("—"): an id from its position.
                    format!("lane-{}", self.lanes.len() + 1)
                } else {
                    id
                };
                let label = if label.is_empty() { id.clone() } else { label };
                (id, Text::plain(label))
            }
            _ => (DEFAULT_LANE.to_string(), default_lane_label()),
        };
        if !self.lanes.iter().any(|l| l.id == id) {
            self.lanes.push(Lane {
                id: id.clone(),
                label,
                description: None,
            });
        }
        id
    }

    /// Adds an event.
    pub fn event(&mut self, d: Draft) {
        let title = if !d.title.trim().is_empty() {
            Text::plain(one_line(&d.title))
        } else if let Some(t) = first_line(&d.summary).or_else(|| first_line(&d.caption)) {
            self.counts.titled_from_text += 1;
            Text::plain(t)
        } else {
            self.counts.untitled += 1;
            untitled()
        };
        let id = self.unique_id(d.id.as_deref(), &title.en, "event");
        let lane = self.lane(d.lane);
        let sources = self.sources(d.links);
        self.events.push(Event {
            id,
            lane,
            session_number: None,
            title,
            summary: Text::plain(d.summary),
            date: d.date,
            place: d.place.filter(|p| !p.trim().is_empty()).map(|p| Place {
                name: Text::plain(p.trim()),
                country: None,
                ids: vec![],
            }),
            host: None,
            chairs: vec![],
            participants: vec![],
            domains: vec![],
            agenda: vec![],
            outcomes: vec![],
            programme: vec![],
            side_events: vec![],
            decorations: vec![],
            confidence: d.confidence,
            field_confidence: vec![],
            sources,
            notes: vec![],
            related: vec![],
        });
    }

    /// Adds a period (an era); an untitled one is titled from its text, else "Untitled".
    pub fn period(&mut self, title: String, text: String, date: DateSpec, links: Vec<LinkDraft>) {
        let title = match first_line(&title).or_else(|| first_line(&text)) {
            Some(t) => Text::plain(t),
            None => {
                self.counts.untitled += 1;
                untitled()
            }
        };
        let id = self.unique_id(None, &title.en, "period");
        let sources = self.sources(links);
        self.periods.push(Period {
            id,
            title,
            date,
            sources,
        });
    }

    /// The dataset: `title` and `description` from the file (the file's name titles it when
    /// the file gives no title).
    pub fn finish(
        self,
        title: String,
        description: String,
        file: Option<&str>,
    ) -> Result<(Dataset, report::Counts), Problem> {
        if self.events.is_empty() {
            return Err(Problem {
                path: ".".into(),
                message: "the file holds no events".into(),
            });
        }
        let title = if title.trim().is_empty() {
            file.map(|f| {
                let name = f.rsplit(['/', '\\']).next().unwrap_or(f);
                name.rsplit_once('.')
                    .map_or(name, |(stem, _)| stem)
                    .to_string()
            })
            .unwrap_or_default()
        } else {
            title
        };
        let dataset = Dataset {
            schema: None,
            schema_version: SCHEMA_VERSION,
            title: Text::plain(one_line(&title)),
            description: Text::plain(description.trim()),
            as_of: None,
            parties: vec![],
            lanes: self.lanes,
            domains: vec![],
            sources: self.sources,
            people: vec![],
            events: self.events,
            gaps: vec![],
            notes: vec![],
            periods: self.periods,
            places: vec![],
            origin: Some(Origin {
                format: self.format,
                file: file.map(str::to_string),
            }),
        };
        Ok((dataset, self.counts))
    }
}

/// `s` on one line: titles are shown on one line, so a `<br>` in a headline becomes a space.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first non-blank line of `s`, cut to 80 characters at a word boundary when longer.
fn first_line(s: &str) -> Option<String> {
    let line = s.lines().map(str::trim).find(|l| !l.is_empty())?;
    const MAX: usize = 80;
    if line.chars().count() <= MAX {
        return Some(line.to_string());
    }
    let cut: String = line.chars().take(MAX).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > MAX / 2 => &cut[..i],
        _ => &cut,
    };
    Some(format!("{}…", cut.trim_end()))
}

#[cfg(test)]
mod tests;
