//! What is drawn for one viewport: the marks of every lane (in days from the origin, so a zoom
//! step changes one number rather than every element), the two rows of the axis with the pinned
//! label of the left edge, the gaps that reach the window and today's line.
//!
//! The origin is the start of the bounds while the world stays within [`MAX_WORLD_PX`] of it,
//! which any timeline of a few centuries does. Beyond that (deep time zoomed in: 13.8 billion
//! years at a few pixels per day) browsers can no longer place an element (Firefox stops near
//! 17.9 million px), so the origin moves with the window, on a grid of power-of-two days so that
//! a pan or a zoom step keeps it almost always; spans that reach far beyond the window are cut
//! to the part that can be seen from it.

use std::sync::Arc;

use super::dataset::{EventIdx, GapKind};
use super::date::Day;
use super::layout::{self, Mark, MarkKind};
use super::text::Lang;
use super::ticks;
use super::timeline::{GapBand, Timeline};
use super::viewport::Viewport;

/// One drawn mark. Positions are in *days from the start of the bounds*; the view multiplies
/// them by the pixels-per-day of the zoom (a CSS variable on the world container), so a zoom step
/// changes one number instead of every element, and an unchanged mark compares equal from frame
/// to frame (its anchors come from exact times, never back from pixels).
#[derive(Debug, Clone, PartialEq)]
pub struct MarkView {
    /// What it is.
    pub kind: MarkKind,
    /// Anchor of the body's left edge, in days from the start of the bounds.
    pub at: Day,
    /// Pixels added to the anchor (half a marker to the left for points and clusters).
    pub offset_px: f64,
    /// For a bar: its length in days. `None` for a fixed-width body (`body_px`).
    pub span: Option<Day>,
    /// Width of a fixed-width body (point marker or cluster bubble).
    pub body_px: f64,
    /// Row in the lane.
    pub row: usize,
    /// Width of the label, when shown.
    pub label_width: Option<f64>,
    /// Start of the time span (for zooming into a cluster).
    pub t0: Day,
    /// End of the time span.
    pub t1: Day,
    /// Where a cluster's number is centred, as a fraction of the body's width from its left
    /// edge (½, the middle, unless the layout moved it: [`Mark::count_x`]); a fraction, so that
    /// a sketch scaled mid-gesture keeps it inside the body. ½ for an item.
    pub count_at: f64,
}

/// A gap: a hatched band over an undocumented stretch, or a flag at the date of a search that
/// found nothing (its label reaching back from the flag, over the time searched).
#[derive(Debug, Clone, PartialEq)]
pub struct GapView {
    /// Index of the gap in the dataset.
    pub idx: usize,
    /// What kind of gap it is (how it is drawn).
    pub kind: GapKind,
    /// Position of its lane.
    pub lane: usize,
    /// Its start, in days from the start of the bounds.
    pub at: Day,
    /// Its length in days.
    pub span: Day,
    /// Offset (px) of its label, so the label stays on screen with the band (a flag's label
    /// hangs back from the flag, or from the right edge when the flag is beyond it).
    pub label_offset: f64,
    /// The label's width (px), cut to the room it has; `None` when there is too little room to
    /// show it (the gap keeps its name for assistive technology and its tooltip).
    pub label_width: Option<f64>,
}

impl GapView {
    /// Where its label is drawn, for a band drawn from `x0` to `x1` (px): from the band's start
    /// for an undocumented stretch, hanging back from the flag for a search that found nothing;
    /// `None` when it has no room. The app, the picture and the tests place it so.
    pub fn label_box(&self, x0: f64, x1: f64) -> Option<(f64, f64)> {
        let w = self.label_width?;
        Some(match self.kind {
            GapKind::Undocumented => {
                let left = x0 + self.label_offset + GAP_LABEL_INSET;
                (left, left + w)
            }
            GapKind::NotFound => {
                let right = x1 + self.label_offset - GAP_LABEL_INSET;
                (right - w, right)
            }
        })
    }
}

/// A named period (a TimelineJS era) that reaches the window: a band across every lane, its name
/// kept at the left of its visible part.
#[derive(Debug, Clone, PartialEq)]
pub struct PeriodView {
    /// Index of the period in the dataset.
    pub idx: usize,
    /// Its start, in days from the start of the bounds.
    pub at: Day,
    /// Its length in days.
    pub span: Day,
    /// Offset (px) of its name from the band's start, so the name stays on screen.
    pub label_offset: f64,
}

/// A tick.
#[derive(Debug, Clone, PartialEq)]
pub struct TickView {
    /// Its time, in days from the start of the bounds (also its identity with the label).
    pub at: Day,
    /// Its label.
    pub label: String,
}

