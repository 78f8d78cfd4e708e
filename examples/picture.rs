//! Writes pictures of the timeline (model::picture) of a dataset as SVG files, to look at them
//! outside the app: the full extent and two years around the 22nd session, in each language
//! and palette. `cargo run --example picture -- [DATASET] [OUTDIR]` (defaults: the shipped
//! dataset, /tmp/pic).

use cooperation_timeline::model::picture::{Palette, PictureOptions, timeline_svg};
use cooperation_timeline::model::timeline::Timeline;
use cooperation_timeline::model::{EventIdx, Lang, load};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let data = args
        .next()
        .unwrap_or_else(|| "public/data/cooperation.json".into());
    let out = std::path::PathBuf::from(args.next().unwrap_or_else(|| "/tmp/pic".into()));
    std::fs::create_dir_all(&out)?;
    let d = load(&std::fs::read(&data)?).map_err(|e| e.to_string())?;
    let visible: Vec<EventIdx> = d.indexed_events().map(|(i, _)| i).collect();
    let bounds = Timeline::build(&d, Lang::En, 0.0, |_| true).bounds;
    let mut windows = vec![("full", (bounds.start, bounds.end))];
    if let Some(e) = d.event_idx("cmm-22").and_then(|i| d.event(i)) {
        let mid = e.date.axis_start();
        windows.push(("cmm-22", (mid - 365.0, mid + 365.0)));
    }
    for (name, window) in windows {
        for lang in Lang::ALL {
            for (theme, palette) in [("light", Palette::Light), ("dark", Palette::Dark)] {
                let p = timeline_svg(
                    &d,
                    &visible,
                    &PictureOptions {
                        window,
                        width: 1_400.0,
                        lang,
                        palette,
                        page_url: "https://example.org/cooperation-timeline/",
                        exported: "2026-05-02",
                    },
                );
                let file = out.join(format!("{name}-{}-{theme}.svg", lang.code()));
                std::fs::write(&file, &p.svg)?;
                println!("{} {}x{}", file.display(), p.width, p.height);
            }
        }
    }
    Ok(())
}
