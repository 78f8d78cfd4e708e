//! The timeline's renderer, minus the browser: what each mark's element must say (its
//! [`MarkState`]: classes, geometry, name, selection, highlight, label), the smallest set of
//! [`Patch`]es that turns what an element says into that, and the [`Reconciler`] that decides,
//! frame by frame, which marks keep their element (and are moved), which get one from a pool or a
//! new one, which are recycled, and in which order they stand in the lane (time order, so Tab
//! follows time).
//!
//! It knows the DOM only through the [`MarkDom`] trait, so the whole decision runs natively in
//! tests against a fake DOM: a reused element can be checked for stale attributes, the order for
//! time order, the lane for duplicate marks. `mark_layer` implements the trait for the browser.
//!
//! Every class and attribute of a mark is written here and nowhere else; text from the data only
//! ever goes into attributes and `textContent`, never into HTML.

use std::collections::HashMap;
use std::rc::Rc;

use crate::model::EventIdx;
use crate::model::fixed::Fixed;
use crate::model::frame::MarkView;
use crate::model::layout::MarkKind;

/// Most elements kept per pool for reuse.
pub const POOL_MAX: usize = 256;

/// What an event's mark says: fixed for an event in a language.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemContent {
    /// Classes from the event itself (shape, confidence, inferred date, ...).
    pub class: String,
    /// `data-testid` (`session` for commission sessions, else `event`).
    pub testid: &'static str,
    /// Accessible name (and tooltip).
    pub name: Rc<str>,
    /// Visible label (shown when the layout found room).
    pub label: Rc<str>,
}

/// What the renderer needs to know besides the marks.
pub struct Inputs<'a> {
    /// The content of an event's mark.
    pub content: &'a dyn Fn(EventIdx) -> ItemContent,
    /// The accessible name of a cluster of `n` events.
    pub cluster_name: &'a dyn Fn(u32) -> String,
    /// The selected event.
    pub selected: Option<EventIdx>,
    /// Whether an event is highlighted (the chosen person's).
    pub is_hit: &'a dyn Fn(EventIdx) -> bool,
    /// Bumped when the language changes: every mark's text is then rebuilt.
    pub generation: u64,
    /// The scale, in pixels per day: a zoom step changes it and moves every mark.
    pub px_per_day: f64,
}

/// A shown label: its text and the width the layout reserved for it.
#[derive(Debug, Clone, PartialEq)]
pub struct LabelState {
    /// The text.
    pub text: Rc<str>,
    /// Its `style` (the reserved width).
    pub style: String,
}

/// Everything the renderer writes to one mark's element. A fresh element says nothing
/// ([`MarkState::default`]); an element back from the pool says what its last mark said, and the
/// patches from that to the new state leave nothing stale.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MarkState {
    /// `class`.
    pub class: String,
    /// `style`: position, width and row.
    pub style: String,
    /// `data-idx` (an event's mark).
    pub idx: Option<String>,
    /// `data-span` (a cluster's time span, to zoom into).
    pub span: Option<String>,
    /// `data-testid`.
    pub testid: Option<&'static str>,
    /// `aria-label`.
    pub name: Option<Rc<str>>,
    /// `aria-current="true"` on the selected event.
    pub current: bool,
    /// `title`, set once the pointer has been over the mark.
    pub title: Option<Rc<str>>,
    /// The label child.
    pub label: Option<LabelState>,
    /// A cluster's count (the text of its count child).
    pub count: Option<String>,
}

