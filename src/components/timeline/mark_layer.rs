//! The timeline's renderer in the browser: one lane's marks kept in step with the layout by the
//! [`Reconciler`] (see `marks`), with the DOM it patches. It owns every class and attribute of
//! the marks, selection and highlight included, so nothing else touches them. A keyed,
//! imperative layer rather than `<For>`: while zooming, hundreds of marks move per frame, and
//! moving an element (one `style` write, which restyles that element alone) costs far less than
//! a reactive node per mark. While the view moves under a gesture, the lane is drawn on its band
//! of the canvas the lanes share instead ([`SharedSketch`], `sketch`) and its elements wait,
//! unchanged, until the view rests.

use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;

use leptos::html::{Canvas, Div};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use super::marks::{Inputs, ItemContent, MarkDom, Patch, Reconciler};
use super::sketch::{Look, Painter, Scene, Shared};
use crate::model::frame::MarkView;
use crate::model::{EventIdx, Lang};

thread_local! {
    static RENDERING: Cell<bool> = const { Cell::new(false) };
    /// Marks brought back from a sketch in the current animation frame, by all lanes.
    static RESTED: Cell<usize> = const { Cell::new(0) };
    /// Counts the times the keyboard focus entered or left the timeline (see [`focus_moved`]).
    static FOCUS_MOVES: Cell<u64> = const { Cell::new(0) };
}

/// Most marks brought back from a sketch per frame, all lanes together (beyond the first lane):
/// every lane at once is a few hundred elements to move, restyle and lay out in one frame, which
/// at 10k events came near 50 ms. The other lanes keep their sketch a frame or two more.
const REST_MARKS_PER_FRAME: usize = 120;

/// Whether a lane of `marks` marks may leave its sketch in this frame (and counts them if so).
fn rest_budget(marks: usize) -> bool {
    RESTED.with(|c| {
        let used = c.get();
        if used > 0 && used + marks > REST_MARKS_PER_FRAME {
            return false;
        }
        if used == 0 {
            request_animation_frame(|| RESTED.with(|c| c.set(0)));
        }
        c.set(used + marks);
        true
    })
}

/// What a lane's marks' container matches while its sketch shows and its elements are hidden
/// (by an inline `opacity`, see `Sketcher::sketch`).
pub const HIDDEN_MARKS: &str = ".lane__marks[style*=opacity]";

/// The canvas the lanes sketch on while the view moves: one over them all, each lane drawing on
/// its own band. One canvas costs the browser one resource to hand to the compositor per frame
/// where a canvas per lane cost eight, and those resources are made anew on a gesture's first
/// frames (8 lanes at 10k events: 15–35 ms of the main thread over those frames, traced).
#[derive(Clone, Copy)]
pub struct SharedSketch {
    /// The canvas (in the world, over the lanes).
    pub canvas: NodeRef<Canvas>,
    /// What the lanes agree on.
    shared: StoredValue<Shared>,
    /// How many lanes show their sketch: the canvas is hidden when none does.
    showing: StoredValue<u32>,
}

impl SharedSketch {
    /// A canvas not drawn on yet.
    pub fn new() -> Self {
        SharedSketch {
            canvas: NodeRef::new(),
            shared: StoredValue::new(Shared::default()),
            showing: StoredValue::new(0),
        }
    }
}

/// The keyboard focus entered or left an element of the timeline: the lanes' sketches read
/// again which mark has it.
pub fn focus_moved() {
    FOCUS_MOVES.with(|c| c.set(c.get().wrapping_add(1)));
}

/// Whether a lane's renderer is changing the DOM right now. A focused mark that is moved or
/// recycled loses focus (the browser fires `focusout`); that is a redraw, not the user leaving.
pub fn is_rendering() -> bool {
    RENDERING.with(Cell::get)
}

/// The browser DOM of one lane's container.
struct Dom {
    container: HtmlElement,
    document: web_sys::Document,
    /// The two templates, an event's and a cluster's, made once: a new mark is a deep copy of
    /// one (one call to the browser, where making it took five; a first render at 10k events
    /// makes ~215).
    templates: [Option<HtmlElement>; 2],
}

impl Dom {
    fn element(&self, tag: &str, class: Option<&str>) -> Option<HtmlElement> {
        let el: HtmlElement = self.document.create_element(tag).ok()?.unchecked_into();
        if let Some(c) = class {
            let _ = el.set_attribute("class", c);
        }
        Some(el)
    }
}

impl MarkDom for Dom {
    type El = HtmlElement;

