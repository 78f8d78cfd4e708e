//! The banner over an imported timeline: which format it was read as, that nothing in it has been
//! audited, and (folded) every line of the importer's report — what was kept and what was
//! dropped — in the interface language.

use leptos::prelude::*;

use crate::i18n::strings;
use crate::state::AppState;

/// The banner, shown while an imported dataset is open (until dismissed).
#[component]
pub fn ImportBanner() -> impl IntoView {
    let app = AppState::expect();
    let s = move || strings(app.lang.get());
    let dismissed = RwSignal::new(false);
    // A new import shows the banner again.
    Effect::new(move |_| {
        app.report.track();
        dismissed.set(false);
    });
    move || {
        let note = app.report.get()?;
        if dismissed.get() {
            return None;
        }
        let lang = app.lang.get();
        let lines = note
            .lines(lang)
            .iter()
            .map(|l| view! { <li>{l.clone()}</li> })
            .collect_view();
        Some(view! {
            <section
                class="import-banner"
                data-testid="import-banner"
                aria-labelledby="import-banner-title"
            >
                <strong id="import-banner-title">
                    {s().imported_title.replace("{format}", &note.format)}
                </strong>
                <p>{s().imported_hint}</p>
                <button
                    type="button"
                    class="button"
                    data-testid="import-dismiss"
                    on:click=move |_| dismissed.set(true)
                >
                    {s().dismiss}
                </button>
                {(!note.lines(lang).is_empty())
                    .then(|| {
                        view! {
                            <details data-testid="import-report">
                                <summary>{s().imported_details}</summary>
                                <ul>{lines}</ul>
                            </details>
                        }
                    })}
            </section>
        })
    }
}
