//! The few line icons of the phone layout's buttons, drawn inline (no icon font, no request) in
//! the text colour. Always decorative: the button around an icon carries its name.

use leptos::prelude::*;

/// The icons there are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Icon {
    /// A magnifying glass (search).
    Search,
    /// Three lines (the menu).
    Menu,
    /// A cross (close).
    Close,
    /// Plus (zoom in).
    Plus,
    /// Minus (zoom out).
    Minus,
    /// Arrows out to both ends (show all).
    FitAll,
    /// A target (zoom to the selection).
    Target,
    /// A funnel (filters).
    Filter,
    /// Lines of a list (the list view).
    List,
    /// A line with marks on it (the timeline view).
    Timeline,
}

impl Icon {
    /// A class naming the icon (the list's mirrors in right-to-left pages).
    pub(crate) fn class(self) -> &'static str {
        match self {
            Icon::List => "icon icon--list",
            _ => "icon",
        }
    }

    /// The path data, on a 24 × 24 grid.
    pub(crate) fn path(self) -> &'static str {
        match self {
            Icon::Search => "M10.5 4a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13zM15.5 15.5L20 20",
            Icon::Menu => "M4 6.5h16M4 12h16M4 17.5h16",
            Icon::Close => "M6 6l12 12M18 6L6 18",
            Icon::Plus => "M12 5v14M5 12h14",
            Icon::Minus => "M5 12h14",
            Icon::FitAll => "M3 12h18M7 8l-4 4l4 4M17 8l4 4l-4 4",
            Icon::Target => "M12 5a7 7 0 1 0 0 14a7 7 0 1 0 0-14zM12 2v4M12 18v4M2 12h4M18 12h4",
            Icon::Filter => "M4 5h16l-6 7.5V19l-4 1.5v-8z",
            Icon::List => "M9 6h11M9 12h11M9 18h11M4.5 6h.5M4.5 12h.5M4.5 18h.5",
            Icon::Timeline => "M3 12h18M7 9v6M12 7v10M17 9v6",
        }
    }
}

/// The attributes [`icon`] gives every `<svg>` but its class, written out for the static first
/// view's copy ([`markup`]); change both together.
const SVG_ATTRIBUTES: &str = "viewBox=\"0 0 24 24\" width=\"22\" height=\"22\" aria-hidden=\"true\" \
     focusable=\"false\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\" \
     stroke-linecap=\"round\" stroke-linejoin=\"round\"";

/// An icon as HTML text, for the static first view (`prerender`).
pub fn markup(i: Icon) -> String {
    format!(
        "<svg class=\"{}\" {SVG_ATTRIBUTES}><path d=\"{}\"></path></svg>",
        i.class(),
        i.path()
    )
}

/// An icon, hidden from assistive technology.
pub fn icon(i: Icon) -> impl IntoView {
    view! {
        <svg
            class=i.class()
            viewBox="0 0 24 24"
            width="22"
            height="22"
            aria-hidden="true"
            focusable="false"
            fill="none"
            stroke="currentColor"
            stroke-width="2"
            stroke-linecap="round"
            stroke-linejoin="round"
        >
            <path d=i.path()></path>
        </svg>
    }
}
