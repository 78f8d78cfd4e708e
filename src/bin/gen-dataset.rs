//! `cargo run --bin gen-dataset -- --events N --seed S > file.json`: writes a valid synthetic
//! dataset of N events (clumped in time like real ones), for benchmarks and stress tests.

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut events: usize = 1_000;
    let mut seed: u64 = 1;
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let value = it.next();
        let parsed = match (flag.as_str(), value) {
            ("--events", Some(v)) => v.parse().map(|n| events = n).is_ok(),
            ("--seed", Some(v)) => v.parse().map(|s| seed = s).is_ok(),
            _ => false,
        };
        if !parsed {
            eprintln!("usage: gen-dataset [--events N] [--seed S] > file.json");
            return ExitCode::from(2);
        }
    }
    let dataset = cooperation_timeline::model::synthetic::generate(events, seed);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = serde_json::to_writer(&mut out, &dataset)
        .map_err(std::io::Error::from)
        .and_then(|()| out.flush());
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen-dataset: {e}");
            ExitCode::FAILURE
        }
    }
}
