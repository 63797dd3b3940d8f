/**
 * Selector kinds, after the Hypothesis client (`src/annotator/anchoring/`): one class per kind,
 * each with the same four operations — from a range, from a selector, to a range, to a selector.
 * A quote is found exactly first, then fuzzily; a fuzzy or ambiguous match must reach a MINIMUM
 * score that weighs the quote's own similarity and its context, so that a lookalike passage
 * elsewhere is not taken for the annotated one. Pure: no Electron, no Node APIs.
 */
import {
  type TextPositionSelector,
  type TextQuoteSelector,
  type TextRange,
  QUOTE_CONTEXT,
} from './model';
import { type ApproximateMatch, type FuzzyBudget, approximateMatches, bandedMatch, fuzzyBudget, similarity, spend } from './fuzzy';
import { INDEX_MAX, candidateEnds, surelyAbsent } from './qgram';
import { type SourceText, toCodePoints } from './source-text';

/** A fuzzy match (or one of several exact matches) is accepted only at or above this score. */
export const MIN_SCORE = 0.8;
/** …and only if the quote itself is at least this similar (1 − edits / length). */
export const MIN_QUOTE_SIMILARITY = 0.75;
/** Weight of the quote's similarity in a score; the context (prefix + suffix) has the rest. */
const QUOTE_WEIGHT = 0.75;
/** A quote this long (code points) found exactly once is accepted whatever its context. */
const LONG_QUOTE = 32;

/**
 * The most cells one quote's fuzzy search may use (about 10 ms): it then gives up, and the quote
 * is an orphan unless found exactly. Bounds every search, whatever the quote and the text.
 */
