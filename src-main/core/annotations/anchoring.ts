/**
 * Anchoring: placing a stored annotation in the CURRENT text, which may have been edited or
 * re-segmented since the annotation was made. Pure: no Electron, no Node APIs.
 *
 * After the Hypothesis client (`src/annotator/anchoring/`): one class per selector kind, each with
 * the same four operations — from a range, from a selector, to a range, to a selector. A text
 * target is re-anchored by its position (checked against the quote), then by an exact search for
 * the quote (context and nearness pick among several), then by a fuzzy search. Unlike Hypothesis,
 * a fuzzy or ambiguous match must reach a MINIMUM score that weighs the quote's own similarity and
 * its context, so that a lookalike passage elsewhere is not taken for the annotated one. What
 * cannot be placed is reported as an orphan; anchoring never changes or drops an annotation.
 *
 * Stored positions are code points (as the W3C model and other tools count); ranges handed to the
 * renderer are UTF-16 code units (as JavaScript strings count). `SourceText` converts.
 */
import type { AlignedText, Clause, Lang } from '../model';
import {
  type AnchorMethod,
  type AnnotationAnchor,
  type RowTarget,
  type TextPositionSelector,
  type TextQuoteSelector,
  type TextRange,
  type TextTarget,
  QUOTE_CONTEXT,
} from './model';
import { LANGS } from '../../contract/ipc';

/** A fuzzy match (or one of several exact matches) is accepted only at or above this score. */
export const MIN_SCORE = 0.8;
/** …and only if the quote itself is at least this similar (1 − edits / length). */
export const MIN_QUOTE_SIMILARITY = 0.75;
/** Weight of the quote's similarity in a score; the context (prefix + suffix) has the rest. */
const QUOTE_WEIGHT = 0.75;
/** A quote this long (code points) found exactly once is accepted whatever its context. */
const LONG_QUOTE = 32;
/** How many candidate places a fuzzy search scores at most. */
const MAX_FUZZY_CANDIDATES = 32;

// ---------------------------------------------------------------------------------------------
// Code points ↔ UTF-16

/** The number of code points in `text.slice(0, offset)` (an offset inside a pair counts the pair). */
export function utf16ToCodePoint(text: string, offset: number): number {
  let cp = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    cp++;
    if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) i++;
  }
  return cp;
}

/** The UTF-16 offset of code point number `cp` (clamped to the text's end). */
export function codePointToUtf16(text: string, cp: number): number {
  let i = 0;
  for (let n = 0; n < cp && i < text.length; n++) {
    i += isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
  }
  return i;
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}
function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

function toCodePoints(text: string): Int32Array {
  const out = new Int32Array(text.length);
  let n = 0;
  for (const ch of text) out[n++] = ch.codePointAt(0) ?? 0;
  return out.slice(0, n);
}

/**
 * One language's whole current text with its clauses, indexed for anchoring: code points, both
 * offset conversions in O(log n), and the clauses (and their rows) a range overlaps.
 */
export class SourceText {
  readonly codePoints: Int32Array;
  /** UTF-16 offset of each code point (plus the end); `null` when every character is in the BMP. */
  private readonly unitOffsets: Int32Array | null;
  private readonly clauses: readonly Clause[];

  constructor(
    readonly lang: Lang,
    readonly text: string,
    clauses: readonly Clause[],
    private readonly rowOfClause: ReadonlyMap<string, string> = new Map(),
  ) {
    this.codePoints = toCodePoints(text);
    if (this.codePoints.length === text.length) {
      this.unitOffsets = null;
    } else {
      const offsets = new Int32Array(this.codePoints.length + 1);
      let unit = 0;
      for (let i = 0; i < this.codePoints.length; i++) {
        offsets[i] = unit;
        unit += (this.codePoints[i] ?? 0) > 0xffff ? 2 : 1;
      }
      offsets[this.codePoints.length] = unit;
      this.unitOffsets = offsets;
    }
    this.clauses = [...clauses].sort((a, b) => a.start - b.start);
  }

