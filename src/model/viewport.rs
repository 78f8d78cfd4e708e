//! The visible window of the timeline and the maths of moving it: time ↔ pixel projection, zoom
//! about an anchor that stays put, pan, and clamping to the data's extent (plus a margin) and to the
//! zoom limits: from about a week to all of the bounds, whatever their span, so "Show all" always
//! shows everything — a day of data or the ten millennia the date format allows. Every operation
//! keeps the window valid (finite, inside the bounds, within the zoom limits), so the view can
//! never be lost off the end of the data or zoomed to nothing; the bounds themselves stay inside
//! the axis domain (see [`super::date`]).

use super::date::{
    AXIS_END, AXIS_FIRST_YEAR, AXIS_START, DEEP_TIME_END, Day, FIRST_DATA_YEAR, Precision,
    clamp_to_axis, format_day_span, year_of,
};
use super::locale::{year_label, year_range_label};
use super::text::Lang;

/// The narrowest window: about a week (less only when the bounds themselves are narrower).
pub const MIN_SPAN: Day = 7.0;
/// The narrowest span in deep time: a year.
pub const DEEP_MIN_SPAN: Day = 365.0;

/// Where the window may go: the data's extent plus a margin on each side.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    /// Earliest visible time.
    pub start: Day,
    /// Latest visible time.
    pub end: Day,
}

impl Bounds {
    /// The extent `[first, last]` of the data plus a margin of 5% of it (at least half a year),
    /// cut to the axis domain and widened if need be to hold at least [`MIN_SPAN`].
    pub fn around(first: Day, last: Day) -> Self {
        let (first, last) = (first.min(last), first.max(last));
        let margin = ((last - first) * 0.05).max(182.0);
        Self {
            start: first - margin,
            end: last + margin,
        }
        .sanitized()
    }

    /// Length in days.
    pub fn span(&self) -> Day {
        self.end - self.start
    }

    /// These bounds made usable: ordered and cut to the axis domain; when nothing is left of them
    /// (empty, NaN, or wholly outside the domain), [`MIN_SPAN`] about where they were. Hand-made
    /// bounds narrower than [`MIN_SPAN`] but not empty are kept; the zoom limits then follow them.
    fn sanitized(self) -> Self {
        // `min`/`max` skip a NaN, so one good end survives a bad one.
        let (a, b) = (self.start.min(self.end), self.start.max(self.end));
        let (start, end) = (clamp_to_axis(a), clamp_to_axis(b));
        if end > start {
            return Self { start, end };
        }
        let start =
            (start / 2.0 + end / 2.0 - MIN_SPAN / 2.0).clamp(AXIS_START, AXIS_END - MIN_SPAN);
        Self {
            start,
            end: start + MIN_SPAN,
        }
    }
}

/// The visible window and the width it is drawn into.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    start: Day,
    end: Day,
    width: f64,
    bounds: Bounds,
}

impl Viewport {
    /// A viewport showing all of `bounds` in `width` pixels.
    pub fn fit(bounds: Bounds, width: f64) -> Self {
        let bounds = bounds.sanitized();
        let mut v = Self {
            start: bounds.start,
            end: bounds.end,
            width: if width.is_finite() {
                width.max(1.0)
            } else {
                1.0
            },
            bounds,
        };
        v.clamp();
        v
    }

    /// First visible time.
    pub fn start(&self) -> Day {
        self.start
    }

    /// Last visible time.
    pub fn end(&self) -> Day {
        self.end
    }

    /// Width in pixels.
    pub fn width(&self) -> f64 {
        self.width
    }

    /// Where the window may go.
    pub fn bounds(&self) -> Bounds {
        self.bounds
    }

    /// Visible duration in days.
    pub fn span(&self) -> Day {
        self.end - self.start
    }

    /// Pixels per day at this zoom.
    pub fn px_per_day(&self) -> f64 {
        self.width / self.span()
    }

    /// The x coordinate (pixels from the left edge) of time `t`.
    pub fn x(&self, t: Day) -> f64 {
        (t - self.start) * self.px_per_day()
    }

