//! The timeline as a whole, built once per dataset and language: one indexed lane per lane of the
//! dataset (commission first), the label of every event, the gaps, and the per-frame layout of
//! every lane for a viewport. Also the keyboard model's geometry: which event comes next in a lane,
//! which is nearest in the lane above or below, and how to zoom until an event stands alone.

use super::dataset::{COMMISSION_LANE, Dataset, Event};
use super::date::{Day, Shape, day_number};
use super::layout::{self, Item, LaneIndex, Mark, MarkKind, Options};
use super::locale::session_short_label;
use super::text::Lang;
use super::ticks;
use super::viewport::{Bounds, Viewport};

/// Label widths are capped at this many pixels (the view cuts longer labels with an ellipsis).
pub const MAX_LABEL_PX: f64 = 190.0;

/// The text a marker is labelled with: a session's short name ("22nd", or "Oct 2017" for an
/// unnumbered one), or an event's title.
pub fn event_label(e: &Event, lang: Lang) -> String {
    if e.lane == COMMISSION_LANE {
        let start = e.date.start;
        session_short_label(
            lang,
            e.session_number,
            start.year_number(),
            start.month_number(),
        )
    } else {
        e.title.get(lang).to_string()
    }
}

/// An event in one line, for accessible names and announcements: "22nd session, 22nd Joint
/// Military Commission, 2–3 Dec 2024, Rabat".
pub fn event_description(e: &Event, lang: Lang) -> String {
    let mut parts = vec![];
    if e.lane == COMMISSION_LANE {
        parts.push(super::locale::session_label(lang, e.session_number));
    }
    parts.push(e.title.get(lang).to_string());
    parts.push(e.date.format(lang));
    if let Some(p) = &e.place {
        parts.push(p.name.get(lang).to_string());
    }
    parts.join(", ")
}

/// One lane, indexed.
#[derive(Debug, Clone)]
pub struct Lane {
    /// The lane's id.
    pub id: String,
    /// Its events, indexed by time.
    pub index: LaneIndex,
    /// Layout options (the commission lane is drawn larger).
    pub options: Options,
}

/// A gap drawn as a hatched band.
#[derive(Debug, Clone, PartialEq)]
pub struct GapBand {
    /// Index of the gap in the dataset.
    pub idx: usize,
    /// Position of its lane in [`Timeline::lanes`].
    pub lane: usize,
    /// Start on the time axis.
    pub start: Day,
    /// End on the time axis.
    pub end: Day,
}

/// Everything the view needs that does not change with the viewport.
#[derive(Debug, Clone)]
pub struct Timeline {
    /// The lanes, in display order; lanes without events are kept (they show as empty).
    pub lanes: Vec<Lane>,
    /// The label of each event (by dataset index).
    pub labels: Vec<String>,
    /// For each event (by dataset index), the position of its lane.
    pub lane_of: Vec<usize>,
    /// The gaps.
    pub gaps: Vec<GapBand>,
    /// The data's extent plus a margin.
    pub bounds: Bounds,
}

/// The options of a lane.
pub fn lane_options(lane_id: &str) -> Options {
    if lane_id == COMMISSION_LANE {
        Options {
            cluster_px: 32.0,
            marker_px: 18.0,
            max_rows: 2,
            // Session labels are bold and larger.
            px_per_char: 8.4,
            ..Options::default()
        }
    } else {
        Options {
            max_rows: 2,
            ..Options::default()
        }
    }
}

