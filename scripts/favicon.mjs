// Writes public/favicon.png from public/favicon.svg (run by hand when the SVG changes:
// `node scripts/favicon.mjs`). The page's icon is the PNG: Chromium renders an SVG icon as a
// document of its own on the page's main thread (11–20 ms, in the middle of loading a dataset);
// a 64 px PNG is decoded in well under a millisecond. Rendered by the project's one browser
// (bench/browser.mjs: Debian's Chromium), with a transparent background for the rounded corners.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launch } from '../bench/browser.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const svg = readFileSync(`${root}public/favicon.svg`, 'utf8');
const SIZE = 64;
const browser = await launch();
const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE } });
await page.setContent(`<html><body style="margin:0;background:transparent">
  <img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}" width="${SIZE}" height="${SIZE}" style="display:block"></body></html>`);
await page.waitForFunction(() => document.images[0].complete);
writeFileSync(`${root}public/favicon.png`, await page.screenshot({ omitBackground: true }));
await browser.close();
console.log(`favicon: wrote public/favicon.png (${SIZE} × ${SIZE}) from public/favicon.svg`);
