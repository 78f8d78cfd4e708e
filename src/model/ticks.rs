//! The time axis: which unit to tick at for the current zoom, the minor ticks and the major ticks
//! above them, with labels in the interface language.
//!
//! The units, finest first, with the major row each one gets:
//!
//! | minor unit                             | major row     |
//! |----------------------------------------|---------------|
//! | day, week                              | month         |
//! | month, quarter                         | year          |
//! | year                                   | decade        |
//! | 5 years, decade, 50 years              | century       |
//! | century, 500 years                     | millennium    |
//! | millennium, 5 millennia, 10 millennia  | era (BC / AD) |
//! | 50 000 years … 10 billion years (deep) | next power of ten, then era |
//!
//! Deep time goes on in steps of 1 and 5 times a power of ten, up to 10 billion years, so that a
//! cosmological timeline (13.8 billion years) still gets ticks at least 64 px apart in 200 px;
//! its ticks fall where the count of years BC is round ("500,000 BC", "1 million BC"). The finest unit is used whose
//! ticks are at least `min_px` apart *and* far enough apart for their labels and for those of the
//! major row (BC labels are long, especially in French), so labels do not run into each other;
//! only the coarsest unit is used regardless, when nothing fits.
//!
//! Years are astronomical (year 0 is 1 BC). Multi-year ticks fall on multiples of their step,
//! year 0 included, so they stay evenly spaced across the era boundary; a BC tick is labelled
//! with the year it starts, exactly ("1 BC", "101 BC") rather than a rounder neighbour. A century
//! or millennium is named after the one it (all but a year) covers: years −100 to −1 make the
//! "1st century BC", 0 to 99 the "1st century", as 1900 to 1999 make the 20th. Label forms per
//! language are documented in [`super::locale`].

use std::fmt;

use super::date::{
    AXIS_END, AXIS_FIRST_YEAR, AXIS_START, DEEP_TIME_END, Day, FIRST_DATA_YEAR, clamp_to_axis,
    day_of_ymd, days_in_month, ymd_of,
};
use super::locale::{
    era_label, month_abbr, month_name, ordinal, roman_ordinal_fr, year_label, year_label_ad,
    year_range_label,
};
use super::text::Lang;
use super::viewport::Viewport;

/// A calendar day of the axis, at any year it reaches (chrono's dates stop at ±262 143).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Ymd {
    /// The astronomical year.
    pub year: i64,
    /// The month, 1–12.
    pub month: u32,
    /// The day of the month.
    pub day: u32,
}

impl Ymd {
    /// The day `year-month-day`; the caller gives a real one.
    pub const fn new(year: i64, month: u32, day: u32) -> Self {
        Self { year, month, day }
    }

    /// The axis time of the start of this day.
    pub fn t(self) -> Day {
        day_of_ymd(self.year, self.month, self.day).unwrap_or(AXIS_START)
    }

    /// The day that axis time `t` falls in, clamped to the axis domain: every time has one.
    pub fn at(t: Day) -> Self {
        let (year, month, day) = ymd_of(clamp_to_axis(t)).unwrap_or((AXIS_FIRST_YEAR, 1, 1));
        Self { year, month, day }
    }

    // The first of a month `n` months after this one's.
    fn add_months(self, n: u32) -> Self {
        let m = i64::from(self.month - 1) + i64::from(n);
        Self::new(
            self.year + m.div_euclid(12),
            (m.rem_euclid(12) + 1) as u32,
            1,
        )
    }
}

impl fmt::Display for Ymd {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.year < 0 { "-" } else { "" };
        write!(
            f,
            "{sign}{:04}-{:02}-{:02}",
            self.year.unsigned_abs(),
            self.month,
            self.day
        )
    }
}

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
    /// Two years (ticks on even years).
    TwoYears,
    /// Five years.
    FiveYears,
    /// Ten years.
    Decade,
    /// Twenty years.
    TwentyYears,
    /// Fifty years.
    FiftyYears,
    /// A hundred years.
    Century,
    /// Five hundred years.
    FiveCenturies,
    /// A thousand years.
    Millennium,
    /// Five thousand years.
    FiveMillennia,
    /// Ten thousand years.
    TenMillennia,
    /// Deep time: this many years (50 000 to 10 billion), with ticks where the count of years BC
    /// is a whole multiple of it ("1 million BC", "13 billion BC"), so every label is round.
    Deep(i64),
    /// The era, BC or AD (only ever a major unit): the BC era is taken to start with the axis
    /// domain, the AD era starts on 1 January of year 1.
    Era,
}

