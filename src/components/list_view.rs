//! The list view: the same filtered events as the timeline, as a table sorted by date — the
//! plain, screen-reader-friendly way through the data. Choosing a title selects the event.

use leptos::prelude::*;

use crate::i18n::strings;
use crate::model::filter::passing;
use crate::model::labels::session_name;
use crate::model::search::date_order;
use crate::model::{EventIdx, Selection};
use crate::state::{AppState, select_event, use_dataset};

/// The table of events.
#[component]
pub fn ListView() -> impl IntoView {
    let app = AppState::expect();
    let data = use_dataset();
    let order: Vec<EventIdx> = data.with(date_order);
    let rows = Memo::new(move |_| app.filters.with(|f| data.with(|d| passing(d, f, &order))));
    let s = move || strings(app.lang.get());
    let body = move || {
        let lang = app.lang.get();
        let st = strings(lang);
        data.with(|d| {
            rows.get()
                .into_iter()
                .filter_map(|i| d.event(i).map(|e| (i, e)))
                .map(|(i, e)| {
                    let (title, title_lang) = (e.title.get(lang), e.title.lang_attr(lang));
                    let place = e.place.as_ref().map(|p| {
                        let name = p.name.get(lang);
                        view! { <span lang=p.name.lang_attr(lang)>{name.to_string()}</span> }
                    });
                    view! {
                        <tr class:is-selected=move || app.selected.get() == Some(Selection::Event(i))>
                            <td class="list__date">{e.date.format(lang)}</td>
                            <th scope="row">
                                <button
                                    type="button"
                                    class="link"
                                    data-testid="list-event"
                                    on:click=move |_| select_event(app, i)
                                >
                                    {session_name(e, lang).map(|n| format!("{n} — "))}
                                    <span lang=title_lang>{title.to_string()}</span>
                                </button>
                            </th>
                            <td>{d.lane_label(&e.lane, lang)}</td>
                            <td>{place.map_or_else(|| "—".into_any(), IntoAny::into_any)}</td>
                            <td>{st.confidence_label(e.confidence)}</td>
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
                        <th scope="col">{move || s().col_date}</th>
                        <th scope="col">{move || s().col_event}</th>
                        <th scope="col">{move || s().col_kind}</th>
                        <th scope="col">{move || s().col_place}</th>
                        <th scope="col">{move || s().col_confidence}</th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </section>
    }
}
