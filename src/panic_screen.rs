//! What a reader sees if the app itself fails: a panic is a bug, and in a release build
//! (`panic = "abort"`) it stops the WebAssembly for good. Rather than a frozen or blank page, the
//! panic hook replaces the app with a short screen in the interface language — what happened, the
//! message, and a Reload link to the same address (which holds the view). The screen is built
//! with the bare DOM API, not Leptos: the reactive system may be what failed.

use std::sync::atomic::{AtomicBool, Ordering};

use crate::i18n::strings;
use crate::model::Lang;

/// Set once the screen is shown, so a panic while showing it cannot loop.
static SHOWN: AtomicBool = AtomicBool::new(false);

/// Installs the panic hook: the panic goes to the console (with its location), then the screen
/// replaces the app.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        if !SHOWN.swap(true, Ordering::SeqCst) {
            show(&info.to_string());
        }
    }));
}

/// Replaces every mounted app (or, before one is mounted, adds to the page) the "something went
/// wrong" screen with `message`. Never panics: each step that can fail is skipped.
pub fn show(message: &str) {
    let _ = try_show(message);
}

fn try_show(message: &str) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let root = document.document_element()?;
    let lang = root
        .get_attribute("lang")
        .and_then(|t| Lang::from_tag(&t))
        .unwrap_or_default();
    let s = strings(lang);
    let el = |tag: &str, class: &str, text: Option<&str>| -> Option<web_sys::Element> {
        let e = document.create_element(tag).ok()?;
        if !class.is_empty() {
            e.set_attribute("class", class).ok()?;
        }
        if let Some(t) = text {
            e.set_text_content(Some(t));
        }
        Some(e)
    };
    let page = el("div", "app app--failed", None)?;
    page.set_attribute("lang", lang.code()).ok()?;
    page.set_attribute("dir", if lang.is_rtl() { "rtl" } else { "ltr" })
        .ok()?;
    let main = el("main", "app__main", None)?;
    let section = el("section", "panic error", None)?;
    section.set_attribute("role", "alert").ok()?;
    section.set_attribute("data-testid", "panic").ok()?;
    let title = el("h1", "error__title", Some(s.panic_title))?;
    section.append_child(&title).ok()?;
    let hint = el("p", "", Some(s.panic_hint))?;
    section.append_child(&hint).ok()?;
    // A link to the same address (without a fragment, so following it reloads): it works even
    // though no Rust code can run any more.
    let location = web_sys::window()?.location();
    let here = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    let reload = el("a", "button button--primary", Some(s.reload))?;
    reload.set_attribute("href", &here).ok()?;
    reload.set_attribute("data-testid", "reload").ok()?;
    let actions = el("p", "", None)?;
    actions.append_child(&reload).ok()?;
    section.append_child(&actions).ok()?;
    let details = el("h2", "error__problems-title", Some(s.panic_details))?;
    section.append_child(&details).ok()?;
    let pre = el("pre", "panic__message", Some(message))?;
    pre.set_attribute("dir", "ltr").ok()?;
    pre.set_attribute("lang", "en").ok()?;
    section.append_child(&pre).ok()?;
    main.append_child(&section).ok()?;
    page.append_child(&main).ok()?;
    let apps = document.query_selector_all(".app:not(.app--failed)").ok()?;
    if apps.length() == 0 {
        document.body()?.append_child(&page).ok()?;
    }
    for i in 0..apps.length() {
        if let Some(app) = apps
            .item(i)
            .and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
        {
            let copy = page.clone_node_with_deep(true).ok()?;
            app.replace_with_with_node_1(&copy).ok()?;
        }
    }
    Some(())
}
