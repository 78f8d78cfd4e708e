//! The Embed dialog: writes the `<iframe>` code for the current view (`model::embed`) with the
//! size, language and selection the author chooses, and copies it.

use leptos::html::{Dialog, Textarea};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::dialogs::dialog_head;
use crate::files::copy_text;
use crate::hooks::use_url_state::view_state;
use crate::i18n::strings;
use crate::model::Lang;
use crate::model::embed::{
    DEFAULT_HEIGHT, EmbedOptions, EmbedWidth, HEIGHT_RANGE, WIDTH_RANGE, embed_src, iframe_code,
};
use crate::state::AppState;

/// The page's own address without its query: origin and path (a sub-path included).
fn page_address() -> String {
    let l = window().location();
    format!(
        "{}{}",
        l.origin().unwrap_or_default(),
        l.pathname().unwrap_or_default()
    )
}

/// The Embed dialog. Open it through `dialog`.
#[component]
pub fn EmbedDialog(
    /// The dialog element, so the header's button can open it.
    dialog: NodeRef<Dialog>,
) -> impl IntoView {
    let app = AppState::expect();
    let s = move || strings(app.lang.get());
    let fixed = RwSignal::new(false);
    let width = RwSignal::new(800_u32);
    let height = RwSignal::new(DEFAULT_HEIGHT);
    let lang = RwSignal::new(None::<Lang>);
    let keep = RwSignal::new(true);
    let status = RwSignal::new("");
    let code_ref = NodeRef::<Textarea>::new();
    let options = move || EmbedOptions {
        width: if fixed.get() {
            EmbedWidth::Px(width.get())
        } else {
            EmbedWidth::Full
        },
        height: height.get(),
        lang: lang.get().unwrap_or_else(|| app.lang.get()),
        keep_selection: keep.get(),
    };
    let code = move || {
        // A file from this computer has no address a frame could load: no code (the dialog
        // says why) rather than code for other data.
        if app.file.get().is_some() {
            return String::new();
        }
        let o = options();
        let title = match app.dataset() {
            Some(d) => d.title.get(o.lang).to_string(),
            None => strings(o.lang).app_title.to_string(),
        };
        iframe_code(
            &embed_src(&page_address(), &view_state(app), &o),
            &o,
            &title,
        )
    };
    let number =
        |v: &str, (lo, hi): (u32, u32)| v.trim().parse::<u32>().ok().map(|n| n.clamp(lo, hi));
    let copy = move |_| {
        let text = code();
        spawn_local(async move {
            let ok = copy_text(&text).await;
            let _ = status.try_set(if ok { "copied" } else { "failed" });
            if !ok && let Some(t) = code_ref.get_untracked() {
                t.select();
                let _ = t.focus();
            }
        });
    };
    view! {
        <dialog
            node_ref=dialog
            class="dialog"
            aria-labelledby="embed-title"
            data-testid="embed-dialog"
            on:close=move |_| status.set("")
        >
            {dialog_head("embed-title", move || s().embed_title, move || s().close)}
            <p>{move || s().embed_intro}</p>
            {move || {
                app.file
                    .get()
                    .map(|_| {
                        view! {
                            <p class="dialog__warning" data-testid="embed-needs-address">
                                {s().embed_needs_address}
                            </p>
                        }
                    })
            }}
            <div class="dialog__fields">
                <fieldset class="dialog__field">
                    <legend>{move || s().embed_width}</legend>
                    <label>
                        <input
                            type="radio"
                            name="embed-width"
                            prop:checked=move || !fixed.get()
                            on:change=move |_| fixed.set(false)
                        />
                        {move || s().embed_width_full}
                    </label>
                    <label>
                        <input
                            type="radio"
                            name="embed-width"
                            data-testid="embed-fixed"
                            prop:checked=fixed
                            on:change=move |_| fixed.set(true)
                        />
                        {move || s().embed_width_px}
                    </label>
                    <input
                        type="number"
                        class="dialog__number"
                        data-testid="embed-width"
                        aria-label=move || s().embed_width_px
                        min=WIDTH_RANGE.0
                        max=WIDTH_RANGE.1
                        step="10"
                        prop:value=move || width.get().to_string()
                        disabled=move || !fixed.get()
                        on:change=move |ev| {
                            if let Some(n) = number(&event_target_value(&ev), WIDTH_RANGE) {
                                width.set(n);
                            }
                        }
                    />
                </fieldset>
                <label class="dialog__field">
                    <span>{move || s().embed_height}</span>
                    <input
                        type="number"
                        class="dialog__number"
                        data-testid="embed-height"
                        min=HEIGHT_RANGE.0
                        max=HEIGHT_RANGE.1
                        step="10"
                        prop:value=move || height.get().to_string()
                        on:change=move |ev| {
                            if let Some(n) = number(&event_target_value(&ev), HEIGHT_RANGE) {
                                height.set(n);
                            }
                        }
                    />
                </label>
                <label class="dialog__field">
                    <span>{move || s().embed_lang}</span>
                    <select
                        data-testid="embed-lang"
                        on:change=move |ev| lang.set(Lang::from_tag(&event_target_value(&ev)))
                    >
                        {Lang::ALL
                            .into_iter()
                            .map(|l| {
                                view! {
                                    <option
                                        value=l.code()
                                        lang=l.code()
                                        selected=move || {
                                            lang.get().unwrap_or_else(|| app.lang.get()) == l
                                        }
                                    >
                                        {l.endonym()}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
                <label class="dialog__field dialog__check">
                    <input
                        type="checkbox"
                        data-testid="embed-keep-selection"
                        prop:checked=keep
                        disabled=move || app.selected.with(Option::is_none)
                        on:change=move |ev| keep.set(event_target_checked(&ev))
                    />
                    {move || s().embed_keep_selection}
                </label>
            </div>
            <label class="dialog__label" for="embed-code">
                {move || s().embed_code}
            </label>
            <textarea
                id="embed-code"
                class="dialog__code"
                node_ref=code_ref
                readonly
                rows="4"
                dir="ltr"
                data-testid="embed-code"
                prop:value=code
            ></textarea>
            <div class="dialog__actions">
                <button
                    type="button"
                    class="button button--primary"
                    data-testid="embed-copy"
                    disabled=move || app.file.get().is_some()
                    on:click=copy
                >
                    {move || s().copy}
                </button>
                <span class="dialog__status" role="status">
                    {move || match status.get() {
                        "copied" => s().copied,
                        "failed" => s().copy_failed,
                        _ => "",
                    }}
                </span>
            </div>
        </dialog>
    }
}
