/**
 * The one IPC contract between the main process and the renderer.
 *
 * Every channel is named here (`domain:verb`) with its request and response types. Main parses
 * every payload with a zod schema that is checked against these types at compile time
 * (`src-main/core/ipc/schemas.ts`); this file itself has no runtime dependencies, so the preload
 * and the renderer stay small. The preload and the harness bridge build the same named-function
 * API from this table with `buildApi`, so a new feature adds one entry here, one schema and one
 * handler in main.
 */
import type { AlignedRow, AlignedText, Clause, Lang, ParagraphGroup, ParagraphKind } from '../core/model';
import type {
  AnnotationColor,
  AnnotationKind,
  AnnotationList,
  AnnotationSelection,
  AnnotationView,
  ExportFormat,
  ImportReport,
} from '../core/annotations/model';
import type { ActionId } from './actions';

/** The annotation model's types belong to the contract too; so does its colour palette. */
export type * from '../core/annotations/model';
export { ANNOTATION_COLORS } from '../core/annotations/model';

export type UiLanguage = 'en' | 'ru';
export const UI_LANGUAGES: readonly UiLanguage[] = ['en', 'ru'];

export interface LocalizedText {
  en: string;
  ru: string;
}

export interface DocumentSummary {
  id: string;
  title: LocalizedText;
  shortTitle: LocalizedText;
  date: string;
  bundled: boolean;
}

export interface DocumentManifestView {
  id: string;
  title: LocalizedText;
  shortTitle: LocalizedText;
  date: string;
  place: LocalizedText;
  source: LocalizedText;
  translation: LocalizedText;
  notes?: LocalizedText;
}

export interface DocumentView {
  manifest: DocumentManifestView;
  body: AlignedText;
  stats: { paragraphs: Record<Lang, number>; clauses: Record<Lang, number>; rows: number };
  /** The reader's corrections of the alignment (present for every document main opens). */
  alignment?: AlignmentState;
}

export type Theme = 'system' | 'light' | 'dark' | 'sepia';
export type Layout = 'side-by-side' | 'interleaved' | 'single';
export type LineSpacing = 'compact' | 'normal' | 'relaxed';

/** How the reader likes to read; remembered between sessions. */
export interface ReaderPrefs {
  theme: Theme;
  layout: Layout;
  /** The language shown in the one-language layout. */
  singleLang: Lang;
  /** Russian on the left, English on the right. */
  swapped: boolean;
  /** Text size in steps from the default (0), -3..+6. */
  fontStep: number;
  lineSpacing: LineSpacing;
}

export const DEFAULT_READER_PREFS: ReaderPrefs = {
  theme: 'system',
  layout: 'side-by-side',
  singleLang: 'en',
  swapped: false,
  fontStep: 0,
  lineSpacing: 'normal',
};
export const FONT_STEPS = { min: -3, max: 6 } as const;

export interface SettingsView {
  /** The language the UI shows now. */
  uiLanguage: UiLanguage;
  /** `user` once the reader chose a language; until then it follows the system. */
  uiLanguageSource: 'system' | 'user';
  reader: ReaderPrefs;
  /** The document read most recently (it reopens at start), if any. */
  lastDocumentId: string | null;
}

export interface ReadingPosition {
  /** The row at the top of the window when the reader left the document. */
  rowId: string | null;
}

export type { ActionId, AlignedRow, AlignedText, Clause, Lang, ParagraphGroup, ParagraphKind };

export interface CreateAnnotationRequest {
  documentId: string;
  /** UTF-16 offsets in the current text of one language (may span clauses), or a whole row. */
  selection: AnnotationSelection;
  kind: AnnotationKind;
  color: AnnotationColor;
  /** Plain text, at most 100,000 characters; empty by default. */
  note?: string;
  /** At most 50 tags of at most 100 characters; main trims them and drops duplicates. */
  tags?: string[];
}

