//! The marks drawn on a canvas while the view moves under a wheel, a drag or a pinch: what each
//! mark looks like there ([`shapes`], pure and tested natively) and the painter that draws that
//! on the lane's band of the canvas the lanes share ([`Painter`]), copying bubbles, digits and
//! labels from the sprite sheet (`sprites`) where it can.
//!
//! Why: moving hundreds of elements per frame costs the browser a restyle, a layout and a repaint
//! of each (measured at 10k events: 25–45 ms a frame, where a frame has 16.7 ms). A canvas costs
//! one draw call per shape and nothing else. The marks' elements stay in the page, named and
//! focusable, and are brought up to date (and shown again) as soon as the view rests, so a
//! keyboard or screen-reader user loses nothing; the canvas is only ever a picture of them, with
//! the geometry of `timeline.css` (its sizes are mirrored here, in rem), and is never used in
//! forced-colours mode, where only the system's colours may be drawn.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, HtmlElement};

use super::sprites::{Slot, SpriteKey, Sprites, context_2d, wipe};
use crate::model::EventIdx;
use crate::model::fixed::Fixed;
use crate::model::frame::MarkView;
use crate::model::layout::MarkKind;
use crate::model::text::is_rtl_text;
use crate::model::timeline::MAX_LABEL_PX;

/// How an event's mark is drawn, from its classes (`labels::mark_classes`).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Look {
    /// A point (a dot), not a bar.
    pub point: bool,
    /// A month or year band (a soft gradient).
    pub band: bool,
    /// An inferred or windowed date (hollow, dashed).
    pub hollow: bool,
    /// Uncertain confidence (faded).
    pub uncertain: bool,
}

impl Look {
    /// The look of a mark with these classes.
    pub fn of_classes(class: &str) -> Self {
        let has = |c: &str| class.split(' ').any(|x| x == c);
        Look {
            point: has("mark--point"),
            band: has("mark--band"),
            hollow: has("mark--date-inferred"),
            uncertain: has("mark--uncertain"),
        }
    }
}

/// A lane's sizes in pixels (from `timeline.css`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Metrics {
    /// One rem.
    pub rem: f64,
    /// `--row-h`.
    pub row_h: f64,
    /// `--lane-top`.
    pub lane_top: f64,
    /// `--lane-pad`.
    pub lane_pad: f64,
    /// The commission lane (bigger bodies, bold accent labels).
    pub commission: bool,
}

impl Metrics {
    /// Top of a mark's element in `row`.
    fn top(&self, row: usize) -> f64 {
        self.lane_top + self.lane_pad + row as f64 * self.row_h
    }
}

/// A colour of the palette.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Tone {
    /// The accent.
    Accent,
    /// Body text.
    Text,
    /// Muted text.
    Muted,
}

/// What the sketch draws, in the canvas's pixels (CSS pixels from its left edge).
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// An event's body.
    Body {
        /// Left edge.
        x: f64,
        /// Top edge.
        y: f64,
        /// Width.
        w: f64,
        /// Height.
        h: f64,
        /// Corner radius.
        radius: f64,
        /// Drawn as a band (gradient).
        band: bool,
        /// Hollow with a dashed outline.
        hollow: bool,
        /// Opacity.
        alpha: f64,
        /// A ring around it: the selection (`Some(true)`) or a highlight (`Some(false)`).
        ring: Option<bool>,
    },
    /// A cluster's bubble with its count.
    Bubble {
        /// Left edge.
        x: f64,
        /// Top edge.
        y: f64,
        /// Width.
        w: f64,
        /// Height.
        h: f64,
        /// The count.
        count: u32,
        /// Where the count is centred, in pixels from the left edge (half the width unless the
        /// layout moved it: [`crate::model::frame::MarkView::count_at`]).
        count_dx: f64,
        /// Muted (someone is highlighted and a cluster is not them).
        muted: bool,
    },
    /// The keyboard focus's outline around a mark's element (3 px, 1 px off it).
    Outline {
        /// Left edge of the element.
        x: f64,
        /// Top edge of the element.
        y: f64,
        /// Width of the element.
        w: f64,
        /// Height of the element.
        h: f64,
    },
    /// A label.
    Label {
        /// Left edge.
        x: f64,
        /// Top of its line.
        y: f64,
        /// Width it may take (cut beyond).
        w: f64,
        /// Line height.
        line: f64,
        /// Font size.
        size: f64,
        /// Font weight.
        weight: u16,
        /// Its colour.
        tone: Tone,
        /// The text.
        text: Rc<str>,
    },
}

impl Tone {
    /// The tone numbered `n` (as `Tone as u8` numbers it).
    pub fn of(n: u8) -> Option<Tone> {
        [Tone::Accent, Tone::Text, Tone::Muted]
            .into_iter()
            .find(|t| *t as u8 == n)
    }
}

impl Shape {
    /// The same bubble or label with its box's top-left corner at `(x, y)` (other shapes
    /// unchanged).
    fn at(&self, x: f64, y: f64) -> Shape {
        match self {
            Shape::Bubble {
                w,
                h,
                count,
                count_dx,
                muted,
                ..
            } => Shape::Bubble {
                x,
                y,
                w: *w,
                h: *h,
                count: *count,
                count_dx: *count_dx,
                muted: *muted,
            },
            Shape::Label {
                w,
                line,
                size,
                weight,
                tone,
                text,
                ..
            } => Shape::Label {
                x,
                y,
                w: *w,
                line: *line,
                size: *size,
                weight: *weight,
                tone: *tone,
                text: text.clone(),
            },
            other => other.clone(),
        }
    }
}

/// What the sketch needs to know of each event and of the app.
pub struct SketchInputs<'a> {
    /// An event's look and label.
    pub item: &'a mut dyn FnMut(EventIdx) -> (Look, Rc<str>),
    /// The selected event.
    pub selected: Option<EventIdx>,
    /// Whether someone is highlighted (their events stand out, the rest fade).
    pub highlight: bool,
    /// Whether an event is one of theirs.
    pub is_hit: &'a dyn Fn(EventIdx) -> bool,
    /// The event whose mark has the keyboard focus (its outline is drawn too).
    pub focused: Option<EventIdx>,
}

/// The shapes of `marks` at `ppd` pixels per day, on a canvas whose left edge is at `left` in
/// the world's pixels and `width` wide (what lies wholly outside it is left out). Marks come in
/// time order and their shapes in the order the page stacks their elements: each mark's body
/// then its label, mark after mark.
pub fn shapes(
    marks: &[MarkView],
    ppd: f64,
    left: f64,
    width: f64,
    m: &Metrics,
    inputs: &mut SketchInputs<'_>,
) -> Vec<Shape> {
    let mut out = Vec::with_capacity(marks.len() * 2);
    let rem = m.rem;
    for mark in marks {
        let x = mark.x(ppd) - left;
        let w = mark.width(ppd);
        let label_w = mark.label_width.unwrap_or(0.0);
        if x + w.max(label_w) < 0.0 || x > width {
            continue;
        }
        let top = m.top(mark.row);
        match mark.kind {
            MarkKind::Cluster { count, .. } => out.push(Shape::Bubble {
                x,
                y: top + 0.1 * rem,
                w,
                h: 1.7 * rem,
                count,
                count_dx: mark.count_at * w,
                muted: inputs.highlight,
            }),
            MarkKind::Item(i) => {
                let idx = EventIdx(i);
                let (look, label) = (inputs.item)(idx);
                let selected = inputs.selected == Some(idx);
                let hit = inputs.highlight && (inputs.is_hit)(idx);
                let dimmed = inputs.highlight && !hit;
                let (body_top, body_h, dot) = if m.commission {
                    (0.3 * rem, 1.1 * rem, 1.1 * rem)
                } else {
                    (0.2 * rem, 0.8 * rem, 0.8 * rem)
                };
                let (bx, bw) = if look.point {
                    (x + w / 2.0 - dot / 2.0, dot)
                } else {
                    (x, w)
                };
                let wide = mark.span.is_some();
                let radius = if look.band || (wide && !look.point) {
                    3.0
                } else {
                    body_h / 2.0
                };
                out.push(Shape::Body {
                    x: bx,
                    y: top + body_top,
                    w: bw,
                    h: body_h,
                    radius: radius.min(bw / 2.0),
                    band: look.band,
                    hollow: look.hollow,
                    alpha: if dimmed {
                        0.25
                    } else if look.uncertain {
                        0.6
                    } else {
                        1.0
                    },
                    // A highlighted event's ring wins over the selection's, as in the CSS.
                    ring: if hit {
                        Some(false)
                    } else if selected {
                        Some(true)
                    } else {
                        None
                    },
                });
                if let Some(lw) = mark.label_width {
                    let (y, size, weight, tone) = if m.commission {
                        (1.45 * rem, 0.85 * rem, 650, Tone::Accent)
                    } else {
                        (1.05 * rem, 0.78 * rem, 400, Tone::Text)
                    };
                    let (weight, tone) = if dimmed {
                        (400, Tone::Muted)
                    } else if selected {
                        (700, tone)
                    } else {
                        (weight, tone)
                    };
                    out.push(Shape::Label {
                        x,
                        y: top + y,
                        w: lw,
                        line: 1.05 * rem,
                        size,
                        weight,
                        tone,
                        text: label,
                    });
                }
                if inputs.focused == Some(idx) {
                    out.push(Shape::Outline {
                        x,
                        y: top,
                        w,
                        h: m.row_h,
                    });
                }
            }
        }
    }
    out
}

/// The mark whose element would stand at `(x, y)` at `ppd` pixels per day (CSS pixels, `x` from
/// the world's origin, `y` from the lane's top), the one on top where elements overlap (the
/// later, as the page stacks them): what a click on the sketch there means. The geometry is
/// `timeline.css`'s, as [`shapes`] draws it: an event's element is its button (its body's
/// width, its row's height) and its label below the body, as wide as the label, which can
/// reach past the button; a cluster's is its bubble.
pub fn mark_at<'a>(
    marks: &'a [MarkView],
    ppd: f64,
    m: &Metrics,
    (x, y): (f64, f64),
) -> Option<&'a MarkView> {
    let within = |left: f64, w: f64, top: f64, h: f64| {
        (left..left + w).contains(&x) && (top..top + h).contains(&y)
    };
    let label_top = if m.commission { 1.45 } else { 1.05 } * m.rem;
    marks.iter().rev().find(|mark| {
        let left = mark.x(ppd);
        let w = mark.width(ppd);
        let top = m.top(mark.row);
        match mark.kind {
            MarkKind::Cluster { .. } => within(left, w, top + 0.1 * m.rem, 1.7 * m.rem),
            MarkKind::Item(_) => {
                within(left, w, top, m.row_h)
                    || mark
                        .label_width
                        .is_some_and(|lw| within(left, lw, top + label_top, 1.05 * m.rem))
            }
        }
    })
}

