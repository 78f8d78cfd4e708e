//! The visible events as an iCalendar file (RFC 5545), one all-day `VEVENT` per event, for a
//! calendar application.
//!
//! Calendars know days, not months or years, so a date keeps its meaning by its span: an event
//! known to the month covers the whole month, one known to the year the whole year (`DTSTART`
//! is the first day it can mean, `DTEND` the day after the last, exclusive, both `VALUE=DATE`),
//! and the description says so in the chosen language, as it says when the event happened at an
//! unknown point of the span (`within`) and when the date is our inference. `DTSTAMP` is the
//! moment of the export, passed in by the caller because the model reads no clock.
//!
//! Lines end with CRLF and are folded at 75 octets (a continuation line starts with a space)
//! without cutting a UTF-8 character; text values escape `\`, `;`, `,` and line breaks.

use chrono::{NaiveDateTime, Timelike};

use super::{chosen, phrases, source_urls};
use crate::model::dataset::{Dataset, Event, EventIdx};
use crate::model::date::{DayNum, Precision, day_number, ymd_of_day};
use crate::model::text::Lang;

/// The domain part of every `UID` (`cmm-22@cooperation-timeline`): event ids are stable, so a
/// calendar that imports the file twice updates the entries instead of doubling them.
pub const UID_DOMAIN: &str = "cooperation-timeline";

/// The longest line, in octets, before folding (RFC 5545 §3.1).
pub const MAX_LINE: usize = 75;

/// The events at `visible` (in that order, each once) as an iCalendar file, text in `lang`,
/// stamped `now` (UTC).
pub fn to_ics(d: &Dataset, visible: &[EventIdx], lang: Lang, now: NaiveDateTime) -> String {
    let mut out = String::new();
    let mut line = |s: &str| fold(&mut out, s);
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//cooperation-timeline//Timeline export//EN");
    line("CALSCALE:GREGORIAN");
    line(&format!("X-WR-CALNAME:{}", escape(d.title.get(lang))));
    let stamp = format!(
        "{}T{:02}{:02}{:02}Z",
        ymd(day_number(now.date()) as DayNum).unwrap_or_else(|| "19700101".into()),
        now.hour(),
        now.minute(),
        now.second()
    );
    // An event before AD 1 has no iCalendar DATE (four digits, and calendars do not go there):
    // it is left out rather than misdated.
    for lines in chosen(d, visible)
        .into_iter()
        .filter_map(|e| vevent(d, e, lang, &stamp))
    {
        for l in lines {
            line(&l);
        }
    }
    line("END:VCALENDAR");
    out
}

/// A DATE value (`YYYYMMDD`), for the years iCalendar can write (AD 1–9999). Written by hand:
/// chrono's `format` would link its whole formatting machinery into the app for this.
fn ymd(d: DayNum) -> Option<String> {
    let (y, m, d) = ymd_of_day(d);
    (1..=9999)
        .contains(&y)
        .then(|| format!("{y:04}{m:02}{d:02}"))
}

/// The unfolded lines of one event, or `None` for an event before AD 1.
fn vevent(d: &Dataset, e: &Event, lang: Lang, stamp: &str) -> Option<Vec<String>> {
    let first = e.date.first_day();
    let last = e.date.last_day();
    let mut lines = vec![
        "BEGIN:VEVENT".to_string(),
        format!("UID:{}@{UID_DOMAIN}", e.id),
        format!("DTSTAMP:{stamp}"),
        format!("DTSTART;VALUE=DATE:{}", ymd(first)?),
    ];
    // The day after 31 December 9999 has no four-digit year, which a DATE value needs; the span's
    // length says the same thing there.
    match ymd(last + 1) {
        Some(end) => lines.push(format!("DTEND;VALUE=DATE:{end}")),
        None => lines.push(format!("DURATION:P{}D", last - first + 1)),
    }
    lines.push(format!("SUMMARY:{}", escape(e.title.get(lang))));
    lines.push(format!("DESCRIPTION:{}", escape(&description(d, e, lang))));
    if let Some(p) = &e.place {
        lines.push(format!("LOCATION:{}", escape(p.name.get(lang))));
    }
    // A URI value is written as it is: RFC 5545's text escapes do not apply to it.
    if let Some(url) = source_urls(d, e).first() {
        lines.push(format!("URL:{url}"));
    }
    let lane = d.lane_label(&e.lane, lang);
    if !lane.is_empty() {
        lines.push(format!("CATEGORIES:{}", escape(&lane)));
    }
    // Past events of a record, not the user's appointments: they should not block busy time.
    lines.push("TRANSP:TRANSPARENT".into());
    lines.push("END:VEVENT".into());
    Some(lines)
}