/// Everything the view draws for one viewport.
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    /// Pixels per day: the zoom.
    pub px_per_day: f64,
    /// How far (px) the world is shifted left to show the window.
    pub shift: f64,
    /// Marks per lane (shared: each lane's renderer keeps its own without a copy).
    pub lanes: Vec<Arc<[MarkView]>>,
    /// Minor ticks inside the window.
    pub minor: Vec<TickView>,
    /// Major ticks inside the window.
    pub major: Vec<TickView>,
    /// The label of the major unit the left edge is in, when its tick is off screen (shown pinned
    /// to the left edge so the reader always sees which year or month the view starts in).
    pub pinned: Option<String>,
    /// The minor tick unit.
    pub unit: ticks::Unit,
    /// Gap bands that reach the window.
    pub gaps: Vec<GapView>,
    /// Periods that reach the window.
    pub periods: Vec<PeriodView>,
    /// Today, in days from the start of the bounds, when it is inside the bounds.
    pub today: Option<Day>,
}

/// How far (px) the world may reach from its origin before the origin moves with the window
/// (2²³: half of what Firefox can place, well inside Chromium's 2²⁵).
pub const MAX_WORLD_PX: f64 = 8_388_608.0;

/// Minimum distance between minor tick labels (px).
pub const TICK_MIN_PX: f64 = 64.0;
/// Widest label of an undocumented band (px).
const GAP_LABEL_PX: f64 = 240.0;
/// Widest label of a "nothing found" flag (px): it carries its date, which must not be cut.
const FLAG_LABEL_PX: f64 = 360.0;
/// Narrower than this, a gap's label is not shown at all (px).
const MIN_GAP_LABEL_PX: f64 = 40.0;
/// Inset of a gap's label from the band's edge (px; 0.4rem in the CSS).
const GAP_LABEL_INSET: f64 = 6.0;

impl Timeline {
    /// Lays out every lane for viewport `v`.
    pub fn layout(&self, v: &Viewport) -> Vec<Vec<Mark>> {
        self.lanes
            .iter()
            .map(|l| layout::layout_lane(&l.index, v, &l.options))
            .collect()
    }

    /// What to draw for viewport `v`, with axis labels in `lang`; `today` is where today's line
    /// goes (the caller reads the clock, so this stays a pure function).
    pub fn frame(&self, v: &Viewport, lang: Lang, today: Day) -> Frame {
        let (origin, (lo, hi)) = self.origin(v);
        let (lo, hi) = {
            let (cut0, cut1) = drawn_reach(v);
            (lo.max(cut0), hi.min(cut1))
        };
        let ppd = v.px_per_day();
        let lanes = self
            .layout(v)
            .into_iter()
            .zip(&self.lanes)
            .map(|(marks, lane)| {
                marks
                    .into_iter()
                    .map(|m| {
                        // Anchors come from exact times (not back from pixels), so an unchanged
                        // mark has bit-identical geometry and keeps its key; only a cluster over
                        // crowded bars, which changes at every zoom anyway, is placed from its
                        // pixels.
                        let (at, offset_px, span, body_px) = match m.kind {
                            // Half a pixel of tolerance: a bubble's edges, computed from its
                            // centre, can come out a hair wider than a bubble.
                            MarkKind::Cluster { .. }
                                if m.x1 - m.x0 > lane.options.cluster_px + 0.5 =>
                            {
                                // Over bars that crowd: drawn over their stretch, cut like a bar.
                                let (t0, t1) = (v.t(m.x0).max(lo), v.t(m.x1).min(hi));
                                (t0 - origin, 0.0, Some(t1 - t0), 0.0)
                            }
                            MarkKind::Cluster { .. } => {
                                let half = (m.x1 - m.x0) / 2.0;
                                (m.center_t - origin, -half, None, m.x1 - m.x0)
                            }
                            // A bar spans its dates; a point sits on the middle of its span.
                            MarkKind::Item(_) if m.x1 - m.x0 > lane.options.marker_px => {
                                let (t0, t1) = (m.t0.max(lo), m.t1.min(hi));
                                (t0 - origin, 0.0, Some(t1 - t0), 0.0)
                            }
                            MarkKind::Item(_) => {
                                let half = lane.options.marker_px / 2.0;
                                (m.center_t - origin, -half, None, 2.0 * half)
                            }
                        };
                        MarkView {
                            kind: m.kind,
                            at,
                            offset_px,
                            span,
                            body_px,
                            row: m.row,
                            // Rounded: a width recovered from pixels carries float noise,
                            // which would make an unchanged mark compare unequal.
                            label_width: m
                                .label
                                .map(|(l0, l1)| ((l1 - l0) * 100.0).round() / 100.0),
                            t0: m.t0,
                            t1: m.t1,
                            count_at: count_at(
                                &m,
                                v.x(origin + at) + offset_px,
                                span.map_or(body_px, |d| d * ppd),
                            ),
                        }
                    })
                    .collect()
            })
            .collect();
        let axis = ticks::axis(v, lang, TICK_MIN_PX);
        let tick = |t: &ticks::Tick| TickView {
            at: t.t - origin,
            label: t.label.clone(),
        };
        let minor = axis.minor.iter().map(tick).collect();
        // The pinned label gives way when the next major tick would run into it.
        let next_major_x = axis.major.iter().find(|t| t.t >= v.start()).map(|t| t.x);
        let pinned = axis
            .major
            .first()
            .filter(|t| t.t < v.start())
            .filter(|t| {
                next_major_x.is_none_or(|x| x >= t.label.chars().count() as f64 * 7.5 + 16.0)
            })
            .map(|t| t.label.clone());
        let major = axis
            .major
            .iter()
            .filter(|t| t.t >= v.start())
            .map(tick)
            .collect();
        let gaps = self.gap_views(v, origin, (lo, hi));
        let periods = self
            .periods
            .iter()
            .enumerate()
            .filter(|(_, (a, b))| *b > v.start() && *a < v.end())
            .map(|(idx, &(a, b))| {
                let (a, b) = (a.max(lo), b.min(hi));
                PeriodView {
                    idx,
                    at: a - origin,
                    span: b - a,
                    label_offset: (-v.x(a)).max(0.0),
                }
            })
            .collect();
        let today = (today >= self.bounds.start.max(lo) && today <= self.bounds.end.min(hi))
            .then_some(today - origin);
        Frame {
            px_per_day: ppd,
            shift: (v.start() - origin) * ppd,
            lanes,
            minor,
            major,
            pinned,
            unit: axis.unit,
            gaps,
            periods,
            today,
        }
    }
}

