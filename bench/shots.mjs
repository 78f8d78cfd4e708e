// Screenshots of the release build for the README and for review: the full view, a zoom on
// 2024–2025 with the 22nd session selected, a deep zoom on December 2024, and a phone view.
// Usage: node bench/shots.mjs <base url> <out dir>
import { chromium } from 'playwright-core';

const [base, out] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const settle = (page) => page.waitForTimeout(400);

async function shoot(name, { width = 1400, height = 900, path = '/', act = async () => {} } = {}) {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.goto(base + path, { waitUntil: 'load' });
  await page.waitForSelector('.mark');
  await settle(page);
  await act(page);
  await settle(page);
  await page.screenshot({ path: `${out}/${name}.png` });
  await page.close();
}

// Zooms with the wheel at the mark of event `id` until the view is at most `days` wide.
async function zoomTo(page, selector, days) {
  for (let i = 0; i < 60; i++) {
    const [start, end] = await page.$eval('[data-testid=timeline]', (el) => [Number(el.dataset.start), Number(el.dataset.end)]);
    if (end - start <= days) break;
    const box = await page.$eval(selector, (el) => { const r = el.getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; }).catch(() => null);
    const area = await (await page.$('[data-testid=timeline]')).boundingBox();
    await page.mouse.move(box ? box.x : area.x + area.width * 0.9, area.y + 100);
    await page.mouse.wheel(0, -120);
    await page.waitForTimeout(30);
  }
}

await shoot('timeline-full');
await shoot('timeline-2024-2025', {
  act: async (page) => {
    await zoomTo(page, '.lane--commission .mark:last-child', 900);
    const m = await page.$('[data-testid=session][aria-label*="22nd session"]');
    if (m) await m.click();
  },
});
await shoot('timeline-december-2024', {
  act: async (page) => {
    await zoomTo(page, '.lane--commission .mark:last-child', 900);
    await zoomTo(page, '[data-testid=session][aria-label*="22nd session"]', 40);
    const m = await page.$('[data-testid=session][aria-label*="22nd session"]');
    if (m) await m.click();
  },
});
await shoot('phone', { width: 390, height: 844 });
await browser.close();
