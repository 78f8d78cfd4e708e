//! The first view as static HTML, written into `index.html` at build time (`src/bin/prerender.rs`,
//! run by a Trunk hook) from the bundled dataset by the model the app itself uses: the header,
//! the timeline opened on everything (lanes, axis, marks, gaps, today's line) and, under it, the
//! complete record — every event with its date, place and sources, and every gap — as linked
//! text. A phone on a slow network sees the timeline before the wasm arrives, a reader without
//! JavaScript gets the whole record, and link previews get a real title and description.
//!
//! The app replaces this view when it has drawn its own (`crate::takeover`). So that nothing
//! jumps, the static view uses the app's classes and structure around the timeline, and places
//! marks in percentages of the drawing area: the opening view shows exactly the data's bounds
//! whatever the width, so a mark's share of the width is the same in both. Clustering and labels
//! are computed for two reference widths (phone and desktop) and chosen by the same media query
//! as the layout.

use std::fmt::Write as _;

use crate::components::icons::{Icon, markup as icon};
use crate::i18n::strings;
use crate::model::date::Day;
use crate::model::frame::{Frame, MarkView};
use crate::model::labels::{
    event_name, eyebrow, gap_class, gap_label, gap_when, mark_classes, mark_name,
};
use crate::model::layout::MarkKind;
use crate::model::search::date_order;
use crate::model::timeline::Timeline;
use crate::model::validate::is_http_url;
use crate::model::viewport::{Viewport, describe_window};
use crate::model::{COMMISSION_LANE, Dataset, EventIdx, Lang, Text};

/// Id of the static view's root element, which the app removes when it takes over.
pub const STATIC_ROOT_ID: &str = "static-view";

/// Drawing widths (px) the two static layouts are computed for: the timeline area of a 390 px
/// phone and of a 1920 px desktop. Other widths scale these layouts (positions are shares of
/// the width); the app recomputes clustering for the real width when it takes over.
const NARROW_AREA_PX: f64 = 360.0;
const WIDE_AREA_PX: f64 = 1_000.0;

pub use crate::model::text::escape_html as escape;

/// The pieces written into `index.html`.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// `<title>`, description and Open Graph tags, for `<head>`.
    pub head: String,
    /// The static view, the first thing in `<body>`.
    pub body: String,
}

/// Renders the first view of `d` in every language (the head in `lang`), with today's line at
/// `today`, and the app's loading screen in every language for the links the view does not
/// show. Only one language is shown: [`LANG_SCRIPT`] picks the one the app will open in, and
/// without JavaScript it is `lang`.
pub fn render(d: &Dataset, lang: Lang, today: Day) -> Page {
    let mut body = format!(
        "<div id=\"{STATIC_ROOT_ID}\" data-default-lang=\"{}\">",
        lang.code()
    );
    // Every language's loading screen (a few hundred bytes each), then every language's timeline
    // and the records after them, the default language first: the first screen arrives in the
    // first few kilobytes, whatever the language.
    let mut order = vec![lang];
    order.extend(Lang::ALL.into_iter().filter(|&l| l != lang));
    for &l in &order {
        loading(&mut body, l, l == lang);
    }
    for &l in &order {
        let timeline = Timeline::build(d, l, today, |_| true);
        body.push_str(&view(d, &timeline, l, l == lang, today));
    }
    for &l in &order {
        let _ = write!(
            body,
            "<div class=\"static-view static-view--{code}{}\" lang=\"{code}\" dir=\"{}\">",
            if l == lang {
                " static-view--default"
            } else {
                ""
            },
            if l.is_rtl() { "rtl" } else { "ltr" },
            code = l.code()
        );
        record(&mut body, d, l);
        body.push_str("</div>");
    }
    body.push_str("</div>");
    Page {
        head: format!(
            "{}<script>{LANG_SCRIPT}</script>\n{NOSCRIPT}\n",
            head(d, lang)
        ),
        body,
    }
}

/// Without JavaScript the static view's controls (inert copies of the app's) would do nothing,
/// and the hint on zooming and panning would not apply: they are not shown.
pub const NOSCRIPT: &str = "<noscript><style>.static-view [inert], .static-view .timeline__hint \
     { display: none; }</style></noscript>";

