import { describe, expect, it } from 'vitest';
import type { AnnotationView } from '../../src-main/contract/ipc';
import { initialState, isModal, reduce, type ReaderEvent, type ReaderState } from './reader-state';
import { createStore } from './store';

const run = (state: ReaderState, ...events: ReaderEvent[]) => events.reduce(reduce, state);
const note = (id: string) => ({ id }) as AnnotationView;

describe('the reader state', () => {
  it('opens in reading mode at the first row, nothing open', () => {
    const s = initialState(41);
    expect(s.mode).toBe('reading');
    expect(s.currentRow).toBe(0);
    expect(s.panel).toBeUndefined();
    expect(s.overlay).toBeUndefined();
    expect(isModal(s)).toBe(false);
  });

  it('keeps the current row inside the document, and asks for a jump each time', () => {
    const s = run(initialState(41), { type: 'go-to-row', row: 99 });
    expect(s.currentRow).toBe(40);
    expect(s.jump).toEqual({ row: 40, focus: true, seq: 1 });
    const again = reduce(s, { type: 'go-to-row', row: 40, focus: false });
    expect(again.jump).toEqual({ row: 40, focus: false, seq: 2 });
    expect(reduce(again, { type: 'go-to-row', row: -5 }).currentRow).toBe(0);
    expect(run(again, { type: 'rows-changed', rowCount: 10 }).currentRow).toBe(9);
  });

  it('following the focus moves the current row without a jump', () => {
    const s = reduce(initialState(41), { type: 'focus-row', row: 7 });
    expect(s.currentRow).toBe(7);
    expect(s.jump).toBeUndefined();
  });

  it('opens one panel at a time; toggling the open one closes it', () => {
    let s = reduce(initialState(41), { type: 'toggle-panel', panel: 'contents' });
    expect(s.panel).toBe('contents');
    s = reduce(s, { type: 'toggle-panel', panel: 'notes' });
    expect(s.panel).toBe('notes');
    s = reduce(s, { type: 'toggle-panel', panel: 'notes' });
    expect(s.panel).toBeUndefined();
  });

  it('a dialog is modal, the clause menu is not', () => {
    const open = reduce(initialState(41), { type: 'open-overlay', overlay: { kind: 'goto' } });
    expect(isModal(open)).toBe(true);
    expect(isModal(reduce(open, { type: 'close-overlay' }))).toBe(false);
    const menu = reduce(initialState(41), { type: 'open-overlay', overlay: { kind: 'menu', target: { rowIndex: 1, lang: 'en' }, at: { x: 0, y: 0 } } });
    expect(isModal(menu)).toBe(false);
  });

  it('leaving Edit alignment closes its dialog and keeps the rest', () => {
    let s = run(initialState(41), { type: 'mode', mode: 'edit-alignment' }, { type: 'go-to-row', row: 5 }, { type: 'open-overlay', overlay: { kind: 'split', rowIndex: 5, lang: 'en' } });
    s = reduce(s, { type: 'mode', mode: 'reading' });
    expect(s.mode).toBe('reading');
    expect(s.overlay).toBeUndefined();
    expect(s.currentRow).toBe(5);
  });

  it('a new search query forgets the current match; a match moves the current row', () => {
    let s = run(initialState(41), { type: 'search-query', query: 'health' }, { type: 'search-hit', hit: 3, row: 12 });
    expect(s.search).toEqual({ query: 'health', hit: 3 });
    expect(s.currentRow).toBe(12);
    s = reduce(s, { type: 'search-query', query: 'health care' });
    expect(s.search.hit).toBe(-1);
  });

  it('undo and redo of deletes: a stack, newest last; a new delete clears redo', () => {
    let s = run(initialState(41), { type: 'annotation-deleted', annotation: note('a') }, { type: 'annotation-deleted', annotation: note('b') });
    expect(s.deleted.map((a) => a.id)).toEqual(['a', 'b']);
    s = reduce(s, { type: 'annotation-restored', annotation: note('b') });
    expect(s.deleted.map((a) => a.id)).toEqual(['a']);
    expect(s.restored.map((a) => a.id)).toEqual(['b']);
    s = reduce(s, { type: 'annotation-deleted-again', annotation: note('b') });
    expect(s.deleted.map((a) => a.id)).toEqual(['a', 'b']);
    s = run(s, { type: 'annotation-restored', annotation: note('b') }, { type: 'annotation-deleted', annotation: note('c') });
    expect(s.restored).toEqual([]);
  });

  it('a notice is said again even when the text is the same', () => {
    const s = run(initialState(41), { type: 'say', text: 'Copied' });
    const again = reduce(s, { type: 'say', text: 'Copied' });
    expect(again.notice?.seq).not.toBe(s.notice?.seq);
    expect(reduce(again, { type: 'notice-shown' }).notice).toBeUndefined();
  });

  it('the peek follows the current row and toggles', () => {
    let s = run(initialState(41), { type: 'focus-row', row: 3 }, { type: 'toggle-peek' });
    expect(s.peekRow).toBe(3);
    s = reduce(s, { type: 'toggle-peek' });
    expect(s.peekRow).toBeUndefined();
  });
});

describe('the store', () => {
  it('notifies subscribers on a change and not on a no-op', () => {
    const store = createStore(reduce, initialState(41));
    let calls = 0;
    const stop = store.subscribe(() => calls++);
    store.dispatch({ type: 'close-panel' });
    expect(calls).toBe(0);
    store.dispatch({ type: 'toggle-panel', panel: 'search' });
    expect(calls).toBe(1);
    expect(store.get().panel).toBe('search');
    stop();
    store.dispatch({ type: 'close-panel' });
    expect(calls).toBe(1);
  });
});

describe('the comparison tools in the state', () => {
  it('search options change how search searches and start the matches over', () => {
    const s = run(initialState(41), { type: 'search-query', query: 'WHO' }, { type: 'search-hit', hit: 3, row: 5 });
    const next = reduce(s, { type: 'search-options', options: { mode: 'regex', forms: false, caseSensitive: true } });
    expect(next.searchOptions.mode).toBe('regex');
    expect(next.search).toEqual({ query: 'WHO', hit: -1 });
  });

  it('each concordance query from outside the panel is a new one, even the same word again', () => {
    const s = run(initialState(41), { type: 'concordance-query', query: 'health', lang: 'en' });
    const again = reduce(s, { type: 'concordance-query', query: 'health', lang: 'en' });
    expect(again.concordance.seq).toBe(s.concordance.seq + 1);
    expect(again.concordance).toMatchObject({ query: 'health', lang: 'en' });
  });

  it('the concordance is a panel; the glossary confirmation is modal', () => {
    const s = run(initialState(41), { type: 'open-panel', panel: 'concordance' });
    expect(s.panel).toBe('concordance');
    expect(isModal(s)).toBe(false);
    expect(isModal(reduce(s, { type: 'open-overlay', overlay: { kind: 'glossary-term', draft: { en: 'health', ru: 'здравоохранение' } } }))).toBe(true);
  });
});
