/**
 * Every channel (`domain:verb`) with its response type, the events main pushes, and the API the
 * preload exposes. Request types come from the zod schemas in `requests.ts` (type-only here, so
 * the preload carries no validation code); main parses every payload with them.
 */
import type { z } from 'zod';
import type { ActionId } from './actions';
import { compareContract } from './compare-channels';
import type { AnnotationList, AnnotationView, ExportAnnotationsResult, ImportReport } from './annotations';
import type { DictionaryChoice, DictionaryInfo, LookupResult } from './dictionaries';
import type { DocumentSummary, DocumentView, FirstDocument } from './document';
import type { ErrorCode, ErrorDetails } from './enums';
import type { ImportCheck, ImportChoice, ImportJobStatus, LibraryEntry, RemoveDocumentResult, ReviewRow } from './library';
import type { RequestSchemas } from './requests';
import type { Bookmarks, ReadingPosition, SettingsView } from './settings';

export type Result<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; message: string; details?: ErrorDetails };

/** Phantom marker for a type carried by the table (nothing is validated on the way back). */
const type = <T>() => undefined as unknown as T;

export const contract = {
  listDocuments: {
    channel: 'documents:list',
    response: type<DocumentSummary[]>(),
  },
  openDocument: {
    channel: 'documents:open',
    response: type<DocumentView>(),
  },
  getSettings: {
    channel: 'settings:get',
    response: type<SettingsView>(),
  },
  /**
   * The document the app opens at start (the one read last, else the first bundled one, else the
   * first in the library; `null` when the library is empty), opened. The preload asks for it
   * before the renderer's bundle has loaded (see `EARLY_METHODS`).
   */
  openFirstDocument: {
    channel: 'documents:open-first',
    response: type<FirstDocument | null>(),
  },
  setUiLanguage: {
    channel: 'settings:set-ui-language',
    response: type<SettingsView>(),
  },
  setReaderPrefs: {
    channel: 'settings:set-reader-prefs',
    response: type<SettingsView>(),
  },
  getReadingPosition: {
    channel: 'positions:get',
    response: type<ReadingPosition>(),
  },
  setReadingPosition: {
    channel: 'positions:set',
    response: type<ReadingPosition>(),
  },
  /** The rows the reader bookmarked in a document, in the order they were added. */
  listBookmarks: {
    channel: 'bookmarks:list',
    response: type<Bookmarks>(),
  },
  /** Replaces a document's bookmarks (at most 1,000; duplicates dropped). */
  setBookmarks: {
    channel: 'bookmarks:set',
    response: type<Bookmarks>(),
  },
  /** Every annotation of a document, each placed in the current text (or an orphan). */
  listAnnotations: {
    channel: 'annotations:list',
    response: type<AnnotationList>(),
  },
  /** Resolves once the annotation is saved durably. */
  createAnnotation: {
    channel: 'annotations:create',
    response: type<AnnotationView>(),
  },
  updateAnnotation: {
    channel: 'annotations:update',
    response: type<AnnotationView>(),
  },
  /** Returns what was deleted; `restoreAnnotation` with its id undoes it. */
  deleteAnnotation: {
    channel: 'annotations:delete',
    response: type<AnnotationView>(),
  },
  restoreAnnotation: {
    channel: 'annotations:restore',
    response: type<AnnotationView>(),
  },
  /** Markdown (to read; Obsidian, Joplin) or W3C Web Annotation JSON-LD, through a save dialog. */
  exportAnnotations: {
    channel: 'annotations:export',
    response: type<ExportAnnotationsResult>(),
  },
  /** W3C Web Annotation JSON-LD (at most 5,000,000 characters), merged by id: newer `modified` wins. */
  importAnnotations: {
    channel: 'annotations:import',
    response: type<ImportReport>(),
  },
  /** Every document: the bundled ones (read-only texts) and the reader's imports. */
  listLibrary: {
    channel: 'library:list',
    response: type<LibraryEntry[]>(),
  },
  /**
   * Decodes and checks files the renderer read (drag and drop): two monolingual files (English,
   * then Russian: .txt .md .html .htm .docx) or one bilingual file (.tmx, .tsv). Nothing is
   * written yet; the answer says what was found and whether the languages look right.
   */
  prepareImport: {
    channel: 'import:prepare',
    response: type<ImportCheck>(),
  },
  /** The same through an open dialog in main (Electron only; the harness answers `cancelled`). */
  chooseImport: {
    channel: 'import:choose',
    response: type<ImportChoice>(),
  },
  /** Drops a prepared import. */
  discardImport: {
    channel: 'import:discard',
    response: type<{ discarded: boolean }>(),
  },
  /**
   * Starts importing a prepared pair: segmentation and alignment run in a worker thread; follow
   * with `import:status` (polling) or the `onImportProgress` event. Nothing appears in the library
   * until the document is complete.
   */
  startImport: {
    channel: 'library:import',
    response: type<ImportJobStatus>(),
  },
  importStatus: {
    channel: 'import:status',
    response: type<ImportJobStatus>(),
  },
  /** Stops the worker; nothing of the document is left behind. */
  cancelImport: {
    channel: 'import:cancel',
    response: type<ImportJobStatus>(),
  },
  renameDocument: {
    channel: 'library:rename',
    response: type<LibraryEntry>(),
  },
  /** An imported document's title and details (author, date of the text, source, translator), replaced whole. */
  setDocumentDetails: {
    channel: 'library:set-details',
    response: type<LibraryEntry>(),
  },
  /** Removes an imported document (the UI confirms first). Its annotations are kept. */
  removeDocument: {
    channel: 'library:remove',
    response: type<RemoveDocumentResult>(),
  },
  /** Deletes every annotation of a document (a removed one, typically). */
  purgeAnnotations: {
    channel: 'library:purge-annotations',
    response: type<{ purged: number }>(),
  },
  /** Applies one correction; answers the corrected document. */
  applyAlignment: {
    channel: 'alignment:apply',
    response: type<DocumentView>(),
  },
  undoAlignment: {
    channel: 'alignment:undo',
    response: type<DocumentView>(),
  },
  redoAlignment: {
    channel: 'alignment:redo',
    response: type<DocumentView>(),
  },
  /** Rows worth a look: unconfirmed, not one-to-one, or the least confident first. */
  reviewAlignment: {
    channel: 'alignment:review',
    response: type<ReviewRow[]>(),
  },
  /**
   * TMX 1.4b, TSV, vecalign beads, a Markdown table or a two-column DOCX table (notes as footnotes
   * or left out) of the corrected rows, through a save dialog.
   */
  exportBitext: {
    channel: 'alignment:export',
    response: type<ExportAnnotationsResult>(),
  },
  /** The document side by side as a PDF (Electron's `printToPDF`), through a save dialog. */
  printToPdf: {
    channel: 'print:pdf',
    response: type<ExportAnnotationsResult>(),
  },
  /** The system print dialog for the document side by side; `printed: false` when cancelled. */
  printDocument: {
    channel: 'print:print',
    response: type<{ printed: boolean }>(),
  },
  /** The dictionaries the reader added (one that no longer reads has `problem`). */
  listDictionaries: {
    channel: 'dictionaries:list',
    response: type<DictionaryInfo[]>(),
  },
  /**
   * Checks, indexes and keeps a dictionary sent as files (drag and drop): StarDict `.ifo` + `.idx`
   * + `.dict[.dz]` (+ `.syn`) or dictd `.index` + `.dict[.dz]`. A broken one is refused with
   * `dictionary-broken` or `dictionary-incomplete`, and nothing is kept.
   */
  addDictionary: {
    channel: 'dictionaries:add',
    response: type<DictionaryInfo>(),
  },
  /** The same through an open dialog in main (Electron only; the harness answers `cancelled`). */
  chooseDictionary: {
    channel: 'dictionaries:choose',
    response: type<DictionaryChoice>(),
  },
  /** Stops the dictionary being indexed by `dictionaries:add` (which then fails with `cancelled`). */
  cancelAddDictionary: {
    channel: 'dictionaries:cancel-add',
    response: type<{ cancelled: boolean }>(),
  },
  removeDictionary: {
    channel: 'dictionaries:remove',
    response: type<{ id: string }>(),
  },
  /** A word in every dictionary: itself, then its base forms, then its stem. */
  lookupWord: {
    channel: 'dictionaries:lookup',
    response: type<LookupResult>(),
  },
  ...compareContract,
} as const;

