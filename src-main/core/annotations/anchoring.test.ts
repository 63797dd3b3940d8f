import { describe, expect, it } from 'vitest';
import type { AlignedText, Clause, Lang } from '../model';
import {
  SourceText,
  TextPositionAnchor,
  TextQuoteAnchor,
  anchorRowTarget,
  anchorTextTarget,
  buildAnchoringDocument,
  codePointToUtf16,
  rowTargetFromRow,
  textTargetFromRange,
  utf16ToCodePoint,
} from './anchoring';
import { approximateMatches, bandedMatch, fuzzyBudget } from './fuzzy';
import type { TextTarget } from './model';
import { SEARCH_CELLS } from './selectors';
import { toCodePoints } from './source-text';
import { mulberry32 } from '../random';

/** Paragraphs split on blank lines, clauses on sentence ends; one row per clause pair. */
function clausesOf(lang: Lang, text: string): Clause[][] {
  const paragraphs: Clause[][] = [];
  const paraRe = /[^\n]+/g;
  let p = 0;
  for (let pm = paraRe.exec(text); pm; pm = paraRe.exec(text)) {
    const clauses: Clause[] = [];
    const sentRe = /[^.!?]+[.!?]?/g;
    let c = 0;
    for (let sm = sentRe.exec(pm[0]); sm; sm = sentRe.exec(pm[0])) {
      const lead = sm[0].length - sm[0].trimStart().length;
      const body = sm[0].trim();
      if (body === '') continue;
      const start = pm.index + sm.index + lead;
      clauses.push({ id: `${lang}-p${p}-c${c++}`, text: body, start, end: start + body.length });
    }
    paragraphs.push(clauses);
    p++;
  }
  return paragraphs;
}

function makeDoc(en: string, ru: string) {
  const enP = clausesOf('en', en);
  const ruP = clausesOf('ru', ru);
  const body: AlignedText = {
    groups: enP.map((clauses, g) => ({
      number: g + 1,
      kind: 'body',
      en: [g],
      ru: [g],
      rows: clauses.map((clause, r) => ({
        id: `r${g + 1}-${r}`,
        en: [clause],
        ru: ruP[g]?.[r] ? [ruP[g][r] as Clause] : [],
        confidence: 1,
      })),
    })),
  };
  return buildAnchoringDocument(body, { en, ru });
}

const EN = [
  'The Ministers reaffirmed their commitment to regional cooperation. They welcomed the progress made in public health.',
  'The parties agreed to share vaccines fairly. They noted the importance of timely data exchange between laboratories.',
].join('\n');
const RU = [
  'Министры подтвердили приверженность региональному сотрудничеству. Они приветствовали прогресс в здравоохранении.',
  'Стороны договорились справедливо распределять вакцины. Они отметили важность своевременного обмена данными.',
].join('\n');

function targetFor(text: string, quote: string, lang: Lang = 'en', occurrence = 0): TextTarget {
  const doc = makeDoc(lang === 'en' ? text : EN, lang === 'ru' ? text : RU);
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(quote, at + 1);
  if (at < 0) throw new Error(`no "${quote}"`);
  const target = textTargetFromRange(doc, lang, { start: at, end: at + quote.length });
  if (!target) throw new Error('no target');
  return target;
}

function anchorIn(text: string, target: TextTarget) {
  return anchorTextTarget(makeDoc(target.lang === 'en' ? text : EN, target.lang === 'ru' ? text : RU), target);
}

function anchoredText(text: string, target: TextTarget): string | undefined {
  const anchor = anchorIn(text, target);
  return anchor.status === 'anchored' && anchor.type === 'text' ? text.slice(anchor.start, anchor.end) : undefined;
}

describe('code points and UTF-16', () => {
  const text = 'a😀b𝄞c';
  it('converts offsets both ways around astral characters', () => {
    expect(utf16ToCodePoint(text, 0)).toBe(0);
    expect(utf16ToCodePoint(text, 3)).toBe(2); // after 😀
    expect(utf16ToCodePoint(text, text.length)).toBe(5);
    expect(codePointToUtf16(text, 2)).toBe(3);
    expect(codePointToUtf16(text, 4)).toBe(6);
    const source = new SourceText('en', text, []);
    for (let cp = 0; cp <= 5; cp++) expect(source.toCodePoint(source.toUtf16(cp))).toBe(cp);
    expect(source.toUtf16(4)).toBe(codePointToUtf16(text, 4));
  });
});

