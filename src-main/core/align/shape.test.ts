import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEvalSet } from './evaluation';
import { ENDS_CLAUSE, ENDS_COMMA, ENDS_CUT, endingOf } from './shape';

/** What the `ENDS_*` bits stand for (see shape.ts). */
const CUT_END = /(?:,|[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF])["”»’)]?\s*$/u;
const CLAUSE_END = /[;:\-–—]\s*$/u;
const COMMA_END = /,["”»’)]?\s*$/u;

const expected = (text: string): number => (CUT_END.test(text) ? ENDS_CUT : 0) | (CLAUSE_END.test(text) ? ENDS_CLAUSE : 0) | (COMMA_END.test(text) ? ENDS_COMMA : 0);

describe('endingOf', () => {
  it('agrees with the end expressions on every unit of the evaluation sets', () => {
    const dir = join(import.meta.dirname, 'eval');
    const texts = readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .flatMap((f) => {
        const set = parseEvalSet(f, readFileSync(join(dir, f), 'utf8'));
        return [...set.en, ...set.ru];
      });
    expect(texts.length).toBeGreaterThan(500);
    const bits = new Set<number>();
    for (const text of texts) {
      expect(endingOf(text), text).toBe(expected(text));
      bits.add(endingOf(text));
    }
    // Each kind of ending is met.
    expect([...bits].sort()).toEqual(expect.arrayContaining([0, ENDS_CUT, ENDS_CLAUSE, ENDS_CUT | ENDS_COMMA]));
  });

  it('agrees with them at the edges: spaces, quotes, brackets, scripts', () => {
    const cases = ['', ' ', ',', ', ', ',"', ',”\u00a0', '",', 'a', 'a)', 'a) ', 'a.)', '.', '."', 'word ;', 'word —\u2003', 'word –', 'word -', 'слово»', 'слово.»', 'Ǆ', 'ɏ', 'ɐ', 'Ӿ', 'Ԁ', '9', '9 \u3000', '(a', ')', '))', 'a))', '\ufeff', 'x\ufeff', '𝐀', 'a\u2028', 'a\u180e', ':', ':)', '’', 'a’', ',’'];
    for (const text of cases) expect(endingOf(text), JSON.stringify(text)).toBe(expected(text));
  });
});
