//! What is selected — an event or a gap — and what follows from it without a view: the time
//! span it covers ("zoom to selection") and how a link's ids resolve to it.

use super::dataset::{Dataset, EventIdx};
use super::date::Day;

/// What the record shows and the timeline highlights.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Selection {
    /// An event.
    Event(EventIdx),
    /// A gap, by its position in [`Dataset::gaps`].
    Gap(usize),
}

impl Selection {
    /// The selected event, if an event is selected.
    pub fn event(self) -> Option<EventIdx> {
        match self {
            Selection::Event(i) => Some(i),
            Selection::Gap(_) => None,
        }
    }

    /// The time span the selection covers on the axis, if it exists in `d`.
    pub fn span(self, d: &Dataset) -> Option<(Day, Day)> {
        let date = match self {
            Selection::Event(i) => &d.event(i)?.date,
            Selection::Gap(i) => &d.gaps.get(i)?.date,
        };
        Some((date.axis_start(), date.axis_end()))
    }

    /// The selection a link names: its event if that exists, else its gap.
    pub fn resolve(d: &Dataset, event: Option<&str>, gap: Option<&str>) -> Option<Self> {
        event
            .and_then(|id| d.event_idx(id))
            .map(Selection::Event)
            .or_else(|| gap.and_then(|id| d.gap_idx(id)).map(Selection::Gap))
    }

    /// The ids a link writes for this selection: `(event, gap)`.
    pub fn ids(self, d: &Dataset) -> (Option<String>, Option<String>) {
        match self {
            Selection::Event(i) => (d.event(i).map(|e| e.id.clone()), None),
            Selection::Gap(i) => (None, d.gaps.get(i).map(|g| g.id.clone())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::shipped;

    #[test]
    fn spans_cover_the_whole_date() {
        let d = shipped();
        let i = d.event_idx("cmm-22").unwrap();
        let (a, b) = Selection::Event(i).span(&d).unwrap();
        // 2–3 Dec 2024: two whole days.
        assert_eq!(b - a, 2.0);
        let g = d.gap_idx("gap-cmm-13-21").unwrap();
        let (a, b) = Selection::Gap(g).span(&d).unwrap();
        assert!(b - a > 365.0 * 10.0, "the undocumented gap spans a decade");
        assert_eq!(Selection::Event(EventIdx(u32::MAX)).span(&d), None);
        assert_eq!(Selection::Gap(usize::MAX).span(&d), None);
    }

    #[test]
    fn links_resolve_events_first_then_gaps_and_round_trip() {
        let d = shipped();
        let e = Selection::resolve(&d, Some("cmm-23"), Some("gap-cmm-13-21")).unwrap();
        assert_eq!(e, Selection::Event(d.event_idx("cmm-23").unwrap()));
        assert_eq!(e.ids(&d), (Some("cmm-23".into()), None));
        let g = Selection::resolve(&d, Some("no-such-event"), Some("gap-cmm-13-21")).unwrap();
        assert_eq!(g.ids(&d), (None, Some("gap-cmm-13-21".into())));
        assert_eq!(Selection::resolve(&d, Some("x"), None), None);
        assert_eq!(Selection::resolve(&d, None, None), None);
    }
}
