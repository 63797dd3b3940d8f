/**
 * The reader's side effects, in one place: scrolling and focus when the state asks for a jump,
 * the reading position (restored on open, saved as the reader scrolls), the current row following
 * the focus, the text selection, the bookmarks, the sticky header's height.
 */
import { type RefObject, useEffect, useLayoutEffect } from 'react';
import { expectOk, getApi } from '../api';
import type { Jump } from '../state/reader-state';
import { useStore } from '../state/store';
import type { ReaderController } from './controller';
import type { ReaderBodyHandle } from './ReaderBody';
import { selectionInText } from './selection';

/**
 * Until the first key or pointer press of the session, a focus the app gives is drawn without the
 * ring (`focusVisible: false`): at start nobody is at the keyboard yet. After it the browser's own
 * rule (:focus-visible) decides: the ring for the keyboard, none for the mouse.
 */
let untouched = typeof window !== 'undefined';
if (untouched) {
  const touched = () => {
    untouched = false;
    window.removeEventListener('keydown', touched, true);
    window.removeEventListener('pointerdown', touched, true);
  };
  window.addEventListener('keydown', touched, true);
  window.addEventListener('pointerdown', touched, true);
}
const ring = (): FocusOptions => (untouched ? { focusVisible: false } : {});

/** Where the focus is the reader's own doing: a field typed into, a dialog. */
function readerTyping(now: Element | null): boolean {
  return now instanceof HTMLElement && (now.matches('input, textarea, select, [contenteditable="true"]') || !!now.closest('dialog[open]'));
}

/** Nothing has the focus yet (the page's body, or the text's own area waiting for the document). */
function nothingFocused(): boolean {
  const now = document.activeElement;
  return !now || now === document.body || now.id === 'reader';
}

/**
 * Focuses the row's first clause, waiting a few frames for a virtualised row to be rendered; gives
 * up if meanwhile the reader went to type somewhere (a search box, a dialog's field): that keeps it.
 * `options`: passed to `focus` (the document just opened gives its first row the focus unscrolled).
 */
function focusRow(rowIndex: number, tries = 6, options: FocusOptions = { preventScroll: true, ...ring() }, onlyIfNothingFocused = false, column?: Pick<Jump, 'lang' | 'towards'>): void {
  if (readerTyping(document.activeElement)) return;
  // The focus given on open waits for the row; if the reader put the focus somewhere meanwhile
  // (a click, Tab), it stays there.
  if (onlyIfNothingFocused && !nothingFocused()) return;
  const row = document.querySelector<HTMLElement>(`[data-row-line="${rowIndex}"]`);
  const clause = row && (clauseInColumn(row, rowIndex, column) ?? row.querySelector<HTMLElement>('.clause'));
  if (clause) clause.focus(options);
  else if (tries > 0) requestAnimationFrame(() => focusRow(rowIndex, tries - 1, options, onlyIfNothingFocused, column));
}

/**
 * The row's clause in the reader's column (after a correction the focus stays in the language it
 * was in); a row with nothing in that language (a clause moved out of it): the one next to it in
 * the row it went to.
 */
function clauseInColumn(row: HTMLElement, rowIndex: number, column: Pick<Jump, 'lang' | 'towards'> | undefined): HTMLElement | null {
  if (!column?.lang) return null;
  const inColumn = (el: Element | null) => [...(el?.querySelectorAll<HTMLElement>(`.cell[lang="${column.lang}"] .clause`) ?? [])];
  const here = inColumn(row);
  if (here.length > 0) return here[0]!;
  if (!column.towards) return null;
  const there = inColumn(document.querySelector(`[data-row-line="${rowIndex + column.towards}"]`));
  return (column.towards < 0 ? there.at(-1) : there[0]) ?? null;
}

/**
 * `focusOnOpen`: the document was just opened (at start, from the library, whose button is gone, or
 * by an import): the focus goes to the row read last (else the first), as it would to a page's
 * first field, unless the reader has meanwhile put it somewhere (Tab, a click, a search box).
 * At start the clause has the focus without the ring (see `ring`); J moves on with it, and the ring.
 */
