//! The loading screen shown while the dataset is in flight.

use leptos::prelude::*;

use crate::i18n::strings;
use crate::state::AppState;

/// A spinner and a polite status message.
#[component]
pub fn LoadingView() -> impl IntoView {
    let state = AppState::expect();
    view! {
        <div class="loading" role="status" aria-live="polite" data-testid="loading">
            <span class="loading__spinner" aria-hidden="true"></span>
            <span>{move || strings(state.lang.get()).loading}</span>
        </div>
    }
}
