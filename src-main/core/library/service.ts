/**
 * The library behind the IPC handlers: importing documents (prepare → start a job → poll or be
 * told of its progress → done), listing, renaming and removing them, correcting their alignment
 * and exporting the bitext. No Electron: files chosen in a dialog, saving an export and pushing
 * progress to the window are injected.
 *
 * Import, step by step:
 * 1. `prepare(files)` (bytes from the renderer) or `choose(mode)` (a dialog in main; each file's
 *    size is checked before it is read): decode, convert, check the languages. Refusals come back
 *    as `ImportError`s with a code and a message naming the file. The result is kept as a pending
 *    import (four at most, for 30 minutes) and described to the reader.
 * 2. `start({ pendingId, title, swap })`: a job segments and aligns in a worker thread, then writes
 *    the document into a hidden folder and renames it into place. `status(jobId)` and the
 *    `onProgress` callback report it; `cancel(jobId)` stops the worker and leaves nothing behind.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type {
  AlignmentOperation,
  BitextExportFormat,
  DocumentView,
  ImportCheck,
  ImportChoice,
  ImportJobStatus,
  InspectedFile,
  LibraryEntry,
  LocalizedText,
  RemoveDocumentResult,
  ReviewKind,
  ReviewRow,
  SourceFormat,
} from '../../contract/ipc';
import type { SaveExport, SaveExportResult } from '../annotations/service';
import type { DocumentLibrary } from '../documents/library';
import { AppError } from '../errors';
import { EXPORT_EXTENSIONS, exportBitext } from '../export/bitext';
import { type AlignRunner, inProcessRunner } from '../import/align-runner';
import { DEFAULT_MAX_BYTES, readFileBytes } from '../import/decode';
import { ImportError, displayName } from '../import/errors';
import { readDocument } from '../import/books';
import { type SideStructure, structureOf } from '../import/extracted';
import { rowTimes } from '../import/subtitles';
import { bilingualTexts, formatOf, readBilingual, titleFrom } from '../import/formats';
import { checkLanguages } from '../import/language';
import type { AlignInput } from '../import/pipeline';
import type { CorrectionsStore } from './corrections-store';
import { toStoredAlignment } from './stored-alignment';
import type { ImportedManifest, UserDocuments } from './user-documents';

export const MAX_PENDING = 4;
export const PENDING_TTL_MS = 30 * 60 * 1000;
const KEEP_FINISHED_JOBS = 20;

/** What the annotations side offers the library (counts for the list, and an explicit purge). */
export interface AnnotationCounts {
  count(documentId: string): Promise<number>;
  purge(documentId: string): Promise<number>;
}

export type ChooseImportFiles = (mode: 'pair' | 'bilingual') => Promise<string[] | undefined>;

export interface LibraryServiceOptions {
  documents: DocumentLibrary;
  userDocuments: UserDocuments;
  corrections: CorrectionsStore;
  annotations: AnnotationCounts;
  saveExport: SaveExport;
  /** Where alignment runs (default: in this thread). */
  runner?: AlignRunner;
  /** An open dialog (Electron); without it `choose` answers `cancelled`. */
  chooseFiles?: ChooseImportFiles;
  onProgress?: (status: ImportJobStatus) => void;
  maxFileBytes?: number;
  appVersion?: string;
  now?: () => Date;
}

interface Prepared {
  pendingId: string;
  createdAt: number;
  check: ImportCheck;
  names: string[];
  encodings: string[];
  format: SourceFormat;
  input: AlignInput;
  /** What the readers found of each side's structure (headings, contents, notes, cue times, details). */
  structure?: { en?: SideStructure; ru?: SideStructure };
}

interface Job {
  status: ImportJobStatus;
  controller: AbortController;
  finished?: number;
}

export interface FileBytes {
  name: string;
  bytes: Uint8Array;
}

export class LibraryService {
  private readonly pending = new Map<string, Prepared>();
  private readonly jobs = new Map<string, Job>();
  private readonly runner: AlignRunner;
  private readonly maxBytes: number;
  private readonly now: () => Date;

  constructor(private readonly options: LibraryServiceOptions) {
    this.runner = options.runner ?? inProcessRunner();
    this.maxBytes = options.maxFileBytes ?? DEFAULT_MAX_BYTES;
    this.now = options.now ?? (() => new Date());
  }

  // ---- the list ----