/// One change to an element.
#[derive(Debug, Clone, PartialEq)]
pub enum Patch {
    /// Set (`Some`) or remove (`None`) an attribute.
    Attr(&'static str, Option<String>),
    /// Show (`Some`), restyle or hide (`None`) the label child.
    Label(Option<LabelState>),
    /// Set a cluster's count text.
    Count(String),
}

/// CSS for a left edge `days` from the origin plus `px` pixels, at `ppd` pixels per day.
///
/// In pixels, not `calc(var(--ppd) * days)` with the scale set once on the world: a custom
/// property is inherited, so changing it made the browser restyle every element of the world
/// (each mark's body and label, the axis, the gaps) on every zoom step. Writing each mark's
/// own `left` restyles that mark alone, and a change of position, inherited by nothing, does
/// not reach its children.
pub fn at_css(days: f64, px: f64, ppd: f64) -> String {
    format!("{}px", Fixed(days * ppd + px, 2))
}

/// CSS for a length of `days` at `ppd` pixels per day.
pub fn span_css(days: f64, ppd: f64) -> String {
    format!("{}px", Fixed(days * ppd, 2))
}

/// CSS for a mark's geometry at `ppd` pixels per day: its left edge, its width and its row.
pub fn geometry(m: &MarkView, ppd: f64) -> String {
    format!(
        "left: {}px; width: {}px; --row: {};",
        Fixed(m.x(ppd), 2),
        Fixed(m.width(ppd), 2),
        m.row
    )
}

/// A cluster's [`geometry`], with where its number goes when not in the middle (the count's
/// padding reads `--count-at`, style/timeline.css).
fn cluster_geometry(m: &MarkView, ppd: f64) -> String {
    let mut style = geometry(m, ppd);
    if m.count_at != 0.5 {
        style.push_str(&format!(" --count-at: {};", m.count_at));
    }
    style
}

/// The state of an event's mark, at `ppd` pixels per day.
pub fn item_state(
    m: &MarkView,
    ppd: f64,
    c: &ItemContent,
    idx: EventIdx,
    selected: bool,
    hit: bool,
    titled: bool,
) -> MarkState {
    let mut class = format!("mark {}", c.class);
    for (on, name) in [
        (m.span.is_some(), "mark--wide"),
        (selected, "mark--selected"),
        (hit, "mark--hit"),
    ] {
        if on {
            class.push(' ');
            class.push_str(name);
        }
    }
    MarkState {
        class,
        style: geometry(m, ppd),
        idx: Some(idx.to_string()),
        span: None,
        testid: Some(c.testid),
        name: Some(c.name.clone()),
        current: selected,
        title: titled.then(|| c.name.clone()),
        label: m.label_width.map(|w| LabelState {
            text: c.label.clone(),
            style: format!("width: {}px", Fixed(w, 1)),
        }),
        count: None,
    }
}

/// The state of a cluster's mark, at `ppd` pixels per day.
pub fn cluster_state(m: &MarkView, ppd: f64, count: u32, name: Rc<str>, titled: bool) -> MarkState {
    MarkState {
        class: "mark mark--cluster".into(),
        style: cluster_geometry(m, ppd),
        idx: None,
        span: Some(format!("{} {}", m.t0, m.t1)),
        testid: Some("cluster"),
        title: titled.then(|| name.clone()),
        name: Some(name),
        current: false,
        label: None,
        count: Some(count.to_string()),
    }
}

#[cfg(test)]
impl MarkState {
    /// The attributes this state writes, by name (what an element says once patched).
    pub fn attributes(&self) -> Vec<(&'static str, String)> {
        let mut out = vec![("class", self.class.clone()), ("style", self.style.clone())];
        let optional = [
            ("data-idx", self.idx.clone()),
            ("data-span", self.span.clone()),
            ("data-testid", self.testid.map(str::to_string)),
            ("aria-label", self.name.as_deref().map(str::to_string)),
            ("aria-current", self.current.then(|| "true".to_string())),
            ("title", self.title.as_deref().map(str::to_string)),
        ];
        out.extend(optional.into_iter().filter_map(|(k, v)| v.map(|v| (k, v))));
        out
    }
}

/// The patches that turn an element saying `old` into one saying `new`.
pub fn diff(old: &MarkState, new: &MarkState) -> Vec<Patch> {
    let mut out = Vec::new();
    let mut attr = |name: &'static str, a: Option<&str>, b: Option<&str>| {
        if a != b {
            out.push(Patch::Attr(name, b.map(str::to_string)));
        }
    };
    attr("class", Some(&old.class), Some(&new.class));
    attr("style", Some(&old.style), Some(&new.style));
    attr("data-idx", old.idx.as_deref(), new.idx.as_deref());
    attr("data-span", old.span.as_deref(), new.span.as_deref());
    attr("data-testid", old.testid, new.testid);
    attr("aria-label", old.name.as_deref(), new.name.as_deref());
    let current = |on: bool| on.then_some("true");
    attr("aria-current", current(old.current), current(new.current));
    attr("title", old.title.as_deref(), new.title.as_deref());
    if old.label != new.label {
        out.push(Patch::Label(new.label.clone()));
    }
    if old.count != new.count
        && let Some(c) = &new.count
    {
        out.push(Patch::Count(c.clone()));
    }
    out
}

