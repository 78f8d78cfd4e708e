//! Synthetic datasets of any size for benchmarks and stress tests, clearly labelled as synthetic.
//! Events clump the way real ones do: around a few busy periods per lane (a state visit, an
//! exercise season), with a mix of date precisions, ranges, inferred dates and windows.
//! Deterministic for a given seed (a self-contained SplitMix64, so the output never changes with
//! a dependency's version).

use chrono::{Datelike, Duration, NaiveDate};

use super::dataset::*;
use super::date::{DateSpec, PartialDate};
use super::text::Text;

/// SplitMix64 (Steele, Lea and Flood 2014): tiny, fast and good enough for test data, and a run
/// replays from its seed. Also drives the model's property tests.
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub(crate) fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in 0..n.
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.unit() * n as f64) as usize % n.max(1)
    }

    /// Roughly normal (sum of uniforms), mean 0, standard deviation 1.
    fn normal(&mut self) -> f64 {
        (0..6).map(|_| self.unit()).sum::<f64>() * 2.0 - 6.0
    }
}

fn text(en: String) -> Text {
    Text {
        fr: format!("{en} (fr)"),
        en: en.clone(),
        ar: Some(format!("{en} (ar)")),
    }
}

const LANES: [(&str, f64); 8] = [
    ("commission", 0.01),
    ("exercise", 0.30),
    ("industry", 0.18),
    ("space", 0.04),
    ("visit", 0.25),
    ("political", 0.12),
    ("agreement", 0.05),
    ("appointment", 0.05),
];

/// First and last day of the synthetic period.
const FIRST_YEAR: i32 = 1950;
const LAST_YEAR: i32 = 2025;

