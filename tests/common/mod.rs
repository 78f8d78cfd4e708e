//! Helpers shared by the browser test files: mounting the app, waiting, finding, reading and
//! driving elements. Each test binary uses some of them.
#![allow(dead_code)]

use cooperation_timeline::App;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement};

/// The dataset as the test runner's server exposes it (it serves the crate root).
pub const DATA: &str = "/public/data/cooperation.json";

/// A fresh `<section>` of a fixed size with the app mounted in it; keep the handle alive.
/// The app does not touch the URL (tests share one page).
pub fn mount_app(data_url: &str) -> (Element, leptos::mount::UnmountHandle<impl Mountable>) {
    mount(data_url, false)
}

pub fn mount(
    data_url: &str,
    sync_url: bool,
) -> (Element, leptos::mount::UnmountHandle<impl Mountable>) {
    console_error_panic_hook::set_once();
    let document = web_sys::window().unwrap().document().unwrap();
    // The styles a failed styled test left behind.
    if !STYLED.with(|s| s.replace(false))
        && let Some(left) = document.get_element_by_id(STYLES_ID)
    {
        left.remove();
    }
    let section = document.create_element("section").unwrap();
    section.set_attribute("style", "width: 1200px").unwrap();
    document.body().unwrap().append_child(&section).unwrap();
    let url = data_url.to_string();
    let handle = leptos::mount::mount_to(section.clone().unchecked_into(), move || {
        view! { <App data_url=url sync_url /> }
    });
    (section, handle)
}

pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Polls until `cond` holds, failing the test after five seconds.
pub async fn wait_until(what: &str, cond: impl Fn() -> bool) {
    for _ in 0..100 {
        if cond() {
            return;
        }
        sleep(50).await;
    }
    panic!("timed out waiting for {what}");
}

pub fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into().ok())
        .collect()
}

/// Whether `root` holds an element matching `selector`.
pub fn has(root: &Element, selector: &str) -> bool {
    root.query_selector(selector).unwrap().is_some()
}

pub fn one(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
}

