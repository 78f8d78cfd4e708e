//! Browser tests of data in and out: a file dropped on the page opens, TimelineJS and CSV files
//! open by address, an export downloads a file whose content is checked, and `?embed=1` shows
//! the compact view whose Embed code and link carry the view.
#![cfg(target_arch = "wasm32")]

use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::*;

const TIMELINEJS: &str = include_str!("data/import/example-timelinejs.json");

fn js(body: &str) -> JsValue {
    Function::new_no_args(body).call0(&JsValue::NULL).unwrap()
}

fn marks(root: &Element) -> usize {
    all(root, ".mark").len()
}

/// Drops a file called `name` holding `text` on the page, as a reader dragging it from the
/// desktop would (dragenter, then drop, with a real `DataTransfer`).
fn drop_file(name: &str, text: &str) {
    let f = Function::new_with_args(
        "name, text",
        "const dt = new DataTransfer();
         dt.items.add(new File([text], name, { type: 'application/json' }));
         for (const type of ['dragenter', 'dragover', 'drop']) {
           document.body.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
         }",
    );
    f.call2(&JsValue::NULL, &name.into(), &text.into()).unwrap();
}

#[wasm_bindgen_test]
async fn a_timelinejs_file_dropped_on_the_page_opens_with_what_was_dropped_said() {
    let (root, _handle) = loaded(DATA).await;
    drop_file("library.json", TIMELINEJS);
    wait_until("the imported title", || {
        text(&root, "h1").contains("Example library history")
    })
    .await;
    wait_until("the imported events", || marks(&root) >= 1).await;
    let banner = text(&root, "[data-testid=import-banner]");
    assert!(banner.contains("TimelineJS"), "{banner}");
    // The era is a period, and the dropped time of day and display date are said.
    let details = text(&root, "[data-testid=import-report]");
    assert!(details.contains('1'), "{details}");
    assert!(!has(&root, "[data-testid=error]"));
    // HTML in the file is text, never markup.
    assert!(!has(&root, "h1 em"), "no <em> from the file's headline");
}

#[wasm_bindgen_test]
async fn a_timelinejs_file_by_address_opens() {
    let (root, _handle) = mount_app("/tests/data/import/example-timelinejs.json");
    wait_until("loaded", || {
        text(&root, "h1").contains("Example library history")
    })
    .await;
    wait_until("marks", || marks(&root) > 0).await;
    assert!(text(&root, "[data-testid=import-banner]").contains("TimelineJS"));
}

#[wasm_bindgen_test]
async fn a_csv_by_address_opens_with_its_lanes() {
    let (root, _handle) = mount_app("/tests/data/import/example.csv");
    wait_until("loaded", || has(&root, "[data-testid=import-banner]")).await;
    wait_until("marks", || marks(&root) > 0).await;
    let lanes = text(&root, ".timeline");
    assert!(
        lanes.contains("Programmes") && lanes.contains("Reviews"),
        "{lanes}"
    );
}

#[wasm_bindgen_test]
async fn a_file_that_is_no_timeline_shows_where_and_what() {
    let (root, _handle) = loaded(DATA).await;
    drop_file("broken.csv", "title,start\nOne,2020-13-01\n");
    wait_until("error", || has(&root, "[data-testid=error]")).await;
    let problems = text(&root, "[data-testid=problem]");
    assert!(problems.contains("line 2"), "{problems}");
    // The file cannot be fetched again: the button goes back to the timeline it replaced.
    assert_eq!(
        text(&root, "[data-testid=retry]"),
        "Back to the previous timeline"
    );
    click(&root, "[data-testid=retry]");
    wait_until("the timeline again", || has(&root, "[data-testid=session]")).await;
}

/// Catches the next downloads: their file names and contents, read back from the Blob URL the
/// app made (the download itself is cancelled, so the test leaves nothing on disk).
struct Downloads;

