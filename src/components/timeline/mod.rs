//! The zoomable timeline: toolbar, two-level time axis, one lane per kind of event with its
//! header, gap bands, today's line. It turns wheel, pointer and keyboard input into viewport and
//! selection changes (through `model::input` and `model::timeline`), and draws the frame the model
//! computes. Panning moves one container (`translateX`); marks are keyed so they persist.

mod lanes;
mod toolbar;

use std::sync::Arc;

use leptos::ev;
use leptos::html::Div;
use leptos::prelude::*;
use leptos_use_element_size::use_element_size;
use wasm_bindgen::JsCast;

use crate::hooks::use_viewport_motion::{UseViewportMotion, use_viewport_motion};
use crate::i18n::strings;
use crate::model::Dataset;
use crate::model::filter::events_of;
use crate::model::input::{
    Action, DeltaMode, Gesture, KeyCommand, PAN_STEP, Wheel, ZOOM_STEP, key_command, wheel_action,
};
use crate::model::timeline::{self, Frame, Timeline as Model};
use crate::model::viewport::Viewport;
use crate::state::{AppState, Selection, TimelineState, select_event};

use lanes::Lanes;
use toolbar::Toolbar;

/// The timeline model shared by the parts, compared by identity (it is rebuilt, not mutated).
#[derive(Clone)]
pub(crate) struct Shared(pub Arc<Model>);

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// What the parts of the timeline need from it.
#[derive(Clone, Copy)]
pub(crate) struct Ctx {
    pub dataset: StoredValue<Arc<Dataset>>,
    pub model: Memo<Shared>,
    pub frame: Memo<Frame>,
    pub motion: UseViewportMotion,
    pub gesture: StoredValue<Gesture>,
    /// Dataset indices of the highlighted person's events, in date order.
    pub highlighted: Memo<Vec<usize>>,
}

