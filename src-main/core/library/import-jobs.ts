/**
 * Import jobs: prepare → start → poll (or be told of) progress → done.
 *
 * 1. `prepare(files)` (bytes from the renderer) or `choose(mode)` (a dialog in main; each file is
 *    checked to be a regular file of allowed size before it is read): the import worker decodes,
 *    converts and checks the files against `IMPORT_LIMITS` (`core/import/prepare.ts`); refusals
 *    come back as `ImportError`s with a code, a message key and its values. The result is kept as a
 *    pending import (four at most, for 30 minutes) and described to the reader.
 * 2. `start({ pendingId, title, swap })`: the worker segments and aligns; the document is written
 *    into a hidden folder and renamed into place, then loaded once as the reader will open it. Only
 *    then is the job `done`; a document that does not load is removed and the job fails.
 *    `status(jobId)` and the `onProgress` callback report it; `cancel(jobId)` stops the worker and
 *    leaves nothing behind.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { DocumentDetails, ErrorDetails, ImportCheck, ImportChoice, ImportJobStatus, ImportLimits, LocalizedText } from '../../contract/ipc';
import type { DocumentLibrary } from '../documents/library';
import { AppError } from '../errors';
import type { AlignRunner, CarriedImport } from '../import/align-runner';
import { readFileBytes } from '../import/decode';
import { type FileInput, sizeOf } from '../import/file-input';
import { ImportError, displayName } from '../import/errors';
import { refuseUnsupported } from '../import/formats/refused';
import { IMPORT_LIMITS } from '../import/limits';
import type { AlignInput, PackedInput } from '../import/pipeline';
import { checkFileName } from '../import/names';
import type { FileBytes, PreparedImport } from '../import/prepare';
import { type DocumentProblem, problemOf } from './problems';
import { toStoredAlignment } from './stored-alignment';
import type { ImportedManifest, UserDocuments } from './user-documents';

export const MAX_PENDING = 4;
export const PENDING_TTL_MS = 30 * 60 * 1000;
const KEEP_FINISHED_JOBS = 20;

export type ChooseImportFiles = (mode: 'pair' | 'bilingual') => Promise<string[] | undefined>;

export interface ImportJobsOptions {
  documents: DocumentLibrary;
  userDocuments: UserDocuments;
  /** Where preparing and aligning run: the import worker (`workerRunner`), or this thread in tests (`inProcessRunner`). */
  runner: AlignRunner;
  chooseFiles?: ChooseImportFiles;
  onProgress?: (status: ImportJobStatus) => void;
  /** Limits below `IMPORT_LIMITS` (tests). */
  limits?: Partial<ImportLimits>;
  now?: () => Date;
}

type Pending = CarriedImport & {
  pendingId: string;
  createdAt: number;
  checkWithId: ImportCheck;
};

interface Job {
  status: ImportJobStatus;
  controller: AbortController;
  finished?: number;
}

export class ImportJobs {
  private readonly pending = new Map<string, Pending>();
  private readonly jobs = new Map<string, Job>();
  private readonly runner: AlignRunner;
  readonly limits: ImportLimits;
  private readonly now: () => Date;

