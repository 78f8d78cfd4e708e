//! The keyboard help, a native modal `<dialog>` opened with `?` or the help button (Escape and
//! the close button close it; focus returns where it was; see `dialogs`).

use leptos::html::Dialog;
use leptos::prelude::*;

use crate::i18n::strings;
use crate::state::AppState;

/// The help dialog. Open it through `dialog` (a node ref the caller keeps).
#[component]
pub fn Help(
    /// The dialog element, so the caller can open it.
    dialog: NodeRef<Dialog>,
) -> impl IntoView {
    let app = AppState::expect();
    let s = move || strings(app.lang.get());
    view! {
        <dialog node_ref=dialog class="help" aria-labelledby="help-title" data-testid="help-dialog">
            <h2 id="help-title">{move || s().help_title}</h2>
            <table class="help__keys">
                <tbody>
                    {move || {
                        s()
                            .help_keys
                            .iter()
                            .map(|(keys, what)| {
                                view! {
                                    <tr>
                                        <th scope="row"><kbd dir="ltr">{*keys}</kbd></th>
                                        <td>{*what}</td>
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
            <p class="help__note">{move || s().help_time_direction}</p>
            <form method="dialog">
                <button class="button button--primary" data-testid="help-close">
                    {move || s().close}
                </button>
            </form>
        </dialog>
    }
}
