//! Keeps the URL's query string and the app's state in step (see `model::url`): the state is
//! read from the URL at start and on Back/Forward, and written back as it changes — with a new
//! history entry for meaningful changes (selection, person, filters, language, view) and in
//! place for pans, zooms and typing in the search box, so Back does not replay every wheel notch
//! or keystroke. A selection in the URL is by id; while the data loads it waits in the state
//! ([`AppState::select_ids`]), so Back pressed during a load restores that entry's selection.

use leptos::ev;
use leptos::prelude::*;

use crate::data::DEFAULT_DATA_URL;
use crate::model::Lang;
use crate::model::url::ViewState;
use crate::state::{AppState, LoadState};

/// The language to start in: the link's, else the browser's first supported one, else English.
pub fn initial_lang(link: Option<Lang>) -> Lang {
    link.or_else(|| {
        let languages = window().navigator().languages();
        (0..languages.length())
            .filter_map(|i| languages.get(i).as_string())
            .find_map(|tag| Lang::from_tag(&tag))
    })
    .unwrap_or_default()
}

/// The view described by the current URL.
pub fn current_url_state() -> ViewState {
    ViewState::parse(&window().location().search().unwrap_or_default())
}

/// Sets `signal` only if the value differs: a set notifies even when equal, and re-rendering the
/// timeline for nothing would lose its view.
fn set_if_changed<T: PartialEq + Send + Sync + 'static>(signal: RwSignal<T>, value: T) {
    if signal.with_untracked(|v| *v != value) {
        signal.set(value);
    }
}

/// Applies a view from a URL to the state (selection ids are resolved once data is loaded).
fn apply(app: AppState, v: &ViewState) {
    if let Some(l) = v.lang {
        set_if_changed(app.lang, l);
    }
    set_if_changed(app.filters, v.filters.clone());
    set_if_changed(app.person, v.person.clone());
    set_if_changed(app.query, v.query.clone());
    set_if_changed(app.list_view, v.list);
    if let Some(w) = v.window {
        app.goto_window.set(Some(w));
        // Known at once, so the URL keeps it before the timeline first reports its window.
        set_if_changed(app.window, Some(w));
    }
    app.select_ids(v.event.clone(), v.gap.clone());
    set_if_changed(app.story, v.story.map(|n| n - 1));
}

/// The view the state describes now, naming the dataset when it is not the bundled one (for the
/// Embed dialog and the embedded view's link, which must load the same data). Tracked.
pub fn view_state(app: AppState) -> ViewState {
    let url = app.data_url();
    snapshot(app, (url != DEFAULT_DATA_URL).then_some(url))
}

/// The view the state describes now.
fn snapshot(app: AppState, data: Option<String>) -> ViewState {
    let (event, gap) = match (app.selected.get(), app.dataset()) {
        (Some(s), Some(d)) => s.ids(&d),
        _ => (None, None),
    };
    ViewState {
        window: app.window.get(),
        event,
        gap,
        person: app.person.get(),
        filters: app.filters.get(),
        query: app.query.get(),
        lang: Some(app.lang.get()),
        list: app.list_view.get(),
        data,
        embed: app.embed,
        story: app.story.get().map(|i| i + 1),
    }
}

/// Wires the URL to `app`. Call once, after the state exists.
pub fn use_url_state(app: AppState) {
    let start = current_url_state();
    let data = start.data.clone();
    // The view last written to (or read from) the URL: a change is only written when the state
    // differs from it, so restoring a view from the URL writes nothing back. The language counts
    // as already written (a link without one shows the reader's language, and that is no change).
    let with_lang = move |v: &ViewState| ViewState {
        lang: Some(app.lang.get_untracked()),
        ..v.clone()
    };
    apply(app, &start);
    let last = StoredValue::new(with_lang(&start));

    Effect::new(move |_| {
        let next = snapshot(app, data.clone());
        // A file opened from this computer has no address: its view is not written.
        if !matches!(*app.load.read_untracked(), LoadState::Ready(_)) || app.file.get().is_some() {
            return;
        }
        let previous = last.get_value();
        if previous == next {
            return;
        }
        let url = {
            let q = next.to_query();
            let path = window().location().pathname().unwrap_or_default();
            format!("{path}{q}")
        };
        if let Ok(history) = window().history() {
            // In an <iframe> the entries would join the article's history, and its Back button
            // would step through selections instead of leaving the page.
            let _ = if previous.is_meaningful_change(&next) && !app.embed {
                history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            } else {
                history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            };
        }
        last.set_value(next);
    });

    let handle = window_event_listener(ev::popstate, move |_| {
        let v = current_url_state();
        if v.lang.is_none() {
            app.lang.set(initial_lang(None));
        }
        // Back from a file opened on this computer returns to what the address shows; its view
        // belongs to that data, not to the file's.
        if app.file.get_untracked().is_some() {
            app.reload();
        }
        apply(app, &v);
        last.set_value(with_lang(&v));
    });
    on_cleanup(move || handle.remove());
}
