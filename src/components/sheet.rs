//! The bottom sheets of narrow screens (the record, the panels): their bar — a grip that drags
//! the sheet (down to shrink or close it, up to the full height) or, pressed, toggles the full
//! height, and a close button — Escape to close, and focus: into a sheet when it takes over,
//! back where it came from when it closes. On wide screens the same elements are plain columns
//! and none of this is rendered or listened to.

use leptos::ev;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::icons::{Icon, icon};
use crate::i18n::{Strings, strings};
use crate::state::AppState;

/// How far (px) the grip must be pulled down to shrink or close the sheet, or up to grow it.
const PULL: f64 = 64.0;
/// Movement (px) below which a press on the grip is a press, not a drag.
const SLOP: f64 = 6.0;

/// Whether an element is laid out (not inside something hidden).
fn is_shown(el: &web_sys::Element) -> bool {
    let r = el.get_bounding_client_rect();
    r.width() > 0.0 || r.height() > 0.0
}

/// The element focus is on, unless it is the page itself (focus lost).
fn focused() -> Option<web_sys::HtmlElement> {
    document()
        .active_element()
        .filter(|a| a.tag_name() != "BODY")
        .and_then(|a| a.dyn_into().ok())
}

/// Moves focus, if the element is still there to take it.
fn focus_if_shown(el: &web_sys::HtmlElement) -> bool {
    el.is_connected() && is_shown(el) && el.focus().is_ok()
}

/// A sheet on narrow screens, a plain column on wide ones: its bar, Escape, focus
/// ([`sheet_focus`]) and its full-height state. Both of the app's sheets are this.
#[component]
pub fn Sheet(
    /// Its classes besides `sheet`.
    class: &'static str,
    /// Its `id`, if something names it (`aria-controls`).
    #[prop(optional)]
    id: Option<&'static str>,
    /// Its accessible name on narrow screens.
    label: fn(&Strings) -> &'static str,
    /// Whether it is open (on narrow screens).
    open: Memo<bool>,
    /// Closes it.
    on_close: Callback<()>,
    /// Its `data-testid`.
    testid: &'static str,
    /// Its close button's `data-testid`.
    close_testid: &'static str,
    /// Whether opening takes focus into it ([`sheet_focus`]).
    take: bool,
    /// What inside takes that focus (a selector), else the sheet itself.
    #[prop(optional)]
    first: Option<&'static str>,
    /// What it holds.
    children: Children,
) -> impl IntoView {
    let app = AppState::expect();
    let narrow = app.narrow;
    let sheet = NodeRef::<Div>::new();
    let full = RwSignal::new(false);
    sheet_focus(open, sheet, take, first, full);
    view! {
        <div
            node_ref=sheet
            id=id
            class=format!("{class} sheet")
            class:is-open=open
            class:is-full=move || full.get() && open.get()
            role=move || narrow.get().then_some("dialog")
            aria-modal=move || narrow.get().then_some("false")
            aria-label=move || narrow.get().then(|| label(strings(app.lang.get())))
            tabindex=move || narrow.get().then_some("-1")
            data-testid=testid
            on:keydown=move |ev| sheet_escape(ev, app, on_close)
        >
            {move || {
                narrow.get().then(|| view! { <SheetBar sheet full on_close close_testid /> })
            }}
            {children()}
        </div>
    }
}

/// Keeps focus sensible as a sheet opens and closes. On opening, focus moves into the sheet (to
/// `first` inside it if given, else the sheet itself) if `take` is set or if focus was lost (its element
/// went away or was hidden, as when a search result is chosen); otherwise it stays (the mark a
/// keyboard user is on keeps it, so the arrow keys go on working). On closing, focus that was in
/// the sheet or lost goes back to where it was before the sheet opened, else to the timeline.
/// The sheet a page opens with (a link to an event) takes nothing: focus stays at the start.
fn sheet_focus(
    open: Memo<bool>,
    sheet: NodeRef<Div>,
    take: bool,
    first: Option<&'static str>,
    full: RwSignal<bool>,
) {
    let back = StoredValue::new_local(None::<web_sys::HtmlElement>);
    Effect::new(move |prev: Option<bool>| {
        let now = open.get();
        if prev.is_none() || prev == Some(now) {
            return now;
        }
        if now {
            back.set_value(focused());
            request_animation_frame(move || {
                let Some(el) = sheet.get_untracked() else {
                    return;
                };
                let lost = focused().is_none_or(|a| !is_shown(&a));
                if !(take || lost) {
                    return;
                }
                let target = first
                    .and_then(|f| el.query_selector(f).ok().flatten())
                    .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
                    .filter(|t| is_shown(t));
                let _ = match target {
                    Some(t) => t.focus(),
                    None => el.focus(),
                };
            });
        } else {
            let _ = full.try_set(false);
            request_animation_frame(move || {
                let Some(el) = sheet.get_untracked() else {
                    return;
                };
                let here = focused();
                let stranded = here
                    .as_ref()
                    .is_none_or(|a| el.contains(Some(a)) || !is_shown(a));
                if !stranded {
                    return;
                }
                let went_back = back
                    .try_update_value(Option::take)
                    .flatten()
                    .is_some_and(|b| focus_if_shown(&b));
                // The timeline, else (the list view) the main region.
                let fallback = ["[data-testid=timeline]", "#main"]
                    .into_iter()
                    .find_map(|q| {
                        document()
                            .query_selector(q)
                            .ok()
                            .flatten()
                            .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
                    });
                if !went_back && let Some(t) = fallback {
                    let _ = t.focus();
                }
            });
        }
        now
    });
}

