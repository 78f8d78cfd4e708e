//! The error screen: what failed, why (with every validation problem and its JSON path), and a
//! Retry button. Shown instead of the timeline, never instead of the page.

use leptos::prelude::*;

use crate::data::LoadError;
use crate::i18n::strings;
use crate::state::AppState;

/// At most this many problems are listed (the validator CLI lists them all).
const MAX_SHOWN: usize = 200;

/// Explains a failed load and offers to retry.
#[component]
pub fn ErrorView(
    /// Why the load failed.
    error: LoadError,
) -> impl IntoView {
    let state = AppState::expect();
    let s = move || strings(state.lang.get());
    let problems = match &error {
        LoadError::Invalid { problems, .. } => problems.clone(),
        _ => Vec::new(),
    };
    let has_problems = !problems.is_empty();
    let error_kind = error.clone();
    let kind = move || {
        let s = s();
        match &error_kind {
            LoadError::Network { .. } => s.error_network,
            LoadError::Timeout { .. } => s.error_timeout,
            LoadError::Http { .. } => s.error_http,
            LoadError::Invalid { .. } => s.error_invalid,
        }
    };
    view! {
        <section class="error" role="alert" data-testid="error">
            <h2 class="error__title">{move || s().error_title}</h2>
            <p class="error__reason" data-testid="error-reason">
                <strong>{kind}</strong>
                <span dir="ltr" lang="en">{format!(" — {error}")}</span>
            </p>
            <Show when=move || has_problems>
                <h3 class="error__problems-title">{move || s().problems}</h3>
            </Show>
            <ul class="error__problems" dir="ltr" lang="en">
                {problems
                    .iter()
                    .take(MAX_SHOWN)
                    .map(|p| {
                        view! {
                            <li data-testid="problem">
                                <code class="error__path">{p.path.clone()}</code>
                                ": "
                                {p.message.clone()}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <p class="error__hint">{move || s().error_hint}</p>
            <button
                class="button button--primary"
                data-testid="retry"
                on:click=move |_| state.reload()
            >
                // A file from this computer cannot be fetched again: the button goes back to
                // what the address shows.
                {move || if state.file.get().is_some() { s().error_file_back } else { s().retry }}
            </button>
        </section>
    }
}