/// Chooses the static view's language as the app will (`?lang=`, else the browser's first
/// language the app has, else the default) before anything is drawn, so that the app does not
/// take over in another language; marks a link to another dataset, window or filter, which the
/// static view (everything, bundled data) does not show, so that the loading screen shows
/// instead, and an embed, whose header is not the app's, so that nothing shows until the app
/// does; and, unless the link names another dataset, starts fetching the bundled one at once
/// rather than when the wasm has arrived (the app's request then finds it preloaded).
pub const LANG_SCRIPT: &str = "(function(){var d=document.documentElement,q=new URLSearchParams(location.search),\
t=[q.get('lang')].concat(navigator.languages||[navigator.language]),l=null;\
for(var i=0;i<t.length&&!l;i++){var p=String(t[i]||'').split(/[-_]/)[0].toLowerCase();\
if(p==='fr'||p==='en'||p==='ar')l=p}if(l){d.setAttribute('data-static-lang',l);d.lang=l;\
d.dir=l==='ar'?'rtl':'ltr'}var k=Array.from(q.keys()).filter(function(x){\
return x!=='lang'&&x!=='event'&&x!=='gap'});if(k.length)d.classList.add('no-static');\
var e=q.get('embed');if(e==='1'||e==='true')d.classList.add('static-embed');if(!q.has('data')){var p=document.createElement('link');\
p.rel='preload';p.as='fetch';p.href='data/cooperation.json';p.crossOrigin='anonymous';\
document.head.appendChild(p)}})();";

/// Writes `page` into an `index.html` built by Trunk: replaces its `<title>` and description,
/// adds the Open Graph tags, and puts the static view at the end of `<body>` (after the note
/// that only readers without JavaScript see).
pub fn inject(html: &str, page: &Page) -> Result<String, String> {
    let mut html = html.to_string();
    for (open, close) in [("<title>", "</title>"), ("<meta name=\"description\"", ">")] {
        if let Some(start) = html.find(open) {
            let end = html[start..]
                .find(close)
                .map(|i| start + i + close.len())
                .ok_or_else(|| format!("index.html: unterminated {open}"))?;
            html.replace_range(start..end, "");
        }
    }
    let head_end = html
        .find("</head>")
        .ok_or("index.html: no </head> to put the title and tags before")?;
    html.insert_str(head_end, &page.head);
    let body_end = html
        .rfind("</body>")
        .ok_or("index.html: no </body> to put the static view before")?;
    html.insert_str(body_end, &page.body);
    Ok(html)
}

fn head(d: &Dataset, lang: Lang) -> String {
    let title = escape(d.title.get(lang));
    let sessions = d
        .events
        .iter()
        .filter(|e| e.lane == COMMISSION_LANE)
        .count();
    let description = escape(
        &strings(lang)
            .meta_description
            .replace("{n}", &d.events.len().to_string())
            .replace("{m}", &sessions.to_string()),
    );
    format!(
        "<title>{title}</title>\n\
         <meta name=\"description\" content=\"{description}\" />\n\
         <meta property=\"og:type\" content=\"website\" />\n\
         <meta property=\"og:title\" content=\"{title}\" />\n\
         <meta property=\"og:description\" content=\"{description}\" />\n\
         <meta property=\"og:locale\" content=\"{}\" />\n\
         <meta name=\"twitter:card\" content=\"summary\" />\n",
        match lang {
            Lang::Fr => "fr_FR",
            Lang::En => "en_GB",
            Lang::Ar => "ar_MA",
        }
    )
}

/// The app's workspace's columns, empty, unseen and with no height (`.workspace--probe`): the
/// panels' sheet, the timeline's box with its headers and area, the record's sheet, with the
/// app's classes, so that the page lays the timeline's area out as wide as the app's will be
/// while the wasm arrives, and `crate::takeover` reads it from there.
const PROBE: &str = concat!(
    "<div class=\"workspace workspace--probe\" aria-hidden=\"true\">",
    "<div class=\"side sheet--panels sheet\"></div>",
    "<div class=\"centre\"><section class=\"timeline\"><div class=\"timeline__body\">",
    "<div class=\"timeline__headers\"></div><div class=\"timeline__area\"></div>",
    "</div></section></div><div class=\"record-sheet sheet--record sheet\"></div></div>",
);