  /** Length in code points. */
  get length(): number {
    return this.codePoints.length;
  }

  toUtf16(cp: number): number {
    const clamped = Math.max(0, Math.min(cp, this.codePoints.length));
    return this.unitOffsets ? (this.unitOffsets[clamped] ?? this.text.length) : clamped;
  }

  /** An offset inside a surrogate pair counts as the pair's start. */
  toCodePoint(unit: number): number {
    const clamped = Math.max(0, Math.min(unit, this.text.length));
    const offsets = this.unitOffsets;
    if (!offsets) return clamped;
    let lo = 0;
    let hi = offsets.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((offsets[mid] ?? 0) <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The text between two code-point offsets. */
  sliceCp(start: number, end: number): string {
    return this.text.slice(this.toUtf16(start), this.toUtf16(end));
  }

  /** Clauses overlapping a UTF-16 range, in text order. */
  clausesIn(range: TextRange): Clause[] {
    const out: Clause[] = [];
    let lo = 0;
    let hi = this.clauses.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.clauses[mid]?.end ?? 0) <= range.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.clauses.length; i++) {
      const clause = this.clauses[i];
      if (!clause || clause.start >= range.end) break;
      if (clause.end > range.start) out.push(clause);
    }
    return out;
  }

  rowOf(clauseId: string): string | undefined {
    return this.rowOfClause.get(clauseId);
  }
}

// ---------------------------------------------------------------------------------------------
// Selector kinds

/** A position in code points. */
export class TextPositionAnchor {
  constructor(
    readonly start: number,
    readonly end: number,
  ) {}

  static fromRange(source: SourceText, range: TextRange): TextPositionAnchor {
    return new TextPositionAnchor(source.toCodePoint(range.start), source.toCodePoint(range.end));
  }

  static fromSelector(selector: TextPositionSelector): TextPositionAnchor {
    return new TextPositionAnchor(selector.start, selector.end);
  }

  /** The UTF-16 range, or `null` if the position no longer fits the text. */
  toRange(source: SourceText): TextRange | null {
    if (this.start < 0 || this.end <= this.start || this.end > source.length) return null;
    return { start: source.toUtf16(this.start), end: source.toUtf16(this.end) };
  }

  toSelector(): TextPositionSelector {
    return { type: 'TextPositionSelector', start: this.start, end: this.end };
  }
}

export interface QuoteMatch extends TextRange {
  method: 'quote' | 'fuzzy';
  score: number;
}

export interface QuoteSearchOptions {
  /** Where the quote was (a UTF-16 offset in the current text): breaks ties by nearness. */
  hint?: number;
  minScore?: number;
  /** Try a fuzzy search when there is no exact match (default true). */
  fuzzy?: boolean;
}

/** A quote with up to 32 code points of context either side. */
export class TextQuoteAnchor {
  constructor(
    readonly exact: string,
    readonly prefix = '',
    readonly suffix = '',
  ) {}

  static fromRange(source: SourceText, range: TextRange): TextQuoteAnchor {
    const start = source.toCodePoint(range.start);
    const end = source.toCodePoint(range.end);
    return new TextQuoteAnchor(
      source.sliceCp(start, end),
      source.sliceCp(Math.max(0, start - QUOTE_CONTEXT), start),
      source.sliceCp(end, Math.min(source.length, end + QUOTE_CONTEXT)),
    );
  }

  static fromSelector(selector: TextQuoteSelector): TextQuoteAnchor {
    return new TextQuoteAnchor(selector.exact, selector.prefix, selector.suffix);
  }

  toSelector(): TextQuoteSelector {
    return { type: 'TextQuoteSelector', exact: this.exact, prefix: this.prefix, suffix: this.suffix };
  }

