/**
 * Which Chromium the e2e specs drive: Playwright's own where it is installed, else Debian's.
 * With neither, the run stops with a message saying how to get one.
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export function chromiumExecutable(): string | undefined {
  let own: string | undefined;
  try {
    own = chromium.executablePath();
  } catch {
    own = undefined;
  }
  if (own && existsSync(own)) return undefined; // Playwright finds its own browser.
  if (existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
  throw new Error(
    'No Chromium for the end-to-end tests. Install one with `npx playwright install chromium`, ' +
      'or on Debian/Ubuntu `sudo apt-get install chromium` (expected at /usr/bin/chromium).',
  );
}
