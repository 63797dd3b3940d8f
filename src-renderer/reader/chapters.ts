/**
 * The document's chapters as the contents panel shows them: each with the row it starts at (the
 * first row of its group, or of the next group with rows — a title group has none), and which one
 * the reader is in. Pure: no DOM, no React.
 */
import type { DocumentChapter, ParagraphGroup } from '../../src-main/contract/ipc';
import type { RowEntry } from './model';

export interface ChapterRow {
  chapter: DocumentChapter;
  /** Index into the reader's rows. */
  row: number;
}

/** Each chapter with its first row; chapters past the last row are left out. */
export function chapterRows(chapters: readonly DocumentChapter[], groups: readonly ParagraphGroup[], entries: readonly RowEntry[]): ChapterRow[] {
  const firstRow = new Map<ParagraphGroup, number>();
  for (const entry of entries) if (!firstRow.has(entry.group)) firstRow.set(entry.group, entry.index);
  const out: ChapterRow[] = [];
  for (const chapter of chapters) {
    let row: number | undefined;
    for (let g = chapter.group; g < groups.length && row === undefined; g++) row = firstRow.get(groups[g]!);
    if (row !== undefined) out.push({ chapter, row });
  }
  return out;
}

/** The chapter the row `current` is in: the last that starts at or before it (undefined before the first). */
export function currentChapter(rows: readonly ChapterRow[], current: number | undefined): number | undefined {
  if (current === undefined) return undefined;
  let lo = 0;
  let hi = rows.length - 1;
  let found: number | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid]!.row <= current) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
