//! Browser tests: mount the real app in headless Chromium / Firefox and check what a user sees
//! and can do.
#![cfg(target_arch = "wasm32")]

use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::*;

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
    assert!(!has(&root, "[data-testid=error]"));
    assert_eq!(text(&root, "h1"), "Morocco–France military cooperation");
    // The undocumented 13th–21st sessions are a labelled band, not silence.
    assert!(text(&root, "[data-testid=gap]").contains("13th–21st sessions: undocumented"));
}

#[wasm_bindgen_test]
async fn malformed_json_shows_the_error_state_with_its_reason() {
    let (root, _handle) = mount_app("data:application/json,%7B%22schema_version%22%3A");
    wait_until("error", || has(&root, "[data-testid=error]")).await;
    let problems = text(&root, "[data-testid=problem]");
    assert!(problems.contains("ends too early"), "{problems}");
    assert!(all(&root, "[data-testid=session]").is_empty());
    assert!(has(&root, "[data-testid=retry]"));
}

#[wasm_bindgen_test]
async fn invalid_dataset_shows_the_validators_messages() {
    // The same file and the same lines as the maintainers' validator (tests/data/invalid).
    let (root, _handle) = mount_app("/tests/data/invalid/many-problems.json");
    wait_until("error", || has(&root, "[data-testid=error]")).await;
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
    wait_until("error", || has(&root, "[data-testid=error]")).await;
    assert!(text(&root, "[data-testid=error-reason]").contains("404"));
}

/// Replaces `window.fetch` for one test and puts the real one back when dropped — even when the
/// test fails half-way, so one failure cannot leak into the next test.
struct FetchGuard {
    original: JsValue,
}

impl FetchGuard {
    /// Installs `fake`, a JS function `(input, init) => Promise<Response>`.
    fn install(fake: &JsValue) -> Self {
        let window = web_sys::window().unwrap();
        let original = Reflect::get(&window, &"fetch".into()).unwrap();
        Reflect::set(&window, &"__ctRealFetch".into(), &original).unwrap();
        Reflect::set(&window, &"fetch".into(), fake).unwrap();
        Self { original }
    }

    /// Installs a fake written in JavaScript: the body of `function (input, init) { … }`, which
    /// can reach the real fetch as `window.__ctRealFetch`.
    fn js(body: &str) -> Self {
        Self::install(&Function::new_with_args("input, init", body).into())
    }
}

impl Drop for FetchGuard {
    fn drop(&mut self) {
        let window = web_sys::window().unwrap();
        let _ = Reflect::set(&window, &"fetch".into(), &self.original);
    }
}

/// A JS property of `window` (what a fake fetch left there).
fn window_prop(name: &str) -> JsValue {
    Reflect::get(&web_sys::window().unwrap(), &name.into()).unwrap()
}

#[wasm_bindgen_test]
async fn retry_fetches_again_and_recovers() {
    // The first request fails with 503; later ones reach the real server.
    let _fetch = FetchGuard::js(
        "window.__ctCalls = (window.__ctCalls || 0) + 1;
         if (window.__ctCalls === 1) {
           return Promise.resolve(new Response('busy', { status: 503, statusText: 'Service Unavailable' }));
         }
         return window.__ctRealFetch.call(window, input, init);",
    );
    Reflect::set(&web_sys::window().unwrap(), &"__ctCalls".into(), &0.into()).unwrap();
    let (root, _handle) = mount_app(DATA);
    wait_until("error", || has(&root, "[data-testid=error]")).await;
    assert!(text(&root, "[data-testid=error-reason]").contains("503"));

    one(&root, "[data-testid=retry]")
        .unchecked_into::<HtmlElement>()
        .click();
    wait_until("sessions after retry", || {
        !all(&root, "[data-testid=session]").is_empty()
    })
    .await;
    assert_eq!(
        window_prop("__ctCalls"),
        2,
        "Retry must fetch exactly once more"
    );
    assert!(!has(&root, "[data-testid=error]"));
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
    // Back at the whole data, End and Home have nowhere to go: zoom in once more, and let each
    // move settle (pressing End during an animation raced it on a loaded machine).
    settled(&root).await;
    key(&area, "+");
    wait_until("zoom in again", || span(&root) < zoomed * 1.3).await;
    settled(&root).await;
    key(&area, "End");
    settled(&root).await;
    let (_, end, _) = window_of(&root);
    key(&area, "Home");
    wait_until("jump to the start", || window_of(&root).1 < end - 365.0).await;
}

/// A move by key or button is a gesture, as a wheel's is: the lanes are a sketch while it runs
/// (laying their elements out at every frame dropped frames at 10k events), and their elements
/// take over once it has landed, or once a wheel that cuts it short has rested.
#[wasm_bindgen_test]
async fn a_move_by_key_is_drawn_as_a_sketch_and_rests() {
    let (_styles, root, _handle, area) = loaded_styled().await;
    let (start, end, _) = settled(&root).await;
    key(&area, "+");
    wait_until("the move drawn as a sketch", || {
        all(&root, ".timeline__sketch:not([hidden])")
            .iter()
            .any(has_ink)
    })
    .await;
    landed_one_step_in((start, end), settled(&root).await);
    for layer in all(&root, ".lane__marks") {
        let style = layer.unchecked_ref::<HtmlElement>().style();
        assert_eq!(style.get_property_value("opacity").unwrap(), "");
    }
    assert!(!all(&root, ".timeline__sketch").iter().any(has_ink));
    // A wheel in the middle of a move takes it over; the view still rests after it.
    key(&area, "-");
    wait_until("the second move drawn as a sketch", || sketching(&root)).await;
    let left = area.get_bounding_client_rect().left();
    wheel(&area, left + 200.0, -120.0);
    settled(&root).await;
    assert!(!sketching(&root), "a sketch outlived the moves");
    assert!(has(&root, ".mark"));
}

/// A move whose frames the page could not draw (a tab in the background, a long task) still
/// lands where it was going, and rests.
#[wasm_bindgen_test]
async fn a_move_without_frames_still_lands() {
    let (_styles, root, _handle, area) = loaded_styled().await;
    let (start, end, _) = settled(&root).await;
    key(&area, "+");
    // The page's thread held past the move and its rest: no frame is drawn meanwhile.
    let until = now() + 500.0;
    while now() < until {}
    landed_one_step_in((start, end), settled(&root).await);
}

