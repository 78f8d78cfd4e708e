//! The first timeline: one marker per commission session on a year axis, with its number (where the
//! sources give one), its date at its real precision and its city.

use std::sync::Arc;

use leptos::prelude::*;

use crate::i18n::strings;
use crate::model::axis::{YearAxis, label_rows};
use crate::model::locale::session_label;
use crate::model::{Dataset, Lang};
use crate::state::AppState;

/// Labels closer than this (as a fraction of the strip, whose minimum width CSS fixes) move down a row.
const LABEL_GAP: f64 = 0.16;
/// At most this many year ticks.
const MAX_TICKS: usize = 20;

/// What one marker shows, computed once per language change.
struct Marker {
    id: String,
    at: f64,
    row: usize,
    label: String,
    date: String,
    inferred: bool,
    place: Option<String>,
}

fn markers(d: &Dataset, axis: &YearAxis, lang: Lang) -> Vec<Marker> {
    let sessions = d.sessions();
    let xs: Vec<f64> = sessions
        .iter()
        .map(|e| axis.fraction((e.date.axis_start() + e.date.axis_end()) / 2.0))
        .collect();
    let rows = label_rows(&xs, LABEL_GAP);
    sessions
        .iter()
        .zip(xs.iter().zip(rows))
        .map(|(e, (&at, row))| Marker {
            id: e.id.clone(),
            at,
            row,
            label: session_label(lang, e.session_number),
            date: e.date.format(lang),
            inferred: e.date.inferred,
            place: e.place.as_ref().map(|p| p.name.get(lang).to_string()),
        })
        .collect()
}

/// The commission sessions on a year axis.
#[component]
pub fn SessionStrip(
    /// The loaded dataset.
    dataset: Arc<Dataset>,
) -> impl IntoView {
    let state = AppState::expect();
    let s = move || strings(state.lang.get());
    let Some(axis) = YearAxis::fit(dataset.sessions().iter().map(|e| &e.date)) else {
        return view! { <p class="empty" data-testid="empty">{move || s().no_sessions}</p> }
            .into_any();
    };
    let ticks = axis.ticks(MAX_TICKS);
    // Rows depend only on positions, not on the language, so the height is fixed once.
    let rows = markers(&dataset, &axis, Lang::En)
        .iter()
        .map(|m| m.row + 1)
        .max()
        .unwrap_or(1);
    let pct = |x: f64| format!("{:.3}%", x * 100.0);

    view! {
        <section class="strip" aria-labelledby="strip-heading">
            <h2 id="strip-heading" class="strip__heading">{move || s().sessions_heading}</h2>
            <div class="strip__scroller">
                <div class="strip__canvas" style=("--rows", rows.to_string())>
                    <ol class="strip__axis" aria-hidden="true">
                        {ticks
                            .iter()
                            .map(|t| {
                                view! {
                                    <li class="strip__tick" style:left=pct(t.at)>
                                        {t.year}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ol>
                    <ol class="strip__sessions" aria-label=move || s().sessions_list_label>
                        {move || {
                            let lang = state.lang.get();
                            markers(&dataset, &axis, lang)
                                .into_iter()
                                .map(|m| {
                                    view! {
                                        <li
                                            class="session"
                                            class:session--inferred=m.inferred
                                            style:left=pct(m.at)
                                            style=("--row", m.row.to_string())
                                            data-testid="session"
                                            data-event-id=m.id
                                        >
                                            <span class="session__dot" aria-hidden="true"></span>
                                            <span class="session__label">
                                                <strong class="session__name">{m.label}</strong>
                                                <span class="session__date">
                                                    {m.date}
                                                    {m
                                                        .inferred
                                                        .then(|| {
                                                            view! {
                                                                <span class="badge">
                                                                    {move || s().inferred}
                                                                </span>
                                                            }
                                                        })}
                                                </span>
                                                <span class="session__place">
                                                    {m.place.unwrap_or_else(|| s().place_unknown.to_string())}
                                                </span>
                                            </span>
                                        </li>
                                    }
                                })
                                .collect_view()
                        }}
                    </ol>
                </div>
            </div>
        </section>
    }
    .into_any()
}
