/**
 * The reader's alignment corrections on disk: `<userData>/corrections/<documentId>.json`,
 * `{ schemaVersion, documentId, log, redo }` — for bundled and imported documents alike.
 *
 * - `log` is the edit log in effect (see `corrections.ts`); `redo` the operations undone since the
 *   last new correction, most recent last. Undo and redo therefore survive a restart.
 * - Saved like annotations: one writer per file, atomic replacement, the previous version kept as
 *   `.bak`; a file that does not parse is moved aside (the backup is loaded) and the reader is told
 *   through `warnings`; a file from a newer version is left untouched and corrections are refused.
 * - Changes to one document run one after another; a change resolves once it is on disk.
 * - Operations that no longer apply are dropped from `log` on the next save (and listed as
 *   warnings until then).
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import {
  type AlignmentOperation,
  type AlignmentState,
  documentIdSchema,
  isDocumentId,
  type ReviewKind,
  type ReviewRow,
} from '../../contract/ipc';
import { AppError } from '../errors';
import { FileRefusedError, JsonFileWriter, backupPathOf, readJsonFile } from '../fs/atomic-file';
import type { AlignedText } from '../model';
import {
  type CorrectedAlignment,
  CorrectionError,
  MAX_LOG,
  type StoredOperation,
  replay,
  resolveOperation,
  reviewRows,
  storedOperationSchema,
} from './corrections';

export const CORRECTIONS_SCHEMA_VERSION = 1;
const MAX_REDO = 1_000;

const fileSchema = z
  .object({
    schemaVersion: z.literal(CORRECTIONS_SCHEMA_VERSION),
    documentId: documentIdSchema,
    log: z.array(storedOperationSchema).max(MAX_LOG),
    redo: z.array(storedOperationSchema).max(MAX_REDO),
  })
  .strict();
type CorrectionsFile = z.infer<typeof fileSchema>;

interface DocumentState {
  log: StoredOperation[];
  redo: StoredOperation[];
  problem?: string;
  readOnly: boolean;
  writer: JsonFileWriter;
  queue: Promise<unknown>;
}

export interface Corrected extends CorrectedAlignment {
  state: Omit<AlignmentState, 'bundled'>;
}

export class CorrectionsStore {
  private readonly documents = new Map<string, Promise<DocumentState>>();

  constructor(readonly dir: string) {}

  static inUserData(userDataDir: string): CorrectionsStore {
    return new CorrectionsStore(join(userDataDir, 'corrections'));
  }

  pathOf(documentId: string): string {
    if (!isDocumentId(documentId)) throw new AppError('bad-request', `Invalid document id: ${documentId.slice(0, 64)}`);
    return join(this.dir, `${documentId}.json`);
  }

  /** The base alignment with the reader's corrections applied. */
  async correct(documentId: string, base: AlignedText): Promise<Corrected> {
    const state = await this.load(documentId);
    await state.queue;
    return this.corrected(state, base);
  }

  /** Applies one correction to the rows as `base` + the log give them; resolves once saved. */
  apply(documentId: string, base: AlignedText, operation: AlignmentOperation): Promise<Corrected> {
    return this.change(documentId, (state) => {
      const current = replay(base, state.log);
      let stored: StoredOperation;
      try {
        stored = resolveOperation(current, operation);
      } catch (error) {
        if (error instanceof CorrectionError) throw new AppError('bad-request', `This correction does not apply: ${error.message}`);
        throw error;
      }
      if (current.applied.length >= MAX_LOG) throw new AppError('bad-request', `At most ${MAX_LOG} corrections per document`);
      return { log: [...current.applied, stored], redo: [] };
    }).then(({ state }) => this.corrected(state, base));
  }

  undo(documentId: string, base: AlignedText): Promise<Corrected> {
    return this.change(documentId, (state) => {
      const { applied } = replay(base, state.log);
      const last = applied[applied.length - 1];
      if (!last) throw new AppError('bad-request', 'Nothing to undo');
      return { log: applied.slice(0, -1), redo: [...state.redo, last].slice(-MAX_REDO) };
    }).then(({ state }) => this.corrected(state, base));
  }

  redo(documentId: string, base: AlignedText): Promise<Corrected> {
    return this.change(documentId, (state) => {
      const next = state.redo[state.redo.length - 1];
      if (!next) throw new AppError('bad-request', 'Nothing to redo');
      const { applied } = replay(base, state.log);
      const after = replay(base, [...applied, next]);
      if (after.applied.length !== applied.length + 1) {
        throw new AppError('bad-request', `This correction cannot be redone: ${after.dropped.at(-1)?.reason ?? 'it no longer applies'}`);
      }
      return { log: after.applied, redo: state.redo.slice(0, -1) };
    }).then(({ state }) => this.corrected(state, base));
  }

  async review(documentId: string, base: AlignedText, kind: ReviewKind, limit?: number): Promise<ReviewRow[]> {
    return reviewRows(await this.correct(documentId, base), kind, limit);
  }

  /** Forgets a document's corrections (its document was removed). */
  async remove(documentId: string): Promise<void> {
    const path = this.pathOf(documentId);
    const loading = this.documents.get(documentId);
    if (loading) {
      const state = await loading.catch(() => undefined);
      await state?.queue.catch(() => undefined);
      await state?.writer.flush().catch(() => undefined);
      this.documents.delete(documentId);
    }
    await fs.rm(path, { force: true });
    await fs.rm(backupPathOf(path), { force: true });
  }

  async flush(): Promise<void> {
    for (const loading of [...this.documents.values()]) {
      const state = await loading.catch(() => undefined);
      if (state) await state.queue.catch(() => undefined);
    }
  }

  private corrected(state: DocumentState, base: AlignedText): Corrected {
    const result = replay(base, state.log);
    const warnings = result.dropped.map((d) => `A correction (${d.operation.op}) no longer applies and was dropped: ${d.reason}`);
    if (state.problem) warnings.unshift(state.problem);
    return {
      ...result,
      state: {
        editable: !state.readOnly,
        confirmed: result.confirmed,
        corrections: result.applied.length,
        canUndo: result.applied.length > 0,
        canRedo: state.redo.length > 0,
        warnings,
      },
    };
  }

  private change(
    documentId: string,
    compute: (state: DocumentState) => { log: StoredOperation[]; redo: StoredOperation[] },
  ): Promise<{ state: DocumentState }> {
    return this.load(documentId).then((state) => {
      const step = state.queue.then(async () => {
        if (state.readOnly) throw new AppError('newer-version', state.problem ?? 'These corrections are read-only');
        const next = compute(state);
        const file: CorrectionsFile = { schemaVersion: CORRECTIONS_SCHEMA_VERSION, documentId, log: next.log, redo: next.redo };
        await state.writer.save(file);
        state.log = next.log;
        state.redo = next.redo;
        return { state };
      });
      state.queue = step.catch(() => undefined);
      return step;
    });
  }

  private load(documentId: string): Promise<DocumentState> {
    let loading = this.documents.get(documentId);
    if (!loading) {
      loading = this.read(documentId);
      this.documents.set(documentId, loading);
      loading.catch(() => this.documents.delete(documentId));
    }
    return loading;
  }

  private async read(documentId: string): Promise<DocumentState> {
    const path = this.pathOf(documentId);
    const state: DocumentState = { log: [], redo: [], readOnly: false, writer: new JsonFileWriter(path), queue: Promise.resolve() };
    try {
      const outcome = await readJsonFile(path, (raw) => {
        const version = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
        if (typeof version === 'number' && version > CORRECTIONS_SCHEMA_VERSION) {
          throw new FileRefusedError(`Your alignment corrections were saved by a newer version of the app (version ${version}); they are left untouched and cannot be changed here`);
        }
        const file = fileSchema.parse(raw);
        if (file.documentId !== documentId) throw new Error('another document');
        return file;
      });
      if (outcome.status === 'ok') {
        state.log = outcome.value.log;
        state.redo = outcome.value.redo;
      } else if (outcome.status === 'recovered') {
        state.log = outcome.value?.log ?? [];
        state.redo = outcome.value?.redo ?? [];
        state.problem = `Your alignment corrections file could not be read; it was kept as ${outcome.movedTo}${outcome.from === 'backup' ? ' and the last good copy was restored' : ''}`;
      }
    } catch (error) {
      if (!(error instanceof FileRefusedError)) throw error;
      state.readOnly = true;
      state.problem = error.message;
    }
    return state;
  }
}
