/**
 * Profile (prints, asserts nothing): where the time goes between navigation and the first live
 * row, from a Chromium performance trace (CDP Tracing) of one warm load through the loopback
 * harness — the statement, or with `--big` the 20,000-row document. Run after `npm run build`:
 *
 *   node --import tsx scripts/profile-reader.ts [--big] [--trace out.json]
 *
 * Prints the requests (start → end, size), the main thread's busy time by kind (script
 * compile/evaluate, parse HTML, style, layout, paint, GC) before the first live row, the longest
 * tasks, and the renderer's own marks (`bitext:*`).
 */
import { rmSync } from 'node:fs';
import { makeBigDocument } from '../e2e/helpers/big-document';
import { type PageEntries, type TraceEvent, traceLoad } from './trace-load';

const big = process.argv.includes('--big');
const traceAt = process.argv.indexOf('--trace');
const tracePath = traceAt > 0 ? process.argv[traceAt + 1] : undefined;

async function main(): Promise<void> {
  const bigDoc = big ? makeBigDocument(2000, 9) : undefined;
  try {
    const { events, entries } = await traceLoad({
      ...(bigDoc ? { documentsDir: bigDoc.dir, openFirst: bigDoc.id } : {}),
      warm: true,
      categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,blink.user_timing,loading,v8,toplevel',
      tracePath,
    });
    report(events, entries);
  } finally {
    if (bigDoc) rmSync(bigDoc.dir, { recursive: true, force: true });
  }
}

function report(events: TraceEvent[], { marks, resources }: PageEntries): void {
  const nav = events.find((e) => e.name === 'navigationStart' || e.name === 'NavigationStartToLoad');
  const start = events.find((e) => e.name === 'navigationStart')?.ts ?? nav?.ts ?? Math.min(...events.map((e) => e.ts));
  // The renderer's main thread: where the page's marks were recorded.
  const markEvent = events.find((e) => e.name.startsWith('bitext:'));
  const main = events.find((e) => e.name === 'CrRendererMain' || e.args?.name === 'CrRendererMain');
  const tid = markEvent?.tid ?? main?.tid;
  const pid = markEvent?.pid ?? main?.pid;
  const firstLive = marks.find((m) => m.name === 'bitext:first-rows')?.at ?? Infinity;
  const end = start + firstLive * 1000;
  console.log(`\n${big ? '20,000-row document' : 'statement'}: warm load, marks (ms from navigation)`);
  for (const m of marks) console.log(`  ${m.at.toFixed(1).padStart(8)}  ${m.name}`);
  console.log('\nrequests (ms from navigation)');
  for (const r of resources) console.log(`  ${r.start.toFixed(1).padStart(8)} → ${r.end.toFixed(1).padStart(8)}  ${(r.size / 1024).toFixed(1).padStart(7)} KiB  ${r.name.slice(0, 80)}`);
  const own = events.filter((e) => e.tid === tid && e.pid === pid && e.ph === 'X' && e.dur !== undefined && e.ts >= start && e.ts <= end);
  const kinds: Record<string, number> = {};
  // Self time by event name among the top-level tasks' children (one level down from RunTask).
  const tasks = own.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
  const interesting = new Set([
    'EvaluateScript', 'v8.compile', 'v8.compileModule', 'v8.evaluateModule', 'FunctionCall', 'ParseHTML', 'UpdateLayoutTree', 'RecalculateStyles',
    'Layout', 'Paint', 'PrePaint', 'Layerize', 'MajorGC', 'MinorGC', 'V8.GC_SCAVENGER', 'v8.parseOnBackground', 'TimerFire', 'EventDispatch',
    'XHRReadyStateChange', 'ResourceReceivedData', 'v8.run', 'ParseAuthorStyleSheet', 'HitTest', 'FireAnimationFrame', 'V8.GCScavenger', 'V8.GCFinalizeMC', 'MajorGC',
  ]);
  for (const e of own) if (interesting.has(e.name)) kinds[e.name] = (kinds[e.name] ?? 0) + e.dur! / 1000;
  const busy = tasks.reduce((n, e) => n + e.dur! / 1000, 0);
  console.log(`\nmain thread before the first live row (${firstLive.toFixed(0)} ms): ${busy.toFixed(0)} ms in ${tasks.length} tasks; by kind (inclusive, nested kinds overlap):`);
  for (const [k, v] of Object.entries(kinds).sort((a, b) => b[1] - a[1])) console.log(`  ${v.toFixed(1).padStart(8)} ms  ${k}`);
  console.log('\ntasks over 8 ms, in order');
  const top = tasks.filter((t) => !tasks.some((u) => u !== t && u.ts <= t.ts && u.ts + u.dur! >= t.ts + t.dur! && u.dur! > t.dur!));
  for (const t of top.filter((t) => t.dur! > 8000)) {
    const inside = own
      .filter((e) => e.ts >= t.ts && e.ts + e.dur! <= t.ts + t.dur! && e !== t && interesting.has(e.name))
      .sort((a, b) => b.dur! - a.dur!)
      .slice(0, 3)
      .map((e) => `${e.name}${e.args?.data?.url ? ` ${String(e.args.data.url).split('/').pop()}` : ''}${e.args?.data?.functionName ? ` ${String(e.args.data.functionName)}` : ''} ${(e.dur! / 1000).toFixed(1)}`);
    console.log(`  at ${((t.ts - start) / 1000).toFixed(0).padStart(6)} ms  ${(t.dur! / 1000).toFixed(1).padStart(7)} ms  ${inside.join('; ')}`);
  }
}

await main();
