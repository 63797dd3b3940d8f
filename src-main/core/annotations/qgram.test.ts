import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../random';
import { approximateMatches, fuzzyBudget } from './fuzzy';
import { type EndRegion, candidateEnds, filterShape } from './qgram';
import { MIN_QUOTE_SIMILARITY, TextQuoteAnchor } from './selectors';
import { SourceText, toCodePoints } from './source-text';

/** Every end (offset past the match) where `pattern` matches `text` with ≤ k edits: plain Sellers, no cut-off. */
function allEnds(pattern: Int32Array, text: Int32Array, k: number): number[] {
  const m = pattern.length;
  let prev = Int32Array.from({ length: m + 1 }, (_, i) => i);
  let cur = new Int32Array(m + 1);
  const ends: number[] = [];
  for (let j = 0; j < text.length; j++) {
    cur[0] = 0;
    for (let i = 1; i <= m; i++) {
      const sub = (prev[i - 1] ?? 0) + (pattern[i - 1] === text[j] ? 0 : 1);
      cur[i] = Math.min(sub, (prev[i] ?? 0) + 1, (cur[i - 1] ?? 0) + 1);
    }
    if ((cur[m] ?? 0) <= k) ends.push(j + 1);
    [prev, cur] = [cur, prev];
  }
  return ends;
}

const inRegions = (end: number, regions: readonly EndRegion[]) => regions.some((r) => r.from <= end && end <= r.to);

/** A random string over `alphabet` (code points: astral characters count once). */
function randomText(random: () => number, alphabet: string, length: number): string {
  const letters = [...alphabet];
  return Array.from({ length }, () => letters[Math.floor(random() * letters.length)]).join('');
}

/** `text` with `edits` random substitutions, insertions and deletions (by code point). */
function edit(random: () => number, text: string, edits: number, alphabet: string): string {
  const points = [...text];
  const letters = [...alphabet];
  for (let e = 0; e < edits && points.length > 1; e++) {
    const at = Math.floor(random() * points.length);
    const letter = letters[Math.floor(random() * letters.length)] as string;
    const kind = Math.floor(random() * 3);
    if (kind === 0) points[at] = letter;
    else if (kind === 1) points.splice(at, 0, letter);
    else points.splice(at, 1);
  }
  return points.join('');
}

const ALPHABETS = {
  latin: 'abcdefghij klmno',
  small: 'ab ',
  cyrillic: 'абвгдеёжзий клмн',
  astral: 'ab\u{1f600}\u{10348}c ',
};

describe('the q-gram filter in front of the fuzzy search', () => {
  it('uses 3-grams when the lemma leaves some to share, 2-grams for shorter quotes, none for the shortest', () => {
    expect(filterShape(60, 15)).toEqual({ q: 3, threshold: 13 });
    expect(filterShape(8, 2)).toEqual({ q: 2, threshold: 3 });
    expect(filterShape(4, 1)).toEqual({ q: 2, threshold: 1 });
    expect(filterShape(3, 1)).toBeNull();
  });

  for (const [name, alphabet] of Object.entries(ALPHABETS)) {
    it(`loses no end of a match (${name} text): every end a plain scan finds with ≤ k edits lies in a region`, () => {
      const random = mulberry32(name.length * 7919);
      let checked = 0;
      for (let trial = 0; trial < 150; trial++) {
        const text = toCodePoints(randomText(random, alphabet, 200 + Math.floor(random() * 600)));
        const m = 4 + Math.floor(random() * 60);
        const k = Math.floor(m * (1 - MIN_QUOTE_SIMILARITY));
        const start = Math.floor(random() * Math.max(1, text.length - m));
        const piece = String.fromCodePoint(...text.subarray(start, start + m));
        // Near the text (0 to k + 2 edits), or nothing like it.
        const quote = trial % 5 === 0 ? randomText(random, alphabet, m) : edit(random, piece, Math.floor(random() * (k + 3)), alphabet);
        const pattern = toCodePoints(quote);
        const kk = Math.floor(pattern.length * (1 - MIN_QUOTE_SIMILARITY));
        const found = candidateEnds(pattern, text, kk);
        if (!found) continue;
        for (const end of allEnds(pattern, text, kk)) {
          expect(inRegions(end, found.regions), `end ${end} of "${quote}" (k ${kk}) outside ${JSON.stringify(found.regions)}`).toBe(true);
        }
        checked++;
      }
      expect(checked).toBeGreaterThan(100);
    });

    it(`gives the fuzzy search the same answer as a scan of the whole text (${name} text)`, () => {
      const random = mulberry32(name.length * 104_729);
      for (let trial = 0; trial < 150; trial++) {
        const text = toCodePoints(randomText(random, alphabet, 300 + Math.floor(random() * 500)));
        const m = 6 + Math.floor(random() * 50);
        const start = Math.floor(random() * Math.max(1, text.length - m));
        const piece = String.fromCodePoint(...text.subarray(start, start + m));
        const pattern = toCodePoints(edit(random, piece, Math.floor(random() * (m / 4 + 2)), alphabet));
        const k = Math.floor(pattern.length * (1 - MIN_QUOTE_SIMILARITY));
        const found = candidateEnds(pattern, text, k);
        expect(approximateMatches(pattern, text, k, fuzzyBudget(Number.POSITIVE_INFINITY), found?.regions)).toEqual(approximateMatches(pattern, text, k));
      }
    });
  }

  it('scans each region from m + k before its first end: a match with insertions ending right at a region is seen whole', () => {
    const text = toCodePoints('zzzzzzzzzzabcXYdefghzzzz');
    const pattern = toCodePoints('abcdefgh');
    expect(approximateMatches(pattern, text, 2, fuzzyBudget(1_000), [{ from: 20, to: 20 }])).toEqual([{ start: 10, end: 20, errors: 2 }]);
    expect(approximateMatches(pattern, text, 2)).toEqual([{ start: 10, end: 20, errors: 2 }]);
  });

  it('finds no region for a quote of random letters in English prose, for a few hits', () => {
    const random = mulberry32(10);
    const prose = 'The Ministers reaffirmed their commitment to strengthen cooperation in public health, including the exchange of information and best practices. '.repeat(80);
    const text = toCodePoints(prose);
    for (let i = 0; i < 50; i++) {
      const found = candidateEnds(toCodePoints(randomText(random, 'abcdefghijklmnopqrstuvwxyz      ', 60)), text, 15);
      expect(found?.regions).toEqual([]);
      expect(found?.hits).toBeLessThan(text.length / 4);
    }
  });

  it('gives way to the full scan when its q-grams are too common to count cheaply', () => {
    const text = toCodePoints('ab'.repeat(2_000));
    expect(candidateEnds(toCodePoints('ab'.repeat(20)), text, 10, 1_000)).toBeNull();
    // Counted to the end, it finds the whole text (a match of 40 with ≤ 10 edits ends at 30 or later).
    const regions = candidateEnds(toCodePoints('ab'.repeat(20)), text, 10)?.regions ?? [];
    expect(regions).toHaveLength(1);
    expect(regions[0]?.from).toBeLessThanOrEqual(30);
    expect(regions[0]?.to).toBe(4_000);
  });
});

