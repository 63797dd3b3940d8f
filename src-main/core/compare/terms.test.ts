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
});