export function useReaderEffects(app: ReaderController, body: RefObject<ReaderBodyHandle | null>, header: RefObject<HTMLElement | null>, focusOnOpen = false, knownPosition?: string | null): void {
  const jump = useStore(app.store, (s) => s.jump);
  const documentId = app.doc.manifest.id;

  // For the benchmark: when the first aligned rows are on screen.
  useEffect(() => {
    performance.mark('bitext:first-rows');
  }, []);

  // The sticky header's height, for scrolling rows into view below it.
  useLayoutEffect(() => {
    const el = header.current;
    if (!el) return;
    const observer = new ResizeObserver(() => document.documentElement.style.setProperty('--header-height', `${el.offsetHeight}px`));
    observer.observe(el);
    return () => observer.disconnect();
  }, [header]);

  // A jump: after this frame's focus changes (a closing dialog gives focus back to its opener).
  useEffect(() => {
    if (!jump) return;
    const frame = requestAnimationFrame(() => {
      body.current?.scrollToIndex(jump.row);
      if (jump.focus) focusRow(jump.row, 6, undefined, false, jump);
    });
    return () => cancelAnimationFrame(frame);
  }, [jump, body]);

  // Reading position: restored on open, saved (debounced) as the reader scrolls. At start it comes
  // with the document (`knownPosition`) and is restored as the rows are drawn, before any key or
  // pointer can reach them; else it is asked for, and a reader who has moved meanwhile (Go to, J, a
  // match) is not pulled back.
  useEffect(() => {
    let cancelled = false;
    void app.loadBookmarks();
    const opened = app.state.jump?.seq;
    // The first row is at the top of the page already, under the document's heading: it takes the
    // focus where it is, the heading left in view (the page scrolls only if it is out of sight).
    const focusFirst = () => {
      if (!cancelled && focusOnOpen && app.entries.length > 0) focusRow(0, 6, ring(), true);
    };
    const restore = (rowId: string | null) => {
      if (cancelled || app.state.jump?.seq !== opened) return;
      const at = rowId ? app.rowIndexOf(rowId) : undefined;
      if (at !== undefined && at > 0) {
        // Scrolled there by the jump; focused once the row is drawn, unless the focus is elsewhere by then.
        app.goToRow(at, false);
        if (focusOnOpen) requestAnimationFrame(() => focusRow(at, 6, undefined, true));
      } else focusFirst();
      const first = app.entries[0]?.row.id;
      if (!rowId && first) void getApi().setReadingPosition({ documentId, rowId: first });
    };
    if (knownPosition !== undefined) restore(knownPosition);
    else
      expectOk(getApi().getReadingPosition({ documentId }))
        .then(({ rowId }) => restore(rowId))
        .catch(focusFirst);
    return () => {
      cancelled = true;
    };
    // Only on open: `focusOnOpen` is how the document was reached, read once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [app, documentId]);

  useEffect(() => {
    let timer: number | undefined;
    let last: string | undefined;
    const onScroll = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        const rowIndex = topRow(header.current);
        app.dispatch({ type: 'top-row', row: rowIndex });
        const rowId = app.entries[rowIndex]?.row.id;
        if (!rowId || rowId === last) return;
        last = rowId;
        void getApi().setReadingPosition({ documentId, rowId });
      }, 300);
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      window.removeEventListener('scroll', onScroll);
      window.clearTimeout(timer);
    };
  }, [app, documentId, header]);

  // Follow focus: the row holding the focused clause is the current row.
  useEffect(() => {
    const onFocus = (e: FocusEvent) => {
      const clause = (e.target as HTMLElement | null)?.closest?.<HTMLElement>('[data-row-index]');
      if (clause) app.dispatch({ type: 'focus-row', row: Number(clause.dataset.rowIndex) });
    };
    document.addEventListener('focusin', onFocus);
    return () => document.removeEventListener('focusin', onFocus);
  }, [app]);

  // A selection inside one column offers the highlight bar once the reader has finished making
  // the selection, not while the mouse button is still down.
  useEffect(() => {
    let timer: number | undefined;
    let pointerDown = false;
    const update = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        if (pointerDown) return;
        const sel = window.getSelection();
        const selection = selectionInText(sel, app.clauseIndex);
        if (!selection || !sel) {
          if (app.state.pending) app.dispatch({ type: 'selection', pending: undefined });
          return;
        }
        const box = sel.getRangeAt(0).getBoundingClientRect();
        app.dispatch({ type: 'selection', pending: { selection, at: { x: box.left + box.width / 2, y: box.top } } });
      }, 80);
    };
    const onDown = (e: PointerEvent) => {
      if ((e.target as HTMLElement | null)?.closest?.('.selection-bar')) return;
      pointerDown = true;
      if (app.state.pending) app.dispatch({ type: 'selection', pending: undefined });
    };
    const onUp = () => {
      pointerDown = false;
      update();
    };
    document.addEventListener('selectionchange', update);
    document.addEventListener('pointerdown', onDown);
    document.addEventListener('pointerup', onUp);
    return () => {
      document.removeEventListener('selectionchange', update);
      document.removeEventListener('pointerdown', onDown);
      document.removeEventListener('pointerup', onUp);
      window.clearTimeout(timer);
    };
  }, [app]);
}

/** The first row under the sticky header (and the column heads, which may cover it). */
function topRow(header: HTMLElement | null): number {
  const top = (header?.offsetHeight ?? 0) + 40;
  const line = document
    .elementsFromPoint(window.innerWidth / 2, top)
    .map((el) => el.closest<HTMLElement>('[data-row-line]'))
    .find((el) => el !== null);
  return line ? Number(line.dataset.rowLine) : window.scrollY < 50 ? 0 : -1;
}
