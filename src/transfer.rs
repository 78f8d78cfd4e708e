//! Data in and out, kept off the page's first download: importing another tool's file, and every
//! export, run in a web worker (`src/bin/transfer.rs`) that the page fetches only the first time
//! a reader opens such a file or takes a view away. The page keeps its own format (and so the
//! bundled dataset) and the rest of the app; the worker carries the importers, the exporters and
//! the picture (`model::import`, `model::export`, `model::picture`).
//!
//! The request and the answer are the same whichever way they travel: [`serve`] answers a
//! request; the page sends it to the worker with the `worker` feature (the release build,
//! `index.html`), or calls [`serve`] itself without it (the browser tests, which have no worker
//! to load). A request is a small JSON header and the file's bytes.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::model::{Dataset, Invalid, Lang, Problem};

/// What the worker says once it listens (before that, a message to it would be lost).
pub const READY: &str = "transfer-worker-ready";

/// What an export writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ExportFormat {
    /// CSV, one row per event.
    Csv,
    /// Our own JSON.
    Json,
    /// iCalendar.
    Ics,
    /// The window as SVG (rasterised to PNG by the page when asked).
    Svg,
    /// The cited sources as CSL-JSON.
    Csl,
    /// The cited sources as BibTeX.
    Bibtex,
}

/// What an export draws, for a picture.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PictureRequest {
    /// The window, in axis days.
    pub window: (f64, f64),
    /// The picture's width in pixels.
    pub width: f64,
    /// The dark theme rather than the light one.
    pub dark: bool,
    /// The address the picture says it came from.
    pub page_url: String,
    /// The day of the export, as the footer writes it.
    pub exported: String,
}

/// An export of the events at `visible` (dataset positions, in the order to write them).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportRequest {
    /// The format.
    pub format: ExportFormat,
    /// The events, by position in the dataset.
    pub visible: Vec<u32>,
    /// The language of the text.
    pub lang: Lang,
    /// Now, in UTC: year, month, day, hour, minute, second (the calendar's stamp).
    pub now: [u32; 6],
    /// For [`ExportFormat::Svg`]: what to draw.
    pub picture: Option<PictureRequest>,
}

/// What the importer did, as the banner shows it: the format's name and the report's lines,
/// already written in each language (the page does not carry the importer's sentences).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportNote {
    /// The format the file was read as ("TimelineJS (JSON)").
    pub format: String,
    /// The report's lines in French, English and Arabic (the order of [`Lang::ALL`]).
    pub lines: [Vec<String>; 3],
}

impl ImportNote {
    /// The report's lines in `lang`.
    pub fn lines(&self, lang: Lang) -> &[String] {
        let i = Lang::ALL.iter().position(|&l| l == lang).unwrap_or(0);
        &self.lines[i]
    }
}

#[derive(Debug, Serialize, Deserialize)]
enum Request {
    Import { file: Option<String> },
    Export(ExportRequest),
}

#[derive(Debug, Serialize, Deserialize)]
enum Reply {
    /// The bytes are the dataset in our format.
    Imported(Option<ImportNote>),
    /// The bytes are the file.
    Exported,
    /// Nothing could be made; every problem, with its place.
    Failed(Vec<(String, String)>),
}

/// A timeline opened: the dataset, what the importer did (`None` for our own format), and the
/// dataset in our format, which exports start from.
#[derive(Debug, Clone)]
pub struct Opened {
    /// The dataset.
    pub dataset: Dataset,
    /// The importer's report, for a file in another format.
    pub note: Option<ImportNote>,
    /// The dataset as our JSON.
    pub raw: Arc<Vec<u8>>,
}

/// Whether `bytes` claim to be our own format (a JSON object naming `schema_version`): such a
/// file is read by the page itself, and its problems are ours to report.
fn looks_like_own(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace());
    start.is_some_and(|i| bytes[i] == b'{') && bytes.windows(16).any(|w| w == b"\"schema_version\"")
}

fn problems(p: Vec<(String, String)>) -> Invalid {
    Invalid(
        p.into_iter()
            .map(|(path, message)| Problem { path, message })
            .collect(),
    )
}

