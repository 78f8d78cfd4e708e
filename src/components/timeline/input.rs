//! The timeline's input: wheel, pointer gestures, clicks, keys and focus, turned into viewport and
//! selection changes through `model::input` and `model::navigation`; and the keyboard focus that
//! follows the arrow keys from mark to mark, even when a mark is redrawn under it. Deferred work
//! (the next animation frame, a timer) only ever uses `try_*` accessors: the timeline may be gone
//! by then (the list view, Back to a link with the list view), and that must not end the app.

use leptos::ev;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::TimelineCtx;
use super::mark_layer::{HIDDEN_MARKS, is_rendering};
use crate::hooks::clock::monotonic_ms;
use crate::hooks::use_viewport_motion::UseViewportMotion;
use crate::model::date::Day;
use crate::model::frame::MarkView;
use crate::model::input::{
    Action, DeltaMode, Gesture, KeyCommand, PAN_STEP, Wheel, ZOOM_STEP, key_command, parse_span,
    wheel_action,
};
use crate::model::layout::MarkKind;
use crate::model::viewport::Viewport;
use crate::model::{EventIdx, Selection};
use crate::state::{AppState, select, select_event};

/// The mark (an event's or a cluster's) an event happened on, if any.
fn mark_of(ev: &web_sys::Event) -> Option<web_sys::HtmlElement> {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .as_ref()
        .and_then(enclosing_mark)
}

/// The mark `el` is part of, if any.
fn enclosing_mark(el: &web_sys::Element) -> Option<web_sys::HtmlElement> {
    el.closest(".mark").ok().flatten()?.dyn_into().ok()
}

/// Whether `el` is the lanes' sketch (see `mark_layer`).
fn is_sketch(el: &web_sys::Element) -> bool {
    el.class_list().contains("timeline__sketch")
}

/// What a click at the client point `(x, y)` reaches under the sketch, where no sketched mark
/// is: the topmost element there, passing over the marks' elements a sketch hides (they stand
/// where the view was when the gesture began) — a gap's band, or a lane that has rested.
fn beneath_sketch(x: f64, y: f64) -> Option<web_sys::Element> {
    let hidden = |el: &web_sys::Element| el.closest(HIDDEN_MARKS).ok().flatten().is_some();
    document()
        .elements_from_point(x as f32, y as f32)
        .iter()
        .filter_map(|e| e.dyn_into::<web_sys::Element>().ok())
        .find(|e| !is_sketch(e) && !hidden(e))
}

/// The event a mark element draws.
fn event_of(mark: &web_sys::Element) -> Option<EventIdx> {
    mark.get_attribute("data-idx")
        .and_then(|s| EventIdx::parse(&s))
}

/// A cluster's time span.
fn span_of(mark: &web_sys::Element) -> Option<(f64, f64)> {
    mark.get_attribute("data-span").and_then(|s| parse_span(&s))
}

/// How long the view must rest after a wheel or drag input before the marks' elements take over
/// from the sketch (ms). Longer than the gap between a wheel's notches in one flick (tens of ms),
/// short enough that a reader who stops finds the marks ready to point at and tab to.
pub const REST_MS: u64 = 150;

/// The timeline's handlers; `Copy`, so the view attaches them freely.
#[derive(Clone, Copy)]
pub struct TimelineInput {
    app: AppState,
    ctx: TimelineCtx,
    area: NodeRef<Div>,
    gesture: StoredValue<Gesture>,
    /// Set by keyboard navigation: the next drawn frame moves DOM focus to `ctx.focus`.
    move_focus: StoredValue<bool>,
    /// The viewport the wheel and drag inputs since the last animation frame lead to, applied
    /// on that frame (see [`TimelineInput::apply`]), and the view's move count after the last.
    pending: StoredValue<Option<(Viewport, u64)>>,
    /// When the last wheel or drag input came (ms, [`monotonic_ms`]), and whether a timer is
    /// set to end the gesture [`REST_MS`] after it: one timer a gesture, set again for the time
    /// left when it finds that inputs came since, rather than one timer an input (each costs the
    /// page a closure and a call out of the wasm, some 0.1 ms, profiled at 10k events).
    last_input: StoredValue<(f64, bool)>,
    /// The input area's left edge (client px), measured at a gesture's first input and kept
    /// until it ends: measuring it on every input made the browser bring styles and layout up
    /// to date in the middle of the gesture's frames (0.3 ms an input at 10k events, traced).
    area_left: StoredValue<Option<f64>>,
    /// A pointer drags the view: the grabbing cursor shows (see [`TimelineInput::dragging`]).
    dragging: RwSignal<bool>,
}

