// Measures opening a large TimelineJS file in the release build, as a reader feels it: a
// generated file of N made-up events (not facts: "Example event 1"…) is dropped on the page, and
// the script records the time until the timeline shows it and the page's long tasks (over 50 ms)
// meanwhile — the import runs in the transfer worker, the page then reads our JSON. A benchmark,
// not a test: it prints numbers. Usage: node bench/import-bench.mjs <page url> [N ...]
import { launch } from './browser.mjs';

const [url, ...sizes] = process.argv.slice(2);
const counts = sizes.length ? sizes.map(Number) : [1000, 10000];

function timelinejs(n) {
  const events = [];
  for (let i = 0; i < n; i++) {
    const year = 1900 + (i % 120);
    events.push({
      start_date: { year: String(year), month: String(1 + (i % 12)), day: String(1 + (i % 28)) },
      text: { headline: `Example event ${i + 1}`, text: `<p>Generated example ${i + 1}, see <a href="https://example.org/${i}">a page</a>.</p>` },
      group: `Group ${i % 5}`,
    });
  }
  return JSON.stringify({ title: { text: { headline: `Generated example, ${n} events` } }, events });
}

const browser = await launch();
for (const n of counts) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${url}?lang=en`, { waitUntil: 'load' });
  await page.waitForFunction(() => !document.getElementById('static-view') && document.querySelector('.mark'));
  // Warm the worker with a small file, so the number is the import, not the first download.
  const text = timelinejs(n);
  const result = await page.evaluate(async ({ text, n }) => {
    const drop = (body, name) => {
      const dt = new DataTransfer();
      dt.items.add(new File([body], name, { type: 'application/json' }));
      for (const type of ['dragenter', 'dragover', 'drop']) {
        document.body.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
      }
    };
    const until = (cond) => new Promise((resolve) => {
      const tick = () => (cond() ? resolve() : requestAnimationFrame(tick));
      tick();
    });
    drop(JSON.stringify({ events: [{ start_date: { year: 2000 }, text: { headline: 'warm' } }] }), 'warm.json');
    await until(() => document.querySelector('h1')?.textContent === 'warm');
    const long = [];
    const obs = new PerformanceObserver((l) => { for (const e of l.getEntries()) long.push(e.duration); });
    obs.observe({ type: 'longtask' });
    const t0 = performance.now();
    drop(text, `generated-${n}.json`);
    await until(() => document.querySelector('h1')?.textContent.includes(`${n} events`) && document.querySelector('.mark'));
    const t1 = performance.now();
    await new Promise((r) => setTimeout(r, 300));
    obs.disconnect();
    return { ms: t1 - t0, long: long.length, longest: Math.max(0, ...long), total: long.reduce((a, b) => a + b, 0) };
  }, { text, n });
  console.log(`import-bench: ${n} events (${(text.length / 1024).toFixed(0)} KiB): shown after ${result.ms.toFixed(0)} ms; ` +
    `${result.long} long task(s) on the page, longest ${result.longest.toFixed(0)} ms, ${result.total.toFixed(0)} ms in all`);
  await page.close();
}
await browser.close();
