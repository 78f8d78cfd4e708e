//! The importers on real files: TimelineJS's own examples (read from the shared fixtures, never
//! copied into the repo), our made-up fixtures for vis-timeline and CSV, bad inputs, and inputs
//! that must never panic.

use std::path::PathBuf;

use serde_json::Value;

use super::*;
use crate::model::{Lang, Precision};

/// The shared TimelineJS fixtures: the first of the two places that exists. A test fails, not
/// skips, when neither does.
fn timelinejs_dir() -> PathBuf {
    let candidates = [
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures/timelinejs"),
        PathBuf::from("/work/shared/fixtures/timelinejs"),
    ];
    candidates
        .iter()
        .find(|p| p.is_dir())
        .cloned()
        .unwrap_or_else(|| panic!("no TimelineJS fixtures in {candidates:?}"))
}

fn timelinejs(name: &str) -> Vec<u8> {
    let path = timelinejs_dir().join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn own_fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn ok(bytes: &[u8], file: &str) -> Imported {
    let imported = import(bytes, Some(file)).unwrap_or_else(|e| panic!("{file}: {e:?}"));
    // Every imported dataset passes validation (import checks it; this says so independently).
    assert_eq!(validate(&imported.dataset), vec![], "{file}");
    assert_eq!(imported.report.events, imported.dataset.events.len());
    assert_eq!(imported.report.periods, imported.dataset.periods.len());
    imported
}

fn err(bytes: &[u8]) -> Problem {
    match import(bytes, Some("x")) {
        Ok(i) => panic!("accepted: {:?}", i.report),
        Err(Invalid(p)) => p.into_iter().next().expect("a problem"),
    }
}

/// `p` is at `path` and its message contains `needle`.
fn assert_at(p: &Problem, path: &str, needle: &str) {
    assert_eq!(p.path, path, "{p}");
    assert!(p.message.contains(needle), "{path}: {}", p.message);
}

/// The report of `i` has `line`.
fn assert_noted(i: &Imported, line: ReportLine) {
    let notes = &i.report.notes;
    assert!(notes.contains(&line), "{line:?} not in {notes:?}");
}

fn event<'a>(d: &'a Dataset, title: &str) -> &'a Event {
    d.events
        .iter()
        .find(|e| e.title.en == title)
        .unwrap_or_else(|| panic!("no event titled {title:?}"))
}

fn source_urls(d: &Dataset, e: &Event) -> Vec<String> {
    e.sources
        .iter()
        .map(|id| d.source(id).expect("cited source exists").url.clone())
        .collect()
}

fn lane_label(d: &Dataset, e: &Event) -> String {
    d.lane_label(&e.lane, Lang::En)
}

/// Counts records and their Type column with a splitter independent of `csv.rs`: a quote
/// toggles "inside quotes" (a doubled quote toggles twice), and only line breaks and commas
/// outside quotes count.
fn csv_rows_by_type(text: &str) -> Vec<String> {
    let mut records: Vec<Vec<String>> = vec![];
    let mut fields = vec![String::new()];
    let mut inside = false;
    for c in text.chars() {
        match c {
            '"' => inside = !inside,
            ',' if !inside => fields.push(String::new()),
            '\n' if !inside => {
                records.push(std::mem::replace(&mut fields, vec![String::new()]));
            }
            '\r' if !inside => {}
            _ => fields.last_mut().unwrap().push(c),
        }
    }
    if fields.len() > 1 || !fields[0].is_empty() {
        records.push(fields);
    }
    let header = &records[0];
    let ty = header
        .iter()
        .position(|h| h == "Type")
        .expect("a Type column");
    records[1..]
        .iter()
        .map(|r| r[ty].trim().to_lowercase())
        .collect()
}

// ---- TimelineJS ----

