//! The sketch worker: a web worker that draws the timeline's lanes on the canvas the page hands
//! it, while the view moves (`cooperation_timeline::components::timeline`, its `sketch_worker`),
//! off the page's main thread. Built by Trunk (index.html) and started by its loader,
//! `public/sketch-worker.js`; needs the `worker` feature.

#[cfg(target_arch = "wasm32")]
fn main() {
    use cooperation_timeline::components::timeline::{SKETCH_READY, serve_sketch};
    use wasm_bindgen::prelude::*;

    console_error_panic_hook::set_once();
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            serve_sketch(&ev.data());
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as the page that started it.
    on_message.forget();
    // Messages that arrive before the handler is set (while the wasm loads) are lost: the page
    // holds them until it hears this.
    let _ = scope.post_message(&JsValue::from_str(SKETCH_READY));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("sketch is a web worker: build it for wasm32 with Trunk (index.html)");
    std::process::exit(2);
}
