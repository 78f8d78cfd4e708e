// Frames benchmark (`make bench`, or alone, see Usage): what a user feels while zooming and panning
// big datasets, in this app and in vis-timeline 7.7.4 (clustering on), measured in one run, pages
// interleaved, in Debian's headless Chromium at a 1400×900 viewport, driven over the DevTools
// protocol by bench/devtools.mjs rather than Playwright (whose network capture added ~100 ms of
// the main thread to this app's load of 10k events, and none to vis-timeline's timed part).
//
// Pages, on the served site: ours `/?data=bench/events-N.json` (plus the bundled dataset, `/`),
// vis `bench/vis-N.html` (written by bench/frames-sites.mjs from the same events-N.json: the same
// events, groups = lanes, the timeline in the same box as ours), and the machine's floor,
// `bench/floor.html` (also written by it: a page whose answer to each input is one transform of
// one element, measured as ours is; BENCH_FLOOR=0 leaves it out). Every load is a fresh browser
// context (empty cache).
//
// Measured, per page and dataset size, all in-page with performance.now() unless said otherwise:
//   first render   ours: from Trunk's `TrunkApplicationStarted` window event (the wasm has loaded)
//                  to the first animation frame with a `.mark` in the DOM and no `#static-view`
//                  (index.html's pre-rendered view); this includes fetching, parsing and validating
//                  the dataset file. vis: from the page's `VisTimelineStart` event, dispatched just
//                  before `new vis.Timeline(...)` once the library and the converted JSON have
//                  loaded and been parsed, to the first animation frame with a `.vis-item` (in
//                  7.7.4 a cluster is a `.vis-item.vis-cluster`). Timeout 120 s: "timed out".
//                  The script waits for it by evaluating one expression in the page every 100 ms
//                  (browser.mjs's pollPage), not with Playwright's waitForFunction, whose
//                  injected script (~330 KB, 20-40 ms of parsing) ran in the middle of the load.
//   settled        from the same start to the first animation frame after the last change to the
//                  drawn items within a second of the first render (the first render itself when
//                  none changes): ours a `.mark` (its attributes, text or children) or a lane's
//                  `.lane__marks`; vis a `.vis-item` or its `.vis-group`/`.vis-foreground`. A
//                  MutationObserver and a frame loop watch from the first render on (so they cost
//                  neither load anything) and stop after that second, before any input; read in
//                  the frames pass only, before the pointer moves over the area. What the reader
//                  waits for to see the view the page stays on, not a first draft of it.
//   input          after the first render, 1 s and two animation frames to settle, then 62 real
//                  input events through the DevTools protocol (a CDP session's
//                  Input.dispatchMouseEvent; page.mouse would wait a round trip per event) over the
//                  timeline's input area (ours `[data-testid=timeline]`, vis `.vis-center`), at its
//                  vertical centre: 30 wheel notches (deltaY −120, zoom in) at x = 30–70 % of its
//                  width (varied as run.mjs did), then a drag: mouse down at 80 %, 30 moves of
//                  −12 px, mouse up. One input every 16 ms on the wall clock: input k is sent at
//                  t0 + 16k ms, without waiting for frames in between (that would hide dropped
//                  frames), and without waiting for Chromium's answer to the previous input: it
//                  answers a mouse or wheel event only once the renderer's main thread has handled
//                  it, which takes a frame or more even on an idle page, so awaiting it would slow
//                  the input down to the page's pace as no hand does (tried: the inputs fell
//                  0.5–3 s behind the schedule on our own page). The events queue in the browser
//                  as real ones do (Chromium coalesces queued wheel and move events). Recorded per
//                  input: how late it was sent ("input lateness", Node's timer jitter) and the
//                  time to Chromium's answer ("answer": how long the page made it wait).
//                  Each library zooms by its own factor per notch.
//   input window   from the first input until 200 ms after the last input was sent or reached the
//                  page (a capture-phase listener on window sees each wheel and pointer event),
//                  whichever is later. Work the page starts after that is not counted.
//                  The deadline for the page to get there is 300 s from the first input
//                  (BENCH_INPUT_TIMEOUT_S), past which the run is recorded as timed out.
//   frames         every requestAnimationFrame timestamp from before the input window to after
//                  it; the intervals between consecutive frames that overlap the window: p50, p95,
//                  max, "dropped" = intervals > 17.5 ms (headless Chromium draws at 60 Hz, 16.7 ms),
//                  and missed vsyncs = Σ round(interval / 16.7) − 1.
//   long tasks     PerformanceObserver({type: 'longtask', buffered: true}), installed by an init
//                  script before anything loads: tasks starting inside the input window (count,
//                  total, max), and separately those from navigation to first render + 1 s (load).
//   per-input work a separate load of the same page (a "trace pass", so the tracing's overhead
//                  does not touch the frame figures above) runs the same input under a DevTools
//                  trace (Tracing.start, categories devtools.timeline and its disabled-by-default
//                  variant, toplevel, v8.execute, blink.user_timing; returned as a stream), put on
//                  the page's clock by a performance.mark. On the page's renderer main thread
//                  (CrRendererMain; the one with the most work), every top-level trace event (one
//                  nested in no other: a task) is summed into the frame it started in (frames: the
//                  intervals between the page's animation frames that overlap the window, as
//                  above). The inputs come one per 16 ms and frames one per 16.7 ms, so a page
//                  that keeps up handles one input per frame and a frame's work is that input's
//                  (its handlers, then style, layout, paint and commit); a page that falls behind
//                  gets the queued inputs coalesced, and a frame's work is then what the user
//                  waited for. Nothing is counted twice: nested events are not added to their
//                  parents. p50, p95, max over the frames, and the main thread's busy share of
//                  them. The breakdown gives each nested event's self time (its duration minus
//                  its children's) to the category of its name (script: FunctionCall,
//                  EventDispatch, TimerFire, FireAnimationFrame, RunMicrotasks, v8.*...; style:
//                  UpdateLayoutTree...; layout: Layout...; paint: PrePaint, Paint, Layerize,
//                  Commit...; gc: MinorGC, MajorGC, *GC*), or, when the name is none of these, to
//                  its parent's category (V8 internals under a FunctionCall are script); what is
//                  left at top level is "other". Script per frame (p50/p95) stands for what the
//                  old bench/run.mjs called script per step. The JSON also has the same tasks
//                  binned by input slot (from an input being sent to the next), where a task that
//                  handles several coalesced inputs counts for the first one only.
//                  The same per-frame sums by the thread's own clock (each task's `tdur`: the
//                  time the main thread ran, not the time it was runnable and waited for a core,
//                  nor blocked on another thread, as a commit waits for the compositor's), p50,
//                  p95, max and total: on two cores, where the page's main thread shares them
//                  with the sketch worker, the compositors, rasterising and V8's compiler, the
//                  wall clock's figure is the thread's work plus what it waited. Beside it, where
//                  the cores went over the same frames: per thread name (pools summed), its
//                  top-level events' wall and thread time (the eight busiest by thread time).
//                  For a page that is not traced, per-frame work is bounded below by the long
//                  tasks that started in each frame (longTaskWorkPerFrame).
//   DOM at end     ours: `.mark` elements; vis: `.vis-item` elements (and how many are clusters).
//   a later gesture per-input work again, in a third load (the "later pass", traced as the trace
//                  pass is), where the same input and its way back (the notches zooming out again
//                  at the same points in reverse order, the drag dragged back) are sent first,
//                  untraced, on the same schedule, followed by 1.5 s at rest: the measured input
//                  then starts from about the same view as in the trace pass, on a page that has
//                  run its code once. The trace pass measures a reader's first gesture after the
//                  page has loaded, which pays for what the browser does once (in this app, V8
//                  compiling the hot wasm functions' optimised code on another thread, which on
//                  two cores competes with the page); this one measures the gestures after it.
//
// Each (page, size) runs BENCH_RUNS times (default 3) in the frames pass, interleaved (app 1k,
// vis 1k, app 10k, ...), BENCH_TRACE_RUNS times (default 3) in the trace pass and
// BENCH_LATER_RUNS times (default 3) in the later pass (not vis-timeline at 100k); the run
// reported is the median by frame p95 (by per-frame work p95 for the trace and later passes, each
// run's p95 kept beside it); first render is the median of every load of the page and size in
// the three passes (each pass loads the page untraced and starts its trace after the first
// render), settled that of the frames pass (all runs are kept in the JSON). Three traced runs,
// not one: on two cores the per-frame work p95 of one run of the same build ranged 6.8–10.4 ms at
// 10k events over 12 runs on a quiet machine, so a single run decided the 8 ms goal by chance.
// vis-timeline at 100k events takes 3 to 6 minutes per load (25–30 s to render, then its
// clustering takes minutes over the zoom), so it runs BENCH_VIS_100K_RUNS times (default 1) in
// the frames pass and is traced only with BENCH_TRACE_VIS_100K=1.
//
// Usage: node bench/frames.mjs <base url> <out.json> [sizes...]   sizes: 1k 10k 100k (default all)
//        BENCH_BUNDLED=0 leaves out the bundled dataset (`/`); BENCH_PAGES=app (or vis) runs that
//        page only (to try a change; the report wants both).
// The site at <base url> must hold bench/events-N.json (gen-dataset --events N --seed 1) and the
// vis pages (node bench/frames-sites.mjs <its bench/ dir>); scripts/bench.sh does both in dist/.
// Then: node bench/frames-report.mjs <out.json> for the docs/benchmarks.md section.
import { pollPage } from './browser.mjs';
import { launch, within } from './devtools.mjs';
import { median, percentile } from './stats.mjs';
import { writeFileSync } from 'node:fs';

