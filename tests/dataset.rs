//! The shipped dataset: it must load, validate and say what the fact sheet says, no more. The tests
//! below each pin a fact the data once got wrong (confidence, dates, labels, hosts, domains,
//! tenures, wording), so a regression fails here.
#![cfg(not(target_arch = "wasm32"))]

use cooperation_timeline::model::{
    self, Confidence, Dataset, Event, Gap, GapKind, Lang, NoteKind, PartialDate, Text,
};

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

fn event<'a>(d: &'a Dataset, id: &str) -> &'a Event {
    d.events
        .iter()
        .find(|e| e.id == id)
        .unwrap_or_else(|| panic!("event {id} missing"))
}

fn gap<'a>(d: &'a Dataset, id: &str) -> &'a Gap {
    d.gaps
        .iter()
        .find(|g| g.id == id)
        .unwrap_or_else(|| panic!("gap {id} missing"))
}

fn date(s: &str) -> PartialDate {
    PartialDate::parse(s).unwrap()
}

/// Every language of a text.
fn langs(t: &Text) -> impl Iterator<Item = &str> {
    [Some(t.fr.as_str()), Some(t.en.as_str()), t.ar.as_deref()]
        .into_iter()
        .flatten()
}

/// Every piece of prose an event shows, in every language.
fn event_prose(e: &Event) -> Vec<&str> {
    let mut texts: Vec<&Text> = vec![&e.title, &e.summary];
    for list in [
        &e.agenda,
        &e.outcomes,
        &e.programme,
        &e.side_events,
        &e.decorations,
    ] {
        texts.extend(list.iter());
    }
    texts.extend(e.notes.iter().map(|n| &n.text));
    texts.extend(e.field_confidence.iter().map(|f| &f.note));
    texts.into_iter().flat_map(langs).collect()
}

