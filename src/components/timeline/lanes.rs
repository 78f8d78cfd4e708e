//! The drawing surface of the timeline: the axis rows, the lanes with their marks and gap bands,
//! and today's line, inside one "world" container. Everything is placed in days from the start of
//! the bounds and multiplied by `--ppd` (pixels per day) in CSS, so a zoom step sets one variable
//! and a pan one transform; the marks of each lane are kept by `use_mark_layer`, which moves
//! existing marks instead of re-creating them.

use leptos::html::Div;
use leptos::prelude::*;

use super::Ctx;
use crate::hooks::use_mark_layer::{ItemContent, use_mark_layer};
use crate::i18n::strings;
use crate::model::timeline::{GapView, TickView, event_description};
use crate::model::{Shape, date::Precision};
use crate::state::{AppState, Selection};

/// CSS for a left edge `days` from the origin plus `px` pixels.
fn at(days: f64, px: f64) -> String {
    format!("calc(var(--ppd) * {days:.4}px + {px:.2}px)")
}

/// CSS for a length of `days`.
fn span(days: f64) -> String {
    format!("calc(var(--ppd) * {days:.4}px)")
}

/// Everything that scrolls with time.
#[component]
pub(super) fn Lanes() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let app = AppState::expect();
    let lanes: Vec<String> = ctx
        .model
        .with_untracked(|m| m.0.lanes.iter().map(|l| l.id.clone()).collect());
    let world_style = move || {
        ctx.frame.with(|f| {
            format!(
                "--ppd: {:.8}; transform: translate3d({:.2}px, 0, 0);",
                f.px_per_day, -f.shift
            )
        })
    };
    let ticks = move |major: bool| {
        move || {
            ctx.frame.with(|f| {
                if major {
                    f.major.clone()
                } else {
                    f.minor.clone()
                }
            })
        }
    };
    let tick_key = |t: &TickView| (t.at.to_bits(), t.label.clone());
    let tick_view = |class: &'static str| {
        move |t: TickView| {
            view! {
                <span class=class style:left=at(t.at, 0.0)>
                    {t.label}
                </span>
            }
        }
    };
    let pinned = move || {
        ctx.frame.with(|f| {
            f.pinned.clone().map(|label| {
                let left = f.shift;
                view! {
                    <span
                        class="axis__tick axis__tick--major axis__tick--pinned"
                        style:left=format!("{left:.2}px")
                    >
                        {label}
                    </span>
                }
            })
        })
    };
    let today = move || {
        ctx.frame.with(|f| f.today).map(|t| {
            view! {
                <div class="today" style:left=at(t, 0.0) aria-hidden="true">
                    <span class="today__label">{move || strings(app.lang.get()).today}</span>
                </div>
            }
        })
    };

    view! {
        <div class="timeline__world" style=world_style>
            <div class="axis" aria-hidden="true">
                <div class="axis__row axis__row--major">
                    {pinned}
                    <For
                        each=ticks(true)
                        key=tick_key
                        children=tick_view("axis__tick axis__tick--major")
                    />
                </div>
                <div class="axis__row axis__row--minor">
                    <For each=ticks(false) key=tick_key children=tick_view("axis__tick") />
                </div>
            </div>
            {lanes
                .into_iter()
                .enumerate()
                .map(|(l, id)| {
                    let gaps = move || {
                        ctx.frame
                            .with(|f| {
                                f.gaps.iter().filter(|g| g.lane == l).cloned().collect::<Vec<_>>()
                            })
                    };
                    // Changes only when this lane's layout does (not on pans).
                    let marks = Memo::new(move |_| {
                        ctx.frame.with(|f| f.lanes.get(l).cloned().unwrap_or_default())
                    });
                    let layer = NodeRef::<Div>::new();
                    use_mark_layer(
                        layer,
                        marks,
                        move |idx| item_content(&ctx, &app, idx),
                        move |n| {
                            strings(app.lang.get_untracked()).cluster_label.replace("{n}", &n.to_string())
                        },
                        move || selected_event(&app),
                        app.lang.into(),
                    );
                    view! {
                        <div class=format!("lane lane--{id}") data-lane=id>
                            <For each=gaps key=|g| g.idx children=gap_view />
                            <div class="lane__marks" node_ref=layer></div>
                        </div>
                    }
                })
                .collect_view()}
            {today}
        </div>
    }
}

/// A hatched band for a gap in the record; selecting it explains the gap.
fn gap_view(g: GapView) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let app = AppState::expect();
    let idx = g.idx;
    let (title, kind) = ctx.dataset.with_value(|d| {
        let gap = &d.gaps[idx];
        (gap.title.clone(), format!("{:?}", gap.kind).to_lowercase())
    });
    let offset = move || {
        ctx.frame.with(|f| {
            f.gaps
                .iter()
                .find(|x| x.idx == idx)
                .map_or(0.0, |x| x.label_offset)
        })
    };
    let title = StoredValue::new(title);
    let label = move || title.with_value(|t| t.get(app.lang.get()).to_string());
    view! {
        <button
            type="button"
            class=format!("gap gap--{kind}")
            class:gap--selected=move || app.selected.get() == Some(Selection::Gap(idx))
            style:left=at(g.at, 0.0)
            style:width=span(g.span)
            data-testid="gap"
            aria-label=label
            on:click=move |_| {
                if !ctx.gesture.with_value(|g| g.is_drag()) {
                    app.selected.set(Some(Selection::Gap(idx)));
                }
            }
        >
            <span
                class="gap__label"
                style:transform=move || format!("translateX({:.1}px)", offset())
            >
                {label}
            </span>
        </button>
    }
}

/// What an item's mark says, in the current language.
fn item_content(ctx: &Ctx, app: &AppState, idx: u32) -> ItemContent {
    let i = idx as usize;
    let lang = app.lang.get_untracked();
    ctx.dataset.with_value(|d| {
        let e = &d.events[i];
        let shape = match e.date.shape() {
            Shape::Point => "point",
            Shape::Range => "range",
            Shape::Band => "band",
        };
        let mut class = format!("mark--{shape} mark--{}", e.confidence.as_str());
        if e.date.inferred || e.date.within {
            class.push_str(" mark--inferred");
        }
        if ctx.highlighted.with_untracked(|h| h.contains(&i)) {
            class.push_str(" mark--hit");
        }
        if e.date.precision() == Precision::Year {
            class.push_str(" mark--year");
        }
        let is_session = e.lane == crate::model::COMMISSION_LANE;
        let label = ctx
            .model
            .with_untracked(|m| m.0.labels.get(i).cloned().unwrap_or_default());
        let mut description = event_description(e, lang);
        // The accessible name starts with the visible label (WCAG 2.5.3), e.g. "Oct 2017 · …".
        if !description.starts_with(&label) {
            description = format!("{label} · {description}");
        }
        ItemContent {
            class,
            testid: if is_session { "session" } else { "event" },
            description,
            label,
        }
    })
}

fn selected_event(app: &AppState) -> Option<u32> {
    match app.selected.get_untracked() {
        Some(Selection::Event(i)) => Some(i as u32),
        _ => None,
    }
}