describe('selector kinds', () => {
  it('round-trip a range through position and quote selectors', () => {
    const source = new SourceText('en', EN, clausesOf('en', EN).flat());
    const range = { start: EN.indexOf('regional'), end: EN.indexOf('regional') + 'regional cooperation'.length };
    const position = TextPositionAnchor.fromRange(source, range);
    expect(TextPositionAnchor.fromSelector(position.toSelector()).toRange(source)).toEqual(range);
    const quote = TextQuoteAnchor.fromRange(source, range);
    expect(quote.exact).toBe('regional cooperation');
    expect([...quote.prefix].length).toBe(32);
    expect(TextQuoteAnchor.fromSelector(quote.toSelector()).toRange(source)).toMatchObject({ ...range, method: 'quote' });
  });
});

describe('anchoring a text target', () => {
  const quote = 'the progress made in public health';

  it('anchors by position in an unchanged text', () => {
    const target = targetFor(EN, quote);
    expect(anchorIn(EN, target)).toMatchObject({ status: 'anchored', method: 'position', score: 1, clauseIds: ['en-p0-c1'], rowId: 'r1-1' });
  });

  it('stores code-point positions and a quote with 32 code points of context', () => {
    const target = targetFor(EN, quote);
    expect(target.clauseId).toBe('en-p0-c1');
    expect(target.selectors[0]).toMatchObject({ type: 'TextQuoteSelector', exact: quote });
    expect([...target.selectors[0].prefix]).toHaveLength(32);
    expect(target.selectors[1]).toEqual({ type: 'TextPositionSelector', start: EN.indexOf(quote), end: EN.indexOf(quote) + quote.length });
  });

  it('follows the quote when text is inserted before it', () => {
    const target = targetFor(EN, quote);
    const edited = `Preamble added later. ${EN}`;
    expect(anchorIn(edited, target)).toMatchObject({ status: 'anchored', method: 'quote' });
    expect(anchoredText(edited, target)).toBe(quote);
  });

  it('is unaffected by edits after the quote', () => {
    const target = targetFor(EN, quote);
    const edited = EN.replace('share vaccines fairly', 'distribute vaccines equitably and quickly');
    expect(anchorIn(edited, target)).toMatchObject({ status: 'anchored', method: 'position' });
  });

  it('finds the quote fuzzily after a small edit inside it', () => {
    const target = targetFor(EN, quote);
    const edited = `Intro. ${EN.replace('progress made in public health', 'progress achieved in public health')}`;
    const anchor = anchorIn(edited, target);
    expect(anchor).toMatchObject({ status: 'anchored', method: 'fuzzy' });
    expect(anchoredText(edited, target)).toBe('the progress achieved in public health');
    if (anchor.status === 'anchored') expect(anchor.score).toBeGreaterThanOrEqual(0.8);
  });

  it('still anchors in a re-segmented text whose clause ids have changed', () => {
    const target = targetFor(EN, quote);
    const resegmented = EN.replace('regional cooperation. They welcomed', 'regional cooperation; they welcomed').replace('\n', '\n\n');
    const anchor = anchorIn(resegmented, target);
    expect(anchor.status).toBe('anchored');
    expect(anchoredText(resegmented, target)).toBe(quote);
  });

  it('anchors a selection spanning two clauses and reports both', () => {
    const target = targetFor(EN, 'regional cooperation. They welcomed');
    expect(anchorIn(EN, target)).toMatchObject({ clauseIds: ['en-p0-c0', 'en-p0-c1'], rowIds: ['r1-0', 'r1-1'], rowId: 'r1-0' });
  });

  it('does not take a lookalike passage elsewhere for a deleted quote', () => {
    const text = [
      'The Ministers agreed to strengthen cooperation on vaccine research and development.',
      'Separately, the leaders discussed trade. The officials agreed to strengthen cooperation on vaccine safety and deployment.',
    ].join('\n');
    const target = targetFor(text, 'The Ministers agreed to strengthen cooperation on vaccine research and development.');
    const edited = text.split('\n')[1] as string; // the first paragraph is gone
    expect(anchorIn(edited, target)).toEqual({ status: 'orphan', type: 'text' });
  });

  it('picks the right one of duplicated quotes by context after the text moved', () => {
    const text = 'Health ministers met in Hanoi. They said: we will act now. Trade ministers met in Jakarta. They said: we will act now.';
    const target = targetFor(text, 'we will act now', 'en', 1);
    const edited = `A new opening sentence. ${text}`;
    const anchor = anchorIn(edited, target);
    expect(anchor).toMatchObject({ status: 'anchored', method: 'quote' });
    if (anchor.status === 'anchored' && anchor.type === 'text') {
      expect(anchor.start).toBe(edited.lastIndexOf('we will act now'));
    }
  });

  it('leaves an orphan an orphan when its text is gone', () => {
    const target = targetFor(EN, 'They noted the importance of timely data exchange between laboratories.');
    const edited = EN.replace(/They noted.*$/s, 'Nothing else was said.');
    expect(anchorIn(edited, target)).toEqual({ status: 'orphan', type: 'text' });
    // Anchoring does not touch the target: the stored selectors are unchanged.
    expect(target.selectors[0].exact).toBe('They noted the importance of timely data exchange between laboratories.');
  });

  it('counts astral characters as one code point and gives UTF-16 ranges back', () => {
    const text = 'Emoji 😀 first. The 𝄞 clef sings here. End.';
    const target = targetFor(text, 'clef sings');
    const cpStart = [...text.slice(0, text.indexOf('clef sings'))].length;
    expect(target.selectors[1]).toEqual({ type: 'TextPositionSelector', start: cpStart, end: cpStart + 10 });
    expect(anchoredText(text, target)).toBe('clef sings');
    const edited = `😀😀 ${text}`;
    expect(anchoredText(edited, target)).toBe('clef sings');
  });

  it('trims whitespace from a selection and refuses a blank one', () => {
    const doc = makeDoc(EN, RU);
    const at = EN.indexOf('They welcomed');
    const target = textTargetFromRange(doc, 'en', { start: at - 1, end: at + 'They welcomed'.length + 1 });
    expect(target?.selectors[0].exact).toBe('They welcomed');
    expect(textTargetFromRange(doc, 'en', { start: at - 1, end: at })).toBeNull();
  });

  it('anchors Russian text', () => {
    const target = targetFor(RU, 'справедливо распределять вакцины', 'ru');
    const anchor = anchorIn(`Вступление. ${RU}`, target);
    expect(anchor).toMatchObject({ status: 'anchored', lang: 'ru', method: 'quote', clauseIds: ['ru-p1-c0'] });
  });
});

