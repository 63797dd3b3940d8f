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

export interface SettingsView {
  /** The language the UI shows now. */
  uiLanguage: UiLanguage;
  /** `user` once the reader chose a language; until then it follows the system. */
  uiLanguageSource: 'system' | 'user';
}

export type { AlignedRow, AlignedText, Clause, Lang, ParagraphGroup, ParagraphKind };

/** Errors travel as values, never as thrown strings. */
export type ErrorCode =
  | 'bad-request'
  | 'unknown-channel'
  | 'forbidden'
  | 'not-found'
  | 'corrupt-file'
  | 'io-error'
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
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type Channel = Contract[MethodName]['channel'];
export type RequestOf<M extends MethodName> = Contract[M]['request'];
export type ResponseOf<M extends MethodName> = Contract[M]['response'];

/** Messages main sends to the renderer (no request; the renderer subscribes). */
export const events = {
  onUiLanguageChanged: { channel: 'settings:ui-language-changed', payload: type<SettingsView>() },
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
