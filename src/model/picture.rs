//! The picture of the timeline: one window of it as a standalone SVG document, for export (and,
//! through the browser's canvas, as PNG). Unlike a screenshot it holds the whole window and every
//! visible event in it: nothing is merged into a cluster, and a lane grows rows until every
//! event's mark has a place of its own.
//!
//! It is drawn the way the view draws (style/timeline.css, style/tokens.css): lanes in the
//! timeline's order with their names on the start side, the two-row axis of [`super::ticks`]
//! (through [`Timeline::frame`], so the ticks, the pinned label and the gaps' labels are the
//! view's), marks placed by the view's geometry ([`layout::item_mark`]) and packed into rows by
//! the view's packer ([`layout::assign_rows`]), so labels show where they fit and give way where
//! they do not. Time runs left to right in every language, as in the view; in Arabic the lane
//! names and the text around the timeline are on the right and read right to left.
//!
//! Every piece of text from the data is XML-escaped (and stripped of the control characters XML
//! cannot hold); nothing from the data becomes markup.

use std::collections::HashSet;
use std::fmt::Write;

use super::dataset::{COMMISSION_LANE, Confidence, Dataset, EventIdx, GapKind};
use super::date::{Day, Shape};
use super::frame::{Frame, GapView};
use super::labels::{gap_label, mark_name};
use super::layout::{self, Mark, Options};
use super::text::Lang;
use super::timeline::Timeline;
use super::viewport::{Viewport, describe_window_days};

/// The colour scheme of the picture: the app's light or dark theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Palette {
    /// The light theme.
    Light,
    /// The dark theme.
    Dark,
}

/// What to draw, besides the data.
#[derive(Debug, Clone, PartialEq)]
pub struct PictureOptions<'a> {
    /// The window `(start, end)` in axis days, as the view shows it (kept within the data's
    /// bounds and the zoom limits, as the view keeps it).
    pub window: (Day, Day),
    /// Width of the whole picture in pixels (at least [`MIN_WIDTH`]).
    pub width: f64,
    /// The language of the labels and of the text around the timeline.
    pub lang: Lang,
    /// Light or dark.
    pub palette: Palette,
    /// The address of the page the picture was taken from, for the footer.
    pub page_url: &'a str,
    /// The date of the export as the reader should read it, for the footer.
    pub exported: &'a str,
}

/// A picture: the SVG document and its size in pixels (so it can be rasterised at that size).
#[derive(Debug, Clone, PartialEq)]
pub struct Picture {
    /// The SVG document.
    pub svg: String,
    /// Its width.
    pub width: u32,
    /// Its height, which follows the content.
    pub height: u32,
}

/// The narrowest picture: lane names and a drawing area of a few hundred pixels.
pub const MIN_WIDTH: f64 = 480.0;

// Geometry, in pixels at a 16 px rem (the view's CSS, style/timeline.css).
const MARGIN: f64 = 16.0;
/// `--header-w`.
const HEADER_W: f64 = 152.0;
/// `--axis-h`.
const AXIS_H: f64 = 52.0;
/// `--row-h`, and the commission's.
const ROW_H: f64 = 33.6;
const COMMISSION_ROW_H: f64 = 41.6;
/// `--lane-pad`.
const LANE_PAD: f64 = 5.6;
/// The strip at the bottom of a lane for the labels of gaps.
const GAP_STRIP: f64 = 19.2;
/// Room kept on both sides of the time window inside the drawing area, so the marker of an
/// event on the window's first or last day is drawn whole.
const PLOT_PAD: f64 = 12.0;
/// The rows a lane shows at least (the view's two).
const MIN_ROWS: usize = 2;
/// Rows beyond those the marks need, tried to show more labels.
const EXTRA_ROWS: usize = 2;
const FONT: &str =
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Arabic', sans-serif";

/// The theme's colours (style/tokens.css).
struct Colours {
    bg: &'static str,
    surface: &'static str,
    surface_2: &'static str,
    text: &'static str,
    muted: &'static str,
    border: &'static str,
    accent: &'static str,
    /// `--lane-<id>` for the lanes that have one.
    lanes: [(&'static str, &'static str); 7],
}

impl Palette {
    fn colours(self) -> Colours {
        match self {
            Palette::Light => Colours {
                bg: "#f7f6f3",
                surface: "#ffffff",
                surface_2: "#efece6",
                text: "#1c1b19",
                muted: "#57534c",
                border: "#d6d1c7",
                accent: "#0b5d6b",
                lanes: [
                    ("exercise", "#2f6f3e"),
                    ("industry", "#8a4b12"),
                    ("space", "#5b3f9e"),
                    ("visit", "#1f5f99"),
                    ("political", "#9b2f55"),
                    ("agreement", "#5d6470"),
                    ("appointment", "#6b6418"),
                ],
            },
            Palette::Dark => Colours {
                bg: "#151614",
                surface: "#1e201d",
                surface_2: "#282a26",
                text: "#ecebe7",
                muted: "#b2aea5",
                border: "#3d3f3a",
                accent: "#5cc2d1",
                lanes: [
                    ("exercise", "#79c98c"),
                    ("industry", "#e2a062"),
                    ("space", "#b9a2f0"),
                    ("visit", "#86bdf0"),
                    ("political", "#ef93b5"),
                    ("agreement", "#b8bec8"),
                    ("appointment", "#d6cc6e"),
                ],
            },
        }
    }
}

impl Colours {
    /// A lane's colour: its own, or the accent (the commission, and lanes the CSS does not
    /// know, such as imported ones).
    fn lane(&self, id: &str) -> &'static str {
        self.lanes
            .iter()
            .find(|(l, _)| *l == id)
            .map_or(self.accent, |(_, c)| c)
    }
}

/// The words around the timeline.
struct Words {
    source: &'static str,
    exported: &'static str,
}

fn words(lang: Lang) -> Words {
    match lang {
        Lang::Fr => Words {
            source: "Source :",
            exported: "Exporté le",
        },
        Lang::En => Words {
            source: "Source:",
            exported: "Exported on",
        },
        Lang::Ar => Words {
            source: "المصدر:",
            exported: "تاريخ التصدير:",
        },
    }
}

