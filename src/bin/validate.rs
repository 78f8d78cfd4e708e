//! `cargo run --bin validate -- FILE.json`: checks a dataset file for maintainers.
//!
//! Exit 0 and a one-line summary when the file is valid; exit 1 and one `<json path>: <message>`
//! line per problem when it is not; exit 2 when the file cannot be read. Never panics: the parser
//! and the checks are total over any bytes (see `model::validate` and the fuzz target).

use std::process::ExitCode;

use cooperation_timeline::model::{self, Invalid};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [path] = args.as_slice() else {
        eprintln!("usage: validate FILE.json");
        return ExitCode::from(2);
    };
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: cannot read the file: {e}");
            return ExitCode::from(2);
        }
    };
    match model::load(&bytes) {
        Ok(d) => {
            println!("{path}: valid — {}", model::summary(&d));
            ExitCode::SUCCESS
        }
        Err(Invalid(problems)) => {
            for p in &problems {
                println!("{p}");
            }
            eprintln!("{path}: {} problem(s)", problems.len());
            ExitCode::FAILURE
        }
    }
}