/// Opens a timeline in any format the app reads: ours in the page, anything else through the
/// worker. `file` is its name, when it has one.
pub async fn open(bytes: Vec<u8>, file: Option<String>) -> Result<Opened, Invalid> {
    open_with_progress(bytes, file, Arriving::default(), |_| {}).await
}

/// How long the page reads or checks events before it pauses to draw and answer input (ms):
/// under the 50 ms after which a browser counts a task as long, with room for a batch.
const SLICE_MS: f64 = 40.0;
/// Events read or checked between two looks at the clock.
const BATCH: usize = 64;

/// [`open`], going on from what `arriving` read while the file came in, and telling
/// `on_progress` how far reading our own format has got (a fraction, from 0 to 1: reading the
/// events is the first half, checking them the second).
pub async fn open_with_progress(
    bytes: Vec<u8>,
    file: Option<String>,
    arriving: Arriving,
    on_progress: impl Fn(f64),
) -> Result<Opened, Invalid> {
    if looks_like_own(&bytes) {
        let dataset = read_own(&bytes, arriving.0, &on_progress).await?;
        // Our JSON of an imported timeline (an export of one) is still imported, not audited.
        let note = dataset.origin.as_ref().map(|o| ImportNote {
            format: crate::model::import::report::format_name(o.format).to_string(),
            lines: Default::default(),
        });
        return Ok(Opened {
            dataset,
            note,
            raw: Arc::new(bytes),
        });
    }
    let header = serde_json::to_string(&Request::Import { file }).unwrap_or_default();
    let (reply, raw) = ask(header, bytes)
        .await
        .map_err(|reason| problems(vec![(".".into(), reason)]))?;
    match reply {
        Reply::Imported(note) => {
            let dataset = crate::model::load(&raw)?;
            Ok(Opened {
                dataset,
                note,
                raw: Arc::new(raw),
            })
        }
        Reply::Failed(p) => Err(problems(p)),
        Reply::Exported => Err(problems(vec![(".".into(), "unexpected answer".into())])),
    }
}

/// A file of ours read while it downloads: the events that have arrived are read between two
/// parts of the body ([`Arriving::arrived`]), so that on a slow network reading a big file
/// costs next to nothing once it is there, and on a fast one reading and receiving overlap.
/// What is read is handed to [`open_with_progress`], which reads the rest.
pub struct Arriving(Reading);

impl Default for Arriving {
    fn default() -> Self {
        Self::expecting(None)
    }
}

/// How far an [`Arriving`] file has got.
enum Reading {
    /// Its first bytes do not yet say whether it is ours; how long it is said to be.
    Unknown(Option<usize>),
    /// Ours: the events read so far, and the page's slice of work.
    Own(crate::model::validate::EventReader, Slice),
    /// Not ours (or not said early enough): read once it has all arrived.
    Other,
    /// Ours, but not readable in steps: read whole once it has arrived, to say what is wrong.
    Whole,
}

/// How much of a file must have arrived for its start to say whether it is ours.
const SNIFF_BYTES: usize = 64 << 10;

impl Arriving {
    /// A file said to be `expected` bytes long (its `Content-Length`), about to arrive.
    pub fn expecting(expected: Option<usize>) -> Self {
        Self(Reading::Unknown(expected))
    }

    /// Reads the events of `bytes` (the part of the file that has arrived so far) that have
    /// not been read, pausing for the page whenever a slice of work is over, and telling
    /// `on_progress` then how far reading has got (as [`open_with_progress`] does: reading the
    /// events is the first half), so a big chunk read over several slices shows it moving.
    pub async fn arrived(&mut self, bytes: &[u8], on_progress: impl Fn(f64)) {
        use crate::model::validate::{EventReader, Step};
        if let Reading::Unknown(expected) = self.0 {
            if looks_like_own(bytes) {
                self.0 = Reading::Own(EventReader::expecting(expected), Slice::start());
            } else if bytes.len() >= SNIFF_BYTES {
                self.0 = Reading::Other;
            }
        }
        let Reading::Own(reader, slice) = &mut self.0 else {
            return;
        };
        loop {
            let step = reader.read(bytes, false, BATCH);
            slice
                .pause_after(SLICE_MS, &|| {
                    on_progress(reader.progress(bytes.len(), false) / 2.0)
                })
                .await;
            match step {
                Some(Step::Read) => {}
                Some(Step::Waiting | Step::Done) => return,
                None => break,
            }
        }
        self.0 = Reading::Whole;
    }
}

