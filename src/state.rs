//! The reactive glue: the load state of the dataset and its progress, the interface language, the
//! selection, the filters and the panels, provided once as a small `Copy` context ([`AppState`]),
//! and the loaded dataset, provided to everything that shows it ([`use_dataset`]). Loading (and
//! retrying) lives here so that components only call [`AppState::reload`].

use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::data::{LoadError, Progress, fetch_dataset, send};
use crate::i18n::strings;
use crate::model::filter::Filters;
use crate::model::{Dataset, EventIdx, Lang, Selection};
use crate::transfer::{ImportNote, Opened, open};

/// The CSS breakpoint below which the phone layout applies: a one-row header, the timeline filling
/// the screen, the record and the panels as bottom sheets (keep in step with the `60rem` media
/// queries in `style/`).
pub const NARROW_QUERY: &str = "(max-width: 60rem)";

/// Where the dataset is in its life.
#[derive(Debug, Clone)]
pub enum LoadState {
    /// A request is in flight (its progress is in [`AppState::progress`]).
    Loading,
    /// The dataset is loaded and valid.
    Ready(Arc<Dataset>),
    /// The last attempt failed.
    Failed(LoadError),
}

/// The side panels, one at a time behind their tabs (beside the timeline on wide screens, in a
/// bottom sheet on narrow ones). The record is not one of them: it is always beside the timeline
/// on wide screens, and a sheet of its own on narrow ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Panel {
    /// Facets and filters.
    #[default]
    Filters,
    /// Cooperation domains.
    Domains,
    /// Participants.
    People,
    /// The places on a map.
    Map,
}

impl Panel {
    /// Every panel, in tab order.
    pub const ALL: [Panel; 4] = [Panel::Filters, Panel::Domains, Panel::People, Panel::Map];
}

/// A selection named by ids (from a link, or kept across a reload), waiting for the data.
type PendingIds = (Option<String>, Option<String>);

/// The app's shared state; `Copy`, so closures take it freely.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The dataset's load state.
    pub load: RwSignal<LoadState>,
    /// How much of the dataset has arrived (while loading).
    pub progress: RwSignal<Progress>,
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
    /// On narrow screens, the sheet holding the side panels is open.
    pub panels_open: RwSignal<bool>,
    /// The list view is shown instead of the timeline.
    pub list_view: RwSignal<bool>,
    /// While a story is told, the index of its step (`model::story`); `None` while exploring.
    pub story: RwSignal<Option<usize>>,
    /// The timeline's visible window as last reported by it (for links), in axis days.
    pub window: RwSignal<Option<(f64, f64)>>,
    /// The window the timeline shows at this moment, updated on every move (not reactive, unlike
    /// [`Self::window`], which waits for the view to rest): what a picture export draws.
    pub shown_window: StoredValue<Option<(f64, f64)>>,
    /// A window the timeline should move to (from a link or the back button); it takes it and
    /// clears it.
    pub goto_window: RwSignal<Option<(f64, f64)>>,
    /// A message for the screen-reader live region.
    pub announcement: RwSignal<String>,
    /// Whether the screen is narrow (the phone layout): [`NARROW_QUERY`].
    pub narrow: Signal<bool>,
    /// The compact view for an `<iframe>` (`?embed=1`): the timeline and the record, no header
    /// controls and no panels. Fixed for the page's life.
    pub embed: bool,
    /// The name of the file the data was opened from on this computer, if it was (it has no
    /// address: a link or an embed cannot name it).
    pub file: RwSignal<Option<String>>,
    /// What the importer did with the dataset shown (`None` for our own format).
    pub report: RwSignal<Option<Arc<ImportNote>>>,
    /// The dataset shown, as our JSON: what exports start from (`crate::transfer`).
    pub raw: StoredValue<Option<Arc<Vec<u8>>>>,
    data_url: StoredValue<String>,
    timeout: StoredValue<Duration>,
    /// Counts load attempts, so that only the latest attempt's answer is applied.
    attempt: StoredValue<u64>,
    /// Cancels the request in flight.
    controller: StoredValue<Option<web_sys::AbortController>, LocalStorage>,
    /// A selection by ids, resolved when the data arrives.
    pending: StoredValue<Option<PendingIds>>,
}

