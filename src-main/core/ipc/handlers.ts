/**
 * The handler table: one handler per contract entry, typed by the contract. The Electron adapter
 * and the loopback harness both dispatch through `dispatch`, so the renderer meets the same
 * validation and the same services whichever transport carries its requests.
 */
import {
  type MethodName,
  type RequestOf,
  type ResponseOf,
  type Result,
  type UiLanguage,
  contract,
  METHOD_NAMES,
  requestSchemas,
} from '../../contract/ipc';
import type { z } from 'zod';
import type { AnnotationService } from '../annotations/service';
import type { DictionaryStore } from '../dictionary/store';
import type { DocumentLibrary, DocumentSource } from '../documents/library';
import { AppError, DetailedError } from '../errors';
import type { CompareService } from '../compare-store/service';
import { ImportError } from '../import/errors';
import type { Printer } from '../export/print';
import type { LibraryService } from '../library/service';
import type { SettingsStore } from '../settings/settings-store';
import { documentHead, openFirstDocument } from '../startup/first-paint';

export type Handlers = { [M in MethodName]: (request: RequestOf<M>) => Promise<ResponseOf<M>> };

export interface Services {
  library: DocumentLibrary;
  settings: SettingsStore;
  annotations: AnnotationService;
  /** Imports, corrections and bitext exports (optional so that older tests can build the table). */
  bitext?: LibraryService;
  /** Glossaries, checks, links and the concordance (optional like `bitext`). */
  compare?: CompareService;
  /** The reader's dictionaries (optional so that older tests can build the table). */
  dictionaries?: DictionaryStore;
  /** An open dialog for `dictionaries:choose` (Electron only). */
  chooseDictionaryFiles?: () => Promise<string[] | undefined>;
  /** Prints and makes PDFs (Electron: a hidden window; none in the harness). */
  printer?: Printer;
  /** Saves a PDF (the same save dialog as the exports). */
  savePdf?: (suggestedName: string, content: Uint8Array) => Promise<{ saved: boolean; path?: string }>;
  /** Told when the UI language changes (the Electron menu is rebuilt in it). */
  onUiLanguageChanged?: (language: UiLanguage) => void;
}

