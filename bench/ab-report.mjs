// The report of an interleaved A/B run of two builds (scripts/ab.sh): every run of each build,
// its median and range, and the difference of the medians.
//
//   node bench/ab-report.mjs <render|work> <label A> <A's bench/frames.mjs JSON files...> --
//        <label B> <B's files...>
//
// render: first render and settled (ms) of every load of the frames pass; work: the main
// thread's work per frame at the 95th percentile (ms), by the wall clock and by the thread's own
// clock, of every traced load of a first gesture (the trace pass) and of a later one (the later
// pass). A load that timed out is counted and left out of the figures.
import { readFileSync } from 'node:fs';
import { median } from './stats.mjs';

const [mode, ...rest] = process.argv.slice(2);
const split = rest.indexOf('--');
if (!['render', 'work'].includes(mode) || split < 2 || split > rest.length - 3) {
  console.error('usage: node bench/ab-report.mjs <render|work> <label A> <files...> -- <label B> <files...>');
  process.exit(2);
}
const sides = [rest.slice(0, split), rest.slice(split + 1)].map(([label, ...files]) => ({
  label,
  runs: files.flatMap((f) => JSON.parse(readFileSync(f, 'utf8')).all.filter((r) => r.page === 'app')),
}));

// What is compared: [name, pass, how a run gives the figure].
const figures = mode === 'render'
  ? [['first render (ms)', 'frames', (r) => r.firstRenderMs], ['settled (ms)', 'frames', (r) => r.settledMs]]
  : [
    ['work per frame p95, first gesture, wall clock (ms)', 'trace', (r) => r.work?.p95],
    ['the same by the thread\'s clock (ms)', 'trace', (r) => r.work?.cpu?.p95],
    ['work per frame p95, later gesture, wall clock (ms)', 'later', (r) => r.work?.p95],
    ['the same by the thread\'s clock (ms)', 'later', (r) => r.work?.cpu?.p95],
  ];

const fmt = (x) => (Math.round(x * 10) / 10).toString();
for (const [name, pass, get] of figures) {
  console.log(name);
  const medians = [];
  for (const s of sides) {
    const runs = s.runs.filter((r) => r.pass === pass);
    const xs = runs.filter((r) => !r.timedOut).map(get).filter((x) => typeof x === 'number');
    const failed = runs.length - xs.length;
    if (!xs.length) {
      console.log(`  ${s.label}: no run got through (${failed} failed)`);
      medians.push(null);
      continue;
    }
    const m = median(xs);
    medians.push(m);
    const sorted = [...xs].sort((a, b) => a - b);
    console.log(`  ${s.label}: median ${fmt(m)}, ${fmt(sorted[0])}–${fmt(sorted.at(-1))} over ${xs.length} run${xs.length === 1 ? '' : 's'}` +
      `${failed ? ` (${failed} failed)` : ''}: ${sorted.map(fmt).join(' ')}`);
  }
  const [ma, mb] = medians;
  if (ma !== null && mb !== null) {
    console.log(`  B − A: ${fmt(mb - ma)} (${mb >= ma ? '+' : ''}${fmt(((mb - ma) / ma) * 100)} %)`);
  }
}
