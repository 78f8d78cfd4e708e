//! The drawing surface of the timeline: the axis rows, the lanes with their marks and gap bands,
//! and today's line, all inside one "world" container that panning translates.

use leptos::prelude::*;

use super::Ctx;
use crate::i18n::strings;
use crate::model::layout::MarkKind;
use crate::model::locale::session_label;
use crate::model::timeline::{GapView, MarkView, TickView};
use crate::model::{Shape, date::Precision};
use crate::state::{AppState, Selection, TimelineState};

/// Everything that scrolls with time.
#[component]
pub(super) fn Lanes() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let app = AppState::expect();
    let lanes: Vec<String> = ctx
        .model
        .with_untracked(|m| m.0.lanes.iter().map(|l| l.id.clone()).collect());
    let shift = move || format!("translate3d({:.2}px, 0, 0)", -ctx.frame.with(|f| f.shift));
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
    let tick_view = |class: &'static str| {
        move |t: TickView| {
            view! {
                <span class=class style:left=format!("{:.2}px", t.x)>
                    {t.label}
                </span>
            }
        }
    };
    let today = move || {
        ctx.frame.with(|f| f.today).map(|x| {
            view! {
                <div class="today" style:left=format!("{x:.2}px") aria-hidden="true">
                    <span class="today__label">{move || strings(app.lang.get()).today}</span>
                </div>
            }
        })
    };

    view! {
        <div class="timeline__world" style:transform=shift>
            <div class="axis" aria-hidden="true">
                <div class="axis__row axis__row--major">
                    <For each=ticks(true) key=|t| t.key.clone() children=tick_view("axis__tick axis__tick--major") />
                </div>
                <div class="axis__row axis__row--minor">
                    <For each=ticks(false) key=|t| t.key.clone() children=tick_view("axis__tick") />
                </div>
            </div>
            {lanes
                .into_iter()
                .enumerate()
                .map(|(l, id)| {
                    let gaps = move || {
                        ctx.frame.with(|f| f.gaps.iter().filter(|g| g.lane == l).cloned().collect::<Vec<_>>())
                    };
                    let marks = move || ctx.frame.with(|f| f.lanes.get(l).cloned().unwrap_or_default());
                    view! {
                        <div class=format!("lane lane--{id}") data-lane=id>
                            <For
                                each=gaps
                                key=|g| (g.idx, (g.x * 10.0) as i64, (g.width * 10.0) as i64)
                                children=gap_view
                            />
                            <For each=marks key=|m| m.key.clone() children=mark_view />
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
            style:left=format!("{:.2}px", g.x)
            style:width=format!("{:.2}px", g.width)
            data-testid="gap"
            aria-label=label
            on:click=move |_| {
                if !ctx.gesture.with_value(|g| g.is_drag()) {
                    app.selected.set(Some(Selection::Gap(idx)));
                }
            }
        >
            <span class="gap__label" style:transform=move || format!("translateX({:.1}px)", offset())>
                {label}
            </span>
        </button>
    }
}

/// One mark: an event (point, bar or band by its date's precision) or a cluster.
fn mark_view(m: MarkView) -> AnyView {
    let ctx = expect_context::<Ctx>();
    let app = AppState::expect();
    let tl = expect_context::<TimelineState>();
    let pos = format!(
        "left: {:.2}px; --row: {}; width: {:.2}px;",
        m.x, m.row, m.width
    );
    match m.kind {
        MarkKind::Cluster { count, .. } => {
            let (t0, t1) = (m.t0, m.t1);
            let label = move || {
                strings(app.lang.get())
                    .cluster_label
                    .replace("{n}", &count.to_string())
            };
            view! {
                <button
                    type="button"
                    class="mark mark--cluster"
                    style=pos
                    data-testid="cluster"
                    aria-label=label
                    title=label
                    on:click=move |_| {
                        if !ctx.gesture.with_value(|g| g.is_drag()) {
                            ctx.motion.go(|v| v.show(t0, t1, 0.25));
                        }
                    }
                >
                    <span class="mark__count">{count}</span>
                </button>
            }
            .into_any()
        }
        MarkKind::Item(idx) => {
            let i = idx as usize;
            let (label, description, class) = ctx.dataset.with_value(|d| {
                ctx.model.with_untracked(|model| {
                    let e = &d.events[i];
                    let lang = app.lang.get_untracked();
                    let label = model.0.labels[i].clone();
                    let mut parts = vec![];
                    if e.lane == crate::model::COMMISSION_LANE {
                        parts.push(session_label(lang, e.session_number));
                    }
                    parts.push(e.title.get(lang).to_string());
                    parts.push(e.date.format(lang));
                    if let Some(p) = &e.place {
                        parts.push(p.name.get(lang).to_string());
                    }
                    let shape = match e.date.shape() {
                        Shape::Point => "point",
                        Shape::Range => "range",
                        Shape::Band => "band",
                    };
                    let mut class = format!("mark mark--{shape}");
                    if m.width > 24.0 {
                        class.push_str(" mark--wide");
                    }
                    if e.date.inferred || e.date.within {
                        class.push_str(" mark--inferred");
                    }
                    if e.date.precision() == Precision::Year {
                        class.push_str(" mark--year");
                    }
                    class.push_str(&format!(" mark--{}", e.confidence.as_str()));
                    (label, parts.join(", "), class)
                })
            });
            let is_session = ctx
                .dataset
                .with_value(|d| d.events[i].lane == crate::model::COMMISSION_LANE);
            view! {
                <button
                    type="button"
                    class=class
                    class:mark--selected=move || app.selected.get() == Some(Selection::Event(i))
                    style=pos
                    data-idx=idx
                    data-testid=if is_session { "session" } else { "event" }
                    aria-label=description.clone()
                    title=description
                    on:click=move |_| {
                        if !ctx.gesture.with_value(|g| g.is_drag()) {
                            app.selected.set(Some(Selection::Event(i)));
                            tl.focus.set(Some(idx));
                        }
                    }
                >
                    <span class="mark__body"></span>
                    {m.label_width.map(|w| {
                        view! {
                            <span class="mark__label" style:width=format!("{w:.1}px")>
                                {label}
                            </span>
                        }
                    })}
                </button>
            }
            .into_any()
        }
    }
}
