//! Moving between events with the keyboard: the next event in a lane, the nearest event in the
//! lane above or below, where to start, and how to zoom until an event stands alone. Every lookup
//! goes through the timeline's slots (where each event sits) and binary searches on a lane's
//! items, never a scan of the events, so a key press costs the same at a hundred thousand events.

use super::dataset::EventIdx;
use super::layout::{self, Item, MarkKind};
use super::timeline::Timeline;
use super::viewport::Viewport;

fn mid(it: &Item) -> f64 {
    (it.start + it.end) / 2.0
}

/// The item of `items` (sorted by midpoint) whose midpoint is nearest `t`; the earlier one on a
/// tie.
fn nearest(items: &[Item], t: f64) -> Option<&Item> {
    let p = items.partition_point(|it| mid(it) < t);
    let before = p.checked_sub(1).and_then(|q| items.get(q));
    match (before, items.get(p)) {
        (Some(a), Some(b)) => Some(if t - mid(a) <= mid(b) - t { a } else { b }),
        (a, b) => a.or(b),
    }
}

impl Timeline {
    /// Event `idx` on the timeline: its lane, its position in the lane and its item.
    pub fn item(&self, idx: EventIdx) -> Option<(usize, usize, Item)> {
        let s = self.slots.get(idx.get()).copied().flatten()?;
        let (lane, pos) = (s.lane as usize, s.pos as usize);
        let it = *self.lanes.get(lane)?.index.items().get(pos)?;
        Some((lane, pos, it))
    }

    /// The next (`forward`) or previous event in the same lane, in time order.
    pub fn step(&self, idx: EventIdx, forward: bool) -> Option<EventIdx> {
        let (lane, pos, _) = self.item(idx)?;
        let next = if forward {
            pos.checked_add(1)
        } else {
            pos.checked_sub(1)
        }?;
        self.lanes[lane]
            .index
            .items()
            .get(next)
            .map(|it| EventIdx(it.idx))
    }

    /// The event in the nearest non-empty lane above (`down == false`) or below whose middle is
    /// closest in time to that of `idx`.
    pub fn cross(&self, idx: EventIdx, down: bool) -> Option<EventIdx> {
        let (lane, _, it) = self.item(idx)?;
        let t = mid(&it);
        let mut lanes: Box<dyn Iterator<Item = usize>> = if down {
            Box::new(lane + 1..self.lanes.len())
        } else {
            Box::new((0..lane).rev())
        };
        lanes.find_map(|l| nearest(self.lanes[l].index.items(), t).map(|it| EventIdx(it.idx)))
    }

    /// Where keyboard navigation enters the events: in the first lane that has one, the first
    /// event whose middle is in the window of `v`; failing that, the first lane's event nearest
    /// the middle of the window.
    pub fn first_visible(&self, v: &Viewport) -> Option<EventIdx> {
        let in_window = self.lanes.iter().find_map(|l| {
            let items = l.index.items();
            let p = items.partition_point(|it| mid(it) < v.start());
            items.get(p).filter(|it| mid(it) <= v.end())
        });
        in_window
            .or_else(|| {
                let centre = (v.start() + v.end()) / 2.0;
                self.lanes
                    .iter()
                    .find_map(|l| nearest(l.index.items(), centre))
            })
            .map(|it| EventIdx(it.idx))
    }

