//! The sketch drawn off the page's main thread. With the `worker` feature, the lanes' canvas is
//! handed to the sketch worker (`src/bin/sketch.rs`), which draws each lane's band with the same
//! `Brush` the page would use ([`serve`]); the page works out what to draw and sends it
//! ([`Remote`]). The messages' shapes travel as numbers, a label's text as its number in a table
//! both ends keep ([`encode`], [`decode`], [`Texts`], pure and tested natively).
//!
//! Why: Chromium draws what a script drew on a canvas of the page on the page's main thread, when
//! the frame is handed to the compositor, and without a GPU (as the bench runs) that was 3–13 ms
//! of each zoom frame at 10k events (traced). A canvas handed to a worker is drawn, and handed to
//! the compositor, by the worker: on a test page with 350 copies a frame, the main thread's work
//! over 30 frames went from 108 to 23 ms (headless Chromium, traced). The page keeps what only it
//! knows: the marks, the styles, the screen.
// Without the feature the page draws itself: only the messages (tested) and the worker's end.
#![cfg_attr(not(feature = "worker"), allow(dead_code))]

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use js_sys::{Array, Float64Array};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use super::sketch::{Brush, Palette, Shape, Tone, later};
use super::sprites::{context_2d, wipe};

/// What the worker says once it listens: the page holds its messages until then. It names the
/// messages' version (bumped whenever they change): the worker's files keep their names from
/// one release to the next, and a worker a browser kept from an older one must not be taken at
/// its word.
pub const READY: &str = "sketch-ready/2";

/// What the worker's loader (`public/sketch-worker.js`) says when its wasm could not start: a
/// failed start rejects a promise, which the page would otherwise never hear of.
const FAILED: &str = "sketch-failed";

/// A message's kind, its first element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
enum Kind {
    /// The canvas to draw on (a new one replaces the old, and every lane is forgotten).
    Canvas,
    /// The canvas's size in device pixels (which wipes it).
    Size,
    /// A lane's colours, sizes and band.
    Style,
    /// A lane's frame: its band wiped and drawn.
    Frame,
    /// A lane gets ready for a gesture (its sprites drawn, its drawing rehearsed).
    Ready,
    /// A lane's band wiped.
    Wipe,
    /// The whole canvas wiped.
    WipeAll,
    /// A lane's painter is gone.
    Drop,
}

impl Kind {
    fn of(n: f64) -> Option<Kind> {
        use Kind::*;
        [Canvas, Size, Style, Frame, Ready, Wipe, WipeAll, Drop]
            .into_iter()
            .find(|k| *k as u8 as f64 == n)
    }
}

/// `list` as numbers, a label's text as the number `text` gives it (its place in a table of
/// texts the worker keeps, see [`Link`]).
pub fn encode(list: &[Shape], text: &mut dyn FnMut(&Rc<str>) -> u32) -> Vec<f64> {
    let mut nums = Vec::with_capacity(list.len() * 8);
    let flag = |b: bool| if b { 1.0 } else { 0.0 };
    for s in list {
        match s {
            Shape::Body {
                x,
                y,
                w,
                h,
                radius,
                band,
                hollow,
                alpha,
                ring,
            } => nums.extend([
                0.0,
                *x,
                *y,
                *w,
                *h,
                *radius,
                flag(*band),
                flag(*hollow),
                *alpha,
                match ring {
                    None => 0.0,
                    Some(true) => 1.0,
                    Some(false) => 2.0,
                },
            ]),
            Shape::Bubble {
                x,
                y,
                w,
                h,
                count,
                count_dx,
                muted,
            } => nums.extend([
                1.0,
                *x,
                *y,
                *w,
                *h,
                f64::from(*count),
                *count_dx,
                flag(*muted),
            ]),
            Shape::Outline { x, y, w, h } => nums.extend([2.0, *x, *y, *w, *h]),
            Shape::Label {
                x,
                y,
                w,
                line,
                size,
                weight,
                tone,
                text: label,
            } => nums.extend([
                3.0,
                *x,
                *y,
                *w,
                *line,
                *size,
                f64::from(*weight),
                f64::from(*tone as u8),
                f64::from(text(label)),
            ]),
        }
    }
    nums
}