/// One language's loading screen, as the app draws it while a dataset arrives: shown instead of
/// the static view when the link names another dataset, window or filter (which the static view
/// does not show), so that the page is not blank while the wasm arrives. The app, once it runs,
/// replaces it with its own (`crate::takeover`).
fn loading(out: &mut String, lang: Lang, default: bool) {
    let s = strings(lang);
    let code = lang.code();
    let _ = write!(
        out,
        "<div class=\"app static-loading static-loading--{code}{}\" lang=\"{code}\" dir=\"{}\">\
         <header class=\"app__header\"><h1 class=\"app__title\">{}</h1>",
        if default {
            " static-loading--default"
        } else {
            ""
        },
        if lang.is_rtl() { "rtl" } else { "ltr" },
        escape(s.app_title),
    );
    controls(out, lang, true);
    let _ = write!(
        out,
        "<main class=\"app__main\"><div class=\"loading\">\
         <progress class=\"loading__bar\" aria-label=\"{loading}\"></progress>\
         <span role=\"status\">{loading}</span><span class=\"loading__detail\"></span></div>\
         {PROBE}</main></div>",
        loading = escape(s.loading),
    );
}

/// One language's view. Ids carry the language (`en-e-cmm-22`): the three views share a page.
fn view(d: &Dataset, t: &Timeline, lang: Lang, default: bool, today: Day) -> String {
    let s = strings(lang);
    let code = lang.code();
    let dir = if lang.is_rtl() { "rtl" } else { "ltr" };
    let mut out = String::new();
    let _ = write!(
        out,
        "<div class=\"app static-view static-view--{code}{}\" lang=\"{code}\" dir=\"{dir}\">\
         <a class=\"skip-link\" href=\"#{code}-main\">{}</a>",
        if default { " static-view--default" } else { "" },
        escape(s.skip_to_timeline),
    );
    header(&mut out, d, lang);
    let _ = write!(
        out,
        "<main class=\"app__main\" id=\"{code}-main\" tabindex=\"-1\">\
         <div class=\"workspace\"><div class=\"side\" aria-hidden=\"true\"></div>\
         <div class=\"centre\">\
         <div class=\"views static-wide\" role=\"group\" aria-label=\"{}\" inert>\
         <button class=\"view-switch\" type=\"button\" aria-pressed=\"true\">{}</button>\
         <button class=\"view-switch\" type=\"button\" aria-pressed=\"false\">{}</button></div>",
        escape(s.view_label),
        escape(s.view_timeline),
        escape(s.view_list),
    );
    timeline_section(&mut out, d, t, lang, today);
    out.push_str("</div><div class=\"tabpanel--record\" aria-hidden=\"true\"></div></div>");
    out.push_str("</main></div>");
    out
}

/// The app's header as it first appears, its controls inert: they work once the app takes over
/// (and a reader without JavaScript is not offered controls that do nothing: see [`NOSCRIPT`]).
fn header(out: &mut String, d: &Dataset, lang: Lang) {
    let _ = write!(
        out,
        "<header class=\"app__header\"><h1 class=\"app__title\">{}</h1>",
        escape(d.title.get(lang))
    );
    search(out, lang);
    controls(out, lang, false);
}

/// The header's search, inert.
fn search(out: &mut String, lang: Lang) {
    let s = strings(lang);
    let code = lang.code();
    let _ = write!(
        out,
        "<div class=\"search\" role=\"search\" inert>\
         <button class=\"icon-button search__toggle\" type=\"button\" aria-label=\"{open}\" \
         title=\"{open}\">{}</button><div class=\"search__field\">\
         <label class=\"visually-hidden\" for=\"{code}-search-input\">{}</label>\
         <input class=\"search__input\" id=\"{code}-search-input\" type=\"search\" \
         autocomplete=\"off\" placeholder=\"{}\">\
         <button class=\"icon-button search__close\" type=\"button\" aria-label=\"{close}\" \
         title=\"{close}\">{}</button></div></div>",
        icon(Icon::Search),
        escape(s.search_label),
        escape(s.search_placeholder),
        icon(Icon::Close),
        open = escape(s.search_open),
        close = escape(s.search_close),
    );
}