impl AppState {
    /// Creates the state for the dataset at `data_url`, giving up a load after `timeout` without
    /// news (nothing is fetched until [`Self::reload`]).
    pub fn new(
        data_url: String,
        lang: Lang,
        timeout: Duration,
        narrow: Signal<bool>,
        embed: bool,
    ) -> Self {
        Self {
            load: RwSignal::new(LoadState::Loading),
            progress: RwSignal::new(Progress::default()),
            lang: RwSignal::new(lang),
            selected: RwSignal::new(None),
            filters: RwSignal::new(Filters::default()),
            person: RwSignal::new(None),
            query: RwSignal::new(String::new()),
            panel: RwSignal::new(Panel::default()),
            panels_open: RwSignal::new(false),
            list_view: RwSignal::new(false),
            story: RwSignal::new(None),
            window: RwSignal::new(None),
            shown_window: StoredValue::new(None),
            goto_window: RwSignal::new(None),
            announcement: RwSignal::new(String::new()),
            narrow,
            embed,
            file: RwSignal::new(None),
            report: RwSignal::new(None),
            raw: StoredValue::new(None),
            data_url: StoredValue::new(data_url),
            timeout: StoredValue::new(timeout),
            attempt: StoredValue::new(0),
            controller: StoredValue::new_local(None),
            pending: StoredValue::new(None),
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

    /// Selects what the ids name (a link's `event` or `gap`): at once if the data is loaded,
    /// else when it arrives — the latest such request wins, so Back pressed during a load
    /// restores that entry's selection, not the first one's.
    pub fn select_ids(self, event: Option<String>, gap: Option<String>) {
        let loaded = match &*self.load.read_untracked() {
            LoadState::Ready(d) => Some(d.clone()),
            _ => None,
        };
        match loaded {
            Some(d) => {
                let s = Selection::resolve(&d, event.as_deref(), gap.as_deref());
                if self.selected.get_untracked() != s {
                    self.selected.set(s);
                }
            }
            None => self.pending.set_value(Some((event, gap))),
        }
    }

    /// Cancels the request in flight, if any (the app is going away, or a file from this computer
    /// takes its place); its answer is ignored.
    pub fn cancel(self) {
        self.attempt.try_update_value(|a| *a += 1);
        if let Some(c) = self.controller.try_update_value(Option::take).flatten() {
            c.abort();
        }
    }

    /// Shows the timeline in the file `name` the reader chose or dropped, in any format the
    /// importer reads (`model::import`), or the error screen with every problem and where it is.
    /// What belonged to the previous data (selection, filters, person, search, window) is let go,
    /// and so is the address's view: a file on this computer has no address to link to.
    pub fn open_file(self, name: String, bytes: Vec<u8>) {
        self.cancel();
        self.pending.set_value(None);
        self.selected.set(None);
        self.story.set(None);
        self.filters.set(Filters::default());
        self.person.set(None);
        self.query.set(String::new());
        self.goto_window.set(None);
        self.window.set(None);
        self.shown_window.set_value(None);
        self.file.set(Some(name.clone()));
        if let Ok(history) = window().history() {
            let path = window().location().pathname().unwrap_or_default();
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
        }
        self.progress.set(Progress::default());
        self.load.set(LoadState::Loading);
        let attempt = self.attempt.get_value();
        spawn_local(async move {
            let result = open(bytes, Some(name.clone())).await;
            // A newer file or load has taken over meanwhile.
            if self.attempt.try_get_value() != Some(attempt) {
                return;
            }
            match result {
                Ok(opened) => {
                    // Focus stays on the page or the Open button: say what is now shown.
                    let lang = self.lang.get_untracked();
                    let title = opened.dataset.title.get(lang).to_string();
                    let _ = self
                        .announcement
                        .try_set(strings(lang).announce_opened.replace("{x}", &title));
                    self.show(opened);
                }
                Err(crate::model::Invalid(problems)) => {
                    let _ = self.report.try_set(None);
                    let _ = self.load.try_set(LoadState::Failed(LoadError::Invalid {
                        url: name,
                        problems,
                    }));
                }
            }
        });
    }

    /// Shows an opened timeline: its dataset, the importer's report, and its bytes for exports.
    fn show(self, opened: Opened) {
        let Opened { dataset, note, raw } = opened;
        self.raw.set_value(Some(raw));
        let _ = self.report.try_set(note.map(Arc::new));
        let d = Arc::new(dataset);
        let _ = self.load.try_set(LoadState::Ready(d.clone()));
        if let Some((event, gap)) = self.pending.try_update_value(Option::take).flatten() {
            let s = Selection::resolve(&d, event.as_deref(), gap.as_deref());
            let _ = self.selected.try_set(s);
        }
    }

    /// Shows the error screen for a file that could not even be read.
    pub fn open_failed(self, name: String, reason: String) {
        self.cancel();
        self.file.set(Some(name.clone()));
        self.load
            .set(LoadState::Failed(LoadError::Network { url: name, reason }));
    }

    /// Fetches the dataset (again), showing the loading state meanwhile. The filters, the person
    /// and the selection (by id) survive, so Retry keeps what a link asked for. If attempts
    /// overlap, the older request is cancelled and only the last one's result is kept.
    pub fn reload(self) {
        self.attempt.update_value(|a| *a += 1);
        let attempt = self.attempt.get_value();
        if let LoadState::Ready(d) = &*self.load.read_untracked()
            && let Some(s) = self.selected.get_untracked()
        {
            self.pending.set_value(Some(s.ids(d)));
        }
        self.selected.set(None);
        self.file.set(None);
        self.progress.set(Progress::default());
        self.load.set(LoadState::Loading);
        let Ok(controller) = web_sys::AbortController::new() else {
            self.load.set(LoadState::Failed(LoadError::Network {
                url: self.data_url(),
                reason: "this browser cannot make the request".into(),
            }));
            return;
        };
        if let Some(old) = self
            .controller
            .try_update_value(|c| c.replace(controller.clone()))
            .flatten()
        {
            old.abort();
        }
        let sent = send(&self.data_url(), controller, self.timeout.get_value());
        spawn_local(async move {
            let latest = move || self.attempt.try_get_value() == Some(attempt);
            let result = fetch_dataset(sent, |p| {
                if latest() {
                    let _ = self.progress.try_set(p);
                }
            })
            .await;
            if !latest() {
                return;
            }
            // try_*: the app may have been unmounted while the request was in flight.
            let _ = self.controller.try_update_value(|c| *c = None);
            match result {
                Ok(opened) => self.show(opened),
                Err(e) => {
                    let _ = self.load.try_set(LoadState::Failed(e));
                }
            }
        });
    }
}

/// Selects an event or a gap: the record shows it, the timeline brings it into view, and on a
/// narrow screen the record's sheet opens in place of the panels' sheet (one sheet at a time).
pub fn select(app: AppState, s: Selection) {
    app.selected.set(Some(s));
    if app.narrow.get_untracked() {
        app.panels_open.set(false);
    }
}

/// Shows a side panel: its tab opens, and on a narrow screen the panels' sheet opens over the
/// record's.
pub fn open_panel(app: AppState, p: Panel) {
    app.panel.set(p);
    if app.narrow.get_untracked() {
        app.panels_open.set(true);
    }
}

/// Selects an event (see [`select`]).
pub fn select_event(app: AppState, idx: EventIdx) {
    select(app, Selection::Event(idx));
}

/// The loaded dataset, as the views below the workspace reach it: `Copy`, read in place.
#[derive(Clone, Copy)]
pub struct DatasetRef(StoredValue<Arc<Dataset>>);

impl DatasetRef {
    /// Reads the dataset.
    pub fn with<R>(&self, f: impl FnOnce(&Dataset) -> R) -> R {
        self.0.with_value(|d| f(d))
    }

    /// Reads the dataset, unless its owner is gone (for deferred callbacks).
    pub fn try_with<R>(&self, f: impl FnOnce(&Dataset) -> R) -> Option<R> {
        self.0.try_with_value(|d| f(d))
    }
}

/// Provides the loaded dataset to the views below (called once, where the workspace is built).
pub fn provide_dataset(d: Arc<Dataset>) -> DatasetRef {
    let r = DatasetRef(StoredValue::new(d));
    provide_context(r);
    r
}

/// The loaded dataset (only below the workspace, which exists only once it is loaded).
pub fn use_dataset() -> DatasetRef {
    expect_context::<DatasetRef>()
}

/// The timeline's view state, provided by the timeline component for its parts (toolbar,
/// lanes) and for panels that move it.
#[derive(Clone, Copy)]
pub struct TimelineState {
    /// The visible window.
    pub viewport: RwSignal<crate::model::viewport::Viewport>,
    /// The event that has (or should get) keyboard focus.
    pub focus: RwSignal<Option<EventIdx>>,
}

/// Facet counts under the current filters, computed once per change for every panel that shows
/// them (the filters and the domains).
#[derive(Clone, Copy)]
pub struct Counts(pub Memo<crate::model::filter::FacetCounts>);

/// Provides the shared [`Counts`] (once, beside the dataset).
pub fn provide_counts(app: AppState, data: DatasetRef) {
    let counts = Memo::new(move |_| {
        app.filters
            .with(|f| data.with(|d| crate::model::filter::facet_counts(d, f)))
    });
    provide_context(Counts(counts));
}

/// The shared facet counts.
pub fn use_counts() -> Memo<crate::model::filter::FacetCounts> {
    expect_context::<Counts>().0
}
