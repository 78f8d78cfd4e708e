//! The visible window of the timeline and the maths of moving it: time ↔ pixel projection, zoom
//! about an anchor that stays put, pan, and clamping to the data's extent (plus a margin) and to the
//! zoom limits (about a week to about a century). Every operation keeps the window valid, so the
//! view can never be lost off the end of the data or zoomed to nothing.

use super::date::{DateSpec, Day, PartialDate, date_of};
use super::text::Lang;

/// The narrowest window: about a week.
pub const MIN_SPAN: Day = 7.0;
/// The widest window: about a century.
pub const MAX_SPAN: Day = 36_525.0;

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
    /// widened if need be to hold at least [`MIN_SPAN`].
    pub fn around(first: Day, last: Day) -> Self {
        let (first, last) = if first <= last {
            (first, last)
        } else {
            (last, first)
        };
        let margin = ((last - first) * 0.05).max(182.0);
        let (mut start, mut end) = (first - margin, last + margin);
        if end - start < MIN_SPAN {
            let mid = (start + end) / 2.0;
            start = mid - MIN_SPAN / 2.0;
            end = mid + MIN_SPAN / 2.0;
        }
        Self { start, end }
    }

    /// Length in days.
    pub fn span(&self) -> Day {
        self.end - self.start
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
        let mut v = Self {
            start: bounds.start,
            end: bounds.end,
            width: width.max(1.0),
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

    /// The narrowest span allowed.
    pub fn min_span(&self) -> Day {
        MIN_SPAN.min(self.max_span())
    }

    /// The widest span allowed: a century, or all of the bounds if that is less.
    pub fn max_span(&self) -> Day {
        MAX_SPAN.min(self.bounds.span())
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
    /// under it, as far as the zoom limits and bounds allow.
    pub fn zoom_at(&mut self, anchor_x: f64, factor: f64) {
        if !(factor.is_finite() && factor > 0.0 && anchor_x.is_finite()) {
            return;
        }
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
            let dt = dx / self.px_per_day();
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
        let (t0, t1) = (t0.min(t1), t0.max(t1));
        let span = ((t1 - t0) * (1.0 + 2.0 * padding)).clamp(self.min_span(), self.max_span());
        let mid = (t0 + t1) / 2.0;
        self.start = mid - span / 2.0;
        self.end = mid + span / 2.0;
        self.clamp();
    }

    /// Pans (without zooming) just enough that `[t0, t1]` is on screen, or centres it when it is
    /// wider than the window.
    pub fn reveal(&mut self, t0: Day, t1: Day) {
        let margin = self.span() * 0.05;
        if t1 - t0 > self.span() - 2.0 * margin {
            let dt = (t0 + t1) / 2.0 - (self.start + self.end) / 2.0;
            self.start += dt;
            self.end += dt;
        } else if t0 < self.start + margin {
            let dt = t0 - margin - self.start;
            self.start += dt;
            self.end += dt;
        } else if t1 > self.end - margin {
            let dt = t1 + margin - self.end;
            self.start += dt;
            self.end += dt;
        }
        self.clamp();
    }

    /// Shows everything.
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
        let span = self.span().clamp(self.min_span(), self.max_span());
        let mid = (self.start + self.end) / 2.0;
        self.start = mid - span / 2.0;
        self.end = mid + span / 2.0;
        if self.start < self.bounds.start {
            self.start = self.bounds.start;
            self.end = self.start + span;
        } else if self.end > self.bounds.end {
            self.end = self.bounds.end;
            self.start = self.end - span;
        }
    }
}

/// The visible window in words, at a precision that suits its width: "2011–2026",
/// "October 2024 – February 2025", "2–15 Dec 2024".
pub fn describe_window(v: &Viewport, lang: Lang) -> String {
    describe_window_days(v.start(), v.end(), lang)
}

/// [`describe_window`] for a window given as its start and end days.
pub fn describe_window_days(start: Day, end: Day, lang: Lang) -> String {
    use chrono::{Datelike, NaiveDate};
    let span = end - start;
    let (Some(a), Some(b)) = (date_of(start), date_of(end - 0.5)) else {
        return String::new();
    };
    let pd = |d: NaiveDate| -> Option<PartialDate> {
        if span > 3.0 * 365.0 {
            PartialDate::year(d.year()).ok()
        } else if span > 60.0 {
            PartialDate::month(d.year(), d.month()).ok()
        } else {
            PartialDate::day(d.year(), d.month(), d.day()).ok()
        }
    };
    match (pd(a), pd(b)) {
        (Some(a), Some(b)) if a == b => DateSpec::single(a).format(lang),
        (Some(a), Some(b)) => DateSpec::span(a, b).format(lang),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn zoom_limits_are_a_week_and_a_century() {
        let mut v = Viewport::fit(Bounds::around(0.0, 60_000.0), 800.0);
        for _ in 0..200 {
            v.zoom_center(1.5);
        }
        assert!((v.span() - MIN_SPAN).abs() < 1e-9);
        assert!(!v.can_zoom_in());
        for _ in 0..200 {
            v.zoom_center(0.5);
        }
        assert!((v.span() - MAX_SPAN).abs() < 1e-9);
        assert!(!v.can_zoom_out());
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
}
