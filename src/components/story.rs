//! Story mode: the "Tell the story" button, and the story's bar above the record (where it is,
//! previous, next, leave) with its keys (← / →, Escape) and swipes. The steps and their order
//! are the model's (`model::story`); each step selects its event or gap, which brings it into view
//! on the timeline (animated unless the reader prefers reduced motion), and the record shows it,
//! large. Leaving keeps the selection and the window: the reader goes on exploring from there.

use leptos::ev;
use leptos::prelude::*;

use crate::hooks::typing::is_typing;
use crate::i18n::strings;
use crate::model::story::{Step, moved, step_of, steps};
use crate::state::{AppState, use_dataset};

/// Starts the story at the selection if it is a step, else at the first step.
pub fn start_story(app: AppState) {
    let Some(d) = app.dataset() else { return };
    let all = app.filters.with_untracked(|f| steps(&d, f));
    let at = step_of(&all, app.selected.get_untracked()).unwrap_or(0);
    app.story.set(Some(at));
}

/// The header's "Tell the story" button.
#[component]
pub fn StoryButton() -> impl IntoView {
    let app = AppState::expect();
    let s = move || strings(app.lang.get());
    view! {
        <button
            type="button"
            class="button story-button"
            data-testid="story-start"
            aria-pressed=move || app.story.with(Option::is_some).to_string()
            disabled=move || app.dataset().is_none()
            on:click=move |_| {
                if app.story.get_untracked().is_some() {
                    app.story.set(None);
                } else {
                    start_story(app);
                }
            }
        >
            {move || s().story_start}
        </button>
    }
}

/// The step the story is at: `at`, or the last step when a link named one past the end; `None`
/// when there are no steps.
fn clamped(all: &[Step], at: usize) -> Option<(usize, Step)> {
    let i = at.min(all.len().checked_sub(1)?);
    Some((i, all[i]))
}

/// Keeps the story's step and the selection in step while a story is told: a step selects its
/// event or gap; when the filters change the steps, the story follows the selection to its new
/// place; selecting another step moves the story there; selecting something the story does not
/// tell, or clearing the selection, leaves it. Call once below the workspace (it needs the
/// dataset).
pub fn use_story(app: AppState) -> Memo<Vec<Step>> {
    let data = use_dataset();
    let active = Memo::new(move |_| app.story.with(Option::is_some));
    // Only while a story is told, and once per filter change: not on each step.
    let all = Memo::new(move |_| {
        if !active.get() {
            return Vec::new();
        }
        app.filters.with(|f| data.with(|d| steps(d, f)))
    });
    let set_selection = move |want: Option<crate::model::Selection>| {
        if app.selected.get_untracked() != want {
            app.selected.set(want);
        }
    };
    // A step selects what it tells.
    Effect::new(move |_| {
        let Some(at) = app.story.get() else { return };
        if let Some((_, step)) = all.with_untracked(|all| clamped(all, at)) {
            set_selection(step.selection());
        }
    });
    // New steps (the filters changed): the story stays on the selection if it is still a step,
    // else shows the step now at its place.
    Effect::new(move |first: Option<()>| {
        all.track();
        if first.is_none() {
            return;
        }
        let Some(at) = app.story.get_untracked() else {
            return;
        };
        let selected = app.selected.get_untracked();
        let (pos, there) = all.with_untracked(|all| (step_of(all, selected), clamped(all, at)));
        match (pos, there) {
            (Some(p), _) if p != at => app.story.set(Some(p)),
            (Some(_), _) => {}
            (None, Some((_, step))) => set_selection(step.selection()),
            (None, None) => {}
        }
    });
    // The reader selects something: another step moves the story there; anything else leaves it.
    Effect::new(move |first: Option<()>| {
        let selected = app.selected.get();
        if first.is_none() {
            return;
        }
        let Some(at) = app.story.get_untracked() else {
            return;
        };
        let (here, pos) = all.with_untracked(|all| {
            (
                clamped(all, at).map(|(_, s)| s.selection()),
                step_of(all, selected),
            )
        });
        if here == Some(selected) {
            return;
        }
        app.story.set(pos);
    });
    all
}

