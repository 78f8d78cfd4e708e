// Benchmark driver (`make bench`): drives Debian's headless Chromium through the release build
// with playwright-core and measures, for the bundled dataset and for synthetic ones of 1k, 10k and
// 100k events:
//   - first render: from the wasm having loaded (Trunk's TrunkApplicationStarted event) to the
//     first timeline mark in the DOM (this includes fetching, parsing and validating the data);
//   - per-frame script time of a scripted sequence of real input (CDP mouse events): wheel zooms
//     at the cursor, then drag pans, one input per frame; script time per step comes from the
//     DevTools Performance domain (ScriptDuration), style+layout time likewise.
// Usage: node bench/run.mjs <base url> <out.json> <label=url-path>...
import { launch } from './browser.mjs';
import { writeFileSync } from 'node:fs';

const [base, out, ...cases] = process.argv.slice(2);
const ZOOM_STEPS = 40;
const PAN_STEPS = 60;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

const browser = await launch();

const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

async function measure(label, path) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  // Record when the wasm has loaded and when the first mark appears.
  await page.addInitScript(() => {
    window.__bench = { started: null, rendered: null };
    addEventListener('TrunkApplicationStarted', () => {
      window.__bench.started = performance.now();
      const check = () => {
        // The app's own marks: the static first view (index.html) has marks before the app runs.
        if (!document.getElementById('static-view') && document.querySelector('.mark')) {
          window.__bench.rendered = performance.now();
        } else {
          requestAnimationFrame(check);
        }
      };
      check();
    });
  });
  const client = await page.context().newCDPSession(page);
  await client.send('Performance.enable');
  await page.goto(base + path, { waitUntil: 'load', timeout: 120_000 });
  await page.waitForFunction(() => window.__bench.rendered !== null, null, { timeout: 120_000 });
  const { started, rendered } = await page.evaluate(() => window.__bench);
  if (process.env.BENCH_DEBUG) console.error(label, { started, rendered, title: await page.textContent("h1") });
  const area = await page.$('[data-testid=timeline]');
  const box = await area.boundingBox();
  const y = box.y + box.height / 2;

  const metrics = async () => {
    const { metrics } = await client.send('Performance.getMetrics');
    const get = (n) => metrics.find((m) => m.name === n)?.value ?? 0;
    return { script: get('ScriptDuration'), layout: get('LayoutDuration'), style: get('RecalcStyleDuration') };
  };
  const frame = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const steps = [];
  const step = async (what, act) => {
    await frame();
    const a = await metrics();
    await act();
    await frame();
    const b = await metrics();
    steps.push({
      what,
      script: (b.script - a.script) * 1000,
      render: (b.layout - a.layout + b.style - a.style) * 1000,
    });
  };
  // Zoom in at varying cursor positions, pan by dragging, then zoom back out.
  await page.mouse.move(box.x + box.width * 0.6, y);
  for (let i = 0; i < ZOOM_STEPS; i++) {
    const x = box.x + box.width * (0.3 + 0.4 * ((i * 7) % 10) / 10);
    await page.mouse.move(x, y);
    await step('zoom', () => page.mouse.wheel(0, -120));
  }
  let x = box.x + box.width * 0.8;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 0; i < PAN_STEPS; i++) {
    x += i < PAN_STEPS / 2 ? -12 : 12;
    await step('pan', () => page.mouse.move(x, y));
  }
  await page.mouse.up();
  for (let i = 0; i < ZOOM_STEPS; i++) {
    await step('zoom', () => page.mouse.wheel(0, 120));
  }
  const marks = await page.evaluate(() => document.querySelectorAll('.mark').length);
  await page.close();
  const scripts = steps.map((s) => s.script);
  const renders = steps.map((s) => s.render);
  return {
    label,
    path,
    firstRenderMs: rendered - started,
    steps: steps.length,
    scriptP50: percentile(scripts, 50),
    scriptP95: percentile(scripts, 95),
    scriptMax: Math.max(...scripts),
    renderP50: percentile(renders, 50),
    renderP95: percentile(renders, 95),
    marksAtEnd: marks,
    stepScripts: scripts.map((x) => Number(x.toFixed(2))),
  };
}

const results = [];
for (const c of cases) {
  const at = c.indexOf('=');
  const [label, path] = [c.slice(0, at), c.slice(at + 1)];
  // Three runs each; the median run by p95 is reported, so one noisy run does not decide.
  const runs = [];
  for (let r = 0; r < RUNS; r++) runs.push(await measure(label, path));
  runs.sort((a, b) => a.scriptP95 - b.scriptP95);
  const chosen = runs[Math.floor(runs.length / 2)];
  chosen.firstRenderRuns = runs.map((r) => r.firstRenderMs);
  results.push(chosen);
  console.log(`${label.padEnd(10)} first render ${chosen.firstRenderMs.toFixed(0).padStart(6)} ms · ` +
    `script/frame p50 ${chosen.scriptP50.toFixed(2)} ms p95 ${chosen.scriptP95.toFixed(2)} ms · ` +
    `style+layout p95 ${chosen.renderP95.toFixed(2)} ms · ${chosen.steps} steps`);
}
await browser.close();
writeFileSync(out, JSON.stringify(results, null, 2));
