/**
 * The reader's annotations on disk, per document, in `<userData>/annotations/`:
 *
 * - `<documentId>.json`, the snapshot: `{ schemaVersion, documentId, seq, annotations, deleted }`,
 *   one annotation a line. `seq` is the last journal entry it includes.
 * - `<documentId>.journal`, the changes since: one JSON line per change (create, update, delete,
 *   restore, merge — each with the whole annotation), numbered by `seq` and checksummed
 *   (`journalLine` in `../fs/atomic-file`).
 *
 * Guarantees:
 * - A change is one appended journal line, fdatasync'd; its promise resolves (and the reader sees
 *   the change) only once it is durable. Changes to one document run one after another.
 * - Loading is the snapshot plus the journal's entries with a greater `seq` (so an entry already in
 *   the snapshot is never applied twice). A torn last line — an append cut short by a crash, never
 *   acknowledged — is ignored and cut off. A damaged line with more after it is corruption: the
 *   journal is moved aside with a time stamp, the snapshot and the entries before the damage are
 *   kept (and written as a new snapshot), and `problem` tells the caller.
 * - Compaction, once the journal reaches `compactAfter` lines or bytes (and at `flush`): a new
 *   snapshot is written atomically (temp file, fsync, rename, fsync of the folder; the previous one
 *   kept as `<file>.bak`), then the journal becomes `<documentId>.journal.bak` and a new one starts.
 *   A crash between the two leaves a snapshot that already holds every entry of the old journal:
 *   they are skipped by `seq`. It runs after the change that triggered it is acknowledged, in the
 *   document's queue.
 * - A snapshot that does not parse or validate is moved aside with a time stamp, the backup is
 *   loaded and both journals replayed on top of it (so nothing acknowledged is lost), `problem`
 *   tells the caller, and the result is written as a new snapshot at once. Never overwritten.
 * - A snapshot (or journal entry) from a newer version of the app is refused and left untouched:
 *   listed as a problem, and every change to that document is refused.
 * - Older versions are migrated step by step on load; the first change then writes a snapshot in
 *   the current version (the old file staying as the backup).
 * - Deleting keeps the annotation in `deleted` (the last 200), so `restore` can undo it.
 */
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { documentIdSchema, isDocumentId } from '../../contract/ipc';
import { AppError } from '../errors';
import {
  FileRefusedError,
  JsonFileWriter,
  JournalWriter,
  backupPathOf,
  corruptPathOf,
  journalLine,
  readJournal,
  readJsonFile,
} from '../fs/atomic-file';
import type { Annotation, AnnotationsProblem } from './model';
import { annotationSchema, isoDate } from './schema';

/** Version 2 added the journal (and `seq` in the snapshot). */
export const ANNOTATIONS_SCHEMA_VERSION = 2;
/** How many deleted annotations are kept for undo, per document. */
export const KEEP_DELETED = 200;

/** When the journal is compacted into a new snapshot: whichever comes first. */
export interface CompactionLimits {
  lines: number;
  bytes: number;
}
export const COMPACT_AFTER: CompactionLimits = { lines: 1000, bytes: 1_000_000 };

/** A step from version `n` (the key) to `n + 1`, on the raw JSON. */
export type Migration = (raw: Record<string, unknown>) => Record<string, unknown>;
/** Add `n: (vn) => vn+1` here with each schema change. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  /** Version 1 had no journal: its snapshot holds everything. */
  1: (v1) => ({ ...v1, seq: 0 }),
};

const storedAnnotation = annotationSchema(false);
const deletedEntry = z.object({ deletedAt: isoDate, annotation: storedAnnotation }).strict();
const seqSchema = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const fileSchema = z
  .object({
    schemaVersion: z.literal(ANNOTATIONS_SCHEMA_VERSION),
    documentId: documentIdSchema,
    seq: seqSchema,
    annotations: z.array(storedAnnotation),
    deleted: z.array(deletedEntry).optional(),
  })
  .strict();
export type AnnotationsFile = z.infer<typeof fileSchema>;
type DeletedEntry = z.infer<typeof deletedEntry>;

