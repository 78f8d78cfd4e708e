//! The sketch's sprite sheet, shared by the lanes: each label, count digit and bubble (a pill,
//! whose middle is stretched, or whole at a lane's commonest bubble width) the sketch shows is
//! drawn once on a canvas that is not in the page, then copied from there to the lanes' shared canvas on every frame of a gesture
//! ([`Sprites`]); and where each sprite sits on that sheet ([`Shelves`], pure and tested
//! natively).
//!
//! Why: the browser draws a canvas's text and rounded shapes when the frame is handed to the
//! compositor, on the page's main thread (Chromium records the calls and rasterises them at
//! commit), and text costs the most. At 10k events a zoom frame drew some 200 bubbles with their
//! counts, which cost 5–25 ms of that thread per frame (traced); copying 200 finished pictures
//! costs about 1 ms (measured in headless Chromium: 9 ms of rasterising against 1 ms). The sheet
//! is only drawn on between frames (see `sketch`): drawn on in the middle of a frame whose lanes
//! have already copied from it, it makes the browser copy the whole sheet for them first, some
//! 20 ms a frame at 10k events (measured). A canvas outside the page
//! has a second gain: setting its font does not make the browser bring the page's styles up to
//! date first, as a font set on a canvas in the page does (150 such recalculations, 34 ms, in
//! one traced zoom at 10k).

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// Width of the sheet, in device pixels.
const SHEET_W: u32 = 1024;
/// Its first height (2 MiB of pixels): it doubles when full, up to [`SHEET_MAX_H`]. Growing
/// copies the sheet, some 10 ms at the start of a gesture (profiled), so it starts with room for
/// every digit of every lane and a few hundred labels.
const SHEET_MIN_H: u32 = 512;
/// Its largest height (8 MiB of pixels at most).
const SHEET_MAX_H: u32 = 2048;

/// Places rectangles on a sheet in shelves: left to right along a row as tall as its tallest
/// rectangle, and a new row below when one is full. A rectangle stays where it was put until the
/// sheet is cleared.
#[derive(Debug, Clone, PartialEq)]
pub struct Shelves {
    width: u32,
    height: u32,
    /// Where the next rectangle goes in the current row.
    x: u32,
    /// Top of the current row.
    y: u32,
    /// Height of the current row so far.
    row: u32,
}

impl Shelves {
    /// An empty sheet of `width` × `height`.
    pub fn new(width: u32, height: u32) -> Self {
        Shelves {
            width,
            height,
            x: 0,
            y: 0,
            row: 0,
        }
    }

    /// The sheet's height.
    pub fn height(&self) -> u32 {
        self.height
    }

    /// How far down the sheet its rectangles reach.
    pub fn used(&self) -> u32 {
        self.y + self.row
    }

    /// The sheet is now `height` tall (taller: what was placed stays where it is).
    pub fn grow(&mut self, height: u32) {
        self.height = self.height.max(height);
    }

    /// The top-left corner of room for a `w` × `h` rectangle, or `None` when the sheet has
    /// none. Rectangles are kept a pixel apart, so that copying one never takes in a
    /// neighbour's edge.
    pub fn place(&mut self, w: u32, h: u32) -> Option<(u32, u32)> {
        if w == 0 || h == 0 || w > self.width || h > self.height {
            return None;
        }
        if self.x + w > self.width {
            self.y += self.row + 1;
            self.x = 0;
            self.row = 0;
        }
        if self.y + h > self.height {
            return None;
        }
        let at = (self.x, self.y);
        self.x += w + 1;
        self.row = self.row.max(h);
        Some(at)
    }
}

