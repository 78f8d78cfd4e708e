//! Opening a file by dropping it anywhere on the page: while a file is dragged over the window the
//! page says it can take it ([`UseFileDrop::over`]), and a drop reads the file and opens it
//! through [`AppState::open_file`]. Drags of anything but files (text, links) are left to the page.

use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::state::AppState;

/// The drop target's state.
#[derive(Clone, Copy)]
pub struct UseFileDrop {
    /// A file is being dragged over the page.
    pub over: ReadSignal<bool>,
}

fn carries_files(ev: &web_sys::DragEvent) -> bool {
    ev.data_transfer().is_some_and(|t| {
        let types = t.types();
        (0..types.length()).any(|i| types.get(i).as_string().as_deref() == Some("Files"))
    })
}

thread_local! {
    /// Counts files chosen or dropped, so that only the last one opens when reads overlap.
    static CHOSEN: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Opens the file `file` (read, then imported by the state) — unless another is chosen before
/// it has been read.
pub fn open_chosen(app: AppState, file: web_sys::File) {
    let this = CHOSEN.with(|c| {
        c.set(c.get() + 1);
        c.get()
    });
    spawn_local(async move {
        let name = file.name();
        let read = crate::files::read(&file).await;
        if CHOSEN.with(|c| c.get()) != this {
            return;
        }
        match read {
            Ok(bytes) => app.open_file(name, bytes),
            Err(reason) => app.open_failed(name, reason),
        }
    });
}

/// Listens for files dropped on the window. Call once, in the root.
pub fn use_file_drop(app: AppState) -> UseFileDrop {
    let (over, set_over) = signal(false);
    // dragenter/dragleave fire for every child crossed; counting them tells when the drag has
    // really left the window.
    let depth = StoredValue::new(0_i32);
    let enter = window_event_listener(ev::dragenter, move |ev| {
        if carries_files(&ev) {
            depth.update_value(|d| *d += 1);
            set_over.set(true);
        }
    });
    let leave = window_event_listener(ev::dragleave, move |ev| {
        if carries_files(&ev) {
            depth.update_value(|d| *d = (*d - 1).max(0));
            if depth.get_value() == 0 {
                set_over.set(false);
            }
        }
    });
    // Without this the browser would navigate to the dropped file.
    let over_handle = window_event_listener(ev::dragover, move |ev| {
        if carries_files(&ev) {
            ev.prevent_default();
        }
    });
    let drop_handle = window_event_listener(ev::drop, move |ev| {
        if !carries_files(&ev) {
            return;
        }
        ev.prevent_default();
        depth.set_value(0);
        set_over.set(false);
        if let Some(file) = ev
            .data_transfer()
            .and_then(|t| t.files())
            .and_then(|f| f.get(0))
        {
            open_chosen(app, file);
        }
    });
    on_cleanup(move || {
        enter.remove();
        leave.remove();
        over_handle.remove();
        drop_handle.remove();
    });
    UseFileDrop { over }
}
