// Phone-load benchmark (`make bench`, or alone: `scripts/bench.sh phone` / `node bench/phone.mjs`):
// this app against TimelineJS 3.9.11 and vis-timeline 7.7.4 showing the same 58 events, measured
// in one run so that the ratios between them are comparable. A measurement, not a test.
//
// Sites (bench/phone-sites.mjs), built into target/phone-bench/ (never committed): a copy of the
// release build in dist/ as it stands (scripts/bench.sh runs `trunk build --release` first; run
// alone, this script measures whatever dist/ holds), and one page per reference library loading
// the library's own JS and CSS from bench/node_modules, with public/data/cooperation.json
// converted at bench time. Each site is served from its own loopback port by
// bench/gzip-server.mjs: gzip -9 on every response, correct MIME types, HTTP/1.1 keep-alive.
//
// Conditions, for every load: a fresh browser context (empty cache; the DevTools cache is also
// disabled) emulating a phone: 412×860 CSS px, deviceScaleFactor 2, isMobile, hasTouch, an Android
// Chrome user agent; DevTools network emulation (Network.emulateNetworkConditions) of 150 ms
// latency per request, 200 000 B/s down (1.6 Mbit/s) and 93 750 B/s up (750 kbit/s); DevTools CPU
// throttling 4× (Emulation.setCPUThrottlingRate). Requests to other hosts than loopback are
// blocked (the machine has no internet; TimelineJS's fonts CSS names Google web fonts, which are
// therefore not fetched, which only makes TimelineJS lighter than a real embed).
//
// Measured, all times in ms from navigation start (the page's performance.timeOrigin):
//   first event   the first animation frame (polled with requestAnimationFrame by an init script)
//                 in which an event element of the timeline is in the DOM and it, or one of its
//                 descendants, has a non-empty box that intersects the viewport and is not hidden
//                 by visibility or zero opacity (Element.checkVisibility). The event elements:
//                 ours `.mark` (the app's marks, and the event elements of its pre-rendered static
//                 view); TimelineJS `.tl-timemarker` (an event's marker in its time navigator: its
//                 first screen is a title slide, which is not an event, so the marker is the
//                 honest equivalent); vis `.vis-item`.
//                 Both libraries first draw their events at provisional places (vis-timeline
//                 unstacked at the window's start for a frame, TimelineJS piled up and then
//                 sliding apart); that first frame counts, which can only favour them.
//   bytes before first event   encoded (on-the-wire, compressed, headers included) bytes received
//                 by then, from the DevTools Network events: a response finished by then counts
//                 its loadingFinished.encodedDataLength; one in flight counts its headers plus the
//                 share of its body the steady emulated link had delivered, interpolated between
//                 the headers arriving (response.timing) and its completion (loadingFinished), both
//                 as the network stack timed them. (Chromium reports a streamed script's
//                 dataReceived chunks only once it is complete, so their timestamps can't be used.)
//   total bytes   the same over the whole load, once the network has been quiet for 2 s after the
//                 input below. A dedicated worker's script is reported to the page only as sent:
//                 its response, and what the worker fetches, go to the worker's own DevTools
//                 target, which this bench does not attach to. Such a request (this app's sketch
//                 worker, fetched once the timeline rests) is not waited for once 10 s have passed
//                 without an answer, and its bytes are not counted.
//   answers input from the first event on, a real zoom-in input (DevTools Input events) every
//                 100 ms, until one visibly zooms the timeline in; the time that input was sent.
//                 Ours: a click on the toolbar's zoom-in button (`[data-testid=zoom-in]`);
//                 TimelineJS: a click on its menu bar's zoom-in button; vis: a mouse-wheel notch
//                 (deltaY −100) over the visible part of its item panel (vis zooms on the wheel).
//                 No input is sent while no such target is visible and topmost at its middle.
//                 "Visibly zooms in": the events shown (not hidden, non-empty box) both just
//                 before the input and within 100 ms and two frames after it, told apart by a
//                 key (ours: aria-label; TimelineJS: id; vis: text), are spread wider apart
//                 across the screen (by 2 CSS px at least: TimelineJS animates its zoom). An
//                 input is only sent when what is on screen (those positions, and the
//                 visible-range label / axis labels) has held still over two frames, so a change
//                 the page makes by itself (TimelineJS's markers sliding apart into place; a
//                 static view giving way to the live app) is not credited to an input; an input
//                 whose effect shows only after its 100 ms is not credited either (counted as a
//                 late change in the JSON). So the figure can only err late. While the page's
//                 main thread is busy, the checks (page.evaluate) wait for it, so inputs may be
//                 further apart than 100 ms.
//                 Also kept in the JSON: the first frame in which that input's target was on
//                 screen and topmost (a lower bound for the figure), and first contentful paint.
// Each page is loaded BENCH_RUNS times (default 3), interleaved (ours, TimelineJS, vis, ours, ...);
// the medians of each figure are reported (BENCH_PAGES=ours,vis, say, loads only some pages;
// the ratios need all three; BENCH_DEBUG=1 logs every input and what it changed). Writes
// target/bench-phone.json (or the path given as the first argument). Sanity figures kept in the JSON: each request's URL, encoding, size and
// times; a fixed loop of JavaScript timed in the loaded page with and without the CPU throttling;
// the rate at which the largest response arrived.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, pollPage } from './browser.mjs';
import { buildSites } from './phone-sites.mjs';
import { serveGzip } from './gzip-server.mjs';
import { median } from './stats.mjs';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = process.argv[2] ?? join(REPO, 'target/bench-phone.json');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const VIEWPORT = { width: 412, height: 860 };
const NETWORK = { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 93_750 };
const CPU_RATE = 4;
const INPUT_EVERY_MS = 100;
const TIMEOUT_MS = 120_000;
const ONLY = process.env.BENCH_PAGES?.split(',');