/// The header's controls (the menu), inert, and the header's end. With no dataset yet (`loading`),
/// the buttons that need one are disabled, as the app's are.
fn controls(out: &mut String, lang: Lang, loading: bool) {
    let s = strings(lang);
    let needs_data = if loading { " disabled" } else { "" };
    let _ = write!(
        out,
        "<div class=\"menu\" inert><button class=\"icon-button menu__toggle\" type=\"button\" \
         aria-label=\"{menu}\" title=\"{menu}\">{}</button><div class=\"menu__panel\">\
         <div class=\"controls\">\
         <button class=\"button story-button\" type=\"button\" aria-pressed=\"false\"{needs_data}>\
         {story}</button><div class=\"file-actions\" role=\"group\">\
         <button class=\"button\" type=\"button\">{opens}</button>\
         <button class=\"button\" type=\"button\"{needs_data}>{export}</button>\
         <button class=\"button\" type=\"button\"{needs_data}>{embed}</button></div>\
         <div class=\"langs\" role=\"group\" aria-label=\"{}\">",
        icon(Icon::Menu),
        escape(s.language_label),
        menu = escape(s.menu),
        // The app's header buttons, inert here, so that the header wraps as the app's will.
        story = escape(s.story_start),
        opens = escape(s.open),
        export = escape(s.export),
        embed = escape(s.embed),
    );
    for l in Lang::ALL {
        let _ = write!(
            out,
            "<button class=\"lang\" type=\"button\" lang=\"{c}\" aria-pressed=\"{}\">\
             <abbr title=\"{}\">{}</abbr></button>",
            l == lang,
            l.endonym(),
            l.code().to_ascii_uppercase(),
            c = l.code()
        );
    }
    let _ = write!(
        out,
        "</div><label class=\"theme\"><span class=\"visually-hidden\">{}</span><select>\
         <option selected>{}</option></select></label><label class=\"contrast\">\
         <input type=\"checkbox\">{}</label><button class=\"button help-button\" type=\"button\">\
         <span aria-hidden=\"true\">? </span>{}</button></div></div></div></header>",
        escape(s.theme_label),
        escape(s.theme_system),
        escape(s.high_contrast),
        escape(s.help),
    );
}

/// The timeline's toolbar as it first appears (all shown, nothing selected), inert.
fn toolbar(out: &mut String, t: &Timeline, lang: Lang) {
    let s = strings(lang);
    let _ = write!(
        out,
        "<div class=\"toolbar\" role=\"toolbar\" aria-label=\"{}\" inert>",
        escape(s.toolbar_label)
    );
    let tool = |out: &mut String, name: &str, wide: &str, glyph: Icon, short: &str, off: bool| {
        let _ = write!(
            out,
            "<button class=\"button tool\" type=\"button\" aria-label=\"{name}\"{}>\
             <span class=\"tool__wide\">{wide}</span>{}<span class=\"tool__label\">{short}\
             </span></button>",
            if off { " disabled" } else { "" },
            icon(glyph),
            name = escape(name),
            wide = escape(wide),
            short = escape(short),
        );
    };
    tool(out, s.zoom_in, "+", Icon::Plus, s.short_zoom_in, false);
    tool(out, s.zoom_out, "−", Icon::Minus, s.short_zoom_out, true);
    tool(
        out,
        s.fit_all,
        s.fit_all,
        Icon::FitAll,
        s.short_fit_all,
        false,
    );
    let selection = s.short_zoom_selection;
    tool(
        out,
        s.zoom_selection,
        s.zoom_selection,
        Icon::Target,
        selection,
        true,
    );
    // On a phone the toolbar also opens the panels' sheet and switches to the list.
    for (name, glyph, label) in [
        (s.panels_sheet, Icon::Filter, s.tab_filters),
        (s.view_list, Icon::List, s.view_list),
    ] {
        let _ = write!(
            out,
            "<button class=\"button tool static-narrow\" type=\"button\" aria-label=\"{}\">{}\
             <span class=\"tool__label\">{}</span></button>",
            escape(name),
            icon(glyph),
            escape(label)
        );
    }
    let v = Viewport::fit(t.bounds, WIDE_AREA_PX);
    let _ = write!(
        out,
        "<span class=\"toolbar__range\" aria-live=\"off\">{}</span></div>",
        escape(&describe_window(&v, lang))
    );
}

