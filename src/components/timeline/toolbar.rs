//! The timeline's buttons: zoom in, zoom out, fit all, zoom to the selection — the non-drag
//! alternative to every pointer gesture (WCAG 2.5.7) — and the visible window in words. On
//! narrow screens they are one row of icons with short labels, joined by the Filters button and
//! the view switch.

use leptos::prelude::*;

use super::TimelineCtx;
use crate::components::app::ViewToggle;
use crate::components::icons::{Icon, icon};
use crate::components::side_panels::FiltersButton;
use crate::i18n::strings;
use crate::model::input::ZOOM_STEP;
use crate::model::viewport::{Viewport, describe_window};
use crate::state::AppState;

/// Days of context shown around a selected event by "zoom to selection".
const SELECTION_CONTEXT_DAYS: f64 = 45.0;

/// A button's face: its wide-screen text, or on narrow screens an icon over a short label.
fn face(
    wide: impl IntoView + 'static,
    glyph: Icon,
    short: impl Fn() -> &'static str + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <span class="tool__wide">{wide}</span>
        {icon(glyph)}
        <span class="tool__label">{short}</span>
    }
}

/// One zoom button.
fn zoom_button(
    testid: &'static str,
    label: impl Fn() -> &'static str + Copy + Send + Sync + 'static,
    text: &'static str,
    (glyph, short): (Icon, impl Fn() -> &'static str + Send + Sync + 'static),
    factor: f64,
    enabled: fn(&Viewport) -> bool,
) -> impl IntoView {
    let ctx = expect_context::<TimelineCtx>();
    view! {
        <button
            type="button"
            class="button tool"
            data-testid=testid
            aria-label=label
            title=label
            disabled=move || !ctx.viewport.with(enabled)
            on:click=move |_| ctx.motion.go(|v| v.zoom_center(factor))
        >
            {face(text, glyph, short)}
        </button>
    }
}

/// The zoom buttons.
#[component]
pub(super) fn Toolbar() -> impl IntoView {
    let app = AppState::expect();
    let ctx = expect_context::<TimelineCtx>();
    let s = move || strings(app.lang.get());
    let span = move || {
        let sel = app.selected.get()?;
        ctx.data.with(|d| sel.span(d))
    };
    // The window in words is written when a gesture ends, not at each of its frames: its text
    // sits in the page's flow, and a new one made the browser lay out the whole page again in
    // every frame of a zoom (from the document down, where the timeline's own changes stay
    // inside their lanes and axis). Read while moving, it keeps the text it had, faded.
    let range = Memo::new(move |before: Option<&String>| {
        if let Some(before) = before
            && ctx.moving.get()
        {
            return before.clone();
        }
        let lang = app.lang.get();
        ctx.viewport.with(|v| describe_window(v, lang))
    });
    let zoom_to_selection = move |_| {
        if let Some((t0, t1)) = untrack(span) {
            let c = SELECTION_CONTEXT_DAYS;
            ctx.motion.go(|v| v.show(t0 - c, t1 + c, 0.05));
        }
    };
    view! {
        <div class="toolbar" role="toolbar" aria-label=move || s().toolbar_label>
            {zoom_button(
                "zoom-in",
                move || s().zoom_in,
                "+",
                (Icon::Plus, move || s().short_zoom_in),
                ZOOM_STEP,
                Viewport::can_zoom_in,
            )}
            {zoom_button(
                "zoom-out",
                move || s().zoom_out,
                "−",
                (Icon::Minus, move || s().short_zoom_out),
                1.0 / ZOOM_STEP,
                Viewport::can_zoom_out,
            )}
            // The accessible name is the full text on every screen; narrow ones show a part of it.
            <button
                type="button"
                class="button tool"
                data-testid="fit-all"
                aria-label=move || s().fit_all
                on:click=move |_| ctx.motion.go(Viewport::fit_all)
            >
                {face(move || s().fit_all, Icon::FitAll, move || s().short_fit_all)}
            </button>
            <button
                type="button"
                class="button tool"
                data-testid="zoom-selection"
                aria-label=move || s().zoom_selection
                disabled=move || span().is_none()
                on:click=zoom_to_selection
            >
                {face(
                    move || s().zoom_selection,
                    Icon::Target,
                    move || s().short_zoom_selection,
                )}
            </button>
            {move || {
                (app.narrow.get() && !app.embed)
                    .then(|| {
                        view! {
                            <FiltersButton />
                            <ViewToggle />
                        }
                    })
            }}
            <span
                class="toolbar__range"
                class:toolbar__range--stale=move || ctx.moving.get()
                data-testid="visible-range"
                aria-live="off"
            >
                {move || range.get()}
            </span>
        </div>
    }
}