  constructor(private readonly options: ImportJobsOptions) {
    this.runner = options.runner;
    this.limits = { ...IMPORT_LIMITS, ...options.limits };
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Prepares the files in the worker (see the module comment); nothing is written. Only names and
   * sizes are checked here: base64 is checked and decoded in the worker.
   */
  async prepare(files: readonly FileInput[]): Promise<ImportCheck> {
    this.expire();
    for (const file of files) checkFileName(file.name);
    if (files.length !== 1 && files.length !== 2) {
      throw new AppError('bad-request', 'Choose two files (English and Russian) or one bilingual file (.tmx, .tsv)');
    }
    for (const file of files) {
      const size = sizeOf(file);
      if (size > this.limits.maxFileBytes) {
        const name = displayName(file.name);
        throw new ImportError('too-large', `“${name}” is too large to import`, name, {
          params: { size: Math.ceil(size / 2 ** 20), max: Math.round(this.limits.maxFileBytes / 2 ** 20) },
        });
      }
    }
    const prepared = await this.runner.prepare(files, this.limits);
    return this.remember(prepared);
  }

  /** Chooses files in a dialog, reads them (each checked first), then as `prepare`. */
  async choose(mode: 'pair' | 'bilingual'): Promise<ImportChoice> {
    const paths = await this.options.chooseFiles?.(mode);
    if (!paths || paths.length === 0) return { cancelled: true };
    const expected = mode === 'pair' ? 2 : 1;
    if (paths.length !== expected) {
      throw new AppError('bad-request', mode === 'pair' ? 'Choose two files: the English text and the Russian text' : 'Choose one bilingual file');
    }
    const files: FileBytes[] = [];
    for (const path of paths) {
      refuseUnsupported(path); // refuse .doc and the like before reading
      files.push({ name: displayName(path), bytes: await readFileBytes(path, { maxBytes: this.limits.maxFileBytes }) });
    }
    return { cancelled: false, ...(await this.prepare(files)) };
  }

  discard(pendingId: string): boolean {
    return this.pending.delete(pendingId);
  }

  private remember(prepared: CarriedImport): ImportCheck {
    const pendingId = randomUUID();
    const checkWithId: ImportCheck = { pendingId, ...prepared.check };
    this.pending.set(pendingId, { ...prepared, pendingId, createdAt: Date.now(), checkWithId });
    while (this.pending.size > MAX_PENDING) this.pending.delete(this.pending.keys().next().value!);
    return checkWithId;
  }

  private expire(): void {
    const now = Date.now();
    for (const [id, p] of this.pending) if (now - p.createdAt > PENDING_TTL_MS) this.pending.delete(id);
  }

  /** Starts the import job of a prepared pair; answers its first status. */
  start(request: { pendingId: string; title?: LocalizedText; swap?: boolean; details?: DocumentDetails }): ImportJobStatus {
    this.expire();
    const prepared = this.pending.get(request.pendingId);
    if (!prepared) throw new AppError('not-found', 'This import is no longer prepared (it expired or was started); choose the files again');
    this.pending.delete(request.pendingId);
    const jobId = randomUUID();
    const job: Job = { status: { jobId, state: 'running', phase: 'queued', progress: 0 }, controller: new AbortController() };
    this.jobs.set(jobId, job);
    this.trimJobs();
    void this.run(job, prepared, request);
    return { ...job.status };
  }

  status(jobId: string): ImportJobStatus {
    const job = this.jobs.get(jobId);
    if (!job) throw new AppError('not-found', 'No such import');
    return { ...job.status };
  }

  cancel(jobId: string): ImportJobStatus {
    const job = this.jobs.get(jobId);
    if (!job) throw new AppError('not-found', 'No such import');
    if (job.status.state === 'running') job.controller.abort();
    return { ...job.status };
  }

  /** Resolves when the job has finished (tests, benchmarks). */
  async settled(jobId: string): Promise<ImportJobStatus> {
    for (;;) {
      const status = this.status(jobId);
      if (status.state !== 'running') return status;
      await new Promise((done) => setTimeout(done, 10));
    }
  }

  private update(job: Job, patch: Partial<ImportJobStatus>): void {
    job.status = { ...job.status, ...patch };
    if (job.status.state !== 'running') job.finished = Date.now();
    this.options.onProgress?.({ ...job.status });
  }

  private async run(job: Job, prepared: Pending, request: { title?: LocalizedText; swap?: boolean; details?: DocumentDetails }): Promise<void> {
    const signal = job.controller.signal;
    const { documents, userDocuments } = this.options;
    try {
      const swap = request.swap === true;
      const input = swap ? swapInput(prepared.input) : prepared.input;
      const names = swap && prepared.names.length === 2 ? [prepared.names[1]!, prepared.names[0]!] : prepared.names;
      const encodings = swap && prepared.encodings.length === 2 ? [prepared.encodings[1]!, prepared.encodings[0]!] : prepared.encodings;
      const suggested = swap ? { en: prepared.check.suggestedTitle.ru, ru: prepared.check.suggestedTitle.en } : prepared.check.suggestedTitle;
      const title = request.title ?? suggested;
      this.update(job, { phase: 'segmenting', progress: 0.02 });
      const aligned = await this.runner.run(input, (phase, progress) => this.update(job, { phase, progress }), signal);
      if (signal.aborted) throw new ImportError('cancelled', 'The import was cancelled');
      this.update(job, { phase: 'writing', progress: 0.9 });
      const at = this.now();
      const id = await this.newId(title);
      const manifest: ImportedManifest = {
        schemaVersion: 1,
        id,
        title,
        shortTitle: title,
        date: at.toISOString().slice(0, 10),
        place: { en: 'Not given', ru: 'Не указано' },
        firstParagraphIsTitle: input.kind === 'pair' && input.firstParagraphIsTitle,
        source: { en: `Imported from ${names.join(' and ')}`, ru: `Импортировано из ${names.join(' и ')}` },
        translation: { en: 'Not given', ru: 'Не указано' },
        files: { en: 'en.txt', ru: 'ru.txt' },
        ...(request.details ? { details: request.details } : {}),
        imported: {
          at: at.toISOString(),
          originalNames: names,
          encodings,
          format: prepared.format,
          ...(prepared.structure ? { structure: swap ? swapStructure(prepared.structure) : prepared.structure } : {}),
        },
      };
      // The worker gives the texts back with the alignment (they were handed to it, as bytes).
      const texts = ('storedJson' in aligned && aligned.texts) || input.texts;
      await userDocuments.create(manifest, texts, 'storedJson' in aligned ? aligned.storedJson : toStoredAlignment(aligned), signal);
      // Done only once the document opens as the reader will open it; otherwise it goes again.
      documents.invalidate(id, { base: true });
      try {
        await documents.open(id);
      } catch (error) {
        documents.invalidate(id, { base: true });
        await userDocuments.remove(id).catch(() => undefined);
        const problem = error instanceof Error ? error.message : String(error);
        throw new LoadFailed(`The imported document could not be opened, so it was not kept: ${problem}`, problemOf(error));
      }
      this.update(job, { state: 'done', phase: 'done', progress: 1, documentId: id });
    } catch (error) {
      if (signal.aborted || (error instanceof AppError && error.code === 'cancelled')) {
        this.update(job, { state: 'cancelled', error: { code: 'cancelled', message: 'The import was cancelled', details: { reason: 'cancelled' } } });
      } else if (error instanceof ImportError) {
        this.update(job, { state: 'failed', error: { code: error.code, message: error.message, details: error.details } });
      } else if (error instanceof LoadFailed) {
        this.update(job, { state: 'failed', error: { code: 'corrupt-file', message: error.message, details: error.details } });
      } else if (error instanceof AppError) {
        this.update(job, { state: 'failed', error: { code: error.code, message: error.message } });
      } else {
        this.update(job, { state: 'failed', error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } });
      }
    }
  }