/// The shapes [`encode`] made `nums` of, a label's text found in `texts` by its number; `None`
/// if they are not such a list.
pub fn decode(nums: &[f64], texts: &[Rc<str>]) -> Option<Vec<Shape>> {
    let mut out = Vec::new();
    let mut rest = nums;
    let mut take = |n: usize| -> Option<&[f64]> {
        let (head, tail) = (rest.get(..n)?, rest.get(n..)?);
        rest = tail;
        Some(head)
    };
    while let Some(&[tag]) = take(1) {
        let shape = match tag as u8 {
            0 => {
                let v = take(9)?;
                Shape::Body {
                    x: v[0],
                    y: v[1],
                    w: v[2],
                    h: v[3],
                    radius: v[4],
                    band: v[5] != 0.0,
                    hollow: v[6] != 0.0,
                    alpha: v[7],
                    ring: match v[8] as u8 {
                        0 => None,
                        1 => Some(true),
                        2 => Some(false),
                        _ => return None,
                    },
                }
            }
            1 => {
                let v = take(7)?;
                Shape::Bubble {
                    x: v[0],
                    y: v[1],
                    w: v[2],
                    h: v[3],
                    count: v[4] as u32,
                    count_dx: v[5],
                    muted: v[6] != 0.0,
                }
            }
            2 => {
                let v = take(4)?;
                Shape::Outline {
                    x: v[0],
                    y: v[1],
                    w: v[2],
                    h: v[3],
                }
            }
            3 => {
                let v = take(8)?;
                Shape::Label {
                    x: v[0],
                    y: v[1],
                    w: v[2],
                    line: v[3],
                    size: v[4],
                    weight: v[5] as u16,
                    tone: Tone::of(v[6] as u8)?,
                    text: texts.get(v[7] as usize)?.clone(),
                }
            }
            _ => return None,
        };
        out.push(shape);
    }
    Some(out)
}

/// The labels' texts sent to the worker, numbered in the order sent: the worker keeps them in a
/// list in that order, and a label is sent as its text's number. (A zoom shows the same labels
/// frame after frame: sent each time, their texts cost the page 1–2 ms a frame to copy into the
/// messages at 10k events, traced.)
#[derive(Debug, Default)]
pub struct Texts {
    known: HashMap<Rc<str>, u32>,
}

/// Most texts the table holds: past it, both ends forget them all and start again.
const TEXTS_MAX: usize = 16_384;

impl Texts {
    /// `text`'s number, given now (and `text` added to `fresh`, to send) if it has none.
    pub fn number(&mut self, text: &Rc<str>, fresh: &mut Vec<Rc<str>>) -> u32 {
        let next = self.known.len() as u32;
        *self.known.entry(text.clone()).or_insert_with(|| {
            fresh.push(text.clone());
            next
        })
    }

    /// Forgets every text if the table is full: `true` if it did (the worker must too).
    pub fn forget_if_full(&mut self) -> bool {
        let full = self.known.len() >= TEXTS_MAX;
        if full {
            self.known.clear();
        }
        full
    }
}

/// A `u64` as two numbers (a number holds 53 bits), and back.
fn halves(v: u64) -> [f64; 2] {
    [(v >> 32) as f64, (v & 0xffff_ffff) as f64]
}

fn whole(hi: f64, lo: f64) -> u64 {
    ((hi as u64) << 32) | (lo as u64 & 0xffff_ffff)
}

// ---- The page's end ----

/// The page's end of the sketch worker: started with the first painter made on a canvas, and
/// kept while the page lives (a new canvas, the timeline made anew, is handed to it too).
struct Link {
    worker: web_sys::Worker,
    /// The canvas handed over (its element, which stays in the page).
    canvas: Rc<RefCell<Option<HtmlCanvasElement>>>,
    /// The size last asked for, device pixels.
    size: Cell<(u32, u32)>,
    /// The worker could not be loaded, or stopped: the canvas handed to it shows nothing, and
    /// the lanes move their elements instead.
    failed: Rc<Cell<bool>>,
    /// Messages (and what they transfer) waiting for the worker to listen; `None` once it does.
    waiting: Waiting,
    /// Messages posted since the last was sent, sent together once the page's current work is
    /// done (see [`Link::post`]).
    outbox: Rc<RefCell<Vec<Array>>>,
    next_lane: Cell<u32>,
    texts: RefCell<Texts>,
}

