//! The visible events in our own format: a dataset that `validate` accepts, holding the chosen
//! events and exactly what they reference.
//!
//! What is kept, in the dataset's own order:
//! - the events at `visible` (in that order, each once), with `related` pruned to the events and
//!   gaps kept;
//! - the people they name (chairs, participants), the domains they concern and the places of the
//!   register their places name;
//! - the sources cited by any of those: the events and their notes, the people, their roles and
//!   their notes, the domains, the places' positions;
//! - the lanes the events are in. A lane with nothing in it would be an empty row in the app, and
//!   the kept events say which lanes matter; but a dataset needs at least one lane, so when no
//!   event is chosen every lane is kept and the file is a valid, empty dataset;
//! - the gaps whose lane is kept and whose sources (and notes' sources) are all kept, and the
//!   dataset's notes whose sources are all kept: a gap or caveat about the events left out is not
//!   about this view, and keeping it would mean keeping sources no kept event cites;
//! - both parties (the dataset is about them; people and places point to them), the title, the
//!   description, `as_of` and any other dataset-level field as they are.

use std::collections::HashSet;

use super::chosen;
use crate::model::dataset::{Dataset, EventIdx, Note};

/// The dataset cut down to the events at `visible` and what they reference (see the module
/// documentation for the rules).
pub fn subset(d: &Dataset, visible: &[EventIdx]) -> Dataset {
    let events: Vec<_> = chosen(d, visible).into_iter().cloned().collect();

    let people_ids: HashSet<&str> = events
        .iter()
        .flat_map(|e| e.chairs.iter().chain(&e.participants))
        .map(String::as_str)
        .collect();
    let people: Vec<_> = d
        .people
        .iter()
        .filter(|p| people_ids.contains(p.id.as_str()))
        .cloned()
        .collect();
    let domain_ids: HashSet<&str> = events
        .iter()
        .flat_map(|e| &e.domains)
        .map(String::as_str)
        .collect();
    let domains: Vec<_> = d
        .domains
        .iter()
        .filter(|x| domain_ids.contains(x.id.as_str()))
        .cloned()
        .collect();

    let place_ids: HashSet<&str> = events
        .iter()
        .flat_map(|e| e.place.iter().flat_map(|p| &p.ids))
        .map(String::as_str)
        .collect();
    let places: Vec<_> = d
        .places
        .iter()
        .filter(|p| place_ids.contains(p.id.as_str()))
        .cloned()
        .collect();

    let note_sources =
        |notes: &[Note]| -> Vec<String> { notes.iter().flat_map(|n| n.sources.clone()).collect() };
    let mut cited: HashSet<String> = HashSet::new();
    for e in &events {
        cited.extend(e.sources.iter().cloned());
        cited.extend(note_sources(&e.notes));
    }
    for p in &people {
        cited.extend(p.sources.iter().cloned());
        cited.extend(p.roles.iter().flat_map(|r| r.sources.iter().cloned()));
        cited.extend(note_sources(&p.notes));
    }
    for x in &domains {
        cited.extend(x.sources.iter().cloned());
    }
    cited.extend(
        places
            .iter()
            .filter_map(|p| p.position.as_ref().map(|pos| pos.source.clone())),
    );
    // Periods (imported eras) are drawn across every lane whatever the filters, so every view
    // shows them: they travel with their sources.
    for p in &d.periods {
        cited.extend(p.sources.iter().cloned());
    }
    let sources: Vec<_> = d
        .sources
        .iter()
        .filter(|s| cited.contains(&s.id))
        .cloned()
        .collect();

    let lanes_used: HashSet<&str> = events.iter().map(|e| e.lane.as_str()).collect();
    let lanes: Vec<_> = d
        .lanes
        .iter()
        .filter(|l| events.is_empty() || lanes_used.contains(l.id.as_str()))
        .cloned()
        .collect();
    let all_cited = |ids: &[String]| ids.iter().all(|id| cited.contains(id));
    let gaps: Vec<_> = d
        .gaps
        .iter()
        .filter(|g| {
            lanes.iter().any(|l| l.id == g.lane)
                && all_cited(&g.sources)
                && all_cited(&note_sources(&g.notes))
        })
        .cloned()
        .collect();
    let notes: Vec<_> = d
        .notes
        .iter()
        .filter(|n| all_cited(&n.sources))
        .cloned()
        .collect();

    let kept_ids: HashSet<String> = events
        .iter()
        .map(|e| e.id.clone())
        .chain(gaps.iter().map(|g| g.id.clone()))
        .collect();
    let events = events
        .into_iter()
        .map(|mut e| {
            e.related.retain(|id| kept_ids.contains(id));
            e
        })
        .collect();

    // Start from the whole dataset so that dataset-level fields (and any added later) travel.
    Dataset {
        lanes,
        domains,
        sources,
        people,
        events,
        gaps,
        notes,
        places,
        ..d.clone()
    }
}

