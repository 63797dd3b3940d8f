/**
 * The library behind the IPC handlers: listing, renaming and removing documents, correcting their
 * alignment and exporting the bitext; imports are run by `ImportJobs` (`import-jobs.ts`), which this
 * service hands them to. No Electron: files chosen in a dialog, saving an export and pushing
 * progress to the window are injected.
 */
import type {
  AlignmentOperation,
  DocumentDetails,
  BitextExportFormat,
  DocumentView,
  ImportCheck,
  ImportChoice,
  ImportJobStatus,
  ImportLimits,
  LibraryEntry,
  LocalizedText,
  NotePlacement,
  RemoveDocumentResult,
  ReviewKind,
  ReviewRow,
  UiLanguage,
} from '../../contract/ipc';
import type { SaveExport, SaveExportResult } from '../annotations/service';
import type { DocumentLibrary } from '../documents/library';
import { AppError } from '../errors';
import { EXPORT_EXTENSIONS, exportBitext } from '../export/bitext';
import { rowTimes } from '../import/subtitles';
import type { AlignRunner } from '../import/align-runner';
import { clip } from '../import/names';
import type { FileInput } from '../import/file-input';
import { toDocx } from '../export/docx';
import type { RowNote } from '../export/notes';
import { printHtml } from '../export/print';
import type { CorrectionsStore } from './corrections-store';
import { problemOf } from './problems';
import { type ChooseImportFiles, ImportJobs } from './import-jobs';
import type { ImportedManifest, UserDocuments } from './user-documents';

export { MAX_PENDING, PENDING_TTL_MS, slugOf, type ChooseImportFiles } from './import-jobs';

/** What the annotations side offers the library (counts for the list, and an explicit purge). */
export interface AnnotationCounts {
  count(documentId: string): Promise<number>;
  purge(documentId: string): Promise<number>;
}

export interface LibraryServiceOptions {
  documents: DocumentLibrary;
  userDocuments: UserDocuments;
  corrections: CorrectionsStore;
  annotations: AnnotationCounts;
  saveExport: SaveExport;
  /** Where preparing and aligning run (`ImportJobsOptions.runner`). */
  runner: AlignRunner;
  /** An open dialog (Electron); without it `choose` answers `cancelled`. */
  chooseFiles?: ChooseImportFiles;
  onProgress?: (status: ImportJobStatus) => void;
  /** Limits below `IMPORT_LIMITS` (tests). */
  limits?: Partial<ImportLimits>;
  appVersion?: string;
  now?: () => Date;
  /** The reader's notes of a document, for DOCX footnotes and the print (none without it). */
  notes?: (documentId: string) => Promise<RowNote[]>;
}

export class LibraryService {
  readonly imports: ImportJobs;
  private readonly now: () => Date;

  constructor(private readonly options: LibraryServiceOptions) {
    this.now = options.now ?? (() => new Date());
    this.imports = new ImportJobs({
      documents: options.documents,
      userDocuments: options.userDocuments,
      runner: options.runner,
      ...(options.chooseFiles ? { chooseFiles: options.chooseFiles } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.limits ? { limits: options.limits } : {}),
      now: this.now,
    });
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
          problemCode: listing.problemCode,
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
          ? {
              imported: { originalNames: manifest.imported.originalNames, encodings: manifest.imported.encodings, format: manifest.imported.format },
              details: manifest.details ?? {},
            }
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
        problemCode: problemOf(error),
      };
    }
  }

  // ---- import (see `import-jobs.ts`) ----

  prepare(files: readonly FileInput[]): Promise<ImportCheck> {
    return this.imports.prepare(files);
  }

  choose(mode: 'pair' | 'bilingual'): Promise<ImportChoice> {
    return this.imports.choose(mode);
  }

  discard(pendingId: string): boolean {
    return this.imports.discard(pendingId);
  }

  start(request: { pendingId: string; title?: LocalizedText; swap?: boolean; details?: DocumentDetails }): ImportJobStatus {
    return this.imports.start(request);
  }

  status(jobId: string): ImportJobStatus {
    return this.imports.status(jobId);
  }

  cancel(jobId: string): ImportJobStatus {
    return this.imports.cancel(jobId);
  }

  /** Resolves when the job has finished (tests). */
  settled(jobId: string): Promise<ImportJobStatus> {
    return this.imports.settled(jobId);
  }

  // ---- rename, remove ----

  async rename(id: string, title: LocalizedText): Promise<LibraryEntry> {
    await this.requireImported(id, 'renamed');
    const manifest = await this.options.userDocuments.rename(id, { en: clip(title.en.trim()), ru: clip(title.ru.trim()) });
    this.options.documents.invalidate(id, { base: true });
    return this.entry(id, manifest);
  }

  /** An imported document's title and details, replaced whole (blank details are left out by the schema). */
  async setDetails(id: string, title: LocalizedText, details: DocumentDetails): Promise<LibraryEntry> {
    await this.requireImported(id, 'edited');
    const manifest = await this.options.userDocuments.setDetails(id, { en: clip(title.en.trim()), ru: clip(title.ru.trim()) }, details);
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

  async exportBitext(documentId: string, format: BitextExportFormat, notes: NotePlacement = 'omit'): Promise<SaveExportResult> {
    const view = await this.options.documents.open(documentId);
    // Subtitles: each row's times, from the cues its clauses came from.
    const structure = view.alignment?.bundled ? undefined : await this.options.userDocuments.manifest(documentId).then((m) => m.imported.structure, () => undefined);
    const cues = { ...(structure?.en?.cues ? { en: structure.en.cues } : {}), ...(structure?.ru?.cues ? { ru: structure.ru.cues } : {}) };
    const times = cues.en || cues.ru ? rowTimes(view.body, cues) : undefined;
    const meta = { id: documentId, title: view.manifest.title, appVersion: this.options.appVersion ?? '0' };
    const content =
      format === 'docx'
        ? await toDocx(view.body, meta, { placement: notes, notes: notes === 'footnotes' ? await this.notesOf(documentId) : [], ...(view.footnotes ? { footnotes: view.footnotes } : {}) })
        : exportBitext(format, view.body, { ...meta, ...(times ? { times } : {}) }, this.now());
    return this.options.saveExport(`${documentId}${EXPORT_EXTENSIONS[format]}`, content);
  }

  /** The print page of a document side by side (`core/export/print.ts`). */
  async printPage(documentId: string, notes: NotePlacement, uiLanguage: UiLanguage, numbers?: boolean): Promise<{ html: string; suggestedName: string }> {
    const view = await this.options.documents.open(documentId);
    const html = printHtml(view.body, { id: documentId, title: view.manifest.title }, {
      placement: notes,
      notes: notes === 'footnotes' ? await this.notesOf(documentId) : [],
      uiLanguage,
      ...(numbers === undefined ? {} : { numbers }),
      ...(view.footnotes ? { footnotes: view.footnotes } : {}),
    });
    return { html, suggestedName: `${documentId}.pdf` };
  }

  private async notesOf(documentId: string): Promise<RowNote[]> {
    return this.options.notes ? this.options.notes(documentId) : [];
  }
}