/// The timeline of every event in the dataset.
#[component]
pub fn Timeline(
    /// The loaded dataset.
    dataset: Arc<Dataset>,
) -> impl IntoView {
    let app = AppState::expect();
    let data = StoredValue::new(dataset);
    let model = Memo::new(move |_| {
        let lang = app.lang.get();
        app.filters.with(|f| {
            Shared(Arc::new(
                data.with_value(|d| Model::build(d, lang, |e| f.matches(e))),
            ))
        })
    });
    // The events of the highlighted person (the rest is dimmed).
    let highlighted = Memo::new(move |_| {
        app.person.with(|p| {
            p.as_ref()
                .map(|id| data.with_value(|d| events_of(d, id)))
                .unwrap_or_default()
        })
    });
    let bounds = model.with_untracked(|m| m.0.bounds);
    let mut start = Viewport::fit(bounds, 1_000.0);
    // A window from a link is taken at once; otherwise the last one shown (coming back from the
    // list view keeps the zoom).
    if let Some((a, b)) = app
        .goto_window
        .try_update(Option::take)
        .flatten()
        .or_else(|| app.window.get_untracked())
    {
        start.set_window(a, b);
    }
    let viewport = RwSignal::new(start);
    let focus = RwSignal::new(None::<u32>);
    // Set by keyboard navigation: the next drawn frame moves DOM focus to `focus`.
    let move_focus = StoredValue::new(false);
    let state = TimelineState { viewport, focus };
    provide_context(state);

    let today = timeline::today();
    let frame = Memo::new(move |_| {
        let lang = app.lang.get();
        model.with(|m| viewport.with(|v| m.0.frame(v, lang, today)))
    });
    let motion = use_viewport_motion(viewport);
    let gesture = StoredValue::new(Gesture::default());
    let ctx = Ctx {
        dataset: data,
        model,
        frame,
        motion,
        gesture,
        highlighted,
    };
    provide_context(ctx);

    // The drawing width follows the element (ResizeObserver); the time window is kept.
    let area = NodeRef::<Div>::new();
    let size = use_element_size(area);
    Effect::new(move |_| {
        let w = size.width.get();
        if w >= 1.0 {
            viewport.update(|v| v.set_width(w));
        }
    });

    let local_x = move |client_x: i32| {
        area.get_untracked().map_or(0.0, |el| {
            f64::from(client_x) - el.get_bounding_client_rect().left()
        })
    };
    let apply = move |action: Action| {
        motion.cancel();
        viewport.update(|v| match action {
            Action::Zoom { anchor, factor } => v.zoom_at(anchor, factor),
            Action::Pan(dx) => v.pan_px(dx),
        });
    };

    let on_wheel = move |ev: ev::WheelEvent| {
        let w = Wheel {
            dx: ev.delta_x(),
            dy: ev.delta_y(),
            mode: DeltaMode::from_dom(ev.delta_mode()),
            ctrl: ev.ctrl_key() || ev.meta_key(),
            shift: ev.shift_key(),
            x: local_x(ev.client_x()),
            width: viewport.with_untracked(Viewport::width),
        };
        if let Some(action) = wheel_action(&w) {
            ev.prevent_default();
            apply(action);
        }
    };

    let on_pointer_down = move |ev: ev::PointerEvent| {
        if ev.pointer_type() == "mouse" && ev.button() != 0 {
            return;
        }
        gesture.update_value(|g| {
            g.down(
                ev.pointer_id(),
                local_x(ev.client_x()),
                f64::from(ev.client_y()),
            )
        });
    };
    let on_pointer_move = move |ev: ev::PointerEvent| {
        // A press whose release was lost (outside the page, a context menu): forget it rather
        // than pan on hover.
        if ev.buttons() == 0 {
            gesture.update_value(|g| g.up(ev.pointer_id()));
            return;
        }
        let action = gesture
            .try_update_value(|g| {
                g.moved(
                    ev.pointer_id(),
                    local_x(ev.client_x()),
                    f64::from(ev.client_y()),
                )
            })
            .flatten();
        if let Some(action) = action {
            // Capture only once it is a drag, so that a plain click still reaches the mark.
            if let Some(el) = area.get_untracked()
                && !el.has_pointer_capture(ev.pointer_id())
            {
                let _ = el.set_pointer_capture(ev.pointer_id());
            }
            apply(action);
        }
    };
    let on_pointer_up = move |ev: ev::PointerEvent| {
        gesture.update_value(|g| g.up(ev.pointer_id()));
        if let Some(el) = area.get_untracked() {
            let _ = el.release_pointer_capture(ev.pointer_id());
        }
    };

    // Clicks on marks are handled here, once, rather than by a listener per mark: marks are
    // created and dropped by the hundred while zooming.
    let on_click = move |ev: ev::MouseEvent| {
        // The click that ends a drag is not a click; the next one is again.
        if gesture
            .try_update_value(Gesture::take_drag)
            .unwrap_or(false)
        {
            return;
        }
        let Some(mark) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest(".mark").ok().flatten())
        else {
            return;
        };
        if let Some(idx) = mark
            .get_attribute("data-idx")
            .and_then(|s| s.parse::<u32>().ok())
        {
            select_event(app, idx as usize);
            focus.set(Some(idx));
        } else if let Some((t0, t1)) = mark
            .get_attribute("data-span")
            .and_then(|s| crate::model::input::parse_span(&s))
        {
            motion.go(|v| v.show(t0, t1, 0.25));
        }
    };

    // Tooltips repeat a mark's accessible name; set on first hover rather than for every mark.
    let on_pointer_over = move |ev: ev::PointerEvent| {
        if let Some(mark) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest(".mark").ok().flatten())
            && !mark.has_attribute("title")
            && let Some(name) = mark.get_attribute("aria-label")
        {
            let _ = mark.set_attribute("title", &name);
        }
    };

    // Later windows from the URL (Back, Forward) move the view at once, without animation, so
    // that a selection restored with them is judged against the restored window.
    Effect::new(move |_| {
        if let Some((a, b)) = app.goto_window.get() {
            app.goto_window.set(None);
            motion.cancel();
            viewport.update(|v| v.set_window(a, b));
        }
    });

    // The window is reported (for links and the live region) once it has stayed put for a
    // second: writing the URL or announcing on every frame would cost time and chatter.
    let report = StoredValue::new(0u64);
    Effect::new(move |_| {
        let (a, b) = viewport.with(|v| (v.start(), v.end()));
        report.update_value(|n| *n += 1);
        let ticket = report.get_value();
        set_timeout(
            move || {
                if report.try_get_value() == Some(ticket) {
                    app.window.set(Some((a, b)));
                }
            },
            std::time::Duration::from_millis(1_000),
        );
    });

    // A selection made anywhere (search, panels, links) is brought into view on the timeline.
    Effect::new(move |_| {
        if let Some(Selection::Event(i)) = app.selected.get() {
            let m = model.get_untracked().0;
            if m.item(i as u32).is_some() {
                motion.go(|v| m.bring_into_view(v, i as u32));
            }
        }
    });

    // The person highlight: marks are created with it; this updates the ones already drawn.
    Effect::new(move |_| {
        let hits = highlighted.get();
        let Some(el) = area.get_untracked() else {
            return;
        };
        let on = app.person.with_untracked(Option::is_some);
        let _ = el
            .class_list()
            .toggle_with_force("timeline__area--highlight", on);
        let Ok(marks) = el.query_selector_all(".mark[data-idx]") else {
            return;
        };
        for k in 0..marks.length() {
            let Some(mark) = marks
                .item(k)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            else {
                continue;
            };
            let hit = mark
                .get_attribute("data-idx")
                .and_then(|s| s.parse::<usize>().ok())
                .is_some_and(|i| hits.contains(&i));
            let _ = mark.class_list().toggle_with_force("mark--hit", hit);
        }
    });

    // The selection highlight: marks are created with it; this moves it when the selection does.

    Effect::new(move |previous: Option<Option<usize>>| {
        let now = match app.selected.get() {
            Some(Selection::Event(i)) => Some(i),
            _ => None,
        };
        if let Some(el) = area.get_untracked() {
            for (idx, on) in [(previous.flatten(), false), (now, true)] {
                let Some(idx) = idx else { continue };
                if let Ok(Some(mark)) = el.query_selector(&format!("[data-idx=\"{idx}\"]")) {
                    let _ = mark.class_list().toggle_with_force("mark--selected", on);
                    let _ = if on {
                        mark.set_attribute("aria-current", "true")
                    } else {
                        mark.remove_attribute("aria-current")
                    };
                }
            }
        }
        now
    });

    let on_key = move |ev: ev::KeyboardEvent| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let Some(cmd) = key_command(&ev.key()) else {
            return;
        };
        // On an event, arrows move between events; on the timeline itself, they pan.
        let on_event: Option<u32> = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.get_attribute("data-idx"))
            .and_then(|s| s.parse().ok());
        let m = model.get_untracked().0;
        let width = viewport.with_untracked(Viewport::width);
        let go_to = |idx: Option<u32>| {
            if let Some(idx) = idx {
                motion.go(|v| m.bring_into_view(v, idx));
                move_focus.set_value(true);
                focus.set(Some(idx));
            }
        };
        match (cmd, on_event) {
            (KeyCommand::ZoomIn, _) => motion.go(|v| v.zoom_center(ZOOM_STEP)),
            (KeyCommand::ZoomOut, _) => motion.go(|v| v.zoom_center(1.0 / ZOOM_STEP)),
            (KeyCommand::FitAll, _) => motion.go(Viewport::fit_all),
            (KeyCommand::Home, _) => motion.go(Viewport::go_to_start),
            (KeyCommand::End, _) => motion.go(Viewport::go_to_end),
            (KeyCommand::Left | KeyCommand::Right, Some(i)) => {
                go_to(m.step(i, cmd == KeyCommand::Right));
            }
            (KeyCommand::Up | KeyCommand::Down, Some(i)) => {
                go_to(m.cross(i, cmd == KeyCommand::Down));
            }
            (KeyCommand::Left, None) => motion.go(|v| v.pan_px(-PAN_STEP * width)),
            (KeyCommand::Right, None) => motion.go(|v| v.pan_px(PAN_STEP * width)),
            // From the timeline itself, Down enters the events.
            (KeyCommand::Down, None) => go_to(viewport.with_untracked(|v| m.first_visible(v))),
            (KeyCommand::Up, None) => return,
            (KeyCommand::Activate, Some(i)) => {
                select_event(app, i as usize);
                focus.set(Some(i));
            }
            (KeyCommand::Activate, None) => {
                // A cluster: zoom into it. Anything else keeps its own Enter/Space.
                let span = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .and_then(|el| el.get_attribute("data-span"))
                    .and_then(|s| crate::model::input::parse_span(&s));
                let Some((t0, t1)) = span else { return };
                motion.go(|v| v.show(t0, t1, 0.25));
            }
            (KeyCommand::Escape, _) => {
                app.selected.set(None);
                focus.set(None);
                if let Some(el) = area.get_untracked() {
                    let _ = el.focus();
                }
            }
        }
        ev.prevent_default();
    };

    // `focus` follows the keyboard: the mark that has it, or none when the timeline itself or
    // something outside has it. A focus that merely vanished (its mark was redrawn) is kept, so
    // the effect below can give it back.
    let on_focus_in = move |ev: ev::FocusEvent| {
        let idx = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.get_attribute("data-idx"))
            .and_then(|s| s.parse::<u32>().ok());
        focus.set(idx);
    };
    let on_focus_out = move |ev: ev::FocusEvent| {
        let outside = ev
            .related_target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
            .is_some_and(|n| area.get_untracked().is_some_and(|a| !a.contains(Some(&n))));
        if outside {
            focus.set(None);
        }
    };

    // Keyboard focus goes to the mark the arrow keys moved to (once it is drawn), and comes back
    // to the focused mark when it is redrawn (a language change, a mark leaving and returning);
    // it is never taken from elsewhere.
    Effect::new(move |_| {
        let Some(idx) = focus.get() else { return };
        frame.track();
        request_animation_frame(move || {
            let Some(el) = area.get_untracked() else {
                return;
            };
            let active = document().active_element();
            let lost = active.as_ref().is_none_or(|a| a.tag_name() == "BODY");
            if !lost && !move_focus.get_value() {
                return;
            }
            if let Ok(Some(mark)) = el.query_selector(&format!("[data-idx=\"{idx}\"]"))
                && active.as_ref() != Some(&mark)
                && let Ok(mark) = mark.dyn_into::<web_sys::HtmlElement>()
            {
                let _ = mark.focus();
                move_focus.set_value(false);
            }
        });
    });

    let s = move || strings(app.lang.get());
    let lane_headers = move || {
        let lang = app.lang.get();
        model.with(|m| {
            data.with_value(|d| {
                m.0.lanes
                    .iter()
                    .map(|l| {
                        let label = d.lane_label(&l.id, lang);
                        view! {
                            <div class=format!("lane-header lane--{}", l.id) data-lane=l.id.clone()>
                                <span class="lane-header__label">{label}</span>
                            </div>
                        }
                    })
                    .collect_view()
            })
        })
    };

    view! {
        <section class="timeline" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading" class="visually-hidden">{move || s().timeline_heading}</h2>
            <Toolbar />
            <div class="timeline__body">
                <div class="timeline__headers" aria-hidden="true">
                    <div class="timeline__axis-spacer"></div>
                    {lane_headers}
                </div>
                <div
                    class="timeline__area"
                    node_ref=area
                    dir="ltr"
                    tabindex="0"
                    role="group"
                    aria-roledescription=move || s().timeline_role
                    aria-label=move || s().timeline_label
                    data-testid="timeline"
                    data-start=move || viewport.with(|v| format!("{:.4}", v.start()))
                    data-end=move || viewport.with(|v| format!("{:.4}", v.end()))
                    data-width=move || viewport.with(|v| format!("{:.2}", v.width()))
                    on:wheel=on_wheel
                    on:pointerdown=on_pointer_down
                    on:pointermove=on_pointer_move
                    on:pointerup=on_pointer_up
                    on:pointercancel=on_pointer_up
                    on:keydown=on_key
                    on:click=on_click
                    on:focusin=on_focus_in
                    on:focusout=on_focus_out
                    on:lostpointercapture=on_pointer_up
                    on:pointerover=on_pointer_over
                >
                    <Lanes />
                </div>
            </div>
            <p class="timeline__hint">{move || s().timeline_hint}</p>
        </section>
    }
}
