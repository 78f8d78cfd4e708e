//! The root component: creates and provides the state, starts the first load, and picks the screen
//! (loading, error, or the timeline with its detail panel) from the load state.

use leptos::prelude::*;

use super::error_view::ErrorView;
use super::loading_view::LoadingView;
use super::search::Search;
use super::side_panels::{RecordPanel, SidePanels};
use super::timeline::Timeline;
use crate::data::DEFAULT_DATA_URL;
use crate::i18n::strings;
use crate::model::Lang;
use crate::state::{AppState, LoadState};

/// The `?data=URL` query parameter: another dataset to load (same validation and error screen).
fn data_param() -> Option<String> {
    let search = window().location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.get("data").filter(|s| !s.trim().is_empty())
}

/// The whole app.
#[component]
pub fn App(
    /// Where to fetch the dataset. Defaults to `?data=URL` if given, else the bundled
    /// `data/cooperation.json`, resolved against the document base so sub-path hosting works.
    #[prop(optional, into)]
    data_url: Option<String>,
) -> impl IntoView {
    let url = data_url
        .or_else(data_param)
        .unwrap_or_else(|| DEFAULT_DATA_URL.to_string());
    let state = AppState::new(url, Lang::En);
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
                {move || state.dataset().map(|d| view! { <Search dataset=d /> })}
            </header>
            <main class="app__main">
                {move || match state.load.get() {
                    LoadState::Loading => view! { <LoadingView /> }.into_any(),
                    LoadState::Failed(error) => view! { <ErrorView error /> }.into_any(),
                    LoadState::Ready(dataset) => {
                        view! {
                            <div class="workspace">
                                <SidePanels dataset=dataset.clone() />
                                <Timeline dataset=dataset.clone() />
                                <RecordPanel dataset />
                            </div>
                        }
                            .into_any()
                    }
                }}
            </main>
        </div>
    }
}