/// How far beyond the window spans (bars, gaps, periods) are drawn: at least a screen either
/// side, cut on a grid of a power of two days between half a screen and a screen. A bar
/// thousands of screens wide is cut to that: drawn whole, the browser paints all of it, rounded
/// ends and all, on every zoom step. On the grid (a power of two, so the float noise of a pan
/// does not move it), a short pan leaves every cut where it was, and rewrites no mark.
pub fn drawn_reach(v: &Viewport) -> (Day, Day) {
    let screen = v.end() - v.start();
    if !(screen.is_finite() && screen > 0.0) {
        return (f64::NEG_INFINITY, f64::INFINITY);
    }
    let step = screen.log2().floor().exp2();
    (
        ((v.start() - screen) / step).floor() * step,
        ((v.end() + screen) / step).ceil() * step,
    )
}

impl Timeline {
    /// The origin of the world for `v` (see the module's note) and the times `(lo, hi)` that
    /// spans are cut to: from the origin, the whole bounds while they fit in [`MAX_WORLD_PX`];
    /// otherwise a point on a grid of power-of-two days at most a quarter of that before the
    /// window, and what lies within half of it after the origin.
    pub fn origin(&self, v: &Viewport) -> (Day, (Day, Day)) {
        let ppd = v.px_per_day();
        let b = self.bounds;
        if (b.end - b.start) * ppd <= MAX_WORLD_PX || !ppd.is_finite() || ppd <= 0.0 {
            return (b.start, (f64::NEG_INFINITY, f64::INFINITY));
        }
        let step = (MAX_WORLD_PX / 4.0 / ppd).log2().floor().exp2();
        let origin = b.start + ((v.start() - b.start) / step).floor() * step;
        let reach = MAX_WORLD_PX / 2.0 / ppd;
        (origin, (origin - reach, origin + reach))
    }

