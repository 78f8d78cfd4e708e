//! `cargo run --bin convert -- IN --to json|csv|ics|csl|bibtex [-o OUT] [--lang fr|en|ar]`:
//! converts a timeline file for maintainers, with the app's own importers and exporters.
//!
//! IN is any format the app opens (our JSON, TimelineJS JSON or CSV, vis-timeline items, a CSV
//! with a header row), recognised from its content; `-` reads standard input. Every event is
//! written, in date order. Exit 0 when the file was written; exit 1 with one `IN: path: message`
//! line per problem when IN cannot be read as a timeline; exit 2 for a usage or file error.

use std::io::{Read, Write};
use std::process::ExitCode;

use cooperation_timeline::model::export::{cite, csv, ics, json};
use cooperation_timeline::model::import::import;
use cooperation_timeline::model::search::date_order;
use cooperation_timeline::model::{Invalid, Lang};

const USAGE: &str =
    "usage: convert IN --to json|csv|ics|csl|bibtex [-o OUT] [--lang fr|en|ar]   (IN may be -)";

struct Args {
    input: String,
    to: String,
    output: Option<String>,
    lang: Lang,
}

fn args() -> Result<Args, String> {
    let mut it = std::env::args().skip(1);
    let (mut input, mut to, mut output, mut lang) = (None, None, None, Lang::En);
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--to" => to = Some(value("--to")?),
            "-o" | "--output" => output = Some(value("-o")?),
            "--lang" => {
                let v = value("--lang")?;
                lang = Lang::from_tag(&v).ok_or(format!("unknown language \"{v}\""))?;
            }
            "-h" | "--help" => return Err(String::new()),
            _ if input.is_none() && (a == "-" || !a.starts_with('-')) => input = Some(a),
            _ => return Err(format!("unexpected argument \"{a}\"")),
        }
    }
    Ok(Args {
        input: input.ok_or("no input file")?,
        to: to.ok_or("no --to format")?,
        output,
        lang,
    })
}

/// The UTC time now, from the system clock (the model reads none; the calendar's stamp needs it).
fn now() -> chrono::NaiveDateTime {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    chrono::DateTime::from_timestamp(i64::try_from(secs).unwrap_or(0), 0)
        .unwrap_or_default()
        .naive_utc()
}

fn main() -> ExitCode {
    let a = match args() {
        Ok(a) => a,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("convert: {e}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    if !["json", "csv", "ics", "csl", "bibtex"].contains(&a.to.as_str()) {
        eprintln!("convert: unknown format \"{}\"\n{USAGE}", a.to);
        return ExitCode::from(2);
    }
    let mut bytes = Vec::new();
    let read = if a.input == "-" {
        std::io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::read(&a.input).map(|b| bytes = b)
    };
    if let Err(e) = read {
        eprintln!("{}: cannot read the file: {e}", a.input);
        return ExitCode::from(2);
    }
    let name = std::path::Path::new(&a.input)
        .file_name()
        .and_then(|n| n.to_str())
        .filter(|_| a.input != "-");
    let imported = match import(&bytes, name) {
        Ok(i) => i,
        Err(Invalid(problems)) => {
            for p in &problems {
                println!("{}: {p}", a.input);
            }
            eprintln!("{}: {} problem(s)", a.input, problems.len());
            return ExitCode::FAILURE;
        }
    };
    let d = &imported.dataset;
    let all = date_order(d);
    let text = match a.to.as_str() {
        "json" => json::to_json(d, &all),
        "csv" => csv::to_csv(d, &all, a.lang),
        "ics" => ics::to_ics(d, &all, a.lang, now()),
        "csl" => cite::csl_json_for_events(d, &all, a.lang),
        _ => cite::bibtex_for_events(d, &all, a.lang),
    };
    for line in &imported.report.notes {
        eprintln!("{}: {}", a.input, line.text(a.lang));
    }
    let written = match &a.output {
        Some(path) => std::fs::write(path, text.as_bytes()),
        None => std::io::stdout().write_all(text.as_bytes()),
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!(
                "{}: cannot write: {e}",
                a.output.as_deref().unwrap_or("stdout")
            );
            ExitCode::from(2)
        }
    }
}
