//! Dates that keep their precision. A fact known to the day, to the month or only to the year stays
//! that way: `"2024-12-02"`, `"2017-10"`, `"2012"`. A [`DateSpec`] adds an optional end, whether the
//! date is our inference, and whether the event happened at an unknown point *within* the span.
//! This module owns parsing, ordering on the time axis and human formatting of such dates.

use std::borrow::Cow;
use std::fmt;

use chrono::{Datelike, NaiveDate};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::locale::{month_abbr, month_name, words};
use super::text::Lang;

/// How precisely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// Only the year.
    Year,
    /// The month of the year.
    Month,
    /// The day.
    Day,
}

/// A calendar date known to the year, the month or the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    year: i32,
    month: Option<u32>,
    day: Option<u32>,
}

/// Why a date string was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Not one of the accepted shapes.
    #[error("\"{0}\" is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")]
    Shape(String),
    /// Right shape, impossible value (month 13, 30 February ...).
    #[error("\"{0}\" is not a real calendar date")]
    Impossible(String),
}

impl PartialDate {
    /// A date known only to the year.
    pub fn year(year: i32) -> Result<Self, DateError> {
        Self::build(year, None, None, || year.to_string())
    }

    /// A date known to the month.
    pub fn month(year: i32, month: u32) -> Result<Self, DateError> {
        Self::build(year, Some(month), None, || format!("{year}-{month:02}"))
    }

    /// A date known to the day.
    pub fn day(year: i32, month: u32, day: u32) -> Result<Self, DateError> {
        Self::build(year, Some(month), Some(day), || {
            format!("{year}-{month:02}-{day:02}")
        })
    }

    fn build(
        year: i32,
        month: Option<u32>,
        day: Option<u32>,
        shown: impl Fn() -> String,
    ) -> Result<Self, DateError> {
        let valid = (1..=9999).contains(&year)
            && NaiveDate::from_ymd_opt(year, month.unwrap_or(1), day.unwrap_or(1)).is_some();
        if valid {
            Ok(Self { year, month, day })
        } else {
            Err(DateError::Impossible(shown()))
        }
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (four-digit year, two-digit month and day).
    pub fn parse(s: &str) -> Result<Self, DateError> {
        let shape = || DateError::Shape(s.chars().take(40).collect());
        let parts: Vec<&str> = s.split('-').collect();
        let widths_ok = matches!(parts.len(), 1..=3)
            && parts.iter().enumerate().all(|(i, p)| {
                p.len() == if i == 0 { 4 } else { 2 } && p.bytes().all(|b| b.is_ascii_digit())
            });
        if !widths_ok {
            return Err(shape());
        }
        let num = |p: &str| p.parse::<u32>().map_err(|_| shape());
        let year = num(parts[0])? as i32;
        match parts.len() {
            1 => Self::year(year),
            2 => Self::month(year, num(parts[1])?),
            _ => Self::day(year, num(parts[1])?, num(parts[2])?),
        }
        .map_err(|_| DateError::Impossible(s.to_string()))
    }

    /// How precisely this date is known.
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (None, _) => Precision::Year,
            (Some(_), None) => Precision::Month,
            (Some(_), Some(_)) => Precision::Day,
        }
    }

    /// The calendar year.
    pub fn year_number(&self) -> i32 {
        self.year
    }

    /// The month (1–12) if known.
    pub fn month_number(&self) -> Option<u32> {
        self.month
    }

    /// The day of the month if known.
    pub fn day_number(&self) -> Option<u32> {
        self.day
    }

    /// The first day this date can mean (1 January for a year, the 1st for a month).
    pub fn first_day(&self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
            .expect("validated at construction")
    }

    /// The last day this date can mean (31 December for a year, the month's last day for a month).
    pub fn last_day(&self) -> NaiveDate {
        match (self.month, self.day) {
            (Some(_), Some(_)) => self.first_day(),
            (Some(m), None) => {
                let (y, m) = if m == 12 {
                    (self.year + 1, 1)
                } else {
                    (self.year, m + 1)
                };
                NaiveDate::from_ymd_opt(y, m, 1)
                    .and_then(|d| d.pred_opt())
                    .expect("month end exists")
            }
            (None, _) => NaiveDate::from_ymd_opt(self.year, 12, 31).expect("31 Dec exists"),
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <Cow<'de, str>>::deserialize(d)?;
        PartialDate::parse(&s).map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for PartialDate {
    fn schema_name() -> Cow<'static, str> {
        "PartialDate".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "description": "A date at its real precision: YYYY, YYYY-MM or YYYY-MM-DD.",
            "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
        })
    }
}

