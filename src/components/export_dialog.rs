//! The Export dialog: the events the current filters show, taken away as CSV, our own JSON,
//! iCalendar, citations (CSL-JSON, BibTeX), or the current window as an SVG or PNG picture. The
//! files are made by the model (`model::export`, `model::picture`) in the transfer worker
//! (`crate::transfer`); this view only chooses, names and saves them.

use leptos::html::Dialog;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::dialogs::dialog_head;
use crate::files::save;
use crate::hooks::clock::{now_utc, today};
use crate::i18n::strings;
use crate::model::date::format_iso_day;
use crate::model::export::file_base;
use crate::model::filter::passing;
use crate::model::search::date_order;
use crate::model::timeline::Timeline;
use crate::model::{EventIdx, Lang};
use crate::picture_png::{MAX_SIDE, svg_size, svg_to_png};
use crate::state::AppState;
use crate::transfer::{ExportFormat, ExportRequest, PictureRequest, export};

/// What the dialog offers, in its order (and the order of `Strings::export_formats`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Csv,
    Json,
    Ics,
    Svg,
    Png,
    Csl,
    Bibtex,
}

impl Format {
    /// What the worker makes for it (a PNG is the SVG, drawn by the page).
    fn made_as(self) -> ExportFormat {
        match self {
            Format::Csv => ExportFormat::Csv,
            Format::Json => ExportFormat::Json,
            Format::Ics => ExportFormat::Ics,
            Format::Svg | Format::Png => ExportFormat::Svg,
            Format::Csl => ExportFormat::Csl,
            Format::Bibtex => ExportFormat::Bibtex,
        }
    }

    const ALL: [Format; 7] = [
        Format::Csv,
        Format::Json,
        Format::Ics,
        Format::Svg,
        Format::Png,
        Format::Csl,
        Format::Bibtex,
    ];

    /// Its id in test ids, and its file's extension and type.
    fn id_ext_mime(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Format::Csv => ("csv", "csv", "text/csv;charset=utf-8"),
            Format::Json => ("json", "json", "application/json"),
            Format::Ics => ("ics", "ics", "text/calendar;charset=utf-8"),
            Format::Svg => ("svg", "svg", "image/svg+xml"),
            Format::Png => ("png", "png", "image/png"),
            Format::Csl => ("csl", "csl.json", "application/vnd.citationstyles.csl+json"),
            Format::Bibtex => ("bibtex", "bib", "application/x-bibtex"),
        }
    }
}

/// Whether the reader sees the dark theme (the picture follows it).
fn dark_theme() -> bool {
    let root = document().document_element();
    let chosen = root.and_then(|r| r.get_attribute("data-theme"));
    match chosen.as_deref() {
        Some("dark") => true,
        Some("light") => false,
        _ => window()
            .match_media("(prefers-color-scheme: dark)")
            .ok()
            .flatten()
            .is_some_and(|m| m.matches()),
    }
}

