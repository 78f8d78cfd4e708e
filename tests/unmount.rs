//! A deferred callback must never outlive its component: moving focus on the next animation frame
//! after the timeline is gone (the list view, Back to a link with the list view) used to panic,
//! which ends a release build. In its own test binary because it watches for panics with the panic
//! hook, which a failing test elsewhere would trip.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::*;

/// Records panics (and still reports them the usual way) while alive.
struct PanicRecorder;

static PANICKED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

impl PanicRecorder {
    fn start() -> Self {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            PANICKED.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            previous(info);
        }));
        PANICKED.store(0, std::sync::atomic::Ordering::SeqCst);
        Self
    }

    fn count(&self) -> usize {
        PANICKED.load(std::sync::atomic::Ordering::SeqCst)
    }
}

/// Bug: the deferred focus callback read the timeline's node and flag after the timeline was gone
/// (the list view), and panicked — which ends a release build.
#[wasm_bindgen_test]
async fn leaving_the_timeline_mid_move_does_not_panic() {
    let (root, _handle) = loaded(DATA).await;
    // After mounting: the test mount installs console_error_panic_hook, which would replace it.
    let panics = PanicRecorder::start();
    let mut focused = focus_first_event(&root).await;
    for _ in 0..5 {
        // An arrow key asks for focus on the next frame; the list view removes the timeline first.
        key(&focused, "ArrowRight");
        // Let the focus effect run and ask for the next frame, then leave before that frame.
        leptos::task::tick().await;
        click(&root, "[data-testid=view-list]");
        sleep(120).await;
        click(&root, "[data-testid=view-timeline]");
        wait_until("timeline back", || {
            !all(&root, "[data-testid=session]").is_empty()
        })
        .await;
        focused = focus_first_event(&root).await;
    }
    assert_eq!(panics.count(), 0, "a deferred callback panicked");
}
