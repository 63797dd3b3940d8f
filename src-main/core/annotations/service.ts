/**
 * The annotations service behind the IPC handlers: the store (what is on disk), anchoring (where
 * each annotation sits in the current text) and export/import, over the document library.
 * No Electron: saving an export goes through an injected `saveExport`.
 */
import { randomUUID } from 'node:crypto';
import type { CreateAnnotationRequest, UpdateAnnotationRequest } from '../../contract/ipc';
import type { DocumentSource } from '../documents/library';
import { AppError, DetailedError } from '../errors';
import type { Lang } from '../model';
import { AnchorCache } from './anchor-cache';
import { type AnchoringDocument, buildAnchoringDocument, rowTargetFromRow, textTargetFromRange } from './anchoring';
import { exportJsonLd, exportMarkdown, rejectionText } from './export';
import { type AnnotationImportRunner, inProcessImportRunner } from './import-run';
import {
  type Annotation,
  type AnnotationList,
  type AnnotationSelection,
  type AnnotationTarget,
  type AnnotationView,
  type ExportFormat,
  type ImportReport,
  normaliseTags,
} from './model';
import { LIMITS } from './schema';
import type { AnnotationStore } from './store';

export interface SaveExportResult {
  /** `false` when the reader cancelled the save dialog. */
  saved: boolean;
  path?: string;
}

/** Saves an exported file: a save dialog in the app, a fixed folder in the harness. */
export type SaveExport = (suggestedName: string, content: string | Uint8Array) => Promise<SaveExportResult>;

export interface DocumentSources {
  source(documentId: string): Promise<DocumentSource>;
}

/** The service takes the requests exactly as the contract defines them. */
export type CreateAnnotation = CreateAnnotationRequest;
export type UpdateAnnotation = UpdateAnnotationRequest;

export class AnnotationService {
  private readonly anchoring = new WeakMap<DocumentSource, AnchoringDocument>();
  /** Anchors kept per text version (public for tests and the benchmark to read its counts). */
  readonly anchors = new AnchorCache();

  constructor(
    private readonly store: AnnotationStore,
    private readonly documents: DocumentSources,
    private readonly saveExport: SaveExport,
    private readonly clock: { now: () => Date; uuid: () => string } = { now: () => new Date(), uuid: randomUUID },
    /** Where an import is parsed and placed (the app: a worker thread; default: this thread). */
    private readonly importRunner: AnnotationImportRunner = inProcessImportRunner(),
  ) {}

  async list(documentId: string): Promise<AnnotationList> {
    const doc = await this.document(documentId);
    const { annotations, problem } = await this.store.list(documentId);
    const anchors = await this.anchors.anchors(documentId, doc, annotations);
    return { annotations: annotations.map((a, i) => ({ ...a, anchor: anchors[i] as AnnotationView['anchor'] })), ...(problem ? { problem } : {}) };
  }

  async create(request: CreateAnnotation): Promise<AnnotationView> {
    const doc = await this.document(request.documentId);
    const now = this.clock.now().toISOString();
    const annotation: Annotation = {
      id: this.clock.uuid(),
      documentId: request.documentId,
      createdAt: now,
      updatedAt: now,
      kind: request.kind,
      color: request.color,
      note: request.note ?? '',
      tags: normaliseTags(request.tags ?? []),
      target: this.targetFor(doc, request.selection),
    };
    return this.view(doc, await this.store.create(annotation));
  }

  async update(request: UpdateAnnotation): Promise<AnnotationView> {
    const doc = await this.document(request.documentId);
    const target = request.selection ? this.targetFor(doc, request.selection) : undefined;
    const updated = await this.store.update(request.documentId, request.id, (current) => ({
      ...current,
      updatedAt: later(this.clock.now().toISOString(), current.updatedAt),
      ...(request.kind !== undefined ? { kind: request.kind } : {}),
      ...(request.color !== undefined ? { color: request.color } : {}),
      ...(request.note !== undefined ? { note: request.note } : {}),
      ...(request.tags !== undefined ? { tags: normaliseTags(request.tags) } : {}),
      ...(target ? { target } : {}),
    }));
    return this.view(doc, updated);
  }