fn timeline_section(out: &mut String, d: &Dataset, t: &Timeline, lang: Lang, today: Day) {
    let s = strings(lang);
    let code = lang.code();
    let _ = write!(
        out,
        "<section class=\"timeline\" aria-labelledby=\"{code}-timeline-heading\">\
         <h2 id=\"{code}-timeline-heading\" class=\"visually-hidden\">{}</h2>",
        escape(s.timeline_heading)
    );
    toolbar(out, t, lang);
    let _ = write!(
        out,
        "<div class=\"timeline__body\"><div class=\"timeline__headers\" aria-hidden=\"true\">\
         <div class=\"timeline__axis-spacer\"></div>"
    );
    for l in &t.lanes {
        let _ = write!(
            out,
            "<div class=\"lane-header lane--{id}\" data-lane=\"{id}\">\
             <span class=\"lane-header__label\">{}</span></div>",
            escape(&d.lane_label(&l.id, lang)),
            id = escape(&l.id)
        );
    }
    let _ = write!(
        out,
        "</div><div class=\"timeline__area\" dir=\"ltr\" role=\"group\" \
         aria-label=\"{}\" data-testid=\"static-timeline\"><div class=\"timeline__rows\" \
         aria-hidden=\"true\">",
        escape(s.timeline_label)
    );
    for l in &t.lanes {
        let _ = write!(
            out,
            "<div class=\"lane-row lane--{}\"></div>",
            escape(&l.id)
        );
    }
    out.push_str("</div>");
    for (class, width) in [
        ("static-frame--narrow", NARROW_AREA_PX),
        ("static-frame--wide", WIDE_AREA_PX),
    ] {
        let v = Viewport::fit(t.bounds, width);
        let frame = t.frame(&v, lang, today);
        world(out, d, t, &frame, lang, class);
    }
    let _ = write!(
        out,
        "</div></div><p class=\"timeline__hint\">{}</p></section>",
        escape(s.timeline_hint)
    );
}

/// A position in days from the start of the bounds as a share of the drawing area.
fn pct(days: Day, total: Day) -> String {
    format!("{:.4}%", days / total * 100.0)
}

fn world(out: &mut String, d: &Dataset, t: &Timeline, f: &Frame, lang: Lang, class: &str) {
    let total = (t.bounds.end - t.bounds.start).max(f64::MIN_POSITIVE);
    let _ = write!(out, "<div class=\"timeline__world static-frame {class}\">");
    out.push_str("<div class=\"axis\" aria-hidden=\"true\">");
    for (row, ticks, tick_class) in [
        (
            "axis__row axis__row--major",
            &f.major,
            "axis__tick axis__tick--major",
        ),
        ("axis__row axis__row--minor", &f.minor, "axis__tick"),
    ] {
        let _ = write!(out, "<div class=\"{row}\">");
        // The label of the major unit the view starts in, pinned to the left edge (as the app).
        if let (Some(label), "axis__row axis__row--major") = (&f.pinned, row) {
            let _ = write!(
                out,
                "<span class=\"axis__tick axis__tick--major axis__tick--pinned\" dir=\"auto\" \
                 style=\"left: 0px\">{}</span>",
                escape(label)
            );
        }
        for tick in ticks {
            let _ = write!(
                out,
                "<span class=\"{tick_class}\" dir=\"auto\" style=\"left: {}\">{}</span>",
                pct(tick.at, total),
                escape(&tick.label)
            );
        }
        out.push_str("</div>");
    }
    out.push_str("</div>");
    for (lane_idx, (lane, marks)) in t.lanes.iter().zip(&f.lanes).enumerate() {
        let _ = write!(
            out,
            "<div class=\"lane lane--{id}\" data-lane=\"{id}\">",
            id = escape(&lane.id)
        );
        for g in f.gaps.iter().filter(|g| g.lane == lane_idx) {
            let Some(gap) = d.gaps.get(g.idx) else {
                continue;
            };
            let label = escape(&gap_label(gap, lang));
            let _ = write!(
                out,
                "<a class=\"gap {}\" href=\"#{}\" style=\"left: {}; width: {}\" \
                 data-testid=\"gap\" aria-label=\"{label}\">",
                gap_class(g.kind),
                escape(&gap_anchor(&gap.id, lang)),
                pct(g.at, total),
                pct(g.span, total),
            );
            if let Some(w) = g.label_width {
                let _ = write!(
                    out,
                    "<span class=\"gap__label\" dir=\"auto\" style=\"transform: \
                     translateX({:.1}px); width: {w:.1}px\">{label}</span>",
                    g.label_offset
                );
            }
            out.push_str("</a>");
        }
        out.push_str("<div class=\"lane__marks\">");
        for m in marks.iter() {
            mark(out, d, t, m, total, lang);
        }
        out.push_str("</div></div>");
    }
    if let Some(at) = f.today {
        let _ = write!(
            out,
            "<div class=\"today\" style=\"left: {}\" aria-hidden=\"true\">\
             <span class=\"today__label\">{}</span></div>",
            pct(at, total),
            escape(strings(lang).today)
        );
    }
    out.push_str("</div>");
}