const [base, out, ...sizeArgs] = process.argv.slice(2);
if (!base || !out) throw new Error('usage: node bench/frames.mjs <base url> <out.json> [1k 10k 100k]');
const SIZES = (sizeArgs.length ? sizeArgs : ['1k', '10k', '100k'])
  .map((s) => Number(String(s).replace(/k$/i, '000')));
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TRACE_RUNS = Number(process.env.BENCH_TRACE_RUNS ?? 3);
const LATER_RUNS = Number(process.env.BENCH_LATER_RUNS ?? 3);
const VIS_100K_RUNS = Number(process.env.BENCH_VIS_100K_RUNS ?? 1);
// vis-timeline at 100k events is not traced unless asked (its load takes 3 to 6 minutes); its
// per-frame work is then bounded below by its long tasks.
const TRACE_VIS_100K = process.env.BENCH_TRACE_VIS_100K === '1';
const BUNDLED = process.env.BENCH_BUNDLED !== '0';
const FLOOR = process.env.BENCH_FLOOR !== '0';
const VIEWPORT = { width: 1400, height: 900 };
const RENDER_TIMEOUT = 120_000;
// From the first input to the end of the input window may not take longer than this
// (BENCH_INPUT_TIMEOUT_S, default 300 s; vis-timeline at 100k events has needed 3 to over 5
// minutes); past it the run is recorded as timed out during input.
const INPUT_TIMEOUT = Number(process.env.BENCH_INPUT_TIMEOUT_S ?? 300) * 1000;
const SLOT_MS = 16;
const WHEELS = 30;
const MOVES = 30;
const AFTER_MS = 200;
const FRAME_MS = 1000 / 60;
const DROPPED_MS = 17.5;

const label = (n) => (n >= 1000 ? `${n / 1000}k` : String(n));

