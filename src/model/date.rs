//! Dates that keep their precision. A fact known to the day, to the month or only to the year stays
//! that way: `"2024-12-02"`, `"2017-10"`, `"2012"`. A [`DateSpec`] adds an optional end, whether the
//! date is our inference, and whether the event happened at an unknown point *within* the span.
//! This module owns parsing, ordering on the time axis and human formatting of such dates.
//!
//! The time axis counts days from 1970-01-01 in the proleptic Gregorian calendar, with
//! astronomical year numbers (year 0 is 1 BC, year −44 is 45 BC). Data dates are years
//! 0001–9999, but the axis reaches further: bounds get a margin, so a dataset starting in year 1
//! is shown from about 500 BC. The axis domain is therefore fixed, generously, at the years
//! [`AXIS_FIRST_YEAR`] (10 000 BC) to [`AXIS_LAST_YEAR`] (AD 19 999), that is
//! [`AXIS_START`]..[`AXIS_END`]; everything that maps axis time to the calendar clamps to it, so
//! no pan, zoom or link can reach a day nothing can name. The year↔day conversions here use
//! integer arithmetic only (no chrono), so they are exact and total.

use std::borrow::Cow;
use std::fmt;

use chrono::{Datelike, NaiveDate};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::locale::{month_abbr, month_name, words, year_label, year_label_ad, year_range_label};
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

/// The first year a date in the data may give with a month and a day: 10 000 BC (astronomical
/// −9999, written `-9999`).
pub const FIRST_DATA_YEAR: i64 = -9_999;
/// The last year a date in the data may have.
pub const LAST_DATA_YEAR: i64 = 9_999;
/// The first year of deep time a date may name, known to the year only: 20 billion BC
/// (astronomical −19 999 999 999, written `-19999999999`), older than the universe's 13.8 billion
/// years so that a cosmological timeline fits with its margin.
pub const FIRST_DEEP_YEAR: i64 = -19_999_999_999;

/// A calendar date known to the year, the month or the day. Years are astronomical: `0000` is
/// 1 BC and `-0044` is 45 BC, from [`FIRST_DATA_YEAR`] to [`LAST_DATA_YEAR`]. Deep time, from
/// [`FIRST_DEEP_YEAR`] to 10 001 BC, is known to the year only (`-13799999999` is the
/// 13.8 billionth year BC): a month or a day that far back means nothing a source could state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    year: i64,
    month: Option<u32>,
    day: Option<u32>,
}

/// Why a date string was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Not one of the accepted shapes.
    #[error("\"{0}\" is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (-YYYY before year 0)")]
    Shape(String),
    /// Right shape, impossible value (month 13, 30 February ...).
    #[error("\"{0}\" is not a real calendar date")]
    Impossible(String),
}

impl PartialDate {
    /// A date known only to the year.
    pub fn year(year: i64) -> Result<Self, DateError> {
        Self::build(year, None, None, || year.to_string())
    }

    /// A date known to the month.
    pub fn month(year: i64, month: u32) -> Result<Self, DateError> {
        Self::build(year, Some(month), None, || format!("{year}-{month:02}"))
    }

    /// A date known to the day.
    pub fn day(year: i64, month: u32, day: u32) -> Result<Self, DateError> {
        Self::build(year, Some(month), Some(day), || {
            format!("{year}-{month:02}-{day:02}")
        })
    }