    /// The gaps that reach the window of `v`, each with the room its label has. Labels share
    /// the lane's bottom strip: a flag's label (which carries the date of the search, the point
    /// of it) hangs back from the flag and is placed first; a band's label sits at the left of
    /// the band's visible part and stops short of any flag label after it. Two labels never
    /// overlap; one with too little room is not shown.
    fn gap_views(&self, v: &Viewport, origin: Day, (lo, hi): (Day, Day)) -> Vec<GapView> {
        let ppd = v.px_per_day();
        let cut: Vec<GapBand> = self
            .gaps
            .iter()
            // A flag is a point whose label reaches back from it: only bands are cut.
            .map(|g| match g.kind {
                GapKind::Undocumented => GapBand {
                    start: g.start.max(lo),
                    end: g.end.min(hi).max(g.start.max(lo)),
                    ..g.clone()
                },
                GapKind::NotFound => g.clone(),
            })
            .collect();
        let visible = cut.iter().filter(|g| {
            let reach = match g.kind {
                GapKind::Undocumented => 0.0,
                GapKind::NotFound => FLAG_LABEL_PX / ppd,
            };
            g.end > v.start() && g.start - reach < v.end()
        });
        let view = |g: &GapBand, label_offset: f64, width: f64| GapView {
            idx: g.idx,
            kind: g.kind,
            lane: g.lane,
            at: g.start - origin,
            span: g.end - g.start,
            label_offset,
            label_width: (width >= MIN_GAP_LABEL_PX).then_some(width),
        };
        let mut out: Vec<GapView> = Vec::new();
        // Each lane's flag labels (px), for the bands they would meet.
        let mut flag_labels: Vec<(usize, f64, f64)> = Vec::new();
        // Flags from the right: each label ends before the next flag's label begins.
        let mut flags: Vec<&GapBand> = visible
            .clone()
            .filter(|g| g.kind == GapKind::NotFound)
            .collect();
        flags.sort_by(|a, b| b.end.total_cmp(&a.end));
        for g in flags {
            // A flag beyond the right edge keeps its label on screen, against that edge.
            let x1 = v.x(g.end);
            let limit = flag_labels
                .iter()
                .filter(|(lane, _, _)| *lane == g.lane)
                .map(|(_, start, _)| *start)
                .fold(v.width(), f64::min);
            let right = x1.min(limit) - GAP_LABEL_INSET;
            let width = f64::from(g.label_px).min(FLAG_LABEL_PX).min(right);
            if width >= MIN_GAP_LABEL_PX {
                flag_labels.push((g.lane, right - width, right));
            }
            out.push(view(g, right + GAP_LABEL_INSET - x1, width));
        }
        for g in visible.filter(|g| g.kind == GapKind::Undocumented) {
            let (x0, x1) = (v.x(g.start), v.x(g.end));
            let left = x0.max(0.0) + GAP_LABEL_INSET;
            let stop = flag_labels
                .iter()
                .filter(|(lane, _, end)| *lane == g.lane && *end > left)
                .map(|(_, start, _)| start - GAP_LABEL_INSET)
                .fold(x1.min(v.width()) - GAP_LABEL_INSET, f64::min);
            let width = f64::from(g.label_px).min(GAP_LABEL_PX).min(stop - left);
            // Keep the label at the left of the visible part of the band.
            let offset = (0.0 - x0)
                .max(0.0)
                .min((x1 - x0 - width.max(0.0) - 2.0 * GAP_LABEL_INSET).max(0.0));
            out.push(view(g, offset, width));
        }
        // Gap indices are unique: unstable gives the same order.
        out.sort_unstable_by_key(|g| g.idx);
        out
    }
}

/// [`MarkView::count_at`] of the mark `m` whose body is drawn from `left` (viewport pixels),
/// `width` pixels wide: ½ exactly for a number in the middle, so that an unchanged mark compares
/// equal; else rounded to 1/10,000, whose float noise would otherwise make it unequal.
fn count_at(m: &Mark, left: f64, width: f64) -> f64 {
    if m.count_x == m.center() || width <= 0.0 {
        return 0.5;
    }
    (((m.count_x - left) / width).clamp(0.0, 1.0) * 10_000.0).round() / 10_000.0
}

impl MarkView {
    /// The event this mark draws alone, if it is not a cluster.
    pub fn event(&self) -> Option<EventIdx> {
        match self.kind {
            MarkKind::Item(i) => Some(EventIdx(i)),
            MarkKind::Cluster { .. } => None,
        }
    }

    /// The mark's identity across frames: its event, or a cluster's first member. A mark keeps
    /// its identity while zooming and panning, and is moved rather than re-created.
    pub fn identity(&self) -> u64 {
        match self.kind {
            MarkKind::Item(i) => u64::from(i) << 1,
            MarkKind::Cluster { first, .. } => (u64::from(first) << 1) | 1,
        }
    }

    /// Where the body's left edge is drawn at `px_per_day` (world pixels).
    pub fn x(&self, px_per_day: f64) -> f64 {
        self.at * px_per_day + self.offset_px
    }