  async list(): Promise<LibraryEntry[]> {
    const entries: LibraryEntry[] = [];
    const summaries = await this.options.documents.list();
    for (const summary of summaries.filter((s) => s.bundled)) {
      entries.push(await this.entry(summary.id));
    }
    for (const listing of await this.options.userDocuments.list()) {
      if ('problem' in listing) {
        const fallback = { en: listing.id, ru: listing.id };
        entries.push({
          id: listing.id,
          title: fallback,
          shortTitle: fallback,
          date: '',
          addedAt: null,
          bundled: false,
          rows: 0,
          annotations: await this.options.annotations.count(listing.id).catch(() => 0),
          problem: listing.problem,
        });
      } else {
        entries.push(await this.entry(listing.id, listing.manifest));
      }
    }
    return entries;
  }

  private async entry(id: string, manifest?: ImportedManifest): Promise<LibraryEntry> {
    const annotations = await this.options.annotations.count(id).catch(() => 0);
    try {
      const view = await this.options.documents.open(id);
      return {
        id,
        title: view.manifest.title,
        shortTitle: view.manifest.shortTitle,
        date: view.manifest.date,
        addedAt: manifest?.imported.at ?? null,
        bundled: !manifest,
        rows: view.stats.rows,
        annotations,
        ...(manifest
          ? { imported: { originalNames: manifest.imported.originalNames, encodings: manifest.imported.encodings, format: manifest.imported.format } }
          : {}),
      };
    } catch (error) {
      const title = manifest?.title ?? { en: id, ru: id };
      return {
        id,
        title,
        shortTitle: manifest?.shortTitle ?? title,
        date: manifest?.date ?? '',
        addedAt: manifest?.imported.at ?? null,
        bundled: !manifest,
        rows: 0,
        annotations,
        problem: error instanceof Error ? error.message : String(error),
      };
    }
  }

  // ---- import ----

  /** Decodes and checks the files (see the module comment); nothing is written. */
  async prepare(files: readonly FileBytes[]): Promise<ImportCheck> {
    this.expire();
    if (files.length === 1) return this.remember(this.prepareBilingual(files[0]!));
    if (files.length === 2) return this.remember(await this.preparePair(files[0]!, files[1]!));
    throw new AppError('bad-request', 'Choose two files (English and Russian) or one bilingual file (.tmx, .tsv)');
  }

  /** Chooses files in a dialog, reads them (each size checked first), then as `prepare`. */
  async choose(mode: 'pair' | 'bilingual'): Promise<ImportChoice> {
    const paths = await this.options.chooseFiles?.(mode);
    if (!paths || paths.length === 0) return { cancelled: true };
    const expected = mode === 'pair' ? 2 : 1;
    if (paths.length !== expected) {
      throw new AppError('bad-request', mode === 'pair' ? 'Choose two files: the English text and the Russian text' : 'Choose one bilingual file');
    }
    const files: FileBytes[] = [];
    for (const path of paths) {
      formatOf(path); // refuse .pdf and the like before reading
      files.push({ name: displayName(path), bytes: await readFileBytes(path, { maxBytes: this.maxBytes }) });
    }
    return { cancelled: false, ...(await this.prepare(files)) };
  }

  discard(pendingId: string): boolean {
    return this.pending.delete(pendingId);
  }

  private async preparePair(first: FileBytes, second: FileBytes): Promise<Omit<Prepared, 'pendingId' | 'createdAt' | 'check'> & { check: Omit<ImportCheck, 'pendingId'> }> {
    if (sameBytes(first.bytes, second.bytes)) {
      throw new ImportError(
        'same-file',
        `“${displayName(first.name)}” and “${displayName(second.name)}” are the same file; choose the English text and the Russian text`,
        displayName(second.name),
      );
    }
    const en = await readDocument(first.bytes, first.name, { maxBytes: this.maxBytes });
    const ru = await readDocument(second.bytes, second.name, { maxBytes: this.maxBytes });
    if (en.text === ru.text) {
      throw new ImportError('same-file', `“${displayName(first.name)}” and “${displayName(second.name)}” hold the same text`, displayName(second.name));
    }
    const titles = { en: en.title ?? titleFrom(en.text), ru: ru.title ?? titleFrom(ru.text) };
    const firstParagraphIsTitle = titleFrom(en.text) !== undefined && titleFrom(ru.text) !== undefined;
    const inspected = (file: FileBytes, doc: typeof en): InspectedFile => ({
      name: displayName(file.name),
      format: doc.format,
      encoding: doc.encoding,
      bytes: file.bytes.length,
      characters: doc.text.length,
      paragraphs: doc.paragraphs,
      warnings: doc.warnings,
      ...(doc.metadata && Object.keys(doc.metadata).length > 0 ? { details: doc.metadata } : {}),
      ...(doc.headings && doc.headings.length > 0 ? { headings: doc.headings.length } : {}),
    });
    return {
      names: [displayName(first.name), displayName(second.name)],
      encodings: [en.encoding, ru.encoding],
      format: en.format === ru.format ? en.format : 'txt',
      input: { kind: 'pair', texts: { en: en.text, ru: ru.text }, firstParagraphIsTitle },
      ...withStructure(structureOf(en), structureOf(ru)),
      check: {
        files: [inspected(first, en), inspected(second, ru)],
        bilingual: false,
        language: checkLanguages(en.text, ru.text),
        suggestedTitle: {
          en: clip(titles.en ?? stem(first.name)),
          ru: clip(titles.ru ?? stem(second.name)),
        },
      },
    };
  }

