// The vis-timeline side of the frames benchmark (bench/frames.mjs): for each synthetic dataset
// `events-N.json` in a directory of the served site (scripts/bench.sh: dist/bench/), writes
//   vis-N.json   the same events as vis-timeline items and groups (bench/phone-sites.mjs's toVis:
//                groups = lanes, a range from the start of an event's first period to the end of
//                its last, a box when it has no end), converted here at bench time so the page
//                always shows what the app shows;
//   vis-N.html   a page showing them with vis-timeline 7.7.4 (its standalone UMD build and CSS,
//                copied to vis/ next to the pages), clustering on.
// The page fetches and parses its JSON first, then dispatches a `VisTimelineStart` window event
// just before `new vis.Timeline(...)` (which also builds the DataSets, the library's own work):
// bench/frames.mjs times the first render from that event, as it times ours from Trunk's
// `TrunkApplicationStarted`. Fetching and parsing the JSON is therefore not counted for vis,
// while the app's first render includes fetching, parsing and validating its dataset file:
// that can only favour vis.
// Usage: node bench/frames-sites.mjs <dir holding events-N.json> [N...]   (default 1000 10000 100000)
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { copyVisAssets, escapeHtml, head, text, toVis } from './phone-sites.mjs';

// The app's timeline at the benchmark's 1400×900 viewport, measured on the release build: its body
// (lane labels on the left, then the axis and lanes) is at x 25, y 236, 1335 × 714 px, and its
// input area (`[data-testid=timeline]`, axis and lanes) at x 177, 1183 px wide. The vis timeline
// gets the same box; its group labels take ~157 px, so its item area (`.vis-center`) lands at
// x ~182, ~1178 px wide, and both draw their events over about the same area, where the same
// wheel/drag positions (relative to that area) fall. bench/frames.mjs records both input areas
// in its JSON, so a change of the app's layout shows.
export const VIS_BOX = { left: 25, top: 236, width: 1335, height: 714 };

export const DEFAULT_SIZES = [1000, 10000, 100000];

function visFramesPage(title, n) {
  const { left, top, width, height } = VIS_BOX;
  return `${head(title, 'vis/vis-timeline-graph2d.min.css')}
<style>
  body { margin: 0; font-family: sans-serif; }
  h1 { font-size: 1.25rem; margin: 0.5rem; }
  /* A box around the container: vis-timeline makes its container position: relative. */
  #box { position: absolute; left: ${left}px; top: ${top}px; width: ${width}px; }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<div id="box"><div id="timeline"></div></div>
<script src="vis/vis-timeline-graph2d.min.js"></script>
<script>
  fetch('vis-${n}.json').then((r) => r.json()).then(({ groups, items }) => {
    // The library and the data are here: the benchmark's clock for vis starts now.
    dispatchEvent(new Event('VisTimelineStart'));
    // cluster: {} turns vis-timeline's clustering on with its defaults (ItemSet.setOptions only
    // tests options.cluster for truth; maxItems defaults to 1).
    window.timeline = new vis.Timeline(document.getElementById('timeline'),
      new vis.DataSet(items), new vis.DataSet(groups), { cluster: {}, orientation: 'top', height: '${height}px' });
  });
</script>
</body>
</html>
`;
}

// The app's input area at the benchmark's viewport (see VIS_BOX), where the floor page puts its own.
const AREA = { left: 177, top: 236, width: 1183, height: 714 };

/**
 * The machine's floor (bench/frames.mjs measures it beside the app and vis-timeline): a page
 * whose answer to every input is one compositor-only change, a transform of one element holding
 * 200 marks, written in the next animation frame. A page can hardly answer a wheel or a drag
 * with less, so its per-input work is about what the browser and the machine cost by themselves. It says
 * it has started as Trunk does (`TrunkApplicationStarted`) and its marks are `.mark`, so it is
 * timed and counted as the app is.
 */
function floorPage() {
  const { left, top, width, height } = AREA;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<title>The floor: one transform per input</title>
<style>
  body { margin: 0; font-family: sans-serif; }
  #area { position: absolute; left: ${left}px; top: ${top}px; width: ${width}px; height: ${height}px; overflow: hidden; }
  #world { position: absolute; inset: 0; will-change: transform; transform-origin: 0 0; }
  .mark { position: absolute; width: 24px; height: 24px; border-radius: 12px; background: #0b5563; }
</style>
</head>
<body>
<div id="area" data-testid="timeline"><div id="world"></div></div>
<script>
  const world = document.getElementById('world');
  for (let i = 0; i < 200; i++) {
    const m = document.createElement('div');
    m.className = 'mark';
    m.style.left = ((i * 37) % ${width}) + 'px';
    m.style.top = (8 + (i % 8) * 88) + 'px';
    world.appendChild(m);
  }
  let scale = 1, shift = 0, asked = false, down = null;
  const draw = () => { asked = false; world.style.transform = \`translateX(\${-shift}px) scaleX(\${scale})\`; };
  const ask = () => { if (!asked) { asked = true; requestAnimationFrame(draw); } };
  addEventListener('wheel', (e) => { e.preventDefault(); scale *= e.deltaY < 0 ? 1.1 : 1 / 1.1; ask(); }, { passive: false });
  addEventListener('pointerdown', (e) => { down = e.clientX; });
  addEventListener('pointermove', (e) => { if (down !== null) { shift += down - e.clientX; down = e.clientX; ask(); } });
  addEventListener('pointerup', () => { down = null; });
  dispatchEvent(new Event('TrunkApplicationStarted'));
</script>
</body>
</html>
`;
}

/**
 * Writes vis-N.json and vis-N.html for each size, vis/ with the library, and floor.html (the
 * machine's floor), into `dir`.
 */
export function buildFramesPages(dir, sizes = DEFAULT_SIZES) {
  copyVisAssets(dir);
  writeFileSync(join(dir, 'floor.html'), floorPage());
  for (const n of sizes) {
    const data = JSON.parse(readFileSync(join(dir, `events-${n}.json`), 'utf8'));
    writeFileSync(join(dir, `vis-${n}.json`), JSON.stringify(toVis(data)));
    writeFileSync(join(dir, `vis-${n}.html`), visFramesPage(text(data.title), n));
  }
}

if (resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) {
  const [dir, ...sizes] = process.argv.slice(2);
  if (!dir) throw new Error('usage: node bench/frames-sites.mjs <dir> [N...]');
  buildFramesPages(dir, sizes.length ? sizes.map(Number) : DEFAULT_SIZES);
}
