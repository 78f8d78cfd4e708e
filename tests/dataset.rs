//! The shipped dataset: it must load, validate and hold the sessions the fact sheet documents.
#![cfg(not(target_arch = "wasm32"))]

use cooperation_timeline::model::{self, Dataset, Lang};

fn shipped() -> Dataset {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/public/data/cooperation.json");
    let bytes = std::fs::read(path).expect("the dataset file exists");
    match model::load(&bytes) {
        Ok(d) => d,
        Err(model::Invalid(problems)) => {
            let lines: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
            panic!("the shipped dataset is invalid:\n{}", lines.join("\n"))
        }
    }
}

#[test]
fn shipped_dataset_validates() {
    shipped();
}

#[test]
fn holds_the_12th_22nd_and_23rd_sessions_with_chairs_and_dates() {
    let d = shipped();
    let find = |n: u32| {
        d.sessions()
            .into_iter()
            .find(|e| e.session_number == Some(n))
            .unwrap_or_else(|| panic!("session {n} missing"))
            .clone()
    };
    let expect = [
        (12, "25–27 Sept 2012", ["bennani", "guillaud"], None),
        (22, "2–3 Dec 2024", ["berrid", "burkhard"], Some("Rabat")),
        (23, "9–10 Dec 2025", ["berrid", "mandon"], Some("Paris")),
    ];
    for (n, date, chairs, place) in expect {
        let e = find(n);
        assert_eq!(e.date.format(Lang::En), date, "session {n}");
        assert_eq!(e.chairs, chairs, "session {n}");
        assert_eq!(
            e.place.as_ref().map(|p| p.name.en.as_str()),
            place,
            "session {n}"
        );
    }
}

#[test]
fn every_event_has_a_source_and_a_confidence() {
    let d = shipped();
    for e in &d.events {
        assert!(!e.sources.is_empty(), "{} has no source", e.id);
        for s in &e.sources {
            assert!(d.source(s).is_some(), "{} cites unknown source {s}", e.id);
        }
    }
}