/// A length from a custom property's value: `12px`, `0.35rem`, `0` (in pixels).
pub fn length_px(value: &str, rem: f64) -> Option<f64> {
    let v = value.trim();
    if let Some(n) = v.strip_suffix("rem") {
        return n.trim().parse::<f64>().ok().map(|n| n * rem);
    }
    if let Some(n) = v.strip_suffix("px") {
        return n.trim().parse::<f64>().ok();
    }
    v.parse::<f64>().ok().filter(|n| *n == 0.0)
}

/// `rgba(r, g, b, a)` for a `#rgb` or `#rrggbb` colour, or an `rgb(...)` one.
pub fn with_alpha(color: &str, alpha: f64) -> Option<String> {
    let c = color.trim();
    let (r, g, b) = if let Some(hex) = c.strip_prefix('#') {
        let digit = |i: usize, n: usize| u8::from_str_radix(hex.get(i..i + n)?, 16).ok();
        match hex.len() {
            3 => {
                let d = |i| digit(i, 1).map(|v| v * 17);
                (d(0)?, d(1)?, d(2)?)
            }
            6 => (digit(0, 2)?, digit(2, 2)?, digit(4, 2)?),
            _ => return None,
        }
    } else {
        let inner = c
            .strip_prefix("rgba(")
            .or_else(|| c.strip_prefix("rgb("))?
            .strip_suffix(')')?;
        let mut parts = inner
            .split([',', ' ', '/'])
            .filter(|p| !p.is_empty())
            .map(|p| p.parse::<f64>().ok());
        let mut next = || parts.next().flatten().map(|v| v.clamp(0.0, 255.0) as u8);
        (next()?, next()?, next()?)
    };
    Some(format!("rgba({r}, {g}, {b}, {alpha})"))
}

/// The colours and font of a lane, read from its computed style when a sketch starts. (The
/// lane's colour at 35 % is not among them: it is the hover ring, and nothing hovers while the
/// view moves.)
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Palette {
    lane: String,
    accent: String,
    surface: String,
    text: String,
    muted: String,
    border: String,
    focus: String,
    /// The lane's colour at 45 % (a band's middle) and at 0 (its ends).
    band: (String, String),
    /// The focus colour at 55 % (a highlight's ring).
    hit_ring: String,
    /// The font family.
    font: String,
    /// The lane's writing direction, for text drawn on the sprite sheet, which is outside the
    /// page and so inherits none (the timeline is laid out left to right in every language, so
    /// this is what a canvas in it inherited).
    direction: String,
}

impl Palette {
    /// Its colours and font as strings, in one order, to send to the sketch worker.
    pub(super) fn strings(&self) -> [&str; 12] {
        [
            &self.lane,
            &self.accent,
            &self.surface,
            &self.text,
            &self.muted,
            &self.border,
            &self.focus,
            &self.band.0,
            &self.band.1,
            &self.hit_ring,
            &self.font,
            &self.direction,
        ]
    }

    /// The palette [`Palette::strings`] gave `s`; `None` if `s` is not twelve strings.
    pub(super) fn from_strings(s: &[String]) -> Option<Palette> {
        let [
            lane,
            accent,
            surface,
            text,
            muted,
            border,
            focus,
            band_mid,
            band_end,
            hit_ring,
            font,
            direction,
        ] = s
        else {
            return None;
        };
        Some(Palette {
            lane: lane.clone(),
            accent: accent.clone(),
            surface: surface.clone(),
            text: text.clone(),
            muted: muted.clone(),
            border: border.clone(),
            focus: focus.clone(),
            band: (band_mid.clone(), band_end.clone()),
            hit_ring: hit_ring.clone(),
            font: font.clone(),
            direction: direction.clone(),
        })
    }

    fn tone(&self, t: Tone) -> &str {
        match t {
            Tone::Accent => &self.accent,
            Tone::Text => &self.text,
            Tone::Muted => &self.muted,
        }
    }
}

/// How far the canvas reaches beyond each side of the screen (px): a pan within that needs no
/// redraw. (A bigger canvas costs more to clear and to hand to the compositor on every frame.)
const REACH_PX: f64 = 160.0;

/// The canvas's width for a screen `width` wide (CSS px): the screen and [`REACH_PX`] each side.
fn span(width: f64) -> f64 {
    width + 2.0 * REACH_PX
}

/// What the lanes sharing the canvas agree on: where its left edge is in the world, and a
/// count of the times it was sized (which wipes every lane's sketch).
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Shared {
    left: Option<f64>,
    sized: u64,
}

/// What the canvas shows, to skip drawing the same picture again.
#[derive(PartialEq)]
struct Drawn {
    /// Shared with the frame it came from, not copied (see `Frame::lanes`).
    marks: Arc<[MarkView]>,
    ppd: f64,
    left: f64,
    width: f64,
    selected: Option<EventIdx>,
    focused: Option<EventIdx>,
    /// The highlighted events, when someone is highlighted.
    hits: Option<Vec<EventIdx>>,
    generation: u64,
    /// The canvas's sizing it was drawn after (see [`Shared`]).
    sized: u64,
}

/// What a lane's sketch shows.
pub struct Scene<'a> {
    /// The lane's marks, in time order.
    pub marks: &'a Arc<[MarkView]>,
    /// The scale, in pixels per day.
    pub ppd: f64,
    /// How far the world is translated (px).
    pub shift: f64,
    /// The screen's width (px).
    pub width: f64,
    /// The language's generation (see `marks::Inputs`): looks and labels are read again when
    /// it changes.
    pub generation: u64,
    /// An event's look and label.
    pub item: &'a dyn Fn(EventIdx) -> (Look, Rc<str>),
    /// The selected event.
    pub selected: Option<EventIdx>,
    /// The event whose mark has the keyboard focus.
    pub focused: Option<EventIdx>,
    /// The highlighted person's events (sorted), when someone is highlighted.
    pub hits: Option<&'a [EventIdx]>,
    /// What the lanes sharing the canvas agree on.
    pub shared: &'a mut Shared,
}

/// Draws a lane's sketch on its band of the canvas the lanes share: works out what the lane
/// looks like now and has it drawn, by the page ([`Brush`]) or by the sketch worker
/// (`sketch_worker`), which the canvas is then handed to.
pub struct Painter {
    canvas: HtmlCanvasElement,
    target: Target,
    metrics: Metrics,
    /// The lane's top in the canvas, and its height (read once: reading them per frame would
    /// force a layout).
    top: f64,
    height: f64,
    /// The canvas's height: its parent's, the world's.
    total: f64,
    drawn: Option<Drawn>,
    /// What the colours were read under (see [`looks`]).
    looks: String,
    /// Device pixels per CSS pixel, read when the painter is made and when a gesture starts
    /// (`window()` and the ratio, read by every lane at every frame, were 0.3 ms of each zoom
    /// step at 10k events, profiled).
    dpr: f64,
    /// Each event's look and label, in the language of `generation`.
    items: HashMap<EventIdx, (Look, Rc<str>)>,
    generation: u64,
}

/// The screen's device pixels per CSS pixel, as the canvas is sized for it (1 to 2: more would
/// cost a bigger bitmap for little the eye sees while the view moves).
fn device_pixel_ratio() -> f64 {
    web_sys::window()
        .map_or(1.0, |w| w.device_pixel_ratio())
        .clamp(1.0, 2.0)
}

/// Who draws a lane's sketch.
enum Target {
    /// The page, on its canvas.
    Here(Brush),
    /// The sketch worker, which the canvas was handed to.
    #[cfg_attr(not(feature = "worker"), allow(dead_code))]
    There(super::sketch_worker::Remote),
}

impl Painter {
    /// A painter for the lane `lane` (whose computed style gives the colours and sizes) on
    /// `canvas`, which lies over the world from its top (the lane's parent, which the canvas is
    /// as tall as); `None` where a sketch must not or cannot be drawn (forced colours, no 2D
    /// context, sizes it cannot read), and the marks' elements are then moved as before.
    pub fn new(canvas: HtmlCanvasElement, lane: &HtmlElement, commission: bool) -> Option<Self> {
        let (palette, metrics) = read_style(lane, commission)?;
        let palette = Rc::new(palette);
        let style = style_key(&palette, &metrics);
        let band = (
            f64::from(lane.offset_top()),
            f64::from(lane.client_height()),
        );
        let target = Target::on(&canvas, &palette, metrics.rem, style, band)?;
        Some(Painter {
            canvas,
            target,
            metrics,
            top: band.0,
            height: band.1,
            total: lane
                .parent_element()
                .map_or(0.0, |w| f64::from(w.client_height())),
            drawn: None,
            looks: looks(),
            dpr: device_pixel_ratio(),
            items: HashMap::new(),
            generation: u64::MAX,
        })
    }

    /// Reads the colours and sizes again if the theme, the contrast, the system's colours or
    /// the direction have changed since the painter read them; `false` if the lane must not be
    /// sketched now (forced colours, or a sketch worker not drawing, see [`Painter::can_draw`]).
    /// Styles only: the lane's height, which would force a layout, is kept. (Read at every
    /// gesture's start, the styles cost that frame 8 ms at 10k events: the page's styles had to
    /// be brought up to date first.)
    pub fn refresh(&mut self, lane: &HtmlElement) -> bool {
        if !self.can_draw() {
            return false;
        }
        let now = looks();
        if now == self.looks {
            return true;
        }
        match read_style(lane, self.metrics.commission) {
            Some((palette, metrics)) => {
                // Kept only once read: in forced colours nothing is read, and every gesture
                // asks again (and is refused) until they are off.
                self.looks = now;
                let style = style_key(&palette, &metrics);
                self.metrics = metrics;
                let band = (self.top, self.height);
                match &mut self.target {
                    Target::Here(brush) => {
                        brush.restyle(Rc::new(palette), metrics.rem, style, band)
                    }
                    Target::There(remote) => remote.style(&palette, metrics.rem, style, band),
                }
                true
            }
            None => false,
        }
    }

    /// Whether its lane can be sketched now: always when the page draws; when the sketch worker
    /// does, once it listens and while it works.
    pub fn can_draw(&self) -> bool {
        match &self.target {
            Target::Here(_) => true,
            Target::There(remote) => remote.alive(),
        }
    }

    /// The mark the lane's sketch shows at `(x, y)` (CSS pixels, `x` from the world's origin,
    /// `y` from the lane's top), as last drawn: see [`mark_at`].
    pub fn mark_at(&self, (x, y): (f64, f64)) -> Option<MarkView> {
        let d = self.drawn.as_ref()?;
        mark_at(&d.marks, d.ppd, &self.metrics, (x, y)).cloned()
    }