/// What a sprite shows: two sprites with the same key are the same picture. The sheet is shared
/// by the lanes, so a key carries the look of its lane (`style`, see `sketch`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum SpriteKey {
    /// A cluster's bubble without its count, of this height; any bubble that tall is copied
    /// from it, its middle stretched (see `sketch`).
    Pill {
        /// The lane's colours and sizes.
        style: u64,
        /// Height (f64 bits).
        height: u64,
        /// Muted (someone is highlighted).
        muted: bool,
    },
    /// A cluster's bubble without its count, whole, `width` device pixels wide with its
    /// padding: the width most of a lane's bubbles have (its bins' clusters), copied in one
    /// piece rather than as two ends and a stretched middle.
    WholePill {
        /// The lane's colours and sizes.
        style: u64,
        /// Height (f64 bits).
        height: u64,
        /// Muted (someone is highlighted).
        muted: bool,
        /// Width on the sheet, device pixels.
        width: u32,
    },
    /// A digit of a cluster's count (a count is copied digit by digit: the clusters, and their
    /// counts, change with every step of a zoom, while ten digits serve them all).
    Digit {
        /// The lane's colours and sizes.
        style: u64,
        /// Muted (someone is highlighted).
        muted: bool,
        /// The digit, 0 to 9.
        digit: u8,
    },
    /// A label's text, whole (up to the widest a label may be): a label narrower than its text
    /// copies the part its box shows, so the sprite serves it at every width a zoom gives it.
    Label {
        /// The lane's colours and sizes.
        style: u64,
        /// The text.
        text: Rc<str>,
        /// Font weight.
        weight: u16,
        /// Its colour, as `sketch::Tone` numbers it.
        tone: u8,
    },
}

/// Where a sprite sits on the sheet, in device pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Slot {
    /// Left edge.
    pub x: u32,
    /// Top edge.
    pub y: u32,
    /// Width.
    pub w: u32,
    /// Height.
    pub h: u32,
    /// How far the text after it starts (CSS px) for a digit; the height for a pill; the width of
    /// the text on it for a label.
    pub advance: f64,
}

/// The sheet was full at its largest and has been emptied: every slot handed out before is
/// void, and asking again finds room.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cleared;

thread_local! {
    static SHEET: RefCell<Option<Sprites>> = const { RefCell::new(None) };
}

/// The sprite sheet the lanes share: a canvas outside the page and what is drawn where on it.
pub struct Sprites {
    canvas: HtmlCanvasElement,
    cx: CanvasRenderingContext2d,
    shelves: Shelves,
    slots: HashMap<SpriteKey, Slot>,
    /// Device pixels per CSS pixel the sprites are drawn at.
    scale: f64,
    /// Counts the canvases and emptyings: a new one has a context in its default state.
    epoch: u64,
    /// A 1 × 1 canvas, see [`Sprites::settle`].
    scratch: CanvasRenderingContext2d,
}

impl Sprites {
    /// Runs `f` with the shared sheet, made on first use; `None` if the browser gives no 2D
    /// context (the lanes then draw everything themselves).
    pub fn with<R>(f: impl FnOnce(&mut Sprites) -> R) -> Option<R> {
        SHEET.with(|cell| {
            let mut sheet = cell.try_borrow_mut().ok()?;
            if sheet.is_none() {
                *sheet = Sprites::new();
            }
            sheet.as_mut().map(f)
        })
    }

    fn new() -> Option<Self> {
        let (canvas, cx) = blank(SHEET_MIN_H)?;
        let (_, scratch) = blank(1)?;
        if let Some(c) = scratch.canvas() {
            c.set_width(1);
        }
        Some(Sprites {
            canvas,
            cx,
            shelves: Shelves::new(SHEET_W, SHEET_MIN_H),
            slots: HashMap::new(),
            scale: 1.0,
            epoch: 0,
            scratch,
        })
    }

    /// The sheet, to copy sprites from.
    pub fn canvas(&self) -> &HtmlCanvasElement {
        &self.canvas
    }

    /// Its context, to draw a new sprite on (see [`Sprites::begin`]).
    pub fn cx(&self) -> &CanvasRenderingContext2d {
        &self.cx
    }

    /// Changes when the sheet's context may have lost the state set on it (see `epoch`).
    pub fn epoch(&self) -> u64 {
        self.epoch
    }

    /// Forgets every sprite.
    fn clear(&mut self) {
        self.epoch += 1;
        self.slots.clear();
        self.shelves = Shelves::new(SHEET_W, self.shelves.height());
        wipe(
            &self.cx,
            0.0,
            f64::from(SHEET_W),
            f64::from(self.shelves.height()),
        );
    }

