//! The timeline's renderer in the browser: one lane's marks kept in step with the layout by the
//! [`Reconciler`] (see `marks`), with the DOM it patches. It owns every class and attribute of
//! the marks, selection and highlight included, so nothing else touches them. A keyed,
//! imperative layer rather than `<For>`: while zooming, hundreds of marks move per frame, and
//! moving an element (one `style` write) costs far less than a reactive node per mark.

use std::cell::Cell;

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use super::marks::{Inputs, ItemContent, MarkDom, Patch, Reconciler};
use crate::model::frame::MarkView;
use crate::model::{EventIdx, Lang};

thread_local! {
    static RENDERING: Cell<bool> = const { Cell::new(false) };
}

/// Whether a lane's renderer is changing the DOM right now. A focused mark that is moved or
/// recycled loses focus (the browser fires `focusout`); that is a redraw, not the user leaving.
pub fn is_rendering() -> bool {
    RENDERING.with(Cell::get)
}

/// The browser DOM of one lane's container.
struct Dom {
    container: HtmlElement,
    document: web_sys::Document,
}

impl Dom {
    fn element(&self, tag: &str, class: Option<&str>) -> Option<HtmlElement> {
        let el: HtmlElement = self.document.create_element(tag).ok()?.unchecked_into();
        if let Some(c) = class {
            let _ = el.set_attribute("class", c);
        }
        Some(el)
    }
}

impl MarkDom for Dom {
    type El = HtmlElement;

    fn create(&mut self, cluster: bool) -> Option<HtmlElement> {
        let el = self.element("button", None)?;
        let _ = el.set_attribute("type", "button");
        let child = if cluster {
            self.element("span", Some("mark__count"))
        } else {
            self.element("span", Some("mark__body"))
        };
        if let Some(c) = child {
            let _ = el.append_child(&c);
        }
        Some(el)
    }

    fn patch(&mut self, el: &HtmlElement, patch: &Patch) {
        match patch {
            Patch::Attr(name, Some(v)) => {
                let _ = el.set_attribute(name, v);
            }
            Patch::Attr(name, None) => {
                let _ = el.remove_attribute(name);
            }
            Patch::Label(label) => {
                let old = el.query_selector(".mark__label").ok().flatten();
                match (label, old) {
                    (Some(l), Some(old)) => {
                        old.set_text_content(Some(&l.text));
                        let _ = old.set_attribute("style", &l.style);
                    }
                    (Some(l), None) => {
                        if let Some(span) = self.element("span", Some("mark__label")) {
                            let _ = span.set_attribute("dir", "auto");
                            let _ = span.set_attribute("style", &l.style);
                            span.set_text_content(Some(&l.text));
                            let _ = el.append_child(&span);
                        }
                    }
                    (None, Some(old)) => old.remove(),
                    (None, None) => {}
                }
            }
            Patch::Count(text) => {
                if let Some(c) = el.first_element_child() {
                    c.set_text_content(Some(text));
                }
            }
        }
    }

    fn detach(&mut self, el: &HtmlElement) {
        el.remove();
    }

    fn insert_before(&mut self, el: &HtmlElement, before: Option<&HtmlElement>) {
        let _ = self
            .container
            .insert_before(el, before.map(|b| b.unchecked_ref::<web_sys::Node>()));
    }
}

/// What a lane's renderer draws and with what.
pub struct MarkLayerOptions<C, N> {
    /// The lane's marks, in time order.
    pub marks: Memo<Vec<MarkView>>,
    /// The content of an event's mark (read when a mark is created or the language changes).
    pub content: C,
    /// The accessible name of a cluster of `n` events.
    pub cluster_name: N,
    /// The selected event.
    pub selected: Signal<Option<EventIdx>>,
    /// The highlighted events (sorted).
    pub hits: Memo<Vec<EventIdx>>,
    /// The interface language: when it changes, every mark's text is rebuilt.
    pub lang: Signal<Lang>,
}

/// A lane's renderer, for what the timeline asks of it beyond drawing (tooltips).
#[derive(Clone, Copy)]
pub struct MarkLayer {
    state: StoredValue<Option<(Reconciler<HtmlElement>, Dom)>, LocalStorage>,
}

impl MarkLayer {
    /// Gives the mark drawn by `el` its tooltip.
    pub fn show_tooltip(&self, el: &HtmlElement) {
        self.state.try_update_value(|s| {
            if let Some((r, dom)) = s {
                r.show_tooltip(dom, el);
            }
        });
    }
}

/// Keeps the marks of one lane drawn inside `layer`.
pub fn use_mark_layer<C, N>(layer: NodeRef<Div>, options: MarkLayerOptions<C, N>) -> MarkLayer
where
    C: Fn(EventIdx) -> ItemContent + 'static,
    N: Fn(u32) -> String + 'static,
{
    let MarkLayerOptions {
        marks,
        content,
        cluster_name,
        selected,
        hits,
        lang,
    } = options;
    let state = StoredValue::new_local(None::<(Reconciler<HtmlElement>, Dom)>);
    let generation = StoredValue::new((None::<Lang>, 0u64));
    Effect::new(move |_| {
        let Some(container) = layer.get() else { return };
        let lang = lang.get();
        let selected = selected.get();
        let generation = generation
            .try_update_value(|(l, g)| {
                if *l != Some(lang) {
                    *l = Some(lang);
                    *g += 1;
                }
                *g
            })
            .unwrap_or(0);
        hits.with(|hits| {
            marks.with(|marks| {
                let is_hit = |i: EventIdx| hits.binary_search(&i).is_ok();
                let inputs = Inputs {
                    content: &content,
                    cluster_name: &cluster_name,
                    selected,
                    is_hit: &is_hit,
                    generation,
                };
                state.try_update_value(|s| {
                    let (r, dom) = s.get_or_insert_with(|| {
                        (
                            Reconciler::default(),
                            Dom {
                                container: container.clone().unchecked_into(),
                                document: document(),
                            },
                        )
                    });
                    RENDERING.with(|f| f.set(true));
                    r.update(dom, marks, &inputs);
                    RENDERING.with(|f| f.set(false));
                });
            })
        });
    });
    MarkLayer { state }
}
