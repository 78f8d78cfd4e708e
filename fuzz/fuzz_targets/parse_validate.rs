//! Fuzz target: any bytes through parse + validate, and, for every dataset that loads, the code
//! the app runs on it — formatting, labels, relations, the timeline index, layout at several zooms
//! and pans, the axis, keyboard navigation. Nothing may panic; a loaded dataset must survive a
//! serialise → load round trip unchanged.
#![no_main]

use cooperation_timeline::model::{
    self, Lang, labels, relations, timeline::Timeline, viewport::Viewport,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(dataset) = model::load(data) else {
        return;
    };
    let _ = model::summary(&dataset);
    for (i, e) in dataset.indexed_events() {
        for lang in Lang::ALL {
            let _ = e.date.format(lang);
            let _ = e.title.get(lang);
            let _ = model::locale::session_label(lang, e.session_number);
            let _ = labels::mark_name(e, &labels::event_label(e, lang), lang);
            let _ = labels::eyebrow(&dataset, e, lang);
        }
        let _ = (e.date.shape(), e.date.axis_start(), e.date.axis_end());
        let _ = (
            relations::related(&dataset, i),
            relations::neighbour_sessions(&dataset, i),
        );
    }
    for g in &dataset.gaps {
        for lang in Lang::ALL {
            let _ = (
                labels::gap_label(g, lang),
                labels::gap_session_range(g, lang),
            );
        }
    }
    for lang in Lang::ALL {
        let t = Timeline::build(&dataset, lang, 20_000.0, |_| true);
        let mut v = Viewport::fit(t.bounds, 800.0);
        for step in 0..14 {
            if step == 12 {
                v.go_to_start();
            }
            let f = t.frame(&v, lang, 20_000.0);
            assert!(f.shift.is_finite());
            v.zoom_at(137.0, 2.3);
            v.pan_px(if step % 2 == 0 { 400.0 } else { -170.0 });
        }
        if let Some(first) = t.first_visible(&v) {
            let _ = (t.step(first, true), t.cross(first, true));
            t.bring_into_view(&mut v, first);
        }
    }
    let text = serde_json::to_vec(&dataset).expect("a loaded dataset serialises");
    let again = model::load(&text).expect("a serialised dataset loads again");
    assert_eq!(again, dataset, "round trip changed the dataset");
});
