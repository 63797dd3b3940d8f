/**
 * Files that hold the user's data: atomic replacement, a backup of the last good version, one
 * writer per file, and never an overwrite of a file that could not be parsed.
 */
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { crc32 } from 'node:zlib';

/** Writes `data` (text as UTF-8, or bytes) to `path` atomically: temp file in the same folder, fsync, rename, fsync folder. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(path);
  await fs.mkdir(dir, { recursive: true });
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2)}.tmp`);
  const handle = await fs.open(tmp, 'w', 0o600);
  try {
    await (typeof data === 'string' ? handle.writeFile(data, 'utf8') : handle.writeFile(data));
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

export async function syncDirectory(dir: string): Promise<void> {
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
export async function linkBackup(path: string): Promise<void> {
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
  } finally {
    // Also when the backup already was this very file: rename(2) then does nothing, `tmp` stays.
    await fs.rm(tmp, { force: true });
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

/*
 * Journals: append-only files of one record a line, `<CRC-32 of the JSON, 8 hex digits> <JSON>\n`.
 * A line is durable once `JournalWriter.append` resolves (write, then fdatasync). A crash while
 * appending leaves at most one damaged line, the last; damage anywhere else is corruption.
 */

/** One journal line for `value` (its JSON holds no line break: `JSON.stringify` escapes them). */
export function journalLine(value: unknown): string {
  const body = JSON.stringify(value);
  return `${checksum(body)} ${body}\n`;
}

function checksum(body: string | Uint8Array): string {
  return crc32(body).toString(16).padStart(8, '0');
}

export interface JournalContent {
  /** The records of the valid lines before any damage, in order. */
  records: unknown[];
  /** Bytes those lines take from the start of the file. */
  validBytes: number;
  /**
   * `torn`: the last line (and only it) is incomplete or fails its checksum — an append cut short.
   * `corrupt`: a damaged line with more lines after it; nothing after the damage is in `records`.
   */
  damage: 'none' | 'torn' | 'corrupt';
}

const NEWLINE = 0x0a;
const SPACE = 0x20;

/** Reads a journal; `undefined` when there is none. */
export async function readJournal(path: string): Promise<JournalContent | undefined> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const records: unknown[] = [];
  let start = 0;
  while (start < bytes.length) {
    const newline = bytes.indexOf(NEWLINE, start);
    const end = newline < 0 ? bytes.length : newline;
    const record = newline < 0 ? NOT_A_RECORD : parseLine(bytes.subarray(start, end));
    if (record === NOT_A_RECORD) {
      const last = newline < 0 || newline === bytes.length - 1;
      return { records, validBytes: start, damage: last ? 'torn' : 'corrupt' };
    }
    records.push(record);
    start = end + 1;
  }
  return { records, validBytes: start, damage: 'none' };
}

const NOT_A_RECORD = Symbol('not a record');

function parseLine(line: Buffer): unknown {
  if (line.length < 10 || line[8] !== SPACE) return NOT_A_RECORD;
  const body = line.subarray(9);
  if (line.toString('latin1', 0, 8) !== checksum(body)) return NOT_A_RECORD;
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return NOT_A_RECORD;
  }
}

/**
 * Appends to one journal, keeping the file open between appends (the owner serialises them).
 * After a failed append the file may end with part of a line: the owner must not append to it
 * again (write a snapshot and `rotate`, or `truncate` it back).
 */
export class JournalWriter {
  private handle: fs.FileHandle | undefined;

  constructor(readonly path: string) {}

  /** Resolves once `lines` are durable. */
  async append(lines: string): Promise<void> {
    try {
      if (!this.handle) {
        await fs.mkdir(dirname(this.path), { recursive: true });
        this.handle = await fs.open(this.path, 'a', 0o600);
        // The file may be new: make its name durable too, once per opening.
        await syncDirectory(dirname(this.path));
      }
      await this.handle.appendFile(lines, 'utf8');
      await this.handle.datasync();
    } catch (error) {
      await this.close().catch(() => undefined);
      throw error;
    }
  }

  async close(): Promise<void> {
    const handle = this.handle;
    this.handle = undefined;
    await handle?.close();
  }

  /** Cuts the journal back to its first `size` bytes (a torn last line), durably. */
  async truncate(size: number): Promise<void> {
    await this.close();
    const handle = await fs.open(this.path, 'r+');
    try {
      await handle.truncate(size);
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  /**
   * Ends this journal once a snapshot holds everything in it: it becomes `<path>.bak` (which goes
   * with the snapshot's backup), and the next append starts a new file.
   */
  async rotate(): Promise<void> {
    await this.close();
    try {
      await fs.rename(this.path, backupPathOf(this.path));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    await syncDirectory(dirname(this.path));
  }

  /** Moves the journal to `to` (a time-stamped name, see `corruptPathOf`), durably. */
  async moveAside(to: string): Promise<void> {
    await this.close();
    try {
      await fs.rename(this.path, to);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    await syncDirectory(dirname(this.path));
  }
}
