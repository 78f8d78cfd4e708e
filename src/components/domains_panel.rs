//! The domains panel: every cooperation domain with its number of events under the current
//! filters and a strip of its presence per year (SVG drawn from Rust), so the widening of the
//! cooperation — from training and exercises to space, cyber, AI and industry — shows at a
//! glance. Selecting domains filters the timeline, matching any or all of them.

use leptos::prelude::*;

use crate::i18n::strings;
use crate::model::dataset::Confidence;
use crate::model::filter::{DomainMode, DomainRow, Filters, domain_rows, year_extent};
use crate::model::fixed::Fixed;
use crate::model::locale::year_label;
use crate::state::{AppState, use_counts, use_dataset};

/// One domain's row.
fn domain_item(row: DomainRow, peak: usize) -> impl IntoView {
    let app = AppState::expect();
    let data = use_dataset();
    let lang = app.lang.get_untracked();
    let (label, description, uncertain) = data.with(|d| {
        d.domain(&row.id)
            .map(|x| {
                (
                    x.label.get(lang).to_string(),
                    x.description.get(lang).to_string(),
                    x.confidence == Confidence::Uncertain,
                )
            })
            .unwrap_or_default()
    });
    let (watched, toggled) = (row.id.clone(), row.id.clone());
    let n = row.strip.len().max(1);
    let bars = row
        .strip
        .iter()
        .enumerate()
        .filter(|(_, c)| **c > 0)
        .map(|(i, &c)| {
            let h = 2.0 + 14.0 * c as f64 / peak.max(1) as f64;
            view! { <rect x=i.to_string() y=Fixed(16.0 - h, 2).to_string() width="0.8" height=Fixed(h, 2).to_string() /> }
        })
        .collect_view();
    let id = row.id;
    view! {
        <li class="domain" class:domain--uncertain=uncertain data-domain=id.clone()>
            <label class="domain__head" title=description>
                <input
                    type="checkbox"
                    prop:checked=move || app.filters.with(|f| f.domains.contains(&watched))
                    data-testid=format!("domain-{id}")
                    on:change=move |_| app.filters.update(|f| Filters::toggle(&mut f.domains, &toggled))
                />
                <span class="domain__label">{label}</span>
                <span class="domain__count" data-testid=format!("domain-count-{id}")>{row.count}</span>
            </label>
            <svg class="domain__strip" viewBox=format!("0 0 {n} 16") preserveAspectRatio="none" aria-hidden="true">
                {bars}
            </svg>
        </li>
    }
}

/// The domains panel.
#[component]
pub fn DomainsPanel() -> impl IntoView {
    let app = AppState::expect();
    let data = use_dataset();
    let counts = use_counts();
    let s = move || strings(app.lang.get());
    let rows = Memo::new(move |_| {
        app.filters
            .with(|f| counts.with(|c| data.with(|d| domain_rows(d, f, c))))
    });
    let list = move || {
        app.lang.track();
        let rows = rows.get();
        let peak = rows
            .iter()
            .flat_map(|r| r.strip.iter().copied())
            .max()
            .unwrap_or(1);
        rows.into_iter()
            .map(|r| domain_item(r, peak))
            .collect_view()
    };
    let mode = move |m: DomainMode| {
        view! {
            <label>
                <input
                    type="radio"
                    name="domain-mode"
                    prop:checked=move || app.filters.with(|f| f.domain_mode == m)
                    on:change=move |_| app.filters.update(|f| f.domain_mode = m)
                />
                {move || s().domain_mode(m)}
            </label>
        }
    };
    let axis = data.with(year_extent).map(|(a, b)| {
        view! {
            <div class="domains__axis" aria-hidden="true">
                <span>{move || year_label(app.lang.get(), a)}</span>
                <span>{move || year_label(app.lang.get(), b)}</span>
            </div>
        }
    });
    view! {
        <section class="panel domains" aria-labelledby="domains-heading" data-testid="domains">
            <h2 id="domains-heading" class="panel__title">{move || s().tab_domains}</h2>
            <p class="panel__hint">{move || s().domains_hint}</p>
            <fieldset class="domains__mode">
                <legend>{move || s().domain_mode_label}</legend>
                {mode(DomainMode::Any)}
                {mode(DomainMode::All)}
            </fieldset>
            {axis}
            <ul class="domains__list">{list}</ul>
        </section>
    }
}
