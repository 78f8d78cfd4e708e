//! The hand-over from the static first view (`prerender`, in the built `index.html`) to the app.
//! The app mounts beside the static view, laid out but invisible, so that it measures the real
//! width; once it has drawn its first screen, the static view goes and the app shows in the
//! same frame, in the same place. Without a static view (development, tests, a link the static
//! view does not show) the app mounts on `<body>` as usual.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::prerender::STATIC_ROOT_ID;

/// Class of the app's host while the static view is still shown (see `style/static.css`).
const PENDING: &str = "app-host--pending";

/// Mounts the app, beside the static view if there is one to take over from.
pub fn mount<F, N>(app: F)
where
    F: FnOnce() -> N + 'static,
    N: IntoView,
{
    let doc = document();
    let root = doc.document_element();
    let static_view = doc.get_element_by_id(STATIC_ROOT_ID);
    let hidden = root.is_some_and(|r| r.class_list().contains("no-static"));
    let host = static_view
        .as_ref()
        .filter(|_| !hidden)
        .and_then(|_| doc.create_element("div").ok())
        .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok());
    match (host, doc.body()) {
        (Some(host), Some(body)) => {
            host.set_class_name(&format!("app-host {PENDING}"));
            let _ = body.append_child(&host);
            leptos::mount::mount_to(host, app).forget();
        }
        _ => {
            if let Some(v) = static_view {
                v.remove();
            }
            leptos::mount::mount_to_body(app);
        }
    }
}

/// Removes the static view and shows the app: called when the app's first screen is drawn (the
/// timeline, or the error screen). Two animation frames later, so that the timeline has had
/// its width measured and its marks placed for it.
pub fn finish() {
    if document().get_element_by_id(STATIC_ROOT_ID).is_none() {
        return;
    }
    request_animation_frame(|| {
        request_animation_frame(|| {
            let doc = document();
            if let Some(v) = doc.get_element_by_id(STATIC_ROOT_ID) {
                v.remove();
            }
            if let Ok(hosts) = doc.query_selector_all(&format!(".{PENDING}")) {
                for i in 0..hosts.length() {
                    if let Some(el) = hosts
                        .item(i)
                        .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                    {
                        let _ = el.class_list().remove_1(PENDING);
                    }
                }
            }
        });
    });
}