/// A mark's `left`, `width` and row: the app's geometry with its scale (pixels per day) replaced
/// by a share of the area (the opening view is the bounds, so the scale is the area width /
/// `total`).
fn geometry(m: &MarkView, total: Day) -> String {
    let width = match m.span {
        Some(days) => pct(days, total),
        None => format!("{:.2}px", m.body_px),
    };
    format!(
        "left: calc({} + {:.2}px); width: {width}; --row: {};",
        pct(m.at, total),
        m.offset_px,
        m.row
    )
}

fn mark(out: &mut String, d: &Dataset, t: &Timeline, m: &MarkView, total: Day, lang: Lang) {
    match m.kind {
        MarkKind::Cluster { count, .. } => {
            let name = strings(lang)
                .cluster_label
                .replace("{n}", &count.to_string());
            let _ = write!(
                out,
                "<span class=\"mark mark--cluster\" style=\"{}\" title=\"{}\">\
                 <span class=\"mark__count\">{count}</span></span>",
                geometry(m, total),
                escape(&name)
            );
        }
        MarkKind::Item(i) => {
            let i = EventIdx(i);
            let Some(e) = d.event(i) else { return };
            let label = t.label(d, i);
            let mut class = format!("mark {}", mark_classes(e));
            if m.span.is_some() {
                class.push_str(" mark--wide");
            }
            let _ = write!(
                out,
                "<a class=\"{class}\" href=\"#{}\" style=\"{}\" data-testid=\"{}\" \
                 aria-label=\"{}\"><span class=\"mark__body\"></span>",
                escape(&event_anchor(&e.id, lang)),
                geometry(m, total),
                if e.lane == COMMISSION_LANE {
                    "session"
                } else {
                    "event"
                },
                escape(&mark_name(e, label, lang)),
            );
            if let Some(w) = m.label_width {
                let _ = write!(
                    out,
                    "<span class=\"mark__label\" style=\"width: {w:.1}px\">{}</span>",
                    escape(label)
                );
            }
            out.push_str("</a>");
        }
    }
}

/// The in-page anchor of an event's record in `lang`'s view.
pub fn event_anchor(id: &str, lang: Lang) -> String {
    format!("{}-e-{id}", lang.code())
}

/// The in-page anchor of a gap's record in `lang`'s view.
pub fn gap_anchor(id: &str, lang: Lang) -> String {
    format!("{}-g-{id}", lang.code())
}

/// Text in `lang` (or its fallback), marked with the language it is actually in.
fn text(t: &Text, lang: Lang) -> String {
    let (s, actual) = t.resolve(lang);
    if actual == lang {
        escape(s)
    } else {
        format!("<span lang=\"{}\">{}</span>", actual.code(), escape(s))
    }
}

/// The complete record: every event in date order with what the record panel's first lines say
/// (kind, date, place, summary) and every source; every gap with its span and sources.
fn record(out: &mut String, d: &Dataset, lang: Lang) {
    let s = strings(lang);
    let _ = write!(
        out,
        "<section class=\"static-record\" aria-labelledby=\"{code}-record-heading\">\
         <h2 id=\"{code}-record-heading\">{}</h2><ol class=\"static-record__list\">",
        escape(s.static_record_heading),
        code = lang.code()
    );
    for i in date_order(d) {
        let Some(e) = d.event(i) else { continue };
        let (name, name_lang) = event_name(e, lang);
        let _ = write!(
            out,
            "<li class=\"static-record__item\" id=\"{}\"><article>\
             <p class=\"detail__eyebrow\">{}</p><h3 lang=\"{}\">{}</h3><p>{}",
            escape(&event_anchor(&e.id, lang)),
            escape(&eyebrow(d, e, lang)),
            name_lang.code(),
            escape(&name),
            escape(&e.date.format(lang)),
        );
        if let Some(place) = &e.place {
            let _ = write!(out, " · {}", text(&place.name, lang));
        }
        out.push_str("</p>");
        if !e.summary.fr.is_empty() || !e.summary.en.is_empty() {
            let _ = write!(out, "<p>{}</p>", text(&e.summary, lang));
        }
        sources(out, d, &e.sources, lang);
        out.push_str("</article></li>");
    }
    out.push_str("</ol>");
    if !d.gaps.is_empty() {
        let _ = write!(
            out,
            "<h2>{}</h2><ul class=\"static-record__list\">",
            escape(s.static_gaps_heading)
        );
        for g in &d.gaps {
            let _ = write!(
                out,
                "<li class=\"static-record__item\" id=\"{}\"><article><h3>{}</h3><p>{}</p><p>{}</p>",
                escape(&gap_anchor(&g.id, lang)),
                text(&g.title, lang),
                escape(&gap_when(g, lang)),
                text(&g.summary, lang),
            );
            sources(out, d, &g.sources, lang);
            out.push_str("</article></li>");
        }
        out.push_str("</ul>");
    }
    out.push_str("</section>");
}

