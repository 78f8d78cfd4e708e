//! The timeline's mark layer: keeps the DOM of one lane's marks in step with the layout, touching
//! only what changed. Marks are identified by the event (items) or the first member (clusters),
//! so while zooming a mark is *moved* (one `style` write) rather than destroyed and re-created;
//! marks that leave are kept in a small pool and reused. This is what keeps per-frame cost flat
//! from a thousand to a hundred thousand events (see docs/benchmarks.md).
//!
//! Text from the data is only ever set with `textContent` / attributes, never as HTML. Clicks are
//! handled by the timeline through delegation (`data-idx`, `data-span`).

use std::collections::HashMap;

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use crate::model::Lang;
use crate::model::layout::MarkKind;
use crate::model::timeline::MarkView;

/// What an item mark says: fixed for an event in a language.
#[derive(Debug, Clone)]
pub struct ItemContent {
    /// Classes from the event itself (shape, confidence, inferred, ...).
    pub class: String,
    /// `data-testid` (`session` for commission sessions, else `event`).
    pub testid: &'static str,
    /// Accessible name and tooltip.
    pub description: String,
    /// Visible label (shown when the layout found room).
    pub label: String,
}

/// Most marks kept for reuse.
const POOL_MAX: usize = 256;

struct Entry {
    el: HtmlElement,
    label: Option<HtmlElement>,
    /// The label's text, for when room for it appears later.
    text: String,
    view: MarkView,
}

#[derive(Default)]
struct Layer {
    live: HashMap<u64, Entry>,
    items: Vec<HtmlElement>,
    clusters: Vec<HtmlElement>,
    /// The language the live marks' text is in.
    lang: Option<Lang>,
}

fn element(tag: &str) -> HtmlElement {
    document()
        .create_element(tag)
        .expect("creating an element")
        .unchecked_into()
}

fn geometry(m: &MarkView) -> String {
    let width = match m.span {
        Some(days) => format!("calc(var(--ppd) * {days:.4}px)"),
        None => format!("{:.2}px", m.body_px),
    };
    format!(
        "left: calc(var(--ppd) * {:.4}px + {:.2}px); width: {width}; --row: {};",
        m.at, m.offset_px, m.row
    )
}

fn set(el: &HtmlElement, name: &str, value: &str) {
    let _ = el.set_attribute(name, value);
}

/// Builds the DOM of an item mark.
fn item_element(pool: &mut Vec<HtmlElement>) -> HtmlElement {
    pool.pop().unwrap_or_else(|| {
        let el = element("button");
        set(&el, "type", "button");
        let body = element("span");
        set(&body, "class", "mark__body");
        let _ = el.append_child(&body);
        el
    })
}

fn cluster_element(pool: &mut Vec<HtmlElement>) -> HtmlElement {
    pool.pop().unwrap_or_else(|| {
        let el = element("button");
        set(&el, "type", "button");
        set(&el, "class", "mark mark--cluster");
        set(&el, "data-testid", "cluster");
        let count = element("span");
        set(&count, "class", "mark__count");
        let _ = el.append_child(&count);
        el
    })
}

/// Keeps the marks of one lane drawn inside `layer`.
///
/// `content` describes item `idx`; `cluster_label` names a cluster of `n`; `selected` is the
/// selected event (its mark is created highlighted; the timeline moves the highlight later);
/// `lang` is the interface language: when it changes every mark is redrawn with new text.
pub fn use_mark_layer(
    layer: NodeRef<Div>,
    marks: Memo<Vec<MarkView>>,
    content: impl Fn(u32) -> ItemContent + 'static,
    cluster_label: impl Fn(u32) -> String + 'static,
    selected: impl Fn() -> Option<u32> + 'static,
    lang: Signal<Lang>,
) {
    let state = StoredValue::new_local(Layer::default());
    Effect::new(move |_| {
        let Some(container) = layer.get() else { return };
        let lang = lang.get();
        marks.with(|marks| {
            state.update_value(|s| {
                // Marks carry text: a new language means new marks, not moved ones.
                if s.lang != Some(lang) {
                    s.lang = Some(lang);
                    let stale: Vec<Entry> = s.live.drain().map(|(_, e)| e).collect();
                    for e in stale {
                        recycle(s, e);
                    }
                }
                let mut live = HashMap::with_capacity(marks.len());
                let selected = selected();
                for m in marks {
                    let id = m.identity();
                    let entry = match s.live.remove(&id) {
                        Some(mut e) => {
                            if e.view != *m {
                                update(&mut e, m, &cluster_label);
                            }
                            e
                        }
                        None => create(s, m, &content, &cluster_label, selected),
                    };
                    live.insert(id, entry);
                }
                let gone: Vec<Entry> = s.live.drain().map(|(_, e)| e).collect();
                for e in gone {
                    recycle(s, e);
                }
                // DOM order = time order within the lane, so Tab moves through marks in order.
                let mut cursor = container.first_element_child();
                for m in marks {
                    let el = &live[&m.identity()].el;
                    let here = cursor
                        .as_ref()
                        .is_some_and(|c| c == el.unchecked_ref::<web_sys::Element>());
                    if here {
                        cursor = el.next_element_sibling();
                    } else {
                        let _ =
                            container.insert_before(el, cursor.as_ref().map(|c| c.unchecked_ref()));
                    }
                }
                s.live = live;
            });
        });
    });
}