/// Asserts that a zoom step in by key, from the window `start`..`end`, landed: the window is
/// 1.5 times narrower.
fn landed_one_step_in((start, end): (f64, f64), (s, e, _): (f64, f64, f64)) {
    assert!(
        ((e - s) - (end - start) / 1.5).abs() < 1e-3,
        "the move stopped short: {} days wide, not {}",
        e - s,
        (end - start) / 1.5
    );
}

/// A key's move begun just after a wheel carries the gesture on: the wheel's rest, due 150 ms
/// after it, does not end the sketch under the move, which ends it itself once it has landed.
#[wasm_bindgen_test]
async fn a_move_by_key_after_a_wheel_stays_a_sketch_until_it_lands() {
    let (_styles, root, _handle, area) = loaded_styled().await;
    settled(&root).await;
    let left = area.get_bounding_client_rect().left();
    wheel(&area, left + 200.0, -120.0);
    sleep(20).await;
    key(&area, "+");
    let pressed = now();
    // The move lands 220 ms after the key and rests 150 ms later; the wheel's rest was due
    // ~130 ms after the key. Samples a loaded machine takes late, past the landing's rest, say
    // nothing.
    loop {
        sleep(20).await;
        let t = now() - pressed;
        if t > 320.0 {
            break;
        }
        if t > 60.0 {
            assert!(sketching(&root), "the sketch ended {t:.0} ms into the move");
        }
    }
    settled(&root).await;
    assert!(!sketching(&root), "a sketch outlived the move");
}

/// A click on the sketch while a key's move ends (landed, not yet rested: the marks' elements
/// are hidden where the view was) reaches the mark the sketch shows under it, as a click on
/// its element would; where the sketch shows no mark, what is under it (a gap's band).
#[wasm_bindgen_test]
async fn a_click_on_the_sketch_of_a_move_reaches_the_mark_it_shows() {
    let _styles = app_styles();
    let (root, _handle) = loaded(DATA).await;
    let idx = click_on_the_sketch_as_a_move_lands(&root, ".mark[data-idx]", "data-idx").await;
    wait_until("the detail of the event clicked", || {
        has(&root, "[data-testid=detail-title]")
    })
    .await;
    settled(&root).await;
    let mark = one(&root, &format!(".mark[data-idx=\"{idx}\"]"));
    assert!(mark.class_list().contains("mark--selected"), "event {idx}");
    let gap = click_on_the_sketch_as_a_move_lands(&root, "[data-testid=gap]", "aria-label").await;
    wait_until("the detail of the gap clicked", || {
        let title = text(&root, "[data-testid=detail-title]");
        !title.is_empty() && gap.starts_with(&title)
    })
    .await;
}

/// Finds the first element matching `selector` with a point on screen where a click at rest
/// reaches it (once a step out has landed), then steps in and out again and, as the second
/// step out lands (the view a sketch until it has rested), clicks the sketch at that point;
/// returns the element's `attr_name`. A loaded machine that samples the view only after it has
/// rested tries again, up to three times.
async fn click_on_the_sketch_as_a_move_lands(
    root: &Element,
    selector: &str,
    attr_name: &str,
) -> String {
    let area = one(root, "[data-testid=timeline]");
    area.unchecked_ref::<HtmlElement>().focus().unwrap();
    settled(root).await;
    key(&area, "-");
    let (start, end, _) = settled(root).await;
    area.scroll_into_view();
    let window = web_sys::window().unwrap();
    let document = window.document().unwrap();
    let r = area.get_bounding_client_rect();
    let bottom = window.inner_height().unwrap().as_f64().unwrap();
    let reaches = |el: &Element, x: f64, y: f64| {
        document
            .element_from_point(x as f32, y as f32)
            .and_then(|e| e.closest(selector).ok().flatten())
            .is_some_and(|e| &e == el)
    };
    let (value, x, y) = all(root, selector)
        .iter()
        .find_map(|el| {
            let b = el.get_bounding_client_rect();
            let y = b.top() + b.height() / 2.0;
            if b.width() <= 0.0 || b.top() <= 0.0 || b.bottom() >= bottom {
                return None;
            }
            [0.5, 0.25, 0.75, 0.1, 0.9]
                .iter()
                .map(|f| b.left() + b.width() * f)
                .find(|&x| x > r.left() && x < r.right() && reaches(el, x, y))
                .map(|x| (attr(el, attr_name), x, y))
        })
        .unwrap_or_else(|| panic!("no {selector} on screen"));
    for _ in 0..3 {
        key(&area, "+");
        settled(root).await;
        key(&area, "-");
        let landed = loop {
            sleep(5).await;
            if !sketching(root) {
                break false;
            }
            let (s, e, _) = window_of(root);
            if (s - start).abs() < 1e-6 && (e - end).abs() < 1e-6 {
                break true;
            }
        };
        if !landed {
            // Rested before a sample found it landed: again.
            settled(root).await;
            continue;
        }
        let under = document.element_from_point(x as f32, y as f32).unwrap();
        assert!(
            under.class_list().contains("timeline__sketch"),
            "the sketch takes the click, not {}",
            under.class_name()
        );
        let init = web_sys::MouseEventInit::new();
        init.set_bubbles(true);
        init.set_client_x(x.round() as i32);
        init.set_client_y(y.round() as i32);
        let ev = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap();
        under.dispatch_event(&ev).unwrap();
        window.scroll_to_with_x_and_y(0.0, 0.0);
        return value;
    }
    panic!("the move rested before it could be clicked, three times");
}

