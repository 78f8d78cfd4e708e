// The "Frames while zooming and panning" section of docs/benchmarks.md, from the JSON of
// bench/frames.mjs: this app against vis-timeline 7.7.4 at 1k, 10k and 100k events, what is
// measured, and the targets (met / not met).
// Usage: node bench/frames-report.mjs target/bench-frames.json            (prints the section)
//        node bench/frames-report.mjs target/bench-frames.json --into FILE (replaces the section in
//        FILE, from its heading to the next "## " heading; inserts it before "## Phone load", or
//        at the end, when FILE has none yet)
import { readFileSync } from 'node:fs';
import { writeSection } from './report-section.mjs';

const HEADING = '## Frames while zooming and panning (1k, 10k, 100k events)';
const TARGETS = { frameP95Ms: 17.5, firstRenderRatio: { '10k': 0.15, '100k': 0.05 }, workP95Ms: 8 };

const [file, flag, into] = process.argv.slice(2);
const r = JSON.parse(readFileSync(file, 'utf8'));
const get = (page, size) => r.results.find((x) => x.page === page && x.size === size);
const sizes = [...new Set(r.results.filter((x) => x.page !== 'floor' && x.size !== 'bundled').map((x) => x.size))];
const floor = r.results.find((x) => x.page === 'floor');

const ok = (b) => (b ? 'met' : '**not met**');
const PAGE_NAMES = { floor: 'the floor', app: 'this app', vis: 'vis-timeline' };
const n0 = (x) => (typeof x === 'number' ? Math.round(x).toLocaleString('en-US').replace(/,/g, ' ') : '–');
// One decimal for frame-sized figures; whole numbers (grouped) from 1000 up.
const n1 = (x) => (typeof x !== 'number' ? '–' : x >= 1000 ? n0(x) : x.toFixed(1));
// Why a figure is missing: the load timed out (first render), or the page never got through the
// input within the time allowed.
const why = (x) => {
  if (!x) return 'not run';
  if (x.timedOut?.startsWith('first render')) return `timed out (> ${r.renderTimeoutS ?? 120} s)`;
  if (x.timedOut?.startsWith('input')) return 'input not handled in time';
  return x.timedOut ?? '–';
};
const firstRender = (x) => (x?.firstRenderMs !== undefined ? n0(x.firstRenderMs) : why(x));
// Settled: measured from the first render on (an older run's JSON has none).
const settled = (x) => (x?.settledMs !== undefined ? n0(x.settledMs) : x?.firstRenderMs !== undefined ? '–' : why(x));
const settledRatio = (a, v) => (a?.settledMs !== undefined && v?.settledMs !== undefined
  ? { value: a.settledMs / v.settledMs, bound: false } : null);
const frameP95 = (x) => (x?.frames ? n1(x.frames.p95) : why(x));
const longTasks = (x) => (x?.longTasksInput ? `${x.longTasksInput.count} (${n0(x.longTasksInput.totalMs)})` : why(x));
const workP95 = (x) => {
  if (x?.work) return n1(x.work.p95);
  if (x?.timedOut) return why(x);
  if (x?.longTaskWorkPerFrame) return `≥ ${n0(x.longTaskWorkPerFrame.p95)}`;
  return '–';
};
const ratioOf = (a, v) => {
  if (a?.firstRenderMs === undefined) return null;
  if (v?.firstRenderMs !== undefined) return { value: a.firstRenderMs / v.firstRenderMs, bound: false };
  // vis never rendered within the timeout: the ratio is at most ours ÷ the timeout.
  if (v?.timedOut?.startsWith('first render')) return { value: a.firstRenderMs / ((r.renderTimeoutS ?? 120) * 1000), bound: true };
  return null;
};
// The loads behind two first renders' medians: how many, and their range (an older run's JSON
// has none).
const spread = (x) => {
  const xs = x?.firstRenderRuns;
  return xs?.length > 1 ? `${xs.length} loads, ${n0(Math.min(...xs))}–${n0(Math.max(...xs))} ms` : null;
};
const loadsOf = (a, v) => {
  const [sa, sv] = [spread(a), spread(v)];
  return sa || sv ? ` (this app ${sa ?? '–'}; vis-timeline ${sv ?? '–'})` : '';
};
const ratioText = (q) => (q ? `${q.bound ? '< ' : ''}${q.value.toFixed(q.value < 0.1 ? 3 : 2)}×` : '–');

