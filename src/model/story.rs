//! The story: the steps a reader is walked through one at a time ("Tell the story"), and their
//! order. By default, the commission's sessions and the gaps between them, so that the
//! undocumented stretches are steps too; with filters, what the filters show. A TimelineJS file
//! plays in its own order, its title slide first, as TimelineJS plays it.
//!
//! Which events: those the filters show, and, when no lane is chosen, those of the commission's
//! lane (a dataset without one: every lane). Which gaps: those of the same lanes that reach the
//! chosen years, unless a facet that only events have (domains, hosts, confidence, places, a
//! person) is set, since a gap cannot answer it. Order: by first day, then last day; at the same
//! dates an event before a gap, then by lane order, then by id, so the order never depends on the
//! file's.

use std::cmp::Ordering;

use super::dataset::{COMMISSION_LANE, Dataset, EventIdx, ImportFormat};
use super::filter::Filters;
use super::selection::Selection;

/// One step of the story.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The title card of an imported TimelineJS file: its title and description.
    Title,
    /// An event.
    Event(EventIdx),
    /// A gap, by index in the dataset.
    Gap(usize),
}

impl Step {
    /// What the step selects (a title card selects nothing).
    pub fn selection(self) -> Option<Selection> {
        match self {
            Step::Title => None,
            Step::Event(i) => Some(Selection::Event(i)),
            Step::Gap(g) => Some(Selection::Gap(g)),
        }
    }
}

// A step's place in the story: first day, last day, event (0) before gap (1), lane, id.
type Order<'a> = (i64, i64, u8, Option<usize>, &'a str);

/// The steps of the story of `d` under the filters `f`, in order.
pub fn steps(d: &Dataset, f: &Filters) -> Vec<Step> {
    if let Some(origin) = &d.origin
        && matches!(
            origin.format,
            ImportFormat::TimelinejsJson | ImportFormat::TimelinejsCsv
        )
    {
        return timelinejs_steps(d, f);
    }
    let lane_ok = |lane: &str| {
        if f.lanes.is_empty() {
            !d.lanes.iter().any(|l| l.id == COMMISSION_LANE) || lane == COMMISSION_LANE
        } else {
            f.lanes.contains(lane)
        }
    };
    let lane_rank = |lane: &str| d.lanes.iter().position(|l| l.id == lane);
    let mut keyed: Vec<(Order, Step)> = d
        .events
        .iter()
        .enumerate()
        .filter(|(_, e)| lane_ok(&e.lane) && f.matches(e))
        .map(|(i, e)| {
            let (a, b) = e.date.sort_key();
            (
                (a, b, 0, lane_rank(&e.lane), e.id.as_str()),
                Step::Event(EventIdx(i as u32)),
            )
        })
        .collect();
    let only_events = !(f.domains.is_empty()
        && f.hosts.is_empty()
        && f.places.is_empty()
        && f.confidence.is_empty()
        && f.person.is_none());
    if !only_events {
        keyed.extend(
            d.gaps
                .iter()
                .enumerate()
                .filter(|(_, g)| {
                    lane_ok(&g.lane)
                        && f.from.is_none_or(|from| g.date.axis_end() > from)
                        && f.to.is_none_or(|to| g.date.axis_start() <= to)
                })
                .map(|(i, g)| {
                    let (a, b) = g.date.sort_key();
                    ((a, b, 1, lane_rank(&g.lane), g.id.as_str()), Step::Gap(i))
                }),
        );
    }
    keyed.sort_by(|x, y| x.0.cmp(&y.0));
    keyed.into_iter().map(|(_, s)| s).collect()
}

/// A TimelineJS file's story: its title card (when the file has a title slide), then the events
/// the filters show, in the file's order.
fn timelinejs_steps(d: &Dataset, f: &Filters) -> Vec<Step> {
    let titled = !d.description.en.is_empty() || !title_is_file_name(d);
    titled
        .then_some(Step::Title)
        .into_iter()
        .chain(
            d.events
                .iter()
                .enumerate()
                .filter(|(_, e)| f.matches(e))
                .map(|(i, _)| Step::Event(EventIdx(i as u32))),
        )
        .collect()
}

