/**
 * Segmentation of a plain text into paragraphs and clauses.
 * Pure TypeScript: no Electron, no Node APIs.
 *
 * A clause is a sentence, or a `;`-separated part of a sentence. The rules are deliberately small and
 * exact (a hand-aligned fixture is written against them); the data they use (abbreviations, quote
 * characters) is kept in tables so that later rules — lists, headings, more abbreviations — extend
 * them rather than rewrite them.
 */
import type { Clause, Lang, Paragraph, ParagraphKind, SegmentedText } from '../model';

/** A trimmed piece of a string; `source.slice(start, end) === text`. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/**
 * Abbreviations whose final `.` never ends a sentence. An inner `. ` may be written with or without
 * the space (`т. е.` also matches `т.е.`). Matching is case-sensitive and needs a non-letter before.
 */
export const ABBREVIATIONS: Readonly<Record<Lang, readonly string[]>> = {
  en: [
    'e.g.', 'i.e.', 'etc.', 'No.', 'Nos.', 'Art.', 'Arts.', 'Mr.', 'Mrs.', 'Ms.', 'Dr.', 'Prof.', 'Jr.', 'Sr.', 'U.S.',
    'U.K.', 'vs.', 'cf.', 'St.', 'Fig.', 'Vol.', 'Ch.', 'p.', 'pp.', 'para.', 'Inc.', 'Ltd.', 'Co.', 'Corp.', 'approx.',
    'a.m.', 'p.m.', 'Jan.', 'Feb.', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.',
  ],
  ru: [
    'г.', 'гг.', 'т. е.', 'т. д.', 'т. п.', 'т. к.', 'т. н.', 'и др.', 'им.', 'ст.', 'п.', 'пп.', 'рис.', 'см.', 'ср.',
    'тыс.', 'млн.', 'млрд.', 'руб.', 'коп.', 'чел.', 'проф.', 'акад.', 'ул.', 'д.', 'с.', 'т.', 'гл.', 'напр.', 'англ.',
    'рус.', 'в.', 'вв.', 'н. э.', 'до н. э.', 'табл.', 'прим.', 'ред.', 'изд.', 'Проф.', 'Акад.', 'См.', 'Ср.', 'Рис.', 'Ст.',
    'Табл.', 'Гл.', 'Прим.',
  ],
};

/** Characters that end a sentence. */
export const SENTENCE_TERMINATORS = '.!?…';
/** Closing quotes/brackets that may follow a sentence terminator and still belong to the sentence. */
export const CLOSING_PUNCTUATION = '»”’")“]';
/** Opening quotes/brackets that may begin a sentence (“ closes a German-style „…“ quote, and opens an English one). */
export const OPENING_PUNCTUATION = '«“‘"(„[';

export interface ClauseOptions {
  /** Abbreviations to protect; defaults to those of both languages. */
  abbreviations?: readonly string[];
}

export interface SegmentOptions extends ClauseOptions {
  /** The first paragraph is the document's title. */
  firstParagraphIsTitle?: boolean;
  /**
   * The document has a preamble and an operative part (its manifest says so: the bundled
   * statement). Only then are paragraphs opening with a word in capitals operative; otherwise
   * every paragraph but the title is body — a capital first word is never taken as a sign.
   */
  preambleAndOperative?: boolean;
  /** Paragraphs kept whole, one clause each (headings: "Chapter 1. The meeting" is one line). */
  wholeParagraphs?: readonly number[];
}

const WHITESPACE = /\s/u; // includes U+FEFF, so a leading BOM is never part of a paragraph
const LETTER = /\p{L}/u;
const UPPER = /\p{Lu}/u;
const LATIN_OR_CYRILLIC = /[\p{Script=Latin}\p{Script=Cyrillic}]/u;
const DIGIT = /[0-9]/;
const LINE_BREAK = /\r\n|\r|\n/g;

const isSpace = (ch: string | undefined): boolean => {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return c < 128 ? c === 32 || (c >= 9 && c <= 13) : WHITESPACE.test(ch);
};
const isLetter = (ch: string | undefined): boolean => ch !== undefined && LETTER.test(ch);
const isUpperLetter = (ch: string | undefined): boolean =>
  ch !== undefined && UPPER.test(ch) && LATIN_OR_CYRILLIC.test(ch);

