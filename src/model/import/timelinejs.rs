//! TimelineJS files: its JSON (`{title, events, eras, scale}`, each slide with `start_date`,
//! `end_date`, `text{headline, text}`, `media`, `group`, `display_date`, `background`,
//! `unique_id`) and its spreadsheet saved as CSV (Year, Month, Day, Time, End Year, …, Headline,
//! Text, Media, Media Credit, Media Caption, Media Thumbnail, Type, Group, Background).
//!
//! Mapped: headline → title, text → summary (HTML reduced to plain text), group → lane, eras and
//! `era` rows → periods, the title slide → the dataset's title and description, media URLs and
//! links in the text → sources. Dropped (and counted): times of day, display dates, images,
//! thumbnails and backgrounds, embedded media that is not a link, unknown fields and columns.

use serde_json::{Map, Value};

use super::super::dataset::ImportFormat;
use super::super::date::{DateSpec, PartialDate};
use super::super::validate::{Problem, is_http_url};
use super::csv::{Table, normalise};
use super::dates::{Part, from_parts, out_of_range, span, timelinejs_year};
use super::report::Counts;
use super::{Builder, Draft, LinkDraft};

/// The parts of a date as the file writes them, each trimmed and non-empty when present.
#[derive(Default)]
struct DateParts {
    year: Option<String>,
    month: Option<String>,
    day: Option<String>,
    /// Any of hour, minute, second, millisecond (or the CSV's Time) is given.
    time: bool,
    display: bool,
}

/// A slide's media, as given.
#[derive(Default)]
struct Media {
    url: Option<String>,
    caption: Option<String>,
    credit: Option<String>,
    thumbnail: bool,
}

/// One slide (an event, an era or the title), whichever file it came from.
#[derive(Default)]
struct Slide {
    start: DateParts,
    end: DateParts,
    headline: Option<String>,
    text: Option<String>,
    media: Media,
    group: Option<String>,
    display_date: bool,
    background: bool,
    unique_id: Option<String>,
}

fn problem(path: String, message: impl Into<String>) -> Problem {
    Problem {
        path,
        message: message.into(),
    }
}

/// Reads a date's parts; `at(part)` is where a part is, for problems.
fn date(
    parts: &DateParts,
    counts: &mut Counts,
    at: &dyn Fn(Part) -> String,
) -> Result<Option<PartialDate>, Problem> {
    let year = parts.year.as_deref().map(timelinejs_year);
    let d = from_parts(
        year.as_deref(),
        parts.month.as_deref(),
        parts.day.as_deref(),
    )
    .map_err(|(part, message)| match (part, parts.year.as_deref()) {
        // Named as the file writes it, not as it was renumbered.
        (Part::Year, Some(y)) if message.contains("outside") => {
            problem(at(part), out_of_range(y.trim()))
        }
        _ => problem(at(part), message),
    })?;
    if d.is_some() && parts.time {
        counts.times += 1;
    }
    if parts.display {
        counts.display_dates += 1;
    }
    Ok(d)
}

/// The slide's text and media into plain text and links; returns (title, summary, caption).
fn texts(b: &mut Builder, s: &Slide, links: &mut Vec<LinkDraft>) -> (String, String, String) {
    let mut media_links = Vec::new();
    let caption = s
        .media
        .caption
        .as_deref()
        .map(|c| b.html(c, &mut media_links))
        .unwrap_or_default();
    let credit = s
        .media
        .credit
        .as_deref()
        .map(|c| b.html(c, &mut media_links))
        .unwrap_or_default();
    if s.media.thumbnail {
        b.counts.media += 1;
    }
    if s.background {
        b.counts.media += 1;
    }
    if let Some(url) = s.media.url.as_deref() {
        if url.contains('<') {
            // Embed code or a quotation: only its links are kept.
            b.counts.embeds += 1;
            b.html(url, &mut media_links);
        } else if is_http_url(url) || looks_like_url(url) {
            let description = [&caption, &credit]
                .into_iter()
                .find(|t| !t.is_empty())
                .cloned()
                .unwrap_or_else(|| url.to_string());
            // The media first: it is what the slide shows.
            media_links.insert(
                0,
                LinkDraft {
                    url: url.to_string(),
                    description,
                },
            );
        } else {
            // Plain text in the media slot: TimelineJS shows it as a quotation.
            b.counts.embeds += 1;
        }
    }
    let title = s
        .headline
        .as_deref()
        .map(|h| b.html(h, links))
        .unwrap_or_default();
    let summary = s
        .text
        .as_deref()
        .map(|t| b.html(t, links))
        .unwrap_or_default();
    media_links.append(links);
    *links = media_links;
    (title, summary, caption)
}

