//! Level of detail for one lane of the timeline: which events are drawn, which are merged into
//! clusters, in which row each goes, and where its label sits — for the current viewport.
//!
//! The cost follows what is on screen, not the size of the data. Items are indexed once by their
//! midpoint; each frame cuts the visible window (plus a margin) into bins about one marker wide,
//! aligned to absolute time so that panning does not reshuffle them, and counts each bin with two
//! binary searches. A bin holding one item draws the item; a bin holding more draws one cluster,
//! except for members drawn wider than a cluster bubble, which stay bars (found by a descent of a
//! tree of span lengths, so the cost follows how many there are) — unless a bin holds more of
//! them than could be told apart, when the bin is one cluster over the stretch its members lie
//! in. Items whose midpoint lies beyond the bins but whose span reaches into the window are found
//! with the same tree, one query per doubling of the distance (the further, the longer they must
//! be). Rows are then assigned greedily so that no two footprints (marker or bar plus its label)
//! in a row overlap: a label that cannot be placed is hidden, never drawn over another; the
//! bodies that find no free row are merged with each other where they overlap, and drawn over
//! the rows. So the work of a
//! frame, and the number of marks, are bounded by the screen, whatever the number of events
//! ([`Work`] counts it, for the tests).

use super::date::Day;
use super::viewport::Viewport;

/// Row assignment starts at a multiple of this many bins (see `layout_lane`); one more page of
/// bins is counted on each side of the window, beyond which only long items can reach in.
const PAGE: i64 = 16;
/// Bins with at most this many members are looked into, to draw their wide bars as bars.
const FEW: usize = 8;

/// One event as the layout sees it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Item {
    /// Index of the event in the dataset (or in whatever list the caller keeps).
    pub idx: u32,
    /// Start on the time axis.
    pub start: Day,
    /// End on the time axis (exclusive; at least `start`).
    pub end: Day,
    /// Width of its label in pixels.
    pub label_px: f32,
}

impl Item {
    fn mid(&self) -> Day {
        (self.start + self.end) / 2.0
    }
}

/// The items of one lane, indexed for fast windowed queries.
#[derive(Debug, Clone, Default)]
pub struct LaneIndex {
    /// Items sorted by midpoint.
    items: Vec<Item>,
    /// Their midpoints, for binary search.
    mids: Vec<Day>,
    /// Span lengths as a max segment tree over `items`: leaves at `[size, 2 * size)`, where
    /// `size` is `items.len()` rounded up to a power of two; node `k` holds the longest span of
    /// its two children.
    longest: Vec<Day>,
}

impl LaneIndex {
    /// Indexes the items of a lane (in any order).
    pub fn new(mut items: Vec<Item>) -> Self {
        for it in &mut items {
            // Also catches a NaN end, which `max` would not.
            if it.end.partial_cmp(&it.start) != Some(std::cmp::Ordering::Greater) {
                it.end = it.start;
            }
        }
        // Total order (the index breaks ties): unstable gives the same order, with less code.
        items.sort_unstable_by(|a, b| a.mid().total_cmp(&b.mid()).then(a.idx.cmp(&b.idx)));
        let mids = items.iter().map(Item::mid).collect();
        let size = items.len().next_power_of_two();
        let mut longest = vec![0.0; 2 * size];
        for (leaf, it) in longest[size..].iter_mut().zip(&items) {
            *leaf = it.end - it.start;
        }
        for k in (1..size).rev() {
            longest[k] = longest[2 * k].max(longest[2 * k + 1]);
        }
        Self {
            items,
            mids,
            longest,
        }
    }

    /// Number of items.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether the lane is empty.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The items in midpoint order.
    pub fn items(&self) -> &[Item] {
        &self.items
    }

    /// How many items have their midpoint in `[t0, t1)`.
    fn count(&self, t0: Day, t1: Day) -> (usize, usize) {
        let lo = self.mids.partition_point(|&m| m < t0);
        let hi = self.mids.partition_point(|&m| m < t1);
        (lo, hi)
    }

    /// Pushes onto `out`, in order, the positions in `lo..hi` of the items longer than `days`,
    /// stopping once `out` holds `cap`. Visits O((k + 1) log n) nodes for k items found.
    fn longer_than(&self, lo: usize, hi: usize, days: Day, cap: usize, out: &mut Vec<usize>) {
        self.longer_below(1, 0, self.longest.len() / 2, (lo, hi, days, cap), out);
    }

    /// `longer_than` within node `k`, which covers the `n` leaves from `first`.
    fn longer_below(
        &self,
        k: usize,
        first: usize,
        n: usize,
        (lo, hi, days, cap): (usize, usize, Day, usize),
        out: &mut Vec<usize>,
    ) {
        // Also prunes a NaN length.
        let longer = self.longest[k].partial_cmp(&days) == Some(std::cmp::Ordering::Greater);
        if first >= hi || first + n <= lo || !longer || out.len() >= cap {
            return;
        }
        if n == 1 {
            out.push(first);
        } else {
            self.longer_below(2 * k, first, n / 2, (lo, hi, days, cap), out);
            self.longer_below(2 * k + 1, first + n / 2, n / 2, (lo, hi, days, cap), out);
        }
    }

    /// The longest span among the items at positions `lo..hi` (0 for none).
    fn longest_in(&self, lo: usize, hi: usize) -> Day {
        let size = self.longest.len() / 2;
        let (mut l, mut r) = (lo + size, hi.min(size) + size);
        let mut best: Day = 0.0;
        while l < r {
            if l % 2 == 1 {
                best = best.max(self.longest[l]);
                l += 1;
            }
            if r % 2 == 1 {
                r -= 1;
                best = best.max(self.longest[r]);
            }
            l /= 2;
            r /= 2;
        }
        best
    }
}

/// Geometry settings of the layout, in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// Markers closer than this merge into a cluster; also the cluster bubble's width.
    pub cluster_px: f64,
    /// Diameter of a point marker.
    pub marker_px: f64,
    /// Free space kept between footprints in a row.
    pub gap_px: f64,
    /// Rows available in the lane.
    pub max_rows: usize,
    /// Extra width laid out beyond each edge: a mark whose label starts just off screen keeps
    /// its element while a pan brings it in.
    pub margin_px: f64,
    /// Average width of a label character at this lane's font size.
    pub px_per_char: f64,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            cluster_px: 28.0,
            marker_px: 14.0,
            gap_px: 8.0,
            max_rows: 3,
            margin_px: 40.0,
            px_per_char: 6.8,
        }
    }
}

/// What a mark stands for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum MarkKind {
    /// One item (its `idx`).
    Item(u32),
    /// Several items merged.
    Cluster {
        /// How many.
        count: u32,
        /// Its first member (in time order): a stable identity while zooming, since a cluster
        /// that splits or merges keeps its first member on the left.
        first: u32,
    },
}