    /// Device pixels per CSS pixel of the sprites on the sheet.
    pub fn scale(&self) -> f64 {
        self.scale
    }

    /// Sprites are drawn at `scale` device pixels per CSS pixel from now on (the screen's
    /// pixel ratio): those drawn at another scale are forgotten.
    pub fn set_scale(&mut self, scale: f64) {
        if scale != self.scale {
            self.scale = scale;
            self.clear();
        }
    }

    /// Where the sprite for `key` is, if it has been drawn.
    pub fn get(&self, key: &SpriteKey) -> Option<Slot> {
        self.slots.get(key).copied()
    }

    /// Room for a new sprite of `w` × `h` CSS pixels, set aside for `key`. A full sheet grows
    /// (what is on it is copied over), or is emptied at its largest ([`Cleared`]).
    /// `Ok(None)`: a sprite that size never fits.
    pub fn reserve(
        &mut self,
        key: SpriteKey,
        (w, h): (f64, f64),
        advance: f64,
    ) -> Result<Option<Slot>, Cleared> {
        let (dw, dh) = (
            (w * self.scale).ceil().max(1.0) as u32,
            (h * self.scale).ceil().max(1.0) as u32,
        );
        if dw > SHEET_W || dh > SHEET_MAX_H {
            return Ok(None);
        }
        let (x, y) = loop {
            if let Some(at) = self.shelves.place(dw, dh) {
                break at;
            }
            if self.shelves.height() >= SHEET_MAX_H || !self.grow() {
                self.clear();
                return Err(Cleared);
            }
        };
        let slot = Slot {
            x,
            y,
            w: dw,
            h: dh,
            advance,
        };
        self.slots.insert(key, slot);
        Ok(Some(slot))
    }

    /// Grows the sheet now if it is more than half full, while the view rests: grown when a
    /// sprite finds no room, in the middle of a gesture, it costs that frame a new canvas and a
    /// copy of the old one (5.5 ms of script for the new canvas alone in a profiled zoom at 10k
    /// events). No more than one doubling: an emptying at the largest size is left to need.
    pub fn make_room(&mut self) {
        let height = self.shelves.height();
        if self.shelves.used() > height / 2 && height < SHEET_MAX_H {
            self.grow();
        }
    }

    /// Doubles the sheet's height, keeping what is on it; `false` if it could not.
    fn grow(&mut self) -> bool {
        let height = (self.shelves.height() * 2).min(SHEET_MAX_H);
        let Some((canvas, cx)) = blank(height) else {
            return false;
        };
        if cx
            .draw_image_with_html_canvas_element(&self.canvas, 0.0, 0.0)
            .is_err()
        {
            return false;
        }
        self.canvas = canvas;
        self.cx = cx;
        self.epoch += 1;
        self.shelves.grow(height);
        true
    }

    /// Has the browser turn what was drawn on the sheet into pixels now, between frames,
    /// rather than when a frame first copies from it: copying a pixel of it to a scratch canvas
    /// does. (Reading a pixel back would too, but Chromium then warns in the console.)
    pub fn settle(&self) {
        let _ = self
            .scratch
            .draw_image_with_html_canvas_element_and_sw_and_sh_and_dx_and_dy_and_dw_and_dh(
                &self.canvas,
                0.0,
                0.0,
                1.0,
                1.0,
                0.0,
                0.0,
                1.0,
                1.0,
            );
        // Sizing the scratch canvas drops what it recorded, and with it its hold on the sheet's
        // pixels (else the next sprite drawn would make the browser copy the whole sheet).
        if let Some(c) = self.scratch.canvas() {
            c.set_width(1);
        }
    }

    /// Sets the context to draw the sprite in `slot` in CSS pixels from its top-left corner.
    pub fn begin(&self, slot: Slot) {
        let _ = self.cx.set_transform(
            self.scale,
            0.0,
            0.0,
            self.scale,
            f64::from(slot.x),
            f64::from(slot.y),
        );
    }
}

