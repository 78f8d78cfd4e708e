//! Browser entry point: installs the panic screen and mounts the app, taking over from the
//! static first view when the page has one (`takeover`).

use cooperation_timeline::{App, panic_screen, takeover};
use leptos::prelude::*;

fn main() {
    panic_screen::install();
    takeover::mount(|| view! { <App /> });
}