    /// The time at x coordinate `x`.
    pub fn t(&self, x: f64) -> Day {
        self.start + x / self.px_per_day()
    }

    /// The narrowest span allowed: [`MIN_SPAN`], or a year in deep time (whose dates are years:
    /// a week there would show a calendar no source gives), or all of the bounds if that is less.
    pub fn min_span(&self) -> Day {
        let deep = self.start / 2.0 + self.end / 2.0 < DEEP_TIME_END;
        let least = if deep { DEEP_MIN_SPAN } else { MIN_SPAN };
        least.min(self.max_span())
    }

    /// The widest span allowed: all of the bounds, however long, so that zooming out (and "Show
    /// all") can always show every event.
    pub fn max_span(&self) -> Day {
        self.bounds.span()
    }

    /// Whether zooming in further is possible.
    pub fn can_zoom_in(&self) -> bool {
        self.span() > self.min_span() * 1.000_001
    }

    /// Whether zooming out further is possible.
    pub fn can_zoom_out(&self) -> bool {
        self.span() < self.max_span() * 0.999_999
    }

    /// Changes the drawing width, keeping the visible time window.
    pub fn set_width(&mut self, width: f64) {
        if width.is_finite() && width >= 1.0 {
            self.width = width;
        }
    }

    /// Zooms by `factor` (> 1 zooms in, < 1 zooms out) keeping the time under pixel `anchor_x`
    /// (taken within the view) under it, as far as the zoom limits and bounds allow.
    pub fn zoom_at(&mut self, anchor_x: f64, factor: f64) {
        if !(factor.is_finite() && factor > 0.0 && anchor_x.is_finite()) {
            return;
        }
        // An anchor far off screen would throw the window (and its arithmetic) far away.
        let anchor_x = anchor_x.clamp(0.0, self.width);
        let anchor_t = self.t(anchor_x);
        let fraction = anchor_x / self.width;
        let span = (self.span() / factor).clamp(self.min_span(), self.max_span());
        self.start = anchor_t - fraction * span;
        self.end = self.start + span;
        self.clamp();
    }

    /// Zooms about the centre of the window (the zoom buttons and `+`/`-`).
    pub fn zoom_center(&mut self, factor: f64) {
        self.zoom_at(self.width / 2.0, factor);
    }

    /// Moves the window by `dx` pixels' worth of time (positive: later).
    pub fn pan_px(&mut self, dx: f64) {
        if dx.is_finite() {
            // Any pan past the bounds ends at them; capping keeps a huge one finite.
            let reach = self.bounds.span();
            let dt = (dx / self.px_per_day()).clamp(-reach, reach);
            self.start += dt;
            self.end += dt;
            self.clamp();
        }
    }

    /// Shows `[t0, t1]` with `padding` (a fraction of the span) on each side, within the limits.
    pub fn show(&mut self, t0: Day, t1: Day, padding: f64) {
        if !(t0.is_finite() && t1.is_finite()) {
            return;
        }
        let padding = if padding.is_finite() {
            padding.max(0.0)
        } else {
            0.0
        };
        let (t0, t1) = (t0.min(t1), t0.max(t1));
        let span = ((t1 - t0) * (1.0 + 2.0 * padding)).clamp(self.min_span(), self.max_span());
        let mid = t0 / 2.0 + t1 / 2.0;
        self.start = mid - span / 2.0;
        self.end = mid + span / 2.0;
        self.clamp();
    }

    /// Zooms into a cluster over `[t0, t1]`: shows its span when that zooms in; otherwise (a
    /// cluster over bars that reach beyond the window, whose span is wider than it) zooms in two
    /// steps at the middle of its part on screen. Either way the view gets narrower, so activating
    /// clusters again and again always gets to their events, never back and forth.
    pub fn zoom_into(&mut self, t0: Day, t1: Day, step: f64) {
        let mut to = *self;
        to.show(t0, t1, 0.25);
        if to.span() < self.span() * 0.9 {
            *self = to;
            return;
        }
        let (a, b) = (t0.min(t1).max(self.start), t0.max(t1).min(self.end));
        let middle = if a <= b {
            a / 2.0 + b / 2.0
        } else {
            self.start / 2.0 + self.end / 2.0
        };
        self.zoom_at(self.x(middle), step * step);
    }