impl Unit {
    /// The units minor ticks can use, finest first. Among years the steps are 1, 2 and 5 times a
    /// power of ten: with only 1, 5 and 10, a phone's eight-year window (45 px a year, too close
    /// for yearly labels) fell to five-year ticks and showed a single one.
    pub const MINOR: [Unit; 27] = [
        Unit::Day,
        Unit::Week,
        Unit::Month,
        Unit::Quarter,
        Unit::Year,
        Unit::TwoYears,
        Unit::FiveYears,
        Unit::Decade,
        Unit::TwentyYears,
        Unit::FiftyYears,
        Unit::Century,
        Unit::FiveCenturies,
        Unit::Millennium,
        Unit::FiveMillennia,
        Unit::TenMillennia,
        Unit::Deep(50_000),
        Unit::Deep(100_000),
        Unit::Deep(500_000),
        Unit::Deep(1_000_000),
        Unit::Deep(5_000_000),
        Unit::Deep(10_000_000),
        Unit::Deep(50_000_000),
        Unit::Deep(100_000_000),
        Unit::Deep(500_000_000),
        Unit::Deep(1_000_000_000),
        Unit::Deep(5_000_000_000),
        Unit::Deep(10_000_000_000),
    ];

    /// The coarsest minor unit, used when nothing finer fits.
    pub const COARSEST: Unit = Unit::Deep(10_000_000_000);

    /// The length in whole years of a unit counted in years.
    fn years(self) -> Option<i64> {
        match self {
            Unit::Year => Some(1),
            Unit::TwoYears => Some(2),
            Unit::FiveYears => Some(5),
            Unit::Decade => Some(10),
            Unit::TwentyYears => Some(20),
            Unit::FiftyYears => Some(50),
            Unit::Century => Some(100),
            Unit::FiveCenturies => Some(500),
            Unit::Millennium => Some(1_000),
            Unit::FiveMillennia => Some(5_000),
            Unit::TenMillennia => Some(10_000),
            Unit::Deep(n) => Some(n.max(1)),
            Unit::Day | Unit::Week | Unit::Month | Unit::Quarter | Unit::Era => None,
        }
    }

    /// Typical length in days (for choosing a unit; ticks themselves follow the calendar).
    pub fn approx_days(self) -> f64 {
        match self {
            Unit::Day => 1.0,
            Unit::Week => 7.0,
            Unit::Month => 30.44,
            Unit::Quarter => 91.31,
            Unit::Era => AXIS_END - AXIS_START,
            _ => 365.25 * self.years().unwrap_or(1) as f64,
        }
    }

    /// The unit of the major row above this minor unit: in deep time the next power of ten
    /// (50 000 and 100 000 years under a million, and so on), then the era.
    pub fn major(self) -> Unit {
        match self {
            Unit::Day | Unit::Week => Unit::Month,
            Unit::Month | Unit::Quarter => Unit::Year,
            Unit::Year | Unit::TwoYears => Unit::Decade,
            Unit::FiveYears | Unit::Decade | Unit::TwentyYears | Unit::FiftyYears => Unit::Century,
            Unit::Century | Unit::FiveCenturies => Unit::Millennium,
            Unit::Millennium | Unit::FiveMillennia | Unit::TenMillennia | Unit::Era => Unit::Era,
            Unit::Deep(n) => {
                let mut p = 10;
                while p <= n {
                    p *= 10;
                }
                if p > 10_000_000_000 {
                    Unit::Era
                } else {
                    Unit::Deep(p)
                }
            }
        }
    }

    /// The start of the unit containing `d`.
    pub fn floor(self, d: Ymd) -> Ymd {
        let first = |y: i64, m: u32| Ymd::new(y, m, 1);
        match self {
            Unit::Day => d,
            // 1970-01-01, day 0, was a Thursday: three days after a Monday.
            Unit::Week => Ymd::at(d.t() - ((d.t() as i64 + 3).rem_euclid(7)) as Day),
            Unit::Month => first(d.year, d.month),
            Unit::Quarter => first(d.year, (d.month - 1) / 3 * 3 + 1),
            Unit::Era if d.year >= 1 => first(1, 1),
            Unit::Era => first(AXIS_FIRST_YEAR.min(d.year), 1),
            Unit::Deep(n) => first(bc_round(d.year, n), 1),
            _ => {
                let n = self.years().unwrap_or(1);
                if d.year < FIRST_DATA_YEAR {
                    first(bc_round(d.year, n), 1)
                } else {
                    first(d.year.div_euclid(n) * n, 1)
                }
            }
        }
    }