/// When an event happened, as precisely as the sources allow.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DateSpec {
    /// The first day (or month, or year) of the event.
    pub start: PartialDate,
    /// The last day (or month, or year), inclusive; absent for a single date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<PartialDate>,
    /// The date is our inference from the sources, not stated by them (the reasoning goes in a note).
    #[serde(default, skip_serializing_if = "is_false")]
    pub inferred: bool,
    /// The event happened at some unknown point between `start` and `end`, rather than lasting for
    /// the whole span (e.g. a visit known only to fall in 2014–2017).
    #[serde(default, skip_serializing_if = "is_false")]
    pub within: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// How the timeline should draw a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// A single known day: a point.
    Point,
    /// Known first and last days: a bar.
    Range,
    /// Known only to the month or year, or only to a window: a soft band over the whole span.
    Band,
}

/// Days since 1970-01-01: the unit of the time axis. `f64` so that zoom and pixel maths stay smooth.
pub type Day = f64;

/// The axis coordinate of the start of a calendar day.
pub fn day_number(d: NaiveDate) -> Day {
    f64::from(d.num_days_from_ce() - EPOCH_DAYS_FROM_CE)
}

const EPOCH_DAYS_FROM_CE: i32 = 719_163;

/// The calendar day that axis time `t` falls in (the inverse of [`day_number`]), or `None` when
/// `t` is not finite or beyond the calendar.
pub fn date_of(t: Day) -> Option<NaiveDate> {
    if !t.is_finite() {
        return None;
    }
    let days = chrono::TimeDelta::try_days(t.floor() as i64)?;
    NaiveDate::from_ymd_opt(1970, 1, 1)?.checked_add_signed(days)
}

impl DateSpec {
    /// A single date with nothing inferred.
    pub fn single(start: PartialDate) -> Self {
        Self {
            start,
            end: None,
            inferred: false,
            within: false,
        }
    }

    /// A span from `start` to `end`, inclusive.
    pub fn span(start: PartialDate, end: PartialDate) -> Self {
        Self {
            end: Some(end),
            ..Self::single(start)
        }
    }

    /// The first day the date can mean.
    pub fn first_day(&self) -> NaiveDate {
        self.start.first_day()
    }

    /// The last day the date can mean (inclusive).
    pub fn last_day(&self) -> NaiveDate {
        self.end.unwrap_or(self.start).last_day()
    }

    /// The coarsest precision of the two ends.
    pub fn precision(&self) -> Precision {
        self.end.map_or(self.start.precision(), |e| {
            e.precision().min(self.start.precision())
        })
    }

    /// Whether the end comes before the start.
    pub fn is_reversed(&self) -> bool {
        self.end
            .is_some_and(|e| e.last_day() < self.start.first_day())
    }

    /// How to draw it.
    pub fn shape(&self) -> Shape {
        if self.within || self.precision() != Precision::Day {
            Shape::Band
        } else if self.first_day() == self.last_day() {
            Shape::Point
        } else {
            Shape::Range
        }
    }

    /// Start of the span on the time axis (start of its first day).
    pub fn axis_start(&self) -> Day {
        day_number(self.first_day())
    }