/// Every piece of prose a gap shows, in every language.
fn gap_prose(g: &Gap) -> Vec<&str> {
    let mut texts: Vec<&Text> = vec![&g.title, &g.summary];
    texts.extend(g.notes.iter().map(|n| &n.text));
    texts.into_iter().flat_map(langs).collect()
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

/// The year of the October session is our inference (from a le360 article ID), so the session as a
/// whole cannot be `confirmed`.
#[test]
fn the_october_2017_session_is_an_inference() {
    let d = shipped();
    let e = event(&d, "cmm-2017-10");
    assert_eq!(e.confidence, Confidence::Inferred);
    assert!(e.date.inferred);
    assert!(
        e.notes.iter().any(|n| n.kind == NoteKind::Inference),
        "the reasoning must be given"
    );
}

/// A `not_found` gap is dated by when the search was made, not by when a session "should" have
/// been held: the 24th session's gap is the single date `as_of`, with no span across 2026.
#[test]
fn the_24th_session_gap_is_dated_by_the_search() {
    let d = shipped();
    let g = gap(&d, "gap-cmm-24");
    assert_eq!(g.kind, GapKind::NotFound);
    assert_eq!(
        g.date.end, None,
        "a span would suggest when one was expected"
    );
    assert_eq!(Some(g.date.start), d.as_of);
    assert_eq!(d.as_of, Some(date("2026-11")));
    assert!(
        g.summary.en.contains("as of November 2026")
            && g.summary.en.contains("does not prove that none took place"),
        "{}",
        g.summary.en
    );
    assert_eq!(g.sources.len(), 5, "the sources of the 23rd session, kept");
}

/// The appointment lane lists every holder of the two posts, including El Farouk, under whom no
/// session was found, so its label must not call them co-chairs.
#[test]
fn the_appointment_lane_does_not_call_every_holder_a_co_chair() {
    let d = shipped();
    let chairs: Vec<&str> = d
        .sessions()
        .iter()
        .flat_map(|e| e.chairs.iter().map(String::as_str))
        .collect();
    let appointees: Vec<&str> = d
        .events_in_lane("appointment")
        .filter_map(|e| e.participants.first().map(String::as_str))
        .collect();
    assert!(appointees.contains(&"el-farouk"), "{appointees:?}");
    assert!(
        !chairs.contains(&"el-farouk"),
        "the premise: El Farouk chaired no session"
    );

    let lane = d.lanes.iter().find(|l| l.id == "appointment").unwrap();
    for label in langs(&lane.label) {
        for claim in ["co-chair", "coprésid", "الرئيسين المشاركين"] {
            assert!(!label.contains(claim), "label {label:?} says {claim:?}");
        }
    }
    let description = lane.description.as_ref().expect("the lane is described");
    assert!(
        description.en.contains("not every holder co-chaired"),
        "{}",
        description.en
    );
    assert!(
        description
            .fr
            .contains("tous les titulaires n’ont pas coprésidé"),
        "{}",
        description.fr
    );
}

/// The exercise a URL names (as it appears in URLs, and as a note should write it), and the edition
/// if the URL gives one (`chebec-25` → 2025).
fn exercise_in_url(url: &str) -> Option<(&'static str, &'static str, Option<i32>)> {
    const NAMES: [(&str, &str); 6] = [
        ("chebec", "Chebec"),
        ("chebek", "Chebek"),
        ("chergui", "Chergui"),
        ("tafilalet", "Tafilalet"),
        ("african-lion", "African Lion"),
        ("oukaimeden", "Oukaïmeden"),
    ];
    let url = url.to_ascii_lowercase();
    NAMES.iter().find_map(|&(needle, shown)| {
        let at = url.find(needle)?;
        let digits: String = url[at + needle.len()..]
            .strip_prefix('-')
            .unwrap_or("")
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        let edition = match digits.len() {
            2 => digits.parse::<i32>().ok().map(|y| 2000 + y),
            4 => digits.parse().ok(),
            _ => None,
        };
        Some((needle, shown, edition))
    })
}

/// A citation whose address names another exercise or edition than the event it supports must
/// carry a note, on that event and citing that source, that names what the address names.
#[test]
fn a_source_naming_another_exercise_or_edition_carries_a_note() {
    let d = shipped();
    let mut flagged = Vec::new();
    for e in d.events_in_lane("exercise") {
        let year = e.date.start.year_number();
        for id in &e.sources {
            let url = &d.source(id).unwrap().url;
            let Some((needle, shown, edition)) = exercise_in_url(url) else {
                continue;
            };
            let same_exercise = e.id.starts_with(needle);
            let same_edition = edition.is_none_or(|y| i64::from(y) == year);
            if same_exercise && same_edition {
                continue;
            }
            let named = match (same_exercise, edition) {
                (true, Some(y)) => format!("{shown} {}", y % 100),
                _ => shown.to_string(),
            };
            flagged.push(format!("{} ← {id}", e.id));
            let explained = e.notes.iter().any(|n| {
                n.sources.contains(id)
                    && matches!(n.kind, NoteKind::Caveat | NoteKind::Conflict)
                    && n.text.en.contains(&named)
                    && n.text.fr.contains(&named)
            });
            assert!(
                explained,
                "{}: {url} names {named}, but no note citing {id} says so",
                e.id
            );
        }
    }
    // The cases the audit found, so a change to the matching above cannot silently skip them.
    for case in [
        "chebec-2024 ← le360-chebec-frigate-toulon",
        "chergui-2025 ← perspectivesmed-chebek",
        "alat-far-2021 ← aeronautique-2021-tafilalet",
    ] {
        assert!(
            flagged.iter().any(|f| f == case),
            "{case} not checked: {flagged:?}"
        );
    }

    // Chebec 23 cites an article whose address announces the "first" nuclear submarine in a
    // Moroccan–French exercise, which the 2024 entry reports.
    let chebec_2023 = event(&d, "chebec-2023");
    assert!(
        chebec_2023.notes.iter().any(|n| n.kind == NoteKind::Caveat
            && n.sources == ["le360-2023-chebec"]
            && n.text.en.contains("Chebec 2024")),
        "chebec-2023 lacks the caveat on le360-2023-chebec"
    );
}

/// Reasoning the fact sheet does not contain stays out: each phrase below was once in the data.
#[test]
fn no_reasoning_beyond_the_fact_sheet() {
    let d = shipped();
    let cases: [(&str, &[&str]); 7] = [
        (
            "chergui-2022",
            &["numbering", "numérotation", "same region", "même région"],
        ),
        (
            "chebec-start-1994",
            &[
                "numbering",
                "numérotation",
                "points to",
                "renvoie à",
                "1996",
            ],
        ),
        ("cmm-22", &["i.e. 3 December", "soit le 3 décembre"]),
        (
            "de-villiers-rabat",
            &["throughout that period", "pendant toute cette période"],
        ),
        ("berrid-mandon-paris-2025", &["Four days", "Quatre jours"]),
        (
            "mohammed-vi-b-2018",
            &["evening", "au soir", "time zone", "fuseau"],
        ),
        ("burkhard-loudiyi-2024", &["is received by", "est reçu par"]),
    ];
    for (id, phrases) in cases {
        for text in event_prose(event(&d, id)) {
            for phrase in phrases {
                assert!(!text.contains(phrase), "{id}: {phrase:?} in {text:?}");
            }
        }
    }
    for text in gap_prose(gap(&d, "gap-cmm-13-21")) {
        for phrase in ["may explain", "peuvent expliquer"] {
            assert!(
                !text.contains(phrase),
                "gap-cmm-13-21: {phrase:?} in {text:?}"
            );
        }
    }
    let apa = d.source("apanews-2024-22nd").unwrap();
    assert!(!apa.description.en.contains("3 December"));

    // The sheet marks "Chergui appears to continue the Tafilalet series" as its own inference: if
    // kept, it says so.
    let chergui = event(&d, "chergui-2022");
    for n in &chergui.notes {
        if n.text.en.contains("Tafilalet") {
            assert_eq!(n.kind, NoteKind::Inference);
            assert!(n.text.en.starts_with("Our inference"), "{}", n.text.en);
            assert!(n.text.fr.starts_with("Notre déduction"), "{}", n.text.fr);
        }
    }
}

/// A place is not a statement of who hosted: the sheet names no host for any exercise, for the
/// FREMM handover in Brest or for the multilateral 5+5 meeting.
#[test]
fn no_host_that_the_sources_do_not_state() {
    let d = shipped();
    let exercises: Vec<&Event> = d.events_in_lane("exercise").collect();
    assert!(exercises.len() >= 10);
    for e in exercises.into_iter().chain([
        event(&d, "fremm-delivery-2014"),
        event(&d, "five-plus-five-2022"),
    ]) {
        assert_eq!(e.host, None, "{} has a host", e.id);
    }
}

/// The 2012 source names land, maritime, air and medicine, in the context of the exercises.
#[test]
fn the_12th_session_has_only_the_domains_its_source_names() {
    let d = shipped();
    let e = event(&d, "cmm-12");
    assert_eq!(
        e.domains,
        ["land", "maritime", "air", "military-health", "exercises"]
    );
}

/// A role ends when the sheet dates the holder's next post: Burkhard was CEMAT until he became
/// CEMA (22 July 2021), Mandon CEMP until he took office as CEMA (1 September 2025).
#[test]
fn a_role_ends_where_the_next_post_begins() {
    let d = shipped();
    for (person, earlier, end) in [
        ("burkhard", "CEMAT", "2021-07-22"),
        ("mandon", "CEMP", "2025-09-01"),
    ] {
        let p = d.person(person).unwrap();
        let role = |abbr: &str| {
            p.roles
                .iter()
                .find(|r| r.title.en.contains(&format!("({abbr})")))
                .unwrap_or_else(|| panic!("{person}: no {abbr} role"))
        };
        assert_eq!(role(earlier).to, Some(date(end)), "{person} {earlier}");
        assert_eq!(role("CEMA").from, Some(date(end)), "{person} CEMA");
    }
}

/// French wording as the sheet has it: the letter was published for the 25th Throne Day (not a
/// 25th anniversary), and the 23rd session "stressed" (souligné) widening the exchanges.
#[test]
fn french_wording_follows_the_sheet() {
    let d = shipped();
    let letter = event(&d, "macron-letter-2024");
    assert!(letter.summary.fr.contains("la 25e fête du Trône"));
    assert!(!letter.summary.fr.contains("anniversaire"));
    assert!(letter.summary.en.contains("25th Throne Day"));

    let cmm23 = event(&d, "cmm-23");
    let prose = event_prose(cmm23);
    assert!(prose.iter().all(|t| !t.contains("souhait")), "{prose:?}");
    assert!(cmm23.summary.fr.contains("souligné l’élargissement"));
    assert!(cmm23.summary.en.contains("stressed widening"));
    for outcome in &cmm23.outcomes {
        assert!(
            outcome.en.contains("stressed") && outcome.fr.contains("souligné"),
            "an outcome is what the sides stressed, not a decision: {outcome:?}"
        );
    }
}