/// Wires the timeline's input; `area` is the element that receives it.
pub fn use_timeline_input(ctx: TimelineCtx, area: NodeRef<Div>) -> TimelineInput {
    let input = TimelineInput {
        app: AppState::expect(),
        ctx,
        area,
        gesture: StoredValue::new(Gesture::default()),
        move_focus: StoredValue::new(false),
        pending: StoredValue::new(None),
        last_input: StoredValue::new((0.0, false)),
        area_left: StoredValue::new(None),
        dragging: RwSignal::new(false),
    };
    input.keep_focus();
    input
}

/// Ends the gesture once no wheel or drag input has come for [`REST_MS`]: waits `wait_ms`, then
/// ends it (through `motion`, which leaves it to a move by key or button begun meanwhile) or
/// waits again for the time left since the last input. try_*: the timeline may be gone when the
/// timer fires.
fn rest_after(
    last_input: StoredValue<(f64, bool)>,
    area_left: StoredValue<Option<f64>>,
    motion: UseViewportMotion,
    wait_ms: f64,
) {
    set_timeout(
        move || {
            let Some((at, _)) = last_input.try_get_value() else {
                return;
            };
            let left = REST_MS as f64 - (monotonic_ms() - at);
            if left > 0.0 {
                rest_after(last_input, area_left, motion, left.min(REST_MS as f64));
            } else {
                let _ = last_input.try_set_value((at, false));
                let _ = area_left.try_set_value(None);
                motion.rest();
            }
        },
        std::time::Duration::from_millis(wait_ms.ceil() as u64),
    );
}

impl TimelineInput {
    fn local_x(&self, client_x: i32) -> f64 {
        let left = self.area_left.get_value().or_else(|| {
            let left = self.area.get_untracked()?.get_bounding_client_rect().left();
            self.area_left.set_value(Some(left));
            Some(left)
        });
        left.map_or(0.0, |left| f64::from(client_x) - left)
    }

    /// Whether a pointer drags the view (tracked). The view shows the grabbing cursor on a
    /// layer of its own over the area while it does, rather than through `:active` on the area:
    /// `cursor` is inherited, so changing the area's restyled every element in it on each press
    /// and each release (274 elements and 7–13 ms at 10k events, traced), for a drag or a click.
    pub fn dragging(&self) -> bool {
        self.dragging.get()
    }

    fn set_dragging(&self, on: bool) {
        if self.dragging.get_untracked() != on {
            self.dragging.set(on);
        }
    }

    /// The gesture is over: the next one measures the area again (the page may have moved).
    fn forget_area(&self) {
        self.area_left.set_value(None);
    }

    /// Applies a wheel or drag action on the next animation frame. A wheel or a mouse can send
    /// several events per frame; drawing after each would redo a frame's work for a picture
    /// nobody sees and push the next frame late. The actions compose on a copy of the viewport,
    /// so the result is the same as applying each at once.
    fn apply(&self, action: Action) {
        let motion = self.ctx.motion;
        motion.cancel();
        self.moving();
        let first = self.pending.with_value(Option::is_none);
        let viewport = self.ctx.viewport;
        self.pending.update_value(|p| {
            let (v, moves) = p.get_or_insert_with(|| (viewport.get_untracked(), 0));
            match action {
                Action::Zoom { anchor, factor } => v.zoom_at(anchor, factor),
                Action::Pan(dx) => v.pan_px(dx),
            }
            *moves = motion.moves();
        });
        if first {
            let pending = self.pending;
            // try_*: the timeline may be gone by the next frame. A move started since the last
            // input (a key, a selection brought into view) wins over the input before it.
            request_animation_frame(move || {
                if let Some((v, moves)) = pending.try_update_value(Option::take).flatten()
                    && motion.moves() == moves
                {
                    let _ = viewport.try_set(v);
                }
            });
        }
    }

    /// The view is moving under a gesture (the lanes sketch their marks) until it has rested for
    /// [`REST_MS`].
    fn moving(&self) {
        let moving = self.ctx.moving;
        if !moving.get_untracked() {
            moving.set(true);
        }
        let (_, armed) = self.last_input.get_value();
        self.last_input.set_value((monotonic_ms(), true));
        if !armed {
            rest_after(
                self.last_input,
                self.area_left,
                self.ctx.motion,
                REST_MS as f64,
            );
        }
    }

