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
import { type PageEntries, type TraceEvent, traceLoad } from './trace-load';

const cold = process.argv.includes('--cold');
const traceAt = process.argv.indexOf('--trace');
const tracePath = traceAt > 0 ? process.argv[traceAt + 1] : undefined;

async function main(): Promise<void> {
  const { events, entries } = await traceLoad({
    warm: !cold,
    categories:
      'devtools.timeline,disabled-by-default-devtools.timeline,disabled-by-default-devtools.timeline.frame,v8.execute,blink.user_timing,loading,v8,toplevel,blink,cc,gpu,viz',
    tracePath,
  });
  report(events, entries);
}

function report(events: TraceEvent[], info: PageEntries): void {
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
