// The three sites of the phone-load benchmark (bench/phone.mjs), built into a scratch directory:
//   ours        a copy of the release build in dist/;
//   timelinejs  TimelineJS 3.9.11 (its own dist/ JS, CSS, fonts CSS, icons and locales, from
//               bench/node_modules) showing the events of public/data/cooperation.json;
//   vis         vis-timeline 7.7.4 (the standalone UMD build and its CSS) showing the same events.
// The dataset is converted here, at bench time, so the reference pages always show what the app
// shows: the same 58 events, the same dates at the same precision, the English title (French when
// there is none), grouped by lane (the app's "kind" of event). The converted data is inlined in
// each reference page, as a typical embed would carry it; the app fetches its whole dataset file
// (summaries, sources, people...) at run time, so the reference pages carry less data than ours.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BENCH = dirname(fileURLToPath(import.meta.url));
const REPO = join(BENCH, '..');
const MODULES = join(BENCH, 'node_modules');

/** `"2012"`, `"2012-09"` or `"2012-09-25"` as numbers, keeping the precision (absent parts stay absent). */
export function parseDate(s) {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(s);
  if (!m) throw new Error(`not a dataset date: ${s}`);
  const [year, month, day] = [m[1], m[2], m[3]].map((x) => (x === undefined ? undefined : Number(x)));
  return { year, month, day };
}

/** A dataset text in English, French when there is none (what the reference pages show). */
export const text = (t) => t.en ?? t.fr;
// The reference libraries insert headlines as HTML; dataset text must stay text.
export const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
// JSON inside a <script> element: no "</script>" can end it early.
const inlineJson = (x) => JSON.stringify(x).replace(/</g, '\\u003c');

/** TimelineJS's `{year, month, day}` at the date's own precision. */
function tlDate(s) {
  const { year, month, day } = parseDate(s);
  return { year, ...(month ? { month } : {}), ...(day ? { day } : {}) };
}

/** The dataset as TimelineJS JSON: a title slide, then one slide per event, grouped by lane. */
export function toTimelineJs(data) {
  const lane = Object.fromEntries(data.lanes.map((l) => [l.id, text(l.label)]));
  return {
    title: { text: { headline: escapeHtml(text(data.title)) } },
    events: data.events.map((e) => ({
      start_date: tlDate(e.date.start),
      ...(e.date.end ? { end_date: tlDate(e.date.end) } : {}),
      text: { headline: escapeHtml(text(e.title)) },
      group: lane[e.lane],
      unique_id: e.id,
    })),
  };
}

const iso = ({ year, month = 1, day = 1 }) =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** The first day after the period a partial date names (the end of a year, month or day). */
function afterPeriod(s) {
  const { year, month, day } = parseDate(s);
  const d = new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1));
  if (day) d.setUTCDate(d.getUTCDate() + 1);
  else if (month) d.setUTCMonth(d.getUTCMonth() + 1);
  else d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The dataset as vis-timeline groups and items. vis-timeline has no notion of precision: an event
 * with an end becomes a range from the start of its first period to the end of its last one
 * (a month-precise end covers that month); an event without one becomes a box at its start.
 */
export function toVis(data) {
  return {
    groups: data.lanes.map((l, i) => ({ id: l.id, content: escapeHtml(text(l.label)), order: i })),
    items: data.events.map((e) => ({
      id: e.id,
      group: e.lane,
      content: escapeHtml(text(e.title)),
      start: iso(parseDate(e.date.start)),
      ...(e.date.end ? { end: afterPeriod(e.date.end), type: 'range' } : { type: 'box' }),
    })),
  };
}

/**
 * Copies vis-timeline 7.7.4's standalone UMD build and its CSS from bench/node_modules into
 * `dir`/vis/ (the pages load them as vis/vis-timeline-graph2d.min.{js,css}). Also used by the
 * frames benchmark's pages (bench/frames-sites.mjs).
 */
export function copyVisAssets(dir) {
  mkdirSync(join(dir, 'vis'), { recursive: true });
  cpSync(join(MODULES, 'vis-timeline/standalone/umd/vis-timeline-graph2d.min.js'),
    join(dir, 'vis/vis-timeline-graph2d.min.js'));
  cpSync(join(MODULES, 'vis-timeline/styles/vis-timeline-graph2d.min.css'),
    join(dir, 'vis/vis-timeline-graph2d.min.css'));
}

/** The head of a reference page, up to its style sheet's link (the caller closes it). */
export const head = (title, css) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${css}">`;

function timelineJsPage(data) {
  const title = text(data.title);
  return `${head(title, 'tl/css/timeline.css')}
<style>html, body { margin: 0; height: 100%; } #timeline { width: 100%; height: 100%; }</style>
</head>
<body>
<div id="timeline"></div>
<script src="tl/js/timeline.js"></script>
<script>
  // script_path: the library loads its fonts CSS and locale from next to its script, here, not its CDN.
  window.timeline = new TL.Timeline('timeline', ${inlineJson(toTimelineJs(data))},
    { script_path: new URL('tl/js/', location.href).href });
</script>
</body>
</html>
`;
}

function visPage(data) {
  const title = text(data.title);
  const { groups, items } = toVis(data);
  return `${head(title, 'vis/vis-timeline-graph2d.min.css')}
<style>body { margin: 0; font-family: sans-serif; } h1 { font-size: 1.25rem; margin: 0.5rem; }</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<div id="timeline"></div>
<script src="vis/vis-timeline-graph2d.min.js"></script>
<script>
  window.timeline = new vis.Timeline(document.getElementById('timeline'),
    new vis.DataSet(${inlineJson(items)}), new vis.DataSet(${inlineJson(groups)}), {});
</script>
</body>
</html>
`;
}

/**
 * Builds the sites named in `names` (of ours, timelinejs, vis) under `root`, emptied first, and
 * returns their directories by name and the number of events.
 */
export function buildSites(root, names = ['ours', 'timelinejs', 'vis'], dist = join(REPO, 'dist')) {
  const data = JSON.parse(readFileSync(join(REPO, 'public/data/cooperation.json'), 'utf8'));
  rmSync(root, { recursive: true, force: true });
  const dirs = Object.fromEntries(names.map((n) => [n, join(root, n)]));
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  // dist/bench/ holds the desktop benchmark's synthetic datasets, not part of the site.
  if (dirs.ours) cpSync(dist, dirs.ours, { recursive: true, filter: (src) => src !== join(dist, 'bench') });
  if (dirs.timelinejs) {
    cpSync(join(MODULES, '@knight-lab/timelinejs/dist'), join(dirs.timelinejs, 'tl'), { recursive: true });
    writeFileSync(join(dirs.timelinejs, 'index.html'), timelineJsPage(data));
  }
  if (dirs.vis) {
    copyVisAssets(dirs.vis);
    writeFileSync(join(dirs.vis, 'index.html'), visPage(data));
  }
  return { dirs, events: data.events.length };
}