/// A pointer that moves over the timeline while a key's move runs leaves the move its sketch
/// (a click meanwhile reaches what the sketch shows); after a wheel, it ends the sketch.
#[wasm_bindgen_test]
async fn a_pointer_over_the_timeline_during_a_move_keeps_its_sketch() {
    let (_styles, root, _handle, area) = loaded_styled().await;
    settled(&root).await;
    let r = area.get_bounding_client_rect();
    let hover = || {
        let init = web_sys::PointerEventInit::new();
        init.set_bubbles(true);
        init.set_client_x((r.left() + r.width() / 2.0) as i32);
        init.set_client_y((r.top() + r.height() / 2.0) as i32);
        let ev = web_sys::PointerEvent::new_with_event_init_dict("pointermove", &init).unwrap();
        area.dispatch_event(&ev).unwrap();
    };
    key(&area, "+");
    let pressed = now();
    wait_until("the move drawn as a sketch", || sketching(&root)).await;
    hover();
    sleep(40).await;
    // A loaded machine that takes the sample past the move and its rest says nothing.
    if now() - pressed < 300.0 {
        assert!(sketching(&root), "the pointer ended the move's sketch");
    }
    settled(&root).await;
    assert!(!sketching(&root), "a sketch outlived the move");
    // After a wheel, the pointer ends the gesture at once, before its rest (150 ms).
    wheel(&area, r.left() + 200.0, -120.0);
    let wheeled = now();
    for _ in 0..100 {
        if sketching(&root) {
            break;
        }
        sleep(5).await;
    }
    assert!(sketching(&root), "the wheel was not drawn as a sketch");
    hover();
    sleep(20).await;
    if now() - wheeled < 140.0 {
        assert!(!sketching(&root), "the pointer left the wheel's sketch");
    }
    settled(&root).await;
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
    wait_until("cleared", || !has(&root, "[data-testid=detail-title]")).await;
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
    let focused = focus_first_event(&root).await;
    let first = active_idx();
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
    wait_until("the record", || has(&root, "[data-testid=detail-title]")).await;
    let title = text(&root, "[data-testid=detail-title]");
    assert!(name.contains(&title), "record {title:?} for mark {name:?}");
    wait_until("announcement", || {
        text(&root, "[data-testid=announcer]").contains(&title)
    })
    .await;
}

/// Stepping with the arrows onto an event that has no element of its own yet (off screen, or
/// in a cluster) moves the view there, as a sketch, and gives the event's mark the focus once
/// the view rests and its element is made. (Unstyled, the lanes make their elements during the
/// move, and the focus never had to wait for the rest: this passed without the wait.)
#[wasm_bindgen_test]
async fn arrows_step_onto_events_drawn_only_after_the_move() {
    // Styled, so that the lanes are a sketch while the view moves and make no element until it
    // rests.
    let _styles = app_styles();
    // A year around the 12th session: the commission's next sessions are off screen.
    set_url("?lang=en&from=2012-01-01&to=2012-12-31");
    let (root, _handle) = mount(DATA, true);
    wait_until("the marks", || has(&root, ".mark[data-idx]")).await;
    focus_first_event(&root).await;
    settled(&root).await;
    let mut made_by_the_move = 0;
    // The commission's five sessions, from the first: four steps.
    for _ in 0..4 {
        let now = active_idx();
        let drawn: Vec<String> = all(&root, ".mark[data-idx]")
            .iter()
            .map(|m| attr(m, "data-idx"))
            .collect();
        key(&one(&root, &format!("[data-idx=\"{now}\"]")), "ArrowRight");
        wait_until("the focus on the next event", || {
            let a = active_idx();
            !a.is_empty() && a != now
        })
        .await;
        if !drawn.contains(&active_idx()) {
            made_by_the_move += 1;
        }
        settled(&root).await;
    }
    set_url("");
    assert!(
        made_by_the_move > 0,
        "no step went to an event without an element: the test showed nothing"
    );
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
    // A panel is built the first time its tab is opened, just after the click.
    wait_until("the people", || has(&root, "[data-testid=person-berrid]")).await;
    click(&root, "[data-testid=person-berrid]");
    wait_until("person view", || has(&root, "[data-testid=person-view]")).await;
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
    wait_until("the domains", || {
        has(&root, "[data-testid=domain-count-space]")
    })
    .await;
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
    // Neither case nor accents matter: the same hits, in the same order.
    let hits_for = async |q: &str| -> Vec<String> {
        type_into(&input, q);
        sleep(50).await;
        wait_until("results", || {
            !all(&root, "[data-testid=search-hit]").is_empty()
        })
        .await;
        all(&root, "[data-testid=search-hit]")
            .iter()
            .map(|h| h.text_content().unwrap_or_default())
            .collect()
    };
    let plain = hits_for("MEKNES").await;
    let accented = hits_for("Meknès").await;
    assert_eq!(plain, accented);
}

#[wasm_bindgen_test]
async fn the_record_of_the_22nd_session_shows_co_chairs_sources_and_neighbours() {
    let (root, _handle) = loaded(DATA).await;
    choose_first_hit(&root, "22nd session").await;
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
        wait_until("the domains", || has(&root, "[data-testid=domain-space]")).await;
        let space: web_sys::HtmlInputElement =
            one(&root, "[data-testid=domain-space]").unchecked_into();
        assert!(space.checked(), "the domain filter from the link is on");
        assert!(
            one(&root, "[data-testid=timeline]")
                .class_list()
                .contains("timeline__area--highlight")
        );
        // A new selection is written back to the URL, as a history step.
        choose_first_hit(&root, "23e session").await;
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

/// The shipped dataset, loaded by the model in the browser (to compute what a view must show).
async fn shipped() -> cooperation_timeline::model::Dataset {
    let window = web_sys::window().unwrap();
    let response: web_sys::Response =
        wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(DATA))
            .await
            .unwrap()
            .unchecked_into();
    let buffer = wasm_bindgen_futures::JsFuture::from(response.array_buffer().unwrap())
        .await
        .unwrap();
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    cooperation_timeline::model::load(&bytes).unwrap()
}

#[wasm_bindgen_test]
async fn the_list_view_shows_the_filtered_events_in_date_order() {
    use cooperation_timeline::model::search::date_order;
    let d = shipped().await;
    let (root, _handle) = loaded(DATA).await;
    click(&root, "[data-testid=view-list]");
    wait_until("list", || has(&root, "[data-testid=list-view]")).await;
    // The rows are the events in date order: each row's title is the next event's.
    let titles = |root: &Element| -> Vec<String> {
        all(root, "[data-testid=list-event] span[lang]")
            .iter()
            .map(|e| e.text_content().unwrap_or_default())
            .collect()
    };
    let expected: Vec<String> = date_order(&d)
        .into_iter()
        .map(|i| d.event(i).unwrap().title.en.clone())
        .collect();
    assert_eq!(titles(&root), expected);
    click(&root, "[data-testid=tab-domains]");
    wait_until("the domains", || has(&root, "[data-testid=domain-space]")).await;
    click(&root, "[data-testid=domain-space]");
    let in_space: Vec<String> = date_order(&d)
        .into_iter()
        .filter_map(|i| d.event(i))
        .filter(|e| e.domains.iter().any(|x| x == "space"))
        .map(|e| e.title.en.clone())
        .collect();
    wait_until("filtered list", || titles(&root) == in_space).await;
    let first = all(&root, "[data-testid=list-event]")[0].clone();
    first.unchecked_ref::<HtmlElement>().click();
    wait_until("record", || {
        text(&root, "[data-testid=detail-title]") == in_space[0]
    })
    .await;
}

