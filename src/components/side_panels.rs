//! The panels around the timeline and their tabs. On wide screens the record stays beside the
//! timeline and the tabs switch the other panel (filters, domains, people); on narrow screens all
//! four are tabs under the timeline. The tabs follow the WAI-ARIA pattern: one tab stop, arrow
//! keys (mirrored in Arabic), Home and End move between the tabs that are shown.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::domains_panel::DomainsPanel;
use super::event_detail::EventDetail;
use super::facets::Facets;
use super::participants_panel::ParticipantsPanel;
use crate::i18n::{Strings, strings};
use crate::model::input::tab_step;
use crate::state::{AppState, Panel};

fn slug(p: Panel) -> &'static str {
    match p {
        Panel::Record => "record",
        Panel::Filters => "filters",
        Panel::Domains => "domains",
        Panel::People => "people",
    }
}

fn tab_label(s: &Strings, p: Panel) -> &'static str {
    match p {
        Panel::Record => s.tab_record,
        Panel::Filters => s.tab_filters,
        Panel::Domains => s.tab_domains,
        Panel::People => s.tab_people,
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
    // The tab that is chosen and holds the tab stop: the open one, or on wide screens (where the
    // record has no tab) the filters while the record is "open", since their panel then shows.
    let stop = move || match app.panel.get() {
        Panel::Record if !app.narrow.get() => Panel::Filters,
        p => p,
    };
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
            // The record is a tab only where it is not always shown beside the timeline.
            {move || app.narrow.get().then(|| tab(Panel::Record))}
            {[Panel::Filters, Panel::Domains, Panel::People].map(tab)}
        </div>
    }
}

/// One tab panel's wrapper: shown when its tab is active (on wide screens the filters panel also
/// stands in while the record tab is active, since the record is always visible there).
fn tab_panel(p: Panel, child: AnyView) -> impl IntoView {
    let app = AppState::expect();
    view! {
        <div
            role="tabpanel"
            id=format!("panel-{}", slug(p))
            aria-labelledby=format!("tab-{}", slug(p))
            class=format!("tabpanel tabpanel--{}", slug(p))
            class:is-active=move || app.panel.get() == p
            class:is-default=move || p == Panel::Filters && app.panel.get() == Panel::Record
        >
            {child}
        </div>
    }
}

/// The side panel with its tabs (filters, domains, people).
#[component]
pub fn SidePanels() -> impl IntoView {
    view! {
        <div class="side">
            <PanelTabs />
            {tab_panel(Panel::Filters, view! { <Facets /> }.into_any())}
            {tab_panel(Panel::Domains, view! { <DomainsPanel /> }.into_any())}
            {tab_panel(Panel::People, view! { <ParticipantsPanel /> }.into_any())}
        </div>
    }
}

/// The record, as a tab panel on narrow screens and always visible on wide ones.
#[component]
pub fn RecordPanel() -> impl IntoView {
    tab_panel(Panel::Record, view! { <EventDetail /> }.into_any())
}
