//! The domains panel: every cooperation domain with its number of events under the current
//! filters and a strip of its presence per year (SVG drawn from Rust), so the widening of the
//! cooperation — from training and exercises to space, cyber, AI and industry — shows at a
//! glance. Selecting domains filters the timeline, matching any or all of them.

use std::sync::Arc;

use leptos::prelude::*;

use crate::i18n::strings;
use crate::model::Dataset;
use crate::model::dataset::Confidence;
use crate::model::filter::{DomainMode, Filters, all_domain_presence, facet_counts, year_extent};
use crate::state::AppState;

/// One domain's row, computed per filter change.
#[derive(Clone, PartialEq)]
struct Row {
    id: String,
    count: usize,
    strip: Vec<usize>,
}

/// The domains panel.
#[component]
pub fn DomainsPanel(
    /// The loaded dataset.
    dataset: Arc<Dataset>,
) -> impl IntoView {
    let app = AppState::expect();
    let years = year_extent(&dataset);
    let data = StoredValue::new(dataset);
    let s = move || strings(app.lang.get());
    let rows = Memo::new(move |_| {
        app.filters.with(|f| {
            data.with_value(|d| {
                let counts = facet_counts(d, f);
                // Strips ignore the domain selection itself (like the counts), so selecting a
                // domain does not flatten the others.
                let others = Filters {
                    domains: Default::default(),
                    ..f.clone()
                };
                let mut strips = years
                    .map(|(a, b)| all_domain_presence(d, &others, a, b))
                    .unwrap_or_default()
                    .into_iter();
                counts
                    .domains
                    .into_iter()
                    .map(|(id, count)| Row {
                        strip: strips.next().map(|(_, s)| s).unwrap_or_default(),
                        id,
                        count,
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let peak = move || {
        rows.with(|r| {
            r.iter()
                .flat_map(|x| x.strip.iter().copied())
                .max()
                .unwrap_or(1)
                .max(1)
        })
    };

    let list = move || {
        let lang = app.lang.get();
        let peak = peak();
        rows.get()
            .into_iter()
            .map(|row| {
                let (label, description, uncertain) = data.with_value(|d| {
                    d.domains
                        .iter()
                        .find(|x| x.id == row.id)
                        .map(|x| {
                            (
                                x.label.get(lang).to_string(),
                                x.description.get(lang).to_string(),
                                x.confidence == Confidence::Uncertain,
                            )
                        })
                        .unwrap_or_default()
                });
                let id = row.id.clone();
                let watched = id.clone();
                let checked = move || app.filters.with(|f| f.domains.contains(&watched));
                let n = row.strip.len().max(1);
                let bars = row
                    .strip
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| **c > 0)
                    .map(|(i, &c)| {
                        let h = 2.0 + 14.0 * c as f64 / peak as f64;
                        view! {
                            <rect x=i.to_string() y=format!("{:.2}", 16.0 - h) width="0.8" height=format!("{h:.2}") />
                        }
                    })
                    .collect_view();
                let toggle_id = id.clone();
                view! {
                    <li class="domain" class:domain--uncertain=uncertain data-domain=id.clone()>
                        <label class="domain__head" title=description.clone()>
                            <input
                                type="checkbox"
                                prop:checked=checked
                                data-testid=format!("domain-{id}")
                                on:change=move |_| {
                                    app.filters.update(|f| Filters::toggle(&mut f.domains, &toggle_id))
                                }
                            />
                            <span class="domain__label">{label}</span>
                            <span class="domain__count" data-testid=format!("domain-count-{id}")>
                                {row.count}
                            </span>
                        </label>
                        <svg
                            class="domain__strip"
                            viewBox=format!("0 0 {n} 16")
                            preserveAspectRatio="none"
                            aria-hidden="true"
                        >
                            {bars}
                        </svg>
                    </li>
                }
            })
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
                {move || s().domain_modes[if m == DomainMode::Any { 0 } else { 1 }]}
            </label>
        }
    };
    let axis = years.map(|(a, b)| {
        view! {
            <div class="domains__axis" aria-hidden="true">
                <span>{a}</span>
                <span>{b}</span>
            </div>
        }
    });

    view! {
        <section class="panel domains" aria-labelledby="domains-heading" data-testid="domains">
            <h2 id="domains-heading" class="panel__title">{move || s().tabs[2]}</h2>
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
