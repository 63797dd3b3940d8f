/** The Checks panel's counts read right in Russian (one, few, many) and in English. */
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { resources } from '../i18n-resources';

async function instance(lng: 'en' | 'ru') {
  const i18n = i18next.createInstance();
  await i18n.init({ resources, lng, fallbackLng: false, ns: ['common'], defaultNS: 'common', interpolation: { escapeValue: false } });
  return i18n;
}

describe('the checks summary', () => {
  it.each([
    [1, 1, '1 замечание в 1 строке.'],
    [3, 22, '3 замечания в 22 строках.'],
    [5, 40, '5 замечаний в 40 строках.'],
    [21, 111, '21 замечание в 111 строках.'],
  ])('Russian: %i findings in %i rows', async (count, rows, expected) => {
    const i18n = await instance('ru');
    expect(i18n.t('checks.summary', { count, rows: i18n.t('checks.rows', { count: rows }) })).toBe(expected);
  });

  it('English', async () => {
    const i18n = await instance('en');
    expect(i18n.t('checks.summary', { count: 1, rows: i18n.t('checks.rows', { count: 40 }) })).toBe('1 finding in 40 rows.');
    expect(i18n.t('glossary.imported', { count: 2, known: 1 })).toBe('Imported 2 term pairs (1 already there).');
  });

  it('names a row’s kinds in the mark, in the UI language', async () => {
    const ru = await instance('ru');
    expect(ru.t('checks.markLabel', { kinds: [ru.t('checks.kinds.date'), ru.t('checks.kinds.number')].join(', ') })).toBe('Проверки: Даты, Числа');
    expect(ru.t('glossary.imported', { count: 5, known: 0 })).toBe('Импортировано 5 пар терминов (уже было: 0).');
  });
});
