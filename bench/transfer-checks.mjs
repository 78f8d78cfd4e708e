// Release-build checks of data in and out, through the transfer worker as it ships (run by
// `make test`, at / and under a sub-path): the worker is not fetched for the bundled dataset;
// a dropped TimelineJS file opens through it, with its banner; exports come back from it as
// files whose content is checked (CSV, iCalendar, PNG); and the Embed dialog's code names the
// page's own address. Exits 1 with what failed.
// Usage: node bench/transfer-checks.mjs <page url, with its sub-path and trailing slash>
import { readFileSync } from 'node:fs';
import { launch } from './browser.mjs';

const [page_url] = process.argv.slice(2);
const EXAMPLE = readFileSync(new URL('../tests/data/import/example-timelinejs.json', import.meta.url), 'utf8');
const browser = await launch();
const failures = [];
const check = (ok, what) => {
  console.log(`transfer-checks: ${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};

const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
const page = await context.newPage();
const fetched = [];
page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
const errors = [];
page.on('pageerror', (e) => errors.push(String(e)));
page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });

await page.goto(`${page_url}?lang=en&lanes=commission`, { waitUntil: 'load' });
await page.waitForFunction(() => !document.getElementById('static-view') && document.querySelector('.mark'));
await page.waitForTimeout(500);
check(!fetched.some((p) => p.includes('transfer')), 'the worker is not fetched for the bundled dataset');

async function download(testid) {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 20000 }), page.click(`[data-testid=${testid}]`)]);
  return { name: d.suggestedFilename(), bytes: readFileSync(await d.path()) };
}

await page.click('[data-testid=export]');
const csv = await download('export-csv');
const rows = csv.bytes.toString('utf8').replace(/^\uFEFF/, '').trimEnd().split('\r\n');
const shown = Number((await page.textContent('[data-testid=export-count]')).trim().split(/\s+/)[0]);
check(csv.name.endsWith('.csv') && rows[0].startsWith('id,title,start,end,lane'), `CSV from the worker (${csv.name})`);
check(rows.length - 1 === shown && rows.slice(1).every((r) => r.includes(',commission,')), `CSV holds the ${shown} events the filter shows`);
check(fetched.some((p) => p.endsWith('/transfer_bg.wasm')), 'the worker was fetched for the export, beside the page');
const ics = await download('export-ics');
const text = ics.bytes.toString('utf8');
check(text.startsWith('BEGIN:VCALENDAR\r\n') && (text.match(/BEGIN:VEVENT/g) || []).length === shown, 'iCalendar with one entry per event');
const png = await download('export-png');
check(png.bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), `PNG (${png.bytes.length} bytes)`);
await page.keyboard.press('Escape');

await page.click('[data-testid=embed]');
const code = await page.inputValue('[data-testid=embed-code]');
check(code.includes(`src="${new URL(page_url).origin}${new URL(page_url).pathname}?`) && code.includes('embed=1'), 'Embed code names the page under its own path');
await page.keyboard.press('Escape');

await page.evaluate((text) => {
  const dt = new DataTransfer();
  dt.items.add(new File([text], 'library.json', { type: 'application/json' }));
  for (const type of ['dragenter', 'dragover', 'drop']) {
    document.body.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
  }
}, EXAMPLE);
const opened = await page.waitForSelector('[data-testid=import-banner]', { timeout: 20000 }).then(() => true, () => false);
check(opened, 'a dropped TimelineJS file opens through the worker, with its banner');
if (opened) {
  await page.waitForFunction(() => document.querySelectorAll('.mark').length >= 3);
  check((await page.textContent('h1')).includes('Example library history'), 'its title is the file\'s');
  check((await page.textContent('[data-testid=import-banner]')).includes('TimelineJS'), 'the banner names the format');
}
check(errors.length === 0, `no error in the console${errors.length ? ': ' + errors.join(' | ') : ''}`);

await browser.close();
console.log(`transfer-checks: ${failures.length === 0 ? 'all passed' : `${failures.length} failed`}`);
process.exit(failures.length === 0 ? 0 : 1);