const times = (n) => (n === 1 ? 'once' : `${n} times`);
const lines = [
  HEADING,
  '',
  `Produced by \`make bench\` (${r.date}, ${r.browser}, headless, ${r.viewport.width}×${r.viewport.height}, release build) with`,
  '`bench/frames.mjs`, which documents exactly what it measures. The same synthetic events',
  '(`gen-dataset --seed 1`) are shown by this app (`/?data=bench/events-N.json`) and by vis-timeline',
  '7.7.4 (`bench/vis-N.html`, written by `bench/frames-sites.mjs`: groups = lanes, clustering on',
  '(`cluster: {}`), axis on top, in the same box as our timeline). Each page and size is loaded',
  `${times(r.runs.frames)}, interleaved, in a fresh browser context; the run shown is the median by frame p95`,
  `(first render: the median of every load of the page and size, those of the traced passes below included,`,
  `whose traces start after it; settled: of this pass's loads only, so its median can fall below the first render's).`,
  `vis-timeline at 100k events is loaded ${times(r.runs.vis100k)}${r.runs.traceVis100k ? '' : ' and not traced'}`,
  '(one load takes 3 to 6 minutes), which keeps `make bench` under 30 minutes. Chromium is driven',
  'over the DevTools protocol by `bench/devtools.mjs`, not Playwright: Playwright turns on network',
  'capture, for which Chromium keeps every response body and decodes a text one on the page\'s main',
  'thread (~100 ms of a 10k-event load, inside this app\'s first render and outside vis-timeline\'s).',
  '',
  '- *first render*: this app from Trunk\'s `TrunkApplicationStarted` (the wasm has loaded; fetching,',
  '  parsing and validating the dataset file follow and are counted) to the first animation frame',
  '  with one of its marks in the DOM; vis-timeline from just before `new vis.Timeline(...)` (the',
  '  library has loaded and the converted JSON is fetched and parsed, which is not counted) to the',
  '  first animation frame with a `.vis-item` (a cluster is one). Both timed in the page with',
  `  \`performance.now()\`; a load that takes over ${r.renderTimeoutS ?? 120} s is recorded as timed out.`,
  `- *input*: after 1 s to settle, ${r.input.wheels} wheel notches (deltaY ${String(r.input.deltaY).replace('-', '−')}, zoom in) at points spread over`,
  `  the middle of the timeline, then a drag of ${r.input.moves} moves of ${r.input.movePx} px, as real DevTools-protocol mouse events,`,
  `  one every ${r.input.slotMs} ms on the wall clock, never waiting for a frame or for the page's answer (the`,
  '  browser queues and coalesces them, as it does real input). Each library zooms by its own',
  `  factor per notch. The *input window* runs from the first input to ${r.input.afterMs} ms after the last one was`,
  '  sent or reached the page, whichever is later.',
  '- *frame p95*: the 95th percentile of the intervals between consecutive `requestAnimationFrame`',
  `  callbacks over the input window. Headless Chromium draws at 60 Hz, so ≤ ${r.droppedMs} ms means no dropped`,
  '  frame.',
  '- *long tasks during input*: tasks over 50 ms (the page\'s own `PerformanceObserver` for',
  '  `longtask`) that started in the input window: how many, and their total duration in ms.',
  `- *per-input work*: from separate, traced loads (${times(r.runs.trace ?? 1)} per page and size, the median by this p95`,
  '  shown; so the trace\'s overhead does not touch the figures above): the renderer main',
  '  thread\'s top-level tasks (script + style + layout + paint +',
  '  GC, nested trace events not added again) summed per animation frame over the input window,',
  '  95th percentile over the frames. Inputs come one per 16 ms and frames one per 16.7 ms, so a',
  '  page that keeps up handles one input per frame and a frame\'s work is that input\'s; a page',
  '  that falls behind gets the queued inputs coalesced and a frame\'s work is what the user waited',
  '  for. vis-timeline at 100k events is not traced (its load takes minutes): its figure is the',
  '  lower bound given by the long tasks that started in each frame (≥).',
  `- *a later gesture*: per-input work again (${times(r.runs.later ?? 1)}, the median shown), in loads where the same input and its way`,
  '  back (the notches zooming out again, the drag dragged back) were sent first, untraced, then',
  '  1.5 s at rest: the gestures after a reader\'s first one. The first pays for what the browser',
  '  does once: in this app, V8 compiling optimised code for the hot wasm functions on another',
  '  thread, which on two cores competes with the page. Not run for vis-timeline at 100k.',
  '- *settled*: from the same start to the first animation frame after the last change to the',
  '  drawn items (ours: a mark\'s attributes or text, a lane\'s marks; vis-timeline: an item\'s, a',
  '  group\'s items) within a second of the first render, the first render itself when none',
  '  changes: when the reader sees the view the page stays on, not a first draft of it. Watched only',
  '  from the first render on, so that it costs neither page\'s load anything. Not a target.',
  '- *by the thread\'s clock*: the same per-frame sums, each task counted for the time the main',
  '  thread ran (the trace\'s `tdur`), not the time it was runnable and waiting for one of the two',
  '  cores or blocked on another thread (a commit waits for the compositor\'s): the page\'s own work',
  '  per input. The wall clock\'s figure above is that plus the waiting.',
  '',
  '| events | first render: app / vis (ms) | ratio | settled: app / vis (ms) | ratio | frame p95: app / vis (ms) | long tasks during input: app / vis (count (total ms)) | per-input work p95 app / vis (ms) | the same, a later gesture (ms) |',
  '|---|---|---|---|---|---|---|---|---|',
];
// Chromium's thread names, as a reader knows them.
const THREAD_NAMES = {
  CrRendererMain: 'the page\'s main thread',
  'DedicatedWorker thread': 'workers (the sketch worker)',
  VizCompositorThread: 'display compositor',
  Compositor: 'the page\'s compositor',
  ThreadPoolForegroundWorker: 'pool threads (rasterising, V8 compiling)',
  CrBrowserMain: 'browser main thread',
  Chrome_ChildIOThread: 'IO threads (child)',
  Chrome_IOThread: 'browser IO thread',
};
// Each traced run's p95, when there were several (the median is the figure).
const runsOf = (runs) => (runs?.length > 1 ? ` (median of ${runs.length} runs: ${runs.map(n1).join(', ')})` : '');
// The same p95 by the main thread's own clock, with each run's.
const byClock = (w, runs) => (w?.cpu ? `; by the thread's clock ${n1(w.cpu.p95)} ms${runsOf(runs)}` : '');
const laterP95 = (x) => (x?.workLater ? n1(x.workLater.p95) : x?.notLater ? 'not run' : '–');
for (const s of sizes) {
  const [a, v] = [get('app', s), get('vis', s)];
  lines.push(`| ${s} | ${firstRender(a)} / ${firstRender(v)} | ${ratioText(ratioOf(a, v))} | ${settled(a)} / ${settled(v)} | ${ratioText(settledRatio(a, v))} | ${frameP95(a)} / ${frameP95(v)} | ${longTasks(a)} / ${longTasks(v)} | ${workP95(a)} / ${workP95(v)} | ${laterP95(a)} / ${laterP95(v)} |`);
}
lines.push('');
if (floor?.work) {
  lines.push('The machine\'s floor in this run (`bench/floor.html`, written by `bench/frames-sites.mjs`: a page',
    'whose answer to every input is one compositor-only transform of one element, driven and traced',
    `the same way): per-input work p95 ${n1(floor.work.p95)} ms on a first gesture, ${floor.workLater ? `${n1(floor.workLater.p95)} on a later one` : 'a later one not measured'};`,
    `frame p95 ${frameP95(floor)} ms: about as little as a page can do in answer to an input, on this machine.`, '');
}