  async delete(documentId: string, id: string): Promise<AnnotationView> {
    const doc = await this.document(documentId);
    return this.view(doc, await this.store.delete(documentId, id));
  }

  async restore(documentId: string, id: string): Promise<AnnotationView> {
    const doc = await this.document(documentId);
    return this.view(doc, await this.store.restore(documentId, id));
  }

  async export(documentId: string, format: ExportFormat): Promise<SaveExportResult> {
    const source = await this.documents.source(documentId);
    const doc = this.anchoringOf(source);
    const { annotations } = await this.store.list(documentId);
    const manifest = source.view.manifest;
    const meta = { id: documentId, title: manifest.title, date: manifest.date };
    const now = this.clock.now();
    if (format === 'markdown') {
      const anchors = await this.anchors.anchors(documentId, doc, annotations);
      const views = annotations.map((a, i) => ({ ...a, anchor: anchors[i] as AnnotationView['anchor'] }));
      return this.saveExport(`${documentId}-annotations.md`, exportMarkdown(meta, views, doc, now));
    }
    return this.saveExport(`${documentId}-annotations.jsonld`, exportJsonLd(meta, annotations, now));
  }

  async import(documentId: string, content: string): Promise<ImportReport> {
    const source = await this.documents.source(documentId);
    const doc = this.anchoringOf(source);
    // Parsing and placing the quotes run in the worker (in the app): a hostile file holds up nothing.
    const outcome = await this.importRunner.run(
      { documentId, content, now: this.clock.now().toISOString() },
      { doc, body: source.view.body, texts: source.texts },
    );
    if (!outcome.ok) {
      throw new DetailedError('bad-request', outcome.message, { annotationReason: outcome.reason, ...(outcome.params ? { params: outcome.params } : {}) });
    }
    // What matched nothing is an orphan at once, and each answer is kept for this text version,
    // so listing them later costs a lookup.
    this.anchors.keep(documentId, doc, outcome.annotations, outcome.anchors, outcome.finalCount);
    const counts = await this.store.merge(documentId, outcome.annotations, { checked: true });
    const first = outcome.rejected.slice(0, 10);
    return {
      ...counts,
      rejected: outcome.rejected.length,
      reasons: first.map((r) => `#${r.index + 1}: ${rejectionText(r)}`),
      rejections: first.map((r) => ({ index: r.index, code: r.code, ...(r.params ? { params: r.params } : {}) })),
      orphans: outcome.anchors.filter((a) => a.status === 'orphan').length,
    };
  }

  flush(): Promise<void> {
    return this.store.flush();
  }

  private async document(documentId: string): Promise<AnchoringDocument> {
    return this.anchoringOf(await this.documents.source(documentId));
  }

  private anchoringOf(source: DocumentSource): AnchoringDocument {
    let doc = this.anchoring.get(source);
    if (!doc) {
      doc = buildAnchoringDocument(source.view.body, source.texts);
      this.anchoring.set(source, doc);
    }
    return doc;
  }

  private targetFor(doc: AnchoringDocument, selection: AnnotationSelection): AnnotationTarget {
    if (selection.type === 'row') {
      const target = rowTargetFromRow(doc, selection.rowId);
      if (!target) throw new AppError('not-found', `No row ${selection.rowId} in this document`);
      return target;
    }
    const text = doc.sources[selection.lang as Lang].text;
    if (selection.end > text.length || selection.start >= selection.end) {
      throw new AppError('bad-request', 'The selection is outside the text');
    }
    if (selection.end - selection.start > LIMITS.quote) {
      throw new AppError('bad-request', `A selection is at most ${LIMITS.quote} characters`);
    }
    const target = textTargetFromRange(doc, selection.lang, selection);
    if (!target) throw new AppError('bad-request', 'The selection holds no text');
    return target;
  }

  private view(doc: AnchoringDocument, annotation: Annotation): AnnotationView {
    return { ...annotation, anchor: this.anchors.anchor(annotation.documentId, doc, annotation) };
  }
}

/** `now`, or just after `previous` if the clock went back: an edit always makes a newer version. */
function later(now: string, previous: string): string {
  return now > previous ? now : new Date(Date.parse(previous) + 1).toISOString();
}