fn sources(out: &mut String, d: &Dataset, ids: &[String], lang: Lang) {
    let s = strings(lang);
    let _ = write!(
        out,
        "<p class=\"static-record__sources-title\">{}</p><ul class=\"static-record__sources\">",
        escape(s.sources)
    );
    for id in ids {
        let Some(src) = d.source(id) else { continue };
        let title = src
            .title
            .clone()
            .unwrap_or_else(|| src.description.resolve(lang).0.to_string());
        out.push_str("<li>");
        if is_http_url(&src.url) {
            let _ = write!(
                out,
                "<a href=\"{}\" rel=\"noopener noreferrer\">{}</a>",
                escape(&src.url),
                escape(&src.publisher)
            );
        } else {
            out.push_str(&escape(&src.publisher));
        }
        let _ = write!(out, " — {}</li>", escape(&title));
    }
    out.push_str("</ul>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::day_of_ymd;

    fn shipped() -> Dataset {
        crate::model::load(include_bytes!("../public/data/cooperation.json")).unwrap()
    }

    fn page() -> (Dataset, Page) {
        let d = shipped();
        let today = day_of_ymd(2026, 12, 1).unwrap();
        let p = render(&d, Lang::En, today);
        (d, p)
    }

    #[test]
    fn every_event_gap_and_source_link_is_in_the_record() {
        let (d, p) = page();
        for e in &d.events {
            assert!(
                p.body.contains(&format!("id=\"en-e-{}\"", escape(&e.id))),
                "{}",
                e.id
            );
            for id in &e.sources {
                let src = d.source(id).unwrap();
                assert!(
                    p.body.contains(&format!("href=\"{}\"", escape(&src.url))),
                    "{} of {}",
                    src.url,
                    e.id
                );
            }
        }
        for g in &d.gaps {
            assert!(p.body.contains(&format!("id=\"en-g-{}\"", escape(&g.id))));
        }
    }

    #[test]
    fn a_loading_screen_in_each_language_comes_first_for_links_the_static_view_cannot_show() {
        let (_, p) = page();
        let first_view = p.body.find("static-view--").unwrap();
        for l in Lang::ALL {
            let s = strings(l);
            let at = p
                .body
                .find(&format!("static-loading--{}", l.code()))
                .unwrap();
            // Before any timeline, so it shows at the top of an otherwise empty page.
            assert!(at < first_view, "{l:?}");
            let screen = &p.body[at..];
            let screen = &screen[..screen.find("</main>").unwrap()];
            assert!(screen.contains(&escape(s.app_title)), "{l:?}");
            assert!(
                screen.contains(&format!(
                    "<span role=\"status\">{}</span>",
                    escape(s.loading)
                )),
                "{l:?}"
            );
            assert_eq!(
                screen.contains("static-loading--default"),
                l == Lang::En,
                "{l:?}"
            );
            // Under it, the workspace's columns, by which `takeover` learns the area's width.
            assert!(screen.contains(PROBE), "{l:?}");
        }
        // Shown only where the static view is not (static.css), which LANG_SCRIPT decides.
        let css = include_str!("../style/static.css");
        assert!(css.contains(".no-static #static-view > :not(.static-loading) { display: none; }"));
        assert!(LANG_SCRIPT.contains("d.classList.add('no-static')"));
        // Not for an embed, whose header is another.
        assert!(css.contains("html.static-embed #static-view .static-loading { display: none; }"));
        assert!(LANG_SCRIPT.contains("d.classList.add('static-embed')"));
    }

    /// The probe stands in for the app's workspace: the same classes in the same nesting, as the
    /// components write them, unseen and with no height.
    #[test]
    fn the_probe_has_the_workspace_columns_the_app_draws() {
        let app = include_str!("components/app.rs");
        let panels = include_str!("components/side_panels.rs");
        let sheet = include_str!("components/sheet.rs");
        let timeline = include_str!("components/timeline/mod.rs");
        assert!(
            app.contains("<div class=\"workspace\">") && app.contains("<div class=\"centre\">")
        );
        assert!(panels.contains("class=\"side sheet--panels\""));
        assert!(panels.contains("class=\"record-sheet sheet--record\""));
        assert!(sheet.contains("class=format!(\"{class} sheet\")"));
        for class in [
            "<section class=\"timeline\"",
            "class=\"timeline__body\"",
            "class=\"timeline__area\"",
        ] {
            assert!(timeline.contains(class), "{class}");
        }
        let at = |part: &str| PROBE.find(part).unwrap_or_else(|| panic!("{part}"));
        assert!(at("side sheet--panels sheet") < at("class=\"centre\""));
        assert!(at("class=\"centre\"") < at("class=\"timeline__headers\""));
        assert!(at("class=\"timeline__headers\"") < at("class=\"timeline__area\""));
        assert!(at("class=\"timeline__area\"") < at("record-sheet sheet--record sheet"));
        assert!(PROBE.contains("aria-hidden=\"true\""));
        let css = include_str!("../style/base.css");
        assert!(css.contains(".workspace--probe { height: 0 !important;"));
        assert!(css.contains("visibility: hidden; }"));
    }

    #[test]
    fn every_session_is_drawn_in_both_layouts_or_counted_in_a_cluster() {
        let (d, p) = page();
        let en = &p.body[p.body.find("static-view--en").unwrap()..];
        for class in ["static-frame--narrow", "static-frame--wide"] {
            let start = en.find(class).unwrap();
            let end = en[start..].find("class=\"today\"").unwrap() + start;
            let frame = &en[start..end];
            let drawn = d
                .events
                .iter()
                .filter(|e| frame.contains(&format!("href=\"#en-e-{}\"", e.id)))
                .count();
            let clustered: usize = frame
                .match_indices("<span class=\"mark__count\">")
                .map(|(i, m)| {
                    let rest = &frame[i + m.len()..];
                    rest[..rest.find('<').unwrap()].parse::<usize>().unwrap()
                })
                .sum();
            assert_eq!(drawn + clustered, d.events.len(), "{class}");
        }
    }

    #[test]
    fn marks_sit_at_their_share_of_the_bounds() {
        let (d, p) = page();
        let t = Timeline::build(&d, Lang::En, 0.0, |_| true);
        let total = t.bounds.end - t.bounds.start;
        let i = d.event_idx("cmm-22").unwrap();
        let e = d.event(i).unwrap();
        // Whatever the layout made of it, the 22nd session is somewhere in the wide frame at a
        // share of the width that matches its date.
        let en = &p.body[p.body.find("static-view--en").unwrap()..];
        let wide = &en[en.find("static-frame--wide").unwrap()..];
        let at = wide.find(&format!("href=\"#en-e-{}\"", e.id));
        if let Some(at) = at {
            let style = &wide[at..];
            let left = &style[style.find("left: calc(").unwrap() + 11..];
            let share: f64 = left[..left.find('%').unwrap()].parse().unwrap();
            let day = e.date.first_day() as Day;
            let expected = (day - t.bounds.start) / total * 100.0;
            assert!((share - expected).abs() < 1.0, "{share} vs {expected}");
        }
    }

    #[test]
    fn data_text_is_escaped_and_only_http_links_are_made() {
        assert_eq!(
            escape("<script>\"x\" & 'y'</script>"),
            "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;"
        );
        let (_, p) = page();
        assert!(!p.body.contains("<script"));
        assert!(!p.body.contains("href=\"javascript:"));
    }

    #[test]
    fn the_script_preloads_the_data_the_app_fetches() {
        assert!(LANG_SCRIPT.contains(&format!("p.href='{}'", crate::data::DEFAULT_DATA_URL)));
    }

    #[test]
    fn inject_replaces_the_title_and_fills_the_body() {
        let html = "<!doctype html><html><head><title>Old</title>\
                    <meta name=\"description\" content=\"old\" /></head>\
                    <body><noscript>x</noscript></body></html>";
        let page = Page {
            head: "<title>New</title>".into(),
            body: "<div id=\"static-view\"></div>".into(),
        };
        let out = inject(html, &page).unwrap();
        assert!(!out.contains("Old") && !out.contains("old"));
        assert!(out.contains("<title>New</title></head>"));
        assert!(out.contains("<body><noscript>x</noscript><div id=\"static-view\"></div></body>"));
        assert!(inject("<html></html>", &page).is_err());
    }
}
