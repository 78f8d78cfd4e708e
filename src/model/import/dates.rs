//! Dates as other formats write them — TimelineJS's `{year, month, day, hour, …}` parts,
//! ISO strings with or without a time, French spreadsheet dates, milliseconds since 1970 — made
//! [`PartialDate`]s at the precision of the finest part given. Times of day are dropped (the
//! caller counts them); years outside those the data format holds (20 billion BC to AD 9999, with
//! months and days from 10 000 BC on) are refused with a clear message, not a panic.

use super::super::date::{
    DateSpec, Day, FIRST_DATA_YEAR, FIRST_DEEP_YEAR, LAST_DATA_YEAR, PartialDate, date_of,
};
use super::super::validate::Problem;
use chrono::Datelike;

/// A date read from a file, and whether a time of day was dropped from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Read {
    /// The date, to the finest precision given.
    pub date: PartialDate,
    /// A time of day was given (and dropped).
    pub had_time: bool,
}

/// The message for a year this version cannot show.
pub(crate) fn out_of_range(year: &str) -> String {
    format!("year {year} is outside the years this version can show (-19999999999 to 9999)")
}

/// A year written as an integer (`"1963"`, `"-44"`, `"0622"`).
pub(crate) fn year(s: &str) -> Result<i64, String> {
    let t = s.trim();
    let digits = t.strip_prefix(['-', '+']).unwrap_or(t);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("\"{}\" is not a year", short(t)));
    }
    match t.parse::<i64>() {
        Ok(y) if (FIRST_DEEP_YEAR..=LAST_DATA_YEAR).contains(&y) => Ok(y),
        _ => Err(out_of_range(&short(t))),
    }
}

/// A TimelineJS year: TimelineJS shows year −44 as "44 BCE" (it labels a JavaScript year by its
/// absolute value), so the author of a file meant 44 BC, which astronomical numbering (ours)
/// writes −43. Years after 0 are the same in both.
pub(crate) fn timelinejs_year(s: &str) -> String {
    match s.trim().parse::<i64>() {
        Ok(y) if y < 0 => (y + 1).to_string(),
        _ => s.to_string(),
    }
}

/// A month number, 1–12.
pub(crate) fn month(s: &str) -> Result<u32, String> {
    s.trim()
        .parse::<u32>()
        .ok()
        .filter(|m| (1..=12).contains(m))
        .ok_or_else(|| format!("\"{}\" is not a month (1–12)", short(s.trim())))
}

/// A day of the month, 1–31 (whether it exists in its month is checked with the month).
pub(crate) fn day(s: &str) -> Result<u32, String> {
    s.trim()
        .parse::<u32>()
        .ok()
        .filter(|d| (1..=31).contains(d))
        .ok_or_else(|| format!("\"{}\" is not a day of the month (1–31)", short(s.trim())))
}

/// Which part of a date a problem is in, for the caller to turn into a path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    Year,
    Month,
    Day,
}

/// A date from its parts, each absent or a non-empty string: `None` when no part is given.
pub(crate) fn from_parts(
    y: Option<&str>,
    m: Option<&str>,
    d: Option<&str>,
) -> Result<Option<PartialDate>, (Part, String)> {
    let Some(y) = y else {
        return match (m, d) {
            (None, None) => Ok(None),
            _ => Err((Part::Year, "the year is missing".into())),
        };
    };
    let y = year(y).map_err(|e| (Part::Year, e))?;
    let m = m.map(month).transpose().map_err(|e| (Part::Month, e))?;
    if m.is_some() && y < FIRST_DATA_YEAR {
        return Err((
            Part::Month,
            format!("year {y} is before 10,000 BC: a date that old can only be a year"),
        ));
    }
    let d = d.map(day).transpose().map_err(|e| (Part::Day, e))?;
    let date = match (m, d) {
        (None, None) => PartialDate::year(y),
        (Some(m), None) => PartialDate::month(y, m),
        (Some(m), Some(d)) => PartialDate::day(y, m, d),
        (None, Some(_)) => return Err((Part::Day, "a day needs a month".into())),
    };
    date.map(Some).map_err(|e| (Part::Day, e.to_string()))
}