const entryHead = { seq: seqSchema.min(1), v: z.literal(ANNOTATIONS_SCHEMA_VERSION) };
const journalEntrySchema = z.discriminatedUnion('op', [
  z.object({ ...entryHead, op: z.literal('create'), annotation: storedAnnotation }).strict(),
  z.object({ ...entryHead, op: z.literal('update'), annotation: storedAnnotation }).strict(),
  z.object({ ...entryHead, op: z.literal('delete'), entry: deletedEntry }).strict(),
  z.object({ ...entryHead, op: z.literal('restore'), annotation: storedAnnotation }).strict(),
  z.object({ ...entryHead, op: z.literal('merge'), annotations: z.array(storedAnnotation) }).strict(),
]);
type JournalEntry = z.infer<typeof journalEntrySchema>;
/** One change, as applied in memory and as written to the journal. */
type Change = JournalEntry extends infer E ? (E extends JournalEntry ? Omit<E, 'seq' | 'v'> : never) : never;

interface Contents {
  annotations: Annotation[];
  deleted: DeletedEntry[];
}

export type StoreProblem = AnnotationsProblem;

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

class NewerVersionError extends FileRefusedError {
  /** The file that holds it, when not the snapshot. */
  file?: string;
  constructor(readonly version: number) {
    super(`written by a newer version of the app (annotations version ${version})`);
  }
}

interface DocumentState extends Contents {
  documentId: string;
  problem?: StoreProblem;
  readOnly: boolean;
  writer: JsonFileWriter;
  journal: JournalWriter;
  /** Changes to this document, one after another (compactions too). */
  queue: Promise<unknown>;
  /** The last `seq` given to a change (even one whose save failed: a number is never reused). */
  seq: number;
  /** Whether a snapshot is on disk (of this version or an older one). */
  hasSnapshot: boolean;
  /**
   * The next change is saved as a whole snapshot, not appended: no snapshot yet, an older version
   * migrated, or the journal may end in part of a line (a failed append).
   */
  needsSnapshot: boolean;
  /** A corrupt journal still to be moved aside (to this path) once a snapshot holds its good part. */
  corruptJournalTo?: string;
  journalLines: number;
  journalBytes: number;
  /** After a failed compaction, the journal length at which to try again. */
  compactRetryAt: number;
}

export interface AnnotationStoreOptions {
  migrations?: Readonly<Record<number, Migration>>;
  now?: () => Date;
  /** When to compact the journal into a snapshot (default `COMPACT_AFTER`). */
  compactAfter?: Partial<CompactionLimits>;
}

export interface MergeCounts {
  added: number;
  updated: number;
  unchanged: number;
}

export class AnnotationStore {
  private readonly documents = new Map<string, Promise<DocumentState>>();
  private readonly migrations: Readonly<Record<number, Migration>>;
  private readonly now: () => Date;
  private readonly limits: CompactionLimits;

  constructor(
    readonly dir: string,
    options: AnnotationStoreOptions = {},
  ) {
    this.migrations = options.migrations ?? MIGRATIONS;
    this.now = options.now ?? (() => new Date());
    this.limits = { ...COMPACT_AFTER, ...options.compactAfter };
  }

  static inUserData(userDataDir: string, options?: AnnotationStoreOptions): AnnotationStore {
    return new AnnotationStore(join(userDataDir, 'annotations'), options);
  }

  /** The document's snapshot file. */
  pathOf(documentId: string): string {
    if (!isDocumentId(documentId)) {
      throw new AppError('bad-request', `Invalid document id: ${documentId.slice(0, 64)}`);
    }
    return join(this.dir, `${documentId}.json`);
  }

  /** The document's journal file. */
  journalPathOf(documentId: string): string {
    return join(this.dir, `${basename(this.pathOf(documentId), '.json')}.journal`);
  }

  /** The document's annotations (oldest first) and the problem met loading its file, if any. */
  async list(documentId: string): Promise<{ annotations: Annotation[]; problem?: StoreProblem }> {
    const state = await this.load(documentId);
    await state.queue;
    return { annotations: [...state.annotations], ...(state.problem ? { problem: state.problem } : {}) };
  }

  async get(documentId: string, id: string): Promise<Annotation | undefined> {
    const state = await this.load(documentId);
    await state.queue;
    return state.annotations.find((a) => a.id === id);
  }