/// Reads and checks our own format without holding the page for long: the events a slice of
/// [`SLICE_MS`] at a time, with a pause after each for the page to draw and answer. What cannot
/// be read in steps is read whole by [`crate::model::load`], which says what is wrong.
/// `arrived` is what was read while the file arrived.
async fn read_own(
    bytes: &[u8],
    arrived: Reading,
    on_progress: &impl Fn(f64),
) -> Result<Dataset, Invalid> {
    use crate::model::validate::{Checker, EventReader, Step};
    // The slice that was running while the file arrived goes on: the last part of the body and
    // the first events read after it share one slice's budget, rather than one task running
    // both budgets back to back (a 68 ms task at the end of a 100k-event download, traced).
    let (mut reader, mut slice) = match arrived {
        Reading::Own(reader, slice) => (reader, slice),
        Reading::Whole => return crate::model::load(bytes),
        Reading::Unknown(_) | Reading::Other => (EventReader::new(), Slice::start()),
    };
    loop {
        match reader.read(bytes, true, BATCH) {
            Some(Step::Done) => break,
            Some(Step::Read) => {}
            Some(Step::Waiting) | None => return crate::model::load(bytes),
        }
        slice
            .pause_after(SLICE_MS, &|| {
                on_progress(reader.progress(bytes.len(), true) / 2.0)
            })
            .await;
    }
    let Some(dataset) = reader.finish(bytes) else {
        return crate::model::load(bytes);
    };
    let n = dataset.events.len();
    // Checking starts with the ids of every table (of the events too: ~20 ms at 100k events, in
    // one piece), so it starts a slice with room for that.
    slice
        .pause_after(SLICE_MS / 2.0, &|| on_progress(0.5))
        .await;
    let mut checker = Checker::new(&dataset);
    loop {
        let done = checker.events(BATCH);
        if done == n {
            break;
        }
        slice
            .pause_after(SLICE_MS, &|| {
                on_progress((n + done) as f64 / (2 * n) as f64)
            })
            .await;
    }
    let problems = checker.finish();
    if problems.is_empty() {
        Ok(dataset)
    } else {
        Err(Invalid(problems))
    }
}

/// A slice of work on the page's thread: when it has run [`SLICE_MS`], it reports and yields.
/// It keeps the page's `Performance` (none outside a page: then no slice ever ends): looking it
/// up through `window` at every look at the clock cost ~5 ms of a 10k-event load.
struct Slice {
    clock: Option<web_sys::Performance>,
    started: f64,
}

impl Slice {
    fn now(&self) -> f64 {
        self.clock.as_ref().map_or(0.0, |p| p.now())
    }

    fn start() -> Self {
        let mut slice = Self {
            clock: web_sys::window().and_then(|w| w.performance()),
            started: 0.0,
        };
        slice.started = slice.now();
        slice
    }

    /// Reports and yields if the slice has run `ms` or more (`SLICE_MS` when the work that
    /// follows is a batch). The report is a trait object, so there is one copy of this future
    /// for all four callers: generic over it, the page's gzip was 1.2 KB bigger.
    async fn pause_after(&mut self, ms: f64, report: &dyn Fn()) {
        if self.now() - self.started < ms {
            return;
        }
        report();
        // A message to the page itself: the browser draws the progress and handles input in
        // between. Not a zero-delay timer, which browsers stretch to 4 ms once timers nest, and
        // to a second in a background tab.
        let tick = js_sys::Promise::new(&mut |resolve, _| {
            let sent = web_sys::MessageChannel::new().map(|channel| {
                channel.port1().set_onmessage(Some(&resolve));
                channel.port2().post_message(&wasm_bindgen::JsValue::NULL)
            });
            // No channel (never the page's case): go on at once rather than hang.
            if !matches!(sent, Ok(Ok(()))) {
                let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
            }
        });
        let _ = wasm_bindgen_futures::JsFuture::from(tick).await;
        self.started = self.now();
    }
}