    /// Moves `v` so that event `idx` is on screen and drawn on its own, not inside a cluster:
    /// pans to it, then zooms in around it as many times as needed (a bounded number).
    pub fn bring_into_view(&self, v: &mut Viewport, idx: EventIdx) {
        let Some((lane, _, it)) = self.item(idx) else {
            return;
        };
        v.reveal(it.start, it.end);
        for _ in 0..24 {
            let marks = layout::layout_lane(&self.lanes[lane].index, v, &self.lanes[lane].options);
            let alone = marks
                .iter()
                .any(|m| m.kind == MarkKind::Item(idx.0) && m.x1 >= 0.0 && m.x0 <= v.width());
            if alone || !v.can_zoom_in() {
                return;
            }
            let x = v.x((it.start + it.end) / 2.0);
            v.zoom_at(x.clamp(0.0, v.width()), 2.0);
            v.reveal(it.start, it.end);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::dataset::COMMISSION_LANE;
    use crate::model::shipped;
    use crate::model::synthetic;
    use crate::model::text::Lang;
    use crate::model::viewport::Bounds;

    #[test]
    fn keyboard_steps_within_a_lane_and_across_lanes() {
        let d = shipped();
        let t = Timeline::build(&d, Lang::En, 0.0, |_| true);
        let id = |s: &str| d.event_idx(s).unwrap();
        assert_eq!(t.step(id("cmm-22"), true), Some(id("cmm-23")));
        assert_eq!(t.step(id("cmm-22"), false), Some(id("cmm-2019-06")));
        assert_eq!(t.step(id("cmm-23"), true), None);
        assert_eq!(t.step(id("cmm-12"), false), None);
        let below = t.cross(id("cmm-22"), true).unwrap();
        assert_ne!(t.lane_of(below), Some(0));
        assert_eq!(
            t.cross(id("cmm-22"), false),
            None,
            "nothing above the first lane"
        );
        // Filtered out: no steps from or to it.
        let sessions = Timeline::build(&d, Lang::En, 0.0, |e| e.lane == COMMISSION_LANE);
        assert_eq!(sessions.step(id("chergui-2022"), true), None);
        assert_eq!(
            sessions.cross(id("cmm-22"), true),
            None,
            "the other lanes are empty"
        );
    }

    /// The binary searches agree with the obvious scans on a large synthetic dataset.
    #[test]
    fn lookups_agree_with_a_brute_force_scan() {
        let d = synthetic::generate(3_000, 7);
        let t = Timeline::build(&d, Lang::En, 0.0, |_| true);
        let brute_cross = |idx: EventIdx, down: bool| -> Option<EventIdx> {
            let (lane, _, it) = t.item(idx)?;
            let m = mid(&it);
            let lanes: Vec<usize> = if down {
                (lane + 1..t.lanes.len()).collect()
            } else {
                (0..lane).rev().collect()
            };
            lanes.into_iter().find_map(|l| {
                let items = t.lanes[l].index.items();
                let best = items
                    .iter()
                    .map(|x| (mid(x) - m).abs())
                    .fold(f64::INFINITY, f64::min);
                items
                    .iter()
                    .find(|x| (mid(x) - m).abs() == best)
                    .map(|x| EventIdx(x.idx))
            })
        };
        for (i, _) in d.indexed_events().step_by(7) {
            let (lane, pos, it) = t.item(i).unwrap();
            assert_eq!(t.lanes[lane].index.items()[pos], it);
            for down in [false, true] {
                let got = t.cross(i, down);
                let want = brute_cross(i, down);
                // Equal, or an equally near item (ties between several items).
                let dist = |x: Option<EventIdx>| {
                    x.and_then(|x| t.item(x))
                        .map(|(l, _, y)| (l, (mid(&y) - mid(&it)).abs()))
                };
                assert_eq!(dist(got), dist(want), "{i:?} down={down}");
            }
        }
    }

    #[test]
    fn navigation_starts_at_a_visible_event_or_the_nearest_one() {
        let d = shipped();
        let t = Timeline::build(&d, Lang::En, 0.0, |_| true);
        let mut v = Viewport::fit(t.bounds, 1_000.0);
        let first = t.first_visible(&v).unwrap();
        assert_eq!(t.lane_of(first), Some(0), "the commission lane first");
        // A window on December 2024 starts at the 22nd session.
        let (_, _, s22) = t.item(d.event_idx("cmm-22").unwrap()).unwrap();
        v.set_window(s22.start - 10.0, s22.end + 10.0);
        assert_eq!(t.first_visible(&v), d.event_idx("cmm-22"));
        // A window with no session in it: the first lane that has an event in it.
        v.set_window(s22.start - 400.0, s22.start - 300.0);
        let (lane, _, it) = t.item(t.first_visible(&v).unwrap()).unwrap();
        assert!((v.start()..=v.end()).contains(&mid(&it)));
        assert!(t.lanes[..lane].iter().all(|l| {
            l.index
                .items()
                .iter()
                .all(|x| !(v.start()..=v.end()).contains(&mid(x)))
        }));
        // Nothing in the window at all: the event nearest its middle.
        let sessions = Timeline::build(&d, Lang::En, 0.0, |e| e.lane == COMMISSION_LANE);
        let near = sessions.first_visible(&v).unwrap();
        assert_eq!(
            Some(near),
            d.event_idx("cmm-22"),
            "the next session is nearest"
        );
        let empty = Timeline::build(&d, Lang::En, 0.0, |_| false);
        assert_eq!(empty.first_visible(&v), None);
    }

    #[test]
    fn bring_into_view_separates_an_event_from_its_cluster() {
        let d = shipped();
        let t = Timeline::build(&d, Lang::En, 0.0, |_| true);
        let idx = d.event_idx("burkhard-loudiyi-2024").unwrap();
        let mut v = Viewport::fit(t.bounds, 800.0);
        t.bring_into_view(&mut v, idx);
        let (lane, _, _) = t.item(idx).unwrap();
        let marks = &t.layout(&v)[lane];
        let m = marks
            .iter()
            .find(|m| m.kind == MarkKind::Item(idx.0))
            .expect("drawn alone");
        assert!(m.x1 >= 0.0 && m.x0 <= 800.0);
        // An event that is not on the timeline leaves the view alone.
        let before = Viewport::fit(Bounds::around(0.0, 1_000.0), 800.0);
        let mut after = before;
        t.bring_into_view(&mut after, EventIdx(u32::MAX));
        assert_eq!(after, before);
    }
}
