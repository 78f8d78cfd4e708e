//! The pure model: dataset types, dates with precision, validation, locale tables and the
//! geometry of the timeline. Nothing here knows about Leptos, the DOM or the network, so all of it
//! is tested natively with plain `#[test]`s.

pub mod dataset;
pub mod date;
pub mod filter;
pub mod input;
pub mod layout;
pub mod locale;
pub mod search;
pub mod synthetic;
pub mod text;
pub mod ticks;
pub mod timeline;
pub mod url;
pub mod validate;
pub mod viewport;

pub use dataset::*;
pub use date::{DateSpec, PartialDate, Precision, Shape};
pub use text::{Lang, Text};
pub use validate::{Invalid, Problem, load};
