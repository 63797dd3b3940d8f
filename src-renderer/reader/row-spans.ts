/**
 * A row's text in one language is its clauses joined by one space (as main's comparison tools see
 * it: `rowsOfBody`). Links, concordance hits and search matches come as offsets in that row text;
 * the page draws clauses. These map one to the other. Pure: no DOM, no React.
 */
import type { AlignedRow, Lang } from '../../src-main/contract/ipc';

export interface RowSpan {
  start: number;
  end: number;
}

export interface ClauseSpan {
  clauseId: string;
  /** Offsets inside the clause's text. */
  start: number;
  end: number;
}

/** Where each clause of the side starts in the row text. */
export function clauseStarts(row: AlignedRow, lang: Lang): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const clause of row[lang]) {
    starts.push(at);
    at += clause.text.length + 1;
  }
  return starts;
}

/** The row text of one side, as main's comparison tools see it. */
export function sideText(row: AlignedRow, lang: Lang): string {
  return row[lang].map((c) => c.text).join(' ');
}

/** A span of the row text, cut into the clauses it covers (the joining spaces are left out). */
export function toClauseSpans(row: AlignedRow, lang: Lang, span: RowSpan, starts = clauseStarts(row, lang)): ClauseSpan[] {
  const out: ClauseSpan[] = [];
  row[lang].forEach((clause, k) => {
    const from = starts[k]!;
    const start = Math.max(span.start, from) - from;
    const end = Math.min(span.end, from + clause.text.length) - from;
    if (end > start) out.push({ clauseId: clause.id, start, end });
  });
  return out;
}
