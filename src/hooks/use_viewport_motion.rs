//! Smooth moves of the timeline's viewport (buttons, keys, "zoom to"), honouring
//! `prefers-reduced-motion`: with it, every move is a jump.

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
    reduced: Signal<bool>,
    /// Bumped by every new move, so a running animation knows it was superseded.
    generation: StoredValue<u64>,
}

/// Animates `viewport` towards targets, one move at a time.
pub fn use_viewport_motion(viewport: RwSignal<Viewport>) -> UseViewportMotion {
    UseViewportMotion {
        viewport,
        reduced: use_prefers_reduced_motion(),
        generation: StoredValue::new(0),
    }
}

impl UseViewportMotion {
    /// Stops any running animation (direct manipulation — wheel, drag — always wins).
    pub fn cancel(&self) {
        self.generation.update_value(|g| *g += 1);
    }

    /// Counts the moves started and cancelled: when it changes, something else has moved the
    /// view since (a key, a button, a selection brought into view).
    pub fn moves(&self) -> u64 {
        self.generation.try_get_value().unwrap_or(0)
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
        step(*self, from, to, monotonic_ms(), generation);
    }
}

fn step(m: UseViewportMotion, from: Viewport, to: Viewport, t0: f64, generation: u64) {
    if m.generation.try_get_value() != Some(generation) {
        return;
    }
    let p = ((monotonic_ms() - t0) / DURATION_MS).clamp(0.0, 1.0);
    // Ease out: fast start, gentle landing.
    let e = 1.0 - (1.0 - p).powi(3);
    let lerp = |a: f64, b: f64| a + (b - a) * e;
    // try_*: this runs on a later frame, when the timeline may be gone.
    let Some(mut v) = m.viewport.try_get_untracked() else {
        return;
    };
    if p >= 1.0 {
        v.set_window(to.start(), to.end());
    } else {
        v.set_window(lerp(from.start(), to.start()), lerp(from.end(), to.end()));
    }
    if m.viewport.try_set(v).is_some() {
        return;
    }
    if p < 1.0 {
        request_animation_frame(move || step(m, from, to, t0, generation));
    }
}
