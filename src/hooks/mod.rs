//! Adapters between browser APIs and the reactive state, so components stay declarative: the URL,
//! the theme, animated moves of the viewport, the clock and the typing check of shortcuts.

pub mod clock;
pub mod typing;
pub mod use_theme;
pub mod use_url_state;
pub mod use_viewport_motion;
