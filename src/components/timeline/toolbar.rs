//! The timeline's buttons: zoom in, zoom out, fit all, zoom to the selection — the non-drag
//! alternative to every pointer gesture (WCAG 2.5.7).

use leptos::prelude::*;

use super::Ctx;
use crate::i18n::strings;
use crate::model::input::ZOOM_STEP;
use crate::model::viewport::Viewport;
use crate::state::{AppState, Selection, TimelineState};

/// Days of context shown around a selected event by "zoom to selection".
const SELECTION_CONTEXT_DAYS: f64 = 45.0;

/// The zoom buttons.
#[component]
pub(super) fn Toolbar() -> impl IntoView {
    let app = AppState::expect();
    let ctx = expect_context::<Ctx>();
    let tl = expect_context::<TimelineState>();
    let s = move || strings(app.lang.get());
    let span = move |sel: Option<Selection>| -> Option<(f64, f64)> {
        ctx.dataset.with_value(|d| match sel? {
            Selection::Event(i) => d
                .events
                .get(i)
                .map(|e| (e.date.axis_start(), e.date.axis_end())),
            Selection::Gap(i) => d
                .gaps
                .get(i)
                .map(|g| (g.date.axis_start(), g.date.axis_end())),
        })
    };
    let zoom_to_selection = move |_| {
        if let Some((t0, t1)) = span(app.selected.get_untracked()) {
            let c = SELECTION_CONTEXT_DAYS;
            ctx.motion.go(|v| v.show(t0 - c, t1 + c, 0.05));
        }
    };
    view! {
        <div class="toolbar" role="toolbar" aria-label=move || s().toolbar_label>
            <button
                type="button"
                class="button"
                data-testid="zoom-in"
                aria-label=move || s().zoom_in
                title=move || s().zoom_in
                disabled=move || !tl.viewport.with(Viewport::can_zoom_in)
                on:click=move |_| ctx.motion.go(|v| v.zoom_center(ZOOM_STEP))
            >
                "+"
            </button>
            <button
                type="button"
                class="button"
                data-testid="zoom-out"
                aria-label=move || s().zoom_out
                title=move || s().zoom_out
                disabled=move || !tl.viewport.with(Viewport::can_zoom_out)
                on:click=move |_| ctx.motion.go(|v| v.zoom_center(1.0 / ZOOM_STEP))
            >
                "−"
            </button>
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
                disabled=move || span(app.selected.get()).is_none()
                on:click=zoom_to_selection
            >
                {move || s().zoom_selection}
            </button>
            <span class="toolbar__range" data-testid="visible-range" aria-live="off">
                {move || {
                    let lang = app.lang.get();
                    tl.viewport.with(|v| crate::model::viewport::describe_window(v, lang))
                }}
            </span>
        </div>
    }
}
