//! Starting one of the app's own web workers (the transfer worker, [`crate::transfer`]; the
//! sketch worker, `components::timeline`): its script found next to `index.html`, and its
//! messages and failures handled for as long as the page lives.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

/// A worker running `script`, a path next to `index.html` (the document's base, so that a site
/// served under a sub-path finds it); why not, if it cannot be started.
pub fn start(script: &str) -> Result<web_sys::Worker, &'static str> {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    let url = web_sys::Url::new_with_base(script, &base)
        .map(|u| u.href())
        .map_err(|_| "the worker's address could not be made")?;
    web_sys::Worker::new(&url).map_err(|_| "this browser cannot start the worker")
}

/// Hands `worker`'s messages to `on_message` and its failures (a script that cannot be loaded,
/// an error it does not catch) to `on_error`, for as long as the page lives: a worker of the
/// app's is kept once started.
pub fn listen(
    worker: &web_sys::Worker,
    on_message: impl FnMut(web_sys::MessageEvent) + 'static,
    on_error: impl FnMut(web_sys::Event) + 'static,
) {
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(on_message);
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(on_error);
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_message.forget();
    on_error.forget();
}
