import { describe, expect, it } from 'vitest';
import { footnotesByClause, marksIn } from './footnotes';

describe('the source’s footnote marks in the reader', () => {
  const footnotes = [
    { lang: 'en' as const, label: '2', text: 'Second.', clauseId: 'en-p1-c0', at: 20 },
    { lang: 'en' as const, label: '1', text: 'First.', clauseId: 'en-p1-c0', at: 4 },
    { lang: 'ru' as const, label: '*', text: 'Звёздочка.', clauseId: 'ru-p1-c0', at: 9 },
    { lang: 'ru' as const, label: '3', text: 'No place.' },
  ];

  it('are grouped by clause in text order, each knowing its note; a note with no place has no mark', () => {
    const byClause = footnotesByClause(footnotes);
    expect([...byClause.keys()]).toEqual(['en-p1-c0', 'ru-p1-c0']);
    expect(byClause.get('en-p1-c0')).toEqual([
      { index: 1, at: 4, label: '1' },
      { index: 0, at: 20, label: '2' },
    ]);
    expect(byClause.get('ru-p1-c0')).toEqual([{ index: 2, at: 9, label: '*' }]);
    expect(footnotesByClause(undefined).size).toBe(0);
  });

  it('fall in the stretch of text they stand in; one at the clause’s end only in its last stretch', () => {
    const marks = footnotesByClause(footnotes).get('en-p1-c0');
    expect(marksIn(marks, 0, 4, false)).toBeUndefined();
    expect(marksIn(marks, 4, 10, false)?.map((m) => m.label)).toEqual(['1']);
    expect(marksIn(marks, 10, 20, false)).toBeUndefined();
    expect(marksIn(marks, 10, 20, true)?.map((m) => m.label)).toEqual(['2']);
    expect(marksIn(marks, 0, 30, true)?.map((m) => m.label)).toEqual(['1', '2']);
  });
});