/// The Export dialog. Open it through `dialog`.
#[component]
pub fn ExportDialog(
    /// The dialog element, so the header's button can open it.
    dialog: NodeRef<Dialog>,
) -> impl IntoView {
    let app = AppState::expect();
    let s = move || strings(app.lang.get());
    let status = RwSignal::new(String::new());
    // How many events the filters show: the dialog is always in the page, so this follows every
    // filter change and only counts (the date order is made once, for an export).
    let shown_count = move || {
        app.dataset()
            .map(|d| {
                app.filters
                    .with(|f| d.events.iter().filter(|e| f.matches(e)).count())
            })
            .unwrap_or_default()
    };
    let export = move |format: Format| {
        let Some(d) = app.dataset() else { return };
        let lang = app.lang.get_untracked();
        // The events shown, in date order: what every export holds.
        let visible: Vec<EventIdx> = app
            .filters
            .with_untracked(|f| passing(&d, f, &date_order(&d)));
        let (_, ext, mime) = format.id_ext_mime();
        let name = format!(
            "{}.{ext}",
            file_base(d.title.get(Lang::En), &format_iso_day(today()))
        );
        let saved = name.clone();
        // iCalendar has no dates before AD 1: the calendar leaves such events out, and says so.
        let left_out = if format == Format::Ics {
            visible
                .iter()
                .filter_map(|&i| d.event(i))
                .filter(|e| e.date.start.year_number() < 1)
                .count()
        } else {
            0
        };
        let done = move |result: Result<(), String>| {
            let s = strings(app.lang.get_untracked());
            let _ = status.try_set(match result {
                // Isolated: a Latin file name inside Arabic text keeps its own direction.
                Ok(()) => {
                    let mut said = s
                        .export_done
                        .replace("{file}", &format!("\u{2068}{saved}\u{2069}"));
                    if left_out > 0 {
                        said.push_str(&s.export_ics_left_out.replace("{n}", &left_out.to_string()));
                    }
                    said
                }
                Err(x) => s.export_failed.replace("{x}", &x),
            });
        };
        let picture = matches!(format, Format::Svg | Format::Png).then(|| {
            // The window on screen; before the timeline was ever shown (a link to the list),
            // the whole of the data, as the timeline would open on it.
            let window = app.shown_window.get_value().unwrap_or_else(|| {
                let b = Timeline::build(&d, lang, today(), |_| true).bounds;
                (b.start, b.end)
            });
            PictureRequest {
                window,
                width: 1600.0,
                dark: dark_theme(),
                // A file from this computer has no address: the footer names the file.
                page_url: app.file.get_untracked().unwrap_or_else(window_href),
                exported: format_iso_day(today()),
            }
        });
        let request = ExportRequest {
            format: format.made_as(),
            visible: visible.iter().map(|i| i.0).collect(),
            lang,
            now: now_utc(),
            picture,
        };
        let Some(raw) = app.raw.get_value() else {
            return done(Err("no data is loaded".into()));
        };
        spawn_local(async move {
            let made = export(request, raw).await;
            let result = match (format, made) {
                (Format::Png, Ok(svg)) => {
                    let svg = String::from_utf8_lossy(&svg).into_owned();
                    match svg_size(&svg) {
                        // Twice the size, unless that is more than a canvas holds (a tall
                        // picture of many rows).
                        Some((w, h)) => {
                            let scale = 2.0_f64
                                .min(MAX_SIDE / f64::from(w.max(1)))
                                .min(MAX_SIDE / f64::from(h.max(1)));
                            svg_to_png(&svg, w, h, scale).await
                        }
                        None => Err("the picture has no size".into()),
                    }
                }
                (_, made) => made,
            };
            done(result.and_then(|bytes| save(&name, mime, &bytes)));
        });
    };
    view! {
        <dialog
            node_ref=dialog
            class="dialog"
            aria-labelledby="export-title"
            data-testid="export-dialog"
            on:close=move |_| status.set(String::new())
        >
            {dialog_head("export-title", move || s().export_title, move || s().close)}
            <p data-testid="export-count">
                {move || s().export_count.replace("{n}", &shown_count().to_string())}
            </p>
            <ul class="dialog__formats">
                {Format::ALL
                    .into_iter()
                    .enumerate()
                    .map(|(i, f)| {
                        let (id, _, _) = f.id_ext_mime();
                        view! {
                            <li class="dialog__format">
                                <button
                                    type="button"
                                    class="button"
                                    data-testid=format!("export-{id}")
                                    aria-describedby=format!("export-{id}-what")
                                    on:click=move |_| export(f)
                                >
                                    {move || s().export_formats[i].0}
                                </button>
                                <span id=format!("export-{id}-what")>
                                    {move || s().export_formats[i].1}
                                </span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <p class="dialog__status" role="status" data-testid="export-status">
                {move || status.get()}
            </p>
        </dialog>
    }
}

/// The page's address as the reader sees it (the picture's footer names where it came from).
fn window_href() -> String {
    window().location().href().unwrap_or_default()
}
