/**
 * What is drawn over the text: annotation highlights (a marker on those carrying a note), search
 * matches, and the comparison notes of each row. Pure, for the reader body.
 */
import type { AnnotationView, Clause, Lang } from '../../src-main/contract/ipc';
import type { Mark } from './ClauseText';
import type { SearchHit } from './model';

export interface Marks {
  marks: ReadonlyMap<number, ReadonlyMap<string, readonly Mark[]>>;
  /** Comparison notes, by row index. */
  rowNotes: ReadonlyMap<number, readonly AnnotationView[]>;
  /** Notes on text (not empty), by the row they start in: for the margin. */
  marginNotes: ReadonlyMap<number, readonly AnnotationView[]>;
}

export function buildMarks(
  annotations: readonly AnnotationView[],
  clauseIndex: ReadonlyMap<string, { clause: Clause; lang: Lang; rowIndex: number }>,
  rowIndexOf: (rowId: string) => number | undefined,
  hits: readonly SearchHit[],
  currentHit: number,
): Marks {
  const byRow = new Map<number, Map<string, Mark[]>>();
  const notes = new Map<number, AnnotationView[]>();
  const margin = new Map<number, AnnotationView[]>();
  const add = (rowIndex: number, clauseId: string, mark: Mark) => {
    const row = byRow.get(rowIndex) ?? new Map<string, Mark[]>();
    byRow.set(rowIndex, row);
    const list = row.get(clauseId) ?? [];
    row.set(clauseId, list);
    list.push(mark);
  };
  for (const a of annotations) {
    const anchor = a.anchor;
    if (anchor.status !== 'anchored') continue;
    if (anchor.type === 'row') {
      const at = rowIndexOf(anchor.rowId);
      if (at !== undefined) notes.set(at, [...(notes.get(at) ?? []), a]);
      continue;
    }
    let first = true;
    for (const id of anchor.clauseIds) {
      const c = clauseIndex.get(id);
      if (!c) continue;
      const start = Math.max(anchor.start, c.clause.start) - c.clause.start;
      const end = Math.min(anchor.end, c.clause.end) - c.clause.start;
      if (end <= start) continue;
      if (first && a.note) margin.set(c.rowIndex, [...(margin.get(c.rowIndex) ?? []), a]);
      add(c.rowIndex, id, {
        start,
        end,
        className: `anno swatch-${a.color}${a.note && first ? ' has-note' : ''}`,
        ...(a.note && first ? { endClassName: 'note-end' } : {}),
        annotationId: a.id,
        ...(a.note ? { title: a.note } : {}),
      });
      first = false;
    }
  }
  hits.forEach((hit, i) => add(hit.rowIndex, hit.clauseId, { start: hit.start, end: hit.end, className: i === currentHit ? 'search-hit is-current' : 'search-hit' }));
  return { marks: byRow, rowNotes: notes, marginNotes: margin };
}