// Targets, for this app.
lines.push('Targets (this app):', '');
for (const s of ['10k', '100k'].filter((x) => sizes.includes(x))) {
  const a = get('app', s);
  lines.push(a?.frames
    ? `- frame p95 at ${s}: ${n1(a.frames.p95)} ms (target ≤ ${TARGETS.frameP95Ms} ms) — ${ok(a.frames.p95 <= TARGETS.frameP95Ms)}`
    : `- frame p95 at ${s}: ${why(a)} (target ≤ ${TARGETS.frameP95Ms} ms) — ${ok(false)}`);
  lines.push(a?.longTasksInput
    ? `- long tasks during input at ${s}: ${a.longTasksInput.count} (target 0) — ${ok(a.longTasksInput.count === 0)}`
    : `- long tasks during input at ${s}: ${why(a)} (target 0) — ${ok(false)}`);
}
for (const s of ['10k', '100k'].filter((x) => sizes.includes(x))) {
  const q = ratioOf(get('app', s), get('vis', s));
  const target = TARGETS.firstRenderRatio[s];
  lines.push(q
    ? `- first render at ${s}: ${ratioText(q)} vis-timeline's (target ≤ ${target}×) — ${ok(q.value <= target)}${loadsOf(get('app', s), get('vis', s))}`
    : `- first render at ${s}: no ratio (${why(get('app', s))} / ${why(get('vis', s))}) (target ≤ ${target}×) — not measured`);
}
for (const s of ['10k', '100k'].filter((x) => sizes.includes(x))) {
  const q = settledRatio(get('app', s), get('vis', s));
  if (q) lines.push(`- settled at ${s}: ${ratioText(q)} vis-timeline's (not a target; the first render's is)`);
}
for (const s of sizes) {
  const a = get('app', s);
  lines.push(a?.work
    ? `- per-input work p95 at ${s}: ${n1(a.work.p95)} ms${runsOf(a.workP95Runs)} (target < ${TARGETS.workP95Ms} ms) — ${ok(a.work.p95 < TARGETS.workP95Ms)}${byClock(a.work, a.workCpuP95Runs)}`
    : `- per-input work p95 at ${s}: not measured (${why(a)}) (target < ${TARGETS.workP95Ms} ms) — ${ok(false)}`);
}
for (const s of sizes) {
  const w = get('app', s)?.workLater;
  if (w) lines.push(`- per-input work p95 at ${s}, a later gesture: ${n1(w.p95)} ms${runsOf(get('app', s).workLaterP95Runs)} (target < ${TARGETS.workP95Ms} ms) — ${ok(w.p95 < TARGETS.workP95Ms)}${byClock(w, get('app', s).workLaterCpuP95Runs)}`);
}
lines.push('');

