import { describe, expect, it } from 'vitest';
import type { AlignedRow, ParagraphGroup } from '../../src-main/contract/ipc';
import { isWeak, nextMatching, reviewPredicate } from './alignment';
import type { RowEntry } from './model';

const clause = (id: string) => ({ id, text: id, start: 0, end: id.length });
function entries(rows: Array<Partial<AlignedRow> & { confidence: number }>): RowEntry[] {
  const group = { number: 1, kind: 'body', en: [0], ru: [0], rows: [] } as unknown as ParagraphGroup;
  return rows.map((r, index) => ({
    index,
    row: { id: `r1-${index}`, en: r.en ?? [clause(`en${index}`)], ru: r.ru ?? [clause(`ru${index}`)], confidence: r.confidence },
    group,
    firstInGroup: index === 0,
    lastInGroup: index === rows.length - 1,
    partStart: undefined,
  }));
}

describe('next weakest row', () => {
  const rows = entries([{ confidence: 1 }, { confidence: 0.3 }, { confidence: 0.95 }, { confidence: 0.5 }, { confidence: 1 }]);
  const weak = reviewPredicate('weakest', new Set());

  it('goes to the next row below the threshold in document order, and counts only weak rows', () => {
    expect(nextMatching(rows, 0, weak)).toEqual({ index: 1, count: 2 });
    expect(nextMatching(rows, 1, weak)).toEqual({ index: 3, count: 2 });
  });

  it('wraps to the first weak row after the last', () => {
    expect(nextMatching(rows, 3, weak)).toEqual({ index: 1, count: 2 });
    expect(nextMatching(rows, 4, weak)).toEqual({ index: 1, count: 2 });
  });

  it('finds none in a document of confident rows', () => {
    expect(nextMatching(entries([{ confidence: 1 }, { confidence: 0.99 }]), 0, weak)).toBeUndefined();
  });

  it('a checked row is not weak', () => {
    expect(isWeak(rows[1]!.row, new Set(['r1-1']))).toBe(false);
    expect(nextMatching(rows, 0, reviewPredicate('weakest', new Set(['r1-1'])))).toEqual({ index: 3, count: 1 });
  });
});

describe('other review jumps', () => {
  it('not one-to-one, unchecked', () => {
    const rows = entries([{ confidence: 1 }, { confidence: 1, ru: [clause('a'), clause('b')] }, { confidence: 1 }]);
    expect(nextMatching(rows, 0, reviewPredicate('non-one-to-one', new Set()))).toEqual({ index: 1, count: 1 });
    expect(nextMatching(rows, 0, reviewPredicate('unconfirmed', new Set(['r1-1'])))).toEqual({ index: 2, count: 2 });
  });
});
