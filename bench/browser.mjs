// The one way the project's scripts start a browser: playwright-core driving Debian's
// /usr/bin/chromium (never a downloaded one), with the flags this machine's closed network needs.
import { chromium } from 'playwright-core';

export function launch() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