/** Trims `source.slice(start, end)`; `undefined` when only whitespace is left. */
function trimmedSpan(source: string, start: number, end: number): Span | undefined {
  let s = start;
  let e = end;
  while (s < e && isSpace(source[s])) s++;
  while (e > s && isSpace(source[e - 1])) e--;
  return s < e ? { start: s, end: e, text: source.slice(s, e) } : undefined;
}

/**
 * Paragraphs are runs of non-blank lines separated by one or more blank (or whitespace-only) lines;
 * any line ending counts. Offsets are into `text` as given (a leading BOM is skipped as whitespace).
 */
export function splitParagraphs(text: string): Span[] {
  const paragraphs: Span[] = [];
  let runStart = -1; // start of the current run of non-blank lines
  let runEnd = -1; // end of its last line (before the line break)
  let lineStart = 0;
  const flush = (): void => {
    if (runStart < 0) return;
    const span = trimmedSpan(text, runStart, runEnd);
    if (span) paragraphs.push(span);
    runStart = -1;
  };
  const visitLine = (start: number, end: number): void => {
    if (trimmedSpan(text, start, end) === undefined) {
      flush();
    } else {
      if (runStart < 0) runStart = start;
      runEnd = end;
    }
  };
  LINE_BREAK.lastIndex = 0;
  for (let m = LINE_BREAK.exec(text); m !== null; m = LINE_BREAK.exec(text)) {
    visitLine(lineStart, m.index);
    lineStart = m.index + m[0].length;
  }
  visitLine(lineStart, text.length);
  flush();
  return paragraphs;
}

/** `т. е.` → `т\.\s*е\.`: the abbreviation as a pattern, any space allowed after an inner dot. */
function abbreviationBody(abbreviation: string): string {
  return `${abbreviation
    .trim()
    .split(/\.\s*/u)
    .filter((part) => part.length > 0)
    .map((part) => part.replace(/[\\^$.*+?()[\]{}|/]/gu, '\\$&'))
    .join('\\.\\s*')}\\.`;
}

const abbreviationsPatternCache = new WeakMap<readonly string[], RegExp>();

/**
 * One pattern for a list of abbreviations, matching any of them at the end of a string after a
 * non-letter: /(?<!\p{L})(?:т\.\s*е\.|…)$/u. Compiled once per list.
 */
function abbreviationsPattern(abbreviations: readonly string[]): RegExp {
  let pattern = abbreviationsPatternCache.get(abbreviations);
  if (!pattern) {
    const bodies = abbreviations.map(abbreviationBody);
    pattern = bodies.length > 0 ? new RegExp(`(?<!\\p{L})(?:${bodies.join('|')})$`, 'u') : /(?!)/u;
    abbreviationsPatternCache.set(abbreviations, pattern);
  }
  return pattern;
}

/** A year followed by г. or гг. ("2020 г.", "2019–2020 гг."), with any space between. */
const YEAR_ABBREVIATION = /[0-9]{4}[\s\u00a0]*гг?\.$/u;

const DEFAULT_ABBREVIATIONS: readonly string[] = [...ABBREVIATIONS.en, ...ABBREVIATIONS.ru];

/**
 * Whether the `.` at `dot` is not a sentence end: it closes a known abbreviation, an initial
 * (one upper-case letter: "А. С. Пушкин"), a section number ("1.2.") or a list number at the start
 * of the paragraph ("1. "). The г./гг. after a year is not protected: "в 2020 г. Затем" ends a sentence.
 */
function dotIsProtected(text: string, dot: number, abbreviations: readonly string[]): boolean {
  const before = text.slice(Math.max(0, dot - 16), dot + 1);
  // "17 июня 2020 г. Затем…": a year's г./гг. ends the sentence when a capital follows (see splitClauses);
  // "в г. Москве" keeps the abbreviation.
  if (YEAR_ABBREVIATION.test(before)) return false;
  if (abbreviationsPattern(abbreviations).test(before)) return true;
  if (isUpperLetter(text[dot - 1]) && !isLetter(text[dot - 2])) return true;
  let tokenStart = dot;
  while (tokenStart > 0 && !isSpace(text[tokenStart - 1])) tokenStart--;
  const token = text.slice(tokenStart, dot);
  if (/^[0-9]+(?:\.[0-9]+)+$/u.test(token)) return true;
  if (tokenStart === 0 && /^[0-9]+$/u.test(token)) return true;
  return false;
}

