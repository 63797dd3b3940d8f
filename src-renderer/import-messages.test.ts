/**
 * Import refusals are said once and wholly in the UI language: main sends a message key and its
 * values (`details`), and the locales hold every key with the values it uses.
 */
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { IMPORT_LIMITS, IMPORT_REFUSALS } from '../src-main/contract/ipc';
import type { ImportError } from '../src-main/core/import/errors';
import { readMonolingual } from '../src-main/core/import/formats';
import { mixedEncodingText, paragraphFlood, zeroWidthText } from '../src-main/core/import/hostile';
import { refusal } from '../src-main/core/import/testing';
import { resources } from './i18n-resources';

async function say(lng: 'en' | 'ru', error: ImportError): Promise<string> {
  const i18n = i18next.createInstance();
  await i18n.init({ resources, lng, fallbackLng: false, ns: ['common'], defaultNS: 'common', interpolation: { escapeValue: false } });
  return i18n.t(`importErrors.${error.details.reason ?? error.code}`, error.details.params ?? {});
}

const refusals: Array<[string, () => ImportError]> = [
  ['an empty file', () => refusal(() => readMonolingual(new Uint8Array(), 'empty.txt'))],
  ['zero-width text', () => refusal(() => readMonolingual(zeroWidthText(), 'zw.txt'))],
  ['a paragraph flood', () => refusal(() => readMonolingual(paragraphFlood(1 << 20).bytes, 'flood.txt'))],
  ['mixed encodings', () => refusal(() => readMonolingual(mixedEncodingText(2), 'mixed.txt'))],
  ['a PDF', () => refusal(() => readMonolingual(new TextEncoder().encode('%PDF'), 'a.pdf'))],
  ['too large', () => refusal(() => readMonolingual(new Uint8Array(IMPORT_LIMITS.maxFileBytes + 1).fill(65), 'big.txt'))],
];

describe('import refusals in the UI language', () => {
  it('every refusal key is in both locales', () => {
    for (const lang of ['en', 'ru'] as const) {
      const keys = Object.keys(resources[lang].common.importErrors);
      expect(keys.sort()).toEqual([...IMPORT_REFUSALS].sort());
    }
  });

  it.each(refusals)('%s: said once, in Russian, with the file named and every value filled in', async (_, make) => {
    const error = make();
    const ru = await say('ru', error);
    const en = await say('en', error);
    for (const text of [ru, en]) {
      expect(text).not.toMatch(/\{\{|\}\}/);
      expect(text).toContain(String(error.params.file));
    }
    // No English left in the Russian message once the file name and encoding names are taken out.
    const rest = ru.replace(String(error.params.file), '').replace(/UTF-\d+|Windows-\d+|KOI8-R|CP866|PDF|\.txt|\.docx|\.tsv/g, '');
    expect(rest).not.toMatch(/[A-Za-z]{3,}/);
    expect(ru).not.toBe(en);
  });

  it('numbers are written the way each language writes them', async () => {
    const error = refusal(() => readMonolingual(paragraphFlood(1 << 20).bytes, 'flood.txt'));
    expect(await say('en', error)).toContain('100,000');
    expect(await say('ru', error)).toMatch(/100\s000/);
  });
});
