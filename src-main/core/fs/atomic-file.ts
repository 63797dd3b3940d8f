/**
 * Files that hold the user's data: atomic replacement, a backup of the last good version, one
 * writer per file, and never an overwrite of a file that could not be parsed.
 */
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Writes `data` to `path` atomically: temp file in the same folder, fsync, rename, fsync folder. */
export async function writeFileAtomic(path: string, data: string): Promise<void> {
  const dir = dirname(path);
  await fs.mkdir(dir, { recursive: true });
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2)}.tmp`);
  const handle = await fs.open(tmp, 'w', 0o600);
  try {
    await handle.writeFile(data, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.rename(tmp, path);
  } catch (error) {
    await fs.rm(tmp, { force: true });
    throw error;
  }
  await syncDirectory(dir);
}

async function syncDirectory(dir: string): Promise<void> {
  // Makes the rename itself durable. Not supported on every platform (Windows): best effort.
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    /* ignore: directories cannot be fsynced here */
  } finally {
    await handle?.close();
  }
}

export function backupPathOf(path: string): string {
  return `${path}.bak`;
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
   * and copies it if it parses. `link` trusts the caller that the current file is good (it loaded
   * and validated it, or wrote it) and keeps it by a hard link — no read, no second write, so a
   * save costs one file write however large the file (falls back to a copy where links fail).
   */
  backup?: 'copy-if-json' | 'link';
  /** `JSON.stringify` indentation (default 2). */
  indent?: number;
}

export class JsonFileWriter {
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly path: string,
    private readonly options: JsonFileWriterOptions = {},
  ) {}

  /** Resolves once the data is durable on disk. */
  save(value: unknown): Promise<void> {
    const run = this.queue.then(() => this.write(`${JSON.stringify(value, null, this.options.indent ?? 2)}\n`));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Resolves when every queued save has finished. */
  flush(): Promise<void> {
    return this.queue;
  }

  private async write(data: string): Promise<void> {
    if (this.options.backup === 'link') {
      await linkBackup(this.path);
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

/** Makes `<path>.bak` the current file's content, by a hard link where possible. */
async function linkBackup(path: string): Promise<void> {
  const backup = backupPathOf(path);
  const tmp = join(dirname(path), `.${basename(backup)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  try {
    await fs.link(path, tmp);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return; // nothing saved yet: nothing to keep
    // File systems without hard links (FAT, some network shares): copy instead.
    await fs.copyFile(path, tmp);
  }
  try {
    await fs.rename(tmp, backup);
  } catch (error) {
    await fs.rm(tmp, { force: true });
    throw error;
  }
  // The folder's fsync after the main rename (writeFileAtomic) makes this rename durable too.
}

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Where an unreadable file is kept: time-stamped, with a random tail so two never collide. */
export function corruptPathOf(path: string, when: Date): string {
  const tail = Math.random().toString(36).slice(2, 8);
  return `${path}.corrupt-${when.toISOString().replace(/[:.]/g, '-')}-${tail}`;
}
