/**
 * Temporary files: every writer in the app names its temporary file with `temporaryPathFor`
 * (`.<name>.<pid>.<random>.tmp`, beside the file it becomes), removes it itself when a write fails,
 * and `removeStaleTemporaries` clears what a killed process left behind, once, at start.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * `.<name>.<pid>.<random>.tmp` — and the older `.<name>.<pid>.<time>.<random>.tmp` of earlier
 * versions (for those the pid read may be the time: no such process, so stale, which they are).
 */
const TEMPORARY = /^\..+\.(\d+)\.[0-9a-z.]+\.tmp$/;

/** A temporary path in the same folder as `path` (so a rename onto `path` is atomic). */
export function temporaryPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

export function isTemporaryName(name: string): boolean {
  return TEMPORARY.test(name);
}

export interface StaleCleanup {
  removed: string[];
  /** Files that looked stale but could not be removed (read-only folder, say). */
  failed: string[];
}

export interface StaleCleanupOptions {
  /** How deep below `root` to look (default 3: `<userData>/documents/<id>/`). */
  depth?: number;
  /** A temporary of a process still running is left alone unless older than this (default 10 min). */
  maxAgeMs?: number;
  now?: () => number;
}

/**
 * Removes temporary files of every writer under `root` that no running writer can still be
 * using: those of a process that is gone (their name holds its pid) and those older than
 * `maxAgeMs` whatever their pid. Symbolic links are not followed. Never throws.
 */
export async function removeStaleTemporaries(root: string, options: StaleCleanupOptions = {}): Promise<StaleCleanup> {
  const result: StaleCleanup = { removed: [], failed: [] };
  const maxAge = options.maxAgeMs ?? 10 * 60_000;
  const now = options.now ?? Date.now;
  const visit = async (dir: string, depth: number): Promise<void> => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (depth > 0) await visit(path, depth - 1);
        continue;
      }
      if (!entry.isFile()) continue;
      const match = TEMPORARY.exec(entry.name);
      if (!match) continue;
      const pid = Number(match[1]);
      let stale = !processIsRunning(pid) || pid === process.pid;
      if (!stale) {
        const stat = await fs.stat(path).catch(() => undefined);
        stale = stat !== undefined && now() - stat.mtimeMs > maxAge;
      }
      if (!stale) continue;
      try {
        await fs.rm(path, { force: true });
        result.removed.push(path);
      } catch {
        result.failed.push(path);
      }
    }
  };
  await visit(root, options.depth ?? 3);
  return result;
}

function processIsRunning(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
