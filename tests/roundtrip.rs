//! Round trips through the exporters and the importers (native): our dataset → CSV / JSON →
//! read back by the importer keeps every event's id, dates with their precision, lane and source
//! addresses; the iCalendar export keeps ids and the spans dates mean; and a TimelineJS file, once
//! imported, goes out and comes back the same way.

use cooperation_timeline::model::export::{csv, ics, json};
use cooperation_timeline::model::import::import;
use cooperation_timeline::model::search::date_order;
use cooperation_timeline::model::{Dataset, Lang, load};

const SHIPPED: &[u8] = include_bytes!("../public/data/cooperation.json");
const OWN_TIMELINEJS: &[u8] = include_bytes!("data/import/example-timelinejs.json");

/// What a round trip must keep, per event: id, start, end (as written, so with their precision),
/// lane, and the addresses of its sources.
type Key = (String, String, String, String, Vec<String>);

fn keys(d: &Dataset) -> Vec<Key> {
    let mut k: Vec<Key> = d
        .events
        .iter()
        .map(|e| {
            (
                e.id.clone(),
                e.date.start.to_string(),
                e.date.end.map(|x| x.to_string()).unwrap_or_default(),
                e.lane.clone(),
                e.sources
                    .iter()
                    .filter_map(|id| d.source(id))
                    .map(|s| s.url.clone())
                    .collect(),
            )
        })
        .collect();
    k.sort();
    k
}

fn shipped() -> Dataset {
    load(SHIPPED).expect("the shipped dataset loads")
}

#[test]
fn our_dataset_through_csv_and_back_keeps_ids_dates_lanes_and_sources() {
    let d = shipped();
    for lang in Lang::ALL {
        let text = csv::to_csv(&d, &date_order(&d), lang);
        let back = import(text.as_bytes(), Some("export.csv"))
            .unwrap_or_else(|e| panic!("{lang:?}: the exported CSV imports: {e}"))
            .dataset;
        assert_eq!(keys(&back), keys(&d), "{lang:?}");
        // The lane labels travel too (in the language of the export).
        for l in &back.lanes {
            let original = d.lanes.iter().find(|x| x.id == l.id).expect("a known lane");
            assert_eq!(l.label.get(lang), original.label.get(lang));
        }
    }
}

#[test]
fn our_dataset_through_json_and_back_is_the_same_events() {
    let d = shipped();
    let text = json::to_json(&d, &date_order(&d));
    let back = import(text.as_bytes(), Some("export.json"))
        .expect("the exported JSON imports")
        .dataset;
    assert_eq!(keys(&back), keys(&d));
    assert!(
        back.origin.is_none(),
        "our own format stays ours, not 'imported'"
    );
    let exact = load(text.as_bytes()).expect("validate accepts the export");
    for e in &d.events {
        let b = exact.events.iter().find(|x| x.id == e.id).expect("kept");
        assert_eq!(
            b.date, e.date,
            "{}: the whole date, inferred and within included",
            e.id
        );
    }
}

/// The events of an iCalendar file: UID and the DTSTART/DTEND values (after unfolding).
fn calendar_events(text: &str) -> Vec<(String, String, String)> {
    let unfolded = text.replace("\r\n ", "");
    let mut out = Vec::new();
    let (mut uid, mut start, mut end) = (String::new(), String::new(), String::new());
    for line in unfolded.split("\r\n") {
        if let Some(v) = line.strip_prefix("UID:") {
            uid = v.to_string();
        } else if let Some(v) = line.strip_prefix("DTSTART;VALUE=DATE:") {
            start = v.to_string();
        } else if let Some(v) = line.strip_prefix("DTEND;VALUE=DATE:") {
            end = v.to_string();
        } else if line == "END:VEVENT" {
            out.push((
                std::mem::take(&mut uid),
                std::mem::take(&mut start),
                std::mem::take(&mut end),
            ));
        }
    }
    out
}

#[test]
fn the_calendar_keeps_ids_and_the_spans_the_dates_mean() {
    let d = shipped();
    let now = chrono::NaiveDate::from_ymd_opt(2026, 12, 2)
        .and_then(|x| x.and_hms_opt(8, 0, 0))
        .unwrap();
    let text = ics::to_ics(&d, &date_order(&d), Lang::En, now);
    let events = calendar_events(&text);
    assert_eq!(events.len(), d.events.len());
    let ymd = |n: i64| {
        let (y, m, d) = cooperation_timeline::model::date::ymd_of_day(n);
        format!("{y:04}{m:02}{d:02}")
    };
    for e in &d.events {
        let (_, start, end) = events
            .iter()
            .find(|(uid, _, _)| uid.split('@').next() == Some(e.id.as_str()))
            .unwrap_or_else(|| panic!("{} is in the calendar", e.id));
        assert_eq!(*start, ymd(e.date.first_day()), "{}", e.id);
        // DTEND is exclusive: the day after the last day the date can mean.
        if !end.is_empty() {
            assert_eq!(*end, ymd(e.date.last_day() + 1), "{}", e.id);
        }
    }
}

#[test]
fn an_imported_timelinejs_file_goes_out_and_comes_back() {
    let first = import(OWN_TIMELINEJS, Some("library.json"))
        .expect("the example imports")
        .dataset;
    assert_eq!(first.events.len(), 3);
    assert_eq!(first.periods.len(), 1);
    let all = date_order(&first);
    let again = import(json::to_json(&first, &all).as_bytes(), None)
        .expect("its JSON export imports")
        .dataset;
    assert_eq!(keys(&again), keys(&first));
    assert_eq!(again.periods, first.periods, "eras travel in our JSON");
    assert_eq!(
        again.origin, first.origin,
        "and so does 'imported, not audited'"
    );
    let via_csv = import(csv::to_csv(&first, &all, Lang::En).as_bytes(), None)
        .expect("its CSV export imports")
        .dataset;
    assert_eq!(keys(&via_csv), keys(&first));
}
