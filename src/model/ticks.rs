//! The time axis: which unit to tick at for the current zoom (day, week, month, quarter, year,
//! 5 years, decade), the minor ticks and the major ticks above them (months under years, years
//! under decades, ...), with labels in the interface language.

use chrono::{Datelike, Duration, NaiveDate};

use super::date::{Day, date_of, day_number};
use super::locale::{month_abbr, month_name, ordinal};
use super::text::Lang;
use super::viewport::Viewport;

/// A tick unit, finest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Unit {
    /// One day.
    Day,
    /// One week (ticks on Mondays).
    Week,
    /// One calendar month.
    Month,
    /// One quarter.
    Quarter,
    /// One year.
    Year,
    /// Five years.
    FiveYears,
    /// Ten years.
    Decade,
    /// A hundred years (only ever a major unit).
    Century,
}

impl Unit {
    /// The units minor ticks can use, finest first.
    pub const MINOR: [Unit; 7] = [
        Unit::Day,
        Unit::Week,
        Unit::Month,
        Unit::Quarter,
        Unit::Year,
        Unit::FiveYears,
        Unit::Decade,
    ];

    /// Typical length in days (for choosing a unit; ticks themselves follow the calendar).
    pub fn approx_days(self) -> f64 {
        match self {
            Unit::Day => 1.0,
            Unit::Week => 7.0,
            Unit::Month => 30.44,
            Unit::Quarter => 91.31,
            Unit::Year => 365.25,
            Unit::FiveYears => 1_826.25,
            Unit::Decade => 3_652.5,
            Unit::Century => 36_525.0,
        }
    }

    /// The unit of the major row above this minor unit.
    pub fn major(self) -> Unit {
        match self {
            Unit::Day | Unit::Week => Unit::Month,
            Unit::Month | Unit::Quarter => Unit::Year,
            Unit::Year => Unit::Decade,
            Unit::FiveYears | Unit::Decade | Unit::Century => Unit::Century,
        }
    }

    /// The start of the unit containing `d`.
    pub fn floor(self, d: NaiveDate) -> NaiveDate {
        let ymd = |y: i32, m: u32| NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(d);
        match self {
            Unit::Day => d,
            Unit::Week => d - Duration::days(i64::from(d.weekday().num_days_from_monday())),
            Unit::Month => ymd(d.year(), d.month()),
            Unit::Quarter => ymd(d.year(), (d.month() - 1) / 3 * 3 + 1),
            Unit::Year => ymd(d.year(), 1),
            Unit::FiveYears => ymd(d.year().div_euclid(5) * 5, 1),
            Unit::Decade => ymd(d.year().div_euclid(10) * 10, 1),
            Unit::Century => ymd(d.year().div_euclid(100) * 100, 1),
        }
    }

    /// The start of the next unit after `d` (which must be a unit start).
    pub fn next(self, d: NaiveDate) -> Option<NaiveDate> {
        let months = |n: u32| d.checked_add_months(chrono::Months::new(n));
        match self {
            Unit::Day => d.succ_opt(),
            Unit::Week => d.checked_add_signed(Duration::days(7)),
            Unit::Month => months(1),
            Unit::Quarter => months(3),
            Unit::Year => months(12),
            Unit::FiveYears => months(60),
            Unit::Decade => months(120),
            Unit::Century => months(1_200),
        }
    }