    /// End of the span on the time axis (end of its last day, so a one-day event is one day wide).
    pub fn axis_end(&self) -> Day {
        day_number(self.last_day()) + 1.0
    }

    /// A sort key: the first day, then the last.
    pub fn sort_key(&self) -> (NaiveDate, NaiveDate) {
        (self.first_day(), self.last_day())
    }

    /// The date as a reader expects it in `lang`: "2–3 Dec 2024", "October 2017", "2014–2017",
    /// "between 2014 and 2017". Whether it is inferred is shown separately by the UI.
    pub fn format(&self, lang: Lang) -> String {
        let text = match self.end.filter(|e| *e != self.start) {
            None => format_single(&self.start, lang),
            Some(end) => format_range(&self.start, &end, lang),
        };
        match (self.within, self.end) {
            (true, Some(end)) if end != self.start => {
                let w = words(lang);
                format!(
                    "{} {} {} {}",
                    w.between,
                    format_single(&self.start, lang),
                    w.and,
                    format_single(&end, lang)
                )
            }
            _ => text,
        }
    }
}

fn format_single(d: &PartialDate, lang: Lang) -> String {
    match (d.month, d.day) {
        (Some(m), Some(day)) => format!("{day} {} {}", month_abbr(lang, m), d.year),
        (Some(m), None) => format!("{} {}", month_name(lang, m), d.year),
        _ => d.year.to_string(),
    }
}

