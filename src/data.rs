//! Fetching a timeline over HTTP (`fetch`, read through gloo-net) and opening it
//! (`transfer::open_with_progress`): reading the body in chunks so the loading screen can show
//! how much has arrived (and how far reading its events has got), reading the events of our own
//! format as they arrive (`transfer::Arriving`), giving up when nothing has arrived for
//! [`LOAD_TIMEOUT`] (a stalled mobile connection, a server that accepts and hangs) and
//! cancelling that request, and turning every way a load can fail into a [`LoadError`] the
//! error screen can explain.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::set_timeout_with_handle;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::model::{self, Problem};
use crate::transfer::{Arriving, Opened, open_with_progress};

/// Where the bundled dataset lives, relative to the document base (so sub-path hosting works).
pub const DEFAULT_DATA_URL: &str = "data/cooperation.json";

/// How long a load may go without receiving anything (no answer, or no new bytes) before it is
/// abandoned. Long enough for a slow phone network to deliver the next chunk, short enough that
/// a reader is not left waiting on a dead connection.
pub const LOAD_TIMEOUT: Duration = Duration::from_secs(30);

/// Why the dataset could not be shown.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    /// The request did not complete (offline, blocked, bad URL).
    #[error("could not fetch {url}: {reason}")]
    Network {
        /// What was requested.
        url: String,
        /// The browser's reason.
        reason: String,
    },
    /// Nothing arrived for [`LOAD_TIMEOUT`] (or the time-out the app was given).
    #[error("{url}: nothing received for {seconds} s; the request was cancelled")]
    Timeout {
        /// What was requested.
        url: String,
        /// How long the load waited, in seconds.
        seconds: u64,
    },
    /// The server answered with an error status.
    #[error("{url} answered HTTP {status} {status_text}")]
    Http {
        /// What was requested.
        url: String,
        /// The HTTP status.
        status: u16,
        /// Its reason phrase.
        status_text: String,
    },
    /// The file arrived but is not a valid dataset.
    #[error("{url} is not a valid dataset ({} problem(s))", problems.len())]
    Invalid {
        /// What was requested.
        url: String,
        /// Every problem, with its JSON path.
        problems: Vec<Problem>,
    },
}

/// How much of the dataset has arrived: bytes received, and the total when the server said it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    /// Bytes received so far.
    pub received: u64,
    /// The size announced by the server (`Content-Length`), when known and consistent with what
    /// arrived (a compressed transfer announces fewer bytes than the body has).
    pub total: Option<u64>,
    /// Once it has all arrived: how far reading and checking its events has got, in thousandths
    /// (a big file takes a while, and the page stays live meanwhile).
    pub reading: Option<u16>,
}

impl Progress {
    /// This progress, with reading its events `fraction` (0 to 1) of the way.
    fn reading(self, fraction: f64) -> Self {
        Self {
            reading: Some((fraction.clamp(0.0, 1.0) * 1000.0) as u16),
            ..self
        }
    }
}

/// A watchdog that gives up on a request when it is not fed for `timeout`: it aborts the request
/// and cancels the body's reader (a body need not be tied to the request's signal — one built by
/// a service worker is not — and a pending read must end either way).
struct Watchdog {
    controller: web_sys::AbortController,
    reader: Rc<RefCell<Option<Body>>>,
    timeout: Duration,
    fired: Rc<Cell<bool>>,
    timer: Cell<Option<leptos::prelude::TimeoutHandle>>,
}

impl Watchdog {
    fn new(controller: web_sys::AbortController, timeout: Duration) -> Self {
        let dog = Self {
            controller,
            reader: Rc::new(RefCell::new(None)),
            timeout,
            fired: Rc::new(Cell::new(false)),
            timer: Cell::new(None),
        };
        dog.feed();
        dog
    }

    /// Something arrived: the time-out starts again.
    fn feed(&self) {
        if let Some(t) = self.timer.take() {
            t.clear();
        }
        let (controller, reader, fired) = (
            self.controller.clone(),
            self.reader.clone(),
            self.fired.clone(),
        );
        let handle = set_timeout_with_handle(
            move || {
                fired.set(true);
                controller.abort();
                if let Some(r) = reader.borrow().as_ref() {
                    r.cancel();
                }
            },
            self.timeout,
        );
        self.timer.set(handle.ok());
    }
}