// The importer titles a file without a title slide by its name: then there is no title card.
fn title_is_file_name(d: &Dataset) -> bool {
    let Some(file) = d.origin.as_ref().and_then(|o| o.file.as_deref()) else {
        return d.title.en.is_empty();
    };
    let name = file.rsplit(['/', '\\']).next().unwrap_or(file);
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    d.title.en == stem
}

/// The step a link asks for (`step`, counted from 1) among `count` steps, as an index: the first
/// when it names none or one that does not exist.
pub fn step_index(step: Option<usize>, count: usize) -> usize {
    match step {
        Some(n) if (1..=count).contains(&n) => n - 1,
        _ => 0,
    }
}

/// The step of `steps` that shows `selection`, if one does (the story starts where the reader is).
pub fn step_of(steps: &[Step], selection: Option<Selection>) -> Option<usize> {
    let s = selection?;
    steps.iter().position(|x| x.selection() == Some(s))
}

/// The next step from `at` by `delta` (−1 or +1), kept within the story.
pub fn moved(at: usize, delta: isize, count: usize) -> usize {
    match delta.cmp(&0) {
        Ordering::Less => at.saturating_sub(delta.unsigned_abs()),
        Ordering::Greater => (at + delta as usize).min(count.saturating_sub(1)),
        Ordering::Equal => at,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::dataset::{Confidence, GapKind};
    use crate::model::date::{DateSpec, PartialDate};
    use crate::model::shipped;

    fn ids(d: &Dataset, steps: &[Step]) -> Vec<String> {
        steps
            .iter()
            .map(|s| match *s {
                Step::Title => "title".to_string(),
                Step::Event(i) => d.event(i).unwrap().id.clone(),
                Step::Gap(g) => format!("gap:{}", d.gaps[g].id),
            })
            .collect()
    }

    /// By default: the commission's sessions and its gaps, in time order, the undocumented
    /// 13th–21st sessions a step between the 12th and the 22nd.
    #[test]
    fn the_default_story_is_the_sessions_and_the_gaps_between_them() {
        let d = shipped();
        let steps = steps(&d, &Filters::default());
        let sessions = d.sessions().len();
        let gaps = d.gaps.iter().filter(|g| g.lane == COMMISSION_LANE).count();
        assert_eq!(steps.len(), sessions + gaps);
        let order: Vec<String> = ids(&d, &steps);
        let at = |id: &str| order.iter().position(|x| x == id).unwrap();
        assert!(at("cmm-12") < at("cmm-22"), "{order:?}");
        let undocumented = d
            .gaps
            .iter()
            .find(|g| g.kind == GapKind::Undocumented && g.first_session == Some(13))
            .expect("the 13th–21st gap");
        let gap = at(&format!("gap:{}", undocumented.id));
        assert!(at("cmm-12") < gap && gap < at("cmm-22"), "{order:?}");
        for w in steps.windows(2) {
            let key = |s: Step| match s {
                Step::Event(i) => d.event(i).unwrap().date.sort_key(),
                Step::Gap(g) => d.gaps[g].date.sort_key(),
                Step::Title => unreachable!(),
            };
            assert!(key(w[0]) <= key(w[1]), "{w:?}");
        }
    }

    /// With filters, the story is what they show: other lanes when chosen, and no gaps once a
    /// facet only events have is set.
    #[test]
    fn filters_choose_the_steps() {
        let d = shipped();
        let exercises = Filters {
            lanes: ["exercise".to_string()].into(),
            ..Filters::default()
        };
        let steps_ex = steps(&d, &exercises);
        assert_eq!(steps_ex.len(), d.events_in_lane("exercise").count());
        let confirmed = Filters {
            confidence: [Confidence::Confirmed].into(),
            ..Filters::default()
        };
        let s = steps(&d, &confirmed);
        assert!(s.iter().all(|x| matches!(x, Step::Event(_))));
        assert!(s.iter().all(|x| match x {
            Step::Event(i) => {
                let e = d.event(*i).unwrap();
                e.lane == COMMISSION_LANE && e.confidence == Confidence::Confirmed
            }
            _ => false,
        }));
        let nothing = Filters {
            lanes: ["no-such-lane".to_string()].into(),
            ..Filters::default()
        };
        assert!(steps(&d, &nothing).is_empty());
    }

    /// Two steps on the same dates: the event first, then the gap; two events by lane, then id.
    #[test]
    fn ties_are_broken_the_same_way_whatever_the_file_order() {
        let mut d = shipped();
        let day = DateSpec::single(PartialDate::parse("2030-05-01").unwrap());
        let mut a = d.sessions()[0].clone();
        a.id = "tie-b".into();
        a.date = day.clone();
        let mut b = a.clone();
        b.id = "tie-a".into();
        let mut g = d.gaps[0].clone();
        g.id = "tie-gap".into();
        g.lane = COMMISSION_LANE.into();
        g.date = day;
        d.gaps.insert(0, g);
        d.events.push(a);
        d.events.push(b);
        let order = ids(&d, &steps(&d, &Filters::default()));
        let tail: Vec<&str> = order
            .iter()
            .rev()
            .take(3)
            .rev()
            .map(String::as_str)
            .collect();
        assert_eq!(tail, ["tie-a", "tie-b", "gap:tie-gap"]);
        d.events.reverse();
        let again = ids(&d, &steps(&d, &Filters::default()));
        assert_eq!(again, order);
    }

    /// A step from a link, counted from 1; nonsense gives the first.
    #[test]
    fn a_step_from_a_link() {
        assert_eq!(step_index(Some(3), 10), 2);
        assert_eq!(step_index(Some(10), 10), 9);
        for bad in [Some(0), Some(11), None] {
            assert_eq!(step_index(bad, 10), 0, "{bad:?}");
        }
        assert_eq!(moved(0, -1, 5), 0);
        assert_eq!(moved(4, 1, 5), 4);
        assert_eq!(moved(2, 1, 5), 3);
        assert_eq!(moved(0, 1, 0), 0);
    }

    #[test]
    fn the_story_starts_at_the_selection() {
        let d = shipped();
        let steps = steps(&d, &Filters::default());
        let i = d.events.iter().position(|e| e.id == "cmm-22").unwrap();
        let sel = Selection::Event(EventIdx(i as u32));
        let at = step_of(&steps, Some(sel)).unwrap();
        assert_eq!(steps[at], Step::Event(EventIdx(i as u32)));
        assert_eq!(step_of(&steps, None), None);
    }

    /// A TimelineJS file plays in its own order, title card first.
    #[test]
    fn a_timelinejs_file_plays_in_its_own_order_title_first() {
        let file = r#"{"title": {"text": {"headline": "Ours", "text": "About it"}},
            "events": [
              {"start_date": {"year": "2001"}, "text": {"headline": "Later"}},
              {"start_date": {"year": "1999"}, "text": {"headline": "Earlier"}}
            ]}"#;
        let d = crate::model::import::import(file.as_bytes(), Some("ours.json"))
            .unwrap()
            .dataset;
        let s = steps(&d, &Filters::default());
        assert_eq!(s[0], Step::Title);
        let titles: Vec<&str> = s[1..]
            .iter()
            .map(|x| match x {
                Step::Event(i) => d.event(*i).unwrap().title.en.as_str(),
                _ => "?",
            })
            .collect();
        assert_eq!(titles, ["Later", "Earlier"]);
        // No title slide: no title card.
        let bare = r#"{"events": [{"start_date": {"year": "2001"}, "text": {"headline": "A"}}]}"#;
        let d = crate::model::import::import(bare.as_bytes(), Some("bare.json"))
            .unwrap()
            .dataset;
        assert_eq!(steps(&d, &Filters::default()).len(), 1);
    }
}