/// Messages, and what each transfers, waiting for the worker to listen (`None` once it does).
type Waiting = Rc<RefCell<Option<Vec<(Array, Option<Array>)>>>>;

thread_local! {
    static LINK: RefCell<Option<Rc<Link>>> = const { RefCell::new(None) };
}

/// The worker's script, next to `index.html` (`public/sketch-worker.js`, which loads the files
/// Trunk names after the binary).
const SCRIPT: &str = "sketch-worker.js";

impl Link {
    /// Whether `canvas` is the one handed to the worker.
    fn hands(&self, canvas: &HtmlCanvasElement) -> bool {
        self.canvas.borrow().as_ref() == Some(canvas)
    }

    /// Whether the worker has said it listens.
    fn listens(&self) -> bool {
        self.waiting.try_borrow().is_ok_and(|w| w.is_none())
    }

    /// Sends `msg` once the worker listens. Each lane posts its own messages at each frame; they
    /// leave together, as one, once the page's reactive work for the frame is done (a
    /// microtask): eight lanes' frames as eight messages cost the page eight calls to
    /// `postMessage` (1.1 ms of a zoom step at 10k events, profiled) and the worker eight tasks.
    /// A message that transfers something goes at once, after those before it.
    fn post(&self, msg: Array, transfer: Option<Array>) {
        if self.failed.get() {
            return;
        }
        if let Some(q) = self.waiting.borrow_mut().as_mut() {
            q.push((msg, transfer));
            return;
        }
        if transfer.is_some() {
            flush(&self.worker, &self.outbox);
            send(&self.worker, &msg, transfer.as_ref());
            return;
        }
        let first = {
            let Ok(mut out) = self.outbox.try_borrow_mut() else {
                return;
            };
            out.push(msg);
            out.len() == 1
        };
        if first {
            let (worker, outbox, failed) = (
                self.worker.clone(),
                self.outbox.clone(),
                self.failed.clone(),
            );
            let send_later = Closure::once_into_js(move || {
                if failed.get() {
                    outbox.borrow_mut().clear();
                } else {
                    flush(&worker, &outbox);
                }
            });
            match web_sys::window() {
                Some(w) => w.queue_microtask(send_later.unchecked_ref()),
                None => flush(&self.worker, &self.outbox),
            }
        }
    }

    fn start() -> Option<Link> {
        let worker = crate::worker::start(SCRIPT).ok()?;
        let failed = Rc::new(Cell::new(false));
        let waiting: Waiting = Rc::new(RefCell::new(Some(Vec::new())));
        let canvas: Rc<RefCell<Option<HtmlCanvasElement>>> = Rc::default();
        let (queued, to, drawn, broken) = (
            waiting.clone(),
            worker.clone(),
            canvas.clone(),
            failed.clone(),
        );
        let on_message = move |ev: web_sys::MessageEvent| match ev.data().as_string().as_deref() {
            Some(READY) => {
                for (msg, transfer) in queued.borrow_mut().take().unwrap_or_default() {
                    send(&to, &msg, transfer.as_ref());
                }
                if let Some(c) = drawn.borrow().as_ref() {
                    mark_drawn(c);
                }
            }
            Some(FAILED) => {
                broken.set(true);
                queued.borrow_mut().take();
            }
            _ => {}
        };
        let broken = failed.clone();
        let on_error = move |ev: web_sys::Event| {
            ev.prevent_default();
            broken.set(true);
        };
        crate::worker::listen(&worker, on_message, on_error);
        Some(Link {
            worker,
            canvas,
            size: Cell::new((0, 0)),
            failed,
            waiting,
            outbox: Rc::default(),
            next_lane: Cell::new(0),
            texts: RefCell::new(Texts::default()),
        })
    }
}

/// Says on the canvas that the worker draws it, for the checks and anyone reading the page (a
/// canvas handed over cannot be asked: asking for its context throws, and asking before the
/// hand-over makes it the page's).
fn mark_drawn(canvas: &HtmlCanvasElement) {
    let _ = canvas.set_attribute("data-drawn-by", "worker");
}