/// The DOM as the reconciler sees it: elements made from one of two templates (an event's button
/// with its body, or a cluster's button with its count), patched, and placed in one container.
pub trait MarkDom {
    /// An element.
    type El: Clone + PartialEq;
    /// A new, detached element of the cluster template (`cluster`) or the event one (`None`
    /// if the DOM cannot make one; the mark is then left out rather than the app stopped).
    fn create(&mut self, cluster: bool) -> Option<Self::El>;
    /// Applies one patch.
    fn patch(&mut self, el: &Self::El, patch: &Patch);
    /// Takes the element out of the container.
    fn detach(&mut self, el: &Self::El);
    /// Puts the element before `before` in the container (at the end for `None`), moving it if
    /// it is already there.
    fn insert_before(&mut self, el: &Self::El, before: Option<&Self::El>);
}

/// What decided a live mark's state last time, so an unchanged mark costs nothing.
#[derive(Debug, Clone, PartialEq)]
struct Key {
    view: MarkView,
    selected: bool,
    hit: bool,
    titled: bool,
    generation: u64,
    px_per_day: f64,
}

struct Entry<E> {
    el: E,
    state: MarkState,
    /// What its state was rendered from; `None` for an element just taken from a pool or made,
    /// whose state (if any) belongs to another mark and maybe another language.
    key: Option<Key>,
    content: Option<ItemContent>,
}

/// One lane's marks: which element draws which mark, the pools, the order.
pub struct Reconciler<E> {
    live: HashMap<u64, Entry<E>>,
    /// Identities of the live marks, in their DOM order.
    order: Vec<u64>,
    items: Vec<(E, MarkState)>,
    clusters: Vec<(E, MarkState)>,
    /// Marks whose tooltip has been asked for.
    titled: std::collections::HashSet<u64>,
}

impl<E> Default for Reconciler<E> {
    fn default() -> Self {
        Self {
            live: HashMap::new(),
            order: Vec::new(),
            items: Vec::new(),
            clusters: Vec::new(),
            titled: Default::default(),
        }
    }
}

/// What one update did, for tests and benchmarks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Stats {
    /// Elements created.
    pub created: usize,
    /// Elements taken from a pool.
    pub reused: usize,
    /// Live marks patched (moved, restyled or re-labelled).
    pub patched: usize,
    /// Marks that left the lane.
    pub recycled: usize,
    /// Elements moved to keep time order.
    pub reordered: usize,
}