/// Makes an export of the dataset `raw` (our JSON, as [`Opened::raw`]).
pub async fn export(request: ExportRequest, raw: Arc<Vec<u8>>) -> Result<Vec<u8>, String> {
    let header = serde_json::to_string(&Request::Export(request)).unwrap_or_default();
    match ask(header, raw.to_vec()).await? {
        (Reply::Exported, bytes) => Ok(bytes),
        (Reply::Failed(p), _) => Err(p
            .into_iter()
            .map(|(path, message)| format!("{path}: {message}"))
            .collect::<Vec<_>>()
            .join("; ")),
        (Reply::Imported(_), _) => Err("unexpected answer".into()),
    }
}

fn reply(r: &Reply, bytes: Vec<u8>) -> (String, Vec<u8>) {
    (serde_json::to_string(r).unwrap_or_default(), bytes)
}

/// Answers one request (in the worker, or in the page without the `worker` feature): the header
/// and the bytes of the answer. Never panics on any header or bytes.
pub fn serve(header: &str, bytes: &[u8]) -> (String, Vec<u8>) {
    use crate::model::import::{Imported, import};
    let failed = |p: Vec<(String, String)>| reply(&Reply::Failed(p), Vec::new());
    let one = |m: &str| vec![(".".to_string(), m.to_string())];
    let Ok(request) = serde_json::from_str::<Request>(header) else {
        return failed(one("the request is not understood"));
    };
    match request {
        Request::Import { file } => match import(bytes, file.as_deref()) {
            Ok(Imported { dataset, report }) => {
                let note = report.format.map(|f| ImportNote {
                    format: crate::model::import::report::format_name(f).to_string(),
                    lines: Lang::ALL.map(|l| report.notes.iter().map(|n| n.text(l)).collect()),
                });
                match serde_json::to_vec(&dataset) {
                    Ok(json) => reply(&Reply::Imported(note), json),
                    Err(e) => failed(one(&e.to_string())),
                }
            }
            Err(Invalid(p)) => failed(p.into_iter().map(|p| (p.path, p.message)).collect()),
        },
        Request::Export(r) => match crate::model::load(bytes) {
            Ok(d) => match made(&d, &r) {
                Ok(out) => reply(&Reply::Exported, out),
                Err(m) => failed(one(&m)),
            },
            Err(Invalid(p)) => failed(p.into_iter().map(|p| (p.path, p.message)).collect()),
        },
    }
}

/// The file an export request asks for.
fn made(d: &Dataset, r: &ExportRequest) -> Result<Vec<u8>, String> {
    use crate::model::EventIdx;
    use crate::model::export::{cite, csv, ics, json};
    use crate::model::picture::{Palette, PictureOptions, timeline_svg};
    let visible: Vec<EventIdx> = r.visible.iter().map(|&i| EventIdx(i)).collect();
    let lang = r.lang;
    Ok(match r.format {
        ExportFormat::Csv => csv::to_csv(d, &visible, lang).into_bytes(),
        ExportFormat::Json => json::to_json(d, &visible).into_bytes(),
        ExportFormat::Ics => {
            let [y, mo, da, h, mi, s] = r.now;
            let now = chrono::NaiveDate::from_ymd_opt(i32::try_from(y).unwrap_or(1970), mo, da)
                .and_then(|x| x.and_hms_opt(h, mi, s))
                .ok_or("the time of the export is not a date")?;
            ics::to_ics(d, &visible, lang, now).into_bytes()
        }
        ExportFormat::Csl => cite::csl_json_for_events(d, &visible, lang).into_bytes(),
        ExportFormat::Bibtex => cite::bibtex_for_events(d, &visible, lang).into_bytes(),
        ExportFormat::Svg => {
            let p = r.picture.as_ref().ok_or("no window to draw")?;
            let picture = timeline_svg(
                d,
                &visible,
                &PictureOptions {
                    window: p.window,
                    width: p.width,
                    lang,
                    palette: if p.dark {
                        Palette::Dark
                    } else {
                        Palette::Light
                    },
                    page_url: &p.page_url,
                    exported: &p.exported,
                },
            );
            picture.svg.into_bytes()
        }
    })
}

