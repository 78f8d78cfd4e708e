//! The zoomable timeline: toolbar, lane headers, and the drawing area — a two-level time axis, one
//! lane per kind of event with its marks and gaps, today's line. This module builds the timeline
//! model for the filters and language, keeps the viewport and the frame the model computes for
//! it, and shares them with its parts ([`TimelineCtx`]); input is `input`, drawing is `lanes`
//! (with the marks' renderer in `mark_layer` and its decisions in `marks`), buttons `toolbar`.

mod input;
mod lanes;
mod mark_layer;
mod marks;
mod sketch;
mod sketch_worker;
mod sprites;
mod toolbar;

use std::sync::Arc;

use leptos::html::Div;
use leptos::prelude::*;
use leptos_use_element_size::use_element_size;

use crate::hooks::clock::today;
use crate::hooks::use_viewport_motion::{UseViewportMotion, use_viewport_motion};
use crate::i18n::strings;
use crate::model::fixed::Fixed;
use crate::model::frame::{Frame, MarkView};
use crate::model::relations::events_of;
use crate::model::timeline as model;
use crate::model::viewport::Viewport;
use crate::model::{EventIdx, Selection};
use crate::state::{AppState, DatasetRef, use_dataset};

/// The sketch worker's end (`src/bin/sketch.rs`): what it says once it listens, and its answer to
/// each of the page's messages (see `sketch_worker`).
pub use sketch_worker::{READY as SKETCH_READY, serve as serve_sketch};

use input::use_timeline_input;
use lanes::World;
use mark_layer::{MarkLayer, SharedSketch};
use toolbar::Toolbar;

/// The timeline model, compared by identity (it is rebuilt, never mutated, so a rebuild is a
/// change even when equal).
#[derive(Clone)]
pub(crate) struct Built(pub Arc<model::Timeline>);

impl PartialEq for Built {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// What the parts of the timeline share.
#[derive(Clone, Copy)]
pub(crate) struct TimelineCtx {
    /// The dataset.
    pub data: DatasetRef,
    /// The timeline model for the current filters and language.
    pub model: Memo<Built>,
    /// The visible window.
    pub viewport: RwSignal<Viewport>,
    /// What is drawn for it.
    pub frame: Memo<Frame>,
    /// Its scale in pixels per day (changes with a zoom step, not with a pan).
    pub px_per_day: Memo<f64>,
    /// Whether the view is moving under a wheel, drag or pinch gesture, or an animated move
    /// (see `sketch`); set by the input and by `motion`, cleared once it has rested for
    /// [`input::REST_MS`].
    pub moving: RwSignal<bool>,
    /// Animated moves of the viewport.
    pub motion: UseViewportMotion,
    /// The event that has (or should get) keyboard focus.
    pub focus: RwSignal<Option<EventIdx>>,
    /// The highlighted person's events, sorted by index.
    pub highlighted: Memo<Vec<EventIdx>>,
    /// Each lane's renderer.
    layers: StoredValue<Vec<MarkLayer>>,
    /// The canvas the lanes sketch on while the view moves.
    pub sketch: SharedSketch,
}

impl TimelineCtx {
    /// Gives a mark its tooltip (through the renderer that owns it).
    pub fn show_tooltip(&self, mark: &web_sys::HtmlElement) {
        if let Some(layers) = self.layers.try_get_value() {
            for l in layers {
                l.show_tooltip(mark);
            }
        }
    }

    /// The mark a lane's sketch shows at the client point `(x, y)`, if a sketched lane is
    /// there (see [`MarkLayer::sketched_at`]).
    pub fn sketched_at(&self, at: (f64, f64)) -> Option<MarkView> {
        self.layers
            .try_with_value(|l| l.iter().find_map(|l| l.sketched_at(at)))
            .flatten()
    }

