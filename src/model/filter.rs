//! Filters and facets: which events are shown (by lane, domain — any or all —, host party,
//! confidence, place, date range and person), the live counts of every facet value, the per-year
//! presence of each domain, and who took part in what. The timeline, the panels and the counts
//! all read the same [`Filters`], so they always agree.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::dataset::{Confidence, Dataset, Event, EventIdx};
use super::date::Day;

/// How selected domains combine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum DomainMode {
    /// An event in any of the selected domains.
    #[default]
    Any,
    /// Only events in all of them.
    All,
}

/// The host-party facet value for events whose host is not known.
pub const HOST_UNKNOWN: &str = "unknown";

/// What the user has narrowed the view to. Empty sets mean "no restriction".
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Filters {
    /// Lanes to show.
    pub lanes: BTreeSet<String>,
    /// Domains to require.
    pub domains: BTreeSet<String>,
    /// How the domains combine.
    pub domain_mode: DomainMode,
    /// Host parties (party ids, or [`HOST_UNKNOWN`]).
    pub hosts: BTreeSet<String>,
    /// Confidence levels.
    pub confidence: BTreeSet<Confidence>,
    /// Earliest day (events ending before it are hidden).
    pub from: Option<Day>,
    /// Latest day (events starting after it are hidden).
    pub to: Option<Day>,
    /// Show only the events of this person (chair or participant).
    pub person: Option<String>,
    /// Places of the register (ids): an event at any of them.
    #[serde(default)]
    pub places: BTreeSet<String>,
}

/// The events `f` lets through, in `order` (the list's and the exports' order is the date order,
/// `search::date_order`, computed once per dataset).
pub fn passing(d: &Dataset, f: &Filters, order: &[EventIdx]) -> Vec<EventIdx> {
    order
        .iter()
        .copied()
        .filter(|&i| d.event(i).is_some_and(|e| f.matches(e)))
        .collect()
}

/// One facet of the filters, for counting "what if this facet were not set".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Facet {
    Lane,
    Domain,
    Host,
    Confidence,
    Place,
}

impl Filters {
    /// Whether nothing is filtered.
    pub fn is_empty(&self) -> bool {
        *self
            == Filters {
                domain_mode: self.domain_mode,
                ..Filters::default()
            }
    }

    /// Whether event `e` passes every filter.
    pub fn matches(&self, e: &Event) -> bool {
        self.matches_except(e, None)
    }

    fn matches_except(&self, e: &Event, skip: Option<Facet>) -> bool {
        let ok = |facet: Facet, pass: bool| skip == Some(facet) || pass;
        ok(
            Facet::Lane,
            self.lanes.is_empty() || self.lanes.contains(&e.lane),
        ) && ok(Facet::Domain, self.domain_pass(e))
            && ok(
                Facet::Host,
                self.hosts.is_empty() || self.hosts.contains(host_of(e)),
            )
            && ok(
                Facet::Confidence,
                self.confidence.is_empty() || self.confidence.contains(&e.confidence),
            )
            && ok(Facet::Place, self.place_pass(e))
            && self.from.is_none_or(|f| e.date.axis_end() > f)
            && self.to.is_none_or(|t| e.date.axis_start() <= t)
            && self
                .person
                .as_ref()
                .is_none_or(|p| e.chairs.contains(p) || e.participants.contains(p))
    }

    fn place_pass(&self, e: &Event) -> bool {
        self.places.is_empty()
            || e.place
                .as_ref()
                .is_some_and(|p| p.ids.iter().any(|id| self.places.contains(id)))
    }

    /// Whether event `e` passes every filter but the places: what a place's count on the map
    /// counts, so that choosing one place leaves the others' counts as they were.
    pub fn matches_but_places(&self, e: &Event) -> bool {
        self.matches_except(e, Some(Facet::Place))
    }

    fn domain_pass(&self, e: &Event) -> bool {
        if self.domains.is_empty() {
            return true;
        }
        match self.domain_mode {
            DomainMode::Any => e.domains.iter().any(|d| self.domains.contains(d)),
            DomainMode::All => self.domains.iter().all(|d| e.domains.contains(d)),
        }
    }

    /// Adds `value` to `set` or removes it.
    pub fn toggle<T: Ord + Clone>(set: &mut BTreeSet<T>, value: &T) {
        if !set.remove(value) {
            set.insert(value.clone());
        }
    }
}