/// One drawn mark.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mark {
    /// What it is.
    pub kind: MarkKind,
    /// Start of the time span it covers (an item's span, or the span its members lie in).
    pub t0: Day,
    /// End of that span.
    pub t1: Day,
    /// The time under the centre of the body (exact, so that it is the same from frame to frame).
    pub center_t: Day,
    /// The midpoint of its first member (its own, for an item): what orders clusters that merge.
    pub first_t: Day,
    /// Left edge of its body (marker, bar or bubble), in viewport pixels.
    pub x0: f64,
    /// Right edge of its body.
    pub x1: f64,
    /// Its row in the lane (0 at the top).
    pub row: usize,
    /// The label box `[left, right]`, or `None` when the label is hidden (no room) or a cluster.
    pub label: Option<(f64, f64)>,
    /// Where a cluster's number is centred, in viewport pixels: the middle of the body, unless
    /// that is off screen or under a mark drawn after it ([`place_counts`]). An item's is the
    /// middle of its body.
    pub count_x: f64,
}

impl Mark {
    /// The x extent the mark reserves in its row (body plus label).
    pub fn footprint(&self) -> (f64, f64) {
        match self.label {
            Some((l0, l1)) => (self.x0.min(l0), self.x1.max(l1)),
            None => (self.x0, self.x1),
        }
    }

    /// The centre of the body.
    pub fn center(&self) -> f64 {
        (self.x0 + self.x1) / 2.0
    }
}

/// The bin size (days) for this zoom: the smallest power of two at least one cluster width.
pub fn bin_days(v: &Viewport, o: &Options) -> Day {
    let raw = o.cluster_px / v.px_per_day();
    2f64.powi(raw.log2().ceil().clamp(-10.0, 40.0) as i32)
}

/// Lays out one lane for viewport `v`.
pub fn layout_lane(lane: &LaneIndex, v: &Viewport, o: &Options) -> Vec<Mark> {
    layout_lane_counted(lane, v, o).0
}

/// What laying out one lane took, counted in the operations that cost: bins counted (two binary
/// searches each), marks considered before merging and culling, and queries of the span tree for
/// items reaching in from beyond the bins. None of them grows with the number of events off
/// screen; the tests hold them to what the screen can show.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Work {
    /// Bins counted.
    pub bins: usize,
    /// Marks considered (items, bars and clusters) before merging and culling.
    pub candidates: usize,
    /// Queries for items reaching in from beyond the bins.
    pub reach_queries: usize,
}

/// [`layout_lane`], with what it took.
pub fn layout_lane_counted(lane: &LaneIndex, v: &Viewport, o: &Options) -> (Vec<Mark>, Work) {
    let mut work = Work::default();
    // `()` tracks nothing, so this is the layout alone (and the collect reuses the allocation).
    let marks = layout_tracked::<()>(lane, v, o, &mut work)
        .into_iter()
        .map(|(m, ())| m)
        .collect();
    (marks, work)
}

/// What the layout carries along with each mark: nothing (`()`) when drawing; the members' `idx`
/// in tests, to check that every item is drawn or counted exactly once.
trait Members: Sized {
    /// One item.
    fn one(idx: u32) -> Self;
    /// The members of a new cluster. Implementations that track nothing must not iterate it,
    /// so that a cluster costs the same whatever its size.
    fn of(members: impl Iterator<Item = u32>) -> Self;
    /// Adds the members of a mark merged into this one.
    fn join(&mut self, other: Self);
}

impl Members for () {
    fn one(_: u32) -> Self {}
    fn of(_: impl Iterator<Item = u32>) -> Self {}
    fn join(&mut self, (): Self) {}
}

fn layout_tracked<M: Members>(
    lane: &LaneIndex,
    v: &Viewport,
    o: &Options,
    work: &mut Work,
) -> Vec<(Mark, M)> {
    if lane.is_empty() {
        return Vec::new();
    }
    let ppd = v.px_per_day();
    let bin = bin_days(v, o);
    let w0 = v.start() - o.margin_px / ppd;
    let w1 = v.end() + o.margin_px / ppd;
    // Rows are assigned left to right, so where the pass starts decides them. Starting at a
    // boundary aligned to PAGE bins (not at the culling edge) keeps every row unchanged while
    // panning within a page: marks do not hop between rows as the view moves. A page more on
    // each side catches the short items that reach in from just beyond the edges; the result is
    // culled to the window below.
    let first_bin = (w0 / bin / PAGE as f64).floor() as i64 * PAGE - PAGE;
    let last_bin = (w1 / bin).ceil() as i64 + PAGE;
    // Items longer than this are drawn wider than a cluster bubble: they are not merged into a
    // bubble (here as in `merge_colliding`), since a bubble at their middle would misplace them —
    // and lose them altogether when that middle is beyond the culling margin but the bar is not.
    // Only when bars crowd (a bin with more of them than rows, or rows run out) do they merge,
    // into a cluster drawn over them all.
    let wide_days = o.cluster_px / ppd;
    // At the deepest zoom nothing is merged: a cluster is a promise that zooming in separates
    // its members, and there is no zooming in left. Events on the same day are then drawn side by
    // side in rows, each its own focusable mark, rather than hidden in a bubble for good.
    let merge = v.can_zoom_in();

    let mut candidates: Vec<(Mark, M)> = Vec::new();
    let single = |it: &Item| (item_mark(it, v, o), M::one(it.idx));
    let mut wide: Vec<usize> = Vec::new();
    work.bins += usize::try_from(last_bin - first_bin).unwrap_or(0);
    for b in first_bin..last_bin {
        let (t0, t1) = (b as f64 * bin, (b + 1) as f64 * bin);
        let (lo, hi) = lane.count(t0, t1);
        // A bin with few members is resolved exactly: wide bars are drawn as bars (and stacked),
        // narrow items stay single unless they really collide — the merge pass below joins
        // those. Looking at members is bounded by FEW, so the cost stays per bin.
        if hi - lo <= FEW || !merge {
            candidates.extend(lane.items[lo..hi].iter().map(single));
            continue;
        }
        // A crowded bin: its wide members are drawn as bars, the others merged into one bubble.
        wide.clear();
        lane.longer_than(lo, hi, wide_days, FEW + 1, &mut wide);
        if wide.len() > FEW {
            // More bars than rows could show apart, all with their middle in one marker's width:
            // the bin is one cluster, drawn over the stretch its members lie in (their middles
            // are in the bin, and none is longer than the longest).
            let half = lane.longest_in(lo, hi) / 2.0;
            let (s0, s1) = (t0 - half, t1 + half);
            let mark = Mark {
                kind: MarkKind::Cluster {
                    count: (hi - lo) as u32,
                    first: lane.items[lo].idx,
                },
                t0: s0,
                t1: s1,
                center_t: (s0 + s1) / 2.0,
                first_t: lane.mids[lo],
                x0: v.x(s0),
                x1: v.x(s1),
                row: 0,
                label: None,
                count_x: (v.x(s0) + v.x(s1)) / 2.0,
            };
            candidates.push((mark, M::of(lane.items[lo..hi].iter().map(|it| it.idx))));
            continue;
        }
        candidates.extend(wide.iter().map(|&i| single(&lane.items[i])));
        let mut narrow = (lo..hi).filter(|i| wide.binary_search(i).is_err());
        let n = hi - lo - wide.len();
        if n < 2 {
            candidates.extend(narrow.map(|i| single(&lane.items[i])));
            continue;
        }
        let first = narrow.next().unwrap_or(lo);
        let c = v.x((t0 + t1) / 2.0);
        let (x0, x1) = (c - o.cluster_px / 2.0, c + o.cluster_px / 2.0);
        let mark = Mark {
            kind: MarkKind::Cluster {
                count: n as u32,
                first: lane.items[first].idx,
            },
            t0,
            t1,
            center_t: (t0 + t1) / 2.0,
            first_t: lane.mids[first],
            x0,
            x1,
            row: 0,
            label: None,
            count_x: (x0 + x1) / 2.0,
        };
        let members = M::of(
            (lo..hi)
                .filter(|i| wide.binary_search(i).is_err())
                .map(|i| lane.items[i].idx),
        );
        candidates.push((mark, members));
    }
    // Items whose midpoint is beyond the bins but whose body reaches into the window.
    let (bw0, bw1) = (first_bin as f64 * bin, last_bin as f64 * bin);
    let reaches = |it: &Item| it.end > w0 && it.start < w1;
    let mut found: Vec<usize> = Vec::new();
    for before in [true, false] {
        // A zone of midpoints from `dist` to `2 dist` beyond the window's edge holds only items
        // longer than `2 dist` that can reach it; the zones double until the lane ends.
        let mut dist = if before { w0 - bw0 } else { bw1 - w1 }.max(bin);
        let mut near = if before { bw0 } else { bw1 };
        for _ in 0..64 {
            let far = if before {
                w0 - 2.0 * dist
            } else {
                w1 + 2.0 * dist
            };
            let (lo, hi) = if before {
                lane.count(far, near)
            } else {
                lane.count(near, far)
            };
            found.clear();
            lane.longer_than(lo, hi, 2.0 * dist, usize::MAX, &mut found);
            work.reach_queries += 1;
            candidates.extend(
                found
                    .iter()
                    .map(|&i| &lane.items[i])
                    .filter(|it| reaches(it))
                    .map(single),
            );
            if (before && lo == 0) || (!before && hi == lane.len()) {
                break;
            }
            near = far;
            dist *= 2.0;
        }
    }
    work.candidates += candidates.len();
    candidates.sort_by(|a, b| a.0.center().total_cmp(&b.0.center()));
    let mut merged = if merge {
        merge_colliding(candidates, o)
    } else {
        candidates
    };
    // `assign_rows` sorts by the same key, stably: this order is the one it keeps.
    merged.sort_by(|a, b| a.0.footprint().0.total_cmp(&b.0.footprint().0));
    let (marks, members): (Vec<Mark>, Vec<M>) = merged.into_iter().unzip();
    let placed: Vec<(Mark, M)> = assign_rows(marks, o).into_iter().zip(members).collect();
    let placed = if merge {
        merge_covered(placed, v, o)
    } else {
        placed
    };
    let (left_edge, right_edge) = (-o.margin_px, v.width() + o.margin_px);
    placed
        .into_iter()
        .filter(|(m, _)| m.footprint().1 >= left_edge && m.x0 <= right_edge)
        .collect()
}