/// The story's bar: "Step n of m", Previous, Next and Leave, over the record (`children`), or
/// over the title card of a TimelineJS file on its first step. ← and → step (the time axis runs
/// left to right in every language), Escape leaves, and a swipe across the bar or the record
/// steps on a phone.
#[component]
pub fn StoryBar(
    /// The story's steps (from [`use_story`]).
    steps: Memo<Vec<Step>>,
    /// The record.
    children: ChildrenFn,
) -> impl IntoView {
    let app = AppState::expect();
    let data = use_dataset();
    let s = move || strings(app.lang.get());
    let count = move || steps.with(Vec::len);
    let at = move || {
        let at = app.story.get().unwrap_or(0);
        steps.with(|s| clamped(s, at).map_or(0, |(i, _)| i))
    };
    let go = move |delta: isize| {
        if let Some(stored) = app.story.get_untracked() {
            let len = steps.with_untracked(Vec::len);
            let now = stored.min(len.saturating_sub(1));
            let next = moved(now, delta, len);
            if next != stored {
                app.story.set(Some(next));
            }
        }
    };
    let handle = window_event_listener(ev::keydown, move |ev| {
        if app.story.get_untracked().is_none() || is_typing(&ev) || ev.default_prevented() {
            return;
        }
        // On the timeline the arrows pan and move between events; a dialog keeps its keys (the
        // record's own sheet, which the story is in on a narrow screen, is not one).
        let inside = |selector: &str| {
            document()
                .active_element()
                .and_then(|a| a.closest(selector).ok().flatten())
                .is_some()
        };
        if inside(".timeline__body, dialog[open], [role=dialog]:not(.sheet--record)") {
            return;
        }
        match ev.key().as_str() {
            "ArrowRight" => go(1),
            "ArrowLeft" => go(-1),
            "Escape" => app.story.set(None),
            _ => return,
        }
        ev.prevent_default();
    });
    on_cleanup(move || handle.remove());
    // A swipe of a finger or a pen (a mouse drag selects text): a mostly horizontal move of at
    // least 60 px; leftwards is onwards.
    let start = StoredValue::new(None::<(i32, i32)>);
    let on_title = move || matches!(steps.with(|s| s.get(at()).copied()), Some(Step::Title));
    let body = move || {
        if on_title() {
            let lang = app.lang.get();
            let (t, about) = data.with(|d| {
                (
                    d.title.get(lang).to_string(),
                    d.description.get(lang).to_string(),
                )
            });
            // Imported text has no known language (`Text::lang_attr`).
            view! {
                <div class="story__title" data-testid="story-title">
                    <h2 lang="">{t}</h2>
                    <p lang="">{about}</p>
                </div>
            }
            .into_any()
        } else {
            children().into_any()
        }
    };
    view! {
        <div
            class="story-wrap"
            on:pointerdown=move |ev| {
                let touch = matches!(ev.pointer_type().as_str(), "touch" | "pen");
                start.set_value(touch.then(|| (ev.client_x(), ev.client_y())));
            }
            on:pointerup=move |ev| {
                if let Some((x, y)) = start.get_value() {
                    let (dx, dy) = (ev.client_x() - x, ev.client_y() - y);
                    if dx.abs() >= 60 && dx.abs() > 2 * dy.abs() {
                        go(if dx < 0 { 1 } else { -1 });
                    }
                }
                start.set_value(None);
            }
        >
        <nav class="story" aria-label=move || s().story_label data-testid="story">
            <p class="story__count" data-testid="story-count">
                {move || {
                    if count() == 0 {
                        s().story_empty.to_string()
                    } else {
                        s()
                            .story_count
                            .replace("{n}", &(at() + 1).to_string())
                            .replace("{m}", &count().to_string())
                    }
                }}
            </p>
            <div class="story__buttons">
                <button
                    type="button"
                    class="button"
                    data-testid="story-prev"
                    aria-keyshortcuts="ArrowLeft"
                    disabled=move || at() == 0 || count() == 0
                    on:click=move |_| go(-1)
                >
                    {move || s().story_prev}
                </button>
                <button
                    type="button"
                    class="button button--primary"
                    data-testid="story-next"
                    aria-keyshortcuts="ArrowRight"
                    // Braced: a bare `>=` would end the tag in the view macro.
                    disabled=move || { at() + 1 >= count() }
                    on:click=move |_| go(1)
                >
                    {move || s().story_next}
                </button>
                <button
                    type="button"
                    class="button"
                    data-testid="story-leave"
                    aria-keyshortcuts="Escape"
                    on:click=move |_| app.story.set(None)
                >
                    {move || s().story_leave}
                </button>
            </div>
        </nav>
        {body}
        </div>
    }
}
