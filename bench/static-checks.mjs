// The static first view written into index.html at build time (src/prerender.rs), checked on the
// release build in headless Chromium (run by `make test` through scripts/checks.sh):
// 1. With JavaScript off, the page is the complete record: every commission session of the
//    bundled dataset is there with its date and a link to each of its sources, and the static
//    timeline draws the sessions.
// 2. With JavaScript on, the app replaces the static view without moving the timeline: the
//    timeline's box and the first session's marker are where they were (the wasm is held back
//    so the static view can be measured first), at a desktop and a phone size, in English and
//    Arabic (right to left), and the static view is gone afterwards.
// 3. A link the static view cannot show (another dataset, here the bundled one by its URL): before
//    the wasm arrives the page shows the app's loading screen, in the browser's language, not a
//    blank page; the app's own loading screen then takes its place without moving its bar, and
//    the app opens the dataset.
// Exits 1 on any failure. Usage: node bench/static-checks.mjs <base url> <dataset.json>
import { readFileSync } from 'node:fs';
import { launch } from './browser.mjs';

const [base, dataPath] = process.argv.slice(2);
const data = JSON.parse(readFileSync(dataPath, 'utf8'));
const browser = await launch();
const failures = [];
const fail = (msg) => { failures.push(msg); console.error(`static-checks: FAIL — ${msg}`); };

// 1. JavaScript off.
{
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 }, javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto(base + '/');
  const sessions = data.events.filter((e) => e.lane === 'commission');
  if (sessions.length < 3) fail(`expected the bundled dataset's sessions, found ${sessions.length}`);
  const sources = new Map(data.sources.map((s) => [s.id, s]));
  const clustered = await page.evaluate(() => !!document.querySelector('.static-view--en .static-frame--wide .lane--commission .mark--cluster'));
  for (const e of sessions) {
    const found = await page.evaluate(({ id, urls }) => {
      const item = document.getElementById(`en-e-${id}`);
      if (!item || !item.offsetParent) return { visible: false };
      const links = [...item.querySelectorAll('a[href]')].map((a) => a.getAttribute('href'));
      const marker = document.querySelector(`.static-view--en .static-frame--wide [href="#en-e-${id}"]`);
      return {
        visible: true,
        text: item.innerText,
        heading: item.querySelector('h3')?.innerText.trim(),
        missing: urls.filter((u) => !links.includes(u)),
        drawn: !!marker,
      };
    }, { id: e.id, urls: e.sources.map((s) => sources.get(s).url) });
    if (!found.visible) { fail(`no JS: session ${e.id} is not in the visible record`); continue; }
    if (found.missing.length) fail(`no JS: session ${e.id} lacks links to ${found.missing.join(', ')}`);
    const year = String(e.date.start).slice(0, 4);
    if (!found.heading || !found.text.includes(year)) fail(`no JS: session ${e.id} lacks its name or its year ${year}`);
    if (!found.drawn && !clustered) fail(`no JS: session ${e.id} is neither drawn nor in a cluster`);
  }
  const title = await page.title();
  const og = await page.getAttribute('meta[property="og:description"]', 'content');
  if (!title || !og || !og.includes(String(data.events.length))) fail(`no JS: title/Open Graph missing (${title} / ${og})`);
  await ctx.close();
}

const near = (a, b, tol) => Math.abs(a - b) <= tol;
// Two boxes ({x, y, w}) in the same place and of the same width, to a pixel.
const sameBox = (a, b) => Boolean(a && b) && near(a.x, b.x, 1) && near(a.y, b.y, 1) && near(a.w, b.w, 1);

// Opens `path` in a fresh context with the browser's language `lang` (a touch phone below 500 px),
// the wasm held back until `release()`, so that what shows before the app can be measured.
async function openHeld(viewport, lang, path) {
  const phone = viewport.width < 500;
  const ctx = await browser.newContext({ viewport, locale: lang, hasTouch: phone, isMobile: phone });
  const page = await ctx.newPage();
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.goto(base + path, { waitUntil: 'domcontentloaded' });
  return { ctx, page, release };
}