    /// The body's width at `px_per_day`.
    pub fn width(&self, px_per_day: f64) -> f64 {
        self.span.map_or(self.body_px, |d| d * px_per_day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::day_number;
    use crate::model::layout::tests::assert_no_overlap;
    use crate::model::shipped;
    use crate::model::ticks;

    #[test]
    fn no_two_labels_overlap_on_the_real_dataset() {
        let d = shipped();
        for lang in Lang::ALL {
            let t = Timeline::build(&d, lang, 0.0, |_| true);
            for width in [390.0, 1_000.0, 1_400.0] {
                let mut v = Viewport::fit(t.bounds, width);
                let mut checked = 0;
                while v.can_zoom_in() {
                    // Pan across the whole extent at this zoom, a screen at a time.
                    v.go_to_start();
                    loop {
                        for (l, marks) in t.layout(&v).iter().enumerate() {
                            assert_no_overlap(marks, &t.lanes[l].options);
                            checked += 1;
                        }
                        let before = v.start();
                        v.pan_px(width * 0.8);
                        if v.start() == before || checked > 40_000 {
                            break;
                        }
                    }
                    v.zoom_center(1.6);
                }
                assert!(checked > 100, "{checked}");
            }
        }
    }

    /// A pan moves one number (the shift). Every event drawn alone well inside the window is
    /// still drawn alone after it, and most marks are untouched; the rest changed row or cluster
    /// at a layout page boundary.
    #[test]
    fn panning_moves_only_the_shift_keeps_every_inner_event_and_most_marks_unchanged() {
        let d = shipped();
        let t = Timeline::build(&d, Lang::En, 0.0, |_| true);
        let (mut unchanged, mut inner_total) = (0, 0);
        for zoom in [3.0, 8.0, 30.0] {
            let mut v = Viewport::fit(t.bounds, 1_000.0);
            v.zoom_center(zoom);
            for _ in 0..20 {
                let a = t.frame(&v, Lang::En, 0.0);
                v.pan_px(37.0);
                let b = t.frame(&v, Lang::En, 0.0);
                if (b.shift - a.shift - 37.0).abs() > 1e-6 {
                    break; // the end of the bounds
                }
                let inner = |f: &Frame| -> Vec<MarkView> {
                    f.lanes
                        .iter()
                        .flat_map(|l| l.iter())
                        .filter(|m| (50.0..950.0).contains(&(m.x(f.px_per_day) - f.shift)))
                        .cloned()
                        .collect()
                };
                let after: Vec<&MarkView> = b.lanes.iter().flat_map(|l| l.iter()).collect();
                for m in inner(&a) {
                    inner_total += 1;
                    if after.contains(&&m) {
                        unchanged += 1;
                    }
                    if let Some(i) = m.event() {
                        assert!(
                            after.iter().any(|x| x.event() == Some(i)),
                            "{i:?} vanished after a 37 px pan"
                        );
                    }
                }
            }
        }
        assert!(inner_total > 50, "{inner_total}");
        assert!(
            unchanged * 10 >= inner_total * 8,
            "{unchanged} of {inner_total} unchanged"
        );
    }

    #[test]
    fn a_small_zoom_step_keeps_most_marks_and_draws_them_where_the_layout_put_them() {
        let d = shipped();
        let t = Timeline::build(&d, Lang::En, 0.0, |_| true);
        let mut v = Viewport::fit(t.bounds, 1_200.0);
        v.zoom_center(4.0);
        let a = t.frame(&v, Lang::En, 0.0);
        v.zoom_at(500.0, 1.05);
        let b = t.frame(&v, Lang::En, 0.0);
        let ids = |f: &Frame| -> Vec<u64> {
            f.lanes
                .iter()
                .flat_map(|l| l.iter())
                .map(MarkView::identity)
                .collect()
        };
        let (ia, ib) = (ids(&a), ids(&b));
        let kept = ia.iter().filter(|k| ib.contains(k)).count();
        assert!(
            kept * 10 >= ia.len() * 7,
            "{kept} of {} marks kept",
            ia.len()
        );
        // What the view draws (anchor × zoom) is exactly the layout's geometry.
        let layout = t.layout(&v);
        for (lane, marks) in b.lanes.iter().enumerate() {
            for (m, l) in marks.iter().zip(&layout[lane]) {
                let x = m.x(b.px_per_day) - b.shift;
                assert!((x - l.x0).abs() < 1e-6, "{x} vs {}", l.x0);
                assert!((m.width(b.px_per_day) - (l.x1 - l.x0)).abs() < 1e-6);
            }
        }
    }

    /// A cluster's number is drawn where the layout put it, moved or not: the view's fraction of
    /// the body it draws (`count_at`) lands on the layout's `count_x`.
    #[test]
    fn a_cluster_number_is_drawn_where_the_layout_put_it() {
        let t = Timeline::build(
            &crate::model::synthetic::generate(10_000, 1),
            Lang::En,
            0.0,
            |_| true,
        );
        let mut moved = 0;
        for width in [390.0, 1_400.0] {
            let mut v = Viewport::fit(t.bounds, width);
            for step in 0..12 {
                v.zoom_at(width * (0.3 + 0.05 * f64::from(step)), 1.27);
                let f = t.frame(&v, Lang::En, 0.0);
                for (marks, layout) in f.lanes.iter().zip(&t.layout(&v)) {
                    for (m, l) in marks.iter().zip(layout) {
                        let x = m.x(f.px_per_day) - f.shift;
                        let at = x + m.count_at * m.width(f.px_per_day);
                        assert!((at - l.count_x).abs() < 0.5, "{at} vs {l:?}");
                        moved += usize::from(m.count_at != 0.5);
                    }
                }
            }
        }
        assert!(moved > 0, "no number moved");
    }

    /// The shipped dataset with one named period from year `from` to year `to`, and its timeline.
    fn with_era(from: i64, to: i64) -> (crate::model::Dataset, Timeline) {
        use crate::model::{DateSpec, PartialDate, Period, Text};
        let mut d = shipped();
        let year = |y| PartialDate::year(y).unwrap();
        d.periods.push(Period {
            id: "era".into(),
            title: Text::plain("An era"),
            date: DateSpec::span(year(from), year(to)),
            sources: vec![],
        });
        let t = Timeline::build(&d, Lang::En, 0.0, |_| true);
        (d, t)
    }

    #[test]
    fn a_period_widens_the_bounds_and_is_drawn_only_where_it_reaches() {
        let (d, t) = with_era(1950, 1955);
        let (start, end) = (d.periods[0].date.axis_start(), d.periods[0].date.axis_end());
        assert!(t.bounds.start <= start, "the bounds reach back to the era");
        let mut v = Viewport::fit(t.bounds, 1_000.0);
        v.set_window(start + 365.0, end + 365.0);
        let f = t.frame(&v, Lang::En, 0.0);
        assert_eq!(f.periods.len(), 1);
        let p = &f.periods[0];
        assert!((p.span - (end - start)).abs() < 1e-9);
        // Its name sits at the left edge of the window, not off screen with the era's start.
        let name_x = p.at * f.px_per_day + p.label_offset - f.shift;
        assert!(name_x.abs() < 1e-6, "{name_x}");
        v.set_window(end + 3_650.0, end + 7_300.0);
        assert!(t.frame(&v, Lang::En, 0.0).periods.is_empty());
    }

    #[test]
    fn a_span_far_wider_than_the_screen_is_drawn_a_screen_beyond_it_and_kept_while_panning() {
        let (_, t) = with_era(1950, 2030);
        let mut v = Viewport::fit(t.bounds, 1_000.0);
        let day = |m| day_number(chrono::NaiveDate::from_ymd_opt(2000, m, 1).unwrap());
        v.set_window(day(1), day(2));
        let f = t.frame(&v, Lang::En, 0.0);
        let p = f.periods[0].clone();
        // Eighty years at a month per screen would be a million pixels; it is drawn over the
        // window and one screen either side (plus up to a screen of the grid each side).
        let width = p.span * f.px_per_day;
        assert!((3_000.0..=5_000.0).contains(&width), "{width}");
        let left = p.at * f.px_per_day - f.shift;
        assert!((-2_000.0..=-1_000.0).contains(&left), "{left}");
        // A pan of a tenth of a screen mostly leaves it as it was (nothing to rewrite), and it
        // always covers the screen and a screen either side.
        let (mut kept, mut before) = (0, p);
        for _ in 0..10 {
            v.pan_px(100.0);
            let g = t.frame(&v, Lang::En, 0.0);
            let q = g.periods[0].clone();
            kept += usize::from(q.at == before.at && q.span == before.span);
            let left = q.at * g.px_per_day - g.shift;
            assert!(left <= -1_000.0 && left + q.span * g.px_per_day >= 2_000.0);
            before = q;
        }
        assert!(kept >= 5, "{kept}");
    }

    #[test]
    fn today_is_drawn_only_inside_the_bounds() {
        let d = shipped();
        let t = Timeline::build(&d, Lang::En, 0.0, |_| true);
        let v = Viewport::fit(t.bounds, 1_000.0);
        assert!(t.frame(&v, Lang::En, t.bounds.end - 1.0).today.is_some());
        assert!(t.frame(&v, Lang::En, t.bounds.end + 400.0).today.is_none());
    }

    #[test]
    fn the_undocumented_gap_is_in_the_commission_lane_with_its_label_on_screen() {
        let d = shipped();
        let t = Timeline::build(&d, Lang::En, 0.0, |_| true);
        let mut v = Viewport::fit(t.bounds, 1_000.0);
        v.set_window(
            day_number(chrono::NaiveDate::from_ymd_opt(2016, 1, 1).unwrap()),
            day_number(chrono::NaiveDate::from_ymd_opt(2018, 1, 1).unwrap()),
        );
        let f = t.frame(&v, Lang::En, 0.0);
        let g = f
            .gaps
            .iter()
            .find(|g| d.gaps[g.idx].id == "gap-cmm-13-21")
            .unwrap();
        assert_eq!(g.lane, 0);
        let label_x = g.at * f.px_per_day + g.label_offset - f.shift;
        assert!((0.0..1.0).contains(&label_x), "{label_x}");
    }

    /// "No 24th session found" is a flag at the date of the search, not a band over a year in
    /// which a session was due.
    #[test]
    fn a_gap_of_nothing_found_is_a_flag_at_the_date_of_the_search() {
        let d = shipped();
        let t = Timeline::build(&d, Lang::En, 0.0, |_| true);
        let v = Viewport::fit(t.bounds, 1_400.0);
        let f = t.frame(&v, Lang::En, 0.0);
        let g = f
            .gaps
            .iter()
            .find(|g| d.gaps[g.idx].id == "gap-cmm-24")
            .expect("drawn in the full view");
        assert_eq!(g.kind, crate::model::dataset::GapKind::NotFound);
        assert!(
            g.span <= 31.0,
            "one month at most, not a year: {} days",
            g.span
        );
        assert_eq!(g.label_offset, 0.0);
        let undocumented = f
            .gaps
            .iter()
            .find(|g| d.gaps[g.idx].id == "gap-cmm-13-21")
            .unwrap();
        assert_eq!(
            undocumented.kind,
            crate::model::dataset::GapKind::Undocumented
        );
        // On a narrow timeline zoomed in before the flag, its label reaches in from more than
        // the screens spans are drawn beyond: the flag is still whole, its width not negative.
        let flag = d.gaps.iter().find(|g| g.id == "gap-cmm-24").unwrap();
        let at = flag.date.axis_start();
        let mut v = Viewport::fit(t.bounds, 100.0);
        v.set_window(at - 24.5, at - 17.5);
        assert!(
            t.frame(&v, Lang::En, 0.0)
                .gaps
                .iter()
                .any(|g| g.kind == flag.kind)
        );
        for g in t.frame(&v, Lang::En, 0.0).gaps {
            assert!(g.span >= 0.0, "{g:?}");
        }
    }

    /// The labels of the undocumented band and of the "nothing found" flag share the lane's
    /// bottom strip and never overlap, at any width and zoom.
    #[test]
    fn gap_labels_never_overlap() {
        // The shipped data (one band, one flag) and the same with a second flag two months
        // before the first, as a later search could add.
        let shipped = shipped();
        let mut two_flags = shipped.clone();
        let mut earlier = two_flags
            .gaps
            .iter()
            .find(|g| g.id == "gap-cmm-24")
            .unwrap()
            .clone();
        earlier.id = "gap-earlier".into();
        earlier.date =
            crate::model::DateSpec::single(crate::model::PartialDate::month(2026, 9).unwrap());
        two_flags.gaps.push(earlier);
        for d in [&shipped, &two_flags] {
            labels_disjoint(d);
        }
        // Zoomed in on the flag, its label has room for all of itself.
        let t = Timeline::build(&shipped, Lang::Fr, 0.0, |_| true);
        let mut v = Viewport::fit(t.bounds, 1_400.0);
        v.zoom_center(8.0);
        v.go_to_end();
        let f = t.frame(&v, Lang::Fr, 0.0);
        let flag = f.gaps.iter().find(|g| g.kind == GapKind::NotFound).unwrap();
        let full = f64::from(
            t.gaps
                .iter()
                .find(|g| g.kind == GapKind::NotFound)
                .unwrap()
                .label_px,
        );
        assert_eq!(flag.label_width, Some(full));
    }

    fn labels_disjoint(d: &crate::model::Dataset) {
        for lang in Lang::ALL {
            let t = Timeline::build(d, lang, 0.0, |_| true);
            for width in [390.0, 1_000.0, 1_400.0, 1_920.0] {
                let mut v = Viewport::fit(t.bounds, width);
                for step in 0..24 {
                    // At the end, and with the flag just beyond the right edge.
                    v.go_to_end();
                    if step % 2 == 1 {
                        v.pan_px(-0.3 * width);
                    }
                    let f = t.frame(&v, lang, 0.0);
                    let boxes: Vec<(f64, f64)> = f
                        .gaps
                        .iter()
                        .filter_map(|g| {
                            let x0 = g.at * f.px_per_day - f.shift;
                            g.label_box(x0, x0 + g.span * f.px_per_day)
                        })
                        .collect();
                    for (i, a) in boxes.iter().enumerate() {
                        assert!(a.1 - a.0 >= MIN_GAP_LABEL_PX, "{a:?}");
                        let on_screen = a.0 >= -1e-9 && a.1 <= width + 1e-9;
                        assert!(on_screen, "{lang:?} {width}: off screen {a:?}");
                        for b in &boxes[i + 1..] {
                            assert!(a.1 <= b.0 || b.1 <= a.0, "{lang:?} {width}: {a:?} {b:?}");
                        }
                    }
                    if step % 2 == 1 {
                        v.zoom_center(1.5);
                    }
                }
            }
        }
    }

    #[test]
    fn axis_of_the_full_view_is_in_years_or_coarser() {
        let d = shipped();
        let t = Timeline::build(&d, Lang::En, 0.0, |_| true);
        let v = Viewport::fit(t.bounds, 1_400.0);
        assert!(ticks::axis(&v, Lang::En, 56.0).unit >= ticks::Unit::Year);
    }

    /// A timeline of deep time, from the formation of the Earth to the Moon landing, written for
    /// this test in TimelineJS's format.
    fn deep_time() -> Timeline {
        let file = r#"{"events": [
            {"start_date": {"year": "-4600000000"}, "text": {"headline": "Earth"}},
            {"start_date": {"year": "-541000000"}, "end_date": {"year": "-252000000"},
             "text": {"headline": "Era"}},
            {"start_date": {"year": "-300000"}, "text": {"headline": "Humans"}},
            {"start_date": {"year": "1969", "month": "7", "day": "20"},
             "text": {"headline": "Moon"}}
        ]}"#;
        let d = crate::model::import::import(file.as_bytes(), Some("deep.json"))
            .expect("imports")
            .dataset;
        Timeline::build(&d, Lang::En, 0.0, |_| true)
    }

