//! The root component: creates and provides the state, wires the URL, theme and language, starts
//! the first load, and picks the screen (loading, error, or the workspace) from the load state.

use leptos::ev;
use leptos::html::Dialog;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::error_view::ErrorView;
use super::header_controls::HeaderControls;
use super::help::{Help, open_help};
use super::list_view::ListView;
use super::loading_view::LoadingView;
use super::search::Search;
use super::side_panels::{RecordPanel, SidePanels};
use super::timeline::Timeline;
use crate::data::DEFAULT_DATA_URL;
use crate::hooks::use_theme::use_theme;
use crate::hooks::use_url_state::{current_url_state, initial_lang, use_url_state};
use crate::i18n::strings;
use crate::model::timeline::event_description;
use crate::model::viewport::describe_window_days;
use crate::state::{AppState, LoadState, Selection};

/// The whole app.
#[component]
pub fn App(
    /// Where to fetch the dataset. Defaults to `?data=URL` if given, else the bundled
    /// `data/cooperation.json`, resolved against the document base so sub-path hosting works.
    #[prop(optional, into)]
    data_url: Option<String>,
    /// Keep the view in the URL (on by default; tests that mount several apps turn it off).
    #[prop(default = true)]
    sync_url: bool,
) -> impl IntoView {
    let link = sync_url.then(current_url_state).unwrap_or_default();
    let url = data_url
        .or_else(|| link.data.clone())
        .unwrap_or_else(|| DEFAULT_DATA_URL.to_string());
    let state = AppState::new(url, initial_lang(link.lang));
    provide_context(state);
    state.reload();
    if sync_url {
        use_url_state(state);
    }
    let theme = use_theme();
    let help = NodeRef::<Dialog>::new();

    // The document's language and direction follow the interface language.
    Effect::new(move |_| {
        let lang = state.lang.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.code());
            let _ = root.set_attribute("dir", if lang.is_rtl() { "rtl" } else { "ltr" });
        }
    });

    // `?` opens the keyboard help (except while typing).
    let handle = window_event_listener(ev::keydown, move |ev| {
        let typing = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if ev.key() == "?" && !typing {
            ev.prevent_default();
            open_help(help);
        }
    });
    on_cleanup(move || handle.remove());

    // Screen readers hear what was selected and, after a move settles, what is shown.
    Effect::new(move |_| {
        let lang = state.lang.get_untracked();
        let Some(d) = state.dataset() else { return };
        let text = match state.selected.get() {
            Some(Selection::Event(i)) => d.events.get(i).map(|e| event_description(e, lang)),
            Some(Selection::Gap(i)) => d.gaps.get(i).map(|g| g.title.get(lang).to_string()),
            None => None,
        };
        if let Some(t) = text {
            state
                .announcement
                .set(strings(lang).announce_selected.replace("{x}", &t));
        }
    });
    Effect::new(move |prev: Option<()>| {
        let w = state.window.get();
        // Not on the first report: the page has just loaded.
        if prev.is_some()
            && let Some((a, b)) = w
        {
            let lang = state.lang.get_untracked();
            let x = describe_window_days(a, b, lang);
            state
                .announcement
                .set(strings(lang).announce_window.replace("{x}", &x));
        }
    });

    let title = move || match &*state.load.read() {
        LoadState::Ready(d) => d.title.get(state.lang.get()).to_string(),
        _ => strings(state.lang.get()).app_title.to_string(),
    };
    let s = move || strings(state.lang.get());
    let dir = move || {
        if state.lang.get().is_rtl() {
            "rtl"
        } else {
            "ltr"
        }
    };
    let view_switch = move || {
        view! {
            <div class="views" role="group" aria-label=move || s().view_label>
                {[false, true]
                    .into_iter()
                    .enumerate()
                    .map(|(i, list)| {
                        view! {
                            <button
                                type="button"
                                class="view-switch"
                                data-testid=if list { "view-list" } else { "view-timeline" }
                                aria-pressed=move || (state.list_view.get() == list).to_string()
                                on:click=move |_| state.list_view.set(list)
                            >
                                {move || s().views[i]}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
        }
    };

    view! {
        <div class="app" lang=move || state.lang.get().code() dir=dir>
            <a class="skip-link" href="#main">{move || s().skip_to_timeline}</a>
            <header class="app__header">
                <h1 class="app__title">{title}</h1>
                {move || state.dataset().map(|d| view! { <Search dataset=d /> })}
                <HeaderControls theme on_help=Callback::new(move |()| open_help(help)) />
            </header>
            <main class="app__main" id="main" tabindex="-1">
                {move || match state.load.get() {
                    LoadState::Loading => view! { <LoadingView /> }.into_any(),
                    LoadState::Failed(error) => view! { <ErrorView error /> }.into_any(),
                    LoadState::Ready(dataset) => {
                        let centre = dataset.clone();
                        // A memo, so that setting the same view again does not rebuild it.
                        let list = Memo::new(move |_| state.list_view.get());
                        view! {
                            <div class="workspace">
                                <SidePanels dataset=dataset.clone() />
                                <div class="centre">
                                    {view_switch}
                                    {move || {
                                        if list.get() {
                                            view! { <ListView dataset=centre.clone() /> }.into_any()
                                        } else {
                                            view! { <Timeline dataset=centre.clone() /> }.into_any()
                                        }
                                    }}
                                </div>
                                <RecordPanel dataset />
                            </div>
                        }
                            .into_any()
                    }
                }}
            </main>
            <div class="visually-hidden" role="status" aria-live="polite" data-testid="announcer">
                {move || state.announcement.get()}
            </div>
            <Help dialog=help />
        </div>
    }
}
