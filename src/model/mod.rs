//! The pure model: dataset types, dates with precision, validation, locale tables, labels,
//! relations between facts and the geometry of the timeline. Nothing here knows about Leptos,
//! the DOM, the network or the clock (a test checks it), so all of it is tested natively with
//! plain `#[test]`s.

pub mod dataset;
pub mod date;
pub mod embed;
pub mod export;
pub mod filter;
pub mod fixed;
pub mod fold;
pub mod frame;
pub mod geo;
pub mod import;
pub mod input;
mod json_path;
pub mod labels;
pub mod layout;
pub mod locale;
pub mod navigation;
pub mod people;
pub mod picture;
pub mod relations;
pub mod search;
pub mod selection;
pub mod story;
pub mod synthetic;
pub mod text;
pub mod ticks;
pub mod timeline;
pub mod url;
pub mod validate;
pub mod viewport;

pub use dataset::*;
pub use date::{DateSpec, PartialDate, Precision, Shape};
pub use selection::Selection;
pub use text::{Lang, Text};
pub use validate::{Invalid, Problem, load};

/// The shipped dataset, for the model's tests.
#[cfg(test)]
pub(crate) fn shipped() -> Dataset {
    load(include_bytes!("../../public/data/cooperation.json")).expect("the shipped dataset loads")
}
