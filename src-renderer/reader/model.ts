/**
 * The reader's view of a document: its rows in reading order, with what the page needs to draw
 * paragraph numbers and part headings, and a search index over every clause (rendered or not).
 */
import type { AlignedRow, Clause, DocumentView, Lang, ParagraphGroup, ParagraphKind } from '../../src-main/contract/ipc';
import { type FoldedText, findAll, foldQuery, foldText } from './search';

export interface RowEntry {
  index: number;
  row: AlignedRow;
  group: ParagraphGroup;
  firstInGroup: boolean;
  lastInGroup: boolean;
  /** Set on the first row of a part (preamble, operative paragraphs, body). */
  partStart: ParagraphKind | undefined;
  /** The row's group starts a chapter (its heading): `DocumentView.chapters`. */
  chapterHeading?: boolean;
}

export function flattenRows(doc: DocumentView): RowEntry[] {
  const entries: RowEntry[] = [];
  let kind: ParagraphKind | undefined;
  const chapterGroups = new Set((doc.chapters ?? []).map((c) => doc.body.groups[c.group]));
  // Part headings only in a document that has parts (a preamble, an operative part): a plain text
  // is not headed "Text".
  const hasParts = doc.body.groups.some((g) => g.kind === 'preamble' || g.kind === 'operative');
  for (const group of doc.body.groups) {
    if (group.kind === 'title') continue;
    group.rows.forEach((row, i) => {
      entries.push({
        index: entries.length,
        row,
        group,
        firstInGroup: i === 0,
        lastInGroup: i === group.rows.length - 1,
        partStart: hasParts && i === 0 && group.kind !== kind ? group.kind : undefined,
        ...(chapterGroups.has(group) ? { chapterHeading: true } : {}),
      });
    });
    kind = group.kind;
  }
  return entries;
}

export interface SearchHit {
  rowIndex: number;
  lang: Lang;
  clauseId: string;
  /** Offsets within the clause text. */
  start: number;
  end: number;
}

/** Every clause folded once, so each query is a scan of plain strings. */
export class SearchIndex {
  private readonly clauses: Array<{ rowIndex: number; lang: Lang; clause: Clause; folded: FoldedText }> = [];

  constructor(entries: readonly RowEntry[]) {
    for (const entry of entries) {
      for (const lang of ['en', 'ru'] as const) {
        for (const clause of entry.row[lang]) {
          this.clauses.push({ rowIndex: entry.index, lang, clause, folded: foldText(clause.text) });
        }
      }
    }
  }

  /** Hits in reading order: by row, English before Russian, left to right. */
  search(query: string, limit = 10_000): SearchHit[] {
    const q = foldQuery(query);
    const hits: SearchHit[] = [];
    if (q === '') return hits;
    for (const { rowIndex, lang, clause, folded } of this.clauses) {
      for (const [start, end] of findAll(folded, q)) {
        hits.push({ rowIndex, lang, clauseId: clause.id, start, end });
        if (hits.length >= limit) return hits;
      }
    }
    return hits;
  }
}

/** The first row of each paragraph, for the table of contents and paragraph jumps. */
export function paragraphStarts(entries: readonly RowEntry[]): RowEntry[] {
  return entries.filter((e) => e.firstInGroup);
}

export function rowText(row: AlignedRow, lang: Lang): string {
  return row[lang].map((c) => c.text).join(' ');
}
