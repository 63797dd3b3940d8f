/**
 * One load of the built renderer through the loopback harness, traced (CDP Tracing), for the
 * profiling scripts (`profile-reader.ts`, `profile-paint.ts`): the harness started on a fresh data
 * folder, Debian's Chromium at 1280 × 900, an optional warm-up load first, then the traced load;
 * the trace's events and the page's own marks, paint entries and requests. Prints nothing.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../e2e/helpers/browser';
import { startHarness } from '../src-main/web/harness';

const ROOT = resolve(import.meta.dirname, '..');

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  pid: number;
  args?: { data?: Record<string, unknown>; name?: string; frame?: string };
}

export interface PageEntries {
  marks: { name: string; at: number }[];
  paints: { name: string; at: number }[];
  resources: { name: string; start: number; end: number; size: number }[];
}

export interface TraceLoadOptions {
  /** The documents the harness serves (default: the bundled ones). */
  documentsDir?: string;
  /** Opened in the library before the loads (the document that opens first). */
  openFirst?: string;
  /** A load before the traced one (the alignment cached, the browser's first-use costs paid). */
  warm: boolean;
  /** The trace categories. */
  categories: string;
  /** Where to write the trace as JSON (Chromium's trace viewer reads it), if anywhere. */
  tracePath?: string | undefined;
}

export async function traceLoad(options: TraceLoadOptions): Promise<{ events: TraceEvent[]; entries: PageEntries }> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'bitext-profile-'));
  const harness = await startHarness({
    port: 0,
    userDataDir,
    rendererDir: join(ROOT, 'out/renderer'),
    documentsDir: options.documentsDir ?? join(ROOT, 'resources/documents'),
    systemLanguages: ['en-US'],
  });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    if (options.openFirst) await harness.services.library.open(options.openFirst);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    if (options.warm) {
      const warm = await context.newPage();
      await warm.goto(harness.url);
      await warm.locator('[data-row-id]').first().waitFor({ timeout: 60_000 });
      await warm.close();
    }
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
    await cdp.send('Tracing.start', { categories: options.categories, transferMode: 'ReportEvents' });
    // The warm-up load left the harness's cookie; a first load needs the address with its token.
    await page.goto(options.warm ? `${harness.origin}/` : harness.url);
    await page.locator('[data-row-id]').first().waitFor({ timeout: 60_000 });
    await page.waitForTimeout(500);
    const done = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
    await cdp.send('Tracing.end');
    await done;
    if (options.tracePath) writeFileSync(options.tracePath, JSON.stringify({ traceEvents: events }));
    const entries = await page.evaluate(() => ({
      marks: performance.getEntriesByType('mark').map((m) => ({ name: m.name, at: m.startTime })),
      paints: performance.getEntriesByType('paint').map((m) => ({ name: m.name, at: m.startTime })),
      resources: (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => ({
        name: r.name.replace(location.origin, ''),
        start: r.startTime,
        end: r.responseEnd,
        size: r.encodedBodySize,
      })),
    }));
    return { events, entries };
  } finally {
    await browser.close();
    await harness.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}