  /** Adds a new annotation; resolves once it is on disk. */
  create(annotation: Annotation): Promise<Annotation> {
    return this.change(annotation.documentId, (state) => {
      if (state.annotations.some((a) => a.id === annotation.id)) {
        throw new AppError('bad-request', `An annotation ${annotation.id} already exists`);
      }
      return { change: { op: 'create', annotation }, result: annotation };
    });
  }

  /** Replaces an annotation by `edit(current)`; its id and document cannot change. */
  update(documentId: string, id: string, edit: (current: Annotation) => Annotation): Promise<Annotation> {
    return this.change(documentId, (state) => {
      const current = state.annotations.find((a) => a.id === id);
      if (!current) throw new AppError('not-found', `No annotation ${id}`);
      const next = { ...edit(current), id: current.id, documentId: current.documentId };
      return { change: { op: 'update', annotation: next }, result: next };
    });
  }

  /** Removes an annotation, keeping it for `restore`; resolves with what was removed. */
  delete(documentId: string, id: string): Promise<Annotation> {
    return this.change(documentId, (state) => {
      const removed = state.annotations.find((a) => a.id === id);
      if (!removed) throw new AppError('not-found', `No annotation ${id}`);
      const entry: DeletedEntry = { deletedAt: this.now().toISOString(), annotation: removed };
      return { change: { op: 'delete', entry }, result: removed };
    });
  }

  /** Undoes a delete: the annotation comes back with the same id and content. */
  restore(documentId: string, id: string): Promise<Annotation> {
    return this.change(documentId, (state) => {
      const entry = state.deleted.find((d) => d.annotation.id === id);
      if (!entry) throw new AppError('not-found', `No deleted annotation ${id}`);
      if (state.annotations.some((a) => a.id === id)) throw new AppError('bad-request', `Annotation ${id} is not deleted`);
      return { change: { op: 'restore', annotation: entry.annotation }, result: entry.annotation };
    });
  }

  /** Merges annotations by id in one save: new ones are added, a newer `updatedAt` wins. */
  merge(documentId: string, incoming: readonly Annotation[]): Promise<MergeCounts> {
    return this.change(documentId, (state) => {
      const counts: MergeCounts = { added: 0, updated: 0, unchanged: 0 };
      const current = new Map(state.annotations.map((a) => [a.id, a]));
      const winners = new Map<string, Annotation>();
      for (const annotation of incoming) {
        if (annotation.documentId !== documentId) throw new AppError('bad-request', 'An annotation of another document');
        const existing = winners.get(annotation.id) ?? current.get(annotation.id);
        if (!existing) {
          counts.added++;
          winners.set(annotation.id, annotation);
        } else if (Date.parse(annotation.updatedAt) > Date.parse(existing.updatedAt)) {
          counts.updated++;
          winners.set(annotation.id, annotation);
        } else {
          counts.unchanged++;
        }
      }
      return winners.size > 0 ? { change: { op: 'merge', annotations: [...winners.values()] }, result: counts } : { result: counts };
    });
  }

  /**
   * Resolves when every change asked for so far is on disk (or has failed). Compacts each
   * journal into its snapshot and closes the files: call it before quitting.
   */
  async flush(): Promise<void> {
    for (const loading of [...this.documents.values()]) {
      const state = await loading.catch(() => undefined);
      if (!state) continue;
      state.queue = state.queue
        .then(() => this.compact(state))
        .catch(() => undefined)
        .then(() => state.journal.close())
        .catch(() => undefined);
      await state.queue;
    }
  }

