/**
 * The annotation files' formats: the snapshot (version 3: checksummed lines), the journal's
 * entries, and the step-by-step migrations from older versions.
 *
 * Snapshot, version 3 — one checksummed line (`../fs/journal`) per record, so that damage to one
 * line loses that record only, and can be counted:
 *
 *     <crc> {"schemaVersion":3,"documentId":"…","seq":12,"annotations":2,"deleted":1}
 *     <crc> {"a":{…annotation…}}
 *     <crc> {"a":{…}}
 *     <crc> {"d":{"deletedAt":"…","annotation":{…}}}
 *     <crc> {"end":3,"seq":12}
 *
 * The header says how many records follow; the trailer repeats the count and `seq`, so a file cut
 * short or with a damaged header still tells how much is missing. Versions 1 and 2 were one JSON
 * document (read by `readJsonFile`, migrated on load).
 */
import { z } from 'zod';
import { FileRefusedError } from '../fs/atomic-file';
import { type ParsedLine, eachLine, journalLine, lineOfParts, partCrc } from '../fs/journal';
import type { Annotation } from './model';
import { documentIdSchema } from '../../contract/ipc';
import { type Pace, pace } from './pace';
import { annotationSchema, isoDate } from './schema';

/** Version 2 added the journal (and `seq` in the snapshot); version 3 checksummed lines. */
export const ANNOTATIONS_SCHEMA_VERSION = 3;

/** A step from version `n` (the key) to `n + 1`, on the raw JSON. */
export type Migration = (raw: Record<string, unknown>) => Record<string, unknown>;
/** Add `n: (vn) => vn+1` here with each schema change. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  /** Version 1 had no journal: its snapshot holds everything. */
  1: (v1) => ({ ...v1, seq: 0 }),
  /** Version 3 changed how the snapshot is written, not what it holds. */
  2: (v2) => v2,
};

const storedAnnotation = annotationSchema(false);
const deletedEntry = z.object({ deletedAt: isoDate, annotation: storedAnnotation }).strict();
const seqSchema = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
export const fileSchema = z
  .object({
    schemaVersion: z.literal(ANNOTATIONS_SCHEMA_VERSION),
    documentId: documentIdSchema,
    seq: seqSchema,
    annotations: z.array(storedAnnotation),
    deleted: z.array(deletedEntry).optional(),
  })
  .strict();
export type AnnotationsFile = z.infer<typeof fileSchema>;
export type DeletedEntry = z.infer<typeof deletedEntry>;

const entryHead = { seq: seqSchema.min(1), v: z.literal(ANNOTATIONS_SCHEMA_VERSION) };
export const journalEntrySchema = z.discriminatedUnion('op', [
  z.object({ ...entryHead, op: z.literal('create'), annotation: storedAnnotation }).strict(),
  z.object({ ...entryHead, op: z.literal('update'), annotation: storedAnnotation }).strict(),
  z.object({ ...entryHead, op: z.literal('delete'), entry: deletedEntry }).strict(),
  z.object({ ...entryHead, op: z.literal('restore'), annotation: storedAnnotation }).strict(),
  z.object({ ...entryHead, op: z.literal('merge'), annotations: z.array(storedAnnotation) }).strict(),
]);
export type JournalEntry = z.infer<typeof journalEntrySchema>;
/** One change, as applied in memory and as written to the journal. */
export type Change = JournalEntry extends infer E ? (E extends JournalEntry ? Omit<E, 'seq' | 'v'> : never) : never;

export class NewerVersionError extends FileRefusedError {
  /** The file that holds it, when not the snapshot. */
  file?: string;
  constructor(readonly version: number) {
    super(`written by a newer version of the app (annotations version ${version})`);
  }
}

/** Brings a raw file to the current version; refuses (untouched) a version newer than this app's. */
export function migrate(raw: unknown, migrations: Readonly<Record<number, Migration>> = MIGRATIONS): unknown {
  if (!isRecord(raw)) return raw;
  let value = raw;
  const version = value.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version)) return raw; // fails validation
  if (version > ANNOTATIONS_SCHEMA_VERSION) throw new NewerVersionError(version);
  for (let v = version; v < ANNOTATIONS_SCHEMA_VERSION; v++) {
    const step = migrations[v];
    if (!step) throw new Error(`No migration from annotations version ${v}`);
    value = { ...step(value), schemaVersion: v + 1 };
  }
  return value;
}

