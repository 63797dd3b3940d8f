/**
 * Bundles the harness and its workers once for the whole run (`e2e/.harness/`, ignored by git), so that none of
 * the suite's harnesses, nor the worker threads they start, compiles the sources under tsx again.
 * (In a child under tsx, as `npm run web` runs: the main-process modules import JSON as tsx allows.)
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { HARNESS_BUNDLE_ENV, ROOT } from './harness';

export default function globalSetup(): void {
  const printed = execFileSync(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'src-main/web/harness.ts'), '--bundle', join(ROOT, 'e2e/.harness')],
    { cwd: ROOT, encoding: 'utf8' },
  );
  process.env[HARNESS_BUNDLE_ENV] = printed.trim().split('\n').at(-1) ?? '';
}