  private change<R>(documentId: string, compute: (state: DocumentState) => { change?: Change; result: R }): Promise<R> {
    return this.load(documentId).then((state) => {
      const step = state.queue.then(async () => {
        if (state.readOnly) {
          throw new AppError(
            'newer-version',
            `The annotations of "${documentId}" were saved by a newer version of Bitext Reader; they cannot be changed here.`,
          );
        }
        const { change, result } = compute(state);
        if (!change) return result;
        // Never write what would not load back (it would read as a corrupt line).
        const checked = journalEntrySchema.safeParse({ seq: state.seq + 1, v: ANNOTATIONS_SCHEMA_VERSION, ...change });
        if (!checked.success) throw new AppError('bad-request', `Not a valid annotation: ${checked.error.issues[0]?.message ?? ''}`);
        const seq = ++state.seq;
        const next = applyChange(state, change);
        try {
          const line = state.needsSnapshot ? undefined : journalLine({ seq, v: ANNOTATIONS_SCHEMA_VERSION, ...change });
          if (line === undefined || line.length > this.limits.bytes) {
            await this.writeSnapshot(state, next, seq);
          } else {
            await this.append(state, line);
          }
        } catch (error) {
          throw new AppError('io-error', `Could not save the annotations: ${error instanceof Error ? error.message : String(error)}`);
        }
        // Only now, durable, does the change become what the reader sees.
        state.annotations = next.annotations;
        state.deleted = next.deleted;
        return result;
      });
      state.queue = step.then(
        // Compact after the change is acknowledged: the caller hears of it first.
        () => (this.compactionDue(state) ? afterAcknowledged().then(() => this.compact(state)) : undefined),
        () => undefined,
      );
      state.queue = state.queue.catch(() => undefined);
      return step;
    });
  }

  private async append(state: DocumentState, line: string): Promise<void> {
    try {
      await state.journal.append(line);
    } catch (error) {
      // The journal may now end in part of this line: nothing more is appended to it.
      state.needsSnapshot = true;
      throw error;
    }
    state.journalLines++;
    state.journalBytes += Buffer.byteLength(line);
  }

  private compactionDue(state: DocumentState): boolean {
    return (
      !state.readOnly &&
      state.journalLines >= state.compactRetryAt &&
      (state.journalLines >= this.limits.lines || state.journalBytes >= this.limits.bytes)
    );
  }

  /** Writes the current contents as a new snapshot and starts a new journal (runs in the queue). */
  private async compact(state: DocumentState): Promise<void> {
    if (state.readOnly || (state.journalLines === 0 && !state.corruptJournalTo)) return;
    try {
      await this.writeSnapshot(state, state, state.seq);
      state.compactRetryAt = 0;
    } catch {
      // The journal is still whole and in use; try again a while later (and at flush).
      state.compactRetryAt = state.journalLines + Math.max(1, Math.ceil(this.limits.lines / 10));
    }
  }

  /**
   * Saves `contents` (which include every change up to `seq`) as the snapshot, then ends the
   * journal. Throws only if the snapshot was not written; a journal that could not be ended is
   * left for the next change to try again.
   */
  private async writeSnapshot(state: DocumentState, contents: Contents, seq: number): Promise<void> {
    const file: AnnotationsFile = {
      schemaVersion: ANNOTATIONS_SCHEMA_VERSION,
      documentId: state.documentId,
      seq,
      annotations: contents.annotations,
      ...(contents.deleted.length > 0 ? { deleted: contents.deleted } : {}),
    };
    await state.writer.save(file);
    const first = !state.hasSnapshot;
    state.hasSnapshot = true;
    try {
      // The very first snapshot is its own backup, so the journal always has a base to replay onto.
      if (first) await keepAsBackupIfNone(this.pathOf(state.documentId));
      if (state.corruptJournalTo) {
        await state.journal.moveAside(state.corruptJournalTo);
        state.corruptJournalTo = undefined;
      } else {
        await state.journal.rotate();
      }
      state.needsSnapshot = false;
      state.journalLines = 0;
      state.journalBytes = 0;
    } catch {
      // The snapshot holds the change; the old journal's entries are all ≤ `seq` and skipped.
      state.needsSnapshot = true;
    }
  }

  private load(documentId: string): Promise<DocumentState> {
    const path = this.pathOf(documentId);
    let loading = this.documents.get(documentId);
    if (!loading) {
      loading = this.read(documentId, path);
      this.documents.set(documentId, loading);
      // A failed read (an unreadable folder, say) is tried again next time.
      loading.catch(() => this.documents.delete(documentId));
    }
    return loading;
  }

