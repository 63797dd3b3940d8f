/**
 * What the reader's actions do: every call to main (annotations, the alignment, exports), every
 * change of the state, in one object. The action registry (`actions/registry.ts`) runs these
 * methods by id; components call `run(id)` and never these methods for an action's work.
 * Focus and scrolling are not done here: the state asks for them (`jump`) and `useReaderEffects`
 * does them.
 */
import type {
  AlignmentOperation,
  AnnotationColor,
  AnnotationView,
  BitextExportFormat,
  Clause,
  DocumentView,
  Lang,
  Layout,
  LineSpacing,
  ReaderPrefs,
  Theme,
} from '../../src-main/contract/ipc';
import { FONT_STEPS, LAYOUTS, LINE_SPACINGS, THEMES } from '../../src-main/contract/ipc';
import { expectOk, getApi } from '../api';
import { clearPinned, togglePinned } from '../highlight-store';
import type { AnnotationsState } from '../hooks/useAnnotations';
import { type Overlay, reduce, type ReaderEvent, type ReaderState, type RowTarget, initialState, isModal, type Mode } from '../state/reader-state';
import { createStore, type Store } from '../state/store';
import { nextMatching, type ReviewKind, reviewPredicate } from './alignment';
import { pairAsMarkdown, pairAsText } from './copy';
import { flattenRows, type RowEntry, type SearchHit } from './model';
import { loadSearchOptions, RowSearch, type RowSearchResult, saveSearchOptions, type WordSearchOptions } from './row-search';
import type { LinkStore } from './links-store';
import type { TextSelection } from './selection';
import { leaveTerm } from './term-actions';

const LAYOUT_CYCLE: readonly Layout[] = LAYOUTS;
const THEME_CYCLE: readonly Theme[] = THEMES;
const SPACING_CYCLE: readonly LineSpacing[] = LINE_SPACINGS;
const next = <T>(cycle: readonly T[], value: T): T => cycle[(cycle.indexOf(value) + 1) % cycle.length]!;

