//! Whether an event's node lies inside an element: what "focus or a press outside closes it"
//! asks (the search's results, the header's menu).

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Whether `target` (an event's target or related target) is `root` or inside it. `false` when
/// there is no target or `root` is not mounted.
pub fn within(target: Option<web_sys::EventTarget>, root: NodeRef<Div>) -> bool {
    target
        .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
        .zip(root.get_untracked())
        .is_some_and(|(n, r)| r.contains(Some(&n)))
}