  /** Finds the quote in the current text: exact first, then fuzzy; `null` below the minimum. */
  toRange(source: SourceText, options: QuoteSearchOptions = {}): QuoteMatch | null {
    if (this.exact === '') return null;
    const minScore = options.minScore ?? MIN_SCORE;
    const pattern = toCodePoints(this.exact);
    const hintCp = options.hint === undefined ? undefined : source.toCodePoint(options.hint);

    const exact: Candidate[] = [];
    for (let at = source.text.indexOf(this.exact); at >= 0; at = source.text.indexOf(this.exact, at + 1)) {
      const start = source.toCodePoint(at);
      exact.push(this.score(source, start, start + pattern.length, 0, pattern.length));
    }
    if (exact.length > 0) {
      const best = pickBest(exact, hintCp);
      const trusted = exact.length === 1 && pattern.length >= LONG_QUOTE;
      if (trusted || best.score >= minScore) return this.match(source, best, 'quote');
    }
    if (options.fuzzy === false) return null;

    const maxErrors = Math.floor(pattern.length * (1 - MIN_QUOTE_SIMILARITY));
    if (maxErrors === 0) return null;
    const candidates: Candidate[] = [];
    for (const { start, end, errors } of approximateMatches(pattern, source.codePoints, maxErrors)) {
      candidates.push(this.score(source, start, end, errors, pattern.length));
    }
    const accepted = candidates.filter((c) => c.quoteSimilarity >= MIN_QUOTE_SIMILARITY && c.score >= minScore);
    if (accepted.length === 0) return null;
    return this.match(source, pickBest(accepted, hintCp), 'fuzzy');
  }

  private match(source: SourceText, c: Candidate, method: 'quote' | 'fuzzy'): QuoteMatch {
    return { start: source.toUtf16(c.start), end: source.toUtf16(c.end), method, score: round(c.score) };
  }

  private score(source: SourceText, start: number, end: number, errors: number, length: number): Candidate {
    const quoteSimilarity = 1 - errors / Math.max(1, length);
    const before = source.sliceCp(Math.max(0, start - cpLength(this.prefix)), start);
    const after = source.sliceCp(end, Math.min(source.length, end + cpLength(this.suffix)));
    const prefixSimilarity = this.prefix === '' ? (start === 0 ? 1 : 0.5) : similarity(this.prefix, before, 'end');
    const suffixSimilarity = this.suffix === '' ? (end === source.length ? 1 : 0.5) : similarity(this.suffix, after, 'start');
    const context = (prefixSimilarity + suffixSimilarity) / 2;
    return { start, end, quoteSimilarity, score: QUOTE_WEIGHT * quoteSimilarity + (1 - QUOTE_WEIGHT) * context };
  }
}

interface Candidate {
  /** Code points. */
  start: number;
  end: number;
  quoteSimilarity: number;
  score: number;
}

function pickBest(candidates: readonly Candidate[], hint: number | undefined): Candidate {
  let best = candidates[0] as Candidate;
  for (const c of candidates.slice(1)) {
    const better =
      c.score > best.score + 1e-9 ||
      (Math.abs(c.score - best.score) <= 1e-9 &&
        hint !== undefined &&
        Math.abs(c.start - hint) < Math.abs(best.start - hint));
    if (better) best = c;
  }
  return best;
}

function cpLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}

/**
 * 1 − edit distance / length of `expected`, comparing it with `actual` (the text found in its
 * place, which may be shorter near the text's edges). `anchor` says which end of the context
 * touches the quote, so a shorter `actual` is compared at that end.
 */
function similarity(expected: string, actual: string, anchor: 'start' | 'end'): number {
  const a = toCodePoints(expected);
  let b = toCodePoints(actual);
  if (b.length > a.length) b = anchor === 'end' ? b.slice(b.length - a.length) : b.slice(0, a.length);
  return Math.max(0, 1 - levenshtein(a, b) / Math.max(1, a.length));
}

