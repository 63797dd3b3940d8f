/**
 * The source's own footnotes in the reader (`DocumentView.footnotes`): the marks each clause
 * shows, and how a mark opens its note. Not the reader's annotations, which the UI calls notes:
 * these are called footnotes («сноски») everywhere. Pure, but for the context and the look-up.
 */
import { createContext, useContext } from 'react';
import type { DocumentFootnote, Lang } from '../../src-main/contract/ipc';

/** A footnote's mark in a clause: the note's index in `DocumentView.footnotes`, and before which character it stands. */
export interface FootnoteMark {
  index: number;
  at: number;
  label: string;
}

/** The marks of each clause, in text order (two at one place keep the file's order). */
export function footnotesByClause(footnotes: readonly DocumentFootnote[] | undefined): ReadonlyMap<string, readonly FootnoteMark[]> {
  const out = new Map<string, FootnoteMark[]>();
  footnotes?.forEach((note, index) => {
    if (note.clauseId === undefined || note.at === undefined) return;
    const list = out.get(note.clauseId) ?? [];
    list.push({ index, at: note.at, label: note.label });
    out.set(note.clauseId, list);
  });
  for (const list of out.values()) list.sort((a, b) => a.at - b.at || a.index - b.index);
  return out;
}

/** The marks in a stretch `[from, to)` of a clause's text (`last`: the stretch ends the clause, a mark after its last character too). */
export function marksIn(marks: readonly FootnoteMark[] | undefined, from: number, to: number, last: boolean): FootnoteMark[] | undefined {
  if (!marks || marks.length === 0) return undefined;
  const inside = marks.filter((m) => m.at >= from && (m.at < to || (last && m.at >= to)));
  return inside.length > 0 ? inside : undefined;
}

export interface FootnoteLayer {
  byClause: ReadonlyMap<string, readonly FootnoteMark[]>;
  /** Opens a footnote (its popup at its mark). */
  open(index: number): void;
  /** The UI language (a mark's name is said in it, inside a column of the other language). */
  ui: Lang;
}

export const FootnotesContext = createContext<FootnoteLayer>({ byClause: new Map(), open: () => undefined, ui: 'en' });

/** The footnote whose popup is open (its index), for its mark only: opening one redraws the marks, not the rows. */
export const OpenFootnoteContext = createContext<number | undefined>(undefined);

export function useFootnotes(): FootnoteLayer {
  return useContext(FootnotesContext);
}

/** The mark of footnote `index` in the reader, if drawn. */
export function footnoteMarkElement(index: number): HTMLElement | null {
  return document.querySelector<HTMLElement>(`#reader [data-footnote="${index}"]`);
}
