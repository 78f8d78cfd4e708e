//! The panels around the timeline, their tabs, and the record. On wide screens the record stays
//! beside the timeline and the tabs switch the other panel (filters, domains, people); on narrow
//! screens the record is a bottom sheet over the timeline, open while something is selected, and
//! the panels are another, opened by the toolbar's Filters button ([`FiltersButton`]). The tabs
//! follow the WAI-ARIA pattern: one tab stop, arrow keys (mirrored in Arabic), Home and End.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::domains_panel::DomainsPanel;
use super::event_detail::EventDetail;
use super::facets::Facets;
use super::icons::{Icon, icon};
use super::map_panel::MapPanel;
use super::participants_panel::ParticipantsPanel;
use super::sheet::Sheet;
use super::story::{StoryBar, use_story};
use crate::i18n::{Strings, strings};
use crate::model::input::tab_step;
use crate::state::{AppState, Panel};

fn slug(p: Panel) -> &'static str {
    match p {
        Panel::Filters => "filters",
        Panel::Domains => "domains",
        Panel::People => "people",
        Panel::Map => "map",
    }
}

fn tab_label(s: &Strings, p: Panel) -> &'static str {
    match p {
        Panel::Filters => s.tab_filters,
        Panel::Domains => s.tab_domains,
        Panel::People => s.tab_people,
        Panel::Map => s.tab_map,
    }
}

/// The panel a tab button opens, from its `data-panel`.
fn panel_of(el: &web_sys::Element) -> Option<Panel> {
    let name = el.get_attribute("data-panel")?;
    Panel::ALL.into_iter().find(|p| slug(*p) == name)
}

/// Arrow keys, Home and End on the tab list: open the neighbouring tab and focus it.
fn on_tab_key(app: AppState, ev: ev::KeyboardEvent) {
    let Some(list) = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let Ok(nodes) = list.query_selector_all("[role=tab]") else {
        return;
    };
    let tabs: Vec<web_sys::HtmlElement> = (0..nodes.length())
        .filter_map(|i| nodes.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
        .collect();
    let current = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
        .and_then(|t| tabs.iter().position(|x| *x == t))
        .unwrap_or(0);
    let Some(next) = tab_step(
        tabs.len(),
        current,
        &ev.key(),
        app.lang.get_untracked().is_rtl(),
    ) else {
        return;
    };
    ev.prevent_default();
    if let Some(tab) = tabs.get(next) {
        if let Some(p) = panel_of(tab) {
            app.panel.set(p);
        }
        let _ = tab.focus();
    }
}

/// The tab list.
#[component]
pub fn PanelTabs() -> impl IntoView {
    let app = AppState::expect();
    let s = move || strings(app.lang.get());
    let stop = move || app.panel.get();
    let tab = move |p: Panel| {
        view! {
            <button
                type="button"
                role="tab"
                id=format!("tab-{}", slug(p))
                class=format!("tab tab--{}", slug(p))
                data-testid=format!("tab-{}", slug(p))
                data-panel=slug(p)
                aria-selected=move || (stop() == p).to_string()
                aria-controls=format!("panel-{}", slug(p))
                tabindex=move || if stop() == p { "0" } else { "-1" }
                on:click=move |_| app.panel.set(p)
            >
                {move || tab_label(s(), p)}
            </button>
        }
    };
    view! {
        <div
            class="tabs"
            role="tablist"
            aria-label=move || s().tabs_label
            on:keydown=move |ev| on_tab_key(app, ev)
        >
            {Panel::ALL.map(tab)}
        </div>
    }
}

/// One tab panel's wrapper: shown when its tab is active. What it holds is built the first
/// time its tab is active, then kept: built at once, the hidden panels were most of the page's
/// elements at the first render (~1,800 of ~2,400 at 10k events), made and styled for nobody.
fn tab_panel(p: Panel, child: fn() -> AnyView) -> impl IntoView {
    let app = AppState::expect();
    let shown = Memo::new(move |was: Option<&bool>| was == Some(&true) || app.panel.get() == p);
    view! {
        <div
            role="tabpanel"
            id=format!("panel-{}", slug(p))
            aria-labelledby=format!("tab-{}", slug(p))
            class=format!("tabpanel tabpanel--{}", slug(p))
            class:is-active=move || app.panel.get() == p
        >
            {move || shown.get().then(child)}
        </div>
    }
}

/// The side panels with their tabs (filters, domains, people): a column on wide screens, a sheet
/// on narrow ones.
#[component]
pub fn SidePanels() -> impl IntoView {
    let app = AppState::expect();
    let open = Memo::new(move |_| app.narrow.get() && app.panels_open.get());
    view! {
        <Sheet
            class="side sheet--panels"
            id="panels-sheet"
            label=|s| s.panels_sheet
            open
            on_close=Callback::new(move |()| app.panels_open.set(false))
            testid="panels-sheet"
            close_testid="panels-close"
            take=true
            first="[role=tab][aria-selected=true]"
        >
            <PanelTabs />
            {tab_panel(Panel::Filters, || view! { <Facets /> }.into_any())}
            {tab_panel(Panel::Domains, || view! { <DomainsPanel /> }.into_any())}
            {tab_panel(Panel::People, || view! { <ParticipantsPanel /> }.into_any())}
            {tab_panel(Panel::Map, || view! { <MapPanel /> }.into_any())}
        </Sheet>
    }
}

/// The record: beside the timeline on wide screens (always shown, empty until something is
/// selected); on narrow ones a sheet over the lower part of the timeline, open while something is
/// selected and the panels' sheet is not, which closing clears the selection.
#[component]
pub fn RecordPanel() -> impl IntoView {
    let app = AppState::expect();
    let steps = use_story(app);
    // A memo: entering or leaving the story rebuilds the record, a step does not.
    let told = Memo::new(move |_| app.story.with(Option::is_some));
    let open = Memo::new(move |_| {
        app.narrow.get()
            && (app.selected.with(Option::is_some) || told.get())
            && !app.panels_open.get()
    });
    view! {
        <Sheet
            class="record-sheet sheet--record"
            label=|s| s.tab_record
            open
            on_close=Callback::new(move |()| {
                app.story.set(None);
                app.selected.set(None);
            })
            testid="record-sheet"
            close_testid="record-close"
            take=false
        >
            {move || {
                if told.get() {
                    view! {
                        <StoryBar steps>
                            <EventDetail />
                        </StoryBar>
                    }
                        .into_any()
                } else {
                    view! { <EventDetail /> }.into_any()
                }
            }}
        </Sheet>
    }
}

/// The narrow toolbar's button that opens (or closes) the panels' sheet.
#[component]
pub fn FiltersButton() -> impl IntoView {
    let app = AppState::expect();
    let s = move || strings(app.lang.get());
    view! {
        <button
            type="button"
            class="button tool"
            data-testid="open-panels"
            aria-haspopup="dialog"
            aria-controls="panels-sheet"
            aria-expanded=move || app.panels_open.get().to_string()
            aria-label=move || s().panels_sheet
            title=move || s().panels_sheet
            on:click=move |_| app.panels_open.update(|o| *o = !*o)
        >
            {icon(Icon::Filter)}
            <span class="tool__label">{move || s().tab_filters}</span>
        </button>
    }
}