/// An ISO date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`), optionally followed by a time after `T` or a
/// space; with `french`, also `DD/MM/YYYY` and `MM/YYYY` (one-digit days and months too).
pub(crate) fn from_text(s: &str, french: bool) -> Result<Read, String> {
    let s = s.trim();
    let shape = || {
        let also = if french {
            ", DD/MM/YYYY or MM/YYYY"
        } else {
            " (a time after it is dropped)"
        };
        format!(
            "\"{}\" is not a date: write YYYY, YYYY-MM or YYYY-MM-DD{also}",
            short(s)
        )
    };
    if french && s.contains('/') {
        let parts: Vec<&str> = s.split('/').collect();
        let num = |p: &str| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit());
        let (d, m, y) = match parts[..] {
            [d, m, y] if num(d) && num(m) => (Some(d), m, y),
            [m, y] if num(m) => (None, m, y),
            _ => return Err(shape()),
        };
        let date = from_parts(Some(y), Some(m), d).map_err(|(_, e)| e)?;
        return date
            .map(|date| Read {
                date,
                had_time: false,
            })
            .ok_or_else(shape);
    }
    // A time starts at a `T` or a space after the date (at byte 4 at the earliest).
    let cut = s
        .char_indices()
        .skip(4)
        .find(|&(_, c)| c == 'T' || c == ' ')
        .map(|(i, _)| i);
    let (date, time) = match cut {
        Some(i) => (&s[..i], s[i + 1..].trim()),
        None => (s, ""),
    };
    if !time.is_empty() && !time.starts_with(|c: char| c.is_ascii_digit()) {
        return Err(shape());
    }
    // A long year is a year outside what `PartialDate` holds: say so, not "not a date".
    let first = date.strip_prefix('-').unwrap_or(date).split('-').next();
    if first.is_some_and(|f| f.len() > 4 && f.bytes().all(|b| b.is_ascii_digit())) {
        let sign = if date.starts_with('-') { "-" } else { "" };
        return Err(out_of_range(&format!("{sign}{}", first.unwrap_or(""))));
    }
    let date = PartialDate::parse(date).map_err(|e| match e {
        super::super::date::DateError::Shape(_) => shape(),
        other => other.to_string(),
    })?;
    Ok(Read {
        date,
        had_time: !time.is_empty(),
    })
}

/// Start and end as a [`DateSpec`], the end checked against the start (`end_at` places the
/// problem).
pub(crate) fn span(
    start: PartialDate,
    end: Option<PartialDate>,
    end_at: impl FnOnce() -> String,
) -> Result<DateSpec, Problem> {
    let spec = match end {
        Some(end) => DateSpec::span(start, end),
        None => DateSpec::single(start),
    };
    match end {
        Some(end) if spec.is_reversed() => Err(Problem {
            path: end_at(),
            message: format!("the end ({end}) comes before the start ({start})"),
        }),
        _ => Ok(spec),
    }
}

/// [`span`] of two dates read from text, adding the times of day they drop to `times`.
pub(crate) fn span_of(
    start: Read,
    end: Option<Read>,
    times: &mut usize,
    end_at: impl FnOnce() -> String,
) -> Result<DateSpec, Problem> {
    *times += usize::from(start.had_time) + usize::from(end.is_some_and(|e| e.had_time));
    span(start.date, end.map(|e| e.date), end_at)
}

const MS_PER_DAY: f64 = 86_400_000.0;

/// A date from milliseconds since 1970-01-01 UTC (how JavaScript `Date`s serialise as numbers).
pub(crate) fn from_millis(ms: f64) -> Result<Read, String> {
    let days: Day = (ms / MS_PER_DAY).floor();
    let day = date_of(days)
        .filter(|d| (FIRST_DATA_YEAR..=LAST_DATA_YEAR).contains(&i64::from(d.year())))
        .ok_or_else(|| {
            format!("{ms} ms since 1970 is outside the years this version can show (-9999 to 9999)")
        })?;
    let date = PartialDate::day(i64::from(day.year()), day.month(), day.day())
        .map_err(|e| e.to_string())?;
    Ok(Read {
        date,
        had_time: ms.rem_euclid(MS_PER_DAY) != 0.0,
    })
}