#[test]
fn every_timelinejs_json_fixture_keeps_its_events_and_eras() {
    for name in ["cosmo.json", "eras.json", "marktwain.json", "welcome.json"] {
        let bytes = timelinejs(name);
        let raw: Value = serde_json::from_slice(&bytes).unwrap();
        let events = raw["events"].as_array().unwrap().len();
        let eras = raw
            .get("eras")
            .and_then(Value::as_array)
            .map_or(0, Vec::len);
        let imported = ok(&bytes, name);
        let d = &imported.dataset;
        assert_eq!((d.events.len(), d.periods.len()), (events, eras), "{name}");
        assert_eq!(imported.report.format, Some(ImportFormat::TimelinejsJson));
        assert_eq!(
            d.origin,
            Some(Origin {
                format: ImportFormat::TimelinejsJson,
                file: Some(name.into())
            })
        );
        assert!(
            d.events
                .iter()
                .all(|e| e.confidence == Confidence::Uncertain)
        );
        for e in &d.events {
            for t in [&e.title.en, &e.summary.en] {
                assert!(
                    !t.contains('<') || !t.contains('>'),
                    "{name}: markup kept in {t:?}"
                );
            }
        }
        assert_noted(&imported, ReportLine::Events(events));
    }
}

#[test]
fn eras_become_periods_and_dates_keep_their_precision() {
    let d = ok(&timelinejs("eras.json"), "eras.json").dataset;
    let p = d
        .periods
        .iter()
        .find(|p| p.title.en == "Era Test 650-700")
        .expect("the era");
    assert_eq!(p.date.start.to_string(), "0650");
    assert_eq!(p.date.end.map(|e| e.to_string()), Some("0700".into()));
    assert_eq!(p.date.precision(), Precision::Year);

    let e = event(&d, "Muhammad Migrates from Mecca to Medina");
    assert_eq!(e.date.start.to_string(), "0622-08-09");
    assert_eq!(e.date.end.map(|e| e.to_string()), Some("0622-08-23".into()));
    assert_eq!(e.date.precision(), Precision::Day);
    assert_eq!(e.lane, DEFAULT_LANE);
    assert_eq!(lane_label(&d, e), "Events");
    // The title slide titles the dataset.
    let raw: Value = serde_json::from_slice(&timelinejs("eras.json")).unwrap();
    let headline = raw["title"]["text"]["headline"].as_str().unwrap();
    assert_eq!(d.title.en, html::to_plain(headline).text);
}

#[test]
fn media_urls_and_links_become_sources() {
    let bytes = timelinejs("eras.json");
    let raw: Value = serde_json::from_slice(&bytes).unwrap();
    let d = ok(&bytes, "eras.json").dataset;
    let first = &raw["events"][0];
    let e = event(&d, first["text"]["headline"].as_str().unwrap());
    let url = first["media"]["url"].as_str().unwrap();
    assert_eq!(source_urls(&d, e)[0], url);
    let s = d.source(&e.sources[0]).unwrap();
    assert_eq!(s.publisher, super::host(url));
    assert!(!s.publisher.is_empty() && !s.publisher.contains('/'));
}

#[test]
fn welcome_reduces_html_in_headlines() {
    let d = ok(&timelinejs("welcome.json"), "welcome.json").dataset;
    // `<br/>` in a headline: titles are on one line.
    let e = event(&d, "Whitney Houston 1963-2012");
    assert_eq!(e.date.start.to_string(), "2012-02-11");
    assert_eq!(e.date.precision(), Precision::Day);
    let e = event(&d, "\"The Bodyguard\"");
    assert_eq!(e.date.precision(), Precision::Year);
}

#[test]
fn marktwain_drops_times_and_titles_untitled_slides() {
    let bytes = timelinejs("marktwain.json");
    let raw: Value = serde_json::from_slice(&bytes).unwrap();
    let imported = ok(&bytes, "marktwain.json");
    let filled = |v: &Value| {
        ["hour", "minute", "second", "millisecond"].iter().any(|k| {
            v.get(*k)
                .is_some_and(|x| x.as_str().is_none_or(|s| !s.trim().is_empty()))
        })
    };
    let times = raw["events"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|e| [e.get("start_date"), e.get("end_date")])
        .flatten()
        .filter(|d| filled(d))
        .count();
    assert!(times > 0);
    assert!(
        imported
            .report
            .notes
            .contains(&ReportLine::TimesDropped(times)),
        "{:?}",
        imported.report.notes
    );
    let d = &imported.dataset;
    // An empty headline: titled from its text, else its caption, never left blank.
    assert!(d.events.iter().all(|e| !e.title.en.trim().is_empty()));
    assert!(d.events.iter().any(|e| e.title.en == "a Youtube video"));
    // Fields TimelineJS does not define are reported, not silently lost.
    let Some(ReportLine::FieldsDropped(fields)) = imported
        .report
        .notes
        .iter()
        .find(|l| matches!(l, ReportLine::FieldsDropped(_)))
    else {
        panic!("no dropped fields in {:?}", imported.report.notes)
    };
    assert!(fields.contains(&"location".to_string()), "{fields:?}");
    // Repeated media URLs make one source.
    let mut urls: Vec<&str> = d.sources.iter().map(|s| s.url.as_str()).collect();
    urls.sort_unstable();
    let n = urls.len();
    urls.dedup();
    assert_eq!(urls.len(), n);
}