    /// Whether the sketch worker draws the lane (its picture reaches the screen on its own).
    pub fn drawn_elsewhere(&self) -> bool {
        matches!(self.target, Target::There(_))
    }

    /// Takes over what `old` knew of the events (their looks and labels).
    pub fn adopt(&mut self, old: Painter) {
        self.items = old.items;
        self.generation = old.generation;
    }

    /// A new gesture: the next draw draws, whatever the canvas showed before, for the pixel
    /// ratio of now (the page may have been zoomed since).
    pub fn restart(&mut self) {
        self.drawn = None;
        self.dpr = device_pixel_ratio();
    }

    /// The canvas's size in device pixels.
    fn bitmap(&self) -> (u32, u32) {
        match &self.target {
            Target::Here(_) => (self.canvas.width(), self.canvas.height()),
            Target::There(remote) => remote.size(),
        }
    }

    /// Sizes the canvas for a screen `width` wide: (width, pixel ratio, whether it was sized
    /// now, which wiped it).
    fn size(&mut self, width: f64) -> (f64, f64, bool) {
        let dpr = self.dpr;
        let (cw, ch) = (span(width), self.total);
        let (pw, ph) = ((cw * dpr).round() as u32, (ch * dpr).round() as u32);
        // Compared with the canvas itself: another lane may have sized it already, and setting
        // a size, even the same, allocates the bitmap again and wipes every lane's sketch.
        let sized = self.bitmap() != (pw, ph);
        if sized {
            match &self.target {
                Target::Here(_) => {
                    self.canvas.set_width(pw);
                    self.canvas.set_height(ph);
                }
                Target::There(remote) => remote.set_size((pw, ph)),
            }
            let style = self.canvas.style();
            let _ = style.set_property("width", &format!("{cw}px"));
            let _ = style.set_property("height", &format!("{ch}px"));
        }
        (cw, dpr, sized)
    }

    /// Wipes the lane's band of the canvas (the lane's elements show again below it).
    pub fn clear(&mut self) {
        let dpr = self.sized_dpr();
        match &self.target {
            Target::Here(brush) => brush.wipe(dpr),
            Target::There(remote) => remote.wipe(dpr),
        }
        self.drawn = None;
    }

    /// Device pixels per CSS pixel of the canvas as it was last sized.
    fn sized_dpr(&self) -> f64 {
        f64::from(self.bitmap().1) / self.total.max(1.0)
    }

    /// Gets ready, while the view rests, for a gesture over `marks` at `ppd` pixels per day,
    /// the world shifted by `shift`, on a screen `width` wide: the canvas sized and its bitmap
    /// made (only if `resting`, no lane showing its sketch), the events' looks and labels read,
    /// and the sprites of what is in view drawn. A gesture's first frame then only draws (at
    /// 10k events it took over 50 ms when it did all this too).
    pub fn prepare(
        &mut self,
        marks: &[MarkView],
        (ppd, shift, width): (f64, f64, f64),
        generation: u64,
        item: &dyn Fn(EventIdx) -> (Look, Rc<str>),
        resting: bool,
    ) {
        if generation != self.generation {
            self.items.clear();
            self.generation = generation;
        }
        for m in marks {
            if let MarkKind::Item(i) = m.kind {
                self.items
                    .entry(EventIdx(i))
                    .or_insert_with(|| item(EventIdx(i)));
            }
        }
        // Sized only while no lane shows a sketch: sizing wipes the lanes still showing theirs.
        // (Not "while the canvas is hidden": a lane draws its band a frame before it shows it.)
        let (cw, dpr) = if resting {
            let (cw, dpr, _) = self.size(width);
            // The lane's band wiped now: the browser makes a canvas's bitmap at its first
            // drawing call after a sizing, and that was the gesture's first frame's (8 ms of
            // it at 10k events, in a CPU profile).
            self.clear();
            (cw, dpr)
        } else {
            (span(width), self.sized_dpr())
        };
        let items = &mut self.items;
        let mut lookup = |i: EventIdx| items.entry(i).or_insert_with(|| item(i)).clone();
        let mut inputs = SketchInputs {
            item: &mut lookup,
            selected: None,
            highlight: false,
            is_hit: &|_| false,
            focused: None,
        };
        let list = shapes(marks, ppd, shift - REACH_PX, cw, &self.metrics, &mut inputs);
        match &mut self.target {
            Target::Here(brush) => brush.ready(&list, dpr, resting),
            Target::There(remote) => remote.ready(&list, dpr, resting),
        }
    }

    /// Draws `scene`, unless the canvas already shows it and still covers the screen.
    pub fn draw(&mut self, scene: Scene<'_>) {
        let Scene {
            marks,
            ppd,
            shift,
            width,
            generation,
            item,
            selected,
            focused,
            hits,
            shared,
        } = scene;
        if generation != self.generation {
            self.items.clear();
            self.generation = generation;
        }
        // The canvas covers the screen as long as the world has moved less than REACH_PX
        // either way since it was placed; the first lane to draw in a frame moves it, and the
        // others follow (they all see the same shift).
        let left = match shared.left {
            Some(l) if (shift - REACH_PX - l).abs() <= REACH_PX => l,
            _ => shift - REACH_PX,
        };
        if let Some(d) = &self.drawn
            && (Arc::ptr_eq(&d.marks, marks) || d.marks == *marks)
            && d.ppd == ppd
            && d.width == width
            && d.selected == selected
            && d.focused == focused
            && d.hits.as_deref() == hits
            && d.generation == generation
            && d.left == left
            && d.sized == shared.sized
        {
            return;
        }
        let (cw, dpr, sized) = self.size(width);
        if sized {
            shared.sized += 1;
        }
        if shared.left != Some(left) {
            shared.left = Some(left);
            // A transform, not `left`: moving a box in the world by its `left` had the browser
            // lay out the page again from the document down (traced, at each zoom step).
            let _ = self
                .canvas
                .style()
                .set_property("transform", &format!("translateX({}px)", Fixed(left, 2)));
        }
        let items = &mut self.items;
        let mut lookup = |i: EventIdx| items.entry(i).or_insert_with(|| item(i)).clone();
        let is_hit = |i: EventIdx| hits.is_some_and(|h| h.binary_search(&i).is_ok());
        let mut inputs = SketchInputs {
            item: &mut lookup,
            selected,
            highlight: hits.is_some(),
            is_hit: &is_hit,
            focused,
        };
        let list = shapes(marks, ppd, left, cw, &self.metrics, &mut inputs);
        match &mut self.target {
            Target::Here(brush) => brush.frame(&list, cw, dpr),
            Target::There(remote) => remote.frame(&list, cw, dpr),
        }
        self.drawn = Some(Drawn {
            marks: marks.clone(),
            ppd,
            left,
            width,
            selected,
            focused,
            hits: hits.map(<[EventIdx]>::to_vec),
            generation,
            sized: shared.sized,
        });
    }
}

impl Target {
    /// Who draws on `canvas`: the sketch worker, once the canvas is handed to it (with the
    /// `worker` feature, where the browser can), else the page; `None` when neither can (no 2D
    /// context, or a canvas handed to a worker that then failed).
    fn on(
        canvas: &HtmlCanvasElement,
        palette: &Rc<Palette>,
        rem: f64,
        style: u64,
        band: (f64, f64),
    ) -> Option<Target> {
        #[cfg(feature = "worker")]
        if let Some(remote) = super::sketch_worker::Remote::new(canvas) {
            remote.style(palette, rem, style, band);
            return Some(Target::There(remote));
        }
        let cx = context_2d(canvas)?;
        Some(Target::Here(Brush::new(
            cx,
            palette.clone(),
            rem,
            style,
            band,
        )))
    }
}

/// Wipes the whole canvas, whoever draws on it.
pub fn wipe_canvas(canvas: &HtmlCanvasElement) {
    #[cfg(feature = "worker")]
    if super::sketch_worker::wipe_all(canvas) {
        return;
    }
    if let Some(cx) = context_2d(canvas) {
        wipe(
            &cx,
            0.0,
            f64::from(canvas.width()),
            f64::from(canvas.height()),
        );
    }
}

/// A lane's colours and sizes as a number: the sprites a lane draws on the shared sheet are its
/// own, keyed by it.
fn style_key(p: &Palette, m: &Metrics) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for s in [
        &p.lane,
        &p.surface,
        &p.text,
        &p.muted,
        &p.border,
        &p.accent,
        &p.font,
        &p.direction,
    ] {
        s.hash(&mut h);
    }
    for v in [m.rem, m.row_h, m.lane_top, m.lane_pad] {
        v.to_bits().hash(&mut h);
    }
    m.commission.hash(&mut h);
    h.finish()
}

/// What draws a lane's band of the canvas: its context, the lane's colours and sizes, and where
/// its band is. The page has one per lane when it draws the sketch itself, the sketch worker
/// when it does (`sketch_worker`): the same drawing either way.
pub(super) struct Brush {
    cx: CanvasRenderingContext2d,
    palette: Rc<Palette>,
    /// One rem, in CSS px.
    rem: f64,
    /// The lane's colours and sizes as a number (see [`style_key`]).
    style: u64,
    /// The lane's top in the canvas, and its height (CSS px).
    top: f64,
    height: f64,
    /// The month and year bands' gradient, across 0..1, for the palette it was made with (see
    /// [`Brush::unit_band`]).
    band: Option<(Rc<Palette>, web_sys::CanvasGradient)>,
    /// The commonest width of the bubbles without a whole pill in the last list painted (see
    /// [`Plan::whole_to_make`]).
    last_sliced: Option<(u32, u64, bool)>,
}

impl Brush {
    /// A brush drawing with `cx` in the colours of `palette`, on the band `(top, height)`.
    pub(super) fn new(
        cx: CanvasRenderingContext2d,
        palette: Rc<Palette>,
        rem: f64,
        style: u64,
        (top, height): (f64, f64),
    ) -> Brush {
        Brush {
            cx,
            palette,
            rem,
            style,
            top,
            height,
            band: None,
            last_sliced: None,
        }
    }

    /// The lane's colours, sizes or band have changed.
    pub(super) fn restyle(
        &mut self,
        palette: Rc<Palette>,
        rem: f64,
        style: u64,
        (top, height): (f64, f64),
    ) {
        self.palette = palette;
        self.rem = rem;
        self.style = style;
        self.top = top;
        self.height = height;
    }