/// Bug: after focus left a mark for something that takes no focus (relatedTarget null), the next
/// frame took focus back to the mark.
#[wasm_bindgen_test]
async fn focus_is_not_taken_back_after_it_leaves_for_nothing() {
    let (root, _handle) = loaded(DATA).await;
    let area = one(&root, "[data-testid=timeline]");
    focus_first_event(&root).await;
    settled(&root).await;
    let mark = one(&root, &format!("[data-idx=\"{}\"]", active_idx()));
    // What a click on plain text does: focus goes to nothing.
    mark.unchecked_ref::<HtmlElement>().blur().unwrap();
    sleep(100).await;
    // The frame changes (a zoom); the mark must stay unfocused.
    let left = area.get_bounding_client_rect().left();
    wheel(&area, left + 200.0, -120.0);
    sleep(300).await;
    assert_eq!(active_idx(), "", "focus was taken back");
}

#[wasm_bindgen_test]
async fn back_and_forward_restore_selections() {
    set_url("?event=cmm-22");
    let (root, _handle) = mount(DATA, true);
    let title = |r: &Element| text(r, "[data-testid=detail-title]");
    wait_until("the 22nd from the link", || {
        title(&root) == "22nd Joint Military Commission"
    })
    .await;
    choose_first_hit(&root, "23rd session").await;
    wait_until("URL updated", || url_query().contains("event=cmm-23")).await;
    let history = web_sys::window().unwrap().history().unwrap();
    history.back().unwrap();
    wait_until("Back restores the 22nd", || {
        title(&root) == "22nd Joint Military Commission"
    })
    .await;
    history.forward().unwrap();
    wait_until("Forward restores the 23rd", || {
        title(&root) == "23rd Joint Military Commission"
    })
    .await;
    set_url("");
}

/// Bug: Back pressed while the data was loading lost that history entry's selection (the first
/// link's was applied when the data arrived).
#[wasm_bindgen_test]
async fn back_during_a_load_restores_that_entrys_selection() {
    // The data arrives half a second late.
    let _fetch = FetchGuard::js(
        "return new Promise(r => setTimeout(r, 500)).then(() => window.__ctRealFetch.call(window, input, init));",
    );
    set_url("?event=cmm-12");
    push_url("?event=cmm-23");
    let (root, _handle) = mount(DATA, true);
    assert!(has(&root, "[data-testid=loading]"));
    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .back()
        .unwrap();
    wait_until("the data", || {
        !all(&root, "[data-testid=session]").is_empty()
    })
    .await;
    wait_until("the selection of the entry Back went to", || {
        text(&root, "[data-testid=detail-title]") == "12th Joint Military Commission"
    })
    .await;
    sleep(300).await;
    assert_eq!(
        text(&root, "[data-testid=detail-title]"),
        "12th Joint Military Commission"
    );
    set_url("");
}

/// Bug: Retry cleared the filters that came from the link.
#[wasm_bindgen_test]
async fn retry_keeps_the_filters_and_selection_of_the_link() {
    let _fetch = FetchGuard::js(
        "window.__ctCalls = (window.__ctCalls || 0) + 1;
         if (window.__ctCalls === 1) { return Promise.resolve(new Response('down', { status: 502 })); }
         return window.__ctRealFetch.call(window, input, init);",
    );
    Reflect::set(&web_sys::window().unwrap(), &"__ctCalls".into(), &0.into()).unwrap();
    set_url("?domains=space&event=cmm-22");
    let (root, _handle) = mount(DATA, true);
    wait_until("error", || has(&root, "[data-testid=retry]")).await;
    click(&root, "[data-testid=retry]");
    wait_until("the 22nd after Retry", || {
        text(&root, "[data-testid=detail-title]") == "22nd Joint Military Commission"
    })
    .await;
    click(&root, "[data-testid=tab-domains]");
    wait_until("the domains", || has(&root, "[data-testid=domain-space]")).await;
    let space: web_sys::HtmlInputElement =
        one(&root, "[data-testid=domain-space]").unchecked_into();
    assert!(space.checked(), "the link's domain filter survived Retry");
    set_url("");
}

/// A request that never answers ends on the error screen (with Retry), and is cancelled.
#[wasm_bindgen_test]
async fn a_request_that_never_answers_times_out_and_is_cancelled() {
    let _fetch = FetchGuard::js(
        "const signal = (init && init.signal) || (input && input.signal);
         window.__ctSignal = signal;
         return new Promise((resolve, reject) => {
           if (signal) signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
         });",
    );
    let (section, _handle) = mount_with_timeout(1_500);
    sleep(500).await;
    assert!(has(&section, "[data-testid=loading]"), "still loading");
    wait_until("the error screen", || has(&section, "[data-testid=error]")).await;
    let reason = text(&section, "[data-testid=error-reason]");
    assert!(
        reason.contains("did not answer") && reason.contains("nothing received"),
        "{reason}"
    );
    assert!(has(&section, "[data-testid=retry]"));
    let signal = window_prop("__ctSignal");
    assert_eq!(
        Reflect::get(&signal, &"aborted".into()).unwrap(),
        JsValue::TRUE,
        "the stalled request was cancelled"
    );
}

/// A body that stops arriving half-way times out too, even when it is not tied to the request's
/// signal (a service worker's constructed response is not): the read itself is cancelled.
#[wasm_bindgen_test]
async fn a_body_that_stops_arriving_times_out_too() {
    let _fetch = FetchGuard::js(
        "const body = new ReadableStream({ start(c) { c.enqueue(new Uint8Array(1000)); } });
         return Promise.resolve(new Response(body, { headers: { 'content-length': '9000' } }));",
    );
    let (section, _handle) = mount_with_timeout(1_000);
    wait_until("the error screen", || has(&section, "[data-testid=error]")).await;
    let reason = text(&section, "[data-testid=error-reason]");
    assert!(reason.contains("did not answer"), "{reason}");
}