// Where the two cores went over a first gesture's frames, this app, the run shown.
const busy = sizes.map((s) => [s, get('app', s)?.work?.threads]).filter(([, t]) => t);
if (busy.length) {
  lines.push('Where the two cores went over this app\'s first gesture (the traced run shown above, over the',
    'input\'s frames; per thread, the time its tasks took by the wall clock / by its own clock, in ms;',
    'thread pools summed; the busiest eight by thread time):', '');
  for (const [s, t] of busy) {
    // The window's own length (traces of an earlier bench have none: then the frames at 60 Hz).
    const span = get('app', s).work.windowMs ?? (get('app', s).work.frames * 1000) / 60;
    const cpu = Object.values(t).reduce((sum, x) => sum + x.cpuMs, 0);
    lines.push(`- ${s} (${get('app', s).work.frames} frames, ${n0(span)} ms; these threads ran ${n0(cpu)} ms, ${Math.round((100 * cpu) / (2 * span))} % of two cores): ` +
      `${Object.entries(t).map(([n, x]) => `${THREAD_NAMES[n] ?? n} ${n0(x.wallMs)} / ${n0(x.cpuMs)}`).join('; ')}`);
  }
  lines.push('');
}

// The details behind the table, both pages.
lines.push('Details (frames: p50 / p95 / max and intervals over 17.5 ms of all; per-input work: p50 / p95 / max',
  'per frame, the p95 per frame of its script / style / layout / paint parts, and the main thread\'s busy',
  'share of the window; *answer*: how long Chromium took to answer an input, p95 / max, i.e. how long the',
  'page kept it waiting; *late*: how late the inputs were sent against their 16 ms schedule, p95 / max;',
  '*traced*: frame p95 in the traced load, to show the trace\'s overhead):', '');