/** Only the fields given change; `selection` re-attaches the annotation (an orphan, say). */
export interface UpdateAnnotationRequest {
  documentId: string;
  id: string;
  kind?: AnnotationKind;
  color?: AnnotationColor;
  note?: string;
  tags?: string[];
  selection?: AnnotationSelection;
}

export interface AnnotationRef {
  documentId: string;
  id: string;
}

export interface ExportAnnotationsResult {
  /** `false` when the reader cancelled the save dialog. */
  saved: boolean;
  path?: string;
}

/** Why a file was refused on import; each message names the file. */
export type ImportErrorCode =
  | 'empty-file'
  | 'binary-file'
  /** Not valid text in any encoding the app reads (or broken UTF-8/UTF-16). */
  | 'undecodable'
  /** Over the size limit (checked before the file is read whole). */
  | 'too-large'
  /** Chosen, then moved or deleted before it was read. */
  | 'file-vanished'
  | 'unreadable'
  /** The two files of a pair are the same file (same bytes). */
  | 'same-file'
  /** Not a format the app imports (.pdf, .doc, a folder…), or a bilingual file without units. */
  | 'unsupported-format'
  /** The import was cancelled. */
  | 'cancelled'
  /** An e-book with DRM (encrypted chapters, a rights file). */
  | 'drm-protected'
  /** An EPUB with no spine (no reading order of its chapters). */
  | 'no-spine'
  /** A PDF with no text layer (a scan). */
  | 'no-text-layer'
  /** A password-protected (encrypted) PDF or document. */
  | 'encrypted'
  /** A subtitle file whose cue times do not parse. */
  | 'bad-timing';

// ---- The library: importing documents, correcting their alignment, exporting the bitext ----

export type TextEncodingName =
  | 'utf-8'
  | 'utf-8-bom'
  | 'utf-16le'
  | 'utf-16be'
  | 'windows-1251'
  | 'koi8-r'
  | 'ibm866'
  | 'windows-1252';
/** `tmx` and `tsv` are bilingual: one file brings both texts and their alignment. */
export type SourceFormat = 'txt' | 'md' | 'html' | 'docx' | 'tmx' | 'tsv' | 'epub' | 'fb2' | 'odt' | 'pdf' | 'srt' | 'vtt';

/** One file as the renderer sends it (drag and drop, or a file input): its name and its bytes. */
export interface ImportFileBytes {
  /** The file's name (for its format and for messages); at most 255 characters. */
  name: string;
  /** The bytes, base64; at most 50 MB decoded (`IMPORT_LIMITS.maxFileBytes`). */
  data: string;
}

export const IMPORT_LIMITS = {
  /** The largest file imported. The renderer should check `File.size` before reading it. */
  maxFileBytes: 50 * 1024 * 1024,
} as const;

/** How much of a text is in each script; `looksLike` needs at least 20 letters and a clear majority. */
export interface ScriptProfile {
  letters: number;
  /** Shares of the letters, 0..1. */
  latin: number;
  cyrillic: number;
  looksLike: Lang | 'unknown';
}

/**
 * Whether the English file is English and the Russian Russian. `swapped`: the reader should swap
 * them (`suggestion: 'swap'`); `both-english`/`both-russian`: one of the files is probably wrong.
 */
export interface LanguageVerdict {
  status: 'ok' | 'swapped' | 'both-english' | 'both-russian' | 'unclear';
  en: ScriptProfile;
  ru: ScriptProfile;
  suggestion?: 'swap';
}

export interface InspectedFile {
  name: string;
  format: SourceFormat;
  /** The text encoding, or the container format for packages whose text is not a file of text (docx, epub, odt, pdf). */
  encoding: TextEncodingName | 'docx' | 'epub' | 'odt' | 'pdf';
  bytes: number;
  /** Characters of text after conversion. */
  characters: number;
  paragraphs: number;
  /** Things the reader may want to know (control characters removed, lines without a tab…). */
  warnings: string[];
}

