//! The root component: creates and provides the state, starts the first load, and picks the screen
//! (loading, error, or the timeline) from the load state.

use leptos::prelude::*;

use super::error_view::ErrorView;
use super::loading_view::LoadingView;
use super::session_strip::SessionStrip;
use crate::data::DEFAULT_DATA_URL;
use crate::i18n::strings;
use crate::model::Lang;
use crate::state::{AppState, LoadState};

/// The whole app.
#[component]
pub fn App(
    /// Where to fetch the dataset; defaults to the bundled `data/cooperation.json`, resolved
    /// against the document base so the site works under a sub-path.
    #[prop(optional, into)]
    data_url: Option<String>,
) -> impl IntoView {
    let state = AppState::new(
        data_url.unwrap_or_else(|| DEFAULT_DATA_URL.to_string()),
        Lang::En,
    );
    provide_context(state);
    state.reload();

    let title = move || match &*state.load.read() {
        LoadState::Ready(d) => d.title.get(state.lang.get()).to_string(),
        _ => strings(state.lang.get()).app_title.to_string(),
    };

    view! {
        <div class="app" lang=move || state.lang.get().code()>
            <header class="app__header">
                <h1 class="app__title">{title}</h1>
            </header>
            <main class="app__main">
                {move || match state.load.get() {
                    LoadState::Loading => view! { <LoadingView /> }.into_any(),
                    LoadState::Failed(error) => view! { <ErrorView error /> }.into_any(),
                    LoadState::Ready(dataset) => view! { <SessionStrip dataset /> }.into_any(),
                }}
            </main>
        </div>
    }
}