fn host_of(e: &Event) -> &str {
    e.host.as_deref().unwrap_or(HOST_UNKNOWN)
}

/// Live counts of every facet value: for each facet, how many events would show if that value
/// were chosen, given all the *other* filters (the usual faceted-search convention, so a count
/// never reads zero just because a sibling value is selected).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FacetCounts {
    /// Per lane id.
    pub lanes: Vec<(String, usize)>,
    /// Per domain id: events in that domain.
    pub domains: Vec<(String, usize)>,
    /// Per host (party id or [`HOST_UNKNOWN`]).
    pub hosts: Vec<(String, usize)>,
    /// Per confidence level.
    pub confidence: Vec<(Confidence, usize)>,
    /// Events passing every filter.
    pub total: usize,
}

/// Events counted per key, for a facet's values (lanes, hosts, domains: a handful to a few dozen
/// in any real file). Up to [`Tally::FEW`] keys are kept in a list and found by comparing
/// strings; past that, in a map. (Hashing every event's keys with std's SipHash was most of
/// the counting pass: 21 ms of a 10k-event first load in the page, where the code still runs as
/// baseline wasm.)
enum Tally<'a> {
    Few(Vec<(&'a str, usize)>),
    Many(rustc_hash::FxHashMap<&'a str, usize>),
}

impl<'a> Tally<'a> {
    const FEW: usize = 32;

    fn new() -> Self {
        Tally::Few(Vec::new())
    }

    fn add(&mut self, key: &'a str) {
        match self {
            Tally::Few(list) => {
                if let Some((_, n)) = list.iter_mut().find(|(k, _)| *k == key) {
                    *n += 1;
                } else if list.len() < Self::FEW {
                    list.push((key, 1));
                } else {
                    let mut map: rustc_hash::FxHashMap<_, _> = list.drain(..).collect();
                    map.insert(key, 1);
                    *self = Tally::Many(map);
                }
            }
            Tally::Many(map) => *map.entry(key).or_default() += 1,
        }
    }

    fn get(&self, key: &str) -> usize {
        match self {
            Tally::Few(list) => list.iter().find(|(k, _)| *k == key).map_or(0, |(_, n)| *n),
            Tally::Many(map) => map.get(key).copied().unwrap_or(0),
        }
    }
}

/// Counts every facet value of `d` under `f`, in one pass over the events.
pub fn facet_counts(d: &Dataset, f: &Filters) -> FacetCounts {
    let mut lanes = Tally::new();
    let mut domains = Tally::new();
    let mut hosts = Tally::new();
    let mut confidence = [0; 3];
    let mut total = 0;
    // With nothing filtered (every first load), every event passes every test below.
    let open = f.is_empty();
    let pass = |e: &Event, skip: Facet| open || f.matches_except(e, Some(skip));
    for e in &d.events {
        if pass(e, Facet::Lane) {
            lanes.add(e.lane.as_str());
        }
        if pass(e, Facet::Host) {
            hosts.add(host_of(e));
        }
        if pass(e, Facet::Confidence) {
            confidence[e.confidence as usize] += 1;
        }
        // A domain's count is what would show were it added to the selection: with "any", every
        // event in it (the others facets permitting); with "all", those also in every domain
        // already selected.
        let with_domain = match f.domain_mode {
            DomainMode::Any => true,
            DomainMode::All => f.domains.iter().all(|x| e.domains.contains(x)),
        };
        if with_domain && pass(e, Facet::Domain) {
            for x in &e.domains {
                domains.add(x.as_str());
            }
        }
        if open || f.matches(e) {
            total += 1;
        }
    }
    let host_ids = d
        .parties
        .iter()
        .map(|p| p.id.as_str())
        .chain([HOST_UNKNOWN]);
    FacetCounts {
        lanes: d
            .lanes
            .iter()
            .map(|l| (l.id.clone(), lanes.get(&l.id)))
            .collect(),
        domains: d
            .domains
            .iter()
            .map(|x| (x.id.clone(), domains.get(&x.id)))
            .collect(),
        hosts: host_ids.map(|h| (h.to_string(), hosts.get(h))).collect(),
        confidence: [
            Confidence::Confirmed,
            Confidence::Inferred,
            Confidence::Uncertain,
        ]
        .into_iter()
        .map(|c| (c, confidence[c as usize]))
        .collect(),
        total,
    }
}

/// The most cells a presence strip has: one per year up to this, and beyond it (a timeline of
/// millennia or of deep time) equal runs of years, so a strip stays a few hundred numbers.
pub const MAX_STRIP_CELLS: usize = 400;

// The strip cell of year `y` among `first..=last`, or `None` outside them.
fn strip_cell(y: i64, first: i64, last: i64) -> Option<usize> {
    if !(first..=last).contains(&y) {
        return None;
    }
    // In i64, not u128 (a call per event in wasm): years from -13.8 billion to 9999 span under
    // 2³⁶, times at most MAX_STRIP_CELLS stays far below 2⁶³.
    let years = last - first + 1;
    let cells = years.min(MAX_STRIP_CELLS as i64);
    usize::try_from((y - first).checked_mul(cells)? / years).ok()
}

// How many cells the strip of `first..=last` has.
fn strip_len(first: i64, last: i64) -> usize {
    usize::try_from((last - first + 1).clamp(0, MAX_STRIP_CELLS as i64)).unwrap_or(0)
}

/// Counts of a domain's events under the filters by year (or by runs of years, see
/// [`MAX_STRIP_CELLS`]): the strip that shows when a domain entered the cooperation. Years run
/// from `first_year` to `last_year` inclusive.
pub fn domain_presence(
    d: &Dataset,
    f: &Filters,
    domain: &str,
    first_year: i64,
    last_year: i64,
) -> Vec<usize> {
    let mut counts = vec![0; strip_len(first_year, last_year)];
    for e in d
        .events
        .iter()
        .filter(|e| e.domains.iter().any(|x| x == domain) && f.matches(e))
    {
        if let Some(c) = strip_cell(e.date.start.year_number(), first_year, last_year) {
            counts[c] += 1;
        }
    }
    counts
}

/// [`domain_presence`] for every domain of `d` at once (one pass over the events), in the
/// order of `d.domains`.
pub fn all_domain_presence(
    d: &Dataset,
    f: &Filters,
    first_year: i64,
    last_year: i64,
) -> Vec<(String, Vec<usize>)> {
    let years = strip_len(first_year, last_year);
    let index: rustc_hash::FxHashMap<&str, usize> = d
        .domains
        .iter()
        .enumerate()
        .map(|(i, x)| (x.id.as_str(), i))
        .collect();
    let mut strips = vec![vec![0; years]; d.domains.len()];
    for e in d.events.iter().filter(|e| f.matches(e)) {
        let Some(c) = strip_cell(e.date.start.year_number(), first_year, last_year) else {
            continue;
        };
        for x in &e.domains {
            if let Some(&i) = index.get(x.as_str()) {
                strips[i][c] += 1;
            }
        }
    }
    d.domains.iter().map(|x| x.id.clone()).zip(strips).collect()
}

/// The first and last year of the events of `d` (for the domain strips).
pub fn year_extent(d: &Dataset) -> Option<(i64, i64)> {
    let years = d.events.iter().flat_map(|e| {
        [
            e.date.start.year_number(),
            e.date.end.unwrap_or(e.date.start).year_number(),
        ]
    });
    let (lo, hi) = years.fold((i64::MAX, i64::MIN), |(a, b), y| (a.min(y), b.max(y)));
    (lo <= hi).then_some((lo, hi))
}

/// One row of the domains panel: a domain, how many events it has under the filters, and its
/// presence per year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DomainRow {
    /// The domain's id.
    pub id: String,
    /// Events that would show were it selected (see [`FacetCounts::domains`]).
    pub count: usize,
    /// Its events per year over the dataset's years, under every filter but the domain
    /// selection (so selecting a domain does not flatten the others).
    pub strip: Vec<usize>,
}

/// The rows of the domains panel, one per domain of `d` in the file's order, each matched to its
/// count and strip by id (never by position).
pub fn domain_rows(d: &Dataset, f: &Filters, counts: &FacetCounts) -> Vec<DomainRow> {
    let others = Filters {
        domains: BTreeSet::new(),
        ..f.clone()
    };
    let strips = year_extent(d)
        .map(|(a, b)| all_domain_presence(d, &others, a, b))
        .unwrap_or_default();
    d.domains
        .iter()
        .map(|x| DomainRow {
            id: x.id.clone(),
            count: counts
                .domains
                .iter()
                .find(|(id, _)| *id == x.id)
                .map_or(0, |(_, n)| *n),
            strip: strips
                .iter()
                .find(|(id, _)| *id == x.id)
                .map(|(_, s)| s.clone())
                .unwrap_or_default(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::dataset::COMMISSION_LANE;
    use crate::model::shipped;

    fn ids(d: &Dataset, f: &Filters) -> Vec<String> {
        d.events
            .iter()
            .filter(|e| f.matches(e))
            .map(|e| e.id.clone())
            .collect()
    }

    #[test]
    fn no_filter_shows_everything() {
        let d = shipped();
        let f = Filters::default();
        assert!(f.is_empty());
        assert_eq!(ids(&d, &f).len(), d.events.len());
        assert_eq!(facet_counts(&d, &f).total, d.events.len());
    }

    #[test]
    fn lane_host_confidence_and_dates_filter() {
        let d = shipped();
        let mut f = Filters::default();
        f.lanes.insert(COMMISSION_LANE.into());
        assert_eq!(ids(&d, &f).len(), 5);
        f.hosts.insert("fr".into());
        assert_eq!(ids(&d, &f), ["cmm-23"]);
        f.hosts = [HOST_UNKNOWN.to_string()].into();
        assert_eq!(
            ids(&d, &f),
            ["cmm-12"],
            "the 12th session's host is not known"
        );
        let mut g = Filters::default();
        g.lanes.insert(COMMISSION_LANE.into());
        g.from = Some(crate::model::date::day_number(
            chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
        ));
        assert_eq!(ids(&d, &g), ["cmm-22", "cmm-23"]);
        g.confidence.insert(Confidence::Uncertain);
        assert!(ids(&d, &g).is_empty());
        assert!(!g.is_empty());
    }

    #[test]
    fn domains_any_and_all() {
        let d = shipped();
        let mut f = Filters {
            domains: ["space".to_string(), "cyber".to_string()].into(),
            ..Filters::default()
        };
        let any = ids(&d, &f);
        f.domain_mode = DomainMode::All;
        let all = ids(&d, &f);
        assert!(all.len() <= any.len());
        assert!(all.iter().all(|id| any.contains(id)));
        for id in &all {
            let e = d.events.iter().find(|e| &e.id == id).unwrap();
            assert!(e.domains.contains(&"space".into()) && e.domains.contains(&"cyber".into()));
        }
        assert!(any.contains(&"burkhard-loudiyi-2024".to_string()));
    }

    #[test]
    fn facet_counts_ignore_their_own_facet_and_respect_the_others() {
        let d = shipped();
        let mut f = Filters::default();
        f.lanes.insert(COMMISSION_LANE.into());
        let c = facet_counts(&d, &f);
        // Lane counts are what each lane would show: not zeroed by the lane selection.
        let lane = |id: &str| c.lanes.iter().find(|(l, _)| l == id).unwrap().1;
        assert_eq!(lane(COMMISSION_LANE), 5);
        assert!(lane("exercise") > 0);
        // Host counts respect the lane filter.
        let host = |id: &str| c.hosts.iter().find(|(h, _)| h == id).unwrap().1;
        assert_eq!(host("ma") + host("fr") + host(HOST_UNKNOWN), 5);
        assert_eq!(host("fr"), 1);
        assert_eq!(c.total, 5);
        // Selecting a domain changes the other facets' counts.
        let mut g = Filters::default();
        g.domains.insert("space".into());
        let space = facet_counts(&d, &g);
        assert!(space.total < d.events.len());
        let space_count = space.domains.iter().find(|(x, _)| x == "space").unwrap().1;
        assert_eq!(space_count, space.total);
    }

    #[test]
    fn a_tally_counts_the_same_with_few_keys_and_with_many() {
        let keys: Vec<String> = (0..3 * Tally::FEW).map(|i| format!("k{i}")).collect();
        let mut t = Tally::new();
        // Each key i added i % 5 + 1 times, interleaved, so the list turns into a map midway.
        for round in 0..5 {
            for (i, k) in keys.iter().enumerate() {
                if i % 5 >= round {
                    t.add(k);
                }
            }
        }
        assert!(matches!(t, Tally::Many(_)));
        for (i, k) in keys.iter().enumerate() {
            assert_eq!(t.get(k), i % 5 + 1, "{k}");
        }
        assert_eq!(t.get("absent"), 0);
        let mut few = Tally::new();
        few.add("a");
        few.add("b");
        few.add("a");
        assert!(matches!(few, Tally::Few(_)));
        assert_eq!((few.get("a"), few.get("b"), few.get("c")), (2, 1, 0));
    }

    #[test]
    fn one_pass_counts_equal_counting_each_value_separately() {
        let d = shipped();
        let brute = |f: &Filters, pred: &dyn Fn(&Event) -> bool, skip: Facet| {
            d.events
                .iter()
                .filter(|e| pred(e) && f.matches_except(e, Some(skip)))
                .count()
        };
        let mut cases = vec![Filters::default()];
        let mut f = Filters::default();
        f.lanes.insert("exercise".into());
        f.domains.insert("maritime".into());
        cases.push(f.clone());
        f.domain_mode = DomainMode::All;
        f.domains.insert("training".into());
        f.hosts.insert("ma".into());
        cases.push(f);
        for f in &cases {
            let c = facet_counts(&d, f);
            for (id, n) in &c.lanes {
                assert_eq!(*n, brute(f, &|e| &e.lane == id, Facet::Lane), "lane {id}");
            }
            for (c, n) in &c.confidence {
                assert_eq!(*n, brute(f, &|e| e.confidence == *c, Facet::Confidence));
            }
            for (id, n) in &c.domains {
                let mut g = f.clone();
                g.domains.insert(id.clone());
                let expected = d
                    .events
                    .iter()
                    .filter(|e| e.domains.contains(id) && g.matches(e))
                    .count();
                assert_eq!(*n, expected, "domain {id} under {f:?}");
            }
        }
        let (a, b) = year_extent(&d).unwrap();
        for (id, strip) in all_domain_presence(&d, &Filters::default(), a, b) {
            assert_eq!(
                strip,
                domain_presence(&d, &Filters::default(), &id, a, b),
                "{id}"
            );
        }
    }

    #[test]
    fn presence_strips_count_per_year() {
        let d = shipped();
        let (a, b) = year_extent(&d).unwrap();
        let strip = domain_presence(&d, &Filters::default(), "space", a, b);
        assert_eq!(strip.len(), (b - a + 1) as usize);
        let total: usize = strip.iter().sum();
        let in_space = d
            .events
            .iter()
            .filter(|e| e.domains.contains(&"space".into()))
            .count();
        assert_eq!(total, in_space);
    }

    #[test]
    fn toggle_adds_then_removes_any_ordered_value() {
        let mut set = BTreeSet::new();
        Filters::toggle(&mut set, &Confidence::Inferred);
        assert!(set.contains(&Confidence::Inferred));
        Filters::toggle(&mut set, &Confidence::Inferred);
        assert!(set.is_empty());
        let mut ids: BTreeSet<String> = BTreeSet::new();
        Filters::toggle(&mut ids, &"space".to_string());
        assert_eq!(ids.len(), 1);
    }

    #[test]
    fn domain_rows_match_counts_and_strips_by_id_whatever_the_order() {
        let d = shipped();
        let f = Filters {
            domains: ["space".to_string()].into(),
            ..Filters::default()
        };
        let rows = domain_rows(&d, &f, &facet_counts(&d, &f));
        assert_eq!(rows.len(), d.domains.len());
        let space = rows.iter().find(|r| r.id == "space").unwrap();
        let in_space = d
            .events
            .iter()
            .filter(|e| e.domains.contains(&"space".into()))
            .count();
        assert_eq!(space.count, in_space);
        assert_eq!(space.strip.iter().sum::<usize>(), in_space);
        // The strips ignore the domain selection: another domain keeps its events.
        let training = rows.iter().find(|r| r.id == "training").unwrap();
        assert!(training.strip.iter().sum::<usize>() > 0);
        // Reordering the domains reorders the rows and keeps each row's numbers.
        let mut reversed = d.clone();
        reversed.domains.reverse();
        let again = domain_rows(&reversed, &f, &facet_counts(&reversed, &f));
        assert_eq!(
            again.first().map(|r| &r.id),
            reversed.domains.first().map(|x| &x.id)
        );
        for r in &again {
            assert_eq!(Some(r), rows.iter().find(|x| x.id == r.id));
        }
    }
}