// --- in-page instrumentation (an init script: it runs before any of the page's own scripts) ---
function instrument() {
  const b = (window.__bench = {
    started: null, rendered: null, longtasks: [], handled: [], rafs: [], recording: false,
    lastChange: null, settleRafs: [],
  });
  // Long tasks of the whole page life, buffered so none from before the observer is lost.
  const take = (entries) => { for (const e of entries) b.longtasks.push([e.startTime, e.duration]); };
  const observer = new PerformanceObserver((list) => take(list.getEntries()));
  observer.observe({ type: 'longtask', buffered: true });
  // Entries whose callback has not run yet (it is queued behind other tasks).
  b.takeLongTasks = () => take(observer.takeRecords());
  // From the first render on, for a second: every frame, and the last change to a drawn item (its
  // attributes or text, or the items of its container), observed only from then on so that the
  // observer costs the load nothing.
  const settle = (item, box) => {
    const changed = (n) => n.nodeType === 1 && (n.matches(item) || n.matches(box));
    const observer = new MutationObserver((records) => {
      for (const m of records) {
        const t = m.target.nodeType === 1 ? m.target : m.target.parentElement;
        if (t && (changed(t) || t.closest(item))) b.lastChange = performance.now();
      }
    });
    observer.observe(document.documentElement, {
      subtree: true, childList: true, attributes: true, characterData: true,
    });
    // Gone before the input starts (a second and two frames after the first render at least).
    const tick = () => {
      b.settleRafs.push(performance.now());
      if (performance.now() - b.rendered < 1000) requestAnimationFrame(tick);
      else observer.disconnect();
    };
    requestAnimationFrame(tick);
  };
  const begin = (drawn, item, box) => () => {
    b.started = performance.now();
    const check = () => {
      if (drawn()) {
        b.rendered = performance.now();
        settle(item, box);
      } else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  };
  // Ours: the app's own marks (the static first view in index.html has marks before the app runs).
  addEventListener('TrunkApplicationStarted',
    begin(() => !document.getElementById('static-view') && document.querySelector('.mark'),
      '.mark', '.lane__marks'));
  // vis: bench/frames-sites.mjs's page dispatches this just before `new vis.Timeline(...)`.
  addEventListener('VisTimelineStart',
    begin(() => document.querySelector('.vis-item'), '.vis-item', '.vis-group, .vis-foreground'));
  // When each input reached the page's main thread (passive: never delays the page's handling).
  // (Pointer events: a page that cancels pointerdown, as vis-timeline's Hammer.js does, gets no
  // mousedown/mousemove/mouseup for that drag.)
  for (const type of ['wheel', 'pointerdown', 'pointermove', 'pointerup']) {
    addEventListener(type, () => { if (b.recording) b.handled.push(performance.now()); },
      { capture: true, passive: true });
  }
  b.recordFrames = () => {
    b.recording = true;
    const tick = (t) => {
      b.rafs.push(t);
      if (b.recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  };
}

// --- statistics ---
const dist = (xs) => ({
  p50: percentile(xs, 50), p95: percentile(xs, 95), max: xs.length ? Math.max(...xs) : null,
});
const round = (x, d = 1) => (typeof x === 'number' ? Number(x.toFixed(d)) : x);
const sleep = (ms) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
const withTimeout = (promise, ms, what) => within(promise, ms, () => new TimeoutError(what));
class TimeoutError extends Error {}

// --- trace analysis ---
const CATEGORY = [
  ['gc', /GC|^BlinkGC|^ThreadState::|^CppGC/],
  ['script', /^(FunctionCall|EvaluateScript|EventDispatch|TimerFire|FireAnimationFrame|FireIdleCallback|RunMicrotasks|CompileScript|CompileCode|CacheScript|XHRReadyStateChange|XHRLoad|HandlePostMessage|V8\.|v8\.|v8::|WebAssembly)/],
  ['style', /^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet|StyleInvalidatorInvalidationTracking)$/],
  ['layout', /^(Layout|UpdateLayout|ComputeIntersections|IntersectionObserverController::computeIntersections)$/],
  ['paint', /^(PrePaint|Paint|PaintSetup|PaintImage|Layerize|UpdateLayer|UpdateLayerTree|CompositeLayers|Commit|ScrollLayer|Decode Image|DecodeImage|Draw LazyPixelRef|RasterTask|LocalFrameView::RunPostLifecycleSteps)$/],
];
const categoryOf = (name) => CATEGORY.find(([, re]) => re.test(name))?.[0] ?? null;
const KINDS = ['script', 'gc', 'style', 'layout', 'paint', 'other'];

/**
 * Each thread's complete events ({ name, ts, dur, tdur }: X events, and B/E pairs joined), sorted
 * for nesting, by thread name (`names`: "pid:tid" to the name its metadata gives, or the key),
 * for the threads `keep(name)` accepts.
 */
function threadEvents(events, keep) {
  const names = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '?');
  const byThread = new Map();
  const open = new Map();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (!keep(names.get(key) ?? key)) continue;
    let list = byThread.get(key);
    if (!list) byThread.set(key, (list = []));
    if (e.ph === 'X' && typeof e.dur === 'number') list.push({ name: e.name, ts: e.ts, dur: e.dur, tdur: e.tdur ?? e.dur });
    else if (e.ph === 'B') (open.get(key) ?? open.set(key, []).get(key)).push(e);
    else if (e.ph === 'E') {
      const b = open.get(key)?.pop();
      if (b) list.push({ name: b.name, ts: b.ts, dur: e.ts - b.ts, tdur: b.tts !== undefined && e.tts !== undefined ? e.tts - b.tts : e.ts - b.ts });
    }
  }
  for (const list of byThread.values()) list.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  return { byThread, names };
}

/** The events of a sorted list that are nested in no other (its tasks). */
function topLevel(list) {
  let end = -Infinity;
  return list.filter((e) => {
    if (e.ts < end) return false;
    end = e.ts + e.dur;
    return true;
  });
}

