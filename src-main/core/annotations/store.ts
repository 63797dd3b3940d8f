/**
 * The reader's annotations on disk, per document, in `<userData>/annotations/`:
 *
 * - `<documentId>.json`, the snapshot: every annotation (and the recently deleted ones) as of
 *   journal entry `seq`, one checksummed line each (`store-format.ts`).
 * - `<documentId>.journal`, the changes since: one checksummed JSON line per change (create,
 *   update, delete, restore, merge — each with the whole annotation), numbered by `seq`.
 * - `<documentId>.ack`, the `seq` of the last change acknowledged (`ack-mark.ts`).
 *
 * Guarantees:
 * - A change is one appended journal line, fdatasync'd; its promise resolves (and the reader sees
 *   the change) only once it is durable. Changes to one document run one after another.
 * - Loading is the snapshot plus the journal's entries with a greater `seq` (so an entry already in
 *   the snapshot is never applied twice). Damage is recovered where the files allow and always
 *   reported with how many notes it may have touched (`store-recovery.ts`); damaged files are kept
 *   aside, never overwritten.
 * - Compaction, once the journal reaches `compactAfter` lines or bytes (and at `flush`): a new
 *   snapshot is written atomically (temp file, fsync, rename, fsync of the folder; the previous one
 *   COPIED to `<file>.bak` — its own file, never a hard link), then the journal becomes
 *   `<documentId>.journal.bak` and a new one starts. A crash between the two leaves a snapshot that
 *   already holds every entry of the old journal: they are skipped by `seq`. It runs after the
 *   change that triggered it is acknowledged, in the document's queue.
 * - A snapshot (or journal entry) from a newer version of the app is refused and left untouched:
 *   listed as a problem, and every change to that document is refused.
 * - Older versions are migrated step by step on load; the first change then writes a snapshot in
 *   the current version (the old file staying as the backup).
 * - Deleting keeps the annotation in `deleted` (the last 200), so `restore` can undo it.
 * - At most `MAX_ANNOTATIONS` annotations per document.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { AppError, DetailedError } from '../errors';
import { JsonFileWriter, backupPathOf, copyBackup } from '../fs/atomic-file';
import { JournalWriter } from '../fs/journal';
import { AckMark } from './ack-mark';
import type { Annotation, AnnotationsProblem } from './model';
import { isDocumentId } from '../../contract/ipc';
import { type Contents, applyChange } from './store-changes';
import {
  ANNOTATIONS_SCHEMA_VERSION,
  type AnnotationsFile,
  type Change,
  type DeletedEntry,
  MIGRATIONS,
  type Migration,
  entryLineInSlices,
  journalEntrySchema,
  serialiseSnapshotInSlices,
} from './store-format';
import { loadDocument } from './store-recovery';

export { ANNOTATIONS_SCHEMA_VERSION, MIGRATIONS, type Migration, type AnnotationsFile, migrate } from './store-format';

/** When the journal is compacted into a new snapshot: whichever comes first. */
export interface CompactionLimits {
  lines: number;
  bytes: number;
}
export const COMPACT_AFTER: CompactionLimits = { lines: 1000, bytes: 1_000_000 };

/** The most annotations one document may have (an import that would pass it is refused). */
export const MAX_ANNOTATIONS = 20_000;

export type StoreProblem = AnnotationsProblem;

interface DocumentState extends Contents {
  documentId: string;
  problem?: StoreProblem;
  readOnly: boolean;
  writer: JsonFileWriter;
  journal: JournalWriter;
  ack: AckMark;
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
  /** Where damage found on load is logged (default `console.warn`). */
  log?: (message: string) => void;
  /** The most annotations per document (default `MAX_ANNOTATIONS`). */
  maxAnnotations?: number;
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
  private readonly log: (message: string) => void;
  private readonly maxAnnotations: number;

  constructor(
    readonly dir: string,
    options: AnnotationStoreOptions = {},
  ) {
    this.migrations = options.migrations ?? MIGRATIONS;
    this.now = options.now ?? (() => new Date());
    this.limits = { ...COMPACT_AFTER, ...options.compactAfter };
    this.log = options.log ?? ((message) => console.warn(message));
    this.maxAnnotations = options.maxAnnotations ?? MAX_ANNOTATIONS;
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
    return this.pathOf(documentId).replace(/\.json$/, '.journal');
  }