    /// The start of the next unit after `d` (which must be a unit start), or `None` past the
    /// axis domain (or after the start of the AD era, the last one).
    pub fn next(self, d: Ymd) -> Option<Ymd> {
        let next = match self {
            Unit::Day if days_in_month(d.year, d.month).is_some_and(|n| d.day < n) => {
                Ymd::new(d.year, d.month, d.day + 1)
            }
            Unit::Day => d.add_months(1),
            Unit::Week => {
                let (y, m, d) = ymd_of(d.t() + 7.0)?;
                Ymd::new(y, m, d)
            }
            Unit::Month => d.add_months(1),
            Unit::Quarter => d.add_months(3),
            Unit::Era if d.year < 1 => Ymd::new(1, 1, 1),
            Unit::Era => return None,
            _ => Ymd::new(d.year.checked_add(self.years().unwrap_or(1))?, 1, 1),
        };
        (next.year <= super::date::AXIS_LAST_YEAR + 1).then_some(next)
    }

    /// The label of a minor tick at the unit starting at `d`, in `lang`: short, since minor
    /// ticks may be only `min_px` apart ("2 Dec", "Q4", "2020s", "44 BC", "1000",
    /// "13 billion BC").
    pub fn label(self, d: Ymd, lang: Lang) -> String {
        let y = d.year;
        match self {
            Unit::Day => d.day.to_string(),
            Unit::Week => format!("{} {}", d.day, month_abbr(lang, d.month)),
            Unit::Month => month_abbr(lang, d.month).to_string(),
            Unit::Quarter => {
                let q = (d.month - 1) / 3 + 1;
                match lang {
                    Lang::En => format!("Q{q}"),
                    Lang::Fr => format!("T{q}"),
                    Lang::Ar => format!("ر{q}"),
                }
            }
            Unit::Decade => decade_label(lang, y),
            Unit::Era => era_label(lang, y < 1).to_string(),
            // A deep tick that reaches AD 1 is said to be AD: "1" alone would read as a count.
            Unit::Deep(_) => year_label_ad(lang, y),
            _ => year_label(lang, y),
        }
    }

    /// The label of a major tick: months with their year ("December 2024"), centuries and
    /// millennia by name ("21st century", "Ier siècle av. J.-C."), others as minor.
    pub fn major_label(self, d: Ymd, lang: Lang) -> String {
        match self {
            // "the 3150th century BC" is no way to name 315,000 BC.
            _ if d.year < FIRST_DATA_YEAR => self.label(d, lang),
            Unit::Month => format!("{} {}", month_name(lang, d.month), year_label(lang, d.year)),
            Unit::Century => century_label(lang, d.year),
            Unit::Millennium => millennium_label(lang, d.year),
            _ => self.label(d, lang),
        }
    }
}

/// The tick at or before `year` (astronomical) of a unit of `n` years in deep time: where the
/// count of years BC (1 − year) is a whole multiple of `n`, so that its label is round.
fn bc_round(year: i64, n: i64) -> i64 {
    1 - (1 - year + n - 1).div_euclid(n) * n
}

/// The decade starting at (or containing) `year`: "2020s", "années 2020", "2020–2029"; before
/// year 1, where "the 40s BC" would not match astronomical decades, the years it spans:
/// "41–32 BC", "1 BC–AD 9".
fn decade_label(lang: Lang, year: i64) -> String {
    let y = year.div_euclid(10) * 10;
    match lang {
        // In deep time a tick falls on a round count of years BC (see `Unit::floor`), and a
        // range of two eleven-digit years would be too long for it.
        _ if year < FIRST_DATA_YEAR => year_label(lang, year),
        _ if y < 1 => year_range_label(lang, y, y + 9),
        Lang::En => format!("{y}s"),
        Lang::Fr => format!("années {y}"),
        Lang::Ar => year_range_label(lang, y, y + 9),
    }
}

/// Which `len`-year period `year` is in, counted from 1 in each era, and whether it is BC:
/// year 0 is in the 1st century (AD), −1 and −100 in the 1st century BC.
fn nth_period(year: i64, len: i64) -> (u32, bool) {
    let k = year.div_euclid(len);
    let (n, bc) = if k >= 0 { (k + 1, false) } else { (-k, true) };
    (u32::try_from(n).unwrap_or(u32::MAX), bc)
}

