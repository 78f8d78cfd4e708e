// What a keyboard or button user feels while moving the timeline: frame intervals and long tasks
// while the view is driven by the keys and the toolbar, as `make bench` measures them for the
// wheel and a drag (bench/frames.mjs). A measurement, not a test (`make bench` runs it, see below).
//
// One load of each page (a fresh browser context, headless Chromium at 1400×900, driven over the
// DevTools protocol by bench/devtools.mjs), 2 s to settle, the timeline focused, then each
// sequence below in turn, each followed by 1.2 s in which its moves end and the view rests:
//   + ×8, 120 ms apart       eight zoom steps, as a reader taps the key
//   ArrowRight ×10, 80 ms    ten pans
//   − ×8, 120 ms apart       eight zoom steps out
//   0 (show all)             two zoom steps, then the whole data
//   End then Home            a zoom step, then the end of the data and its start
//   the Show all button      a click on the toolbar's button
//   a cluster clicked        a click on a cluster (its zoom is a move as a key's is), then the
//                            mouse moving on over the timeline for 320 ms, as a hand does
//   Tab ×10                  focus through the marks
// For each, from its first key to the end of its 1.2 s: the intervals between consecutive
// requestAnimationFrame callbacks (p95, max, how many over 17.5 ms: a dropped frame at 60 Hz)
// and the long tasks (over 50 ms) that started in it. Keys go through Input.dispatchKeyEvent,
// as real ones do, without waiting for frames.
//
// Usage: node bench/keys.mjs <base url> [path...]   (paths default `/?data=bench/events-10000.json`;
//        the site must hold them, as scripts/bench.sh writes them into dist/bench/); each path is
//        one load. BENCH_KEYS_OUT=FILE also writes the figures as JSON, which
//        `node bench/keys.mjs --report FILE` turns into docs/benchmarks.md's section (`make
//        bench` runs it at 10k and 100k events).
import { readFileSync, writeFileSync } from 'node:fs';
import { launch } from './devtools.mjs';
import { pollPage } from './browser.mjs';
import { percentile } from './stats.mjs';

const HEADING = '## Keys and buttons (10k, 100k events)';
const args = process.argv.slice(2);
if (args[0] === '--report') {
  const r = JSON.parse(readFileSync(args[1], 'utf8'));
  const lines = [HEADING, '',
    `Produced by \`make bench\` (${r.date}) with \`bench/keys.mjs\`, which documents what it measures: this app`,
    'alone (vis-timeline has no keys to zoom), one load per size, the timeline focused, each sequence',
    'followed by 1.2 s in which its moves end; frame intervals from its first key to the end of that',
    'time (a dropped frame: an interval over 17.5 ms) and long tasks started in it.', ''];
  lines.push('| events | sequence | frames | p95 (ms) | max (ms) | dropped | long tasks |', '|---|---|---|---|---|---|---|');
  for (const { path, rows } of r.results) {
    const size = /events-(\d+)/.exec(path)?.[1];
    const label = size ? `${Number(size) / 1000}k` : path;
    for (const x of rows) lines.push(`| ${label} | ${x.sequence} | ${x.frames} | ${x.p95} | ${x.max} | ${x.dropped} | ${x.longTasks} |`);
  }
  console.log(lines.join('\n'));
  process.exit(0);
}
const [base, ...given] = args;
if (!base) throw new Error('usage: node bench/keys.mjs <base url> [path...] | --report FILE');
const paths = given.length ? given : ['/?data=bench/events-10000.json'];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const browser = await launch();
const results = [];
for (const path of paths) {
  results.push({ path, rows: await measurePath(path) });
}
await browser.close();
for (const { path, rows } of results) {
  console.log(`${base}${path}`);
  console.table(rows);
}
if (process.env.BENCH_KEYS_OUT) {
  writeFileSync(process.env.BENCH_KEYS_OUT,
    JSON.stringify({ date: new Date().toISOString().slice(0, 10), results }, null, 1));
}
process.exit(0);