  private async read(documentId: string, path: string): Promise<DocumentState> {
    const journalPath = this.journalPathOf(documentId);
    const state: DocumentState = {
      documentId,
      annotations: [],
      deleted: [],
      readOnly: false,
      writer: new JsonFileWriter(path, { backup: 'link', serialise: (file) => serialiseFile(file as AnnotationsFile) }),
      journal: new JournalWriter(journalPath),
      queue: Promise.resolve(),
      seq: 0,
      hasSnapshot: false,
      needsSnapshot: true,
      journalLines: 0,
      journalBytes: 0,
      compactRetryAt: 0,
    };
    await removeStaleTemporaries(this.dir, basename(path));
    let migrated = false;
    const parse = (raw: unknown): AnnotationsFile => {
      const file = fileSchema.parse(migrate(raw, this.migrations));
      if (file.documentId !== documentId) throw new Error(`the file names another document (${file.documentId})`);
      migrated = isRecord(raw) && raw.schemaVersion !== ANNOTATIONS_SCHEMA_VERSION;
      return file;
    };
    try {
      const outcome = await readJsonFile(path, parse, this.now);
      const file = outcome.status === 'missing' ? undefined : outcome.value;
      if (file) {
        state.annotations = file.annotations;
        state.deleted = file.deleted ?? [];
        state.seq = file.seq;
      }
      state.hasSnapshot = outcome.status === 'ok';
      state.needsSnapshot = outcome.status !== 'ok' || migrated;
      if (outcome.status === 'recovered') {
        state.problem = { kind: 'recovered', file: path, movedTo: outcome.movedTo, restoredFrom: outcome.from };
        // The journal that went with the backup first: together they rebuild the lost snapshot.
        await this.replay(state, backupPathOf(journalPath), documentId, 'backup');
      }
      await this.replay(state, journalPath, documentId, 'live');
    } catch (error) {
      if (!(error instanceof NewerVersionError)) {
        throw new AppError('io-error', `Could not read the annotations: ${error instanceof Error ? error.message : String(error)}`);
      }
      state.readOnly = true;
      state.problem = { kind: 'newer-version', file: error.file ?? path, version: error.version };
      return state;
    }
    if (state.problem?.kind === 'recovered' || state.corruptJournalTo) {
      // Recovered: write what was rebuilt at once, so a crash now cannot lose it (and only then
      // move a corrupt journal aside). If this fails, the next change tries again.
      await this.writeSnapshot(state, state, state.seq).catch(() => undefined);
    }
    return state;
  }

  /**
   * Applies a journal's entries with a `seq` above the state's. For the live journal: a torn last
   * line is cut off; damage before the end is reported, and the journal is moved aside once a new
   * snapshot holds its good part (`read`). The backup journal is only read, up to any damage.
   */
  private async replay(state: DocumentState, path: string, documentId: string, which: 'live' | 'backup'): Promise<void> {
    const content = await readJournal(path);
    if (!content) return;
    let damaged = content.damage === 'corrupt';
    let last = 0;
    let lines = 0;
    for (const raw of content.records) {
      const entry = this.entryOf(raw, documentId);
      if (entry instanceof NewerVersionError) {
        if (which === 'backup') break;
        entry.file = path;
        throw entry;
      }
      if (!entry || entry.seq <= last) {
        damaged = true;
        break;
      }
      last = entry.seq;
      lines++;
      if (entry.seq > state.seq) {
        const next = applyChange(state, entry);
        state.annotations = next.annotations;
        state.deleted = next.deleted;
        state.seq = entry.seq;
      }
    }
    if (which === 'backup') return;
    if (damaged) {
      const movedTo = corruptPathOf(path, this.now());
      state.problem ??= { kind: 'recovered', file: path, movedTo, restoredFrom: 'backup' };
      state.corruptJournalTo = movedTo;
      state.needsSnapshot = true;
      return;
    }
    state.journalLines = lines;
    state.journalBytes = content.validBytes;
    // Only reached with no corruption, so the last line alone may be damaged: an append cut short.
    if (content.damage === 'torn') {
      try {
        await state.journal.truncate(content.validBytes);
      } catch {
        state.needsSnapshot = true;
      }
    }
  }