/** A journal record checked (and migrated, if an older version wrote it); `undefined` if invalid. */
export function entryOf(
  raw: unknown,
  documentId: string,
  migrations: Readonly<Record<number, Migration>>,
): JournalEntry | NewerVersionError | undefined {
  if (!isRecord(raw) || typeof raw.v !== 'number' || !Number.isInteger(raw.v)) return undefined;
  if (raw.v > ANNOTATIONS_SCHEMA_VERSION) return new NewerVersionError(raw.v);
  let value: Record<string, unknown> = raw;
  if (raw.v < ANNOTATIONS_SCHEMA_VERSION) {
    // An entry holds annotations of its version: bring them up through the file migrations.
    try {
      value = migrateEntry(raw, raw.v, documentId, migrations);
    } catch {
      return undefined;
    }
  }
  const parsed = journalEntrySchema.safeParse(value);
  if (!parsed.success) return undefined;
  const entry = parsed.data;
  const ids = entry.op === 'merge' ? entry.annotations : [entry.op === 'delete' ? entry.entry.annotation : entry.annotation];
  return ids.every((a) => a.documentId === documentId) ? entry : undefined;
}

/** An older journal entry, migrated by wrapping its annotations in a file of its version. */
function migrateEntry(
  raw: Record<string, unknown>,
  version: number,
  documentId: string,
  migrations: Readonly<Record<number, Migration>>,
): Record<string, unknown> {
  const { op, seq } = raw;
  const annotations = op === 'merge' ? raw.annotations : op === 'delete' ? [] : [raw.annotation];
  const deleted = op === 'delete' ? [raw.entry] : [];
  const file = migrate({ schemaVersion: version, documentId, seq: 0, annotations, deleted }, migrations);
  if (!isRecord(file) || !Array.isArray(file.annotations) || !Array.isArray(file.deleted)) throw new Error('bad migration');
  const head = { seq, v: ANNOTATIONS_SCHEMA_VERSION, op };
  if (op === 'merge') return { ...head, annotations: file.annotations };
  if (op === 'delete') return { ...head, entry: file.deleted[0] };
  return { ...head, annotation: file.annotations[0] };
}

// ---------------------------------------------------------------------------------------------
// Snapshot, version 3

/** The snapshot's lines, in order: the head, each annotation, each deleted id, the end mark. */
function* snapshotLines(file: AnnotationsFile): Generator<string> {
  const deleted = file.deleted ?? [];
  yield journalLine({
    schemaVersion: file.schemaVersion,
    documentId: file.documentId,
    seq: file.seq,
    annotations: file.annotations.length,
    deleted: deleted.length,
  });
  for (const a of file.annotations) yield journalLine({ a });
  for (const d of deleted) yield journalLine({ d });
  yield journalLine({ end: file.annotations.length + deleted.length, seq: file.seq });
}

/** The snapshot's text. */
export function serialiseSnapshot(file: AnnotationsFile): string {
  return [...snapshotLines(file)].join('');
}

/** `serialiseSnapshot` in slices (`pace.ts`): the same text, 20,000 records without holding the thread. */
export async function serialiseSnapshotInSlices(file: AnnotationsFile, p: Pace = pace()): Promise<string> {
  const parts: string[] = [];
  for (const line of snapshotLines(file)) {
    parts.push(line);
    if (p.due()) await p.pause();
  }
  return parts.join('');
}

/**
 * The journal line of an entry — exactly `journalLine(entry)` — built in slices: a merge's
 * annotations (an import may carry 20,000, or 5 MB of quotes) are serialised and checksummed one
 * by one, pausing between slices.
 */
export async function entryLineInSlices(entry: JournalEntry, p: Pace = pace()): Promise<string> {
  if (entry.op !== 'merge') return journalLine(entry);
  const { annotations, ...head } = entry;
  // `{"seq":…,"v":…,"op":"merge"` then `,"annotations":[…]}`: the keys in the entry's own order.
  const opening = `${JSON.stringify(head).slice(0, -1)},"annotations":[`;
  const parts: string[] = [opening];
  let crc = partCrc(opening);
  for (let i = 0; i < annotations.length; i++) {
    const part = (i > 0 ? ',' : '') + JSON.stringify(annotations[i]);
    parts.push(part);
    crc = partCrc(part, crc);
    if (p.due()) await p.pause();
  }
  parts.push(']}');
  return lineOfParts(partCrc(']}', crc), parts);
}

