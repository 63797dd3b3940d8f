import { describe, expect, it } from 'vitest';
import type { DocumentView } from '../../src-main/contract/ipc';
import { DocumentLibrary } from '../../src-main/core/documents/library';
import { flattenRows } from './model';
import { loadSearchOptions, RowSearch, saveSearchOptions } from './row-search';
import { DEFAULT_WORD_SEARCH, type WordSearchOptions } from './word-search';

const root = new URL('../../', import.meta.url);
const doc: DocumentView = await new DocumentLibrary(new URL('resources/documents', root).pathname).open('asean-russia-covid19-2020');
const entries = flattenRows(doc);
const index = new RowSearch(entries);
const options = (patch: Partial<WordSearchOptions> = {}): WordSearchOptions => ({ ...DEFAULT_WORD_SEARCH, ...patch });
const found = (query: string, patch: Partial<WordSearchOptions> = {}) =>
  index.search(query, options(patch)).hits.map((h) => {
    const clause = entries[h.rowIndex]!.row[h.lang].find((c) => c.id === h.clauseId)!;
    return clause.text.slice(h.start, h.end);
  });

describe('the search panel on the statement', () => {
  it('"ВОЗ" finds the acronym only, not возможности (the old search found 14 hits, most wrong)', () => {
    const hits = found('ВОЗ');
    expect(hits.length).toBeGreaterThan(0);
    expect(new Set(hits)).toEqual(new Set(['ВОЗ']));
    expect(found('ВОЗ', { mode: 'substring' }).some((h) => h !== 'ВОЗ')).toBe(true);
  });

  it('"WHO" does not find whole or who', () => {
    expect(new Set(found('WHO'))).toEqual(new Set(['WHO']));
  });

  it('"пандемия" finds its forms; one language only', () => {
    const forms = new Set(found('пандемия').map((h) => h.toLowerCase()));
    expect(forms.size).toBeGreaterThan(1);
    for (const f of forms) expect(f).toMatch(/^пандеми/);
    expect(found('пандемия', { lang: 'en' })).toEqual([]);
    expect(found('pandemic', { lang: 'ru' })).toEqual([]);
  });

  it('gives each hit in clause offsets, in reading order', () => {
    const hits = index.search('COVID-19', options({ mode: 'phrase' })).hits;
    expect(hits.length).toBeGreaterThan(2);
    for (let i = 1; i < hits.length; i++) expect(hits[i]!.rowIndex).toBeGreaterThanOrEqual(hits[i - 1]!.rowIndex);
  });

  it('reports a bad regular expression instead of throwing', () => {
    const result = index.search('health(', options({ mode: 'regex' }));
    expect(result.hits).toEqual([]);
    expect(result.problem?.kind).toBe('bad-regex');
    expect(index.search('pandemics?', options({ mode: 'regex' })).problem).toBeUndefined();
  });

  it('cuts a snippet around the first match, the matches inside it', () => {
    const hits = index.search('Rospotrebnadzor', options()).hits;
    const first = hits[0]!;
    const s = index.snippet(first.rowIndex, first.lang, hits, 60);
    expect(s.matches.length).toBeGreaterThan(0);
    expect(s.text.slice(s.matches[0]!.start, s.matches[0]!.end)).toBe('Rospotrebnadzor');
  });
});

describe('the search options, remembered', () => {
  const memory = () => {
    const map = new Map<string, string>();
    return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), map };
  };

  it('come back as saved', () => {
    const storage = memory();
    saveSearchOptions(options({ mode: 'regex', caseSensitive: true, lang: 'ru' }), storage);
    expect(loadSearchOptions(storage)).toEqual({ mode: 'regex', forms: true, caseSensitive: true, lang: 'ru' });
  });

  it('fall back to the defaults when missing, damaged or of another shape', () => {
    const storage = memory();
    expect(loadSearchOptions(storage)).toEqual(DEFAULT_WORD_SEARCH);
    storage.map.set('bitext.searchOptions.v1', '{not json');
    expect(loadSearchOptions(storage)).toEqual(DEFAULT_WORD_SEARCH);
    storage.map.set('bitext.searchOptions.v1', JSON.stringify({ mode: 'fuzzy', forms: true, caseSensitive: false }));
    expect(loadSearchOptions(storage)).toEqual(DEFAULT_WORD_SEARCH);
    expect(loadSearchOptions(undefined)).toEqual(DEFAULT_WORD_SEARCH);
  });
});