export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** What the controller needs from React each render: the latest document, prefs, annotations. */
export interface ReaderDeps {
  doc: DocumentView;
  prefs: ReaderPrefs;
  updatePrefs: (patch: Partial<ReaderPrefs>) => void;
  annotations: AnnotationsState;
  t: Translate;
  onDocumentChanged: (doc: DocumentView) => void;
  onLibrary: () => void;
  /** `doc` is the first rows of a long document only; the whole is on its way (`whenWhole`). */
  partial?: boolean;
  /** Switches the interface to the other language (saved by main). */
  switchUiLanguage?: () => Promise<void>;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export class ReaderController {
  readonly store: Store<ReaderState, ReaderEvent>;
  private deps: ReaderDeps;
  private entriesOf:
    | {
        doc: DocumentView;
        entries: RowEntry[];
        paragraphs: RowEntry[];
        /** Built when first asked for (not for the first paint of a long document). */
        rowIndexById?: Map<string, number>;
        clauseIndex?: Map<string, { clause: Clause; lang: Lang; rowIndex: number }>;
      }
    | undefined;
  private searchIndex: { entries: readonly RowEntry[]; index: RowSearch } | undefined;
  /** The term links of the rows drawn (set by the reading screen). */
  links: LinkStore | null = null;
  private hitsOf: { entries: readonly RowEntry[]; query: string; options: WordSearchOptions; result: RowSearchResult } | undefined;

  constructor(deps: ReaderDeps, mode: Mode = 'reading') {
    this.deps = deps;
    this.store = createStore(reduce, { ...initialState(this.entries.length, mode), searchOptions: loadSearchOptions() });
  }

  /** The reading screen hands over the term links of the rows it draws. */
  attachLinks(links: LinkStore): void {
    this.links = links;
  }

  /** Called on every render with the latest values. */
  sync(deps: ReaderDeps): void {
    this.deps = deps;
  }

  private waitingForWhole: Array<() => void> = [];
  /** Bookmark changes made so far: an answer about an older state is not shown over a newer one. */
  private bookmarkChanges = 0;
  private bookmarkSaving: Promise<void> = Promise.resolve();
  /** The deletions still on their way to main: an undo pressed meanwhile waits for them. */
  private deleting: Promise<void> = Promise.resolve();
  /** Only the first rows of a long document are here yet (the page is live on them). */
  get partial(): boolean {
    return this.deps.partial === true;
  }
  /**
   * Runs `run` now, or — while only the document's first rows are here — once the whole has
   * arrived and is drawn (`wholeArrived`), so that a key pressed at once (Ctrl+End, Go to, search)
   * acts on the whole document and is not lost.
   */
  whenWhole(run: () => void): void {
    if (this.partial) this.waitingForWhole.push(run);
    else run();
  }
  /** The whole document is drawn: the actions asked for meanwhile run, in order. */
  wholeArrived(): void {
    const waiting = this.waitingForWhole;
    this.waitingForWhole = [];
    for (const run of waiting) run();
  }

  get state(): ReaderState {
    return this.store.get();
  }
  dispatch(event: ReaderEvent): void {
    this.store.dispatch(event);
  }
  get doc(): DocumentView {
    return this.deps.doc;
  }
  get prefs(): ReaderPrefs {
    return this.deps.prefs;
  }
  get annotations(): AnnotationsState {
    return this.deps.annotations;
  }
  get t(): Translate {
    return this.deps.t;
  }

  private get derived() {
    if (this.entriesOf?.doc !== this.deps.doc) {
      const entries = flattenRows(this.deps.doc);
      this.entriesOf = { doc: this.deps.doc, entries, paragraphs: entries.filter((e) => e.firstInGroup) };
    }
    return this.entriesOf;
  }
  /** The rows the reader shows, in reading order (the title, shown as the heading, is not one). */
  get entries(): RowEntry[] {
    return this.derived.entries;
  }
  get paragraphs(): RowEntry[] {
    return this.derived.paragraphs;
  }
  /** Every clause by id, with its language and row. */
  get clauseIndex(): ReadonlyMap<string, { clause: Clause; lang: Lang; rowIndex: number }> {
    const derived = this.derived;
    if (!derived.clauseIndex) {
      const index = new Map<string, { clause: Clause; lang: Lang; rowIndex: number }>();
      for (const entry of derived.entries) for (const lang of ['en', 'ru'] as const) for (const clause of entry.row[lang]) index.set(clause.id, { clause, lang, rowIndex: entry.index });
      derived.clauseIndex = index;
    }
    return derived.clauseIndex;
  }
  rowIndexOf(rowId: string): number | undefined {
    const derived = this.derived;
    derived.rowIndexById ??= new Map(derived.entries.map((e) => [e.row.id, e.index]));
    return derived.rowIndexById.get(rowId);
  }
  get editable(): boolean {
    return this.doc.alignment?.editable ?? false;
  }
  get confirmed(): ReadonlySet<string> {
    return new Set(this.doc.alignment?.confirmed ?? []);
  }

  // ---- notices ----

  say(text: string): void {
    this.dispatch({ type: 'say', text });
  }

  // ---- moving around ----

  /** `column`: focus a clause of that language (and, if the row has none, of the row `towards`). */
  goToRow(row: number, focus = true, column?: { lang?: Lang; towards?: -1 | 1 }): void {
    this.dispatch({ type: 'go-to-row', row, focus, ...column });
  }
  moveRow(delta: number): void {
    this.goToRow(this.state.currentRow + delta);
  }
  paragraphIndexOf(row: number): number {
    let at = 0;
    this.paragraphs.forEach((p, i) => {
      if (p.index <= row) at = i;
    });
    return at;
  }
  moveParagraph(delta: 1 | -1): void {
    const row = this.state.currentRow;
    const at = this.paragraphIndexOf(row);
    const p = delta > 0 ? this.paragraphs[at + 1] : this.paragraphs[this.paragraphs[at]!.index < row ? at : at - 1];
    if (p) this.goToRow(p.index);
  }
  goToParagraph(number: number): void {
    const p = this.paragraphs.find((e) => e.group.number === number);
    if (p) this.goToRow(p.index);
  }

  // ---- panels and overlays ----

  open(overlay: Overlay): void {
    this.dispatch({ type: 'open-overlay', overlay });
  }
  close(): void {
    this.dispatch({ type: 'close-overlay' });
  }
  /** The display popover (the "Aa" button), a native popover. */
  toggleDisplay(): void {
    const popover = document.getElementById('display-popover');
    if (!popover) return;
    popover.togglePopover();
    if (popover.matches(':popover-open')) popover.querySelector<HTMLElement>('input, select, button')?.focus();
  }
  toggleSearch(): void {
    if (this.state.panel === 'search') this.dispatch({ type: 'close-panel' });
    else this.openSearch();
  }
  togglePanel(panel: 'contents' | 'search' | 'notes' | 'bookmarks'): void {
    this.dispatch({ type: 'toggle-panel', panel });
  }
  /** Escape: the selection, then the counterpart shown, the pinned clause, the open panel. */
  escape(): void {
    if (leaveTerm()) return;
    const s = this.state;
    if (s.pending) {
      window.getSelection()?.removeAllRanges();
      return this.dispatch({ type: 'selection', pending: undefined });
    }
    if (s.peekRow !== undefined) return this.dispatch({ type: 'clear-peek' });
    if (clearPinned()) return;
    if (s.panel) this.dispatch({ type: 'close-panel' });
  }

  // ---- bookmarks ----

  async loadBookmarks(): Promise<void> {
    const asked = this.bookmarkChanges;
    try {
      const { rowIds } = await expectOk(getApi().listBookmarks({ documentId: this.doc.manifest.id }));
      // A bookmark set meanwhile (Ctrl+D at once after opening) is newer than this list.
      if (this.bookmarkChanges === asked) this.dispatch({ type: 'bookmarks', rowIds });
    } catch {
      // No bookmarks shown; nothing is written until the reader adds one.
    }
  }
  async setBookmarks(rowIds: string[], done: string): Promise<void> {
    const before = this.state.bookmarks;
    const change = ++this.bookmarkChanges;
    this.dispatch({ type: 'bookmarks', rowIds });
    try {
      // Saved one after another, in the order of the keys: two requests in flight could reach main
      // out of order, and the older list would be the one kept.
      const save = this.bookmarkSaving.then(() => expectOk(getApi().setBookmarks({ documentId: this.doc.manifest.id, rowIds })));
      this.bookmarkSaving = save.then(
        () => undefined,
        () => undefined,
      );
      const saved = await save;
      // Only the latest change's answer is shown: an earlier one arriving late would undo a later key.
      if (change === this.bookmarkChanges) this.dispatch({ type: 'bookmarks', rowIds: saved.rowIds });
      this.say(done);
    } catch (e) {
      if (change === this.bookmarkChanges) this.dispatch({ type: 'bookmarks', rowIds: before });
      this.say(`${this.t('bookmarks.saveFailed')} ${message(e)}`);
    }
  }
  toggleBookmark(rowIndex = this.state.currentRow): Promise<void> {
    const entry = this.entries[rowIndex];
    if (!entry) return Promise.resolve();
    // Bookmarks on rows that are gone (a correction merged them away) are dropped.
    const marks = this.state.bookmarks.filter((id) => this.rowIndexOf(id) !== undefined);
    const number = entry.group.number;
    return marks.includes(entry.row.id)
      ? this.setBookmarks(marks.filter((id) => id !== entry.row.id), this.t('bookmarks.removed', { number }))
      : this.setBookmarks([...marks, entry.row.id], this.t('bookmarks.added', { number }));
  }

  // ---- search ----

  openSearch(): void {
    if (this.state.panel === 'search') {
      const input = document.getElementById('search-input') as HTMLInputElement | null;
      input?.focus();
      input?.select();
    } else this.dispatch({ type: 'open-panel', panel: 'search' });
  }

  hits(): SearchHit[] {
    return this.searchResult().hits;
  }
  /** The hits, and what is wrong with the query if it cannot be searched for. */
  searchResult(): RowSearchResult {
    const { query } = this.state.search;
    const options = this.state.searchOptions;
    if (this.state.panel !== 'search' || query.trim() === '') return { hits: [] };
    if (this.hitsOf?.entries === this.entries && this.hitsOf.query === query && this.hitsOf.options === options) return this.hitsOf.result;
    const result = this.rowSearch.search(query, options);
    this.hitsOf = { entries: this.entries, query, options, result };
    return result;
  }
  /** Built on the first search, not at open: joining every row of a book takes a moment. */
  get rowSearch(): RowSearch {
    if (this.searchIndex?.entries !== this.entries) this.searchIndex = { entries: this.entries, index: new RowSearch(this.entries) };
    return this.searchIndex.index;
  }
  setSearchOptions(patch: Partial<WordSearchOptions>): void {
    const options = { ...this.state.searchOptions, ...patch };
    if (patch.lang === undefined && 'lang' in patch) delete options.lang;
    this.dispatch({ type: 'search-options', options });
    saveSearchOptions(options);
  }
  showHit(hit: number): void {
    const found = this.hits()[hit];
    if (!found) return;
    this.dispatch({ type: 'search-hit', hit, row: found.rowIndex });
    this.goToRow(found.rowIndex, false);
  }
  findStep(delta: 1 | -1): void {
    const hits = this.hits();
    if (hits.length === 0) return this.dispatch({ type: 'open-panel', panel: 'search' });
    const current = this.state.search.hit;
    if (current >= 0) return this.showHit((current + delta + hits.length) % hits.length);
    // The first step of a new search goes from where the reader is, as a browser's Find does: the
    // first match from the current row on (Enter), or the last one before it (Shift+Enter).
    const here = this.state.currentRow;
    const after = hits.findIndex((h) => h.rowIndex >= here);
    const before = after < 0 ? hits.length - 1 : after - 1;
    this.showHit(delta > 0 ? Math.max(after, 0) : before < 0 ? hits.length - 1 : before);
  }

  // ---- the focused clause, the target row ----

  /** The clause with the keyboard focus, if any. */
  focusedClause(): { entry: RowEntry; lang: Lang; clause: Clause } | undefined {
    // A linked term inside a clause (stepped to with [ and ]) counts as its clause.
    const el = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('.clause');
    if (!el) return undefined;
    const entry = this.entries[Number(el.dataset.rowIndex)];
    const lang = el.closest<HTMLElement>('[data-lang]')?.dataset.lang as Lang | undefined;
    const clause = entry && lang ? entry.row[lang].find((c) => c.id === el.dataset.clauseId) : undefined;
    return entry && lang && clause ? { entry, lang, clause } : undefined;
  }
  /** The row an action applies to: the clause menu's, else the current row. */
  target(target?: RowTarget): { entry: RowEntry; lang: Lang } | undefined {
    const entry = this.entries[target?.rowIndex ?? this.state.currentRow];
    if (!entry) return undefined;
    const p = this.prefs;
    const lang = target?.lang ?? this.focusedClause()?.lang ?? (p.layout === 'single' ? p.singleLang : p.swapped ? 'ru' : 'en');
    return { entry, lang };
  }

  pinCounterpart(): void {
    const focused = this.focusedClause();
    if (focused) togglePinned({ rowId: focused.entry.row.id, clauseId: focused.clause.id, lang: focused.lang });
  }
  openContextMenu(): void {
    const focused = this.focusedClause();
    if (!focused) return;
    const box = (document.activeElement as HTMLElement).getBoundingClientRect();
    this.open({ kind: 'menu', target: { rowIndex: focused.entry.index, lang: focused.lang }, at: { x: box.left, y: box.bottom + 4 } });
  }

  // ---- copying ----

  async copy(what: 'en' | 'ru' | 'pair' | 'markdown', target?: RowTarget): Promise<void> {
    const entry = this.target(target)?.entry;
    if (!entry) return;
    const headings = { en: this.t('reader.columnEnglish'), ru: this.t('reader.columnRussian') };
    const text =
      what === 'pair'
        ? pairAsText(entry.row)
        : what === 'markdown'
          ? pairAsMarkdown(entry.row, entry.group.number, headings)
          : entry.row[what].map((c) => c.text).join(' ');
    try {
      await navigator.clipboard.writeText(text);
      this.say(this.t('notices.copied', { what: this.t(`clauseMenu.what.${what}`) }));
    } catch {
      this.say(this.t('notices.copyFailed'));
    }
  }

  // ---- annotations ----

  /** The selected text, or else the whole focused clause (so the keyboard can annotate too). */
  private targetText(): TextSelection | undefined {
    const pending = this.state.pending;
    if (pending) return pending.selection;
    const focused = this.focusedClause();
    return focused ? { lang: focused.lang, start: focused.clause.start, end: focused.clause.end, text: focused.clause.text } : undefined;
  }

  async highlight(color: AnnotationColor = this.state.lastColor): Promise<void> {
    const target = this.targetText();
    if (!target) return this.say(this.t('annotations.selectFirst'));
    this.dispatch({ type: 'last-color', color });
    try {
      await this.annotations.create({ type: 'text', lang: target.lang, start: target.start, end: target.end }, { kind: 'highlight', color });
      window.getSelection()?.removeAllRanges();
      this.dispatch({ type: 'selection', pending: undefined });
      this.say(this.t('annotations.highlighted'));
    } catch (e) {
      this.say(`${this.t('annotations.saveFailed')} ${message(e)}`);
    }
  }
  noteOnSelection(): void {
    const target = this.targetText();
    if (!target) return this.say(this.t('annotations.selectFirst'));
    this.open({ kind: 'new-text-note', selection: target });
  }
  noteOnRow(target?: RowTarget): void {
    const entry = this.target(target)?.entry;
    if (entry) this.open({ kind: 'new-row-note', rowIndex: entry.index });
  }
  editAnnotation(id: string): void {
    this.open({ kind: 'edit-note', annotationId: id, selection: this.state.pending?.selection });
  }
  async saveTextNote(selection: TextSelection, value: { color: AnnotationColor; note: string; tags: string[] }): Promise<void> {
    await this.annotations.create({ type: 'text', lang: selection.lang, start: selection.start, end: selection.end }, { kind: 'note', color: value.color, note: value.note, tags: value.tags });
    window.getSelection()?.removeAllRanges();
    this.dispatch({ type: 'selection', pending: undefined });
    this.say(this.t('annotations.saved'));
  }
  async saveRowNote(rowIndex: number, value: { color: AnnotationColor; note: string; tags: string[] }): Promise<void> {
    const entry = this.entries[rowIndex];
    if (!entry) return;
    await this.annotations.create({ type: 'row', rowId: entry.row.id }, { kind: 'note', color: value.color, note: value.note, tags: value.tags });
    this.say(this.t('annotations.saved'));
  }
  async deleteAnnotation(a: AnnotationView): Promise<void> {
    const done = (async () => {
      try {
        const deleted = await this.annotations.remove(a.id);
        this.dispatch({ type: 'annotation-deleted', annotation: deleted });
        this.say(this.t('annotations.deleted'));
      } catch (e) {
        this.say(`${this.t('annotations.deleteFailed')} ${message(e)}`);
      }
    })();
    this.deleting = this.deleting.then(() => done);
    await done;
  }
  /** The interface in the other language (the palette's *Interface language*); a failure is said. */
  async switchUiLanguage(): Promise<void> {
    try {
      await this.deps.switchUiLanguage?.();
    } catch {
      this.say(this.t('errors.saveSettingsFailed'));
    }
  }
  jumpToAnnotation(a: AnnotationView): void {
    if (a.anchor.status !== 'anchored') return;
    const at = this.rowIndexOf(a.anchor.rowId ?? '');
    if (at !== undefined) this.goToRow(at);
  }

  // ---- undo, redo: the alignment while editing it, deleted annotations while reading ----

  canUndo(): boolean {
    return this.state.mode === 'edit-alignment' ? (this.doc.alignment?.canUndo ?? false) : this.state.deleted.length > 0;
  }
  canRedo(): boolean {
    return this.state.mode === 'edit-alignment' ? (this.doc.alignment?.canRedo ?? false) : this.state.restored.length > 0;
  }
  async undo(): Promise<void> {
    if (this.state.mode === 'edit-alignment') {
      if (!this.doc.alignment?.canUndo) return this.say(this.t('alignment.nothingToUndo'));
      return this.changeAlignment(() => expectOk(getApi().undoAlignment({ documentId: this.doc.manifest.id })), this.state.currentRow, this.t('alignment.undone'));
    }
    return this.undoDelete();
  }
  /** Brings back the annotation deleted last. */
  async undoDelete(): Promise<void> {
    // Ctrl+Z pressed right after Delete: the deletion it undoes may not have come back yet.
    await this.deleting;
    const last = this.state.deleted.at(-1);
    if (!last) return this.say(this.t('annotations.nothingToUndo'));
    try {
      const restored = await this.annotations.restore(last.id);
      this.dispatch({ type: 'annotation-restored', annotation: restored });
      this.say(this.t('annotations.restored'));
    } catch (e) {
      this.say(`${this.t('annotations.saveFailed')} ${message(e)}`);
    }
  }
  async redo(): Promise<void> {
    if (this.state.mode === 'edit-alignment') {
      if (!this.doc.alignment?.canRedo) return this.say(this.t('alignment.nothingToRedo'));
      return this.changeAlignment(() => expectOk(getApi().redoAlignment({ documentId: this.doc.manifest.id })), this.state.currentRow, this.t('alignment.redone'));
    }
    const last = this.state.restored.at(-1);
    if (!last) return this.say(this.t('annotations.nothingToRedo'));
    try {
      const deleted = await this.annotations.remove(last.id);
      this.dispatch({ type: 'annotation-deleted-again', annotation: deleted });
      this.say(this.t('annotations.deleted'));
    } catch (e) {
      this.say(`${this.t('annotations.deleteFailed')} ${message(e)}`);
    }
  }

  // ---- the alignment (Edit alignment mode only: the registry enables these there) ----

  setMode(mode: Mode): void {
    if (mode === 'edit-alignment' && !this.editable) return this.say(this.t('alignment.readOnly'));
    this.dispatch({ type: 'mode', mode });
    this.say(this.t(mode === 'edit-alignment' ? 'modes.enteredEdit' : 'modes.enteredReading'));
  }
  toggleMode(): void {
    this.setMode(this.state.mode === 'reading' ? 'edit-alignment' : 'reading');
  }

  private async changeAlignment(call: () => Promise<DocumentView>, row: number, done: string, column?: { lang?: Lang; towards?: -1 | 1 }): Promise<void> {
    // The column the reader is in stays the one with the focus (a merge, a move, an undo used to
    // put it on the row's first clause, often in the other language).
    const lang = column?.lang ?? this.focusedClause()?.lang;
    try {
      const view = await call();
      this.deps.onDocumentChanged(view);
      this.say(done);
      // After the new rows are drawn.
      requestAnimationFrame(() => this.goToRow(row, true, { ...column, ...(lang ? { lang } : {}) }));
    } catch (e) {
      this.say(`${this.t('alignment.failed')} ${message(e)}`);
    }
  }
  apply(operation: AlignmentOperation, row: number, column?: { lang?: Lang; towards?: -1 | 1 }): Promise<void> {
    if (this.state.mode !== 'edit-alignment') {
      this.say(this.t('modes.needsEdit'));
      return Promise.resolve();
    }
    if (!this.editable) {
      this.say(this.t('alignment.readOnly'));
      return Promise.resolve();
    }
    return this.changeAlignment(() => expectOk(getApi().applyAlignment({ documentId: this.doc.manifest.id, operation })), row, this.t(`alignment.done.${operation.op}`), column);
  }
  merge(target?: RowTarget): void {
    const t = this.target(target);
    if (t) void this.apply({ op: 'merge', rowId: t.entry.row.id }, t.entry.index, { lang: t.lang });
  }
  move(direction: 'first-to-previous' | 'last-to-next', target?: RowTarget): void {
    const t = this.target(target);
    if (t) void this.apply({ op: 'move', rowId: t.entry.row.id, lang: t.lang, direction }, t.entry.index, { lang: t.lang, towards: direction === 'first-to-previous' ? -1 : 1 });
  }
  confirm(target?: RowTarget): void {
    const t = this.target(target);
    if (t) void this.apply({ op: 'confirm', rowId: t.entry.row.id, confirmed: !this.confirmed.has(t.entry.row.id) }, t.entry.index);
  }
  openSplit(target?: RowTarget): void {
    const t = this.target(target);
    if (!t) return;
    const words = (lang: Lang) => t.entry.row[lang].reduce((n, c) => n + c.text.split(/\s+/).filter(Boolean).length, 0);
    if (words('en') + words('ru') < 2) return this.say(this.t('alignment.cannotSplit'));
    this.open({ kind: 'split', rowIndex: t.entry.index, lang: t.lang });
  }
  /** The next row of a kind after the current one, in document order, wrapping; says how many. */
  review(kind: ReviewKind): void {
    const found = nextMatching(this.entries, this.state.currentRow, reviewPredicate(kind, this.confirmed));
    if (!found) return this.say(this.t(`alignment.noneLeft.${kind}`));
    this.goToRow(found.index);
    this.say(this.t(`alignment.found.${kind}`, { count: found.count }));
  }
  async exportBitext(format: BitextExportFormat): Promise<void> {
    try {
      const result = await expectOk(getApi().exportBitext({ documentId: this.doc.manifest.id, format }));
      if (result.saved) this.say(this.t('annotations.exported', { path: result.path ?? '' }));
    } catch (e) {
      this.say(this.t('annotations.exportFailed', { reason: message(e) }));
    }
  }

  // ---- appearance ----

  updatePrefs(patch: Partial<ReaderPrefs>): void {
    this.deps.updatePrefs(patch);
  }
  cycleLayout(): void {
    // One language hides the other column: a clause focused there went with it, and the focus with
    // it to the page. It goes to the same row in the column shown.
    const focused = this.focusedClause();
    this.updatePrefs({ layout: next(LAYOUT_CYCLE, this.prefs.layout) });
    if (focused)
      requestAnimationFrame(() => {
        const active = document.activeElement;
        if (!active || active === document.body) this.goToRow(focused.entry.index);
      });
  }
  cycleTheme(): void {
    this.updatePrefs({ theme: next(THEME_CYCLE, this.prefs.theme) });
  }
  cycleSpacing(): void {
    this.updatePrefs({ lineSpacing: next(SPACING_CYCLE, this.prefs.lineSpacing) });
  }
  zoom(step: 1 | -1 | 0): void {
    const fontStep = step === 0 ? 0 : Math.max(FONT_STEPS.min, Math.min(FONT_STEPS.max, this.prefs.fontStep + step));
    this.updatePrefs({ fontStep });
  }

  library(): void {
    this.deps.onLibrary();
  }
  /** The document as main has it now (its details edited, say). */
  documentChanged(doc: DocumentView): void {
    this.deps.onDocumentChanged(doc);
  }

  isModal(): boolean {
    return isModal(this.state);
  }
}
