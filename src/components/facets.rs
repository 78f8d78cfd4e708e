//! The filters panel: lanes, host party, confidence and a year range, each value with its live
//! count, the number of events shown, and one "clear all".

use std::sync::Arc;

use leptos::prelude::*;

use crate::i18n::strings;
use crate::model::dataset::Confidence;
use crate::model::date::{date_of, day_number};
use crate::model::filter::{FacetCounts, Filters, HOST_UNKNOWN, facet_counts};
use crate::model::{Dataset, Lang};
use crate::state::AppState;

/// One checkbox of a facet.
fn facet_option(
    id: String,
    label: String,
    count: usize,
    checked: impl Fn() -> bool + Send + Sync + 'static,
    on_toggle: impl Fn() + 'static,
) -> impl IntoView {
    view! {
        <li class="facet__option">
            <label>
                <input type="checkbox" prop:checked=checked on:change=move |_| on_toggle() data-facet=id />
                <span class="facet__label">{label}</span>
                <span class="facet__count" aria-label=format!("({count})")>{count}</span>
            </label>
        </li>
    }
}

fn confidence_label(c: Confidence, lang: Lang) -> &'static str {
    let values = strings(lang).confidence_values;
    match c {
        Confidence::Confirmed => values[0],
        Confidence::Inferred => values[1],
        Confidence::Uncertain => values[2],
    }
}

/// Jan 1 of `year` (or Dec 31 + 1 for an end), on the time axis.
fn year_day(year: i32, end: bool) -> Option<f64> {
    let y = if end { year.checked_add(1)? } else { year };
    chrono::NaiveDate::from_ymd_opt(y, 1, 1).map(|d| day_number(d) - if end { 1.0 } else { 0.0 })
}

fn year_of(day: Option<f64>) -> String {
    use chrono::Datelike;
    day.and_then(date_of)
        .map(|d| d.year().to_string())
        .unwrap_or_default()
}

/// The filters panel.
#[component]
pub fn Facets(
    /// The loaded dataset.
    dataset: Arc<Dataset>,
) -> impl IntoView {
    let app = AppState::expect();
    let data = StoredValue::new(dataset);
    let counts = Memo::new(move |_| {
        app.filters
            .with(|f| data.with_value(|d| facet_counts(d, f)))
    });
    let s = move || strings(app.lang.get());
    let total = data.with_value(|d| d.events.len());

    let lanes = move || {
        let lang = app.lang.get();
        let c: FacetCounts = counts.get();
        data.with_value(|d| {
            c.lanes
                .iter()
                .map(|(id, n)| {
                    let label = d.lane_label(id, lang);
                    let (key, watched) = (id.clone(), id.clone());
                    let checked = move || app.filters.with(|f| f.lanes.contains(&watched));
                    facet_option(format!("lane:{id}"), label, *n, checked, move || {
                        app.filters.update(|f| Filters::toggle(&mut f.lanes, &key))
                    })
                })
                .collect_view()
        })
    };
    let hosts = move || {
        let lang = app.lang.get();
        let c = counts.get();
        data.with_value(|d| {
            c.hosts
                .iter()
                .map(|(id, n)| {
                    let label = if id == HOST_UNKNOWN {
                        strings(lang).host_unknown.to_string()
                    } else {
                        d.party(id)
                            .map(|p| p.name.get(lang).to_string())
                            .unwrap_or_default()
                    };
                    let (key, watched) = (id.clone(), id.clone());
                    let checked = move || app.filters.with(|f| f.hosts.contains(&watched));
                    facet_option(format!("host:{id}"), label, *n, checked, move || {
                        app.filters.update(|f| Filters::toggle(&mut f.hosts, &key))
                    })
                })
                .collect_view()
        })
    };
    let confidence = move || {
        let lang = app.lang.get();
        counts
            .get()
            .confidence
            .iter()
            .map(|&(c, n)| {
                let checked = move || app.filters.with(|f| f.confidence.contains(&c));
                facet_option(
                    format!("confidence:{}", c.as_str()),
                    confidence_label(c, lang).to_string(),
                    n,
                    checked,
                    move || {
                        app.filters.update(|f| {
                            if !f.confidence.remove(&c) {
                                f.confidence.insert(c);
                            }
                        })
                    },
                )
            })
            .collect_view()
    };
    let set_year = move |end: bool, value: String| {
        let day = value
            .trim()
            .parse::<i32>()
            .ok()
            .and_then(|y| year_day(y, end));
        app.filters.update(|f| {
            if end {
                f.to = day;
            } else {
                f.from = day;
            }
        });
    };

    view! {
        <section class="panel facets" aria-labelledby="facets-heading" data-testid="facets">
            <h2 id="facets-heading" class="panel__title">{move || s().tabs[1]}</h2>
            <p class="facets__summary" aria-live="polite" data-testid="showing">
                {move || {
                    s()
                        .showing
                        .replace("{n}", &counts.with(|c| c.total).to_string())
                        .replace("{m}", &total.to_string())
                }}
            </p>
            <button
                type="button"
                class="button"
                data-testid="clear-all"
                disabled=move || app.filters.with(Filters::is_empty)
                on:click=move |_| app.filters.set(Filters::default())
            >
                {move || s().clear_all}
            </button>
            <fieldset class="facet">
                <legend>{move || s().facet_titles[0]}</legend>
                <ul>{lanes}</ul>
            </fieldset>
            <fieldset class="facet">
                <legend>{move || s().facet_titles[1]}</legend>
                <ul>{hosts}</ul>
            </fieldset>
            <fieldset class="facet">
                <legend>{move || s().facet_titles[2]}</legend>
                <ul>{confidence}</ul>
            </fieldset>
            <fieldset class="facet facet--years">
                <legend>{move || s().facet_titles[3]}</legend>
                <label>
                    {move || s().from}
                    <input
                        type="number"
                        inputmode="numeric"
                        min="1900"
                        max="2100"
                        data-testid="year-from"
                        prop:value=move || app.filters.with(|f| year_of(f.from))
                        on:change=move |ev| set_year(false, event_target_value(&ev))
                    />
                </label>
                <label>
                    {move || s().to}
                    <input
                        type="number"
                        inputmode="numeric"
                        min="1900"
                        max="2100"
                        data-testid="year-to"
                        prop:value=move || app.filters.with(|f| year_of(f.to))
                        on:change=move |ev| set_year(true, event_target_value(&ev))
                    />
                </label>
            </fieldset>
        </section>
    }
}
