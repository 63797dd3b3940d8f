/**
 * For the command-line tests: a temporary folder for input files (removed after the file's tests)
 * and the CLI run from the bundle vitest's global set-up made of `src-main/cli/bitext.ts`, the
 * source `npm run bitext` runs under tsx.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { bundled } from '../core/testing/bundles';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function cliSandbox(prefix: string): { dir: string; file: (name: string, content: string | Uint8Array) => string; bitext: (...args: string[]) => CliRun } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    dir,
    file(name, content) {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
    bitext(...args) {
      const result = spawnSync(process.execPath, [bundled('cli'), ...args], { cwd: root, encoding: 'utf8' });
      return { status: result.status, stdout: result.stdout, stderr: result.stderr };
    },
  };
}