/// TimelineJS's cosmological example: deep time, known to the year, from the Big Bang to the
/// wheel, each year moved to astronomical numbering like any TimelineJS year before 0.
#[test]
fn cosmological_years_open_as_deep_time() {
    let bytes = timelinejs("cosmo.json");
    let raw: Value = serde_json::from_slice(&bytes).unwrap();
    let d = ok(&bytes, "cosmo.json").dataset;
    for (e, r) in d.events.iter().zip(raw["events"].as_array().unwrap()) {
        let year = |v: &Value| v["year"].as_str().unwrap().parse::<i64>().unwrap();
        assert_eq!(e.date.start.year_number(), year(&r["start_date"]) + 1);
        assert_eq!(e.date.precision(), Precision::Year);
        if let Some(end) = r.get("end_date") {
            assert_eq!(e.date.end.unwrap().year_number(), year(end) + 1);
        }
    }
    let big_bang = event(&d, "The Big Bang");
    assert_eq!(big_bang.date.start.to_string(), "-13799999999");
    assert_eq!(big_bang.date.format(Lang::En), "13.8 billion BC");
    assert_eq!(
        event(&d, "Paleozoic era").date.format(Lang::Fr),
        "538,8–251,902 millions av. J.-C."
    );
    // Deep dates sort and lie on the axis in their order.
    let starts: Vec<f64> = d.events.iter().map(|e| e.date.axis_start()).collect();
    assert!(starts.windows(2).all(|w| w[0] <= w[1]), "{starts:?}");
}

#[test]
fn years_beyond_deep_time_are_refused_with_their_path() {
    let bytes = String::from_utf8(timelinejs("cosmo.json"))
        .unwrap()
        .replacen("-13800000000", "-23800000000", 1);
    let p = err(bytes.as_bytes());
    assert_eq!(p.path, "events[0].start_date.year");
    assert_eq!(
        p.message,
        "year -23800000000 is outside the years this version can show (-19999999999 to 9999)"
    );
}

#[test]
fn the_timelinejs_csv_fixture_keeps_its_events_and_eras() {
    let bytes = timelinejs("my-own-timeline.csv");
    let types = csv_rows_by_type(std::str::from_utf8(&bytes).unwrap());
    let eras = types.iter().filter(|t| *t == "era").count();
    let events = types
        .iter()
        .filter(|t| *t != "era" && *t != "title")
        .count();
    let imported = ok(&bytes, "my-own-timeline.csv");
    let d = &imported.dataset;
    assert_eq!((d.events.len(), d.periods.len()), (events, eras));
    assert_eq!(imported.report.format, Some(ImportFormat::TimelinejsCsv));
    assert_eq!(d.title.en, "MY OWN CSV");
    assert!(d.description.en.starts_with("In this sample timeline"));

    let ada = event(d, "Ada Lovelace");
    assert_eq!(ada.date.start.to_string(), "1815-12-10");
    assert_eq!(
        ada.date.end.map(|e| e.to_string()),
        Some("1852-11-27".into())
    );
    assert!(!ada.summary.en.contains('<'), "{}", ada.summary.en);
    assert!(
        ada.summary.en.contains("Take Ada Lovelace: Daughter"),
        "{}",
        ada.summary.en
    );
    let urls = source_urls(d, ada);
    assert!(urls[0].ends_with("Ada_Lovelace_portrait.jpg"), "{urls:?}");
    assert!(urls.contains(&"https://en.wikipedia.org/wiki/Ada_Lovelace".to_string()));
    let wiki = d
        .sources
        .iter()
        .find(|s| s.url == "https://en.wikipedia.org/wiki/Analytical_Engine")
        .unwrap();
    assert_eq!(wiki.description.en, "Charles Babbage's Analytical Engine");
    assert_eq!(wiki.publisher, "en.wikipedia.org");

    let eniac = event(d, "...And the women who made it work");
    assert_eq!(eniac.date.start.to_string(), "1943-07");
    assert_eq!(eniac.date.start.precision(), Precision::Month);
    assert_eq!(eniac.date.end.map(|e| e.to_string()), Some("1946".into()));
    assert_eq!(
        event(d, "Karen Spärck Jones makes search possible")
            .date
            .start
            .to_string(),
        "1972"
    );
    // The Edith Clarke slide's media is a quotation, not a link.
    assert!(
        imported
            .report
            .notes
            .iter()
            .any(|l| matches!(l, ReportLine::EmbedsDropped(n) if *n >= 1))
    );
}