function levenshtein(a: Int32Array, b: Int32Array): number {
  let prev = new Int32Array(b.length + 1);
  let cur = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const sub = (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      cur[j] = Math.min(sub, (prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length] ?? 0;
}

/**
 * Places where `pattern` occurs in `text` with at most `k` edits: Sellers' dynamic programming
 * with Ukkonen's cut-off (O(n·k) expected) for the ends, then the best start for each end. Of each
 * run of neighbouring ends only the best is kept, and at most MAX_FUZZY_CANDIDATES in all.
 */
export function approximateMatches(
  pattern: Int32Array,
  text: Int32Array,
  k: number,
): Array<{ start: number; end: number; errors: number }> {
  const m = pattern.length;
  if (m === 0) return [];
  const column = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) column[i] = i;
  let lastActive = Math.min(k + 1, m);
  // Runs of neighbouring ends (one place, give or take an edit): the ends with the fewest errors.
  const runs: Array<{ last: number; errors: number; ends: number[] }> = [];
  for (let j = 0; j < text.length; j++) {
    const ch = text[j];
    let diagonal = 0; // row i - 1 at the previous text position (row 0 is always 0: free start)
    let left = 0; // row i - 1 at this text position
    for (let i = 1; i <= lastActive; i++) {
      const up = column[i] ?? 0;
      const value = pattern[i - 1] === ch ? diagonal : Math.min(diagonal, up, left) + 1;
      diagonal = up;
      column[i] = value;
      left = value;
    }
    while (lastActive > 0 && (column[lastActive] ?? 0) > k) lastActive--;
    if (lastActive === m) {
      const errors = column[m] ?? 0;
      const run = runs[runs.length - 1];
      if (run && run.last === j) {
        run.last = j + 1;
        if (errors < run.errors) {
          run.errors = errors;
          run.ends = [j + 1];
        } else if (errors === run.errors && run.ends.length < 4) {
          run.ends.push(j + 1);
        }
      } else {
        runs.push({ last: j + 1, errors, ends: [j + 1] });
      }
    } else {
      // Rows past the last active one are > k (stale values are too, which is all that matters).
      lastActive++;
    }
  }
  runs.sort((a, b) => a.errors - b.errors);
  const out: Array<{ start: number; end: number; errors: number }> = [];
  for (const run of runs) {
    for (const end of run.ends) {
      if (out.length >= MAX_FUZZY_CANDIDATES) return out;
      out.push({ start: bestStart(pattern, text, end, run.errors), end, errors: run.errors });
    }
  }
  return out;
}

/** The start of the best match of `pattern` ending at `end` (edit distance to text[start, end)). */
function bestStart(pattern: Int32Array, text: Int32Array, end: number, errors: number): number {
  const m = pattern.length;
  const from = Math.max(0, end - m - errors);
  const width = end - from;
  // distance[i][s]: pattern's last i code points against text[end - s, end); the start is free.
  let prev = new Int32Array(width + 1);
  let cur = new Int32Array(width + 1);
  for (let s = 0; s <= width; s++) prev[s] = s;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    const p = pattern[m - i];
    for (let s = 1; s <= width; s++) {
      const sub = (prev[s - 1] ?? 0) + (p === text[end - s] ? 0 : 1);
      cur[s] = Math.min(sub, (prev[s] ?? 0) + 1, (cur[s - 1] ?? 0) + 1);
    }
    [prev, cur] = [cur, prev];
  }
  let best = m <= width ? m : width;
  for (let s = 0; s <= width; s++) {
    const d = prev[s] ?? 0;
    const bestD = prev[best] ?? 0;
    if (d < bestD || (d === bestD && Math.abs(s - m) < Math.abs(best - m))) best = s;
  }
  return end - best;
}

// ---------------------------------------------------------------------------------------------
// Documents: text and row targets

export interface RowInfo {
  id: string;
  /** The paragraph number the reader shows (0 for the title). */
  paragraph: number;
  clauses: Record<Lang, Clause[]>;
  /** The row's extent in each text, UTF-16 (`null` for an omission). */
  ranges: Record<Lang, TextRange | null>;
}