/// The mark of one item drawn alone in `v`, in row 0 with its label: a point marker centred on
/// its span when the span is narrower than a marker, else a bar over it. (The picture of a
/// window, [`super::picture`], draws every event this way, so it looks like the view.)
pub fn item_mark(it: &Item, v: &Viewport, o: &Options) -> Mark {
    let x0 = v.x(it.start);
    let x1 = v.x(it.end).max(x0);
    let (x0, x1) = if x1 - x0 < o.marker_px {
        let c = (x0 + x1) / 2.0;
        (c - o.marker_px / 2.0, c + o.marker_px / 2.0)
    } else {
        (x0, x1)
    };
    Mark {
        kind: MarkKind::Item(it.idx),
        t0: it.start,
        t1: it.end,
        center_t: it.mid(),
        first_t: it.mid(),
        x0,
        x1,
        row: 0,
        label: Some((x0, x0 + f64::from(it.label_px))),
        count_x: (x0 + x1) / 2.0,
    }
}

fn is_pointlike(m: &Mark, o: &Options) -> bool {
    m.x1 - m.x0 <= o.cluster_px
}

/// The first member of a mark, as (its midpoint, its index): the earlier of two is the first of
/// the cluster they merge into.
fn first_of(m: &Mark) -> (Day, u32) {
    match m.kind {
        MarkKind::Cluster { first, .. } | MarkKind::Item(first) => (m.first_t, first),
    }
}

/// The cluster of two marks merged: it counts both, covers both bodies, and keeps the earlier
/// first member. `center_t` is the time under the middle of its body.
fn joined(a: &Mark, b: &Mark, x0: f64, x1: f64, center_t: Day) -> Mark {
    let (fa, fb) = (first_of(a), first_of(b));
    let (first_t, first) = if fb.0.total_cmp(&fa.0).then(fb.1.cmp(&fa.1)).is_lt() {
        fb
    } else {
        fa
    };
    Mark {
        kind: MarkKind::Cluster {
            count: member_count(&a.kind) + member_count(&b.kind),
            first,
        },
        t0: a.t0.min(b.t0),
        t1: a.t1.max(b.t1),
        center_t,
        first_t,
        x0,
        x1,
        row: a.row,
        label: None,
        count_x: (x0 + x1) / 2.0,
    }
}

/// Merges neighbouring point-like marks whose centres are closer than a cluster width (they may
/// sit in adjacent bins): they could not be told apart on screen. The bubble is centred on the
/// middle of the marks it merged, so a run of marks each close to the last grows no wider than
/// two cluster widths before the next one starts a new mark: it does not drift along the run,
/// away from (and, near the edge, culled together with) members that are on screen.
fn merge_colliding<M: Members>(marks: Vec<(Mark, M)>, o: &Options) -> Vec<(Mark, M)> {
    let mut out: Vec<(Mark, M)> = Vec::with_capacity(marks.len());
    // The last point-like mark kept, to compare with (wide bars do not take part), and the centre
    // (pixels, days) of the first mark merged into it.
    let mut last_point: Option<(usize, f64, Day)> = None;
    for (m, members) in marks {
        if !is_pointlike(&m, o) {
            out.push((m, members));
            continue;
        }
        if let Some((p, first_x, first_t)) = last_point
            && m.center() - out[p].0.center() < o.cluster_px
        {
            let c = (first_x + m.center()) / 2.0;
            out[p].0 = joined(
                &out[p].0,
                &m,
                c - o.cluster_px / 2.0,
                c + o.cluster_px / 2.0,
                (first_t + m.center_t) / 2.0,
            );
            out[p].1.join(members);
            continue;
        }
        last_point = Some((out.len(), m.center(), m.center_t));
        out.push((m, members));
    }
    out
}

