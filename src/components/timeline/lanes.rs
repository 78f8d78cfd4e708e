//! The drawing surface of the timeline: the axis rows, the named periods, the lanes with their
//! marks and gaps, and today's line, inside one "world" container. Everything is placed in
//! pixels from the world's origin (days from it times the scale), so a pan sets one transform
//! and a zoom step rewrites the `left` and `width` of what is drawn, each element restyled
//! alone (see `marks::at_css` for why not a scale variable); each lane's marks are kept by its
//! renderer (`mark_layer`).

use std::rc::Rc;
use std::sync::Arc;

use leptos::html::Div;
use leptos::prelude::*;

use super::TimelineCtx;
use super::mark_layer::{MarkLayerOptions, use_mark_layer};
use super::marks::{ItemContent, at_css, span_css};
use super::sketch::Look;
use crate::i18n::strings;
use crate::model::fixed::Fixed;
use crate::model::frame::{GapView, PeriodView, TickView};
use crate::model::labels::{gap_class, gap_label, mark_classes, mark_name};
use crate::model::{COMMISSION_LANE, EventIdx, Selection};
use crate::state::AppState;

/// Everything that scrolls with time.
#[component]
pub(super) fn World() -> impl IntoView {
    let ctx = expect_context::<TimelineCtx>();
    let world_style = move || {
        ctx.frame
            .with(|f| format!("transform: translate3d({}px, 0, 0);", Fixed(-f.shift, 2)))
    };
    let lanes = ctx.model.with_untracked(|m| m.0.lanes.len());
    view! {
        <div class="timeline__world" style=world_style>
            // Periods behind, today's line in front, each in a box of its own that the browser
            // lays out alone (see the CSS).
            <div class="timeline__behind">
                <Periods />
            </div>
            <Axis />
            {(0..lanes).map(|l| view! { <LaneRow lane=l /> }).collect_view()}
            // The lanes' sketch while the view moves (see `mark_layer::SharedSketch`).
            <canvas
                class="timeline__sketch"
                node_ref=ctx.sketch.canvas
                aria-hidden="true"
                hidden
            ></canvas>
            <div class="timeline__front">
                <TodayLine />
            </div>
        </div>
    }
}

/// The two rows of the time axis, with the label of the left edge pinned when its tick is off
/// screen. Labels carry `dir="auto"`: an Arabic month name reads right to left even on the
/// left-to-right axis.
#[component]
fn Axis() -> impl IntoView {
    let ctx = expect_context::<TimelineCtx>();
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
    let ppd = ctx.px_per_day;
    let tick_view = move |class: &'static str| {
        move |t: TickView| {
            view! {
                <span class=class dir="auto" style:left=move || at_css(t.at, 0.0, ppd.get())>
                    {t.label}
                </span>
            }
        }
    };
    // One element, kept: made anew at each frame, as it was, the browser also had to remove
    // the old one (0.3 ms of each zoom step at 10k events, profiled).
    let pinned_label = Memo::new(move |_| ctx.frame.with(|f| f.pinned.clone()));
    let pinned = view! {
        <span
            class="axis__tick axis__tick--major axis__tick--pinned"
            dir="auto"
            hidden=move || pinned_label.with(Option::is_none)
            style:left=move || ctx.frame.with(|f| format!("{}px", Fixed(f.shift, 2)))
        >
            {move || pinned_label.get().unwrap_or_default()}
        </span>
    };
    view! {
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
    }
}