#[test]
fn the_plain_csv_parser_fixture_is_refused_plainly() {
    let p = err(&timelinejs("parser_test.csv"));
    assert_at(&p, "line 1", "this CSV has no start (or date) column: ");
    assert_at(&p, "line 1", "The header holds: title, count, description");
}

#[test]
fn groups_become_lanes() {
    let json = r#"{"events": [
        {"start_date": {"year": 2001}, "text": {"headline": "Example A"}, "group": "Example group"},
        {"start_date": {"year": "2002", "month": 3}, "text": {"headline": "Example B"}, "group": "Example group"},
        {"start_date": {"year": "2003"}, "text": {"headline": "Example C"}, "group": "Autre groupe é"},
        {"start_date": {"year": "2004"}, "text": {"headline": "Example D"}}
    ]}"#;
    let imported = ok(json.as_bytes(), "groups.json");
    let d = &imported.dataset;
    let lanes: Vec<(&str, &str)> = d
        .lanes
        .iter()
        .map(|l| (l.id.as_str(), l.label.en.as_str()))
        .collect();
    assert_eq!(
        lanes,
        [
            ("example-group", "Example group"),
            ("autre-groupe-e", "Autre groupe é"),
            ("events", "Events")
        ]
    );
    assert_eq!(event(d, "Example B").date.start.to_string(), "2002-03");
    assert_eq!(event(d, "Example B").lane, "example-group");
    assert_noted(&imported, ReportLine::Lanes(2));
    // No link anywhere: no source, and the report says so.
    assert!(d.sources.is_empty());
    assert_noted(&imported, ReportLine::WithoutSource(4));
}

#[test]
fn ids_come_from_unique_id_else_the_headline_and_stay_unique() {
    let json = r#"{"events": [
        {"start_date": {"year": "2001"}, "text": {"headline": "Same Title!"}},
        {"start_date": {"year": "2002"}, "text": {"headline": "Same title"}},
        {"start_date": {"year": "2003"}, "text": {"headline": "x"}, "unique_id": "given"},
        {"start_date": {"year": "2004"}, "text": {"headline": "y"}, "unique_id": "given"}
    ], "eras": [{"start_date": {"year": "2001"}, "end_date": {"year": "2002"}, "text": {"headline": "Given"}}]}"#;
    let imported = ok(json.as_bytes(), "ids.json");
    let ids: Vec<&str> = imported
        .dataset
        .events
        .iter()
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(ids, ["same-title", "same-title-2", "given", "given-2"]);
    assert_eq!(imported.dataset.periods[0].id, "given-3");
    assert_noted(&imported, ReportLine::IdsMadeUnique(1));
}

#[test]
fn the_timeline_wrapper_display_dates_and_backgrounds() {
    let json = r##"{"timeline": {"events": [
        {"start_date": {"year": "2001", "display_date": "Spring 2001"}, "display_date": "2001",
         "text": {"headline": "Example"}, "background": {"color": "#fff"},
         "media": {"url": "data:image/png;base64,xx", "thumbnail": "https://example.org/t.png"}}
    ], "scale": "human"}}"##;
    let imported = ok(json.as_bytes(), "wrapped.json");
    for line in [
        ReportLine::DisplayDatesDropped(2),
        ReportLine::MediaDropped(2),
        ReportLine::NonHttpDropped(1),
    ] {
        assert_noted(&imported, line);
    }
    assert!(imported.dataset.sources.is_empty());
}