    fn create(&mut self, cluster: bool) -> Option<HtmlElement> {
        let slot = usize::from(cluster);
        if self.templates[slot].is_none() {
            let el = self.element("button", None)?;
            let _ = el.set_attribute("type", "button");
            let child = if cluster {
                self.element("span", Some("mark__count"))
            } else {
                self.element("span", Some("mark__body"))
            };
            if let Some(c) = child {
                let _ = el.append_child(&c);
            }
            self.templates[slot] = Some(el);
        }
        let copy = self.templates[slot]
            .as_ref()?
            .clone_node_with_deep(true)
            .ok()?;
        Some(copy.unchecked_into())
    }

    fn patch(&mut self, el: &HtmlElement, patch: &Patch) {
        match patch {
            Patch::Attr(name, Some(v)) => {
                let _ = el.set_attribute(name, v);
            }
            Patch::Attr(name, None) => {
                let _ = el.remove_attribute(name);
            }
            Patch::Label(label) => {
                let old = el.query_selector(".mark__label").ok().flatten();
                match (label, old) {
                    (Some(l), Some(old)) => {
                        old.set_text_content(Some(&l.text));
                        let _ = old.set_attribute("style", &l.style);
                    }
                    (Some(l), None) => {
                        if let Some(span) = self.element("span", Some("mark__label")) {
                            let _ = span.set_attribute("dir", "auto");
                            let _ = span.set_attribute("style", &l.style);
                            span.set_text_content(Some(&l.text));
                            let _ = el.append_child(&span);
                        }
                    }
                    (None, Some(old)) => old.remove(),
                    (None, None) => {}
                }
            }
            Patch::Count(text) => {
                if let Some(c) = el.first_element_child() {
                    c.set_text_content(Some(text));
                }
            }
        }
    }

    fn detach(&mut self, el: &HtmlElement) {
        el.remove();
    }

    fn insert_before(&mut self, el: &HtmlElement, before: Option<&HtmlElement>) {
        let _ = self
            .container
            .insert_before(el, before.map(|b| b.unchecked_ref::<web_sys::Node>()));
    }
}

/// What a lane's renderer draws and with what.
pub struct MarkLayerOptions<C, N, L> {
    /// The lane's marks, in time order.
    pub marks: Memo<Arc<[MarkView]>>,
    /// The content of an event's mark (read when a mark is created or the language changes).
    pub content: C,
    /// The accessible name of a cluster of `n` events.
    pub cluster_name: N,
    /// How an event's mark is sketched, and its label (read once per event and language).
    pub look: L,
    /// The selected event.
    pub selected: Signal<Option<EventIdx>>,
    /// The highlighted events (sorted).
    pub hits: Memo<Vec<EventIdx>>,
    /// The interface language: when it changes, every mark's text is rebuilt.
    pub lang: Signal<Lang>,
    /// The scale in pixels per day: when it changes (a zoom step), every mark moves.
    pub px_per_day: Memo<f64>,
    /// The canvas the lanes share, drawn on while the view moves.
    pub sketch: SharedSketch,
    /// Whether the view is moving under a gesture (the marks are then sketched on the canvas).
    pub moving: Signal<bool>,
    /// Whether someone is highlighted (their events stand out, the rest fade).
    pub highlight: Signal<bool>,
    /// The world's translation and the screen's width, in pixels (read when sketching).
    pub screen: Signal<(f64, f64)>,
    /// Whether this is the commission lane (its marks are bigger).
    pub commission: bool,
}

/// A lane's renderer, for what the timeline asks of it beyond drawing (tooltips, what its
/// sketch shows under a click).
#[derive(Clone, Copy)]
pub struct MarkLayer {
    state: StoredValue<Option<(Reconciler<HtmlElement>, Dom)>, LocalStorage>,
    sketcher: Sketcher,
    layer: NodeRef<Div>,
}

impl MarkLayer {
    /// Gives the mark drawn by `el` its tooltip.
    pub fn show_tooltip(&self, el: &HtmlElement) {
        self.state.try_update_value(|s| {
            if let Some((r, dom)) = s {
                r.show_tooltip(dom, el);
            }
        });
    }

