//! The transfer worker: a web worker that answers the page's import and export requests
//! (`cooperation_timeline::transfer`), so that the importers, the exporters and the picture are
//! fetched only when a reader needs them. Built by Trunk as `transfer_loader.js` (index.html);
//! needs the `worker` feature.

#[cfg(target_arch = "wasm32")]
fn main() {
    use js_sys::{Array, Uint8Array};
    use wasm_bindgen::prelude::*;

    console_error_panic_hook::set_once();
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let data: Array = ev.data().unchecked_into();
            let header = data.get(1).as_string().unwrap_or_default();
            let bytes = Uint8Array::new(&data.get(2)).to_vec();
            let (head, out) = cooperation_timeline::transfer::serve(&header, &bytes);
            let answer = Array::of3(
                &data.get(0),
                &JsValue::from_str(&head),
                &Uint8Array::from(out.as_slice()),
            );
            let _ = reply_to.post_message(&answer);
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as the page that started it.
    on_message.forget();
    // Messages that arrive before the handler is set (while the wasm loads) are lost: the page
    // waits for this before it sends anything.
    let _ = scope.post_message(&JsValue::from_str(cooperation_timeline::transfer::READY));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("transfer is a web worker: build it for wasm32 with Trunk (index.html)");
    std::process::exit(2);
}
