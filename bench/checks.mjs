// What a visitor must never meet, checked on the release build in headless Chromium
// (playwright-core with Debian's /usr/bin/chromium; run by `make test` through scripts/checks.sh):
// 1. Loading logs no console error or warning and requests no missing file (no /favicon.ico);
//    the two kinds of gap are drawn differently.
// 2. On a phone (390×844), in French, English and Arabic, no lane name covers a mark.
// 3. A dataset request that never answers ends on the error screen, with its reason and Retry,
//    after the time-out (about 30 s), not on "Loading" forever.
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

await browser.close();
if (failures.length) {
  console.error(`checks: ${failures.length} failure(s)`);
  process.exit(1);
}
console.log('checks: ok — clean console and network, lane names clear of marks on phones, stalled loads time out');