/// The marks that found no free row (their body overlaps one already in it: drawn, they would
/// cover it). One of about the same width as the body it covers (within three times, at least a
/// bubble wide) is merged with it, into a cluster over both. One much shorter or much longer is
/// drawn over the row instead (merged with a bar of another length, it would be lost in a cluster
/// as long as the longer, which zooming in would not split for a long time), merged with the
/// other marks drawn over the rows where they overlap. Activating any cluster zooms in
/// ([`Viewport::zoom_into`]). Either way a row
/// holds no more marks than the screen has room for, whatever the number of events. Marks come
/// from `assign_rows`, in order of their left edge, so within a row the last mark kept always
/// reaches furthest right, and so does the last mark drawn over the rows.
fn merge_covered<M: Members>(marks: Vec<(Mark, M)>, v: &Viewport, o: &Options) -> Vec<(Mark, M)> {
    let mut out: Vec<(Mark, M)> = Vec::with_capacity(marks.len());
    let mut last: Vec<Option<usize>> = Vec::new();
    let mut over: Option<usize> = None;
    let mut spilled: Vec<usize> = Vec::new();
    for (m, members) in marks {
        if last.len() <= m.row {
            last.resize(m.row + 1, None);
        }
        let Some(p) = last[m.row].filter(|&p| m.x0 < out[p].0.x1) else {
            last[m.row] = Some(out.len());
            out.push((m, members));
            continue;
        };
        let width = |m: &Mark| (m.x1 - m.x0).max(o.cluster_px);
        let (a, b) = (width(&out[p].0), width(&m));
        if a.max(b) <= 3.0 * a.min(b) {
            merge_into(&mut out[p], &m, members, v);
        } else if let Some(q) = over.filter(|&q| m.x0 < out[q].0.x1) {
            merge_into(&mut out[q], &m, members, v);
        } else {
            over = Some(out.len());
            spilled.push(out.len());
            out.push((m, members));
        }
    }
    // A mark drawn over a row covers its labels there, and a merged one reaches further than
    // the bodies `assign_rows` made room for: the labels it covers give way.
    for k in spilled {
        let (row, x0, x1) = (out[k].0.row, out[k].0.x0, out[k].0.x1);
        for (m, _) in out.iter_mut().filter(|(m, _)| m.row == row) {
            if m.label
                .is_some_and(|(l0, l1)| l0 < x1 + o.gap_px && x0 < l1 + o.gap_px)
            {
                m.label = None;
            }
        }
    }
    let mut out = clear_counts(out, v);
    place_counts(&mut out, v);
    out
}

/// Merges each mark drawn over a cluster's number (marks are drawn in their order, so over the
/// marks before them) into that cluster, where the cluster they make is at most half the window
/// wide: two numbers run together ("31 3") or one hidden is no count at all. The cap keeps the
/// promise of a cluster, that activating it zooms in (here at least twice) until its members
/// part; one as wide as the window would zoom to where it is. A merged cluster covers only what
/// the two covered, so no label is newly covered. Marks stay in order of their left edge, so
/// the search for what lies over a number stops at the first mark starting past it; a cluster
/// that grew may lie over the number of one before it, so the passes go on until one merges
/// nothing (one or two, most of the time).
fn clear_counts<M: Members>(mut out: Vec<(Mark, M)>, v: &Viewport) -> Vec<(Mark, M)> {
    let mut gone = vec![false; out.len()];
    let mut merged = true;
    while merged {
        merged = false;
        let mut i = 0;
        while i < out.len() {
            let MarkKind::Cluster { count, .. } = out[i].0.kind else {
                i += 1;
                continue;
            };
            if gone[i] {
                i += 1;
                continue;
            }
            let (n0, n1) = count_extent(&out[i].0, count);
            let over = (i + 1..out.len())
                .take_while(|&j| out[j].0.x0 < n1)
                .find(|&j| {
                    let (a, b) = (&out[i].0, &out[j].0);
                    !gone[j]
                        && b.row == a.row
                        && n0 < b.x1
                        && a.x1.max(b.x1) - a.x0.min(b.x0) <= v.width() / 2.0
                });
            let Some(j) = over else {
                i += 1;
                continue;
            };
            let (b, members) = (
                out[j].0,
                std::mem::replace(&mut out[j].1, M::of(std::iter::empty())),
            );
            merge_into(&mut out[i], &b, members, v);
            gone[j] = true;
            merged = true;
            // Its number has moved: `i` is looked at again.
        }
    }
    let mut k = 0;
    out.retain(|_| {
        k += 1;
        !gone[k - 1]
    });
    out
}

/// Merges `m` (and its `members`) into the mark `into`: a cluster over both bodies, its
/// `center_t` the time under the middle of that.
fn merge_into<M: Members>(into: &mut (Mark, M), m: &Mark, members: M, v: &Viewport) {
    let prev = into.0;
    let (x0, x1) = (prev.x0.min(m.x0), prev.x1.max(m.x1));
    into.0 = joined(&prev, m, x0, x1, v.t((x0 + x1) / 2.0));
    into.1.join(members);
}

/// Where a cluster's number is written, `[left, right]` in pixels: in the middle of its body, in
/// the timeline's bold 0.78 rem type, under 8 px a digit, with a margin.
pub fn count_extent(m: &Mark, count: u32) -> (f64, f64) {
    let half = count_half(count);
    (m.count_x - half, m.count_x + half)
}

/// Half the width [`count_extent`] gives a number of `count`.
fn count_half(count: u32) -> f64 {
    4.0 * f64::from(count.checked_ilog10().unwrap_or(0) + 1) + 2.0
}

/// How far a cluster's number keeps from the ends of its pill (their rounding) and from a mark
/// drawn over it, in pixels.
const COUNT_INSET_PX: f64 = 3.0;

/// Moves each cluster's number to where it can be read: the middle of its body when that is on
/// screen and clear, else the place nearest to it in the part of the body on screen that no mark
/// drawn after it covers, when one has room for the number. [`clear_counts`] has merged what it
/// could; what is left lies over a cluster wider than half the window (on a phone, ~185 px),
/// whose middle may also be off screen. A body with no such room keeps its number in the middle.
fn place_counts<M>(out: &mut [(Mark, M)], v: &Viewport) {
    for i in 0..out.len() {
        let MarkKind::Cluster { count, .. } = out[i].0.kind else {
            continue;
        };
        let a = out[i].0;
        let (half, c) = (count_half(count), a.center());
        let (lo, hi) = (
            a.x0.max(0.0) + COUNT_INSET_PX,
            a.x1.min(v.width()) - COUNT_INSET_PX,
        );
        let mut best: Option<f64> = None;
        let mut consider = |s0: f64, s1: f64| {
            if s1 - s0 >= 2.0 * half {
                let x = c.clamp(s0 + half, s1 - half);
                if best.is_none_or(|b| (x - c).abs() < (b - c).abs()) {
                    best = Some(x);
                }
            }
        };
        // Marks after it in its row start no earlier than it does, in order of their left edge.
        let mut free = lo;
        for (b, _) in out[i + 1..]
            .iter()
            .take_while(|(b, _)| b.x0 < hi + COUNT_INSET_PX)
        {
            if b.row == a.row && b.x1 + COUNT_INSET_PX > free {
                consider(free, b.x0 - COUNT_INSET_PX);
                free = b.x1 + COUNT_INSET_PX;
            }
        }
        consider(free, hi);
        if let Some(x) = best {
            out[i].0.count_x = x;
        }
    }
}

fn member_count(k: &MarkKind) -> u32 {
    match *k {
        MarkKind::Cluster { count, .. } => count,
        MarkKind::Item(_) => 1,
    }
}