/** What a prepared import holds, for the reader to confirm (and swap) before importing. */
export interface ImportCheck {
  /** Pass to `library:import`; kept in main for 30 minutes (four at most). */
  pendingId: string;
  /** The English file then the Russian one (as given), or the one bilingual file. */
  files: InspectedFile[];
  bilingual: boolean;
  language: LanguageVerdict;
  /** From the first paragraphs (when they look like titles) or the file names. */
  suggestedTitle: LocalizedText;
  /** Rows a bilingual file brings. */
  units?: number;
}

export type ImportChoice = { cancelled: true } | ({ cancelled: false } & ImportCheck);

export interface StartImportRequest {
  pendingId: string;
  /** The document's title (both languages); defaults to `suggestedTitle`. */
  title?: LocalizedText;
  /** Import the first file as Russian and the second as English. */
  swap?: boolean;
}

export type ImportPhase = 'queued' | 'segmenting' | 'aligning' | 'writing' | 'done';

export interface ImportJobStatus {
  jobId: string;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  phase: ImportPhase;
  /** 0..1, by phase (the aligner reports no finer progress). */
  progress: number;
  /** Set when `state` is `done`. */
  documentId?: string;
  /** Set when `state` is `failed` (or `cancelled`, code `cancelled`). */
  error?: { code: ErrorCode; message: string };
}

/** One document in the library (the start view). */
export interface LibraryEntry {
  id: string;
  title: LocalizedText;
  shortTitle: LocalizedText;
  /** The document's own date (YYYY-MM-DD; for an import, the day it was added). */
  date: string;
  /** ISO time of the import; `null` for the bundled documents. */
  addedAt: string | null;
  bundled: boolean;
  /** Aligned rows, after the reader's corrections. */
  rows: number;
  /** Annotations the reader has on it (not counting deleted ones). */
  annotations: number;
  /** For imports: the original file names, their encodings and format. */
  imported?: { originalNames: string[]; encodings: string[]; format: SourceFormat };
  /** Set when the document could not be read; it is listed so the reader can remove it. */
  problem?: string;
}

export interface RemoveDocumentResult {
  id: string;
  /** Annotations kept for this id (until `library:purge-annotations`). */
  annotationsKept: number;
}

/** Corrections of the alignment; rows are named by id (`AlignedRow.id`). */
export type AlignmentOperation =
  /** Merge the row with the next one (across a paragraph boundary, the two paragraphs' groups merge). */
  | { op: 'merge'; rowId: string }
  /** Split a row in two: its first `en` English and first `ru` Russian clauses make the first part. */
  | { op: 'split'; rowId: string; en: number; ru: number }
  /** Move a row's first clause of `lang` to the end of the previous row, or its last to the start of the next. */
  | { op: 'move'; rowId: string; lang: Lang; direction: 'first-to-previous' | 'last-to-next' }
  /** Mark a row as checked by the reader (or not). */
  | { op: 'confirm'; rowId: string; confirmed: boolean };

export interface AlignmentState {
  /** Corrections are allowed (they are, for bundled documents too: kept in the reader's data). */
  editable: boolean;
  bundled: boolean;
  /** Rows the reader confirmed. */
  confirmed: string[];
  /** Corrections in effect. */
  corrections: number;
  canUndo: boolean;
  canRedo: boolean;
  /** Corrections that no longer applied (the text or the aligner changed) and were dropped. */
  warnings: string[];
}

export type ReviewKind = 'unconfirmed' | 'non-one-to-one' | 'weakest';

export interface ReviewRequest {
  documentId: string;
  kind: ReviewKind;
  /** At most this many rows (default 200, at most 10,000). */
  limit?: number;
}

export interface ReviewRow {
  rowId: string;
  confidence: number;
  shape: string;
  confirmed: boolean;
}

export type BitextExportFormat = 'tmx' | 'tsv' | 'beads' | 'markdown';

/** Errors travel as values, never as thrown strings. */
export type ErrorCode =
  | ImportErrorCode
  | 'bad-request'
  | 'unknown-channel'
  | 'forbidden'
  | 'not-found'
  | 'corrupt-file'
  | 'io-error'
  /** Saved by a newer version of the app: read-only here. */
  | 'newer-version'
  | 'internal';

