/**
 * Annotation store benchmark: save latency (p50/p99) and load time with 10,000 annotations, in a
 * temporary folder. Prints figures; asserts nothing (goal: p99 save ≤ 10 ms).
 *
 *   node --import tsx scripts/bench-annotations.ts [--annotations 10000] [--saves 200]
 */
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { AnnotationStore } from '../src-main/core/annotations/store';
import { DOC, makeAnnotation } from '../src-main/core/annotations/testing/fixtures';

const { values } = parseArgs({
  options: { annotations: { type: 'string', default: '10000' }, saves: { type: 'string', default: '200' } },
});
const TOTAL = Number(values.annotations);
const SAVES = Number(values.saves);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}
const ms = (n: number) => `${n.toFixed(2)} ms`;

async function timeSaves(label: string, save: (i: number) => Promise<unknown>): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < SAVES; i++) {
    const t0 = performance.now();
    await save(i);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`${label}: p50 ${ms(percentile(times, 50))}, p99 ${ms(percentile(times, 99))}, max ${ms(times[times.length - 1] ?? 0)} (${SAVES} saves)`);
}

async function main(): Promise<void> {
  const dir = await fs.mkdtemp(join(tmpdir(), 'bitext-bench-annotations-'));
  try {
    // 1. Everything in one document: every save rewrites the whole file.
    const annotations = Array.from({ length: TOTAL }, (_, i) => makeAnnotation(i));
    const seed = new AnnotationStore(dir);
    await seed.merge(DOC, annotations);
    const { size } = await fs.stat(join(dir, `${DOC}.json`));
    console.log(`${TOTAL} annotations in one document: file ${(size / 1e6).toFixed(2)} MB`);

    const t0 = performance.now();
    const store = new AnnotationStore(dir);
    await store.list(DOC);
    console.log(`load (parse + validate): ${ms(performance.now() - t0)}`);

    await timeSaves('save, one document of 10,000 (update one note)', (i) =>
      store.update(DOC, annotations[i % TOTAL]!.id, (a) => ({ ...a, note: `edit ${i}` })),
    );

    // 2. The same number spread over 100 documents (100 each), as a reader with many texts has them.
    const spread = new AnnotationStore(join(dir, 'spread'));
    const perDoc = Math.max(1, Math.floor(TOTAL / 100));
    for (let d = 0; d < 100; d++) {
      const documentId = `doc-${d}`;
      await spread.merge(documentId, Array.from({ length: perDoc }, (_, i) => makeAnnotation(d * perDoc + i, { documentId })));
    }
    const t1 = performance.now();
    const fresh = new AnnotationStore(join(dir, 'spread'));
    for (let d = 0; d < 100; d++) await fresh.list(`doc-${d}`);
    console.log(`load, 100 documents of ${perDoc}: ${ms(performance.now() - t1)} in all`);
    await timeSaves(`save, one document of ${perDoc} (create)`, (i) =>
      fresh.create(makeAnnotation(TOTAL + i, { documentId: `doc-${i % 100}` })),
    );
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

void main();