type Contract = typeof contract;
export type MethodName = keyof Contract;
export type Channel = Contract[MethodName]['channel'];
/** What the renderer sends and what a handler receives: inferred from the request's zod schema. */
export type RequestOf<M extends MethodName> = z.infer<RequestSchemas[M]>;
export type ResponseOf<M extends MethodName> = Contract[M]['response'];

/** Messages main sends to the renderer (no request; the renderer subscribes). */
export const events = {
  onUiLanguageChanged: { channel: 'settings:ui-language-changed', payload: type<SettingsView>() },
  /** The application menu asks the renderer to run one of its actions (see `actions.ts`). */
  onMenuAction: { channel: 'app:menu-action', payload: type<ActionId>() },
  /** An import job moved on (Electron only; the harness cannot push: poll `importStatus`). */
  onImportProgress: { channel: 'import:progress', payload: type<ImportJobStatus>() },
} as const;
type Events = typeof events;
type EventName = keyof Events;
export type EventChannel = Events[EventName]['channel'];
/** What main sends on an event channel. */
export type EventPayload<C extends EventChannel> = Extract<Events[EventName], { channel: C }>['payload'];

/** The API the preload exposes as `window.bitext`: one named function per contract entry. */
export type BitextApi = {
  [M in MethodName]: RequestOf<M> extends undefined
    ? () => Promise<Result<ResponseOf<M>>>
    : (request: RequestOf<M>) => Promise<Result<ResponseOf<M>>>;
} & {
  /** Subscriptions return their unsubscribe function. */
  [E in EventName]: (listener: (payload: Events[E]['payload']) => void) => () => void;
};

