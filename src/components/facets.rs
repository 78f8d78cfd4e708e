//! The filters panel: lanes, host party, confidence and a year range, each value with its live
//! count, the number of events shown, and one "clear all".

use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::i18n::strings;
use crate::model::date::{FIRST_DEEP_YEAR, LAST_DATA_YEAR, year_end, year_of, year_start};
use crate::model::filter::{Filters, HOST_UNKNOWN};
use crate::model::geo::place_counts;
use crate::model::url::parse_year;
use crate::state::{AppState, use_counts, use_dataset};

/// The set of values of one facet in the filters, to read and to change.
struct Field<T: 'static> {
    get: fn(&Filters) -> &BTreeSet<T>,
    get_mut: fn(&mut Filters) -> &mut BTreeSet<T>,
}

/// One checkbox of a facet: toggles `value` in its field of the filters.
fn facet_option<T>(
    testid: String,
    label: String,
    count: usize,
    value: T,
    field: Field<T>,
) -> impl IntoView
where
    T: Ord + Clone + Send + Sync + 'static,
{
    let app = AppState::expect();
    let watched = value.clone();
    let Field { get, get_mut } = field;
    let checked = move || app.filters.with(|f| get(f).contains(&watched));
    view! {
        <li class="facet__option">
            <label>
                <input
                    type="checkbox"
                    prop:checked=checked
                    on:change=move |_| app.filters.update(|f| Filters::toggle(get_mut(f), &value))
                    data-facet=testid
                />
                <span class="facet__label">{label}</span>
                <span class="facet__count" aria-label=format!("({count})")>{count}</span>
            </label>
        </li>
    }
}

/// A year input of the date facet; `end` is the "to" year (its last day counts).
fn year_input(end: bool) -> impl IntoView {
    let app = AppState::expect();
    let s = move || strings(app.lang.get());
    let value = move || {
        app.filters
            .with(|f| if end { f.to } else { f.from })
            .and_then(year_of)
            .map(|y| y.to_string())
            .unwrap_or_default()
    };
    let set = move |text: String| {
        let day = parse_year(&text).map(|y| if end { year_end(y) } else { year_start(y) });
        app.filters.update(|f| {
            if end {
                f.to = day;
            } else {
                f.from = day;
            }
        });
    };
    view! {
        <label>
            {move || if end { s().to } else { s().from }}
            <input
                type="number"
                inputmode="numeric"
                // Astronomical years, as the data writes them: deep time and BC are negative.
                min=FIRST_DEEP_YEAR.to_string()
                max=LAST_DATA_YEAR.to_string()
                data-testid=if end { "year-to" } else { "year-from" }
                prop:value=value
                on:change=move |ev| set(event_target_value(&ev))
            />
        </label>
    }
}

/// The filters panel.
#[component]
pub fn Facets() -> impl IntoView {
    let app = AppState::expect();
    let data = use_dataset();
    let counts = use_counts();
    let s = move || strings(app.lang.get());
    let total = data.with(|d| d.events.len());

    let lanes = move || {
        let lang = app.lang.get();
        let c = counts.get();
        data.with(|d| {
            c.lanes
                .into_iter()
                .map(|(id, n)| {
                    let label = d.lane_label(&id, lang);
                    let field = Field {
                        get: |f| &f.lanes,
                        get_mut: |f| &mut f.lanes,
                    };
                    facet_option(format!("lane:{id}"), label, n, id, field)
                })
                .collect_view()
        })
    };
    let hosts = move || {
        let lang = app.lang.get();
        let c = counts.get();
        data.with(|d| {
            c.hosts
                .into_iter()
                .map(|(id, n)| {
                    let label = if id == HOST_UNKNOWN {
                        strings(lang).host_unknown.to_string()
                    } else {
                        d.party(&id)
                            .map(|p| p.name.get(lang).to_string())
                            .unwrap_or_default()
                    };
                    let field = Field {
                        get: |f| &f.hosts,
                        get_mut: |f| &mut f.hosts,
                    };
                    facet_option(format!("host:{id}"), label, n, id, field)
                })
                .collect_view()
        })
    };
    let confidence = move || {
        let st = strings(app.lang.get());
        counts
            .get()
            .confidence
            .into_iter()
            .map(|(c, n)| {
                let label = st.confidence_label(c).to_string();
                let field = Field {
                    get: |f| &f.confidence,
                    get_mut: |f| &mut f.confidence,
                };
                facet_option(format!("confidence:{}", c.as_str()), label, n, c, field)
            })
            .collect_view()
    };

    // The register's places with events under the other filters, and any chosen (a link may name
    // one with none), in the register's order.
    let places = move || {
        let lang = app.lang.get();
        let field = || Field {
            get: |f| &f.places,
            get_mut: |f| &mut f.places,
        };
        app.filters.with(|f| {
            data.with(|d| {
                place_counts(d, f)
                    .into_iter()
                    .zip(&d.places)
                    .filter(|(n, p)| *n > 0 || f.places.contains(&p.id))
                    .map(|(n, p)| {
                        let label = p.name.get(lang).to_string();
                        facet_option(format!("place:{}", p.id), label, n, p.id.clone(), field())
                    })
                    .collect_view()
            })
        })
    };
    let has_places = data.with(|d| !d.places.is_empty());

    view! {
        <section class="panel facets" aria-labelledby="facets-heading" data-testid="facets">
            <h2 id="facets-heading" class="panel__title">{move || s().tab_filters}</h2>
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
                <legend>{move || s().facet_lanes}</legend>
                <ul>{lanes}</ul>
            </fieldset>
            <fieldset class="facet">
                <legend>{move || s().facet_host}</legend>
                <ul>{hosts}</ul>
            </fieldset>
            <fieldset class="facet">
                <legend>{move || s().facet_confidence}</legend>
                <ul>{confidence}</ul>
            </fieldset>
            {has_places
                .then(|| {
                    view! {
                        <fieldset class="facet" data-testid="facet-places">
                            <legend>{move || s().facet_places}</legend>
                            <ul>{places}</ul>
                        </fieldset>
                    }
                })}
            <fieldset class="facet facet--years">
                <legend>{move || s().facet_years}</legend>
                {year_input(false)}
                {year_input(true)}
            </fieldset>
        </section>
    }
}
