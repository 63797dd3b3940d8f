/**
 * The reader's annotations on disk: `<userData>/annotations/<documentId>.json`, one file per
 * document, `{ schemaVersion, documentId, annotations, deleted }`.
 *
 * - Every change is one atomic replacement of the file (temp file in the same folder, fsync,
 *   rename, fsync of the folder); the previous version is kept as `<file>.bak`.
 * - Changes to one document run one after another, and a change is visible (and its promise
 *   resolves) only once it is durable: what the reader sees is what is on disk.
 * - A file that does not parse or validate is moved aside with a time stamp, the backup is loaded,
 *   and `problem` tells the caller so the reader can be told. It is never overwritten.
 * - A file from a newer version of the app is refused and left untouched: listed as a problem,
 *   and every change to that document is refused.
 * - Older versions are migrated step by step on load (and written in the current version on the
 *   next change, the old file staying as the backup).
 * - Deleting keeps the annotation in `deleted` (the last 200), so `restore` can undo it.
 */
import { promises as fs } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors';
import { FileRefusedError, JsonFileWriter, readJsonFile } from '../fs/atomic-file';
import type { Annotation, AnnotationsProblem } from './model';
import { DOCUMENT_ID, annotationSchema, isoDate } from './schema';

export const ANNOTATIONS_SCHEMA_VERSION = 1;
/** How many deleted annotations are kept for undo, per document. */
export const KEEP_DELETED = 200;

/** A step from version `n` (the key) to `n + 1`, on the raw JSON. */
export type Migration = (raw: Record<string, unknown>) => Record<string, unknown>;
/** None yet: version 1 is the first. Add `1: (v1) => v2` here with the schema change. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

const storedAnnotation = annotationSchema(false);
const deletedEntry = z.object({ deletedAt: isoDate, annotation: storedAnnotation }).strict();
const fileSchema = z
  .object({
    schemaVersion: z.literal(ANNOTATIONS_SCHEMA_VERSION),
    documentId: z.string().regex(DOCUMENT_ID),
    annotations: z.array(storedAnnotation),
    deleted: z.array(deletedEntry).optional(),
  })
  .strict();
export type AnnotationsFile = z.infer<typeof fileSchema>;
type DeletedEntry = z.infer<typeof deletedEntry>;

export type StoreProblem = AnnotationsProblem;

/** Brings a raw file to the current version; refuses (untouched) a version newer than this app's. */
export function migrate(raw: unknown, migrations: Readonly<Record<number, Migration>> = MIGRATIONS): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  let value = raw as Record<string, unknown>;
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
  constructor(readonly version: number) {
    super(`written by a newer version of the app (annotations version ${version})`);
  }
}

interface DocumentState {
  annotations: Annotation[];
  deleted: DeletedEntry[];
  problem?: StoreProblem;
  readOnly: boolean;
  writer: JsonFileWriter;
  /** Changes to this document, one after another. */
  queue: Promise<unknown>;
}

export interface AnnotationStoreOptions {
  migrations?: Readonly<Record<number, Migration>>;
  now?: () => Date;
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

  constructor(
    readonly dir: string,
    options: AnnotationStoreOptions = {},
  ) {
    this.migrations = options.migrations ?? MIGRATIONS;
    this.now = options.now ?? (() => new Date());
  }

  static inUserData(userDataDir: string, options?: AnnotationStoreOptions): AnnotationStore {
    return new AnnotationStore(join(userDataDir, 'annotations'), options);
  }

