import { describe, expect, it } from 'vitest';
import { checkLanguages, scriptProfile } from './language';
import { STATEMENT } from './testing';

describe('language check by script', () => {
  it('sees English as Latin and Russian as Cyrillic, Latin acronyms notwithstanding', () => {
    expect(scriptProfile(STATEMENT.en).looksLike).toBe('en');
    const ru = scriptProfile(STATEMENT.ru);
    expect(ru.looksLike).toBe('ru');
    expect(ru.latin).toBeGreaterThan(0); // COVID-19, WHO…
  });

  it('accepts a right pair', () => {
    expect(checkLanguages(STATEMENT.en, STATEMENT.ru)).toMatchObject({ status: 'ok' });
  });

  it('suggests swapping a swapped pair', () => {
    expect(checkLanguages(STATEMENT.ru, STATEMENT.en)).toMatchObject({ status: 'swapped', suggestion: 'swap' });
  });

  it('warns when both look English or both Russian', () => {
    expect(checkLanguages(STATEMENT.en, STATEMENT.en).status).toBe('both-english');
    expect(checkLanguages(STATEMENT.ru, STATEMENT.ru).status).toBe('both-russian');
  });

  it('says unclear for too little text', () => {
    expect(checkLanguages('1, 2, 3', STATEMENT.ru)).toMatchObject({ status: 'unclear', en: { looksLike: 'unknown' } });
  });
});