    /// The label of the unit starting at `d`, in `lang`.
    pub fn label(self, d: NaiveDate, lang: Lang) -> String {
        let y = d.year();
        match self {
            Unit::Day => d.day().to_string(),
            Unit::Week => format!("{} {}", d.day(), month_abbr(lang, d.month())),
            Unit::Month => month_abbr(lang, d.month()).to_string(),
            Unit::Quarter => {
                let q = (d.month() - 1) / 3 + 1;
                match lang {
                    Lang::En => format!("Q{q}"),
                    Lang::Fr => format!("T{q}"),
                    Lang::Ar => format!("ر{q}"),
                }
            }
            Unit::Year | Unit::FiveYears => y.to_string(),
            Unit::Decade => match lang {
                Lang::En => format!("{y}s"),
                Lang::Fr => format!("années {y}"),
                Lang::Ar => format!("{y}–{}", y + 9),
            },
            Unit::Century => {
                let c = (y.div_euclid(100) + 1) as u32;
                match lang {
                    Lang::En => format!("{} century", ordinal(lang, c)),
                    Lang::Fr => format!("{}e siècle", roman(c)),
                    Lang::Ar => format!("القرن {c}"),
                }
            }
        }
    }

    /// The label of a major tick: months with their year ("December 2024"), others as minor.
    fn major_label(self, d: NaiveDate, lang: Lang) -> String {
        match self {
            Unit::Month => format!("{} {}", month_name(lang, d.month()), d.year()),
            _ => self.label(d, lang),
        }
    }
}

fn roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 9] = [
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, digits) in TABLE {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// A tick on the axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    /// Its time.
    pub t: Day,
    /// Its x coordinate in the viewport.
    pub x: f64,
    /// Its label.
    pub label: String,
}

/// Both rows of the axis for one viewport.
#[derive(Debug, Clone, PartialEq)]
pub struct Axis {
    /// The minor unit.
    pub unit: Unit,
    /// Minor ticks.
    pub minor: Vec<Tick>,
    /// Major ticks; the first one is pinned to the left edge when its start is off screen, so the
    /// reader always sees which year (or month) the left of the view is in.
    pub major: Vec<Tick>,
}

/// Chooses the finest unit whose ticks are at least `min_px` apart at this zoom (the decade if
/// none is).
pub fn unit_for(px_per_day: f64, min_px: f64) -> Unit {
    Unit::MINOR
        .into_iter()
        .find(|u| u.approx_days() * px_per_day >= min_px)
        .unwrap_or(Unit::Decade)
}

fn date_at(t: Day) -> NaiveDate {
    date_of(t.clamp(-700_000.0, 2_900_000.0)).unwrap_or(NaiveDate::MIN)
}

fn ticks(unit: Unit, v: &Viewport, lang: Lang, major: bool) -> Vec<Tick> {
    let mut out = Vec::new();
    let mut d = unit.floor(date_at(v.start()));
    // The axis never needs more ticks than pixels; this also bounds the loop on bad input.
    let cap = v.width() as usize + 2;
    while out.len() < cap {
        let t = day_number(d);
        if t > v.end() {
            break;
        }
        let label = if major {
            unit.major_label(d, lang)
        } else {
            unit.label(d, lang)
        };
        let x = if major && t < v.start() { 0.0 } else { v.x(t) };
        if major || t >= v.start() {
            out.push(Tick { t, x, label });
        }
        match unit.next(d) {
            Some(n) => d = n,
            None => break,
        }
    }
    out
}

