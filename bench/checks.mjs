// What a visitor must never meet, checked on the release build in headless Chromium
// (playwright-core with Debian's /usr/bin/chromium; run by `make test` through scripts/checks.sh):
// 1. Loading logs no console error or warning and requests no missing file (no /favicon.ico);
//    the two kinds of gap are drawn differently.
// 2. On a phone (390×844), in French, English and Arabic, no lane name covers a mark.
// 3. A dataset request that never answers ends on the error screen, with its reason and Retry,
//    after the time-out (about 30 s), not on "Loading" forever.
// 4. On a touch phone (390×844, hasTouch, isMobile; touches sent through CDP): one finger dragged
//    across the timeline pans it the right way, two fingers spread apart zoom in; every control
//    shown (header, menu, toolbar, both sheets and their tabs) is at least 44×44 px; a link to an
//    event shows its record on the first screen; the record's sheet follows its grip (up to the
//    full height, down to closed); the timeline's box is the same whatever it shows.
// 5. The lanes' sketch mid-zoom is drawn by the sketch worker, and the elements are back at rest.
// Exits 1 on any failure. Usage: node bench/checks.mjs <base url>
import { launch } from './browser.mjs';

const [base] = process.argv.slice(2);
const browser = await launch();
const failures = [];
const fail = (msg) => { failures.push(msg); console.error(`checks: FAIL — ${msg}`); };

