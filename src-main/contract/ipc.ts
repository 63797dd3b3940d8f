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
  AnchorMethod,
  Annotation,
  AnnotationAnchor,
  AnnotationColor,
  AnnotationKind,
  AnnotationList,
  AnnotationSelection,
  AnnotationsProblem,
  AnnotationTarget,
  AnnotationView,
  ExportFormat,
  ImportReport,
  RowTarget,
  TextPositionSelector,
  TextQuoteSelector,
  TextRange,
  TextTarget,
} from '../core/annotations/model';
import type { ActionId } from './actions';

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
}

export interface ReadingPosition {
  /** The row at the top of the window when the reader left the document. */
  rowId: string | null;
}

export type { ActionId, AlignedRow, AlignedText, Clause, Lang, ParagraphGroup, ParagraphKind };
export type {
  AnchorMethod,
  Annotation,
  AnnotationAnchor,
  AnnotationColor,
  AnnotationKind,
  AnnotationList,
  AnnotationSelection,
  AnnotationsProblem,
  AnnotationTarget,
  AnnotationView,
  ExportFormat,
  ImportReport,
  RowTarget,
  TextPositionSelector,
  TextQuoteSelector,
  TextRange,
  TextTarget,
};
/** The annotation colour palette, in the order a picker shows it. */
export const ANNOTATION_COLORS: readonly AnnotationColor[] = ['yellow', 'green', 'blue', 'pink', 'purple'];

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

/** Errors travel as values, never as thrown strings. */
export type ErrorCode =
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
