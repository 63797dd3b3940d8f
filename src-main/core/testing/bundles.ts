/**
 * For tests: the command line and the workers as vitest's global set-up bundled them
 * (`scripts/vitest-bundles.ts`), the same sources without tsx compiling them at each start.
 */
import { inject } from 'vitest';
import type { WorkerSpec } from '../import/align-runner';

type Bundles = ReturnType<typeof inject<'bundles'>>;

export function bundled(name: keyof Bundles): string {
  return inject('bundles')[name];
}

/** A worker thread started from its bundle, as the app starts its built chunk. */
export function bundledWorker(name: Exclude<keyof Bundles, 'cli'>): WorkerSpec {
  return { path: bundled(name) };
}