pub fn text(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

pub fn attr(el: &Element, name: &str) -> String {
    el.get_attribute(name).unwrap_or_default()
}

/// The timeline's visible window: (start, end, width).
pub fn window_of(root: &Element) -> (f64, f64, f64) {
    let area = one(root, "[data-testid=timeline]");
    let num = |n: &str| attr(&area, n).parse::<f64>().unwrap();
    (num("data-start"), num("data-end"), num("data-width"))
}

pub async fn loaded(data: &str) -> (Element, leptos::mount::UnmountHandle<impl Mountable>) {
    let (root, handle) = mount_app(data);
    wait_until("the timeline", || {
        !all(&root, "[data-testid=session]").is_empty()
    })
    .await;
    // Let the first measurement of the timeline's width settle.
    sleep(100).await;
    (root, handle)
}

/// The bundled dataset loaded with the app's styles (so that the lanes are a sketch while the
/// view moves), and the timeline's area, focused so that it takes the keys. Keep the styles'
/// guard and the handle alive.
pub async fn loaded_styled() -> (
    AppStyles,
    Element,
    leptos::mount::UnmountHandle<impl Mountable>,
    Element,
) {
    let styles = app_styles();
    let (root, handle) = loaded(DATA).await;
    let area = one(&root, "[data-testid=timeline]");
    area.unchecked_ref::<HtmlElement>().focus().unwrap();
    (styles, root, handle, area)
}

/// The page's clock (ms), as `performance.now()`.
pub fn now() -> f64 {
    web_sys::window().unwrap().performance().unwrap().now()
}

/// Whether the timeline is sketching its marks on its canvas (a wheel or drag gesture has not
/// rested yet, or a lane is still waiting for its turn to leave its sketch): their elements are
/// then waiting to be brought up to date.
pub fn sketching(root: &Element) -> bool {
    one(root, "[data-testid=timeline]").has_attribute("data-moving")
        || !all(root, ".timeline__sketch:not([hidden])").is_empty()
}

/// The app's own styles, in the page until the guard is dropped (the tests run unstyled, so
/// that the tests after one see the page as before it): the lanes' sketches read their colours
/// and sizes from them, and without them the marks are moved as elements instead.
pub struct AppStyles(Element);

impl Drop for AppStyles {
    fn drop(&mut self) {
        self.0.remove();
    }
}

/// The id of the app's styles in the page (see [`app_styles`]).
const STYLES_ID: &str = "ct-test-styles";

thread_local! {
    /// The app's styles were just added, for the next app mounted.
    static STYLED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Adds the app's styles to the page for the next app mounted, until the guard is dropped. A
/// test that fails aborts without dropping it (a panic in wasm unwinds nothing): the next
/// app mounted without asking for them removes them.
pub fn app_styles() -> AppStyles {
    let document = web_sys::window().unwrap().document().unwrap();
    if let Some(old) = document.get_element_by_id(STYLES_ID) {
        old.remove();
    }
    STYLED.with(|s| s.set(true));
    let styles = document.create_element("style").unwrap();
    styles.set_id(STYLES_ID);
    styles.set_text_content(Some(concat!(
        include_str!("../../style/tokens.css"),
        include_str!("../../style/base.css"),
        include_str!("../../style/timeline.css"),
    )));
    document.head().unwrap().append_child(&styles).unwrap();
    AppStyles(styles)
}

/// Waits until the visible window stops moving (animations are a few hundred ms) and the marks'
/// elements are drawn again (a gesture's sketch ends once the view has rested).
pub async fn settled(root: &Element) -> (f64, f64, f64) {
    let mut last = window_of(root);
    for _ in 0..40 {
        sleep(60).await;
        let now = window_of(root);
        if now == last && !sketching(root) {
            return now;
        }
        last = now;
    }
    panic!("the timeline never stopped moving");
}

/// Counts sessions on the commission lane, whether drawn alone or inside clusters.
pub fn sessions_drawn(root: &Element) -> usize {
    let lane = one(root, ".lane.lane--commission");
    let alone = all(&lane, "[data-testid=session]").len();
    let clustered: usize = all(&lane, "[data-testid=cluster]")
        .iter()
        .map(|c| c.text_content().unwrap().trim().parse::<usize>().unwrap())
        .sum();
    alone + clustered
}

pub fn wheel(target: &Element, client_x: f64, delta_y: f64) {
    wheel_xy(target, client_x, 0.0, delta_y);
}

/// A sideways scroll of `dx` pixels over `target`: a pan.
pub fn pan(target: &Element, dx: f64) {
    wheel_xy(target, 0.0, dx, 0.0);
}

fn wheel_xy(target: &Element, client_x: f64, delta_x: f64, delta_y: f64) {
    let init = web_sys::WheelEventInit::new();
    init.set_delta_x(delta_x);
    init.set_delta_y(delta_y);
    init.set_client_x(client_x as i32);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let ev = web_sys::WheelEvent::new_with_event_init_dict("wheel", &init).unwrap();
    target.dispatch_event(&ev).unwrap();
}

pub fn key(target: &Element, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let ev = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&ev).unwrap();
}

/// Clicks an element found by selector.
pub fn click(root: &Element, selector: &str) {
    one(root, selector).unchecked_into::<HtmlElement>().click();
}

/// Sets the search box's text as a user typing would (fires `input`).
pub fn type_into(input: &Element, text: &str) {
    let input: &web_sys::HtmlInputElement = input.unchecked_ref();
    input.set_value(text);
    let ev = web_sys::Event::new_with_event_init_dict("input", &{
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init
    })
    .unwrap();
    input.dispatch_event(&ev).unwrap();
}

/// Replaces the page's query string (no history entry).
pub fn set_url(query: &str) {
    let (history, url) = history_and_url(query);
    history
        .replace_state_with_url(&JsValue::NULL, "", Some(&url))
        .unwrap();
}

/// Adds a history entry with this query string, as a link followed in the app would.
pub fn push_url(query: &str) {
    let (history, url) = history_and_url(query);
    history
        .push_state_with_url(&JsValue::NULL, "", Some(&url))
        .unwrap();
}

fn history_and_url(query: &str) -> (web_sys::History, String) {
    let window = web_sys::window().unwrap();
    let path = window.location().pathname().unwrap();
    (window.history().unwrap(), format!("{path}{query}"))
}

pub fn url_query() -> String {
    web_sys::window().unwrap().location().search().unwrap()
}

/// The element that has keyboard focus.
pub fn active() -> Option<Element> {
    web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
}

pub fn active_idx() -> String {
    web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .map(|a| attr(&a, "data-idx"))
        .unwrap_or_default()
}

/// Focuses the timeline and enters the events with the Down key, as a keyboard user does;
/// returns the focused mark.
pub async fn focus_first_event(root: &Element) -> Element {
    let area = one(root, "[data-testid=timeline]");
    area.unchecked_ref::<HtmlElement>().focus().unwrap();
    key(&area, "ArrowDown");
    wait_until("focus on an event", || !active_idx().is_empty()).await;
    one(root, &format!("[data-idx=\"{}\"]", active_idx()))
}

/// The app on the shipped data with a short load time-out (the real one is 30 s).
pub fn mount_with_timeout(ms: u64) -> (Element, leptos::mount::UnmountHandle<impl Mountable>) {
    let document = web_sys::window().unwrap().document().unwrap();
    let section = document.create_element("section").unwrap();
    document.body().unwrap().append_child(&section).unwrap();
    let handle = leptos::mount::mount_to(section.clone().unchecked_into(), move || {
        view! {
            <App
                data_url=DATA
                sync_url=false
                load_timeout=std::time::Duration::from_millis(ms)
            />
        }
    });
    (section, handle)
}

/// Searches for `query` and chooses the first result, as a user picking an event by name.
pub async fn choose_first_hit(root: &Element, query: &str) {
    type_into(&one(root, "[data-testid=search]"), query);
    wait_until("results", || {
        !all(root, "[data-testid=search-hit]").is_empty()
    })
    .await;
    click(root, "[data-testid=search-hit]");
}