impl Drop for Watchdog {
    fn drop(&mut self) {
        if let Some(t) = self.timer.take() {
            t.clear();
        }
    }
}

/// A request for a timeline, sent when it is made ([`send`]) rather than when its reading
/// starts: the page builds its first view while the file travels. (Sent from inside the
/// reading's future, it waited for that view, ~80 ms at the first load.)
pub struct Sent {
    url: String,
    dog: Watchdog,
    /// `fetch`'s promise of a response, or why there is none.
    response: Result<js_sys::Promise, String>,
}

/// Sends the request for the timeline at `url`. `controller` cancels it (a newer attempt does,
/// and so does the time-out); `timeout` is how long to wait for the next sign of life, from now.
pub fn send(url: &str, controller: web_sys::AbortController, timeout: Duration) -> Sent {
    let dog = Watchdog::new(controller.clone(), timeout);
    let init = web_sys::RequestInit::new();
    init.set_signal(Some(&controller.signal()));
    let response = web_sys::window()
        .map(|w| w.fetch_with_str_and_init(url, &init))
        .ok_or_else(|| "this page has no window to fetch from".to_string());
    Sent {
        url: url.to_string(),
        dog,
        response,
    }
}

/// Receives the timeline a [`send`] asked for and reads it in any format the importer knows
/// (our own, or TimelineJS, vis-timeline, CSV), reporting progress as bytes arrive.
pub async fn fetch_dataset(
    sent: Sent,
    on_progress: impl Fn(Progress),
) -> Result<Opened, LoadError> {
    let Sent { url, dog, response } = sent;
    let url = url.as_str();
    let failed = |reason: String| {
        if dog.fired.get() {
            LoadError::Timeout {
                url: url.to_string(),
                seconds: dog.timeout.as_secs(),
            }
        } else {
            LoadError::Network {
                url: url.to_string(),
                reason,
            }
        }
    };
    let response = JsFuture::from(response.map_err(failed)?)
        .await
        .map_err(|e| failed(js_reason(&e)))?;
    let response: gloo_net::http::Response = response
        .dyn_into::<web_sys::Response>()
        .map_err(|_| failed("the answer is not a response".into()))?
        .into();
    dog.feed();
    if !response.ok() {
        return Err(LoadError::Http {
            url: url.to_string(),
            status: response.status(),
            status_text: response.status_text(),
        });
    }
    let announced = response
        .headers()
        .get("content-length")
        .and_then(|s| s.trim().parse::<u64>().ok());
    let mut bytes = Vec::with_capacity(announced.unwrap_or(0).min(64 << 20) as usize);
    make_heap_room(bytes.capacity());
    let report = |received: u64| Progress {
        received,
        total: announced.filter(|&t| t >= received),
        reading: None,
    };
    on_progress(report(0));
    let mut arriving = Arriving::expecting(announced.and_then(|n| usize::try_from(n).ok()));
    match response.body() {
        Some(body) => {
            let reader = Body::new(&body)
                .ok_or_else(|| failed("the response body cannot be read".into()))?;
            dog.reader.replace(Some(reader.clone()));
            loop {
                let chunk = JsFuture::from(reader.read())
                    .await
                    .map_err(|e| failed(js_reason(&e)))?;
                dog.feed();
                let done = js_sys::Reflect::get(&chunk, &"done".into())
                    .ok()
                    .and_then(|v| v.as_bool())
                    .unwrap_or(true);
                if done {
                    break;
                }
                if let Ok(value) = js_sys::Reflect::get(&chunk, &"value".into())
                    && let Ok(array) = value.dyn_into::<js_sys::Uint8Array>()
                {
                    append(&mut bytes, &array);
                    reader.give_back(&array);
                    let received = report(bytes.len() as u64);
                    on_progress(received);
                    arriving
                        .arrived(&bytes, |f| on_progress(received.reading(f)))
                        .await;
                }
            }
        }
        // No stream (an empty body): read it whole.
        None => {
            bytes = response.binary().await.map_err(|e| failed(e.to_string()))?;
            on_progress(report(bytes.len() as u64));
        }
    }
    // A cancelled read ends like a finished one: what arrived is not the whole file.
    if dog.fired.get() {
        return Err(failed(String::new()));
    }
    drop(dog);
    // The format is recognised from the content; the address's last segment names the file.
    // Without its query (`…/pub?output=csv`, a published spreadsheet) or fragment.
    let path = url.split(['?', '#']).next().unwrap_or(url);
    let name = path.rsplit('/').next().filter(|n| !n.is_empty());
    let arrived = report(bytes.len() as u64);
    open_with_progress(bytes, name.map(str::to_string), arriving, |f| {
        on_progress(arrived.reading(f));
    })
    .await
    .map_err(|model::Invalid(problems)| LoadError::Invalid {
        url: url.to_string(),
        problems,
    })
}