    /// Wipes the lane's band, on a canvas of `dpr` device pixels per CSS pixel.
    pub(super) fn wipe(&self, dpr: f64) {
        let width = self.cx.canvas().map_or(0.0, |c| f64::from(c.width()));
        wipe(
            &self.cx,
            (self.top * dpr).floor(),
            width,
            (self.height * dpr).ceil(),
        );
    }

    /// Draws `list` on the lane's band, `cw` CSS px wide at `dpr`, over whatever it showed.
    pub(super) fn frame(&mut self, list: &[Shape], cw: f64, dpr: f64) {
        self.wipe(dpr);
        // The lane's band, and nothing beyond it (the next lane's is not this one's to touch):
        // its top is whole CSS pixels, so whole device pixels too.
        let _ = self
            .cx
            .set_transform(dpr, 0.0, 0.0, dpr, 0.0, self.top * dpr);
        self.cx.save();
        self.cx.begin_path();
        self.cx.rect(0.0, 0.0, cw, self.height);
        self.cx.clip();
        // Copies from the sheet land on whole device pixels at the sheet's own scale (see
        // `Blit`), and the one piece stretched, a pill's middle, is one column of flat colour
        // drawn wider: unfiltered, they are the same pixels. Filtered, as a canvas filters
        // copies by default, they cost the sketch worker ~30 % more time rasterising each frame
        // (traced at 10k events), on a core the page shares.
        self.cx.set_image_smoothing_enabled(false);
        self.paint(list, dpr);
        self.cx.restore();
    }

    /// Gets ready for a gesture over `list` at `dpr`: the sprites it lacks put on the sheet
    /// (every digit too), and its drawing rehearsed; the sheet grown if it is half full and the
    /// view rests (`resting`).
    pub(super) fn ready(&mut self, list: &[Shape], dpr: f64, resting: bool) {
        if resting {
            Sprites::with(Sprites::make_room);
        }
        let (plan, sheet) = self.sprites_for(list, dpr);
        if sheet.is_some() {
            // Every digit, so that any count a zoom makes finds them.
            let all = Shape::Bubble {
                x: 0.0,
                y: 0.0,
                w: 0.0,
                h: 1.7 * self.rem,
                count: 1_234_567_890,
                count_dx: 0.0,
                muted: false,
            };
            self.queue(
                list.iter()
                    .zip(plan.shapes)
                    .filter(|(_, p)| p.is_none())
                    .map(|(s, _)| s)
                    .chain([&all]),
                None,
            );
        }
        self.rehearse(list, dpr);
    }

    /// Paints `list` once on a canvas with no pixels, where every call draws nothing: the
    /// gesture's first frame then runs code the page has run before. (The page compiles each
    /// wasm function on its first call, and runs it as baseline code until an optimised
    /// version is ready: the drawing code's first run was most of a gesture's first frame at
    /// 10k events, 45–60 ms in traces.)
    fn rehearse(&mut self, list: &[Shape], dpr: f64) {
        thread_local! {
            static NOWHERE: Option<CanvasRenderingContext2d> =
                super::sprites::canvas(0, 0).and_then(|c| context_2d(&c));
        }
        let Some(nowhere) = NOWHERE.with(Clone::clone) else {
            return;
        };
        let real = std::mem::replace(&mut self.cx, nowhere);
        self.paint(list, dpr);
        self.cx = real;
    }

    /// Paints the shapes in order, as the page stacks the elements (a later mark covers an
    /// earlier one, count and all), setting the context's state only when it changes. Bubbles
    /// and labels are copied from the sprite sheet; those not on it yet are put there after
    /// the frame, and meanwhile a bubble is drawn here and a label waits. With no sheet, both
    /// are drawn here.
    fn paint(&mut self, list: &[Shape], dpr: f64) {
        let (plan, sheet) = self.sprites_for(list, dpr);
        let whole = plan.whole_to_make(&mut self.last_sliced);
        let band_gradient = list
            .iter()
            .any(|s| matches!(s, Shape::Body { band: true, .. }))
            .then(|| self.unit_band());
        let top = self.top;
        let mut missed = Vec::new();
        let cx = &self.cx;
        let p = &self.palette;
        let rem = self.rem;
        let mut pen = Pen::default();
        let round_rect = |x: f64, y: f64, w: f64, h: f64, r: f64| {
            cx.begin_path();
            let _ = cx.round_rect_with_f64(x, y, w.max(0.0), h.max(0.0), r.max(0.0));
        };
        let blit = |sheet: &HtmlCanvasElement, b: &Blit| {
            let _ = cx
                .draw_image_with_html_canvas_element_and_sw_and_sh_and_dx_and_dy_and_dw_and_dh(
                    sheet, b.from.0, b.from.1, b.from.2, b.from.3, b.to.0, b.to.1, b.to.2, b.to.3,
                );
        };
        cx.set_text_baseline("middle");
        for (i, s) in list.iter().enumerate() {
            let copies = plan.shapes.get(i).cloned().flatten();
            if let (Some(range), Some(sheet)) = (copies, &sheet) {
                pen.alpha(cx, 1.0);
                for b in &plan.blits[range] {
                    blit(sheet, b);
                }
                continue;
            }
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
                } => {
                    pen.alpha(cx, *alpha);
                    if let Some(selected) = ring {
                        // A box-shadow 3 px wide around the body, fading with it.
                        pen.stroke(cx, if *selected { &p.focus } else { &p.hit_ring });
                        pen.dashed(cx, false);
                        pen.width(cx, 3.0);
                        round_rect(x - 1.5, y - 1.5, w + 3.0, h + 3.0, radius + 1.5);
                        cx.stroke();
                    }
                    round_rect(*x, *y, *w, *h, *radius);
                    if *hollow {
                        pen.fill(cx, &p.surface);
                        cx.fill();
                        // The 2 px border inside the box, as the page draws it.
                        round_rect(x + 1.0, y + 1.0, w - 2.0, h - 2.0, radius - 1.0);
                        pen.stroke(cx, &p.lane);
                        pen.dashed(cx, true);
                        pen.width(cx, 2.0);
                        cx.stroke();
                    } else if let (true, Some(g)) = (*band, &band_gradient) {
                        // The path is placed by the transform in force as it is drawn, a fill
                        // style by the one in force as it fills: stretched over this body, the
                        // one gradient across 0..1 is this body's (one call for what took a
                        // gradient and its four stops per band).
                        cx.set_fill_style_canvas_gradient(g);
                        pen.fill = None;
                        let _ = cx.set_transform(dpr * w, 0.0, 0.0, dpr, dpr * x, top * dpr);
                        cx.fill();
                        let _ = cx.set_transform(dpr, 0.0, 0.0, dpr, 0.0, top * dpr);
                    } else {
                        // Fill and border are both the lane's colour.
                        pen.fill(cx, &p.lane);
                        cx.fill();
                    }
                }
                Shape::Bubble {
                    x,
                    y,
                    w,
                    h,
                    count,
                    count_dx,
                    muted,
                } => {
                    ring(cx, &mut pen, p, (*x, *y, *w, *h), *muted);
                    let at = (*x + *count_dx, *y + *h / 2.0);
                    count_text(cx, &mut pen, p, rem, at, *count, *muted);
                    missed.push(i);
                }
                Shape::Outline { x, y, w, h } => {
                    // `.mark:focus-visible`: 3 px, 1 px off the element, rounded 4 px.
                    pen.alpha(cx, 1.0);
                    pen.stroke(cx, &p.focus);
                    pen.dashed(cx, false);
                    pen.width(cx, 3.0);
                    round_rect(x - 2.5, y - 2.5, w + 5.0, h + 5.0, 5.5);
                    cx.stroke();
                }
                Shape::Label { .. } => {
                    // With a sheet, a label without its sprite yet waits for it: the next
                    // frame. Text drawn on a canvas in the page makes the browser bring the
                    // page's styles up to date first (14 times, 0.2-0.7 ms each, in a traced
                    // zoom at 10k events, mostly labels appearing as the zoom gives them room),
                    // and its glyphs cost the frame's commit.
                    if sheet.is_none() {
                        label(cx, &mut pen, p, s);
                    }
                    missed.push(i);
                }
            }
        }
        pen.alpha(cx, 1.0);
        pen.dashed(cx, false);
        if sheet.is_some() {
            self.queue(missed.into_iter().map(|i| &list[i]), whole);
        }
    }

    /// The bands' gradient across 0..1 (the palette's soft ends and full middle), made once per
    /// palette; a fill stretches it over each band.
    fn unit_band(&mut self) -> web_sys::CanvasGradient {
        if let Some((palette, g)) = &self.band
            && Rc::ptr_eq(palette, &self.palette)
        {
            return g.clone();
        }
        let p = &self.palette;
        let g = self.cx.create_linear_gradient(0.0, 0.0, 1.0, 0.0);
        let _ = g.add_color_stop(0.0, &p.band.1);
        let _ = g.add_color_stop(0.18, &p.band.0);
        let _ = g.add_color_stop(0.82, &p.band.0);
        let _ = g.add_color_stop(1.0, &p.band.1);
        self.band = Some((Rc::clone(p), g.clone()));
        g
    }

    /// Puts the sprites of `shapes` (bubbles and labels drawn without one), and a whole pill
    /// `(width, height, muted)` if one is asked for (one copy for each bubble of that width
    /// rather than three), on the sheet after this frame, between frames: drawn on it now, in
    /// the middle of a frame whose lanes have copied from it already, the browser would first
    /// copy the whole sheet for them (some 20 ms a frame at 10k events, measured).
    fn queue<'a>(&self, shapes: impl Iterator<Item = &'a Shape>, whole: Option<(u32, u64, bool)>) {
        let (style, rem) = (self.style, self.rem);
        let added = PENDING.with(|q| {
            let Ok(mut q) = q.try_borrow_mut() else {
                return false;
            };
            let before = q.len();
            // A short list, looked through: a map of its own would cost the page more code.
            let mut add = |key: SpriteKey, art: Art| {
                if !q.iter().any(|(k, _)| *k == key) {
                    let palette = self.palette.clone();
                    q.push((key, Pending { art, palette, rem }));
                }
            };
            for s in shapes {
                match s {
                    Shape::Bubble {
                        h, count, muted, ..
                    } => {
                        let key = SpriteKey::Pill {
                            style,
                            height: h.to_bits(),
                            muted: *muted,
                        };
                        add(key, Art::Pill(*h, *muted));
                        for digit in digits(*count) {
                            let key = SpriteKey::Digit {
                                style,
                                muted: *muted,
                                digit,
                            };
                            add(key, Art::Digit(digit, *h, *muted));
                        }
                    }
                    Shape::Label { .. } => {
                        if let Some(key) = label_key(s, style) {
                            add(key, Art::Label(s.at(SPRITE_PAD, SPRITE_PAD)));
                        }
                    }
                    _ => {}
                }
            }
            if let Some((width, height, muted)) = whole {
                let key = SpriteKey::WholePill {
                    style,
                    height,
                    muted,
                    width,
                };
                add(key, Art::WholePill(f64::from_bits(height), muted, width));
            }
            before == 0 && !q.is_empty()
        });
        if added {
            later(add_pending, 0);
        }
    }

    /// How each bubble's count and each label of `list` is copied from the shared sheet, and
    /// the sheet; a shape with a sprite not on the sheet yet is drawn without. Nothing when
    /// there is no sheet.
    fn sprites_for(&self, list: &[Shape], dpr: f64) -> (Plan, Option<HtmlCanvasElement>) {
        let style = self.style;
        Sprites::with(|sheet| {
            sheet.set_scale(dpr);
            let mut plan = Plan {
                shapes: Vec::with_capacity(list.len()),
                blits: Vec::with_capacity(list.len() * 2),
                sliced: Vec::new(),
            };
            for s in list {
                let start = plan.blits.len();
                let ok = match s {
                    Shape::Bubble {
                        x,
                        y,
                        w,
                        h,
                        count,
                        count_dx,
                        muted,
                    } => {
                        let width = Blit::bubble_width((*x, *w), dpr);
                        let whole = sheet
                            .get(&SpriteKey::WholePill {
                                style,
                                height: h.to_bits(),
                                muted: *muted,
                                width,
                            })
                            .map(|slot| Blit::whole(slot, *x, *y, dpr));
                        // The pill's copies: the whole one, or its three pieces.
                        let pill = match whole {
                            Some(b) => Some(([b; 3], 1)),
                            None => {
                                plan.sliced.push((width, h.to_bits(), *muted));
                                sheet
                                    .get(&SpriteKey::Pill {
                                        style,
                                        height: h.to_bits(),
                                        muted: *muted,
                                    })
                                    .and_then(|pill| Blit::pill(pill, (*x, *y, *w), dpr))
                                    .map(|b| (b, 3))
                            }
                        };
                        let mut glyphs = Vec::new();
                        let mut total = 0.0;
                        let ok = pill.is_some()
                            && digits(*count).all(|digit| {
                                let key = SpriteKey::Digit {
                                    style,
                                    muted: *muted,
                                    digit,
                                };
                                sheet
                                    .get(&key)
                                    .map(|slot| {
                                        glyphs.push((slot, total));
                                        total += slot.advance;
                                    })
                                    .is_some()
                            });
                        if let (true, Some((pill, n))) = (ok, pill) {
                            plan.blits.extend_from_slice(&pill[..n]);
                            // Centred where the count's text is.
                            let left = x + count_dx - total / 2.0;
                            plan.blits.extend(
                                glyphs
                                    .into_iter()
                                    .map(|(slot, at)| Blit::whole(slot, left + at, *y, dpr)),
                            );
                        }
                        ok
                    }
                    Shape::Label { x, y, w, text, .. } => label_key(s, style)
                        .and_then(|key| sheet.get(&key))
                        .map(|slot| {
                            let rtl = is_rtl_text(text);
                            plan.blits.push(Blit::label(slot, (*x, *y, *w), rtl, dpr));
                        })
                        .is_some(),
                    _ => false,
                };
                if ok {
                    plan.shapes.push(Some(start..plan.blits.len()));
                } else {
                    plan.blits.truncate(start);
                    plan.shapes.push(None);
                }
            }
            (plan, Some(sheet.canvas().clone()))
        })
        .unwrap_or_else(|| {
            (
                Plan {
                    shapes: Vec::new(),
                    blits: Vec::new(),
                    sliced: Vec::new(),
                },
                None,
            )
        })
    }
}