fn with_era(lang: Lang, name: String, bc: bool) -> String {
    if bc {
        format!("{name} {}", era_label(lang, true))
    } else {
        name
    }
}

/// "21st century", "XXIe siècle", "القرن 21"; "1st century BC", "Ier siècle av. J.-C.",
/// "القرن 1 ق.م".
fn century_label(lang: Lang, year: i64) -> String {
    let (n, bc) = nth_period(year, 100);
    let name = match lang {
        Lang::En => format!("{} century", ordinal(lang, n)),
        Lang::Fr => format!("{} siècle", roman_ordinal_fr(n)),
        Lang::Ar => format!("القرن {n}"),
    };
    with_era(lang, name, bc)
}

/// "3rd millennium", "IIIe millénaire", "الألفية 3"; "1st millennium BC", "Ier millénaire av.
/// J.-C.", "الألفية 1 ق.م".
fn millennium_label(lang: Lang, year: i64) -> String {
    let (n, bc) = nth_period(year, 1_000);
    let name = match lang {
        Lang::En => format!("{} millennium", ordinal(lang, n)),
        Lang::Fr => format!("{} millénaire", roman_ordinal_fr(n)),
        Lang::Ar => format!("الألفية {n}"),
    };
    with_era(lang, name, bc)
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

/// Chooses the finest unit whose ticks are at least `min_px` apart at this zoom (the coarsest
/// if none is).
pub fn unit_for(px_per_day: f64, min_px: f64) -> Unit {
    Unit::MINOR
        .into_iter()
        .find(|u| u.approx_days() * px_per_day >= min_px)
        .unwrap_or(Unit::COARSEST)
}

fn ticks(unit: Unit, v: &Viewport, lang: Lang, major: bool) -> Vec<Tick> {
    let mut out = Vec::new();
    let mut d = unit.floor(Ymd::at(v.start()));
    // The axis never needs more ticks than pixels; this also bounds the loop on bad input.
    let cap = v.width() as usize + 2;
    while out.len() < cap {
        let t = d.t();
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

/// Average advance of a character of the axis font (0.78 rem) plus the tick's padding and a
/// gap, in pixels: an estimate that errs wide, to keep labels apart.
const PX_PER_CHAR: f64 = 6.5;
const LABEL_PAD_PX: f64 = 8.0;

fn fits(ticks: &[Tick], room_px: f64) -> bool {
    ticks
        .iter()
        .all(|t| t.label.chars().count() as f64 * PX_PER_CHAR + LABEL_PAD_PX <= room_px)
}

/// The axis for viewport `v`: minor ticks at least `min_px` apart, and far enough apart for their
/// labels (and the major labels for theirs), and the major row above them.
pub fn axis(v: &Viewport, lang: Lang, min_px: f64) -> Axis {
    let ppd = v.px_per_day();
    let finest = unit_for(ppd, min_px);
    // Deep time is known to the year: no months or days there.
    let finest = if v.start() < DEEP_TIME_END {
        finest.max(Unit::Year)
    } else {
        finest
    };
    let row = |unit: Unit| {
        let minor = ticks(unit, v, lang, false);
        let major = ticks(unit.major(), v, lang, true);
        Axis { unit, minor, major }
    };
    let last = Unit::MINOR.len() - 1;
    let mut i = Unit::MINOR
        .iter()
        .position(|u| *u == finest)
        .unwrap_or(last);
    loop {
        let unit = Unit::MINOR[i];
        let a = row(unit);
        let room = |u: Unit| u.approx_days() * ppd;
        if i == last || fits(&a.minor, room(unit)) && fits(&a.major, room(unit.major())) {
            return a;
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::{year_end, year_start};
    use crate::model::synthetic::Rng;
    use crate::model::viewport::{Bounds, describe_window};

    fn date(y: i64, m: u32, d: u32) -> Day {
        Ymd::new(y, m, d).t()
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
        let d = ymd(2024, 12, 2);
        assert_eq!(Unit::Month.label(d, Lang::Fr), "déc.");
        assert_eq!(Unit::Month.label(d, Lang::Ar), "دجنبر");
        assert_eq!(Unit::Week.label(d, Lang::En), "2 Dec");
        assert_eq!(Unit::Quarter.label(d, Lang::En), "Q4");
        assert_eq!(Unit::Quarter.label(d, Lang::Fr), "T4");
        assert_eq!(Unit::Month.major_label(d, Lang::Fr), "décembre 2024");
        let decade = ymd(2020, 1, 1);
        assert_eq!(Unit::Decade.label(decade, Lang::En), "2020s");
        assert_eq!(Unit::Decade.label(decade, Lang::Fr), "années 2020");
        // Centuries are now also minor ticks, labelled with their first year; their names went
        // to the major row.
        assert_eq!(Unit::Century.label(ymd(2000, 1, 1), Lang::En), "2000");
        assert_eq!(Unit::Century.major_label(decade, Lang::En), "21st century");
        assert_eq!(Unit::Century.major_label(decade, Lang::Fr), "XXIe siècle");
        assert_eq!(Unit::Century.major_label(decade, Lang::Ar), "القرن 21");
    }

    #[test]
    fn weeks_start_on_monday_and_floors_are_unit_starts() {
        let d = ymd(2024, 12, 5); // a Thursday
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

    fn ymd(y: i64, m: u32, d: u32) -> Ymd {
        Ymd::new(y, m, d)
    }

    #[test]
    fn coarse_units_are_chosen_at_their_zoom() {
        // (first year, years shown, width in px, expected unit) with ticks ≥ 64 px apart.
        let table = [
            (1_000, 400, 1_000.0, Unit::FiftyYears),
            (1_000, 1_200, 1_000.0, Unit::Century),
            (1_000, 5_000, 1_000.0, Unit::FiveCenturies),
            // "2001 av. J.-C." needs about 100 px: at 1000 px, French would take 5 millennia.
            (-2_000, 12_000, 1_250.0, Unit::Millennium),
            (-9_999, 20_000, 1_000.0, Unit::FiveMillennia),
            (1, 10_000, 390.0, Unit::FiveMillennia),
            (-9_999, 30_000, 360.0, Unit::TenMillennia),
            (-999_999, 1_000_000, 1_400.0, Unit::Deep(100_000)),
            (
                -13_799_999_999,
                13_800_000_000,
                2_400.0,
                Unit::Deep(1_000_000_000),
            ),
            (
                -13_799_999_999,
                13_800_000_000,
                500.0,
                Unit::Deep(5_000_000_000),
            ),
        ];
        let whole = Bounds::around(AXIS_START, AXIS_END);
        for (first, years, width, unit) in table {
            let mut v = Viewport::fit(whole, width);
            v.set_window(year_start(first), year_start(first + years));
            for lang in Lang::ALL {
                let a = axis(&v, lang, 64.0);
                assert_eq!(a.unit, unit, "{years} years at {width} px, {lang:?}");
                assert!(a.minor.len() >= 2, "{unit:?}: {:?}", a.minor);
                for w in a.minor.windows(2) {
                    assert!(w[1].x - w[0].x >= 64.0, "{unit:?}: {w:?}");
                }
            }
        }
    }

    #[test]
    fn a_phone_sees_more_than_one_tick_at_any_zoom_of_the_data_years() {
        // The phone's first view of the bundled data (eight years over ~370 px) once showed the
        // single five-year tick in it, "2010": the steps among years were 1, 5 and 10.
        let v = viewport(date(2006, 1, 1), date(2014, 1, 1), 370.0);
        let a = axis(&v, Lang::Ar, 64.0);
        assert_eq!(a.unit, Unit::TwoYears);
        let labels: Vec<&str> = a.minor.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, ["2006", "2008", "2010", "2012", "2014"]);
        for width in [320.0, 360.0, 390.0, 430.0] {
            for years in [3, 5, 8, 12, 20, 30, 50, 80, 120] {
                let v = viewport(date(1991, 1, 1), date(1991 + years, 1, 1), width);
                for lang in Lang::ALL {
                    let a = axis(&v, lang, 64.0);
                    assert!(
                        a.minor.len() >= 2,
                        "{years} years at {width} px, {lang:?}: {:?} {:?}",
                        a.unit,
                        a.minor
                    );
                    // Units are chosen by their average length: a 365-day year is a little
                    // shorter than the 365.25 days counted.
                    for w in a.minor.windows(2) {
                        assert!(w[1].x - w[0].x >= 0.99 * 64.0, "{w:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn labels_before_christ_in_each_language() {
        use Lang::{Ar, En, Fr};
        // (unit, as a major tick?, tick date, language, label)
        let table = [
            (Unit::Year, false, ymd(-43, 1, 1), En, "44 BC"),
            (Unit::Year, false, ymd(-43, 1, 1), Fr, "44 av. J.-C."),
            (Unit::Year, false, ymd(-43, 1, 1), Ar, "44 ق.م"),
            (Unit::Year, false, ymd(0, 1, 1), En, "1 BC"),
            (Unit::Century, false, ymd(-100, 1, 1), En, "101 BC"),
            (Unit::Decade, false, ymd(-40, 1, 1), En, "41–32 BC"),
            (Unit::Decade, false, ymd(0, 1, 1), En, "1 BC–AD 9"),
            (
                Unit::Decade,
                false,
                ymd(0, 1, 1),
                Fr,
                "1 av. J.-C.–9 apr. J.-C.",
            ),
            (Unit::Decade, false, ymd(-10, 1, 1), Ar, "11–2 ق.م"),
            (Unit::Century, true, ymd(-100, 1, 1), En, "1st century BC"),
            (
                Unit::Century,
                true,
                ymd(-100, 1, 1),
                Fr,
                "Ier siècle av. J.-C.",
            ),
            (Unit::Century, true, ymd(-100, 1, 1), Ar, "القرن 1 ق.م"),
            (Unit::Century, true, ymd(-1, 7, 1), En, "1st century BC"),
            (Unit::Century, true, ymd(0, 1, 1), En, "1st century"),
            (Unit::Century, true, ymd(0, 1, 1), Fr, "Ier siècle"),
            (Unit::Century, true, ymd(-200, 1, 1), En, "2nd century BC"),
            (
                Unit::Century,
                true,
                ymd(-200, 1, 1),
                Fr,
                "IIe siècle av. J.-C.",
            ),
            (
                Unit::Century,
                true,
                ymd(-9_900, 1, 1),
                Fr,
                "XCIXe siècle av. J.-C.",
            ),
            // Deep time: ticks on round counts of years BC, named by them.
            (
                Unit::Century,
                true,
                ymd(-314_999, 1, 1),
                Fr,
                "315\u{202f}000 av. J.-C.",
            ),
            (Unit::Decade, false, ymd(-314_999, 1, 1), En, "315,000 BC"),
            (
                Unit::Deep(1_000_000),
                false,
                ymd(-999_999, 1, 1),
                En,
                "1 million BC",
            ),
            (Unit::Deep(1_000_000_000), false, ymd(1, 1, 1), En, "AD 1"),
            (Unit::Century, true, ymd(19_900, 1, 1), Fr, "CCe siècle"),
            (
                Unit::Millennium,
                true,
                ymd(-1_000, 1, 1),
                En,
                "1st millennium BC",
            ),
            (
                Unit::Millennium,
                true,
                ymd(-1_000, 1, 1),
                Fr,
                "Ier millénaire av. J.-C.",
            ),
            (
                Unit::Millennium,
                true,
                ymd(-1_000, 1, 1),
                Ar,
                "الألفية 1 ق.م",
            ),
            (
                Unit::Millennium,
                true,
                ymd(2_000, 1, 1),
                En,
                "3rd millennium",
            ),
            (
                Unit::Millennium,
                true,
                ymd(2_000, 1, 1),
                Fr,
                "IIIe millénaire",
            ),
            (Unit::Millennium, true, ymd(2_000, 1, 1), Ar, "الألفية 3"),
            (Unit::Era, true, ymd(-5, 1, 1), En, "BC"),
            (Unit::Era, true, ymd(1, 1, 1), En, "AD"),
            (Unit::Era, true, ymd(-5, 1, 1), Fr, "av. J.-C."),
            (Unit::Era, true, ymd(1, 1, 1), Ar, "م"),
            (Unit::Month, true, ymd(-44, 3, 1), En, "March 45 BC"),
        ];
        for (unit, major, d, lang, label) in table {
            let got = if major {
                unit.major_label(d, lang)
            } else {
                unit.label(d, lang)
            };
            assert_eq!(got, label, "{unit:?} {d} {lang:?}");
        }
    }

    #[test]
    fn floors_and_steps_cross_the_era_boundary() {
        assert_eq!(Unit::Century.floor(ymd(-1, 6, 1)), ymd(-100, 1, 1));
        assert_eq!(Unit::Century.next(ymd(-100, 1, 1)), Some(ymd(0, 1, 1)));
        assert_eq!(Unit::Decade.floor(ymd(-5, 6, 1)), ymd(-10, 1, 1));
        assert_eq!(
            Unit::TenMillennia.floor(ymd(-9_999, 1, 1)),
            ymd(-10_000, 1, 1)
        );
        assert_eq!(Unit::Era.floor(ymd(-5, 6, 1)), ymd(AXIS_FIRST_YEAR, 1, 1));
        assert_eq!(
            Unit::Era.next(ymd(AXIS_FIRST_YEAR, 1, 1)),
            Some(ymd(1, 1, 1))
        );
        assert_eq!(Unit::Era.floor(ymd(2024, 6, 1)), ymd(1, 1, 1));
        assert_eq!(Unit::Era.next(ymd(1, 1, 1)), None);
        // In deep time, on round counts of years BC, before 10 000 BC and across it.
        assert_eq!(
            Unit::TenMillennia.floor(ymd(-314_000, 6, 1)),
            ymd(-319_999, 1, 1)
        );
        assert_eq!(Unit::Century.floor(ymd(-12_345, 1, 1)), ymd(-12_399, 1, 1));
        assert_eq!(
            Unit::Deep(1_000_000_000).floor(ymd(-13_799_999_999, 1, 1)),
            ymd(-13_999_999_999, 1, 1)
        );
        assert_eq!(
            Unit::Deep(5_000_000_000).next(ymd(-4_999_999_999, 1, 1)),
            Some(ymd(1, 1, 1))
        );
        for u in Unit::MINOR {
            assert_eq!(
                u.major().max(u),
                u.major(),
                "{u:?}: the major row is coarser"
            );
        }
    }

    /// The report: the French century label looped on a wrapped `u32` near 1 BC. Every year
    /// around it, in every language, now gets a short label at once.
    #[test]
    fn the_axis_around_1_bc_is_named_in_every_language() {
        for y in -1_100..=1_100 {
            let d = ymd(y, 1, 1);
            for lang in Lang::ALL {
                for unit in [Unit::Year, Unit::Decade, Unit::Century, Unit::Millennium] {
                    for label in [unit.label(d, lang), unit.major_label(d, lang)] {
                        assert!(!label.is_empty() && label.chars().count() <= 40, "{label}");
                        assert!(!label.contains("4294967295"), "{label}");
                    }
                }
            }
        }
        let mut v = Viewport::fit(Bounds::around(year_start(1), year_end(2024)), 1_000.0);
        v.set_window(year_start(-199), year_start(201));
        let a = axis(&v, Lang::Fr, 64.0);
        let major: Vec<&str> = a.major.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(
            major,
            [
                "IIe siècle av. J.-C.",
                "Ier siècle av. J.-C.",
                "Ier siècle",
                "IIe siècle",
                "IIIe siècle"
            ]
        );
        assert_eq!(a.major[0].x, 0.0, "pinned");
    }

    /// The synthetic data's SplitMix64, with the draws the property test needs.
    trait Draws {
        fn range(&mut self, lo: f64, hi: f64) -> f64;
        fn log_range(&mut self, lo: f64, hi: f64) -> f64;
    }

    impl Draws for Rng {
        fn range(&mut self, lo: f64, hi: f64) -> f64 {
            lo + (hi - lo) * self.unit()
        }

        fn log_range(&mut self, lo: f64, hi: f64) -> f64 {
            self.range(lo.ln(), hi.ln()).exp()
        }
    }

    /// Bounds of data from a day to the whole range the date format allows (0001–9999), anywhere
    /// in it, and sometimes the whole axis domain.
    fn random_bounds(rng: &mut Rng) -> Bounds {
        let (first, end) = (year_start(1), year_end(9_999) + 1.0);
        let len = rng.log_range(1.0, end - first);
        match rng.below(8) {
            0 => Bounds::around(first, end),
            1 => Bounds::around(first, first + 1.0),
            2 => Bounds::around(end - 1.0, end),
            3 => Bounds::around(AXIS_START, AXIS_END),
            // Data from year 1, whose margin reaches into BC: the reported case.
            4 | 5 => Bounds::around(first, first + len),
            _ => {
                let at = rng.range(first, end - len);
                Bounds::around(at, at + len)
            }
        }
    }

    const MIN_PX: f64 = 64.0;

    fn check(v: &Viewport, b: Bounds, step: &str) {
        let at = format!(
            "after {step}: window {}..{} in {}..{} at {} px",
            v.start(),
            v.end(),
            b.start,
            b.end,
            v.width()
        );
        assert_eq!(v.bounds(), b, "{at}");
        assert!(v.start().is_finite() && v.end().is_finite(), "{at}");
        assert!(v.start() < v.end(), "{at}");
        assert!(v.start() >= b.start && v.end() <= b.end, "{at}");
        assert_eq!(v.max_span(), b.span(), "{at}");
        let slack = 1e-9 * b.span();
        assert!(v.span() >= v.min_span() - slack, "{at}");
        assert!(v.span() <= v.max_span() + slack, "{at}");
        let most = v.width() / MIN_PX + 2.0;
        for lang in Lang::ALL {
            let a = axis(v, lang, MIN_PX);
            let at = format!("{at}, {lang:?}, {:?}", a.unit);
            assert!(
                a.minor.len() as f64 <= most,
                "{at}: {} minor",
                a.minor.len()
            );
            if v.span() >= 1.1 * a.unit.approx_days() {
                assert!(!a.minor.is_empty(), "{at}: no minor tick");
            }
            assert!(!a.major.is_empty(), "{at}: no major tick");
            assert!(
                a.major.len() as f64 <= most + 1.0,
                "{at}: {} major",
                a.major.len()
            );
            for t in a.minor.iter().chain(&a.major) {
                let n = t.label.chars().count();
                assert!(n > 0 && n <= 40, "{at}: label {:?}", t.label);
                assert!(!t.label.contains("4294967295"), "{at}: label {:?}", t.label);
            }
            for t in &a.minor {
                assert!(t.t >= v.start() && t.t <= v.end(), "{at}: {t:?}");
            }
            for w in a.minor.windows(2) {
                assert!(w[1].x - w[0].x >= 0.9 * MIN_PX, "{at}: {w:?}");
            }
            let text = describe_window(v, lang);
            let n = text.chars().count();
            assert!(n > 0 && n <= 60, "{at}: window {text:?}");
        }
    }

    /// Random viewports over the whole range, driven by random sequences of every move the UI
    /// makes: the window stays valid and inside the bounds, "show all" shows exactly the bounds,
    /// and the axis and the window's description stay finite, spaced and readable in every
    /// language.
    #[test]
    fn random_viewports_keep_a_valid_window_and_a_sane_axis() {
        let mut rng = Rng(0x7113_11E5);
        let mut steps = 0;
        while steps < 6_000 {
            let b = random_bounds(&mut rng);
            let mut v = Viewport::fit(b, rng.range(200.0, 4_000.0));
            check(&v, b, "fit");
            for _ in 0..20 {
                let w = v.width();
                let factor = if rng.below(5) == 0 {
                    rng.log_range(1e-6, 1e6)
                } else {
                    rng.log_range(1.0 / 8.0, 8.0)
                };
                // Two times at a random distance (a day to the whole bounds) around the bounds.
                let t0 = rng.range(b.start - b.span() / 4.0, b.end + b.span() / 4.0);
                let t1 =
                    t0 + rng.log_range(1.0, b.span()) * if rng.below(2) == 0 { 1.0 } else { -1.0 };
                let step = match rng.below(12) {
                    0 | 1 => {
                        v.zoom_at(rng.range(-0.1 * w, 1.1 * w), factor);
                        "zoom_at"
                    }
                    2 => {
                        v.zoom_center(factor);
                        "zoom_center"
                    }
                    3 | 4 => {
                        v.pan_px(rng.range(-2.0 * w, 2.0 * w));
                        "pan_px"
                    }
                    5 => {
                        v.go_to_start();
                        "go_to_start"
                    }
                    6 => {
                        v.go_to_end();
                        "go_to_end"
                    }
                    7 => {
                        v.fit_all();
                        assert_eq!((v.start(), v.end()), (b.start, b.end), "fit_all");
                        "fit_all"
                    }
                    8 => {
                        v.show(t0, t1, rng.range(0.0, 0.5));
                        "show"
                    }
                    9 => {
                        v.reveal(t0.min(t1), t0.max(t1));
                        "reveal"
                    }
                    10 => {
                        v.set_width(rng.range(200.0, 4_000.0));
                        "set_width"
                    }
                    _ => {
                        v.set_window(t0, t1);
                        "set_window"
                    }
                };
                check(&v, b, step);
                steps += 1;
            }
        }
    }
}
