//! DOM adapters in leptos-use style: small `use_*` functions that connect browser APIs to the
//! reactive state, so components stay declarative.

pub mod use_mark_layer;
pub mod use_theme;
pub mod use_url_state;
pub mod use_viewport_motion;