/// Whether media text is a link (of any scheme, or protocol-relative) rather than text: such a
/// link is kept when it is http(s) and counted as dropped otherwise.
fn looks_like_url(s: &str) -> bool {
    let scheme = s.split_once(':').map(|(scheme, _)| scheme).filter(|sc| {
        sc.starts_with(|c: char| c.is_ascii_alphabetic())
            && sc
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '.' | '-'))
    });
    (scheme.is_some() || s.starts_with("//")) && !s.contains(char::is_whitespace)
}

/// The slide's start (required: `missing` says so at `missing_at`) and end.
fn slide_dates(
    b: &mut Builder,
    s: &Slide,
    at: &dyn Fn(&str, Part) -> String,
    missing_at: String,
    missing: &str,
) -> Result<DateSpec, Problem> {
    let start = date(&s.start, &mut b.counts, &|p| at("start", p))?
        .ok_or_else(|| problem(missing_at, missing))?;
    let end = date(&s.end, &mut b.counts, &|p| at("end", p))?;
    span(start, end, || at("end", Part::Year))
}

/// Adds an event slide.
fn event(
    b: &mut Builder,
    s: Slide,
    at: &dyn Fn(&str, Part) -> String,
    missing_at: String,
) -> Result<(), Problem> {
    let date = slide_dates(b, &s, at, missing_at, "the start date is missing")?;
    if s.display_date {
        b.counts.display_dates += 1;
    }
    let mut links = Vec::new();
    let (title, summary, caption) = texts(b, &s, &mut links);
    let mut d = Draft::new(date);
    d.id = s.unique_id;
    d.title = title;
    d.summary = summary;
    d.caption = caption;
    d.lane = s.group.map(|g| (None, g));
    d.links = links;
    b.event(d);
    Ok(())
}

/// Adds an era as a period.
fn era(
    b: &mut Builder,
    s: Slide,
    at: &dyn Fn(&str, Part) -> String,
    missing_at: String,
) -> Result<(), Problem> {
    let date = slide_dates(b, &s, at, missing_at, "the era's start date is missing")?;
    let mut links = Vec::new();
    let (title, text, _) = texts(b, &s, &mut links);
    b.period(title, text, date, links);
    Ok(())
}

// ---- JSON ----

/// A scalar: a trimmed non-empty string, or a number as written; `None` when absent, null or
/// blank.
fn scalar(v: Option<&Value>, at: &dyn Fn() -> String) -> Result<Option<String>, Problem> {
    let s = match v {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::String(s)) => s.trim().to_string(),
        Some(Value::Number(n)) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) => i.to_string(),
            (None, Some(f)) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.0}"),
            _ => n.to_string(),
        },
        Some(Value::Bool(_)) => {
            return Err(problem(
                at(),
                "expected a string or a number, not true/false",
            ));
        }
        Some(Value::Array(_) | Value::Object(_)) => {
            return Err(problem(at(), "expected a string or a number"));
        }
    };
    Ok(Some(s).filter(|s| !s.is_empty()))
}

/// The object at `v`, or nothing when absent or null.
fn object<'a>(v: Option<&'a Value>, at: &str) -> Result<Option<&'a Map<String, Value>>, Problem> {
    match v {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Object(o)) => Ok(Some(o)),
        Some(_) => Err(problem(at.to_string(), "expected an object ({ … })")),
    }
}