/// Sends the messages in `outbox`: one alone, several as one list of them.
fn flush(worker: &web_sys::Worker, outbox: &RefCell<Vec<Array>>) {
    let Ok(mut out) = outbox.try_borrow_mut() else {
        return;
    };
    match out.len() {
        0 => {}
        1 => send(worker, &out[0], None),
        _ => send(worker, &out.iter().collect::<Array>(), None),
    }
    out.clear();
}

fn send(worker: &web_sys::Worker, msg: &Array, transfer: Option<&Array>) {
    let _ = match transfer {
        Some(t) => worker.post_message_with_transfer(msg, t),
        None => worker.post_message(msg),
    };
}

/// The link drawing on `canvas`: the canvas is handed to the worker (started if need be) the
/// first time. `None` where the browser cannot (no `OffscreenCanvas`, no worker, a canvas that
/// already has a context): the page then draws on the canvas itself. A canvas handed over to a
/// worker that then failed gives `None` too, and no context either.
fn link_for(canvas: &HtmlCanvasElement) -> Option<Rc<Link>> {
    LINK.with(|cell| {
        let mut cell = cell.try_borrow_mut().ok()?;
        if let Some(link) = cell.as_ref()
            && link.hands(canvas)
        {
            return (!link.failed.get()).then(|| link.clone());
        }
        let transfer = js_sys::Reflect::get(canvas, &"transferControlToOffscreen".into())
            .ok()?
            .dyn_into::<js_sys::Function>()
            .ok()?;
        // Kept before the hand-over is tried, so that a canvas the page keeps (below) does not
        // start a worker each time it is asked about.
        let link = match cell.as_ref() {
            Some(link) if !link.failed.get() => link.clone(),
            _ => {
                let link = Rc::new(Link::start()?);
                *cell = Some(link.clone());
                link
            }
        };
        // Throws if the canvas has a context already: it stays the page's.
        let offscreen = transfer.call0(canvas).ok()?;
        link.canvas.replace(Some(canvas.clone()));
        if link.listens() {
            mark_drawn(canvas);
        }
        link.size.set((canvas.width(), canvas.height()));
        link.post(
            Array::of2(&f64::from(Kind::Canvas as u8).into(), &offscreen),
            Some(Array::of1(&offscreen)),
        );
        Some(link)
    })
}

/// Wipes `canvas` whole if the worker draws on it; `false` if the page does.
pub fn wipe_all(canvas: &HtmlCanvasElement) -> bool {
    LINK.with(|cell| {
        let Ok(cell) = cell.try_borrow() else {
            return false;
        };
        match cell.as_ref() {
            Some(link) if link.hands(canvas) => {
                link.post(Array::of1(&f64::from(Kind::WipeAll as u8).into()), None);
                true
            }
            _ => false,
        }
    })
}

/// A lane drawn by the worker: what the page's painter sends it.
pub struct Remote {
    link: Rc<Link>,
    /// The canvas it draws on (the worker draws on the last one handed to it).
    canvas: HtmlCanvasElement,
    lane: u32,
}

impl Remote {
    /// A lane of `canvas` drawn by the worker; `None` if the page must draw it (see `link_for`).
    pub fn new(canvas: &HtmlCanvasElement) -> Option<Remote> {
        let link = link_for(canvas)?;
        let lane = link.next_lane.get();
        link.next_lane.set(lane.wrapping_add(1));
        Some(Remote {
            link,
            canvas: canvas.clone(),
            lane,
        })
    }

    /// Whether the worker draws: it has said it listens and has not failed since. Else the lane
    /// moves its elements (a worker whose wasm never starts, say, would leave the lanes blank
    /// for every gesture).
    pub fn alive(&self) -> bool {
        !self.link.failed.get() && self.link.listens() && self.link.hands(&self.canvas)
    }

    fn post(&self, kind: Kind, rest: &[JsValue]) {
        let msg = Array::new();
        msg.push(&f64::from(kind as u8).into());
        msg.push(&f64::from(self.lane).into());
        for v in rest {
            msg.push(v);
        }
        self.link.post(msg, None);
    }

    /// `list` as a message's last three elements: its numbers, the texts the worker has not
    /// had yet, and whether it must forget those it has first.
    fn shapes(&self, list: &[Shape]) -> [JsValue; 3] {
        let mut texts = self.link.texts.borrow_mut();
        let forget = texts.forget_if_full();
        let mut fresh = Vec::new();
        let nums = encode(list, &mut |t| texts.number(t, &mut fresh));
        let fresh: Array = fresh.iter().map(|t| JsValue::from_str(t)).collect();
        [
            Float64Array::from(nums.as_slice()).into(),
            fresh.into(),
            forget.into(),
        ]
    }

