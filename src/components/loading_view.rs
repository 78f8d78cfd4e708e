//! The loading screen shown while the dataset is in flight: how much has arrived (of how much,
//! when the server says), so a slow connection is visibly slow rather than seemingly stuck; then,
//! for a big file, how far reading its events has got.

use leptos::prelude::*;

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
    // Only "Loading" is live: the byte counts change with every chunk, and a screen reader would
    // read them out each time. They stay readable on the page and in the progress bar's value.
    view! {
        <div class="loading" data-testid="loading">
            {bar}
            <span role="status" aria-live="polite">{move || s().loading}</span>
            <span class="loading__detail" data-testid="loading-progress">{detail}</span>
        </div>
    }
}