impl Downloads {
    fn start() -> Self {
        js("window.__ctDownloads = [];
            window.__ctCatch = e => {
              const a = e.target;
              if (a instanceof HTMLAnchorElement && a.hasAttribute('download')) {
                e.preventDefault();
                window.__ctDownloads.push({ name: a.download, href: a.href });
              }
            };
            document.addEventListener('click', window.__ctCatch, true);");
        Self
    }

    async fn next(&self, root: &Element) -> (String, Vec<u8>) {
        for _ in 0..100 {
            if js("return window.__ctDownloads.length").as_f64() >= Some(1.0) {
                break;
            }
            sleep(50).await;
        }
        assert!(
            js("return window.__ctDownloads.length").as_f64() >= Some(1.0),
            "no download; the dialog says: {:?}",
            text(root, "[data-testid=export-status]")
        );
        let d = js("return window.__ctDownloads.shift()");
        let get = |k: &str| Reflect::get(&d, &k.into()).unwrap().as_string().unwrap();
        let (name, href) = (get("name"), get("href"));
        let response: web_sys::Response =
            JsFuture::from(web_sys::window().unwrap().fetch_with_str(&href))
                .await
                .unwrap()
                .unchecked_into();
        let body = JsFuture::from(response.array_buffer().unwrap())
            .await
            .unwrap();
        (name, js_sys::Uint8Array::new(&body).to_vec())
    }

    async fn next_text(&self, root: &Element) -> (String, String) {
        let (name, bytes) = self.next(root).await;
        (name, String::from_utf8(bytes).expect("UTF-8 text"))
    }
}

impl Drop for Downloads {
    fn drop(&mut self) {
        js("document.removeEventListener('click', window.__ctCatch, true)");
    }
}

#[wasm_bindgen_test]
async fn exports_download_the_filtered_events_in_each_format() {
    set_url("?lanes=commission");
    let (root, _handle) = mount(DATA, true);
    wait_until("loaded", || has(&root, "[data-testid=session]")).await;
    let downloads = Downloads::start();
    click(&root, "[data-testid=export]");
    wait_until("the dialog", || {
        one(&root, "[data-testid=export-dialog]").has_attribute("open")
    })
    .await;
    let count = text(&root, "[data-testid=export-count]");
    let shown: usize = count
        .split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{count}"));
    assert!(shown >= 5, "{count}");

    click(&root, "[data-testid=export-csv]");
    let (name, csv) = downloads.next_text(&root).await;
    assert!(name.ends_with(".csv"), "{name}");
    let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
    assert!(
        lines[0]
            .trim_start_matches('\u{feff}')
            .starts_with("id,title,start,end,lane"),
        "{}",
        lines[0]
    );
    assert_eq!(lines.len() - 1, shown, "one row per event shown");
    assert!(
        lines.iter().skip(1).all(|l| l.contains(",commission,")),
        "{csv}"
    );
    assert!(csv.contains("cmm-22") && csv.contains("https://"), "{csv}");

    click(&root, "[data-testid=export-ics]");
    let (name, ics) = downloads.next_text(&root).await;
    assert!(name.ends_with(".ics"), "{name}");
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"), "{ics}");
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), shown);
    assert!(ics.contains("UID:cmm-22@"), "{ics}");

    click(&root, "[data-testid=export-json]");
    let (_, json) = downloads.next_text(&root).await;
    let d = cooperation_timeline::model::load(json.as_bytes()).expect("the app reads its export");
    assert_eq!(d.events.len(), shown);

    click(&root, "[data-testid=export-bibtex]");
    let (name, bib) = downloads.next_text(&root).await;
    assert!(
        name.ends_with(".bib") && bib.contains("@misc{"),
        "{name}: {bib}"
    );

    click(&root, "[data-testid=export-svg]");
    let (name, svg) = downloads.next_text(&root).await;
    assert!(name.ends_with(".svg") && svg.contains("<svg"), "{name}");
    // Every session shown is in the picture, named.
    assert!(
        svg.contains("22nd session"),
        "the picture names the 22nd session"
    );

    click(&root, "[data-testid=export-png]");
    let (name, png) = downloads.next(&root).await;
    assert!(name.ends_with(".png"), "{name}");
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "a PNG file");
    let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
    assert!(width >= 960, "twice the picture's width at least: {width}");
    set_url("");
}

#[wasm_bindgen_test]
async fn embed_shows_the_timeline_and_record_with_a_link_to_the_full_view() {
    set_url("?embed=1&event=cmm-22&lang=en");
    let (root, _handle) = mount(DATA, true);
    wait_until("loaded", || has(&root, "[data-testid=session]")).await;
    wait_until("the record", || {
        text(&root, "[data-testid=detail]").contains("22nd")
    })
    .await;
    assert!(has(&root, ".app--embed"));
    for gone in [
        "[data-testid=open]",
        "[data-testid=export]",
        ".side",
        "[data-testid=view-list]",
    ] {
        assert!(!has(&root, gone), "{gone} is not in the embedded view");
    }
    let link = one(&root, "[data-testid=embed-full]");
    let href = attr(&link, "href");
    assert!(
        href.contains("event=cmm-22") && !href.contains("embed"),
        "{href}"
    );
    assert_eq!(attr(&link, "target"), "_blank");
    set_url("");
}