    fn build(
        year: i64,
        month: Option<u32>,
        day: Option<u32>,
        shown: impl Fn() -> String,
    ) -> Result<Self, DateError> {
        let calendar = (FIRST_DATA_YEAR..=LAST_DATA_YEAR).contains(&year)
            && days_in_month(year, month.unwrap_or(1))
                .is_some_and(|n| (1..=n).contains(&day.unwrap_or(1)));
        let deep = (FIRST_DEEP_YEAR..FIRST_DATA_YEAR).contains(&year) && month.is_none();
        let valid = calendar || deep;
        if valid {
            Ok(Self { year, month, day })
        } else {
            Err(DateError::Impossible(shown()))
        }
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (four-digit year, two-digit month and day), with
    /// a minus before the years before 0 (`-0044-03-15`; `-0000` is not a way to write `0000`).
    /// Deep time is a minus and five to eleven digits, without leading zeros and without month:
    /// `-13799999999`.
    pub fn parse(s: &str) -> Result<Self, DateError> {
        let shape = || DateError::Shape(s.chars().take(40).collect());
        let (negative, body) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        if negative && body.starts_with("0000") {
            return Err(shape());
        }
        let parts: Vec<&str> = body.split('-').collect();
        let deep = negative && parts.len() == 1 && (5..=11).contains(&parts[0].len());
        let widths_ok = matches!(parts.len(), 1..=3)
            && parts.iter().enumerate().all(|(i, p)| {
                let width_ok = match i {
                    0 if deep => !p.starts_with('0'),
                    0 => p.len() == 4,
                    _ => p.len() == 2,
                };
                width_ok && p.bytes().all(|b| b.is_ascii_digit())
            });
        if !widths_ok {
            return Err(shape());
        }
        let num = |p: &str| p.parse::<u32>().map_err(|_| shape());
        let year: i64 = parts[0].parse().map_err(|_| shape())?;
        let year = if negative { -year } else { year };
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

    /// The calendar year (astronomical).
    pub fn year_number(&self) -> i64 {
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
    pub fn first_day(&self) -> DayNum {
        days_from_civil(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The last day this date can mean (31 December for a year, the month's last day for a month).
    pub fn last_day(&self) -> DayNum {
        match (self.month, self.day) {
            (Some(m), Some(d)) => days_from_civil(self.year, m, d),
            (Some(m), None) => {
                let last = days_in_month(self.year, m).expect("validated at construction");
                days_from_civil(self.year, m, last)
            }
            (None, _) => days_from_civil(self.year, 12, 31),
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.year < 0 { "-" } else { "" };
        write!(f, "{sign}{:04}", self.year.unsigned_abs())?;
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
        // Read from the parser's own slice of the text: through a `String` (serde's `Cow` is
        // always owned) every date read allocated a string and dropped it, two per event.
        struct Text;
        impl serde::de::Visitor<'_> for Text {
            type Value = PartialDate;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<PartialDate, E> {
                PartialDate::parse(s).map_err(E::custom)
            }
        }
        d.deserialize_str(Text)
    }
}

impl JsonSchema for PartialDate {
    fn schema_name() -> Cow<'static, str> {
        "PartialDate".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "description": "A date at its real precision: YYYY, YYYY-MM or YYYY-MM-DD; years are astronomical, with a minus before year 0 (-0044 is 45 BC). Before 10,000 BC, a year only, in five to eleven digits: -13799999999 is 13.8 billion BC.",
            "pattern": "^(-?[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?|-[1-9][0-9]{4,10})$"
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

/// Days since 1970-01-01: the unit of the time axis. `f64` so that zoom and pixel maths stay smooth
/// (13.8 billion years back, one ulp is still under a thousandth of a day).
pub type Day = f64;

/// The end of deep time on the axis: the start of 10 000 BC (astronomical −9999), the first year
/// a date may give with a month and a day.
pub const DEEP_TIME_END: Day = year_start(FIRST_DATA_YEAR);

/// A whole calendar day as days since 1970-01-01 (proleptic Gregorian), exact at any year a
/// [`PartialDate`] can have; `as Day` gives the axis time of its start.
pub type DayNum = i64;

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

/// The first year of the axis domain: 40 billion BC, twice [`FIRST_DEEP_YEAR`], so that bounds
/// with their margin around the oldest date still fit.
pub const AXIS_FIRST_YEAR: i64 = -39_999_999_999;
/// The last year of the axis domain: AD 19 999.
pub const AXIS_LAST_YEAR: i64 = 19_999;
/// The earliest axis time: the start of 1 January of [`AXIS_FIRST_YEAR`].
pub const AXIS_START: Day = year_start(AXIS_FIRST_YEAR);
/// The end of the axis domain (exclusive): the end of 31 December of [`AXIS_LAST_YEAR`].
pub const AXIS_END: Day = year_start(AXIS_LAST_YEAR + 1);

/// `t` clamped to the axis domain `[AXIS_START, AXIS_END]`; NaN gives [`AXIS_START`] so that
/// callers always get a day they can name.
pub fn clamp_to_axis(t: Day) -> Day {
    if t.is_nan() {
        AXIS_START
    } else {
        t.clamp(AXIS_START, AXIS_END)
    }
}

// Days from 1970-01-01 to a proleptic Gregorian date, after Howard Hinnant's `days_from_civil`:
// exact for every i32 year since the arithmetic is in i64.
const fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

// The inverse of `days_from_civil`; the caller keeps `z` far from i64's limits.
const fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = (if mp < 10 { mp + 3 } else { mp - 9 }) as u32;
    let year = yoe + era * 400 + if month <= 2 { 1 } else { 0 };
    (year, month, day)
}

// Beyond this many days from 1970 (270 billion years) nothing is named; it keeps the i64 maths far
// from overflow.
const CIVIL_LIMIT: Day = 1e14;

/// The axis time of the start of 1 January of `year` (astronomical: 0 is 1 BC). Exact for any
/// year.
pub const fn year_start(year: i64) -> Day {
    days_from_civil(year, 1, 1) as Day
}

/// The axis time of the start of 31 December of `year`: the year's last day, as an inclusive
/// "until" filter stores it.
pub const fn year_end(year: i64) -> Day {
    days_from_civil(year, 12, 31) as Day
}

/// The (astronomical) year that axis time `t` falls in, or `None` when `t` is not finite or so
/// far away that nothing names it (beyond 270 billion years).
pub fn year_of(t: Day) -> Option<i64> {
    ymd_of(t).map(|(y, _, _)| y)
}

/// The calendar day `(year, month, day)` that axis time `t` falls in; `None` as for [`year_of`].
pub fn ymd_of(t: Day) -> Option<(i64, u32, u32)> {
    if !(t.is_finite() && t.abs() < CIVIL_LIMIT) {
        return None;
    }
    Some(civil_from_days(t.floor() as i64))
}

/// The calendar day `(year, month, day)` of the whole day `n`.
pub fn ymd_of_day(n: DayNum) -> (i64, u32, u32) {
    civil_from_days(n)
}

/// The number of days in `month` (1–12) of `year`, or `None` for a month that does not exist.
pub fn days_in_month(year: i64, month: u32) -> Option<u32> {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => Some(31),
        4 | 6 | 9 | 11 => Some(30),
        2 if leap => Some(29),
        2 => Some(28),
        _ => None,
    }
}

/// The axis time of the start of the calendar day `year-month-day`, or `None` if there is no
/// such day.
pub fn day_of_ymd(year: i64, month: u32, day: u32) -> Option<Day> {
    (1..=days_in_month(year, month)?)
        .contains(&day)
        .then(|| days_from_civil(year, month, day) as Day)
}

/// The day that axis time `t` falls in, written `YYYY-MM-DD`: four digits at least, with a minus
/// sign before years ≤ −1 (`-0044-03-15` is 15 March 45 BC) and more digits after 9999
/// (`12000-01-01`, `-13800000000-01-01`). No `+` sign, unlike ISO 8601's expanded years, because a `+` in a query
/// string reads as a space. Empty when `t` has no calendar day (see [`ymd_of`]).
pub fn format_iso_day(t: Day) -> String {
    let Some((y, m, d)) = ymd_of(t) else {
        return String::new();
    };
    let sign = if y < 0 { "-" } else { "" };
    format!("{sign}{:04}-{m:02}-{d:02}", y.unsigned_abs())
}

/// Reads what [`format_iso_day`] writes (also with a leading `+`, as chrono wrote years past
/// 9999): the axis time of the start of that day, or `None` for anything else, such as an
/// impossible date or a year of more than twelve digits.
pub fn parse_iso_day(s: &str) -> Option<Day> {
    let (negative, rest) = match s.as_bytes().first()? {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    let mut parts = rest.split('-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |p: &str, widths: std::ops::RangeInclusive<usize>| {
        widths.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
    };
    if parts.next().is_some()
        || !digits(year, 4..=12)
        || !digits(month, 2..=2)
        || !digits(day, 2..=2)
    {
        return None;
    }
    let year: i64 = year.parse().ok()?;
    let year = if negative { -year } else { year };
    day_of_ymd(year, month.parse().ok()?, day.parse().ok()?)
}

/// The days `first` and `last` (inclusive, as axis times) written at `precision` the way
/// [`DateSpec::format`] writes dates, but for any year of the axis domain, BC included:
/// "2011–2026", "October 2024 – February 2025", "2–15 déc. 2024", "45–1 BC". Times outside the
/// domain are clamped to it; empty only when a time is NaN or infinite.
pub fn format_day_span(first: Day, last: Day, precision: Precision, lang: Lang) -> String {
    if !(first.is_finite() && last.is_finite()) {
        return String::new();
    }
    // Deep time is named by its years only, as its dates are.
    let precision = match year_of(clamp_to_axis(first)) {
        Some(y) if y < FIRST_DATA_YEAR => Precision::Year,
        _ => precision,
    };
    let shown = |t: Day| {
        let (year, m, d) = ymd_of(clamp_to_axis(t)).unwrap_or((AXIS_FIRST_YEAR, 1, 1));
        // Built without validation (the year may be outside 1–9999): it is only formatted here,
        // never handed out.
        PartialDate {
            year,
            month: (precision >= Precision::Month).then_some(m),
            day: (precision >= Precision::Day).then_some(d),
        }
    };
    let (a, b) = (shown(first), shown(last));
    if a == b {
        format_single(&a, lang, false)
    } else {
        format_range(&a, &b, lang)
    }
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
    pub fn first_day(&self) -> DayNum {
        self.start.first_day()
    }

    /// The last day the date can mean (inclusive).
    pub fn last_day(&self) -> DayNum {
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
        self.first_day() as Day
    }

    /// End of the span on the time axis (end of its last day, so a one-day event is one day wide).
    pub fn axis_end(&self) -> Day {
        self.last_day() as Day + 1.0
    }

    /// A sort key: the first day, then the last.
    pub fn sort_key(&self) -> (DayNum, DayNum) {
        (self.first_day(), self.last_day())
    }

    /// The date as a reader expects it in `lang`: "2–3 Dec 2024", "October 2017", "2014–2017",
    /// "between 2014 and 2017". Whether it is inferred is shown separately by the UI.
    pub fn format(&self, lang: Lang) -> String {
        let text = match self.end.filter(|e| *e != self.start) {
            None => format_single(&self.start, lang, false),
            Some(end) => format_range(&self.start, &end, lang),
        };
        match (self.within, self.end) {
            (true, Some(end)) if end != self.start => {
                let w = words(lang);
                format!(
                    "{} {} {} {}",
                    w.between,
                    format_single(&self.start, lang, false),
                    w.and,
                    format_single(&end, lang, self.start.year <= 0)
                )
            }
            _ => text,
        }
    }
}

// `explicit_ad` marks an AD year as such ("AD 9"), for the end of a range that starts BC.
fn format_single(d: &PartialDate, lang: Lang, explicit_ad: bool) -> String {
    let year = if explicit_ad {
        year_label_ad(lang, d.year)
    } else {
        year_label(lang, d.year)
    };
    match (d.month, d.day) {
        (Some(m), Some(day)) => format!("{day} {} {year}", month_abbr(lang, m)),
        (Some(m), None) => format!("{} {year}", month_name(lang, m)),
        _ => year,
    }
}

/// Formats a span, sharing the month and year when both ends have them in common.
fn format_range(a: &PartialDate, b: &PartialDate, lang: Lang) -> String {
    const DASH: &str = "–";
    let same_year = a.year == b.year;
    let year = year_label(lang, a.year);
    match (a.precision(), b.precision()) {
        (Precision::Day, Precision::Day) if same_year && a.month == b.month => {
            let (da, db) = (a.day.unwrap_or(1), b.day.unwrap_or(1));
            let m = month_abbr(lang, a.month.unwrap_or(1));
            format!("{da}{DASH}{db} {m} {year}")
        }
        (Precision::Day, Precision::Day) if same_year => {
            let ma = month_abbr(lang, a.month.unwrap_or(1));
            let da = a.day.unwrap_or(1);
            format!("{da} {ma} {DASH} {}", format_single(b, lang, false))
        }
        (Precision::Month, Precision::Month) if same_year => format!(
            "{}{DASH}{} {year}",
            month_abbr(lang, a.month.unwrap_or(1)),
            month_abbr(lang, b.month.unwrap_or(1)),
        ),
        (Precision::Year, Precision::Year) => year_range_label(lang, a.year, b.year),
        _ => format!(
            "{} {DASH} {}",
            format_single(a, lang, false),
            format_single(b, lang, a.year <= 0)
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
            "-0000",
            "-44",
            "--0044",
            "10000",
            "-010000",
            "-10000-01",
            "-999999999999",
        ] {
            assert!(
                matches!(PartialDate::parse(bad), Err(DateError::Shape(_))),
                "{bad}"
            );
        }
        for bad in [
            "2024-13",
            "2023-02-29",
            "2024-00",
            "-0001-02-29",
            "2024-04-31",
            "-20000000000",
        ] {
            assert!(
                matches!(PartialDate::parse(bad), Err(DateError::Impossible(_))),
                "{bad}"
            );
        }
        assert!(PartialDate::parse("2024-02-29").is_ok());
    }

    #[test]
    fn years_before_0_are_written_with_a_minus_and_read_back() {
        for s in ["-0044-03-15", "-9999", "0000", "-0001-12", "-0004-02-29"] {
            assert_eq!(d(s).to_string(), s);
        }
        // Astronomical: 0000 is 1 BC, -0043 is 44 BC, and they come in time order.
        assert!(d("-0044").first_day() < d("-0043").first_day());
        assert!(d("-0001-12-31").last_day() < d("0000-01-01").first_day());
        assert_eq!(
            DateSpec::single(d("-0043-03-15")).format(Lang::En),
            "15 Mar 44 BC"
        );
        assert_eq!(DateSpec::single(d("0000")).format(Lang::En), "1 BC");
    }

    #[test]
    fn first_and_last_day_follow_precision() {
        let iso = |n: DayNum| format_iso_day(n as Day);
        assert_eq!(iso(d("2012").first_day()), "2012-01-01");
        assert_eq!(iso(d("2012").last_day()), "2012-12-31");
        assert_eq!(iso(d("2024-02").last_day()), "2024-02-29");
        assert_eq!(iso(d("2025-12").last_day()), "2025-12-31");
        assert_eq!(iso(d("2024-12-02").last_day()), "2024-12-02");
        assert_eq!(iso(d("-13799999999").first_day()), "-13799999999-01-01");
        assert_eq!(iso(d("-13799999999").last_day()), "-13799999999-12-31");
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
    fn year_days_convert_both_ways() {
        // (year, its first day, its last day) on the axis.
        let table = [
            (1970, 0.0, 364.0),
            (1969, -365.0, -1.0),
            (2024, 19_723.0, 20_088.0),
            (1, -719_162.0, -718_798.0),
            (0, -719_528.0, -719_163.0),
            (-43, -735_233.0, -734_869.0),
            (9_999, 2_932_532.0, 2_932_896.0),
        ];
        for (y, first, last) in table {
            assert_eq!(year_start(y), first, "{y}");
            assert_eq!(year_end(y), last, "{y}");
            assert_eq!(year_of(first), Some(y));
            assert_eq!(year_of(last + 0.999), Some(y));
            assert_eq!(year_of(first - 0.001), Some(y - 1));
        }
        assert_eq!(year_of(f64::NAN), None);
        assert_eq!(year_of(f64::INFINITY), None);
        assert_eq!(year_of(1e300), None);
        for y in [
            FIRST_DEEP_YEAR,
            -13_799_999_999,
            -10_000,
            i64::from(i32::MIN),
        ] {
            assert_eq!(year_of(year_start(y)), Some(y), "{y}");
            assert_eq!(year_of(year_end(y) + 0.5), Some(y), "{y}");
            assert_eq!(year_of(year_start(y) - 0.5), Some(y - 1), "{y}");
        }
        assert_eq!(AXIS_START, year_start(AXIS_FIRST_YEAR));
        assert_eq!(year_of(AXIS_END - 1.0), Some(AXIS_LAST_YEAR));
    }

    #[test]
    fn the_integer_calendar_agrees_with_chrono_over_the_axis_domain() {
        // chrono reaches ±262 143: the calendar years of the axis are checked against it.
        for y in (-9_999..=AXIS_LAST_YEAR as i32)
            .step_by(7)
            .chain([0, 1, 1600, 1900, 2000])
        {
            let jan1 = NaiveDate::from_ymd_opt(y, 1, 1).unwrap();
            assert_eq!(year_start(y.into()), day_number(jan1), "{y}");
            let dec31 = NaiveDate::from_ymd_opt(y, 12, 31).unwrap();
            assert_eq!(year_end(y.into()), day_number(dec31), "{y}");
        }
        let mut t = year_start(-9_999);
        while t < AXIS_END {
            let d = date_of(t).unwrap();
            let y = i64::from(d.year());
            assert_eq!(ymd_of(t), Some((y, d.month(), d.day())), "{t}");
            assert_eq!(day_of_ymd(y, d.month(), d.day()), Some(t));
            t += 997.0;
        }
        assert_eq!(day_of_ymd(2023, 2, 29), None);
        assert_eq!(
            day_of_ymd(0, 2, 29),
            Some(year_start(0) + 59.0),
            "year 0 is leap"
        );
        assert_eq!(day_of_ymd(-100, 2, 29), None, "101 BC is not");
        assert_eq!(day_of_ymd(2024, 13, 1), None);
        assert_eq!(day_of_ymd(2024, 1, 0), None);
    }

    #[test]
    fn iso_days_round_trip_over_the_axis_domain() {
        let table = [
            ((2024, 12, 2), "2024-12-02"),
            ((1, 1, 1), "0001-01-01"),
            ((0, 1, 1), "0000-01-01"),
            ((-44, 3, 15), "-0044-03-15"),
            ((-9_999, 1, 1), "-9999-01-01"),
            ((9_999, 12, 31), "9999-12-31"),
            ((12_000, 1, 1), "12000-01-01"),
            ((19_999, 12, 31), "19999-12-31"),
        ];
        for ((y, m, d), s) in table {
            let t = day_of_ymd(y, m, d).unwrap();
            assert_eq!(format_iso_day(t), s);
            assert_eq!(format_iso_day(t + 0.7), s, "any time in the day");
            assert_eq!(parse_iso_day(s), Some(t), "{s}");
        }
        // Over the calendar years in small steps, and over deep time in large ones.
        let mut t = year_start(-9_999);
        while t < AXIS_END {
            assert_eq!(parse_iso_day(&format_iso_day(t)), Some(t), "{t}");
            t += 331.0;
        }
        let mut t = AXIS_START;
        while t < year_start(-9_999) {
            assert_eq!(parse_iso_day(&format_iso_day(t)), Some(t), "{t}");
            t = (t + 7.3e9).floor();
        }
        assert_eq!(
            parse_iso_day("+12000-01-01"),
            day_of_ymd(12_000, 1, 1),
            "chrono's form"
        );
        for bad in [
            "",
            "-",
            "+",
            "yesterday",
            "2024-13-01",
            "2023-02-29",
            "2024-1-01",
            "2024-01-1",
            "024-01-01",
            "1234567890123-01-01",
            "2024-01-01-01",
            " 2024-01-01",
            "--2024-01-01",
            "2024/01/01",
            "２０２４-01-01",
        ] {
            assert_eq!(parse_iso_day(bad), None, "{bad:?}");
        }
        assert_eq!(format_iso_day(f64::NAN), "");
    }

    #[test]
    fn clamping_to_the_axis() {
        assert_eq!(clamp_to_axis(-1e300), AXIS_START);
        assert_eq!(clamp_to_axis(f64::INFINITY), AXIS_END);
        assert_eq!(clamp_to_axis(f64::NAN), AXIS_START);
        assert_eq!(clamp_to_axis(12.5), 12.5);
    }

    #[test]
    fn spans_of_days_at_each_precision_in_both_eras() {
        let day = |y, m, d| day_of_ymd(y, m, d).unwrap();
        let table = [
            (
                day(2011, 1, 1),
                day(2026, 12, 31),
                Precision::Year,
                Lang::En,
                "2011–2026",
            ),
            (
                day(-44, 3, 1),
                day(-44, 3, 31),
                Precision::Month,
                Lang::En,
                "March 45 BC",
            ),
            (
                day(-44, 3, 15),
                day(-44, 3, 15),
                Precision::Day,
                Lang::Fr,
                "15 mars 45 av. J.-C.",
            ),
            (
                day(-1, 11, 1),
                day(1, 2, 1),
                Precision::Month,
                Lang::En,
                "November 2 BC – February AD 1",
            ),
            (
                day(0, 6, 1),
                day(3, 6, 1),
                Precision::Year,
                Lang::Ar,
                "1 ق.م–3 م",
            ),
        ];
        for (a, b, p, lang, text) in table {
            assert_eq!(format_day_span(a, b, p, lang), text);
        }
    }

    #[test]
    fn reversed_ranges_are_detected() {
        assert!(DateSpec::span(d("2024-12-03"), d("2024-12-02")).is_reversed());
        assert!(!DateSpec::span(d("2024-12"), d("2024-12-02")).is_reversed());
        assert!(!DateSpec::single(d("2024")).is_reversed());
    }

    /// Arabic: Moroccan month names (CLDR ar-MA), Western digits, the same shapes as French.
    #[test]
    fn formats_arabic_dates_and_ranges() {
        let span = |a, b| DateSpec::span(d(a), d(b));
        let table = [
            (span("2024-12-02", "2024-12-03"), "2–3 دجنبر 2024"),
            (
                span("2024-10-20", "2024-11-15"),
                "20 أكتوبر – 15 نونبر 2024",
            ),
            (span("2023-11", "2023-12"), "نونبر–دجنبر 2023"),
            (span("2014", "2017"), "2014–2017"),
            (DateSpec::single(d("2017-10")), "أكتوبر 2017"),
            (DateSpec::single(d("2019-05-07")), "7 ماي 2019"),
            (
                span("2023-11-20", "2024-01-06"),
                "20 نونبر 2023 – 6 يناير 2024",
            ),
            (
                DateSpec {
                    within: true,
                    ..span("2014", "2017")
                },
                "بين 2014 و 2017",
            ),
        ];
        for (date, want) in table {
            assert_eq!(date.format(Lang::Ar), want, "{date:?}");
        }
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
