//! The list view: the same filtered events as the timeline, as a table sorted by date — the
//! plain, screen-reader-friendly way through the data. Choosing a title selects the event.

use std::sync::Arc;

use leptos::prelude::*;

use crate::i18n::strings;
use crate::model::dataset::Confidence;
use crate::model::locale::session_label;
use crate::model::search::date_order;
use crate::model::{COMMISSION_LANE, Dataset};
use crate::state::{AppState, Selection, select_event};

/// The table of events.
#[component]
pub fn ListView(
    /// The loaded dataset.
    dataset: Arc<Dataset>,
) -> impl IntoView {
    let app = AppState::expect();
    let order = StoredValue::new(date_order(&dataset));
    let data = StoredValue::new(dataset);
    let rows = Memo::new(move |_| {
        app.filters.with(|f| {
            data.with_value(|d| {
                order.with_value(|o| {
                    o.iter()
                        .copied()
                        .filter(|&i| f.matches(&d.events[i]))
                        .collect::<Vec<_>>()
                })
            })
        })
    });
    let s = move || strings(app.lang.get());
    let body = move || {
        let lang = app.lang.get();
        let st = strings(lang);
        data.with_value(|d| {
            rows.get()
                .into_iter()
                .map(|i| {
                    let e = &d.events[i];
                    let lane = d.lane_label(&e.lane, lang);
                    let title = if e.lane == COMMISSION_LANE {
                        format!("{} — {}", session_label(lang, e.session_number), e.title.get(lang))
                    } else {
                        e.title.get(lang).to_string()
                    };
                    let (title_text, title_lang) = (title, e.title.resolve(lang).1);
                    let place = e.place.as_ref().map(|p| p.name.get(lang).to_string());
                    let conf = match e.confidence {
                        Confidence::Confirmed => st.confidence_values[0],
                        Confidence::Inferred => st.confidence_values[1],
                        Confidence::Uncertain => st.confidence_values[2],
                    };
                    view! {
                        <tr class:is-selected=move || app.selected.get() == Some(Selection::Event(i))>
                            <td class="list__date">{e.date.format(lang)}</td>
                            <th scope="row">
                                <button
                                    type="button"
                                    class="link"
                                    lang=title_lang.code()
                                    data-testid="list-event"
                                    on:click=move |_| select_event(app, i)
                                >
                                    {title_text}
                                </button>
                            </th>
                            <td>{lane}</td>
                            <td>{place.unwrap_or_else(|| "—".into())}</td>
                            <td>{conf}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="list" aria-labelledby="list-caption" data-testid="list-view">
            <table class="list__table">
                <caption id="list-caption">
                    {move || s().list_caption.replace("{n}", &rows.with(Vec::len).to_string())}
                </caption>
                <thead>
                    <tr>
                        <th scope="col">{move || s().list_columns[0]}</th>
                        <th scope="col">{move || s().list_columns[1]}</th>
                        <th scope="col">{move || s().list_columns[2]}</th>
                        <th scope="col">{move || s().list_columns[3]}</th>
                        <th scope="col">{move || s().list_columns[4]}</th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </section>
    }
}
