//! Browser entry point: installs the panic screen and mounts the app on `<body>`.

use cooperation_timeline::{App, panic_screen};
use leptos::prelude::*;

fn main() {
    panic_screen::install();
    leptos::mount::mount_to_body(|| view! { <App /> });
}