/** Whether a snapshot's bytes are of the line format: anything but a JSON object (versions 1, 2). */
export function isLineSnapshot(bytes: Buffer): boolean {
  const start = bytes.subarray(0, 64).toString('latin1').replace(/^(\xef\xbb\xbf)?\s*/, '');
  return !start.startsWith('{');
}

export interface ParsedSnapshot {
  /** From the header, or from the trailer if the header is damaged; `undefined` when neither holds. */
  seq: number | undefined;
  annotations: Annotation[];
  deleted: DeletedEntry[];
  /** Whole and consistent: header, every record, trailer, the counts agree. */
  whole: boolean;
  /**
   * How many records are missing or damaged (each record is one note), when it can be told —
   * from the header's or the trailer's count; `undefined` when both are gone.
   */
  damagedRecords: number | undefined;
  /** The schema version of a header from a newer app, if that is what it is. */
  newerVersion?: number;
}

const header = z
  .object({
    schemaVersion: z.number().int(),
    documentId: z.string(),
    seq: seqSchema,
    annotations: z.number().int().min(0),
    deleted: z.number().int().min(0),
  })
  .strict();
const trailer = z.object({ end: z.number().int().min(0), seq: seqSchema }).strict();
const annotationRecord = z.object({ a: storedAnnotation }).strict();
const deletedRecord = z.object({ d: deletedEntry }).strict();

/** Reads a line snapshot, keeping every record whose line is whole. */
export function parseSnapshot(bytes: Buffer, documentId: string): ParsedSnapshot {
  const reader = new SnapshotReader(documentId);
  for (const line of eachLine(bytes)) reader.add(line);
  return reader.result();
}

/** `parseSnapshot` in slices (`pace.ts`): 20,000 records checked without holding the thread. */
export async function parseSnapshotInSlices(bytes: Buffer, documentId: string, p: Pace = pace()): Promise<ParsedSnapshot> {
  const reader = new SnapshotReader(documentId);
  for (const line of eachLine(bytes)) {
    reader.add(line);
    if (p.due()) await p.pause();
  }
  return reader.result();
}

/** A snapshot's lines, given in order; `result()` once all are in. */
class SnapshotReader {
  private readonly annotations: Annotation[] = [];
  private readonly deleted: DeletedEntry[] = [];
  private head: z.infer<typeof header> | undefined;
  /** A trailer is one only if it is the last line: the latest candidate, by index. */
  private tail: { index: number; value: z.infer<typeof trailer> } | undefined;
  private bad = 0;
  private newerVersion: number | undefined;
  private index = 0;

  constructor(private readonly documentId: string) {}

  add(line: ParsedLine): void {
    const index = this.index++;
    if (this.tail) {
      // What looked like the trailer was not the last line.
      this.tail = undefined;
      this.bad++;
    }
    if (!line.ok) {
      this.bad++;
      return;
    }
    const record = line.record;
    if (index === 0) {
      const h = header.safeParse(record);
      if (h.success && h.data.schemaVersion > ANNOTATIONS_SCHEMA_VERSION) this.newerVersion = h.data.schemaVersion;
      if (h.success && h.data.schemaVersion === ANNOTATIONS_SCHEMA_VERSION && h.data.documentId === this.documentId) {
        this.head = h.data;
        return;
      }
    }
    const a = annotationRecord.safeParse(record);
    if (a.success && a.data.a.documentId === this.documentId) {
      this.annotations.push(a.data.a);
      return;
    }
    const d = deletedRecord.safeParse(record);
    if (d.success && d.data.d.annotation.documentId === this.documentId) {
      this.deleted.push(d.data.d);
      return;
    }
    const t = trailer.safeParse(record);
    if (t.success) {
      this.tail = { index, value: t.data };
      return;
    }
    this.bad++;
  }

  result(): ParsedSnapshot {
    const { annotations, deleted, head, bad, newerVersion } = this;
    const tail = this.tail?.value;
    const found = annotations.length + deleted.length;
    const expected = head ? head.annotations + head.deleted : tail?.end;
    const whole =
      head !== undefined &&
      tail !== undefined &&
      bad === 0 &&
      tail.end === found &&
      tail.seq === head.seq &&
      head.annotations === annotations.length &&
      head.deleted === deleted.length;
    const damagedRecords = whole ? 0 : expected === undefined ? undefined : Math.max(expected - found, 0);
    return {
      seq: head?.seq ?? tail?.seq,
      annotations,
      deleted,
      whole,
      damagedRecords,
      ...(newerVersion !== undefined ? { newerVersion } : {}),
    };
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
