import { describe, expect, it } from 'vitest';
import type { TermLink } from '../../src-main/contract/compare';
import type { AlignedRow } from '../../src-main/contract/ipc';
import { clauseStarts, sideText, toClauseSpans } from './row-spans';
import { confidentLinks, linkTexts, stepLink, termsByClause } from './term-links';

const clause = (id: string, text: string) => ({ id, text, start: 0, end: text.length }) as AlignedRow['en'][number];
/** Two English clauses, one Russian: the row texts are "The WHO met. On 11 March 2020 it spoke." / "ВОЗ 11 марта 2020 г. выступила." */
const row = {
  id: 'r1-0',
  en: [clause('e0', 'The WHO met.'), clause('e1', 'On 11 March 2020 it spoke.')],
  ru: [clause('r0', 'ВОЗ 11 марта 2020 г. выступила.')],
  confidence: 1,
} as AlignedRow;
const en = sideText(row, 'en');
const ru = sideText(row, 'ru');
const span = (text: string, part: string) => ({ start: text.indexOf(part), end: text.indexOf(part) + part.length });
const links: TermLink[] = [
  { class: 'acronym', en: span(en, 'WHO'), ru: span(ru, 'ВОЗ'), score: 1 },
  { class: 'number', en: span(en, '11 March 2020'), ru: span(ru, '11 марта 2020 г.'), score: 1 },
  { class: 'learned', en: span(en, 'spoke'), ru: span(ru, 'выступила'), score: 0.62 },
];

describe('row text and clause offsets', () => {
  it('joins the clauses with one space, as main does', () => {
    expect(en).toBe('The WHO met. On 11 March 2020 it spoke.');
    expect(clauseStarts(row, 'en')).toEqual([0, 13]);
  });

  it('cuts a span of the row text into the clauses it covers, without the joining space', () => {
    expect(toClauseSpans(row, 'en', span(en, 'March'))).toEqual([{ clauseId: 'e1', start: 6, end: 11 }]);
    expect(toClauseSpans(row, 'en', span(en, 'met. On'))).toEqual([
      { clauseId: 'e0', start: 8, end: 12 },
      { clauseId: 'e1', start: 0, end: 2 },
    ]);
    expect(toClauseSpans(row, 'en', { start: 12, end: 13 })).toEqual([]);
  });
});

describe('term links as drawn', () => {
  it('keeps only the confident links (the threshold main links with)', () => {
    const weak: TermLink = { class: 'learned', en: span(en, 'met'), ru: span(ru, 'г.'), score: 0.3 };
    expect(confidentLinks([...links, weak])).toEqual(links);
    expect(confidentLinks(links, 0.9).map((l) => l.class)).toEqual(['acronym', 'number']);
  });

  it('puts each link in the clause it falls in, on both sides, in clause offsets', () => {
    const terms = termsByClause(row, links);
    const text = (id: string, t: string) => terms.get(id)!.map((p) => t.slice(p.start, p.end));
    expect(text('e0', 'The WHO met.')).toEqual(['WHO']);
    expect(text('e1', 'On 11 March 2020 it spoke.')).toEqual(['11 March 2020', 'spoke']);
    expect(text('r0', 'ВОЗ 11 марта 2020 г. выступила.')).toEqual(['ВОЗ', '11 марта 2020 г.', 'выступила']);
    expect(terms.get('r0')!.map((p) => p.link)).toEqual([0, 1, 2]);
  });

  it('never draws two pieces over each other', () => {
    const overlapping: TermLink[] = [links[1]!, { class: 'lexicon', en: span(en, 'March 2020 it'), ru: span(ru, 'выступила'), score: 1 }];
    const pieces = termsByClause(row, overlapping).get('e1')!;
    for (let i = 1; i < pieces.length; i++) expect(pieces[i]!.start).toBeGreaterThanOrEqual(pieces[i - 1]!.end);
  });

  it('steps through the links in the reading order of the side, wrapping round', () => {
    // Russian order differs from the list order if the links are listed by English position.
    const swapped: TermLink[] = [links[1]!, links[0]!];
    expect(stepLink(swapped, 'en', undefined, 1)).toBe(1);
    expect(stepLink(swapped, 'en', 1, 1)).toBe(0);
    expect(stepLink(swapped, 'en', 0, 1)).toBe(1);
    expect(stepLink(swapped, 'en', undefined, -1)).toBe(0);
    expect(stepLink(swapped, 'ru', 1, -1)).toBe(0);
    expect(stepLink([], 'en', undefined, 1)).toBeUndefined();
  });

  it('says what the two ends are', () => {
    expect(linkTexts(row, links[1]!)).toEqual({ en: '11 March 2020', ru: '11 марта 2020 г.' });
  });
});