/// A piece of the sheet copied to a lane: from (device px on the sheet) and to (CSS px in the
/// lane's band, on whole device pixels).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Blit {
    from: (f64, f64, f64, f64),
    to: (f64, f64, f64, f64),
}

impl Blit {
    /// The whole of `slot`, at its natural size, for a box whose top-left corner is `(x, y)`.
    fn whole(slot: Slot, x: f64, y: f64, dpr: f64) -> Blit {
        let snap = |v: f64| ((v - SPRITE_PAD) * dpr).round() / dpr;
        let (w, h) = (f64::from(slot.w), f64::from(slot.h));
        Blit {
            from: (f64::from(slot.x), f64::from(slot.y), w, h),
            to: (snap(x), snap(y), w / dpr, h / dpr),
        }
    }

    /// A label whose box is `w` wide at `(x, y)` from its text's sprite (`slot.advance` wide
    /// from the padding): the whole sprite when the text fits, as the page sets it against the
    /// box's left edge; else the part the page shows, cut at the box's edge where the page puts
    /// its ellipsis: the text's beginning, which is its left end, or its right end when it
    /// reads right to left (`rtl`).
    fn label(slot: Slot, (x, y, w): (f64, f64, f64), rtl: bool, dpr: f64) -> Blit {
        if slot.advance <= w {
            return Blit::whole(slot, x, y, dpr);
        }
        let snap = |v: f64| (v * dpr).round();
        let (sx, sy, sh) = (f64::from(slot.x), f64::from(slot.y), f64::from(slot.h));
        // Device pixels on the sheet: the text's box, and its padding on the uncut side.
        let (from_x, from_w, to_x) = if rtl {
            let cut = snap(SPRITE_PAD + slot.advance - w);
            (sx + cut, f64::from(slot.w) - cut, snap(x))
        } else {
            (sx, snap(SPRITE_PAD + w), snap(x - SPRITE_PAD))
        };
        Blit {
            from: (from_x, sy, from_w, sh),
            to: (
                to_x / dpr,
                snap(y - SPRITE_PAD) / dpr,
                from_w / dpr,
                sh / dpr,
            ),
        }
    }

    /// How many device pixels a bubble `w` wide at `x` covers with its padding, as
    /// [`Blit::pill`] places it.
    fn bubble_width((x, w): (f64, f64), dpr: f64) -> u32 {
        let left = ((x - SPRITE_PAD) * dpr).round();
        let right = ((x + w + SPRITE_PAD) * dpr).round();
        (right - left).max(0.0) as u32
    }

    /// A bubble `w` wide at `(x, y)` from the `pill` sprite (a bubble [`PILL_STRAIGHT`] wider
    /// than tall): its two ends as they are, and between them one column of the pill's straight
    /// middle, stretched. `None` when the bubble is too narrow for its ends.
    fn pill(pill: Slot, (x, y, w): (f64, f64, f64), dpr: f64) -> Option<[Blit; 3]> {
        let (sx, sy, sw, sh) = (
            f64::from(pill.x),
            f64::from(pill.y),
            f64::from(pill.w),
            f64::from(pill.h),
        );
        // Each end: the padding and half the height, up to a whole device pixel into the
        // straight part.
        let end = ((pill.advance / 2.0 + SPRITE_PAD) * dpr).ceil();
        let left = ((x - SPRITE_PAD) * dpr).round();
        let right = ((x + w + SPRITE_PAD) * dpr).round();
        let top = ((y - SPRITE_PAD) * dpr).round() / dpr;
        let middle = right - left - 2.0 * end;
        if middle < 0.0 || sw < 2.0 * end + 1.0 {
            return None;
        }
        let piece = |from_x: f64, from_w: f64, to_x: f64, to_w: f64| Blit {
            from: (sx + from_x, sy, from_w, sh),
            to: (to_x / dpr, top, to_w / dpr, sh / dpr),
        };
        Some([
            piece(0.0, end, left, end),
            piece(end, 1.0, left + end, middle),
            piece(sw - end, end, right - end, end),
        ])
    }
}

/// How the shapes of a list are copied from the sheet.
struct Plan {
    /// Per shape, its copies in `blits` (`None`: drawn without the sheet).
    shapes: Vec<Option<std::ops::Range<usize>>>,
    blits: Vec<Blit>,
    /// The bubbles with no whole pill of their width on the sheet: width (device px), height
    /// (f64 bits), muted.
    sliced: Vec<(u32, u64, bool)>,
}

impl Plan {
    /// The commonest of the bubbles without a whole pill, if at least two share it (the width of
    /// a lane's bins' clusters; a merged cluster's is its own, and changes with every step of a
    /// zoom: a sprite for it would serve one frame and fill the sheet).
    fn commonest_sliced(&self) -> Option<(u32, u64, bool)> {
        let mut seen: Vec<((u32, u64, bool), usize)> = Vec::new();
        for k in &self.sliced {
            match seen.iter_mut().find(|(s, _)| s == k) {
                Some((_, n)) => *n += 1,
                None => seen.push((*k, 1)),
            }
        }
        // The first of the commonest, so that equal counts choose the same way every frame.
        let mut best: Option<((u32, u64, bool), usize)> = None;
        for (k, n) in seen {
            if best.is_none_or(|(_, m)| n > m) {
                best = Some((k, n));
            }
        }
        best.filter(|(_, n)| *n >= 2).map(|(k, _)| k)
    }

    /// The whole pill to put on the sheet after this frame, given the commonest width of the
    /// frame before (`last`, which becomes this frame's): the commonest of this one, once it
    /// has held for two frames.
    /// Under a zoom the bins' width changes at every step, so a pill made for it would serve
    /// one frame and cost a sprite drawn and settled in the worker after each (traced at 10k
    /// events: a 3–7 ms task at nearly every zoom frame). A pan keeps the width and gets its
    /// pill on its second frame.
    fn whole_to_make(&self, last: &mut Option<(u32, u64, bool)>) -> Option<(u32, u64, bool)> {
        let now = self.commonest_sliced();
        let before = std::mem::replace(last, now);
        now.filter(|now| before == Some(*now))
    }
}

/// The decimal digits of `n`, most significant first.
fn digits(n: u32) -> impl Iterator<Item = u8> {
    let len = n.checked_ilog10().unwrap_or(0) + 1;
    (0..len).rev().map(move |i| ((n / 10u32.pow(i)) % 10) as u8)
}

/// How much longer than tall the pill sprite is (CSS px): its straight middle, from which a
/// bubble's middle is stretched.
const PILL_STRAIGHT: f64 = 4.0;

/// What a sprite shows, to draw it.
enum Art {
    /// A bubble without its count, `h` tall and [`PILL_STRAIGHT`] wider, muted or not.
    Pill(f64, bool),
    /// A bubble without its count, `h` tall, muted or not, as wide as the given device pixels
    /// with its padding.
    WholePill(f64, bool, u32),
    /// A digit of a count in a bubble `h` tall, muted or not.
    Digit(u8, f64, bool),
    /// A label, its box's top-left corner at the sprite's padding.
    Label(Shape),
}