/// Escape inside a sheet closes it (on narrow screens, where it is one).
fn sheet_escape(ev: ev::KeyboardEvent, app: AppState, close: Callback<()>) {
    if ev.key() == "Escape" && app.narrow.get_untracked() && !ev.default_prevented() {
        ev.prevent_default();
        close.run(());
    }
}

/// A sheet's bar: the grip and the close button.
#[component]
fn SheetBar(
    /// The sheet, moved with the finger while the grip is dragged down.
    sheet: NodeRef<Div>,
    /// Whether the sheet takes the full height.
    full: RwSignal<bool>,
    /// Closes the sheet.
    on_close: Callback<()>,
    /// The close button's `data-testid`.
    close_testid: &'static str,
) -> impl IntoView {
    let app = AppState::expect();
    let s = move || strings(app.lang.get());
    // The pointer dragging the grip: its id, where it went down, how far it has moved.
    let drag = StoredValue::new(None::<(i32, f64, f64)>);
    // The press that just ended was a drag, so its click is not a press.
    let dragged = StoredValue::new(false);
    let place = move |dy: f64| {
        if let Some(el) = sheet.get_untracked() {
            if dy > 0.0 {
                let _ = el.set_attribute("style", &format!("transform: translateY({dy:.0}px)"));
            } else {
                let _ = el.remove_attribute("style");
            }
        }
    };
    let down = move |ev: ev::PointerEvent| {
        if ev.pointer_type() == "mouse" && ev.button() != 0 {
            return;
        }
        drag.set_value(Some((ev.pointer_id(), f64::from(ev.client_y()), 0.0)));
        dragged.set_value(false);
        if let Some(t) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        {
            let _ = t.set_pointer_capture(ev.pointer_id());
        }
    };
    let moved = move |ev: ev::PointerEvent| {
        let Some((id, y0, _)) = drag.get_value() else {
            return;
        };
        if id != ev.pointer_id() {
            return;
        }
        let dy = f64::from(ev.client_y()) - y0;
        drag.set_value(Some((id, y0, dy)));
        if dy.abs() >= SLOP {
            dragged.set_value(true);
        }
        place(dy);
    };
    let up = move |ev: ev::PointerEvent, act: bool| {
        let Some((id, _, dy)) = drag.get_value() else {
            return;
        };
        if id != ev.pointer_id() {
            return;
        }
        drag.set_value(None);
        place(0.0);
        if !act {
            return;
        }
        if dy >= PULL {
            if full.get_untracked() {
                full.set(false);
            } else {
                on_close.run(());
            }
        } else if dy <= -PULL {
            full.set(true);
        }
    };
    view! {
        <div class="sheet__bar">
            <button
                type="button"
                class="sheet__grip"
                aria-label=move || s().sheet_full
                title=move || s().sheet_full
                aria-pressed=move || full.get().to_string()
                on:pointerdown=down
                on:pointermove=moved
                on:pointerup=move |ev| up(ev, true)
                on:pointercancel=move |ev| up(ev, false)
                on:click=move |_| {
                    if !dragged.try_update_value(std::mem::take).unwrap_or(false) {
                        full.update(|f| *f = !*f);
                    }
                }
            >
                <span class="sheet__grip-mark" aria-hidden="true"></span>
            </button>
            <button
                type="button"
                class="icon-button sheet__close"
                data-testid=close_testid
                aria-label=move || s().close
                title=move || s().close
                on:click=move |_| on_close.run(())
            >
                {icon(Icon::Close)}
            </button>
        </div>
    }
}
