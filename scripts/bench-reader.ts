/**
 * Benchmark (prints figures, asserts nothing): a book-length document of 20,000 aligned rows in
 * headless Chromium through the loopback harness — time from the document's arrival in the
 * renderer to its first rows on screen, frame times while scrolling through it, and the renderer's
 * memory. Run after `npm run build`: `node --import tsx scripts/bench-reader.ts`.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { makeBigDocument } from '../e2e/helpers/big-document';
import { CHROMIUM_ARGS } from '../e2e/helpers/browser';
import { startHarness } from '../src-main/web/harness';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const executablePath = process.env.BENCH_CHROMIUM ?? '/usr/bin/chromium';

function stats(values: number[]): { median: number; p95: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { median: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? NaN };
}

async function main(): Promise<void> {
  if (!existsSync(join(ROOT, 'out/renderer/index.html'))) throw new Error('run `npm run build` first');
  const big = makeBigDocument(2000, 9);
  const userDataDir = mkdtempSync(join(tmpdir(), 'bitext-bench-reader-'));
  const t0 = performance.now();
  const harness = await startHarness({
    port: 0,
    userDataDir,
    rendererDir: join(ROOT, 'out/renderer'),
    documentsDir: big.dir,
    systemLanguages: ['en-US'],
  });
  // Segment and align once in main, so the browser runs measure the renderer.
  await harness.services.library.open(big.id);
  const alignMs = performance.now() - t0;
  const browser = await chromium.launch({
    executablePath,
    args: CHROMIUM_ARGS,
  });
  const firstRows: number[] = [];
  const fromNavigation: number[] = [];
  const shownFromNavigation: number[] = [];
  const fcps: number[] = [];
  const frames: number[] = [];
  const heaps: number[] = [];
  const wholes: number[] = [];
  const farIn: number[] = [];
  const taskCpu: number[] = [];
  const scrollCpu: number[] = [];
  /** Requests to main (IPC) made while scrolling, each run. */
  const scrollRequests: number[] = [];
  let rendered = 0;
  try {
    // Opened at a place kept far in (row 15,000): the whole book is sent, as before the head.
    for (let run = 0; run < RUNS; run++) {
      await harness.services.settings.setReadingPosition(big.id, 'r1500-0');
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(harness.url);
      await page.locator('[data-row-id]').first().waitFor({ timeout: 120_000 });
      farIn.push(await page.evaluate(() => performance.getEntriesByName('bitext:first-rows')[0]?.startTime ?? NaN));
      await page.close();
    }
    for (let run = 0; run < RUNS; run++) {
      // Opened from the top (a book opened for the first time): the place the last run left is cleared.
      await harness.services.settings.setReadingPosition(big.id, 'r0-0');
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      // The first row shown (sent with the page, or the live reader's) and first contentful paint.
      await page.addInitScript(`(() => {
        const probe = { shown: undefined, fcp: undefined };
        Object.defineProperty(window, '__bench', { value: probe });
        const look = () => { if (probe.shown === undefined && document.querySelector('[data-row-id], [data-first-paint-row]')) { probe.shown = performance.now(); observer.disconnect(); } };
        const observer = new MutationObserver(look);
        observer.observe(document, { childList: true, subtree: true });
        new PerformanceObserver((list) => { for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') probe.fcp = e.startTime; }).observe({ type: 'paint', buffered: true });
      })()`);
      await page.goto(harness.url);
      await page.locator('[data-row-id]').first().waitFor({ timeout: 120_000 });
      // The renderer is live on the book's first rows (its head); the scroll below is through the
      // whole book, so it starts once the whole has arrived and is drawn.
      await page.waitForFunction(() => performance.getEntriesByName('bitext:document-whole').length > 0 || !document.querySelector('[data-row-id]'), undefined, { timeout: 120_000 }).catch(() => undefined);
      await page.waitForFunction(() => (window as unknown as { __bench: { fcp?: number } }).__bench.fcp !== undefined, undefined, { timeout: 5000 }).catch(() => undefined);
      const marks = await page.evaluate(() => ({
        received: performance.getEntriesByName('bitext:document-received')[0]?.startTime ?? NaN,
        whole: performance.getEntriesByName('bitext:document-whole')[0]?.startTime ?? NaN,
        first: performance.getEntriesByName('bitext:first-rows')[0]?.startTime ?? NaN,
        shown: (window as unknown as { __bench: { shown?: number } }).__bench.shown ?? NaN,
        fcp: (window as unknown as { __bench: { fcp?: number } }).__bench.fcp ?? NaN,
      }));
      firstRows.push(marks.first - marks.received);
      fromNavigation.push(marks.first);
      wholes.push(marks.whole);
      shownFromNavigation.push(marks.shown);
      fcps.push(marks.fcp);
      rendered = await page.locator('[data-row-id]').count();
      // The main thread's tasks while scrolling, by CPU time (steadier than wall time on a busy machine).
      const tracing = await page.context().newCDPSession(page);
      const traced: Array<{ name: string; ph: string; tid: number; dur?: number; tdur?: number }> = [];
      tracing.on('Tracing.dataCollected', ({ value }) => traced.push(...(value as unknown as typeof traced)));
      await tracing.send('Tracing.start', { categories: 'toplevel,devtools.timeline', transferMode: 'ReportEvents' });
      let requests = 0;
      const countRequest = (request: { url(): string }) => {
        if (request.url().includes('/__ipc/')) requests++;
      };
      page.on('request', countRequest);
      // Scroll through a long stretch of the book, one step per frame, recording frame times.
      // (A string, so that the TypeScript loader's helpers do not leak into the page.)
      const deltas = await page.evaluate<number[]>(`new Promise((done) => {
        const out = [];
        let last = performance.now();
        let steps = 0;
        function step(now) {
          out.push(now - last);
          last = now;
          window.scrollBy(0, 600);
          if (++steps < 400) requestAnimationFrame(step);
          else done(out.slice(2));
        }
        requestAnimationFrame(step);
      })`);
      frames.push(...deltas);
      page.off('request', countRequest);
      scrollRequests.push(requests);
      const traceDone = new Promise<void>((done) => tracing.once('Tracing.tracingComplete', () => done()));
      await tracing.send('Tracing.end');
      await traceDone;
      const mainThread = traced.find((e) => e.name === 'FireAnimationFrame')?.tid;
      const tasks = traced.filter((e) => e.tid === mainThread && e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && e.tdur !== undefined);
      taskCpu.push(...tasks.map((e) => e.tdur! / 1000));
      scrollCpu.push(tasks.reduce((n, e) => n + e.tdur! / 1000, 0) / deltas.length);
      await tracing.detach();
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      const { metrics } = await cdp.send('Performance.getMetrics');
      heaps.push((metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN) / 1024 / 1024);
      await page.close();
    }
  } finally {
    await browser.close();
    await harness.close();
    rmSync(big.dir, { recursive: true, force: true });
    rmSync(userDataDir, { recursive: true, force: true });
  }
  const f = stats(frames);
  const r = stats(firstRows);
  const n = stats(fromNavigation);
  console.log(`\nBook-length document: ${big.rows.toLocaleString('en-GB')} aligned rows (${RUNS} runs, Chromium headless)`);
  console.log('| figure | median | p95 | max |');
  console.log('| --- | --- | --- | --- |');
  console.log(`| segment + align in main (once, Node) | ${alignMs.toFixed(0)} ms | | |`);
  console.log(`| document received → first rows on screen | ${r.median.toFixed(0)} ms | ${r.p95.toFixed(0)} ms | ${r.max.toFixed(0)} ms |`);
  const sh = stats(shownFromNavigation);
  const fc = stats(fcps);
  console.log(`| navigation → first rows shown (sent with the page or live; document already aligned) | ${sh.median.toFixed(0)} ms | ${sh.p95.toFixed(0)} ms | ${sh.max.toFixed(0)} ms |`);
  console.log(`| navigation → first live rows (React), from the top | ${n.median.toFixed(0)} ms | ${n.p95.toFixed(0)} ms | ${n.max.toFixed(0)} ms |`);
  const wh = stats(wholes);
  console.log(`| navigation → the whole book received (asked for once the first rows are live) | ${wh.median.toFixed(0)} ms | ${wh.p95.toFixed(0)} ms | ${wh.max.toFixed(0)} ms |`);
  console.log(`| navigation → first live rows, opened at a place kept far in (row 15,000: the whole book sent) | ${stats(farIn).median.toFixed(0)} ms | ${stats(farIn).p95.toFixed(0)} ms | ${stats(farIn).max.toFixed(0)} ms |`);
  console.log(`| first contentful paint | ${fc.median.toFixed(0)} ms | ${fc.p95.toFixed(0)} ms | ${fc.max.toFixed(0)} ms |`);
  console.log(`| frame time while scrolling (${frames.length} frames) | ${f.median.toFixed(1)} ms | ${f.p95.toFixed(1)} ms | ${f.max.toFixed(1)} ms |`);
  console.log(`| main thread's CPU time a frame while scrolling | ${stats(scrollCpu).median.toFixed(1)} ms | | |`);
  console.log(`| main-thread tasks while scrolling, CPU time (${taskCpu.length} tasks) | ${stats(taskCpu).median.toFixed(1)} ms | ${stats(taskCpu).p95.toFixed(1)} ms | ${stats(taskCpu).max.toFixed(1)} ms |`);
  console.log(`| frames over 50 ms | ${frames.filter((d) => d > 50).length} of ${frames.length} | | |`);
  console.log(`| requests to main while scrolling (IPC: term links, reading position) | ${stats(scrollRequests).median} | | ${stats(scrollRequests).max} |`);
  console.log(`| renderer JS heap after scrolling | ${stats(heaps).median.toFixed(1)} MB | | |`);
  console.log(`| rows in the page at once | ${rendered} | | |`);
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  console.log(`Goal: navigation → first rows ≤ 300 ms: ${sh.median.toFixed(0)} ms shown (${verdict(sh.median <= 300)}), ${n.median.toFixed(0)} ms live from the top (${verdict(n.median <= 300)}), ${stats(farIn).median.toFixed(0)} ms live at a place far in (${verdict(stats(farIn).median <= 300)}).`);
  console.log(`Goal: no frame over 50 ms: ${frames.filter((d) => d > 50).length} over (${verdict(frames.every((d) => d <= 50))}); main-thread tasks over 50 ms of CPU: ${taskCpu.filter((d) => d > 50).length}.`);
  console.log(`Load average ${loadavg().map((l) => l.toFixed(1)).join(', ')} on ${cpus().length} cores (wall times swing with it; the CPU times are steadier).`);
}

await main();