describe('anchoring a row target', () => {
  it('anchors by row id while the row text is unchanged', () => {
    const doc = makeDoc(EN, RU);
    const target = rowTargetFromRow(doc, 'r2-0');
    expect(target?.quotes.ru.exact).toBe('Стороны договорились справедливо распределять вакцины.');
    expect(anchorRowTarget(doc, target!)).toMatchObject({
      status: 'anchored',
      type: 'row',
      rowId: 'r2-0',
      method: 'row-id',
      clauseIds: ['en-p1-c0', 'ru-p1-c0'],
    });
  });

  it('finds the row by its quotes when the row ids have shifted', () => {
    const target = rowTargetFromRow(makeDoc(EN, RU), 'r2-0')!;
    const doc = makeDoc(`New first paragraph.\n${EN}`, `Новый первый абзац.\n${RU}`);
    expect(anchorRowTarget(doc, target)).toMatchObject({ status: 'anchored', rowId: 'r3-0', method: 'quote' });
  });

  it('is an orphan when neither row nor quotes can be found', () => {
    const target = rowTargetFromRow(makeDoc(EN, RU), 'r2-1')!;
    const doc = makeDoc(EN.split('\n')[0] as string, RU.split('\n')[0] as string);
    expect(anchorRowTarget(doc, target)).toEqual({ status: 'orphan', type: 'row' });
  });
});

