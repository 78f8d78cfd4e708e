//! Files in and out of the browser: reading a file the reader chose or dropped, handing an export
//! to the reader as a `Blob` saved through a temporary `<a download>` (no server, works offline
//! and under any sub-path), and copying the Embed dialog's code to the clipboard.

use std::time::Duration;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// How long a saved file's object URL stays valid: the browser starts the download on the click,
/// but some take the URL later (a save-as prompt), so it is not revoked at once.
const KEEP_URL: Duration = Duration::from_secs(60);

/// Saves `bytes` as a file called `name` of type `mime` (the browser's download).
pub fn save(name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let fail = |what: &str| format!("{name}: {what}");
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|_| fail("the browser could not build the file"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| fail("the browser could not name the file"))?;
    let document = leptos::prelude::document();
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| fail("no link could be made"))?
        .unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.set_class_name("visually-hidden");
    let _ = a.set_attribute("data-testid", "download");
    // In the document while it is clicked, so the click is an ordinary, observable one.
    let body = document
        .body()
        .ok_or_else(|| fail("the page has no body"))?;
    let _ = body.append_child(&a);
    a.click();
    a.remove();
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        KEEP_URL,
    );
    Ok(())
}

/// Copies `text` to the clipboard; `false` when the browser refuses (no permission, an insecure
/// page), so the dialog can say to copy by hand (its text is selected for that).
pub async fn copy_text(text: &str) -> bool {
    let clipboard = leptos::prelude::window().navigator().clipboard();
    JsFuture::from(clipboard.write_text(text)).await.is_ok()
}

/// The bytes of a file the reader chose or dropped.
pub async fn read(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| format!("{}: the browser could not read the file", file.name()))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
