import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { ROOT } from './processes.js';

/**
 * Debian's Chromium (`apt-get install chromium`; .ci/run installs it), never a downloaded browser
 * build; LTC_TEST_BROWSER names another installed one (hosted CI's runners have Google Chrome).
 */
export const CHROMIUM = process.env['LTC_TEST_BROWSER'] || '/usr/bin/chromium';

/** Where the browser suites leave their screenshots (git-ignored). */
export const ARTIFACTS = join(ROOT, 'web-artifacts');

export function chromiumPresent(): boolean {
  return existsSync(CHROMIUM);
}

/** Headless Chromium; Playwright gives each launch a fresh temporary user-data-dir, removed on close. */
export async function launchChromium(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