  /** A journal record checked (and migrated, if an older version wrote it); `undefined` if invalid. */
  private entryOf(raw: unknown, documentId: string): JournalEntry | NewerVersionError | undefined {
    if (!isRecord(raw) || typeof raw.v !== 'number' || !Number.isInteger(raw.v)) return undefined;
    if (raw.v > ANNOTATIONS_SCHEMA_VERSION) return new NewerVersionError(raw.v);
    let value: Record<string, unknown> = raw;
    if (raw.v < ANNOTATIONS_SCHEMA_VERSION) {
      // An entry holds annotations of its version: bring them up through the file migrations.
      try {
        value = migrateEntry(raw, raw.v, documentId, this.migrations);
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
}

/** The state after one change; the same function applies changes in memory and on replay. */
function applyChange(contents: Contents, change: Change): Contents {
  const { annotations, deleted } = contents;
  switch (change.op) {
    case 'create':
    case 'update':
      return { annotations: upsert(annotations, [change.annotation]), deleted };
    case 'delete': {
      const id = change.entry.annotation.id;
      return {
        annotations: annotations.filter((a) => a.id !== id),
        deleted: [...deleted.filter((d) => d.annotation.id !== id), change.entry].slice(-KEEP_DELETED),
      };
    }
    case 'restore': {
      const id = change.annotation.id;
      return {
        annotations: [...annotations.filter((a) => a.id !== id), change.annotation].sort(byCreation),
        deleted: deleted.filter((d) => d.annotation.id !== id),
      };
    }
    case 'merge': {
      const merged = upsert(annotations, change.annotations).sort(byCreation);
      const ids = new Set(change.annotations.map((a) => a.id));
      return { annotations: merged, deleted: deleted.filter((d) => !ids.has(d.annotation.id)) };
    }
  }
}

/** Replaces annotations by id where present, appends the others. */
function upsert(annotations: readonly Annotation[], items: readonly Annotation[]): Annotation[] {
  const out = [...annotations];
  if (items.length === 1) {
    const item = items[0] as Annotation;
    const index = out.findIndex((a) => a.id === item.id);
    if (index < 0) out.push(item);
    else out[index] = item;
    return out;
  }
  const at = new Map(out.map((a, i) => [a.id, i]));
  for (const item of items) {
    const index = at.get(item.id);
    if (index === undefined) {
      at.set(item.id, out.length);
      out.push(item);
    } else {
      out[index] = item;
    }
  }
  return out;
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

/** The snapshot's text: JSON with one annotation a line (readable, and quick to write). */
function serialiseFile(file: AnnotationsFile): string {
  const list = (items: readonly unknown[]) => (items.length === 0 ? '' : `\n${items.map((item) => JSON.stringify(item)).join(',\n')}\n`);
  const head = `{"schemaVersion":${file.schemaVersion},"documentId":${JSON.stringify(file.documentId)},"seq":${file.seq},`;
  const deleted = file.deleted ? `,\n"deleted":[${list(file.deleted)}]` : '';
  return `${head}\n"annotations":[${list(file.annotations)}]${deleted}}\n`;
}

/** Lets the ack reach the caller (a macrotask later) before a compaction starts its work. */
function afterAcknowledged(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Copies the snapshot to the backup if there is none yet. A copy, not a hard link: the two must
 * not share their bytes, or damage done to one in place would be done to both.
 */
async function keepAsBackupIfNone(path: string): Promise<void> {
  const backup = backupPathOf(path);
  try {
    await fs.access(backup);
    return;
  } catch {
    /* none yet */
  }
  const tmp = join(dirname(path), `.${basename(backup)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  try {
    await fs.copyFile(path, tmp);
    await fs.rename(tmp, backup);
  } finally {
    await fs.rm(tmp, { force: true });
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function byCreation(a: Annotation, b: Annotation): number {
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0;
}

/** Temporary files a killed writer left behind (older than a minute, so never one being written). */
async function removeStaleTemporaries(dir: string, name: string): Promise<void> {
  let entries: string[];
  try {
    entries = await fs.readdir(dir);
  } catch {
    return;
  }
  const cutoff = Date.now() - 60_000;
  for (const entry of entries) {
    if (!entry.startsWith(`.${name}.`) || !entry.endsWith('.tmp')) continue;
    try {
      const stat = await fs.stat(join(dir, entry));
      if (stat.mtimeMs < cutoff) await fs.rm(join(dir, entry), { force: true });
    } catch {
      /* gone already */
    }
  }
}
