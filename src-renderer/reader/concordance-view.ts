/**
 * The concordance panel's logic, apart from React: which column a typed word is looked for in,
 * which hits have a given rendering (in any of its word forms), the snippets of a hit, and the
 * marks the hits put on the text. Main finds the rows and counts the renderings
 * (`compare:concordance`). Pure: no DOM, no React.
 */
import type { ConcordanceHit, ConcordanceResult } from '../../src-main/contract/compare';
import type { Lang } from '../../src-main/contract/ipc';
import type { Mark } from './ClauseText';
import type { RowEntry } from './model';
import { clauseStarts, sideText, toClauseSpans } from './row-spans';
import { compileQuery, DEFAULT_WORD_SEARCH, findMatches, type Snippet, snippetAround } from './word-search';

/** Russian when the query has a Cyrillic letter, else English. */
export function queryLang(query: string): Lang {
  return /\p{Script=Cyrillic}/u.test(query) ? 'ru' : 'en';
}

/** Is `text` (a hit's rendering) a form of `rendering` (as main counted it)? */
export function isFormOf(text: string, rendering: string): boolean {
  const compiled = compileQuery(rendering, { ...DEFAULT_WORD_SEARCH, mode: 'phrase' });
  if (!compiled.ok) return false;
  const trimmed = text.trim();
  return findMatches(trimmed, compiled.query).some((m) => m.start === 0 && m.end === trimmed.length);
}

export interface HitSnippets {
  /** The query's side, cut around the occurrence. */
  match: Snippet;
  /** The other side, cut around the rendering (or from its start when there is none). */
  other: Snippet;
  /** Where the rendering is in `other.text`, if there is one. */
  rendering: { start: number; end: number } | undefined;
}

export function hitSnippets(entry: RowEntry, lang: Lang, hit: ConcordanceHit, width = 110): HitSnippets {
  const otherLang: Lang = lang === 'en' ? 'ru' : 'en';
  const match = snippetAround(sideText(entry.row, lang), hit.match, width);
  const other = snippetAround(sideText(entry.row, otherLang), hit.rendering ?? { start: 0, end: 0 }, width);
  return { match, other, rendering: hit.rendering ? { start: other.matchStart, end: other.matchEnd } : undefined };
}

/** Marks for the text: each occurrence, and its rendering on the other side; the current hit stronger. */
export function concordanceMarks(
  entries: readonly RowEntry[],
  rowIndexOf: (rowId: string) => number | undefined,
  result: ConcordanceResult,
  current: number,
): Map<number, Map<string, Mark[]>> {
  const out = new Map<number, Map<string, Mark[]>>();
  const otherLang: Lang = result.lang === 'en' ? 'ru' : 'en';
  const add = (rowIndex: number, lang: Lang, span: { start: number; end: number }, className: string) => {
    const entry = entries[rowIndex];
    if (!entry) return;
    const row = out.get(rowIndex) ?? new Map<string, Mark[]>();
    out.set(rowIndex, row);
    for (const piece of toClauseSpans(entry.row, lang, span, clauseStarts(entry.row, lang))) {
      const list = row.get(piece.clauseId) ?? [];
      row.set(piece.clauseId, list);
      list.push({ start: piece.start, end: piece.end, className });
    }
  };
  result.hits.forEach((hit, i) => {
    const at = rowIndexOf(hit.rowId);
    if (at === undefined) return;
    const now = i === current ? ' is-current' : '';
    add(at, result.lang, hit.match, `concordance-match${now}`);
    if (hit.rendering) add(at, otherLang, hit.rendering, `concordance-rendering${now}`);
  });
  return out;
}

/** Two sets of marks (by row, then clause) as one. */
export function mergeMarks<M>(a: ReadonlyMap<number, ReadonlyMap<string, readonly M[]>>, b: ReadonlyMap<number, ReadonlyMap<string, readonly M[]>>): ReadonlyMap<number, ReadonlyMap<string, readonly M[]>> {
  if (b.size === 0) return a;
  if (a.size === 0) return b;
  const out = new Map<number, ReadonlyMap<string, readonly M[]>>(a);
  for (const [rowIndex, clauses] of b) {
    const mine = a.get(rowIndex);
    if (!mine) {
      out.set(rowIndex, clauses);
      continue;
    }
    const merged = new Map<string, readonly M[]>(mine);
    for (const [clauseId, marks] of clauses) merged.set(clauseId, [...(mine.get(clauseId) ?? []), ...marks]);
    out.set(rowIndex, merged);
  }
  return out;
}
