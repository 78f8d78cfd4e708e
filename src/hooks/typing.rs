//! Whether a key press is aimed at something the user types into, so that single-key shortcuts
//! (`/` for search, `?` for help) leave it alone. One definition for every shortcut.

use wasm_bindgen::JsCast;

/// Whether `ev` targets a text field, a select or an editable element.
pub fn is_typing(ev: &web_sys::KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || el.is_content_editable()
        })
}