function startsSentence(ch: string | undefined): boolean {
  return ch !== undefined && (isUpperLetter(ch) || DIGIT.test(ch) || OPENING_PUNCTUATION.includes(ch));
}

/**
 * Splits one paragraph into clauses: after `;` + whitespace, and after a sentence terminator
 * (with any closing quotes/brackets) + whitespace + an upper-case letter, digit or opening
 * quote/bracket — unless the terminator is a protected `.` (see `dotIsProtected`).
 * Offsets are into `paragraphText`; each clause is trimmed and keeps its terminating punctuation.
 */
export function splitClauses(paragraphText: string, options: ClauseOptions = {}): Span[] {
  const abbreviations = options.abbreviations ?? DEFAULT_ABBREVIATIONS;
  const text = paragraphText;
  const boundaries: number[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === ';') {
      if (isSpace(text[i + 1])) boundaries.push(i + 1);
      i++;
      continue;
    }
    if (!SENTENCE_TERMINATORS.includes(ch)) {
      i++;
      continue;
    }
    let end = i;
    while (end < text.length && SENTENCE_TERMINATORS.includes(text[end]!)) end++;
    const singleDot = end - i === 1 && ch === '.';
    while (end < text.length && CLOSING_PUNCTUATION.includes(text[end]!)) end++;
    let next = end;
    while (next < text.length && isSpace(text[next])) next++;
    if (next > end && startsSentence(text[next]) && !(singleDot && dotIsProtected(text, i, abbreviations))) {
      boundaries.push(end);
    }
    i = end;
  }
  boundaries.push(text.length);
  const clauses: Span[] = [];
  let from = 0;
  for (const boundary of boundaries) {
    const span = trimmedSpan(text, from, boundary);
    if (span) clauses.push(span);
    from = boundary;
  }
  return clauses;
}

/** The first whitespace-delimited word, without surrounding punctuation. */
function firstWord(text: string): string {
  const token = text.trimStart().split(/\s/u, 1)[0] ?? '';
  return token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

/** An operative paragraph opens with a word of upper-case letters only ("STRENGTHEN", "УКРЕПЛЯТЬ"). */
export function isOperative(text: string): boolean {
  const word = firstWord(text);
  return word.length >= 2 && [...word].every((ch) => isUpperLetter(ch));
}

/**
 * Title (the first paragraph, when flagged), operative, preamble (non-operative paragraphs before
 * the first operative one) or body. Preamble and operative only when `preambleAndOperative`.
 */
export function classifyParagraphs(texts: readonly string[], opts: { firstParagraphIsTitle: boolean; preambleAndOperative?: boolean }): ParagraphKind[] {
  const isTitle = (index: number): boolean => opts.firstParagraphIsTitle && index === 0;
  const operative = texts.map((text, index) => opts.preambleAndOperative === true && !isTitle(index) && isOperative(text));
  const firstOperative = operative.indexOf(true);
  return texts.map((_, index): ParagraphKind => {
    if (isTitle(index)) return 'title';
    if (operative[index]) return 'operative';
    if (firstOperative >= 0 && index < firstOperative) return 'preamble';
    return 'body';
  });
}

/** Paragraphs, their kinds and their clauses, with offsets into the whole `text`. */
export function segmentText(lang: Lang, text: string, opts: SegmentOptions = {}): SegmentedText {
  const spans = splitParagraphs(text);
  const kinds = classifyParagraphs(
    spans.map((span) => span.text),
    { firstParagraphIsTitle: opts.firstParagraphIsTitle ?? false, preambleAndOperative: opts.preambleAndOperative ?? false },
  );
  const clauseOptions: ClauseOptions = { abbreviations: opts.abbreviations ?? DEFAULT_ABBREVIATIONS };
  const whole = new Set(opts.wholeParagraphs ?? []);
  const paragraphs: Paragraph[] = spans.map((span, index) => ({
    index,
    kind: kinds[index]!,
    start: span.start,
    end: span.end,
    clauses: (whole.has(index) ? [{ start: 0, end: span.text.length, text: span.text }] : splitClauses(span.text, clauseOptions)).map(
      (clause, clauseIndex): Clause => ({
        id: `${lang}-p${index}-c${clauseIndex}`,
        text: clause.text,
        start: span.start + clause.start,
        end: span.start + clause.end,
      }),
    ),
  }));
  return { lang, paragraphs };
}