/// Assigns each mark the first row where its footprint (body and label) fits. If none does, its
/// label is hidden and its body alone tried; if that fails too, the labels of earlier marks that
/// the body would cover are hidden instead (labels are what gives way, never legibility), and the
/// mark goes to the row that then ends first.
pub fn assign_rows(mut marks: Vec<Mark>, o: &Options) -> Vec<Mark> {
    marks.sort_by(|a, b| a.footprint().0.total_cmp(&b.footprint().0));
    let rows = o.max_rows.max(1);
    let mut row_end = vec![f64::NEG_INFINITY; rows];
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); rows];
    for i in 0..marks.len() {
        let fits = |end: f64, left: f64| end + o.gap_px <= left;
        let left = marks[i].footprint().0;
        let row = match row_end.iter().position(|&e| fits(e, left)) {
            Some(r) => r,
            None => {
                marks[i].label = None;
                let (x0, x1) = (marks[i].x0, marks[i].x1);
                match row_end.iter().position(|&e| fits(e, x0)) {
                    Some(r) => r,
                    None => {
                        // The row end each row would have if the labels the body covers gave way.
                        let covers = |m: &Mark| {
                            m.label
                                .is_some_and(|(l0, l1)| l0 < x1 + o.gap_px && x0 < l1 + o.gap_px)
                        };
                        let end_without = |r: usize| {
                            members[r]
                                .iter()
                                .map(|&j| {
                                    let m = &marks[j];
                                    if covers(m) { m.x1 } else { m.footprint().1 }
                                })
                                .fold(f64::NEG_INFINITY, f64::max)
                        };
                        let ends: Vec<f64> = (0..rows).map(end_without).collect();
                        let r = ends.iter().position(|&e| fits(e, x0)).unwrap_or_else(|| {
                            (0..rows)
                                .min_by(|&a, &b| ends[a].total_cmp(&ends[b]))
                                .unwrap_or(0)
                        });
                        for &j in &members[r] {
                            if covers(&marks[j]) {
                                marks[j].label = None;
                            }
                        }
                        row_end[r] = ends[r];
                        r
                    }
                }
            }
        };
        marks[i].row = row;
        members[row].push(i);
        row_end[row] = row_end[row].max(marks[i].footprint().1);
    }
    marks
}

