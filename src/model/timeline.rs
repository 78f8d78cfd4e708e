//! The timeline as a whole, built once per dataset, filters and language: one indexed lane per
//! lane of the dataset (commission first), the label of every event, where each event sits in its
//! lane, the gaps, and the bounds the view may roam. What is drawn for a viewport is in
//! [`super::frame`]; how the keyboard moves between events is in [`super::navigation`].

use super::dataset::{COMMISSION_LANE, Dataset, Event, EventIdx, GapKind};
use super::date::Day;
use super::labels::{event_label, gap_label};
use super::layout::{self, Item, LaneIndex, Options};
use super::text::Lang;
use super::viewport::Bounds;

/// Label widths are capped at this many pixels (the view cuts longer labels with an ellipsis).
pub const MAX_LABEL_PX: f64 = 190.0;

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

/// A gap on the timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct GapBand {
    /// Index of the gap in the dataset.
    pub idx: usize,
    /// What kind of gap it is.
    pub kind: GapKind,
    /// Position of its lane in [`Timeline::lanes`].
    pub lane: usize,
    /// Start on the time axis.
    pub start: Day,
    /// End on the time axis.
    pub end: Day,
    /// The width its label needs (px).
    pub label_px: f32,
}

/// Average width of a character of a gap's label (italic, 0.75rem), px.
const GAP_PX_PER_CHAR: f64 = 6.4;

/// Where an event sits: its lane and its position among that lane's items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Slot {
    pub lane: u32,
    pub pos: u32,
}

/// Everything the view needs that does not change with the viewport.
#[derive(Debug, Clone)]
pub struct Timeline {
    /// The lanes, in display order; lanes without events are kept (they show as empty).
    pub lanes: Vec<Lane>,
    /// The label of each session (by dataset index), `None` for the other events: their label
    /// is their title in [`Timeline::lang`], read from the dataset when asked ([`Timeline::label`])
    /// rather than copied for every event at each build.
    labels: Vec<Option<String>>,
    /// The language of the labels.
    lang: Lang,
    /// For each event (by dataset index), where it is on the timeline (`None` when filtered out
    /// or in an unknown lane), so a key press finds an event without a scan.
    pub(super) slots: Vec<Option<Slot>>,
    /// The gaps.
    pub gaps: Vec<GapBand>,
    /// The named periods (by dataset index): start and end on the axis.
    pub periods: Vec<(Day, Day)>,
    /// The data's extent plus a margin.
    pub bounds: Bounds,
}