impl Timeline {
    /// Builds the timeline of the events of `d` for which `keep` holds (all of them for now;
    /// filters plug in here), labelled in `lang`.
    pub fn build(d: &Dataset, lang: Lang, keep: impl Fn(&Event) -> bool) -> Self {
        // The commission first, then the lanes in the file's order.
        let mut order: Vec<&str> = d.lanes.iter().map(|l| l.id.as_str()).collect();
        order.sort_by_key(|id| *id != COMMISSION_LANE);
        let position = |lane: &str| order.iter().position(|l| *l == lane);
        let labels: Vec<String> = d.events.iter().map(|e| event_label(e, lang)).collect();
        let mut items: Vec<Vec<Item>> = vec![Vec::new(); order.len()];
        let mut lane_of = vec![usize::MAX; d.events.len()];
        let options: Vec<Options> = order.iter().map(|id| lane_options(id)).collect();
        for (i, e) in d.events.iter().enumerate() {
            let Some(l) = position(&e.lane) else { continue };
            lane_of[i] = l;
            if keep(e) {
                items[l].push(Item {
                    idx: i as u32,
                    start: e.date.axis_start(),
                    end: e.date.axis_end(),
                    label_px: layout::label_width(&labels[i], options[l].px_per_char, MAX_LABEL_PX),
                });
            }
        }
        let gaps: Vec<GapBand> = d
            .gaps
            .iter()
            .enumerate()
            .filter_map(|(idx, g)| {
                Some(GapBand {
                    idx,
                    lane: position(&g.lane)?,
                    start: g.date.axis_start(),
                    end: g.date.axis_end(),
                })
            })
            .collect();
        let (first, last) = d
            .events
            .iter()
            .map(|e| (e.date.axis_start(), e.date.axis_end()))
            .chain(gaps.iter().map(|g| (g.start, g.end)))
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), (s, e)| {
                (a.min(s), b.max(e))
            });
        let bounds = if first.is_finite() {
            Bounds::around(first, last)
        } else {
            let today = today();
            Bounds::around(today - 365.0, today)
        };
        let lanes = order
            .iter()
            .zip(items)
            .zip(options)
            .map(|((id, items), options)| Lane {
                id: id.to_string(),
                index: LaneIndex::new(items),
                options,
            })
            .collect();
        Self {
            lanes,
            labels,
            lane_of,
            gaps,
            bounds,
        }
    }

    /// Lays out every lane for viewport `v`.
    pub fn layout(&self, v: &Viewport) -> Vec<Vec<Mark>> {
        self.lanes
            .iter()
            .map(|l| layout::layout_lane(&l.index, v, &l.options))
            .collect()
    }

    /// The item of event `idx`, if it is on the timeline.
    pub fn item(&self, idx: u32) -> Option<(usize, usize, Item)> {
        let lane = *self.lane_of.get(idx as usize)?;
        let items = self.lanes.get(lane)?.index.items();
        let pos = items.iter().position(|it| it.idx == idx)?;
        Some((lane, pos, items[pos]))
    }

    /// The next (`forward`) or previous event in the same lane, in time order.
    pub fn step(&self, idx: u32, forward: bool) -> Option<u32> {
        let (lane, pos, _) = self.item(idx)?;
        let items = self.lanes[lane].index.items();
        let next = if forward {
            pos.checked_add(1)
        } else {
            pos.checked_sub(1)
        }?;
        items.get(next).map(|it| it.idx)
    }

    /// The event in the nearest non-empty lane above (`down == false`) or below whose middle is
    /// closest in time to that of `idx`.
    pub fn cross(&self, idx: u32, down: bool) -> Option<u32> {
        let (lane, _, it) = self.item(idx)?;
        let mid = (it.start + it.end) / 2.0;
        let lanes: Box<dyn Iterator<Item = usize>> = if down {
            Box::new(lane + 1..self.lanes.len())
        } else {
            Box::new((0..lane).rev())
        };
        for l in lanes {
            let items = self.lanes[l].index.items();
            if let Some(best) = items.iter().min_by(|a, b| {
                let da = ((a.start + a.end) / 2.0 - mid).abs();
                let db = ((b.start + b.end) / 2.0 - mid).abs();
                da.total_cmp(&db)
            }) {
                return Some(best.idx);
            }
        }
        None
    }

    /// The first event of the first non-empty lane (where keyboard navigation starts), preferring
    /// one that is visible in `v`.
    pub fn first_visible(&self, v: &Viewport) -> Option<u32> {
        let visible = |it: &&Item| it.end >= v.start() && it.start <= v.end();
        self.lanes
            .iter()
            .find_map(|l| l.index.items().iter().find(visible).map(|it| it.idx))
            .or_else(|| {
                self.lanes
                    .iter()
                    .find_map(|l| l.index.items().first().map(|it| it.idx))
            })
    }

    /// Moves `v` so that event `idx` is on screen and drawn on its own, not inside a cluster:
    /// pans to it, then zooms in around it as many times as needed (a bounded number).
    pub fn bring_into_view(&self, v: &mut Viewport, idx: u32) {
        let Some((lane, _, it)) = self.item(idx) else {
            return;
        };
        v.reveal(it.start, it.end);
        for _ in 0..24 {
            let marks = layout::layout_lane(&self.lanes[lane].index, v, &self.lanes[lane].options);
            let alone = marks
                .iter()
                .any(|m| m.kind == MarkKind::Item(idx) && m.x1 >= 0.0 && m.x0 <= v.width());
            if alone || !v.can_zoom_in() {
                return;
            }
            let x = v.x((it.start + it.end) / 2.0);
            v.zoom_at(x.clamp(0.0, v.width()), 2.0);
            v.reveal(it.start, it.end);
        }
    }
}

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
}