    /// Ends the gesture now, if one is under way: the marks' elements take over.
    fn rest_now(&self) {
        self.forget_area();
        // A timer still set finds the view rested, or a new gesture begun, and waits for its end.
        self.ctx.motion.rest();
    }

    /// The wheel zooms at the cursor; shift or a sideways scroll pans.
    pub fn wheel(&self, ev: ev::WheelEvent) {
        let w = Wheel {
            dx: ev.delta_x(),
            dy: ev.delta_y(),
            mode: DeltaMode::from_dom(ev.delta_mode()),
            ctrl: ev.ctrl_key() || ev.meta_key(),
            shift: ev.shift_key(),
            x: self.local_x(ev.client_x()),
            width: self.ctx.viewport.with_untracked(Viewport::width),
        };
        if let Some(action) = wheel_action(&w) {
            ev.prevent_default();
            self.apply(action);
        } else if !self.ctx.moving.get_untracked() {
            self.forget_area();
        }
    }

    /// A pointer went down.
    pub fn pointer_down(&self, ev: ev::PointerEvent) {
        if ev.pointer_type() == "mouse" && ev.button() != 0 {
            return;
        }
        self.forget_area();
        let x = self.local_x(ev.client_x());
        self.gesture
            .update_value(|g| g.down(ev.pointer_id(), x, f64::from(ev.client_y())));
    }

    /// A pointer moved: one drags, two pinch.
    pub fn pointer_move(&self, ev: ev::PointerEvent) {
        // A press whose release was lost (outside the page, a context menu): forget it rather
        // than pan on hover.
        if ev.buttons() == 0 {
            self.gesture.update_value(|g| g.up(ev.pointer_id()));
            self.set_dragging(false);
            // A pointer that goes looking for a mark after a wheel finds the elements drawn
            // (their hover, their tooltips): the view counts as rested. Not under a move by a
            // key, a button or a click on a cluster, which lands within a rest and a fifth of a
            // second (ending its sketch, the rest of the move laid the elements out at each
            // frame); a click meanwhile reaches what the sketch shows (`click`).
            if !self.ctx.motion.gliding() {
                self.rest_now();
            }
            return;
        }
        let x = self.local_x(ev.client_x());
        let action = self
            .gesture
            .try_update_value(|g| g.moved(ev.pointer_id(), x, f64::from(ev.client_y())))
            .flatten();
        if let Some(action) = action {
            // Capture only once it is a drag, so that a plain click still reaches the mark.
            if let Some(el) = self.area.get_untracked()
                && !el.has_pointer_capture(ev.pointer_id())
            {
                // Without the capture a release outside the area is lost, and the layer would
                // stay over the marks.
                if el.set_pointer_capture(ev.pointer_id()).is_ok() {
                    self.set_dragging(true);
                }
            }
            self.apply(action);
        }
    }

    /// A pointer went up, was cancelled or lost its capture.
    pub fn pointer_up(&self, ev: ev::PointerEvent) {
        self.gesture.update_value(|g| g.up(ev.pointer_id()));
        self.set_dragging(false);
        if !self.ctx.moving.get_untracked() {
            self.forget_area();
        }
        if let Some(el) = self.area.get_untracked() {
            let _ = el.release_pointer_capture(ev.pointer_id());
        }
    }

    /// A click on a mark selects its event or zooms into its cluster; on a gap, selects the gap;
    /// on the sketch, does that for what it shows there. Handled here, once, rather than by a
    /// listener per mark: marks are created and dropped by the hundred while zooming.
    pub fn click(&self, ev: ev::MouseEvent) {
        // The click that ends a drag is not a click; the next one is again.
        if self
            .gesture
            .try_update_value(Gesture::take_drag)
            .unwrap_or(false)
        {
            return;
        }
        let target = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        // On the sketch (the view moving, or resting less than a rest ago): what it shows
        // there, as the elements would have it.
        if target.as_ref().is_some_and(is_sketch) {
            let at = (f64::from(ev.client_x()), f64::from(ev.client_y()));
            match self.ctx.sketched_at(at) {
                Some(m) => self.click_sketched(&m),
                None => self.click_on(beneath_sketch(at.0, at.1)),
            }
        } else {
            self.click_on(target);
        }
    }

