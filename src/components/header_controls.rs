//! The header's controls: Open, Export and Embed, language (FR / EN / AR), theme (system, light,
//! dark, high contrast) and the keyboard help — in a row on wide screens, behind one menu button
//! on narrow ones (the menu closes with Escape, the button again, or a press outside it; focus
//! returns to the button).

use leptos::ev;
use leptos::html::{Button, Dialog, Div};
use leptos::prelude::*;

use super::dialogs::{Dialogs, open_modal};
use super::icons::{Icon, icon};
use super::story::StoryButton;
use crate::hooks::use_theme::{Theme, UseTheme};
use crate::hooks::within::within;
use crate::i18n::strings;
use crate::model::Lang;
use crate::state::AppState;

/// Language switch, theme choice and help button.
#[component]
pub fn HeaderControls(
    /// The theme state.
    theme: UseTheme,
    /// The dialogs its buttons open (help, Open, Export, Embed).
    dialogs: Dialogs,
) -> impl IntoView {
    let app = AppState::expect();
    let s = move || strings(app.lang.get());
    let open = RwSignal::new(false);
    let root = NodeRef::<Div>::new();
    let toggle = NodeRef::<Button>::new();
    let close = move |refocus: bool| {
        open.set(false);
        if refocus && let Some(b) = toggle.get_untracked() {
            let _ = b.focus();
        }
    };
    // A press outside the menu closes it (the theme's own list and the help dialog are inside).
    let handle = window_event_listener(ev::pointerdown, move |ev| {
        if !open.get_untracked() {
            return;
        }
        if !within(ev.target(), root) {
            open.set(false);
        }
    });
    on_cleanup(move || handle.remove());
    // Starting the story closes the menu: on a phone the story's sheet is what comes next.
    Effect::new(move |_| {
        if app.story.with(Option::is_some) {
            open.set(false);
        }
    });
    let narrow = app.narrow;
    view! {
        <div class="menu" node_ref=root>
            <button
                type="button"
                class="icon-button menu__toggle"
                node_ref=toggle
                data-testid="menu"
                aria-expanded=move || open.get().to_string()
                aria-controls="menu-panel"
                aria-label=move || s().menu
                title=move || s().menu
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {icon(Icon::Menu)}
            </button>
            <div
                id="menu-panel"
                class="menu__panel"
                class:is-open=open
                role=move || narrow.get().then_some("group")
                aria-label=move || narrow.get().then(|| s().menu)
                data-testid="menu-panel"
                on:keydown=move |ev: ev::KeyboardEvent| {
                    if ev.key() == "Escape" && narrow.get_untracked() && open.get_untracked() {
                        ev.prevent_default();
                        close(true);
                    }
                }
            >
        <div class="controls">
            <StoryButton />
            <div class="file-actions" role="group">
                {dialog_button("open", move || s().open, dialogs.open, false)}
                {dialog_button("export", move || s().export, dialogs.export, true)}
                {dialog_button("embed", move || s().embed, dialogs.embed, true)}
            </div>
            <div class="langs" role="group" aria-label=move || s().language_label>
                {Lang::ALL
                    .into_iter()
                    .map(|l| {
                        view! {
                            <button
                                type="button"
                                class="lang"
                                lang=l.code()
                                data-testid=format!("lang-{}", l.code())
                                aria-pressed=move || (app.lang.get() == l).to_string()
                                on:click=move |_| app.lang.set(l)
                            >
                                <abbr title=l.endonym()>{l.code().to_ascii_uppercase()}</abbr>
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            <label class="theme">
                <span class="visually-hidden">{move || s().theme_label}</span>
                <select
                    data-testid="theme"
                    on:change=move |ev| {
                        let i: usize = event_target_value(&ev).parse().unwrap_or(0);
                        theme.theme.set(Theme::ALL.get(i).copied().unwrap_or_default());
                    }
                >
                    {Theme::ALL
                        .into_iter()
                        .enumerate()
                        .map(|(i, t)| {
                            view! {
                                <option value=i.to_string() selected=move || theme.theme.get() == t>
                                    {move || {
                                        let s = s();
                                        match t {
                                            Theme::System => s.theme_system,
                                            Theme::Light => s.theme_light,
                                            Theme::Dark => s.theme_dark,
                                        }
                                    }}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            <label class="contrast">
                <input
                    type="checkbox"
                    data-testid="high-contrast"
                    prop:checked=move || theme.high_contrast.get()
                    on:change=move |ev| theme.high_contrast.set(event_target_checked(&ev))
                />
                {move || s().high_contrast}
            </label>
            <button
                type="button"
                class="button help-button"
                data-testid="help"
                aria-haspopup="dialog"
                aria-keyshortcuts="?"
                on:click=move |_| open_modal(dialogs.help)
            >
                <span aria-hidden="true">"? "</span>
                {move || s().help}
            </button>
        </div>
            </div>
        </div>
    }
}

/// A header button that opens one of the dialogs; `needs_data` ones wait for a dataset.
fn dialog_button(
    testid: &'static str,
    label: impl Fn() -> &'static str + Send + Sync + 'static,
    dialog: NodeRef<Dialog>,
    needs_data: bool,
) -> impl IntoView {
    let app = AppState::expect();
    view! {
        <button
            type="button"
            class="button"
            data-testid=testid
            aria-haspopup="dialog"
            disabled=move || needs_data && app.dataset().is_none()
            on:click=move |_| open_modal(dialog)
        >
            {label}
        </button>
    }
}