describe('fuzzy search, bounded in work', () => {
  /** Seeded words: a long text with no repeated passages. */
  function words(seed: number, count: number): string {
    const random = mulberry32(seed);
    const syllables = ['ka', 'lo', 'mi', 'ser', 'tu', 'van', 'dre', 'po', 'nix', 'al', 'bre', 'qu'];
    return Array.from({ length: count }, () =>
      Array.from({ length: 1 + Math.floor(random() * 3) }, () => syllables[Math.floor(random() * syllables.length)]).join(''),
    ).join(' ');
  }
  const long = words(1, 4_000); // about 25,000 characters
  const source = new SourceText('en', long, []);

  it('finds a long quote with a few edits, seeded by its exact pieces, within one search budget', () => {
    const start = 9_000;
    const quote = long.slice(start, start + 3_000);
    const edited = `${long.slice(0, start + 500)}XX${long.slice(start + 510, start + 2_000)}YYY${long.slice(start + 2_000)}`;
    const budget = fuzzyBudget(Number.MAX_SAFE_INTEGER);
    const match = new TextQuoteAnchor(quote).toRange(new SourceText('en', edited, []), { budget });
    expect(match).toMatchObject({ method: 'fuzzy', start });
    expect(Math.abs((match?.end ?? 0) - (start + 3_000 - 5))).toBeLessThanOrEqual(3);
    expect(Number.MAX_SAFE_INTEGER - budget.cells).toBeLessThanOrEqual(SEARCH_CELLS);
    expect(budget.exhausted).toBe(false);
  });

  it('gives up on a 10,000-character quote that matches nothing after a few cells, leaving an orphan', () => {
    const quote = words(2, 1_600).slice(0, 10_000);
    const budget = fuzzyBudget(Number.MAX_SAFE_INTEGER);
    expect(new TextQuoteAnchor(quote).toRange(source, { budget })).toBeNull();
    const used = Number.MAX_SAFE_INTEGER - budget.cells;
    expect(used).toBeLessThanOrEqual(SEARCH_CELLS);
    expect(budget.exhausted).toBe(false); // a final answer: it may be cached
  });

  it('never takes more than its share: a full search stops when the cells run out and says so', () => {
    const pattern = toCodePoints(long.slice(100, 300));
    const budget = fuzzyBudget(10_000);
    expect(approximateMatches(pattern, source.codePoints, 50, budget)).toEqual([]);
    expect(budget).toEqual({ cells: 0, exhausted: true });
    // With room, the same search finds the place.
    expect(approximateMatches(pattern, source.codePoints, 50)[0]).toMatchObject({ start: 100, end: 300, errors: 0 });
  });

  it('marks a pass whose shared budget ran out as not final', () => {
    const quote = `${long.slice(5_000, 5_100)}QQ${long.slice(5_102, 5_200)}`;
    const shared = fuzzyBudget(1_000);
    expect(new TextQuoteAnchor(quote).toRange(source, { budget: shared })).toBeNull();
    expect(shared.exhausted).toBe(true);
    expect(new TextQuoteAnchor(quote).toRange(source, { budget: fuzzyBudget(Number.MAX_SAFE_INTEGER) })).toMatchObject({
      method: 'fuzzy',
      start: 5_000,
    });
  });

  it('reads code points as the string iterator does: pairs joined, lone surrogates kept', () => {
    for (const text of ['', 'abc', 'a\u{1f600}b', '\u{1f600}', 'x\ud800', '\udc00y', 'a\ud800\ud800\udc00b', 'Мир\u{10348}']) {
      expect([...toCodePoints(text)]).toEqual([...text].map((ch) => ch.codePointAt(0)));
    }
  });

  it('finds a long quote with an astral character fuzzily, seeded by its pieces', () => {
    const text = `${long.slice(0, 3_000)}\u{1f600}${long.slice(3_000, 6_000)}`;
    const astral = new SourceText('en', text, []);
    const quote = `${text.slice(2_000, 2_990)}ZZ${text.slice(2_992, 4_000)}`;
    const match = new TextQuoteAnchor(quote).toRange(astral, { budget: fuzzyBudget(Number.MAX_SAFE_INTEGER) });
    expect(match).toMatchObject({ method: 'fuzzy', start: 2_000, end: 4_000 });
  });

  it('a banded match finds the alignment near its seed, and nothing beyond its error limit', () => {
    const text = toCodePoints('xxxxabcdefghijxxxx');
    const budget = fuzzyBudget(1_000_000);
    expect(bandedMatch(toCodePoints('abcdXfghij'), text, 3, 3, 2, budget)).toEqual({ start: 4, end: 14, errors: 1 });
    expect(bandedMatch(toCodePoints('abcdXXXhij'), text, 4, 3, 2, budget)).toBeNull();
  });
});