/// One lane: its gaps and its marks.
#[component]
fn LaneRow(
    /// The lane's position on the timeline.
    lane: usize,
) -> impl IntoView {
    let ctx = expect_context::<TimelineCtx>();
    let app = AppState::expect();
    let id = ctx.model.with_untracked(|m| {
        m.0.lanes
            .get(lane)
            .map(|l| l.id.clone())
            .unwrap_or_default()
    });
    let gaps = move || {
        ctx.frame.with(|f| {
            f.gaps
                .iter()
                .filter(|g| g.lane == lane)
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    // Changes only when this lane's layout does (not on pans).
    let marks = Memo::new(move |_| {
        ctx.frame
            .with(|f| f.lanes.get(lane).cloned().unwrap_or_else(|| Arc::from([])))
    });
    let layer = NodeRef::<Div>::new();
    let label_of = move |i: EventIdx| {
        ctx.model.with_untracked(|m| {
            ctx.data
                .try_with(|d| m.0.label(d, i).to_string())
                .unwrap_or_default()
        })
    };
    let content = move |i: EventIdx| {
        let lang = app.lang.get_untracked();
        let label = label_of(i);
        ctx.data
            .try_with(|d| {
                d.event(i).map(|e| ItemContent {
                    class: mark_classes(e),
                    testid: if e.lane == COMMISSION_LANE {
                        "session"
                    } else {
                        "event"
                    },
                    name: mark_name(e, &label, lang).into(),
                    label: label.clone().into(),
                })
            })
            .flatten()
            .unwrap_or_else(|| ItemContent {
                class: String::new(),
                testid: "event",
                name: label.clone().into(),
                label: label.into(),
            })
    };
    let renderer = use_mark_layer(
        layer,
        MarkLayerOptions {
            marks,
            content,
            // What `content` gives, less the accessible name, which a sketch does not need
            // and which costs the most to write.
            look: move |i: EventIdx| {
                let look = ctx
                    .data
                    .try_with(|d| d.event(i).map(|e| Look::of_classes(&mark_classes(e))))
                    .flatten()
                    .unwrap_or_default();
                (look, Rc::from(label_of(i)))
            },
            cluster_name: move |n: u32| {
                strings(app.lang.get_untracked())
                    .cluster_label
                    .replace("{n}", &n.to_string())
            },
            selected: Signal::derive(move || app.selected.get().and_then(Selection::event)),
            hits: ctx.highlighted,
            lang: app.lang.into(),
            px_per_day: ctx.px_per_day,
            sketch: ctx.sketch,
            moving: ctx.moving.into(),
            highlight: Signal::derive(move || app.person.with(Option::is_some)),
            screen: Signal::derive(move || {
                (
                    ctx.frame.with(|f| f.shift),
                    ctx.viewport.with(|v| v.width()),
                )
            }),
            commission: id == COMMISSION_LANE,
        },
    );
    ctx.add_layer(renderer);
    view! {
        <div class=format!("lane lane--{id}") data-lane=id>
            <For each=gaps key=|g| g.idx children=gap_view />
            <div class="lane__marks" node_ref=layer></div>
        </div>
    }
}

/// A gap: a hatched band over an undocumented stretch, or a flag where a search found nothing;
/// selecting it (clicks are delegated to the timeline) explains it.
fn gap_view(g: GapView) -> impl IntoView {
    let ctx = expect_context::<TimelineCtx>();
    let app = AppState::expect();
    let idx = g.idx;
    // Where the label goes and how wide it may be change with every frame; the band itself
    // is keyed and stays, and moves only when the world's origin does (deep time).
    let (at0, span0) = (g.at, g.span);
    let geometry = move || {
        ctx.frame.with(|f| {
            f.gaps
                .iter()
                .find(|x| x.idx == idx)
                .map_or((at0, span0), |x| (x.at, x.span))
        })
    };
    let placed = move || {
        ctx.frame.with(|f| {
            f.gaps
                .iter()
                .find(|x| x.idx == idx)
                .map_or((0.0, None), |x| (x.label_offset, x.label_width))
        })
    };
    let text = move || {
        let lang = app.lang.get();
        ctx.data
            .with(|d| {
                d.gaps
                    .get(idx)
                    .map(|gap| (gap_label(gap, lang), gap.title.lang_attr(lang)))
            })
            .unwrap_or_default()
    };
    view! {
        <button
            type="button"
            class=format!("gap {}", gap_class(g.kind))
            class:gap--selected=move || app.selected.get() == Some(Selection::Gap(idx))
            style:left=move || at_css(geometry().0, 0.0, ctx.px_per_day.get())
            style:width=move || span_css(geometry().1, ctx.px_per_day.get())
            data-testid="gap"
            data-gap=idx.to_string()
            aria-label=move || text().0
        >
            <span
                class="gap__label"
                lang=move || text().1
                dir="auto"
                style:transform=move || format!("translateX({}px)", Fixed(placed().0, 1))
                style:width=move || placed().1.map(|w| format!("{}px", Fixed(w, 1)))
                style:display=move || placed().1.is_none().then_some("none")
            >
                {move || text().0}
            </span>
        </button>
    }
}

/// The named periods (imported eras) that reach the window: bands behind every lane, each named
/// at the left of its visible part. A band is kept while it stays in the window (keyed by its
/// index); its name's place follows each frame, and its name the language. What a period is
/// lies in the events inside it, which carry their own dates and records; the bands are for the
/// eye, and are in the JSON export and the picture.
#[component]
fn Periods() -> impl IntoView {
    let ctx = expect_context::<TimelineCtx>();
    let app = AppState::expect();
    let periods = move || ctx.frame.with(|f| f.periods.clone());
    view! {
        <For
            each=periods
            key=|p| p.idx
            children=move |p: PeriodView| {
                let idx = p.idx;
                let (at0, span0) = (p.at, p.span);
                let placed = move || {
                    ctx.frame.with(|f| {
                        f.periods
                            .iter()
                            .find(|x| x.idx == idx)
                            .map_or((at0, span0, 0.0), |x| (x.at, x.span, x.label_offset))
                    })
                };
                let name = move || {
                    let lang = app.lang.get();
                    ctx.data
                        .with(|d| {
                            d.periods
                                .get(idx)
                                .map(|x| (x.title.get(lang).to_string(), x.title.lang_attr(lang)))
                        })
                        .unwrap_or_default()
                };
                view! {
                    <div
                        class="period"
                        data-testid="period"
                        style:left=move || at_css(placed().0, 0.0, ctx.px_per_day.get())
                        style:width=move || span_css(placed().1, ctx.px_per_day.get())
                    >
                        <span
                            class="period__label"
                            lang=move || name().1
                            dir="auto"
                            style:transform=move || format!("translateX({}px)", Fixed(placed().2, 1))
                        >
                            {move || name().0}
                        </span>
                    </div>
                }
            }
        />
    }
}

/// Today's line, when today is inside the bounds.
#[component]
fn TodayLine() -> impl IntoView {
    let ctx = expect_context::<TimelineCtx>();
    let app = AppState::expect();
    // Where the line stands moves only with the world's origin, not with each frame.
    let today = Memo::new(move |_| ctx.frame.with(|f| f.today));
    move || {
        today.get().map(|t| {
            view! {
                <div
                    class="today"
                    style:left=move || at_css(t, 0.0, ctx.px_per_day.get())
                    aria-hidden="true"
                >
                    <span class="today__label">{move || strings(app.lang.get()).today}</span>
                </div>
            }
        })
    }
}
