/**
 * Where a dictionary lookup starts: the word double-clicked, or the linked term focused with ]
 * and [, or the word at the caret (or the start of the selection) in the focused clause, or its
 * first word. Opens the lookup popup
 * (`components/LookupPopup.tsx`) through the state like every overlay.
 */
import type { Lang } from '../../src-main/contract/ipc';
import type { LookupTarget } from '../state/reader-state';
import type { ReaderController } from './controller';
import { textOffsetIn } from './words';

/** The clause element a DOM node is in, with what the state needs to name it. */
function clauseOf(node: Node | null): { el: HTMLElement; rowIndex: number; lang: Lang; clauseId: string } | undefined {
  const start = node instanceof HTMLElement ? node : node?.parentElement;
  const el = start?.closest<HTMLElement>('.clause[data-clause-id]');
  const lang = el?.closest<HTMLElement>('[data-lang]')?.dataset.lang;
  if (!el || (lang !== 'en' && lang !== 'ru')) return undefined;
  const rowIndex = Number(el.dataset.rowIndex);
  if (!Number.isInteger(rowIndex)) return undefined;
  return { el, rowIndex, lang, clauseId: el.dataset.clauseId ?? '' };
}

/** The lookup target of the selection (a double-click selects the word), if it is in a clause. */
function targetOfSelection(selection: Selection | null = window.getSelection()): LookupTarget | undefined {
  if (!selection || selection.rangeCount === 0) return undefined;
  const range = selection.getRangeAt(0);
  const clause = clauseOf(range.startContainer);
  if (!clause) return undefined;
  const offset = textOffsetIn(clause.el, range.startContainer, range.startOffset);
  return offset === undefined ? undefined : { rowIndex: clause.rowIndex, lang: clause.lang, clauseId: clause.clauseId, offset };
}

/** The linked term that has the focus (stepped to with ] and [), as a lookup target: its first word. */
function targetOfFocusedTerm(active: Element | null = document.activeElement): LookupTarget | undefined {
  if (!(active instanceof HTMLElement) || !active.classList.contains('term')) return undefined;
  const clause = clauseOf(active);
  if (!clause) return undefined;
  const offset = textOffsetIn(clause.el, active, 0);
  return offset === undefined ? undefined : { rowIndex: clause.rowIndex, lang: clause.lang, clauseId: clause.clauseId, offset };
}

/** The key: the focused term, else the selected word in the focused clause, else its first word. */
export function lookUpFocused(app: ReaderController): void {
  const focused = app.focusedClause();
  if (!focused) return app.say(app.t('lookup.focusFirst'));
  const fromTerm = targetOfFocusedTerm();
  const fromSelection = targetOfSelection();
  const target =
    fromTerm && fromTerm.clauseId === focused.clause.id
      ? fromTerm
      : fromSelection && fromSelection.clauseId === focused.clause.id
        ? fromSelection
        : { rowIndex: focused.entry.index, lang: focused.lang, clauseId: focused.clause.id, offset: 0 };
  app.open({ kind: 'lookup', target });
}

/** A double-click on a word of the text opens its lookup (nothing modal may be open). */
export function lookUpDoubleClicked(app: ReaderController, event: MouseEvent): void {
  if (app.isModal() || !(event.target instanceof Node) || !clauseOf(event.target)) return;
  const target = targetOfSelection();
  if (target) app.open({ kind: 'lookup', target });
}
