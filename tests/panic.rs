//! A panic never leaves a dead page: the panic hook replaces the app with a translated "something
//! went wrong" screen showing the message and a Reload link. In its own test binary, because the
//! panic stops this WebAssembly instance's Rust code for good.
#![cfg(target_arch = "wasm32")]

use cooperation_timeline::{App, panic_screen};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::{set_url, sleep};

#[wasm_bindgen_test]
async fn a_panic_replaces_the_app_with_a_translated_screen_and_a_reload_link() {
    let window = web_sys::window().unwrap();
    let document = window.document().unwrap();
    let path = window.location().pathname().unwrap();
    set_url("?lang=fr");
    panic_screen::install();
    let section = document.create_element("section").unwrap();
    document.body().unwrap().append_child(&section).unwrap();
    let handle = leptos::mount::mount_to(section.clone().unchecked_into(), || {
        view! { <App data_url="/public/data/cooperation.json" /> }
    });
    // The app works first.
    for _ in 0..100 {
        if section
            .query_selector("[data-testid=session]")
            .unwrap()
            .is_some()
        {
            break;
        }
        sleep(50).await;
    }
    assert!(
        section
            .query_selector("[data-testid=session]")
            .unwrap()
            .is_some()
    );
    // The debug build's test trigger: a panic on the next tick, outside this test's own code.
    window
        .dispatch_event(&web_sys::Event::new("ct-test-panic").unwrap())
        .unwrap();
    let mut screen = None;
    for _ in 0..100 {
        screen = document.query_selector("[data-testid=panic]").unwrap();
        if screen.is_some() {
            break;
        }
        sleep(50).await;
    }
    let screen = screen.expect("the panic screen is shown");
    let text = screen.text_content().unwrap_or_default();
    assert!(text.contains("Une erreur est survenue"), "{text}");
    assert!(
        text.contains("test panic requested by the ct-test-panic event"),
        "{text}"
    );
    // The app is gone, replaced: no timeline is left to look frozen.
    assert!(
        document
            .query_selector("[data-testid=timeline]")
            .unwrap()
            .is_none()
    );
    let reload = screen
        .query_selector("[data-testid=reload]")
        .unwrap()
        .unwrap();
    assert_eq!(reload.text_content().unwrap_or_default(), "Recharger");
    assert_eq!(
        reload.get_attribute("href").unwrap_or_default(),
        format!("{path}?lang=fr"),
        "Reload goes back to the same view"
    );
    let failed = document.query_selector(".app--failed").unwrap().unwrap();
    assert_eq!(failed.get_attribute("lang").as_deref(), Some("fr"));
    // The Rust side stopped with the panic; leave the (detached) app's nodes alone.
    std::mem::forget(handle);
}