    /// Registers a lane's renderer.
    pub fn add_layer(&self, layer: MarkLayer) {
        self.layers.update_value(|l| l.push(layer));
    }
}

/// The timeline of the events the filters show.
#[component]
pub fn Timeline() -> impl IntoView {
    let app = AppState::expect();
    let data = use_dataset();
    let today = today();
    let model = Memo::new(move |_| {
        let lang = app.lang.get();
        app.filters.with(|f| {
            Built(Arc::new(data.with(|d| {
                model::Timeline::build(d, lang, today, |e| f.matches(e))
            })))
        })
    });
    let highlighted = Memo::new(move |_| {
        app.person.with(|p| {
            let mut v = p
                .as_ref()
                .map(|id| data.with(|d| events_of(d, id)))
                .unwrap_or_default();
            v.sort_unstable();
            v
        })
    });
    let bounds = model.with_untracked(|m| m.0.bounds);
    // The width the static first view's area had (taken: a later mount, back from the list, reads
    // its own), else a placeholder until the area is read. Not for a story, whose columns differ.
    let measured =
        crate::takeover::area_width().filter(|_| app.story.with_untracked(Option::is_none));
    let mut start = Viewport::fit(bounds, measured.unwrap_or(1_000.0));
    // A window from a link is taken at once; otherwise the last one shown (coming back from the
    // list view keeps the zoom).
    if let Some((a, b)) = app
        .goto_window
        .try_update(Option::take)
        .flatten()
        .or_else(|| app.window.get_untracked())
    {
        start.set_window(a, b);
    }
    let viewport = RwSignal::new(start);
    let moving = RwSignal::new(false);
    let frame = Memo::new(move |_| {
        let lang = app.lang.get();
        model.with(|m| viewport.with(|v| m.0.frame(v, lang, today)))
    });
    let ctx = TimelineCtx {
        data,
        model,
        viewport,
        frame,
        px_per_day: Memo::new(move |_| frame.with(|f| f.px_per_day)),
        moving,
        motion: use_viewport_motion(viewport, moving, input::REST_MS),
        focus: RwSignal::new(None),
        highlighted,
        layers: StoredValue::new(Vec::new()),
        sketch: SharedSketch::new(),
    };
    provide_context(ctx);

    // The drawing width follows the element (ResizeObserver); the time window is kept.
    let area = NodeRef::<Div>::new();
    let size = use_element_size(area);
    // Without the static view's measure, the area's width read once it is in the page, before
    // the lanes lay their marks out (this effect is created before theirs, so it runs first).
    // With only the observer's report, which comes after the first frame, the marks were laid
    // out and drawn at the placeholder width, then all laid out and drawn again at the real one
    // a few frames later, moved and re-clustered before the reader's eyes (at 10k events, the
    // marks settled 290-370 ms after the wasm loaded; read here, they are drawn once, at
    // 260-310). Reading it makes the browser lay the page out then.
    if measured.is_none() {
        Effect::new(move |_| {
            if let Some(el) = area.get_untracked() {
                let w = el.get_bounding_client_rect().width();
                if w >= 1.0 {
                    viewport.update(|v| v.set_width(w));
                }
            }
        });
    }
    let sized = StoredValue::new(false);
    Effect::new(move |_| {
        let w = size.width.get();
        if w < 1.0 {
            return;
        }
        // Not again for the width already read: a viewport set anew (even equal) has the frame
        // worked out again.
        if viewport.with_untracked(|v| v.width()) != w {
            viewport.update(|v| v.set_width(w));
        }
        // The selection a link opens with was brought into view at the placeholder width; at a
        // phone's, much narrower, it could fall into a cluster: again. (Wide screens are left as
        // they were: near the placeholder width, the view they open on is kept.)
        if !sized.get_value() && app.narrow.get_untracked() {
            sized.set_value(true);
            if let Some(Selection::Event(i)) = app.selected.get_untracked() {
                let m = model.get_untracked().0;
                if m.item(i).is_some() {
                    ctx.motion.go(|v| m.bring_into_view(v, i));
                }
            }
        }
    });
    let input = use_timeline_input(ctx, area);
    let body = NodeRef::<Div>::new();
    follow_the_app(ctx, body);

    let s = move || strings(app.lang.get());
    view! {
        <section class="timeline" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading" class="visually-hidden">{move || s().timeline_heading}</h2>
            <Toolbar />
            <div class="timeline__body" node_ref=body>
                <LaneHeaders />
                <div
                    class="timeline__area"
                    class:timeline__area--highlight=move || app.person.with(Option::is_some)
                    node_ref=area
                    dir="ltr"
                    tabindex="0"
                    role="group"
                    aria-roledescription=move || s().timeline_role
                    aria-label=move || s().timeline_label
                    data-testid="timeline"
                    data-start=move || viewport.with(|v| Fixed(v.start(), 4).to_string())
                    data-end=move || viewport.with(|v| Fixed(v.end(), 4).to_string())
                    data-width=move || viewport.with(|v| Fixed(v.width(), 2).to_string())
                    data-moving=move || ctx.moving.get().then_some("true")
                    on:wheel=move |ev| input.wheel(ev)
                    on:pointerdown=move |ev| input.pointer_down(ev)
                    on:pointermove=move |ev| input.pointer_move(ev)
                    on:pointerup=move |ev| input.pointer_up(ev)
                    on:pointercancel=move |ev| input.pointer_up(ev)
                    on:lostpointercapture=move |ev| input.pointer_up(ev)
                    on:keydown=move |ev| input.key(ev)
                    on:click=move |ev| input.click(ev)
                    on:focusin=move |ev| input.focus_in(ev)
                    on:focusout=move |ev| input.focus_out(ev)
                    on:pointerover=move |ev| input.pointer_over(ev)
                >
                    <LaneRows />
                    <World />
                    <div class="timeline__grab" aria-hidden="true" hidden=move || !input.dragging()></div>
                </div>
            </div>
            <p class="timeline__hint">{move || s().timeline_hint}</p>
        </section>
    }
}

/// Keeps the view in step with the rest of the app: windows from the URL, the window reported
/// back for links, and selections made elsewhere brought into view — on narrow screens, where the
/// lanes scroll in `body` and the record's sheet covers the lower part, its lane too.
fn follow_the_app(ctx: TimelineCtx, body: NodeRef<Div>) {
    let app = AppState::expect();
    let (viewport, motion, model) = (ctx.viewport, ctx.motion, ctx.model);
    // Later windows from the URL (Back, Forward) move the view at once, without animation, so
    // that a selection restored with them is judged against the restored window.
    Effect::new(move |_| {
        if let Some((a, b)) = app.goto_window.get() {
            app.goto_window.set(None);
            motion.cancel();
            viewport.update(|v| v.set_window(a, b));
        }
    });
    // The window is reported (for links and the live region) once it has stayed put for a
    // second: writing the URL or announcing on every frame would cost time and chatter. One
    // timer at a time, restarted by each move; a move still waiting when the timeline goes (the
    // list view) is reported then, so coming back and the URL keep it.
    let report = move |w: (f64, f64)| {
        if app.window.try_get_untracked().flatten() != Some(w) {
            let _ = app.window.try_set(Some(w));
        }
    };
    let waiting = StoredValue::new_local(None::<(TimeoutHandle, (f64, f64))>);
    Effect::new(move |_| {
        let w = viewport.with(|v| (v.start(), v.end()));
        app.shown_window.set_value(Some(w));
        let timer = set_timeout_with_handle(
            move || {
                let _ = waiting.try_update_value(|t| *t = None);
                report(w);
            },
            std::time::Duration::from_millis(1_000),
        );
        let old = waiting
            .try_update_value(|t| std::mem::replace(t, timer.ok().map(|h| (h, w))))
            .flatten();
        if let Some((h, _)) = old {
            h.clear();
        }
    });
    on_cleanup(move || {
        if let Some((h, w)) = waiting.try_update_value(Option::take).flatten() {
            h.clear();
            report(w);
        }
    });
    // A selection made anywhere (search, panels, links, the story) is brought into view on the
    // timeline: an event as `bring_into_view` places it, a gap whole, with a margin.
    Effect::new(move |_| {
        if let Some(Selection::Gap(g)) = app.selected.get() {
            let span = ctx.data.with(|d| Selection::Gap(g).span(d));
            if let Some((t0, t1)) = span
                && viewport.with_untracked(|v| t0 < v.start() || t1 > v.end())
            {
                motion.go(|v| v.show(t0, t1, 0.1));
            }
        }
        if let Some(Selection::Event(i)) = app.selected.get() {
            let m = model.get_untracked().0;
            if m.item(i).is_some() {
                motion.go(|v| m.bring_into_view(v, i));
            }
            if app.narrow.get_untracked()
                && let Some(lane) = m.lane_of(i).and_then(|k| m.lanes.get(k))
            {
                let id = lane.id.clone();
                request_animation_frame(move || lane_above_the_sheet(body, &id));
            }
        }
    });
}

/// Scrolls the lanes so that lane `id` sits in the part of the timeline the record's sheet leaves
/// uncovered (its top half), unless it is already there.
fn lane_above_the_sheet(body: NodeRef<Div>, id: &str) {
    let Some(body) = body.try_get_untracked().flatten() else {
        return;
    };
    let Ok(Some(lane)) = body.query_selector(&format!(".lane[data-lane=\"{id}\"]")) else {
        return;
    };
    let (b, l) = (
        body.get_bounding_client_rect(),
        lane.get_bounding_client_rect(),
    );
    // The sheet covers about the lower half of the screen (style/phone.css: 52dvh).
    let uncovered = window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .map_or(b.bottom(), |h| (h * 0.48).min(b.bottom()));
    if l.top() >= b.top() && l.bottom() <= uncovered {
        return;
    }
    let by = l.top() - b.top();
    body.set_scroll_top(body.scroll_top() + by.round() as i32);
}

/// Each lane's row (its stripe and separator) across the whole drawing area. Drawn here, under
/// the world that moves with time, because the lanes in that world are a screen wide at their
/// own position: shifted with a pan, they would leave part of the area unstriped.
#[component]
fn LaneRows() -> impl IntoView {
    let ctx = expect_context::<TimelineCtx>();
    let rows = move || {
        ctx.model.with(|m| {
            m.0.lanes
                .iter()
                .map(|l| view! { <div class=format!("lane-row lane--{}", l.id)></div> })
                .collect_view()
        })
    };
    view! { <div class="timeline__rows" aria-hidden="true">{rows}</div> }
}

/// The lane names beside the drawing area.
#[component]
fn LaneHeaders() -> impl IntoView {
    let app = AppState::expect();
    let ctx = expect_context::<TimelineCtx>();
    let headers = move || {
        let lang = app.lang.get();
        ctx.model.with(|m| {
            ctx.data.with(|d| {
                m.0.lanes
                    .iter()
                    .map(|l| {
                        let label = d.lane_label(&l.id, lang);
                        view! {
                            <div class=format!("lane-header lane--{}", l.id) data-lane=l.id.clone()>
                                <span class="lane-header__label">{label}</span>
                            </div>
                        }
                    })
                    .collect_view()
            })
        })
    };
    view! {
        <div class="timeline__headers" aria-hidden="true">
            <div class="timeline__axis-spacer"></div>
            {headers}
        </div>
    }
}