/// Rough width in pixels of `text` at the timeline's label size, used to reserve label room.
/// The view sets the label's width to exactly this (cutting it with an ellipsis), so the layout's
/// guarantee holds whatever the font.
pub fn label_width(text: &str, px_per_char: f64, max_px: f64) -> f32 {
    const PADDING: f64 = 8.0;
    (text.chars().count() as f64 * px_per_char + PADDING).min(max_px) as f32
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::viewport::Bounds;

    fn item(idx: u32, start: Day, len: Day, label: f32) -> Item {
        Item {
            idx,
            start,
            end: start + len,
            label_px: label,
        }
    }

    fn viewport(start: Day, end: Day) -> Viewport {
        let mut v = Viewport::fit(Bounds::around(0.0, 40_000.0), 1_000.0);
        v.set_window(start, end);
        v
    }

    fn items_of(marks: &[Mark]) -> Vec<u32> {
        let mut v: Vec<u32> = marks
            .iter()
            .filter_map(|m| match m.kind {
                MarkKind::Item(i) => Some(i),
                _ => None,
            })
            .collect();
        v.sort();
        v
    }

    fn clusters_of(marks: &[Mark]) -> usize {
        marks
            .iter()
            .filter(|m| matches!(m.kind, MarkKind::Cluster { .. }))
            .count()
    }

    /// In tests the layout also tells which items each mark stands for.
    impl Members for Vec<u32> {
        fn one(idx: u32) -> Self {
            vec![idx]
        }
        fn of(members: impl Iterator<Item = u32>) -> Self {
            members.collect()
        }
        fn join(&mut self, other: Self) {
            self.extend(other);
        }
    }

    /// Checks that every item whose span overlaps the visible window is drawn alone or counted in
    /// a cluster, exactly once, and that no item is in two marks. Membership comes from the
    /// tracked layout, which is first checked against what the marks say (`Item(idx)`, `count`,
    /// `first`), and must be the same marks as `layout_lane` returns. Also checks that a cluster
    /// sits near its members: a point-like member is within two cluster widths of the bubble.
    fn assert_each_once(lane: &LaneIndex, v: &Viewport, o: &Options) -> Vec<Mark> {
        let tracked = layout_tracked::<Vec<u32>>(lane, v, o, &mut Work::default());
        let marks: Vec<Mark> = tracked.iter().map(|(m, _)| *m).collect();
        assert_eq!(
            marks,
            layout_lane(lane, v, o),
            "tracking changed the layout"
        );
        let mut all: Vec<&Item> = lane.items().iter().collect();
        all.sort_by_key(|it| it.idx);
        let by_idx = |idx: u32| all[all.binary_search_by_key(&idx, |it| it.idx).unwrap()];
        let mut seen: Vec<u32> = Vec::new();
        for (m, members) in &tracked {
            match m.kind {
                MarkKind::Item(idx) => assert_eq!(members, &[idx], "{m:?}"),
                MarkKind::Cluster { count, first } => {
                    assert!(count >= 2, "{m:?}");
                    assert_eq!(members.len(), count as usize, "{m:?} {members:?}");
                    let earliest = members
                        .iter()
                        .map(|&i| by_idx(i))
                        .min_by(|a, b| a.mid().total_cmp(&b.mid()).then(a.idx.cmp(&b.idx)))
                        .unwrap();
                    assert_eq!(first, earliest.idx, "{m:?} {members:?}");
                    for &i in members {
                        let it = by_idx(i);
                        if v.x(it.end) - v.x(it.start) <= o.cluster_px {
                            // From the body: a cluster over bars that ran out of rows is wide.
                            let x = v.x(it.mid());
                            let off = (m.x0 - x).max(x - m.x1).max(0.0);
                            assert!(
                                off <= 2.0 * o.cluster_px,
                                "member {i} {off:.0} px from its bubble {m:?}"
                            );
                        }
                    }
                }
            }
            seen.extend(members);
        }
        let n = seen.len();
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), n, "an item is in two marks");
        let (a, b) = (v.start(), v.end());
        for it in lane.items() {
            if it.start <= b && it.end >= a {
                assert!(
                    seen.binary_search(&it.idx).is_ok(),
                    "window {a}–{b}: item {it:?} overlaps it but is neither drawn nor counted"
                );
            }
        }
        marks
    }

    /// In each row: a shown label overlaps no other label nor another mark's body (with the gap
    /// kept between footprints), and two marks that both show their label keep their whole
    /// footprints apart. Bodies alone may overlap when the rows run out (labels give way first).
    pub(crate) fn assert_no_overlap(marks: &[Mark], o: &Options) {
        for (i, a) in marks.iter().enumerate() {
            for b in &marks[i + 1..] {
                if a.row != b.row {
                    continue;
                }
                if let (Some(la), Some(lb)) = (a.label, b.label) {
                    assert!(
                        la.1 + o.gap_px <= lb.0 || lb.1 + o.gap_px <= la.0,
                        "labels overlap: {a:?} {b:?}"
                    );
                    let (fa, fb) = (a.footprint(), b.footprint());
                    assert!(
                        fa.1 + o.gap_px <= fb.0 || fb.1 + o.gap_px <= fa.0,
                        "footprints overlap: {a:?} {b:?}"
                    );
                }
                for (m, other) in [(a, b), (b, a)] {
                    if let Some((l0, l1)) = m.label {
                        assert!(
                            l1 + o.gap_px <= other.x0 || other.x1 + o.gap_px <= l0,
                            "label over another mark: {m:?} {other:?}"
                        );
                    }
                }
            }
        }
    }

    /// Every cluster's number can be read: it lies on screen, and in its row no mark drawn after
    /// it (so over it: marks are drawn in their order) lies over it, unless the part of the
    /// cluster's body on screen, less the marks over it, has no room for it (see
    /// `place_counts`); and a number moved from the middle stays inside its body.
    pub(crate) fn assert_counts_clear(marks: &[Mark], v: &Viewport) {
        for (i, c) in marks.iter().enumerate() {
            let MarkKind::Cluster { count, .. } = c.kind else {
                continue;
            };
            let (n0, n1) = count_extent(c, count);
            if c.count_x != c.center() {
                assert!(
                    c.x0 <= n0 && n1 <= c.x1,
                    "the number of {c:?} is outside it"
                );
            }
            if c.x1 <= 0.0 || v.width() <= c.x0 {
                continue;
            }
            let mut over: Vec<(f64, f64)> = marks[i + 1..]
                .iter()
                .filter(|m| m.row == c.row && m.x0 < c.x1 && c.x0 < m.x1)
                .map(|m| (m.x0, m.x1))
                .collect();
            let hidden = over.iter().any(|&(m0, m1)| m0 < n1 && n0 < m1);
            if !hidden && 0.0 <= n0 && n1 <= v.width() {
                continue;
            }
            over.sort_by(|a, b| a.0.total_cmp(&b.0));
            let (mut free, mut room) = (c.x0.max(0.0), 0.0f64);
            for (m0, m1) in over {
                room = room.max(m0.min(v.width()) - free);
                free = free.max(m1);
            }
            room = room.max(c.x1.min(v.width()) - free);
            assert!(
                room < n1 - n0 + 4.0 * COUNT_INSET_PX,
                "the number of {c:?} is hidden or off screen, with {room} px free"
            );
        }
    }

    /// Two marks in the same row never overlap (for layouts where the rows suffice).
    fn assert_bodies_apart(marks: &[Mark]) {
        for (i, a) in marks.iter().enumerate() {
            for b in &marks[i + 1..] {
                if a.row == b.row {
                    assert!(
                        a.x1 <= b.x0 || b.x1 <= a.x0,
                        "overlap in row {}: {a:?} {b:?}",
                        a.row
                    );
                }
            }
        }
    }

    /// No two point-like marks overlap, whatever their rows: those that would have been merged.
    fn assert_points_apart(marks: &[Mark], o: &Options) {
        let mut points: Vec<&Mark> = marks.iter().filter(|m| is_pointlike(m, o)).collect();
        points.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        for w in points.windows(2) {
            assert!(w[0].x1 <= w[1].x0 + 1e-9, "overlap: {:?} {:?}", w[0], w[1]);
        }
    }

    #[test]
    fn far_apart_points_are_drawn_one_by_one_on_row_0() {
        let lane = LaneIndex::new(vec![
            item(0, 1_000.0, 1.0, 50.0),
            item(1, 1_100.0, 1.0, 50.0),
        ]);
        let o = Options::default();
        let marks = layout_lane(&lane, &viewport(900.0, 1_200.0), &o);
        assert_eq!(marks.len(), 2, "{marks:?}");
        assert_eq!(items_of(&marks), [0, 1]);
        assert!(marks.iter().all(|m| m.row == 0 && m.label.is_some()));
    }

    #[test]
    fn overlapping_ranges_stack_into_rows() {
        // Three ranges that overlap in time at a zoom where each is a wide bar.
        let lane = LaneIndex::new(vec![
            item(0, 1_000.0, 20.0, 40.0),
            item(1, 1_005.0, 20.0, 40.0),
            item(2, 1_010.0, 20.0, 40.0),
        ]);
        let o = Options::default();
        let marks = layout_lane(&lane, &viewport(990.0, 1_040.0), &o);
        assert_eq!(items_of(&marks), [0, 1, 2], "{marks:?}");
        assert_eq!(marks.len(), 3);
        let mut rows: Vec<usize> = marks.iter().map(|m| m.row).collect();
        rows.sort();
        assert_eq!(rows, [0, 1, 2]);
        // Stacked, not hidden: there is room for every label.
        assert!(marks.iter().all(|m| m.label.is_some()), "{marks:?}");
        assert_no_overlap(&marks, &o);
        assert_bodies_apart(&marks);
    }

    #[test]
    fn bars_that_run_out_of_rows_merge_with_bars_like_them_but_not_into_long_ones() {
        // Six 20-day ranges a day apart, each a 200 px bar: three rows hold three of them; each
        // of the others would cover one like it, and merges with it.
        let lane = LaneIndex::new(
            (0..6)
                .map(|i| item(i, 1_000.0 + i as f64, 20.0, 60.0))
                .collect(),
        );
        let o = Options::default();
        let v = viewport(990.0, 1_040.0);
        let marks = assert_each_once(&lane, &v, &o);
        assert_eq!(clusters_of(&marks), 3, "{marks:?}");
        assert!(
            marks
                .iter()
                .all(|m| m.row < o.max_rows && m.x1 - m.x0 >= 200.0)
        );
        assert_bodies_apart(&marks);
        assert_no_overlap(&marks, &o);
        // Two long bars covering the window never swallow what lies under them: zoomed in on
        // a stretch of short events, those are drawn one by one.
        let mut items: Vec<Item> = vec![
            item(100, 0.0, 40_000.0, 40.0),
            item(101, 5.0, 39_000.0, 40.0),
        ];
        items.extend((0..20).map(|i| item(i, 10_000.0 + 3.0 * i as f64, 0.0, 20.0)));
        let lane = LaneIndex::new(items);
        let marks = assert_each_once(&lane, &viewport(9_990.0, 10_070.0), &o);
        assert!(
            items_of(&marks).contains(&100) && items_of(&marks).contains(&101),
            "{marks:?}"
        );
        let short = marks.iter().filter(|m| m.x1 - m.x0 <= o.cluster_px).count();
        assert!(short >= 10, "{marks:?}");
    }

    #[test]
    fn colliding_points_cluster_and_the_count_adds_up() {
        let items: Vec<Item> = (0..500)
            .map(|i| item(i, 10_000.0 + i as f64 * 0.5, 0.0, 60.0))
            .collect();
        let lane = LaneIndex::new(items);
        let o = Options::default();
        // Zoomed out: 250 days of events in a 30-year window collapse into one or two clusters.
        let v = viewport(5_000.0, 16_000.0);
        let marks = assert_each_once(&lane, &v, &o);
        let total: u32 = marks.iter().map(|m| member_count(&m.kind)).sum();
        assert_eq!(total, 500);
        assert!(clusters_of(&marks) >= 1 && marks.len() <= 2, "{marks:?}");
        assert_bodies_apart(&marks);
        assert_points_apart(&marks, &o);
        // Closer in, the same points make a row of bubbles (or merged runs) side by side.
        for (a, b) in [
            (9_900.0, 10_400.0),
            (9_950.0, 10_100.0),
            (10_000.0, 10_060.0),
        ] {
            let v = viewport(a, b);
            let marks = assert_each_once(&lane, &v, &o);
            assert!(clusters_of(&marks) >= 2, "{a}–{b}: {marks:?}");
            assert_bodies_apart(&marks);
            assert_points_apart(&marks, &o);
            assert_no_overlap(&marks, &o);
        }
        // Groups of one to three points a day apart, each group within half an hour: at 40 px a
        // day every group of two or three is one bubble and every lone point stays itself, with
        // its label — which the next bubble must not sit under, in the same row.
        let mut items = Vec::new();
        for g in 0..200 {
            for k in 0..(g % 3 + 1) {
                let idx = items.len() as u32;
                items.push(item(
                    idx,
                    10_000.0 + f64::from(g) + f64::from(k) * 0.02,
                    0.0,
                    60.0,
                ));
            }
        }
        let lane = LaneIndex::new(items);
        let v = viewport(10_050.0, 10_075.0);
        let marks = assert_each_once(&lane, &v, &o);
        let on_screen = |m: &&Mark| m.center() >= 0.0 && m.center() <= v.width();
        let counts: Vec<u32> = marks
            .iter()
            .filter(on_screen)
            .map(|m| member_count(&m.kind))
            .collect();
        assert!(counts.len() >= 20, "{marks:?}");
        assert!(counts.iter().all(|&c| c <= 3), "{counts:?}");
        assert!(counts.contains(&1) && counts.contains(&2) && counts.contains(&3));
        assert!(marks.iter().filter(on_screen).all(|m| match m.kind {
            MarkKind::Item(_) => m.label.is_some(),
            MarkKind::Cluster { .. } => m.label.is_none(),
        }));
        assert_bodies_apart(&marks);
        assert_points_apart(&marks, &o);
        assert_no_overlap(&marks, &o);
    }

    #[test]
    fn zooming_in_splits_clusters_into_items() {
        let lane = LaneIndex::new(vec![
            item(0, 10_000.0, 0.0, 30.0),
            item(1, 10_003.0, 0.0, 30.0),
        ]);
        let o = Options::default();
        let far = layout_lane(&lane, &viewport(5_000.0, 15_000.0), &o);
        assert!(matches!(
            far[..],
            [Mark {
                kind: MarkKind::Cluster { count: 2, .. },
                ..
            }]
        ));
        let near = layout_lane(&lane, &viewport(9_995.0, 10_010.0), &o);
        assert_eq!(near.len(), 2, "{near:?}");
        assert_eq!(items_of(&near), [0, 1]);
    }

    #[test]
    fn culling_keeps_only_the_window_and_its_margin() {
        let items: Vec<Item> = (0..1_000)
            .map(|i| item(i, i as f64 * 30.0, 0.0, 20.0))
            .collect();
        let lane = LaneIndex::new(items.clone());
        let o = Options::default();
        let v = viewport(15_000.0, 15_300.0);
        let marks = layout_lane(&lane, &v, &o);
        // Kept: everything in the window and its margin, one point each (they are 100 px apart).
        let margin = o.margin_px / v.px_per_day();
        let kept: Vec<u32> = items
            .iter()
            .filter(|it| it.start >= v.start() - margin && it.start <= v.end() + margin)
            .map(|it| it.idx)
            .collect();
        assert!(kept.len() >= 10, "{kept:?}");
        assert_eq!(items_of(&marks), kept);
        assert_eq!(marks.len(), kept.len());
        // Nothing else: no mark lies wholly beyond the margin (a label may reach into it).
        for m in &marks {
            assert!(
                m.footprint().1 >= -o.margin_px && m.x0 <= v.width() + o.margin_px,
                "{m:?}"
            );
        }
    }

    #[test]
    fn a_long_band_is_drawn_when_its_middle_is_off_screen() {
        let lane = LaneIndex::new(vec![item(7, 0.0, 20_000.0, 80.0)]);
        let o = Options::default();
        let v = viewport(19_000.0, 19_100.0);
        let marks = layout_lane(&lane, &v, &o);
        assert_eq!(marks.len(), 1, "{marks:?}");
        assert_eq!(items_of(&marks), [7]);
        assert!(marks[0].x0 < 0.0 && marks[0].x1 > v.width());
    }

    #[test]
    fn a_short_range_reaching_in_from_beyond_the_margin_is_drawn() {
        // A 30-day event starting 3 days before the right edge of a 60-day view: its middle is
        // far beyond the culling margin, but its bar is on screen.
        let lane = LaneIndex::new(vec![item(3, 10_057.0, 30.0, 40.0)]);
        let o = Options::default();
        let v = viewport(10_000.0, 10_060.0);
        let marks = layout_lane(&lane, &v, &o);
        assert_eq!(marks.len(), 1, "{marks:?}");
        assert_eq!(items_of(&marks), [3]);
        assert!(marks[0].x0 < v.width());
    }

    #[test]
    fn a_crowded_bin_beyond_the_edge_does_not_swallow_bars_on_screen() {
        // Nine 20-day ranges starting mid-window at 100 px/day: their middles share one bin,
        // 500 px beyond the right edge, but their bars cover the right half of the screen. They
        // used to be merged into a bubble at that bin, which was then culled: nothing was drawn.
        let lane = LaneIndex::new((0..9).map(|i| item(i, 10_005.0, 20.0, 40.0)).collect());
        let o = Options::default();
        let v = viewport(10_000.0, 10_010.0);
        let marks = assert_each_once(&lane, &v, &o);
        // Nine identical bars cannot be told apart in three rows: they are one cluster, drawn
        // over them, on screen.
        assert_eq!(marks.len(), 1, "{marks:?}");
        assert!(
            marks[0].x0 < v.width() && marks[0].x1 > v.width() / 2.0,
            "{marks:?}"
        );
        assert_no_overlap(&marks, &o);
    }

    #[test]
    fn a_run_of_close_points_does_not_drift_off_screen() {
        // Points 12 px apart from the middle of the screen to beyond the margin. Each merged into
        // the bubble before it, which moved halfway to it every time, so the bubble ended up
        // beyond the margin, was culled, and the right half of the screen stayed empty.
        let lane = LaneIndex::new(
            (0..120)
                .map(|i| item(i, 10_050.0 + i as f64 * 1.2, 0.0, 40.0))
                .collect(),
        );
        let o = Options::default();
        let v = viewport(10_000.0, 10_100.0);
        let marks = assert_each_once(&lane, &v, &o);
        // The run is cut into bubbles no wider than two cluster widths each.
        assert!(clusters_of(&marks) >= 5, "{marks:?}");
        assert_no_overlap(&marks, &o);
    }

    #[test]
    fn every_item_in_view_is_drawn_or_counted_once() {
        // Ranges of every length up to two months, spread over and around a window, and a crowd
        // of them in a few weeks, at many zooms and pans: each item overlapping the window appears
        // exactly once (alone or in one cluster), and no item twice.
        let spread = (0..400).map(|i| {
            item(
                i,
                9_000.0 + (i as f64 * 7.3) % 2_000.0,
                (i % 60) as f64,
                30.0,
            )
        });
        let crowd = (400..1_000).map(|i| {
            let k = f64::from(i - 400);
            item(i, 10_000.0 + (k * 0.37) % 40.0, (k * 1.7) % 45.0, 30.0)
        });
        let lane = LaneIndex::new(spread.chain(crowd).collect());
        let o = Options::default();
        let mut checked = 0;
        for span in [7.0, 10.0, 30.0, 60.0, 200.0, 600.0, 2_000.0, 12_000.0] {
            let mut a = 8_800.0 - span / 2.0;
            while a < 11_200.0 {
                let v = viewport(a, a + span);
                let marks = assert_each_once(&lane, &v, &o);
                assert_no_overlap(&marks, &o);
                assert_counts_clear(&marks, &v);
                checked += 1;
                a += (span / 3.0).max(5.0);
            }
        }
        assert!(checked > 100, "{checked}");
        // The windows of the original test, whose items still reach in from both sides.
        for (a, b) in [
            (9_500.0, 9_560.0),
            (9_800.0, 10_300.0),
            (9_000.0, 11_000.0),
            (9_990.0, 10_000.0),
        ] {
            assert_each_once(&lane, &viewport(a, b), &o);
        }
    }

    #[test]
    fn longer_than_finds_exactly_the_long_items_in_order() {
        for n in [1_u32, 2, 5, 64, 100] {
            let lane = LaneIndex::new(
                (0..n)
                    .map(|i| item(i, f64::from(i), f64::from((i * 37) % 23), 10.0))
                    .collect(),
            );
            let len = |i: usize| lane.items()[i].end - lane.items()[i].start;
            for (lo, hi) in [
                (0, n as usize),
                (0, 0),
                (1, n as usize / 2 + 1),
                (n as usize / 3, n as usize),
            ] {
                let hi = hi.min(n as usize);
                let lo = lo.min(hi);
                for days in [0.0, 3.5, 11.0, 22.0, 30.0] {
                    let mut got = Vec::new();
                    lane.longer_than(lo, hi, days, usize::MAX, &mut got);
                    let want: Vec<usize> = (lo..hi).filter(|&i| len(i) > days).collect();
                    assert_eq!(got, want, "n={n} {lo}..{hi} > {days}");
                }
            }
        }
    }

    #[test]
    fn bins_are_powers_of_two_and_at_least_a_cluster_wide() {
        let o = Options::default();
        for (a, b) in [(0.0, 7.0), (0.0, 365.0), (1_000.0, 37_000.0)] {
            let v = viewport(a, b);
            let bin = bin_days(&v, &o);
            assert!(bin * v.px_per_day() >= o.cluster_px - 1e-9);
            assert!(bin * v.px_per_day() < 2.0 * o.cluster_px + 1e-9);
            assert_eq!(bin.log2().fract(), 0.0);
        }
    }

    #[test]
    fn label_widths_are_capped() {
        assert_eq!(label_width("", 6.8, 200.0), 8.0);
        assert!(label_width("22nd session", 6.8, 200.0) > 80.0);
        assert_eq!(label_width(&"x".repeat(500), 6.8, 200.0), 200.0);
    }

    /// A dead end found in review: two events on the same day stayed one cluster even at the
    /// deepest zoom, so neither could be selected or reached with the keyboard.
    #[test]
    fn at_the_deepest_zoom_events_on_the_same_day_are_drawn_one_by_one() {
        let same_day: Vec<Item> = (0..12).map(|i| item(i, 10_000.5, 0.0, 40.0)).collect();
        let lane = LaneIndex::new(same_day);
        let o = Options::default();
        let mut v = viewport(9_990.0, 10_010.0);
        while v.can_zoom_in() {
            v.zoom_at(v.x(10_000.5), 2.0);
        }
        let marks = layout_lane(&lane, &v, &o);
        assert_eq!(items_of(&marks), (0..12).collect::<Vec<u32>>());
        assert!(marks.iter().all(|m| m.row < o.max_rows));
        // One step out, they merge again.
        v.zoom_center(0.5);
        let marks = layout_lane(&lane, &v, &o);
        assert!(
            marks
                .iter()
                .any(|m| matches!(m.kind, MarkKind::Cluster { .. }))
        );
    }

    #[test]
    fn the_work_of_a_zoom_step_follows_the_screen_not_the_number_of_events() {
        use crate::model::synthetic::generate;
        use crate::model::text::Lang;
        use crate::model::timeline::Timeline;
        let mut most = Vec::new();
        for n in [1_000, 10_000, 100_000] {
            let t = Timeline::build(&generate(n, 1), Lang::En, 0.0, |_| true);
            let mut v = Viewport::fit(t.bounds, 1_400.0);
            let (mut max_candidates, mut max_marks) = (0, 0);
            // The bench's input: 40 wheel notches in at moving cursors, then 40 out.
            for i in 0..80 {
                let x = 1_400.0 * (0.3 + 0.4 * ((i * 7) % 10) as f64 / 10.0);
                v.zoom_at(x, if i < 40 { 1.27 } else { 1.0 / 1.27 });
                for lane in &t.lanes {
                    let o = &lane.options;
                    let (marks, work) = layout_lane_counted(&lane.index, &v, o);
                    assert_counts_clear(&marks, &v);
                    let ppd = v.px_per_day();
                    let (w0, w1) = (v.start() - o.margin_px / ppd, v.end() + o.margin_px / ppd);
                    // Bins: the screen and its margins, in bins at least a cluster wide, plus
                    // the page on each side and the alignment of the first.
                    let screen = ((w1 - w0) * ppd / o.cluster_px).ceil() as usize;
                    assert!(work.bins <= screen + 3 * PAGE as usize + 2, "{n}: {work:?}");
                    // Marks considered: at most FEW + 1 per bin, and the events that reach into
                    // the window from beyond the bins (each of them is on screen).
                    let reaching = lane
                        .index
                        .items()
                        .iter()
                        .filter(|it| it.end > w0 && it.start < w1)
                        .count();
                    assert!(
                        work.candidates <= (FEW + 1) * work.bins + reaching,
                        "{n}: {work:?}, {reaching} reach the window"
                    );
                    // One query per doubling of the distance, on each side.
                    assert!(work.reach_queries <= 2 * 48, "{n}: {work:?}");
                    // Bodies in a row never overlap, nor do those drawn over the rows, so each
                    // holds at most a screen of markers (at the deepest zoom nothing merges:
                    // every event there is its own mark).
                    let per_row = ((w1 - w0) * ppd / o.marker_px).ceil() as usize + 2;
                    if v.can_zoom_in() {
                        let most = (o.max_rows + 1) * per_row;
                        assert!(marks.len() <= most, "{n}: {}", marks.len());
                    } else {
                        assert!(marks.len() <= reaching, "{n}: {}", marks.len());
                    }
                    max_candidates = max_candidates.max(work.candidates);
                    max_marks = max_marks.max(marks.len());
                }
            }
            most.push((n, max_candidates, max_marks));
        }
        // A hundred times the events, not a hundred times the work: the busiest lane's busiest
        // step at 100k considers no more than a few times what it does at 1k.
        let (small, big) = (most[0], most[2]);
        assert!(big.1 <= 8 * small.1.max(50), "{most:?}");
        assert!(big.2 <= 4 * small.2.max(20), "{most:?}");
    }
}