lines.push('| page | events | frames (ms) | dropped | long tasks at load | per-input work (ms) | script / style / layout / paint p95 (ms) | busy | answer (ms) | late (ms) | DOM at end | traced |');
lines.push('|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const s of ['floor', 'bundled', ...sizes]) {
  for (const page of ['floor', 'app', 'vis']) {
    const x = get(page, s);
    if (!x) continue;
    const name = PAGE_NAMES[page];
    const load = x.longTasksLoad ? `${x.longTasksLoad.count} (${n0(x.longTasksLoad.totalMs)} ms)` : '–';
    if (!x.frames) {
      lines.push(`| ${name} | ${s} | ${why(x)} | | ${load} | | | | | | | |`);
      continue;
    }
    const w = x.work;
    const dom = x.dom.marks !== undefined ? `${x.dom.marks} marks` : `${x.dom.items} items (${x.dom.clusters} clusters)`;
    lines.push(`| ${name} | ${s} | ${n1(x.frames.p50)} / ${n1(x.frames.p95)} / ${n0(x.frames.max)} | ${x.frames.dropped} of ${x.frames.count} | ${load} | ` +
      (w ? `${n1(w.p50)} / ${n1(w.p95)} / ${n0(w.max)} | ${['script', 'style', 'layout', 'paint'].map((k) => n1(w.breakdown[k].p95)).join(' / ')} | ${Math.round(w.busyShare * 100)} % | `
        : `${x.notTraced ? `not traced (≥ ${n0(x.longTaskWorkPerFrame.p50)} / ${n0(x.longTaskWorkPerFrame.p95)} / ${n0(x.longTaskWorkPerFrame.max)})` : '–'} | | | `) +
      `${n0(x.ackMs.p95)} / ${n0(x.ackMs.max)} | ${n0(x.lateness.p95)} / ${n0(x.lateness.max)} | ${dom} | ${x.tracedPass ? n1(x.tracedPass.frames.p95) : '–'} |`);
  }
}
lines.push('');
const timedOut = r.results.filter((x) => x.timedOutRuns?.length);
if (timedOut.length) {
  lines.push('Timed out:', '');
  for (const x of timedOut) lines.push(`- ${PAGE_NAMES[x.page]} at ${x.size}: ${x.timedOutRuns.join('; ')}`);
  lines.push('');
}
lines.push(`This run of \`bench/frames.mjs\` took ${r.wallSeconds < 120 ? `${r.wallSeconds} s` : `${Math.round(r.wallSeconds / 60)} min`}.`);

const section = lines.join('\n') + '\n';
if (flag === '--into') {
  writeSection(into, HEADING, section, '## Phone load');
} else {
  process.stdout.write(section);
}
