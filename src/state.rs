//! The reactive glue: the load state of the dataset, the interface language and the selection,
//! provided once as a small `Copy` context. Loading (and retrying) lives here so that components
//! only call [`AppState::reload`].

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::data::{LoadError, fetch_dataset};
use crate::model::filter::Filters;
use crate::model::{Dataset, Lang};

/// Where the dataset is in its life.
#[derive(Debug, Clone)]
pub enum LoadState {
    /// A request is in flight.
    Loading,
    /// The dataset is loaded and valid.
    Ready(Arc<Dataset>),
    /// The last attempt failed.
    Failed(LoadError),
}

/// What the detail panel shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selection {
    /// An event, by its index in the dataset.
    Event(usize),
    /// A gap, by its index in the dataset.
    Gap(usize),
}

/// The side panels (tabs on narrow screens; on wide ones the record is always beside the
/// timeline and the tabs switch the other panel).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Panel {
    /// The detail record of the selection.
    Record,
    /// Facets and filters.
    #[default]
    Filters,
    /// Cooperation domains.
    Domains,
    /// Participants.
    People,
}

/// The app's shared state; `Copy`, so closures take it freely.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The dataset's load state.
    pub load: RwSignal<LoadState>,
    /// The interface language.
    pub lang: RwSignal<Lang>,
    /// What is selected (shown in the detail panel and highlighted on the timeline).
    pub selected: RwSignal<Option<Selection>>,
    /// What the timeline, counts and panels are narrowed to.
    pub filters: RwSignal<Filters>,
    /// The person whose events are highlighted (by id).
    pub person: RwSignal<Option<String>>,
    /// The search text.
    pub query: RwSignal<String>,
    /// The open side panel.
    pub panel: RwSignal<Panel>,
    /// The list view is shown instead of the timeline.
    pub list_view: RwSignal<bool>,
    /// The timeline's visible window as last reported by it (for links), in axis days.
    pub window: RwSignal<Option<(f64, f64)>>,
    /// A window the timeline should move to (from a link or the back button); it takes it and
    /// clears it.
    pub goto_window: RwSignal<Option<(f64, f64)>>,
    /// A message for the screen-reader live region.
    pub announcement: RwSignal<String>,
    data_url: StoredValue<String>,
    /// Counts load attempts, so that only the latest attempt's answer is applied.
    attempt: StoredValue<u64>,
}

impl AppState {
    /// Creates the state for the dataset at `data_url` (nothing is fetched until [`Self::reload`]).
    pub fn new(data_url: String, lang: Lang) -> Self {
        Self {
            load: RwSignal::new(LoadState::Loading),
            lang: RwSignal::new(lang),
            selected: RwSignal::new(None),
            filters: RwSignal::new(Filters::default()),
            person: RwSignal::new(None),
            query: RwSignal::new(String::new()),
            panel: RwSignal::new(Panel::default()),
            list_view: RwSignal::new(false),
            window: RwSignal::new(None),
            goto_window: RwSignal::new(None),
            announcement: RwSignal::new(String::new()),
            data_url: StoredValue::new(data_url),
            attempt: StoredValue::new(0),
        }
    }

    /// The state provided by [`crate::App`].
    pub fn expect() -> Self {
        expect_context::<Self>()
    }

    /// The URL the dataset is fetched from.
    pub fn data_url(&self) -> String {
        self.data_url.get_value()
    }

    /// The loaded dataset, if any (tracked).
    pub fn dataset(&self) -> Option<Arc<Dataset>> {
        match &*self.load.read() {
            LoadState::Ready(d) => Some(d.clone()),
            _ => None,
        }
    }

    /// Fetches the dataset (again), showing the loading state meanwhile. If attempts overlap, only
    /// the last one's result is kept, so a slow first answer cannot overwrite a newer one.
    pub fn reload(self) {
        self.attempt.update_value(|a| *a += 1);
        let attempt = self.attempt.get_value();
        self.load.set(LoadState::Loading);
        self.selected.set(None);
        self.person.set(None);
        self.filters.set(Filters::default());
        let url = self.data_url();
        spawn_local(async move {
            let result = fetch_dataset(&url).await;
            if self.attempt.try_get_value() == Some(attempt) {
                // try_set: the app may have been unmounted while the request was in flight.
                let _ = self.load.try_set(match result {
                    Ok(d) => LoadState::Ready(Arc::new(d)),
                    Err(e) => LoadState::Failed(e),
                });
            }
        });
    }
}

/// Selects an event: the record shows it, the timeline brings it into view, and on a narrow
/// screen the record tab opens.
pub fn select_event(app: AppState, idx: usize) {
    app.selected.set(Some(Selection::Event(idx)));
    let narrow = window()
        .match_media("(max-width: 60rem)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    if narrow {
        app.panel.set(Panel::Record);
    }
}

/// The timeline's view state, provided by the timeline component for its parts (toolbar,
/// lanes) and for panels that move it ("show on the timeline").
#[derive(Clone, Copy)]
pub struct TimelineState {
    /// The visible window.
    pub viewport: RwSignal<crate::model::viewport::Viewport>,
    /// The event that has (or should get) keyboard focus, by dataset index.
    pub focus: RwSignal<Option<u32>>,
}
