import { describe, expect, it } from 'vitest';
import { stem } from './stem';

describe('stem', () => {
  it('gives the Russian word forms of one word one stem', () => {
    const forms = ['пандемия', 'пандемии', 'пандемией', 'пандемию'];
    expect(new Set(forms.map((w) => stem(w, 'ru')))).toEqual(new Set(['пандем']));
    expect(stem('меры', 'ru')).toBe(stem('мерами', 'ru'));
    expect(stem('Здравоохранения', 'ru')).toBe(stem('здравоохранение', 'ru'));
    expect(stem('ёлки', 'ru')).toBe(stem('елка', 'ru'));
  });

  it('gives the English word forms of one word one stem', () => {
    expect(stem('measure', 'en')).toBe(stem('measures', 'en'));
    expect(stem('Countries', 'en')).toBe(stem('country', 'en'));
    expect(stem('Russia’s', 'en')).toBe(stem('Russia', 'en'));
  });

  it('keeps different words apart', () => {
    expect(stem('ВОЗ', 'ru')).not.toBe(stem('возможности', 'ru'));
    expect(stem('measure', 'en')).not.toBe(stem('mean', 'en'));
    expect(stem('мера', 'ru')).not.toBe(stem('мир', 'ru'));
  });

  it('stems a Latin word in a Russian text as English and leaves numbers alone', () => {
    expect(stem('Measures', 'ru')).toBe(stem('measure', 'en'));
    expect(stem('2020', 'ru')).toBe('2020');
  });
});
