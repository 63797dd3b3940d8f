/**
 * What the comparison actions do (the registry runs these by id), and the one way to open the
 * glossary editor pre-filled: `openGlossaryEditor(app, { en, ru })`, for any tool that finds a
 * term pair (the concordance's renderings, for one).
 */
import { useEffect } from 'react';
import type { ReaderController } from '../reader/controller';
import type { TextSelection } from '../reader/selection';
import type { GlossaryTermDraft, RowTarget } from '../state/reader-state';
import { focusedTermPair } from '../reader/term-actions';
import { cleanTerm, draftFromSelections } from './checks';
import { type CompareModel, compareOf } from './model';

/** Opens the glossary editor with a term pair filled in (either side may be empty, to type). */
export function openGlossaryEditor(app: ReaderController, draft: GlossaryTermDraft): void {
  app.dispatch({ type: 'open-overlay', overlay: { kind: 'glossary-term', draft } });
}

/** Focuses an open panel (a panel already open keeps its place but takes the focus): its first item, else its heading. */
function focusPanel(id: string): void {
  requestAnimationFrame(() => {
    const panel = document.getElementById(id);
    (panel?.querySelector<HTMLElement>('[data-autofocus]:not(:disabled)') ?? panel?.querySelector<HTMLElement>('h2'))?.focus({ preventScroll: true });
  });
}

export function toggleChecks(app: ReaderController): void {
  compareOf(app).showRow(undefined);
  app.dispatch({ type: 'toggle-panel', panel: 'checks' });
}

/** The Checks panel on one row's findings (from the mark in the row's margin). */
export function openChecksOnRow(app: ReaderController, rowId: string): void {
  compareOf(app).showRow(rowId);
  if (app.state.panel === 'checks') focusPanel('checks-panel');
  else app.dispatch({ type: 'open-panel', panel: 'checks' });
}

export function toggleGlossary(app: ReaderController): void {
  app.dispatch({ type: 'toggle-panel', panel: 'glossary' });
}

/** The row a selection starts in. */
function rowOfSelection(app: ReaderController, selection: TextSelection): string | undefined {
  for (const { clause, lang, rowIndex } of app.clauseIndex.values()) {
    if (lang === selection.lang && clause.start <= selection.start && selection.start < clause.end) return app.entries[rowIndex]?.row.id;
  }
  return undefined;
}

/**
 * "Add to glossary": the editor pre-filled from the selection in one column and the last one made
 * in the other column of the same row; a side with no selection is left to type. With no
 * selection and a linked term focused, the term and its counterpart.
 */
export function addToGlossaryFromSelection(app: ReaderController, target?: RowTarget): void {
  const model = compareOf(app);
  const pending = app.state.pending?.selection;
  const rowId = pending ? rowOfSelection(app, pending) : undefined;
  const current = pending && rowId ? { lang: pending.lang, rowId, text: pending.text } : undefined;
  // No selection, a linked term focused (the keyboard's way to point at words): its two ends.
  const term = pending ? undefined : focusedTermPair(app);
  if (term) return openGlossaryEditor(app, { en: cleanTerm(term.en), ru: cleanTerm(term.ru) });
  const row = rowId ?? app.entries[target?.rowIndex ?? app.state.currentRow]?.row.id;
  openGlossaryEditor(app, draftFromSelections(current, model.held, row));
}

/** The model of the open document, kept in step with its rows and the reader's selections. */
export function useCompareModel(app: ReaderController): CompareModel {
  const model = compareOf(app);
  const entries = app.entries;
  useEffect(() => model.rowsChanged(entries), [model, entries]);
  useEffect(() => {
    let last = app.state.pending;
    return app.store.subscribe(() => {
      const pending = app.state.pending;
      if (pending === last) return;
      last = pending;
      const rowId = pending ? rowOfSelection(app, pending.selection) : undefined;
      if (pending && rowId) model.hold(pending.selection, rowId);
    });
  }, [app, model]);
  return model;
}
