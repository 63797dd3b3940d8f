import { describe, expect, it } from 'vitest';
import type { Finding, TermLink } from '../../src-main/contract/compare';
import type { Clause } from '../../src-main/contract/ipc';
import { chunks, cleanTerm, filterTerms, countByKind, draftFromSelections, groupFindings, kindsByRow, nextFocus, rowsOf, spansToClauseMarks, termMarks } from './checks';

const finding = (id: string, kind: Finding['kind'], rowId: string, rowIds?: string[]): Finding => ({
  id,
  kind,
  detail: 'different',
  rowId,
  items: [],
  ...(rowIds ? { rowIds } : {}),
});
const order = new Map([
  ['r1', 0],
  ['r2', 1],
  ['r3', 2],
]);
const rowOrder = (id: string) => order.get(id);
const clause = (id: string, text: string, start = 0): Clause => ({ id, text, start, end: start + text.length }) as Clause;

describe('grouping the findings', () => {
  const list = [finding('d3', 'date', 'r3'), finding('n2', 'number', 'r2'), finding('d1', 'date', 'r1'), finding('i', 'inconsistent', 'r2', ['r2', 'r1', 'r3']), finding('gone', 'number', 'r9')];

  it('groups by kind in the contract’s order, each group in document order, rows no longer there last', () => {
    const groups = groupFindings(list, new Set(), { kind: '', showDismissed: false }, rowOrder);
    expect(groups.map((g) => g.kind)).toEqual(['number', 'date', 'inconsistent']);
    expect(groups[0]!.findings.map((f) => f.id)).toEqual(['n2', 'gone']);
    expect(groups[1]!.findings.map((f) => f.id)).toEqual(['d1', 'd3']);
  });

  it('leaves dismissed findings out unless asked, and filters by kind and by row', () => {
    const dismissed = new Set(['d1']);
    expect(groupFindings(list, dismissed, { kind: 'date', showDismissed: false }, rowOrder).flatMap((g) => g.findings.map((f) => f.id))).toEqual(['d3']);
    expect(groupFindings(list, dismissed, { kind: 'date', showDismissed: true }, rowOrder).flatMap((g) => g.findings.map((f) => f.id))).toEqual(['d1', 'd3']);
    // A document-wide finding concerns every row it lists.
    expect(groupFindings(list, dismissed, { kind: '', showDismissed: false, rowId: 'r1' }, rowOrder).flatMap((g) => g.findings.map((f) => f.id))).toEqual(['i']);
    expect(groupFindings(list, dismissed, { kind: '', showDismissed: true, rowId: 'r1' }, rowOrder).flatMap((g) => g.findings.map((f) => f.id))).toEqual(['d1', 'i']);
  });

  it('counts the open findings of each kind', () => {
    expect([...countByKind(list, new Set(['n2']))]).toEqual([
      ['number', 1],
      ['date', 2],
      ['inconsistent', 1],
    ]);
  });

  it('gives each row the kinds of its open findings, once each; dismissed ones leave no mark', () => {
    const byRow = kindsByRow([...list, finding('d2', 'date', 'r2')], new Set(['n2']));
    expect(byRow.get('r2')).toEqual(['date', 'inconsistent']);
    expect(byRow.get('r1')).toEqual(['date', 'inconsistent']);
    expect(kindsByRow(list, new Set(list.map((f) => f.id))).size).toBe(0);
    expect(rowsOf(finding('x', 'number', 'r1', ['r1', 'r2']))).toEqual(['r1', 'r2']);
  });

  it('moves the focus to the finding that takes the dismissed one’s place', () => {
    expect(nextFocus(3, 1)).toBe(1);
    expect(nextFocus(2, 2)).toBe(1);
    expect(nextFocus(0, 0)).toBeUndefined();
  });
});

describe('spans of a row as marks on its clauses', () => {
  // Row text: "World Health Organization. It met." (clauses joined by one space)
  const clauses = [clause('c1', 'World Health Organization.', 100), clause('c2', 'It met.', 127)];

  it('turns row offsets into each clause’s own offsets, across the joining space', () => {
    const marks = spansToClauseMarks(clauses, [{ start: 6, end: 12 }, { start: 20, end: 30 }], { className: 'term' });
    expect(marks.get('c1')).toEqual([
      { className: 'term', start: 6, end: 12 },
      { className: 'term', start: 20, end: 26 },
    ]);
    expect(marks.get('c2')).toEqual([{ className: 'term', start: 0, end: 3 }]);
    expect('World Health Organization.'.slice(6, 12)).toBe('Health');
  });

  it('marks only glossary links, in both languages', () => {
    const row = { en: [clause('e1', 'health care matters')], ru: [clause('r1', 'здравоохранение важно')] };
    const links: TermLink[] = [
      { class: 'glossary', en: { start: 0, end: 11 }, ru: { start: 0, end: 15 }, score: 1 },
      { class: 'learned', en: { start: 12, end: 19 }, ru: { start: 16, end: 21 }, score: 0.9 },
    ];
    const marks = termMarks(row, links, (lang) => `term ${lang}`);
    expect(marks.get('e1')).toEqual([{ className: 'term', title: 'term en', start: 0, end: 11 }]);
    expect(marks.get('r1')).toEqual([{ className: 'term', title: 'term ru', start: 0, end: 15 }]);
  });
});

describe('a glossary draft from the selections', () => {
  it('takes the other column’s last selection when it was made in the same row', () => {
    const held = { en: { lang: 'en' as const, rowId: 'r2', text: 'World Health Organization' } };
    expect(draftFromSelections({ lang: 'ru', rowId: 'r2', text: '«Всемирной организации здравоохранения»,' }, held, undefined)).toEqual({
      en: 'World Health Organization',
      ru: 'Всемирной организации здравоохранения',
    });
    expect(draftFromSelections({ lang: 'ru', rowId: 'r3', text: 'ВОЗ' }, held, undefined)).toEqual({ en: '', ru: 'ВОЗ' });
    // From the clause menu, with no selection now: what was selected in that row.
    expect(draftFromSelections(undefined, held, 'r2')).toEqual({ en: 'World Health Organization', ru: '' });
  });

  it('cleans a selected phrase into a term', () => {
    expect(cleanTerm('  (COVID-19 …\n pandemic).  ')).toBe('COVID-19 pandemic');
    expect(cleanTerm('“health care”')).toBe('health care');
  });

  it('cuts a list into requests of at most n', () => {
    expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunks([], 2)).toEqual([]);
  });
});

describe('filtering the glossary', () => {
  const at = '2026-12-01T00:00:00.000Z';
  const entries = [
    { id: '1', en: 'health care', ru: 'здравоохранение', createdAt: at, updatedAt: at },
    { id: '2', en: 'pandemic', ru: 'пандемия', note: 'WHO usage', createdAt: at, updatedAt: at },
  ];
  it('finds either language or the note, forgiving case', () => {
    expect(filterTerms(entries, 'HEALTH').map((e) => e.id)).toEqual(['1']);
    expect(filterTerms(entries, 'пандем').map((e) => e.id)).toEqual(['2']);
    expect(filterTerms(entries, 'who').map((e) => e.id)).toEqual(['2']);
    expect(filterTerms(entries, '  ').length).toBe(2);
  });
});
