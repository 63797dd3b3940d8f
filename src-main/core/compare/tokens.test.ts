import { describe, expect, it } from 'vitest';
import { evalRows, statementRows } from './testing';
import { type Token, columnOf, columnTokens, formId, tokenize, tokenizeColumn } from './tokens';

/** The definition the scanner implements. */
const WORD = /[\p{L}\p{N}]+(?:['’\-‐][\p{L}\p{N}]+)*/gu;
const byRegex = (text: string): [number, string][] => [...text.matchAll(WORD)].map((m) => [m.index, m[0]]);
// The scanner's tokens before the possessive is cut (the regex knows nothing of it).
const byScanner = (text: string, lang: 'en' | 'ru'): [number, string][] =>
  tokenize(text, lang).map((t) => {
    const raw = /^['’]s/u.test(text.slice(t.end)) && !/['’]s$/u.test(t.text) ? text.slice(t.start, t.end + 2) : t.text;
    return [t.start, raw];
  });

describe('tokenize', () => {
  it('finds the words the regular expression finds, at the same offsets', { timeout: 60_000 }, () => {
    const texts = [
      ...[...statementRows(), ...['treaty', 'news', 'story', 'manual'].flatMap((n) => evalRows(n))].flatMap((r) => [r.en, r.ru]),
      'COVID-19, well-being — Russia’s and ASEAN’s; СМОА-плюс ёлка Ёж',
      "-lead trail- a--b x'-y 'quoted' 10,000 3.5 ½ 𝔘𝔫𝔦 𝟙𝟚 café naïve Ελλάδα 東京 x\u0301y ‐hy‐phen‐",
      '',
      '—',
    ];
    for (const text of texts) {
      expect(byScanner(text, 'en'), text).toEqual(byRegex(text));
      expect(byScanner(text, 'ru'), text).toEqual(byRegex(text).map(([k, w]) => [k, w]));
    }
  });

  it('cuts an English possessive and gives stems and function-word flags', () => {
    const [russia, plans, the] = tokenize('Russia’s plans the', 'en');
    expect(russia).toMatchObject({ text: 'Russia', start: 0, end: 6, folded: 'russia' });
    expect(plans).toMatchObject({ stem: 'plan', minor: false });
    expect(the).toMatchObject({ minor: true });
  });
});

describe('a column of tokens', () => {
  const texts = [
    ...[...statementRows(), ...['treaty', 'news', 'story', 'manual'].flatMap((n) => evalRows(n))].flatMap((r) => [r.en, r.ru]),
    'COVID-19, well-being — Russia’s and ASEAN’s; Russia Russia’s ёлка Ёж 𝔘𝔫𝔦 𝔘𝔫𝔦',
    "-lead trail- a--b x'-y 'quoted' 10,000 3.5 ½ 𝔘𝔫𝔦 𝟙𝟚 café naïve Ελλάδα 東京 x\u0301y ‐hy‐phen‐ a-𝔘 𝔘-a",
    // Lone surrogates (a high one last, a low one first), a joiner last, a word last.
    '\ud835 a\ud835b \udd18c d-',
    'end\ud835',
    '',
  ];
  const facts = (t: Token) => ({ text: t.text, start: t.start, end: t.end, folded: t.folded, stem: t.stem, minor: t.minor, digit: t.digit, form: formId(t) });

  it('gives each text the tokens tokenize gives it, with the same form numbers', () => {
    for (const lang of ['en', 'ru'] as const) {
      const column = tokenizeColumn(texts, lang);
      expect(column.rowStart.length).toBe(texts.length + 1);
      texts.forEach((text, k) => expect(columnTokens(column, k).map(facts), text).toEqual(tokenize(text, lang).map(facts)));
      // Each form once in the column.
      expect(new Set(column.words).size).toBe(column.words.length);
      expect(column.words.length).toBeLessThan(column.forms.length);
    }
  });

  it('holds tokens made already (columnOf) as they were', () => {
    const rows = texts.map((t) => tokenize(t, 'en'));
    const column = columnOf(rows, 'en');
    rows.forEach((tokens, k) => expect(columnTokens(column, k).map(facts)).toEqual(tokens.map(facts)));
  });
});