/// A sprite waiting to be put on the sheet.
struct Pending {
    art: Art,
    palette: Rc<Palette>,
    rem: f64,
}

thread_local! {
    static PENDING: RefCell<Vec<(SpriteKey, Pending)>> = const { RefCell::new(Vec::new()) };
}

/// Most sprites put on the sheet in one go (the rest wait for the next task): each costs a
/// text drawn, and they all cost their pixels when the sheet is settled.
const SPRITES_PER_TASK: usize = 64;

/// Puts waiting sprites on the sheet, and has the browser make their pixels now.
fn add_pending() {
    let batch: Vec<(SpriteKey, Pending)> = PENDING.with(|q| {
        let Ok(mut q) = q.try_borrow_mut() else {
            return Vec::new();
        };
        let n = q.len().min(SPRITES_PER_TASK);
        q.drain(..n).collect()
    });
    if batch.is_empty() {
        return;
    }
    Sprites::with(|sheet| {
        let mut pen = Pen::default();
        let mut epoch = None;
        for (key, p) in batch {
            if sheet.get(&key).is_some() {
                continue;
            }
            if epoch != Some(sheet.epoch()) {
                // A grown or emptied sheet has a context in its default state.
                epoch = Some(sheet.epoch());
                pen = Pen::default();
                sheet.cx().set_text_baseline("middle");
            }
            // A label's text may be longer than its sprite, which then keeps its beginning.
            let mut cut = false;
            let (size, advance) = match &p.art {
                Art::Digit(digit, h, muted) => {
                    let cx = sheet.cx();
                    let _ = cx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
                    pen.font(cx, digit_weight(*muted), 0.78 * p.rem, &p.palette.font);
                    let advance = cx
                        .measure_text(&digit.to_string())
                        .map_or(0.0, |m| m.width());
                    ((advance + 2.0 * SPRITE_PAD, h + 2.0 * SPRITE_PAD), advance)
                }
                Art::Label(Shape::Label {
                    line,
                    size,
                    weight,
                    text,
                    ..
                }) => {
                    let cx = sheet.cx();
                    pen.font(cx, *weight, *size, &p.palette.font);
                    let natural = cx.measure_text(text).map_or(0.0, |m| m.width());
                    // A label's box is never wider than MAX_LABEL_PX: no more of a text shows.
                    let advance = natural.min(MAX_LABEL_PX);
                    cut = natural > MAX_LABEL_PX;
                    (
                        (advance + 2.0 * SPRITE_PAD, line + 2.0 * SPRITE_PAD),
                        advance,
                    )
                }
                Art::WholePill(h, _, width) => (
                    (f64::from(*width) / sheet.scale(), h + 2.0 * SPRITE_PAD),
                    0.0,
                ),
                // The pill's advance is its height, for `Blit::pill`.
                Art::Pill(h, _) => (
                    (h + PILL_STRAIGHT + 2.0 * SPRITE_PAD, h + 2.0 * SPRITE_PAD),
                    *h,
                ),
                Art::Label(_) => continue,
            };
            // Emptied on the way: the ones before are gone, and come back when missed again.
            let Ok(Some(slot)) = sheet.reserve(key, size, advance) else {
                continue;
            };
            if epoch != Some(sheet.epoch()) {
                // It grew for this sprite: a new canvas, its context in its default state.
                epoch = Some(sheet.epoch());
                pen = Pen::default();
                sheet.cx().set_text_baseline("middle");
            }
            let cx = sheet.cx();
            // Outside the page, the sheet inherits no direction: the lane's is set (a label sets
            // its own, see `label_pen`).
            if !matches!(p.art, Art::Label(_)) {
                let _ = js_sys::Reflect::set(
                    cx,
                    &"direction".into(),
                    &p.palette.direction.as_str().into(),
                );
            }
            sheet.begin(slot);
            match &p.art {
                Art::Digit(digit, h, muted) => {
                    pen.font(cx, digit_weight(*muted), 0.78 * p.rem, &p.palette.font);
                    pen.align(cx, "left");
                    pen.alpha(cx, 1.0);
                    pen.fill(
                        cx,
                        if *muted {
                            &p.palette.muted
                        } else {
                            &p.palette.text
                        },
                    );
                    let _ = cx.fill_text(&digit.to_string(), SPRITE_PAD, SPRITE_PAD + h / 2.0);
                }
                Art::Label(s) => label_sprite(cx, &mut pen, &p.palette, s, slot.advance, cut),
                Art::Pill(h, muted) => ring(
                    cx,
                    &mut pen,
                    &p.palette,
                    (SPRITE_PAD, SPRITE_PAD, h + PILL_STRAIGHT, *h),
                    *muted,
                ),
                Art::WholePill(h, muted, width) => ring(
                    cx,
                    &mut pen,
                    &p.palette,
                    (
                        SPRITE_PAD,
                        SPRITE_PAD,
                        f64::from(*width) / sheet.scale() - 2.0 * SPRITE_PAD,
                        *h,
                    ),
                    *muted,
                ),
            }
        }
        sheet.settle();
    });
    let more = PENDING.with(|q| q.try_borrow().is_ok_and(|q| !q.is_empty()));
    if more {
        later(add_pending, 0);
    }
}

/// Runs `f` in a task of its own, `ms` after the current one (`setTimeout`): in a page or in a
/// worker, where the page's helpers, which ask for the window, do not run.
pub(super) fn later(f: fn(), ms: i32) {
    let global = js_sys::global();
    if let Ok(set) = js_sys::Reflect::get(&global, &"setTimeout".into())
        && let Some(set) = set.dyn_ref::<js_sys::Function>()
    {
        let _ = set.call2(
            &global,
            &wasm_bindgen::closure::Closure::once_into_js(f),
            &ms.into(),
        );
    }
}

/// The sprite key of a label in a lane of `style`.
fn label_key(s: &Shape, style: u64) -> Option<SpriteKey> {
    match s {
        Shape::Label {
            weight, tone, text, ..
        } => Some(SpriteKey::Label {
            style,
            text: text.clone(),
            weight: *weight,
            tone: *tone as u8,
        }),
        _ => None,
    }
}

/// How far a sprite reaches beyond its shape on every side (CSS px): a bubble's ring and the
/// antialiased edges of its text stay inside.
const SPRITE_PAD: f64 = 2.0;

/// A cluster's bubble at `(x, y, w, h)`, without its count.
fn ring(
    cx: &CanvasRenderingContext2d,
    pen: &mut Pen,
    p: &Palette,
    (x, y, w, h): (f64, f64, f64, f64),
    muted: bool,
) {
    pen.alpha(cx, 1.0);
    cx.begin_path();
    let _ = cx.round_rect_with_f64(
        x + 1.0,
        y + 1.0,
        (w - 2.0).max(0.0),
        (h - 2.0).max(0.0),
        (h / 2.0 - 1.0).max(0.0),
    );
    pen.fill(cx, &p.surface);
    cx.fill();
    pen.stroke(cx, if muted { &p.border } else { &p.lane });
    pen.dashed(cx, false);
    pen.width(cx, 2.0);
    cx.stroke();
}

/// The weight of a count's digits.
fn digit_weight(muted: bool) -> u16 {
    if muted { 400 } else { 700 }
}

/// A cluster's count, centred at `(x, y)` (in its bubble).
fn count_text(
    cx: &CanvasRenderingContext2d,
    pen: &mut Pen,
    p: &Palette,
    rem: f64,
    (x, y): (f64, f64),
    count: u32,
    muted: bool,
) {
    pen.alpha(cx, 1.0);
    pen.font(cx, digit_weight(muted), 0.78 * rem, &p.font);
    pen.align(cx, "center");
    pen.fill(cx, if muted { &p.muted } else { &p.text });
    let _ = cx.fill_text(&count.to_string(), x, y);
}

/// Sets the pen for a label's text: its font, colour and its own direction, as `dir="auto"`
/// gives it on the page (a text mixing Arabic with digits orders its runs by it; the page's
/// canvas has the area's direction, the sheet the lane's). Whether it reads right to left.
fn label_pen(
    cx: &CanvasRenderingContext2d,
    pen: &mut Pen,
    p: &Palette,
    (size, weight, tone, text): (f64, u16, Tone, &str),
) -> bool {
    pen.alpha(cx, 1.0);
    pen.font(cx, weight, size, &p.font);
    pen.fill(cx, p.tone(tone));
    let rtl = is_rtl_text(text);
    let direction = if rtl { "rtl" } else { "ltr" };
    let _ = js_sys::Reflect::set(cx, &"direction".into(), &direction.into());
    rtl
}

/// A label shape (anything else is left alone).
fn label(cx: &CanvasRenderingContext2d, pen: &mut Pen, p: &Palette, s: &Shape) {
    let Shape::Label {
        x,
        y,
        w,
        line,
        size,
        weight,
        tone,
        text,
    } = s
    else {
        return;
    };
    label_pen(cx, pen, p, (*size, *weight, *tone, text));
    pen.align(cx, "left");
    // Held to its box (squeezed rather than cut: this draws only where there is no sheet).
    let _ = cx.fill_text_with_max_width(text, *x, y + line / 2.0, *w);
}

/// A label's text on its sprite, whole, from the padding and `advance` wide: a text longer than
/// that (`cut`) keeps its beginning (its right end if it reads right to left).
fn label_sprite(
    cx: &CanvasRenderingContext2d,
    pen: &mut Pen,
    p: &Palette,
    s: &Shape,
    advance: f64,
    cut: bool,
) {
    let Shape::Label {
        line,
        size,
        weight,
        tone,
        text,
        ..
    } = s
    else {
        return;
    };
    let rtl = label_pen(cx, pen, p, (*size, *weight, *tone, text));
    let y = SPRITE_PAD + line / 2.0;
    let (align, x) = if rtl {
        ("right", SPRITE_PAD + advance)
    } else {
        ("left", SPRITE_PAD)
    };
    // Set before the save, which the restore would silently undo behind the pen's back.
    pen.align(cx, align);
    if !cut {
        let _ = cx.fill_text(text, x, y);
        return;
    }
    // A text longer than its sprite is cut where its room ends (the padding on that side too),
    // neither run onto the sprite's neighbours nor shown past the label's box.
    let (from, to) = if rtl {
        (SPRITE_PAD, advance + 2.0 * SPRITE_PAD)
    } else {
        (0.0, SPRITE_PAD + advance)
    };
    cx.save();
    cx.begin_path();
    cx.rect(from, 0.0, to - from, line + 2.0 * SPRITE_PAD);
    cx.clip();
    let _ = cx.fill_text(text, x, y);
    cx.restore();
}

