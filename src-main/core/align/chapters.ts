/**
 * Chapter → paragraph → clause alignment, for documents whose two sides both have chapters (EPUB,
 * FB2, ODT, and docx, Markdown or HTML with headings). Pure TypeScript: no Electron, no Node APIs.
 *
 * 1. Each side is cut into chapters at its chapter headings (`chapterLevel`: the highest heading
 *    level that occurs at least twice; paragraphs before the first one are a front chapter).
 * 2. The chapters are paired by a monotone dynamic programme (Gale–Church over chapters): 1-1,
 *    1-0, 0-1 (a chapter missing on one side), 2-1 and 1-2 (a chapter split in two on one side).
 *    A pair costs the log-ratio of the chapters' shares of their text (a chapter's length against
 *    the length of its side), less what their headings share — the same chapter number (Arabic,
 *    Roman, or a number word in either language) and the aligner's lexical anchors (numbers,
 *    lexicon concepts, names) — plus a mismatch of numbers.
 * 3. Inside each chapter pair the paragraphs and clauses are aligned by the aligner's own entry
 *    point (`alignText`); a chapter missing on one side gives one-sided rows, flagged as uncertain.
 *    Groups and row ids are then numbered through the whole document.
 *
 * The aligner's internals are not touched: only `alignText` and `extractAnchors` are called.
 */
import type { AlignedRow, AlignedText, ParagraphGroup, SegmentedText } from '../model';
import { alignText } from './align';
import { extractAnchors } from './anchors';

/** A heading of a document side: its paragraph (0-based) and level (1 = the highest). */
export interface HeadingMark {
  paragraph: number;
  level: number;
}

/** A run of paragraphs `[start, end)` of one side; `heading` is its first paragraph's text when that is a chapter heading. */
export interface ChapterSpan {
  start: number;
  end: number;
  heading?: string;
}

/** A pairing of chapters: indexes into each side's chapters (`[]` on a side: missing there). */
export interface ChapterBead {
  en: number[];
  ru: number[];
}

/** The heading level that cuts chapters: the highest level occurring at least twice (undefined: none). */
export function chapterLevel(headings: readonly HeadingMark[]): number | undefined {
  const counts = new Map<number, number>();
  for (const h of headings) counts.set(h.level, (counts.get(h.level) ?? 0) + 1);
  const levels = [...counts].filter(([, n]) => n >= 2).map(([level]) => level);
  return levels.length > 0 ? Math.min(...levels) : undefined;
}

/** The paragraphs that start a chapter: headings at the chapter level or above, in order. */
export function chapterStarts(headings: readonly HeadingMark[], paragraphs: number): number[] {
  const level = chapterLevel(headings);
  if (level === undefined) return [];
  const starts = headings.filter((h) => h.level <= level && h.paragraph >= 0 && h.paragraph < paragraphs).map((h) => h.paragraph);
  return [...new Set(starts)].sort((a, b) => a - b);
}

/** One side's chapters; `texts[k]` is paragraph k's text. A side without chapter headings is one chapter. */
export function chapterSpans(texts: readonly string[], headings: readonly HeadingMark[]): ChapterSpan[] {
  const starts = chapterStarts(headings, texts.length);
  const spans: ChapterSpan[] = [];
  if (starts.length === 0 || starts[0]! > 0) spans.push({ start: 0, end: starts[0] ?? texts.length });
  starts.forEach((start, k) => spans.push({ start, end: starts[k + 1] ?? texts.length, heading: texts[start] }));
  return spans.filter((s) => s.end > s.start);
}