/** The renderer main thread's complete events (B/E pairs joined), sorted for nesting. */
function mainThreadEvents(events) {
  const { byThread } = threadEvents(events, (name) => name === 'CrRendererMain');
  // The page under test is the renderer with the most top-level work.
  let best = [];
  let bestBusy = -1;
  for (const list of byThread.values()) {
    const busy = topLevel(list).reduce((sum, e) => sum + e.dur, 0);
    if (busy > bestBusy) { best = list; bestBusy = busy; }
  }
  return best;
}

/**
 * Top-level tasks of the main thread (events nested in none), each with its duration and, by
 * kind and by name, the self times of the events in it (settled when each closes). Trace µs.
 */
function tasks(list) {
  const out = [];
  const stack = [];
  const close = (node) => {
    node.task.kinds[node.kind] += node.self;
    node.task.names[node.name] = (node.task.names[node.name] ?? 0) + node.self;
  };
  for (const e of list) {
    while (stack.length && e.ts >= stack[stack.length - 1].end) close(stack.pop());
    const parent = stack[stack.length - 1];
    const start = e.ts;
    if (!parent) {
      const task = { ts: start, dur: e.dur, tdur: e.tdur ?? e.dur, kinds: Object.fromEntries(KINDS.map((k) => [k, 0])), names: {} };
      out.push(task);
      stack.push({ end: start + e.dur, kind: categoryOf(e.name) ?? 'other', self: e.dur, name: e.name, task });
      continue;
    }
    const end = Math.min(start + e.dur, parent.end);
    parent.self -= end - start;
    stack.push({ end, kind: categoryOf(e.name) ?? parent.kind, self: end - start, name: e.name, task: parent.task });
  }
  while (stack.length) close(stack.pop());
  return out;
}

/** Reads a trace returned as a stream (Tracing.tracingComplete's handle). */
async function readStream(client, handle) {
  const chunks = [];
  for (;;) {
    const { data, eof, base64Encoded } = await client.send('IO.read', { handle, size: 1 << 22 });
    chunks.push(Buffer.from(data, base64Encoded ? 'base64' : 'utf8'));
    if (eof) break;
  }
  await client.send('IO.close', { handle });
  // Decoded once: a chunk boundary may split a UTF-8 sequence.
  const text = Buffer.concat(chunks).toString('utf8');
  const parsed = JSON.parse(text);
  return { events: Array.isArray(parsed) ? parsed : parsed.traceEvents, bytes: text.length };
}

// --- one load of one page ---
/**
 * The measured input (see the header): 30 wheel notches zooming in at points across the middle
 * of the area, then a drag to the left; with `back`, followed by its way back (the notches
 * zooming out at the same points in reverse order, then a drag to the right as long).
 */
function gesture(box, mouse, back = false) {
  const inputs = [];
  const xs = [];
  for (let i = 0; i < WHEELS; i++) xs.push(box.x + box.width * (0.3 + (0.4 * ((i * 7) % 10)) / 10));
  for (const x of xs) inputs.push(['wheel', () => mouse('mouseWheel', x, { deltaX: 0, deltaY: -120 })]);
  const drag = (from, dx) => {
    inputs.push(['down', () => mouse('mousePressed', from, { button: 'left', buttons: 1, clickCount: 1 })]);
    let x = from;
    for (let i = 0; i < MOVES; i++) {
      x += dx;
      const at = x;
      inputs.push(['move', () => mouse('mouseMoved', at, { button: 'left', buttons: 1 })]);
    }
    const upAt = x;
    inputs.push(['up', () => mouse('mouseReleased', upAt, { button: 'left', buttons: 0, clickCount: 1 })]);
    return x;
  };
  if (!back) {
    drag(box.x + box.width * 0.8, -12);
    return inputs;
  }
  for (const x of [...xs].reverse()) inputs.push(['wheel', () => mouse('mouseWheel', x, { deltaX: 0, deltaY: 120 })]);
  const end = drag(box.x + box.width * 0.8, -12);
  drag(end, 12);
  return inputs;
}

/**
 * Sends `inputs` on the schedule: input k at t0 + SLOT_MS·k, without waiting for the previous
 * one's answer (Chromium answers a mouse event once the renderer's main thread has handled it,
 * which on an idle page already takes a frame or more: waiting for it would slow the input down
 * to the page's pace, as no user's hand does). Returns a record per input (its slot and when it
 * was sent, on the page's clock by `toPage`; how late; `ack`, the time to its answer, once
 * answered) and the answers, to be awaited at the end.
 */
async function schedule(inputs, toPage = (t) => t) {
  const schedule0 = performance.now() + 5;
  const sent = [];
  const answers = [];
  for (let k = 0; k < inputs.length; k++) {
    const slot = schedule0 + SLOT_MS * k;
    await sleep(slot - performance.now());
    const at = performance.now();
    const rec = { type: inputs[k][0], slot: toPage(slot), sent: toPage(at), late: at - slot, ack: null };
    sent.push(rec);
    const answer = inputs[k][1]().then(() => { rec.ack = performance.now() - at; });
    answer.catch(() => {}); // after a timeout, closing the page fails the rest: not an error
    answers.push(answer);
  }
  return { sent, answers };
}

