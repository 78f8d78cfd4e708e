// The one way the project's scripts start a browser: playwright-core driving Debian's
// /usr/bin/chromium (never a downloaded one), with the flags this machine's closed network needs.
import { chromium } from 'playwright-core';
import { within } from './devtools.mjs';

export function launch() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * Waits until `expression` (JavaScript, evaluated in the page's own world) is truthy, asking the
 * page every `pollMs` over the DevTools session `cdp`; rejects after `timeoutMs`. Not Playwright's
 * `waitForFunction`: that first evaluates Playwright's injected script (~330 KB) in the page,
 * whose parsing, 20–40 ms of the main thread in a trace, landed in the middle of the load being
 * measured. An evaluation of one expression is a fraction of a millisecond.
 */
export async function pollPage(cdp, expression, { timeoutMs, pollMs = 50 }) {
  const deadline = Date.now() + timeoutMs;
  const timedOut = () => new Error(`timed out after ${timeoutMs} ms waiting for ${expression}`);
  for (;;) {
    // A failed evaluation (no page context yet, or one torn down by a navigation) asks again;
    // a page busy in one long task answers only when it ends: the deadline holds meanwhile.
    const answer = cdp.send('Runtime.evaluate', { expression, returnByValue: true })
      .catch(() => ({ exceptionDetails: true }));
    const { result, exceptionDetails } = await within(answer, deadline - Date.now(), timedOut);
    if (!exceptionDetails && result.value) return result.value;
    if (Date.now() >= deadline) throw timedOut();
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
