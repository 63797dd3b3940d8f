/**
 * The reader's notes as a print or a DOCX carries them: the row a note belongs to, the words it is
 * on (for a note on a selection) and its text. Pure.
 */
import type { AnnotationView, Lang } from '../../contract/ipc';

export interface RowNote {
  rowId: string;
  /** The column the note was made in (`undefined` for a note on the whole row). */
  lang?: Lang;
  /** The words the note is on. */
  quote?: string;
  text: string;
}

/** Notes with text, placed in a row of the current text (orphans are left out: they have no row). */
export function rowNotes(annotations: readonly AnnotationView[]): RowNote[] {
  const out: RowNote[] = [];
  for (const a of annotations) {
    const text = a.note.trim();
    if (text === '' || a.anchor.status !== 'anchored') continue;
    if (a.anchor.type === 'row') out.push({ rowId: a.anchor.rowId, text });
    else if (a.anchor.rowId !== null && a.target.type === 'text') out.push({ rowId: a.anchor.rowId, lang: a.anchor.lang, quote: a.target.selectors[0].exact, text });
  }
  return out;
}

/** Notes by row id, in the order given. */
export function notesByRow(notes: readonly RowNote[]): Map<string, RowNote[]> {
  const map = new Map<string, RowNote[]>();
  for (const n of notes) {
    const list = map.get(n.rowId);
    if (list) list.push(n);
    else map.set(n.rowId, [n]);
  }
  return map;
}

/** A note as one line: `“quote” — text` (or the text alone). */
export const noteLine = (n: RowNote) => (n.quote ? `“${n.quote.replace(/\s+/g, ' ').trim()}” — ${n.text}` : n.text);