/// While the data arrives, the loading screen says how much, of how much.
#[wasm_bindgen_test]
async fn loading_shows_the_bytes_received_of_the_total() {
    let _fetch = FetchGuard::js(
        "const body = new ReadableStream({
           start(c) { window.__ctStream = c; c.enqueue(new Uint8Array(12000)); }
         });
         return Promise.resolve(new Response(body, { headers: { 'content-length': '48000' } }));",
    );
    let (root, _handle) = mount_app(DATA);
    wait_until("progress", || {
        text(&root, "[data-testid=loading-progress]").contains("of")
    })
    .await;
    let shown = text(&root, "[data-testid=loading-progress]");
    assert_eq!(shown, "12 kB of 48 kB received");
    let bar = one(&root, "progress.loading__bar");
    assert_eq!(attr(&bar, "max"), "48000");
    assert_eq!(attr(&bar, "value"), "12000");
    // Ending the stream early: the half file is not a dataset, and the screen says so.
    let stream = window_prop("__ctStream");
    let close: Function = Reflect::get(&stream, &"close".into())
        .unwrap()
        .unchecked_into();
    close.call0(&stream).unwrap();
    wait_until("error", || has(&root, "[data-testid=error]")).await;
}

/// Bug: the count said "40 results" when more matched (only 40 are listed).
#[wasm_bindgen_test]
async fn search_counts_every_match_not_only_the_listed_ones() {
    use cooperation_timeline::model::search::{SearchIndex, date_order};
    let d = shipped().await;
    let total = SearchIndex::new(&d)
        .search("e", &date_order(&d), 1_000)
        .total;
    assert!(
        total > 40,
        "the query must match more than the list shows ({total})"
    );
    let (root, _handle) = loaded(DATA).await;
    type_into(&one(&root, "[data-testid=search]"), "e");
    wait_until("results", || {
        !all(&root, "[data-testid=search-hit]").is_empty()
    })
    .await;
    assert_eq!(all(&root, "[data-testid=search-hit]").len(), 40);
    assert_eq!(
        text(&root, ".search__count"),
        format!("{total} results; the first 40 are listed")
    );
}

/// Bug: axis labels inherited `dir="ltr"`, so Arabic month names were laid out left to right.
#[wasm_bindgen_test]
async fn axis_labels_read_in_their_own_direction() {
    set_url("?lang=ar&from=2024-10-01&to=2025-02-28");
    let (root, _handle) = mount(DATA, true);
    wait_until("Arabic ticks", || {
        all(&root, ".axis__tick")
            .iter()
            .any(|t| t.text_content().unwrap_or_default().contains("دجنبر"))
    })
    .await;
    for t in all(&root, ".axis__tick") {
        assert_eq!(attr(&t, "dir"), "auto", "{:?}", t.text_content());
    }
    set_url("");
}

/// Bug: notes, source descriptions and gap summaries carried no `lang`, so a French fallback in
/// the Arabic page was read as Arabic.
#[wasm_bindgen_test]
async fn data_text_is_marked_with_the_language_it_is_in() {
    set_url("?lang=ar&event=cmm-22");
    let (root, _handle) = mount(DATA, true);
    wait_until("the record", || has(&root, "[data-testid=notes]")).await;
    // The dataset has no Arabic for notes and source descriptions: they fall back to French, and
    // say so.
    for selector in [
        "[data-testid=note] span[lang]",
        ".source__description span[lang]",
    ] {
        let marked = all(&root, selector);
        assert!(!marked.is_empty(), "{selector}");
        assert!(marked.iter().all(|e| attr(e, "lang") == "fr"), "{selector}");
    }
    // A gap's title has Arabic, its summary does not.
    let langs: Vec<String> = all(&root, "[data-testid=gap-nearby] span[lang]")
        .iter()
        .map(|e| attr(e, "lang"))
        .collect();
    assert_eq!(langs, ["ar", "fr"]);
    set_url("");
}

/// Bug: the `role="tab"` buttons had no arrow-key navigation.
#[wasm_bindgen_test]
async fn panel_tabs_move_with_the_arrow_keys() {
    let (root, _handle) = loaded(DATA).await;
    let filters = one(&root, "[data-testid=tab-filters]");
    filters.unchecked_ref::<HtmlElement>().focus().unwrap();
    key(&filters, "ArrowRight");
    let domains = one(&root, "[data-testid=tab-domains]");
    wait_until("domains", || attr(&domains, "aria-selected") == "true").await;
    assert_eq!(
        active(),
        Some(domains.clone()),
        "focus moves with the selection"
    );
    assert_eq!(attr(&domains, "tabindex"), "0");
    assert_eq!(attr(&filters, "tabindex"), "-1");
    key(&domains, "End");
    wait_until("the last tab", || {
        attr(&one(&root, "[data-testid=tab-map]"), "aria-selected") == "true"
    })
    .await;
    let last = one(&root, "[data-testid=tab-map]");
    key(&last, "ArrowRight");
    // Wraps around to the first tab (the filters', on every screen: the record is no tab).
    let first_shown = all(&root, "[role=tab]").into_iter().next().unwrap();
    assert_eq!(first_shown, filters);
    wait_until("wraps", || attr(&first_shown, "aria-selected") == "true").await;
    assert_eq!(
        active(),
        Some(first_shown.clone()),
        "focus wraps with the selection"
    );
    assert_eq!(attr(&last, "aria-selected"), "false");
}

/// Bug: the "figures" field was labelled "#" in every language.
#[wasm_bindgen_test]
async fn a_figure_with_its_own_confidence_is_named_in_words() {
    set_url("?lang=fr&event=caesar-order-2020");
    let (root, _handle) = mount(DATA, true);
    wait_until("the record", || {
        has(&root, "[data-testid=field-confidence]")
    })
    .await;
    let section = text(&root, "[data-testid=field-confidence]");
    assert!(section.contains("Chiffres"), "{section}");
    assert!(!section.contains('#'), "{section}");
    set_url("");
}

/// Bug: the "no 24th session found" gap was drawn like an undocumented stretch, over 2026.
#[wasm_bindgen_test]
async fn nothing_found_is_a_flag_at_the_date_of_the_search() {
    let (root, _handle) = loaded(DATA).await;
    let gaps = all(&root, "[data-testid=gap]");
    let find = |part: &str| {
        gaps.iter()
            .find(|g| attr(g, "aria-label").contains(part))
            .unwrap_or_else(|| panic!("no gap {part}"))
            .clone()
    };
    let none = find("24th session");
    let undocumented = find("13th–21st");
    assert!(none.class_list().contains("gap--not-found"));
    assert!(attr(&none, "aria-label").contains("as of November 2026"));
    assert!(undocumented.class_list().contains("gap--undocumented"));
    // (How each class is drawn is checked on the release build: bench/checks.mjs.)
}

