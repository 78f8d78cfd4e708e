//! The hand-over from the static first view (`prerender`, in the built `index.html`) to the app.
//! The app mounts beside the static view, laid out but invisible, so that it measures the real
//! width; once it has drawn its first screen, the static view goes and the app shows in the
//! same frame, in the same place. Without a static view (development, tests, a link the static
//! view does not show) the app mounts on `<body>` as usual.

use std::cell::Cell;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::prerender::STATIC_ROOT_ID;

/// Class of the app's host while the static view is still shown (see `style/static.css`).
const PENDING: &str = "app-host--pending";

thread_local! {
    /// The width of the static view's timeline area, read at [`mount`].
    static AREA_WIDTH: Cell<Option<f64>> = const { Cell::new(None) };
}

/// How wide the timeline's area is in the static first view the page showed: the static view's
/// own timeline, or the empty columns under its loading screen (`prerender`'s probe), laid out
/// by the same rules as the app's. Read once, when the app mounts (the page has laid it out
/// while the wasm arrived), and handed over once: the timeline lays its first marks out at that
/// width rather than at a placeholder or after making the browser lay the new workspace out to
/// learn it. `None` without a static view, or when none of its areas is shown (an embed).
pub fn area_width() -> Option<f64> {
    AREA_WIDTH.with(Cell::take)
}

/// The first of the static view's timeline areas that is laid out (the others, other languages'
/// views and the screens not chosen, are not shown and have no width).
fn shown_area_width(view: &web_sys::Element) -> Option<f64> {
    let areas = view.query_selector_all(".timeline__area").ok()?;
    (0..areas.length())
        .filter_map(|i| areas.item(i)?.dyn_into::<web_sys::Element>().ok())
        .map(|el| el.get_bounding_client_rect().width())
        .find(|w| *w >= 1.0)
}

/// Mounts the app, beside the static view if there is one to take over from.
pub fn mount<F, N>(app: F)
where
    F: FnOnce() -> N + 'static,
    N: IntoView,
{
    let doc = document();
    let root = doc.document_element();
    let static_view = doc.get_element_by_id(STATIC_ROOT_ID);
    AREA_WIDTH.with(|c| c.set(static_view.as_ref().and_then(shown_area_width)));
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
