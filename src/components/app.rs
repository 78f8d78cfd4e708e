//! The root component: creates and provides the state, wires the URL, theme and language, starts
//! the first load, and picks the screen (loading, error, or the workspace) from the load state.

use std::sync::Arc;
use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;
use leptos_use_media_query::use_media_query;

use super::dialogs::{Dialogs, open_modal};
use super::embed_dialog::EmbedDialog;
use super::error_view::ErrorView;
use super::export_dialog::ExportDialog;
use super::header_controls::HeaderControls;
use super::help::Help;
use super::icons::{Icon, icon};
use super::import_banner::ImportBanner;
use super::list_view::ListView;
use super::loading_view::LoadingView;
use super::open_dialog::OpenDialog;
use super::search::Search;
use super::side_panels::{FiltersButton, RecordPanel, SidePanels};
use super::timeline::Timeline;
use crate::data::{DEFAULT_DATA_URL, LOAD_TIMEOUT};
use crate::hooks::typing::is_typing;
use crate::hooks::use_file_drop::use_file_drop;
use crate::hooks::use_theme::use_theme;
use crate::hooks::use_url_state::{current_url_state, initial_lang, use_url_state, view_state};
use crate::i18n::strings;
use crate::model::embed::full_view_query;
use crate::model::labels::event_description;
use crate::model::viewport::describe_window_days;
use crate::model::{Dataset, Selection};
use crate::state::{AppState, LoadState, NARROW_QUERY, provide_counts, provide_dataset};

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
    /// How long a load may go without news before it is abandoned (default [`LOAD_TIMEOUT`]).
    #[prop(optional)]
    load_timeout: Option<Duration>,
) -> impl IntoView {
    let link = sync_url.then(current_url_state).unwrap_or_default();
    let url = data_url
        .or_else(|| link.data.clone())
        .unwrap_or_else(|| DEFAULT_DATA_URL.to_string());
    let narrow = use_media_query(NARROW_QUERY);
    let state = AppState::new(
        url,
        initial_lang(link.lang),
        load_timeout.unwrap_or(LOAD_TIMEOUT),
        narrow,
        link.embed,
    );
    provide_context(state);
    if sync_url {
        use_url_state(state);
    }
    state.reload();
    on_cleanup(move || state.cancel());
    let theme = use_theme();
    let dialogs = Dialogs::new();

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
        if ev.key() == "?" && !is_typing(&ev) {
            ev.prevent_default();
            open_modal(dialogs.help);
        }
    });
    on_cleanup(move || handle.remove());
    test_panic_trigger();

    // Screen readers hear what was selected and, after a move settles, what is shown.
    Effect::new(move |_| {
        let lang = state.lang.get_untracked();
        let Some(d) = state.dataset() else { return };
        let text = match state.selected.get() {
            Some(Selection::Event(i)) => d.event(i).map(|e| event_description(e, lang)),
            Some(Selection::Gap(i)) => d.gaps.get(i).map(|g| g.title.get(lang).to_string()),
            None => None,
        };
        if let Some(t) = text {
            state
                .announcement
                .set(strings(lang).announce_selected.replace("{x}", &t));
        }
    });
    // Not on the first report (the page has just opened on it), only when it changes.
    Effect::new(move |prev: Option<Option<(f64, f64)>>| {
        let w = state.window.get();
        if let (Some(Some(before)), Some((a, b))) = (prev, w)
            && before != (a, b)
        {
            let lang = state.lang.get_untracked();
            let x = describe_window_days(a, b, lang);
            state
                .announcement
                .set(strings(lang).announce_window.replace("{x}", &x));
        }
        w
    });

    // "Show only these" follows the chosen person, and ends with them: the timeline is never left
    // narrowed to someone the people panel no longer shows. Here, not in that panel, which is
    // built only once it is first shown.
    Effect::new(move |_| {
        let chosen = state.person.get();
        if state
            .filters
            .with_untracked(|f| f.person.is_some() && f.person != chosen)
        {
            state.filters.update(|f| f.person = chosen);
        }
    });

    // The static first view (if the page has one) gives way once the first screen is drawn.
    Effect::new(move |_| {
        if !matches!(state.load.get(), LoadState::Loading) {
            crate::takeover::finish();
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

    view! {
        <div
            class="app"
            class:app--embed=state.embed
            class:app--story=move || state.story.with(Option::is_some)
            lang=move || state.lang.get().code()
            dir=dir
        >
            <a class="skip-link" href="#main">{move || s().skip_to_timeline}</a>
            {if state.embed {
                view! {
                    <header class="app__header app__header--embed">
                        <h1 class="app__title">{title}</h1>
                        <FullTimelineLink />
                    </header>
                }
                    .into_any()
            } else {
                view! {
                    <header class="app__header">
                        <h1 class="app__title">{title}</h1>
                        {move || state.dataset().map(|d| view! { <SearchBox dataset=d /> })}
                        <HeaderControls theme dialogs />
                    </header>
                }
                    .into_any()
            }}
            <main class="app__main" id="main" tabindex="-1">
                {move || match state.load.get() {
                    LoadState::Loading => view! { <LoadingView /> }.into_any(),
                    LoadState::Failed(error) => view! { <ErrorView error /> }.into_any(),
                    LoadState::Ready(dataset) => view! { <Workspace dataset /> }.into_any(),
                }}
            </main>
            <div class="visually-hidden" role="status" aria-live="polite" data-testid="announcer">
                {move || state.announcement.get()}
            </div>
            <Help dialog=dialogs.help />
            {(!state.embed)
                .then(|| {
                    let drop = use_file_drop(state);
                    view! {
                        <OpenDialog dialog=dialogs.open />
                        <ExportDialog dialog=dialogs.export />
                        <EmbedDialog dialog=dialogs.embed />
                        <Show when=move || drop.over.get()>
                            <div class="drop-overlay" data-testid="drop-overlay">
                                <span>{move || s().drop_hint}</span>
                            </div>
                        </Show>
                    }
                })}
        </div>
    }
}

/// The search box, which lives in the header and so needs the dataset provided for itself.
#[component]
fn SearchBox(
    /// The loaded dataset.
    dataset: Arc<Dataset>,
) -> impl IntoView {
    provide_dataset(dataset);
    view! { <Search /> }
}

/// Everything shown once the dataset is loaded: panels, the timeline or the list, the record.
#[component]
fn Workspace(
    /// The loaded dataset, provided to everything below.
    dataset: Arc<Dataset>,
) -> impl IntoView {
    let app = AppState::expect();
    let data = provide_dataset(dataset);
    provide_counts(app, data);
    let s = move || strings(app.lang.get());
    // A memo, so that setting the same view again does not rebuild it.
    let list = Memo::new(move |_| app.list_view.get());
    let switch = move |is_list: bool, testid: &'static str| {
        view! {
            <button
                type="button"
                class="view-switch"
                data-testid=testid
                aria-pressed=move || (list.get() == is_list).to_string()
                on:click=move |_| app.list_view.set(is_list)
            >
                {move || if is_list { s().view_list } else { s().view_timeline }}
            </button>
        }
    };
    // The static loading screen's stand-in for this (`prerender`'s probe) has the same columns,
    // classes and order, so that it measures the timeline's area as this lays it out: keep the
    // two alike.
    view! {
        <ImportBanner />
        <div class="workspace">
            {(!app.embed).then(|| view! { <SidePanels /> })}
            <div class="centre">
                // On narrow screens the switch is one button in the timeline's toolbar, or in this
                // bar with the Filters button while the list is shown.
                {move || {
                    if app.embed {
                        ().into_any()
                    } else if !app.narrow.get() {
                        view! {
                            <div class="views" role="group" aria-label=move || s().view_label>
                                {switch(false, "view-timeline")}
                                {switch(true, "view-list")}
                            </div>
                        }
                            .into_any()
                    } else if list.get() {
                        view! {
                            <div class="list-bar" role="toolbar" aria-label=move || s().view_label>
                                <FiltersButton />
                                <ViewToggle />
                            </div>
                        }
                            .into_any()
                    } else {
                        ().into_any()
                    }
                }}
                {move || {
                    if list.get() {
                        view! { <ListView /> }.into_any()
                    } else {
                        view! { <Timeline /> }.into_any()
                    }
                }}
            </div>
            <RecordPanel />
        </div>
    }
}

/// On narrow screens, the one button that switches to the other view (the list from the
/// timeline, the timeline from the list), with the same test ids as the wide switch's buttons.
#[component]
pub fn ViewToggle() -> impl IntoView {
    let app = AppState::expect();
    let s = move || strings(app.lang.get());
    move || {
        let to_list = !app.list_view.get();
        let (testid, glyph) = if to_list {
            ("view-list", Icon::List)
        } else {
            ("view-timeline", Icon::Timeline)
        };
        let label = move || {
            if to_list {
                s().view_list
            } else {
                s().view_timeline
            }
        };
        view! {
            <button
                type="button"
                class="button tool"
                data-testid=testid
                aria-label=label
                title=label
                on:click=move |_| app.list_view.set(to_list)
            >
                {icon(glyph)}
                <span class="tool__label">{label}</span>
            </button>
        }
    }
}

/// In debug builds only, a `ct-test-panic` event on the window makes the app panic on the next
/// tick, so a browser test can prove that a panic leaves a usable page (see `panic_screen`).
/// Release builds carry no trigger.
fn test_panic_trigger() {
    #[cfg(debug_assertions)]
    {
        let handle =
            window_event_listener(ev::Custom::<web_sys::Event>::new("ct-test-panic"), |_| {
                set_timeout(
                    || panic!("test panic requested by the ct-test-panic event"),
                    Duration::ZERO,
                );
            });
        on_cleanup(move || handle.remove());
    }
}

/// The embedded view's link to the full timeline, in a new tab: the current view without
/// `embed` (`model::embed::full_view_query`), kept current as the reader moves and selects.
#[component]
fn FullTimelineLink() -> impl IntoView {
    let app = AppState::expect();
    let href = move || {
        let path = window().location().pathname().unwrap_or_default();
        format!("{path}{}", full_view_query(&view_state(app)))
    };
    view! {
        <a
            class="embed__full button"
            href=href
            target="_blank"
            rel="noopener"
            data-testid="embed-full"
        >
            {move || strings(app.lang.get()).embed_full_link}
        </a>
    }
}