    /// The mark the lane's sketch shows at the client point `(x, y)`, while the lane is
    /// sketched: what a click there means, where its element would stand (the hidden elements
    /// stand where the view was when the gesture began). try_*: asked from an input handler.
    pub fn sketched_at(&self, (x, y): (f64, f64)) -> Option<MarkView> {
        if self.sketcher.sketching.try_get_value() != Some(true) {
            return None;
        }
        // The marks are placed from the lane's box (`timeline.css`), which has no border on
        // its top or its left.
        let lane = self.layer.try_get_untracked().flatten()?.parent_element()?;
        let r = lane.get_bounding_client_rect();
        if !(r.top()..r.bottom()).contains(&y) {
            return None;
        }
        self.sketcher
            .painter
            .try_with_value(|p| p.as_ref()?.mark_at((x - r.left(), y - r.top())))
            .flatten()
    }
}

/// Keeps the marks of one lane drawn inside `layer`.
pub fn use_mark_layer<C, N, L>(layer: NodeRef<Div>, options: MarkLayerOptions<C, N, L>) -> MarkLayer
where
    C: Fn(EventIdx) -> ItemContent + 'static,
    N: Fn(u32) -> String + 'static,
    L: Fn(EventIdx) -> (Look, Rc<str>) + 'static,
{
    let MarkLayerOptions {
        marks,
        content,
        cluster_name,
        look,
        selected,
        hits,
        lang,
        px_per_day,
        sketch,
        moving,
        highlight,
        screen,
        commission,
    } = options;
    let state = StoredValue::new_local(None::<(Reconciler<HtmlElement>, Dom)>);
    let sketcher = Sketcher {
        painter: StoredValue::new_local(None),
        sketching: StoredValue::new(false),
        focused: StoredValue::new((0, None)),
        prepared: StoredValue::new(0),
        sketch,
        commission,
        look: StoredValue::new_local(Box::new(look)),
        marks,
        screen,
        px_per_day,
    };
    let generation = StoredValue::new((None::<Lang>, 0u64));
    // Bumped to try again, next frame, to leave the sketch (see `rest_budget`).
    let retry = RwSignal::new(0u32);
    Effect::new(move |_| {
        let Some(container) = layer.get() else { return };
        retry.track();
        let lang = lang.get();
        let selected = selected.get();
        let px_per_day = px_per_day.get();
        let generation = generation
            .try_update_value(|(l, g)| {
                if *l != Some(lang) {
                    *l = Some(lang);
                    *g += 1;
                }
                *g
            })
            .unwrap_or(0);
        if moving.get()
            && apart(Sketcher::sketch as SketchFn)(
                &sketcher,
                SketchArgs {
                    container: &container,
                    generation,
                    selected,
                    highlight: highlight.get(),
                    px_per_day,
                    screen,
                },
                hits,
            )
        {
            return;
        }
        if sketcher.sketching.get_value() && !marks.with(|m| rest_budget(m.len())) {
            request_animation_frame(move || {
                let _ = retry.try_update(|n| *n = n.wrapping_add(1));
            });
            return;
        }
        hits.with(|hits| {
            marks.with(|marks| {
                let is_hit = |i: EventIdx| hits.binary_search(&i).is_ok();
                let inputs = Inputs {
                    content: &content,
                    cluster_name: &cluster_name,
                    selected,
                    is_hit: &is_hit,
                    generation,
                    px_per_day,
                };
                state.try_update_value(|s| {
                    apart(reconcile as ReconcileFn)(s, &container, marks, &inputs);
                });
            })
        });
        // The elements are up to date: they take over from the sketch in the same frame.
        apart(Sketcher::rest as RestFn)(&sketcher, &container, generation);
    });
    MarkLayer {
        state,
        sketcher,
        layer,
    }
}

/// `f`, through a pointer the optimisers cannot see through, so that they call it rather than
/// inline it into its caller (`#[inline(never)]` stops rustc, not wasm-opt, which inlines any
/// function called from one place). Inlined, the lane's three paths (sketch, reconcile, rest)
/// made its effect one function of 14 KB, which V8 ran unoptimised through a gesture's first
/// frames and then spent 31 ms optimising, on one of the two cores the page shares with the
/// sketch worker and the compositor (traced at 10k events). Apart, the path a gesture runs is
/// optimised alone, and the paths it does not run are not optimised at all.
fn apart<F>(f: F) -> F {
    std::hint::black_box(f)
}