/// Event `e`'s label in `lang`, given the one the timeline kept for it: a session's, made at
/// build (`event_label`); any other event's, its title, read when asked.
fn label_of<'a>(kept: Option<&'a str>, e: &'a Event, lang: Lang) -> &'a str {
    kept.unwrap_or_else(|| e.title.get(lang))
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
    /// Builds the timeline of the events of `d` for which `keep` holds (the filters), labelled
    /// in `lang`. `today` places the view when the dataset holds no dated thing at all.
    pub fn build(d: &Dataset, lang: Lang, today: Day, keep: impl Fn(&Event) -> bool) -> Self {
        // The commission first, then the lanes in the file's order.
        let (mut order, rest): (Vec<&str>, Vec<&str>) = d
            .lanes
            .iter()
            .map(|l| l.id.as_str())
            .partition(|id| *id == COMMISSION_LANE);
        order.extend(rest);
        let position = |lane: &str| order.iter().position(|l| *l == lane);
        let labels: Vec<Option<String>> = d
            .events
            .iter()
            .map(|e| (e.lane == COMMISSION_LANE).then(|| event_label(e, lang)))
            .collect();
        let mut items: Vec<Vec<Item>> = vec![Vec::new(); order.len()];
        let options: Vec<Options> = order.iter().map(|id| lane_options(id)).collect();
        for (i, e) in d.indexed_events() {
            let Some(l) = position(&e.lane) else { continue };
            if keep(e) {
                items[l].push(Item {
                    idx: i.0,
                    start: e.date.axis_start(),
                    end: e.date.axis_end(),
                    label_px: layout::label_width(
                        label_of(labels[i.get()].as_deref(), e, lang),
                        options[l].px_per_char,
                        MAX_LABEL_PX,
                    ),
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
                    kind: g.kind,
                    lane: position(&g.lane)?,
                    start: g.date.axis_start(),
                    end: g.date.axis_end(),
                    label_px: layout::label_width(&gap_label(g, lang), GAP_PX_PER_CHAR, 1e4),
                })
            })
            .collect();
        let periods: Vec<(Day, Day)> = d
            .periods
            .iter()
            .map(|p| (p.date.axis_start(), p.date.axis_end()))
            .collect();
        // The bounds cover every event, filtered or not, so filtering never moves the view.
        let (first, last) = d
            .events
            .iter()
            .map(|e| (e.date.axis_start(), e.date.axis_end()))
            .chain(gaps.iter().map(|g| (g.start, g.end)))
            .chain(periods.iter().copied())
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), (s, e)| {
                (a.min(s), b.max(e))
            });
        let bounds = if first.is_finite() {
            Bounds::around(first, last)
        } else {
            Bounds::around(today - 365.0, today)
        };
        let lanes: Vec<Lane> = order
            .iter()
            .zip(items)
            .zip(options)
            .map(|((id, items), options)| Lane {
                id: id.to_string(),
                index: LaneIndex::new(items),
                options,
            })
            .collect();
        let mut slots = vec![None; d.events.len()];
        for (l, lane) in lanes.iter().enumerate() {
            for (pos, it) in lane.index.items().iter().enumerate() {
                if let Some(s) = slots.get_mut(it.idx as usize) {
                    *s = Some(Slot {
                        lane: l as u32,
                        pos: pos as u32,
                    });
                }
            }
        }
        Self {
            lanes,
            labels,
            lang,
            slots,
            gaps,
            periods,
            bounds,
        }
    }

    /// The label of event `i` of `d`, the dataset it was built from (empty for an unknown
    /// index).
    pub fn label<'a>(&'a self, d: &'a Dataset, i: EventIdx) -> &'a str {
        match (self.labels.get(i.get()), d.event(i)) {
            (Some(kept), Some(e)) => label_of(kept.as_deref(), e, self.lang),
            (Some(Some(session)), None) => session,
            _ => "",
        }
    }

    /// The position of the lane event `i` is drawn in, if it is on the timeline.
    pub fn lane_of(&self, i: EventIdx) -> Option<usize> {
        self.slots
            .get(i.get())
            .copied()
            .flatten()
            .map(|s| s.lane as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::shipped;

    #[test]
    fn commission_lane_comes_first_and_every_event_is_placed_once() {
        let d = shipped();
        let t = Timeline::build(&d, Lang::En, 0.0, |_| true);
        assert_eq!(t.lanes[0].id, COMMISSION_LANE);
        let placed: usize = t.lanes.iter().map(|l| l.index.len()).sum();
        assert_eq!(placed, d.events.len());
        assert_eq!(t.gaps.len(), d.gaps.len());
        // Every event's slot points back at it.
        for (i, _) in d.indexed_events() {
            let s = t.slots[i.get()].expect("placed");
            let it = t.lanes[s.lane as usize].index.items()[s.pos as usize];
            assert_eq!(it.idx, i.0);
        }
    }

    #[test]
    fn filtered_out_events_have_no_slot_but_keep_their_label_and_the_bounds() {
        let d = shipped();
        let all = Timeline::build(&d, Lang::En, 0.0, |_| true);
        let sessions = Timeline::build(&d, Lang::En, 0.0, |e| e.lane == COMMISSION_LANE);
        assert_eq!(
            sessions.bounds, all.bounds,
            "filtering never moves the view"
        );
        let chergui = d.event_idx("chergui-2022").unwrap();
        assert_eq!(sessions.lane_of(chergui), None);
        assert!(!sessions.label(&d, chergui).is_empty());
        assert_eq!(sessions.lane_of(d.event_idx("cmm-22").unwrap()), Some(0));
        assert_eq!(all.label(&d, EventIdx(u32::MAX)), "");
    }

    /// A label read from the dataset when asked is the one `event_label` makes, session or not.
    #[test]
    fn every_event_is_labelled_as_event_label_labels_it() {
        let d = shipped();
        for lang in Lang::ALL {
            let t = Timeline::build(&d, lang, 0.0, |_| true);
            for (i, e) in d.indexed_events() {
                assert_eq!(t.label(&d, i), event_label(e, lang), "{}", e.id);
            }
        }
    }

    #[test]
    fn an_empty_dataset_is_placed_around_today() {
        let mut d = shipped();
        d.events.clear();
        d.gaps.clear();
        let t = Timeline::build(&d, Lang::En, 20_000.0, |_| true);
        assert!(t.bounds.start < 20_000.0 && t.bounds.end > 20_000.0);
    }
}