    /// Pans (without zooming) just enough that `[t0, t1]` is on screen, or centres it when it is
    /// wider than the window.
    pub fn reveal(&mut self, t0: Day, t1: Day) {
        if !(t0.is_finite() && t1.is_finite()) {
            return;
        }
        let margin = self.span() * 0.05;
        // Moves by at most the bounds' span: anything further ends at the bounds anyway.
        let reach = self.bounds.span();
        let dt = if t1 - t0 > self.span() - 2.0 * margin {
            (t0 / 2.0 + t1 / 2.0) - (self.start / 2.0 + self.end / 2.0)
        } else if t0 < self.start + margin {
            t0 - margin - self.start
        } else if t1 > self.end - margin {
            t1 + margin - self.end
        } else {
            0.0
        };
        let dt = dt.clamp(-reach, reach);
        self.start += dt;
        self.end += dt;
        self.clamp();
    }

    /// Shows everything: exactly the bounds.
    pub fn fit_all(&mut self) {
        *self = Self::fit(self.bounds, self.width);
    }

    /// Moves the window to the start of the bounds, keeping the zoom.
    pub fn go_to_start(&mut self) {
        let span = self.span();
        self.start = self.bounds.start;
        self.end = self.start + span;
        self.clamp();
    }

    /// Moves the window to the end of the bounds, keeping the zoom.
    pub fn go_to_end(&mut self) {
        let span = self.span();
        self.end = self.bounds.end;
        self.start = self.end - span;
        self.clamp();
    }

    /// Restores a window, for example from a link; the limits still apply.
    pub fn set_window(&mut self, start: Day, end: Day) {
        if start.is_finite() && end.is_finite() && end > start {
            self.start = start;
            self.end = end;
            self.clamp();
        }
    }

    /// Enforces the zoom limits, then moves the window inside the bounds.
    fn clamp(&mut self) {
        let b = self.bounds;
        // Halves first: `start + end` may overflow where each half does not.
        let mid = self.start / 2.0 + self.end / 2.0;
        let span = self.span().clamp(self.min_span(), self.max_span());
        if !(mid.is_finite() && span < b.span()) {
            // All of the bounds (or a window that lost its way, which cannot happen from the
            // public API, but showing everything is the safe answer).
            self.start = b.start;
            self.end = b.end;
            return;
        }
        self.start = mid - span / 2.0;
        self.end = mid + span / 2.0;
        if self.start < b.start {
            self.start = b.start;
            self.end = b.start + span;
        } else if self.end > b.end {
            self.end = b.end;
            self.start = b.end - span;
        }
        // Rounding may leave one end an ulp outside.
        self.start = self.start.max(b.start);
        self.end = self.end.min(b.end);
    }
}

/// The visible window in words, at a precision that suits its width: "2011–2026",
/// "October 2024 – February 2025", "2–15 Dec 2024", "500 BC–AD 10499".
pub fn describe_window(v: &Viewport, lang: Lang) -> String {
    describe_window_days(v.start(), v.end(), lang)
}

/// [`describe_window`] for a window given as its start and end days: any window in the axis
/// domain (beyond it, clamped to it); empty only when an end is not finite.
pub fn describe_window_days(start: Day, end: Day, lang: Lang) -> String {
    if !(start.is_finite() && end.is_finite()) {
        return String::new();
    }
    let span = end - start;
    let precision = if span > 3.0 * 365.0 {
        Precision::Year
    } else if span > 60.0 {
        Precision::Month
    } else {
        Precision::Day
    };
    // The last visible day is the one the end is in, unless the end is at (or just after)
    // midnight, when it is the day before.
    let last = (end - 0.5).max(start);
    if let Some(text) = describe_deep_window(start, last, lang) {
        return text;
    }
    format_day_span(start, last, precision, lang)
}