  private prepareBilingual(file: FileBytes): Omit<Prepared, 'pendingId' | 'createdAt' | 'check'> & { check: Omit<ImportCheck, 'pendingId'> } {
    const doc = readBilingual(file.bytes, file.name, { maxBytes: this.maxBytes });
    const name = displayName(file.name);
    if (!doc.units.some((u) => u.en !== '') || !doc.units.some((u) => u.ru !== '')) {
      throw new ImportError('unsupported-format', `“${name}” needs both English and Russian text`, name);
    }
    const texts = bilingualTexts(doc.units);
    return {
      names: [name],
      encodings: [doc.encoding],
      format: doc.format,
      input: { kind: 'units', texts: { en: texts.en, ru: texts.ru }, rows: texts.rows },
      check: {
        files: [
          {
            name,
            format: doc.format,
            encoding: doc.encoding,
            bytes: file.bytes.length,
            characters: texts.en.length + texts.ru.length,
            paragraphs: doc.units.length,
            warnings: doc.warnings,
          },
        ],
        bilingual: true,
        units: doc.units.length,
        language: checkLanguages(texts.en, texts.ru),
        suggestedTitle: { en: clip(stem(name)), ru: clip(stem(name)) },
      },
    };
  }

  private remember(prepared: Omit<Prepared, 'pendingId' | 'createdAt' | 'check'> & { check: Omit<ImportCheck, 'pendingId'> }): ImportCheck {
    const pendingId = randomUUID();
    const check: ImportCheck = { pendingId, ...prepared.check };
    this.pending.set(pendingId, { ...prepared, pendingId, createdAt: Date.now(), check });
    while (this.pending.size > MAX_PENDING) this.pending.delete(this.pending.keys().next().value!);
    return check;
  }

  private expire(): void {
    const now = Date.now();
    for (const [id, p] of this.pending) if (now - p.createdAt > PENDING_TTL_MS) this.pending.delete(id);
  }

