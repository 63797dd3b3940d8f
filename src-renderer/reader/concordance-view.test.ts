import { describe, expect, it } from 'vitest';
import type { ConcordanceResult } from '../../src-main/contract/compare';
import type { AlignedRow } from '../../src-main/contract/ipc';
import { concordanceMarks, hitSnippets, isFormOf, mergeMarks, queryLang } from './concordance-view';
import type { RowEntry } from './model';

const clause = (id: string, text: string) => ({ id, text, start: 0, end: text.length }) as AlignedRow['en'][number];
const entry = (index: number, id: string, en: string[], ru: string[]) =>
  ({ index, row: { id, en: en.map((t, k) => clause(`${id}-e${k}`, t)), ru: ru.map((t, k) => clause(`${id}-r${k}`, t)), confidence: 1 } }) as RowEntry;

const entries = [
  entry(0, 'a', ['Public health care matters.'], ['Здравоохранение важно.']),
  entry(1, 'b', ['First part.', 'Health care for all.'], ['Медицинская помощь для всех.']),
];
const result: ConcordanceResult = {
  query: 'health care',
  lang: 'en',
  hits: [
    { rowId: 'a', match: { start: 7, end: 18 }, rendering: { start: 0, end: 15, text: 'Здравоохранение' } },
    { rowId: 'b', match: { start: 12, end: 23 }, rendering: { start: 0, end: 18, text: 'Медицинская помощь' } },
  ],
  renderings: [
    { text: 'здравоохранение', count: 1 },
    { text: 'медицинская помощь', count: 1 },
  ],
  unrendered: 0,
  truncated: false,
};

describe('the concordance panel', () => {
  it('looks for a typed word in the column of its script', () => {
    expect(queryLang('health care')).toBe('en');
    expect(queryLang('ВОЗ')).toBe('ru');
    expect(queryLang('COVID-19 пандемия')).toBe('ru');
  });

  it('tells which hits have a rendering, in any of its forms', () => {
    expect(isFormOf('Медицинской помощи', 'медицинская помощь')).toBe(true);
    expect(isFormOf('медицинская', 'медицинская помощь')).toBe(false);
    expect(isFormOf('помощь медицинская', 'медицинская помощь')).toBe(false);
    expect(isFormOf('Здравоохранения', 'здравоохранение')).toBe(true);
  });

  it('marks each occurrence and its rendering in the clauses they fall in, the current one stronger', () => {
    const marks = concordanceMarks(entries, (id) => ({ a: 0, b: 1 })[id], result, 1);
    expect(marks.get(0)!.get('a-e0')).toEqual([{ start: 7, end: 18, className: 'concordance-match' }]);
    expect(marks.get(0)!.get('a-r0')).toEqual([{ start: 0, end: 15, className: 'concordance-rendering' }]);
    // Row b: the match is in its second clause (row offset 12 = clause offset 0).
    expect(marks.get(1)!.get('b-e1')).toEqual([{ start: 0, end: 11, className: 'concordance-match is-current' }]);
    expect(marks.get(1)!.has('b-e0')).toBe(false);
  });

  it('cuts the snippets of a hit around the occurrence and around the rendering', () => {
    const s = hitSnippets(entries[1]!, 'en', result.hits[1]!);
    expect(s.match.text.slice(s.match.matchStart, s.match.matchEnd)).toBe('Health care');
    expect(s.other.text.slice(s.rendering!.start, s.rendering!.end)).toBe('Медицинская помощь');
    const none = hitSnippets(entries[1]!, 'en', { rowId: 'b', match: { start: 12, end: 23 } });
    expect(none.rendering).toBeUndefined();
  });

  it('merges two sets of marks clause by clause', () => {
    const a = new Map([[0, new Map([['x', [1]]])]]);
    const b = new Map([
      [0, new Map([['x', [2]], ['y', [3]]])],
      [1, new Map([['z', [4]]])],
    ]);
    const merged = mergeMarks(a, b);
    expect(merged.get(0)!.get('x')).toEqual([1, 2]);
    expect(merged.get(0)!.get('y')).toEqual([3]);
    expect(merged.get(1)!.get('z')).toEqual([4]);
    expect(mergeMarks(a, new Map())).toBe(a);
  });
});