// 2. The hand-over.
for (const [name, viewport, lang] of [
  ['desktop', { width: 1400, height: 900 }, 'en'],
  ['wide', { width: 1920, height: 1080 }, 'en'],
  ['phone', { width: 390, height: 844 }, 'en'],
  ['phone ar', { width: 390, height: 844 }, 'ar'],
]) {
  const { ctx, page, release } = await openHeld(viewport, lang, '/');
  const boxes = (scope) => page.evaluate((scope) => {
    const root = document.querySelector(scope);
    const views = root ? [...root.querySelectorAll('.timeline')].filter((t) => t.offsetParent) : [];
    const t = views[0];
    if (!t) return null;
    const r = (e) => { const b = e.getBoundingClientRect(); return { x: b.x, y: b.y, w: b.width, h: b.height }; };
    const area = t.querySelector('.timeline__area');
    const first = [...t.querySelectorAll('.lane--commission [data-testid=session]')]
      .filter((m) => m.offsetParent)
      .sort((a, b) => a.getBoundingClientRect().x - b.getBoundingClientRect().x)[0];
    return { timeline: r(t), area: r(area), first: first && r(first.querySelector('.mark__body')), lang: t.closest('[lang]').lang };
  }, scope);
  const before = await boxes('#static-view');
  if (!before) { fail(`${name}: no static timeline shown`); await ctx.close(); continue; }
  if (before.lang !== lang) fail(`${name}: the static view is in ${before.lang}, the browser asks for ${lang}`);
  release();
  try {
    await page.waitForFunction(() => !document.getElementById('static-view') && document.querySelector('.app-host .mark'), null, { timeout: 30_000 });
  } catch { fail(`${name}: the app never took over`); await ctx.close(); continue; }
  await page.waitForTimeout(200);
  const after = await boxes('.app-host');
  for (const part of ['timeline', 'area']) {
    const a = before[part], b = after[part];
    if (!sameBox(a, b)) {
      fail(`${name}: the ${part} moved on take-over: ${JSON.stringify(a)} → ${JSON.stringify(b)}`);
    }
  }
  if (before.first && after.first && !(near(before.first.x, after.first.x, 2) && near(before.first.y, after.first.y, 2))) {
    fail(`${name}: the first session's marker moved on take-over: ${JSON.stringify(before.first)} → ${JSON.stringify(after.first)}`);
  }
  await ctx.close();
}

// 3. Loading another dataset.
for (const [name, viewport, lang, title] of [
  ['loading', { width: 1400, height: 900 }, 'fr', 'Coopération militaire Maroc–France'],
  ['loading phone ar', { width: 390, height: 844 }, 'ar', 'التعاون العسكري المغربي الفرنسي'],
]) {
  const { ctx, page, release } = await openHeld(viewport, lang, '/?data=data/cooperation.json');
  const shown = () => page.evaluate(() => {
    const on = (sel) => [...document.querySelectorAll(sel)].filter((e) => e.getClientRects().length);
    const bar = on('progress.loading__bar')[0]?.getBoundingClientRect();
    return {
      screens: on('.static-loading').map((e) => ({ lang: e.lang, title: e.querySelector('.app__title')?.textContent })),
      // Not the loading screen's probe: the workspace's empty columns, unseen and with no height,
      // by which the app learns the timeline's width (src/prerender.rs).
      timelines: on('.timeline').filter((e) => !e.closest('.workspace--probe')).length,
      bar: bar && { x: bar.x, y: bar.y, w: bar.width },
    };
  });
  const before = await shown();
  if (before.screens.length !== 1 || before.screens[0].lang !== lang || before.screens[0].title !== title) {
    fail(`${name}: before the wasm, expected one loading screen in ${lang} titled ${title}: ${JSON.stringify(before.screens)}`);
  }
  if (before.timelines !== 0) fail(`${name}: the static timeline shows for another dataset`);
  // The app's loading screen, held while the file is: it replaces the static one where it was.
  let releaseData;
  const dataHeld = new Promise((r) => { releaseData = r; });
  await page.route(/cooperation\.json$/, async (route) => { await dataHeld; await route.continue(); });
  release();
  try {
    await page.waitForSelector('[data-testid=loading]', { timeout: 30_000 });
  } catch { fail(`${name}: the app's loading screen never came`); await ctx.close(); continue; }
  const during = await shown();
  if (during.screens.length !== 0) fail(`${name}: the static loading screen stayed after the app took over`);
  if (!sameBox(before.bar, during.bar)) fail(`${name}: the loading bar moved on take-over: ${JSON.stringify(before.bar)} → ${JSON.stringify(during.bar)}`);
  releaseData();
  try {
    await page.waitForSelector('.mark', { timeout: 30_000 });
  } catch { fail(`${name}: the dataset never opened`); }
  await ctx.close();
}

await browser.close();
if (failures.length) process.exit(1);
console.log('static-checks: ok — the record without JavaScript, a hand-over that moves nothing, and a loading screen before the wasm for another dataset');
