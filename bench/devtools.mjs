// Debian's /usr/bin/chromium driven over the DevTools protocol on a pipe, without Playwright, for
// bench/frames.mjs. Playwright enables the Network domain on every page it drives, and Chromium
// then keeps a copy of each response body for DevTools and decodes a text one on the page's main
// thread when it ends: for the 6 MB of a 10k-event file, ~80 ms of the main thread in the middle
// of the load being timed (and 10-50 ms more as its chunks arrive), which no reader's browser
// does (traced: the same load over this client with and without `Network.enable`). vis-timeline's
// pages fetch their data before their timing starts, so only this app's figure carried it.
//
// launch() starts a browser; browser.newPage({ width, height }) makes a page in a fresh browser
// context (empty cache and storage) of that viewport, whose methods are what frames.mjs needs:
// send (any DevTools command on the page's session), once (one event), addInitScript, goto,
// evaluate, box, close.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The switches Playwright 1.x starts Chromium with for a headless, non-persistent launch
// (its chromiumSwitches, then its headless ones), and browser.mjs's for the closed network: the
// same browser set up the same way, only without Playwright's own DevTools session. Without
// `--no-startup-window` (and an initial page instead), headless Chromium kept a browser-UI
// renderer busy at half a core during the measurements.
const FLAGS = [
  '--disable-field-trial-config', '--disable-background-networking',
  '--disable-background-timer-throttling', '--disable-backgrounding-occluded-windows',
  '--disable-back-forward-cache', '--disable-breakpad', '--disable-client-side-phishing-detection',
  '--disable-component-extensions-with-background-pages', '--disable-component-update',
  '--no-default-browser-check', '--disable-default-apps', '--disable-dev-shm-usage',
  '--disable-edgeupdater', '--disable-extensions',
  '--disable-features=AvoidUnnecessaryBeforeUnloadCheckSync,DestroyProfileOnBrowserClose,' +
    'DialMediaRouteProvider,GlobalMediaControls,HttpsUpgrades,LensOverlay,MediaRouter,PaintHolding,' +
    'ThirdPartyStoragePartitioning,BlockOriginHeaderModificationOnRedirect,' +
    'AvoidCorsURLLoaderRestartOnRedirect,Translate,AutoDeElevate,OptimizationHints,' +
    'NetworkTimeServiceQuerying,AimEnabled',
  '--enable-features=CDPScreenshotNewSurface', '--allow-pre-commit-input', '--disable-hang-monitor',
  '--disable-ipc-flooding-protection', '--disable-popup-blocking', '--disable-prompt-on-repost',
  '--disable-renderer-backgrounding', '--disable-updater-scheduler', '--force-color-profile=srgb',
  '--metrics-recording-only', '--no-first-run', '--password-store=basic', '--use-mock-keychain',
  '--no-service-autorun', '--export-tagged-pdf', '--disable-search-engine-choice-screen',
  '--disable-infobars', '--disable-sync', '--enable-unsafe-swiftshader',
  '--headless', '--hide-scrollbars', '--mute-audio',
  '--blink-settings=primaryHoverType=2,availableHoverTypes=2,primaryPointerType=4,availablePointerTypes=4',
  '--no-sandbox', '--disable-gpu', '--disable-quic',
];

class Page {
  constructor(browser, contextId, sessionId) {
    Object.assign(this, { browser, contextId, sessionId });
  }

  /** A DevTools command on this page's session. */
  send(method, params = {}) {
    return this.browser.send(method, params, this.sessionId);
  }

  /** The next event `method` on this page's session. */
  once(method) {
    return this.browser.once(method, this.sessionId);
  }

  /** Runs `fn` (source text) in every document of this page before its own scripts. */
  addInitScript(fn) {
    return this.send('Page.addScriptToEvaluateOnNewDocument', { source: `(${fn})();` });
  }

  /** Navigates and waits for the load event (rejects after `timeoutMs`). */
  async goto(url, timeoutMs) {
    const loaded = this.once('Page.loadEventFired');
    try {
      const { errorText } = await this.send('Page.navigate', { url });
      if (errorText) throw new Error(`${url}: ${errorText}`);
      await within(loaded, timeoutMs, () => new Error(`load of ${url}: no answer in ${timeoutMs} ms`));
    } finally {
      this.browser.forget(loaded);
    }
  }