/// The drawing state last set on the context, so that a state is set only when it changes
/// (each setting is a call out of the wasm, and colours and fonts are parsed again).
#[derive(Default)]
struct Pen {
    fill: Option<*const str>,
    stroke: Option<*const str>,
    font: Option<(u16, u64)>,
    align: Option<&'static str>,
    alpha: Option<u64>,
    dashed: Option<bool>,
    width: Option<u64>,
}

impl Pen {
    fn fill(&mut self, cx: &CanvasRenderingContext2d, color: &str) {
        if self.fill != Some(color as *const str) {
            self.fill = Some(color);
            cx.set_fill_style_str(color);
        }
    }

    fn stroke(&mut self, cx: &CanvasRenderingContext2d, color: &str) {
        if self.stroke != Some(color as *const str) {
            self.stroke = Some(color);
            cx.set_stroke_style_str(color);
        }
    }

    fn font(&mut self, cx: &CanvasRenderingContext2d, weight: u16, size: f64, family: &str) {
        if self.font != Some((weight, size.to_bits())) {
            self.font = Some((weight, size.to_bits()));
            cx.set_font(&format!("{weight} {}px {family}", Fixed(size, 2)));
        }
    }

    fn align(&mut self, cx: &CanvasRenderingContext2d, align: &'static str) {
        if self.align != Some(align) {
            self.align = Some(align);
            cx.set_text_align(align);
        }
    }

    fn alpha(&mut self, cx: &CanvasRenderingContext2d, alpha: f64) {
        if self.alpha != Some(alpha.to_bits()) {
            self.alpha = Some(alpha.to_bits());
            cx.set_global_alpha(alpha);
        }
    }

    fn width(&mut self, cx: &CanvasRenderingContext2d, width: f64) {
        if self.width != Some(width.to_bits()) {
            self.width = Some(width.to_bits());
            cx.set_line_width(width);
        }
    }

    fn dashed(&mut self, cx: &CanvasRenderingContext2d, on: bool) {
        if self.dashed != Some(on) {
            self.dashed = Some(on);
            let _ = cx.set_line_dash(&dashes(if on { &[6.0, 4.0] } else { &[] }));
        }
    }
}

/// What the page's colours and sizes depend on besides the style sheets: the theme and contrast
/// chosen, the system's colour scheme and forced colours, the direction. Read without making the
/// browser bring the page's styles up to date.
fn looks() -> String {
    let window = web_sys::window();
    let root = window
        .as_ref()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    let attr = |name: &str| {
        root.as_ref()
            .and_then(|r| r.get_attribute(name))
            .unwrap_or_default()
    };
    let media = |q: &str| {
        window
            .as_ref()
            .and_then(|w| w.match_media(q).ok().flatten())
            .is_some_and(|m| m.matches())
    };
    format!(
        "{}|{}|{}|{}|{}",
        attr("data-theme"),
        attr("data-contrast"),
        attr("dir"),
        media("(prefers-color-scheme: dark)"),
        media("(forced-colors: active)"),
    )
}

