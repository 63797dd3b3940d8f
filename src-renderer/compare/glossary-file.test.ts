import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { glossaryFileText } from './glossary-file';

const utf8 = (s: string) => new TextEncoder().encode(s);
/** Windows-1251 for the Cyrillic a glossary holds (А–я, Ё, ё) and ASCII. */
function cp1251(s: string): Uint8Array {
  return Uint8Array.from([...s].map((c) => {
    const code = c.codePointAt(0)!;
    if (code < 0x80) return code;
    if (c === 'Ё') return 0xa8;
    if (c === 'ё') return 0xb8;
    if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
    throw new Error(`not in the test's table: ${c}`);
  }));
}
const CSV = 'en,ru,note\nhealth,здравоохранение,\npandemic,пандемия,"WHO, 11 March"\n';

describe('glossaryFileText', () => {
  it('reads UTF-8, with or without BOM, as it is', () => {
    expect(glossaryFileText(utf8(CSV))).toEqual({ ok: true, text: CSV, encoding: 'utf-8' });
    expect(glossaryFileText(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(CSV)]))).toEqual({ ok: true, text: CSV, encoding: 'utf-8' });
  });

  it('reads UTF-16 with a BOM, both byte orders', () => {
    const le = Uint8Array.from([0xff, 0xfe, ...[...CSV].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    const be = Uint8Array.from([0xfe, 0xff, ...[...CSV].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff])]);
    expect(glossaryFileText(le)).toEqual({ ok: true, text: CSV, encoding: 'utf-16le' });
    expect(glossaryFileText(be)).toEqual({ ok: true, text: CSV, encoding: 'utf-16be' });
  });

  it('reads a Windows-1251 CSV (as a Russian Excel saves it) with its Cyrillic whole, not as mojibake', () => {
    const read = glossaryFileText(cp1251('en;ru\nvaccine;вакцина\nyolk;Ёлка ёж\n'));
    expect(read).toEqual({ ok: true, text: 'en;ru\nvaccine;вакцина\nyolk;Ёлка ёж\n', encoding: 'windows-1251' });
  });

  it('refuses random bytes, a file with NUL bytes and one full of control characters', () => {
    expect(glossaryFileText(randomBytes(3000))).toEqual({ ok: false, reason: 'not-text' });
    expect(glossaryFileText(Uint8Array.from([...utf8('health,здоровье\n'), 0, 0, 0]))).toEqual({ ok: false, reason: 'not-text' });
    const noisy = Array.from({ length: 200 }, (_, i) => `term${i}\u0001,термин\u0002\n`).join('');
    expect(glossaryFileText(utf8(noisy))).toEqual({ ok: false, reason: 'not-text' });
  });

  it('forgives a stray control character in a real glossary', () => {
    const text = `${'health,здоровье\n'.repeat(100)}\u000c`;
    expect(glossaryFileText(utf8(text))).toMatchObject({ ok: true, text });
  });
});