    /// A click on `target`: a gap's band explains the gap; an event's mark selects it; a
    /// cluster's zooms into it.
    fn click_on(&self, target: Option<web_sys::Element>) {
        if let Some(gap) = target
            .as_ref()
            .and_then(|t| t.closest("[data-gap]").ok().flatten())
            .and_then(|g| g.get_attribute("data-gap"))
            .and_then(|s| s.parse::<usize>().ok())
        {
            select(self.app, Selection::Gap(gap));
            return;
        }
        let Some(mark) = target.as_ref().and_then(enclosing_mark) else {
            return;
        };
        if let Some(idx) = event_of(&mark) {
            self.open(idx);
        } else if let Some((t0, t1)) = span_of(&mark) {
            self.zoom_into(t0, t1);
        }
    }

    /// A click on mark `m` as the sketch shows it: what a click on its element does.
    fn click_sketched(&self, m: &MarkView) {
        match m.kind {
            MarkKind::Item(i) => {
                self.open(EventIdx(i));
                // Its element takes the focus once it is drawn, as a click on it would.
                self.move_focus.set_value(true);
            }
            MarkKind::Cluster { .. } => self.zoom_into(m.t0, m.t1),
        }
    }

    /// A cluster was chosen (a click, or Enter on it): the view zooms into its time span
    /// `t0`..`t1`.
    fn zoom_into(&self, t0: Day, t1: Day) {
        self.ctx.motion.go(|v| v.zoom_into(t0, t1, ZOOM_STEP));
    }

    /// A click chose event `idx`: it is selected, and its mark has the focus.
    fn open(&self, idx: EventIdx) {
        select_event(self.app, idx);
        self.ctx.focus.set(Some(idx));
    }

    /// The pointer is over a mark: its tooltip (its name) appears. Set on first hover rather than
    /// for every mark, so creating a mark while zooming writes one long string, not two.
    pub fn pointer_over(&self, ev: ev::PointerEvent) {
        if let Some(mark) = mark_of(&ev) {
            self.ctx.show_tooltip(&mark);
        }
    }

    /// The key map: zoom, pan, jump; on an event, arrows move between events.
    pub fn key(&self, ev: ev::KeyboardEvent) {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let Some(cmd) = key_command(&ev.key()) else {
            return;
        };
        let target = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let on_event = target.as_ref().and_then(event_of);
        let m = self.ctx.model.get_untracked().0;
        let motion = self.ctx.motion;
        let width = self.ctx.viewport.with_untracked(Viewport::width);
        let go_to = |idx: Option<EventIdx>| {
            if let Some(idx) = idx {
                motion.go(|v| m.bring_into_view(v, idx));
                self.move_focus.set_value(true);
                self.ctx.focus.set(Some(idx));
            }
        };
        match (cmd, on_event) {
            (KeyCommand::ZoomIn, _) => motion.go(|v| v.zoom_center(ZOOM_STEP)),
            (KeyCommand::ZoomOut, _) => motion.go(|v| v.zoom_center(1.0 / ZOOM_STEP)),
            (KeyCommand::FitAll, _) => motion.go(Viewport::fit_all),
            (KeyCommand::Home, _) => motion.go(Viewport::go_to_start),
            (KeyCommand::End, _) => motion.go(Viewport::go_to_end),
            (KeyCommand::Left | KeyCommand::Right, Some(i)) => {
                go_to(m.step(i, cmd == KeyCommand::Right));
            }
            (KeyCommand::Up | KeyCommand::Down, Some(i)) => {
                go_to(m.cross(i, cmd == KeyCommand::Down));
            }
            (KeyCommand::Left, None) => motion.go(|v| v.pan_px(-PAN_STEP * width)),
            (KeyCommand::Right, None) => motion.go(|v| v.pan_px(PAN_STEP * width)),
            // From the timeline itself, Down enters the events.
            (KeyCommand::Down, None) => {
                go_to(self.ctx.viewport.with_untracked(|v| m.first_visible(v)));
            }
            (KeyCommand::Up, None) => return,
            (KeyCommand::Activate, Some(i)) => {
                select_event(self.app, i);
                self.ctx.focus.set(Some(i));
            }
            (KeyCommand::Activate, None) => {
                // A cluster: zoom into it. Anything else keeps its own Enter/Space.
                let Some((t0, t1)) = target.as_ref().and_then(span_of) else {
                    return;
                };
                self.zoom_into(t0, t1);
            }
            (KeyCommand::Escape, _) => {
                self.app.selected.set(None);
                self.ctx.focus.set(None);
                if let Some(el) = self.area.get_untracked() {
                    let _ = el.focus();
                }
            }
        }
        ev.prevent_default();
    }