  pathOf(documentId: string): string {
    if (!DOCUMENT_ID.test(documentId) || documentId.length > 128) {
      throw new AppError('bad-request', `Invalid document id: ${documentId.slice(0, 64)}`);
    }
    return join(this.dir, `${documentId}.json`);
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
      return { annotations: [...state.annotations, annotation], deleted: state.deleted, result: annotation };
    });
  }

  /** Replaces an annotation by `edit(current)`; its id and document cannot change. */
  update(documentId: string, id: string, edit: (current: Annotation) => Annotation): Promise<Annotation> {
    return this.change(documentId, (state) => {
      const index = state.annotations.findIndex((a) => a.id === id);
      const current = state.annotations[index];
      if (!current) throw new AppError('not-found', `No annotation ${id}`);
      const next = { ...edit(current), id: current.id, documentId: current.documentId };
      const annotations = [...state.annotations];
      annotations[index] = next;
      return { annotations, deleted: state.deleted, result: next };
    });
  }

  /** Removes an annotation, keeping it for `restore`; resolves with what was removed. */
  delete(documentId: string, id: string): Promise<Annotation> {
    return this.change(documentId, (state) => {
      const removed = state.annotations.find((a) => a.id === id);
      if (!removed) throw new AppError('not-found', `No annotation ${id}`);
      const entry: DeletedEntry = { deletedAt: this.now().toISOString(), annotation: removed };
      return {
        annotations: state.annotations.filter((a) => a.id !== id),
        deleted: [...state.deleted.filter((d) => d.annotation.id !== id), entry].slice(-KEEP_DELETED),
        result: removed,
      };
    });
  }

  /** Undoes a delete: the annotation comes back with the same id and content. */
  restore(documentId: string, id: string): Promise<Annotation> {
    return this.change(documentId, (state) => {
      const entry = state.deleted.find((d) => d.annotation.id === id);
      if (!entry) throw new AppError('not-found', `No deleted annotation ${id}`);
      if (state.annotations.some((a) => a.id === id)) throw new AppError('bad-request', `Annotation ${id} is not deleted`);
      return {
        annotations: [...state.annotations, entry.annotation].sort(byCreation),
        deleted: state.deleted.filter((d) => d.annotation.id !== id),
        result: entry.annotation,
      };
    });
  }

  /** Merges annotations by id in one save: new ones are added, a newer `updatedAt` wins. */
  merge(documentId: string, incoming: readonly Annotation[]): Promise<MergeCounts> {
    return this.change(documentId, (state) => {
      const counts: MergeCounts = { added: 0, updated: 0, unchanged: 0 };
      const annotations = [...state.annotations];
      const at = new Map(annotations.map((a, i) => [a.id, i]));
      for (const annotation of incoming) {
        if (annotation.documentId !== documentId) throw new AppError('bad-request', 'An annotation of another document');
        const index = at.get(annotation.id);
        const current = index === undefined ? undefined : annotations[index];
        if (index === undefined || !current) {
          at.set(annotation.id, annotations.length);
          annotations.push(annotation);
          counts.added++;
        } else if (Date.parse(annotation.updatedAt) > Date.parse(current.updatedAt)) {
          annotations[index] = annotation;
          counts.updated++;
        } else {
          counts.unchanged++;
        }
      }
      const changed = counts.added + counts.updated > 0;
      const ids = new Set(annotations.map((a) => a.id));
      return {
        annotations: annotations.sort(byCreation),
        deleted: state.deleted.filter((d) => !ids.has(d.annotation.id)),
        result: counts,
        skipSave: !changed,
      };
    });
  }

  /** Resolves when every change asked for so far is on disk (or has failed). */
  async flush(): Promise<void> {
    for (const loading of [...this.documents.values()]) {
      const state = await loading.catch(() => undefined);
      if (state) await state.queue.catch(() => undefined);
    }
  }

  private change<R>(
    documentId: string,
    compute: (state: DocumentState) => { annotations: Annotation[]; deleted: DeletedEntry[]; result: R; skipSave?: boolean },
  ): Promise<R> {
    const run = this.load(documentId).then((state) => {
      const step = state.queue.then(async () => {
        if (state.readOnly) {
          throw new AppError(
            'newer-version',
            `The annotations of "${documentId}" were saved by a newer version of Bitext Reader; they cannot be changed here.`,
          );
        }
        const next = compute(state);
        if (!next.skipSave) {
          const file: AnnotationsFile = {
            schemaVersion: ANNOTATIONS_SCHEMA_VERSION,
            documentId,
            annotations: next.annotations,
            ...(next.deleted.length > 0 ? { deleted: next.deleted } : {}),
          };
          try {
            await state.writer.save(file);
          } catch (error) {
            throw new AppError('io-error', `Could not save the annotations: ${error instanceof Error ? error.message : String(error)}`);
          }
        }
        // Only now, durable, does the change become what the reader sees.
        state.annotations = next.annotations;
        state.deleted = next.deleted;
        return next.result;
      });
      state.queue = step.catch(() => undefined);
      return step;
    });
    return run;
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
    const state: DocumentState = {
      annotations: [],
      deleted: [],
      readOnly: false,
      writer: new JsonFileWriter(path, { backup: 'link', indent: 1 }),
      queue: Promise.resolve(),
    };
    await removeStaleTemporaries(this.dir, basename(path));
    const parse = (raw: unknown): AnnotationsFile => {
      const file = fileSchema.parse(migrate(raw, this.migrations));
      if (file.documentId !== documentId) throw new Error(`the file names another document (${file.documentId})`);
      return file;
    };
    try {
      const outcome = await readJsonFile(path, parse, this.now);
      const file = outcome.status === 'missing' ? undefined : outcome.value;
      if (file) {
        state.annotations = file.annotations;
        state.deleted = file.deleted ?? [];
      }
      if (outcome.status === 'recovered') {
        state.problem = { kind: 'recovered', file: path, movedTo: outcome.movedTo, restoredFrom: outcome.from };
      }
    } catch (error) {
      if (!(error instanceof NewerVersionError)) {
        throw new AppError('io-error', `Could not read the annotations: ${error instanceof Error ? error.message : String(error)}`);
      }
      state.readOnly = true;
      state.problem = { kind: 'newer-version', file: path, version: error.version };
    }
    return state;
  }
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
