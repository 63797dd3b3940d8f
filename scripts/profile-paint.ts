/**
 * Profile (prints, asserts nothing): what the renderer's main thread does between navigation and
 * the first paint, from a Chromium trace (CDP Tracing) of one load through the loopback harness.
 * Run after `npm run build`:
 *
 *   node --import tsx scripts/profile-paint.ts [--cold] [--trace out.json]
 *
 * Prints, in order, every main-thread task over 2 ms before the first live row with what is
 * inside it (script compile/evaluate, parse HTML, style, layout, paint), the requests, and the
 * paint marks (first paint, first contentful paint, the renderer's `bitext:*` marks).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../e2e/helpers/browser';
import { startHarness } from '../src-main/web/harness';

const ROOT = resolve(import.meta.dirname, '..');
const cold = process.argv.includes('--cold');
const traceAt = process.argv.indexOf('--trace');
const tracePath = traceAt > 0 ? process.argv[traceAt + 1] : undefined;

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  pid: number;
  args?: { data?: Record<string, unknown>; name?: string; frame?: string };
}

async function main(): Promise<void> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'bitext-profile-'));
  const harness = await startHarness({
    port: 0,
    userDataDir,
    rendererDir: join(ROOT, 'out/renderer'),
    documentsDir: join(ROOT, 'resources/documents'),
    systemLanguages: ['en-US'],
  });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    if (!cold) {
      const warm = await context.newPage();
      await warm.goto(harness.url);
      await warm.locator('[data-row-id]').first().waitFor({ timeout: 60_000 });
      await warm.close();
    }
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
    await cdp.send('Tracing.start', {
      categories:
        'devtools.timeline,disabled-by-default-devtools.timeline,disabled-by-default-devtools.timeline.frame,v8.execute,blink.user_timing,loading,v8,toplevel,blink,cc,gpu,viz',
      transferMode: 'ReportEvents',
    });
    await page.goto(cold ? harness.url : `${harness.origin}/`);
    await page.locator('[data-row-id]').first().waitFor({ timeout: 60_000 });
    await page.waitForTimeout(500);
    const done = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
    await cdp.send('Tracing.end');
    await done;
    if (tracePath) writeFileSync(tracePath, JSON.stringify({ traceEvents: events }));
    const info = await page.evaluate(() => ({
      marks: performance.getEntriesByType('mark').map((m) => ({ name: m.name, at: m.startTime })),
      paints: performance.getEntriesByType('paint').map((m) => ({ name: m.name, at: m.startTime })),
      resources: (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => ({
        name: r.name.replace(location.origin, ''),
        start: r.startTime,
        end: r.responseEnd,
        size: r.encodedBodySize,
      })),
    }));
    report(events, info);
  } finally {
    await browser.close();
    await harness.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

function report(events: TraceEvent[], info: { marks: { name: string; at: number }[]; paints: { name: string; at: number }[]; resources: { name: string; start: number; end: number; size: number }[] }): void {
  const navs = events.filter((e) => e.name === 'navigationStart' && String(e.args?.data?.documentLoaderURL ?? '').startsWith('http'));
  const start = navs[navs.length - 1]?.ts ?? Math.min(...events.map((e) => e.ts));
  const markEvent = events.find((e) => e.name.startsWith('bitext:'));
  const tid = markEvent?.tid;
  const pid = markEvent?.pid;
  const at = (ts: number) => ((ts - start) / 1000).toFixed(1).padStart(7);
  console.log(`${cold ? 'cold' : 'warm'} load; paint entries: ${info.paints.map((p) => `${p.name} ${p.at.toFixed(1)}`).join(', ')}`);
  console.log('marks: ' + info.marks.map((m) => `${m.name} ${m.at.toFixed(1)}`).join(', '));
  console.log('requests:');
  for (const r of info.resources) console.log(`  ${r.start.toFixed(1).padStart(7)} → ${r.end.toFixed(1).padStart(7)}  ${(r.size / 1024).toFixed(1).padStart(7)} KiB  ${r.name.slice(0, 70)}`);
  const firstLive = info.marks.find((m) => m.name === 'bitext:first-rows')?.at ?? 3000;
  const end = start + (firstLive + 50) * 1000;
  const own = events.filter((e) => e.tid === tid && e.pid === pid && e.ts >= start - 5000 && e.ts <= end);
  const instants = events.filter(
    (e) => (e.ph === 'I' || e.ph === 'R' || e.ph === 'i' || e.ph === 'n') && e.ts >= start && e.ts <= end &&
      /^(?!PaintTimingVisualizer)(paint|Paint|firstPaint|firstContentfulPaint|firstMeaningful|LargestContentful|domContentLoaded|MarkDOMContent|MarkLoad|MarkFirstPaint|commit|Commit|RenderBlocking|font|Font)/.test(e.name),
  );
  console.log('instants:');
  for (const e of instants) console.log(`  ${at(e.ts)}  ${e.name} (${e.cat}) tid ${e.tid === tid ? 'main' : e.tid}`);
  const interesting = /^(EvaluateScript|v8\.compile|v8\.compileModule|v8\.evaluateModule|FunctionCall|ParseHTML|UpdateLayoutTree|Layout|Paint|PrePaint|Layerize|MajorGC|MinorGC|ParseAuthorStyleSheet|TimerFire|EventDispatch|XHRReadyStateChange|ResourceReceivedData|FireAnimationFrame|Commit|BeginMainThreadFrame|ScheduleStyleRecalculation|v8\.produceModuleCache|v8\.run|CompositeLayers|UpdateLayer|Document::updateStyleAndLayoutTree|LocalFrameView::RunPostLifecycleSteps|ProxyMain::BeginMainFrame|ThreadProxy::BeginMainFrame|WebFrameWidgetImpl::BeginMainFrame|PageAnimator::serviceScriptedAnimations|LocalFrameView::UpdateAllLifecyclePhases|FontFace|Font)/;
  const tasks = own.filter((e) => e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.dur! > 2000);
  const top = tasks.filter((t) => !tasks.some((u) => u !== t && u.ts <= t.ts && u.ts + u.dur! >= t.ts + t.dur! && u.dur! > t.dur!));
  console.log('main-thread tasks over 2 ms:');
  for (const t of top) {
    const inside = own
      .filter((e) => e.ph === 'X' && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + t.dur! && e !== t && interesting.test(e.name) && (e.dur ?? 0) > 1000)
      .sort((a, b) => a.ts - b.ts)
      .slice(0, 10)
      .map((e) => `${e.name}${e.args?.data?.url ? `(${String(e.args.data.url).split('/').pop()})` : ''} ${(e.dur! / 1000).toFixed(1)}`);
    console.log(`  ${at(t.ts)} ${(t.dur! / 1000).toFixed(1).padStart(7)} ms  ${inside.join('; ')}`);
  }
}

await main();