/// The colours and sizes of `lane`, from its computed style; `None` in forced-colours mode
/// (only the system's colours may be drawn) or when a size cannot be read.
fn read_style(lane: &HtmlElement, commission: bool) -> Option<(Palette, Metrics)> {
    let window = web_sys::window()?;
    if window
        .match_media("(forced-colors: active)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
    {
        return None;
    }
    let style = window.get_computed_style(lane).ok().flatten()?;
    let root = window
        .document()?
        .document_element()
        .and_then(|r| window.get_computed_style(&r).ok().flatten())?;
    let rem = length_px(&root.get_property_value("font-size").ok()?, 16.0)?;
    let prop = |name: &str| {
        style
            .get_property_value(name)
            .ok()
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    let metrics = Metrics {
        rem,
        row_h: length_px(&prop("--row-h")?, rem)?,
        lane_top: prop("--lane-top").map_or(Some(0.0), |v| length_px(&v, rem))?,
        lane_pad: length_px(&prop("--lane-pad")?, rem)?,
        commission,
    };
    let accent = prop("--accent")?;
    let lane_color = prop("--lane-color").unwrap_or_else(|| accent.clone());
    let focus = prop("--focus").unwrap_or_else(|| accent.clone());
    let palette = Palette {
        band: (
            with_alpha(&lane_color, 0.45)?,
            with_alpha(&lane_color, 0.0)?,
        ),
        hit_ring: with_alpha(&focus, 0.55).unwrap_or_else(|| focus.clone()),
        lane: lane_color,
        accent,
        surface: prop("--surface")?,
        text: prop("--text")?,
        muted: prop("--text-muted")?,
        border: prop("--border")?,
        focus,
        font: prop("font-family").unwrap_or_else(|| "sans-serif".into()),
        direction: prop("direction").unwrap_or_else(|| "ltr".into()),
    };
    Some((palette, metrics))
}

fn dashes(d: &[f64]) -> JsValue {
    d.iter()
        .map(|v| JsValue::from_f64(*v))
        .collect::<js_sys::Array>()
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::frame::MarkView;

    fn metrics(commission: bool) -> Metrics {
        Metrics {
            rem: 16.0,
            row_h: 2.1 * 16.0,
            lane_top: 0.0,
            lane_pad: 0.35 * 16.0,
            commission,
        }
    }

    fn item(i: u32, at: f64, span: Option<f64>, row: usize, label: Option<f64>) -> MarkView {
        MarkView {
            kind: MarkKind::Item(i),
            at,
            offset_px: if span.is_some() { 0.0 } else { -6.0 },
            span,
            body_px: if span.is_some() { 0.0 } else { 12.0 },
            row,
            label_width: label,
            t0: at,
            t1: at + span.unwrap_or(0.0),
            count_at: 0.5,
        }
    }

    #[test]
    fn each_mark_is_drawn_where_its_element_stands() {
        let marks = vec![
            item(0, 100.0, None, 0, Some(80.0)),
            item(1, 200.0, Some(50.0), 1, None),
            MarkView {
                kind: MarkKind::Cluster { count: 7, first: 2 },
                at: 400.0,
                offset_px: -15.0,
                span: None,
                body_px: 30.0,
                row: 0,
                label_width: None,
                t0: 390.0,
                t1: 410.0,
                count_at: 0.25,
            },
        ];
        let m = metrics(false);
        let mut look = |i: EventIdx| {
            (
                Look {
                    point: i.0 == 0,
                    ..Look::default()
                },
                Rc::from(format!("event {}", i.0)),
            )
        };
        let mut inputs = SketchInputs {
            item: &mut look,
            selected: Some(EventIdx(1)),
            highlight: false,
            is_hit: &|_| false,
            focused: Some(EventIdx(1)),
        };
        // Two pixels a day, the canvas from world pixel 100.
        let s = shapes(&marks, 2.0, 100.0, 2_000.0, &m, &mut inputs);
        let top0 = 0.35 * 16.0;
        let top1 = top0 + 2.1 * 16.0;
        // The point: its element from 200 − 6 − 100 = 94, 12 wide; a 0.8 rem dot in its middle.
        let Shape::Body {
            x, y, w, h, ring, ..
        } = &s[0]
        else {
            panic!("{s:?}")
        };
        assert!((x - (94.0 + 6.0 - 6.4)).abs() < 1e-9, "{x}");
        assert!((y - (top0 + 3.2)).abs() < 1e-9);
        assert!((w - 12.8).abs() < 1e-9 && (h - 12.8).abs() < 1e-9);
        assert_eq!(*ring, None);
        let Shape::Label { x, y, w, text, .. } = &s[1] else {
            panic!("{s:?}")
        };
        assert!((x - 94.0).abs() < 1e-9 && (y - (top0 + 1.05 * 16.0)).abs() < 1e-9);
        assert_eq!((*w, &**text), (80.0, "event 0"));
        // The bar: 400 − 100 = 300, 50 days = 100 px, in row 1, selected (a ring), square ends.
        let Shape::Body {
            x,
            y,
            w,
            radius,
            ring,
            ..
        } = &s[2]
        else {
            panic!("{s:?}")
        };
        assert_eq!((*x, *w, *radius, *ring), (300.0, 100.0, 3.0, Some(true)));
        assert!((y - (top1 + 3.2)).abs() < 1e-9);
        // It has the keyboard focus: the outline goes round its element (the whole row high).
        assert_eq!(
            s[3],
            Shape::Outline {
                x: 300.0,
                y: top1,
                w: 100.0,
                h: 2.1 * 16.0
            }
        );
        // The cluster: 800 − 15 − 100 = 685, 30 wide, with its count.
        let Shape::Bubble {
            x,
            w,
            count,
            count_dx,
            ..
        } = &s[4]
        else {
            panic!("{s:?}")
        };
        // Its number a quarter of the way along, where the layout put it.
        assert_eq!((*x, *w, *count, *count_dx), (685.0, 30.0, 7, 7.5));
        assert_eq!(s.len(), 5);
    }

    #[test]
    fn a_point_on_the_sketch_finds_the_mark_whose_element_would_stand_there() {
        let cluster = |at: f64, row: usize| MarkView {
            kind: MarkKind::Cluster { count: 7, first: 9 },
            at,
            offset_px: -15.0,
            span: None,
            body_px: 30.0,
            row,
            label_width: None,
            t0: at - 10.0,
            t1: at + 10.0,
            count_at: 0.5,
        };
        let marks = vec![
            // A point at world pixel 200 (12 px wide from 194), its label 80 px from there.
            item(0, 100.0, None, 0, Some(80.0)),
            // A bar from 400 to 500, in the second row.
            item(1, 200.0, Some(50.0), 1, None),
            // A cluster's bubble from 785 to 815.
            cluster(400.0, 0),
            // A bar under a later point: the later element is on top.
            item(2, 600.0, Some(20.0), 0, None),
            item(3, 610.0, None, 0, None),
        ];
        let m = metrics(false);
        let at = |x: f64, y: f64| mark_at(&marks, 2.0, &m, (x, y)).map(|v| v.kind);
        let row0 = 0.35 * 16.0;
        let row1 = row0 + 2.1 * 16.0;
        // On the point's body, and on its label (1.05 rem down its row), which is part of its
        // element; not beside the body above the label, where the element does not reach.
        assert_eq!(at(200.0, row0 + 8.0), Some(MarkKind::Item(0)));
        assert_eq!(at(270.0, row0 + 25.0), Some(MarkKind::Item(0)));
        assert_eq!(at(270.0, row0 + 8.0), None);
        // Past its label's end, above its row, below it.
        assert_eq!(at(274.0, row0 + 25.0), None);
        assert_eq!(at(200.0, row0 - 1.0), None);
        assert_eq!(at(200.0, row1 + 1.0), None);
        // The bar in the second row, and not in the first.
        assert_eq!(at(450.0, row1 + 1.0), Some(MarkKind::Item(1)));
        assert_eq!(at(450.0, row0 + 8.0), None);
        // The bubble, 1.7 rem high from 0.1 rem down its row.
        assert_eq!(
            at(800.0, row0 + 2.0),
            Some(MarkKind::Cluster { count: 7, first: 9 })
        );
        assert_eq!(at(800.0, row0 + 1.0), None);
        assert_eq!(at(800.0, row0 + 1.8 * 16.0 + 1.0), None);
        assert_eq!(at(784.0, row0 + 10.0), None);
        // Where two elements overlap, the one the page stacks on top.
        assert_eq!(at(1_215.0, row0 + 8.0), Some(MarkKind::Item(3)));
        assert_eq!(at(1_202.0, row0 + 8.0), Some(MarkKind::Item(2)));
        // At another scale, where the marks stand at that scale.
        assert_eq!(
            mark_at(&marks, 1.0, &m, (100.0, row0 + 8.0)).map(|v| v.kind),
            Some(MarkKind::Item(0))
        );
        assert_eq!(mark_at(&[], 1.0, &m, (100.0, row0 + 8.0)), None);
        // The commission lane's labels sit lower (1.45 rem) in its taller rows.
        let c = metrics(true);
        let label = |y: f64| mark_at(&marks[..1], 2.0, &c, (270.0, row0 + y)).map(|v| v.kind);
        assert_eq!(label(1.45 * 16.0 + 1.0), Some(MarkKind::Item(0)));
        assert_eq!(label(1.45 * 16.0 - 1.0), None);
    }

    #[test]
    fn what_is_off_the_canvas_is_left_out_and_a_highlight_fades_the_rest() {
        let marks = vec![
            item(0, 10.0, None, 0, None),
            item(1, 500.0, None, 0, Some(40.0)),
            item(2, 5_000.0, None, 0, None),
        ];
        let mut look = |_| (Look::default(), Rc::from("x"));
        let hit = |i: EventIdx| i.0 == 9;
        let mut inputs = SketchInputs {
            item: &mut look,
            selected: None,
            highlight: true,
            is_hit: &hit,
            focused: None,
        };
        let s = shapes(&marks, 1.0, 400.0, 1_000.0, &metrics(true), &mut inputs);
        assert_eq!(s.len(), 2, "{s:?}");
        let Shape::Body { alpha, .. } = &s[0] else {
            panic!()
        };
        assert_eq!(*alpha, 0.25);
        let Shape::Label { tone, weight, .. } = &s[1] else {
            panic!()
        };
        assert_eq!((*tone, *weight), (Tone::Muted, 400));
    }

    #[test]
    fn a_count_is_copied_digit_by_digit_and_a_shape_moves_to_its_sprite() {
        let d = |n| digits(n).collect::<Vec<_>>();
        assert_eq!(d(0), [0]);
        assert_eq!(d(7), [7]);
        assert_eq!(d(10), [1, 0]);
        assert_eq!(d(1_234_567_890), [1, 2, 3, 4, 5, 6, 7, 8, 9, 0]);
        assert_eq!(d(u32::MAX), [4, 2, 9, 4, 9, 6, 7, 2, 9, 5]);
        let label = Shape::Label {
            x: 300.0,
            y: 40.0,
            w: 80.0,
            line: 16.8,
            size: 12.5,
            weight: 400,
            tone: Tone::Text,
            text: Rc::from("x"),
        };
        let Shape::Label { x, y, w, text, .. } = label.at(2.0, 2.0) else {
            panic!()
        };
        assert_eq!((x, y, w, &*text), (2.0, 2.0, 80.0, "x"));
        let bubble = Shape::Bubble {
            x: 500.0,
            y: 9.0,
            w: 30.0,
            h: 27.2,
            count: 12,
            count_dx: 11.0,
            muted: true,
        };
        assert_eq!(
            bubble.at(2.0, 2.0),
            Shape::Bubble {
                x: 2.0,
                y: 2.0,
                w: 30.0,
                h: 27.2,
                count: 12,
                count_dx: 11.0,
                muted: true
            }
        );
        // Bodies and outlines are not sprites: unchanged.
        let outline = Shape::Outline {
            x: 1.0,
            y: 2.0,
            w: 3.0,
            h: 4.0,
        };
        assert_eq!(outline.at(9.0, 9.0), outline);
    }

    #[test]
    fn a_label_narrower_than_its_text_copies_the_part_the_page_shows() {
        // A text 100 px wide on its sprite, padded 2 px: 104 × 20 device px at dpr 1.
        let slot = Slot {
            x: 10,
            y: 50,
            w: 104,
            h: 20,
            advance: 100.0,
        };
        // It fits a box 120 wide: all of it, against the box's left edge.
        assert_eq!(
            Blit::label(slot, (300.0, 40.0, 120.0), false, 1.0),
            Blit::whole(slot, 300.0, 40.0, 1.0)
        );
        assert_eq!(
            Blit::label(slot, (300.0, 40.0, 120.0), true, 1.0),
            Blit::whole(slot, 300.0, 40.0, 1.0)
        );
        // A box 60 wide shows the text's first 60 px, cut at the box's right edge...
        assert_eq!(
            Blit::label(slot, (300.0, 40.0, 60.0), false, 1.0),
            Blit {
                from: (10.0, 50.0, 62.0, 20.0),
                to: (298.0, 38.0, 62.0, 20.0),
            }
        );
        // ...and of a text read right to left, its last 60 px, which it begins with.
        assert_eq!(
            Blit::label(slot, (300.0, 40.0, 60.0), true, 1.0),
            Blit {
                from: (52.0, 50.0, 62.0, 20.0),
                to: (300.0, 38.0, 62.0, 20.0),
            }
        );
        // At dpr 2 the sprite is twice as many pixels, and the copy lands on whole ones.
        let slot2 = Slot {
            w: 208,
            h: 40,
            ..slot
        };
        let Blit { from, to } = Blit::label(slot2, (300.3, 40.0, 60.0), false, 2.0);
        assert_eq!(from, (10.0, 50.0, 124.0, 40.0));
        assert_eq!((to.0 * 2.0, to.2 * 2.0), (597.0, 124.0));
    }

    #[test]
    fn the_commonest_bubble_width_gets_a_whole_pill() {
        // A bubble 30 px wide at x = 100.4 covers 34 device px with its padding at dpr 1, as
        // the three pieces of a sliced pill do; 68 at dpr 2.
        assert_eq!(Blit::bubble_width((100.4, 30.0), 1.0), 34);
        assert_eq!(Blit::bubble_width((100.4, 30.0), 2.0), 68);
        let pill = Slot {
            x: 0,
            y: 0,
            w: 39,
            h: 31,
            advance: 27.2,
        };
        let [left, _, right] = Blit::pill(pill, (100.4, 9.0, 30.0), 1.0).unwrap();
        assert_eq!(
            (right.to.0 + right.to.2 - left.to.0) as u32,
            Blit::bubble_width((100.4, 30.0), 1.0)
        );
        let h = 27.2f64.to_bits();
        let plan = |sliced: Vec<(u32, u64, bool)>| Plan {
            shapes: Vec::new(),
            blits: Vec::new(),
            sliced,
        };
        assert_eq!(plan(Vec::new()).commonest_sliced(), None);
        // Merged clusters alone, each its own width: none is worth a sprite.
        assert_eq!(
            plan(vec![(71, h, false), (90, h, false)]).commonest_sliced(),
            None
        );
        // Bins' clusters share a width; merged ones have their own.
        let p = plan(vec![
            (34, h, false),
            (71, h, false),
            (34, h, false),
            (35, h, false),
            (34, h, false),
        ]);
        assert_eq!(p.commonest_sliced(), Some((34, h, false)));
        // A tie goes to the first seen, the same every frame.
        let p = plan(vec![
            (35, h, false),
            (34, h, false),
            (34, h, false),
            (35, h, false),
        ]);
        assert_eq!(p.commonest_sliced(), Some((35, h, false)));
    }

    #[test]
    fn a_whole_pill_is_made_only_for_a_width_that_holds_over_two_frames() {
        let h = 27.2f64.to_bits();
        let plan = |sliced: Vec<(u32, u64, bool)>| Plan {
            shapes: Vec::new(),
            blits: Vec::new(),
            sliced,
        };
        let bins = |w| plan(vec![(w, h, false), (w, h, false), (71, h, false)]);
        let after = |p: Plan, last: Option<(u32, u64, bool)>| {
            let mut last = last;
            let whole = p.whole_to_make(&mut last);
            (whole, last)
        };
        // A gesture's first frame, or a zoom's steps: each width new, none made; the width
        // seen is kept for the next frame.
        assert_eq!(after(bins(34), None), (None, Some((34, h, false))));
        assert_eq!(
            after(bins(36), Some((34, h, false))),
            (None, Some((36, h, false)))
        );
        assert_eq!(
            after(bins(34), Some((34, h, true))),
            (None, Some((34, h, false)))
        );
        // A pan (or a zoom that stopped): the width held, its pill made.
        assert_eq!(
            after(bins(34), Some((34, h, false))),
            (Some((34, h, false)), Some((34, h, false)))
        );
        // Nothing common to make, and nothing kept.
        assert_eq!(
            after(plan(vec![(71, h, false)]), Some((71, h, false))),
            (None, None)
        );
    }

    #[test]
    fn lengths_and_colours_are_read_as_the_css_writes_them() {
        assert_eq!(length_px("2.1rem", 10.0), Some(21.0));
        assert_eq!(length_px(" 12px", 10.0), Some(12.0));
        assert_eq!(length_px("0", 10.0), Some(0.0));
        assert_eq!(length_px("calc(1px + 1rem)", 10.0), None);
        assert_eq!(
            with_alpha("#0b5d6b", 0.45).as_deref(),
            Some("rgba(11, 93, 107, 0.45)")
        );
        assert_eq!(
            with_alpha("#fff", 0.0).as_deref(),
            Some("rgba(255, 255, 255, 0)")
        );
        assert_eq!(
            with_alpha("rgb(1, 2, 3)", 0.5).as_deref(),
            Some("rgba(1, 2, 3, 0.5)")
        );
        assert_eq!(with_alpha("color-mix(in srgb, red, blue)", 0.5), None);
        assert_eq!(
            Look::of_classes("mark--band mark--uncertain mark--date-inferred"),
            Look {
                point: false,
                band: true,
                hollow: true,
                uncertain: true
            }
        );
    }
}