/// Takes a mark off the page and keeps its element for reuse.
fn recycle(s: &mut Layer, e: Entry) {
    e.el.remove();
    let pool = match e.view.kind {
        MarkKind::Item(_) => &mut s.items,
        MarkKind::Cluster { .. } => &mut s.clusters,
    };
    if pool.len() < POOL_MAX {
        // Forget the old label so a reused element starts clean.
        if let Some(l) = e.label {
            l.remove();
        }
        pool.push(e.el);
    }
}

fn create(
    s: &mut Layer,
    m: &MarkView,
    content: &impl Fn(u32) -> ItemContent,
    cluster_label: &impl Fn(u32) -> String,
    selected: Option<u32>,
) -> Entry {
    match m.kind {
        MarkKind::Item(idx) => {
            let el = item_element(&mut s.items);
            let c = content(idx);
            let mut class = format!("mark {}", c.class);
            if m.span.is_some() {
                class.push_str(" mark--wide");
            }
            if selected == Some(idx) {
                class.push_str(" mark--selected");
                set(&el, "aria-current", "true");
            } else {
                let _ = el.remove_attribute("aria-current");
            }
            set(&el, "class", &class);
            set(&el, "style", &geometry(m));
            set(&el, "data-idx", &idx.to_string());
            set(&el, "data-testid", c.testid);
            set(&el, "aria-label", &c.description);
            // The tooltip is set on first hover by the timeline (it repeats the accessible name),
            // so creating a mark while zooming costs one long string, not two.
            let _ = el.remove_attribute("title");
            let label = m.label_width.map(|w| label_element(&el, w, &c.label));
            Entry {
                el,
                label,
                text: c.label,
                view: m.clone(),
            }
        }
        MarkKind::Cluster { count, .. } => {
            let el = cluster_element(&mut s.clusters);
            let _ = el.remove_attribute("title");
            fill_cluster(&el, m, None, count, cluster_label);
            Entry {
                el,
                label: None,
                text: String::new(),
                view: m.clone(),
            }
        }
    }
}

fn label_element(parent: &HtmlElement, width: f64, text: &str) -> HtmlElement {
    let l = element("span");
    set(&l, "class", "mark__label");
    set(&l, "dir", "auto");
    set(&l, "style", &format!("width: {width:.1}px"));
    l.set_text_content(Some(text));
    let _ = parent.append_child(&l);
    l
}

fn fill_cluster(
    el: &HtmlElement,
    m: &MarkView,
    old_count: Option<u32>,
    count: u32,
    cluster_label: &impl Fn(u32) -> String,
) {
    set(el, "style", &geometry(m));
    set(el, "data-span", &format!("{} {}", m.t0, m.t1));
    if old_count != Some(count) {
        set(el, "aria-label", &cluster_label(count));
        // The tooltip copies the name on hover; drop a stale one.
        let _ = el.remove_attribute("title");
        if let Some(c) = el.first_element_child() {
            c.set_text_content(Some(&count.to_string()));
        }
    }
}

/// Moves an existing mark to its new geometry (and updates what else changed).
fn update(e: &mut Entry, m: &MarkView, cluster_label: &impl Fn(u32) -> String) {
    let old = &e.view;
    let moved = (old.at, old.offset_px, old.span, old.body_px, old.row)
        != (m.at, m.offset_px, m.span, m.body_px, m.row);
    match (old.kind, m.kind) {
        (MarkKind::Cluster { count: was, .. }, MarkKind::Cluster { count, .. })
            if moved || was != count || (old.t0, old.t1) != (m.t0, m.t1) =>
        {
            fill_cluster(&e.el, m, Some(was), count, cluster_label);
        }
        (MarkKind::Item(_), _) if moved => set(&e.el, "style", &geometry(m)),
        _ => {}
    }
    match m.kind {
        MarkKind::Cluster { .. } => {}
        MarkKind::Item(_) => {
            if old.span.is_some() != m.span.is_some() {
                let _ =
                    e.el.class_list()
                        .toggle_with_force("mark--wide", m.span.is_some());
            }
            if old.label_width != m.label_width {
                match (m.label_width, &e.label) {
                    (Some(w), Some(l)) => set(l, "style", &format!("width: {w:.1}px")),
                    (Some(w), None) => e.label = Some(label_element(&e.el, w, &e.text)),
                    (None, Some(l)) => {
                        l.remove();
                        e.label = None;
                    }
                    (None, None) => {}
                }
            }
        }
    }
    e.view = m.clone();
}