  /** The document's acknowledgement mark. */
  ackPathOf(documentId: string): string {
    return this.pathOf(documentId).replace(/\.json$/, '.ack');
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
  /**
   * `checked`: every annotation already passed the import's schema (`annotationSchema(true)`,
   * stricter than the store's) in the import worker, so the store does not check them again on
   * the main thread (for a 5 MB file that is the longest step left there).
   */
  merge(documentId: string, incoming: readonly Annotation[], { checked = false }: { checked?: boolean } = {}): Promise<MergeCounts> {
    return this.change(documentId, checked, (state) => {
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

  /** Waits for every change and closes the files, without compacting (`flush` is for quitting). */
  async close(): Promise<void> {
    for (const loading of [...this.documents.values()]) {
      const state = await loading.catch(() => undefined);
      if (!state) continue;
      await state.queue;
      await state.journal.close().catch(() => undefined);
    }
  }

  private change<R>(documentId: string, checked: boolean, compute: (state: DocumentState) => { change?: Change; result: R }): Promise<R>;
  private change<R>(documentId: string, compute: (state: DocumentState) => { change?: Change; result: R }): Promise<R>;
  private change<R>(
    documentId: string,
    checkedOrCompute: boolean | ((state: DocumentState) => { change?: Change; result: R }),
    maybeCompute?: (state: DocumentState) => { change?: Change; result: R },
  ): Promise<R> {
    const checked = checkedOrCompute === true;
    const compute = typeof checkedOrCompute === 'function' ? checkedOrCompute : maybeCompute!;
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
        const grown = change.op === 'create' || change.op === 'restore' ? 1 : change.op === 'merge' ? countNew(state, change.annotations) : 0;
        if (grown > 0 && state.annotations.length + grown > this.maxAnnotations) {
          throw new DetailedError(
            'bad-request',
            `A document holds at most ${this.maxAnnotations} annotations; this one has ${state.annotations.length}, and this would add ${grown}.`,
            { annotationReason: 'too-many-annotations', params: { max: this.maxAnnotations, count: state.annotations.length, adding: grown } },
          );
        }
        // Never write what would not load back (it would read as a corrupt line).
        // (Unless the import worker checked them already, against the import's stricter schema.)
        if (!(checked && change.op === 'merge')) {
          const valid = journalEntrySchema.safeParse({ seq: state.seq + 1, v: ANNOTATIONS_SCHEMA_VERSION, ...change });
          if (!valid.success) throw new AppError('bad-request', `Not a valid annotation: ${valid.error.issues[0]?.message ?? ''}`);
        }
        const seq = ++state.seq;
        const next = applyChange(state, change);
        try {
          // Even a change larger than the compaction limit (a big import) goes to the journal
          // first, and is compacted right after: then the backup chain (`.bak` + `.journal.bak`)
          // holds every change, and a damaged snapshot can be rebuilt whole from it.
          // Built in slices: a merge of a whole import never holds the thread for long.
          const line = state.needsSnapshot ? undefined : await entryLineInSlices({ seq, v: ANNOTATIONS_SCHEMA_VERSION, ...change });
          if (line === undefined) {
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
        await state.ack.write(seq);
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
    // Serialised in slices (20,000 annotations would hold the thread for a tenth of a second).
    await state.writer.save(await serialiseSnapshotInSlices(file));
    const first = !state.hasSnapshot;
    state.hasSnapshot = true;
    try {
      // The very first snapshot is its own backup, so the journal always has a base to replay onto.
      if (first && !(await exists(backupPathOf(this.pathOf(state.documentId))))) await copyBackup(this.pathOf(state.documentId));
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
    const journal = new JournalWriter(journalPath);
    const ack = new AckMark(this.ackPathOf(documentId));
    const loaded = await loadDocument({
      documentId,
      path,
      journalPath,
      journal,
      migrations: this.migrations,
      now: this.now,
      log: this.log,
      acknowledged: await ack.read(),
    });
    const state: DocumentState = {
      documentId,
      annotations: loaded.annotations,
      deleted: loaded.deleted,
      readOnly: loaded.readOnly,
      ...(loaded.problem ? { problem: loaded.problem } : {}),
      // Given the snapshot's text, already serialised (`serialiseSnapshotInSlices`).
      writer: new JsonFileWriter(path, { backup: 'copy', serialise: (text) => String(text) }),
      journal,
      ack,
      queue: Promise.resolve(),
      seq: loaded.seq,
      hasSnapshot: loaded.hasSnapshot,
      needsSnapshot: loaded.needsSnapshot,
      ...(loaded.corruptJournalTo ? { corruptJournalTo: loaded.corruptJournalTo } : {}),
      journalLines: loaded.journalLines,
      journalBytes: loaded.journalBytes,
      compactRetryAt: 0,
    };
    if (loaded.rewrite && !state.readOnly) {
      // Recovered: write what was rebuilt at once, so a crash now cannot lose it (and only then
      // move a damaged journal aside). If this fails, the next change tries again.
      await this.writeSnapshot(state, state, state.seq).catch(() => undefined);
    }
    return state;
  }
}

function countNew(state: Contents, incoming: readonly Annotation[]): number {
  const ids = new Set(state.annotations.map((a) => a.id));
  return incoming.filter((a) => !ids.has(a.id)).length;
}

async function exists(path: string): Promise<boolean> {
  return fs.access(path).then(
    () => true,
    () => false,
  );
}

/** Lets the ack reach the caller (a macrotask later) before a compaction starts its work. */
function afterAcknowledged(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