export const SEARCH_CELLS = 4_000_000;
/** Quotes up to this long (code points) are searched through the whole text when that fits the budget. */
const FULL_SEARCH_QUOTE = 512;
/** Longer ones (or ones in texts too long): seeded by exact pieces, then checked along a band. */
const SEED_PIECES = 8;
const MIN_PIECE = 12;
const MAX_SEEDS = 8;
const MAX_OCCURRENCES = 16;
const MAX_EXACT = 1_000;


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
  /**
   * Work this search may take from (shared by the searches of one pass over a document). The
   * search takes at most `SEARCH_CELLS`; if the shared budget runs out first, `exhausted` is set
   * and the result is not final (try again later).
   */
  budget?: FuzzyBudget;
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
    // The quote's code points only when a search needs them: a long quote that matches nothing
    // (pieces found nowhere) is never converted.
    const pattern = new QuotePoints(this.exact);
    const hintCp = options.hint === undefined ? undefined : source.toCodePoint(options.hint);

    const exact: Candidate[] = [];
    // A short quote may occur very often: its first MAX_EXACT places are scored. A quote with no
    // surrogates occurs only at whole code points, so if one of its 3-grams is nowhere in the
    // text it does not occur at all: no scan of the text.
    const absent = pattern.bmp && surelyAbsent(pattern.points(), source.codePoints);
    for (
      let at = absent ? -1 : source.text.indexOf(this.exact);
      at >= 0 && exact.length < MAX_EXACT;
      at = source.text.indexOf(this.exact, at + 1)
    ) {
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
    const shared = options.budget;
    const budget = fuzzyBudget(Math.min(SEARCH_CELLS, shared?.cells ?? SEARCH_CELLS));
    const initial = budget.cells;
    const found = this.fuzzyMatches(source, pattern, maxErrors, budget);
    if (shared) {
      shared.cells -= initial - budget.cells;
      // Stopped for want of the shared budget (not its own cap): not a final answer.
      if (budget.exhausted && initial < SEARCH_CELLS) shared.exhausted = true;
    }
    const candidates: Candidate[] = [];
    for (const { start, end, errors } of found) {
      if (!spend(budget, contextCost(this))) break;
      candidates.push(this.score(source, start, end, errors, pattern.length));
    }
    const accepted = candidates.filter((c) => c.quoteSimilarity >= MIN_QUOTE_SIMILARITY && c.score >= minScore);
    if (accepted.length === 0) return null;
    return this.match(source, pickBest(accepted, hintCp), 'fuzzy');
  }

  /**
   * Short quotes in texts of a fitting length: the whole text, fuzzily. Others: places where an
   * exact piece of the quote occurs (an edited quote keeps most of its pieces), each checked along
   * a band — bounded whatever the lengths. A random quote that matches nothing costs a few
   * `indexOf`s.
   */
  private fuzzyMatches(source: SourceText, pattern: QuotePoints, maxErrors: number, budget: FuzzyBudget): ApproximateMatch[] {
    const m = pattern.length;
    if (m <= FULL_SEARCH_QUOTE && source.length * (maxErrors + 1) <= budget.cells / 2) {
      // Only where the q-gram filter says a match may end (the same ends, found for less); none:
      // the quote matches nothing, for a few microseconds. A filter that would count more hits
      // than a quarter of the whole scan's cells gives way to the scan.
      const points = pattern.points();
      const filtered =
        source.length <= INDEX_MAX ? candidateEnds(points, source.codePoints, maxErrors, (source.length * (maxErrors + 1)) / 4) : null;
      if (filtered) {
        spend(budget, filtered.hits);
        if (filtered.regions.length === 0) return [];
      }
      return approximateMatches(points, source.codePoints, maxErrors, budget, filtered?.regions);
    }
    const pieces = Math.max(1, Math.min(SEED_PIECES, Math.floor(m / MIN_PIECE)));
    const pieceLength = Math.floor(m / pieces);
    const seeds: number[] = [];
    for (let p = 0; p < pieces && seeds.length < MAX_SEEDS; p++) {
      const offset = p * pieceLength;
      const piece = pattern.slice(offset, offset + pieceLength);
      let occurrences = 0;
      for (let at = source.text.indexOf(piece); at >= 0 && occurrences < MAX_OCCURRENCES; at = source.text.indexOf(piece, at + 1)) {
        occurrences++;
        const seed = source.toCodePoint(at) - offset;
        if (!seeds.some((s) => Math.abs(s - seed) <= pieceLength)) seeds.push(seed);
        if (seeds.length >= MAX_SEEDS) break;
      }
      if (!spend(budget, Math.ceil(source.length / 16))) break; // the scans, roughly
    }
    const band = Math.min(maxErrors, Math.max(MIN_PIECE, Math.floor(budget.cells / (MAX_SEEDS * 2 * m))));
    const out: ApproximateMatch[] = [];
    for (const seed of seeds) {
      const match = bandedMatch(pattern.points(), source.codePoints, seed, band, maxErrors, budget);
      if (match) out.push(match);
    }
    return out.sort((a, b) => a.errors - b.errors);
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

/** Cells scoring one candidate's context takes (two edit distances of the context's length). */
function contextCost(quote: TextQuoteAnchor): number {
  return quote.prefix.length * quote.prefix.length + quote.suffix.length * quote.suffix.length + 1;
}

function cpLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

export function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}

/** A quote's code points, made only when asked for (a quote in the BMP is its own code units). */
class QuotePoints {
  private cached: Int32Array | undefined;
  /** The quote's length in code points. */
  readonly length: number;
  /** No surrogates (every code point one code unit). */
  readonly bmp: boolean;

  constructor(private readonly text: string) {
    this.bmp = !/[\ud800-\udfff]/.test(text);
    this.length = this.bmp ? text.length : this.points().length;
  }

  points(): Int32Array {
    return (this.cached ??= toCodePoints(this.text));
  }

  /** Code points `[from, to)` as a string. */
  slice(from: number, to: number): string {
    if (this.bmp) return this.text.slice(from, to);
    const points = this.points();
    let out = '';
    for (let i = from; i < to && i < points.length; i++) out += String.fromCodePoint(points[i] ?? 0);
    return out;
  }
}
