//! The timeline's buttons: zoom in, zoom out, fit all, zoom to the selection — the non-drag
//! alternative to every pointer gesture (WCAG 2.5.7) — and the visible window in words.

use leptos::prelude::*;

use super::TimelineCtx;
use crate::i18n::strings;
use crate::model::input::ZOOM_STEP;
use crate::model::viewport::{Viewport, describe_window};
use crate::state::AppState;

/// Days of context shown around a selected event by "zoom to selection".
const SELECTION_CONTEXT_DAYS: f64 = 45.0;

/// One zoom button.
fn zoom_button(
    testid: &'static str,
    label: impl Fn() -> &'static str + Copy + Send + Sync + 'static,
    text: &'static str,
    factor: f64,
    enabled: fn(&Viewport) -> bool,
) -> impl IntoView {
    let ctx = expect_context::<TimelineCtx>();
    view! {
        <button
            type="button"
            class="button"
            data-testid=testid
            aria-label=label
            title=label
            disabled=move || !ctx.viewport.with(enabled)
            on:click=move |_| ctx.motion.go(|v| v.zoom_center(factor))
        >
            {text}
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
    let zoom_to_selection = move |_| {
        if let Some((t0, t1)) = untrack(span) {
            let c = SELECTION_CONTEXT_DAYS;
            ctx.motion.go(|v| v.show(t0 - c, t1 + c, 0.05));
        }
    };
    view! {
        <div class="toolbar" role="toolbar" aria-label=move || s().toolbar_label>
            {zoom_button("zoom-in", move || s().zoom_in, "+", ZOOM_STEP, Viewport::can_zoom_in)}
            {zoom_button(
                "zoom-out",
                move || s().zoom_out,
                "−",
                1.0 / ZOOM_STEP,
                Viewport::can_zoom_out,
            )}
            <button
                type="button"
                class="button"
                data-testid="fit-all"
                on:click=move |_| ctx.motion.go(Viewport::fit_all)
            >
                {move || s().fit_all}
            </button>
            <button
                type="button"
                class="button"
                data-testid="zoom-selection"
                disabled=move || span().is_none()
                on:click=zoom_to_selection
            >
                {move || s().zoom_selection}
            </button>
            <span class="toolbar__range" data-testid="visible-range" aria-live="off">
                {move || {
                    let lang = app.lang.get();
                    ctx.viewport.with(|v| describe_window(v, lang))
                }}
            </span>
        </div>
    }
}