/// The summary, what the calendar's span means, and the sources.
fn description(d: &Dataset, e: &Event, lang: Lang) -> String {
    let p = phrases(lang);
    let mut notes = Vec::new();
    match e.date.end.filter(|end| *end != e.date.start) {
        None => match e.date.start.precision() {
            Precision::Year => notes.push(p.whole_year),
            Precision::Month => notes.push(p.whole_month),
            Precision::Day => {}
        },
        Some(end) => {
            match e.date.start.precision() {
                Precision::Year => notes.push(p.start_year),
                Precision::Month => notes.push(p.start_month),
                Precision::Day => {}
            }
            match end.precision() {
                Precision::Year => notes.push(p.end_year),
                Precision::Month => notes.push(p.end_month),
                Precision::Day => {}
            }
        }
    }
    if e.date.within {
        notes.push(p.within);
    }
    if e.date.inferred {
        notes.push(p.inferred);
    }
    let mut parts = vec![e.summary.get(lang).to_string()];
    if !notes.is_empty() {
        parts.push(notes.join("\n"));
    }
    let urls = source_urls(d, e);
    if !urls.is_empty() {
        parts.push(format!("{}\n{}", p.sources, urls.join("\n")));
    }
    parts.retain(|s| !s.is_empty());
    parts.join("\n\n")
}

/// Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks; other
/// control characters, which TEXT cannot hold, are dropped.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends `line` folded into pieces of at most [`MAX_LINE`] octets, each ended by CRLF, every
/// piece after the first starting with the space that marks a continuation.
fn fold(out: &mut String, line: &str) {
    let mut budget = MAX_LINE;
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > budget {
            out.push_str("\r\n ");
            // The leading space counts towards the next line's 75 octets.
            budget = MAX_LINE - 1;
            used = 0;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use chrono::NaiveDate;

    use super::*;
    use crate::model::date::{DateSpec, PartialDate};
    use crate::model::export::views::{filter_sets, visible};
    use crate::model::shipped;

    /// A property as read back: name, parameters, unescaped value.
    type Prop = (String, String, String);

    /// A small RFC 5545 reader: checks CRLF and the line length, unfolds, splits each content
    /// line into name, parameters and value, unescapes the value, and groups the properties of
    /// each VEVENT.
    fn read(text: &str) -> Result<(Vec<Prop>, Vec<Vec<Prop>>), String> {
        let body = text.strip_suffix("\r\n").ok_or("no final CRLF")?;
        let mut lines: Vec<String> = Vec::new();
        for raw in body.split("\r\n") {
            if raw.contains('\n') || raw.contains('\r') {
                return Err(format!("a bare line break in {raw:?}"));
            }
            if raw.len() > MAX_LINE {
                return Err(format!("{} octets: {raw:?}", raw.len()));
            }
            match raw.strip_prefix(' ') {
                Some(rest) => lines
                    .last_mut()
                    .ok_or("starts with a continuation")?
                    .push_str(rest),
                None => lines.push(raw.to_string()),
            }
        }
        let mut calendar = Vec::new();
        let mut events = Vec::new();
        let mut current: Option<Vec<Prop>> = None;
        for l in lines {
            let colon = l.find(':').ok_or(format!("no colon in {l:?}"))?;
            let (head, value) = (&l[..colon], &l[colon + 1..]);
            let (name, params) = head.split_once(';').unwrap_or((head, ""));
            // A URI is not TEXT: its commas and semicolons are not escaped.
            let value_read = if name == "URL" {
                value.to_string()
            } else {
                unescape(value)?
            };
            let prop = (name.to_string(), params.to_string(), value_read);
            match (name, value) {
                ("BEGIN", "VEVENT") => current = Some(Vec::new()),
                ("END", "VEVENT") => events.push(current.take().ok_or("END without BEGIN")?),
                _ => match &mut current {
                    Some(ev) => ev.push(prop),
                    None => calendar.push(prop),
                },
            }
        }
        Ok((calendar, events))
    }

    fn unescape(v: &str) -> Result<String, String> {
        let mut out = String::new();
        let mut chars = v.chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' => match chars.next() {
                    Some('n' | 'N') => out.push('\n'),
                    Some(c @ ('\\' | ';' | ',')) => out.push(c),
                    other => return Err(format!("bad escape \\{other:?} in {v:?}")),
                },
                ';' | ',' => return Err(format!("an unescaped {c} in {v:?}")),
                c => out.push(c),
            }
        }
        Ok(out)
    }

    fn props(ev: &[Prop]) -> HashMap<&str, (&str, &str)> {
        ev.iter()
            .map(|(n, p, v)| (n.as_str(), (p.as_str(), v.as_str())))
            .collect()
    }

    fn now() -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 3, 4)
            .unwrap()
            .and_hms_opt(5, 6, 7)
            .unwrap()
    }

    #[test]
    fn every_filtered_view_reads_back_one_vevent_per_event() {
        let d = shipped();
        for (name, f) in filter_sets(&d) {
            let vis = visible(&d, &f);
            for lang in Lang::ALL {
                let text = to_ics(&d, &vis, lang, now());
                let (cal, events) = read(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
                let cal = props(&cal);
                assert_eq!(cal["VERSION"].1, "2.0");
                assert_eq!(cal["CALSCALE"].1, "GREGORIAN");
                assert_eq!(cal["X-WR-CALNAME"].1, d.title.get(lang));
                assert_eq!(events.len(), vis.len(), "{name}");
                for (ev, &i) in events.iter().zip(&vis) {
                    let e = d.event(i).unwrap();
                    let p = props(ev);
                    assert_eq!(p["UID"].1, format!("{}@cooperation-timeline", e.id));
                    assert_eq!(p["DTSTAMP"].1, "20260304T050607Z");
                    assert_eq!(
                        p["DTSTART"],
                        ("VALUE=DATE", &*ymd(e.date.first_day()).unwrap())
                    );
                    let end = ymd(e.date.last_day() + 1).unwrap();
                    assert_eq!(p["DTEND"], ("VALUE=DATE", &*end));
                    assert_eq!(p["SUMMARY"].1, e.title.get(lang));
                    let urls = source_urls(&d, e);
                    assert_eq!(p["URL"].1, urls[0]);
                    let desc = p["DESCRIPTION"].1;
                    assert!(desc.starts_with(e.summary.get(lang)), "{}", e.id);
                    assert!(desc.ends_with(&format!(
                        "{}\n{}",
                        phrases(lang).sources,
                        urls.join("\n")
                    )));
                    assert_eq!(p["CATEGORIES"].1, d.lane_label(&e.lane, lang));
                    if let Some(place) = &e.place {
                        assert_eq!(p["LOCATION"].1, place.name.get(lang));
                    }
                }
            }
        }
    }

    #[test]
    fn a_month_is_the_whole_month_and_a_year_the_whole_year() {
        let d = shipped();
        let cases = [
            // (event, DTSTART, exclusive DTEND, phrases expected in the description)
            ("cmm-22", "20241202", "20241204", vec![]),
            (
                "cmm-2017-10",
                "20171001",
                "20171101",
                vec![phrases(Lang::En).whole_month, phrases(Lang::En).inferred],
            ),
            (
                "chebec-start-1994",
                "19940101",
                "19950101",
                vec![phrases(Lang::En).whole_year],
            ),
            (
                "chebec-2023",
                "20231101",
                "20240101",
                vec![phrases(Lang::En).start_month, phrases(Lang::En).end_month],
            ),
            (
                "de-villiers-rabat",
                "20140613",
                "20170201",
                vec![
                    phrases(Lang::En).end_month,
                    phrases(Lang::En).within,
                    phrases(Lang::En).inferred,
                ],
            ),
        ];
        for (id, start, end, said) in cases {
            let i = d.event_idx(id).unwrap();
            let (_, events) = read(&to_ics(&d, &[i], Lang::En, now())).unwrap();
            let p = props(&events[0]);
            assert_eq!(p["DTSTART"].1, start, "{id}");
            assert_eq!(p["DTEND"].1, end, "{id}");
            let desc = p["DESCRIPTION"].1;
            for s in &said {
                assert!(desc.contains(s), "{id}: {s}");
            }
            let all = phrases(Lang::En);
            let unsaid = [
                all.whole_month,
                all.whole_year,
                all.start_month,
                all.start_year,
                all.end_month,
                all.end_year,
                all.within,
                all.inferred,
            ];
            for s in unsaid.iter().filter(|s| !said.contains(s)) {
                assert!(!desc.contains(s), "{id} should not say {s}");
            }
        }
    }

    #[test]
    fn the_description_speaks_the_export_language() {
        let d = shipped();
        let i = d.event_idx("cmm-2017-10").unwrap();
        for lang in Lang::ALL {
            let (_, events) = read(&to_ics(&d, &[i], lang, now())).unwrap();
            let desc = props(&events[0])["DESCRIPTION"].1.to_string();
            assert!(desc.contains(phrases(lang).whole_month), "{lang:?}");
        }
        assert_ne!(phrases(Lang::Ar).whole_month, phrases(Lang::Fr).whole_month);
    }

    #[test]
    fn special_characters_are_escaped_and_arabic_folds_between_characters() {
        let mut d = shipped();
        let title = "Talks; round two, \\ \"quoted\"\nsecond line";
        d.events[0].title.en = title.into();
        let long_ar = "اجتماع اللجنة العسكرية المختلطة المغربية الفرنسية في الرباط ".repeat(4);
        d.events[0].summary.ar = Some(long_ar.clone());
        d.events[0].title.ar = Some(long_ar.trim().to_string());
        let text = to_ics(&d, &[EventIdx(0)], Lang::En, now());
        assert!(text.contains("SUMMARY:Talks\\; round two\\, \\\\ \"quoted\"\\nsecond line"));
        let (_, events) = read(&text).unwrap();
        assert_eq!(props(&events[0])["SUMMARY"].1, title);

        let text = to_ics(&d, &[EventIdx(0)], Lang::Ar, now());
        // `read` checks every line is at most 75 octets; the text must also split between
        // characters (a `&str` could not hold a split one) and come back whole.
        let (_, events) = read(&text).unwrap();
        let p = props(&events[0]);
        assert_eq!(p["SUMMARY"].1, long_ar.trim());
        assert!(p["DESCRIPTION"].1.starts_with(&long_ar));
        let folded: Vec<&str> = text.split("\r\n").filter(|l| l.starts_with(' ')).collect();
        assert!(folded.len() > 4, "long Arabic lines are folded");
        assert!(
            text.split("\r\n").any(|l| l.len() >= MAX_LINE - 1),
            "lines are filled up"
        );
    }

    #[test]
    fn folding_counts_octets_and_never_splits_a_character() {
        for s in [
            "a".repeat(200),
            "é".repeat(100),
            "ع".repeat(100),
            "😀".repeat(50),
            "aé😀ع".repeat(30),
        ] {
            let mut out = String::new();
            fold(&mut out, &s);
            let lines: Vec<&str> = out.strip_suffix("\r\n").unwrap().split("\r\n").collect();
            assert!(lines.iter().all(|l| l.len() <= MAX_LINE), "{s}");
            assert!(lines[1..].iter().all(|l| l.starts_with(' ')));
            let back: String = std::iter::once(lines[0])
                .chain(lines[1..].iter().map(|l| &l[1..]))
                .collect();
            assert_eq!(back, s);
        }
        let mut out = String::new();
        fold(&mut out, &"a".repeat(75));
        assert_eq!(
            out,
            format!("{}\r\n", "a".repeat(75)),
            "75 octets fit on one line"
        );
    }

    #[test]
    fn the_last_year_of_the_calendar_ends_with_a_duration() {
        let mut d = shipped();
        d.events[0].date = DateSpec::single(PartialDate::year(9999).unwrap());
        let (_, events) = read(&to_ics(&d, &[EventIdx(0)], Lang::En, now())).unwrap();
        let p = props(&events[0]);
        assert_eq!(p["DTSTART"].1, "99990101");
        assert!(!p.contains_key("DTEND"));
        assert_eq!(p["DURATION"].1, "P365D");
    }

    #[test]
    fn an_empty_view_is_an_empty_calendar() {
        let d = shipped();
        let text = to_ics(&d, &[], Lang::Fr, now());
        let (cal, events) = read(&text).unwrap();
        assert!(events.is_empty());
        assert_eq!(cal.first().unwrap().2, "VCALENDAR");
        assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
    }
}