/// A gap band.
#[derive(Debug, Clone, PartialEq)]
pub struct GapView {
    /// Index of the gap in the dataset.
    pub idx: usize,
    /// Position of its lane.
    pub lane: usize,
    /// Its start, in days from the start of the bounds.
    pub at: Day,
    /// Its length in days.
    pub span: Day,
    /// Offset (px) of its label inside the band, so the label stays on screen with the band.
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
    /// Marks per lane.
    pub lanes: Vec<Vec<MarkView>>,
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
    /// Today, in days from the start of the bounds, when it is inside the bounds.
    pub today: Option<Day>,
}

/// Minimum distance between minor tick labels (px).
pub const TICK_MIN_PX: f64 = 64.0;
/// Width reserved for a gap's label (px).
const GAP_LABEL_PX: f64 = 240.0;

impl Timeline {
    /// What to draw for viewport `v`, with axis labels in `lang`.
    pub fn frame(&self, v: &Viewport, lang: Lang, today: Day) -> Frame {
        let origin = self.bounds.start;
        let ppd = v.px_per_day();
        let lanes = self
            .layout(v)
            .into_iter()
            .zip(&self.lanes)
            .map(|(marks, lane)| {
                marks
                    .into_iter()
                    .map(|m| {
                        let (at, offset_px, span, body_px) = match m.kind {
                            // Anchors come from exact times (not back from pixels), so an
                            // unchanged mark has bit-identical geometry and keeps its key.
                            MarkKind::Cluster { .. } => {
                                let half = (m.x1 - m.x0) / 2.0;
                                (m.center_t - origin, -half, None, m.x1 - m.x0)
                            }
                            // A bar spans its dates; a point sits on the middle of its span.
                            MarkKind::Item(_) if m.x1 - m.x0 > lane.options.marker_px => {
                                (m.t0 - origin, 0.0, Some(m.t1 - m.t0), 0.0)
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
        let gaps = self
            .gaps
            .iter()
            .filter(|g| g.end > v.start() && g.start < v.end())
            .map(|g| {
                let (x0, x1) = (v.x(g.start), v.x(g.end));
                // Keep the label at the left of the visible part of the band.
                let offset = (0.0 - x0).max(0.0).min((x1 - x0 - GAP_LABEL_PX).max(0.0));
                GapView {
                    idx: g.idx,
                    lane: g.lane,
                    at: g.start - origin,
                    span: g.end - g.start,
                    label_offset: offset,
                }
            })
            .collect();
        let today =
            (today >= self.bounds.start && today <= self.bounds.end).then_some(today - origin);
        Frame {
            px_per_day: ppd,
            shift: (v.start() - origin) * ppd,
            lanes,
            minor,
            major,
            pinned,
            unit: axis.unit,
            gaps,
            today,
        }
    }
}

impl MarkView {
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

/// Today on the time axis (the local date of the browser or machine).
pub fn today() -> Day {
    day_number(chrono::Local::now().date_naive())
}

/// How an event is drawn, from its date.
pub fn shape_of(e: &Event) -> Shape {
    e.date.shape()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{load, ticks};

    fn shipped() -> Dataset {
        let bytes = include_bytes!("../../public/data/cooperation.json");
        load(bytes).expect("the shipped dataset loads")
    }

    #[test]
    fn commission_lane_comes_first_and_every_event_is_placed() {
        let d = shipped();
        let t = Timeline::build(&d, Lang::En, |_| true);
        assert_eq!(t.lanes[0].id, COMMISSION_LANE);
        let placed: usize = t.lanes.iter().map(|l| l.index.len()).sum();
        assert_eq!(placed, d.events.len());
        assert_eq!(t.gaps.len(), d.gaps.len());
    }

    #[test]
    fn labels_are_session_names_or_titles() {
        let d = shipped();
        let t = Timeline::build(&d, Lang::Fr, |_| true);
        let i = d.events.iter().position(|e| e.id == "cmm-22").unwrap();
        assert_eq!(t.labels[i], "22e");
        let j = d.events.iter().position(|e| e.id == "cmm-2019-06").unwrap();
        assert_eq!(t.labels[j], "juin 2019");
    }

    /// No two shown labels overlap, at any zoom and pan, in any lane, in any language.
    #[test]
    fn no_two_labels_overlap_on_the_real_dataset() {
        let d = shipped();
        for lang in Lang::ALL {
            let t = Timeline::build(&d, lang, |_| true);
            for width in [390.0, 1_000.0, 1_400.0] {
                let mut v = Viewport::fit(t.bounds, width);
                let mut checked = 0;
                while v.can_zoom_in() {
                    // Pan across the whole extent at this zoom, a screen at a time.
                    v.go_to_start();
                    loop {
                        for (l, marks) in t.layout(&v).iter().enumerate() {
                            assert_labels_disjoint(marks, &t.lanes[l].options, lang, &v);
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

    fn assert_labels_disjoint(marks: &[Mark], o: &Options, lang: Lang, v: &Viewport) {
        for (i, a) in marks.iter().enumerate() {
            for b in &marks[i + 1..] {
                if a.row != b.row {
                    continue;
                }
                if let (Some(la), Some(lb)) = (a.label, b.label) {
                    assert!(
                        la.1 + o.gap_px <= lb.0 || lb.1 + o.gap_px <= la.0,
                        "{lang:?} span {:.0} days: labels overlap {a:?} {b:?}",
                        v.span()
                    );
                }
                // A shown label never runs under another mark's body either.
                for (m, other) in [(a, b), (b, a)] {
                    if let Some((l0, l1)) = m.label {
                        assert!(
                            l1 <= other.x0 || other.x1 <= l0,
                            "label over a marker: {m:?} {other:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn keyboard_steps_within_a_lane_and_across_lanes() {
        let d = shipped();
        let t = Timeline::build(&d, Lang::En, |_| true);
        let id = |s: &str| d.events.iter().position(|e| e.id == s).unwrap() as u32;
        assert_eq!(t.step(id("cmm-22"), true), Some(id("cmm-23")));
        assert_eq!(t.step(id("cmm-22"), false), Some(id("cmm-2019-06")));
        assert_eq!(t.step(id("cmm-23"), true), None);
        assert_eq!(t.step(id("cmm-12"), false), None);
        let below = t.cross(id("cmm-22"), true).unwrap();
        assert_ne!(t.lane_of[below as usize], 0);
        assert_eq!(
            t.cross(id("cmm-22"), false),
            None,
            "nothing above the first lane"
        );
    }

    #[test]
    fn bring_into_view_separates_an_event_from_its_cluster() {
        let d = shipped();
        let t = Timeline::build(&d, Lang::En, |_| true);
        let idx = d
            .events
            .iter()
            .position(|e| e.id == "burkhard-loudiyi-2024")
            .unwrap() as u32;
        let mut v = Viewport::fit(t.bounds, 800.0);
        t.bring_into_view(&mut v, idx);
        let (lane, _, _) = t.item(idx).unwrap();
        let marks = &t.layout(&v)[lane];
        let m = marks
            .iter()
            .find(|m| m.kind == MarkKind::Item(idx))
            .expect("drawn alone");
        assert!(m.x1 >= 0.0 && m.x0 <= 800.0);
    }

    #[test]
    fn panning_keeps_every_mark_and_moves_only_the_shift() {
        let d = shipped();
        let t = Timeline::build(&d, Lang::En, |_| true);
        let mut v = Viewport::fit(t.bounds, 1_000.0);
        v.zoom_center(3.0);
        let a = t.frame(&v, Lang::En, 0.0);
        v.pan_px(37.0);
        let b = t.frame(&v, Lang::En, 0.0);
        assert!((b.shift - a.shift - 37.0).abs() < 1e-6);
        // Marks within the window keep their identity and geometry (rows are assigned from a
        // page-aligned start, so they do not depend on where the culling edge falls).
        let inner = |f: &Frame| -> Vec<MarkView> {
            f.lanes
                .iter()
                .flatten()
                .filter(|m| {
                    let x = m.x(f.px_per_day) - f.shift;
                    (50.0..950.0).contains(&x)
                })
                .cloned()
                .collect()
        };
        let bs = b.lanes.iter().flatten().collect::<Vec<_>>();
        let before = inner(&a);
        let same = before.iter().filter(|m| bs.contains(m)).count();
        assert!(
            same * 10 >= before.len() * 8,
            "{same} of {} unchanged",
            before.len()
        );
    }

    #[test]
    fn a_small_zoom_step_keeps_most_marks_and_draws_them_where_the_layout_put_them() {
        let d = shipped();
        let t = Timeline::build(&d, Lang::En, |_| true);
        let mut v = Viewport::fit(t.bounds, 1_200.0);
        v.zoom_center(4.0);
        let a = t.frame(&v, Lang::En, 0.0);
        v.zoom_at(500.0, 1.05);
        let b = t.frame(&v, Lang::En, 0.0);
        let ids =
            |f: &Frame| -> Vec<u64> { f.lanes.iter().flatten().map(MarkView::identity).collect() };
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

    #[test]
    fn today_is_drawn_only_inside_the_bounds() {
        let d = shipped();
        let t = Timeline::build(&d, Lang::En, |_| true);
        let v = Viewport::fit(t.bounds, 1_000.0);
        assert!(t.frame(&v, Lang::En, t.bounds.end - 1.0).today.is_some());
        assert!(t.frame(&v, Lang::En, t.bounds.end + 400.0).today.is_none());
    }

    #[test]
    fn the_undocumented_gap_is_in_the_commission_lane_with_its_label_on_screen() {
        let d = shipped();
        let t = Timeline::build(&d, Lang::En, |_| true);
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

    #[test]
    fn axis_of_the_full_view_is_in_years_or_coarser() {
        let d = shipped();
        let t = Timeline::build(&d, Lang::En, |_| true);
        let v = Viewport::fit(t.bounds, 1_400.0);
        assert!(ticks::axis(&v, Lang::En, 56.0).unit >= ticks::Unit::Year);
    }
}