/// The events at `visible` and what they reference, as a JSON file in our format (two-space
/// indentation, like the shipped file, and a final newline).
pub fn to_json(d: &Dataset, visible: &[EventIdx]) -> String {
    let mut text =
        serde_json::to_string_pretty(&subset(d, visible)).expect("a dataset serialises to JSON");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::dataset::{Domain, Event, Person, PlaceEntry};
    use crate::model::export::views::{filter_sets, visible};
    use crate::model::{load, shipped};

    /// What a round trip must keep, per event.
    fn key(d: &Dataset, e: &Event) -> (String, String, Option<String>, String, Vec<String>) {
        (
            e.id.clone(),
            e.date.start.to_string(),
            e.date.end.map(|x| x.to_string()),
            e.lane.clone(),
            e.sources
                .iter()
                .map(|s| d.source(s).expect("a known source").url.clone())
                .collect(),
        )
    }

    #[test]
    fn every_filtered_view_loads_back_with_the_same_events() {
        let d = shipped();
        for (name, f) in filter_sets(&d) {
            let vis = visible(&d, &f);
            assert_eq!(
                vis.is_empty(),
                name == "nothing",
                "{name} selects something"
            );
            let back =
                load(to_json(&d, &vis).as_bytes()).unwrap_or_else(|e| panic!("{name}: {}", e.0[0]));
            let want: Vec<_> = vis.iter().map(|&i| key(&d, d.event(i).unwrap())).collect();
            let got: Vec<_> = back.events.iter().map(|e| key(&back, e)).collect();
            assert_eq!(got, want, "{name}");
            // Precision survives (the strings above would too if it did not, so check it).
            for (e, &i) in back.events.iter().zip(&vis) {
                assert_eq!(e.date, d.event(i).unwrap().date, "{name} {}", e.id);
            }
        }
    }

    #[test]
    fn only_what_the_events_reference_is_kept() {
        let d = shipped();
        let vis = vec![d.event_idx("cmm-22").unwrap()];
        let out = subset(&d, &vis);
        let e = &out.events[0];
        assert_eq!(out.lanes.len(), 1);
        assert_eq!(out.lanes[0].id, "commission");
        // Every kept source is cited by something kept, and every cited source is kept.
        for p in &out.people {
            assert!(e.chairs.contains(&p.id) || e.participants.contains(&p.id));
        }
        for x in &out.domains {
            assert!(e.domains.contains(&x.id));
        }
        // The 22nd session was in Rabat: Rabat travels with it, with its position's source.
        assert_eq!(
            out.places.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(),
            ["rabat"]
        );
        let cited = cited_by(
            std::slice::from_ref(e),
            &out.people,
            &out.domains,
            &out.places,
        );
        let kept: HashSet<&str> = out.sources.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(kept, cited);
        assert!(out.sources.len() < d.sources.len());
        // `related` names only what is kept: cmm-22 relates to other events, all dropped here.
        let original = &d.events[vis[0].get()];
        assert!(!original.related.is_empty());
        let ids: HashSet<&str> = out.gaps.iter().map(|g| g.id.as_str()).collect();
        assert!(e.related.iter().all(|r| ids.contains(r.as_str())));
        assert_eq!(out.parties, d.parties);
        assert_eq!(out.title, d.title);
    }

    #[test]
    fn gaps_stay_only_with_their_lane_and_sources() {
        let d = shipped();
        let all: Vec<EventIdx> = d.indexed_events().map(|(i, _)| i).collect();
        assert_eq!(subset(&d, &all).gaps, d.gaps, "everything keeps every gap");
        assert_eq!(subset(&d, &all).notes, d.notes);
        assert_eq!(subset(&d, &all).sources.len(), d.sources.len() - unused(&d));
        let exercises: Vec<EventIdx> = d
            .indexed_events()
            .filter(|(_, e)| e.lane == "exercise")
            .map(|(i, _)| i)
            .collect();
        let out = subset(&d, &exercises);
        assert!(out.gaps.is_empty(), "the gaps are in the commission lane");
        assert!(out.lanes.iter().all(|l| l.id == "exercise"));
    }

    /// The sources that `events` (and their notes), `people` (their roles and notes), `domains`
    /// and `places` (their positions) cite: the tests' own count, independent of `subset`'s.
    fn cited_by<'a>(
        events: &'a [Event],
        people: &'a [Person],
        domains: &'a [Domain],
        places: &'a [PlaceEntry],
    ) -> HashSet<&'a str> {
        let ids = |v: &'a [String]| v.iter().map(String::as_str);
        let notes = |n: &'a [Note]| n.iter().flat_map(move |n| ids(&n.sources));
        let mut cited = HashSet::new();
        for e in events {
            cited.extend(ids(&e.sources).chain(notes(&e.notes)));
        }
        for p in people {
            cited.extend(ids(&p.sources).chain(notes(&p.notes)));
            cited.extend(p.roles.iter().flat_map(|r| ids(&r.sources)));
        }
        for x in domains {
            cited.extend(ids(&x.sources));
        }
        cited.extend(
            places
                .iter()
                .filter_map(|p| p.position.as_ref().map(|pos| pos.source.as_str())),
        );
        cited
    }

    /// Sources no event, person, role, note or domain cites (none, today).
    fn unused(d: &Dataset) -> usize {
        let cited = cited_by(&d.events, &d.people, &d.domains, &d.places);
        d.sources
            .iter()
            .filter(|s| !cited.contains(s.id.as_str()))
            .count()
    }

    #[test]
    fn an_empty_view_is_a_valid_empty_dataset_with_every_lane() {
        let d = shipped();
        let back = load(to_json(&d, &[]).as_bytes()).expect("an empty export loads");
        assert!(back.events.is_empty() && back.sources.is_empty() && back.gaps.is_empty());
        assert_eq!(back.lanes, d.lanes);
        assert_eq!(back.parties, d.parties);
    }

    #[test]
    fn the_output_is_pretty_json_ending_with_a_newline() {
        let d = shipped();
        let text = to_json(&d, &[EventIdx(0)]);
        assert!(text.starts_with("{\n  \"schema_version\": 1,"));
        assert!(text.ends_with("}\n"));
    }

    #[test]
    fn an_empty_list_is_left_out_and_read_back_empty() {
        // As in the shipped file, written by hand: an event's lists that would be empty are
        // not there (a synthetic event has ten; written as `[]`, they were a quarter of a
        // generated file's bytes).
        let mut d = shipped();
        let i = d.event_idx("cmm-22").unwrap();
        let e = &mut d.events[i.get()];
        assert!(!e.agenda.is_empty() && !e.related.is_empty());
        e.agenda.clear();
        e.related.clear();
        let all: Vec<EventIdx> = d.indexed_events().map(|(i, _)| i).collect();
        let text = to_json(&d, &all);
        assert!(!text.contains("[]"), "an empty list is written");
        assert!(!include_str!("../../../public/data/cooperation.json").contains("[]"));
        let back = load(text.as_bytes()).expect("the export loads");
        assert_eq!(back, subset(&d, &all), "the export reads back as it was");
        assert!(back.events[i.get()].agenda.is_empty() && back.events[i.get()].related.is_empty());
    }
}