/// Formats a span, sharing the month and year when both ends have them in common.
fn format_range(a: &PartialDate, b: &PartialDate, lang: Lang) -> String {
    const DASH: &str = "–";
    let same_year = a.year == b.year;
    match (a.precision(), b.precision()) {
        (Precision::Day, Precision::Day) if same_year && a.month == b.month => {
            let (da, db) = (a.day.unwrap_or(1), b.day.unwrap_or(1));
            let m = month_abbr(lang, a.month.unwrap_or(1));
            format!("{da}{DASH}{db} {m} {}", a.year)
        }
        (Precision::Day, Precision::Day) if same_year => {
            let ma = month_abbr(lang, a.month.unwrap_or(1));
            let da = a.day.unwrap_or(1);
            format!("{da} {ma} {DASH} {}", format_single(b, lang))
        }
        (Precision::Month, Precision::Month) if same_year => format!(
            "{}{DASH}{} {}",
            month_abbr(lang, a.month.unwrap_or(1)),
            month_abbr(lang, b.month.unwrap_or(1)),
            a.year
        ),
        (Precision::Year, Precision::Year) => format!("{}{DASH}{}", a.year, b.year),
        _ => format!(
            "{} {DASH} {}",
            format_single(a, lang),
            format_single(b, lang)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        PartialDate::parse(s).unwrap()
    }

    #[test]
    fn parses_each_precision_and_round_trips() {
        for (s, p) in [
            ("2012", Precision::Year),
            ("2017-10", Precision::Month),
            ("2024-12-02", Precision::Day),
        ] {
            let date = d(s);
            assert_eq!(date.precision(), p, "{s}");
            assert_eq!(date.to_string(), s);
        }
    }

    #[test]
    fn rejects_bad_shapes_and_impossible_dates() {
        for bad in [
            "",
            "12",
            "2024-1",
            "2024-01-1",
            "2024/01/01",
            "２０２４",
            "2024-01-01-01",
            "-2024",
        ] {
            assert!(
                matches!(PartialDate::parse(bad), Err(DateError::Shape(_))),
                "{bad}"
            );
        }
        for bad in ["2024-13", "2023-02-29", "2024-00", "0000", "2024-04-31"] {
            assert!(
                matches!(PartialDate::parse(bad), Err(DateError::Impossible(_))),
                "{bad}"
            );
        }
        assert!(PartialDate::parse("2024-02-29").is_ok());
    }

    #[test]
    fn first_and_last_day_follow_precision() {
        assert_eq!(d("2012").first_day().to_string(), "2012-01-01");
        assert_eq!(d("2012").last_day().to_string(), "2012-12-31");
        assert_eq!(d("2024-02").last_day().to_string(), "2024-02-29");
        assert_eq!(d("2025-12").last_day().to_string(), "2025-12-31");
        assert_eq!(d("2024-12-02").last_day().to_string(), "2024-12-02");
    }

    #[test]
    fn shapes() {
        assert_eq!(DateSpec::single(d("2024-12-02")).shape(), Shape::Point);
        assert_eq!(
            DateSpec::span(d("2024-12-02"), d("2024-12-03")).shape(),
            Shape::Range
        );
        assert_eq!(DateSpec::single(d("2017-10")).shape(), Shape::Band);
        assert_eq!(DateSpec::single(d("2019")).shape(), Shape::Band);
        let within = DateSpec {
            within: true,
            ..DateSpec::span(d("2014-06-13"), d("2017-01-17"))
        };
        assert_eq!(within.shape(), Shape::Band);
    }

    #[test]
    fn axis_coordinates() {
        assert_eq!(
            day_number(NaiveDate::from_ymd_opt(1970, 1, 1).unwrap()),
            0.0
        );
        assert_eq!(
            day_number(NaiveDate::from_ymd_opt(1970, 1, 2).unwrap()),
            1.0
        );
        let s = DateSpec::single(d("2024-12-02"));
        assert_eq!(s.axis_end() - s.axis_start(), 1.0);
        let y = DateSpec::single(d("2024"));
        assert_eq!(y.axis_end() - y.axis_start(), 366.0);
    }

    #[test]
    fn date_of_inverts_day_number() {
        for s in ["1969-12-31", "1970-01-01", "2024-02-29", "2025-12-10"] {
            let d = NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
            assert_eq!(date_of(day_number(d)), Some(d));
            assert_eq!(
                date_of(day_number(d) + 0.99),
                Some(d),
                "any time in the day"
            );
        }
        assert_eq!(date_of(f64::NAN), None);
        assert_eq!(date_of(1e300), None);
    }

    #[test]
    fn reversed_ranges_are_detected() {
        assert!(DateSpec::span(d("2024-12-03"), d("2024-12-02")).is_reversed());
        assert!(!DateSpec::span(d("2024-12"), d("2024-12-02")).is_reversed());
        assert!(!DateSpec::single(d("2024")).is_reversed());
    }

    #[test]
    fn formats_like_a_reader_writes() {
        let span = |a, b| DateSpec::span(d(a), d(b));
        assert_eq!(
            span("2024-12-02", "2024-12-03").format(Lang::En),
            "2–3 Dec 2024"
        );
        assert_eq!(
            span("2024-12-02", "2024-12-03").format(Lang::Fr),
            "2–3 déc. 2024"
        );
        assert_eq!(
            span("2024-10-20", "2024-11-15").format(Lang::En),
            "20 Oct – 15 Nov 2024"
        );
        assert_eq!(span("2023-11", "2023-12").format(Lang::En), "Nov–Dec 2023");
        assert_eq!(span("2014", "2017").format(Lang::Fr), "2014–2017");
        assert_eq!(
            DateSpec::single(d("2017-10")).format(Lang::En),
            "October 2017"
        );
        assert_eq!(
            DateSpec::single(d("2017-10")).format(Lang::Fr),
            "octobre 2017"
        );
        assert_eq!(
            DateSpec::single(d("2012-09-25")).format(Lang::En),
            "25 Sept 2012"
        );
        let within = DateSpec {
            within: true,
            ..span("2014", "2017")
        };
        assert_eq!(within.format(Lang::En), "between 2014 and 2017");
        assert_eq!(within.format(Lang::Fr), "entre 2014 et 2017");
        assert_eq!(
            span("2023-11-20", "2024-01-06").format(Lang::En),
            "20 Nov 2023 – 6 Jan 2024"
        );
    }
}
