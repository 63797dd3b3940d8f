/**
 * The source's own footnotes as the print and the DOCX place them: by clause, in text order, each
 * with the offset of its mark in the clause's text. Pure.
 */
import type { DocumentFootnote } from '../../contract/ipc';

export interface PlacedFootnote {
  at: number;
  note: DocumentFootnote;
}

/** Footnotes with a place, by clause id; a mark past the clause's end goes at its end (the caller clamps). */
export function footnotesByClause(footnotes: readonly DocumentFootnote[] | undefined): Map<string, PlacedFootnote[]> {
  const out = new Map<string, PlacedFootnote[]>();
  for (const note of footnotes ?? []) {
    if (note.clauseId === undefined || note.at === undefined) continue;
    const list = out.get(note.clauseId) ?? [];
    list.push({ at: Math.max(0, note.at), note });
    out.set(note.clauseId, list);
  }
  // Stable: two marks at one place keep the file's order.
  for (const list of out.values()) list.sort((a, b) => a.at - b.at);
  return out;
}
