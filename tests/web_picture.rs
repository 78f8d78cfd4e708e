//! Browser tests of the picture as PNG (src/picture_png.rs): a real browser rasterises the SVG,
//! and the PNG that comes back has the asked size and what the SVG drew.
#![cfg(target_arch = "wasm32")]

use cooperation_timeline::model::picture::{Palette, PictureOptions, timeline_svg};
use cooperation_timeline::model::timeline::Timeline;
use cooperation_timeline::model::{EventIdx, Lang, load};
use cooperation_timeline::picture_png::svg_to_png;
use js_sys::{Array, Function, Promise, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{
    Blob, BlobPropertyBag, CanvasRenderingContext2d, HtmlCanvasElement, HtmlImageElement, Url,
};

wasm_bindgen_test_configure!(run_in_browser);

/// The PNG signature and the size its IHDR chunk gives.
fn png_size(png: &[u8]) -> (u32, u32) {
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "PNG signature");
    assert_eq!(&png[12..16], b"IHDR", "IHDR first");
    let be = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
    (be(&png[16..20]), be(&png[20..24]))
}

/// The colour of pixel (x, y) of `png`, read back through the browser's own decoder.
async fn pixel(png: &[u8], x: f64, y: f64) -> [u8; 4] {
    let options = BlobPropertyBag::new();
    options.set_type("image/png");
    let parts = Array::of1(&Uint8Array::from(png));
    let blob = Blob::new_with_u8_array_sequence_and_options(&parts, &options).unwrap();
    let url = Url::create_object_url_with_blob(&blob).unwrap();
    let img = HtmlImageElement::new().unwrap();
    let loaded = Promise::new(&mut |resolve: Function, reject: Function| {
        img.set_onload(Some(&resolve));
        img.set_onerror(Some(&reject));
    });
    img.set_src(&url);
    JsFuture::from(loaded).await.expect("the PNG decodes");
    let canvas: HtmlCanvasElement = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .create_element("canvas")
        .unwrap()
        .unchecked_into();
    canvas.set_width(img.natural_width());
    canvas.set_height(img.natural_height());
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d").unwrap().unwrap().unchecked_into();
    ctx.draw_image_with_html_image_element(&img, 0.0, 0.0)
        .unwrap();
    let data = ctx.get_image_data(x, y, 1.0, 1.0).unwrap().data();
    let _ = Url::revoke_object_url(&url);
    [data[0], data[1], data[2], data[3]]
}

#[wasm_bindgen_test]
async fn a_small_svg_becomes_a_png_twice_its_size_with_what_it_drew() {
    let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="30" height="20" viewBox="0 0 30 20"><rect width="15" height="20" fill="#ff0000"/><rect x="15" width="15" height="20" fill="#0000ff"/></svg>"##;
    let png = svg_to_png(svg, 30, 20, 2.0).await.expect("rasterised");
    assert_eq!(png_size(&png), (60, 40));
    // Drawn as a vector at twice the size: the halves are solid up to their shared edge.
    assert_eq!(pixel(&png, 2.0, 2.0).await, [255, 0, 0, 255]);
    assert_eq!(pixel(&png, 28.0, 38.0).await, [255, 0, 0, 255]);
    assert_eq!(pixel(&png, 31.0, 2.0).await, [0, 0, 255, 255]);
    assert_eq!(pixel(&png, 59.0, 39.0).await, [0, 0, 255, 255]);
}

#[wasm_bindgen_test]
async fn the_timeline_picture_of_the_shipped_data_rasterises_at_its_size() {
    let d = load(include_bytes!("../public/data/cooperation.json")).unwrap();
    let visible: Vec<EventIdx> = d.indexed_events().map(|(i, _)| i).collect();
    let bounds = Timeline::build(&d, Lang::Ar, 0.0, |_| true).bounds;
    let p = timeline_svg(
        &d,
        &visible,
        &PictureOptions {
            window: (bounds.start, bounds.end),
            width: 800.0,
            lang: Lang::Ar,
            palette: Palette::Dark,
            page_url: "https://example.org/?lang=ar&x=<1>",
            exported: "2026-05-02",
        },
    );
    let png = svg_to_png(&p.svg, p.width, p.height, 2.0)
        .await
        .expect("rasterised");
    assert_eq!(png_size(&png), (2 * p.width, 2 * p.height));
    // The dark theme's page colour (#151614) in the corner: the SVG was drawn, not left blank.
    assert_eq!(pixel(&png, 1.0, 1.0).await, [0x15, 0x16, 0x14, 255]);
}

#[wasm_bindgen_test]
async fn an_impossible_size_or_a_broken_svg_is_an_error_not_a_panic() {
    let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>"#;
    assert!(svg_to_png(svg, 10, 10, 0.0).await.is_err());
    assert!(svg_to_png(svg, 10, 10, f64::NAN).await.is_err());
    assert!(svg_to_png(svg, 100_000, 10, 1.0).await.is_err());
    let err = svg_to_png("<svg", 10, 10, 1.0).await.unwrap_err();
    assert!(err.contains("SVG"), "{err}");
}
