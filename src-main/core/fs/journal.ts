/**
 * Checksummed line files: one record a line, `<CRC-32 of the JSON, 8 hex digits> <JSON>\n`. The
 * journals of changes are such files, and so are the annotation snapshots. A line is whole or it
 * is damage; damage in one line never hides the lines after it (each has its own checksum).
 *
 * A journal line is durable once `JournalWriter.append` resolves (write, then fdatasync). A crash
 * while appending leaves at most one damaged line, the last, with no newline after it ("torn");
 * damage anywhere else is corruption.
 */
import { promises as fs } from 'node:fs';
import { dirname } from 'node:path';
import { crc32 } from 'node:zlib';
import { backupPathOf } from './paths';
import { ensurePrivateDir, openPrivate } from './private';
import { syncDirectory } from './sync';

/** One line for `value` (its JSON holds no line break: `JSON.stringify` escapes them). */
export function journalLine(value: unknown): string {
  const body = JSON.stringify(value);
  return `${checksum(body)} ${body}\n`;
}

function checksum(body: string | Uint8Array): string {
  return crc32(body).toString(16).padStart(8, '0');
}

/**
 * For a line whose JSON is built in parts (a long list, item by item): `partCrc` over each part in
 * order, each from the one before, then `lineOfParts` — the same line as `journalLine` of the
 * value. (Parts must not split a surrogate pair: whole JSON values and punctuation never do.)
 */
export function partCrc(part: string, previous = 0): number {
  return crc32(part, previous);
}

export function lineOfParts(crc: number, parts: readonly string[]): string {
  return `${crc.toString(16).padStart(8, '0')} ${parts.join('')}\n`;
}

/** One line of a checksummed file, as read. */
export type ParsedLine =
  | { ok: true; record: unknown; offset: number; length: number }
  /** Not a whole line with a matching checksum; `bytes` are what was there (without the newline). */
  | { ok: false; bytes: Buffer; offset: number; length: number };

const NEWLINE = 0x0a;
const SPACE = 0x20;

/** Splits a checksummed file into its lines, each checked on its own. */
export function parseLines(bytes: Buffer): ParsedLine[] {
  return [...eachLine(bytes)];
}

/** The lines of a checksummed file one by one, each checked (and parsed) as it is reached. */
export function* eachLine(bytes: Buffer): Generator<ParsedLine, void, undefined> {
  let start = 0;
  while (start < bytes.length) {
    const newline = bytes.indexOf(NEWLINE, start);
    const end = newline < 0 ? bytes.length : newline;
    const length = end - start + (newline < 0 ? 0 : 1);
    const record = newline < 0 ? NOT_A_RECORD : parseLine(bytes.subarray(start, end));
    if (record === NOT_A_RECORD) {
      yield { ok: false, bytes: bytes.subarray(start, end), offset: start, length };
    } else {
      yield { ok: true, record, offset: start, length };
    }
    start = end + 1;
  }
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

interface DamagedLine {
  offset: number;
  bytes: Buffer;
}

export interface JournalContent {
  /** The records of every valid line, in order — those after a damaged line too. */
  records: unknown[];
  /** Bytes of the valid lines before the first damaged one (where a torn line starts). */
  validBytes: number;
  /**
   * `torn`: the last line (and only it) is incomplete or fails its checksum — an append cut short.
   * `corrupt`: any other damage (`damaged` says where).
   */
  damage: 'none' | 'torn' | 'corrupt';
  /** The damaged lines (for `torn`, the torn one). */
  damaged: DamagedLine[];
  /** Every line in file order, whole or not. */
  lines: ParsedLine[];
  /** The file's size. */
  size: number;
}

/** Reads a journal; `undefined` when there is none. */
export async function readJournal(path: string): Promise<JournalContent | undefined> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return journalContentOf(bytes);
}

function journalContentOf(bytes: Buffer): JournalContent {
  const lines = parseLines(bytes);
  const records: unknown[] = [];
  const damaged: DamagedLine[] = [];
  let validBytes = 0;
  for (const line of lines) {
    if (line.ok) {
      records.push(line.record);
      if (damaged.length === 0) validBytes = line.offset + line.length;
    } else {
      damaged.push({ offset: line.offset, bytes: line.bytes });
    }
  }
  // Torn: the one damaged line is the last (whether its newline made it or not). Whether it held
  // an acknowledged change the journal cannot tell; the store's acknowledgement mark can.
  const torn = damaged.length === 1 && lines[lines.length - 1]?.ok === false;
  return { records, validBytes, damage: damaged.length === 0 ? 'none' : torn ? 'torn' : 'corrupt', damaged, lines, size: bytes.length };
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
        await ensurePrivateDir(dirname(this.path));
        this.handle = await openPrivate(this.path, 'a');
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

  /** Cuts the journal back to its first `size` bytes (a torn last line), durably; 0 removes it. */
  async truncate(size: number): Promise<void> {
    await this.close();
    if (size === 0) {
      // An empty journal reads as damage (one that lost every line): none at all is the truth.
      await fs.rm(this.path, { force: true });
      await syncDirectory(dirname(this.path));
      return;
    }
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