/// A blank canvas outside the page, [`SHEET_W`] × `height`, and its context.
fn blank(height: u32) -> Option<(HtmlCanvasElement, CanvasRenderingContext2d)> {
    let canvas = canvas(SHEET_W, height)?;
    let cx = context_2d(&canvas)?;
    Some((canvas, cx))
}

/// A canvas of `width` × `height` outside the page: an element in a page, an `OffscreenCanvas`
/// in a worker (where the sketch may be drawn, see `sketch_worker`), which the code here uses
/// through the element's type: the properties and methods it calls have the same names.
pub fn canvas(width: u32, height: u32) -> Option<HtmlCanvasElement> {
    let canvas: HtmlCanvasElement = match web_sys::window() {
        Some(window) => window
            .document()?
            .create_element("canvas")
            .ok()?
            .dyn_into()
            .ok()?,
        None => {
            let global = js_sys::global();
            let class: js_sys::Function = js_sys::Reflect::get(&global, &"OffscreenCanvas".into())
                .ok()?
                .dyn_into()
                .ok()?;
            let args = js_sys::Array::of2(&width.into(), &height.into());
            js_sys::Reflect::construct(&class, &args)
                .ok()?
                .unchecked_into()
        }
    };
    canvas.set_width(width);
    canvas.set_height(height);
    Some(canvas)
}

/// Wipes the rows of `cx`'s canvas from `y`, `height` tall and `width` wide (device pixels,
/// whatever transform the context was left with).
pub fn wipe(cx: &CanvasRenderingContext2d, y: f64, width: f64, height: f64) {
    let _ = cx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
    cx.clear_rect(0.0, y, width, height);
}

/// The 2D context of `canvas`, if the browser gives one. (Not checked to be a
/// `CanvasRenderingContext2D`: in a worker it is an `OffscreenCanvasRenderingContext2D`, with
/// the same properties and methods, and the first class does not exist there.)
pub fn context_2d(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas
        .get_context("2d")
        .ok()
        .flatten()
        .map(JsCast::unchecked_into)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shelves_fill_rows_left_to_right_then_go_down_and_say_when_full() {
        let mut s = Shelves::new(100, 30);
        assert_eq!(s.place(40, 10), Some((0, 0)));
        assert_eq!(s.place(40, 12), Some((41, 0)));
        // 82 + 40 > 100: a new row, below the tallest of the first (12) and a pixel apart.
        assert_eq!(s.place(40, 5), Some((0, 13)));
        assert_eq!(s.place(59, 5), Some((41, 13)));
        // The third row would start at 19 and end at 31, past the sheet.
        assert_eq!(s.place(10, 12), None);
        // Still room in height for a small one in a new row.
        assert_eq!(s.place(10, 11), Some((0, 19)));
        assert_eq!(s.used(), 30);
        // Grown, the sheet goes on below what it holds.
        s.grow(60);
        assert_eq!(s.place(10, 12), Some((11, 19)));
        assert_eq!(s.place(95, 20), Some((0, 32)));
        // Never wider or taller than the sheet, never empty.
        assert_eq!(Shelves::new(100, 30).place(101, 1), None);
        assert_eq!(Shelves::new(100, 30).place(1, 31), None);
        assert_eq!(Shelves::new(100, 30).place(0, 5), None);
    }

    #[test]
    fn placed_rectangles_never_overlap_and_stay_on_the_sheet() {
        let mut s = Shelves::new(256, 256);
        let mut placed: Vec<(u32, u32, u32, u32)> = Vec::new();
        for i in 0..500u32 {
            let (w, h) = (5 + (i * 37) % 60, 8 + (i * 11) % 20);
            let Some((x, y)) = s.place(w, h) else { break };
            assert!(x + w <= 256 && y + h <= 256);
            for &(px, py, pw, ph) in &placed {
                let apart = x >= px + pw || px >= x + w || y >= py + ph || py >= y + h;
                assert!(apart, "({x},{y},{w},{h}) overlaps ({px},{py},{pw},{ph})");
            }
            placed.push((x, y, w, h));
        }
        assert!(placed.len() > 40, "{}", placed.len());
    }
}
