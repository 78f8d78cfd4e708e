//! The search box (`/` focuses it) and its results: titles, summaries, people, places and domains,
//! insensitive to case and accents. Choosing a result selects the event, which the timeline then
//! brings into view. On narrow screens the box hides behind a search button and opens over the
//! header; Escape or its close button closes it and gives focus back to the button.

use leptos::ev;
use leptos::html::{Button, Input};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::icons::{Icon, icon};
use crate::hooks::typing::is_typing;
use crate::hooks::within::within;
use crate::i18n::strings;
use crate::model::EventIdx;
use crate::model::search::{SearchIndex, SearchResults, date_order};
use crate::state::{AppState, select_event, use_dataset};

/// Most results listed.
const MAX_RESULTS: usize = 40;

/// The search box with its result list.
#[component]
pub fn Search() -> impl IntoView {
    let app = AppState::expect();
    // Built on the first search, not at start: indexing a large dataset takes a while and most
    // visits never search.
    let index = StoredValue::new(None::<(SearchIndex, Vec<EventIdx>)>);
    let data = use_dataset();
    let open = RwSignal::new(false);
    let input = NodeRef::<Input>::new();
    let root = NodeRef::<leptos::html::Div>::new();
    // Narrow screens: the field is open (over the header), and the button that opens it.
    let expanded = RwSignal::new(false);
    let toggle = NodeRef::<Button>::new();
    let collapse = move |refocus: bool| {
        expanded.set(false);
        open.set(false);
        // On the next frame: until the field is closed, the button is hidden and takes no focus.
        if refocus {
            request_animation_frame(move || {
                if let Some(b) = toggle.get_untracked() {
                    let _ = b.focus();
                }
            });
        }
    };
    // Focus leaving the box and its results closes the list, and an empty field on a phone.
    let on_focus_out = move |ev: ev::FocusEvent| {
        if !within(ev.related_target(), root) {
            open.set(false);
            if app.query.with_untracked(String::is_empty) {
                expanded.set(false);
            }
        }
    };
    // Focuses the field, once it is shown (on a phone it opens first, on the next frame).
    let focus_field = move || {
        expanded.set(true);
        let go = move || {
            if let Some(el) = input.get_untracked() {
                let _ = el.focus();
                el.select();
            }
        };
        go();
        request_animation_frame(go);
    };
    let s = move || strings(app.lang.get());

    let results = Memo::new(move |_| {
        app.query.with(|q| {
            if q.trim().is_empty() {
                return SearchResults::default();
            }
            if index.with_value(Option::is_none) {
                let built = data.with(|d| (SearchIndex::new(d), date_order(d)));
                index.set_value(Some(built));
            }
            index.with_value(|ix| {
                ix.as_ref()
                    .map(|(ix, order)| ix.search(q, order, MAX_RESULTS))
                    .unwrap_or_default()
            })
        })
    });

    let handle = window_event_listener(ev::keydown, move |ev| {
        if ev.key() == "/" && !is_typing(&ev) && !ev.ctrl_key() && !ev.meta_key() {
            ev.prevent_default();
            focus_field();
        }
    });
    on_cleanup(move || handle.remove());

    let choose = move |idx: EventIdx| {
        select_event(app, idx);
        open.set(false);
        // On a phone the record's sheet comes up; the field gets out of the header's way.
        expanded.set(false);
    };
    let on_key = move |ev: ev::KeyboardEvent| match ev.key().as_str() {
        "Escape" => {
            open.set(false);
            app.query.set(String::new());
            if app.narrow.get_untracked() {
                collapse(true);
            }
        }
        "ArrowDown" => {
            // Into the results, which are buttons in a list.
            if let Some(first) = document()
                .query_selector("#search-results button")
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                ev.prevent_default();
                let _ = first.focus();
            }
        }
        "Enter" => {
            if let Some(h) = results.with_untracked(|r| r.hits.first().copied()) {
                choose(h.idx);
            }
        }
        _ => {}
    };
    let on_results_key = move |ev: ev::KeyboardEvent| {
        let step = match ev.key().as_str() {
            "ArrowDown" => 1,
            "ArrowUp" => -1,
            "Escape" => {
                open.set(false);
                if let Some(el) = input.get_untracked() {
                    let _ = el.focus();
                }
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        let Some(current) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let item = current.closest("li").ok().flatten();
        let next = item.and_then(|li| {
            if step > 0 {
                li.next_element_sibling()
            } else {
                li.previous_element_sibling()
            }
        });
        match next.and_then(|li| li.query_selector("button").ok().flatten()) {
            Some(b) => {
                let _ = b.unchecked_into::<web_sys::HtmlElement>().focus();
            }
            None if step < 0 => {
                if let Some(el) = input.get_untracked() {
                    let _ = el.focus();
                }
            }
            None => {}
        }
    };

    let list = move || {
        let lang = app.lang.get();
        let hits = results.with(|r| r.hits.clone());
        data.with(|d| {
            hits.iter()
                .filter_map(|h| d.event(h.idx).map(|e| (h.idx, e)))
                .map(|(idx, e)| {
                    let lane = d.lane_label(&e.lane, lang);
                    view! {
                        <li>
                            <button
                                type="button"
                                class="search__hit"
                                data-testid="search-hit"
                                on:click=move |_| choose(idx)
                            >
                                <span class="search__hit-title" lang=e.title.lang_attr(lang)>
                                    {e.title.get(lang).to_string()}
                                </span>
                                <span class="search__hit-meta">
                                    {format!("{} · {lane}", e.date.format(lang))}
                                </span>
                            </button>
                        </li>
                    }
                })
                .collect_view()
        })
    };

    view! {
        <div
            class="search"
            class:is-expanded=expanded
            role="search"
            node_ref=root
            on:focusout=on_focus_out
        >
            <button
                type="button"
                class="icon-button search__toggle"
                node_ref=toggle
                data-testid="search-open"
                aria-expanded=move || expanded.get().to_string()
                aria-controls="search-field"
                aria-label=move || s().search_open
                title=move || s().search_open
                on:click=move |_| focus_field()
            >
                {icon(Icon::Search)}
            </button>
            <div class="search__field" id="search-field">
            <label for="search-input" class="visually-hidden">
                {move || s().search_label}
            </label>
            <input
                id="search-input"
                node_ref=input
                type="search"
                class="search__input"
                data-testid="search"
                autocomplete="off"
                placeholder=move || s().search_placeholder
                aria-controls=move || {
                    (open.get() && !app.query.with(String::is_empty)).then_some("search-results")
                }
                prop:value=move || app.query.get()
                on:input=move |ev| {
                    app.query.set(event_target_value(&ev));
                    open.set(true);
                }
                on:focus=move |_| open.set(true)
                on:keydown=on_key
            />
            <button
                type="button"
                class="icon-button search__close"
                data-testid="search-close"
                aria-label=move || s().search_close
                title=move || s().search_close
                on:click=move |_| {
                    app.query.set(String::new());
                    collapse(true);
                }
            >
                {icon(Icon::Close)}
            </button>
            <Show when=move || open.get() && !app.query.with(String::is_empty)>
                <div
                    id="search-results"
                    class="search__results"
                    data-testid="search-results"
                    on:keydown=on_results_key
                >
                    <p class="search__count" aria-live="polite">
                        {move || {
                            let (shown, total) = results.with(|r| (r.hits.len(), r.total));
                            if total == 0 {
                                s().search_none.to_string()
                            } else if shown < total {
                                s()
                                    .search_count_some
                                    .replace("{n}", &total.to_string())
                                    .replace("{k}", &shown.to_string())
                            } else {
                                s().search_count.replace("{n}", &total.to_string())
                            }
                        }}
                    </p>
                    <ul class="search__list">{list}</ul>
                </div>
            </Show>
            </div>
        </div>
    }
}
