//! The panels around the timeline and their tabs. On wide screens the record stays beside the
//! timeline and the tabs switch the other panel (filters, domains, people); on narrow screens all
//! four are tabs under the timeline.

use std::sync::Arc;

use leptos::prelude::*;

use super::domains_panel::DomainsPanel;
use super::event_detail::EventDetail;
use super::facets::Facets;
use super::participants_panel::ParticipantsPanel;
use crate::i18n::strings;
use crate::model::Dataset;
use crate::state::{AppState, Panel};

const PANELS: [Panel; 4] = [Panel::Record, Panel::Filters, Panel::Domains, Panel::People];

fn slug(p: Panel) -> &'static str {
    match p {
        Panel::Record => "record",
        Panel::Filters => "filters",
        Panel::Domains => "domains",
        Panel::People => "people",
    }
}

/// The tab list.
#[component]
pub fn PanelTabs() -> impl IntoView {
    let app = AppState::expect();
    let s = move || strings(app.lang.get());
    view! {
        <div class="tabs" role="tablist" aria-label=move || s().tabs_label>
            {PANELS
                .iter()
                .enumerate()
                .map(|(i, &p)| {
                    let active = move || app.panel.get() == p;
                    view! {
                        <button
                            type="button"
                            role="tab"
                            id=format!("tab-{}", slug(p))
                            class=format!("tab tab--{}", slug(p))
                            data-testid=format!("tab-{}", slug(p))
                            aria-selected=move || active().to_string()
                            aria-controls=format!("panel-{}", slug(p))
                            on:click=move |_| app.panel.set(p)
                        >
                            {move || s().tabs[i]}
                        </button>
                    }
                })
                .collect_view()}
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
pub fn SidePanels(
    /// The loaded dataset.
    dataset: Arc<Dataset>,
) -> impl IntoView {
    view! {
        <div class="side">
            <PanelTabs />
            {tab_panel(Panel::Filters, view! { <Facets dataset=dataset.clone() /> }.into_any())}
            {tab_panel(Panel::Domains, view! { <DomainsPanel dataset=dataset.clone() /> }.into_any())}
            {tab_panel(Panel::People, view! { <ParticipantsPanel dataset=dataset.clone() /> }.into_any())}
        </div>
    }
}

/// The record, as a tab panel on narrow screens and always visible on wide ones.
#[component]
pub fn RecordPanel(
    /// The loaded dataset.
    dataset: Arc<Dataset>,
) -> impl IntoView {
    tab_panel(Panel::Record, view! { <EventDetail dataset /> }.into_any())
}
