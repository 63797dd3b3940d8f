/**
 * The reader's files are private: folders 0700, files 0600, whatever the process umask. `mkdir`
 * and `open` apply the umask to the mode they are given (it can only take bits away, and a umask
 * of 0 or 022 leaves 0700 alone — but `mkdir` without a mode gives 0777 & ~umask), so each folder
 * this creates is also chmod-ed explicitly; folders that existed before are left as they are.
 */
import { promises as fs } from 'node:fs';
import { dirname } from 'node:path';

const PRIVATE_DIR_MODE = 0o700;
const PRIVATE_FILE_MODE = 0o600;

/** Creates `dir` and any missing parents, each created one 0700; returns when all exist. */
export async function ensurePrivateDir(dir: string): Promise<void> {
  const first = await fs.mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (first === undefined) return; // it existed already
  // `first` is the top-most folder created; chmod it and every one below it, down to `dir`.
  const created: string[] = [];
  for (let at = dir; ; at = dirname(at)) {
    created.push(at);
    if (at === first || dirname(at) === at) break;
  }
  for (const folder of created.reverse()) await fs.chmod(folder, PRIVATE_DIR_MODE);
}

/** Opens a new (or existing) file for writing, 0600 whatever the umask. */
export async function openPrivate(path: string, flags: 'w' | 'a' | 'wx'): Promise<fs.FileHandle> {
  const handle = await fs.open(path, flags, PRIVATE_FILE_MODE);
  try {
    await handle.chmod(PRIVATE_FILE_MODE);
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
  return handle;
}