/** A document as anchoring sees it: both current texts and the aligned rows. */
export interface AnchoringDocument {
  sources: Record<Lang, SourceText>;
  rows: RowInfo[];
  rowById: ReadonlyMap<string, RowInfo>;
}

export function buildAnchoringDocument(body: AlignedText, texts: Record<Lang, string>): AnchoringDocument {
  const rows: RowInfo[] = [];
  const clauses: Record<Lang, Clause[]> = { en: [], ru: [] };
  const rowOfClause: Record<Lang, Map<string, string>> = { en: new Map(), ru: new Map() };
  for (const group of body.groups) {
    for (const row of group.rows) {
      const ranges = {} as Record<Lang, TextRange | null>;
      for (const lang of LANGS) {
        const list = row[lang];
        const first = list[0];
        const last = list[list.length - 1];
        ranges[lang] = first && last ? { start: first.start, end: last.end } : null;
        for (const clause of list) {
          clauses[lang].push(clause);
          rowOfClause[lang].set(clause.id, row.id);
        }
      }
      rows.push({ id: row.id, paragraph: group.number, clauses: { en: row.en, ru: row.ru }, ranges });
    }
  }
  return {
    sources: {
      en: new SourceText('en', texts.en, clauses.en, rowOfClause.en),
      ru: new SourceText('ru', texts.ru, clauses.ru, rowOfClause.ru),
    },
    rows,
    rowById: new Map(rows.map((row) => [row.id, row])),
  };
}

/**
 * A text target for a selection (UTF-16, current text), trimmed of surrounding whitespace;
 * `null` when nothing but whitespace is selected or the selection touches no clause.
 */
export function textTargetFromRange(doc: AnchoringDocument, lang: Lang, range: TextRange): TextTarget | null {
  const source = doc.sources[lang];
  let start = Math.max(0, Math.min(range.start, source.text.length));
  let end = Math.max(start, Math.min(range.end, source.text.length));
  // Whole code points only, then no surrounding whitespace.
  start = source.toUtf16(source.toCodePoint(start));
  end = source.toUtf16(source.toCodePoint(end) + (isLowSurrogate(source.text.charCodeAt(end)) ? 1 : 0));
  while (start < end && /\s/u.test(source.text[start] ?? '')) start++;
  while (end > start && /\s/u.test(source.text[end - 1] ?? '')) end--;
  if (start >= end) return null;
  const clause = source.clausesIn({ start, end })[0];
  if (!clause) return null;
  const trimmed = { start, end };
  return {
    type: 'text',
    lang,
    clauseId: clause.id,
    selectors: [TextQuoteAnchor.fromRange(source, trimmed).toSelector(), TextPositionAnchor.fromRange(source, trimmed).toSelector()],
  };
}

