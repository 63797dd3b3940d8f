import { describe, expect, it } from 'vitest';
import { findTerm, hasTerm, termPattern } from './terms';
import { tokenize } from './tokens';

describe('terms', () => {
  it('finds a term in any word form', () => {
    expect(hasTerm('оказание медицинской помощи', 'ru', termPattern('медицинская помощь', 'ru'))).toBe(true);
    expect(hasTerm('health measures were taken', 'en', termPattern('health measure', 'en'))).toBe(true);
    expect(hasTerm('пандемией', 'ru', termPattern('пандемия', 'ru'))).toBe(true);
  });

  it('finds whole runs of words only', () => {
    expect(hasTerm('measures of health', 'en', termPattern('health measure', 'en'))).toBe(false);
    expect(hasTerm('возможности', 'ru', termPattern('ВОЗ', 'ru'))).toBe(false);
  });

  it('gives the span of each occurrence', () => {
    const text = 'Public health and public health systems';
    const hits = findTerm(tokenize(text, 'en'), termPattern('public health', 'en'));
    expect(hits.map((h) => text.slice(h.start, h.end))).toEqual(['Public health', 'public health']);
  });

  it('finds a term written open, hyphenated or closed, in any word form', () => {
    const spans = (text: string, term: string) => findTerm(tokenize(text, 'en'), termPattern(term, 'en')).map((h) => text.slice(h.start, h.end));
    const text = 'Healthcare workers, health-care systems and health care for all.';
    expect(spans(text, 'health care')).toEqual(['Healthcare', 'health-care', 'health care']);
    expect(spans(text, 'healthcare')).toEqual(['Healthcare', 'health-care', 'health care']);
    expect(spans(text, 'health-care')).toEqual(['Healthcare', 'health-care', 'health care']);
    expect(spans('the stakeholders met', 'stake holder')).toEqual(['stakeholders']);
    // Not a looser match: other words that begin alike, or a run with more than a space between.
    expect(spans('health, care and healthy cares', 'healthcare')).toEqual([]);
    expect(spans('healthier care', 'health care')).toEqual([]);
    expect(hasTerm('медико-санитарная помощь', 'ru', termPattern('медикосанитарная помощь', 'ru'))).toBe(false);
  });
});