/// A valid synthetic dataset of `events` events (plus two gaps), deterministic for `seed`.
pub fn generate(events: usize, seed: u64) -> Dataset {
    let mut rng = Rng(seed ^ 0x5EED_0000_C0FF_EE00);
    let n_sources = (events / 20).clamp(5, 5_000);
    let n_people = (events / 100).clamp(10, 500);
    let domains: Vec<Domain> = (0..12)
        .map(|i| Domain {
            id: format!("domain-{i}"),
            label: text(format!("Domain {i}")),
            description: text(format!("Synthetic domain {i}.")),
            sources: vec!["src-0".into()],
            confidence: Confidence::Confirmed,
        })
        .collect();
    let sources: Vec<Source> = (0..n_sources)
        .map(|i| Source {
            id: format!("src-{i}"),
            url: format!("https://example.org/synthetic/{i}"),
            publisher: format!("Synthetic publisher {}", i % 17),
            title: None,
            description: text(format!("Synthetic source {i}.")),
            language: Some(["fr", "en", "ar"][i % 3].into()),
            published: None,
        })
        .collect();
    let people: Vec<Person> = (0..n_people)
        .map(|i| Person {
            id: format!("person-{i}"),
            name: format!("Person {i}"),
            party: if i % 2 == 0 { "ma" } else { "fr" }.into(),
            roles: vec![],
            sources: vec![format!("src-{}", i % n_sources)],
            notes: vec![],
        })
        .collect();

    let start = NaiveDate::from_ymd_opt(FIRST_YEAR, 1, 1).expect("valid");
    let days = (NaiveDate::from_ymd_opt(LAST_YEAR, 12, 31).expect("valid") - start).num_days();
    // Busy periods: one per ~40 events, each with its own spread and weight.
    let n_centres = (events / 40).max(3);
    let centres: Vec<(f64, f64, f64)> = (0..n_centres)
        .map(|_| {
            let at = rng.unit() * days as f64;
            let spread = 5.0 + rng.unit().powi(3) * 300.0;
            let weight = rng.unit().powi(4) + 0.01;
            (at, spread, weight)
        })
        .collect();
    let total_weight: f64 = centres.iter().map(|c| c.2).sum();
    let pick_centre = |rng: &mut Rng| {
        let mut r = rng.unit() * total_weight;
        for c in &centres {
            r -= c.2;
            if r <= 0.0 {
                return *c;
            }
        }
        centres[centres.len() - 1]
    };
    let pick_lane = |rng: &mut Rng| {
        let mut r = rng.unit();
        for (id, w) in LANES {
            r -= w;
            if r <= 0.0 {
                return id;
            }
        }
        LANES[1].0
    };
    let day_at = |offset: f64| {
        let d = offset.clamp(0.0, days as f64) as i64;
        start + Duration::days(d)
    };

    let mut evs: Vec<Event> = Vec::with_capacity(events);
    for i in 0..events {
        let (at, spread, _) = pick_centre(&mut rng);
        let day = day_at(at + rng.normal() * spread);
        let lane = pick_lane(&mut rng);
        let p = rng.unit();
        let pd = |d: NaiveDate| {
            PartialDate::day(d.year().into(), d.month(), d.day()).expect("real date")
        };
        let mut date = if p < 0.45 {
            DateSpec::single(pd(day))
        } else if p < 0.80 {
            let len = 1 + rng.below(20) as i64;
            DateSpec::span(
                pd(day),
                pd(day_at((day - start).num_days() as f64 + len as f64)),
            )
        } else if p < 0.93 {
            DateSpec::single(
                PartialDate::month(day.year().into(), day.month()).expect("real month"),
            )
        } else if p < 0.98 {
            DateSpec::single(PartialDate::year(day.year().into()).expect("real year"))
        } else {
            let end =
                PartialDate::year((day.year() + 1 + rng.below(3) as i32).min(LAST_YEAR).into())
                    .expect("real year");
            DateSpec {
                within: true,
                ..DateSpec::span(
                    PartialDate::year(day.year().into()).expect("real year"),
                    end,
                )
            }
        };
        date.inferred = rng.unit() < 0.05;
        let confidence = match rng.below(20) {
            0 => Confidence::Uncertain,
            1 => Confidence::Inferred,
            _ => Confidence::Confirmed,
        };
        let n_people_here = rng.below(3);
        let participants: Vec<String> = (0..n_people_here)
            .map(|k| format!("person-{}", (i * 7 + k * 13) % n_people))
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        evs.push(Event {
            id: format!("ev-{i}"),
            lane: lane.into(),
            session_number: None,
            title: text(format!("Synthetic {lane} event {i}")),
            summary: text(format!("Synthetic event {i}, not a real fact.")),
            date,
            place: None,
            host: None,
            chairs: vec![],
            participants,
            domains: vec![format!("domain-{}", i % 12)],
            agenda: vec![],
            outcomes: vec![],
            programme: vec![],
            side_events: vec![],
            decorations: vec![],
            confidence,
            field_confidence: vec![],
            sources: vec![format!("src-{}", i % n_sources)],
            notes: vec![],
            related: vec![],
        });
    }
    // Commission sessions are numbered in date order, as real ones are.
    let mut sessions: Vec<usize> = (0..evs.len())
        .filter(|&i| evs[i].lane == COMMISSION_LANE)
        .collect();
    sessions.sort_by_key(|&i| evs[i].date.sort_key());
    for (n, &i) in sessions.iter().enumerate() {
        evs[i].session_number = Some(n as u32 + 1);
    }

    let gap = |id: &str, kind: GapKind, from: i32, to: i32| Gap {
        id: id.into(),
        kind,
        lane: COMMISSION_LANE.into(),
        title: text(format!("Synthetic gap {id}")),
        summary: text("A synthetic gap.".into()),
        // A not_found gap is dated by when the search was made: one date, no end.
        date: match kind {
            GapKind::NotFound => DateSpec::single(PartialDate::year(to.into()).expect("year")),
            GapKind::Undocumented => DateSpec::span(
                PartialDate::year(from.into()).expect("year"),
                PartialDate::year(to.into()).expect("year"),
            ),
        },
        first_session: None,
        last_session: None,
        sources: vec!["src-0".into()],
        notes: vec![],
    };
    Dataset {
        schema: None,
        schema_version: SCHEMA_VERSION,
        title: text(format!(
            "Synthetic dataset: {events} events (seed {seed}) — not real"
        )),
        description: text(
            "Generated for benchmarks and tests. Nothing in it is a real fact.".into(),
        ),
        as_of: None,
        parties: vec![
            Party {
                id: "ma".into(),
                name: text("Party A".into()),
            },
            Party {
                id: "fr".into(),
                name: text("Party B".into()),
            },
        ],
        lanes: LANES
            .iter()
            .map(|(id, _)| Lane {
                id: (*id).into(),
                label: text(format!("Lane {id}")),
                description: None,
            })
            .collect(),
        domains,
        sources,
        people,
        events: evs,
        gaps: vec![
            gap("gap-a", GapKind::Undocumented, 1961, 1966),
            gap("gap-b", GapKind::NotFound, 1990, 1992),
        ],
        notes: vec![],
        periods: vec![],
        places: vec![],
        origin: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::validate::validate;

    #[test]
    fn generated_datasets_are_valid_and_sized() {
        for (n, seed) in [(0, 1), (1, 2), (1_000, 3), (20_000, 4)] {
            let d = generate(n, seed);
            assert_eq!(d.events.len(), n);
            let problems = validate(&d);
            assert!(
                problems.is_empty(),
                "{n}: {:?}",
                &problems[..problems.len().min(5)]
            );
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_data_and_another_seed_does_not() {
        assert_eq!(generate(500, 9), generate(500, 9));
        assert_ne!(generate(500, 9), generate(500, 10));
    }

    #[test]
    fn events_clump() {
        // Busy periods: the busiest tenth of the months holds several times its share of events
        // (a uniform spread would give it about a tenth).
        let d = generate(10_000, 5);
        let mut per_month = std::collections::HashMap::<(i32, u32), usize>::new();
        for e in &d.events {
            let (y, m, _) = crate::model::date::ymd_of_day(e.date.first_day());
            *per_month.entry((y as i32, m)).or_default() += 1;
        }
        let mut counts: Vec<usize> = per_month.into_values().collect();
        counts.sort_unstable_by(|a, b| b.cmp(a));
        let months = (LAST_YEAR - FIRST_YEAR + 1) as usize * 12;
        let top: usize = counts.iter().take(months / 10).sum();
        assert!(
            top * 10 > d.events.len() * 4,
            "top tenth of months hold {top} of 10000"
        );
    }

    #[test]
    fn round_trips_through_json() {
        let d = generate(300, 7);
        let json = serde_json::to_vec(&d).unwrap();
        assert_eq!(crate::model::load(&json).unwrap(), d);
    }
}