async function measure(browser, c, { trace, later = false }) {
  const result = { page: c.page, size: c.size, path: c.path, pass: later ? 'later' : trace ? 'trace' : 'frames' };
  const t = Date.now();
  // Wall-clock seconds from the start of the load at which each step ended (where time goes).
  result.phases = {};
  const phase = (name) => { result.phases[name] = round((Date.now() - t) / 1000, 1); };
  let page = null;
  try {
    page = await browser.newPage(VIEWPORT);
    await page.addInitScript(instrument);
    const client = page;
    await page.goto(base + c.path, RENDER_TIMEOUT);
    phase('loaded');
    try {
      await pollPage(client, 'window.__bench.rendered !== null',
        { timeoutMs: Math.max(1, RENDER_TIMEOUT - (Date.now() - t)), pollMs: 100 });
    } catch (e) {
      result.timedOut = `first render (${RENDER_TIMEOUT / 1000} s)`;
      return result;
    }
    const { started, rendered } = await page.evaluate(() => window.__bench);
    phase('rendered');
    result.firstRenderMs = rendered - started;
    result.firstRenderFromNavigationMs = rendered;
    if (!trace && !later) {
      // Settled: the first frame after the last change to the drawn items within a second of
      // the first render (the first render itself when nothing changed), read after that second
      // and before the pointer moves over the area (which may give a mark its tooltip).
      await sleep(1100);
      const { lastChange, settleRafs } = await page.evaluate(() => window.__bench);
      const settled = lastChange === null ? rendered : settleRafs.find((f) => f > lastChange);
      if (settled !== undefined) result.settledMs = settled - started;
    }

    const box = await page.box(c.page === 'vis' ? '.vis-center' : '[data-testid=timeline]');
    result.inputArea = { x: round(box.x), y: round(box.y), width: round(box.width), height: round(box.height) };
    const y = box.y + box.height / 2;
    const mouse = (type, x, extra = {}) => client.send('Input.dispatchMouseEvent', { type, x, y, ...extra });

    // Settle: the pointer over the area (so hover state is not part of the first input), 1 s,
    // frame recording on, two frames.
    await mouse('mouseMoved', box.x + box.width / 2);
    if (later) {
      // The later pass: the gesture and its way back once, untraced, then a rest.
      try {
        const { answers } = await schedule(gesture(box, mouse, true));
        await withTimeout(Promise.all(answers), INPUT_TIMEOUT, 'input');
      } catch (e) {
        if (!(e instanceof TimeoutError)) throw e;
        result.timedOut = `the first gesture (${INPUT_TIMEOUT / 1000} s)`;
        return result;
      }
      await sleep(1500);
    }
    await sleep(1000);
    await page.evaluate(() => { window.__bench.recordFrames(); });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    // Long tasks of the load (navigation to first render + 1 s, which has passed by now).
    result.longTasksLoad = longTaskSummary((await page.evaluate(() => {
      window.__bench.takeLongTasks();
      return window.__bench.longtasks;
    })).filter(([s]) => s <= rendered + 1000));

    phase('settled');
    // The window the measured input starts from (ours), so the later pass can be checked to start
    // where the trace pass does.
    if (c.page === 'app') {
      result.viewAtInput = await page.evaluate(() => {
        const t = document.querySelector('[data-testid=timeline]');
        return t ? { start: Number(t.dataset.start), end: Number(t.dataset.end) } : null;
      });
    }
    if (trace) {
      const categories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel',
        'v8.execute', 'blink.user_timing'];
      await client.send('Tracing.start', {
        transferMode: 'ReturnAsStream',
        traceConfig: { recordMode: 'recordAsMuchAsPossible', includedCategories: categories, excludedCategories: ['*'] },
      });
      // The tracing's own start-up stays out of the input window.
      await sleep(100);
    }

    const inputs = gesture(box, mouse);

    // The page clock at the node clock's t0 (a mark, so the trace can be put on the same clock).
    const before = performance.now();
    const pageT0 = await page.evaluate(() => performance.mark('bench:t0').startTime);
    const nodeT0 = (before + performance.now()) / 2;
    const toPage = (nodeT) => pageT0 + (nodeT - nodeT0);
    const { sent, answers } = await schedule(inputs, toPage);
    phase('sent');
    // One deadline for the page to answer every input and reach the end of the window.
    const deadline = Date.now() + INPUT_TIMEOUT;
    const timedOutInput = () => {
      const n = sent.filter((s) => s.ack !== null).length;
      return `input (${INPUT_TIMEOUT / 1000} s after the first input, the page had answered ${n} of the ${inputs.length} inputs`;
    };
    try {
      await withTimeout(Promise.all(answers), deadline - Date.now(), 'input');
      phase('answered');
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      result.timedOut = `${timedOutInput()})`;
      return result;
    }
    // Until 200 ms after the last input was sent or handled, then two more frames; everything
    // recorded is collected in the same call (the page may start more work right after).
    const lastSent = sent[sent.length - 1].sent;
    let b;
    try {
      b = await withTimeout(page.evaluate(async ({ lastSent, after, app }) => {
        const bench = window.__bench;
        const end = () => Math.max(lastSent, bench.handled[bench.handled.length - 1] ?? 0) + after;
        while (performance.now() < end()) await new Promise((r) => setTimeout(r, end() - performance.now()));
        const windowEnd = end();
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        bench.recording = false;
        bench.takeLongTasks();
        const dom = app
          ? { marks: document.querySelectorAll('.mark').length }
          : { items: document.querySelectorAll('.vis-item').length, clusters: document.querySelectorAll('.vis-cluster').length };
        const { rafs, longtasks, handled } = bench;
        return { windowEnd, rafs, longtasks, handled, dom };
      }, { lastSent, after: AFTER_MS, app: c.page !== 'vis' }), deadline - Date.now(), 'input');
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      result.timedOut = `${timedOutInput()} and was still busy with them)`;
      return result;
    }
    const { windowEnd } = b;
    const windowStart = sent[0].sent;
    phase('windowEnd');

    let traced = null;
    if (trace) {
      const done = client.once('Tracing.tracingComplete');
      await client.send('Tracing.end');
      const { stream, dataLossOccurred } = await done;
      traced = await readStream(client, stream);
      traced.dataLoss = dataLossOccurred;
      phase('traced');
    }
    result.dom = b.dom;

    // Frames: intervals between consecutive animation frames that overlap the window.
    const intervals = [];
    // Per frame, the long tasks that started in it: a lower bound of its main-thread work, for
    // a page that is not traced.
    const longTaskWork = [];
    for (let i = 1; i < b.rafs.length; i++) {
      if (b.rafs[i] > windowStart && b.rafs[i - 1] < windowEnd) {
        intervals.push(b.rafs[i] - b.rafs[i - 1]);
        longTaskWork.push(b.longtasks.filter(([s]) => s >= b.rafs[i - 1] && s < b.rafs[i]).reduce((sum, [, d]) => sum + d, 0));
      }
    }
    result.window = { startMs: round(windowStart), durationMs: round(windowEnd - windowStart), inputs: sent.length, handled: b.handled.length };
    result.frames = {
      count: intervals.length, ...mapRound(dist(intervals), 1),
      dropped: intervals.filter((d) => d > DROPPED_MS).length,
      missedVsyncs: intervals.reduce((s, d) => s + Math.max(0, Math.round(d / FRAME_MS) - 1), 0),
    };
    result.longTaskWorkPerFrame = mapRound(dist(longTaskWork), 1);
    const inWindow = b.longtasks.filter(([s]) => s >= windowStart && s <= windowEnd);
    result.longTasksInput = longTaskSummary(inWindow);
    result.lateness = { max: round(Math.max(...sent.map((s) => s.late))), p95: round(percentile(sent.map((s) => s.late), 95)) };
    result.ackMs = { ...mapRound(dist(sent.map((s) => s.ack)), 1) };

    if (traced) {
      if (process.env.BENCH_DUMP_TRACE) {
        writeFileSync(`${process.env.BENCH_DUMP_TRACE}-${c.page}-${c.size}${later ? '-later' : ''}.json`, JSON.stringify({ ...traced, sent, windowStart, windowEnd, rafs: b.rafs }));
      }
      result.work = mainThreadWork(traced, sent, windowStart, windowEnd, b.rafs);
    }
    return result;
  } catch (e) {
    if (e instanceof TimeoutError) { result.timedOut = e.message; return result; }
    throw e;
  } finally {
    // A renderer stuck in a long task must not hold the run: closing the context kills it.
    if (page) await withTimeout(page.close(), 30_000, 'close').catch(() => {});
    phase('closed');
    result.wallMs = Date.now() - t;
  }
}