/// [`Sketcher::sketch`]'s type, for [`apart`].
type SketchFn = fn(&Sketcher, SketchArgs<'_>, Memo<Vec<EventIdx>>) -> bool;
/// [`reconcile`]'s type, for [`apart`].
type ReconcileFn = fn(
    &mut Option<(Reconciler<HtmlElement>, Dom)>,
    &web_sys::HtmlDivElement,
    &[MarkView],
    &Inputs<'_>,
);
/// [`Sketcher::rest`]'s type, for [`apart`].
type RestFn = fn(&Sketcher, &HtmlElement, u64);

/// Brings the lane's elements up to date with `marks` (the reconciler made on first use).
fn reconcile(
    s: &mut Option<(Reconciler<HtmlElement>, Dom)>,
    container: &web_sys::HtmlDivElement,
    marks: &[MarkView],
    inputs: &Inputs<'_>,
) {
    let (r, dom) = s.get_or_insert_with(|| {
        (
            Reconciler::default(),
            Dom {
                container: container.clone().unchecked_into(),
                document: document(),
                templates: [None, None],
            },
        )
    });
    RENDERING.with(|f| f.set(true));
    r.update(dom, marks, inputs);
    RENDERING.with(|f| f.set(false));
}

/// An event's look and label, for the sketch.
type LookFn = dyn Fn(EventIdx) -> (Look, Rc<str>);

/// A lane's sketch: its painter, made ready while the view rests, and whether it is showing.
#[derive(Clone, Copy)]
struct Sketcher {
    painter: StoredValue<Option<Painter>, LocalStorage>,
    sketching: StoredValue<bool>,
    /// The lane's event whose mark has the keyboard focus, with the count of focus moves it was
    /// read at (see [`focus_moved`]): read when a gesture starts and again only when the focus
    /// has moved since, not at every frame by every lane (0.2 ms of each zoom step at 10k
    /// events, profiled).
    focused: StoredValue<(u64, Option<EventIdx>)>,
    /// Counts the requests to make the painter ready, so that only the last one does.
    prepared: StoredValue<u64>,
    sketch: SharedSketch,
    commission: bool,
    /// An event's look and label.
    look: StoredValue<Box<LookFn>, LocalStorage>,
    marks: Memo<Arc<[MarkView]>>,
    screen: Signal<(f64, f64)>,
    /// The scale, in pixels per day.
    px_per_day: Memo<f64>,
}

/// How long after the view comes to rest the painter reads the lane's colours and sizes (ms):
/// by then the page is laid out, so reading them forces no layout, and a gesture that starts
/// later draws at once.
const PREPARE_MS: u64 = 250;

/// What a sketch of the lane needs besides its marks.
struct SketchArgs<'a> {
    container: &'a HtmlElement,
    generation: u64,
    selected: Option<EventIdx>,
    highlight: bool,
    px_per_day: f64,
    screen: Signal<(f64, f64)>,
}

impl Sketcher {
    /// A painter for the lane as it is styled now, keeping what the old one knew of the events.
    fn make(&self, container: &HtmlElement) -> Option<Painter> {
        let canvas = self.sketch.canvas.get_untracked()?;
        let lane: HtmlElement = container.parent_element()?.unchecked_into();
        let mut p = Painter::new(canvas, &lane, self.commission)?;
        if let Some(old) = self.painter.try_update_value(Option::take).flatten() {
            p.adopt(old);
        }
        Some(p)
    }