// event: what an event element is; key: what tells one event from another on screen (an
// attribute, or the element's text); input: the zoom-in input and where it goes; texts: labels
// whose change also means the view changed by itself.
const PAGES = {
  ours: {
    label: 'this app',
    event: '.mark',
    key: 'aria-label',
    input: { kind: 'click', target: '[data-testid=zoom-in]' },
    texts: '[data-testid=visible-range]',
  },
  timelinejs: {
    label: 'TimelineJS 3.9.11',
    event: '.tl-timemarker',
    key: 'id',
    input: { kind: 'click', target: '.tl-menubar-button:has(.tl-icon-zoom-in)' },
    texts: '.tl-timeaxis-tick-text',
  },
  vis: {
    label: 'vis-timeline 7.7.4',
    event: '.vis-item',
    key: 'text',
    input: { kind: 'wheel', target: '.vis-panel.vis-center' },
    texts: '.vis-time-axis .vis-text',
  },
};
for (const name of Object.keys(PAGES)) if (ONLY && !ONLY.includes(name)) delete PAGES[name];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// --- The sites ----------------------------------------------------------------------------------
if (PAGES.ours && !existsSync(join(REPO, 'dist/index.html'))) {
  console.error('no release build in dist/: run `make build` (or scripts/bench.sh phone, which builds it)');
  process.exit(1);
}
const { dirs, events } = buildSites(join(REPO, 'target/phone-bench'), Object.keys(PAGES));
const servers = {};
for (const [name, dir] of Object.entries(dirs)) servers[name] = await serveGzip(dir);

const browser = await launch();
const major = browser.version().split('.')[0];
const USER_AGENT = `Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${major}.0.0.0 Mobile Safari/537.36`;