fn json_date(v: Option<&Value>, at: &str) -> Result<DateParts, Problem> {
    let Some(o) = object(v, at)? else {
        return Ok(DateParts::default());
    };
    let field = |k: &str| scalar(o.get(k), &|| format!("{at}.{k}"));
    let mut time = false;
    for k in ["hour", "minute", "second", "millisecond"] {
        time |= field(k)?.is_some();
    }
    Ok(DateParts {
        year: field("year")?,
        month: field("month")?,
        day: field("day")?,
        time,
        display: field("display_date")?.is_some(),
    })
}

/// Reads a slide object; unknown keys are counted.
fn json_slide(v: &Value, at: &str, counts: &mut Counts) -> Result<Slide, Problem> {
    let Value::Object(o) = v else {
        return Err(problem(at.to_string(), "expected an object ({ … })"));
    };
    let field = |k: &str| scalar(o.get(k), &|| format!("{at}.{k}"));
    for k in o.keys() {
        if !matches!(
            k.as_str(),
            "start_date"
                | "end_date"
                | "text"
                | "media"
                | "group"
                | "display_date"
                | "background"
                | "autolink"
                | "unique_id"
        ) {
            counts.field(k);
        }
    }
    let text = object(o.get("text"), &format!("{at}.text"))?;
    let text_field = |k: &str| match text {
        Some(t) => scalar(t.get(k), &|| format!("{at}.text.{k}")),
        None => Ok(None),
    };
    let media = object(o.get("media"), &format!("{at}.media"))?;
    let media_field = |k: &str| match media {
        Some(m) => scalar(m.get(k), &|| format!("{at}.media.{k}")),
        None => Ok(None),
    };
    let background = object(o.get("background"), &format!("{at}.background"))?;
    let background = match background {
        Some(bg) => {
            scalar(bg.get("url"), &|| format!("{at}.background.url"))?.is_some()
                || scalar(bg.get("color"), &|| format!("{at}.background.color"))?.is_some()
        }
        None => false,
    };
    Ok(Slide {
        start: json_date(o.get("start_date"), &format!("{at}.start_date"))?,
        end: json_date(o.get("end_date"), &format!("{at}.end_date"))?,
        headline: text_field("headline")?,
        text: text_field("text")?,
        media: Media {
            url: media_field("url")?,
            caption: media_field("caption")?,
            credit: media_field("credit")?,
            thumbnail: media_field("thumbnail")?.is_some(),
        },
        group: field("group")?,
        display_date: field("display_date")?.is_some(),
        background,
        unique_id: field("unique_id")?,
    })
}

fn json_part(part: Part) -> &'static str {
    match part {
        Part::Year => "year",
        Part::Month => "month",
        Part::Day => "day",
    }
}

/// A list at `key`, absent or null meaning empty.
fn list<'a>(o: &'a Map<String, Value>, key: &str, at: String) -> Result<&'a [Value], Problem> {
    match o.get(key) {
        None | Some(Value::Null) => Ok(&[]),
        Some(Value::Array(a)) => Ok(a),
        Some(_) => Err(problem(at, "expected a list ([ … ])")),
    }
}

/// Reads TimelineJS JSON; `prefix` is where the timeline object is (`timeline.` or nothing).
pub(crate) fn from_json(
    root: &Value,
    prefix: &str,
    file: Option<&str>,
) -> Result<(super::Dataset, Counts), Problem> {
    let mut b = Builder::new(ImportFormat::TimelinejsJson);
    let Value::Object(o) = root else {
        return Err(problem(".".into(), "expected an object ({ … })"));
    };
    for k in o.keys() {
        if !matches!(k.as_str(), "events" | "eras" | "title" | "scale") {
            b.counts.field(k);
        }
    }
    for (i, v) in list(o, "events", format!("{prefix}events"))?
        .iter()
        .enumerate()
    {
        let at = format!("{prefix}events[{i}]");
        let slide = json_slide(v, &at, &mut b.counts)?;
        let path = |which: &str, part: Part| format!("{at}.{which}_date.{}", json_part(part));
        event(&mut b, slide, &path, format!("{at}.start_date"))?;
    }
    for (i, v) in list(o, "eras", format!("{prefix}eras"))?.iter().enumerate() {
        let at = format!("{prefix}eras[{i}]");
        let slide = json_slide(v, &at, &mut b.counts)?;
        let path = |which: &str, part: Part| format!("{at}.{which}_date.{}", json_part(part));
        era(&mut b, slide, &path, format!("{at}.start_date"))?;
    }
    let (mut title, mut description) = (String::new(), String::new());
    if let Some(t) = o.get("title").filter(|t| !t.is_null()) {
        let slide = json_slide(t, &format!("{prefix}title"), &mut b.counts)?;
        (title, description) = title_slide(&mut b, &slide);
    }
    b.finish(title, description, file)
}