async function open(query, viewport) {
  const page = await browser.newPage({ viewport });
  const log = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') log.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => log.push(`page error: ${e.message}`));
  page.on('response', (r) => { if (r.status() >= 400) log.push(`HTTP ${r.status()} ${r.url()}`); });
  page.on('requestfailed', (r) => log.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(base + '/' + query, { waitUntil: 'load' });
  return { page, log, requests };
}

// 1. A clean load, at desktop and phone sizes, in each language.
for (const [lang, viewport] of [['en', { width: 1400, height: 900 }], ['fr', { width: 1920, height: 1080 }], ['ar', { width: 390, height: 844 }]]) {
  const { page, log, requests } = await open(`?lang=${lang}`, viewport);
  await page.waitForSelector('[data-testid=session]', { timeout: 20000 });
  await page.waitForTimeout(1500);
  if (log.length) fail(`${lang} ${viewport.width}px: console or network noise on load:\n  ${log.join('\n  ')}`);
  if (requests.some((p) => p.endsWith('/favicon.ico'))) fail(`${lang}: the browser asked for /favicon.ico`);
  const icon = await page.$('link[rel=icon]');
  if (!icon) fail(`${lang}: no <link rel="icon">`);
  // An undocumented stretch is hatched; a search that found nothing is a flag, not hatched.
  const looks = await page.evaluate(() => Object.fromEntries(
    ['undocumented', 'not-found'].map((k) => {
      const g = document.querySelector(`.gap--${k}`);
      return [k, g ? getComputedStyle(g).backgroundImage : null];
    })));
  if (!looks.undocumented?.includes('gradient')) fail(`${lang}: the undocumented gap is not hatched (${looks.undocumented})`);
  if (looks['not-found'] !== 'none') fail(`${lang}: the "nothing found" flag is drawn as a band (${looks['not-found']})`);
  await page.close();
}

// 2. On a phone, lane names never cover a mark.
for (const lang of ['fr', 'en', 'ar']) {
  for (const query of [`?lang=${lang}`, `?lang=${lang}&from=2024-01-01&to=2025-12-31`]) {
    const { page } = await open(query, { width: 390, height: 844 });
    await page.waitForSelector('[data-testid=session]', { timeout: 20000 });
    await page.waitForTimeout(800);
    const overlaps = await page.evaluate(() => {
      const hits = [];
      const boxes = (sel, root) => [...root.querySelectorAll(sel)].map((e) => ({ e, r: e.getBoundingClientRect() }));
      const lanes = [...document.querySelectorAll('.lane[data-lane]')];
      for (const lane of lanes) {
        const header = document.querySelector(`.lane-header[data-lane="${lane.dataset.lane}"] .lane-header__label`);
        if (!header) continue;
        const h = header.getBoundingClientRect();
        if (h.width === 0) continue;
        for (const { e, r } of boxes('.mark', lane)) {
          const body = e.querySelector('.mark__body, .mark__count')?.getBoundingClientRect() ?? r;
          const meet = body.left < h.right && body.right > h.left && body.top < h.bottom && body.bottom > h.top;
          if (meet) hits.push(`${lane.dataset.lane}: "${header.textContent}" covers ${e.getAttribute('aria-label')}`);
        }
      }
      return hits;
    });
    if (overlaps.length) fail(`phone ${query}: lane names cover marks:\n  ${overlaps.join('\n  ')}`);
    await page.close();
  }
}

// 3. A request that never answers ends on the error screen.
{
  const started = Date.now();
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(base + '/?lang=en&data=__stall', { waitUntil: 'load' });
  await page.waitForSelector('[data-testid=loading]', { timeout: 10000 });
  try {
    await page.waitForSelector('[data-testid=error]', { timeout: 45000 });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const reason = await page.textContent('[data-testid=error-reason]');
    if (!/did not answer/.test(reason)) fail(`stalled request: unexpected reason ${reason}`);
    if (!(await page.$('[data-testid=retry]'))) fail('stalled request: no Retry button');
    console.log(`checks: a request that never answers shows the error screen after ${seconds} s: ${reason.trim()}`);
  } catch {
    fail('stalled request: still loading after 45 s');
  }
  await page.close();
}

// 4. Touch, touch targets, the record from a link and the timeline's box on a phone.
{
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const settle = (ms = 400) => page.waitForTimeout(ms);
  const range = () => page.$eval('[data-testid=timeline]', (e) => [Number(e.dataset.start), Number(e.dataset.end)]);
  const touch = async (type, points) => {
    await cdp.send('Input.dispatchTouchEvent', {
      type, touchPoints: points.map(([x, y], id) => ({ x, y, id, radiusX: 2, radiusY: 2, force: 1 })),
    });
  };
  // Moves fingers from `from` to `to` (lists of [x, y]) in steps, as a hand would.
  const gesture = async (from, to, steps = 12) => {
    await touch('touchStart', from);
    for (let i = 1; i <= steps; i++) {
      await touch('touchMove', from.map(([x, y], k) => [x + ((to[k][0] - x) * i) / steps, y + ((to[k][1] - y) * i) / steps]));
      await page.waitForTimeout(16);
    }
    await touch('touchEnd', []);
    await settle();
  };
  await page.goto(base + '/?lang=en&from=2010-01-01&to=2020-12-31', { waitUntil: 'load' });
  await page.waitForSelector('[data-testid=session]', { timeout: 20000 });
  await settle(800);
  const area = await page.$eval('[data-testid=timeline]', (e) => {
    const r = e.getBoundingClientRect();
    return { x: r.x, y: r.y, w: r.width };
  });
  // On the axis strip, where no mark is: a drag, not a tap on an event.
  const y = area.y + 20;
  const [s0, e0] = await range();
  await gesture([[area.x + area.w * 0.75, y]], [[area.x + area.w * 0.25, y]]);
  const [s1, e1] = await range();
  // The finger moved towards the start of time: later times come into view.
  if (!(s1 > s0 + 1 && e1 > e0 + 1)) fail(`touch: a one-finger drag to the left did not pan to later times (${s0}–${e0} → ${s1}–${e1})`);
  else if (Math.abs((e1 - s1) - (e0 - s0)) > 0.01 * (e0 - s0)) fail(`touch: a one-finger drag changed the span (${e0 - s0} → ${e1 - s1})`);
  const mid = area.x + area.w / 2;
  await gesture([[mid - 40, y], [mid + 40, y + 4]], [[mid - 150, y], [mid + 150, y + 4]]);
  const [s2, e2] = await range();
  if (!(e2 - s2 < 0.6 * (e1 - s1))) fail(`touch: spreading two fingers did not zoom in (span ${e1 - s1} → ${e2 - s2} days)`);
  console.log(`checks: touch — one finger panned ${(s1 - s0).toFixed(0)} days later; a pinch took the span from ${(e1 - s1).toFixed(0)} to ${(e2 - s2).toFixed(0)} days`);

  // Every control shown is at least 44×44. Left out, with reasons: the timeline's marks and gap
  // bands (data drawn at its dates and sizes; each has the keyboard and a list view besides), and
  // links inside text (WCAG 2.5.8's inline exception). A control inside a label is measured by
  // its label, which is what a finger hits.
  const small = () => page.evaluate(() => {
    const out = [];
    const sel = 'button, select, input:not([type=hidden]), [role=tab], summary, textarea';
    for (const el of document.querySelectorAll(sel)) {
      if (el.closest('.mark, .gap') || el.matches('.link')) continue;
      const target = el.matches('input') && el.closest('label') ? el.closest('label') : el;
      const r = target.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      const cs = getComputedStyle(target);
      if (cs.visibility === 'hidden' || el.closest('.visually-hidden')) continue;
      if (r.width < 43.5 || r.height < 43.5) {
        const name = el.getAttribute('aria-label') || el.getAttribute('data-testid') || el.textContent.trim().slice(0, 30) || el.outerHTML.slice(0, 60);
        out.push(`${name} ${r.width.toFixed(0)}×${r.height.toFixed(0)}`);
      }
    }
    return out;
  });
  const targets = async (what) => {
    await settle();
    const bad = await small();
    if (bad.length) fail(`phone ${what}: controls under 44×44 px:\n  ${bad.join('\n  ')}`);
  };
  await targets('timeline');
  await page.tap('[data-testid=menu]');
  await targets('menu');
  await page.tap('[data-testid=menu]');
  await page.tap('[data-testid=search-open]');
  await page.fill('[data-testid=search]', 'chebec');
  await targets('search');
  await page.tap('[data-testid=search-close]');
  await page.tap('[data-testid=open-panels]');
  for (const tab of ['filters', 'domains', 'people']) {
    await page.tap(`[data-testid=tab-${tab}]`);
    await targets(`${tab} sheet`);
  }
  await page.tap('[data-testid=panels-close]');
  await page.tap('[data-testid=view-list]');
  await targets('list view');

  // A link to an event shows its record on the first screen, with nothing to press; the
  // timeline's box is the viewport's, whatever it shows.
  const boxes = [];
  for (const q of ['?lang=en', '?lang=ar&event=cmm-22', '?lang=fr&lanes=commission&from=2024-11-20&to=2024-12-20']) {
    await page.goto(base + '/' + q, { waitUntil: 'load' });
    await page.waitForSelector('[data-testid=session]', { timeout: 20000 });
    await settle(600);
    boxes.push([q, await page.$eval('.timeline', (e) => JSON.stringify(e.getBoundingClientRect()))]);
    if (q.includes('event=')) {
      const sheet = await page.$eval('[data-testid=record-sheet]', (e) => {
        const r = e.getBoundingClientRect();
        return { top: r.top, h: r.height, title: e.querySelector('[data-testid=detail-title]')?.textContent ?? '' };
      });
      if (!(sheet.h > 200 && sheet.top < 844 - 200 && /22/.test(sheet.title))) fail(`phone ${q}: the record is not on the first screen (${JSON.stringify(sheet)})`);
      await targets('record sheet');
    }
  }
  // The record's sheet follows its grip: up to the full height, down to its own, down to closed.
  await page.goto(base + '/?lang=en&event=cmm-22', { waitUntil: 'load' });
  await page.waitForSelector('[data-testid=session]', { timeout: 20000 });
  await settle(600);
  const sheetBox = () => page.$eval('[data-testid=record-sheet]', (e) => e.getBoundingClientRect().height);
  const grip = async () => page.$eval('[data-testid=record-sheet] .sheet__grip', (e) => {
    const r = e.getBoundingClientRect();
    return [r.x + r.width / 2, r.y + r.height / 2];
  });
  const h0 = await sheetBox();
  let [gx, gy] = await grip();
  await gesture([[gx, gy]], [[gx, gy - 200]]);
  const h1 = await sheetBox();
  [gx, gy] = await grip();
  await gesture([[gx, gy]], [[gx, gy + 200]]);
  const h2 = await sheetBox();
  [gx, gy] = await grip();
  await gesture([[gx, gy]], [[gx, gy + 200]]);
  const h3 = await sheetBox();
  const selected = await page.$('[data-testid=detail-title]');
  if (!(h1 > h0 + 100 && Math.abs(h2 - h0) < 2 && h3 === 0 && !selected)) {
    fail(`phone: the record's sheet does not follow its grip (heights ${h0} → up ${h1} → down ${h2} → down ${h3}; selection ${selected ? 'kept' : 'cleared'})`);
  } else {
    console.log(`checks: the record's sheet, dragged by its grip: ${h0.toFixed(0)} px → ${h1.toFixed(0)} px → ${h2.toFixed(0)} px → closed`);
  }
  const inner = await page.evaluate(() => window.innerHeight);
  const first = JSON.parse(boxes[0][1]);
  for (const [q, b] of boxes) if (b !== boxes[0][1]) fail(`phone: the timeline's box depends on what it shows: ${boxes[0][0]} ${boxes[0][1]} vs ${q} ${b}`);
  if (Math.abs(first.bottom - (inner - 8)) > 1) fail(`phone: the timeline does not reach the bottom of the screen (${first.bottom} of ${inner})`);
  await context.close();
}

// 5. The sketch drawn by the sketch worker: in the release build the lanes' canvas is handed to
//    the worker once the timeline rests, and mid-zoom, with the marks' elements hidden, the
//    commission lane's sessions show in its colour (drawn by the worker: the page cannot draw on
//    a canvas it handed over); at rest the elements are back.
{
  const { page, log } = await open('?lang=en', { width: 1400, height: 900 });
  await page.waitForSelector('[data-testid=session]', { timeout: 20000 });
  // The worker is started 250 ms after the view rests, and loads.
  // Marked once the worker listens. (Not found by asking the canvas for its context: asked before
  // it is handed over, it stays the page's.)
  await page.waitForSelector('.timeline__sketch[data-drawn-by=worker]', { state: 'attached', timeout: 15000 })
    .catch(() => fail('sketch: the canvas was never handed to the sketch worker'));
  await page.waitForTimeout(800);
  // A zoom kept going from inside the page (a wheel notch in and out every 20 ms, about the same
  // place), so that the view does not rest while the screenshot is taken.
  await page.evaluate(() => {
    const area = document.querySelector('[data-testid=timeline]');
    const r = area.getBoundingClientRect();
    let n = 0;
    window.__ctZoom = setInterval(() => {
      const deltaY = n++ % 2 ? 100 : -100;
      area.dispatchEvent(new WheelEvent('wheel', { deltaY, clientX: r.x + r.width * 0.6, clientY: r.y + r.height * 0.4, bubbles: true, cancelable: true }));
    }, 20);
  });
  await page.waitForTimeout(300);
  const state = () => page.evaluate(() => {
    const layers = [...document.querySelectorAll('.lane__marks')];
    return {
      sketching: !!document.querySelector('.timeline__sketch:not([hidden])'),
      hidden: layers.length > 0 && layers.every((m) => getComputedStyle(m).opacity === '0'),
    };
  });
  const before = await state();
  const lane = await page.evaluate(() => {
    // The lane's band across the timeline's area (the lane itself is as wide as the world,
    // which moves under the area).
    const l = document.querySelector('.lane');
    const r = l.getBoundingClientRect();
    const a = document.querySelector('[data-testid=timeline]').getBoundingClientRect();
    return { x: a.x, y: r.y, width: a.width, height: r.height, accent: getComputedStyle(l).getPropertyValue('--accent').trim() };
  });
  const shot = await page.screenshot({ clip: { x: lane.x, y: lane.y, width: lane.width, height: lane.height } });
  const after = await state();
  await page.evaluate(() => clearInterval(window.__ctZoom));
  // The screenshot's pixels, read by the browser's own PNG decoder on a canvas of its own.
  const ink = await page.evaluate(async ([b64, accent]) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    [c.width, c.height] = [img.width, img.height];
    const cx = c.getContext('2d');
    cx.drawImage(img, 0, 0);
    const data = cx.getImageData(0, 0, c.width, c.height).data;
    const [r0, g0, b0] = [1, 3, 5].map((i) => parseInt(accent.slice(i, i + 2), 16));
    let n = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i] - r0) + Math.abs(data[i + 1] - g0) + Math.abs(data[i + 2] - b0) < 60) n++;
    }
    return n;
  }, [shot.toString('base64'), lane.accent]);
  if (![before, after].every((x) => x.sketching && x.hidden)) fail(`sketch: mid-zoom the sketch is not what shows (before the screenshot: ${JSON.stringify(before)}, after: ${JSON.stringify(after)})`);
  else if (ink < 100) fail(`sketch: mid-zoom the commission lane shows ${ink} pixels of its colour: the worker drew nothing`);
  else console.log(`checks: sketch — drawn by the worker mid-zoom (${ink} pixels of the commission's colour with its elements hidden)`);
  await page.waitForTimeout(800);
  const rest = await page.evaluate(() => ({
    marks: document.querySelectorAll('.lane .mark').length,
    sketching: !!document.querySelector('.timeline__sketch:not([hidden])'),
  }));
  if (rest.sketching || rest.marks === 0) fail(`sketch: at rest the elements are not back (${JSON.stringify(rest)})`);
  if (log.length) fail(`sketch: console or network noise:\n  ${log.join('\n  ')}`);
  await page.close();
}

await browser.close();
if (failures.length) {
  console.error(`checks: ${failures.length} failure(s)`);
  process.exit(1);
}
console.log('checks: ok — clean console and network, lane names clear of marks on phones, stalled loads time out, touch pans and pinches, 44 px targets, the record from a link on the first screen, the sketch drawn by its worker');