/// The axis for viewport `v`: minor ticks at least `min_px` apart and the major row above them.
pub fn axis(v: &Viewport, lang: Lang, min_px: f64) -> Axis {
    let unit = unit_for(v.px_per_day(), min_px);
    Axis {
        unit,
        minor: ticks(unit, v, lang, false),
        major: ticks(unit.major(), v, lang, true),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::viewport::Bounds;

    fn date(y: i32, m: u32, d: u32) -> Day {
        day_number(NaiveDate::from_ymd_opt(y, m, d).unwrap())
    }

    fn viewport(start: Day, end: Day, width: f64) -> Viewport {
        let mut v = Viewport::fit(Bounds::around(date(1900, 1, 1), date(2100, 1, 1)), width);
        v.set_window(start, end);
        v
    }

    #[test]
    fn each_unit_is_chosen_at_its_zoom() {
        // (visible span in days over 1000 px, expected unit) with ticks ≥ 60 px apart.
        let table = [
            (10.0, Unit::Day),
            (100.0, Unit::Week),
            (400.0, Unit::Month),
            (1_200.0, Unit::Quarter),
            (5_000.0, Unit::Year),
            (25_000.0, Unit::FiveYears),
            (36_000.0, Unit::Decade),
        ];
        for (span, unit) in table {
            let v = viewport(date(2000, 1, 1), date(2000, 1, 1) + span, 1_000.0);
            assert_eq!(unit_for(v.px_per_day(), 60.0), unit, "span {span}");
            let a = axis(&v, Lang::En, 60.0);
            assert_eq!(a.unit, unit);
            assert!(!a.minor.is_empty() && !a.major.is_empty(), "{unit:?}");
            for w in a.minor.windows(2) {
                assert!(w[1].x - w[0].x >= 60.0 * 0.9, "{unit:?}: {w:?}");
            }
        }
    }

    #[test]
    fn month_ticks_sit_on_the_first_of_each_month_under_years() {
        let v = viewport(date(2024, 10, 15), date(2025, 2, 15), 1_000.0);
        let a = axis(&v, Lang::En, 60.0);
        assert_eq!(a.unit, Unit::Month);
        let labels: Vec<&str> = a.minor.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, ["Nov", "Dec", "Jan", "Feb"]);
        assert_eq!(a.minor[0].t, date(2024, 11, 1));
        let major: Vec<(&str, f64)> = a.major.iter().map(|t| (t.label.as_str(), t.x)).collect();
        assert_eq!(major[0], ("2024", 0.0), "pinned to the left edge");
        assert_eq!(major[1].0, "2025");
        assert!((major[1].1 - v.x(date(2025, 1, 1))).abs() < 1e-9);
    }

    #[test]
    fn labels_follow_the_language() {
        let d = NaiveDate::from_ymd_opt(2024, 12, 2).unwrap();
        assert_eq!(Unit::Month.label(d, Lang::Fr), "déc.");
        assert_eq!(Unit::Month.label(d, Lang::Ar), "دجنبر");
        assert_eq!(Unit::Week.label(d, Lang::En), "2 Dec");
        assert_eq!(Unit::Quarter.label(d, Lang::En), "Q4");
        assert_eq!(Unit::Quarter.label(d, Lang::Fr), "T4");
        assert_eq!(Unit::Month.major_label(d, Lang::Fr), "décembre 2024");
        let decade = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
        assert_eq!(Unit::Decade.label(decade, Lang::En), "2020s");
        assert_eq!(Unit::Decade.label(decade, Lang::Fr), "années 2020");
        assert_eq!(Unit::Century.label(decade, Lang::En), "21st century");
        assert_eq!(Unit::Century.label(decade, Lang::Fr), "XXIe siècle");
        assert_eq!(Unit::Century.label(decade, Lang::Ar), "القرن 21");
    }

    #[test]
    fn weeks_start_on_monday_and_floors_are_unit_starts() {
        let d = NaiveDate::from_ymd_opt(2024, 12, 5).unwrap(); // a Thursday
        assert_eq!(Unit::Week.floor(d).to_string(), "2024-12-02");
        assert_eq!(Unit::Quarter.floor(d).to_string(), "2024-10-01");
        assert_eq!(Unit::FiveYears.floor(d).to_string(), "2020-01-01");
        assert_eq!(Unit::Decade.floor(d).to_string(), "2020-01-01");
        assert_eq!(Unit::Century.floor(d).to_string(), "2000-01-01");
    }

    #[test]
    fn every_minor_tick_is_inside_the_window() {
        for span in [8.0, 90.0, 700.0, 3_000.0, 12_000.0, 36_000.0] {
            let v = viewport(date(1999, 7, 3), date(1999, 7, 3) + span, 777.0);
            for t in axis(&v, Lang::En, 50.0).minor {
                assert!(t.t >= v.start() && t.t <= v.end() && t.x >= 0.0 && t.x <= v.width());
            }
        }
    }
}
