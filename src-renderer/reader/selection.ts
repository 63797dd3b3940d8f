/**
 * Turns the reader's DOM selection into offsets in one language's whole text, using the clause
 * spans (`data-clause-id`) and each clause's known offsets. A selection that crosses into the
 * other column, or covers no clause text, gives nothing.
 */
import type { Clause, Lang } from '../../src-main/contract/ipc';

export interface TextSelection {
  lang: Lang;
  start: number;
  end: number;
  text: string;
}

/** Offset of a DOM point inside a clause element, in the clause's text. */
function offsetInClause(clauseEl: Element, node: Node, offset: number): number {
  const range = document.createRange();
  range.selectNodeContents(clauseEl);
  range.setEnd(node, offset);
  return range.toString().length;
}

function clauseElementAt(node: Node, offset: number, edge: 'start' | 'end'): { el: Element; offset: number } | undefined {
  const element = node instanceof Element ? node : node.parentElement;
  const inside = element?.closest('[data-clause-id]');
  if (inside) return { el: inside, offset: offsetInClause(inside, node, offset) };
  // The point is between clauses (the space between two sentences) or at a cell's edge:
  // take the nearest clause in the selection's direction.
  const cell = element?.closest('[data-lang]');
  if (!cell) return undefined;
  const clauses = [...cell.querySelectorAll('[data-clause-id]')];
  const probe = document.createRange();
  probe.setStart(node, offset);
  for (const el of edge === 'start' ? clauses : [...clauses].reverse()) {
    const r = document.createRange();
    r.selectNodeContents(el);
    const after = probe.compareBoundaryPoints(Range.START_TO_START, r) <= 0;
    if (edge === 'start' && after) return { el, offset: 0 };
    if (edge === 'end' && !after) return { el, offset: el.textContent?.length ?? 0 };
  }
  return undefined;
}

export function selectionInText(selection: Selection | null, clauseById: ReadonlyMap<string, { clause: Clause; lang: Lang }>): TextSelection | undefined {
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return undefined;
  const range = selection.getRangeAt(0);
  const from = clauseElementAt(range.startContainer, range.startOffset, 'start');
  const to = clauseElementAt(range.endContainer, range.endOffset, 'end');
  if (!from || !to) return undefined;
  const a = clauseById.get(from.el.getAttribute('data-clause-id') ?? '');
  const b = clauseById.get(to.el.getAttribute('data-clause-id') ?? '');
  if (!a || !b || a.lang !== b.lang) return undefined;
  const startLocal = snapStart(a.clause.text, from.offset);
  const endLocal = snapEnd(b.clause.text, to.offset);
  const start = a.clause.start + startLocal;
  const end = b.clause.start + endLocal;
  if (end <= start) return undefined;
  const text =
    a.clause.id === b.clause.id ? a.clause.text.slice(startLocal, endLocal) : `${a.clause.text.slice(startLocal)} … ${b.clause.text.slice(0, endLocal)}`;
  return { lang: a.lang, start, end, text };
}

const WORD = /[\p{L}\p{N}\p{M}’'-]/u;

/** A selection that starts inside a word takes the whole word (as readers expect). */
export function snapStart(text: string, at: number): number {
  let i = at;
  while (i > 0 && i < text.length && WORD.test(text[i - 1]!) && WORD.test(text[i]!)) i--;
  while (i < text.length && /\s/u.test(text[i]!)) i++;
  return i;
}

/** …and ends at the end of the word it ends in. */
export function snapEnd(text: string, at: number): number {
  let i = at;
  while (i > 0 && i < text.length && WORD.test(text[i - 1]!) && WORD.test(text[i]!)) i++;
  while (i > 0 && /\s/u.test(text[i - 1]!)) i--;
  return i;
}