impl<E: Clone + PartialEq> Reconciler<E> {
    /// Draws `marks` (in time order), reusing what is already drawn.
    pub fn update<D: MarkDom<El = E>>(
        &mut self,
        dom: &mut D,
        marks: &[MarkView],
        inputs: &Inputs<'_>,
    ) -> Stats {
        let mut stats = Stats::default();
        let mut live = HashMap::with_capacity(marks.len());
        for m in marks {
            let id = m.identity();
            let key = Key {
                view: m.clone(),
                selected: m.event().is_some() && m.event() == inputs.selected,
                hit: m.event().is_some_and(|i| (inputs.is_hit)(i)),
                titled: self.titled.contains(&id),
                generation: inputs.generation,
                px_per_day: inputs.px_per_day,
            };
            let cluster = m.event().is_none();
            let mut entry = match self.live.remove(&id) {
                // The same template: keep the element (a cluster that became an event, or the
                // reverse, has another identity anyway).
                Some(e) if e.key.as_ref() == Some(&key) => {
                    live.insert(id, e);
                    continue;
                }
                Some(e) => e,
                None => {
                    let pool = if cluster {
                        &mut self.clusters
                    } else {
                        &mut self.items
                    };
                    let (el, state) = match pool.pop() {
                        Some(reused) => {
                            stats.reused += 1;
                            reused
                        }
                        None => {
                            let Some(el) = dom.create(cluster) else {
                                continue;
                            };
                            stats.created += 1;
                            (el, MarkState::default())
                        }
                    };
                    Entry {
                        el,
                        state,
                        key: None,
                        content: None,
                    }
                }
            };
            // Text rendered in another language (or for another mark) is not reused.
            let same_text = entry
                .key
                .as_ref()
                .is_some_and(|k| k.generation == key.generation);
            if !same_text {
                entry.content = None;
            }
            let new = match m.kind {
                MarkKind::Item(i) => {
                    let idx = EventIdx(i);
                    let c = entry.content.get_or_insert_with(|| (inputs.content)(idx));
                    item_state(m, key.px_per_day, c, idx, key.selected, key.hit, key.titled)
                }
                MarkKind::Cluster { count, .. } => {
                    let name: Rc<str> = match &entry.state.name {
                        Some(n) if same_text && entry.state.count == Some(count.to_string()) => {
                            n.clone()
                        }
                        _ => (inputs.cluster_name)(count).into(),
                    };
                    cluster_state(m, key.px_per_day, count, name, key.titled)
                }
            };
            for p in diff(&entry.state, &new) {
                dom.patch(&entry.el, &p);
            }
            stats.patched += 1;
            entry.state = new;
            entry.key = Some(key);
            live.insert(id, entry);
        }
        // What is no longer drawn leaves the page; its element waits in a pool.
        for (id, e) in self.live.drain() {
            dom.detach(&e.el);
            self.titled.remove(&id);
            stats.recycled += 1;
            let pool = if e.state.count.is_some() {
                &mut self.clusters
            } else {
                &mut self.items
            };
            if pool.len() < POOL_MAX {
                pool.push((e.el, e.state));
            }
        }
        self.live = live;
        // DOM order = time order within the lane.
        let wanted: Vec<u64> = marks
            .iter()
            .map(MarkView::identity)
            .filter(|id| self.live.contains_key(id))
            .collect();
        self.order.retain(|id| self.live.contains_key(id));
        for (i, &id) in wanted.iter().enumerate() {
            if self.order.get(i) == Some(&id) {
                continue;
            }
            if let Some(j) = self.order[i..].iter().position(|&x| x == id) {
                self.order.remove(i + j);
            }
            let before = self.order.get(i).map(|b| &self.live[b].el);
            dom.insert_before(&self.live[&id].el, before);
            self.order.insert(i, id);
            stats.reordered += 1;
        }
        stats
    }

