//! Browser tests: mount the real app in headless Chromium / Firefox and check what a user sees
//! and can do.
#![cfg(target_arch = "wasm32")]

use cooperation_timeline::App;
use js_sys::{Function, Reflect};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// The dataset as the test runner's server exposes it (it serves the crate root).
const DATA: &str = "/public/data/cooperation.json";

/// A fresh `<section>` of a fixed size with the app mounted in it; keep the handle alive.
/// The app does not touch the URL (tests share one page).
fn mount_app(data_url: &str) -> (Element, leptos::mount::UnmountHandle<impl Mountable>) {
    mount(data_url, false)
}

fn mount(
    data_url: &str,
    sync_url: bool,
) -> (Element, leptos::mount::UnmountHandle<impl Mountable>) {
    console_error_panic_hook::set_once();
    let document = web_sys::window().unwrap().document().unwrap();
    let section = document.create_element("section").unwrap();
    section.set_attribute("style", "width: 1200px").unwrap();
    document.body().unwrap().append_child(&section).unwrap();
    let url = data_url.to_string();
    let handle = leptos::mount::mount_to(section.clone().unchecked_into(), move || {
        view! { <App data_url=url sync_url /> }
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

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into().ok())
        .collect()
}

fn one(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
}

fn text(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

fn attr(el: &Element, name: &str) -> String {
    el.get_attribute(name).unwrap_or_default()
}

/// The timeline's visible window: (start, end, width).
fn window_of(root: &Element) -> (f64, f64, f64) {
    let area = one(root, "[data-testid=timeline]");
    let num = |n: &str| attr(&area, n).parse::<f64>().unwrap();
    (num("data-start"), num("data-end"), num("data-width"))
}

async fn loaded(data: &str) -> (Element, leptos::mount::UnmountHandle<impl Mountable>) {
    let (root, handle) = mount_app(data);
    wait_until("the timeline", || {
        !all(&root, "[data-testid=session]").is_empty()
    })
    .await;
    // Let the first measurement of the timeline's width settle.
    sleep(100).await;
    (root, handle)
}

/// Waits until the visible window stops moving (animations are a few hundred ms).
async fn settled(root: &Element) -> (f64, f64, f64) {
    let mut last = window_of(root);
    for _ in 0..40 {
        sleep(60).await;
        let now = window_of(root);
        if now == last {
            return now;
        }
        last = now;
    }
    panic!("the timeline never stopped moving");
}

/// Counts sessions on the commission lane, whether drawn alone or inside clusters.
fn sessions_drawn(root: &Element) -> usize {
    let lane = one(root, ".lane.lane--commission");
    let alone = all(&lane, "[data-testid=session]").len();
    let clustered: usize = all(&lane, "[data-testid=cluster]")
        .iter()
        .map(|c| c.text_content().unwrap().trim().parse::<usize>().unwrap())
        .sum();
    alone + clustered
}

#[wasm_bindgen_test]
async fn loaded_state_shows_every_session_with_number_date_and_city() {
    let (root, _handle) = loaded(DATA).await;
    assert_eq!(sessions_drawn(&root), 5, "the five documented sessions");
    let labels: Vec<String> = all(&root, "[data-testid=session]")
        .iter()
        .map(|e| attr(e, "aria-label"))
        .collect();
    let s12 = labels
        .iter()
        .find(|s| s.contains("12th session"))
        .expect("12th");
    assert!(s12.contains("25–27 Sept 2012"), "{s12}");
    assert!(
        labels
            .iter()
            .any(|s| s.contains("Unnumbered session") && s.contains("Rabat"))
    );
    assert!(
        root.query_selector("[data-testid=error]")
            .unwrap()
            .is_none()
    );
    assert_eq!(text(&root, "h1"), "Morocco–France military cooperation");
    // The undocumented 13th–21st sessions are a labelled band, not silence.
    assert!(text(&root, "[data-testid=gap]").contains("13th–21st sessions: undocumented"));
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
async fn invalid_dataset_shows_the_validators_messages() {
    // The same file and the same lines as the maintainers' validator (tests/data/invalid).
    let (root, _handle) = mount_app("/tests/data/invalid/many-problems.json");
    wait_until("error", || {
        root.query_selector("[data-testid=error]")
            .unwrap()
            .is_some()
    })
    .await;
    let shown: Vec<String> = all(&root, "[data-testid=problem]")
        .iter()
        .map(|e| e.text_content().unwrap_or_default())
        .collect();
    let expected = [
        "schema_version: schema_version is 3, but this app reads version 1",
        "sources[0].url: \"data:text/html,<b>x</b>\" is not an http(s) URL",
        "events[0].lane: unknown lane \"x\"",
        "events[0].chairs[0]: unknown person \"nobody\"",
    ];
    assert_eq!(shown, expected);
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

    one(&root, "[data-testid=retry]")
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

fn wheel(target: &Element, client_x: f64, delta_y: f64) {
    let init = web_sys::WheelEventInit::new();
    init.set_delta_y(delta_y);
    init.set_client_x(client_x as i32);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let ev = web_sys::WheelEvent::new_with_event_init_dict("wheel", &init).unwrap();
    target.dispatch_event(&ev).unwrap();
}

fn key(target: &Element, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let ev = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&ev).unwrap();
}

#[wasm_bindgen_test]
async fn wheel_zooms_around_the_cursor() {
    let (root, _handle) = loaded(DATA).await;
    let area = one(&root, "[data-testid=timeline]");
    let left = area.get_bounding_client_rect().left();
    let (s0, e0, w) = window_of(&root);
    let cursor = 300.0;
    let t_under = s0 + cursor / w * (e0 - s0);
    wheel(&area, left + cursor, -240.0);
    sleep(50).await;
    let (s1, e1, _) = window_of(&root);
    assert!(
        e1 - s1 < (e0 - s0) * 0.9,
        "zoomed in: {} -> {}",
        e0 - s0,
        e1 - s1
    );
    // The time under the cursor is still under the cursor (within half a pixel).
    let x_after = (t_under - s1) / (e1 - s1) * w;
    assert!((x_after - cursor).abs() < 0.5, "anchor moved to {x_after}");
    wheel(&area, left + cursor, 240.0);
    sleep(50).await;
    let (s2, e2, _) = window_of(&root);
    assert!(e2 - s2 > e1 - s1, "wheel down zooms out");
}

#[wasm_bindgen_test]
async fn plus_minus_and_arrows_zoom_and_pan() {
    let (root, _handle) = loaded(DATA).await;
    let area = one(&root, "[data-testid=timeline]");
    area.unchecked_ref::<HtmlElement>().focus().unwrap();
    let span = |r: &Element| {
        let (s, e, _) = window_of(r);
        e - s
    };
    let before = span(&root);
    key(&area, "+");
    wait_until("zoom in", || span(&root) < before * 0.7).await;
    let (start, end, _) = settled(&root).await;
    let zoomed = end - start;
    assert!((zoomed - before / 1.5).abs() < 1e-3, "one step is 1.5x");
    key(&area, "ArrowLeft");
    wait_until("pan earlier", || window_of(&root).0 < start - 1.0).await;
    let (start, _, _) = settled(&root).await;
    key(&area, "ArrowRight");
    wait_until("pan later", || window_of(&root).0 > start + 1.0).await;
    settled(&root).await;
    assert!(
        (span(&root) - zoomed).abs() < 1e-3,
        "arrows pan without zooming"
    );
    key(&area, "-");
    wait_until("zoom out", || span(&root) > zoomed * 1.3).await;
    key(&area, "End");
    settled(&root).await;
    let (_, end, _) = window_of(&root);
    key(&area, "Home");
    wait_until("jump to the start", || window_of(&root).1 < end - 365.0).await;
}

#[wasm_bindgen_test]
async fn clicking_an_event_selects_it_and_shows_its_detail() {
    let (root, _handle) = loaded(DATA).await;
    let twelfth = all(&root, "[data-testid=session]")
        .into_iter()
        .find(|e| attr(e, "aria-label").contains("12th session"))
        .expect("the 12th session is drawn");
    twelfth.unchecked_ref::<HtmlElement>().click();
    wait_until("detail", || {
        text(&root, "[data-testid=detail-title]") == "12th Joint Military Commission"
    })
    .await;
    assert!(twelfth.class_list().contains("mark--selected"));
    assert!(text(&root, "[data-testid=detail-date]").contains("25–27 Sept 2012"));
    assert!(text(&root, "[data-testid=detail-date]").contains("known to the day"));
    // The venue is unknown, and the panel says so instead of guessing.
    assert!(text(&root, "[data-testid=detail-place]").contains("not stated"));
    assert!(text(&root, "[data-testid=detail-chairs]").contains("Abdelaziz Bennani"));
    let sources = all(&root, "[data-testid=source] a");
    assert!(!sources.is_empty());
    for a in &sources {
        assert!(attr(a, "href").starts_with("https://") || attr(a, "href").starts_with("http://"));
        assert_eq!(attr(a, "rel"), "noopener noreferrer");
    }
    // Escape clears the selection.
    key(&one(&root, "[data-testid=timeline]"), "Escape");
    wait_until("cleared", || {
        root.query_selector("[data-testid=detail-title]")
            .unwrap()
            .is_none()
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_cluster_zooms_in_to_its_members() {
    let (root, _handle) = loaded(DATA).await;
    let (s0, e0, _) = window_of(&root);
    let cluster = all(&root, "[data-testid=cluster]")
        .into_iter()
        .next()
        .expect("a cluster at full zoom");
    cluster.unchecked_ref::<HtmlElement>().click();
    wait_until("zoomed into the cluster", || {
        let (s, e, _) = window_of(&root);
        e - s < (e0 - s0) / 4.0
    })
    .await;
}

#[wasm_bindgen_test]
async fn keyboard_alone_reaches_and_steps_through_events() {
    let (root, _handle) = loaded(DATA).await;
    let area = one(&root, "[data-testid=timeline]");
    area.unchecked_ref::<HtmlElement>().focus().unwrap();
    let active_idx = || {
        web_sys::window()
            .unwrap()
            .document()
            .unwrap()
            .active_element()
            .map(|a| attr(&a, "data-idx"))
            .unwrap_or_default()
    };
    key(&area, "ArrowDown");
    wait_until("focus on an event", || !active_idx().is_empty()).await;
    let first = active_idx();
    let focused = one(&root, &format!("[data-idx=\"{first}\"]"));
    key(&focused, "ArrowRight");
    wait_until("the next event", || {
        !active_idx().is_empty() && active_idx() != first
    })
    .await;
    // Enter on the focused event selects it and opens its record; the live region says so.
    let second = active_idx();
    let focused = one(&root, &format!("[data-idx=\"{second}\"]"));
    let name = attr(&focused, "aria-label");
    key(&focused, "Enter");
    wait_until("the record", || {
        root.query_selector("[data-testid=detail-title]")
            .unwrap()
            .is_some()
    })
    .await;
    let title = text(&root, "[data-testid=detail-title]");
    assert!(name.contains(&title), "record {title:?} for mark {name:?}");
    wait_until("announcement", || {
        text(&root, "[data-testid=announcer]").contains(&title)
    })
    .await;
}

/// Clicks an element found by selector.
fn click(root: &Element, selector: &str) {
    one(root, selector).unchecked_into::<HtmlElement>().click();
}

/// Sets the search box's text as a user typing would (fires `input`).
fn type_into(input: &Element, text: &str) {
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

/// Index of an event in the shipped dataset, by id, read from a mark's aria-label.
fn mark_for(root: &Element, label_part: &str) -> Option<Element> {
    all(root, ".mark[data-idx]")
        .into_iter()
        .find(|m| attr(m, "aria-label").contains(label_part))
}

#[wasm_bindgen_test]
async fn selecting_berrid_highlights_the_22nd_and_23rd_sessions() {
    let (root, _handle) = loaded(DATA).await;
    click(&root, "[data-testid=tab-people]");
    click(&root, "[data-testid=person-berrid]");
    wait_until("person view", || {
        root.query_selector("[data-testid=person-view]")
            .unwrap()
            .is_some()
    })
    .await;
    assert!(
        one(&root, "[data-testid=timeline]")
            .class_list()
            .contains("timeline__area--highlight")
    );
    // Every drawn event mark is highlighted exactly when Berrid chaired or attended it.
    for session in ["22nd session", "23rd session"] {
        // Bring the session into view from the person's list of events.
        let link = all(&root, "[data-testid=person-view] button")
            .into_iter()
            .find(|b| {
                b.text_content()
                    .unwrap_or_default()
                    .contains(if session.starts_with("22") {
                        "22nd"
                    } else {
                        "23rd"
                    })
            })
            .expect("the session is in Berrid's list");
        link.unchecked_into::<HtmlElement>().click();
        wait_until(session, || mark_for(&root, session).is_some()).await;
        settled(&root).await;
        let mark = mark_for(&root, session).unwrap();
        assert!(
            mark.class_list().contains("mark--hit"),
            "{session} is highlighted"
        );
    }
    let others = all(&root, ".mark[data-idx]");
    let dimmed = others
        .iter()
        .filter(|m| !m.class_list().contains("mark--hit"))
        .count();
    assert!(dimmed > 0, "events Berrid did not attend are dimmed");
    // "Show only these" narrows the timeline to his events.
    click(&root, "[data-testid=only-these]");
    wait_until("only Berrid's events", || {
        all(&root, ".mark[data-idx]")
            .iter()
            .all(|m| m.class_list().contains("mark--hit"))
    })
    .await;
}

#[wasm_bindgen_test]
async fn selecting_the_space_domain_updates_counts_and_the_timeline() {
    let (root, _handle) = loaded(DATA).await;
    let showing = |r: &Element| text(r, "[data-testid=showing]");
    let before = showing(&root);
    assert!(before.contains("58 of 58"), "{before}");
    let drawn = |r: &Element| -> usize {
        let items = all(r, ".mark[data-idx]").len();
        let clustered: usize = all(r, "[data-testid=cluster]")
            .iter()
            .map(|c| c.text_content().unwrap().trim().parse::<usize>().unwrap())
            .sum();
        items + clustered
    };
    click(&root, "[data-testid=tab-domains]");
    let space_count: usize = text(&root, "[data-testid=domain-count-space]")
        .trim()
        .parse()
        .unwrap();
    assert!(space_count > 0);
    click(&root, "[data-testid=domain-space]");
    wait_until("counts update", || showing(&root) != before).await;
    assert!(
        showing(&root).contains(&format!("{space_count} of 58")),
        "{}",
        showing(&root)
    );
    wait_until("timeline shows only space events", || {
        drawn(&root) == space_count
    })
    .await;
    // Clearing everything restores the full timeline.
    click(&root, "[data-testid=tab-filters]");
    click(&root, "[data-testid=clear-all]");
    wait_until("cleared", || showing(&root).contains("58 of 58")).await;
}

#[wasm_bindgen_test]
async fn a_search_result_selects_its_event() {
    let (root, _handle) = loaded(DATA).await;
    let input = one(&root, "[data-testid=search]");
    type_into(&input, "chergui");
    wait_until("results", || {
        !all(&root, "[data-testid=search-hit]").is_empty()
    })
    .await;
    let hits: Vec<String> = all(&root, "[data-testid=search-hit]")
        .iter()
        .map(|h| h.text_content().unwrap_or_default())
        .collect();
    assert!(hits.iter().any(|h| h.contains("Chergui 2022")), "{hits:?}");
    let hit = all(&root, "[data-testid=search-hit]")
        .into_iter()
        .find(|h| {
            h.text_content()
                .unwrap_or_default()
                .contains("Chergui 2022")
        })
        .unwrap();
    hit.unchecked_into::<HtmlElement>().click();
    wait_until("selected", || {
        text(&root, "[data-testid=detail-title]").contains("Chergui 2022")
    })
    .await;
    // The timeline brought it into view and highlights it.
    wait_until("selected mark", || {
        mark_for(&root, "Chergui 2022").is_some_and(|m| m.class_list().contains("mark--selected"))
    })
    .await;
    // Accents do not matter.
    type_into(&input, "MEKNES");
    wait_until("accent-insensitive", || {
        !all(&root, "[data-testid=search-hit]").is_empty()
    })
    .await;
}

#[wasm_bindgen_test]
async fn the_record_of_the_22nd_session_shows_co_chairs_sources_and_neighbours() {
    let (root, _handle) = loaded(DATA).await;
    let input = one(&root, "[data-testid=search]");
    type_into(&input, "22nd session");
    wait_until("results", || {
        !all(&root, "[data-testid=search-hit]").is_empty()
    })
    .await;
    click(&root, "[data-testid=search-hit]");
    wait_until("record", || {
        text(&root, "[data-testid=detail-title]") == "22nd Joint Military Commission"
    })
    .await;
    let chairs = text(&root, "[data-testid=detail-chairs]");
    assert!(
        chairs.contains("Mohammed Berrid") && chairs.contains("Thierry Burkhard"),
        "{chairs}"
    );
    let sources = all(&root, "[data-testid=source]");
    assert!(sources.len() >= 4, "{} sources", sources.len());
    for a in all(&root, "[data-testid=source] a") {
        assert_eq!(attr(&a, "target"), "_blank");
        assert_eq!(attr(&a, "rel"), "noopener noreferrer");
    }
    let nav = text(&root, "[data-testid=detail-nav]");
    assert!(
        nav.contains("Previous session") && nav.contains("Next session"),
        "{nav}"
    );
    // The undocumented 13th–21st sessions are explained right there.
    assert!(text(&root, "[data-testid=gap-nearby]").contains("13th–21st"));
}

fn set_url(query: &str) {
    let window = web_sys::window().unwrap();
    let path = window.location().pathname().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(&JsValue::NULL, "", Some(&format!("{path}{query}")))
        .unwrap();
}

fn url_query() -> String {
    web_sys::window().unwrap().location().search().unwrap()
}

#[wasm_bindgen_test]
async fn a_link_restores_selection_filters_and_language_after_a_reload() {
    set_url("?lang=fr&event=cmm-22&domains=space&person=berrid");
    {
        let (root, _handle) = mount(DATA, true);
        wait_until("the record from the link", || {
            text(&root, "[data-testid=detail-title]")
                == "22e réunion de la Commission militaire mixte"
        })
        .await;
        click(&root, "[data-testid=tab-domains]");
        let space: web_sys::HtmlInputElement =
            one(&root, "[data-testid=domain-space]").unchecked_into();
        assert!(space.checked(), "the domain filter from the link is on");
        assert!(
            one(&root, "[data-testid=timeline]")
                .class_list()
                .contains("timeline__area--highlight")
        );
        // A new selection is written back to the URL, as a history step.
        let input = one(&root, "[data-testid=search]");
        type_into(&input, "23e session");
        wait_until("results", || {
            !all(&root, "[data-testid=search-hit]").is_empty()
        })
        .await;
        click(&root, "[data-testid=search-hit]");
        wait_until("URL updated", || url_query().contains("event=cmm-23")).await;
        let q = url_query();
        assert!(
            q.contains("lang=fr") && q.contains("domains=space") && q.contains("person=berrid"),
            "{q}"
        );
        // Let the window settle into the URL too.
        wait_until("window in the URL", || url_query().contains("from=")).await;
    }
    // "Reload": a new app reads the same URL and shows the same view.
    let saved = url_query();
    {
        let (root, _handle) = mount(DATA, true);
        wait_until("restored", || {
            text(&root, "[data-testid=detail-title]")
                == "23e réunion de la Commission militaire mixte"
        })
        .await;
        // Past the timeline's first report of its window (a second after it settles).
        sleep(1_500).await;
        assert_eq!(url_query(), saved, "restoring writes nothing new");
    }
    set_url("");
}

#[wasm_bindgen_test]
async fn arabic_turns_the_page_right_to_left_with_arabic_labels() {
    set_url("?lang=ar");
    let (root, _handle) = mount(DATA, true);
    wait_until("loaded", || !all(&root, "[data-testid=session]").is_empty()).await;
    let app = one(&root, ".app");
    assert_eq!(attr(&app, "dir"), "rtl");
    assert_eq!(attr(&app, "lang"), "ar");
    let html = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .document_element()
        .unwrap();
    assert_eq!(attr(&html, "dir"), "rtl");
    assert_eq!(text(&root, "h1"), "التعاون العسكري المغربي الفرنسي");
    assert_eq!(text(&root, "[data-testid=tab-people]"), "الأشخاص");
    assert!(text(&root, ".lane-header.lane--commission").contains("اللجنة العسكرية المختلطة"));
    // The time axis itself stays left-to-right (documented choice).
    assert_eq!(attr(&one(&root, "[data-testid=timeline]"), "dir"), "ltr");
    // Switching language back works and is reflected in the document.
    click(&root, "[data-testid=lang-en]");
    wait_until("English", || {
        text(&root, "h1") == "Morocco–France military cooperation"
    })
    .await;
    wait_until("ltr", || attr(&html, "dir") == "ltr").await;
    set_url("");
}

#[wasm_bindgen_test]
async fn the_list_view_shows_the_filtered_events_in_date_order() {
    let (root, _handle) = loaded(DATA).await;
    click(&root, "[data-testid=view-list]");
    wait_until("list", || {
        root.query_selector("[data-testid=list-view]")
            .unwrap()
            .is_some()
    })
    .await;
    assert_eq!(all(&root, "[data-testid=list-event]").len(), 58);
    click(&root, "[data-testid=tab-domains]");
    click(&root, "[data-testid=domain-space]");
    let n: usize = text(&root, "[data-testid=domain-count-space]")
        .trim()
        .parse()
        .unwrap();
    wait_until("filtered list", || {
        all(&root, "[data-testid=list-event]").len() == n
    })
    .await;
    let first = all(&root, "[data-testid=list-event]")[0].clone();
    first.unchecked_ref::<HtmlElement>().click();
    wait_until("record", || {
        root.query_selector("[data-testid=detail-title]")
            .unwrap()
            .is_some()
    })
    .await;
}
