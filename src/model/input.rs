//! What raw input means for the viewport, kept apart from the DOM so it can be tested natively:
//! wheel deltas (mouse wheel, trackpad scroll, trackpad pinch), pointer gestures (drag to pan,
//! two-finger pinch) and the keyboard map.

use std::collections::BTreeMap;

/// A change to apply to the viewport.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Action {
    /// Zoom by `factor` (> 1 in) about pixel `anchor`.
    Zoom {
        /// Pixel x that stays put.
        anchor: f64,
        /// Zoom factor.
        factor: f64,
    },
    /// Pan by this many pixels (positive: later in time).
    Pan(f64),
}

/// How a wheel event's deltas are measured (the DOM's `deltaMode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeltaMode {
    /// Pixels.
    Pixel,
    /// Lines.
    Line,
    /// Pages.
    Page,
}

impl DeltaMode {
    /// From the DOM's numeric `deltaMode`.
    pub fn from_dom(mode: u32) -> Self {
        match mode {
            1 => DeltaMode::Line,
            2 => DeltaMode::Page,
            _ => DeltaMode::Pixel,
        }
    }

    fn to_px(self, d: f64, page_px: f64) -> f64 {
        match self {
            DeltaMode::Pixel => d,
            DeltaMode::Line => d * 16.0,
            DeltaMode::Page => d * page_px,
        }
    }
}

/// A wheel event, as the handler sees it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Wheel {
    /// Horizontal delta.
    pub dx: f64,
    /// Vertical delta.
    pub dy: f64,
    /// Unit of the deltas.
    pub mode: DeltaMode,
    /// Ctrl held — or a trackpad pinch, which browsers report as a ctrl+wheel.
    pub ctrl: bool,
    /// Shift held.
    pub shift: bool,
    /// The cursor's x in the timeline.
    pub x: f64,
    /// The timeline's width (a "page").
    pub width: f64,
}

/// What a wheel event does:
/// - a trackpad pinch (ctrl+wheel) zooms at the cursor, with finer steps than a wheel notch;
/// - shift+wheel, and a mostly horizontal scroll (trackpad swipe, tilt wheel), pans;
/// - a plain vertical wheel zooms at the cursor (the timeline's main gesture, as in map apps).
pub fn wheel_action(w: &Wheel) -> Option<Action> {
    let dx = w.mode.to_px(w.dx, w.width);
    let dy = w.mode.to_px(w.dy, w.width);
    if !(dx.is_finite() && dy.is_finite()) || (dx == 0.0 && dy == 0.0) {
        return None;
    }
    if w.ctrl {
        return Some(Action::Zoom {
            anchor: w.x,
            factor: (-dy * 0.01).clamp(-1.0, 1.0).exp(),
        });
    }
    if w.shift {
        // Some browsers already turn shift+wheel into a horizontal delta.
        let d = if dx != 0.0 { dx } else { dy };
        return Some(Action::Pan(d));
    }
    if dx.abs() > dy.abs() {
        return Some(Action::Pan(dx));
    }
    Some(Action::Zoom {
        anchor: w.x,
        factor: (-dy * 0.002).clamp(-0.7, 0.7).exp(),
    })
}

/// Pointer gestures: one pointer drags, two pinch. Feed it pointer events; it answers with the
/// viewport action each move implies.
#[derive(Debug, Clone, Default)]
pub struct Gesture {
    pointers: BTreeMap<i32, (f64, f64)>,
    travelled: f64,
}

/// How far (px) a pointer must move before a press becomes a drag rather than a click.
pub const DRAG_THRESHOLD: f64 = 5.0;

impl Gesture {
    /// A pointer went down at (`x`, `y`).
    pub fn down(&mut self, id: i32, x: f64, y: f64) {
        if self.pointers.is_empty() {
            self.travelled = 0.0;
        }
        self.pointers.insert(id, (x, y));
    }

    /// A pointer went up or was cancelled.
    pub fn up(&mut self, id: i32) {
        self.pointers.remove(&id);
    }

    /// Whether any pointer is down.
    pub fn active(&self) -> bool {
        !self.pointers.is_empty()
    }

    /// Whether the current press has moved far enough to be a drag (so it is not a click).
    pub fn is_drag(&self) -> bool {
        self.travelled >= DRAG_THRESHOLD
    }

    /// Whether the press that just ended was a drag, forgetting it: a later click that comes with
    /// no press (keyboard, assistive technology) must not be mistaken for the end of a drag.
    pub fn take_drag(&mut self) -> bool {
        let was = self.is_drag();
        self.travelled = 0.0;
        was
    }

