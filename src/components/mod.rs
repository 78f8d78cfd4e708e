//! The views. One file per screen region; each turns DOM events into model or state calls and
//! holds no arithmetic of its own.

pub mod app;
pub mod dialogs;
pub mod domains_panel;
pub mod embed_dialog;
pub mod error_view;
pub mod event_detail;
pub mod export_dialog;
pub mod facets;
pub mod header_controls;
pub mod help;
pub mod icons;
pub mod import_banner;
pub mod list_view;
pub mod loading_view;
pub mod map_panel;
pub mod open_dialog;
pub mod participants_panel;
pub mod search;
pub mod sheet;
pub mod side_panels;
pub mod story;
pub mod timeline;