/// Sends a request and waits for its answer.
async fn ask(header: String, bytes: Vec<u8>) -> Result<(Reply, Vec<u8>), String> {
    let (head, out) = transport::ask(header, bytes).await?;
    let reply = serde_json::from_str(&head).map_err(|e| e.to_string())?;
    Ok((reply, out))
}

/// Without the `worker` feature the page answers its own requests, by the same [`serve`].
#[cfg(not(feature = "worker"))]
mod transport {
    pub async fn ask(header: String, bytes: Vec<u8>) -> Result<(String, Vec<u8>), String> {
        Ok(super::serve(&header, &bytes))
    }
}

/// With the `worker` feature, requests go to the worker, started on the first request and kept;
/// if it fails (it could not be loaded, or it stopped), every waiting request fails with the
/// reason and the next one starts a new worker.
#[cfg(feature = "worker")]
mod transport {
    use std::cell::RefCell;
    use std::collections::HashMap;
    use std::rc::Rc;

    use js_sys::{Array, Function, Promise, Uint8Array};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen_futures::JsFuture;

    /// The worker's script, next to `index.html` (Trunk names a worker's files after its binary).
    const SCRIPT: &str = "transfer_loader.js";

    type Pending = Rc<RefCell<HashMap<u32, (Function, Function)>>>;

    struct Client {
        worker: web_sys::Worker,
        pending: Pending,
        next: u32,
        /// Messages waiting for the worker to say it listens (`None` once it has).
        waiting: Rc<RefCell<Option<Vec<Array>>>>,
    }

    thread_local! {
        static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
    }

    fn fail_all(pending: &Pending, reason: &str) {
        for (_, (_, reject)) in pending.borrow_mut().drain() {
            let _ = reject.call1(&JsValue::NULL, &JsValue::from_str(reason));
        }
    }

    fn start() -> Result<Client, String> {
        let worker = crate::worker::start(SCRIPT)?;
        let pending: Pending = Rc::default();
        let answers = pending.clone();
        let waiting: Rc<RefCell<Option<Vec<Array>>>> = Rc::new(RefCell::new(Some(Vec::new())));
        let queued = waiting.clone();
        let to = worker.clone();
        let on_message = move |ev: web_sys::MessageEvent| {
            if ev.data().as_string().as_deref() == Some(super::READY) {
                for m in queued.borrow_mut().take().unwrap_or_default() {
                    let _ = to.post_message(&m);
                }
                return;
            }
            let data: Array = ev.data().unchecked_into();
            let id = data.get(0).as_f64().unwrap_or(-1.0) as u32;
            if let Some((resolve, _)) = answers.borrow_mut().remove(&id) {
                let _ = resolve.call1(&JsValue::NULL, &data);
            }
        };
        let failures = pending.clone();
        let on_error = move |ev: web_sys::Event| {
            ev.prevent_default();
            let reason = ev
                .dyn_ref::<web_sys::ErrorEvent>()
                .map(|e| e.message())
                .filter(|m| !m.is_empty())
                .unwrap_or_else(|| "the worker could not be loaded".into());
            fail_all(&failures, &reason);
            // The next request starts a new worker.
            CLIENT.with(|c| c.borrow_mut().take());
        };
        crate::worker::listen(&worker, on_message, on_error);
        Ok(Client {
            worker,
            pending,
            next: 0,
            waiting,
        })
    }

