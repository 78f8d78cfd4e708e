//! Light, dark or system theme, and an optional high-contrast mode: chosen by the user, kept in
//! `localStorage`, and applied as `data-theme` / `data-contrast` on `<html>` (the CSS tokens do
//! the rest; with no choice the theme follows `prefers-color-scheme`).

use leptos::prelude::*;

/// A theme choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Follow the system.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    /// All choices, in menu order.
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    fn as_str(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    fn parse(s: &str) -> Self {
        match s {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::System,
        }
    }
}

/// Returned by [`use_theme`].
#[derive(Clone, Copy)]
pub struct UseTheme {
    /// The theme.
    pub theme: RwSignal<Theme>,
    /// High contrast on or off.
    pub high_contrast: RwSignal<bool>,
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// Loads the saved choice, applies it, and saves and applies every change.
pub fn use_theme() -> UseTheme {
    let saved = |key: &str| storage().and_then(|s| s.get_item(key).ok().flatten());
    let theme = RwSignal::new(saved("ct-theme").map_or(Theme::System, |s| Theme::parse(&s)));
    let high_contrast = RwSignal::new(saved("ct-contrast").as_deref() == Some("high"));
    Effect::new(move |_| {
        let (t, hc) = (theme.get(), high_contrast.get());
        let Some(root) = document().document_element() else {
            return;
        };
        let _ = match t {
            Theme::System => root.remove_attribute("data-theme"),
            _ => root.set_attribute("data-theme", t.as_str()),
        };
        let _ = if hc {
            root.set_attribute("data-contrast", "high")
        } else {
            root.remove_attribute("data-contrast")
        };
        if let Some(s) = storage() {
            let _ = s.set_item("ct-theme", t.as_str());
            let _ = s.set_item("ct-contrast", if hc { "high" } else { "normal" });
        }
    });
    UseTheme {
        theme,
        high_contrast,
    }
}