const mapRound = (o, d) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, round(v, d)]));
function longTaskSummary(list) {
  return {
    count: list.length,
    totalMs: round(list.reduce((s, [, d]) => s + d, 0), 0),
    maxMs: round(list.length ? Math.max(...list.map(([, d]) => d)) : 0, 0),
  };
}

/**
 * Where the machine's cores went between trace times `from` and `to` (µs): per thread name (the
 * threads of one name summed: thread pools), the time its top-level trace events took by the wall
 * clock and by the thread's own clock, in ms; the eight with the most thread time.
 */
function threadsBusy(events, from, to) {
  const { byThread, names } = threadEvents(events, () => true);
  const out = {};
  for (const [key, list] of byThread) {
    const t = (out[names.get(key) ?? key] ??= { wallMs: 0, cpuMs: 0 });
    for (const e of topLevel(list)) {
      if (e.ts < from || e.ts >= to) continue;
      t.wallMs += e.dur / 1000;
      t.cpuMs += e.tdur / 1000;
    }
  }
  return Object.fromEntries(Object.entries(out).sort((a, b) => b[1].cpuMs - a[1].cpuMs).slice(0, 8)
    .map(([n, t]) => [n, { wallMs: round(t.wallMs, 1), cpuMs: round(t.cpuMs, 1) }]));
}

/**
 * Main-thread work during the input, from a trace of the input window (see the header): per
 * frame (the intervals between the page's animation frames that overlap the window), and per
 * input slot (from an input being sent to the next one). Page times in ms.
 */
function mainThreadWork({ events, bytes, dataLoss }, sent, windowStart, windowEnd, rafs) {
  // Trace µs against page ms: the bench:t0 mark carries both.
  const mark = events.find((e) => e.name === 'bench:t0' && e.args?.data?.startTime !== undefined);
  if (!mark) throw new Error('the trace has no bench:t0 mark');
  const toTrace = (pageMs) => mark.ts + (pageMs - mark.args.data.startTime) * 1000;
  const all = tasks(mainThreadEvents(events));
  const zero = () => ({ work: 0, cpu: 0, ...Object.fromEntries(KINDS.map((k) => [k, 0])) });
  // Sums each task into the interval [bounds[i], bounds[i + 1]) its start falls in.
  const bin = (bounds) => {
    const bins = bounds.slice(1).map(zero);
    const names = {};
    let i = 0;
    for (const t of all) {
      if (t.ts < bounds[0] || t.ts >= bounds[bounds.length - 1]) continue;
      while (t.ts >= bounds[i + 1]) i++;
      bins[i].work += t.dur / 1000;
      bins[i].cpu += t.tdur / 1000;
      for (const kind of KINDS) bins[i][kind] += t.kinds[kind] / 1000;
      for (const [n, us] of Object.entries(t.names)) names[n] = (names[n] ?? 0) + us / 1000;
    }
    return { bins, names };
  };
  const frameBounds = [];
  for (let i = 1; i < rafs.length; i++) {
    if (rafs[i] > windowStart && rafs[i - 1] < windowEnd) {
      if (frameBounds.length === 0) frameBounds.push(toTrace(rafs[i - 1]));
      frameBounds.push(toTrace(rafs[i]));
    }
  }
  const frames = bin(frameBounds);
  const slots = bin([...sent.map((x) => toTrace(x.sent)), toTrace(windowEnd)]);
  const col = (bins, key) => bins.map((p) => p[key]);
  const sum = (xs) => xs.reduce((a, b) => a + b, 0);
  const span = (frameBounds[frameBounds.length - 1] - frameBounds[0]) / 1000;
  return {
    frames: frames.bins.length,
    ...mapRound(dist(col(frames.bins, 'work')), 2),
    // Per kind: its p50/p95 over the frames, and its total.
    breakdown: Object.fromEntries(KINDS.map((kind) => [kind, {
      ...mapRound(dist(col(frames.bins, kind)), 2), total: round(sum(col(frames.bins, kind)), 1),
    }])),
    totalMs: round(sum(col(frames.bins, 'work')), 1),
    // The same tasks by the main thread's own clock (trace `tdur`): the time it ran, without
    // the time it waited for a core or for another thread (see the header).
    cpu: { ...mapRound(dist(col(frames.bins, 'cpu')), 2), total: round(sum(col(frames.bins, 'cpu')), 1) },
    threads: threadsBusy(events, frameBounds[0], frameBounds[frameBounds.length - 1]),
    windowMs: round(span, 0),
    busyShare: round(sum(col(frames.bins, 'work')) / span, 2),
    // The same tasks binned by input slot instead (a task handling several coalesced inputs
    // counts for the first of them only, so p50 can be 0).
    slots: { inputs: slots.bins.length, ...mapRound(dist(col(slots.bins, 'work')), 2) },
    // The event names with the most self time, to check the categories against.
    topNames: Object.entries(frames.names).sort((a, b) => b[1] - a[1]).slice(0, 12)
      .map(([n, ms]) => [n, categoryOf(n) ?? '(inherited)', round(ms, 1)]),
    perFrame: frames.bins.map((p) => mapRound(p, 2)),
    traceMB: round(bytes / 1e6, 1),
    dataLoss: !!dataLoss,
  };
}

