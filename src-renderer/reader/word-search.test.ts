import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type WordSearchOptions, compileQuery, DEFAULT_WORD_SEARCH, findMatches, searchRows, snippetAround } from './word-search';

function compile(query: string, options: Partial<WordSearchOptions> = {}) {
  const result = compileQuery(query, { ...DEFAULT_WORD_SEARCH, ...options });
  if (!result.ok) throw new Error(result.message);
  return result.query;
}
const found = (text: string, query: string, options: Partial<WordSearchOptions> = {}): string[] =>
  findMatches(text, compile(query, options)).map((m) => text.slice(m.start, m.end));

describe('word search', () => {
  it('finds whole words only: WHO is not whole or who, ВОЗ is not возможности', () => {
    expect(found('The WHO and the whole world, who stay', 'WHO')).toEqual(['WHO']);
    expect(found('ВОЗ изучает возможности', 'ВОЗ')).toEqual(['ВОЗ']);
  });

  it('finds word forms through the stemmer', () => {
    expect(found('борьба с пандемией; после пандемии', 'пандемия')).toEqual(['пандемией', 'пандемии']);
    expect(found('health measures were taken', 'measure')).toEqual(['measures']);
    expect(found('health measures', 'measure', { forms: false })).toEqual([]);
  });

  it('needs every word of the query, or the words in a row for a phrase', () => {
    expect(found('public health and health care', 'health care')).toEqual(['health', 'health', 'care']);
    expect(found('care of health', 'health care', { mode: 'phrase' })).toEqual([]);
    expect(found('public health and health care', 'health care', { mode: 'phrase' })).toEqual(['health care']);
    expect(found('медицинской помощи', 'медицинская помощь', { mode: 'phrase' })).toEqual(['медицинской помощи']);
  });

  it('searches substrings and regular expressions, and reports a bad one', () => {
    expect(found('возможности ВОЗ', 'воз', { mode: 'substring' })).toEqual(['воз', 'ВОЗ']);
    expect(found('возможности ВОЗ', 'ВОЗ', { mode: 'substring', caseSensitive: true })).toEqual(['ВОЗ']);
    expect(found('on 17 June and 18 May', '\\d+ (?:June|May)', { mode: 'regex' })).toEqual(['17 June', '18 May']);
    expect(compileQuery('(', { ...DEFAULT_WORD_SEARCH, mode: 'regex' })).toMatchObject({ ok: false, error: 'bad-regex' });
    expect(compileQuery('  ', DEFAULT_WORD_SEARCH)).toMatchObject({ ok: false, error: 'empty' });
  });

  it('honours case when asked', () => {
    expect(found('Russia and russia', 'Russia', { caseSensitive: true })).toEqual(['Russia']);
    expect(found('Russia and russia', 'Russia')).toEqual(['Russia', 'russia']);
  });

  it('searches one language only when asked', () => {
    const rows = [{ id: 'r0', en: 'COVID-19 pandemic', ru: 'пандемия COVID-19' }];
    expect(searchRows(rows, compile('COVID-19')).hits.map((h) => h.lang)).toEqual(['en', 'ru']);
    expect(searchRows(rows, compile('COVID-19', { lang: 'ru' })).hits.map((h) => h.lang)).toEqual(['ru']);
  });

  it('centres the snippet on the match', () => {
    const text = `${'word '.repeat(60)}TARGET${' word'.repeat(60)}`;
    const s = snippetAround(text, { start: text.indexOf('TARGET'), end: text.indexOf('TARGET') + 6 }, 80);
    expect(s.text.slice(s.matchStart, s.matchEnd)).toBe('TARGET');
    expect(s.before && s.after).toBe(true);
    expect(Math.abs(s.matchStart - (s.text.length - s.matchEnd))).toBeLessThan(12);
    const end = snippetAround(text, { start: text.length - 4, end: text.length }, 80);
    expect(end.after).toBe(false);
    expect(end.text.endsWith('word')).toBe(true);
  });

  it('finds ВОЗ in the statement only where the WHO is meant', () => {
    const ru = readFileSync(new URL('../../resources/documents/asean-russia-covid19-2020/ru.txt', import.meta.url), 'utf8');
    const rows = ru.split(/\n\s*\n/u).map((p, k) => ({ id: `p${k}`, en: '', ru: p }));
    const result = searchRows(rows, compile('ВОЗ'));
    expect(result.matches).toBe(4);
    expect(searchRows(rows, compile('воз', { mode: 'substring' })).matches).toBeGreaterThan(10);
  });
});