export function createHandlers(services: Services): Handlers {
  return {
    listDocuments: () => services.library.list(),
    openDocument: ({ id }) => services.library.open(id),
    getSettings: async () => services.settings.view(),
    openFirstDocument: async () => {
      const first = await openFirstDocument(services);
      if (!first) return null;
      const position = services.settings.readingPosition(first.id);
      const head = documentHead(first, position);
      return position ? { ...head, position } : head;
    },
    setReaderPrefs: (prefs) => services.settings.setReaderPrefs(prefs),
    getReadingPosition: async ({ documentId }) => ({ rowId: services.settings.readingPosition(documentId) }),
    setReadingPosition: async ({ documentId, rowId }) => {
      // Only a row of a document the library has (the schema checked the id's shape).
      if (!rowIdsOf(await services.library.source(documentId)).has(rowId)) {
        throw new AppError('not-found', `No row ${rowId} in document "${documentId}"`);
      }
      await services.settings.setReadingPosition(documentId, rowId);
      return { rowId };
    },
    listBookmarks: async ({ documentId }) => ({ rowIds: services.settings.bookmarks(documentId) }),
    setBookmarks: async ({ documentId, rowIds }) => {
      // Only rows of a document the library has.
      const known = rowIdsOf(await services.library.source(documentId));
      const unknown = rowIds.find((id) => !known.has(id));
      if (unknown) throw new AppError('not-found', `No row ${unknown} in document "${documentId}"`);
      return { rowIds: await services.settings.setBookmarks(documentId, rowIds) };
    },
    setUiLanguage: async ({ uiLanguage }) => {
      const view = await services.settings.setUiLanguage(uiLanguage);
      services.onUiLanguageChanged?.(view.uiLanguage);
      return view;
    },
    listAnnotations: ({ documentId }) => services.annotations.list(documentId),
    createAnnotation: (request) => services.annotations.create(request),
    updateAnnotation: (request) => services.annotations.update(request),
    deleteAnnotation: ({ documentId, id }) => services.annotations.delete(documentId, id),
    restoreAnnotation: ({ documentId, id }) => services.annotations.restore(documentId, id),
    exportAnnotations: ({ documentId, format }) => services.annotations.export(documentId, format),
    importAnnotations: ({ documentId, content }) => services.annotations.import(documentId, content),
    listLibrary: () => bitext().list(),
    // Bytes go to the import worker as they came; base64 is decoded there, not here.
    prepareImport: ({ files }) => bitext().prepare(files.map((file) => ('bytes' in file ? file : { name: file.name, base64: file.data }))),
    chooseImport: ({ mode }) => bitext().choose(mode),
    discardImport: async ({ pendingId }) => ({ discarded: bitext().discard(pendingId) }),
    startImport: async (request) => bitext().start(request),
    importStatus: async ({ jobId }) => bitext().status(jobId),
    cancelImport: async ({ jobId }) => bitext().cancel(jobId),
    renameDocument: ({ id, title }) => bitext().rename(id, title),
    setDocumentDetails: ({ id, title, details }) => bitext().setDetails(id, title, details),
    removeDocument: ({ id }) => bitext().remove(id),
    purgeAnnotations: ({ id }) => bitext().purgeAnnotations(id),
    applyAlignment: ({ documentId, operation }) => bitext().applyAlignment(documentId, operation),
    undoAlignment: ({ documentId }) => bitext().undoAlignment(documentId),
    redoAlignment: ({ documentId }) => bitext().redoAlignment(documentId),
    reviewAlignment: ({ documentId, kind, limit }) => bitext().review(documentId, kind, limit),
    exportBitext: ({ documentId, format, notes }) => bitext().exportBitext(documentId, format, notes),
    printToPdf: async ({ documentId, notes, numbers }) => {
      const page = await bitext().printPage(documentId, notes ?? 'omit', services.settings.view().uiLanguage, numbers);
      if (!services.printer || !services.savePdf) throw new AppError('unavailable', 'Printing and PDF need the app (this window cannot print)');
      return services.savePdf(page.suggestedName, await services.printer.toPdf(page.html));
    },
    printDocument: async ({ documentId, notes, numbers }) => {
      const page = await bitext().printPage(documentId, notes ?? 'omit', services.settings.view().uiLanguage, numbers);
      if (!services.printer) throw new AppError('unavailable', 'Printing needs the app (this window cannot print)');
      return { printed: await services.printer.print(page.html) };
    },
    listDictionaries: () => dictionaries().list(),
    addDictionary: ({ files }) =>
      dictionaries().add(files.map((file) => ({ name: file.name, bytes: new Uint8Array(Buffer.from(file.data, 'base64')) }))),
    chooseDictionary: async () => {
      const paths = services.chooseDictionaryFiles ? await services.chooseDictionaryFiles() : undefined;
      if (!paths || paths.length === 0) return { cancelled: true };
      return { cancelled: false, dictionary: await dictionaries().addPaths(paths) };
    },
    cancelAddDictionary: async () => dictionaries().cancelAdd(),
    removeDictionary: ({ id }) => dictionaries().remove(id),
    lookupWord: ({ word, lang }) => dictionaries().lookup(word, lang),
    listGlossary: ({ documentId }) => compare().glossary(documentId),
    addGlossaryTerm: ({ documentId, scope, entry }) => compare().addTerm(scope, documentId, entry),
    updateGlossaryTerm: ({ documentId, scope, id, entry }) => compare().updateTerm(scope, documentId, id, entry),
    deleteGlossaryTerm: ({ documentId, scope, id }) => compare().deleteTerm(scope, documentId, id),
    importGlossary: ({ documentId, scope, name, content }) => compare().importGlossary(scope, documentId, name, content),
    exportGlossary: ({ documentId, scope, format }) => compare().exportGlossary(scope, documentId, format),
    compareFindings: ({ documentId }) => compare().findings(documentId),
    compareLinks: ({ documentId, rowIds }) => compare().links(documentId, rowIds),
    dismissFinding: ({ documentId, findingId, dismissed }) => compare().dismiss(documentId, findingId, dismissed),
    exportFindings: ({ documentId, format }) => compare().exportFindings(documentId, format),
    concordance: ({ documentId, query, lang }) => compare().concordance(documentId, query, lang),
  };

  function compare(): CompareService {
    if (!services.compare) throw new AppError('internal', 'The comparison tools are not available');
    return services.compare;
  }

  function dictionaries(): DictionaryStore {
    if (!services.dictionaries) throw new AppError('unavailable', 'Dictionaries are not available');
    return services.dictionaries;
  }

  function bitext(): LibraryService {
    if (!services.bitext) throw new AppError('internal', 'The library is not available');
    return services.bitext;
  }
}

const rowIdCache = new WeakMap<DocumentSource, ReadonlySet<string>>();

/** The row ids of an opened document (a new source after every change, so the cache stays right). */
function rowIdsOf(source: DocumentSource): ReadonlySet<string> {
  let ids = rowIdCache.get(source);
  if (!ids) {
    ids = new Set(source.view.body.groups.flatMap((group) => group.rows.map((row) => row.id)));
    rowIdCache.set(source, ids);
  }
  return ids;
}

const methodByChannel = new Map<string, MethodName>(METHOD_NAMES.map((name) => [contract[name].channel, name]));

/**
 * Runs one request: the channel must be known and the payload must parse with its schema; every
 * failure comes back as a value.
 */
export async function dispatch(handlers: Handlers, channel: string, payload: unknown): Promise<Result<unknown>> {
  const name = methodByChannel.get(channel);
  if (!name) return { ok: false, code: 'unknown-channel', message: `Unknown channel: ${String(channel).slice(0, 64)}` };
  const schema: { safeParse: (value: unknown) => z.ZodSafeParseResult<unknown> } = requestSchemas[name];
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    return { ok: false, code: 'bad-request', message: `Invalid request for ${channel}${where}: ${issue?.message ?? ''}` };
  }
  try {
    const handler = handlers[name] as (request: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof ImportError) return { ok: false, code: error.code, message: error.message, details: error.details };
    if (error instanceof DetailedError) return { ok: false, code: error.code, message: error.message, details: error.details };
    if (error instanceof AppError) return { ok: false, code: error.code, message: error.message };
    // A file the system would not read or write (a read-only disk, a full one, permissions).
    if (isSystemError(error)) return { ok: false, code: 'io-error', message: error.message };
    return { ok: false, code: 'internal', message: error instanceof Error ? error.message : 'Internal error' };
  }
}

function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}

