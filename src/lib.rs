//! cooperation-timeline: an interactive, sourced timeline of Morocco–France military cooperation.
//!
//! Layers, from the inside out: [`model`] is pure and natively tested; [`data`] fetches and
//! validates the dataset; [`state`] holds the reactive state; [`components`] are thin views that
//! turn DOM events into model calls; [`files`] reads files in and hands exports out. [`i18n`]
//! holds the interface strings; [`panic_screen`] is what a reader sees if the app itself fails;
//! [`picture_png`] turns the timeline's picture into PNG; [`prerender`] writes the static first
//! view into `index.html` at build time and [`takeover`] hands it over to the app; [`transfer`]
//! runs imports and exports, in a worker fetched on demand; [`worker`] starts the app's workers.

pub mod components;
pub mod data;
pub mod files;
pub mod hooks;
pub mod i18n;
pub mod model;
pub mod panic_screen;
pub mod picture_png;
pub mod prerender;
pub mod state;
pub mod takeover;
pub mod transfer;
pub mod worker;

pub use components::app::App;
