/**
 * The source files' own footnotes placed in the aligned body: each note the import kept (with its
 * paragraph and the offset of its mark in it, `import/extracted.ts`) becomes a `DocumentFootnote`
 * at a clause and an offset in the clause's text. Computed from the body as opened, so a note
 * follows the reader's corrections (a clause split or merged keeps its paragraph and offsets).
 * Pure: no Electron, no Node APIs.
 */
import type { DocumentFootnote } from '../../contract/ipc';
import type { AlignedText, Clause, Lang } from '../model';
import { splitParagraphs } from '../text/segment';

/** What the import kept of one note (`SideStructure['notes']`). */
export interface StoredNote {
  label?: string | undefined;
  paragraph?: number | undefined;
  offset?: number | undefined;
  text: string;
}

/** The longest label shown as the mark (a longer one — a title such as "Примечание 12" — gives way to the note's number). */
const MAX_LABEL = 6;

const CLAUSE_ID = /^(?:en|ru)-p(\d+)-c\d+$/;

/** The notes of both sides at their places; English first, each side in the order the import kept. */
export function documentFootnotes(body: AlignedText, texts: Record<Lang, string>, notes: Partial<Record<Lang, readonly StoredNote[]>>): DocumentFootnote[] | undefined {
  const out: DocumentFootnote[] = [];
  for (const lang of ['en', 'ru'] as const) {
    const side = notes[lang];
    if (!side || side.length === 0) continue;
    // The clauses of each paragraph, in text order.
    const clauses = new Map<number, Clause[]>();
    for (const group of body.groups) {
      for (const row of group.rows) {
        for (const clause of row[lang]) {
          const m = CLAUSE_ID.exec(clause.id);
          if (!m) continue;
          const p = Number(m[1]);
          const list = clauses.get(p) ?? [];
          list.push(clause);
          clauses.set(p, list);
        }
      }
    }
    for (const list of clauses.values()) list.sort((a, b) => a.start - b.start);
    const paragraphs = splitParagraphs(texts[lang]);
    side.forEach((note, index) => {
      const text = note.text.trim();
      if (text === '') return;
      const given = note.label?.trim() ?? '';
      const label = given !== '' && given.length <= MAX_LABEL ? given : String(index + 1);
      const place = note.paragraph === undefined ? undefined : placeOf(paragraphs[note.paragraph], clauses.get(note.paragraph), note.offset);
      out.push({ lang, label, text, ...place });
    });
  }
  return out.length > 0 ? out : undefined;
}

/** The clause and the offset in it of a mark `offset` code units into a paragraph (absent: at its end). */
function placeOf(paragraph: { start: number; end: number } | undefined, clauses: readonly Clause[] | undefined, offset: number | undefined): { clauseId: string; at: number } | undefined {
  if (!paragraph || !clauses || clauses.length === 0) return undefined;
  const at = offset === undefined ? paragraph.end : Math.min(paragraph.end, paragraph.start + Math.max(0, offset));
  // The last clause starting before the mark (a mark between two sentences goes after the first).
  let clause = clauses[0]!;
  for (const c of clauses) {
    if (c.start < at) clause = c;
    else break;
  }
  return { clauseId: clause.id, at: Math.max(0, Math.min(clause.text.length, at - clause.start)) };
}
