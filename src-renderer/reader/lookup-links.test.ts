import { describe, expect, it } from 'vitest';
import type { TermLink } from '../../src-main/contract/compare';
import type { AlignedRow } from '../../src-main/contract/ipc';
import { knownPairsAt } from './lookup-links';
import { sideText } from './row-spans';

const clause = (id: string, text: string) => ({ id, text, start: 0, end: text.length }) as AlignedRow['en'][number];
const row = {
  id: 'r1-0',
  en: [clause('e0', 'Welcoming the WHO.'), clause('e1', 'Health matters.')],
  ru: [clause('r0', 'Приветствуя ВОЗ. Здоровье важно.')],
  confidence: 1,
} as AlignedRow;
const en = sideText(row, 'en');
const ru = sideText(row, 'ru');
const span = (text: string, part: string) => ({ start: text.indexOf(part), end: text.indexOf(part) + part.length });
const links: TermLink[] = [
  { class: 'acronym', en: span(en, 'WHO'), ru: span(ru, 'ВОЗ'), score: 1 },
  { class: 'lexicon', en: span(en, 'Welcoming'), ru: span(ru, 'Приветствуя'), score: 1 },
  { class: 'lexicon', en: span(en, 'Health'), ru: span(ru, 'Здоровье'), score: 1 },
  { class: 'glossary', en: span(en, 'Health matters'), ru: span(ru, 'Здоровье важно'), score: 1 },
];

describe('the app’s own pairs for a looked-up word', () => {
  it('finds the word list’s pair of the word, from either side', () => {
    expect(knownPairsAt(row, links, 'en', 'e0', { start: 0, end: 9 })).toEqual([{ source: 'lexicon', en: 'Welcoming', ru: 'Приветствуя' }]);
    expect(knownPairsAt(row, links, 'ru', 'r0', { start: 0, end: 11 })).toEqual([{ source: 'lexicon', en: 'Welcoming', ru: 'Приветствуя' }]);
  });

  it('counts offsets from the word’s own clause, and puts the glossary first', () => {
    // "Health" is at 0 in the second English clause (19 in the row text).
    expect(knownPairsAt(row, links, 'en', 'e1', { start: 0, end: 6 })).toEqual([
      { source: 'glossary', en: 'Health matters', ru: 'Здоровье важно' },
      { source: 'lexicon', en: 'Health', ru: 'Здоровье' },
    ]);
    expect(knownPairsAt(row, links, 'en', 'e1', { start: 7, end: 14 })).toEqual([{ source: 'glossary', en: 'Health matters', ru: 'Здоровье важно' }]);
  });

  it('gives nothing for a word with no such link, or only another kind of link', () => {
    expect(knownPairsAt(row, links, 'en', 'e0', { start: 10, end: 13 })).toEqual([]); // "the"
    expect(knownPairsAt(row, links, 'en', 'e0', { start: 14, end: 17 })).toEqual([]); // "WHO": an acronym
    expect(knownPairsAt(row, links, 'en', 'nope', { start: 0, end: 9 })).toEqual([]);
  });
});