    /// A pointer moved to (`x`, `y`).
    pub fn moved(&mut self, id: i32, x: f64, y: f64) -> Option<Action> {
        let old = *self.pointers.get(&id)?;
        if self.pointers.len() >= 2 {
            let other = self
                .pointers
                .iter()
                .find(|(k, _)| **k != id)
                .map(|(_, p)| *p)?;
            let before = dist(old, other);
            let after = dist((x, y), other);
            self.pointers.insert(id, (x, y));
            self.travelled = self.travelled.max(DRAG_THRESHOLD);
            if before < 1.0 || after < 1.0 {
                return None;
            }
            return Some(Action::Zoom {
                anchor: (x + other.0) / 2.0,
                factor: after / before,
            });
        }
        self.pointers.insert(id, (x, y));
        let dx = x - old.0;
        self.travelled += dx.abs() + (y - old.1).abs();
        // Content follows the finger: moving right shows earlier times.
        (self.is_drag() && dx != 0.0).then_some(Action::Pan(-dx))
    }
}

fn dist(a: (f64, f64), b: (f64, f64)) -> f64 {
    ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt()
}

/// What a key does on the timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyCommand {
    /// Zoom in about the centre.
    ZoomIn,
    /// Zoom out.
    ZoomOut,
    /// Show everything.
    FitAll,
    /// Pan (or, on an event, move to the previous/next event in its lane).
    Left,
    /// See `Left`.
    Right,
    /// On an event: the nearest event in the lane above.
    Up,
    /// On an event: the nearest event in the lane below.
    Down,
    /// Jump to the start of the data.
    Home,
    /// Jump to the end of the data.
    End,
    /// Clear the selection.
    Escape,
    /// Select the focused event, or zoom into the focused cluster.
    Activate,
}

/// The keyboard map (by `KeyboardEvent.key`); `None` for keys the timeline leaves alone.
pub fn key_command(key: &str) -> Option<KeyCommand> {
    Some(match key {
        "+" | "=" => KeyCommand::ZoomIn,
        "-" | "_" => KeyCommand::ZoomOut,
        "0" => KeyCommand::FitAll,
        "ArrowLeft" => KeyCommand::Left,
        "ArrowRight" => KeyCommand::Right,
        "ArrowUp" => KeyCommand::Up,
        "ArrowDown" => KeyCommand::Down,
        "Home" => KeyCommand::Home,
        "End" => KeyCommand::End,
        "Escape" => KeyCommand::Escape,
        "Enter" | " " => KeyCommand::Activate,
        _ => return None,
    })
}

/// Parses a cluster's time span as written in its `data-span` attribute ("t0 t1").
pub fn parse_span(s: &str) -> Option<(f64, f64)> {
    let mut parts = s.split(' ').map(str::parse::<f64>);
    match (parts.next(), parts.next(), parts.next()) {
        (Some(Ok(a)), Some(Ok(b)), None) if a.is_finite() && b.is_finite() => Some((a, b)),
        _ => None,
    }
}

/// Where the arrow keys move in a row of tabs (the WAI-ARIA tabs pattern): the next or previous
/// tab with wrap-around, the first or the last. In a right-to-left page the row runs from the
/// right, so ArrowLeft moves forward. `None` for other keys or an empty row.
pub fn tab_step(count: usize, current: usize, key: &str, rtl: bool) -> Option<usize> {
    if count == 0 {
        return None;
    }
    let current = current.min(count - 1);
    let (forward, back) = if rtl {
        ("ArrowLeft", "ArrowRight")
    } else {
        ("ArrowRight", "ArrowLeft")
    };
    match key {
        k if k == forward => Some((current + 1) % count),
        k if k == back => Some((current + count - 1) % count),
        "Home" => Some(0),
        "End" => Some(count - 1),
        _ => None,
    }
}

/// Zoom factor of one button press or key press.
pub const ZOOM_STEP: f64 = 1.5;
/// Fraction of the width one arrow press pans.
pub const PAN_STEP: f64 = 0.15;

#[cfg(test)]
mod tests {
    use super::*;

    fn wheel(dx: f64, dy: f64) -> Wheel {
        Wheel {
            dx,
            dy,
            mode: DeltaMode::Pixel,
            ctrl: false,
            shift: false,
            x: 300.0,
            width: 1_000.0,
        }
    }

    #[test]
    fn wheel_down_zooms_out_and_up_zooms_in_at_the_cursor() {
        let Some(Action::Zoom { anchor, factor }) = wheel_action(&wheel(0.0, 100.0)) else {
            panic!()
        };
        assert_eq!(anchor, 300.0);
        assert!(factor < 1.0);
        let Some(Action::Zoom { factor, .. }) = wheel_action(&wheel(0.0, -100.0)) else {
            panic!()
        };
        assert!(factor > 1.0);
    }

