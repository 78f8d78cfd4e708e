//! Browser entry point: installs the panic hook and mounts the app on `<body>`.

use cooperation_timeline::App;
use leptos::prelude::*;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(|| view! { <App /> });
}
