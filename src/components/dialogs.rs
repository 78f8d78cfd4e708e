//! The app's modal dialogs (keyboard help, Open, Export, Embed): native `<dialog>`s opened with
//! `showModal`, so focus is trapped and returned and Escape closes them without code of ours. The
//! refs travel together as one `Copy` value from the root to the buttons that open them.

use leptos::html::Dialog;
use leptos::prelude::*;

/// The app's dialogs.
#[derive(Clone, Copy)]
pub struct Dialogs {
    /// The keyboard help.
    pub help: NodeRef<Dialog>,
    /// Open a timeline (file, drop, address).
    pub open: NodeRef<Dialog>,
    /// Export the current view.
    pub export: NodeRef<Dialog>,
    /// Embed the current view.
    pub embed: NodeRef<Dialog>,
}

impl Dialogs {
    /// Fresh refs, bound when the dialogs are rendered.
    pub fn new() -> Self {
        Self {
            help: NodeRef::new(),
            open: NodeRef::new(),
            export: NodeRef::new(),
            embed: NodeRef::new(),
        }
    }
}

impl Default for Dialogs {
    fn default() -> Self {
        Self::new()
    }
}

/// Opens `dialog` as a modal (nothing if it is already open or not rendered).
pub fn open_modal(dialog: NodeRef<Dialog>) {
    if let Some(d) = dialog.get_untracked()
        && !d.open()
    {
        let _ = d.show_modal();
    }
}

/// Closes `dialog` (focus returns to what opened it).
pub fn close_modal(dialog: NodeRef<Dialog>) {
    if let Some(d) = dialog.get_untracked() {
        d.close();
    }
}

/// A dialog's heading and its close button in the corner, shared by the Open, Export and Embed
/// dialogs; `id` names the heading for `aria-labelledby`.
pub fn dialog_head(
    id: &'static str,
    title: impl Fn() -> &'static str + Send + Sync + Copy + 'static,
    close: impl Fn() -> &'static str + Send + Sync + Copy + 'static,
) -> impl IntoView {
    view! {
        <div class="dialog__head">
            <h2 id=id>{title}</h2>
            <form method="dialog">
                <button class="button dialog__close" aria-label=close title=close>
                    <span aria-hidden="true">"×"</span>
                </button>
            </form>
        </div>
    }
}