    #[test]
    fn horizontal_scroll_and_shift_wheel_pan() {
        assert_eq!(wheel_action(&wheel(40.0, 3.0)), Some(Action::Pan(40.0)));
        let w = Wheel {
            shift: true,
            ..wheel(0.0, 50.0)
        };
        assert_eq!(wheel_action(&w), Some(Action::Pan(50.0)));
    }

    #[test]
    fn pinch_is_a_finer_ctrl_wheel_zoom() {
        let w = Wheel {
            ctrl: true,
            ..wheel(0.0, -10.0)
        };
        let Some(Action::Zoom { factor, anchor }) = wheel_action(&w) else {
            panic!()
        };
        assert!((factor - 0.1f64.exp()).abs() < 1e-12);
        assert_eq!(anchor, 300.0);
    }

    #[test]
    fn line_and_page_deltas_are_scaled_and_huge_ones_capped() {
        let lines = Wheel {
            mode: DeltaMode::Line,
            ..wheel(0.0, 3.0)
        };
        let Some(Action::Zoom { factor, .. }) = wheel_action(&lines) else {
            panic!()
        };
        assert!((factor - (-0.096f64).exp()).abs() < 1e-12);
        let huge = wheel(0.0, 1e9);
        let Some(Action::Zoom { factor, .. }) = wheel_action(&huge) else {
            panic!()
        };
        assert!((factor - (-0.7f64).exp()).abs() < 1e-12);
        assert_eq!(wheel_action(&wheel(0.0, 0.0)), None);
        assert_eq!(wheel_action(&wheel(f64::NAN, 1.0)), None);
    }

    #[test]
    fn a_small_move_is_a_click_a_larger_one_a_drag() {
        let mut g = Gesture::default();
        g.down(1, 100.0, 10.0);
        assert_eq!(g.moved(1, 102.0, 10.0), None);
        assert!(!g.is_drag());
        assert_eq!(g.moved(1, 110.0, 10.0), Some(Action::Pan(-8.0)));
        assert!(g.is_drag());
        g.up(1);
        assert!(!g.active());
        assert!(g.take_drag(), "the click ending the drag is swallowed");
        assert!(!g.take_drag(), "the next click is a click");
        g.down(1, 0.0, 0.0);
        assert!(!g.is_drag(), "a new press starts as a click");
    }

    #[test]
    fn two_pointers_pinch_about_their_midpoint() {
        let mut g = Gesture::default();
        g.down(1, 100.0, 0.0);
        g.down(2, 200.0, 0.0);
        let Some(Action::Zoom { anchor, factor }) = g.moved(2, 300.0, 0.0) else {
            panic!()
        };
        assert_eq!(anchor, 200.0);
        assert!((factor - 2.0).abs() < 1e-12);
        assert!(g.is_drag());
        g.up(2);
        assert_eq!(g.moved(1, 120.0, 0.0), Some(Action::Pan(-20.0)));
    }

    #[test]
    fn spans_parse_strictly() {
        assert_eq!(parse_span("10.5 20"), Some((10.5, 20.0)));
        for bad in ["", "1", "1 2 3", "a b", "NaN 1", "1  2"] {
            assert_eq!(parse_span(bad), None, "{bad}");
        }
    }

    #[test]
    fn keys() {
        assert_eq!(key_command("+"), Some(KeyCommand::ZoomIn));
        assert_eq!(key_command("="), Some(KeyCommand::ZoomIn));
        assert_eq!(key_command("-"), Some(KeyCommand::ZoomOut));
        assert_eq!(key_command("Home"), Some(KeyCommand::Home));
        assert_eq!(key_command("Enter"), Some(KeyCommand::Activate));
        assert_eq!(key_command(" "), Some(KeyCommand::Activate));
        assert_eq!(key_command("a"), None);
    }

    #[test]
    fn arrows_move_between_tabs_with_wrap_and_follow_the_direction() {
        // (count, current, key, rtl, expected)
        let table = [
            (4, 0, "ArrowRight", false, Some(1)),
            (4, 3, "ArrowRight", false, Some(0)),
            (4, 0, "ArrowLeft", false, Some(3)),
            (4, 0, "ArrowLeft", true, Some(1)),
            (4, 0, "ArrowRight", true, Some(3)),
            (4, 2, "Home", false, Some(0)),
            (4, 1, "End", true, Some(3)),
            (4, 1, "ArrowDown", false, None),
            (4, 9, "ArrowRight", false, Some(0)),
            (0, 0, "ArrowRight", false, None),
            (1, 0, "ArrowRight", false, Some(0)),
        ];
        for (count, current, key, rtl, want) in table {
            assert_eq!(
                tab_step(count, current, key, rtl),
                want,
                "{count} {current} {key} {rtl}"
            );
        }
    }
}