/** One load of `path`, driven through every sequence: a row of figures each. */
async function measurePath(path) {
  const page = await browser.newPage({ width: 1400, height: 900 });
  await page.addInitScript(() => {
    const k = (window.__keys = { longtasks: [], rafs: [] });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) k.longtasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
    const tick = (t) => {
      k.rafs.push(t);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.goto(base + path, 120_000);
  await pollPage(page, "!!document.querySelector('.mark') && !document.getElementById('static-view')",
    { timeoutMs: 120_000, pollMs: 100 });
  await sleep(2000);

  const key = async (k) => {
    await page.send('Input.dispatchKeyEvent', { type: 'keyDown', key: k, text: k.length === 1 ? k : undefined });
    await page.send('Input.dispatchKeyEvent', { type: 'keyUp', key: k });
  };
  // The timeline's area takes the keys (it is a labelled group that can hold focus).
  await page.evaluate(() => document.querySelector('[data-testid=timeline]').focus());

  const rows = [];
  const measure = async (name, drive) => {
    const t0 = await page.evaluate(() => performance.now());
    await drive();
    await sleep(1200);
    const r = await page.evaluate((t0) => ({
      longtasks: window.__keys.longtasks.filter(([s]) => s >= t0),
      rafs: window.__keys.rafs.filter((t) => t >= t0),
    }), t0);
    const intervals = r.rafs.slice(1).map((t, i) => t - r.rafs[i]);
    rows.push({
      sequence: name,
      frames: intervals.length,
      p95: Number(percentile(intervals, 95)?.toFixed(1)),
      max: Number(Math.max(...intervals).toFixed(1)),
      dropped: intervals.filter((x) => x > 17.5).length,
      longTasks: r.longtasks.length,
    });
  };
  const times = (n, k, gap) => async () => {
    for (let i = 0; i < n; i++) {
      await key(k);
      await sleep(gap);
    }
  };
  await measure('+ ×8, 120 ms apart', times(8, '+', 120));
  await measure('ArrowRight ×10, 80 ms', times(10, 'ArrowRight', 80));
  await measure('− ×8, 120 ms apart', times(8, '-', 120));
  await measure('0 (show all)', async () => {
    await times(2, '+', 400)();
    await key('0');
  });
  await measure('End then Home', async () => {
    await key('+');
    await sleep(400);
    await key('End');
    await sleep(600);
    await key('Home');
  });
  await measure('the Show all button', () => page.evaluate(() => {
    document.querySelector('[data-testid=fit-all]')?.click();
  }));
  await measure('a cluster clicked, the mouse moving on', async () => {
    // The first cluster wholly inside the timeline's area (the view shows all after the
    // button), at its middle.
    const at = await page.evaluate(() => {
      const area = document.querySelector('[data-testid=timeline]').getBoundingClientRect();
      for (const c of document.querySelectorAll('[data-testid=cluster]')) {
        const r = c.getBoundingClientRect();
        if (r.left > area.left && r.right < area.right && r.top > area.top && r.bottom < area.bottom) {
          return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
        }
      }
      return null;
    });
    if (!at) throw new Error(`keys: no cluster on screen at ${path}`);
    const mouse = (type, x, y) => page.send('Input.dispatchMouseEvent',
      { type, x, y, button: type === 'mouseMoved' ? 'none' : 'left', buttons: type === 'mousePressed' ? 1 : 0, clickCount: 1 });
    await mouse('mouseMoved', at.x, at.y);
    await mouse('mousePressed', at.x, at.y);
    await mouse('mouseReleased', at.x, at.y);
    for (let i = 1; i <= 20; i++) {
      await mouse('mouseMoved', at.x + 4 * i, at.y + i);
      await sleep(16);
    }
  });
  await measure('Tab ×10', times(10, 'Tab', 60));

  await page.close();
  return rows;
}
