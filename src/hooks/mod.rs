//! Adapters between browser APIs and the reactive state, so components stay declarative: the URL,
//! the theme, animated moves of the viewport, the clock, files dropped on the page, the typing
//! check of shortcuts and the inside-or-outside check of dismissable parts.

pub mod clock;
pub mod typing;
pub mod use_file_drop;
pub mod use_theme;
pub mod use_url_state;
pub mod use_viewport_motion;
pub mod within;
