import { describe, expect, it } from 'vitest';
import { uiLanguageFromSystem } from './language';

describe('uiLanguageFromSystem', () => {
  it.each([
    [['ru-RU'], 'ru'],
    [['ru'], 'ru'],
    [['RU'], 'ru'],
    [['ru_RU'], 'ru'],
    [['ru-UA', 'en-US'], 'ru'],
    [[' ru-RU '], 'ru'],
    [['', '  ', 'ru-RU'], 'ru'],
  ] as const)('chooses Russian for %j', (preferred, expected) => {
    expect(uiLanguageFromSystem(preferred)).toBe(expected);
  });

  it.each([
    [['en-US'], 'en'],
    [['de-DE'], 'en'],
    [['en-GB', 'ru-RU'], 'en'],
    [[], 'en'],
    [[''], 'en'],
    // Tags that merely start with the letters "ru" are other languages.
    [['rue'], 'en'],
    [['run-BI'], 'en'],
    [['uk-UA'], 'en'],
    [['be-BY'], 'en'],
  ] as const)('chooses English for %j', (preferred, expected) => {
    expect(uiLanguageFromSystem(preferred)).toBe(expected);
  });
});
