import { describe, expect, it } from 'vitest';
import type { AlignedRow } from '../../src-main/contract/ipc';
import { defaultSplit, splitPoint, wordsOf } from './split';

const c = (id: string, text: string) => ({ id, text, start: 0, end: text.length });
const row: AlignedRow = {
  id: 'r1-0',
  confidence: 0.5,
  en: [c('en-p0-c0', 'We met today.'), c('en-p0-c1', 'We agreed on three points.')],
  ru: [c('ru-p0-c0', 'Мы встретились сегодня и договорились о трёх пунктах.')],
};

describe('splitting a row at a word', () => {
  it('lists the words of each language with their clause and offset', () => {
    expect(wordsOf(row, 'en').map((w) => [w.clause, w.offset, w.text])).toEqual([
      [0, 0, 'We'],
      [0, 3, 'met'],
      [0, 7, 'today.'],
      [1, 0, 'We'],
      [1, 3, 'agreed'],
      [1, 10, 'on'],
      [1, 13, 'three'],
      [1, 19, 'points.'],
    ]);
  });

  it('a word that starts a clause is a clause boundary: no cut', () => {
    expect(splitPoint(row, 'en', 3)).toEqual({ count: 1, cut: undefined });
    expect(splitPoint(row, 'en', 0)).toEqual({ count: 0, cut: undefined });
  });

  it('a word inside a clause cuts that clause there', () => {
    expect(splitPoint(row, 'ru', 3)).toEqual({ count: 1, cut: { lang: 'ru', clause: 0, offset: 23 } });
    expect(splitPoint(row, 'en', 5)).toEqual({ count: 2, cut: { lang: 'en', clause: 1, offset: 10 } });
  });

  it('past the last word, everything stays in the first row', () => {
    expect(splitPoint(row, 'en', 8)).toEqual({ count: 2, cut: undefined });
  });

  it('starts after the first clause, or at the middle word of a single clause', () => {
    expect(defaultSplit(row, 'en')).toBe(3);
    expect(defaultSplit(row, 'ru')).toBe(4);
  });
});