// --- In-page helpers --------------------------------------------------------------------------
// Installed before any page script: records the first frame with a visible event, then the
// first frame in which the zoom input's target is on screen and topmost (when an input could
// first reach it: a lower bound for "answers input"), and FCP.
function firstEventProbe({ selector, target }) {
  if (window !== window.top) return;
  const probe = (window.__phone = { firstEvent: null, targetShown: null, fcp: null });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') probe.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  const boxShown = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 &&
      r.left < innerWidth && r.top < innerHeight &&
      el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  };
  // An event element may be an empty positioned box whose children draw it (TimelineJS's markers).
  const shown = (el) => boxShown(el) || [...el.querySelectorAll('*')].some(boxShown);
  const reachable = (el) => {
    if (!boxShown(el)) return false;
    const r = el.getBoundingClientRect();
    const x = (Math.max(r.left, 0) + Math.min(r.right, innerWidth)) / 2;
    const y = (Math.max(r.top, 0) + Math.min(r.bottom, innerHeight)) / 2;
    const hit = document.elementFromPoint(x, y);
    return hit !== null && el.contains(hit);
  };
  const pollTarget = () => {
    if ([...document.querySelectorAll(target)].some(reachable)) probe.targetShown = performance.now();
    else requestAnimationFrame(pollTarget);
  };
  const poll = () => {
    if ([...document.querySelectorAll(selector)].some(shown)) {
      probe.firstEvent = performance.now();
      pollTarget();
    } else {
      requestAnimationFrame(poll);
    }
  };
  requestAnimationFrame(poll);
}

// What is on screen: where each shown event is across (by its key), and the label texts.
// `still` is everything, to tell whether the page is changing by itself.
function snapshot({ event, key, texts }) {
  const seen = (el) => {
    if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
    const nonEmpty = (e) => {
      const r = e.getBoundingClientRect();
      return r.width > 0 && r.height > 0;
    };
    return nonEmpty(el) || [...el.querySelectorAll('*')].some(nonEmpty);
  };
  const at = {};
  for (const el of document.querySelectorAll(event)) {
    const k = key === 'text' ? el.textContent.trim() : el.getAttribute(key);
    if (!k || k in at || !seen(el)) continue;
    const r = el.getBoundingClientRect();
    at[k] = r.left + r.width / 2;
  }
  const t = [...document.querySelectorAll(texts)].map((el) => el.textContent.trim());
  return { at, still: JSON.stringify([at, t]) };
}

// Whether the view zoomed in between two snapshots: the events shown in both are spread wider
// apart across the screen, by 2 CSS px at least (a zoom may be animated, as TimelineJS's is, and
// show only its first pixels within the time allowed). Layout settling by itself, such as
// vis-timeline's items leaving their provisional places, draws them closer, not apart.
function zoomedIn(a, b) {
  const keys = Object.keys(a.at).filter((k) => k in b.at);
  if (keys.length < 2) return false;
  const spread = (s) => Math.max(...keys.map((k) => s.at[k])) - Math.min(...keys.map((k) => s.at[k]));
  return spread(b) >= spread(a) + 2;
}

// The middle of the first shown target's part inside the viewport (vis-timeline's panel is
// taller than the viewport), if an input there would reach it: the target is visible and is (or
// holds) the topmost element at that point.
function inputPoint(selector) {
  for (const el of document.querySelectorAll(selector)) {
    if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
    const r = el.getBoundingClientRect();
    const [left, right] = [Math.max(r.left, 0), Math.min(r.right, innerWidth)];
    const [top, bottom] = [Math.max(r.top, 0), Math.min(r.bottom, innerHeight)];
    if (right <= left || bottom <= top) continue;
    const [x, y] = [(left + right) / 2, (top + bottom) / 2];
    const hit = document.elementFromPoint(x, y);
    if (hit && el.contains(hit)) return { x, y };
  }
  return null;
}

const frames = (page, n) => page.evaluate((n) => new Promise((done) => {
  const step = (k) => (k === 0 ? done() : requestAnimationFrame(() => step(k - 1)));
  step(n);
}), n);

// A fixed amount of JavaScript work, timed in the page: compared with an unthrottled page, it
// shows that the CPU throttling really applied.
const cpuProbe = (page) => page.evaluate(() => {
  const t0 = performance.now();
  let x = 0;
  for (let i = 0; i < 3e7; i++) x = (x + i * 7) % 1000003;
  return { ms: performance.now() - t0, x };
}).then((r) => r.ms);