    /// Draws the lane on its band of the shared canvas and hides its elements; `false` if it
    /// cannot be sketched (forced colours, no canvas), and the elements are then moved as usual.
    fn sketch(&self, a: SketchArgs<'_>, hits: Memo<Vec<EventIdx>>) -> bool {
        let marks = self.marks;
        let started = self.sketching.get_value();
        if !started {
            // Normally made ready while the view rested (its styles are then read again: the
            // theme may have changed since); otherwise made now, with the styles of now.
            let ready = if self.painter.with_value(Option::is_none) {
                self.make(a.container)
                    .map(|p| {
                        let can = p.can_draw();
                        self.painter.set_value(Some(p));
                        can
                    })
                    .unwrap_or(false)
            } else {
                let lane: Option<HtmlElement> =
                    a.container.parent_element().map(JsCast::unchecked_into);
                self.painter
                    .try_update_value(|p| match (p, lane) {
                        (Some(p), Some(lane)) => {
                            p.restart();
                            p.refresh(&lane)
                        }
                        _ => false,
                    })
                    .unwrap_or(false)
            };
            if !ready {
                return false;
            }
        }
        // Tracked while sketching only: a pan redraws the canvas once it nears its edge, while
        // at rest the elements are carried by the world's transform.
        let (shift, width) = a.screen.get();
        let moves = FOCUS_MOVES.with(Cell::get);
        let focused = match self.focused.get_value() {
            (read_at, focused) if started && read_at == moves => focused,
            _ => {
                let focused = focused_event(a.container);
                self.focused.set_value((moves, focused));
                focused
            }
        };
        hits.with(|hits| {
            marks.with(|marks| {
                self.look.with_value(|look| {
                    self.painter.update_value(|p| {
                        let Some(p) = p else { return };
                        self.sketch.shared.update_value(|shared| {
                            p.draw(Scene {
                                marks,
                                ppd: a.px_per_day,
                                shift,
                                width,
                                generation: a.generation,
                                item: look.as_ref(),
                                selected: a.selected,
                                focused,
                                hits: a.highlight.then_some(hits.as_slice()),
                                shared,
                            });
                        });
                    });
                });
            });
        });
        if !started {
            self.sketching.set_value(true);
            self.sketch.showing.update_value(|n| *n += 1);
            let (this, container) = (*self, a.container.clone());
            let show = move || {
                if this.sketching.try_get_value() != Some(true) {
                    return;
                }
                if let Some(c) = this.sketch.canvas.try_get_untracked().flatten() {
                    c.set_hidden(false);
                }
                // The canvas, over them, takes the pointer: the hidden elements stand where the
                // view was when the gesture began, and a click must not reach them; it reaches
                // what the sketch shows instead (`input`'s click). Hidden by an inline opacity,
                // which `HIDDEN_MARKS` finds. (Not `pointer-events` on them: it is inherited,
                // and restyling every mark cost the frame 14 ms at 10k.)
                let _ = container.style().set_property("opacity", "0");
            };
            // Drawn by the page, shown on the next animation frame, with the other lanes':
            // written now, the next lane's reading of its styles would have to restyle and lay
            // out the page first. Drawn by the sketch worker, whose picture reaches the screen
            // on its own, as soon as it is drawn, the elements are hidden in this frame:
            // hidden in the next, they showed for a frame beside the sketch (screencast).
            if self
                .painter
                .with_value(|p| p.as_ref().is_some_and(Painter::drawn_elsewhere))
            {
                show();
            } else {
                request_animation_frame(show);
            }
        }
        true
    }

    /// The elements are up to date: shows them instead of the sketch, and makes the painter
    /// ready for the next gesture once the page has been laid out.
    fn rest(&self, container: &HtmlElement, generation: u64) {
        if self.sketching.get_value() {
            self.sketching.set_value(false);
            let _ = container.style().remove_property("opacity");
            // The lane's band is wiped; the canvas goes once no lane shows a sketch.
            self.painter.update_value(|p| {
                if let Some(p) = p {
                    p.clear();
                }
            });
            self.sketch
                .showing
                .update_value(|n| *n = n.saturating_sub(1));
            if self.sketch.showing.get_value() == 0
                && let Some(c) = self.sketch.canvas.get_untracked()
            {
                // Resting, it stays shown (see the CSS): wiped whole, so that no band a lane
                // left behind can show.
                c.set_hidden(true);
                super::sketch::wipe_canvas(&c);
            }
        }
        let this = *self;
        let container = container.clone();
        let n = self.prepared.get_value() + 1;
        self.prepared.set_value(n);
        // try_*: the lane may be gone when the timer fires.
        set_timeout(
            move || {
                if this.prepared.try_get_value() == Some(n)
                    && this.sketching.try_get_value() == Some(false)
                    && let Some(mut p) = this.make(&container)
                {
                    let (shift, width) = this.screen.try_get_untracked().unwrap_or_default();
                    let ppd = this.px_per_day.try_get_untracked().unwrap_or(1.0);
                    this.look.try_with_value(|look| {
                        this.marks.try_with_untracked(|marks| {
                            let resting = this.sketch.showing.try_get_value() == Some(0);
                            p.prepare(
                                marks,
                                (ppd, shift, width),
                                generation,
                                look.as_ref(),
                                resting,
                            );
                        })
                    });
                    let _ = this.painter.try_set_value(Some(p));
                }
            },
            std::time::Duration::from_millis(PREPARE_MS),
        );
    }
}

/// The event whose mark in `container` has the keyboard focus, shown (`:focus-visible`).
fn focused_event(container: &HtmlElement) -> Option<EventIdx> {
    let el = document().active_element()?;
    if !container.contains(Some(&el)) || !el.matches(":focus-visible").unwrap_or(false) {
        return None;
    }
    el.get_attribute("data-idx")
        .and_then(|s| EventIdx::parse(&s))
}
