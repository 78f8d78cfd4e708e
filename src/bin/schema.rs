//! `cargo run --bin schema > public/data/cooperation.schema.json`: prints the dataset's JSON
//! Schema, generated from the Rust types.

fn main() {
    print!("{}", cooperation_timeline::model::json_schema());
}