/// Wraps `console.error` and `console.warn` to count calls while alive.
struct ConsoleRecorder;

impl ConsoleRecorder {
    fn start() -> Self {
        Function::new_no_args(
            "window.__ctConsole = [];
             for (const k of ['error', 'warn']) {
               const real = console[k];
               console['__ct_' + k] = real;
               console[k] = (...a) => { window.__ctConsole.push(k + ': ' + a.join(' ')); real.apply(console, a); };
             }",
        )
        .call0(&JsValue::NULL)
        .unwrap();
        Self
    }

    fn messages(&self) -> Vec<String> {
        js_sys::Array::from(&window_prop("__ctConsole"))
            .iter()
            .filter_map(|v| v.as_string())
            .collect()
    }
}

impl Drop for ConsoleRecorder {
    fn drop(&mut self) {
        let _ = Function::new_no_args(
            "for (const k of ['error', 'warn']) { if (console['__ct_' + k]) console[k] = console['__ct_' + k]; }",
        )
        .call0(&JsValue::NULL);
    }
}

/// Bug: a dataset from year 1 opened on an empty window, "Show all" could not show it, and
/// panning to the start wrapped the century label or hung the French one.
#[wasm_bindgen_test]
async fn a_dataset_from_year_one_opens_on_all_of_it_in_every_language() {
    let console = ConsoleRecorder::start();
    let (root, _handle) = loaded("/tests/data/valid/year-one.json").await;
    assert_eq!(
        sessions_drawn(&root),
        2,
        "both ends of the data are on screen"
    );
    let area = one(&root, "[data-testid=timeline]");
    let (s, e, _) = window_of(&root);
    assert!(
        e - s > 2_000.0 * 365.0,
        "the whole span is shown: {} days",
        e - s
    );
    for lang in ["fr", "ar", "en"] {
        click(&root, &format!("[data-testid=lang-{lang}]"));
        sleep(50).await;
        area.unchecked_ref::<HtmlElement>().focus().unwrap();
        for k in [
            "Home", "+", "+", "+", "End", "-", "-", "-", "-", "Home", "0",
        ] {
            key(&area, k);
            settled(&root).await;
            // Every tick shown (the pinned label is kept, hidden, when there is none to pin).
            for t in all(&root, ".axis__tick:not([hidden])") {
                let label = t.text_content().unwrap_or_default();
                assert!(
                    !label.is_empty() && label.chars().count() <= 40,
                    "{lang}: {label:?}"
                );
                assert!(!label.contains("4294967295"), "{lang}: {label}");
            }
        }
        // "Show all" shows both ends again.
        click(&root, "[data-testid=fit-all]");
        settled(&root).await;
        assert_eq!(sessions_drawn(&root), 2, "{lang}");
    }
    assert!(console.messages().is_empty(), "{:?}", console.messages());
}

/// Whether a sheet is open. (The tests run without the stylesheets, which hide a closed sheet:
/// that part is checked on the release build by bench/checks.mjs.)
fn open(e: &Element) -> bool {
    e.class_list().contains("is-open")
}

/// On narrow screens (the phone layout) the record is a sheet that a selection opens, another
/// selection updates and Escape closes, and the panels are a sheet the Filters button opens,
/// which gives focus back to it on closing; on wide screens the record is a column, always there.
/// (Chromium's test window is narrow, Firefox's wide: the two runs cover both.)
#[wasm_bindgen_test]
async fn the_record_is_a_sheet_on_narrow_screens_and_a_column_on_wide_ones() {
    let narrow = web_sys::window()
        .unwrap()
        .match_media("(max-width: 60rem)")
        .unwrap()
        .unwrap()
        .matches();
    let (root, _handle) = loaded(DATA).await;
    let sheet = one(&root, "[data-testid=record-sheet]");
    let session = |n: &str| {
        all(&root, "[data-testid=session]")
            .into_iter()
            .find(|e| attr(e, "aria-label").contains(n))
            .unwrap_or_else(|| panic!("the {n} session is drawn"))
    };
    if !narrow {
        assert!(!open(&sheet), "the record column is no sheet");
        assert!(sheet.get_attribute("role").is_none());
        assert!(!has(&root, "[data-testid=record-close]"));
        assert!(!has(&root, "[data-testid=open-panels]"));
        assert!(!open(&one(&root, "[data-testid=panels-sheet]")));
        return;
    }
    assert_eq!(attr(&sheet, "role"), "dialog");
    assert!(!open(&sheet), "no sheet before a selection");
    session("12th session")
        .unchecked_ref::<HtmlElement>()
        .click();
    wait_until("the sheet", || open(&sheet)).await;
    assert_eq!(
        text(&root, "[data-testid=detail-title]"),
        "12th Joint Military Commission"
    );
    // Another selection updates the open sheet.
    session("Unnumbered session")
        .unchecked_ref::<HtmlElement>()
        .click();
    wait_until("the other record", || {
        text(&root, "[data-testid=detail-title]") != "12th Joint Military Commission"
    })
    .await;
    assert!(open(&sheet));
    // Escape inside the sheet closes it and clears the selection.
    key(&one(&root, "[data-testid=record-close]"), "Escape");
    wait_until("closed", || !open(&sheet)).await;
    assert!(!has(&root, "[data-testid=detail-title]"));

    // The panels' sheet: opened from the toolbar, focus on its open tab; Escape gives it back.
    let panels = one(&root, "[data-testid=panels-sheet]");
    assert!(!open(&panels));
    let button = one(&root, "[data-testid=open-panels]");
    button.unchecked_ref::<HtmlElement>().focus().unwrap();
    button.unchecked_ref::<HtmlElement>().click();
    wait_until("the panels", || open(&panels)).await;
    assert_eq!(attr(&button, "aria-expanded"), "true");
    let tab = one(&root, "[data-testid=tab-filters]");
    wait_until("focus in the sheet", || active() == Some(tab.clone())).await;
    key(&tab, "Escape");
    wait_until("the panels closed", || !open(&panels)).await;
    wait_until("focus back on the button", || {
        active() == Some(button.clone())
    })
    .await;
}