// --- One load ---------------------------------------------------------------------------------
async function loadOnce(name) {
  const cfg = PAGES[name];
  const context = await browser.newContext({
    viewport: VIEWPORT, screen: VIEWPORT, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
    userAgent: USER_AGENT, locale: 'en-US',
  });
  const page = await context.newPage();
  await page.addInitScript(firstEventProbe, { selector: cfg.event, target: cfg.input.target });
  const cdp = await context.newCDPSession(page);

  const requests = new Map();
  let wallMinusMono = null; // seconds: epoch time = DevTools monotonic timestamp + this
  cdp.on('Network.requestWillBeSent', (e) => {
    if (wallMinusMono === null) wallMinusMono = e.wallTime - e.timestamp;
    requests.set(e.requestId, { url: e.request.url, sent: e.timestamp, headerBytes: 0, chunks: [], done: null, total: null });
  });
  cdp.on('Network.responseReceived', (e) => {
    const r = requests.get(e.requestId);
    if (!r) return;
    const h = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    // When the network stack had the headers: the renderer may report the response (and a
    // streamed script's data) only once the body is complete, so its own timestamps can't say
    // when bytes crossed the wire.
    const t = e.response.timing;
    Object.assign(r, {
      responded: t ? t.requestTime + t.receiveHeadersEnd / 1000 : e.timestamp, headerBytes: e.response.encodedDataLength, status: e.response.status,
      protocol: e.response.protocol, reused: e.response.connectionReused, encoding: h['content-encoding'] ?? null, type: h['content-type'] ?? null,
    });
  });
  cdp.on('Network.dataReceived', (e) => requests.get(e.requestId)?.chunks.push([e.timestamp, e.encodedDataLength]));
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { done: e.timestamp, total: e.encodedDataLength });
  });
  cdp.on('Network.loadingFailed', (e) => {
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { done: e.timestamp, failed: e.errorText });
  });
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  // Nothing may leave loopback (first matching pattern decides).
  await cdp.send('Network.setBlockedURLs', {
    urlPatterns: [{ urlPattern: 'http://127.0.0.1:*/*', block: false }, { urlPattern: '*://*:*/*', block: true }],
  });
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_RATE });

  const url = `http://127.0.0.1:${servers[name].port}/`;
  await page.goto(url, { waitUntil: 'commit', timeout: TIMEOUT_MS });
  const timeOrigin = await page.evaluate(() => performance.timeOrigin);
  await pollPage(cdp, 'window.__phone?.firstEvent != null', { timeoutMs: TIMEOUT_MS, pollMs: 50 });
  const { firstEvent } = await page.evaluate(() => window.__phone);

  // Zoom-in inputs until one visibly answers.
  const snap = () => page.evaluate(snapshot, { event: cfg.event, key: cfg.key, texts: cfg.texts });
  let answersInput = null;
  let attempts = 0;
  let lateChanges = 0;
  let unsettledChecks = 0;
  let noTargetChecks = 0;
  let last = null;
  const deadline = Date.now() + TIMEOUT_MS;
  while (answersInput === null && Date.now() < deadline) {
    const tick = Date.now();
    // The cheap check first, so that polling a page that is still booting costs it little.
    let point = await page.evaluate(inputPoint, cfg.input.target);
    if (!point) {
      noTargetChecks++;
      await sleep(Math.max(0, tick + INPUT_EVERY_MS - Date.now()));
      continue;
    }
    const before = await snap();
    await frames(page, 2);
    const held = await snap();
    if (last !== null && before.still !== last.still) lateChanges++;
    last = held;
    if (before.still !== held.still) { // the page is changing by itself: no input now
      unsettledChecks++;
      continue;
    }
    point = await page.evaluate(inputPoint, cfg.input.target);
    if (point) {
      const sentAt = Date.now() - timeOrigin;
      attempts++;
      if (cfg.input.kind === 'click') {
        await page.mouse.click(point.x, point.y);
      } else {
        await page.mouse.move(point.x, point.y);
        await page.mouse.wheel(0, -100);
      }
      let n = 0;
      do {
        await frames(page, 1);
        last = await snap();
        if (zoomedIn(held, last)) answersInput = sentAt;
        n++;
      } while (answersInput === null && (n < 2 || Date.now() - timeOrigin < sentAt + INPUT_EVERY_MS));
      if (process.env.BENCH_DEBUG) {
        const keys = Object.keys(held.at).filter((k) => k in last.at);
        const spread = (s) => Math.max(...keys.map((k) => s.at[k])) - Math.min(...keys.map((k) => s.at[k]));
        console.error(name, 'input at', Math.round(sentAt), 'checked until', Date.now() - timeOrigin, 'frames', n,
          'keys', Object.keys(held.at).length, '->', Object.keys(last.at).length, 'common', keys.length,
          'spread', spread(held).toFixed(1), '->', spread(last).toFixed(1), held.still === last.still ? 'same' : 'changed');
      }
    }
    const wait = tick + INPUT_EVERY_MS - Date.now();
    if (answersInput === null && wait > 0) await sleep(wait);
  }

  // Let the load finish: no request open and none new for 2 s.
  for (let quiet = 0, seen = -1; quiet < 2000 && Date.now() < deadline + TIMEOUT_MS;) {
    await sleep(250);
    // (Not waited for: a request with no answer 10 s after it left, a worker's, see above.)
    const now = Date.now() / 1000 - (wallMinusMono ?? 0);
    const open = [...requests.values()].some((r) => r.done === null && (r.responded !== undefined || now - r.sent < 10));
    quiet = !open && requests.size === seen ? quiet + 250 : 0;
    seen = requests.size;
  }
  const { fcp, targetShown } = await page.evaluate(() => window.__phone);
  const cpuMs = await cpuProbe(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  const cpuUnthrottledMs = await cpuProbe(page);
  await context.close();

  const pageTime = (mono) => (mono + wallMinusMono) * 1000 - timeOrigin;
  // Bytes on the wire by page time t. A finished response counts whole; one in flight counts its
  // headers and the share of its body that the steady emulated link had delivered by t, between
  // the headers arriving and the completion, both timed by the network stack (loadingFinished).
  const bytesUntil = (t) => {
    let sum = 0;
    for (const r of requests.values()) {
      if (r.responded === undefined || pageTime(r.responded) > t) continue;
      const total = r.total ?? r.headerBytes + r.chunks.reduce((s, [, n]) => s + n, 0);
      if (r.done === null || pageTime(r.done) <= t) {
        sum += r.done === null && t !== Infinity ? r.headerBytes : total;
        continue;
      }
      const share = (t - pageTime(r.responded)) / (pageTime(r.done) - pageTime(r.responded));
      sum += r.headerBytes + Math.round((total - r.headerBytes) * Math.min(1, Math.max(0, share)));
    }
    return sum;
  };
  const list = [...requests.values()].map((r) => ({
    url: r.url, status: r.status ?? null, protocol: r.protocol ?? null, connectionReused: r.reused ?? null, encoding: r.encoding ?? null,
    type: r.type ?? null, bytes: r.total ?? r.headerBytes + r.chunks.reduce((s, [, n]) => s + n, 0),
    chunkBytes: r.chunks.reduce((s, [, n]) => s + n, 0), headerBytes: r.headerBytes,
    sentMs: Math.round(pageTime(r.sent)),
    headersMs: r.responded === undefined ? null : Math.round(pageTime(r.responded)), doneMs: r.done === null ? null : Math.round(pageTime(r.done)),
    ...(r.failed ? { failed: r.failed } : {}),
  }));
  // The download rate the emulation allowed: bytes of the largest response over its transfer time.
  const big = [...requests.values()].filter((r) => r.total && r.responded).sort((a, b) => b.total - a.total)[0];
  const rate = big && big.done > big.responded ? (big.total - big.headerBytes) / (big.done - big.responded) : null;
  return {
    firstEventMs: firstEvent,
    bytesBeforeFirstEvent: bytesUntil(firstEvent),
    // Only the responses complete by then: what the first view could have needed at most.
    completeBytesBeforeFirstEvent: [...requests.values()]
      .filter((r) => r.done !== null && r.total !== null && pageTime(r.done) <= firstEvent)
      .reduce((sum, r) => sum + r.total, 0),
    totalBytes: bytesUntil(Infinity),
    answersInputMs: answersInput,
    inputAttempts: attempts,
    lateChanges,
    unsettledChecks,
    noTargetChecks,
    fcpMs: fcp,
    inputTargetShownMs: targetShown,
    cpuProbeMs: cpuMs,
    cpuProbeUnthrottledMs: cpuUnthrottledMs,
    largestResponseRateBps: rate,
    requests: list,
  };
}