/// Text from anywhere, made safe for XML text and attribute values: the special characters
/// escaped as for HTML (`model::text::escape_html`, whose entities XML reads too), line breaks and
/// tabs made spaces, and the other control characters XML 1.0 cannot hold dropped.
pub fn escape(s: &str) -> String {
    let clean: String = s
        .chars()
        .filter_map(|c| match c {
            '\t' | '\n' | '\r' => Some(' '),
            c if (c as u32) < 0x20 || matches!(c, '\u{FFFE}' | '\u{FFFF}') => None,
            c => Some(c),
        })
        .collect();
    super::text::escape_html(&clean)
}

/// Which edge of a text is at its `x`.
#[derive(Clone, Copy, PartialEq)]
enum Edge {
    Left,
    Right,
}

/// A `<text>` whose `edge` is at `x`, in its own direction: SVG anchors "start" and "end"
/// follow the direction, so an Arabic label aligned left is anchored at its end.
fn text(out: &mut String, x: f64, y: f64, edge: Edge, class: &str, s: &str, extra: &str) {
    let rtl = super::text::is_rtl_text(s);
    let anchor = match (edge, rtl) {
        (Edge::Left, false) | (Edge::Right, true) => "start",
        _ => "end",
    };
    let dir = if rtl { "rtl" } else { "ltr" };
    let _ = write!(
        out,
        r#"<text x="{x:.1}" y="{y:.1}" class="{class}" text-anchor="{anchor}" direction="{dir}"{extra}>{}</text>"#,
        escape(s)
    );
}

/// `s` cut with an ellipsis to about `width_px` at `px_per_char` (the layout's estimate; the
/// drawing also clips, so a wider font cannot spill over).
fn fit(s: &str, width_px: f64, px_per_char: f64) -> String {
    // The layout's estimate for `n` characters is exactly `n * px_per_char + 8`: the small
    // allowance keeps a label that fits exactly from being cut by rounding.
    let room = ((width_px - 8.0) / px_per_char + 1e-6).floor().max(0.0) as usize;
    let n = s.chars().count();
    if n <= room {
        s.to_string()
    } else {
        let mut cut: String = s.chars().take(room.saturating_sub(1)).collect();
        cut.truncate(cut.trim_end().len());
        cut.push('…');
        cut
    }
}

