/**
 * Vitest's global set-up: the command line and the worker threads bundled once for the run
 * (esbuild, our modules compiled, packages left to node_modules), so that the tests which run
 * `bitext` a hundred times, or start a worker per case, do not have tsx compile the same sources
 * at each start. The tests get the paths through `inject` (`src-main/core/testing/bundles.ts`).
 */
import { mkdir, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { TestProject } from 'vitest/node';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Inside node_modules, so that the bundles find the packages they import. */
const DIR = join(ROOT, 'node_modules/.cache/bitext-test-bundles');

const ENTRIES = {
  cli: 'src-main/cli/bitext.ts',
  align: 'src-main/core/import/align-worker.ts',
  compare: 'src-main/core/compare-store/compare-worker.ts',
  annotation: 'src-main/core/annotations/import-worker.ts',
  dictionary: 'src-main/core/dictionary/index-worker.ts',
} as const;

export type BundleName = keyof typeof ENTRIES;

declare module 'vitest' {
  export interface ProvidedContext {
    bundles: Record<BundleName, string>;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = join(DIR, String(process.pid));
  await mkdir(dir, { recursive: true });
  await build({
    entryPoints: Object.values(ENTRIES).map((entry) => join(ROOT, entry)),
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outdir: dir,
    outExtension: { '.js': '.mjs' },
    entryNames: '[name]',
    logLevel: 'silent',
  });
  const bundles = Object.fromEntries(
    Object.entries(ENTRIES).map(([name, entry]) => [name, join(dir, `${basename(entry, '.ts')}.mjs`)]),
  ) as Record<BundleName, string>;
  project.provide('bundles', bundles);
  return () => rm(dir, { recursive: true, force: true });
}
