//! Writes the static first view into a built `index.html` (run by Trunk's post-build hook, see
//! `Trunk.toml`): `prerender INDEX_HTML DATASET_JSON`. Exits 1 with `path: message` on error.

use std::process::ExitCode;

use cooperation_timeline::model::{Lang, load};
use cooperation_timeline::prerender::{inject, render};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [index, data] = args.as_slice() else {
        eprintln!("usage: prerender INDEX_HTML DATASET_JSON");
        return ExitCode::FAILURE;
    };
    match run(index, data) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

fn run(index: &str, data: &str) -> Result<(), String> {
    let bytes = std::fs::read(data).map_err(|e| format!("{data}: {e}"))?;
    let dataset = load(&bytes).map_err(|e| format!("{data}: {e}"))?;
    let html = std::fs::read_to_string(index).map_err(|e| format!("{index}: {e}"))?;
    // The build's date is "today" for the static view's red line; the app redraws it with the
    // reader's date when it takes over.
    let today = today_utc();
    let page = render(&dataset, Lang::default(), today);
    let out = inject(&html, &page).map_err(|e| format!("{index}: {e}"))?;
    std::fs::write(index, out).map_err(|e| format!("{index}: {e}"))
}

/// Today (UTC) as a day number, from the system clock.
fn today_utc() -> f64 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days_since_epoch = (secs / 86_400) as f64;
    cooperation_timeline::model::date::day_of_ymd(1970, 1, 1).unwrap_or(0.0) + days_since_epoch
}
