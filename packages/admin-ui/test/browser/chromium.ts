import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

/** The first Chromium found: `QAF_CHROMIUM` if set, else the usual install paths. */
export const CHROMIUM = [process.env.QAF_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable']
  .filter((path): path is string => Boolean(path))
  .find((path) => existsSync(path));

/** True when the browser suites can run. */
export const hasChromium = CHROMIUM !== undefined;
// Under CI a skipped browser suite would pass unseen: there it is a failure instead.
if (!hasChromium && process.env.CI === 'true') throw new Error('CI: no Chromium for the browser tests (apt-get install chromium, or set QAF_CHROMIUM)');
if (!hasChromium) console.warn('[admin-ui] SKIPPING the browser tests: no Chromium found (apt-get install chromium, or set QAF_CHROMIUM).');

/** Launches the Chromium found, headless. */
export function launchChromium() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
}