/// The title slide's headline and text; its media is dropped (the dataset cites nothing
/// itself), with its links.
fn title_slide(b: &mut Builder, s: &Slide) -> (String, String) {
    let mut links = Vec::new();
    let (title, text, _) = texts(b, s, &mut links);
    if s.media.url.is_some() {
        b.counts.media += 1;
    }
    (title, text)
}

// ---- CSV ----

/// The TimelineJS spreadsheet's columns, by normalised name.
const COLUMNS: [&str; 19] = [
    "year",
    "month",
    "day",
    "time",
    "end year",
    "end month",
    "end day",
    "end time",
    "display date",
    "headline",
    "text",
    "media",
    "media credit",
    "media caption",
    "media thumbnail",
    "type",
    "group",
    "tag",
    "background",
];

/// Reads TimelineJS's spreadsheet saved as CSV.
pub(crate) fn from_csv(
    table: &Table,
    file: Option<&str>,
) -> Result<(super::Dataset, Counts), Problem> {
    let mut b = Builder::new(ImportFormat::TimelinejsCsv);
    let names: Vec<String> = table.header.iter().map(|h| normalise(h)).collect();
    let mut index: Vec<Option<usize>> = vec![None; COLUMNS.len()];
    for (i, n) in names.iter().enumerate() {
        match COLUMNS.iter().position(|c| c == n) {
            Some(c) if index[c].is_none() => index[c] = Some(i),
            _ => b.counts.columns.push(table.header[i].clone()),
        }
    }
    let col = |name: &str| {
        COLUMNS
            .iter()
            .position(|c| *c == name)
            .and_then(|c| index[c])
    };
    let header = |name: &str| {
        col(name)
            .map(|i| table.header[i].clone())
            .unwrap_or_else(|| name.to_string())
    };
    let (mut title, mut description) = (String::new(), String::new());
    let mut titled = false;
    for row in &table.rows {
        let get = |name: &str| {
            col(name)
                .and_then(|i| row.fields.get(i))
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        let parts = |y: &str, m: &str, d: &str, t: &str| DateParts {
            year: get(y),
            month: get(m),
            day: get(d),
            time: get(t).is_some(),
            display: false,
        };
        let slide = Slide {
            start: parts("year", "month", "day", "time"),
            end: parts("end year", "end month", "end day", "end time"),
            headline: get("headline"),
            text: get("text"),
            media: Media {
                url: get("media"),
                caption: get("media caption"),
                credit: get("media credit"),
                thumbnail: get("media thumbnail").is_some(),
            },
            group: get("group").or_else(|| get("tag")),
            display_date: get("display date").is_some(),
            background: get("background").is_some(),
            unique_id: None,
        };
        let line = row.line;
        let at = |which: &str, part: Part| {
            let name = match (which, part) {
                ("start", Part::Year) => "year",
                ("start", Part::Month) => "month",
                ("start", Part::Day) => "day",
                (_, Part::Year) => "end year",
                (_, Part::Month) => "end month",
                (_, Part::Day) => "end day",
            };
            format!("line {line}, column {}", header(name))
        };
        let kind = get("type").map(|t| t.to_lowercase()).unwrap_or_default();
        let missing = format!("line {line}, column {}", header("year"));
        match kind.as_str() {
            "title" if !titled => {
                titled = true;
                if slide.display_date {
                    b.counts.display_dates += 1;
                }
                (title, description) = title_slide(&mut b, &slide);
            }
            "era" => era(&mut b, slide, &at, missing)?,
            _ => event(&mut b, slide, &at, missing)?,
        }
    }
    b.finish(title, description, file)
}