    /// The lane's colours, sizes (`rem`, its `style` key) and band (`top`, `height`).
    pub fn style(&self, palette: &Palette, rem: f64, style: u64, (top, height): (f64, f64)) {
        let strings: Array = palette
            .strings()
            .iter()
            .map(|s| JsValue::from_str(s))
            .collect();
        let [hi, lo] = halves(style);
        self.post(
            Kind::Style,
            &[
                strings.into(),
                rem.into(),
                hi.into(),
                lo.into(),
                top.into(),
                height.into(),
            ],
        );
    }

    /// Draws `list` on the lane's band, `cw` CSS px wide at `dpr`.
    pub fn frame(&self, list: &[Shape], cw: f64, dpr: f64) {
        let [nums, texts, forget] = self.shapes(list);
        self.post(Kind::Frame, &[cw.into(), dpr.into(), nums, texts, forget]);
    }

    /// Gets the lane ready for a gesture over `list` (see `Brush::ready`).
    pub fn ready(&self, list: &[Shape], dpr: f64, resting: bool) {
        let [nums, texts, forget] = self.shapes(list);
        self.post(
            Kind::Ready,
            &[dpr.into(), resting.into(), nums, texts, forget],
        );
    }

    /// Wipes the lane's band.
    pub fn wipe(&self, dpr: f64) {
        self.post(Kind::Wipe, &[dpr.into()]);
    }

    /// The canvas's size, device pixels, as last asked for.
    pub fn size(&self) -> (u32, u32) {
        self.link.size.get()
    }

    /// Sizes the canvas (which wipes it).
    pub fn set_size(&self, (w, h): (u32, u32)) {
        // Not another canvas's (one handed over since, by a timeline made anew).
        if !self.link.hands(&self.canvas) {
            return;
        }
        self.link.size.set((w, h));
        let msg = Array::of3(&f64::from(Kind::Size as u8).into(), &w.into(), &h.into());
        self.link.post(msg, None);
    }
}

impl Drop for Remote {
    fn drop(&mut self) {
        self.post(Kind::Drop, &[]);
    }
}

// ---- The worker's end ----

/// What the worker draws on.
struct Easel {
    canvas: HtmlCanvasElement,
    cx: CanvasRenderingContext2d,
    lanes: HashMap<u32, Brush>,
    /// Wipes asked for and not done yet (see [`WIPE_AFTER_MS`]): lanes and their pixel ratio,
    /// and the whole canvas.
    wipes: Vec<(u32, f64)>,
    wipe_all: bool,
}

/// How long after the page asks the worker wipes a lane's band (ms). The page shows the lane's
/// elements again in the frame it asks, and the worker's frames reach the screen on their own
/// clock: wiped at once, the band could show neither the sketch nor the elements for a frame.
/// Wiped a little later, the sketch, on top, shows the same picture as the elements under it
/// meanwhile. A gesture that starts before then draws over it anyway, and cancels the wipe.
const WIPE_AFTER_MS: i32 = 50;

/// Does the wipes that are due.
fn wipe_now() {
    EASEL.with(|cell| {
        let Ok(mut cell) = cell.try_borrow_mut() else {
            return;
        };
        let Some(easel) = cell.as_mut() else {
            return;
        };
        for (lane, dpr) in std::mem::take(&mut easel.wipes) {
            if let Some(brush) = easel.lanes.get(&lane) {
                brush.wipe(dpr);
            }
        }
        if std::mem::take(&mut easel.wipe_all) {
            let (w, h) = (easel.canvas.width(), easel.canvas.height());
            wipe(&easel.cx, 0.0, f64::from(w), f64::from(h));
        }
    });
}

/// Asks for [`wipe_now`] in [`WIPE_AFTER_MS`].
fn wipe_soon() {
    later(wipe_now, WIPE_AFTER_MS);
}

thread_local! {
    static EASEL: RefCell<Option<Easel>> = const { RefCell::new(None) };
    /// The labels' texts, by their number (see [`Texts`]); kept when the canvas changes, as
    /// the page's table is.
    static TABLE: RefCell<Vec<Rc<str>>> = const { RefCell::new(Vec::new()) };
}