  private trimJobs(): void {
    const finished = [...this.jobs.entries()].filter(([, j]) => j.finished !== undefined).sort((a, b) => a[1].finished! - b[1].finished!);
    while (finished.length > KEEP_FINISHED_JOBS) this.jobs.delete(finished.shift()![0]);
  }

  /** A slug of the English title (or `document`) and a short random tail. */
  private async newId(title: LocalizedText): Promise<string> {
    const slug = slugOf(title.en) || slugOf(title.ru) || 'document';
    for (;;) {
      const id = `${slug}-${randomBytes(3).toString('hex')}`;
      if (!(await this.options.documents.isBundled(id)) && !(await this.options.userDocuments.has(id))) return id;
    }
  }
}

/** `params.problem`: a `DOCUMENT_PROBLEMS` code (the renderer says it in the reader's language), with its values. */
class LoadFailed extends Error {
  readonly details: ErrorDetails;
  constructor(message: string, problem: DocumentProblem) {
    super(message);
    this.details = { reason: 'load-failed', params: { ...problem.params, problem: problem.code } };
  }
}

function swapInput<I extends AlignInput | PackedInput>(input: I): I {
  const texts = { en: input.texts.ru, ru: input.texts.en };
  if (input.kind === 'pair') return { ...input, texts, ...(input.headings ? { headings: { en: input.headings.ru, ru: input.headings.en } } : {}) };
  return { ...input, texts, rows: input.rows.map((r) => ({ en: r.ru, ru: r.en })) };
}

/** Lower-case ASCII words joined by dashes, cut at a word boundary within 40 characters. */
export function slugOf(text: string): string {
  const full = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (full.length <= 40) return full;
  const cut = full.slice(0, 41);
  const dash = cut.lastIndexOf('-');
  return (dash > 0 ? cut.slice(0, dash) : cut.slice(0, 40)).replace(/-+$/, '');
}

/** The structure of each side, the languages swapped. */
function swapStructure(structure: NonNullable<PreparedImport['structure']>): NonNullable<PreparedImport['structure']> {
  return { ...(structure.ru ? { en: structure.ru } : {}), ...(structure.en ? { ru: structure.en } : {}) };
}
