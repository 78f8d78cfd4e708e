// Screenshots of the release build for the README (and for looking at every visible change):
// three zoom levels, the panels, phone layouts, the three languages and the themes.
// Usage: node bench/shots.mjs <base url> <out dir>
import { launch } from './browser.mjs';
import { readFileSync } from 'node:fs';

const [base, out] = process.argv.slice(2);
const browser = await launch();

async function shoot(name, query, { width = 1920, height = 1080, theme, contrast, act, full = false } = {}) {
  // Phone sizes as a phone shows them: touch, and scrollbars that overlay the page.
  const phone = width < 500;
  const page = await browser.newPage({ viewport: { width, height }, isMobile: phone, hasTouch: phone });
  await page.addInitScript(({ theme, contrast }) => {
    localStorage.setItem('ct-theme', theme ?? 'light');
    localStorage.setItem('ct-contrast', contrast ? 'high' : 'normal');
  }, { theme, contrast });
  await page.goto(`${base}/${query}`, { waitUntil: 'load' });
  // The app's own view: the static first view (index.html) has marks before the app runs.
  await page.waitForFunction(() => !document.getElementById('static-view')
    && document.querySelector('.mark, [data-testid=list-view]'));
  await page.waitForTimeout(500);
  if (act) {
    await act(page);
    await page.waitForTimeout(500);
  }
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: full });
  await page.close();
  console.log(`wrote ${out}/${name}.png`);
}

// The static first view: as a reader without JavaScript sees it, and on a phone before the wasm
// has arrived (held back), in Arabic.
{
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 }, javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto(`${base}/`);
  await page.screenshot({ path: `${out}/first-view-no-javascript.png` });
  await page.evaluate(() => document.querySelector('.static-record').scrollIntoView());
  await page.screenshot({ path: `${out}/first-view-no-javascript-record.png` });
  await ctx.close();
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'ar', isMobile: true, hasTouch: true });
  const p2 = await phone.newPage();
  await p2.route(/_bg\.wasm$/, () => {});
  await p2.goto(`${base}/`, { waitUntil: 'domcontentloaded' });
  await p2.waitForTimeout(500);
  await p2.screenshot({ path: `${out}/first-view-static-phone-ar.png` });
  await phone.close();
  console.log(`wrote ${out}/first-view-*.png`);
}

await shoot('zoom-1-everything', '?lang=en');
await shoot('zoom-2-2024-2025', '?lang=en&event=cmm-22&from=2024-01-01&to=2025-12-31');
await shoot('zoom-3-december-2024', '?lang=en&event=cmm-22&from=2024-11-20&to=2024-12-20');
await shoot('panels-people', '?lang=en&person=berrid&event=cmm-23', { act: (p) => p.click('[data-testid=tab-people]') });
await shoot('panels-domains', '?lang=en&domains=space', { act: (p) => p.click('[data-testid=tab-domains]') });
await shoot('list-view', '?lang=en&view=list');
await shoot('french', '?lang=fr&event=cmm-12&from=2011-01-01&to=2026-12-31');
await shoot('arabic', '?lang=ar&event=cmm-22&from=2011-01-01&to=2026-12-31');
await shoot('dark', '?lang=en&event=chergui-2022&from=2020-01-01&to=2023-12-31', { theme: 'dark' });
await shoot('high-contrast', '?lang=fr&event=cmm-23', { contrast: true });
const phone = { width: 390, height: 844 };
for (const lang of ['en', 'fr', 'ar']) {
  await shoot(`phone-timeline-${lang}`, `?lang=${lang}`, phone);
  await shoot(`phone-record-${lang}`, `?lang=${lang}&event=cmm-22`, phone);
  await shoot(`phone-filters-${lang}`, `?lang=${lang}`, { ...phone, act: (p) => p.click('[data-testid=open-panels]') });
  await shoot(`phone-menu-${lang}`, `?lang=${lang}`, { ...phone, act: (p) => p.click('[data-testid=menu]') });
}
await shoot('phone-search-en', '?lang=en', { ...phone, act: async (p) => { await p.click('[data-testid=search-open]'); await p.fill('[data-testid=search]', 'chebec'); } });

// Data in and out (docs/formats.md): the dialogs, a dropped TimelineJS file, the embedded view
// and a source's citation.
const EXAMPLE = readFileSync(new URL(`../tests/data/import/example-timelinejs.json`, import.meta.url), 'utf8');
const dropExample = async (p) => {
  await p.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'library.json', { type: 'application/json' }));
    for (const type of ['dragenter', 'dragover', 'drop']) {
      document.body.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    }
  }, EXAMPLE);
  await p.waitForSelector('[data-testid=import-banner]');
  await p.click('[data-testid=import-report] summary');
};
await shoot('open-dialog', '?lang=en', { width: 1400, height: 900, act: (p) => p.click('[data-testid=open]') });
await shoot('import-timelinejs', '?lang=en', { width: 1400, height: 900, act: dropExample });
await shoot('import-timelinejs-ar', '?lang=ar', { width: 1400, height: 900, act: dropExample });
await shoot('export-dialog', '?lang=en&lanes=commission', { width: 1400, height: 900, act: (p) => p.click('[data-testid=export]') });
await shoot('export-dialog-fr', '?lang=fr&lanes=commission', { width: 1400, height: 900, act: (p) => p.click('[data-testid=export]') });
await shoot('embed-dialog', '?lang=en&event=cmm-22', { width: 1400, height: 900, act: (p) => p.click('[data-testid=embed]') });
await shoot('embedded-view', '?lang=en&embed=1&event=cmm-22', { width: 900, height: 640 });
await shoot('embedded-view-ar', '?lang=ar&embed=1&event=cmm-22', { width: 900, height: 640 });
await shoot('cite-source', '?lang=en&event=cmm-22', { width: 1400, height: 900, act: (p) => p.click('[data-testid=source] [data-testid=cite]') });
await shoot('phone-export-en', '?lang=en', { ...phone, act: async (p) => { await p.click('[data-testid=menu]'); await p.click('[data-testid=export]'); } });
await shoot('phone-embedded-ar', '?lang=ar&embed=1&event=cmm-22', phone);
await shoot('header-1400', '?lang=en', { width: 1400, height: 900 });
await browser.close();