/** Sends one request over some transport (Electron IPC, or the harness's loopback HTTP). */
export type Invoke = (channel: Channel, payload: unknown) => Promise<unknown>;
/** Listens to one event channel; returns the unsubscribe function. */
export type Subscribe = (channel: EventChannel, listener: (payload: unknown) => void) => () => void;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];
const EVENT_NAMES = Object.keys(events) as EventName[];

/**
 * What the renderer needs for its first paint: the preload (and the harness bridge) asks for it
 * as soon as it runs, while the page's bundle is still loading.
 */
export const EARLY_METHODS = ['getSettings', 'openFirstDocument'] as const satisfies readonly MethodName[];
type EarlyMethod = (typeof EARLY_METHODS)[number];

/**
 * Builds the named-function API over a transport. Used by the preload and the harness bridge.
 * `early` methods (taking no request) are invoked at once; the first call gets that answer, later
 * calls ask again.
 */
export function buildApi(invoke: Invoke, subscribe: Subscribe, options: { early?: readonly EarlyMethod[] } = {}): BitextApi {
  const api: Record<string, unknown> = {};
  for (const name of METHOD_NAMES) {
    const { channel } = contract[name];
    api[name] = (request?: unknown) => invoke(channel, request);
  }
  for (const name of options.early ?? []) {
    const { channel } = contract[name];
    let early: Promise<unknown> | undefined = invoke(channel, undefined);
    // Not awaited yet: a failure is seen by the first caller, never as an unhandled rejection.
    early.catch(() => undefined);
    api[name] = (request?: unknown) => {
      const pending = request === undefined ? early : undefined;
      early = undefined;
      return pending ?? invoke(channel, request);
    };
  }
  for (const name of EVENT_NAMES) {
    const { channel } = events[name];
    api[name] = (listener: (payload: unknown) => void) => subscribe(channel, (payload) => listener(payload));
  }
  return Object.freeze(api) as BitextApi;
}