export type Result<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; message: string };

/** Phantom marker for a type carried by the table (nothing is validated on the way back). */
const type = <T>() => undefined as unknown as T;

export const contract = {
  listDocuments: {
    channel: 'documents:list',
    request: type<undefined>(),
    response: type<DocumentSummary[]>(),
  },
  openDocument: {
    channel: 'documents:open',
    request: type<{ id: string }>(),
    response: type<DocumentView>(),
  },
  getSettings: {
    channel: 'settings:get',
    request: type<undefined>(),
    response: type<SettingsView>(),
  },
  setUiLanguage: {
    channel: 'settings:set-ui-language',
    request: type<{ uiLanguage: UiLanguage }>(),
    response: type<SettingsView>(),
  },
  setReaderPrefs: {
    channel: 'settings:set-reader-prefs',
    request: type<Partial<ReaderPrefs>>(),
    response: type<SettingsView>(),
  },
  getReadingPosition: {
    channel: 'positions:get',
    request: type<{ documentId: string }>(),
    response: type<ReadingPosition>(),
  },
  setReadingPosition: {
    channel: 'positions:set',
    request: type<{ documentId: string; rowId: string }>(),
    response: type<ReadingPosition>(),
  },
  /** Every annotation of a document, each placed in the current text (or an orphan). */
  listAnnotations: {
    channel: 'annotations:list',
    request: type<{ documentId: string }>(),
    response: type<AnnotationList>(),
  },
  /** Resolves once the annotation is saved durably. */
  createAnnotation: {
    channel: 'annotations:create',
    request: type<CreateAnnotationRequest>(),
    response: type<AnnotationView>(),
  },
  updateAnnotation: {
    channel: 'annotations:update',
    request: type<UpdateAnnotationRequest>(),
    response: type<AnnotationView>(),
  },
  /** Returns what was deleted; `restoreAnnotation` with its id undoes it. */
  deleteAnnotation: {
    channel: 'annotations:delete',
    request: type<AnnotationRef>(),
    response: type<AnnotationView>(),
  },
  restoreAnnotation: {
    channel: 'annotations:restore',
    request: type<AnnotationRef>(),
    response: type<AnnotationView>(),
  },
  /** Markdown (to read; Obsidian, Joplin) or W3C Web Annotation JSON-LD, through a save dialog. */
  exportAnnotations: {
    channel: 'annotations:export',
    request: type<{ documentId: string; format: ExportFormat }>(),
    response: type<ExportAnnotationsResult>(),
  },
  /** W3C Web Annotation JSON-LD (at most 5,000,000 characters), merged by id: newer `modified` wins. */
  importAnnotations: {
    channel: 'annotations:import',
    request: type<{ documentId: string; content: string }>(),
    response: type<ImportReport>(),
  },
  /** Every document: the bundled ones (read-only texts) and the reader's imports. */
  listLibrary: {
    channel: 'library:list',
    request: type<undefined>(),
    response: type<LibraryEntry[]>(),
  },
  /**
   * Decodes and checks files the renderer read (drag and drop): two monolingual files (English,
   * then Russian: .txt .md .html .htm .docx) or one bilingual file (.tmx, .tsv). Nothing is
   * written yet; the answer says what was found and whether the languages look right.
   */
  prepareImport: {
    channel: 'import:prepare',
    request: type<{ files: ImportFileBytes[] }>(),
    response: type<ImportCheck>(),
  },
  /** The same through an open dialog in main (Electron only; the harness answers `cancelled`). */
  chooseImport: {
    channel: 'import:choose',
    request: type<{ mode: 'pair' | 'bilingual' }>(),
    response: type<ImportChoice>(),
  },
  /** Drops a prepared import. */
  discardImport: {
    channel: 'import:discard',
    request: type<{ pendingId: string }>(),
    response: type<{ discarded: boolean }>(),
  },
  /**
   * Starts importing a prepared pair: segmentation and alignment run in a worker thread; follow
   * with `import:status` (polling) or the `onImportProgress` event. Nothing appears in the library
   * until the document is complete.
   */
  startImport: {
    channel: 'library:import',
    request: type<StartImportRequest>(),
    response: type<ImportJobStatus>(),
  },
  importStatus: {
    channel: 'import:status',
    request: type<{ jobId: string }>(),
    response: type<ImportJobStatus>(),
  },
  /** Stops the worker; nothing of the document is left behind. */
  cancelImport: {
    channel: 'import:cancel',
    request: type<{ jobId: string }>(),
    response: type<ImportJobStatus>(),
  },
  renameDocument: {
    channel: 'library:rename',
    request: type<{ id: string; title: LocalizedText }>(),
    response: type<LibraryEntry>(),
  },
  /** Removes an imported document (the UI confirms first). Its annotations are kept. */
  removeDocument: {
    channel: 'library:remove',
    request: type<{ id: string }>(),
    response: type<RemoveDocumentResult>(),
  },
  /** Deletes every annotation of a document (a removed one, typically). */
  purgeAnnotations: {
    channel: 'library:purge-annotations',
    request: type<{ id: string }>(),
    response: type<{ purged: number }>(),
  },
  /** Applies one correction; answers the corrected document. */
  applyAlignment: {
    channel: 'alignment:apply',
    request: type<{ documentId: string; operation: AlignmentOperation }>(),
    response: type<DocumentView>(),
  },
  undoAlignment: {
    channel: 'alignment:undo',
    request: type<{ documentId: string }>(),
    response: type<DocumentView>(),
  },
  redoAlignment: {
    channel: 'alignment:redo',
    request: type<{ documentId: string }>(),
    response: type<DocumentView>(),
  },
  /** Rows worth a look: unconfirmed, not one-to-one, or the least confident first. */
  reviewAlignment: {
    channel: 'alignment:review',
    request: type<ReviewRequest>(),
    response: type<ReviewRow[]>(),
  },
  /** TMX 1.4b, TSV, vecalign beads or a Markdown table of the corrected rows, through a save dialog. */
  exportBitext: {
    channel: 'alignment:export',
    request: type<{ documentId: string; format: BitextExportFormat }>(),
    response: type<ExportAnnotationsResult>(),
  },
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type Channel = Contract[MethodName]['channel'];
export type RequestOf<M extends MethodName> = Contract[M]['request'];
export type ResponseOf<M extends MethodName> = Contract[M]['response'];

/** Messages main sends to the renderer (no request; the renderer subscribes). */
export const events = {
  onUiLanguageChanged: { channel: 'settings:ui-language-changed', payload: type<SettingsView>() },
  /** The application menu asks the renderer to run one of its actions (see `actions.ts`). */
  onMenuAction: { channel: 'app:menu-action', payload: type<ActionId>() },
  /** An import job moved on (Electron only; the harness cannot push: poll `importStatus`). */
  onImportProgress: { channel: 'import:progress', payload: type<ImportJobStatus>() },
} as const;
export type Events = typeof events;
export type EventName = keyof Events;
export type EventChannel = Events[EventName]['channel'];

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
export const EVENT_NAMES = Object.keys(events) as EventName[];

/** Builds the named-function API over a transport. Used by the preload and the harness bridge. */
export function buildApi(invoke: Invoke, subscribe: Subscribe): BitextApi {
  const api: Record<string, unknown> = {};
  for (const name of METHOD_NAMES) {
    const { channel } = contract[name];
    api[name] = (request?: unknown) => invoke(channel, request);
  }
  for (const name of EVENT_NAMES) {
    const { channel } = events[name];
    api[name] = (listener: (payload: unknown) => void) => subscribe(channel, (payload) => listener(payload));
  }
  return Object.freeze(api) as BitextApi;
}

export const CHANNELS: readonly Channel[] = METHOD_NAMES.map((name) => contract[name].channel);

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}
