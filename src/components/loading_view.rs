//! The loading screen shown while the dataset is in flight: how much has arrived (of how much,
//! when the server says), so a slow connection is visibly slow rather than seemingly stuck; then,
//! for a big file, how far reading its events has got.

use leptos::html::Div;
use leptos::prelude::*;
use leptos_use_element_size::use_element_size;

use crate::i18n::strings;
use crate::model::labels::byte_size;
use crate::state::AppState;

/// A progress bar, a polite status message and the bytes received.
#[component]
pub fn LoadingView() -> impl IntoView {
    let state = AppState::expect();
    let s = move || strings(state.lang.get());
    let detail = move || {
        let lang = state.lang.get();
        let p = state.progress.get();
        let received = byte_size(p.received, lang);
        if let Some(r) = p.reading {
            return s()
                .loading_reading
                .replace("{percent}", &(r / 10).to_string());
        }
        match p.total {
            Some(t) => s()
                .loading_progress
                .replace("{received}", &received)
                .replace("{total}", &byte_size(t, lang)),
            None if p.received > 0 => s().loading_received.replace("{received}", &received),
            None => String::new(),
        }
    };
    let bar =
        move || {
            let p = state.progress.get();
            let (value, max) = match (p.reading, p.total) {
                (Some(r), _) => (Some(u64::from(r)), Some(1000)),
                (None, t) => (Some(p.received), t),
            };
            match max.zip(value) {
            // u64 → f64 is exact below 2⁵³ bytes.
            Some((t, value)) if t > 0 => view! {
                <progress
                    class="loading__bar"
                    max=t.to_string()
                    value=value.to_string()
                    aria-label=move || s().loading
                ></progress>
            }
            .into_any(),
            _ => view! { <progress class="loading__bar" aria-label=move || s().loading></progress> }
                .into_any(),
        }
        };
    // The workspace's columns, empty and unseen, laid out with the screen: the timeline's area
    // as wide as it will be. Knowing it, the timeline lays its marks out at that width from the
    // start without having the browser lay the whole new workspace out first to learn it (14-19
    // ms at 10k events, traced, half of it waiting for the browser's font service).
    let area = NodeRef::<Div>::new();
    let size = use_element_size(area);
    Effect::new(move |_| {
        let w = size.width.get();
        if w >= 1.0 {
            state.area_width.set_value(Some(w));
        }
    });
    // Only "Loading" is live: the byte counts change with every chunk, and a screen reader would
    // read them out each time. They stay readable on the page and in the progress bar's value.
    view! {
        <div class="loading" data-testid="loading">
            {bar}
            <span role="status" aria-live="polite">{move || s().loading}</span>
            <span class="loading__detail" data-testid="loading-progress">{detail}</span>
        </div>
        <div class="workspace workspace--probe" aria-hidden="true">
            {(!state.embed).then(|| view! { <div class="side sheet--panels sheet"></div> })}
            <div class="centre">
                <section class="timeline">
                    <div class="timeline__body">
                        <div class="timeline__headers"></div>
                        <div class="timeline__area" node_ref=area></div>
                    </div>
                </section>
            </div>
            <div class="record-sheet sheet--record sheet"></div>
        </div>
    }
}