/// Answers one of the page's messages, in the worker. A message that is not one is ignored.
pub fn serve(data: &JsValue) {
    let Some(msg) = data.dyn_ref::<Array>() else {
        return;
    };
    // Several messages sent as one (see `Link::post`): each in its order. (A message's first
    // element is its kind, a number.)
    if Array::is_array(&msg.get(0)) {
        for m in msg.iter() {
            if Array::is_array(&m) && !Array::is_array(&Array::from(&m).get(0)) {
                serve(&m);
            }
        }
        return;
    }
    let num = |i: u32| msg.get(i).as_f64().unwrap_or(0.0);
    let Some(kind) = Kind::of(num(0)) else {
        return;
    };
    let lane = num(1) as u32;
    // Its numbers at `at`, the new texts after them, then whether to forget the old ones.
    let shapes = |at: u32| {
        let nums = msg.get(at).dyn_into::<Float64Array>().ok()?.to_vec();
        TABLE.with(|table| {
            let mut table = table.try_borrow_mut().ok()?;
            if msg.get(at + 2).is_truthy() {
                table.clear();
            }
            table.extend(
                Array::from(&msg.get(at + 1))
                    .iter()
                    .map(|t| Rc::from(t.as_string().unwrap_or_default())),
            );
            decode(&nums, &table)
        })
    };
    // Read first, whatever becomes of the message: the texts it brings keep the table in step
    // with the page's.
    let list = matches!(kind, Kind::Frame | Kind::Ready)
        .then(|| shapes(4))
        .flatten();
    EASEL.with(|cell| {
        let Ok(mut cell) = cell.try_borrow_mut() else {
            return;
        };
        if kind == Kind::Canvas {
            let canvas: HtmlCanvasElement = msg.get(1).unchecked_into();
            *cell = context_2d(&canvas).map(|cx| Easel {
                canvas,
                cx,
                lanes: HashMap::new(),
                wipes: Vec::new(),
                wipe_all: false,
            });
            return;
        }
        let Some(easel) = cell.as_mut() else {
            return;
        };
        match kind {
            Kind::Canvas => {}
            Kind::Size => {
                easel.canvas.set_width(num(1) as u32);
                easel.canvas.set_height(num(2) as u32);
            }
            Kind::WipeAll => {
                if easel.wipes.is_empty() && !easel.wipe_all {
                    wipe_soon();
                }
                easel.wipe_all = true;
            }
            Kind::Style => {
                let strings: Vec<String> = Array::from(&msg.get(2))
                    .iter()
                    .map(|s| s.as_string().unwrap_or_default())
                    .collect();
                let Some(palette) = Palette::from_strings(&strings) else {
                    return;
                };
                let (rem, style) = (num(3), whole(num(4), num(5)));
                let band = (num(6), num(7));
                match easel.lanes.get_mut(&lane) {
                    Some(brush) => brush.restyle(Rc::new(palette), rem, style, band),
                    None => {
                        let brush =
                            Brush::new(easel.cx.clone(), Rc::new(palette), rem, style, band);
                        easel.lanes.insert(lane, brush);
                    }
                }
            }
            Kind::Frame => {
                // Drawn over: a wipe asked for before is moot (a new gesture has begun).
                easel.wipes.retain(|(l, _)| *l != lane);
                easel.wipe_all = false;
                if let (Some(brush), Some(list)) = (easel.lanes.get_mut(&lane), list) {
                    brush.frame(&list, num(2), num(3));
                }
            }
            Kind::Ready => {
                if let (Some(brush), Some(list)) = (easel.lanes.get_mut(&lane), list) {
                    brush.ready(&list, num(2), msg.get(3).is_truthy());
                }
            }
            Kind::Wipe => {
                if easel.wipes.is_empty() && !easel.wipe_all {
                    wipe_soon();
                }
                easel.wipes.retain(|(l, _)| *l != lane);
                easel.wipes.push((lane, num(2)));
            }
            Kind::Drop => {
                easel.lanes.remove(&lane);
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_travel_as_numbers_and_texts_and_come_back_the_same() {
        let list = vec![
            Shape::Body {
                x: 1.5,
                y: 2.0,
                w: 30.25,
                h: 12.8,
                radius: 3.0,
                band: true,
                hollow: false,
                alpha: 0.6,
                ring: Some(false),
            },
            Shape::Label {
                x: -4.0,
                y: 16.8,
                w: 120.0,
                line: 16.8,
                size: 12.48,
                weight: 650,
                tone: Tone::Accent,
                text: Rc::from("12e session — الدورة"),
            },
            Shape::Bubble {
                x: 100.0,
                y: 1.6,
                w: 40.0,
                h: 27.2,
                count: 1_234_567,
                count_dx: 25.5,
                muted: true,
            },
            Shape::Outline {
                x: 5.0,
                y: 6.0,
                w: 7.0,
                h: 8.0,
            },
            Shape::Label {
                x: 0.0,
                y: 0.0,
                w: 10.0,
                line: 1.0,
                size: 1.0,
                weight: 400,
                tone: Tone::Muted,
                text: Rc::from("second"),
            },
            Shape::Body {
                x: 0.0,
                y: 0.0,
                w: 1.0,
                h: 1.0,
                radius: 0.5,
                band: false,
                hollow: true,
                alpha: 1.0,
                ring: None,
            },
        ];
        let mut table = Texts::default();
        let mut sent = Vec::new();
        let nums = encode(&list, &mut |t| table.number(t, &mut sent));
        assert_eq!(sent.len(), 2);
        assert_eq!(decode(&nums, &sent), Some(list.clone()));
        // Sent again, the same list sends no text, and its numbers still find them.
        let mut again = Vec::new();
        let nums = encode(&list, &mut |t| table.number(t, &mut again));
        assert!(again.is_empty());
        assert_eq!(decode(&nums, &sent), Some(list));
        assert_eq!(decode(&[], &[]), Some(Vec::new()));
    }

    #[test]
    fn what_is_not_an_encoded_list_is_refused() {
        let list = [Shape::Outline {
            x: 1.0,
            y: 2.0,
            w: 3.0,
            h: 4.0,
        }];
        let nums = encode(&list, &mut |_| 0);
        let texts: Vec<Rc<str>> = Vec::new();
        // Cut short, an unknown shape, a text that is not there, an unknown ring or colour.
        assert_eq!(decode(&nums[..3], &texts), None);
        assert_eq!(decode(&[9.0, 1.0], &texts), None);
        assert_eq!(
            decode(&[3.0, 0.0, 0.0, 1.0, 1.0, 1.0, 400.0, 0.0, 5.0], &texts),
            None
        );
        assert_eq!(
            decode(&[0.0, 0.0, 0.0, 1.0, 1.0, 0.0, 0.0, 0.0, 1.0, 7.0], &texts),
            None
        );
        assert_eq!(
            decode(
                &[3.0, 0.0, 0.0, 1.0, 1.0, 1.0, 400.0, 9.0, 0.0],
                &[Rc::from("a")]
            ),
            None
        );
    }

    #[test]
    fn texts_are_numbered_once_and_forgotten_together_when_the_table_is_full() {
        let mut table = Texts::default();
        let mut fresh = Vec::new();
        let (a, b): (Rc<str>, Rc<str>) = (Rc::from("a"), Rc::from("b"));
        assert_eq!(table.number(&a, &mut fresh), 0);
        assert_eq!(table.number(&b, &mut fresh), 1);
        assert_eq!(table.number(&a, &mut fresh), 0);
        assert_eq!(fresh, vec![a.clone(), b.clone()]);
        assert!(!table.forget_if_full());
        for i in 2..TEXTS_MAX {
            table.number(&Rc::from(i.to_string()), &mut fresh);
        }
        assert_eq!(fresh.len(), TEXTS_MAX);
        assert!(table.forget_if_full());
        // Numbered from the start again, and sent again.
        let mut fresh = Vec::new();
        assert_eq!(table.number(&b, &mut fresh), 0);
        assert_eq!(fresh, vec![b]);
    }

    #[test]
    fn a_style_key_travels_whole_in_two_numbers() {
        for v in [0, 1, u64::MAX, 0x0123_4567_89ab_cdef, 1 << 63] {
            let [hi, lo] = halves(v);
            assert_eq!(whole(hi, lo), v);
        }
    }
}
