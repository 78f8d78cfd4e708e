//! Browser tests: mount the real app in headless Chromium / Firefox and check what a user sees.
#![cfg(target_arch = "wasm32")]

use cooperation_timeline::App;
use js_sys::{Function, Reflect};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

/// The dataset as the test runner's server exposes it (it serves the crate root).
const DATA: &str = "/public/data/cooperation.json";

/// A fresh `<section>` with the app mounted in it; the handle must stay alive for the test.
fn mount_app(
    data_url: &str,
) -> (
    web_sys::Element,
    leptos::mount::UnmountHandle<impl Mountable>,
) {
    console_error_panic_hook::set_once();
    let document = web_sys::window().unwrap().document().unwrap();
    let section = document.create_element("section").unwrap();
    document.body().unwrap().append_child(&section).unwrap();
    let url = data_url.to_string();
    let handle = leptos::mount::mount_to(section.clone().unchecked_into(), move || {
        view! { <App data_url=url /> }
    });
    (section, handle)
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Polls until `cond` holds, failing the test after five seconds.
async fn wait_until(what: &str, cond: impl Fn() -> bool) {
    for _ in 0..100 {
        if cond() {
            return;
        }
        sleep(50).await;
    }
    panic!("timed out waiting for {what}");
}

fn all(root: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into().ok())
        .collect()
}

fn text(root: &web_sys::Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn loaded_state_lists_the_sessions() {
    let (root, _handle) = mount_app(DATA);
    wait_until("sessions", || {
        !all(&root, "[data-testid=session]").is_empty()
    })
    .await;
    let sessions: Vec<String> = all(&root, "[data-testid=session]")
        .iter()
        .map(|e| e.text_content().unwrap_or_default())
        .collect();
    assert!(sessions.len() >= 3, "{sessions:?}");
    let s22 = sessions
        .iter()
        .find(|s| s.contains("22nd session"))
        .expect("22nd");
    assert!(
        s22.contains("2–3 Dec 2024") && s22.contains("Rabat"),
        "{s22}"
    );
    let s12 = sessions
        .iter()
        .find(|s| s.contains("12th session"))
        .expect("12th");
    assert!(
        s12.contains("25–27 Sept 2012") && s12.contains("place not stated"),
        "{s12}"
    );
    assert!(
        root.query_selector("[data-testid=error]")
            .unwrap()
            .is_none()
    );
    assert_eq!(text(&root, "h1"), "Morocco–France military cooperation");
}

#[wasm_bindgen_test]
async fn malformed_json_shows_the_error_state_with_its_reason() {
    let (root, _handle) = mount_app("data:application/json,%7B%22schema_version%22%3A");
    wait_until("error", || {
        root.query_selector("[data-testid=error]")
            .unwrap()
            .is_some()
    })
    .await;
    let problems = text(&root, "[data-testid=problem]");
    assert!(problems.contains("ends too early"), "{problems}");
    assert!(all(&root, "[data-testid=session]").is_empty());
    assert!(
        root.query_selector("[data-testid=retry]")
            .unwrap()
            .is_some()
    );
}

#[wasm_bindgen_test]
async fn invalid_dataset_lists_each_problem_with_its_path() {
    // Valid JSON, wrong content: the page must name the field, not just say "invalid".
    let json = r#"{"schema_version": 9, "title": {"fr": "t", "en": "t", "ar": "t"},
        "description": {"fr": "d", "en": "d"}, "parties": [], "lanes": [], "sources": [], "events": []}"#;
    let url = format!(
        "data:application/json,{}",
        js_sys::encode_uri_component(json)
    );
    let (root, _handle) = mount_app(&url);
    wait_until("error", || {
        root.query_selector("[data-testid=error]")
            .unwrap()
            .is_some()
    })
    .await;
    let problems: Vec<String> = all(&root, "[data-testid=problem]")
        .iter()
        .map(|e| e.text_content().unwrap_or_default())
        .collect();
    assert!(
        problems.iter().any(|p| p.starts_with("schema_version:")),
        "{problems:?}"
    );
    assert!(
        problems.iter().any(|p| p.starts_with("parties:")),
        "{problems:?}"
    );
}

#[wasm_bindgen_test]
async fn missing_file_names_the_http_status() {
    let (root, _handle) = mount_app("/public/data/no-such-file.json");
    wait_until("error", || {
        root.query_selector("[data-testid=error]")
            .unwrap()
            .is_some()
    })
    .await;
    assert!(text(&root, "[data-testid=error-reason]").contains("404"));
}

#[wasm_bindgen_test]
async fn retry_fetches_again_and_recovers() {
    // Make the first request fail with 503, then let requests through to the real server.
    let window = web_sys::window().unwrap();
    let real_fetch = Reflect::get(&window, &"fetch".into()).unwrap();
    let calls = std::rc::Rc::new(std::cell::Cell::new(0u32));
    let counter = calls.clone();
    let flaky = wasm_bindgen::closure::Closure::<dyn FnMut(JsValue, JsValue) -> JsValue>::new(
        move |input: JsValue, init: JsValue| {
            counter.set(counter.get() + 1);
            if counter.get() == 1 {
                let init = web_sys::ResponseInit::new();
                init.set_status(503);
                init.set_status_text("Service Unavailable");
                let response =
                    web_sys::Response::new_with_opt_str_and_init(Some("busy"), &init).unwrap();
                js_sys::Promise::resolve(&response).into()
            } else {
                real_fetch
                    .unchecked_ref::<Function>()
                    .call2(&web_sys::window().unwrap(), &input, &init)
                    .unwrap()
            }
        },
    );
    let original = Reflect::get(&window, &"fetch".into()).unwrap();
    Reflect::set(&window, &"fetch".into(), flaky.as_ref()).unwrap();

    let (root, _handle) = mount_app(DATA);
    wait_until("error", || {
        root.query_selector("[data-testid=error]")
            .unwrap()
            .is_some()
    })
    .await;
    assert!(text(&root, "[data-testid=error-reason]").contains("503"));

    root.query_selector("[data-testid=retry]")
        .unwrap()
        .unwrap()
        .unchecked_into::<HtmlElement>()
        .click();
    wait_until("sessions after retry", || {
        !all(&root, "[data-testid=session]").is_empty()
    })
    .await;
    Reflect::set(&window, &"fetch".into(), &original).unwrap();
    assert_eq!(calls.get(), 2, "Retry must fetch exactly once more");
    assert!(
        root.query_selector("[data-testid=error]")
            .unwrap()
            .is_none()
    );
}
