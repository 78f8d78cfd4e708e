//! Geometry of the session strip: a year axis fitted to a set of dated items, the position of each
//! item along it as a fraction of the width, and the label row of each item so that neighbouring
//! labels do not collide. Pure functions of their inputs.

use chrono::NaiveDate;

use super::date::{DateSpec, Day, day_number};

/// A year axis covering whole years.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct YearAxis {
    /// First year shown (its 1 January is the left edge).
    pub first_year: i32,
    /// Last year shown (its 31 December is the right edge).
    pub last_year: i32,
}

/// A year tick.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tick {
    /// The year.
    pub year: i32,
    /// Where 1 January of that year falls, as a fraction of the width (0–1).
    pub at: f64,
}

fn jan1(year: i32) -> Day {
    day_number(NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or_default())
}

impl YearAxis {
    /// The smallest axis of whole years holding every date, plus one year of air on each side.
    /// `None` for an empty set.
    pub fn fit<'a>(dates: impl IntoIterator<Item = &'a DateSpec>) -> Option<Self> {
        use chrono::Datelike;
        let (lo, hi) = dates.into_iter().fold((None, None), |(lo, hi), d| {
            let (a, b) = (d.first_day().year(), d.last_day().year());
            (
                Some(lo.map_or(a, |l: i32| l.min(a))),
                Some(hi.map_or(b, |h: i32| h.max(b))),
            )
        });
        Some(Self {
            first_year: lo? - 1,
            last_year: hi? + 1,
        })
    }

    fn start(&self) -> Day {
        jan1(self.first_year)
    }

    fn end(&self) -> Day {
        jan1(self.last_year + 1)
    }

    /// Where a point on the time axis falls, as a fraction of the width.
    pub fn fraction(&self, t: Day) -> f64 {
        (t - self.start()) / (self.end() - self.start())
    }

    /// Year ticks, thinned to every 1, 2, 5 or 10 years so that at most `max_ticks` are made.
    pub fn ticks(&self, max_ticks: usize) -> Vec<Tick> {
        let span = (self.last_year - self.first_year + 1).max(1);
        let step = [1, 2, 5, 10, 20, 50, 100]
            .into_iter()
            .find(|s| (span / s) as usize <= max_ticks.max(1))
            .unwrap_or(100);
        (self.first_year..=self.last_year)
            .filter(|y| y.rem_euclid(step) == 0)
            .map(|year| Tick {
                year,
                at: self.fraction(jan1(year)),
            })
            .collect()
    }
}

/// Assigns each item (given by its position as a fraction of the width, in ascending order) the
/// first label row where it is at least `min_gap` away from the previous label in that row.
pub fn label_rows(positions: &[f64], min_gap: f64) -> Vec<usize> {
    let mut last_in_row: Vec<f64> = Vec::new();
    positions
        .iter()
        .map(|&x| {
            let row = last_in_row
                .iter()
                .position(|&last| x - last >= min_gap)
                .unwrap_or(last_in_row.len());
            if row == last_in_row.len() {
                last_in_row.push(x);
            } else {
                last_in_row[row] = x;
            }
            row
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PartialDate;

    fn day(s: &str) -> DateSpec {
        DateSpec::single(PartialDate::parse(s).unwrap())
    }

    #[test]
    fn fits_with_a_year_of_air() {
        let dates = [day("2012-09-25"), day("2025-12-09")];
        let axis = YearAxis::fit(&dates).unwrap();
        assert_eq!((axis.first_year, axis.last_year), (2011, 2026));
        assert!(YearAxis::fit(&[]).is_none());
    }

    #[test]
    fn fractions_are_inside_and_ordered() {
        let dates = [day("2012-09-25"), day("2024-12-02"), day("2025-12-09")];
        let axis = YearAxis::fit(&dates).unwrap();
        let xs: Vec<f64> = dates
            .iter()
            .map(|d| axis.fraction(d.axis_start()))
            .collect();
        assert!(xs.windows(2).all(|w| w[0] < w[1]));
        assert!(xs.iter().all(|x| (0.0..1.0).contains(x)));
        assert_eq!(axis.fraction(jan1(2011)), 0.0);
        assert_eq!(axis.fraction(jan1(2027)), 1.0);
    }

    #[test]
    fn ticks_thin_out() {
        let axis = YearAxis {
            first_year: 1993,
            last_year: 2026,
        };
        assert_eq!(axis.ticks(40).len(), 34);
        let five: Vec<i32> = axis.ticks(10).iter().map(|t| t.year).collect();
        assert_eq!(five, [1995, 2000, 2005, 2010, 2015, 2020, 2025]);
    }

    #[test]
    fn close_labels_go_to_new_rows() {
        assert_eq!(label_rows(&[0.1, 0.5, 0.9], 0.1), [0, 0, 0]);
        assert_eq!(label_rows(&[0.1, 0.15, 0.18, 0.3], 0.1), [0, 1, 2, 0]);
        assert!(label_rows(&[], 0.1).is_empty());
    }
}
