import { describe, expect, it } from 'vitest';
import { analyseDocument } from './analyse';
import { concordance, renderingSummary } from './concordance';
import { linkRow } from './links';
import { termPattern } from './terms';
import { statementRows } from './testing';

describe('concordance', () => {
  const rows = [
    { id: 'r0', en: 'Access to health care is a right.', ru: 'Доступ к медицинской помощи — это право.' },
    { id: 'r1', en: 'Health care was provided.', ru: 'Медицинская помощь была оказана.' },
    { id: 'r2', en: 'They fund health care.', ru: 'Они финансируют здравоохранение.' },
    { id: 'r3', en: 'Health care for all.', ru: 'Здравоохранение для всех.' },
    { id: 'r4', en: 'The care of health.', ru: 'Забота о здоровье.' },
  ];
  const glossary = [
    { en: termPattern('health care', 'en'), ru: termPattern('медицинская помощь', 'ru') },
    { en: termPattern('health care', 'en'), ru: termPattern('здравоохранение', 'ru') },
  ];
  const linksOf = (k: number) => linkRow(rows[k]!.en, rows[k]!.ru, { glossary, lexicon: null });

  it('lists each occurrence in any word form and counts the renderings', () => {
    const result = concordance(rows, 'health care', 'en', { linksOf });
    expect(result.hits.map((h) => h.rowId)).toEqual(['r0', 'r1', 'r2', 'r3']);
    expect(result.hits[0]!.rendering!.text).toBe('медицинской помощи');
    expect(renderingSummary(result)).toBe('health care → здравоохранение 2, медицинской помощи 2');
    expect(result.unrendered).toBe(0);
  });

  it('works from Russian, and counts occurrences without a rendering', () => {
    const result = concordance(rows, 'здоровье', 'ru', { linksOf });
    expect(result.hits.map((h) => h.rowId)).toEqual(['r4']);
    expect(result.unrendered).toBe(1);
  });

  it('finds the renderings of a word in the statement through its links', { timeout: 30_000 }, () => {
    const doc = statementRows();
    const { links, stems } = analyseDocument(doc, { stemIndex: true });
    const result = concordance(doc, 'pandemic', 'en', { linksOf: (k) => links[k]! });
    expect(result.hits.length).toBeGreaterThan(5);
    expect(result.renderings[0]!.text).toMatch(/^пандеми/u);
    // "health care" finds the statement's "healthcare" too (¶5, ¶11), with or without the stem index.
    expect(concordance(doc, 'health care', 'en', { linksOf: (k) => links[k]!, stems }).hits.map((h) => doc.find((r) => r.id === h.rowId)!.en.slice(h.match.start, h.match.end))).toEqual(['healthcare', 'health care', 'healthcare']);
    // With the stem index, only the rows holding the query's words are looked at: the same answer.
    for (const [query, lang] of [['pandemic', 'en'], ['health care', 'en'], ['the', 'en'], ['COVID-19', 'en'], ['пандемия', 'ru'], ['меры по', 'ru'], ['nowhere', 'en'], ['', 'ru']] as const) {
      const plain = concordance(doc, query, lang, { linksOf: (k) => links[k]! });
      expect(concordance(doc, query, lang, { linksOf: (k) => links[k]!, stems }), query).toEqual(plain);
    }
  });
});