// --- The run ----------------------------------------------------------------------------------
const results = Object.fromEntries(Object.keys(PAGES).map((k) => [k, []]));
for (let run = 0; run < RUNS; run++) {
  for (const name of Object.keys(PAGES)) {
    const r = await loadOnce(name);
    results[name].push(r);
    console.log(`run ${run + 1} ${PAGES[name].label.padEnd(20)} first event ${r.firstEventMs.toFixed(0).padStart(6)} ms · ` +
      `${(r.bytesBeforeFirstEvent / 1024).toFixed(1).padStart(6)} KiB before it · ${(r.totalBytes / 1024).toFixed(1).padStart(6)} KiB total · ` +
      `answers input ${r.answersInputMs === null ? 'never' : r.answersInputMs.toFixed(0).padStart(6) + ' ms'} (${r.inputAttempts} inputs)`);
  }
}
const version = browser.version();
await browser.close();
for (const s of Object.values(servers)) await s.close();

const pages = Object.fromEntries(Object.entries(results).map(([name, runs]) => [name, {
  label: PAGES[name].label,
  eventSelector: PAGES[name].event,
  input: PAGES[name].input,
  median: {
    firstEventMs: median(runs.map((r) => r.firstEventMs)),
    bytesBeforeFirstEvent: median(runs.map((r) => r.bytesBeforeFirstEvent)),
    completeBytesBeforeFirstEvent: median(runs.map((r) => r.completeBytesBeforeFirstEvent)),
    totalBytes: median(runs.map((r) => r.totalBytes)),
    answersInputMs: median(runs.map((r) => r.answersInputMs)),
    inputTargetShownMs: median(runs.map((r) => r.inputTargetShownMs)),
    cpuSlowdown: median(runs.map((r) => r.cpuProbeMs / r.cpuProbeUnthrottledMs)),
  },
  runs,
}]));
const anchor = ['timelinejs', 'vis'].filter((a) => pages[a])
  .sort((a, b) => pages[a].median.firstEventMs - pages[b].median.firstEventMs)[0];
const ours = pages.ours?.median;
const out = {
  date: new Date().toISOString().slice(0, 10),
  browser: `Chromium ${version}`,
  userAgent: USER_AGENT,
  events,
  runsPerPage: RUNS,
  conditions: { viewport: VIEWPORT, deviceScaleFactor: 2, isMobile: true, hasTouch: true, network: NETWORK, cpuThrottlingRate: CPU_RATE, inputEveryMs: INPUT_EVERY_MS },
  pages,
  fasterAnchor: anchor,
  ratios: !ours || !anchor ? null : {
    firstEventVsAnchor: ours.firstEventMs / pages[anchor].median.firstEventMs,
    bytesBeforeFirstEvent: ours.bytesBeforeFirstEvent,
    answersInputVsAnchorFirstEvent: ours.answersInputMs === null ? null : ours.answersInputMs / pages[anchor].median.firstEventMs,
  },
};
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, JSON.stringify(out, null, 2));
console.log(`wrote ${OUT}`);