/** A row target for a row of the current alignment; `null` if there is no such row. */
export function rowTargetFromRow(doc: AnchoringDocument, rowId: string): RowTarget | null {
  const row = doc.rowById.get(rowId);
  if (!row) return null;
  const quote = (lang: Lang): TextQuoteSelector => {
    const range = row.ranges[lang];
    return range
      ? TextQuoteAnchor.fromRange(doc.sources[lang], range).toSelector()
      : { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' };
  };
  return { type: 'row', rowId, quotes: { en: quote('en'), ru: quote('ru') } };
}

/** Places a text target in the current text: position, then exact quote, then fuzzy quote. */
export function anchorTextTarget(doc: AnchoringDocument, target: TextTarget): AnnotationAnchor {
  const source = doc.sources[target.lang];
  const [quoteSelector, positionSelector] = target.selectors;
  const quote = TextQuoteAnchor.fromSelector(quoteSelector);
  const position = TextPositionAnchor.fromSelector(positionSelector);

  const byPosition = position.toRange(source);
  if (byPosition && source.text.slice(byPosition.start, byPosition.end) === quote.exact) {
    return textAnchor(source, byPosition, 'position', 1);
  }
  const hint = source.toUtf16(position.start);
  const match = quote.toRange(source, { hint });
  if (match) return textAnchor(source, match, match.method, match.score);
  return { status: 'orphan', type: 'text' };
}

function textAnchor(source: SourceText, range: TextRange, method: AnchorMethod, score: number): AnnotationAnchor {
  const clauses = source.clausesIn(range);
  const rowIds: string[] = [];
  for (const clause of clauses) {
    const row = source.rowOf(clause.id);
    if (row && !rowIds.includes(row)) rowIds.push(row);
  }
  return {
    status: 'anchored',
    type: 'text',
    lang: source.lang,
    start: range.start,
    end: range.end,
    clauseIds: clauses.map((c) => c.id),
    rowId: rowIds[0] ?? null,
    rowIds,
    method,
    score,
  };
}

/**
 * Places a row target: the same row id if its texts still match the quotes; else the row whose
 * texts contain both quotes; else the row where both quotes are found (fuzzily, with the minimum
 * score) in the current texts; else an orphan.
 */
export function anchorRowTarget(doc: AnchoringDocument, target: RowTarget): AnnotationAnchor {
  const rowText = (row: RowInfo, lang: Lang): string => {
    const range = row.ranges[lang];
    return range ? doc.sources[lang].text.slice(range.start, range.end) : '';
  };

  const same = doc.rowById.get(target.rowId);
  if (same && LANGS.every((lang) => rowText(same, lang) === target.quotes[lang].exact)) {
    return rowAnchor(same, 'row-id', 1);
  }

  const containing = doc.rows.filter((row) =>
    LANGS.every((lang) => {
      const exact = target.quotes[lang].exact;
      return exact === '' || rowText(row, lang).includes(exact);
    }),
  );
  if (LANGS.some((lang) => target.quotes[lang].exact !== '') && containing.length > 0) {
    const chosen = containing.find((row) => row.id === target.rowId) ?? (containing.length === 1 ? containing[0] : undefined);
    if (chosen) return rowAnchor(chosen, 'quote', 1);
  }

  // Re-segmented or edited: find each quote in its text, then the row both fall in.
  const found: Partial<Record<Lang, QuoteMatch>> = {};
  let score = 1;
  for (const lang of LANGS) {
    const selector = target.quotes[lang];
    if (selector.exact === '') continue;
    const hint = same?.ranges[lang]?.start;
    const match = TextQuoteAnchor.fromSelector(selector).toRange(doc.sources[lang], hint === undefined ? {} : { hint });
    if (!match) return { status: 'orphan', type: 'row' };
    found[lang] = match;
    score = Math.min(score, match.score);
  }
  let best: { row: RowInfo; overlap: number } | undefined;
  for (const row of doc.rows) {
    let overlap = 0;
    let fits = true;
    for (const lang of LANGS) {
      const match = found[lang];
      if (!match) continue;
      const range = row.ranges[lang];
      const o = range ? Math.min(range.end, match.end) - Math.max(range.start, match.start) : 0;
      if (o <= 0) fits = false;
      overlap += Math.max(0, o);
    }
    if (fits && (!best || overlap > best.overlap)) best = { row, overlap };
  }
  if (!best) return { status: 'orphan', type: 'row' };
  const exactEverywhere = LANGS.every((lang) => !found[lang] || found[lang].method === 'quote');
  return rowAnchor(best.row, exactEverywhere ? 'quote' : 'fuzzy', round(score));
}

function rowAnchor(row: RowInfo, method: AnchorMethod, score: number): AnnotationAnchor {
  return {
    status: 'anchored',
    type: 'row',
    rowId: row.id,
    clauseIds: [...row.clauses.en, ...row.clauses.ru].map((c) => c.id),
    ranges: { en: row.ranges.en, ru: row.ranges.ru },
    method,
    score,
  };
}

export function anchorTarget(doc: AnchoringDocument, target: TextTarget | RowTarget): AnnotationAnchor {
  return target.type === 'text' ? anchorTextTarget(doc, target) : anchorRowTarget(doc, target);
}
