import { describe, expect, it } from 'vitest';
import { rowsWithStems, stemIndex } from './stem-index';
import { tokenize } from './tokens';

describe('the stem index', () => {
  const texts = ['Health measures were taken.', 'The measure of health care.', 'Nothing here.', '', 'Care, care and health.'];
  const index = stemIndex(texts.map((t) => tokenize(t, 'en')));

  it('lists the rows that hold every stem, in order', () => {
    expect(rowsWithStems(index, ['health'])).toEqual([0, 1, 4]);
    expect(rowsWithStems(index, ['health', 'care'])).toEqual([1, 4]);
    expect(rowsWithStems(index, ['measur'])).toEqual([0, 1]);
  });

  it('gives no rows for a stem it never saw, or for no stems', () => {
    expect(rowsWithStems(index, ['health', 'nowher'])).toEqual([]);
    expect(rowsWithStems(index, [])).toEqual([]);
    expect(index.rowStart.length).toBe(texts.length + 1);
  });
});
