import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ALIGN_YOUNG_GENERATION_MB, WORKER_HEAP_MB, workerRunner } from './align-runner';
import { IMPORT_LIMITS } from './limits';

/** A worker that answers each task with the resource limits it was started with. */
const REPORTER = `import { parentPort, resourceLimits, workerData } from 'node:worker_threads';
const limits = JSON.stringify(resourceLimits);
if (workerData.task === 'align') parentPort.postMessage({ type: 'done', storedJson: new TextEncoder().encode(limits) });
else parentPort.postMessage({ type: 'prepared', prepared: { limits } });
`;

describe('the import worker’s resource limits', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bitext-runner-'));
  const path = join(dir, 'reporter.mjs');
  writeFileSync(path, REPORTER);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('caps the align task’s young generation and heap', async () => {
    const result = await workerRunner({ path }).run({ kind: 'pair', texts: { en: 'a', ru: 'b' }, firstParagraphIsTitle: false }, () => undefined, new AbortController().signal);
    if (!('storedJson' in result)) throw new Error('expected the worker’s answer');
    const limits = JSON.parse(new TextDecoder().decode(result.storedJson as Uint8Array)) as Record<string, number>;
    expect(limits.maxOldGenerationSizeMb).toBe(WORKER_HEAP_MB);
    expect(limits.maxYoungGenerationSizeMb).toBe(ALIGN_YOUNG_GENERATION_MB);
  });

  it('leaves the prepare task’s young generation to the engine, and a spec may set its own', async () => {
    const prepared = (await workerRunner({ path }).prepare([], IMPORT_LIMITS)) as unknown as { limits: string };
    expect((JSON.parse(prepared.limits) as Record<string, number>).maxYoungGenerationSizeMb).not.toBe(ALIGN_YOUNG_GENERATION_MB);
    const result = await workerRunner({ path, youngMb: 12 }).run({ kind: 'pair', texts: { en: 'a', ru: 'b' }, firstParagraphIsTitle: false }, () => undefined, new AbortController().signal);
    if (!('storedJson' in result)) throw new Error('expected the worker’s answer');
    expect((JSON.parse(new TextDecoder().decode(result.storedJson as Uint8Array)) as Record<string, number>).maxYoungGenerationSizeMb).toBe(12);
  });
});
