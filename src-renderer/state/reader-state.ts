/**
 * The reader's one state: where the reader is, what is open, the mode, what undo would undo.
 * Changed only through `reduce` (pure; unit-tested in Node); components read it from the store
 * (`store.ts`). The document, its annotations and the preferences come from main and are not
 * here: this is the state of the screen.
 */
import type { AnnotationColor, AnnotationView, Lang } from '../../src-main/contract/ipc';
import type { TextSelection } from '../reader/selection';
import { DEFAULT_WORD_SEARCH, type WordSearchOptions } from '../reader/word-search';

/** Reading: no key changes the text or its alignment. Edit alignment: the correction tools. */
export const MODES = ['reading', 'edit-alignment'] as const;
export type Mode = (typeof MODES)[number];

export const PANELS = ['contents', 'search', 'notes', 'bookmarks', 'checks', 'glossary', 'concordance'] as const;
export type Panel = (typeof PANELS)[number];

/** The row (and language) an action from the clause menu applies to. */
export interface RowTarget {
  rowIndex: number;
  lang: Lang;
}

/** Modal things over the text; at most one at a time. */
export type Overlay =
  | { kind: 'help' }
  | { kind: 'goto' }
  | { kind: 'palette' }
  | { kind: 'menu'; target: RowTarget; at: { x: number; y: number } }
  | { kind: 'split'; rowIndex: number; lang: Lang }
  | { kind: 'new-text-note'; selection: TextSelection; draft?: NoteDraft }
  | { kind: 'new-row-note'; rowIndex: number; draft?: NoteDraft }
  | { kind: 'edit-note'; annotationId: string; selection: TextSelection | undefined; draft?: NoteDraft }
  /** The dictionary popup (not modal): a word of a clause, at `offset` in its text. */
  | { kind: 'lookup'; target: LookupTarget }
  | { kind: 'dictionaries' }
  | { kind: 'print' }
  | { kind: 'details' }
  /** The glossary editor: a new term pair (pre-filled), or an existing one (`id`) to edit. */
  | { kind: 'glossary-term'; draft: GlossaryTermDraft }
  /** One of the source's own footnotes (not modal), at its mark: its index in `DocumentView.footnotes`. */
  | { kind: 'footnote'; index: number };

/** A note whose save failed after its editor closed: the editor reopens with it and the reason. */
export interface NoteDraft {
  value: { color: AnnotationColor; note: string; tags: string[]; reattach?: boolean };
  error: string;
}

/** What the glossary editor opens with. */
export interface GlossaryTermDraft {
  en: string;
  ru: string;
  note?: string;
  scope?: 'document' | 'global';
  /** Set when editing a term already in the glossary. */
  id?: string;
}

/** The word a lookup starts from: a clause and an offset in its text. */
export interface LookupTarget {
  rowIndex: number;
  lang: Lang;
  clauseId: string;
  offset: number;
}

export interface PendingSelection {
  selection: TextSelection;
  at: { x: number; y: number };
}

/** A request for the side effects: bring this row into view (and focus it). */
export interface Jump {
  row: number;
  focus: boolean;
  /** Changes on every request, so the same row can be jumped to twice. */
  seq: number;
  /** Focus a clause of this language (the column the reader was in), if the row has one… */
  lang?: Lang;
  /** …else the nearest one of the row before (-1) or after (1): where a moved clause went. */
  towards?: -1 | 1;
}

export interface ReaderState {
  mode: Mode;
  currentRow: number;
  /** The row at the top of the window (reading progress). */
  topRow: number;
  rowCount: number;
  jump: Jump | undefined;
  panel: Panel | undefined;
  overlay: Overlay | undefined;
  search: { query: string; hit: number };
  pending: PendingSelection | undefined;
  /** One-language layout: the row whose counterpart is shown. */
  peekRow: number | undefined;
  notice: { text: string; seq: number } | undefined;
  lastColor: AnnotationColor;
  /** Deleted annotations, newest last: undo in reading mode restores them. */
  deleted: AnnotationView[];
  /** Restored annotations, newest last: redo in reading mode deletes them again. */
  restored: AnnotationView[];
  /** Bookmarked rows (ids), in the order they were added; saved by main. */
  bookmarks: string[];
  /** How the search panel searches (whole words, forms, phrase, substring, regex; language; case). */
  searchOptions: WordSearchOptions;
  /** The concordance panel's word or phrase, and its language. */
  concordance: { query: string; lang: Lang; seq: number };
}

export function initialState(rowCount: number, mode: Mode = 'reading'): ReaderState {
  return {
    mode,
    currentRow: 0,
    topRow: 0,
    rowCount,
    jump: undefined,
    panel: undefined,
    overlay: undefined,
    search: { query: '', hit: -1 },
    pending: undefined,
    peekRow: undefined,
    notice: undefined,
    lastColor: 'yellow',
    deleted: [],
    restored: [],
    bookmarks: [],
    searchOptions: DEFAULT_WORD_SEARCH,
    concordance: { query: '', lang: 'en', seq: 0 },
  };
}

