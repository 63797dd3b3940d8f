/**
 * Rows worth a look while editing the alignment, found in the rows the reader shows: unchecked,
 * not one-to-one, or weak (confidence below the threshold). Pure, for Node tests.
 */
import { type AlignedRow, REVIEW_KINDS, type ReviewKind } from '../../src-main/contract/ipc';
import { WEAK_CONFIDENCE } from '../../src-main/contract/limits';
import type { RowEntry } from './model';

export { WEAK_CONFIDENCE };

export { REVIEW_KINDS, type ReviewKind };

export function isWeak(row: AlignedRow, confirmed: ReadonlySet<string>, threshold = WEAK_CONFIDENCE): boolean {
  return !confirmed.has(row.id) && row.confidence < threshold;
}

export function reviewPredicate(kind: ReviewKind, confirmed: ReadonlySet<string>, threshold = WEAK_CONFIDENCE): (row: AlignedRow) => boolean {
  if (kind === 'unconfirmed') return (row) => !confirmed.has(row.id);
  if (kind === 'non-one-to-one') return (row) => row.en.length !== 1 || row.ru.length !== 1;
  return (row) => isWeak(row, confirmed, threshold);
}

/**
 * The first matching row after `current` in document order, wrapping to the start (the current
 * row itself comes last), and how many rows match in all. Undefined when none does.
 */
export function nextMatching(entries: readonly RowEntry[], current: number, matches: (row: AlignedRow) => boolean): { index: number; count: number } | undefined {
  let count = 0;
  let after: number | undefined;
  let first: number | undefined;
  for (const entry of entries) {
    if (!matches(entry.row)) continue;
    count++;
    first ??= entry.index;
    if (after === undefined && entry.index > current) after = entry.index;
  }
  const index = after ?? first;
  return index === undefined ? undefined : { index, count };
}