/// A window reaching into deep time and wider than 20 000 years, with its years BC rounded to
/// three figures of its width ("14.5 billion BC – AD 19999", not "14,489,999,826 BC"): the
/// window is where the reader looks, not a date, and eleven digits would be false precision.
fn describe_deep_window(first: Day, last: Day, lang: Lang) -> Option<String> {
    let years = (last - first) / 365.2425;
    if !(first < DEEP_TIME_END && years > 20_000.0) {
        return None;
    }
    let unit = 10f64.powi(years.log10().floor() as i32 - 2) as i64;
    let year = |t: Day| year_of(clamp_to_axis(t)).unwrap_or(AXIS_FIRST_YEAR);
    let round = |y: i64| {
        if y < FIRST_DATA_YEAR {
            1 - (1 - y + unit / 2) / unit * unit
        } else {
            y
        }
    };
    let (a, b) = (round(year(first)), round(year(last)));
    Some(if a == b {
        year_label(lang, a)
    } else {
        year_range_label(lang, a, b)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::{year_end, year_start};

    /// 1990–2030 in days, roughly; wide enough that a mid-range zoom never touches the bounds.
    fn vp() -> Viewport {
        let mut v = Viewport::fit(Bounds::around(7_300.0, 21_900.0), 1_000.0);
        v.set_window(14_000.0, 16_000.0);
        v
    }

    #[test]
    fn projection_round_trips() {
        let v = vp();
        for t in [14_000.0, 14_500.25, 16_000.0] {
            assert!((v.t(v.x(t)) - t).abs() < 1e-9);
        }
        assert_eq!(v.x(14_000.0), 0.0);
        assert_eq!(v.x(16_000.0), 1_000.0);
    }

    #[test]
    fn zoom_keeps_the_anchor_within_half_a_pixel() {
        // A table of anchors and factors: in, out, tiny and large steps, at edges and centre.
        for anchor in [0.0, 1.0, 137.5, 500.0, 999.0, 1_000.0] {
            for factor in [1.1, 1.0 / 1.1, 2.0, 0.5, 1.001, 8.0] {
                let mut v = vp();
                let t = v.t(anchor);
                v.zoom_at(anchor, factor);
                let moved = (v.x(t) - anchor).abs();
                assert!(
                    moved < 0.5,
                    "anchor {anchor} factor {factor} moved {moved} px"
                );
            }
        }
    }

    #[test]
    fn repeated_zoom_in_and_out_returns_to_the_same_window() {
        let mut v = vp();
        let before = v;
        for _ in 0..20 {
            v.zoom_at(321.0, 1.2);
        }
        for _ in 0..20 {
            v.zoom_at(321.0, 1.0 / 1.2);
        }
        assert!((v.start() - before.start()).abs() < 1e-6);
        assert!((v.end() - before.end()).abs() < 1e-6);
    }

    // The widest zoom used to be a fixed century; it is now the bounds, whatever their span.
    #[test]
    fn zoom_limits_are_a_week_and_the_bounds() {
        let b = Bounds::around(0.0, 60_000.0);
        let mut v = Viewport::fit(b, 800.0);
        for _ in 0..200 {
            v.zoom_center(1.5);
        }
        assert!((v.span() - MIN_SPAN).abs() < 1e-9);
        assert!(!v.can_zoom_in());
        for _ in 0..200 {
            v.zoom_center(0.5);
        }
        assert_eq!((v.start(), v.end()), (b.start, b.end));
        assert!(!v.can_zoom_out());
    }

    #[test]
    fn a_dataset_from_year_one_is_shown_whole() {
        // The user report: first event in 0001, opened on an empty century near the end.
        for last in [year_end(1), year_end(2024), year_end(9999)] {
            let (first, last) = (year_start(1), last + 1.0);
            let b = Bounds::around(first, last);
            let mut v = Viewport::fit(b, 1_000.0);
            assert!(v.start() <= first && v.end() >= last, "fit shows all");
            assert_eq!(v.max_span(), b.span());
            v.zoom_at(300.0, 1e6);
            v.go_to_end();
            v.fit_all();
            assert_eq!((v.start(), v.end()), (b.start, b.end), "show all");
            v.zoom_center(50.0);
            for _ in 0..100 {
                v.zoom_center(0.5);
            }
            assert_eq!(
                (v.start(), v.end()),
                (b.start, b.end),
                "zooming out reaches all"
            );
            for lang in Lang::ALL {
                let text = describe_window(&v, lang);
                assert!(!text.is_empty() && text.chars().count() <= 60, "{text}");
                let axis = crate::model::ticks::axis(&v, lang, 64.0);
                assert!(axis.minor.len() >= 2, "{lang:?}: {axis:?}");
            }
        }
        let v = Viewport::fit(Bounds::around(year_start(1), year_end(9999) + 1.0), 1_000.0);
        assert_eq!(describe_window(&v, Lang::En), "500 BC–AD 10499");
        assert_eq!(
            describe_window(&v, Lang::Fr),
            "500 av. J.-C.–10499 apr. J.-C."
        );
        assert_eq!(describe_window(&v, Lang::Ar), "500 ق.م–10499 م");
    }

    #[test]
    fn bounds_stay_inside_the_axis_domain() {
        let b = Bounds::around(AXIS_START - 1e9, AXIS_END + 1e9);
        assert_eq!((b.start, b.end), (AXIS_START, AXIS_END));
        let b = Bounds::around(1e300, 1e300);
        assert_eq!((b.start, b.end), (AXIS_END - MIN_SPAN, AXIS_END));
        let b = Bounds::around(f64::NAN, 100.0);
        assert_eq!((b.start, b.end), (-82.0, 282.0), "the finite end survives");
        let v = Viewport::fit(
            Bounds {
                start: f64::NAN,
                end: f64::NAN,
            },
            f64::INFINITY,
        );
        assert!(v.start().is_finite() && v.end() > v.start() && v.width() == 1.0);
        let v = Viewport::fit(
            Bounds {
                start: f64::NEG_INFINITY,
                end: f64::INFINITY,
            },
            500.0,
        );
        assert_eq!((v.start(), v.end()), (AXIS_START, AXIS_END));
    }

    #[test]
    fn huge_moves_end_at_the_bounds() {
        let mut v = vp();
        let span = v.span();
        v.pan_px(f64::MAX);
        assert_eq!(v.end(), v.bounds().end);
        v.set_window(-f64::MAX, f64::MAX);
        assert_eq!((v.start(), v.end()), (v.bounds().start, v.bounds().end));
        v.zoom_center(10.0);
        v.reveal(f64::MAX / 2.0, f64::MAX);
        assert_eq!(v.end(), v.bounds().end);
        v.show(14_000.0, 14_010.0, f64::NAN);
        assert!((v.span() - 10.0).abs() < 1e-9, "NaN padding is no padding");
        v.zoom_at(1e300, 2.0);
        assert!(v.start().is_finite() && v.span() < span);
    }

    #[test]
    fn describes_windows_of_any_year() {
        let table = [
            (year_start(-43), year_start(-42), Lang::En, "Jan–Dec 44 BC"),
            (year_start(-44), year_start(1), Lang::En, "45–1 BC"),
            (year_start(-5), year_start(10), Lang::En, "6 BC–AD 9"),
            (
                year_start(-5),
                year_start(10),
                Lang::Fr,
                "6 av. J.-C.–9 apr. J.-C.",
            ),
            (
                year_start(-43) + 73.0,
                year_start(-43) + 80.0,
                Lang::En,
                "15–21 Mar 44 BC",
            ),
            (
                year_start(-43) + 73.0,
                year_start(-43) + 80.0,
                Lang::Ar,
                "15–21 مارس 44 ق.م",
            ),
            (
                year_start(12_000),
                year_start(12_010),
                Lang::En,
                "12000–12009",
            ),
            (
                year_start(10_000) - 5.0,
                year_start(10_000) + 3.0,
                Lang::Fr,
                "27 déc. 9999 – 3 janv. 10000",
            ),
            (
                year_start(0) - 20.0,
                year_start(0) + 20.0,
                Lang::En,
                "12 Dec 2 BC – 20 Jan 1 BC",
            ),
            (
                AXIS_START - 1e12,
                AXIS_START - 1e12 + 3.0,
                Lang::En,
                "40 billion BC",
            ),
            (
                year_start(-13_799_999_999),
                year_start(-3_499),
                Lang::Fr,
                "13,8 milliards – 3501 av. J.-C.",
            ),
        ];
        for (start, end, lang, text) in table {
            assert_eq!(describe_window_days(start, end, lang), text);
        }
        assert_eq!(describe_window_days(f64::NAN, 3.0, Lang::En), "");
        // A deep window is named to three figures of its width.
        assert_eq!(
            describe_window_days(year_start(-14_489_999_825), AXIS_END, Lang::En),
            "14.5 billion BC–AD 19999"
        );
        assert_eq!(
            describe_window_days(year_start(-340_123), year_start(-290_000), Lang::Fr),
            "340\u{202f}100 – 290\u{202f}000 av. J.-C."
        );
    }

    /// Deep time is known to the year: zooming in there stops at a year, and the axis never
    /// shows months or days.
    #[test]
    fn deep_time_zooms_to_a_year_and_no_further() {
        let mut v = Viewport::fit(
            Bounds::around(year_start(-4_599_999_999), year_start(-3_499)),
            1_400.0,
        );
        v.show(year_start(-299_999), year_start(-299_998), 0.0);
        for _ in 0..60 {
            v.zoom_center(2.0);
        }
        assert!((v.span() - DEEP_MIN_SPAN).abs() < 1e-3, "{}", v.span());
        let unit = crate::model::ticks::axis(&v, Lang::En, 64.0).unit;
        assert!(unit >= crate::model::ticks::Unit::Year, "{unit:?}");
        assert_eq!(describe_window(&v, Lang::En), "300,000 BC");
    }

    #[test]
    fn small_data_limits_zoom_out_to_its_bounds() {
        let b = Bounds::around(15_000.0, 16_000.0);
        let mut v = Viewport::fit(b, 800.0);
        v.zoom_center(0.1);
        assert_eq!((v.start(), v.end()), (b.start, b.end));
    }

    #[test]
    fn pan_is_clamped_to_the_bounds() {
        let mut v = vp();
        let span = v.span();
        v.pan_px(-1e9);
        assert_eq!(v.start(), v.bounds().start);
        assert!((v.span() - span).abs() < 1e-6, "panning must not zoom");
        v.pan_px(1e9);
        assert_eq!(v.end(), v.bounds().end);
        v.pan_px(-100.0);
        assert!((v.end() - (v.bounds().end - 100.0 / v.px_per_day())).abs() < 1e-6);
    }

    #[test]
    fn pan_moves_content_by_exactly_the_pixels() {
        let mut v = vp();
        let t = v.t(400.0);
        v.pan_px(50.0);
        assert!((v.x(t) - 350.0).abs() < 1e-9);
    }

    #[test]
    fn bounds_have_a_margin_and_a_minimum() {
        let b = Bounds::around(10_000.0, 20_000.0);
        assert_eq!((b.start, b.end), (9_500.0, 20_500.0));
        let b = Bounds::around(10_000.0, 10_000.0);
        assert_eq!((b.start, b.end), (9_818.0, 10_182.0));
        let b = Bounds::around(20_000.0, 10_000.0);
        assert!(b.start < b.end);
    }

    #[test]
    fn show_and_reveal() {
        let mut v = vp();
        v.show(15_000.0, 15_010.0, 0.1);
        assert!((v.span() - 12.0).abs() < 1e-9);
        assert!(v.x(15_000.0) > 0.0 && v.x(15_010.0) < v.width());
        v.reveal(15_100.0, 15_101.0);
        assert!(v.x(15_100.0) >= 0.0 && v.x(15_101.0) <= v.width());
        assert!((v.span() - 12.0).abs() < 1e-9, "reveal must not zoom");
        let before = v;
        v.reveal(15_097.0, 15_098.0);
        assert_eq!(v, before, "already visible: no move");
    }

    #[test]
    fn nonsense_input_is_ignored() {
        let mut v = vp();
        let before = v;
        v.zoom_at(f64::NAN, 2.0);
        v.zoom_at(10.0, 0.0);
        v.zoom_at(10.0, f64::INFINITY);
        v.pan_px(f64::NAN);
        v.set_window(5.0, 1.0);
        v.set_width(0.0);
        assert_eq!(v, before);
    }

    #[test]
    fn describes_the_window_at_a_fitting_precision() {
        use chrono::NaiveDate;
        let day =
            |y, m, d| super::super::date::day_number(NaiveDate::from_ymd_opt(y, m, d).unwrap());
        let mut v = Viewport::fit(Bounds::around(day(1990, 1, 1), day(2030, 1, 1)), 800.0);
        v.set_window(day(2011, 1, 1), day(2027, 1, 1));
        assert_eq!(describe_window(&v, Lang::En), "2011–2026");
        v.set_window(day(2024, 10, 1), day(2025, 3, 1));
        assert_eq!(
            describe_window(&v, Lang::En),
            "October 2024 – February 2025"
        );
        v.set_window(day(2024, 12, 2), day(2024, 12, 16));
        assert_eq!(describe_window(&v, Lang::Fr), "2–15 déc. 2024");
        assert_eq!(describe_window(&v, Lang::Ar), "2–15 دجنبر 2024");
        v.set_window(day(2024, 10, 1), day(2025, 3, 1));
        assert_eq!(describe_window(&v, Lang::Ar), "أكتوبر 2024 – فبراير 2025");
        v.set_window(day(2011, 1, 1), day(2027, 1, 1));
        assert_eq!(describe_window(&v, Lang::Ar), "2011–2026");
    }

    #[test]
    fn go_to_ends_and_fit() {
        let mut v = vp();
        let span = v.span();
        v.go_to_start();
        assert_eq!(v.start(), v.bounds().start);
        v.go_to_end();
        assert_eq!(v.end(), v.bounds().end);
        assert!((v.span() - span).abs() < 1e-6);
        v.fit_all();
        assert_eq!((v.start(), v.end()), (v.bounds().start, v.bounds().end));
    }

    #[test]
    fn zooming_into_a_cluster_always_zooms_in() {
        let mut v = Viewport::fit(Bounds::around(0.0, 40_000.0), 1_000.0);
        v.set_window(10_400.0, 10_600.0);
        // A cluster over bars that reach far beyond the window: its span would zoom out.
        let before = v.span();
        v.zoom_into(10_000.0, 10_900.0, 1.5);
        assert!(v.span() < before * 0.5, "{} -> {}", before, v.span());
        assert!(v.start() >= 10_400.0 && v.end() <= 10_600.0, "{v:?}");
        // A small cluster in the window: its span, padded.
        let mut w = Viewport::fit(Bounds::around(0.0, 40_000.0), 1_000.0);
        w.set_window(10_000.0, 12_000.0);
        w.zoom_into(10_500.0, 10_520.0, 1.5);
        assert!(
            (w.start() - 10_495.0).abs() < 1e-6 && (w.end() - 10_525.0).abs() < 1e-6,
            "{w:?}"
        );
        // Again and again: narrower each time, until the deepest zoom.
        let mut spans = vec![v.span()];
        while v.can_zoom_in() {
            v.zoom_into(10_000.0, 10_900.0, 1.5);
            assert!(v.span() < *spans.last().unwrap(), "{spans:?}");
            spans.push(v.span());
            assert!(spans.len() < 100);
        }
    }
}