    /// `focus` follows the keyboard: the mark that has it, or none when the timeline itself has it.
    pub fn focus_in(&self, ev: ev::FocusEvent) {
        let idx = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .as_ref()
            .and_then(event_of);
        self.ctx.focus.set(idx);
        super::mark_layer::focus_moved();
    }

    /// Focus left a mark. To another element outside the timeline: it is no longer ours. To
    /// nowhere (`relatedTarget` is null) there are two cases: the renderer moved or recycled the
    /// mark (keep `focus`, so it comes back to the mark's new element), or the user clicked
    /// something that takes no focus (let it go — taking it back would steal it). A browser may
    /// report a removal while the renderer works or just after; in the second case the mark's
    /// element is then gone or drawing another event.
    pub fn focus_out(&self, ev: ev::FocusEvent) {
        super::mark_layer::focus_moved();
        let focus = self.ctx.focus;
        match ev
            .related_target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
        {
            Some(n) => {
                let outside = self
                    .area
                    .get_untracked()
                    .is_some_and(|a| !a.contains(Some(&n)));
                if outside {
                    focus.set(None);
                }
            }
            None if is_rendering() => {}
            None => {
                let Some(left) = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                else {
                    return;
                };
                let had = event_of(&left);
                request_animation_frame(move || {
                    let nowhere = document()
                        .active_element()
                        .is_none_or(|a| a.tag_name() == "BODY");
                    let same_mark = left.is_connected() && event_of(&left) == had;
                    if nowhere && same_mark && focus.try_get_untracked().flatten() == had {
                        let _ = focus.try_set(None);
                    }
                });
            }
        }
    }

    /// Keyboard focus goes to the mark the arrow keys moved to (once it is drawn), and comes back
    /// to the focused mark when it is redrawn (a language change, a mark leaving and returning);
    /// it is never taken from elsewhere.
    fn keep_focus(&self) {
        let (focus, frame, moving, area, move_focus) = (
            self.ctx.focus,
            self.ctx.frame,
            self.ctx.moving,
            self.area,
            self.move_focus,
        );
        Effect::new(move |_| {
            let Some(idx) = focus.get() else { return };
            frame.track();
            // While the view moves, the lanes keep their elements as they were: the mark a key
            // moved to may be made only once the view rests.
            moving.track();
            let Some(el) = area.get_untracked() else {
                return;
            };
            focus_when_drawn(el, idx, (focus, move_focus), REST_FRAMES);
        });
    }
}

/// How many frames a mark's focus waits for its element after the view rests: a lane brings
/// at most about 120 of its marks back a frame (`mark_layer`).
const REST_FRAMES: u8 = 4;

/// Gives event `idx`'s mark in `el` the focus on the next frame, when the focus was lost or a
/// key moved it there (`move_focus`), trying again on up to `tries` more frames while its
/// element is not there yet. try_*: the timeline may be gone by then.
fn focus_when_drawn(
    el: web_sys::HtmlDivElement,
    idx: EventIdx,
    (focus, move_focus): (RwSignal<Option<EventIdx>>, StoredValue<bool>),
    tries: u8,
) {
    request_animation_frame(move || {
        let active = document().active_element();
        let lost = active.as_ref().is_none_or(|a| a.tag_name() == "BODY");
        let wanted = move_focus.try_get_value().unwrap_or(false);
        if !lost && !wanted {
            return;
        }
        // Still this timeline's, and still wanted (not cleared meanwhile).
        if !el.is_connected() || focus.try_get_untracked().flatten() != Some(idx) {
            return;
        }
        match el.query_selector(&format!("[data-idx=\"{idx}\"]")) {
            Ok(Some(mark)) => {
                if active.as_ref() != Some(&mark)
                    && let Ok(mark) = mark.dyn_into::<web_sys::HtmlElement>()
                {
                    let _ = mark.focus();
                    let _ = move_focus.try_set_value(false);
                }
            }
            _ if tries > 0 => focus_when_drawn(el, idx, (focus, move_focus), tries - 1),
            _ => {}
        }
    });
}