  /** `fn(arg)` evaluated in the page (awaited if it returns a promise), its value as JSON. */
  async evaluate(fn, arg) {
    const expression = `(${fn})(${arg === undefined ? '' : JSON.stringify(arg)})`;
    const { result, exceptionDetails } = await this.send('Runtime.evaluate',
      { expression, awaitPromise: true, returnByValue: true });
    if (exceptionDetails) {
      throw new Error(`in the page: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    }
    return result.value;
  }

  /** The viewport box of the first element matching `selector`, or null. */
  box(selector) {
    return this.evaluate((sel) => {
      const r = document.querySelector(sel)?.getBoundingClientRect();
      return r ? { x: r.x, y: r.y, width: r.width, height: r.height } : null;
    }, selector);
  }

  /** Closes the page's browser context (which ends its renderer, busy or not). */
  close() {
    return this.browser.send('Target.disposeBrowserContext', { browserContextId: this.contextId });
  }
}

class Browser {
  constructor(proc, dir) {
    Object.assign(this, { proc, dir, nextId: 0, pending: new Map(), waiters: [], buffer: Buffer.alloc(0) });
    this.exited = false;
    this.closed = new Promise((resolve) => proc.once('exit', resolve));
    proc.stdio[4].on('data', (chunk) => this.receive(chunk));
    // A write to a browser that has gone fails its call (below), not the script.
    proc.stdio[3].on('error', () => {});
    proc.once('exit', () => {
      this.exited = true;
      this.fail(() => true, 'the browser exited');
    });
  }

  /** Rejects the calls and event waits that `which(sessionId)` selects. */
  fail(which, why) {
    for (const [id, call] of this.pending) {
      if (which(call.sessionId)) {
        this.pending.delete(id);
        call.reject(new Error(`${call.method}: ${why}`));
      }
    }
    for (const w of [...this.waiters]) {
      if (which(w.sessionId)) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.reject(new Error(`${w.method}: ${why}`));
      }
    }
  }

  /** Stops waiting for the event a `once` promise stands for. */
  forget(promise) {
    const i = this.waiters.findIndex((w) => w.promise === promise);
    if (i >= 0) this.waiters.splice(i, 1);
  }

  receive(chunk) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (let end; (end = this.buffer.indexOf(0)) >= 0;) {
      const message = JSON.parse(this.buffer.subarray(0, end).toString('utf8'));
      this.buffer = this.buffer.subarray(end + 1);
      if (message.id !== undefined) {
        const call = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (!call) continue;
        if (message.error) call.reject(new Error(`${call.method}: ${message.error.message}`));
        else call.resolve(message.result);
      } else {
        // A page whose renderer crashed or whose session ended answers nothing more: what
        // waits on it fails now (Chromium does not answer its pending commands).
        if (message.method === 'Inspector.targetCrashed') {
          this.fail((s) => s === message.sessionId, 'the page crashed');
        } else if (message.method === 'Target.detachedFromTarget') {
          this.fail((s) => s === message.params.sessionId, 'the page was closed');
        }
        for (const w of [...this.waiters]) {
          if (w.method === message.method && w.sessionId === message.sessionId) {
            this.waiters.splice(this.waiters.indexOf(w), 1);
            w.resolve(message.params);
          }
        }
      }
    }
  }

  send(method, params = {}, sessionId = undefined) {
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      if (this.exited) {
        reject(new Error(`${method}: the browser exited`));
        return;
      }
      this.pending.set(id, { resolve, reject, method, sessionId });
      this.proc.stdio[3].write(`${JSON.stringify({ id, method, params, sessionId })}\0`);
    });
  }

  once(method, sessionId = undefined) {
    const w = { method, sessionId };
    w.promise = new Promise((resolve, reject) => Object.assign(w, { resolve, reject }));
    w.promise.catch(() => {});
    this.waiters.push(w);
    return w.promise;
  }

  /** A page of `viewport` (CSS px, device pixel ratio 1) in a fresh browser context. */
  async newPage(viewport) {
    const { browserContextId } = await this.send('Target.createBrowserContext', { disposeOnDetach: true });
    const { targetId } = await this.send('Target.createTarget',
      { url: 'about:blank', browserContextId, width: viewport.width, height: viewport.height });
    const { sessionId } = await this.send('Target.attachToTarget', { targetId, flatten: true });
    const page = new Page(this, browserContextId, sessionId);
    await page.send('Inspector.enable');
    await page.send('Page.enable');
    await page.send('Emulation.setDeviceMetricsOverride',
      { width: viewport.width, height: viewport.height, deviceScaleFactor: 1, mobile: false });
    return page;
  }

  /** "156.0.…" (as Playwright's browser.version()). */
  async version() {
    const { product } = await this.send('Browser.getVersion');
    return product.split('/').pop();
  }

  async close() {
    const kill = () => this.proc.kill('SIGKILL');
    await within(this.send('Browser.close'), 10_000, () => new Error('browser close')).catch(kill);
    await within(this.closed, 10_000, () => new Error('browser exit')).catch(kill);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** `promise`, or the error `late()` makes if it has not settled within `ms`. */
export function within(promise, ms, late) {
  let timer;
  return Promise.race([promise, new Promise((_, reject) => {
    timer = setTimeout(() => reject(late()), Math.max(0, ms));
  })]).finally(() => clearTimeout(timer));
}

/** Starts headless Chromium with a DevTools pipe (fds 3 and 4) and a profile of its own. */
export async function launch() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-chromium-'));
  const proc = spawn('/usr/bin/chromium',
    [...FLAGS, `--user-data-dir=${dir}`, '--remote-debugging-pipe', '--no-startup-window'],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
  const browser = new Browser(proc, dir);
  // Whatever way the script ends, the browser and its profile go with it.
  process.once('exit', () => {
    proc.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });
  await within(browser.send('Browser.getVersion'), 30_000, () => new Error('browser start: no answer in 30 s'));
  return browser;
}
