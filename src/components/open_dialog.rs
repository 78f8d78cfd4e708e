//! The Open dialog: a file from this computer (the formats `model::import` reads), or a file at an
//! address, which becomes the page's `?data=` so the result can be linked and embedded; and the
//! way back to the dataset the site ships.

use leptos::html::{Dialog, Input};
use leptos::prelude::*;

use super::dialogs::{close_modal, dialog_head};
use crate::hooks::use_file_drop::open_chosen;
use crate::i18n::strings;
use crate::model::url::ViewState;
use crate::model::validate::is_http_url;
use crate::state::AppState;

/// The Open dialog. Open it through `dialog`.
#[component]
pub fn OpenDialog(
    /// The dialog element, so the header's button can open it.
    dialog: NodeRef<Dialog>,
) -> impl IntoView {
    let app = AppState::expect();
    let s = move || strings(app.lang.get());
    let picker = NodeRef::<Input>::new();
    let address = RwSignal::new(String::new());
    let bad_address = RwSignal::new(false);
    let path = move || window().location().pathname().unwrap_or_default();
    // The page itself with another dataset: a real navigation, so Back returns here and the
    // address can be shared.
    let go = move |data: String| {
        let v = ViewState {
            data: Some(data),
            lang: Some(app.lang.get_untracked()),
            ..ViewState::default()
        };
        let _ = window()
            .location()
            .set_href(&format!("{}{}", path(), v.to_query()));
    };
    let open_address = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let url = address.get_untracked().trim().to_string();
        if is_http_url(&url) {
            bad_address.set(false);
            go(url);
        } else {
            bad_address.set(true);
        }
    };
    let chosen = move |_| {
        let file = picker
            .get_untracked()
            .and_then(|i| i.files())
            .and_then(|f| f.get(0));
        if let Some(file) = file {
            close_modal(dialog);
            open_chosen(app, file);
        }
        // The same file chosen again must fire `change` again.
        if let Some(i) = picker.get_untracked() {
            i.set_value("");
        }
    };
    view! {
        <dialog node_ref=dialog class="dialog" aria-labelledby="open-title" data-testid="open-dialog">
            {dialog_head("open-title", move || s().open_title, move || s().close)}
            <p>{move || s().open_intro}</p>
            <div class="dialog__actions">
                <input
                    type="file"
                    id="open-file"
                    class="visually-hidden"
                    // The button below is the control; the input is only the browser's picker.
                    tabindex="-1"
                    aria-hidden="true"
                    node_ref=picker
                    accept=".json,.csv,.tsv,.txt,application/json,text/csv"
                    data-testid="open-file"
                    on:change=chosen
                />
                <button
                    type="button"
                    class="button button--primary"
                    on:click=move |_| {
                        if let Some(i) = picker.get_untracked() {
                            i.click();
                        }
                    }
                >
                    {move || s().open_file}
                </button>
            </div>
            <form class="dialog__url-form" on:submit=open_address>
                <label class="dialog__label" for="open-url">
                    {move || s().open_url_label}
                </label>
                <div class="dialog__url">
                    <input
                        type="url"
                        id="open-url"
                        dir="ltr"
                        placeholder="https://"
                        data-testid="open-url"
                        aria-invalid=move || bad_address.get().to_string()
                        aria-describedby="open-url-error"
                        prop:value=address
                        on:input=move |ev| address.set(event_target_value(&ev))
                    />
                    <button type="submit" class="button">
                        {move || s().open_url_button}
                    </button>
                </div>
                <p id="open-url-error" class="dialog__error" role="alert">
                    {move || bad_address.get().then(|| s().open_url_invalid)}
                </p>
            </form>
            <p>
                <a href=move || format!("{}{}", path(), ViewState { lang: Some(app.lang.get()), ..ViewState::default() }.to_query())>
                    {move || s().open_bundled}
                </a>
            </p>
        </dialog>
    }
}