export type ReaderEvent =
  | { type: 'rows-changed'; rowCount: number }
  | { type: 'mode'; mode: Mode }
  | { type: 'focus-row'; row: number }
  | { type: 'top-row'; row: number }
  | { type: 'go-to-row'; row: number; focus?: boolean; lang?: Lang; towards?: -1 | 1 }
  | { type: 'toggle-panel'; panel: Panel }
  | { type: 'open-panel'; panel: Panel }
  | { type: 'close-panel' }
  | { type: 'open-overlay'; overlay: Overlay }
  | { type: 'close-overlay' }
  | { type: 'search-query'; query: string }
  | { type: 'search-hit'; hit: number; row: number }
  | { type: 'selection'; pending: PendingSelection | undefined }
  | { type: 'toggle-peek' }
  | { type: 'clear-peek' }
  | { type: 'say'; text: string }
  | { type: 'notice-shown' }
  | { type: 'last-color'; color: AnnotationColor }
  | { type: 'annotation-deleted'; annotation: AnnotationView }
  | { type: 'annotation-restored'; annotation: AnnotationView }
  | { type: 'annotation-deleted-again'; annotation: AnnotationView }
  | { type: 'forget-deletes' }
  | { type: 'bookmarks'; rowIds: string[] }
  | { type: 'search-options'; options: WordSearchOptions }
  | { type: 'concordance-query'; query: string; lang: Lang };

const clampRow = (row: number, count: number) => Math.max(0, Math.min(Math.max(0, count - 1), row));

export function reduce(state: ReaderState, event: ReaderEvent): ReaderState {
  switch (event.type) {
    case 'rows-changed':
      return { ...state, rowCount: event.rowCount, currentRow: clampRow(state.currentRow, event.rowCount) };
    case 'mode':
      // Leaving the mode keeps every correction (they are saved as they are made); the alignment
      // dialogs close.
      return state.mode === event.mode ? state : { ...state, mode: event.mode, overlay: state.overlay?.kind === 'split' ? undefined : state.overlay };
    case 'focus-row': {
      const row = clampRow(event.row, state.rowCount);
      return row === state.currentRow ? state : { ...state, currentRow: row };
    }
    case 'top-row':
      return event.row < 0 || event.row === state.topRow ? state : { ...state, topRow: clampRow(event.row, state.rowCount) };
    case 'go-to-row': {
      const row = clampRow(event.row, state.rowCount);
      const jump: Jump = { row, focus: event.focus ?? true, seq: (state.jump?.seq ?? 0) + 1 };
      if (event.lang) jump.lang = event.lang;
      if (event.towards) jump.towards = event.towards;
      return { ...state, currentRow: row, jump };
    }
    case 'toggle-panel':
      return { ...state, panel: state.panel === event.panel ? undefined : event.panel };
    case 'open-panel':
      return { ...state, panel: event.panel };
    case 'close-panel':
      return state.panel === undefined ? state : { ...state, panel: undefined };
    case 'open-overlay':
      return { ...state, overlay: event.overlay };
    case 'close-overlay':
      return state.overlay === undefined ? state : { ...state, overlay: undefined };
    case 'search-query':
      return { ...state, search: { query: event.query, hit: -1 } };
    case 'search-hit':
      return { ...state, search: { ...state.search, hit: event.hit }, currentRow: clampRow(event.row, state.rowCount) };
    case 'selection':
      return { ...state, pending: event.pending };
    case 'toggle-peek':
      return { ...state, peekRow: state.peekRow === state.currentRow ? undefined : state.currentRow };
    case 'clear-peek':
      return { ...state, peekRow: undefined };
    case 'say':
      return { ...state, notice: { text: event.text, seq: (state.notice?.seq ?? 0) + 1 } };
    case 'notice-shown':
      return state.notice === undefined ? state : { ...state, notice: undefined };
    case 'last-color':
      return { ...state, lastColor: event.color };
    case 'annotation-deleted':
      return { ...state, deleted: [...state.deleted, event.annotation], restored: [] };
    case 'annotation-restored':
      return {
        ...state,
        deleted: state.deleted.filter((a) => a.id !== event.annotation.id),
        restored: [...state.restored, event.annotation],
      };
    case 'annotation-deleted-again':
      return {
        ...state,
        restored: state.restored.filter((a) => a.id !== event.annotation.id),
        deleted: [...state.deleted, event.annotation],
      };
    case 'forget-deletes':
      return { ...state, deleted: [], restored: [] };
    case 'bookmarks':
      return { ...state, bookmarks: event.rowIds };
    case 'search-options':
      return { ...state, searchOptions: event.options, search: { ...state.search, hit: -1 } };
    case 'concordance-query':
      return { ...state, concordance: { query: event.query, lang: event.lang, seq: state.concordance.seq + 1 } };
  }
}

/** Is something modal open (a dialog, the palette)? Then no reader shortcut runs. */
export function isModal(state: ReaderState): boolean {
  return state.overlay !== undefined && state.overlay.kind !== 'menu' && state.overlay.kind !== 'lookup' && state.overlay.kind !== 'footnote';
}