/// Keeps a value short in a message.
fn short(s: &str) -> String {
    if s.chars().count() <= 40 {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(40).collect::<String>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Precision;

    #[test]
    fn the_finest_part_given_is_the_precision() {
        let p = |y, m, d| from_parts(y, m, d).unwrap().unwrap();
        assert_eq!(p(Some("622"), None, None).to_string(), "0622");
        assert_eq!(
            p(Some("1943"), Some("7"), None).precision(),
            Precision::Month
        );
        assert_eq!(
            p(Some("1963"), Some("8"), Some("09")).to_string(),
            "1963-08-09"
        );
        assert_eq!(from_parts(None, None, None), Ok(None));
    }

    #[test]
    fn bad_parts_name_the_part() {
        let e = |y, m, d| from_parts(y, m, d).unwrap_err();
        assert_eq!(
            e(Some("-23800000000"), None, None),
            (
                Part::Year,
                "year -23800000000 is outside the years this version can show (-19999999999 to 9999)"
                    .into()
            )
        );
        assert_eq!(e(Some("10000"), None, None).0, Part::Year);
        assert_eq!(
            e(Some("-10000"), Some("3"), None),
            (
                Part::Month,
                "year -10000 is before 10,000 BC: a date that old can only be a year".into()
            )
        );
        assert_eq!(
            from_parts(Some("-13800000000"), None, None)
                .unwrap()
                .map(|d| d.to_string()),
            Some("-13800000000".into()),
            "deep time is a year"
        );
        assert_eq!(
            from_parts(Some("0"), None, None)
                .unwrap()
                .map(|d| d.to_string()),
            Some("0000".into()),
            "year 0 (1 BC) is a year"
        );
        // TimelineJS labels year -44 "44 BCE": it becomes 44 BC, astronomical -43.
        assert_eq!(timelinejs_year("-44"), "-43");
        assert_eq!(timelinejs_year(" 1963 "), " 1963 ");
        assert_eq!(e(Some("99999999999999999999999"), None, None).0, Part::Year);
        assert_eq!(e(Some("MMXX"), None, None).1, "\"MMXX\" is not a year");
        assert_eq!(
            e(Some("2020"), Some("13"), None),
            (Part::Month, "\"13\" is not a month (1–12)".into())
        );
        assert_eq!(
            e(Some("2021"), Some("2"), Some("29")),
            (
                Part::Day,
                "\"2021-02-29\" is not a real calendar date".into()
            )
        );
        assert_eq!(e(Some("2021"), None, Some("3")).0, Part::Day);
        assert_eq!(e(None, Some("3"), None).0, Part::Year);
    }

    #[test]
    fn iso_text_with_and_without_time() {
        let r = from_text("2014-04-20T10:30:00.000Z", false).unwrap();
        assert_eq!(
            (r.date.to_string().as_str(), r.had_time),
            ("2014-04-20", true)
        );
        let r = from_text("2014-04-20 10:30", false).unwrap();
        assert_eq!(
            (r.date.to_string().as_str(), r.had_time),
            ("2014-04-20", true)
        );
        let r = from_text(" 2014-04 ", false).unwrap();
        assert_eq!((r.date.precision(), r.had_time), (Precision::Month, false));
        assert!(
            from_text("20 April 2014", false)
                .unwrap_err()
                .contains("is not a date")
        );
        assert!(
            from_text("2014-02-30", false)
                .unwrap_err()
                .contains("not a real calendar date")
        );
        // Years before 0 are astronomical, as in our format.
        assert_eq!(from_text("-0044", false).unwrap().date.to_string(), "-0044");
        assert_eq!(
            from_text("12000-01", false).unwrap_err(),
            out_of_range("12000")
        );
        assert!(from_text("2014-04-20Tnoon", false).is_err());
    }

    #[test]
    fn french_spreadsheet_dates() {
        assert_eq!(
            from_text("02/12/2024", true).unwrap().date.to_string(),
            "2024-12-02"
        );
        assert_eq!(
            from_text("2/3/2024", true).unwrap().date.to_string(),
            "2024-03-02"
        );
        assert_eq!(
            from_text("12/2024", true).unwrap().date.to_string(),
            "2024-12"
        );
        assert!(from_text("31/02/2024", true).is_err());
        assert!(from_text("2024/12/02", true).is_err());
        assert!(from_text("02/12/2024", false).is_err());
    }

    #[test]
    fn milliseconds_since_1970() {
        let r = from_millis(0.0).unwrap();
        assert_eq!(
            (r.date.to_string().as_str(), r.had_time),
            ("1970-01-01", false)
        );
        let r = from_millis(1_397_988_000_000.0).unwrap();
        assert_eq!(
            (r.date.to_string().as_str(), r.had_time),
            ("2014-04-20", true)
        );
        assert_eq!(
            from_millis(-86_400_000.0).unwrap().date.to_string(),
            "1969-12-31"
        );
        assert!(from_millis(1e20).is_err());
        assert!(from_millis(f64::NAN).is_err());
    }
}
