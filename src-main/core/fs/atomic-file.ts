/**
 * Files that hold the user's data: atomic replacement, a backup of the last good version, one
 * writer per file, and never an overwrite of a file that could not be parsed.
 */
import { promises as fs } from 'node:fs';
import { dirname } from 'node:path';
import { backupPathOf, corruptPathOf } from './paths';
import { ensurePrivateDir, openPrivate } from './private';
import { syncDirectory } from './sync';
import { temporaryPathFor } from './temporary';

export { backupPathOf, corruptPathOf } from './paths';
export { JournalWriter, journalLine, readJournal } from './journal';

/**
 * Writes `data` to `path` atomically: temp file in the same folder (0600), fsync, rename, fsync of
 * the folder. If any step fails the temp file is removed before the error is passed on (a full
 * disk leaves nothing behind), and the old file is untouched.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(path);
  await ensurePrivateDir(dir);
  await writeTemporaryThen(path, async (handle) => {
    await handle.writeFile(data);
  });
  await syncDirectory(dir);
}

/**
 * The one way every writer makes a file: `fill` writes a new temporary file beside `path`, which
 * is then fsynced and renamed onto `path`. On any failure — writing, syncing, closing, renaming —
 * the temporary is removed and the error passed on.
 */
async function writeTemporaryThen(path: string, fill: (handle: fs.FileHandle, tmp: string) => Promise<void>): Promise<void> {
  const tmp = temporaryPathFor(path);
  let handle: fs.FileHandle | undefined;
  try {
    handle = await openPrivate(tmp, 'wx');
    await fill(handle, tmp);
    await handle.sync();
    const closing = handle;
    handle = undefined;
    await closing.close();
    await fs.rename(tmp, path);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw error;
  }
}

export type ReadOutcome<T> =
  | { status: 'missing' }
  | { status: 'ok'; value: T }
  /** The file did not parse; it was moved aside and the backup (if any) was loaded instead. */
  | { status: 'recovered'; value: T | undefined; movedTo: string; from: 'backup' | 'nothing' };

/**
 * Reads and validates a JSON file. A file that fails to parse or validate is moved aside with a
 * time stamp (never overwritten); the last good backup is loaded in its place when there is one.
 */
export async function readJsonFile<T>(
  path: string,
  parse: (raw: unknown) => T,
  now: () => Date = () => new Date(),
): Promise<ReadOutcome<T>> {
  const primary = await tryRead(path, parse);
  if (primary.kind === 'missing') return { status: 'missing' };
  if (primary.kind === 'ok') return { status: 'ok', value: primary.value };

  const movedTo = corruptPathOf(path, now());
  await fs.rename(path, movedTo);
  const backup = await tryRead(backupPathOf(path), parse);
  if (backup.kind === 'ok') {
    return { status: 'recovered', value: backup.value, movedTo, from: 'backup' };
  }
  return { status: 'recovered', value: undefined, movedTo, from: 'nothing' };
}

type TryRead<T> = { kind: 'missing' } | { kind: 'ok'; value: T } | { kind: 'bad'; error: unknown };

async function tryRead<T>(path: string, parse: (raw: unknown) => T): Promise<TryRead<T>> {
  let text: string;
  try {
    text = await fs.readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
  try {
    return { kind: 'ok', value: parse(JSON.parse(text)) };
  } catch (error) {
    if (error instanceof FileRefusedError) throw error;
    return { kind: 'bad', error };
  }
}

/**
 * Thrown by a `parse` function for a file that is valid but must not be used or touched — for
 * example one written by a newer version of the app. `readJsonFile` lets it through instead of
 * moving the file aside.
 */
export class FileRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileRefusedError';
  }
}

/**
 * One writer per file: saves are queued and run one after another; each save first copies the
 * current (known good) file to the backup, then replaces the file atomically.
 */
export interface JsonFileWriterOptions {
  /**
   * How the previous version becomes the backup. `copy-if-json` (default) reads the current file
   * and copies it if it parses. `copy` trusts the caller that the current file is good (it loaded
   * and validated it, or wrote it) and copies it without reading it (`copyFile`).
   */
  backup?: 'copy-if-json' | 'copy';
  /** `JSON.stringify` indentation (default 2). */
  indent?: number;
  /** Turns the value into the file's text, instead of `JSON.stringify` (it must give JSON). */
  serialise?: (value: unknown) => string;
}

export class JsonFileWriter {
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly path: string,
    private readonly options: JsonFileWriterOptions = {},
  ) {}

  /** Resolves once the data is durable on disk. */
  save(value: unknown): Promise<void> {
    const serialise = this.options.serialise ?? ((v: unknown) => `${JSON.stringify(v, null, this.options.indent ?? 2)}\n`);
    const run = this.queue.then(() => this.write(serialise(value)));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Resolves when every queued save has finished. */
  flush(): Promise<void> {
    return this.queue;
  }

  private async write(data: string): Promise<void> {
    if (this.options.backup === 'copy') {
      await copyBackup(this.path);
      await writeFileAtomic(this.path, data);
      return;
    }
    let current: string | undefined;
    try {
      current = await fs.readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (current !== undefined) {
      if (parsesAsJson(current)) {
        await writeFileAtomic(backupPathOf(this.path), current);
      } else {
        // Someone else's bytes we cannot read: keep them aside rather than write over them.
        await fs.rename(this.path, corruptPathOf(this.path, new Date()));
      }
    }
    await writeFileAtomic(this.path, data);
  }
}

/**
 * Makes `<path>.bak` a copy of the current file: a new file (its own inode, never a hard link, so
 * damage done to one in place is not done to both), fsynced, renamed into place.
 */
export async function copyBackup(path: string): Promise<void> {
  const backup = backupPathOf(path);
  try {
    await writeTemporaryThen(backup, async (_handle, tmp) => {
      await fs.copyFile(path, tmp);
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !(await exists(path))) return; // nothing saved yet
    throw error;
  }
  // The folder's fsync after the main rename (writeFileAtomic) makes this rename durable too.
}

async function exists(path: string): Promise<boolean> {
  return fs.access(path).then(
    () => true,
    () => false,
  );
}

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

