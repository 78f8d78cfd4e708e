//! The picture of the timeline ([`crate::model::picture`]) as PNG, rasterised by the browser: the
//! SVG goes into an `<img>` through a Blob URL, is drawn onto a canvas at the asked scale (as a
//! vector, so scale 2 is sharp, not enlarged) and comes back as PNG bytes. Nothing is added to
//! the page; the Blob URL is revoked whatever happens.

use js_sys::{Array, ArrayBuffer, Function, Promise, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Blob, BlobPropertyBag, CanvasRenderingContext2d, HtmlCanvasElement, HtmlImageElement, Url,
};

/// The largest canvas side browsers draw reliably (Firefox and Safari refuse larger canvases or
/// draw them blank).
pub const MAX_SIDE: f64 = 16_384.0;

/// The `width` and `height` of a standalone SVG document's root element, in pixels (the picture
/// writes them as whole numbers).
pub fn svg_size(svg: &str) -> Option<(u32, u32)> {
    let root = &svg[svg.find("<svg")?..];
    let root = &root[..root.find('>')?];
    let attr = |name: &str| -> Option<u32> {
        let at = root.find(&format!(" {name}=\""))? + name.len() + 3;
        root[at..].split('"').next()?.parse().ok()
    };
    Some((attr("width")?, attr("height")?))
}

/// `svg` (a standalone document `width` × `height` pixels) as PNG bytes, `scale` times as many
/// pixels on each side. Errors say what failed, for the reader.
pub async fn svg_to_png(svg: &str, width: u32, height: u32, scale: f64) -> Result<Vec<u8>, String> {
    let (w, h) = (
        (f64::from(width) * scale).round(),
        (f64::from(height) * scale).round(),
    );
    if !(scale.is_finite() && w >= 1.0 && h >= 1.0 && w <= MAX_SIDE && h <= MAX_SIDE) {
        return Err(format!("a {w} × {h} pixel picture cannot be drawn"));
    }
    let options = BlobPropertyBag::new();
    options.set_type("image/svg+xml");
    let parts = Array::of1(&JsValue::from_str(svg));
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options).map_err(js_error)?;
    let url = Url::create_object_url_with_blob(&blob).map_err(js_error)?;
    let drawn = draw(&url, w, h).await;
    // Freed whether or not the drawing worked; failing to free it leaks only memory.
    let _ = Url::revoke_object_url(&url);
    let canvas = drawn?;
    let png = JsFuture::from(Promise::new(&mut |resolve, reject| {
        if let Err(e) = canvas.to_blob_with_type(&resolve, "image/png") {
            let _ = reject.call1(&JsValue::NULL, &e);
        }
    }))
    .await
    .map_err(js_error)?;
    // toBlob gives null when the canvas cannot be encoded.
    let png: Blob = png
        .dyn_into()
        .map_err(|_| "the browser could not encode the picture as PNG".to_string())?;
    let bytes = JsFuture::from(png.array_buffer()).await.map_err(js_error)?;
    let bytes: ArrayBuffer = bytes.dyn_into().map_err(js_error)?;
    Ok(Uint8Array::new(&bytes).to_vec())
}

/// The image at `url` drawn onto a new `w` × `h` canvas, once it has loaded.
async fn draw(url: &str, w: f64, h: f64) -> Result<HtmlCanvasElement, String> {
    let img = HtmlImageElement::new().map_err(js_error)?;
    let loaded = Promise::new(&mut |resolve: Function, reject: Function| {
        img.set_onload(Some(&resolve));
        img.set_onerror(Some(&reject));
    });
    img.set_src(url);
    JsFuture::from(loaded)
        .await
        .map_err(|_| "the browser could not read the picture's SVG".to_string())?;
    img.set_onload(None);
    img.set_onerror(None);
    let canvas: HtmlCanvasElement = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?
        .create_element("canvas")
        .map_err(js_error)?
        .dyn_into()
        .map_err(js_error)?;
    canvas.set_width(w as u32);
    canvas.set_height(h as u32);
    let ctx: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .map_err(js_error)?
        .ok_or("no 2D canvas")?
        .dyn_into()
        .map_err(js_error)?;
    ctx.draw_image_with_html_image_element_and_dw_and_dh(&img, 0.0, 0.0, w, h)
        .map_err(js_error)?;
    Ok(canvas)
}

/// A JavaScript error as text.
fn js_error(e: impl Into<JsValue>) -> String {
    let e = e.into();
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| format!("{e:?}"))
}
