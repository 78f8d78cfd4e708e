// The "Phone load" section of docs/benchmarks.md, from the JSON of bench/phone.mjs.
// Usage: node bench/phone-report.mjs target/bench-phone.json            (prints the section)
//        node bench/phone-report.mjs target/bench-phone.json --into FILE (replaces the section in
//        FILE, from its heading to the next "## " heading; inserts it before "## Release size",
//        or at the end, when FILE has none yet)
import { readFileSync } from 'node:fs';
import { writeSection } from './report-section.mjs';

const HEADING = '## Phone load (Slow 4G, 4× CPU, 412×860)';
const KIB = 1024;
const TARGETS = { firstEventVsAnchor: 0.5, bytesBeforeFirstEventKiB: 100, answersInputVsAnchorFirstEvent: 1.5 };

const [file, flag, into] = process.argv.slice(2);
const r = JSON.parse(readFileSync(file, 'utf8'));

const bytes = (n) => `${n.toLocaleString('en-US').replace(/,/g, ' ')} (${(n / KIB).toFixed(1)} KiB)`;
const ms = (x) => (x === null ? 'never' : x.toFixed(0));
const ok = (b) => (b ? 'met' : '**not met**');
const c = r.conditions;

const lines = [
  HEADING,
  '',
  `Produced by \`make bench\` or \`scripts/bench.sh phone\` (${r.date}, ${r.browser}, headless, release build),`,
  `with \`bench/phone.mjs\`, which documents exactly what it measures. Each page is loaded ${r.runsPerPage} time${r.runsPerPage === 1 ? '' : 's'},`,
  'interleaved (this app, TimelineJS, vis-timeline, this app, ...), each time in a fresh browser context;',
  'the table gives the median of each figure. The three pages show the same',
  `${r.events} events of \`public/data/cooperation.json\` (the reference pages get them converted to their own`,
  'formats at bench time, titles only; this app loads its whole dataset file) and are served from',
  'loopback with gzip -9 over HTTP/1.1.',
  '',
  `Conditions: a phone (${c.viewport.width}×${c.viewport.height} CSS px, device scale factor ${c.deviceScaleFactor}, touch, mobile user agent),`,
  `DevTools network emulation of ${c.network.latency} ms latency, ${c.network.downloadThroughput * 8 / 1e6} Mbit/s down and ${c.network.uploadThroughput * 8 / 1e3} kbit/s up,`,
  `and ${c.cpuThrottlingRate}× CPU throttling; no cache.`,
  '',
  '- *first event*: the first animation frame with an event of the timeline drawn in the viewport',
  '  (this app: a `.mark`; TimelineJS: a marker of its time navigator, `.tl-timemarker`, since its',
  '  first slide is a title, not an event; vis-timeline: a `.vis-item`), in ms from navigation start.',
  '  Both libraries draw their events at provisional places first; that frame counts.',
  '- *bytes before first event*: compressed bytes received on the wire by then, headers included,',
  '  with the share already received of responses still downloading (such as a wasm file that',
  '  streams while a first view shows).',
  '- *total bytes*: the same for the whole load.',
  '- *answers input*: from the first event on, a zoom-in input every 100 ms (this app: a',
  '  click on its zoom-in button; TimelineJS: a click on its zoom-in button; vis-timeline, which has',
  '  no button: a wheel notch over the timeline); the time the first input after which the events',
  '  on screen spread visibly wider apart (within 100 ms and two frames) was sent. None is sent',
  '  while the zoom button is not on screen, or while the page is still changing by itself',
  '  (TimelineJS slides its markers apart for about a second after they appear; a static view',
  '  giving way to the live app is another such change). vis-timeline\'s first input usually',
  '  coincides with its items leaving their provisional places and so is not credited.',
  '',
  '| page | bytes before first event | total bytes | first event (ms) | answers input (ms) |',
  '|---|---|---|---|---|',
];
for (const p of Object.values(r.pages)) {
  const m = p.median;
  lines.push(`| ${p.label} | ${bytes(m.bytesBeforeFirstEvent)} | ${bytes(m.totalBytes)} | ${ms(m.firstEventMs)} | ${ms(m.answersInputMs)} |`);
}
lines.push('');
if (r.ratios) {
  const anchor = r.pages[r.fasterAnchor];
  const q = r.ratios;
  const kib = q.bytesBeforeFirstEvent / KIB;
  lines.push(`Targets, against the reference whose first event came sooner (${anchor.label}):`, '');
  lines.push(`- our first event ÷ its first event: ${q.firstEventVsAnchor.toFixed(2)} (target ≤ ${TARGETS.firstEventVsAnchor}) — ${ok(q.firstEventVsAnchor <= TARGETS.firstEventVsAnchor)}`);
  lines.push(`- bytes before our first event: ${kib.toFixed(1)} KiB (target ≤ ${TARGETS.bytesBeforeFirstEventKiB} KiB) — ${ok(kib <= TARGETS.bytesBeforeFirstEventKiB)}`);
  lines.push(q.answersInputVsAnchorFirstEvent === null
    ? `- our answers input ÷ its first event: never answered (target ≤ ${TARGETS.answersInputVsAnchorFirstEvent}) — ${ok(false)}`
    : `- our answers input ÷ its first event: ${q.answersInputVsAnchorFirstEvent.toFixed(2)} (target ≤ ${TARGETS.answersInputVsAnchorFirstEvent}) — ${ok(q.answersInputVsAnchorFirstEvent <= TARGETS.answersInputVsAnchorFirstEvent)}`);
  lines.push('');
}
const middle = (xs) => xs.filter(Boolean).sort((a, b) => a - b)[Math.floor(xs.filter(Boolean).length / 2)];
const allRuns = Object.values(r.pages).flatMap((p) => p.runs);
const slowdown = middle(allRuns.map((x) => x.cpuProbeMs / x.cpuProbeUnthrottledMs));
const rate = middle(allRuns.map((x) => x.largestResponseRateBps));
lines.push(`Sanity checks: a fixed loop of JavaScript, run in each loaded page, took a median ${slowdown.toFixed(1)}× as long`,
  `throttled as unthrottled; the largest response of each load arrived at a median`,
  `${(rate / 1000).toFixed(0)} kB/s (emulated: ${c.network.downloadThroughput / 1000} kB/s).`);

const section = lines.join('\n') + '\n';
if (flag === '--into') {
  writeSection(into, HEADING, section, '## Release size');
} else {
  process.stdout.write(section);
}
