//! The Export dialog: the events the current filters show, taken away as CSV, our own JSON,
//! iCalendar, citations (CSL-JSON, BibTeX), or the current window as an SVG or PNG picture. The
//! files are made by the model (`model::export`, `model::picture`); this view only chooses, names
//! and saves them.

use leptos::html::Dialog;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::dialogs::dialog_head;
use crate::files::save;
use crate::hooks::clock::{now_utc, today};
use crate::i18n::strings;
use crate::model::date::format_iso_day;
use crate::model::export::{cite, csv, ics, json};
use crate::model::filter::passing;
use crate::model::picture::{Palette, PictureOptions, timeline_svg};
use crate::model::search::date_order;
use crate::model::timeline::Timeline;
use crate::model::{Dataset, EventIdx, Lang};
use crate::state::AppState;

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

/// The base of the saved files' names: the dataset's title in Latin letters (`morocco-france-
/// military-cooperation`), else `timeline`, and today's date, so two exports don't collide.
fn file_base(d: &Dataset) -> String {
    let mut slug = String::new();
    for c in d.title.get(Lang::En).chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    let slug = if slug.is_empty() { "timeline" } else { slug };
    format!("{slug}-{}", format_iso_day(today()))
}

/// The theme the reader sees, for the picture.
fn palette() -> Palette {
    let root = document().document_element();
    let chosen = root.and_then(|r| r.get_attribute("data-theme"));
    let dark = match chosen.as_deref() {
        Some("dark") => true,
        Some("light") => false,
        _ => window()
            .match_media("(prefers-color-scheme: dark)")
            .ok()
            .flatten()
            .is_some_and(|m| m.matches()),
    };
    if dark { Palette::Dark } else { Palette::Light }
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
    // The events shown, in date order: what every export holds.
    let shown = move || -> Vec<EventIdx> {
        app.dataset()
            .map(|d| app.filters.with(|f| passing(&d, f, &date_order(&d))))
            .unwrap_or_default()
    };
    let export = move |format: Format| {
        let Some(d) = app.dataset() else { return };
        let lang = app.lang.get_untracked();
        let visible = untrack(shown);
        let (_, ext, mime) = format.id_ext_mime();
        let name = format!("{}.{ext}", file_base(&d));
        let saved = name.clone();
        let done = move |result: Result<(), String>| {
            let s = strings(app.lang.get_untracked());
            let _ = status.try_set(match result {
                Ok(()) => s.export_done.replace("{file}", &saved),
                Err(x) => s.export_failed.replace("{x}", &x),
            });
        };
        let bytes = match format {
            Format::Csv => csv::to_csv(&d, &visible, lang).into_bytes(),
            Format::Json => json::to_json(&d, &visible).into_bytes(),
            Format::Ics => ics::to_ics(&d, &visible, lang, now_utc()).into_bytes(),
            Format::Csl => cite::csl_json_for_events(&d, &visible, lang).into_bytes(),
            Format::Bibtex => cite::bibtex_for_events(&d, &visible, lang).into_bytes(),
            Format::Svg | Format::Png => {
                // The window on screen; before the timeline was ever shown (a link to the
                // list), the whole of the data, as the timeline would open on it.
                let window = app.shown_window.get_value().unwrap_or_else(|| {
                    let b = Timeline::build(&d, lang, today(), |_| true).bounds;
                    (b.start, b.end)
                });
                // A file from this computer has no address: the footer names the file.
                let page = app.file.get_untracked().unwrap_or_else(window_href);
                let exported = format_iso_day(today());
                let picture = timeline_svg(
                    &d,
                    &visible,
                    &PictureOptions {
                        window,
                        width: 1600.0,
                        lang,
                        palette: palette(),
                        page_url: &page,
                        exported: &exported,
                    },
                );
                if format == Format::Svg {
                    picture.svg.into_bytes()
                } else {
                    let file = name.clone();
                    spawn_local(async move {
                        let png = crate::picture_png::svg_to_png(
                            &picture.svg,
                            picture.width,
                            picture.height,
                            2.0,
                        )
                        .await;
                        done(png.and_then(|bytes| save(&file, mime, &bytes)));
                    });
                    return;
                }
            }
        };
        done(save(&name, mime, &bytes));
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
                {move || s().export_count.replace("{n}", &shown().len().to_string())}
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
