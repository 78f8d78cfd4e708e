//! Fuzz target: any bytes through parse + validate, and, for every dataset that loads, the
//! formatting and layout code the app runs on it. Nothing may panic; a loaded dataset must
//! survive a serialise → load round trip unchanged.
#![no_main]

use cooperation_timeline::model::{self, Lang, axis::YearAxis};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(dataset) = model::load(data) else {
        return;
    };
    let _ = model::summary(&dataset);
    for e in &dataset.events {
        for lang in Lang::ALL {
            let _ = e.date.format(lang);
            let _ = e.title.get(lang);
            let _ = model::locale::session_label(lang, e.session_number);
        }
        let _ = (e.date.shape(), e.date.axis_start(), e.date.axis_end());
    }
    if let Some(axis) = YearAxis::fit(dataset.events.iter().map(|e| &e.date)) {
        let xs: Vec<f64> = dataset
            .events
            .iter()
            .map(|e| axis.fraction(e.date.axis_start()))
            .collect();
        let _ = axis.ticks(20);
        let mut sorted = xs.clone();
        sorted.sort_by(f64::total_cmp);
        let _ = model::axis::label_rows(&sorted, 0.1);
    }
    let text = serde_json::to_vec(&dataset).expect("a loaded dataset serialises");
    let again = model::load(&text).expect("a serialised dataset loads again");
    assert_eq!(again, dataset, "round trip changed the dataset");
});
