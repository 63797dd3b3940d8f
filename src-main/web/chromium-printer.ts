/**
 * The harness's printer: Chromium's own PDF output (playwright-core, the browser the e2e specs
 * use), standing where Electron's `printToPDF` stands in the app. The browser is started for each
 * PDF and closed after it; JavaScript is off, as in the app's hidden print window. The harness has
 * no print dialog (`print` answers `false`, as when the reader cancels). playwright-core is loaded at
 * the first PDF: loading it takes seconds, and most harnesses never print.
 */
import { existsSync } from 'node:fs';
import type { Printer } from '../core/export/print';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export const chromiumPrinter: Printer = {
  async toPdf(html) {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ args: ARGS, ...(existsSync(SYSTEM_CHROMIUM) ? { executablePath: SYSTEM_CHROMIUM } : {}) });
    try {
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
      const page = await context.newPage();
      await page.setContent(html);
      return new Uint8Array(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    } finally {
      await browser.close();
    }
  },
  print: async () => false,
};