/// Words of `s` in lines of at most about `width_px`, at most `max_lines` (the last one cut).
fn wrap(s: &str, width_px: f64, px_per_char: f64, max_lines: usize) -> Vec<String> {
    let per_line = (width_px / px_per_char).floor().max(1.0) as usize;
    let mut lines: Vec<String> = Vec::new();
    for word in s.split_whitespace() {
        match lines.last_mut() {
            Some(l) if l.chars().count() + 1 + word.chars().count() <= per_line => {
                l.push(' ');
                l.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    if lines.len() > max_lines {
        let rest = lines.split_off(max_lines - 1).join(" ");
        lines.push(fit(&rest, width_px + 8.0, px_per_char));
    }
    lines
}

/// One lane of the picture: its marks in rows, and its height.
struct LanePlan {
    id: String,
    options: Options,
    marks: Vec<Mark>,
    row_h: f64,
    height: f64,
}

/// The rows marks need so that no two bodies share a row where they would touch (greedy in
/// order of left edge, which is optimal for intervals).
fn body_rows(marks: &[Mark], gap: f64) -> usize {
    let mut bodies: Vec<(f64, f64)> = marks.iter().map(|m| (m.x0, m.x1)).collect();
    bodies.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut ends: Vec<f64> = Vec::new();
    for (x0, x1) in bodies {
        match ends.iter_mut().find(|e| **e + gap <= x0) {
            Some(e) => *e = x1,
            None => ends.push(x1),
        }
    }
    ends.len()
}

/// Whether no two marks in a row come closer than `gap` (bodies and shown labels).
fn apart(marks: &[Mark], gap: f64) -> bool {
    let mut by_row: Vec<(usize, f64, f64)> = marks
        .iter()
        .map(|m| {
            let (a, b) = m.footprint();
            (m.row, a, b)
        })
        .collect();
    by_row.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
    by_row
        .windows(2)
        .all(|w| w[0].0 != w[1].0 || w[0].2 + gap <= w[1].1)
}

/// Packs a lane's marks with the view's packer, given enough rows that every mark has a place
/// of its own (the view, short of rows, lets a mark cover a label or another mark; the picture
/// adds a row instead), and up to [`EXTRA_ROWS`] more if they let more labels show: the fewest
/// rows showing the most labels.
fn pack(candidates: Vec<Mark>, options: &Options) -> Vec<Mark> {
    let least = body_rows(&candidates, options.gap_px).max(MIN_ROWS);
    let mut best: Option<(usize, Vec<Mark>)> = None;
    // With as many rows as marks, each finds a free row: the loop ends by then at the latest.
    for rows in least..=candidates.len().max(least) {
        let o = Options {
            max_rows: rows,
            ..*options
        };
        let marks = layout::assign_rows(candidates.clone(), &o);
        if !apart(&marks, options.gap_px) {
            continue;
        }
        let shown = marks.iter().filter(|m| m.label.is_some()).count();
        if best.as_ref().is_none_or(|(s, _)| shown > *s) {
            best = Some((shown, marks));
        }
        if rows >= least + EXTRA_ROWS || shown == candidates.len() {
            break;
        }
    }
    best.map(|(_, m)| m).unwrap_or_default()
}

/// Each lane's marks for the window of `v`, packed into rows, and the lane's height: every event
/// of the lane that overlaps the window gets a mark of its own.
fn lane_plans(t: &Timeline, v: &Viewport, frame: &Frame) -> Vec<LanePlan> {
    t.lanes
        .iter()
        .enumerate()
        .map(|(l, lane)| {
            let options = lane.options;
            let candidates: Vec<Mark> = lane
                .index
                .items()
                .iter()
                .filter(|it| it.start < v.end() && it.end > v.start())
                .map(|it| {
                    let mut m = layout::item_mark(it, v, &options);
                    // Labels are kept inside the drawing area, where they can be read (the
                    // view, which can be panned, leaves them where they fall): one of a bar
                    // that starts before the window begins at the window's edge, one that
                    // would run past the right edge ends there instead.
                    if let Some((l0, l1)) = m.label {
                        let w = l1 - l0;
                        let right = (v.width() + PLOT_PAD).max(m.x1);
                        let start = l0.max(-PLOT_PAD).min(right - w);
                        m.label = Some((start, start + w));
                    }
                    m
                })
                .collect();
            let marks = pack(candidates, &options);
            let used = marks.iter().map(|m| m.row + 1).max().unwrap_or(0);
            let rows = used.max(MIN_ROWS);
            let row_h = if lane.id == COMMISSION_LANE {
                COMMISSION_ROW_H
            } else {
                ROW_H
            };
            let strip = lane.id == COMMISSION_LANE || frame.gaps.iter().any(|g| g.lane == l);
            let height = rows as f64 * row_h + 2.0 * LANE_PAD + if strip { GAP_STRIP } else { 0.0 };
            LanePlan {
                id: lane.id.clone(),
                options,
                marks,
                row_h,
                height,
            }
        })
        .collect()
}

/// The picture of the window `o.window` of the timeline of `d`, showing the events `visible`
/// (the current filters' result; the others are left out, as in the view).
pub fn timeline_svg(d: &Dataset, visible: &[EventIdx], o: &PictureOptions) -> Picture {
    let lang = o.lang;
    let c = o.palette.colours();
    let width = if o.width.is_finite() {
        o.width.max(MIN_WIDTH).round()
    } else {
        MIN_WIDTH
    };
    let rtl = lang.is_rtl();
    let shown: HashSet<&str> = visible
        .iter()
        .filter_map(|&i| d.event(i))
        .map(|e| e.id.as_str())
        .collect();
    let t = Timeline::build(d, lang, o.window.0, |e| shown.contains(e.id.as_str()));

    // Columns: the lane names on the start side, the drawing area on the other.
    let (box_x0, box_x1) = (MARGIN, width - MARGIN);
    let (head_x0, plot_x0) = if rtl {
        (box_x1 - HEADER_W, box_x0)
    } else {
        (box_x0, box_x0 + HEADER_W)
    };
    let plot_w = box_x1 - box_x0 - HEADER_W;
    let mut v = Viewport::fit(t.bounds, plot_w - 2.0 * PLOT_PAD);
    v.set_window(o.window.0, o.window.1);
    // Viewport x (0 at the window's start) to picture x.
    let origin_x = plot_x0 + PLOT_PAD;
    // No today's line: the picture is of the window, whenever it is looked at.
    let frame = t.frame(&v, lang, f64::NAN);

    let plans = lane_plans(&t, &v, &frame);

    // Rows of text above the timeline.
    let text_x = if rtl { box_x1 } else { box_x0 };
    let text_edge = if rtl { Edge::Right } else { Edge::Left };
    let title_y = MARGIN + 20.0;
    let window_y = title_y + 24.0;
    let box_y0 = window_y + 16.0;
    let lanes_y0 = box_y0 + AXIS_H;
    let lanes_h: f64 = plans.iter().map(|p| p.height).sum();
    let box_y1 = lanes_y0 + lanes_h;
    let w = words(lang);
    let title = d.title.get(lang);
    let footer_px_per_char = 6.6;
    let mut footer = vec![format!(
        "{} \u{2068}{title}\u{2069} — \u{2068}{}\u{2069}",
        w.source, o.page_url
    )];
    if footer[0].chars().count() as f64 * footer_px_per_char > box_x1 - box_x0 {
        footer = vec![
            format!("{} \u{2068}{title}\u{2069}", w.source),
            format!("\u{2068}{}\u{2069}", o.page_url),
        ];
    }
    footer.push(format!("{} \u{2068}{}\u{2069}", w.exported, o.exported));
    let footer_y0 = box_y1 + 22.0;
    let height = (footer_y0 + 18.0 * (footer.len() - 1) as f64 + MARGIN).ceil();

    let mut s = String::with_capacity(64 * 1024);
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" xml:lang="{code}" lang="{code}" direction="{dir}" font-family="{FONT}">"#,
        code = lang.code(),
        dir = if rtl { "rtl" } else { "ltr" },
    );
    let _ = write!(s, "<title>{}</title>", escape(title));
    style(&mut s, &c);
    defs(&mut s, &c, &plans, plot_x0, box_y0, plot_w, box_y1 - box_y0);
    let _ = write!(
        s,
        r#"<rect width="{width}" height="{height}" fill="{}"/>"#,
        c.bg
    );
    text(&mut s, text_x, title_y, text_edge, "title", title, "");
    let window = describe_window_days(v.start(), v.end(), lang);
    text(&mut s, text_x, window_y, text_edge, "muted", &window, "");

    // The box, the axis spacer and the lane rows (stripes, separators, names).
    let _ = write!(
        s,
        r#"<rect x="{box_x0}" y="{box_y0}" width="{bw}" height="{bh:.1}" rx="8" fill="{}"/>"#,
        c.surface,
        bw = box_x1 - box_x0,
        bh = box_y1 - box_y0,
    );
    let mut y = lanes_y0;
    for (l, p) in plans.iter().enumerate() {
        if l % 2 == 0 {
            let _ = write!(
                s,
                r#"<rect x="{box_x0}" y="{y:.1}" width="{bw}" height="{h:.1}" fill="{}" fill-opacity="0.35"/>"#,
                c.surface_2,
                bw = box_x1 - box_x0,
                h = p.height,
            );
        }
        lane_header(&mut s, d, p, lang, head_x0, y, rtl);
        y += p.height;
        if l + 1 < plans.len() {
            line(&mut s, box_x0, y, box_x1, y, c.border, "");
        }
    }
    line(&mut s, box_x0, lanes_y0, box_x1, lanes_y0, c.border, "");
    let sep_x = if rtl { head_x0 } else { plot_x0 };
    line(&mut s, sep_x, box_y0, sep_x, box_y1, c.border, "");

    // The drawing area, clipped to its column.
    s.push_str(r#"<g clip-path="url(#plot)">"#);
    axis(&mut s, &frame, &c, origin_x, box_y0);
    // Named periods (imported eras): tinted spans across every lane, under the gaps and marks,
    // named at the top of their visible part.
    for pv in &frame.periods {
        let Some(period) = d.periods.get(pv.idx) else {
            continue;
        };
        let x0 = pv.at * frame.px_per_day - frame.shift + origin_x;
        let w = pv.span * frame.px_per_day;
        let name = period.title.get(lang);
        let _ = write!(
            s,
            r#"<g class="period" data-period="{}"><title>{}</title><rect x="{x0:.1}" y="{lanes_y0:.1}" width="{w:.1}" height="{h:.1}" fill="{}" fill-opacity="0.08" stroke="{}" stroke-opacity="0.45" stroke-dasharray="4 3"/>"#,
            escape(&period.id),
            escape(name),
            c.accent,
            c.accent,
            h = box_y1 - lanes_y0,
        );
        let _ = write!(
            s,
            r#"<text x="{:.1}" y="{:.1}" class="gap-label">{}</text></g>"#,
            x0 + pv.label_offset + 6.0,
            lanes_y0 + 14.0,
            escape(name)
        );
    }
    let mut y = lanes_y0;
    for (l, p) in plans.iter().enumerate() {
        for g in frame.gaps.iter().filter(|g| g.lane == l) {
            gap(&mut s, d, g, &frame, &c, lang, origin_x, y, p.height);
        }
        for m in &p.marks {
            mark(&mut s, d, &t, m, p, &c, lang, origin_x, y);
        }
        y += p.height;
    }
    s.push_str("</g>");
    let _ = write!(
        s,
        r#"<rect x="{x:.1}" y="{y:.1}" width="{bw}" height="{bh:.1}" rx="8" fill="none" stroke="{}"/>"#,
        c.border,
        x = box_x0 + 0.5,
        y = box_y0 + 0.5,
        bw = box_x1 - box_x0 - 1.0,
        bh = box_y1 - box_y0 - 1.0,
    );
    for (k, f) in footer.iter().enumerate() {
        let fy = footer_y0 + 18.0 * k as f64;
        let _ = write!(
            s,
            r#"<text x="{text_x:.1}" y="{fy:.1}" class="footer" text-anchor="start">{}</text>"#,
            escape(f)
        );
    }
    s.push_str("</svg>");
    Picture {
        svg: s,
        width: width as u32,
        height: height as u32,
    }
}

fn style(s: &mut String, c: &Colours) {
    let _ = write!(
        s,
        "<style>\
text{{font-family:{FONT};fill:{text};white-space:pre}}\
.title{{font-size:20px;font-weight:700}}\
.muted{{font-size:14px;fill:{muted};font-variant-numeric:tabular-nums}}\
.tick{{font-size:12.5px;fill:{muted};font-variant-numeric:tabular-nums}}\
.major{{font-size:12.5px;font-weight:650;fill:{text};font-variant-numeric:tabular-nums}}\
.lane-name{{font-size:13.6px;font-weight:600;fill:{muted}}}\
.lane-name-c{{font-size:15.2px;font-weight:600;fill:{accent}}}\
.label{{font-size:12.5px;fill:{text}}}\
.label-c{{font-size:13.6px;font-weight:650;fill:{accent}}}\
.gap-label{{font-size:12px;font-style:italic;fill:{muted}}}\
.footer{{font-size:12px;fill:{muted}}}\
</style>",
        text = c.text,
        muted = c.muted,
        accent = c.accent,
    );
}

/// The clip of the drawing area, the hatching of undocumented gaps and the fading fill of
/// bands, one per lane colour.
fn defs(s: &mut String, c: &Colours, plans: &[LanePlan], x: f64, y: f64, w: f64, h: f64) {
    let _ = write!(
        s,
        r#"<defs><clipPath id="plot"><rect x="{x}" y="{y}" width="{w}" height="{h:.1}"/></clipPath><pattern id="hatch" width="9" height="9" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="2" height="9" fill="{}" fill-opacity="0.16"/></pattern>"#,
        c.muted
    );
    let mut done: Vec<&str> = Vec::new();
    for p in plans {
        let colour = c.lane(&p.id);
        if done.contains(&colour) {
            continue;
        }
        done.push(colour);
        let _ = write!(
            s,
            r#"<linearGradient id="band-{id}"><stop offset="0" stop-color="{colour}" stop-opacity="0"/><stop offset="0.18" stop-color="{colour}" stop-opacity="0.45"/><stop offset="0.82" stop-color="{colour}" stop-opacity="0.45"/><stop offset="1" stop-color="{colour}" stop-opacity="0"/></linearGradient>"#,
            id = &colour[1..],
        );
    }
    s.push_str("</defs>");
}

fn line(s: &mut String, x0: f64, y0: f64, x1: f64, y1: f64, colour: &str, extra: &str) {
    let _ = write!(
        s,
        r#"<line x1="{x0:.1}" y1="{y0:.1}" x2="{x1:.1}" y2="{y1:.1}" stroke="{colour}"{extra}/>"#
    );
}

/// A lane's name in the header column, on as many as three lines, centred on the lane.
fn lane_header(
    s: &mut String,
    d: &Dataset,
    p: &LanePlan,
    lang: Lang,
    head_x0: f64,
    y: f64,
    rtl: bool,
) {
    let commission = p.id == COMMISSION_LANE;
    let (class, px_per_char, line_h) = if commission {
        ("lane-name-c", 9.2, 19.0)
    } else {
        ("lane-name", 8.2, 17.0)
    };
    let label = d.lane_label(&p.id, lang);
    let lines = wrap(&label, HEADER_W - 24.0, px_per_char, 3);
    let (x, edge) = if rtl {
        (head_x0 + HEADER_W - 12.0, Edge::Right)
    } else {
        (head_x0 + 12.0, Edge::Left)
    };
    let first = y + p.height / 2.0 - line_h * (lines.len() as f64 - 1.0) / 2.0 + 5.0;
    for (k, l) in lines.iter().enumerate() {
        text(s, x, first + line_h * k as f64, edge, class, l, "");
    }
}

/// The two rows of the axis: major ticks above (with the pinned label of the left edge), minor
/// below; each tick a line at its time with its label just after it.
fn axis(s: &mut String, f: &Frame, c: &Colours, origin_x: f64, y0: f64) {
    let x_of = |at: Day| at * f.px_per_day - f.shift + origin_x;
    let row_h = AXIS_H / 2.0;
    if let Some(p) = &f.pinned {
        line(s, origin_x, y0, origin_x, y0 + row_h, c.border, "");
        text(s, origin_x + 4.0, y0 + 17.0, Edge::Left, "major", p, "");
    }
    for (ticks, class, top) in [(&f.major, "major", y0), (&f.minor, "tick", y0 + row_h)] {
        for t in ticks {
            let x = x_of(t.at).round() + 0.5;
            line(s, x, top, x, top + row_h, c.border, "");
            text(s, x + 4.0, top + 17.0, Edge::Left, class, &t.label, "");
        }
    }
}

/// A gap: a hatched band with dashed edges over an undocumented stretch, or a dashed flag at the
/// date of a search that found nothing; its label at the bottom of the lane, where the view's
/// frame placed it.
#[allow(clippy::too_many_arguments)]
fn gap(
    s: &mut String,
    d: &Dataset,
    g: &GapView,
    f: &Frame,
    c: &Colours,
    lang: Lang,
    origin_x: f64,
    y: f64,
    h: f64,
) {
    let Some(gap) = d.gaps.get(g.idx) else { return };
    let x0 = g.at * f.px_per_day - f.shift + origin_x;
    let x1 = x0 + g.span * f.px_per_day;
    let label = gap_label(gap, lang);
    let _ = write!(
        s,
        r#"<g class="gap" data-gap="{}"><title>{}</title>"#,
        escape(&gap.id),
        escape(&label)
    );
    let dashed = r#" stroke-dasharray="4 3""#;
    match g.kind {
        GapKind::Undocumented => {
            let _ = write!(
                s,
                r#"<rect x="{x0:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" fill="url(#hatch)"/>"#,
                w = x1 - x0
            );
            let edge = format!(r#"{dashed} stroke-opacity="0.5""#);
            line(s, x0, y, x0, y + h, c.muted, &edge);
            line(s, x1, y, x1, y + h, c.muted, &edge);
        }
        GapKind::NotFound => {
            let edge = format!(r#"{dashed} stroke-width="2" stroke-opacity="0.7""#);
            line(s, x1 - 1.0, y, x1 - 1.0, y + h, c.muted, &edge);
        }
    }
    if let Some((left, right)) = g.label_box(x0, x1) {
        let w = right - left;
        let shown = fit(&label, w + 8.0, 6.4);
        let ly = y + h - 6.0;
        let _ = write!(
            s,
            r#"<svg x="{left:.1}" y="{:.1}" width="{w:.1}" height="18" overflow="hidden">"#,
            ly - 14.0
        );
        let (x, edge) = match g.kind {
            GapKind::Undocumented => (0.0, Edge::Left),
            GapKind::NotFound => (right - left, Edge::Right),
        };
        let lang_attr = format!(r#" xml:lang="{}""#, gap.title.resolve(lang).1.code());
        text(s, x, 14.0, edge, "gap-label", &shown, &lang_attr);
        s.push_str("</svg>");
    }
    s.push_str("</g>");
}

/// An event's mark: its body drawn by shape and confidence (a dot for a day, a bar for a span of
/// days, a soft band for a month, a year or a window; hollow and dashed when the date is our
/// inference or only a window; faded when uncertain), its label when it has room, and its full
/// description as the tooltip.
#[allow(clippy::too_many_arguments)]
fn mark(
    s: &mut String,
    d: &Dataset,
    t: &Timeline,
    m: &Mark,
    p: &LanePlan,
    c: &Colours,
    lang: Lang,
    origin_x: f64,
    lane_y: f64,
) {
    let layout::MarkKind::Item(i) = m.kind else {
        return;
    };
    let Some(e) = d.event(EventIdx(i)) else {
        return;
    };
    let label = t.label(d, EventIdx(i));
    let commission = p.id == COMMISSION_LANE;
    let colour = c.lane(&p.id);
    let row_y = lane_y + LANE_PAD + m.row as f64 * p.row_h;
    let (body_top, body_h) = if commission { (4.8, 17.6) } else { (3.2, 12.8) };
    let (x0, x1) = (m.x0 + origin_x, m.x1 + origin_x);
    let y = row_y + body_top;
    let _ = write!(
        s,
        r#"<g class="mark" data-id="{}"><title>{}</title>"#,
        escape(&e.id),
        escape(&mark_name(e, label, lang))
    );
    let hollow = e.date.inferred || e.date.within;
    let fill = if hollow {
        c.surface.to_string()
    } else {
        colour.to_string()
    };
    let opacity = if e.confidence == Confidence::Uncertain {
        r#" opacity="0.6""#
    } else {
        ""
    };
    let dash = if hollow {
        r#" stroke-dasharray="3 2""#
    } else {
        ""
    };
    let wide = x1 - x0 > p.options.marker_px;
    match e.date.shape() {
        Shape::Point => {
            let _ = write!(
                s,
                r#"<circle cx="{cx:.1}" cy="{cy:.1}" r="{r:.1}" fill="{fill}" stroke="{colour}" stroke-width="2"{dash}{opacity}/>"#,
                cx = (x0 + x1) / 2.0,
                cy = y + body_h / 2.0,
                r = body_h / 2.0 - 1.0,
            );
        }
        Shape::Range => {
            let rx = if wide { 3.0 } else { body_h / 2.0 - 1.0 };
            let _ = write!(
                s,
                r#"<rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" rx="{rx:.1}" fill="{fill}" stroke="{colour}" stroke-width="2"{dash}{opacity}/>"#,
                x = x0 + 1.0,
                y = y + 1.0,
                w = (x1 - x0 - 2.0).max(1.0),
                h = body_h - 2.0,
            );
        }
        Shape::Band => {
            let (fill, stroke) = if hollow {
                (
                    fill,
                    format!(r#" stroke="{colour}" stroke-width="2"{dash}"#),
                )
            } else {
                (format!("url(#band-{})", &colour[1..]), String::new())
            };
            let _ = write!(
                s,
                r#"<rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" rx="3" fill="{fill}"{stroke}{opacity}/>"#,
                x = x0 + 1.0,
                y = y + 1.0,
                w = (x1 - x0 - 2.0).max(1.0),
                h = body_h - 2.0,
            );
        }
    }
    if let Some((l0, l1)) = m.label {
        let (class, top, size) = if commission {
            ("label-c", 23.2, 13.6)
        } else {
            ("label", 16.8, 12.5)
        };
        let w = l1 - l0;
        let shown = fit(label, w, p.options.px_per_char);
        let lang_attr = if commission {
            String::new()
        } else {
            format!(r#" xml:lang="{}""#, e.title.resolve(lang).1.code())
        };
        // Clipped a little beyond the estimate (within the gap the packing keeps between
        // footprints), so a font wider than the estimate loses no letter of a label that fits.
        let _ = write!(
            s,
            r#"<svg x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" overflow="hidden">"#,
            w = w + p.options.gap_px - 2.0,
            x = l0 + origin_x,
            y = row_y + top,
            h = size * 1.4,
        );
        text(s, 0.0, size, Edge::Left, class, &shown, &lang_attr);
        s.push_str("</svg>");
    }
    s.push_str("</g>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::day_number;
    use crate::model::{PartialDate, shipped};
    use chrono::NaiveDate;
    use roxmltree::{Document, Node};

    /// A filter, as the app's filters decide.
    type Keep = dyn Fn(&crate::model::Event) -> bool;

    fn day(y: i32, m: u32, d: u32) -> Day {
        day_number(NaiveDate::from_ymd_opt(y, m, d).unwrap())
    }

    fn all(d: &Dataset) -> Vec<EventIdx> {
        d.indexed_events().map(|(i, _)| i).collect()
    }

    fn options(window: (Day, Day), lang: Lang, palette: Palette) -> PictureOptions<'static> {
        PictureOptions {
            window,
            width: 1_200.0,
            lang,
            palette,
            page_url: "https://example.org/timeline/?lang=en&from=2023",
            exported: "2 May 2026",
        }
    }

    /// The ids of the events drawn, in document order (one per mark).
    fn drawn(doc: &Document) -> Vec<String> {
        doc.descendants()
            .filter(|n| n.attribute("class") == Some("mark"))
            .map(|n| n.attribute("data-id").unwrap().to_string())
            .collect()
    }

    fn num(n: Node, attr: &str) -> f64 {
        n.attribute(attr).unwrap().parse().unwrap()
    }

    /// The drawing area (x, width), from the clip the picture draws it in.
    fn plot(doc: &Document) -> (f64, f64) {
        let clip = doc
            .descendants()
            .find(|n| n.attribute("id") == Some("plot"))
            .unwrap();
        let rect = clip.first_element_child().unwrap();
        (num(rect, "x"), num(rect, "width"))
    }

    fn mark<'a>(doc: &'a Document, id: &str) -> Node<'a, 'a> {
        doc.descendants()
            .find(|n| n.attribute("class") == Some("mark") && n.attribute("data-id") == Some(id))
            .unwrap_or_else(|| panic!("{id} drawn"))
    }

    #[test]
    fn the_picture_is_well_formed_svg_of_its_stated_size_in_every_language_and_palette() {
        let d = shipped();
        let t = Timeline::build(&d, Lang::En, 0.0, |_| true);
        for lang in Lang::ALL {
            for palette in [Palette::Light, Palette::Dark] {
                let p = timeline_svg(
                    &d,
                    &all(&d),
                    &options((t.bounds.start, t.bounds.end), lang, palette),
                );
                let doc = Document::parse(&p.svg).expect("well-formed XML");
                let root = doc.root_element();
                assert_eq!(root.tag_name().name(), "svg");
                assert_eq!(
                    root.tag_name().namespace(),
                    Some("http://www.w3.org/2000/svg")
                );
                assert_eq!(num(root, "width"), f64::from(p.width));
                assert_eq!(num(root, "height"), f64::from(p.height));
                let vb = format!("0 0 {} {}", p.width, p.height);
                assert_eq!(root.attribute("viewBox"), Some(vb.as_str()));
                assert!(root.attribute("font-family").unwrap().contains("system-ui"));
                assert!(doc.descendants().any(|n| n.has_tag_name("style")));
                assert_eq!(p.width, 1_200);
                // Everything drawn fits in the stated height: the footer's last line too.
                let lowest = doc
                    .descendants()
                    .filter(|n| n.has_tag_name("text") && n.attribute("class") == Some("footer"))
                    .map(|n| num(n, "y"))
                    .fold(0.0, f64::max);
                assert!(lowest > 0.0 && lowest < f64::from(p.height), "{lowest}");
            }
        }
    }

    /// Every event the filters show and whose span overlaps the window has one mark, even where
    /// the view would merge them into a cluster; no other event has one.
    #[test]
    fn every_visible_event_in_the_window_is_drawn_exactly_once_and_no_other() {
        let d = shipped();
        let cmm22 = d.event(d.event_idx("cmm-22").unwrap()).unwrap();
        let mid = cmm22.date.axis_start();
        let windows = [
            (mid - 365.0, mid + 365.0),
            (day(1990, 1, 1), day(2027, 1, 1)),
        ];
        let filters: [(&str, &Keep); 3] = [
            ("all", &|_| true),
            ("sessions", &|e| e.lane == COMMISSION_LANE),
            ("not sessions", &|e| e.lane != COMMISSION_LANE),
        ];
        for (w0, w1) in windows {
            for (name, keep) in &filters {
                let visible: Vec<EventIdx> = d
                    .indexed_events()
                    .filter(|(_, e)| keep(e))
                    .map(|(i, _)| i)
                    .collect();
                for width in [480.0, 1_200.0] {
                    let mut o = options((w0, w1), Lang::Fr, Palette::Light);
                    o.width = width;
                    let p = timeline_svg(&d, &visible, &o);
                    let doc = Document::parse(&p.svg).unwrap();
                    let mut got = drawn(&doc);
                    got.sort();
                    let mut want: Vec<String> = d
                        .events
                        .iter()
                        .filter(|e| keep(e))
                        .filter(|e| e.date.axis_start() < w1 && e.date.axis_end() > w0)
                        .map(|e| e.id.clone())
                        .collect();
                    want.sort();
                    assert_eq!(got, want, "{name}, {width} px");
                    assert!(!want.is_empty(), "{name}");
                }
            }
        }
    }

    /// Ten events on one day in one lane are ten marks, one per row: the lane grows.
    #[test]
    fn events_on_the_same_day_each_get_a_mark_and_the_lane_grows_to_hold_them() {
        let mut d = shipped();
        let base = d
            .event(d.event_idx("parly-rabat-2020").unwrap())
            .unwrap()
            .clone();
        let one = timeline_svg(
            &d,
            &all(&d),
            &options((day(2019, 6, 1), day(2020, 6, 1)), Lang::En, Palette::Light),
        );
        for k in 0..9 {
            let mut e = base.clone();
            e.id = format!("same-day-{k}");
            d.events.push(e);
        }
        let ten = timeline_svg(
            &d,
            &all(&d),
            &options((day(2019, 6, 1), day(2020, 6, 1)), Lang::En, Palette::Light),
        );
        let doc = Document::parse(&ten.svg).unwrap();
        let ids = drawn(&doc);
        for k in 0..9 {
            assert_eq!(
                ids.iter()
                    .filter(|i| **i == format!("same-day-{k}"))
                    .count(),
                1
            );
        }
        // Their dots are in ten different rows.
        let mut ys: Vec<f64> = ids
            .iter()
            .filter(|i| i.starts_with("same-day") || *i == "parly-rabat-2020")
            .map(|i| {
                num(
                    mark(&doc, i)
                        .descendants()
                        .find(|n| n.has_tag_name("circle"))
                        .unwrap(),
                    "cy",
                )
            })
            .collect();
        ys.sort_by(f64::total_cmp);
        ys.dedup();
        assert_eq!(ys.len(), 10, "{ys:?}");
        assert!(f64::from(ten.height) >= f64::from(one.height) + 8.0 * ROW_H);
    }

    /// In every lane of the shipped data, at several zooms: no two marks' bodies in a row
    /// touch, a label shown never runs into another mark or label in its row, and labels are
    /// inside the drawing area.
    #[test]
    fn marks_in_a_row_never_overlap() {
        let d = shipped();
        for lang in Lang::ALL {
            let t = Timeline::build(&d, lang, 0.0, |_| true);
            for (w0, w1) in [
                (t.bounds.start, t.bounds.end),
                (day(2014, 1, 1), day(2018, 1, 1)),
                (day(2024, 9, 1), day(2025, 1, 1)),
            ] {
                let mut v = Viewport::fit(t.bounds, 700.0);
                v.set_window(w0, w1);
                let f = t.frame(&v, lang, f64::NAN);
                for p in lane_plans(&t, &v, &f) {
                    // Labels are inside the drawing area.
                    for (l0, l1) in p.marks.iter().filter_map(|m| m.label) {
                        let (lo, hi) = (-PLOT_PAD - 1e-9, v.width() + PLOT_PAD + 1e-9);
                        assert!(l0 >= lo && l1 <= hi, "{lang:?} {}: {l0} {l1}", p.id);
                    }
                    let mut rows: Vec<Vec<&Mark>> = Vec::new();
                    for m in &p.marks {
                        if rows.len() <= m.row {
                            rows.resize(m.row + 1, Vec::new());
                        }
                        rows[m.row].push(m);
                    }
                    for row in &mut rows {
                        row.sort_by(|a, b| a.x0.total_cmp(&b.x0));
                        for w in row.windows(2) {
                            let (a, b) = (w[0].footprint(), w[1].footprint());
                            assert!(
                                a.1 + p.options.gap_px <= b.0 + 1e-9,
                                "{lang:?} {}: {a:?} {b:?}",
                                p.id
                            );
                        }
                    }
                }
            }
        }
    }

    /// The window's start is the left edge of the time axis in the drawing area, its end the
    /// right edge, in every language: time runs left to right as in the view.
    #[test]
    fn positions_follow_the_window_left_to_right_in_every_language() {
        let d = shipped();
        let parly = d.event(d.event_idx("parly-rabat-2020").unwrap()).unwrap();
        let t0 = parly.date.axis_start();
        let (w0, w1) = (t0, t0 + 500.0);
        for lang in Lang::ALL {
            let p = timeline_svg(&d, &all(&d), &options((w0, w1), lang, Palette::Dark));
            let doc = Document::parse(&p.svg).unwrap();
            let (x, w) = plot(&doc);
            let (left, right) = (x + PLOT_PAD, x + w - PLOT_PAD);
            let ppd = (right - left) / (w1 - w0);
            let dot = mark(&doc, "parly-rabat-2020")
                .descendants()
                .find(|n| n.has_tag_name("circle"))
                .unwrap();
            // A day-long point sits on the middle of its day.
            assert!(
                (num(dot, "cx") - (left + 0.5 * ppd)).abs() < 0.06,
                "{lang:?}"
            );
            // A bar starting inside the window starts where its date is.
            let alat = d.event(d.event_idx("alat-far-2021").unwrap()).unwrap();
            let bar = mark(&doc, "alat-far-2021")
                .descendants()
                .find(|n| n.has_tag_name("rect"))
                .unwrap();
            let want = left + (alat.date.axis_start() - w0) * ppd;
            assert!((num(bar, "x") - 1.0 - want).abs() < 0.06, "{lang:?}");
            let want_end = left + (alat.date.axis_end() - w0) * ppd;
            let end = num(bar, "x") + num(bar, "width") + 1.0;
            assert!((end - want_end).abs() < 0.1, "{lang:?}");
            // The lane names are on the start side of the drawing area.
            let names: Vec<f64> = doc
                .descendants()
                .filter(|n| n.attribute("class") == Some("lane-name"))
                .map(|n| num(n, "x"))
                .collect();
            assert!(!names.is_empty());
            for n in names {
                if lang.is_rtl() {
                    assert!(n > x + w, "{n} right of the drawing area");
                } else {
                    assert!(n < x, "{n} left of the drawing area");
                }
            }
        }
    }

    #[test]
    fn arabic_is_marked_and_reads_right_to_left() {
        let d = shipped();
        let t = Timeline::build(&d, Lang::Ar, 0.0, |_| true);
        let p = timeline_svg(
            &d,
            &all(&d),
            &options((t.bounds.start, t.bounds.end), Lang::Ar, Palette::Light),
        );
        let doc = Document::parse(&p.svg).unwrap();
        let root = doc.root_element();
        assert_eq!(root.attribute("direction"), Some("rtl"));
        assert_eq!(
            root.attribute(("http://www.w3.org/XML/1998/namespace", "lang")),
            Some("ar")
        );
        let title = doc
            .descendants()
            .find(|n| n.attribute("class") == Some("title"))
            .unwrap();
        assert_eq!(title.text(), Some(d.title.get(Lang::Ar)));
        assert_eq!(title.attribute("direction"), Some("rtl"));
        // Anchored at its start, which in Arabic is the right edge of the picture.
        assert_eq!(title.attribute("text-anchor"), Some("start"));
        assert!(num(title, "x") > f64::from(p.width) / 2.0);
        let footer = doc
            .descendants()
            .find(|n| n.attribute("class") == Some("footer"))
            .unwrap();
        assert!(footer.text().unwrap().starts_with("المصدر:"));
        // The English picture is left to right.
        let en = timeline_svg(
            &d,
            &all(&d),
            &options((t.bounds.start, t.bounds.end), Lang::En, Palette::Light),
        );
        let en = Document::parse(&en.svg).unwrap();
        assert_eq!(en.root_element().attribute("direction"), Some("ltr"));
    }

    /// Text from the data is text: markup characters are escaped (and read back as written),
    /// control characters XML cannot hold are dropped.
    #[test]
    fn text_from_the_data_is_escaped() {
        let mut d = shipped();
        let nasty = r#"<b>&amp; "quoted" 'single'</b> <script>x</script>"#;
        d.title.en = nasty.to_string();
        d.lanes
            .iter_mut()
            .find(|l| l.id == "visit")
            .unwrap()
            .label
            .en = nasty.to_string();
        let i = d.event_idx("parly-rabat-2020").unwrap();
        let e = &mut d.events[i.get()];
        e.title.en = format!("{nasty}\u{1}");
        e.id = "id\"<&>".to_string();
        let url = "https://example.org/?a=1&b=<2>";
        let mut o = options((day(2019, 6, 1), day(2020, 6, 1)), Lang::En, Palette::Light);
        o.page_url = url;
        o.exported = "<today>";
        let p = timeline_svg(&d, &all(&d), &o);
        assert!(!p.svg.contains("<b>") && !p.svg.contains("<script>"));
        assert!(!p.svg.contains('\u{1}'));
        let doc = Document::parse(&p.svg).unwrap();
        let title = doc
            .descendants()
            .find(|n| n.attribute("class") == Some("title"))
            .unwrap();
        assert_eq!(title.text(), Some(nasty));
        let m = mark(&doc, "id\"<&>");
        let tooltip = m.first_element_child().unwrap();
        assert!(
            tooltip.text().unwrap().starts_with(nasty),
            "{:?}",
            tooltip.text()
        );
        let footer: String = doc
            .descendants()
            .filter(|n| n.attribute("class") == Some("footer"))
            .filter_map(|n| n.text())
            .collect();
        assert!(footer.contains(nasty) && footer.contains(url) && footer.contains("<today>"));
        assert!(
            doc.descendants()
                .any(|n| n.attribute("class") == Some("lane-name")
                    && n.text().is_some_and(|t| t.contains("&amp;")))
        );
        assert_eq!(escape("a\u{0}b\u{1f}c\td"), "abc d");
    }

    /// Gaps are drawn where the view draws them: the undocumented stretch as a hatched band
    /// with its label, the search that found nothing as a flag.
    #[test]
    fn gaps_are_drawn_with_their_labels() {
        let d = shipped();
        let t = Timeline::build(&d, Lang::En, 0.0, |_| true);
        let p = timeline_svg(
            &d,
            &all(&d),
            &options((t.bounds.start, t.bounds.end), Lang::En, Palette::Light),
        );
        let doc = Document::parse(&p.svg).unwrap();
        for g in &d.gaps {
            let n = doc
                .descendants()
                .find(|n| n.attribute("data-gap") == Some(g.id.as_str()))
                .unwrap_or_else(|| panic!("{} drawn", g.id));
            assert_eq!(
                n.first_element_child().unwrap().text(),
                Some(gap_label(g, Lang::En).as_str())
            );
            if g.kind == GapKind::Undocumented {
                assert!(
                    n.descendants()
                        .any(|r| r.attribute("fill") == Some("url(#hatch)"))
                );
            }
        }
        // A window that misses them draws none.
        let early = timeline_svg(
            &d,
            &all(&d),
            &options((day(1994, 1, 1), day(1996, 1, 1)), Lang::En, Palette::Light),
        );
        assert!(!early.svg.contains("data-gap="));
    }

    #[test]
    fn month_and_year_dates_are_soft_bands_and_inferred_ones_hollow() {
        let mut d = shipped();
        let i = d.event_idx("h135-2022").unwrap();
        d.events[i.get()].date = crate::model::DateSpec::single(PartialDate::year(2022).unwrap());
        let p = timeline_svg(
            &d,
            &all(&d),
            &options((day(2021, 6, 1), day(2023, 6, 1)), Lang::En, Palette::Light),
        );
        let doc = Document::parse(&p.svg).unwrap();
        let band = mark(&doc, "h135-2022")
            .descendants()
            .find(|n| n.has_tag_name("rect"))
            .unwrap();
        assert!(band.attribute("fill").unwrap().starts_with("url(#band-"));
        // A year at this zoom is a bar over the whole year.
        let (x, w) = plot(&doc);
        let ppd = (w - 2.0 * PLOT_PAD) / (day(2023, 6, 1) - day(2021, 6, 1));
        assert!((num(band, "width") + 2.0 - 365.0 * ppd).abs() < 0.1);
        assert!(num(band, "x") > x);
        let p = timeline_svg(
            &d,
            &all(&d),
            &options((day(2025, 6, 1), day(2025, 9, 1)), Lang::En, Palette::Light),
        );
        let doc = Document::parse(&p.svg).unwrap();
        let dot = mark(&doc, "chiva-comite-armement-2025")
            .descendants()
            .find(|n| n.has_tag_name("circle"))
            .unwrap();
        assert_eq!(dot.attribute("fill"), Some("#ffffff"), "hollow");
        assert!(dot.attribute("stroke-dasharray").is_some(), "dashed");
    }
}
