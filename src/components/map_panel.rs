//! The map panel: the places of the register (`model::geo`) on land and sea drawn from Natural
//! Earth's outline, with no borders, each marked with its events under the filters; places with
//! none in the timeline's window faded, the selected event's place ringed. Choosing a place (on
//! the map or in the list under it, the accessible alternative) filters the timeline to it, as a
//! facet. The view pans and zooms by wheel, drag, pinch, the buttons and keys; the geometry is the
//! model's (`geo::Camera`), this view only turns events into its calls.

use std::collections::HashMap;

use leptos::ev;
use leptos::prelude::*;
use leptos::svg::Svg;
use wasm_bindgen::JsCast;

use crate::i18n::strings;
use crate::model::Selection;
use crate::model::filter::Filters;
use crate::model::geo::{Camera, LAND, MapPlace, Spot, WIDTH, height, map_places};
use crate::state::{AppState, use_dataset};

/// A marker's radius in map units at the whole map's scale (it keeps its size on screen).
const MARKER: f64 = 42.0;

/// The map panel.
#[component]
pub fn MapPanel() -> impl IntoView {
    let app = AppState::expect();
    let data = use_dataset();
    let s = move || strings(app.lang.get());
    let camera = RwSignal::new(Camera::default());
    let svg = NodeRef::<Svg>::new();
    let places = Memo::new(move |_| {
        let window = app.window.get();
        let selected = match app.selected.get() {
            Some(Selection::Event(i)) => Some(i.get()),
            _ => None,
        };
        app.filters
            .with(|f| data.with(|d| map_places(d, f, window, selected)))
    });
    let toggle = move |id: String| app.filters.update(|f| Filters::toggle(&mut f.places, &id));
    let chosen = move |id: &str| app.filters.with(|f| f.places.contains(id));
    let label = move |p: &MapPlace| {
        let lang = app.lang.get();
        let name = data.with(|d| d.places[p.idx].name.get(lang).to_string());
        let text = if p.count == 1 {
            s().map_place_one
        } else {
            s().map_place
        };
        text.replace("{place}", &name)
            .replace("{n}", &p.count.to_string())
    };
    // Where a pointer is over the map, as fractions of it, and its size in pixels.
    let at = move |x: i32, y: i32| {
        let r = svg.get_untracked()?.get_bounding_client_rect();
        (r.width() > 0.0 && r.height() > 0.0).then(|| {
            (
                (f64::from(x) - r.left()) / r.width(),
                (f64::from(y) - r.top()) / r.height(),
                r.width(),
            )
        })
    };
    let on_wheel = move |ev: ev::WheelEvent| {
        if let Some((fx, fy, _)) = at(ev.client_x(), ev.client_y()) {
            ev.prevent_default();
            let factor = (-ev.delta_y() * 0.002).clamp(-0.7, 0.7).exp();
            camera.update(|c| c.zoom_at(fx, fy, factor));
        }
    };
    // Drag with one pointer, pinch with two.
    let pointers = StoredValue::new(HashMap::<i32, (i32, i32)>::new());
    let on_move = move |ev: ev::PointerEvent| {
        let id = ev.pointer_id();
        let now = (ev.client_x(), ev.client_y());
        let Some(before) = pointers.with_value(|p| p.get(&id).copied()) else {
            return;
        };
        let others: Vec<(i32, i32)> = pointers.with_value(|p| {
            p.iter()
                .filter(|(k, _)| **k != id)
                .map(|(_, v)| *v)
                .collect()
        });
        pointers.update_value(|p| {
            p.insert(id, now);
        });
        let Some((_, _, px)) = at(now.0, now.1) else {
            return;
        };
        match others.as_slice() {
            [] => camera.update(|c| {
                let units = c.w / px;
                c.pan(
                    -f64::from(now.0 - before.0) * units,
                    -f64::from(now.1 - before.1) * units,
                );
            }),
            [other] => {
                let dist = |a: (i32, i32)| f64::from(a.0 - other.0).hypot(f64::from(a.1 - other.1));
                let (d0, d1) = (dist(before), dist(now));
                let mid = ((now.0 + other.0) / 2, (now.1 + other.1) / 2);
                if d0 > 0.0
                    && let Some((fx, fy, _)) = at(mid.0, mid.1)
                {
                    camera.update(|c| c.zoom_at(fx, fy, d1 / d0));
                }
            }
            _ => {}
        }
    };
    let end = move |ev: ev::PointerEvent| {
        pointers.update_value(|p| {
            p.remove(&ev.pointer_id());
        });
    };
    let on_key = move |ev: ev::KeyboardEvent| {
        let step = camera.with_untracked(|c| c.w / 10.0);
        match ev.key().as_str() {
            "+" | "=" => camera.update(|c| c.zoom_at(0.5, 0.5, 1.5)),
            "-" => camera.update(|c| c.zoom_at(0.5, 0.5, 1.0 / 1.5)),
            "0" => camera.set(Camera::default()),
            "ArrowLeft" => camera.update(|c| c.pan(-step, 0.0)),
            "ArrowRight" => camera.update(|c| c.pan(step, 0.0)),
            "ArrowUp" => camera.update(|c| c.pan(0.0, -step)),
            "ArrowDown" => camera.update(|c| c.pan(0.0, step)),
            _ => return,
        }
        ev.prevent_default();
        ev.stop_propagation();
        // The markers are drawn again at the new scale: the one the reader is on keeps focus.
        let on = document()
            .active_element()
            .and_then(|a| a.get_attribute("data-place"));
        if let Some(id) = on {
            request_animation_frame(move || {
                let again = svg.get_untracked().and_then(|s| {
                    s.query_selector(&format!("[data-place=\"{id}\"]"))
                        .ok()
                        .flatten()
                });
                if let Some(el) = again.and_then(|e| e.dyn_into::<web_sys::SvgElement>().ok()) {
                    let _ = el.focus();
                }
            });
        }
    };
    let zoom = move |factor: f64| camera.update(|c| c.zoom_at(0.5, 0.5, factor));
    let markers = move || {
        let scale = camera.with(|c| c.w / WIDTH);
        let named = camera.with(|c| c.w <= WIDTH / 2.0);
        let mut shown: Vec<(MapPlace, f64, f64)> = places
            .get()
            .into_iter()
            .filter_map(|p| match p.spot {
                Spot::At(x, y) => Some((p, x, y)),
                _ => None,
            })
            .collect();
        // Later is on top: where markers overlap (Rabat and Kénitra), the selected place and then
        // the busiest show.
        shown.sort_by_key(|(p, _, _)| (p.selected, p.count));
        shown
            .into_iter()
            .map(|(p, x, y)| {
                let id = data.with(|d| d.places[p.idx].id.clone());
                let name = data.with(|d| d.places[p.idx].name.get(app.lang.get()).to_string());
                let pressed = chosen(&id);
                let aria = label(&p);
                let key_id = id.clone();
                let click_id = id.clone();
                view! {
                    <g
                        class="map__place"
                        class:is-dim=!p.in_window
                        class:is-selected=p.selected
                        class:is-chosen=pressed
                        role="button"
                        tabindex="0"
                        aria-pressed=pressed.to_string()
                        aria-label=aria
                        data-testid="map-place"
                        data-place=id
                        transform=format!("translate({x:.1} {y:.1}) scale({scale:.4})")
                        on:click=move |_| toggle(click_id.clone())
                        on:keydown=move |ev: ev::KeyboardEvent| {
                            if matches!(ev.key().as_str(), "Enter" | " ") {
                                ev.prevent_default();
                                ev.stop_propagation();
                                toggle(key_id.clone());
                            }
                        }
                    >
                        <circle r=MARKER></circle>
                        <text class="map__count" text-anchor="middle" dy="0.35em">
                            {p.count}
                        </text>
                        {named
                            .then(|| {
                                view! {
                                    <text class="map__name" x=MARKER + 6.0 dy="0.35em">
                                        {name}
                                    </text>
                                }
                            })}
                    </g>
                }
            })
            .collect_view()
    };
    let list = move |which: fn(&Spot) -> bool| {
        move || {
            places
                .get()
                .into_iter()
                .filter(|p| which(&p.spot))
                .map(|p| {
                    let id = data.with(|d| d.places[p.idx].id.clone());
                    let pressed = chosen(&id);
                    let aria = label(&p);
                    let click_id = id.clone();
                    view! {
                        <li>
                            <button
                                type="button"
                                class="map__item"
                                class:is-dim=!p.in_window
                                aria-pressed=pressed.to_string()
                                data-testid="map-list-place"
                                data-place=id
                                on:click=move |_| toggle(click_id.clone())
                            >
                                {aria}
                            </button>
                        </li>
                    }
                })
                .collect_view()
        }
    };
    let any = move |which: fn(&Spot) -> bool| places.with(|ps| ps.iter().any(|p| which(&p.spot)));
    let on_map: fn(&Spot) -> bool = |s| matches!(s, Spot::At(..));
    let off_map: fn(&Spot) -> bool = |s| matches!(s, Spot::OffMap);
    let unplaced: fn(&Spot) -> bool = |s| matches!(s, Spot::Unplaced);
    view! {
        <section class="panel map" aria-labelledby="map-heading" data-testid="map">
            <h2 id="map-heading" class="panel__title">{move || s().tab_map}</h2>
            <p class="panel__hint">{move || s().map_hint}</p>
            <div class="map__tools" role="group" aria-label=move || s().map_label>
                <button type="button" class="button" aria-label=move || s().map_zoom_in on:click=move |_| zoom(1.5)>
                    "+"
                </button>
                <button type="button" class="button" aria-label=move || s().map_zoom_out on:click=move |_| zoom(1.0 / 1.5)>
                    "−"
                </button>
                <button type="button" class="button" on:click=move |_| camera.set(Camera::default())>
                    {move || s().map_reset}
                </button>
            </div>
            <svg
                node_ref=svg
                class="map__svg"
                dir="ltr"
                role="group"
                aria-label=move || s().map_label
                viewBox=move || camera.with(Camera::view_box)
                data-testid="map-svg"
                on:wheel=on_wheel
                on:pointerdown=move |ev: ev::PointerEvent| {
                    pointers.update_value(|p| {
                        p.insert(ev.pointer_id(), (ev.client_x(), ev.client_y()));
                    })
                }
                on:pointermove=on_move
                on:pointerup=end
                on:pointercancel=end
                on:pointerleave=end
                on:keydown=on_key
            >
                <rect class="map__sea" width=WIDTH height=height()></rect>
                <path class="map__land" d=LAND></path>
                {markers}
            </svg>
            <p class="map__credit">{move || s().map_credit}</p>
            <h3 class="map__heading">{move || s().map_list}</h3>
            <ul class="map__list" data-testid="map-list">{list(on_map)}</ul>
            <Show when=move || any(off_map)>
                <h3 class="map__heading">{move || s().map_off}</h3>
                <ul class="map__list">{list(off_map)}</ul>
            </Show>
            <Show when=move || any(unplaced)>
                <h3 class="map__heading">{move || s().map_unplaced}</h3>
                <ul class="map__list">{list(unplaced)}</ul>
            </Show>
        </section>
    }
}