// --- the runs ---
const browser = await launch();
const cases = [];
// The machine's floor (bench/frames-sites.mjs writes the page): what answering an input costs
// at all, here, in this run.
if (FLOOR) cases.push({ page: 'floor', size: 'floor', path: '/bench/floor.html' });
if (BUNDLED) cases.push({ page: 'app', size: 'bundled', path: '/' });
for (const n of SIZES) {
  cases.push({ page: 'app', size: label(n), path: `/?data=bench/events-${n}.json` });
  cases.push({ page: 'vis', size: label(n), path: `/bench/vis-${n}.html` });
}
// BENCH_PAGES=app (or vis) runs one page only: for trying a change, not for the report.
if (process.env.BENCH_PAGES) {
  const keep = new Set(process.env.BENCH_PAGES.split(','));
  cases.splice(0, cases.length, ...cases.filter((c) => keep.has(c.page)));
}
const runsOf = (c, runs) => (c.page === 'vis' && c.size === '100k' ? Math.min(runs, VIS_100K_RUNS) : runs);
const started = Date.now();
const all = [];
for (const [pass, runs] of [['frames', RUNS], ['trace', TRACE_RUNS], ['later', LATER_RUNS]]) {
  for (let r = 0; r < runs; r++) {
    for (const c of cases) {
      if (r >= runsOf(c, runs)) continue;
      // A page that never got through the input in the frames pass would not under a trace.
      const framesRuns = all.filter((x) => x.pass === 'frames' && x.page === c.page && x.size === c.size);
      if (pass !== 'frames' && framesRuns.length && framesRuns.every((x) => x.timedOut)) {
        all.push({ ...c, pass, skipped: `the frames pass timed out (${framesRuns[0].timedOut})` });
        continue;
      }
      if (pass === 'later' && c.page === 'vis' && c.size === '100k') {
        all.push({ ...c, pass, skipped: 'not run (one load takes minutes)' });
        continue;
      }
      if (pass === 'trace' && c.page === 'vis' && c.size === '100k' && !TRACE_VIS_100K) {
        all.push({ ...c, pass, skipped: 'not traced by default (BENCH_TRACE_VIS_100K=1 traces it)' });
        continue;
      }
      const res = await measure(browser, c, { trace: pass !== 'frames', later: pass === 'later' });
      all.push(res);
      console.error(`${pass} ${r + 1}/${runsOf(c, runs)} ${c.page} ${c.size}: ` +
        (res.timedOut ? `timed out: ${res.timedOut}` : `first render ${res.firstRenderMs.toFixed(0)} ms, ` +
          `frame p95 ${res.frames.p95} ms, long tasks ${res.longTasksInput.count}`) +
        ` (${(res.wallMs / 1000).toFixed(1)} s)`);
    }
  }
}
const version = await browser.version();
await browser.close();