#[wasm_bindgen_test]
async fn the_embed_dialog_writes_an_iframe_for_the_current_view() {
    set_url("?event=cmm-22&lang=fr");
    let (root, _handle) = mount(DATA, true);
    wait_until("loaded", || has(&root, "[data-testid=session]")).await;
    click(&root, "[data-testid=embed]");
    let code = || {
        one(&root, "[data-testid=embed-code]")
            .unchecked_into::<web_sys::HtmlTextAreaElement>()
            .value()
    };
    wait_until("the code", || code().contains("<iframe")).await;
    let c = code();
    assert!(
        c.contains("embed=1") && c.contains("event=cmm-22") && c.contains("lang=fr"),
        "{c}"
    );
    assert!(
        c.contains("height=\"640\"") && c.contains("title=\""),
        "{c}"
    );
    let height =
        one(&root, "[data-testid=embed-height]").unchecked_into::<web_sys::HtmlInputElement>();
    height.set_value("480");
    height
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    wait_until("the new height", || code().contains("height=\"480\"")).await;
    let keep = one(&root, "[data-testid=embed-keep-selection]");
    keep.unchecked_ref::<web_sys::HtmlElement>().click();
    wait_until("no selection", || !code().contains("event=")).await;
    set_url("");
}

/// TimelineJS's cosmological scale: a file of deep time (our own, like TimelineJS's example)
/// opens with its axis in billions of years, and zooms from 4.6 billion years down to a few
/// centuries around its latest event, which stays drawn where it belongs, named, with the axis
/// in years BC.
#[wasm_bindgen_test]
async fn deep_time_opens_and_zooms_to_centuries() {
    // The app's stylesheet, so that marks are laid out where the browser puts them (removed
    // with the guard, or by the next app mounted if this test fails).
    let _styles = app_styles();
    let (root, _handle) = mount_app("/tests/data/import/deep-time.json");
    wait_until("loaded", || text(&root, "h1").contains("Deep time test")).await;
    wait_until("marks", || marks(&root) > 0).await;
    sleep(100).await;
    let axis = text(&root, ".axis");
    assert!(axis.contains("billion BC"), "{axis}");
    let (start, end, _) = window_of(&root);
    let area = one(&root, "[data-testid=timeline]");
    let rect = area.get_bounding_client_rect();
    // Zoom in about the latest event (the middle of 3500 BC), as a reader would with the wheel,
    // bringing it back to the middle with a sideways scroll whenever it nears the edge (the
    // wheel's whole-pixel position drifts a little at each notch).
    let latest_t = cooperation_timeline::model::date::year_start(-3_499) + 182.5;
    let x_of = |(a, b, width): (f64, f64, f64)| (latest_t - a) / (b - a) * width;
    for _ in 0..26 {
        let (a, b, width) = window_of(&root);
        wheel(
            &area,
            rect.left() + x_of((a, b, width)).clamp(1.0, width - 1.0),
            -400.0,
        );
        sleep(40).await;
        let x = x_of(window_of(&root));
        if !(40.0..=width - 40.0).contains(&x) {
            pan(&area, x - width / 2.0);
            sleep(40).await;
        }
    }
    let (a, b, _) = settled(&root).await;
    assert!((b - a) / (end - start) < 1e-6, "zoomed to {a}..{b}");
    let latest = all(&root, ".mark")
        .into_iter()
        .find(|m| attr(m, "aria-label").contains("Latest example"))
        .unwrap_or_else(|| {
            let names: Vec<String> = all(&root, ".mark")
                .iter()
                .map(|m| attr(m, "aria-label"))
                .collect();
            panic!("no latest event alone in {a}..{b}: {names:?}")
        });
    let r = latest.get_bounding_client_rect();
    let centre = r.left() + r.width() / 2.0;
    assert!(
        centre >= rect.left() && centre <= rect.right(),
        "{centre} outside {}..{}",
        rect.left(),
        rect.right()
    );
    let axis = text(&root, ".axis");
    assert!(axis.contains("BC") && !axis.contains("NaN"), "{axis}");
    assert!(!has(&root, "[data-testid=error]"));

    // Taken away: our JSON keeps deep years; a calendar, which has none, leaves the events out
    // and says so.
    let downloads = Downloads::start();
    click(&root, "[data-testid=export]");
    click(&root, "[data-testid=export-json]");
    let (_, json) = downloads.next_text(&root).await;
    let d = cooperation_timeline::model::load(json.as_bytes()).expect("the app reads its export");
    assert_eq!(d.events[0].date.start.to_string(), "-4599999999");
    click(&root, "[data-testid=export-ics]");
    let (_, ics) = downloads.next_text(&root).await;
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 0, "{ics}");
    wait_until("the calendar's note", || {
        text(&root, "[data-testid=export-status]").contains("4 events before AD 1")
    })
    .await;
}
