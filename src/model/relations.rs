//! How facts point at each other: the events a person took part in, the sessions before and after
//! a session, the gaps next to it, and the related events and gaps a record lists.

use super::dataset::{COMMISSION_LANE, Dataset, EventIdx};
use super::date::Day;

/// The events person `id` chaired or took part in, in date order.
pub fn events_of(d: &Dataset, id: &str) -> Vec<EventIdx> {
    let mut v: Vec<(EventIdx, _)> = d
        .indexed_events()
        .filter(|(_, e)| e.chairs.iter().chain(&e.participants).any(|p| p == id))
        .map(|(i, e)| (i, e.date.sort_key()))
        .collect();
    v.sort_unstable_by_key(|&(i, key)| (key, i));
    v.into_iter().map(|(i, _)| i).collect()
}

/// The commission sessions before and after event `idx` (in date order), if it is a session.
pub fn neighbour_sessions(d: &Dataset, idx: EventIdx) -> (Option<EventIdx>, Option<EventIdx>) {
    if d.event(idx).is_none_or(|e| e.lane != COMMISSION_LANE) {
        return (None, None);
    }
    let mut sessions: Vec<(EventIdx, _)> = d
        .indexed_events()
        .filter(|(_, e)| e.lane == COMMISSION_LANE)
        .map(|(i, e)| (i, e.date.sort_key()))
        .collect();
    sessions.sort_unstable_by_key(|&(i, key)| (key, i));
    let Some(p) = sessions.iter().position(|&(i, _)| i == idx) else {
        return (None, None);
    };
    (
        p.checked_sub(1).map(|q| sessions[q].0),
        sessions.get(p + 1).map(|s| s.0),
    )
}

/// The gaps of a session's lane whose span touches its neighbourhood — within about a year and a
/// half of the gap's edges, or inside it — so the record can explain what lies between.
pub fn gaps_next_to(d: &Dataset, idx: EventIdx) -> Vec<usize> {
    let Some(e) = d.event(idx).filter(|e| e.lane == COMMISSION_LANE) else {
        return Vec::new();
    };
    let (s, t) = (e.date.axis_start(), e.date.axis_end());
    const NEAR: Day = 550.0;
    d.gaps
        .iter()
        .enumerate()
        .filter(|(_, g)| g.lane == e.lane)
        .filter(|(_, g)| {
            let (a, b) = (g.date.axis_start(), g.date.axis_end());
            t >= a - NEAR && s <= b + NEAR
        })
        .map(|(i, _)| i)
        .collect()
}

/// What a record lists beside an event.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Related {
    /// The events it names as related, in the file's order (unknown ids are skipped).
    pub events: Vec<EventIdx>,
    /// The gaps it names as related and the gaps next to it, each once, in dataset order.
    pub gaps: Vec<usize>,
}

/// The related events and gaps of event `idx`.
pub fn related(d: &Dataset, idx: EventIdx) -> Related {
    let Some(e) = d.event(idx) else {
        return Related::default();
    };
    let events = e.related.iter().filter_map(|id| d.event_idx(id)).collect();
    let mut gaps: Vec<usize> = e
        .related
        .iter()
        .filter_map(|id| d.gap_idx(id))
        .chain(gaps_next_to(d, idx))
        .collect();
    gaps.sort_unstable();
    gaps.dedup();
    Related { events, gaps }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::shipped;

    fn ids(d: &Dataset, v: &[EventIdx]) -> Vec<String> {
        v.iter().map(|&i| d.event(i).unwrap().id.clone()).collect()
    }

    #[test]
    fn a_persons_events_in_date_order() {
        let d = shipped();
        let berrid = ids(&d, &events_of(&d, "berrid"));
        let (a, b) = (
            berrid.iter().position(|x| x == "cmm-22").unwrap(),
            berrid.iter().position(|x| x == "cmm-23").unwrap(),
        );
        assert!(a < b, "{berrid:?}");
        let keys: Vec<_> = events_of(&d, "berrid")
            .iter()
            .map(|&i| d.event(i).unwrap().date.sort_key())
            .collect();
        assert!(keys.windows(2).all(|w| w[0] <= w[1]), "date order");
        assert!(events_of(&d, "nobody").is_empty());
    }

    #[test]
    fn sessions_have_neighbours_other_events_none() {
        let d = shipped();
        let at = |id: &str| d.event_idx(id).unwrap();
        let name = |i: Option<EventIdx>| i.map(|i| d.event(i).unwrap().id.clone());
        let (prev, next) = neighbour_sessions(&d, at("cmm-22"));
        assert_eq!(name(prev).as_deref(), Some("cmm-2019-06"));
        assert_eq!(name(next).as_deref(), Some("cmm-23"));
        let (prev, next) = neighbour_sessions(&d, at("cmm-12"));
        assert_eq!((prev, name(next).as_deref()), (None, Some("cmm-2017-10")));
        assert_eq!(neighbour_sessions(&d, at("cmm-23")).1, None);
        assert_eq!(neighbour_sessions(&d, at("chergui-2022")), (None, None));
        assert_eq!(neighbour_sessions(&d, EventIdx(u32::MAX)), (None, None));
    }

    #[test]
    fn related_gaps_are_listed_once_whether_named_or_near() {
        let d = shipped();
        let at = |id: &str| d.event_idx(id).unwrap();
        let undocumented = d.gap_idx("gap-cmm-13-21").unwrap();
        // The 2017 session names the gap *and* lies inside it: listed once.
        let r = related(&d, at("cmm-2017-10"));
        assert_eq!(r.gaps.iter().filter(|&&g| g == undocumented).count(), 1);
        assert!(ids(&d, &r.events).contains(&"prazuck-visit-2017".to_string()));
        // The 22nd session does not name it, but follows it.
        assert!(related(&d, at("cmm-22")).gaps.contains(&undocumented));
        // An exercise has no neighbouring gaps.
        assert!(gaps_next_to(&d, at("chergui-2022")).is_empty());
        assert_eq!(related(&d, EventIdx(u32::MAX)), Related::default());
    }
}