/// A response's body, read chunk by chunk: into one buffer, reused, where the browser can read
/// the body so (a "BYOB" reader, for a stream of bytes), else with the plain reader, which
/// makes a new buffer for each chunk: fresh memory for the browser to fill and then collect,
/// for which a page simulating our reading of 61 MB waited 24–46 ms longer (README,
/// Performance).
#[derive(Clone)]
enum Body {
    /// The reader, and the buffer the next read fills (given back after each chunk is copied).
    Reused(
        web_sys::ReadableStreamByobReader,
        Rc<RefCell<js_sys::ArrayBuffer>>,
    ),
    /// The plain reader.
    Plain(web_sys::ReadableStreamDefaultReader),
}

/// How much one read into the reused buffer may bring: the browser hands a body over at most
/// 2 MiB at a time.
const CHUNK_BYTES: u32 = 2 << 20;

impl Body {
    fn new(body: &web_sys::ReadableStream) -> Option<Self> {
        if let Ok(r) = web_sys::ReadableStreamByobReader::new(body) {
            let buffer = js_sys::ArrayBuffer::new(CHUNK_BYTES);
            return Some(Self::Reused(r, Rc::new(RefCell::new(buffer))));
        }
        body.get_reader().dyn_into().ok().map(Self::Plain)
    }

    /// The promise of the next chunk (`{ done, value }`, `value` a `Uint8Array`).
    fn read(&self) -> js_sys::Promise {
        match self {
            Self::Reused(r, buffer) => {
                r.read_with_array_buffer_view(&js_sys::Uint8Array::new(&buffer.borrow()))
            }
            Self::Plain(r) => r.read(),
        }
    }

    /// Takes back the buffer of a chunk once it is copied: a read hands its buffer over, and the
    /// chunk is a view of it.
    fn give_back(&self, chunk: &js_sys::Uint8Array) {
        if let Self::Reused(_, buffer) = self {
            buffer.replace(chunk.buffer());
        }
    }

    fn cancel(&self) {
        let _ = match self {
            Self::Reused(r, _) => r.cancel(),
            Self::Plain(r) => r.cancel(),
        };
    }
}

/// Grows the wasm heap at once by half again a file of `len` bytes, before reading it: the
/// events read from it take that and more (at 10k events the heap ends at 17.6 MiB for a 6 MB
/// file, with or without this), and the allocator otherwise grew it in ~100 steps as they were
/// read, some of which cost the page 2–6 ms (23 ms of a 10k-event load's main thread in all; 1–5
/// ms with this). The room is freed at once and the allocator hands it out again (`black_box`,
/// so that the compiler cannot drop an allocation nothing reads).
fn make_heap_room(len: usize) {
    drop(std::hint::black_box(Vec::<u8>::with_capacity(len / 2 * 3)));
}

/// Appends a chunk of the body to what has arrived, copied once, straight into the vector's
/// spare room. (Zero-filling the room first, as `resize` then `copy_to` would, cost ~60 ms over
/// a 61 MB file; a copy through a temporary `Vec` then into `bytes` cost 7–10 ms of a 10k-event
/// load's main thread.)
fn append(bytes: &mut Vec<u8>, chunk: &js_sys::Uint8Array) {
    let n = chunk.length() as usize;
    bytes.reserve(n);
    let len = bytes.len();
    chunk.copy_to_uninit(&mut bytes.spare_capacity_mut()[..n]);
    // SAFETY: `copy_to_uninit` has just written all `n` bytes after `len` (it panics, rather
    // than returning, on a length mismatch, which `[..n]` rules out).
    unsafe { bytes.set_len(len + n) };
}

/// A readable reason from a rejected promise (usually an `Error` with a message).
fn js_reason(e: &wasm_bindgen::JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "the connection failed".into())
}
