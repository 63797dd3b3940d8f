/**
 * The comparison tools' files in user data, `<userData>/compare/`:
 *  - `glossary.json`: the glossary across documents;
 *  - `glossaries/<documentId>.json`: a document's own glossary;
 *  - `dismissed/<documentId>.json`: the findings the reader dismissed (by finding id).
 * Saved like the other stores: one writer per file, atomic replacement (0600, folders 0700), the
 * previous version kept as `.bak`; a file that does not parse is moved aside (the backup is loaded)
 * and the reader is told through `warnings`; a file from a newer version is left untouched and
 * read-only. Changes to one file run one after another and resolve once on disk.
 */
import { promises as fs } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { findingIdSchema } from '../../contract/compare';
import { documentIdSchema, isDocumentId } from '../../contract/ids';
import { GLOSSARY_SCHEMA_VERSION, type GlossaryEntry, glossaryFileSchema } from '../compare/glossary';
import { AppError } from '../errors';
import { FileRefusedError, JsonFileWriter, readJsonFile } from '../fs/atomic-file';

export const DISMISSED_SCHEMA_VERSION = 1;
export const MAX_DISMISSED = 50_000;

const dismissedFileSchema = z
  .object({
    schemaVersion: z.literal(DISMISSED_SCHEMA_VERSION),
    documentId: documentIdSchema,
    dismissed: z.array(z.object({ id: findingIdSchema, at: z.string().max(40) }).strict()).max(MAX_DISMISSED),
  })
  .strict();
export type DismissedFile = z.infer<typeof dismissedFileSchema>;
export type GlossaryFileValue = { schemaVersion: typeof GLOSSARY_SCHEMA_VERSION; entries: GlossaryEntry[] };

interface FileState<T> {
  value: T;
  warning?: string;
  readOnly: boolean;
  writer: JsonFileWriter;
  queue: Promise<unknown>;
}

/** One versioned JSON file with a queue of changes. */
class VersionedFile<T extends { schemaVersion: number }> {
  private state: Promise<FileState<T>> | undefined;

  constructor(
    readonly path: string,
    private readonly version: number,
    private readonly parse: (raw: unknown) => T,
    private readonly empty: () => T,
    private readonly what: string,
  ) {}

  async read(): Promise<{ value: T; warnings: string[]; readOnly: boolean }> {
    const state = await this.load();
    await state.queue;
    return { value: state.value, warnings: state.warning ? [state.warning] : [], readOnly: state.readOnly };
  }

  change<R>(compute: (value: T) => { value: T; result: R }): Promise<R> {
    return this.load().then((state) => {
      const step = state.queue.then(async () => {
        if (state.readOnly) throw new AppError('newer-version', state.warning ?? `${this.what} is read-only`);
        const next = compute(state.value);
        await fs.mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
        await state.writer.save(next.value);
        state.value = next.value;
        return next.result;
      });
      state.queue = step.catch(() => undefined);
      return step;
    });
  }

  async flush(): Promise<void> {
    const state = await this.state?.catch(() => undefined);
    await state?.queue.catch(() => undefined);
  }

  private load(): Promise<FileState<T>> {
    if (!this.state) {
      this.state = this.open();
      this.state.catch(() => (this.state = undefined));
    }
    return this.state;
  }

  private async open(): Promise<FileState<T>> {
    const state: FileState<T> = { value: this.empty(), readOnly: false, writer: new JsonFileWriter(this.path), queue: Promise.resolve() };
    try {
      const outcome = await readJsonFile(this.path, (raw) => {
        const version = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
        if (typeof version === 'number' && version > this.version) {
          throw new FileRefusedError(`${this.what} was saved by a newer version of the app (version ${version}); it is left untouched and cannot be changed here`);
        }
        return this.parse(raw);
      });
      if (outcome.status === 'ok') state.value = outcome.value;
      else if (outcome.status === 'recovered') {
        if (outcome.value) state.value = outcome.value;
        state.warning = `${this.what} could not be read and was kept aside as ${outcome.movedTo}; ${outcome.from === 'backup' ? 'the last good copy was loaded' : 'no earlier copy was found'}`;
      }
    } catch (error) {
      if (!(error instanceof FileRefusedError)) throw error;
      state.readOnly = true;
      state.warning = error.message;
    }
    return state;
  }
}

export class CompareStore {
  private readonly files = new Map<string, VersionedFile<GlossaryFileValue> | VersionedFile<DismissedFile>>();

  constructor(readonly dir: string) {}

  static inUserData(userDataDir: string): CompareStore {
    return new CompareStore(join(userDataDir, 'compare'));
  }

  private checkId(documentId: string): string {
    if (!isDocumentId(documentId)) throw new AppError('bad-request', `Invalid document id: ${documentId.slice(0, 64)}`);
    return documentId;
  }

  /** The global glossary (`documentId` undefined) or a document's. */
  glossary(documentId?: string): VersionedFile<GlossaryFileValue> {
    const path = documentId === undefined ? join(this.dir, 'glossary.json') : join(this.dir, 'glossaries', `${this.checkId(documentId)}.json`);
    let file = this.files.get(path) as VersionedFile<GlossaryFileValue> | undefined;
    if (!file) {
      file = new VersionedFile<GlossaryFileValue>(
        path,
        GLOSSARY_SCHEMA_VERSION,
        (raw) => glossaryFileSchema.parse(raw) as GlossaryFileValue,
        () => ({ schemaVersion: GLOSSARY_SCHEMA_VERSION, entries: [] }),
        documentId === undefined ? 'The glossary' : 'This document’s glossary',
      );
      this.files.set(path, file);
    }
    return file;
  }

  dismissed(documentId: string): VersionedFile<DismissedFile> {
    const id = this.checkId(documentId);
    const path = join(this.dir, 'dismissed', `${id}.json`);
    let file = this.files.get(path) as VersionedFile<DismissedFile> | undefined;
    if (!file) {
      file = new VersionedFile<DismissedFile>(
        path,
        DISMISSED_SCHEMA_VERSION,
        (raw) => {
          const parsed = dismissedFileSchema.parse(raw);
          if (parsed.documentId !== id) throw new Error('another document');
          return parsed;
        },
        () => ({ schemaVersion: DISMISSED_SCHEMA_VERSION, documentId: id, dismissed: [] }),
        'The dismissed findings',
      );
      this.files.set(path, file);
    }
    return file;
  }

  async flush(): Promise<void> {
    for (const file of this.files.values()) await file.flush();
  }
}