/// `?story=1` tells the story from its first step: the first session, "Step 1 of m"; → moves to
/// step 2 and the URL follows, as a history step; Next and Leave work, and leaving keeps the
/// record where the story left it.
#[wasm_bindgen_test]
async fn a_story_link_starts_at_step_one_and_the_arrow_key_moves_on() {
    set_url("?lang=en&story=1");
    let entries = || {
        web_sys::window()
            .unwrap()
            .history()
            .unwrap()
            .length()
            .unwrap()
    };
    let before = entries();
    let (root, _handle) = mount(DATA, true);
    wait_until("the story", || {
        text(&root, "[data-testid=story-count]").starts_with("Step 1 of ")
    })
    .await;
    let count = text(&root, "[data-testid=story-count]");
    let m: usize = count.rsplit(' ').next().unwrap().parse().unwrap();
    assert!(m >= 6, "the sessions and the gaps between them: {count}");
    wait_until("the first step's record", || {
        has(&root, "[data-testid=detail-title]")
    })
    .await;
    let first = text(&root, "[data-testid=detail-title]");
    // Opening the link selects the first step in place: no history entry of its own.
    sleep(300).await;
    assert_eq!(
        entries(),
        before,
        "the link's own selection is not a step back"
    );
    // The filters change the steps, and the story stays on its record.
    click(&root, "[data-facet='confidence:confirmed']");
    wait_until("fewer steps", || {
        let c = text(&root, "[data-testid=story-count]");
        c.starts_with("Step 1 of ") && c != count
    })
    .await;
    assert_eq!(text(&root, "[data-testid=detail-title]"), first);
    click(&root, "[data-facet='confidence:confirmed']");
    wait_until("all the steps again", || {
        text(&root, "[data-testid=story-count]") == count
    })
    .await;
    let history = entries();
    key(
        &web_sys::window()
            .unwrap()
            .document()
            .unwrap()
            .body()
            .unwrap(),
        "ArrowRight",
    );
    wait_until("step 2", || {
        text(&root, "[data-testid=story-count]") == format!("Step 2 of {m}")
    })
    .await;
    wait_until("the URL follows", || url_query().contains("step=2")).await;
    assert!(url_query().contains("story=1"), "{}", url_query());
    assert_ne!(text(&root, "[data-testid=detail-title]"), first);
    assert!(entries() > history, "a step is a history entry");
    click(&root, "[data-testid=story-next]");
    wait_until("step 3", || {
        text(&root, "[data-testid=story-count]") == format!("Step 3 of {m}")
    })
    .await;
    let third = text(&root, "[data-testid=detail-title]");
    click(&root, "[data-testid=story-leave]");
    wait_until("the story left", || !has(&root, "[data-testid=story]")).await;
    assert_eq!(text(&root, "[data-testid=detail-title]"), third);
    wait_until("the URL without the story", || {
        !url_query().contains("story")
    })
    .await;
    set_url("");
}

/// The shipped dataset, and how many of its events are at place `id` of its register.
fn shipped_and_events_at(id: &str) -> (cooperation_timeline::model::Dataset, usize) {
    let d = cooperation_timeline::model::load(include_bytes!("../public/data/cooperation.json"))
        .unwrap();
    let n = d.events.iter().filter(|e| e.at_place(id)).count();
    (d, n)
}

/// `?places=rabat` filters the timeline to the events at Rabat, and the places facet shows it
/// chosen; unchoosing it shows everything again.
#[wasm_bindgen_test]
async fn a_place_in_the_link_filters_the_timeline_to_its_events() {
    let (d, at_rabat) = shipped_and_events_at("rabat");
    assert!(at_rabat >= 5);
    set_url("?lang=en&places=rabat");
    let (root, _handle) = mount(DATA, true);
    wait_until("loaded", || has(&root, "[data-testid=facet-places]")).await;
    let rabat: web_sys::HtmlInputElement =
        one(&root, "[data-facet='place:rabat']").unchecked_into();
    assert!(rabat.checked());
    let showing = text(&root, "[data-testid=showing]");
    assert!(
        showing.starts_with(&format!("Showing {at_rabat} of {}", d.events.len())),
        "{showing}"
    );
    click(&root, "[data-facet='place:rabat']");
    wait_until("everything again", || {
        text(&root, "[data-testid=showing]")
            .starts_with(&format!("Showing {0} of {0}", d.events.len()))
    })
    .await;
    wait_until("the URL follows", || !url_query().contains("places")).await;
    set_url("");
}

/// The map marks Rabat and Paris with their counts; choosing Rabat on the map filters the
/// timeline to Rabat's events, and the list under the map says it is chosen; the 22nd session
/// selected rings Rabat.
#[wasm_bindgen_test]
async fn the_map_marks_rabat_and_paris_and_choosing_rabat_filters_the_timeline() {
    let (d, at_rabat) = shipped_and_events_at("rabat");
    set_url("?lang=en&event=cmm-22");
    let (root, _handle) = mount(DATA, true);
    wait_until("loaded", || has(&root, "[data-testid=tab-map]")).await;
    click(&root, "[data-testid=tab-map]");
    wait_until("the map", || {
        has(&root, "[data-testid=map-place][data-place=rabat]")
    })
    .await;
    let rabat = one(&root, "[data-testid=map-place][data-place=rabat]");
    let paris = one(&root, "[data-testid=map-place][data-place=paris]");
    assert_eq!(
        attr(&rabat, "aria-label"),
        format!("Rabat: {at_rabat} events")
    );
    assert!(attr(&paris, "aria-label").starts_with("Paris: "));
    assert_eq!(attr(&rabat, "tabindex"), "0");
    assert!(
        rabat.class_list().contains("is-selected"),
        "the 22nd session was in Rabat"
    );
    assert!(!paris.class_list().contains("is-selected"));
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    let ev = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap();
    rabat.dispatch_event(&ev).unwrap();
    wait_until("the timeline filtered to Rabat", || {
        text(&root, "[data-testid=showing]")
            .starts_with(&format!("Showing {at_rabat} of {}", d.events.len()))
    })
    .await;
    wait_until("the URL follows", || url_query().contains("places=rabat")).await;
    let item = one(&root, "[data-testid=map-list-place][data-place=rabat]");
    assert_eq!(attr(&item, "aria-pressed"), "true");
    click(&root, "[data-testid=map-list-place][data-place=rabat]");
    wait_until("everything again", || !url_query().contains("places")).await;
    set_url("");
}

