//! Smooth moves of the timeline's viewport (buttons, keys, "zoom to"), honouring
//! `prefers-reduced-motion`: with it, every move is a jump. A move is a gesture, as a wheel's
//! or a drag's is: the lanes draw their sketch while it runs (see `timeline::mark_layer`).

use leptos::prelude::*;
use leptos_use_preferences::use_prefers_reduced_motion;

use crate::hooks::clock::monotonic_ms;
use crate::model::viewport::Viewport;

/// How long an animated move takes.
const DURATION_MS: f64 = 220.0;

/// Returned by [`use_viewport_motion`].
#[derive(Clone, Copy)]
pub struct UseViewportMotion {
    viewport: RwSignal<Viewport>,
    /// The view moves under a gesture (the timeline's `moving`): set while a move runs.
    moving: RwSignal<bool>,
    /// A move set `moving` and has not ended it yet.
    gliding: StoredValue<bool>,
    /// How long the view stays a sketch after a move has landed (ms).
    rest_ms: u64,
    reduced: Signal<bool>,
    /// Bumped by every new move, so a running animation knows it was superseded.
    generation: StoredValue<u64>,
}

/// Animates `viewport` towards targets, one move at a time, with `moving` set while it does
/// and for `rest_ms` after it lands (the wheel's rest, so that keys tapped or held, one move
/// after another, make one gesture). Frame by frame, laying hundreds of marks' elements out
/// again at 10k events dropped a frame in seven as keys were pressed; a sketch does not.
pub fn use_viewport_motion(
    viewport: RwSignal<Viewport>,
    moving: RwSignal<bool>,
    rest_ms: u64,
) -> UseViewportMotion {
    UseViewportMotion {
        viewport,
        moving,
        gliding: StoredValue::new(false),
        rest_ms,
        reduced: use_prefers_reduced_motion(),
        generation: StoredValue::new(0),
    }
}

impl UseViewportMotion {
    /// Stops any running animation (direct manipulation — wheel, drag — always wins), and the
    /// gesture it was: the wheel or the drag that follows is a gesture of its own.
    pub fn cancel(&self) {
        self.generation.update_value(|g| *g += 1);
        self.land();
    }

    /// Counts the moves started and cancelled: when it changes, something else has moved the
    /// view since (a key, a button, a selection brought into view).
    pub fn moves(&self) -> u64 {
        self.generation.try_get_value().unwrap_or(0)
    }

    /// Whether a move runs, or has landed less than a rest ago: the gesture is its own to end.
    pub fn gliding(&self) -> bool {
        self.gliding.try_get_value() == Some(true)
    }

    /// A wheel's or a drag's gesture has rested: the view rests, unless a move begun since
    /// carries the gesture on (it ends it itself once it has landed). try_*: this runs from a
    /// timer, when the timeline may be gone.
    pub fn rest(&self) {
        if !self.gliding() {
            self.stop_moving();
        }
    }

    /// Ends the gesture a move began, if it has not been ended yet. try_*: this runs from a
    /// frame too, when the timeline may be gone.
    fn land(&self) {
        if self.gliding() {
            self.gliding.set_value(false);
            self.stop_moving();
        }
    }

    /// The view rests (the lanes' elements take over), if it was not resting already: telling
    /// the lanes again would redo their rest.
    fn stop_moving(&self) {
        if self.moving.try_get_untracked() == Some(true) {
            let _ = self.moving.try_set(false);
        }
    }

    /// Applies `change` to a copy of the viewport and moves there, animated unless the user
    /// prefers reduced motion.
    pub fn go(&self, change: impl FnOnce(&mut Viewport)) {
        self.cancel();
        let from = self.viewport.get_untracked();
        let mut to = from;
        change(&mut to);
        if self.reduced.get_untracked() || from == to {
            self.viewport.set(to);
            return;
        }
        let generation = self.generation.get_value();
        self.gliding.set_value(true);
        if !self.moving.get_untracked() {
            self.moving.set(true);
        }
        step(*self, from, to, monotonic_ms(), generation);
    }
}

fn step(m: UseViewportMotion, from: Viewport, to: Viewport, t0: f64, generation: u64) {
    if m.generation.try_get_value() != Some(generation) {
        return;
    }
    let t = monotonic_ms() - t0;
    let p = (t / DURATION_MS).min(1.0);
    // Ease out: fast start, gentle landing.
    let e = 1.0 - (1.0 - p).powi(3);
    let lerp = |a: f64, b: f64| a + (b - a) * e;
    // try_*: this runs on a later frame, when the timeline may be gone.
    let Some(mut v) = m.viewport.try_get_untracked() else {
        return;
    };
    let was = v;
    if p >= 1.0 {
        v.set_window(to.start(), to.end());
    } else {
        v.set_window(lerp(from.start(), to.start()), lerp(from.end(), to.end()));
    }
    // Landed, the view holds still until the rest is over: written once, even when the page
    // drew no frame between the landing and the end of the rest (a tab in the background).
    if v != was && m.viewport.try_set(v).is_some() {
        return;
    }
    // Landed a rest ago, with no other move begun since: the lanes' elements take over. (Frames
    // counted rather than a timer set: one callback fewer in the page's wasm.)
    if t >= DURATION_MS + m.rest_ms as f64 {
        m.land();
        return;
    }
    request_animation_frame(move || step(m, from, to, t0, generation));
}