    /// Zoomed into deep time the world would reach billions of pixels from the start of the
    /// bounds; the origin moves with the window instead, so everything drawn stays within what
    /// a browser can place, and still lands where the viewport puts it.
    #[test]
    fn deep_time_zoomed_in_stays_within_what_a_browser_can_place() {
        let t = deep_time();
        let year = |y: i64| crate::model::date::year_start(y);
        let windows = [
            (t.bounds.start, t.bounds.end),
            (year(-299_999) - 3_650.0, year(-299_999) + 3_650.0),
            (year(-400_000_000), year(-399_999_000)),
            (year(1969) + 190.0, year(1969) + 220.0),
        ];
        for (a, b) in windows {
            let mut v = Viewport::fit(t.bounds, 1_400.0);
            v.set_window(a, b);
            let mut origins = std::collections::BTreeSet::new();
            for step in 0..40 {
                let f = t.frame(&v, Lang::En, 0.0);
                let ppd = f.px_per_day;
                origins.insert(t.origin(&v).0.to_bits());
                assert!(
                    f.shift.abs() <= MAX_WORLD_PX / 4.0,
                    "{a}: shift {}",
                    f.shift
                );
                for m in f.lanes.iter().flat_map(|l| l.iter()) {
                    let (x, w) = (m.x(ppd), m.width(ppd));
                    assert!(
                        x.abs() <= MAX_WORLD_PX && w <= MAX_WORLD_PX + 1.0,
                        "{a}: {m:?}"
                    );
                    if m.span.is_none() && (m.t0..=m.t1).contains(&v.t(700.0)) {
                        // A point or cluster is centred on its time, where the viewport says.
                        let centre = x + m.width(ppd) / 2.0 - f.shift;
                        assert!((centre - v.x((m.t0 + m.t1) / 2.0)).abs() < 1.0, "{m:?}");
                    }
                    if let Some(days) = m.span {
                        // A bar begins where the viewport puts its start, or before the window.
                        let drawn = m.at * ppd - f.shift;
                        assert!(drawn <= 0.0 || (drawn - v.x(m.t0)).abs() < 1.0, "{m:?}");
                        assert!(drawn + days * ppd >= v.width().min(v.x(m.t1)) - 1.0);
                    }
                }
                for tick in f.minor.iter().chain(&f.major) {
                    let x = tick.at * ppd - f.shift;
                    assert!(
                        (-1.0..=v.width() + 1.0).contains(&x),
                        "{a}: {tick:?} at {x}"
                    );
                }
                v.pan_px(if step < 20 { 37.0 } else { -37.0 });
            }
            // 40 pans of 37 px move the origin a few times at most: marks keep their geometry.
            assert!(origins.len() <= 3, "{a}: {} origins", origins.len());
        }
    }

    /// Every timeline of the real data fits the world: its origin never moves.
    #[test]
    fn the_real_dataset_never_moves_its_origin() {
        let t = Timeline::build(&shipped(), Lang::En, 0.0, |_| true);
        let mut v = Viewport::fit(t.bounds, 1_920.0);
        v.set_window(
            t.bounds.start,
            t.bounds.start + crate::model::viewport::MIN_SPAN,
        );
        assert_eq!(t.origin(&v).0, t.bounds.start);
    }
}