const ROMAN = /^(?=[MDCLXVI])M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;
function romanValue(word: string): number | undefined {
  if (!ROMAN.test(word)) return undefined;
  const value: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
  let total = 0;
  for (let k = 0; k < word.length; k++) {
    const v = value[word[k]!]!;
    const next = value[word[k + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/** Number words (cardinal and ordinal stems) of both languages, 1–20. */
const NUMBER_WORDS: ReadonlyArray<readonly [number, readonly string[]]> = [
  [1, ['one', 'first', 'один', 'одна', 'перв']],
  [2, ['two', 'second', 'два', 'две', 'втор']],
  [3, ['three', 'third', 'три', 'трет']],
  [4, ['four', 'fourth', 'четыре', 'четвёрт', 'четверт']],
  [5, ['five', 'fifth', 'пять', 'пят']],
  [6, ['six', 'sixth', 'шесть', 'шест']],
  [7, ['seven', 'seventh', 'семь', 'седьм']],
  [8, ['eight', 'eighth', 'восемь', 'восьм']],
  [9, ['nine', 'ninth', 'девять', 'девят']],
  [10, ['ten', 'tenth', 'десять', 'десят']],
  [11, ['eleven', 'eleventh', 'одиннадцат']],
  [12, ['twelve', 'twelfth', 'двенадцат']],
  [13, ['thirteen', 'thirteenth', 'тринадцат']],
  [14, ['fourteen', 'fourteenth', 'четырнадцат']],
  [15, ['fifteen', 'fifteenth', 'пятнадцат']],
  [16, ['sixteen', 'sixteenth', 'шестнадцат']],
  [17, ['seventeen', 'seventeenth', 'семнадцат']],
  [18, ['eighteen', 'eighteenth', 'восемнадцат']],
  [19, ['nineteen', 'nineteenth', 'девятнадцат']],
  [20, ['twenty', 'twentieth', 'двадцат']],
];
const CHAPTER_WORDS = /^(chapter|part|book|section|article|глава|часть|книга|раздел|статья)$/;

/**
 * The chapter number a heading gives: its first Arabic number, a Roman numeral, or a number word
 * after a word like "Chapter"/"Глава" (`Chapter Three`, `Глава третья`), or `undefined`.
 */
export function headingNumber(heading: string): number | undefined {
  const words = heading.split(/[\s.:,;–—-]+/u).filter(Boolean);
  for (const word of words.slice(0, 4)) {
    if (/^\d{1,5}$/.test(word)) return Number(word);
    const roman = romanValue(word);
    if (roman !== undefined && (word.length > 1 || words.length <= 3)) return roman;
  }
  const lower = words.map((w) => w.toLocaleLowerCase('ru'));
  const after = lower.findIndex((w) => CHAPTER_WORDS.test(w));
  const candidates = after >= 0 ? lower.slice(after + 1, after + 2) : lower.slice(0, 1);
  for (const word of candidates) {
    for (const [value, stems] of NUMBER_WORDS) {
      // An exact English word, or a Russian stem with an ending (`третья`, `первая`).
      if (stems.some((stem) => word === stem || (/[а-яё]/.test(stem) && word.startsWith(stem) && word.length - stem.length <= 3))) return value;
    }
  }
  return undefined;
}

/**
 * Whether a heading names itself a chapter: it opens with a word like "Chapter"/"Глава" followed by
 * its number (`Chapter 1. The meeting`, `Глава третья`), or it is a number alone below 1000 (`IV`, `12.`). A
 * book of one chapter has no chapter level (`chapterLevel` needs two headings), and this tells its
 * opening heading from the document's title.
 */
export function namesChapter(heading: string): boolean {
  const number = headingNumber(heading);
  if (number === undefined) return false;
  const words = heading.split(/[\s.:,;–—-]+/u).filter(Boolean);
  // A number alone up to 999: a title such as "1984" is not a chapter.
  return CHAPTER_WORDS.test(words[0]?.toLocaleLowerCase('ru') ?? '') || (words.length === 1 && number < 1000);
}

export interface ChapterCostOptions {
  /** Cost of a chapter missing on one side. */
  skipCost?: number;
  /** Extra cost of two chapters on one side paired with one on the other. */
  mergeCost?: number;
  /** Spread of the log-ratio of two paired chapters' shares of their sides. */
  sigma?: number;
}

const DEFAULTS: Required<ChapterCostOptions> = { skipCost: 5, mergeCost: 6, sigma: 0.2 };

/** What is compared of a chapter: its share of its side's text, its heading's number and anchors. */
interface ChapterFeatures {
  share: number;
  number: number | undefined;
  anchors: ReadonlyMap<string, number>;
}

/** Heading and opening anchors of each chapter, both sides at once (so that lexicon concepts pair up). */
function features(en: readonly ChapterSpan[], ru: readonly ChapterSpan[], enTexts: readonly string[], ruTexts: readonly string[]): { en: ChapterFeatures[]; ru: ChapterFeatures[] } {
  const lengthOf = (span: ChapterSpan, texts: readonly string[]) => {
    let n = 0;
    for (let k = span.start; k < span.end; k++) n += texts[k]!.length;
    return n;
  };
  const enLengths = en.map((s) => lengthOf(s, enTexts));
  const ruLengths = ru.map((s) => lengthOf(s, ruTexts));
  const total = (xs: number[]) => Math.max(1, xs.reduce((a, b) => a + b, 0));
  const [enTotal, ruTotal] = [total(enLengths), total(ruLengths)];
  const label = (span: ChapterSpan) => span.heading ?? '';
  const anchors = extractAnchors(en.map(label), ru.map(label));
  return {
    en: en.map((s, k) => ({ share: Math.max(enLengths[k]!, 1) / enTotal, number: s.heading ? headingNumber(s.heading) : undefined, anchors: anchors.en[k]! })),
    ru: ru.map((s, k) => ({ share: Math.max(ruLengths[k]!, 1) / ruTotal, number: s.heading ? headingNumber(s.heading) : undefined, anchors: anchors.ru[k]! })),
  };
}

/** What two headings share: negative for the same number and common anchors, positive for different numbers. */
function headingCost(a: ChapterFeatures, b: ChapterFeatures): number {
  let cost = 0;
  if (a.number !== undefined && b.number !== undefined) cost += a.number === b.number ? -4 : 4;
  let shared = 0;
  for (const [key, count] of a.anchors) {
    // Numbers are judged above (a Roman numeral or a number word is no `num:` anchor).
    if (key.startsWith('num:')) continue;
    shared += Math.min(count, b.anchors.get(key) ?? 0);
  }
  return cost - Math.min(4, 1.5 * shared);
}

const lengthCost = (a: number, b: number, sigma: number) => {
  const d = Math.log(b / a);
  return (d * d) / (2 * sigma * sigma);
};

/** Pairs the chapters of the two sides (in order; each chapter in exactly one bead). */
export function pairChapters(
  en: readonly ChapterSpan[],
  ru: readonly ChapterSpan[],
  enTexts: readonly string[],
  ruTexts: readonly string[],
  options: ChapterCostOptions = {},
): ChapterBead[] {
  const { skipCost, mergeCost, sigma } = { ...DEFAULTS, ...options };
  const f = features(en, ru, enTexts, ruTexts);
  const n = en.length;
  const m = ru.length;
  const width = m + 1;
  const cost = new Float64Array((n + 1) * width).fill(Infinity);
  const back = new Uint8Array((n + 1) * width);
  cost[0] = 0;
  // Moves: [en chapters taken, ru chapters taken].
  const MOVES = [
    [1, 1],
    [1, 0],
    [0, 1],
    [2, 1],
    [1, 2],
  ] as const;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      if (i === 0 && j === 0) continue;
      let best = Infinity;
      let move = 0;
      MOVES.forEach(([di, dj], k) => {
        if (i < di || j < dj) return;
        const before = cost[(i - di) * width + (j - dj)]!;
        if (before === Infinity) return;
        let c: number;
        if (di === 0 || dj === 0) c = skipCost;
        else {
          const a = f.en[i - di]!;
          const b = f.ru[j - dj]!;
          const shareA = di === 2 ? a.share + f.en[i - 1]!.share : a.share;
          const shareB = dj === 2 ? b.share + f.ru[j - 1]!.share : b.share;
          c = lengthCost(shareA, shareB, sigma) + headingCost(a, b) + (di + dj > 2 ? mergeCost : 0);
        }
        if (before + c < best) {
          best = before + c;
          move = k;
        }
      });
      cost[i * width + j] = best;
      back[i * width + j] = move;
    }
  }
  const beads: ChapterBead[] = [];
  for (let i = n, j = m; i > 0 || j > 0; ) {
    const [di, dj] = MOVES[back[i * width + j]!]!;
    beads.push({ en: Array.from({ length: di }, (_, k) => i - di + k), ru: Array.from({ length: dj }, (_, k) => j - dj + k) });
    i -= di;
    j -= dj;
  }
  return beads.reverse();
}

/** Confidence given to the rows of a chapter found on one side only: low, so that the reader is shown it. */
export const MISSING_CHAPTER_CONFIDENCE = 0.3;

export interface ChapterAlignment extends AlignedText {
  /** How the chapters were paired (indexes into `chapterSpans` of each side). */
  chapters: { en: ChapterSpan[]; ru: ChapterSpan[]; beads: ChapterBead[] };
}

/**
 * Aligns two segmented texts chapter by chapter (see the file's comment). `headings` are each
 * side's headings by paragraph index (the import readers give them). Where either side has fewer
 * than two chapters, this is `alignText` of the whole texts.
 */
export function alignChapters(en: SegmentedText, ru: SegmentedText, headings: { en: readonly HeadingMark[]; ru: readonly HeadingMark[] }, options: ChapterCostOptions = {}): ChapterAlignment {
  const text = (doc: SegmentedText) => doc.paragraphs.map((p) => p.clauses.map((c) => c.text).join(' '));
  const [enTexts, ruTexts] = [text(en), text(ru)];
  const enSpans = chapterSpans(enTexts, headings.en);
  const ruSpans = chapterSpans(ruTexts, headings.ru);
  if (enSpans.length < 2 || ruSpans.length < 2) {
    const whole = { en: [{ start: 0, end: enTexts.length }], ru: [{ start: 0, end: ruTexts.length }] };
    return { ...alignText(en, ru), chapters: { ...whole, beads: [{ en: [0], ru: [0] }] } };
  }
  const beads = pairChapters(enSpans, ruSpans, enTexts, ruTexts, options);
  const slice = (doc: SegmentedText, spans: readonly ChapterSpan[], chapters: readonly number[]): SegmentedText => ({
    lang: doc.lang,
    paragraphs: chapters.length === 0 ? [] : doc.paragraphs.slice(spans[chapters[0]!]!.start, spans[chapters.at(-1)!]!.end),
  });
  const groups: ParagraphGroup[] = [];
  let number = 0;
  const push = (group: Omit<ParagraphGroup, 'number' | 'rows'>, rows: ReadonlyArray<Omit<AlignedRow, 'id'>>) => {
    const index = groups.length;
    groups.push({ ...group, number: group.kind === 'title' ? 0 : ++number, rows: rows.map((row, k) => ({ ...row, id: `r${index}-${k}` })) });
  };
  for (const bead of beads) {
    const enPart = slice(en, enSpans, bead.en);
    const ruPart = slice(ru, ruSpans, bead.ru);
    if (enPart.paragraphs.length === 0 || ruPart.paragraphs.length === 0) {
      // A chapter on one side only: a group a paragraph, a row a clause, each flagged.
      for (const [lang, part] of [['en', enPart], ['ru', ruPart]] as const) {
        for (const p of part.paragraphs) {
          push(
            { kind: p.kind, en: lang === 'en' ? [p.index] : [], ru: lang === 'ru' ? [p.index] : [] },
            p.clauses.map((clause) => ({ en: lang === 'en' ? [clause] : [], ru: lang === 'ru' ? [clause] : [], confidence: MISSING_CHAPTER_CONFIDENCE })),
          );
        }
      }
      continue;
    }
    for (const group of alignText(enPart, ruPart).groups) {
      push(
        { kind: group.kind, en: group.en.map((k) => enPart.paragraphs[k]!.index), ru: group.ru.map((k) => ruPart.paragraphs[k]!.index) },
        group.rows.map(({ id: _id, ...row }) => row),
      );
    }
  }
  return { groups, chapters: { en: enSpans, ru: ruSpans, beads } };
}