  /** Starts the import job of a prepared pair; answers its first status. */
  start(request: { pendingId: string; title?: LocalizedText; swap?: boolean }): ImportJobStatus {
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

  /** Resolves when the job has finished (tests). */
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

  private async run(job: Job, prepared: Prepared, request: { title?: LocalizedText; swap?: boolean }): Promise<void> {
    const signal = job.controller.signal;
    try {
      const swap = request.swap === true;
      const input = swap ? swapInput(prepared.input) : prepared.input;
      const names = swap && prepared.names.length === 2 ? [prepared.names[1]!, prepared.names[0]!] : prepared.names;
      const encodings = swap && prepared.encodings.length === 2 ? [prepared.encodings[1]!, prepared.encodings[0]!] : prepared.encodings;
      const suggested = swap ? { en: prepared.check.suggestedTitle.ru, ru: prepared.check.suggestedTitle.en } : prepared.check.suggestedTitle;
      const title = request.title ?? suggested;
      this.update(job, { phase: 'segmenting', progress: 0.02 });
      const body = await this.runner.run(input, (phase, progress) => this.update(job, { phase, progress }), signal);
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
        imported: {
          at: at.toISOString(),
          originalNames: names,
          encodings,
          format: prepared.format,
          ...(prepared.structure ? { structure: swap ? withStructure(prepared.structure.ru, prepared.structure.en).structure! : prepared.structure } : {}),
        },
      };
      await this.options.userDocuments.create(manifest, input.texts, toStoredAlignment(body), signal);
      this.update(job, { state: 'done', phase: 'done', progress: 1, documentId: id });
    } catch (error) {
      if (signal.aborted || (error instanceof AppError && error.code === 'cancelled')) {
        this.update(job, { state: 'cancelled', error: { code: 'cancelled', message: 'The import was cancelled' } });
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

  // ---- rename, remove ----

  async rename(id: string, title: LocalizedText): Promise<LibraryEntry> {
    await this.requireImported(id, 'renamed');
    const manifest = await this.options.userDocuments.rename(id, { en: clip(title.en.trim()), ru: clip(title.ru.trim()) });
    this.options.documents.invalidate(id, { base: true });
    return this.entry(id, manifest);
  }

  /** Removes an imported document and its corrections; its annotations stay until purged. */
  async remove(id: string): Promise<RemoveDocumentResult> {
    await this.requireImported(id, 'removed');
    await this.options.userDocuments.remove(id);
    this.options.documents.invalidate(id, { base: true });
    await this.options.corrections.remove(id);
    return { id, annotationsKept: await this.options.annotations.count(id).catch(() => 0) };
  }

  async purgeAnnotations(id: string): Promise<{ purged: number }> {
    return { purged: await this.options.annotations.purge(id) };
  }

  private async requireImported(id: string, verb: string): Promise<void> {
    if (await this.options.documents.isBundled(id)) throw new AppError('forbidden', `A bundled document cannot be ${verb}`);
    if (!(await this.options.userDocuments.has(id))) throw new AppError('not-found', `No imported document "${id}"`);
  }

  // ---- corrections ----

  async applyAlignment(documentId: string, operation: AlignmentOperation): Promise<DocumentView> {
    const base = await this.options.documents.base(documentId);
    await this.options.corrections.apply(documentId, base.body, operation);
    return this.reopen(documentId);
  }

  async undoAlignment(documentId: string): Promise<DocumentView> {
    const base = await this.options.documents.base(documentId);
    await this.options.corrections.undo(documentId, base.body);
    return this.reopen(documentId);
  }

  async redoAlignment(documentId: string): Promise<DocumentView> {
    const base = await this.options.documents.base(documentId);
    await this.options.corrections.redo(documentId, base.body);
    return this.reopen(documentId);
  }

  async review(documentId: string, kind: ReviewKind, limit?: number): Promise<ReviewRow[]> {
    const base = await this.options.documents.base(documentId);
    return this.options.corrections.review(documentId, base.body, kind, limit);
  }

  private reopen(documentId: string): Promise<DocumentView> {
    this.options.documents.invalidate(documentId);
    return this.options.documents.open(documentId);
  }

  // ---- export ----

  async exportBitext(documentId: string, format: BitextExportFormat): Promise<SaveExportResult> {
    const view = await this.options.documents.open(documentId);
    // Subtitles: each row's times, from the cues its clauses came from.
    const structure = view.alignment?.bundled ? undefined : await this.options.userDocuments.manifest(documentId).then((m) => m.imported.structure, () => undefined);
    const cues = { ...(structure?.en?.cues ? { en: structure.en.cues } : {}), ...(structure?.ru?.cues ? { ru: structure.ru.cues } : {}) };
    const times = cues.en || cues.ru ? rowTimes(view.body, cues) : undefined;
    const content = exportBitext(
      format,
      view.body,
      { id: documentId, title: view.manifest.title, appVersion: this.options.appVersion ?? '0', ...(times ? { times } : {}) },
      this.now(),
    );
    return this.options.saveExport(`${documentId}${EXPORT_EXTENSIONS[format]}`, content);
  }
}

function withStructure(en: SideStructure | undefined, ru: SideStructure | undefined): { structure?: { en?: SideStructure; ru?: SideStructure } } {
  if (!en && !ru) return {};
  return { structure: { ...(en ? { en } : {}), ...(ru ? { ru } : {}) } };
}

function swapInput(input: AlignInput): AlignInput {
  const texts = { en: input.texts.ru, ru: input.texts.en };
  if (input.kind === 'pair') return { ...input, texts };
  return { kind: 'units', texts, rows: input.rows.map((r) => ({ en: r.ru, ru: r.en })) };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  return Buffer.from(a.buffer, a.byteOffset, a.length).equals(Buffer.from(b.buffer, b.byteOffset, b.length));
}

const stem = (name: string) => displayName(name).replace(/\.[^.]+$/, '') || name;
const clip = (text: string) => (text.length > 300 ? `${text.slice(0, 299)}…` : text) || '—';

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