    /// Gives the mark drawn by `el` its tooltip (its name), from now until it leaves.
    pub fn show_tooltip<D: MarkDom<El = E>>(&mut self, dom: &mut D, el: &E) {
        let Some((&id, e)) = self.live.iter_mut().find(|(_, e)| e.el == *el) else {
            return;
        };
        if !self.titled.insert(id) {
            return;
        }
        let mut new = e.state.clone();
        new.title = new.name.clone();
        for p in diff(&e.state, &new) {
            dom.patch(&e.el, &p);
        }
        e.state = new;
        if let Some(k) = &mut e.key {
            k.titled = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, HashSet};

    use super::*;
    use crate::model::dataset::Dataset;
    use crate::model::labels::{event_label, mark_classes, mark_name};
    use crate::model::text::Lang;
    use crate::model::timeline::Timeline;
    use crate::model::viewport::Viewport;
    use crate::model::{load, synthetic};

    /// A DOM in memory: elements with their attributes and children, and one container.
    #[derive(Default)]
    struct FakeDom {
        els: Vec<FakeEl>,
        container: Vec<usize>,
    }

    #[derive(Default, Debug, Clone)]
    struct FakeEl {
        cluster: bool,
        attrs: BTreeMap<&'static str, String>,
        label: Option<(String, String)>,
        count: Option<String>,
    }

    impl MarkDom for FakeDom {
        type El = usize;
        fn create(&mut self, cluster: bool) -> Option<usize> {
            self.els.push(FakeEl {
                cluster,
                ..FakeEl::default()
            });
            Some(self.els.len() - 1)
        }
        fn patch(&mut self, el: &usize, patch: &Patch) {
            let e = &mut self.els[*el];
            match patch {
                Patch::Attr(name, Some(v)) => {
                    e.attrs.insert(name, v.clone());
                }
                Patch::Attr(name, None) => {
                    e.attrs.remove(name);
                }
                Patch::Label(l) => {
                    e.label = l.as_ref().map(|l| (l.text.to_string(), l.style.clone()));
                }
                Patch::Count(c) => e.count = Some(c.clone()),
            }
        }
        fn detach(&mut self, el: &usize) {
            self.container.retain(|x| x != el);
        }
        fn insert_before(&mut self, el: &usize, before: Option<&usize>) {
            self.container.retain(|x| x != el);
            let at = before
                .and_then(|b| self.container.iter().position(|x| x == b))
                .unwrap_or(self.container.len());
            self.container.insert(at, *el);
        }
    }

    struct World {
        d: Dataset,
        t: Timeline,
        lang: Lang,
    }

    impl World {
        fn content(&self, i: EventIdx) -> ItemContent {
            let e = self.d.event(i).unwrap();
            let label = event_label(e, self.lang);
            ItemContent {
                class: mark_classes(e),
                testid: if e.lane == "commission" {
                    "session"
                } else {
                    "event"
                },
                name: mark_name(e, &label, self.lang).into(),
                label: label.into(),
            }
        }
    }

    fn shipped() -> World {
        let d = load(include_bytes!("../../../public/data/cooperation.json")).unwrap();
        let t = Timeline::build(&d, Lang::En, 0.0, |_| true);
        World {
            d,
            t,
            lang: Lang::En,
        }
    }

    /// Every element in the container says exactly what a fresh render of its mark says — no
    /// attribute left over from an earlier mark — and stands in time order, once.
    fn check(
        dom: &FakeDom,
        marks: &[MarkView],
        w: &World,
        inputs: &Inputs<'_>,
        titled: &HashSet<u64>,
    ) {
        assert_eq!(dom.container.len(), marks.len(), "one element per mark");
        let mut seen = HashSet::new();
        for (el, m) in dom.container.iter().zip(marks) {
            let e = &dom.els[*el];
            let want = match m.kind {
                MarkKind::Item(i) => {
                    let idx = EventIdx(i);
                    let c = w.content(idx);
                    assert!(!e.cluster, "an event drawn with the cluster template");
                    item_state(
                        m,
                        inputs.px_per_day,
                        &c,
                        idx,
                        inputs.selected == Some(idx),
                        (inputs.is_hit)(idx),
                        titled.contains(&m.identity()),
                    )
                }
                MarkKind::Cluster { count, .. } => {
                    assert!(e.cluster);
                    cluster_state(
                        m,
                        inputs.px_per_day,
                        count,
                        (inputs.cluster_name)(count).into(),
                        false,
                    )
                }
            };
            let attrs: BTreeMap<&str, String> = want.attributes().into_iter().collect();
            assert_eq!(e.attrs, attrs, "stale or missing attributes on {m:?}");
            assert_eq!(
                e.label,
                want.label.map(|l| (l.text.to_string(), l.style)),
                "label of {m:?}"
            );
            if let Some(c) = want.count {
                assert_eq!(e.count.as_deref(), Some(c.as_str()));
            }
            if let Some(idx) = e.attrs.get("data-idx") {
                assert!(seen.insert(idx.clone()), "data-idx {idx} twice");
            }
        }
    }

    fn no_hits(_: EventIdx) -> bool {
        false
    }

    fn cluster_name(n: u32) -> String {
        format!("{n} events")
    }

    /// Inputs with no selection and no highlight (the other fields set by the caller).
    fn plain<'a>(content: &'a dyn Fn(EventIdx) -> ItemContent, generation: u64) -> Inputs<'a> {
        Inputs {
            content,
            cluster_name: &cluster_name,
            selected: None,
            is_hit: &no_hits,
            generation,
            px_per_day: 1.0,
        }
    }

    #[test]
    fn forty_zoom_notches_leave_no_stale_attribute_no_duplicate_and_time_order() {
        for w in [shipped(), {
            let d = synthetic::generate(5_000, 3);
            let t = Timeline::build(&d, Lang::En, 0.0, |_| true);
            World {
                d,
                t,
                lang: Lang::En,
            }
        }] {
            let content = |i| w.content(i);
            // Highlight every third event, select one, so reused elements carry classes and
            // aria-current that must not leak to the next mark.
            let is_hit = |i: EventIdx| i.0.is_multiple_of(3);
            let selected = w.d.event_idx("cmm-22").or(Some(EventIdx(7)));
            let inputs = Inputs {
                selected,
                is_hit: &is_hit,
                ..plain(&content, 0)
            };
            let mut v = Viewport::fit(w.t.bounds, 1_200.0);
            let mut layers: Vec<(Reconciler<usize>, FakeDom)> =
                w.t.lanes.iter().map(|_| Default::default()).collect();
            let mut reused = 0;
            for notch in 0..80 {
                // In for forty notches around a busy point, then out again.
                let factor = if notch < 40 { 1.25 } else { 0.8 };
                v.zoom_at(600.0 + (notch as f64 * 37.0) % 300.0, factor);
                let f = w.t.frame(&v, Lang::En, 0.0);
                let inputs = Inputs {
                    px_per_day: f.px_per_day,
                    ..inputs
                };
                for ((r, dom), marks) in layers.iter_mut().zip(&f.lanes) {
                    let stats = r.update(dom, marks, &inputs);
                    reused += stats.reused;
                    check(dom, marks, &w, &inputs, &HashSet::new());
                }
            }
            assert!(reused > 0, "the pools were exercised");
        }
    }

    #[test]
    fn an_unchanged_frame_patches_nothing_and_a_pan_patches_only_what_moved() {
        let w = shipped();
        let content = |i| w.content(i);
        let inputs = plain(&content, 0);
        let mut v = Viewport::fit(w.t.bounds, 1_200.0);
        v.zoom_center(3.0);
        let a = w.t.frame(&v, Lang::En, 0.0);
        let (mut r, mut dom) = (Reconciler::default(), FakeDom::default());
        let first = r.update(&mut dom, &a.lanes[1], &inputs);
        assert_eq!(first.created, a.lanes[1].len());
        let again = r.update(&mut dom, &a.lanes[1], &inputs);
        assert_eq!(again, Stats::default(), "nothing to do");
        // A pan keeps the scale and moves the world, so it changes only the marks the layout
        // changed (those that entered, left or changed row); all others cost nothing.
        v.pan_px(40.0);
        let b = w.t.frame(&v, Lang::En, 0.0);
        let changed = b.lanes[1]
            .iter()
            .filter(|m| !a.lanes[1].contains(m))
            .count();
        assert!(
            changed < b.lanes[1].len(),
            "most marks are unchanged by a small pan"
        );
        let panned = r.update(&mut dom, &b.lanes[1], &inputs);
        assert_eq!(panned.patched, changed);
        check(&dom, &b.lanes[1], &w, &inputs, &HashSet::new());
    }

    #[test]
    fn selection_and_highlight_move_with_one_patch_each() {
        let w = shipped();
        let content = |i| w.content(i);
        let mut v = Viewport::fit(w.t.bounds, 1_200.0);
        let s22 = w.d.event_idx("cmm-22").unwrap();
        let s23 = w.d.event_idx("cmm-23").unwrap();
        w.t.bring_into_view(&mut v, s22);
        v.zoom_center(0.5);
        let f = w.t.frame(&v, Lang::En, 0.0);
        let marks = &f.lanes[0];
        assert!(marks.iter().any(|m| m.event() == Some(s22)));
        assert!(marks.iter().any(|m| m.event() == Some(s23)));
        let (mut r, mut dom) = (Reconciler::default(), FakeDom::default());
        let select = |s| Inputs {
            selected: Some(s),
            ..plain(&content, 0)
        };
        r.update(&mut dom, marks, &select(s22));
        check(&dom, marks, &w, &select(s22), &HashSet::new());
        let moved = r.update(&mut dom, marks, &select(s23));
        assert_eq!(moved.patched, 2, "the old and the new selection only");
        check(&dom, marks, &w, &select(s23), &HashSet::new());
        let current: Vec<&String> = dom
            .els
            .iter()
            .filter_map(|e| e.attrs.get("aria-current"))
            .collect();
        assert_eq!(current.len(), 1, "one aria-current");
        let hit = |i: EventIdx| i == s22;
        let with_hit = Inputs {
            is_hit: &hit,
            ..select(s23)
        };
        assert_eq!(r.update(&mut dom, marks, &with_hit).patched, 1);
        let el = dom
            .container
            .iter()
            .find(|&&e| dom.els[e].attrs.get("data-idx") == Some(&s22.to_string()))
            .unwrap();
        assert!(
            dom.els[*el].attrs["class"]
                .split(' ')
                .any(|c| c == "mark--hit")
        );
    }

    #[test]
    fn a_new_language_rewrites_every_name_and_a_tooltip_lasts_until_the_mark_leaves() {
        let mut w = shipped();
        let v = Viewport::fit(w.t.bounds, 1_200.0);
        let f = w.t.frame(&v, Lang::En, 0.0);
        // A lane with clusters as well as events.
        let marks = f
            .lanes
            .iter()
            .find(|l| {
                l.iter().any(|m| m.event().is_none()) && l.iter().any(|m| m.event().is_some())
            })
            .expect("a lane with both")
            .clone();
        let (mut r, mut dom) = (Reconciler::default(), FakeDom::default());
        {
            let content = |i| w.content(i);
            let inputs = plain(&content, 0);
            r.update(&mut dom, &marks, &inputs);
            let el = dom.container[0];
            r.show_tooltip(&mut dom, &el);
            assert!(dom.els[el].attrs.contains_key("title"));
            let titled: HashSet<u64> = [marks[0].identity()].into();
            check(&dom, &marks, &w, &inputs, &titled);
            // Leaving and coming back: the tooltip is gone (it is set again on hover).
            r.update(&mut dom, &[], &inputs);
            r.update(&mut dom, &marks, &inputs);
            check(&dom, &marks, &w, &inputs, &HashSet::new());
        }
        w.lang = Lang::Fr;
        let content = |i| w.content(i);
        let en_clusters = |n: u32| format!("{n} events");
        let fr_clusters = |n: u32| format!("{n} événements");
        let inputs = Inputs {
            cluster_name: &fr_clusters,
            ..plain(&content, 1)
        };
        r.update(&mut dom, &marks, &inputs);
        check(&dom, &marks, &w, &inputs, &HashSet::new());
        // Back to English with every element recycled first: elements from the pool carry French
        // names that must not survive, clusters' included.
        w.lang = Lang::En;
        let content = |i| w.content(i);
        let english = Inputs {
            cluster_name: &en_clusters,
            ..plain(&content, 2)
        };
        r.update(&mut dom, &[], &english);
        r.update(&mut dom, &marks, &english);
        check(&dom, &marks, &w, &english, &HashSet::new());
    }

    #[test]
    fn diff_removes_what_the_new_state_lacks() {
        let old = MarkState {
            class: "mark a".into(),
            style: "left: 1px".into(),
            idx: Some("3".into()),
            testid: Some("event"),
            name: Some("old".into()),
            current: true,
            title: Some("old".into()),
            label: Some(LabelState {
                text: "x".into(),
                style: "width: 10px".into(),
            }),
            ..MarkState::default()
        };
        let new = MarkState {
            class: "mark mark--cluster".into(),
            style: "left: 2px".into(),
            span: Some("1 2".into()),
            testid: Some("cluster"),
            name: Some("2 events".into()),
            count: Some("2".into()),
            ..MarkState::default()
        };
        let patches = diff(&old, &new);
        for removed in ["data-idx", "aria-current", "title"] {
            assert!(
                patches.contains(&Patch::Attr(removed, None)),
                "{removed}: {patches:?}"
            );
        }
        assert!(patches.contains(&Patch::Label(None)));
        assert!(patches.contains(&Patch::Count("2".into())));
        assert!(diff(&new, &new).is_empty());
    }
}