describe('quotes found through the filter', () => {
  const en =
    'The Ministers reaffirmed their commitment to strengthen cooperation in public health. They agreed to share information on the pandemic without delay, and to support one another.';
  const ru = 'Министры подтвердили приверженность укреплению сотрудничества в области здравоохранения. Они договорились делиться сведениями о пандемии.';
  const source = new SourceText('en', en, []);
  const budget = () => fuzzyBudget(Number.MAX_SAFE_INTEGER);

  it('an exact quote: found exactly', () => {
    const at = en.indexOf('share information');
    expect(new TextQuoteAnchor('share information', 'They agreed to ', ' on the').toRange(source, { budget: budget() })).toMatchObject({
      method: 'quote',
      start: at,
      end: at + 'share information'.length,
    });
  });

  it('a quote with typos: found fuzzily in its place', () => {
    const at = en.indexOf('commitment to strengthen');
    const match = new TextQuoteAnchor('comitment to strenghten coperation', 'The Ministers reaffirmed their ', ' in public health.').toRange(source, { budget: budget() });
    expect(match).toMatchObject({ method: 'fuzzy', start: at });
    expect(Math.abs((match?.end ?? 0) - (at + 'commitment to strengthen cooperation'.length))).toBeLessThanOrEqual(1);
  });

  it('a quote like nothing in the text: no match, and no fuzzy cell spent on it', () => {
    const b = budget();
    expect(new TextQuoteAnchor('qzx vwk jjq pyf xkcd zzv qqw bnm lkj hgf').toRange(source, { budget: b })).toBeNull();
    expect(Number.MAX_SAFE_INTEGER - b.cells).toBeLessThan(100);
  });

  it('quotes at the very start and end of the text, with a typo each', () => {
    expect(new TextQuoteAnchor('The Ministres reaffirmed', '', ' their commitment').toRange(source, { budget: budget() })).toMatchObject({
      method: 'fuzzy',
      start: 0,
      end: 'The Ministers reaffirmed'.length,
    });
    const tail = 'support one another.';
    expect(new TextQuoteAnchor('suport one another.', 'and to ', '').toRange(source, { budget: budget() })).toMatchObject({
      method: 'fuzzy',
      start: en.length - tail.length,
      end: en.length,
    });
  });

  it('Cyrillic: a quote with a typo found fuzzily', () => {
    const cyr = new SourceText('ru', ru, []);
    const at = ru.indexOf('укреплению сотрудничества');
    expect(new TextQuoteAnchor('укрепленю сотрудничества в облости', 'подтвердили приверженность ', ' здравоохранения').toRange(cyr, { budget: budget() })).toMatchObject({
      method: 'fuzzy',
      start: at,
    });
  });

  it('astral characters: offsets in UTF-16, a typo beside an emoji found', () => {
    const text = `Intro 😀 words. ${en} 🌍 closing 𐍈 line.`;
    const astral = new SourceText('en', text, []);
    const at = text.indexOf('🌍 closing');
    const match = new TextQuoteAnchor('🌍 closin 𐍈 line', 'to support one another. ', '.').toRange(astral, { budget: budget() });
    expect(match).toMatchObject({ method: 'fuzzy', start: at, end: text.length - 1 });
  });
});