/// Whether the canvas `c` has a pixel that is not fully transparent (a canvas with no pixels has
/// none).
fn has_ink(c: &Element) -> bool {
    let c: &web_sys::HtmlCanvasElement = c.unchecked_ref();
    let cx: web_sys::CanvasRenderingContext2d =
        c.get_context("2d").unwrap().unwrap().unchecked_into();
    let (w, h) = (f64::from(c.width()), f64::from(c.height()));
    w > 0.0
        && h > 0.0
        && cx
            .get_image_data(0.0, 0.0, w, h)
            .unwrap()
            .data()
            .chunks(4)
            .any(|p| p[3] > 0)
}

/// A synthetic timeline of `n` events, served from memory (a blob URL) as a file would be.
fn synthetic_url(n: usize) -> String {
    let d = cooperation_timeline::model::synthetic::generate(n, 1);
    let json = serde_json::to_vec(&d).unwrap();
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(&json[..]));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts).unwrap();
    web_sys::Url::create_object_url_with_blob(&blob).unwrap()
}

#[wasm_bindgen_test]
async fn after_40_zoom_notches_at_10k_events_every_visible_event_is_reachable_and_named() {
    use cooperation_timeline::model::labels::{event_label, mark_name};
    use cooperation_timeline::model::{Lang, synthetic};
    let url = synthetic_url(10_000);
    // The lanes are sketched while the view moves.
    let _styles = app_styles();
    // Every value the reading bar takes, as the page draws it: a timer polling the page can
    // miss them all when reading is quick (it sees one value, or none, between two slices).
    let observer = Function::new_no_args(
        "window.__ctReading = [];
         const o = new MutationObserver(() => {
           const bar = document.querySelector('progress.loading__bar[max=\"1000\"]');
           if (bar) window.__ctReading.push(bar.getAttribute('value'));
         });
         o.observe(document.body, { subtree: true, childList: true, attributes: true });
         return o;",
    )
    .call0(&JsValue::NULL)
    .unwrap();
    let (root, _handle) = mount_app(&url);
    // The debug build of the tests reads 10,000 events slowly: up to a minute. Meanwhile the
    // page stays live (this loop's timers keep firing) and the loading screen says how far
    // reading the events has got, while they arrive and after.
    for _ in 0..3_000 {
        if has(&root, ".mark") {
            break;
        }
        // The reading phase's bar counts thousandths, and its text names the percentage.
        if has(&root, "progress.loading__bar[max=\"1000\"]") {
            let text = text(&root, "[data-testid=loading-progress]");
            assert!(text.contains('%') || text.contains('٪'), "{text}");
        }
        sleep(20).await;
    }
    assert!(has(&root, ".mark"), "the synthetic timeline never showed");
    let disconnect: Function = Reflect::get(&observer, &"disconnect".into())
        .unwrap()
        .unchecked_into();
    disconnect.call0(&observer).unwrap();
    let mut reading: Vec<String> = js_sys::Array::from(&window_prop("__ctReading"))
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    reading.dedup();
    assert!(
        reading.len() >= 2,
        "the reading was not shown as it went: {reading:?}"
    );
    sleep(200).await;
    let area = one(&root, "[data-testid=timeline]");
    let left = area.get_bounding_client_rect().left();
    let (_, _, width) = window_of(&root);
    // 40 notches at the cursor, one per frame or so, as a reader's wheel sends them.
    let mut sketched = false;
    for i in 0..40 {
        let x = width * (0.3 + 0.4 * f64::from((i * 7) % 10) / 10.0);
        wheel(&area, left + x, -120.0);
        sleep(20).await;
        // While the view moves, the marks are drawn on the canvas the lanes share.
        if !sketched && sketching(&root) {
            sketched = all(&root, ".timeline__sketch:not([hidden])")
                .iter()
                .any(has_ink);
        }
    }
    assert!(
        sketched,
        "no mark was drawn on a canvas while the view moved"
    );
    let (start, end, _) = settled(&root).await;
    // At rest, the marks' elements are shown again and the canvas is gone.
    assert!(
        !has(&root, ".timeline__sketch:not([hidden])"),
        "a sketch outlived the gesture"
    );
    // Resting, the canvas stays laid out (its resources are kept) but shows nothing.
    assert!(
        !all(&root, ".timeline__sketch").iter().any(has_ink),
        "the resting canvas still shows a sketch"
    );
    for layer in all(&root, ".lane__marks") {
        let style = layer.unchecked_ref::<HtmlElement>().style();
        assert_eq!(style.get_property_value("opacity").unwrap(), "");
    }
    sleep(100).await;
    let d = synthetic::generate(10_000, 1);
    let lang = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| Lang::from_tag(&attr(&e, "lang")))
        .unwrap_or(Lang::En);
    let marks = all(&root, ".mark");
    assert!(!marks.is_empty());
    let clusters: Vec<(f64, f64)> = marks
        .iter()
        .filter_map(|m| {
            let span = attr(m, "data-span");
            let (a, b) = span.split_once(' ')?;
            Some((a.parse().ok()?, b.parse().ok()?))
        })
        .collect();
    let mut alone = 0;
    for (i, e) in d.events.iter().enumerate() {
        let (a, b) = (
            e.date.axis_start(),
            e.date.axis_end().max(e.date.axis_start()),
        );
        if b < start || a > end {
            continue;
        }
        match root
            .query_selector(&format!(".mark[data-idx=\"{i}\"]"))
            .unwrap()
        {
            Some(mark) => {
                alone += 1;
                // Reachable with Tab: a button, not taken out of the tab order, that takes focus.
                assert_eq!(mark.tag_name(), "BUTTON");
                assert_ne!(attr(&mark, "tabindex"), "-1");
                mark.unchecked_ref::<HtmlElement>().focus().unwrap();
                assert_eq!(active_idx(), i.to_string(), "event {i} did not take focus");
                let label = event_label(e, lang);
                assert_eq!(
                    attr(&mark, "aria-label"),
                    mark_name(e, &label, lang),
                    "event {i}"
                );
            }
            // Otherwise counted in a cluster over it, a button that zooms into its events.
            None => assert!(
                clusters.iter().any(|&(t0, t1)| t0 <= b && a <= t1),
                "event {i} ({a}–{b}) is in the window {start}–{end} but neither drawn nor in a cluster"
            ),
        }
    }
    assert!(
        alone > 0,
        "zoomed in 40 notches, some events are drawn one by one"
    );
}
