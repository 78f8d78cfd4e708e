//! The views. One file per screen region; each turns DOM events into model or state calls and
//! holds no arithmetic of its own.

pub mod app;
pub mod domains_panel;
pub mod error_view;
pub mod event_detail;
pub mod facets;
pub mod header_controls;
pub mod help;
pub mod icons;
pub mod list_view;
pub mod loading_view;
pub mod participants_panel;
pub mod search;
pub mod sheet;
pub mod side_panels;
pub mod timeline;