    pub async fn ask(header: String, bytes: Vec<u8>) -> Result<(String, Vec<u8>), String> {
        let promise = CLIENT.with(|cell| -> Result<Promise, String> {
            let mut cell = cell.borrow_mut();
            if cell.is_none() {
                *cell = Some(start()?);
            }
            let client = cell.as_mut().expect("started above");
            let id = client.next;
            client.next = client.next.wrapping_add(1);
            let pending = client.pending.clone();
            let promise = Promise::new(&mut |resolve, reject| {
                pending.borrow_mut().insert(id, (resolve, reject));
            });
            let message = Array::of3(
                &JsValue::from(id),
                &JsValue::from_str(&header),
                &Uint8Array::from(bytes.as_slice()),
            );
            match client.waiting.borrow_mut().as_mut() {
                Some(queue) => queue.push(message),
                None => client
                    .worker
                    .post_message(&message)
                    .map_err(|_| "the request could not be sent to the worker".to_string())?,
            }
            Ok(promise)
        })?;
        let answer = JsFuture::from(promise)
            .await
            .map_err(|e| e.as_string().unwrap_or_else(|| "the worker failed".into()))?;
        let answer: Array = answer.unchecked_into();
        let head = answer.get(1).as_string().unwrap_or_default();
        let out = Uint8Array::new(&answer.get(2)).to_vec();
        Ok((head, out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHIPPED: &[u8] = include_bytes!("../public/data/cooperation.json");
    const EXAMPLE: &[u8] = include_bytes!("../tests/data/import/example-timelinejs.json");

    fn answer(r: &Request, bytes: &[u8]) -> (Reply, Vec<u8>) {
        let (head, out) = serve(&serde_json::to_string(r).unwrap(), bytes);
        (serde_json::from_str(&head).unwrap(), out)
    }

    #[test]
    fn our_format_is_recognised_without_the_worker() {
        assert!(looks_like_own(SHIPPED));
        assert!(looks_like_own(b"\xEF\xBB\xBF  {\"schema_version\": 1}"));
        assert!(!looks_like_own(EXAMPLE));
        assert!(!looks_like_own(b"title,start\nx,2020\n"));
        assert!(!looks_like_own(b"[{\"schema_version\": 1}]"));
    }

    #[test]
    fn an_import_answers_our_json_and_the_report_in_every_language() {
        let (reply, json) = answer(
            &Request::Import {
                file: Some("library.json".into()),
            },
            EXAMPLE,
        );
        let Reply::Imported(Some(note)) = reply else {
            panic!("{reply:?}");
        };
        assert_eq!(note.format, "TimelineJS (JSON)");
        let d = crate::model::load(&json).expect("our format");
        assert_eq!(d.events.len(), 3);
        assert!(
            note.lines(Lang::En)
                .iter()
                .any(|l| l == "3 events imported")
        );
        assert_eq!(note.lines(Lang::Fr).len(), note.lines(Lang::Ar).len());
    }

    #[test]
    fn a_bad_file_or_request_answers_its_problems() {
        let (reply, _) = answer(&Request::Import { file: None }, b"not a timeline");
        assert!(matches!(reply, Reply::Failed(p) if !p.is_empty()));
        let (head, _) = serve("{nonsense", b"");
        assert!(head.contains("not understood"), "{head}");
    }

    #[test]
    fn an_export_answers_the_file() {
        let d = crate::model::load(SHIPPED).unwrap();
        let i = d.event_idx("cmm-22").unwrap().0;
        let (reply, csv) = answer(
            &Request::Export(ExportRequest {
                format: ExportFormat::Csv,
                visible: vec![i],
                lang: Lang::En,
                now: [2026, 12, 2, 8, 0, 0],
                picture: None,
            }),
            SHIPPED,
        );
        assert!(matches!(reply, Reply::Exported));
        let csv = String::from_utf8(csv).unwrap();
        assert_eq!(csv.trim_end().lines().count(), 2);
        assert!(csv.contains("cmm-22"));
        let (reply, _) = answer(
            &Request::Export(ExportRequest {
                format: ExportFormat::Svg,
                visible: vec![i],
                lang: Lang::En,
                now: [2026, 12, 2, 8, 0, 0],
                picture: None,
            }),
            SHIPPED,
        );
        assert!(
            matches!(reply, Reply::Failed(_)),
            "a picture needs its window"
        );
    }
}