#[test]
fn bad_timelinejs_values_are_placed_by_json_path() {
    for (json, path, needle) in [
        (
            r#"{"events": [{"start_date": {"year": "2001"}}, {"start_date": {"year": "2001", "month": "13"}}]}"#,
            "events[1].start_date.month",
            "\"13\" is not a month (1–12)",
        ),
        (
            r#"{"events": [{"start_date": {"year": "2001", "month": 2, "day": 30}}]}"#,
            "events[0].start_date.day",
            "not a real calendar date",
        ),
        (
            r#"{"events": [{"text": {"headline": "no date"}}]}"#,
            "events[0].start_date",
            "missing",
        ),
        (
            r#"{"events": [{"start_date": {"year": "2001"}, "end_date": {"year": "2000"}}]}"#,
            "events[0].end_date.year",
            "comes before the start",
        ),
        (
            r#"{"events": [{"start_date": {"year": [1]}}]}"#,
            "events[0].start_date.year",
            "expected a string or a number",
        ),
        (
            r#"{"events": [{"start_date": "2001"}]}"#,
            "events[0].start_date",
            "expected an object",
        ),
        (r#"{"events": [3]}"#, "events[0]", "expected an object"),
        (r#"{"events": [], "eras": {}}"#, "eras", "expected a list"),
        (r#"{"events": []}"#, ".", "no events"),
        (
            r#"{"timeline": {"events": [{"start_date": {"year": "x"}}]}}"#,
            "timeline.events[0].start_date.year",
            "not a year",
        ),
    ] {
        let p = err(json.as_bytes());
        assert_at(&p, path, needle);
    }
}

#[test]
fn bad_timelinejs_csv_values_are_placed_by_line_and_column() {
    let csv = "Year,Month,Day,Headline,Text\r\n2001,1,1,a,\"two\r\nlines\"\r\nMMI,,,b,\r\n";
    let p = err(csv.as_bytes());
    assert_eq!(p.path, "line 4, column Year");
    assert_eq!(p.message, "\"MMI\" is not a year");
    let p = err(b"Year,Month,Headline\n2001,13,a\n");
    assert_eq!(p.path, "line 2, column Month");
    let p = err(b"Year,Month,Headline\n2001,1\n");
    assert_at(&p, "line 2", "2 fields, but the header has 3");
}

// ---- vis-timeline ----

#[test]
fn vis_items_with_groups() {
    let bytes = own_fixture("vis-items-groups.json");
    let raw: Value = serde_json::from_slice(&bytes).unwrap();
    let items = raw["items"].as_array().unwrap();
    let backgrounds = items.iter().filter(|i| i["type"] == "background").count();
    let imported = ok(&bytes, "vis-items-groups.json");
    let d = &imported.dataset;
    assert_eq!(imported.report.format, Some(ImportFormat::Vis));
    assert_eq!(
        (d.events.len(), d.periods.len()),
        (items.len() - backgrounds, backgrounds)
    );

    let a = event(d, "Example event A");
    assert_eq!(
        (a.id.as_str(), lane_label(d, a).as_str()),
        ("1", "Example group one")
    );
    let b = event(d, "Example event B & more");
    assert_eq!(lane_label(d, b), "Example group two");
    assert_eq!(b.date.start.to_string(), "2014-04-14");
    // vis's end "2014-04-18" is the moment the 18th begins: the last day is the 17th.
    assert_eq!(b.date.end.map(|e| e.to_string()), Some("2014-04-17".into()));
    assert_eq!(b.summary.en, "See the example page");
    assert_eq!(source_urls(d, b), ["https://example.org/b"]);
    assert_eq!(
        d.source(&b.sources[0]).unwrap().description.en,
        "the example page"
    );
    let c = event(d, "Example event C");
    assert_eq!(c.date.start.to_string(), "2014-04-20");
    assert_eq!(c.lane, a.lane);
    // A group missing from `groups` is labelled by its id.
    let dd = event(d, "Example event D");
    assert_eq!(
        (lane_label(d, dd).as_str(), dd.date.precision()),
        ("9", Precision::Month)
    );
    assert_eq!(d.periods[0].title.en, "Example period");
    assert_eq!(
        d.periods[0].date.end.map(|e| e.to_string()),
        // Its end, "2014-04-30", is exclusive in vis.
        Some("2014-04-29".into())
    );

    for line in [
        ReportLine::StylesDropped(2),
        ReportLine::TimesDropped(1),
        ReportLine::NonHttpDropped(1),
        ReportLine::FieldsDropped(vec!["subgroup".into()]),
        ReportLine::Periods(1),
    ] {
        assert_noted(&imported, line);
    }
}

#[test]
fn vis_items_as_a_bare_array() {
    let bytes = own_fixture("vis-items.json");
    let raw: Value = serde_json::from_slice(&bytes).unwrap();
    let d = ok(&bytes, "vis-items.json").dataset;
    assert_eq!(d.events.len(), raw.as_array().unwrap().len());
    assert_eq!(d.lanes.len(), 1);
    let four = event(&d, "Example item four");
    assert_eq!(
        four.date.end.map(|e| e.to_string()),
        // An exclusive end, as vis means it.
        Some("2013-04-18".into())
    );
    assert_eq!(d.title.en, "vis-items");
}

#[test]
fn bad_vis_items_are_placed_by_json_path() {
    for (json, path, needle) in [
        (
            r#"[{"content": "a", "start": "2014-13-01"}]"#,
            "[0].start",
            "not a real calendar date",
        ),
        (
            r#"[{"content": "a", "start": "2014-01-01"}, {"content": "b"}]"#,
            "[1].start",
            "missing",
        ),
        (
            r#"{"items": [{"content": "a", "start": "soon"}]}"#,
            "items[0].start",
            "is not a date",
        ),
        (
            r#"{"items": [{"content": "a", "start": "2014", "end": "2013"}]}"#,
            "items[0].end",
            "before the start",
        ),
        (
            r#"{"items": [{"content": "a", "start": 1e300}]}"#,
            "items[0].start",
            "outside the years",
        ),
        (
            r#"{"items": [{"content": 5, "start": "2014"}]}"#,
            "items[0].content",
            "not a number",
        ),
        (
            r#"{"items": [], "groups": [{"content": "g"}]}"#,
            "groups[0].id",
            "needs an id",
        ),
    ] {
        let p = err(json.as_bytes());
        assert_at(&p, path, needle);
    }
}

// ---- plain CSV ----

/// id, start, end, lane id, lane label, place, summary, confidence, source URLs.
type Row<'a> = (
    &'a str,
    String,
    Option<String>,
    &'a str,
    &'a str,
    Option<&'a str>,
    &'a str,
    Confidence,
    Vec<String>,
);

#[test]
fn our_export_csv_imports_exactly() {
    let bytes = own_fixture("our-export.csv");
    let imported = ok(&bytes, "our-export.csv");
    let d = &imported.dataset;
    assert_eq!(imported.report.format, Some(ImportFormat::Csv));
    let rows: Vec<Row> = d
        .events
        .iter()
        .map(|e| {
            (
                e.id.as_str(),
                e.date.start.to_string(),
                e.date.end.map(|x| x.to_string()),
                e.lane.as_str(),
                d.lanes
                    .iter()
                    .find(|l| l.id == e.lane)
                    .unwrap()
                    .label
                    .en
                    .as_str(),
                e.place.as_ref().map(|p| p.name.en.as_str()),
                e.summary.en.as_str(),
                e.confidence,
                source_urls(d, e),
            )
        })
        .collect();
    let one = "https://example.org/one".to_string();
    let two = "https://example.org/two".to_string();
    assert_eq!(
        rows,
        [
            (
                "example-1",
                "2024".into(),
                None,
                "lane-a",
                "Example lane A",
                Some("Example City"),
                "A summary, with a comma and \"quotes\"",
                Confidence::Confirmed,
                vec![one.clone()]
            ),
            (
                "example-2",
                "2024-12".into(),
                Some("2025-01".into()),
                "lane-b",
                "Example lane B",
                None,
                "Two lines:\nsecond line",
                Confidence::Inferred,
                vec![two, one]
            ),
            (
                "example-3",
                "2024-12-02".into(),
                Some("2024-12-03".into()),
                "lane-a",
                "Example lane A",
                None,
                "",
                Confidence::Uncertain,
                vec![]
            ),
        ]
    );
    assert_eq!(d.sources.len(), 2);
    assert!(
        !imported
            .report
            .notes
            .iter()
            .any(|l| matches!(l, ReportLine::ColumnsDropped(_)))
    );
}

/// Our dataset written as the agreed CSV (the exporter's format) comes back with the same ids,
/// dates with precision, lanes and sources.
#[test]
fn the_shipped_dataset_round_trips_through_the_agreed_csv() {
    let d = crate::model::shipped();
    let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    let mut csv =
        String::from("id,title,start,end,lane,lane_label,place,summary,confidence,sources\r\n");
    for e in &d.events {
        let urls: Vec<&str> = e
            .sources
            .iter()
            .map(|s| d.source(s).unwrap().url.as_str())
            .collect();
        let fields = [
            e.id.clone(),
            e.title.en.clone(),
            e.date.start.to_string(),
            e.date.end.map(|x| x.to_string()).unwrap_or_default(),
            e.lane.clone(),
            d.lane_label(&e.lane, Lang::En),
            e.place
                .as_ref()
                .map(|p| p.name.en.clone())
                .unwrap_or_default(),
            e.summary.en.clone(),
            e.confidence.as_str().to_string(),
            urls.join(" "),
        ];
        csv += &fields
            .iter()
            .map(|f| quote(f))
            .collect::<Vec<_>>()
            .join(",");
        csv += "\r\n";
    }
    let back = ok(csv.as_bytes(), "round-trip.csv").dataset;
    assert_eq!(back.events.len(), d.events.len());
    for (a, b) in d.events.iter().zip(&back.events) {
        assert_eq!(a.id, b.id);
        assert_eq!(a.title.en, b.title.en);
        assert_eq!(
            (a.date.start, a.date.end),
            (b.date.start, b.date.end),
            "{}",
            a.id
        );
        assert_eq!(a.lane, b.lane);
        assert_eq!(
            d.lane_label(&a.lane, Lang::En),
            back.lane_label(&b.lane, Lang::En)
        );
        assert_eq!(a.summary.en, b.summary.en);
        assert_eq!(a.confidence, b.confidence);
        let urls = |ds: &Dataset, e: &Event| source_urls(ds, e);
        assert_eq!(urls(&d, a), urls(&back, b), "{}", a.id);
    }
}

#[test]
fn a_french_spreadsheet_csv() {
    let imported = ok(&own_fixture("french.csv"), "french.csv");
    let d = &imported.dataset;
    assert_eq!(d.events.len(), 3);
    let un = event(d, "Événement exemple un");
    assert_eq!(un.date.start.to_string(), "2024-12-02");
    assert_eq!(
        (lane_label(d, un).as_str(), un.lane.as_str()),
        ("Exemple", "exemple")
    );
    assert_eq!(un.place.as_ref().unwrap().name.fr, "Ville exemple");
    assert_eq!(source_urls(d, un), ["https://example.org/un"]);
    let deux = event(d, "Événement exemple deux");
    assert_eq!(deux.date.start.to_string(), "2024-12");
    assert_eq!(deux.date.end.map(|e| e.to_string()), Some("2025-01".into()));
    assert_eq!(deux.lane, DEFAULT_LANE);
    assert_eq!(deux.confidence, Confidence::Uncertain);
    let notes = &imported.report.notes;
    assert!(
        notes.contains(&ReportLine::ColumnsDropped(vec!["Couleur".into()])),
        "{notes:?}"
    );
    assert!(notes.contains(&ReportLine::NonHttpDropped(1)), "{notes:?}");
    assert_eq!(
        ReportLine::ColumnsDropped(vec!["Couleur".into()]).text(Lang::Fr),
        "Colonnes inconnues ignorées : Couleur"
    );
}

#[test]
fn bad_plain_csv_values_are_placed_by_line_and_column() {
    for (csv, path, needle) in [
        (
            "title,date,confidence\nExample,2024-01-01,\n\"Example\ntwo\",2024-13,\n",
            "line 3, column date",
            "not a real calendar date",
        ),
        (
            "title,date,confidence\nExample,2024,sure\n",
            "line 2, column confidence",
            "\"sure\" is not a confidence",
        ),
        (
            "title,date,end\nExample,,\n",
            "line 2, column date",
            "the start date is missing",
        ),
        (
            "title,date,end\nExample,2024,2023\n",
            "line 2, column end",
            "comes before the start",
        ),
        ("title,date\n", ".", "the file holds no events"),
    ] {
        assert_at(&err(csv.as_bytes()), path, needle);
    }
}

// ---- our own format, and robustness ----

#[test]
fn our_own_format_is_loaded_as_is() {
    let bytes = include_bytes!("../../../public/data/cooperation.json");
    let imported = import(bytes, Some("cooperation.json")).unwrap();
    assert_eq!(imported.dataset, crate::model::shipped());
    assert_eq!(imported.report.format, None);
    assert_eq!(imported.report.notes[0], ReportLine::OwnFormat);
    // Its errors are `load`'s, with their JSON paths.
    let broken = String::from_utf8_lossy(bytes).replacen(
        "\"schema_version\": 1",
        "\"schema_version\": \"one\"",
        1,
    );
    assert_ne!(broken.as_bytes(), bytes);
    assert_eq!(err(broken.as_bytes()).path, "schema_version");
}

#[test]
fn a_byte_order_mark_is_tolerated() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(own_fixture("our-export.csv"));
    assert_eq!(ok(&bytes, "bom.csv").dataset.events[0].id, "example-1");
}

/// A small deterministic generator (xorshift), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn all_fixtures() -> Vec<Vec<u8>> {
    let mut all: Vec<Vec<u8>> = [
        "cosmo.json",
        "eras.json",
        "marktwain.json",
        "welcome.json",
        "my-own-timeline.csv",
        "parser_test.csv",
    ]
    .iter()
    .map(|n| timelinejs(n))
    .collect();
    for n in [
        "vis-items-groups.json",
        "vis-items.json",
        "our-export.csv",
        "french.csv",
    ] {
        all.push(own_fixture(n));
    }
    all
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    // Runs on a test thread's small stack: serde_json's recursion limit stops the parse.
    let deep = "[".repeat(100_000) + &"]".repeat(100_000);
    for json in [
        format!(r#"{{"events": [{{"start_date": {{"year": "2001"}}, "location": {deep}}}]}}"#),
        format!(r#"[{{"content": "a", "start": "2014", "x": {deep}}}]"#),
    ] {
        let p = err(json.as_bytes());
        assert!(p.message.contains("recursion limit"), "{p}");
    }
}

#[test]
fn truncated_fixtures_never_panic() {
    for bytes in all_fixtures() {
        let step = (bytes.len() / 400).max(1);
        for cut in (0..bytes.len()).step_by(step).chain(0..64.min(bytes.len())) {
            // The result does not matter; reaching it without a panic does.
            let _ = import(&bytes[..cut], None);
        }
    }
}

#[test]
fn random_and_mutated_bytes_never_panic() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let alphabet = b"{}[]\",:0123456789-aeyr<>&;#/\\\n\r\t ";
    for _ in 0..3000 {
        let len = (rng.next() % 200) as usize;
        let bytes: Vec<u8> = (0..len)
            .map(|_| {
                let r = rng.next();
                if r.is_multiple_of(3) {
                    r as u8
                } else {
                    alphabet[(r >> 8) as usize % alphabet.len()]
                }
            })
            .collect();
        let _ = import(&bytes, None);
    }
    for original in all_fixtures() {
        for _ in 0..60 {
            let mut bytes = original.clone();
            for _ in 0..1 + rng.next() % 4 {
                let i = (rng.next() as usize) % bytes.len();
                bytes[i] = rng.next() as u8;
            }
            let _ = import(&bytes, None);
        }
    }
}