// --- the report: per (page, size), the median run ---
const results = [];
for (const c of cases) {
  const mine = (pass) => all.filter((r) => r.page === c.page && r.size === c.size && r.pass === pass);
  const frames = mine('frames');
  const ok = frames.filter((r) => !r.timedOut);
  const res = { page: c.page, size: c.size, path: c.path, runs: frames.length };
  // First render: every load of the page and size that got there, in all three passes. Their
  // loads are alike (a fresh context, the same init script; a trace starts only after the load),
  // so each is one more sample of it: the median of nine rather than three, which a single slow
  // or quick load moved by a tenth at 10k events. Settled is read in the frames pass only.
  const loads = all.filter((r) => r.page === c.page && r.size === c.size && r.firstRenderMs !== undefined);
  if (loads.length) {
    Object.assign(res, {
      firstRenderMs: round(median(loads.map((r) => r.firstRenderMs)), 0),
      firstRenderRuns: loads.map((r) => round(r.firstRenderMs, 0)),
      firstRenderPasses: loads.map((r) => r.pass),
      // The same moment counted from navigation start (the wasm's or the library's download and
      // start-up included), for comparison with measurements that count from there.
      firstRenderFromNavigationMs: round(median(loads.map((r) => r.firstRenderFromNavigationMs)), 0),
    });
  }
  const rendered = frames.filter((r) => r.firstRenderMs !== undefined);
  if (rendered.length) {
    Object.assign(res, {
      settledMs: round(median(rendered.map((r) => r.settledMs)), 0),
      settledRuns: rendered.map((r) => round(r.settledMs, 0)),
      longTasksLoad: rendered[Math.floor((rendered.length - 1) / 2)].longTasksLoad,
    });
  }
  // Runs that did not get through: their reasons (first render, or the input).
  res.timedOutRuns = frames.filter((r) => r.timedOut).map((r) => r.timedOut);
  if (ok.length === 0) {
    res.timedOut = frames[0]?.timedOut ?? 'not run';
  } else {
    const chosen = [...ok].sort((a, b) => a.frames.p95 - b.frames.p95)[Math.floor((ok.length - 1) / 2)];
    Object.assign(res, {
      inputArea: chosen.inputArea, window: chosen.window, frames: chosen.frames,
      framesP95Runs: ok.map((r) => r.frames.p95),
      longTasksInput: chosen.longTasksInput, longTasksLoad: chosen.longTasksLoad,
      lateness: chosen.lateness, ackMs: chosen.ackMs, dom: chosen.dom,
      longTaskWorkPerFrame: chosen.longTaskWorkPerFrame,
    });
  }
  const traced = mine('trace').filter((r) => r.work);
  if (traced.length) {
    const t = [...traced].sort((a, b) => a.work.p95 - b.work.p95)[Math.floor((traced.length - 1) / 2)];
    res.work = t.work;
    res.traceRuns = traced.length;
    res.workP95Runs = traced.map((r) => r.work.p95);
    res.workCpuP95Runs = traced.map((r) => r.work.cpu.p95);
    // The same input under tracing, to show the trace's overhead (compare with frames above).
    res.tracedPass = { firstRenderMs: round(t.firstRenderMs, 0), frames: t.frames, longTasksInput: t.longTasksInput };
  } else if (mine('trace').length) {
    res.notTraced = mine('trace')[0].skipped ?? mine('trace')[0].timedOut;
  }
  const later = mine('later').filter((r) => r.work);
  if (later.length) {
    res.workLater = [...later].sort((a, b) => a.work.p95 - b.work.p95)[Math.floor((later.length - 1) / 2)].work;
    res.laterRuns = later.length;
    res.workLaterP95Runs = later.map((r) => r.work.p95);
    res.workLaterCpuP95Runs = later.map((r) => r.work.cpu.p95);
  } else if (mine('later').length) {
    res.notLater = mine('later')[0].skipped ?? mine('later')[0].timedOut;
  }
  results.push(res);
}
const report = {
  date: new Date().toISOString().slice(0, 10),
  browser: `Chromium ${version}`,
  viewport: VIEWPORT,
  runs: { frames: RUNS, trace: TRACE_RUNS, later: LATER_RUNS, vis100k: VIS_100K_RUNS, traceVis100k: TRACE_VIS_100K },
  input: { wheels: WHEELS, deltaY: -120, moves: MOVES, movePx: 12, slotMs: SLOT_MS, afterMs: AFTER_MS },
  droppedMs: DROPPED_MS,
  renderTimeoutS: RENDER_TIMEOUT / 1000,
  inputTimeoutS: INPUT_TIMEOUT / 1000,
  wallSeconds: round((Date.now() - started) / 1000, 0),
  results,
  all: all.map(({ work, ...r }) => (work ? { ...r, work: { ...work, perFrame: undefined } } : r)),
};
writeFileSync(out, JSON.stringify(report, null, 2));

// --- the summary ---
const f = (x, d = 0) => (typeof x === 'number' ? x.toFixed(d) : '–');
const rows = [['page', 'size', 'first render', 'frames p50/p95/max', 'dropped', 'long tasks input', 'long tasks load',
  'work p50/p95/max', 'work p95 thread clock', 'p95 script/style/layout/paint', 'DOM', 'late max', 'answer p95/max']];
for (const r of results) {
  if (r.timedOut) {
    rows.push([r.page, r.size, r.firstRenderMs !== undefined ? `${f(r.firstRenderMs)} ms` : 'timed out', 'timed out (below)']);
    continue;
  }
  const w = r.work;
  rows.push([r.page, r.size, `${f(r.firstRenderMs)} ms`,
    `${f(r.frames.p50, 1)}/${f(r.frames.p95, 1)}/${f(r.frames.max, 0)} ms`, `${r.frames.dropped}/${r.frames.count}`,
    `${r.longTasksInput.count} (${r.longTasksInput.totalMs} ms, max ${r.longTasksInput.maxMs})`,
    `${r.longTasksLoad.count} (${r.longTasksLoad.totalMs} ms)`,
    w ? `${f(w.p50, 1)}/${f(w.p95, 1)}/${f(w.max, 0)} ms` : (r.notTraced ? `not traced (p95 ≥ ${f(r.longTaskWorkPerFrame.p95, 0)})` : '–'),
    w?.cpu ? `${f(w.cpu.p95, 1)} ms` : '–',
    w ? ['script', 'style', 'layout', 'paint'].map((k) => f(w.breakdown[k].p95, 1)).join('/') : '–',
    r.dom.marks !== undefined ? `${r.dom.marks} marks` : `${r.dom.items} items (${r.dom.clusters} clusters)`,
    `${f(r.lateness.max, 0)} ms`, `${f(r.ackMs.p95, 0)}/${f(r.ackMs.max, 0)} ms`]);
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
for (const r of rows) console.log(r.map((c, i) => (c ?? '').padEnd(widths[i])).join('  ').trimEnd());
for (const r of results.filter((x) => x.timedOut)) console.log(`${r.page} ${r.size} timed out: ${r.timedOut}`);
console.log(`${all.length} loads in ${report.wallSeconds} s; JSON in ${out}`);
