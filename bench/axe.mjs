// Accessibility check (run by `make test`): loads the release build in headless Chromium
// (playwright-core, Debian's /usr/bin/chromium), injects axe-core and audits the main screens —
// the timeline, a session's record, the list view, the panels and the keyboard help, and on a phone
// the record's and the panels' sheets, the menu and the search field; the Open, Export and Embed
// dialogs, a source's citation, the embedded view and a dropped TimelineJS file — in French,
// English and Arabic, in the light, dark and high-contrast themes, at desktop and phone sizes,
// against WCAG 2.1 A and AA. Prints every violation and exits 1 if there is any.
// Usage: node bench/axe.mjs <base url>
import { launch } from './browser.mjs';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');
const [base] = process.argv.slice(2);

const browser = await launch();

// A made-up TimelineJS file (the browser tests' own), dropped on the page as a reader would.
const IMPORTED = readFileSync(new URL('../tests/data/import/example-timelinejs.json', import.meta.url), 'utf8');
async function dropFile(page, name, text) {
  await page.evaluate(({ name, text }) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], name, { type: 'application/json' }));
    for (const type of ['dragenter', 'dragover', 'drop']) {
      document.body.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    }
  }, { name, text });
  await page.waitForSelector('[data-testid=import-banner]', { timeout: 10000 });
}

const screens = [];
for (const lang of ['fr', 'en', 'ar']) {
  screens.push({ name: `${lang} timeline`, query: `?lang=${lang}` });
  screens.push({ name: `${lang} session record`, query: `?lang=${lang}&event=cmm-22` });
  screens.push({ name: `${lang} list view`, query: `?lang=${lang}&view=list` });
  screens.push({ name: `${lang} people panel`, query: `?lang=${lang}&person=berrid`, act: (p) => p.click('[data-testid=tab-people]') });
  screens.push({ name: `${lang} domains panel`, query: `?lang=${lang}&domains=space`, act: (p) => p.click('[data-testid=tab-domains]') });
  screens.push({ name: `${lang} keyboard help`, query: `?lang=${lang}`, act: (p) => p.click('[data-testid=help]') });
  screens.push({ name: `${lang} search results`, query: `?lang=${lang}`, act: (p) => p.fill('[data-testid=search]', 'chebec') });
  screens.push({ name: `${lang} dark`, query: `?lang=${lang}&event=cmm-23`, theme: 'dark' });
  screens.push({ name: `${lang} high contrast`, query: `?lang=${lang}&event=cmm-12`, contrast: true });
  screens.push({ name: `${lang} phone`, query: `?lang=${lang}`, phone: true });
  screens.push({ name: `${lang} phone record sheet`, query: `?lang=${lang}&event=cmm-22`, phone: true });
  screens.push({ name: `${lang} phone menu`, query: `?lang=${lang}`, phone: true, act: (p) => p.click('[data-testid=menu]') });
  screens.push({ name: `${lang} phone search`, query: `?lang=${lang}`, phone: true, act: async (p) => { await p.click('[data-testid=search-open]'); await p.fill('[data-testid=search]', 'chebec'); } });
  screens.push({ name: `${lang} phone filters sheet`, query: `?lang=${lang}&event=cmm-22`, phone: true, act: (p) => p.click('[data-testid=open-panels]') });
  screens.push({ name: `${lang} phone people sheet`, query: `?lang=${lang}&person=berrid`, phone: true, act: async (p) => { await p.click('[data-testid=open-panels]'); await p.click('[data-testid=tab-people]'); } });
  screens.push({ name: `${lang} phone list`, query: `?lang=${lang}&view=list`, phone: true });
  screens.push({ name: `${lang} open dialog`, query: `?lang=${lang}`, act: (p) => p.click('[data-testid=open]') });
  screens.push({ name: `${lang} export dialog`, query: `?lang=${lang}&lanes=commission`, act: (p) => p.click('[data-testid=export]') });
  screens.push({ name: `${lang} embed dialog`, query: `?lang=${lang}&event=cmm-22`, act: (p) => p.click('[data-testid=embed]') });
  screens.push({ name: `${lang} embedded view`, query: `?lang=${lang}&embed=1&event=cmm-22` });
  screens.push({ name: `${lang} phone embedded view`, query: `?lang=${lang}&embed=1&event=cmm-22`, phone: true });
  screens.push({ name: `${lang} phone export dialog`, query: `?lang=${lang}`, phone: true, act: async (p) => { await p.click('[data-testid=menu]'); await p.click('[data-testid=export]'); } });
  screens.push({ name: `${lang} cite a source`, query: `?lang=${lang}&event=cmm-22`, act: (p) => p.click('[data-testid=source] [data-testid=cite]') });
  screens.push({ name: `${lang} story`, query: `?lang=${lang}&story=1&step=2` });
  screens.push({ name: `${lang} map`, query: `?lang=${lang}&event=cmm-22`, act: (p) => p.click('[data-testid=tab-map]') });
  screens.push({ name: `${lang} phone map`, query: `?lang=${lang}&places=rabat`, phone: true, act: async (p) => { await p.click('[data-testid=open-panels]'); await p.click('[data-testid=tab-map]'); } });
  screens.push({ name: `${lang} phone story`, query: `?lang=${lang}&story=1&step=3`, phone: true });
  screens.push({ name: `${lang} imported file`, query: `?lang=${lang}`, act: (p) => dropFile(p, 'library.json', IMPORTED) });
}
screens.push({ name: 'error screen', query: '?data=no-such-file.json' });
screens.push({ name: 'dark high contrast', query: '?event=cmm-22', theme: 'dark', contrast: true });

let failures = 0;
for (const s of screens) {
  const page = await browser.newPage({ viewport: s.phone ? { width: 390, height: 844 } : { width: 1500, height: 1000 } });
  await page.addInitScript(({ theme, contrast }) => {
    if (theme) localStorage.setItem('ct-theme', theme);
    if (contrast) localStorage.setItem('ct-contrast', 'high');
  }, { theme: s.theme, contrast: s.contrast });
  await page.goto(base + '/' + s.query, { waitUntil: 'load' });
  await page.waitForSelector('.mark, [data-testid=list-view], [data-testid=error]', { timeout: 20000 });
  await page.waitForTimeout(400);
  if (s.act) {
    await s.act(page);
    await page.waitForTimeout(300);
  }
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1, 2).join(' ')}`),
      count: v.nodes.length,
    }));
  });
  if (result.length === 0) {
    console.log(`axe: ok   ${s.name}`);
  } else {
    failures += result.length;
    console.log(`axe: FAIL ${s.name}`);
    for (const v of result) {
      console.log(`  ${v.id} (${v.impact}, ${v.count} nodes): ${v.help}`);
      for (const n of v.nodes) console.log(`    ${n}`);
    }
  }
  await page.close();
}
await browser.close();
console.log(`axe: ${screens.length} screens, ${failures} violation(s)`);
process.exit(failures === 0 ? 0 : 1);
