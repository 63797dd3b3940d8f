/**
 * Sentence/paragraph alignment of an English text and its Russian translation.
 * Pure TypeScript: no Electron, no Node APIs.
 *
 * `alignSequences` is a monotone dynamic programme over bead shapes (1-1, 1-2, 2-1, 1-0, 0-1, 2-2,
 * 1-3, 3-1 by default; the shape set is data). A bead's cost is a prior for its shape, a Gale–Church
 * length term, lexical evidence (numbers, acronyms, Latin words kept in the Russian, lexicon
 * concepts, names, parentheses, quotations, ?/!/: endings; anchors that recur in many units weigh
 * less) and structure (headings and barriers inside a bead, a bead starting in the middle of a
 * sentence cut at a comma, or at the next clause on one side only). The best path is found by
 * Viterbi; each bead's confidence is its posterior probability from the forward–backward sums over
 * all paths, with the same costs.
 *
 * The inner loop allocates nothing: anchors are flat sorted Int32Array runs per unit, the gain of a
 * bead is the sum of its cached 1-1 pair gains less a correction for anchors repeated within a run,
 * and the tables (costs, backpointers, sums) are typed arrays sized to the band.
 *
 * `alignText` aligns paragraphs first, then the clauses inside each aligned group of paragraphs.
 *
 * Complexity: O(n·m·|shapes|) time and memory for sequences of n and m units. That is fine for
 * paragraphs of one document and for clauses inside a paragraph; book-length inputs want a band
 * around the diagonal (see the notes at `alignSequences`).
 */
import type { AlignedRow, AlignedText, Bead, Clause, ParagraphGroup, SegmentedText } from '../model';
import { type AnchorBag, type AnchorOptions, type FlatBags, extractFlatAnchors } from './anchors';
import {
  type AnchorWeight,
  type BeadShape,
  ALL_CLAUSE_BEAD_SHAPES,
  type CostModel,
  DEFAULT_ANCHOR_WEIGHTS,
  DEFAULT_OUTLIER_SCALE,
  DEFAULT_OUTLIER_SHARE,
  DEFAULT_VARIANCE,
  PARAGRAPH_BEAD_SHAPES,
  TABLE_SIZE,
  TABLE_STEP,
  tableTail,
  tailTable,
} from './cost';

export interface AlignOptions extends AnchorOptions {
  /** Russian characters per English character; estimated from the two sequences when absent. */
  ratio?: number;
  /** Gale–Church variance per character. */
  variance?: number;
  /** See `CostModel.outlierShare` / `outlierScale`. */
  outlierShare?: number;
  outlierScale?: number;
  shapes?: readonly BeadShape[];
  anchorWeights?: Readonly<Record<string, AnchorWeight>>;
  /** Anchors from elsewhere (paragraph kinds, a lexicon…), added to those extracted from the text. */
  extraAnchors?: { en: readonly AnchorBag[]; ru: readonly AnchorBag[] };
  /**
   * Units that open a new item (an operative paragraph, a heading, a numbered point): a bead that
   * joins such a unit to the unit before it pays `barrierCost`.
   */
  barriers?: { en: readonly boolean[]; ru: readonly boolean[] };
  barrierCost?: number;
  /**
   * Re-estimate the length ratio and variance from a first alignment of at least
   * `CALIBRATION_MIN_UNITS` units a side (default: when neither `ratio` nor `variance` is given).
   */
  calibrate?: boolean;
  /** Half-width of the search band for long sequences (default `DEFAULT_BAND`). */
  band?: number;
  /** Sequences with at most this many DP cells use the full matrix (default `FULL_DP_CELLS`). */
  maxFullCells?: number;
  /**
   * Treat heading-like units (short, without closing punctuation: "Article 5", "2. Настройка") as
   * barriers when `barriers` is not given (default true).
   */
  headingBarriers?: boolean;
  /** Cost of each heading-like unit inside a bead of two or more units on its side. */
  headingCost?: number;
  /** Anchor kinds weighted by rarity (default `FREQUENCY_SCALED_KINDS`). */
  frequencyScaledKinds?: readonly string[];
  /**
   * Cost of a bead that starts with the next clause of a sentence (after `;`, `:` or a dash, see
   * `continuations`) on one side but not on the other (default `DEFAULT_CONTINUATION_COST`).
   */
  continuationCost?: number;
  /**
   * Cost, per side, of a bead that starts with the rest of a sentence cut after a comma (or no
   * punctuation): a cut sentence stays in one bead with its other half (default `DEFAULT_CUT_COST`).
   */
  cutCost?: number;
}

export const DEFAULT_HEADING_COST = 3;
/** Anchor kinds whose weights shrink with the number of units holding them (see `anchorRarity`). */
export const FREQUENCY_SCALED_KINDS: readonly string[] = ['lex', 'name', 'num', 'lat', 'acr'];
export const DEFAULT_CONTINUATION_COST = 2;

export const DEFAULT_CUT_COST = 4;

/** The unit ends in a comma, or with no punctuation at all: its sentence goes on. */
const CUT_END = /(?:,|[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF])["”»’)]?\s*$/u;
/** The unit ends a clause but not its sentence: semicolon, colon or dash. */
const CLAUSE_END = /[;:\-–—]\s*$/u;
/** The unit's first letter (after any spaces, quotes or brackets) is lower case. */
const LOWER_START = /^[\s"“”«„‘(\[]*[a-z\u00DF-\u00FF\u0430-\u045F]/u;
const DIGIT_START = /^\s*[0-9]/u;

/** `continuations` flags. */
export const CONTINUES_CLAUSE = 1;
export const CONTINUES_CUT = 2;

/**
 * Per unit (and one past the end): `CONTINUES_CUT` when the unit is the rest of a sentence cut after
 * a comma or no punctuation (it starts with a lower-case letter or a digit), `CONTINUES_CLAUSE` when
 * it is the next clause of a sentence after a semicolon, colon or dash (lower-case start), else 0.
 */
export function continuations(texts: readonly string[]): Uint8Array {
  const flags = new Uint8Array(texts.length + 1);
  for (let u = 1; u < texts.length; u++) {
    const text = texts[u]!;
    const before = texts[u - 1]!;
    const lower = LOWER_START.test(text);
    if ((lower || DIGIT_START.test(text)) && CUT_END.test(before)) flags[u] = CONTINUES_CUT;
    else if (lower && CLAUSE_END.test(before)) flags[u] = CONTINUES_CLAUSE;
  }
  return flags;
}

const CLOSING = /[.!?…;:,»"”’)\]]$/u;

/** A short unit without closing punctuation that contains a letter: a heading or a list title. */
export function isHeadingLike(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && t.length <= 60 && !CLOSING.test(t) && /\p{L}/u.test(t);
}

export const DEFAULT_BARRIER_COST = 4;

/** Russian characters per English character over the whole of both sides (1 if a side is empty). */
export function lengthRatio(en: readonly string[], ru: readonly string[]): number {
  const enTotal = en.reduce((sum, text) => sum + text.length, 0);
  const ruTotal = ru.reduce((sum, text) => sum + text.length, 0);
  return enTotal > 0 && ruTotal > 0 ? ruTotal / enTotal : 1;
}

function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

const range = (from: number, count: number): number[] => Array.from({ length: count }, (_, k) => from + k);

/** Sequences up to this many DP cells are aligned with the full matrix; longer ones with a band. */
export const FULL_DP_CELLS = 40_000;
/** Half-width of the band around the projected coarse path (doubled while the path touches it). */
export const DEFAULT_BAND = 3;
const MAX_BAND_ROUNDS = 12;
/** Halvings before the coarsest level (blocks of 2^MAX_DEPTH units). */
const MAX_DEPTH = 3;
/** Least half-width of the band around the length diagonal at the coarsest level. */
const DIAGONAL_BAND = 24;
/** No more widening past this many cells (about 100 per row of 11,000 segments). */
const MAX_BAND_CELLS = 1_200_000;
/** A first alignment of at least this many units on each side re-estimates the length model. */
export const CALIBRATION_MIN_UNITS = 30;

/**
 * Units of one side as the dynamic programme sees them: prefix lengths, flat anchor bags and prefix
 * sums of per-unit features, all computed once per problem.
 */
interface Side {
  count: number;
  prefix: Float64Array;
  bags: FlatBags;
  /** Prefix sums of each unit's miss total (its lexical cost when nothing matches it). */
  missed: Float64Array;
  /** Prefix sums of each unit's gain bound (the most it can gain from any other bag). */
  bound: Float64Array;
  /**
   * Anchor ids repeated inside runs of units: those held by two or more of units u..u + 1 (`repeats2`)
   * and of units u..u + 2 (`repeats3`), flat with offsets by u. Only for these ids does the gain of a
   * bead differ from the sum of the gains of its 1-1 pairs.
   */
  repeats2: Repeats;
  repeats3: Repeats;
  /** Prefix counts of barrier units (or null: no barriers). */
  barriers: Int32Array | null;
  /**
   * Per unit (and one past the end): 1 when the unit continues the one before it — that one ends
   * with a comma, semicolon, colon, dash or no punctuation at all, and this one starts with a
   * lower-case letter. Null on coarse levels.
   */
  continues: Uint8Array | null;
  /** Prefix counts of heading-like units, which pay `headingCost` in any bead of two or more units. */
  headings: Int32Array | null;
}

interface Problem {
  en: Side;
  ru: Side;
  /** Per anchor id: match and miss weights, and match + 2·miss (what a shared occurrence gains). */
  match: Float64Array;
  miss: Float64Array;
  gain: Float64Array;
  shapes: readonly BeadShape[];
  barrierCost: number;
  headingCost: number;
  /** Cost of a bead that starts with the next clause of a sentence on one side but not on the other. */
  continuationCost: number;
  /** Cost of a bead that starts with the rest of a sentence cut at a comma, per side. */
  cutCost: number;
}

function makeSide(
  count: number,
  prefix: Float64Array,
  bags: FlatBags,
  problem: { miss: Float64Array; gain: Float64Array },
  barriers: Int32Array | null,
  headings: Int32Array | null,
  continues: Uint8Array | null = null,
): Side {
  const missed = new Float64Array(count + 1);
  const bound = new Float64Array(count + 1);
  for (let u = 0; u < count; u++) {
    let miss = 0;
    let gain = 0;
    for (let k = bags.offsets[u]!; k < bags.offsets[u + 1]!; k++) {
      miss += problem.miss[bags.ids[k]!]! * bags.counts[k]!;
      gain += problem.gain[bags.ids[k]!]! * bags.counts[k]!;
    }
    missed[u + 1] = missed[u]! + miss;
    bound[u + 1] = bound[u]! + gain;
  }
  return { count, prefix, bags, missed, bound, repeats2: repeatsOf(bags, count, 2), repeats3: repeatsOf(bags, count, 3), barriers, headings, continues };
}

/** Ids held by two or more units of a run, by the run's first unit, with their count in each unit of the run. */
interface Repeats {
  offsets: Int32Array;
  ids: Int32Array;
  /** `width` counts per id: in units u, u + 1, … */
  counts: Int32Array;
  width: number;
}

const NO_REPEATS: Repeats = { offsets: new Int32Array(1), ids: new Int32Array(0), counts: new Int32Array(0), width: 1 };

/** The ids held by at least two of units u..u + width − 1, for each u (sorted runs merged pairwise). */
function repeatsOf(bags: FlatBags, count: number, width: number): Repeats {
  if (count < width) return NO_REPEATS;
  const offsets = new Int32Array(count + 1);
  const ids: number[] = [];
  const counts: number[] = [];
  const found: number[] = [];
  for (let u = 0; u < count; u++) {
    found.length = 0;
    for (let a = u; a < u + width && a < count; a++) {
      for (let b = a + 1; b < u + width && b < count; b++) {
        let x = bags.offsets[a]!;
        let y = bags.offsets[b]!;
        const xEnd = bags.offsets[a + 1]!;
        const yEnd = bags.offsets[b + 1]!;
        while (x < xEnd && y < yEnd) {
          const p = bags.ids[x]!;
          const q = bags.ids[y]!;
          if (p === q) {
            if (!found.includes(p)) found.push(p);
            x++;
            y++;
          } else if (p < q) x++;
          else y++;
        }
      }
    }
    for (const id of found) {
      ids.push(id);
      for (let a = u; a < u + width; a++) counts.push(a < count ? countIn(bags, a, id) : 0);
    }
    offsets[u + 1] = ids.length;
  }
  return { offsets, ids: Int32Array.from(ids), counts: Int32Array.from(counts), width };
}

/** How many times unit u of a side holds anchor `id` (binary search in its sorted run). */
function countIn(bags: FlatBags, u: number, id: number): number {
  let lo = bags.offsets[u]!;
  let hi = bags.offsets[u + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = bags.ids[mid]!;
    if (at === id) return bags.counts[mid]!;
    if (at < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

/** What English unit a and Russian unit b gain from their shared anchors: Σ min(count) × (match + 2·miss). */
function pairGain(problem: Problem, a: number, b: number): number {
  const enBags = problem.en.bags;
  const ruBags = problem.ru.bags;
  const gainOf = problem.gain;
  let x = enBags.offsets[a]!;
  let y = ruBags.offsets[b]!;
  const xEnd = enBags.offsets[a + 1]!;
  const yEnd = ruBags.offsets[b + 1]!;
  if (x === xEnd || y === yEnd) return 0;
  const enIds = enBags.ids;
  const ruIds = ruBags.ids;
  let gain = 0;
  while (x < xEnd && y < yEnd) {
    const p = enIds[x]!;
    const q = ruIds[y]!;
    if (p === q) {
      const ca = enBags.counts[x++]!;
      const cb = ruBags.counts[y++]!;
      gain += (ca < cb ? ca : cb) * gainOf[p]!;
    } else if (p < q) x++;
    else y++;
  }
  return gain;
}

/** The repeats of the run of `length` units of `side` from `from` (none for a single unit). */
function repeatsAt(side: Side, from: number, length: number): Repeats | null {
  return length === 2 ? side.repeats2 : length === 3 ? side.repeats3 : null;
}

/**
 * How much the sum of the 1-1 pair gains of English units [i0, i1) and Russian units [j0, j1)
 * overstates their joint gain: for an anchor held by several units of a side, Σ min(a, b) over the
 * pairs exceeds min(Σ a, Σ b). Only the ids repeated within a run need looking at.
 */
function repeatCorrection(problem: Problem, i0: number, i1: number, j0: number, j1: number): number {
  const en = problem.en;
  const ru = problem.ru;
  const enRepeats = repeatsAt(en, i0, i1 - i0);
  const ruRepeats = repeatsAt(ru, j0, j1 - j0);
  const enCounts = correctionCounts.en;
  const ruCounts = correctionCounts.ru;
  let correction = 0;
  for (let side = 0; side < 2; side++) {
    const repeats = side === 0 ? enRepeats : ruRepeats;
    if (!repeats) continue;
    const start = side === 0 ? i0 : j0;
    for (let k = repeats.offsets[start]!; k < repeats.offsets[start + 1]!; k++) {
      const id = repeats.ids[k]!;
      if (side === 1 && enRepeats && contains(enRepeats, i0, id)) continue; // done with the English repeats
      // This side's counts are stored with the repeat; the other side's are looked up.
      let ruTotal = 0;
      for (let b = j0; b < j1; b++) ruTotal += ruCounts[b - j0] = side === 1 ? repeats.counts[k * repeats.width + b - j0]! : countIn(ru.bags, b, id);
      if (ruTotal === 0) continue;
      let enTotal = 0;
      for (let a = i0; a < i1; a++) enTotal += enCounts[a - i0] = side === 0 ? repeats.counts[k * repeats.width + a - i0]! : countIn(en.bags, a, id);
      if (enTotal === 0) continue;
      let pairs = 0;
      for (let a = 0; a < i1 - i0; a++) {
        const ca = enCounts[a]!;
        if (ca === 0) continue;
        for (let b = 0; b < j1 - j0; b++) {
          const cb = ruCounts[b]!;
          pairs += ca < cb ? ca : cb;
        }
      }
      correction += (pairs - (enTotal < ruTotal ? enTotal : ruTotal)) * problem.gain[id]!;
    }
  }
  return correction;
}

/** Scratch for `repeatCorrection`: counts of one id in each unit of a run (at most 3). */
const correctionCounts = { en: new Int32Array(4), ru: new Int32Array(4) };

function contains(repeats: Repeats, start: number, id: number): boolean {
  for (let k = repeats.offsets[start]!; k < repeats.offsets[start + 1]!; k++) if (repeats.ids[k] === id) return true;
  return false;
}

/** Cells of the DP matrix that are searched: columns lo[i]..hi[i] of each row i. */
interface Band {
  lo: Int32Array;
  hi: Int32Array;
  rowStart: Int32Array;
  cells: number;
}

function makeBand(lo: Int32Array, hi: Int32Array): Band {
  const rowStart = new Int32Array(lo.length + 1);
  for (let i = 0; i < lo.length; i++) rowStart[i + 1] = rowStart[i]! + Math.max(0, hi[i]! - lo[i]! + 1);
  return { lo, hi, rowStart, cells: rowStart[lo.length]! };
}

function fullBand(n: number, m: number): Band {
  return makeBand(new Int32Array(n + 1), new Int32Array(n + 1).fill(m));
}

/**
 * The band around a coarse path projected onto the fine grid: every cell of each coarse bead's
 * rectangle, widened by `w` columns each side and spread over `w / 2` rows up and down.
 */
function bandAround(coarse: readonly Bead[], factor: number, n: number, m: number, w: number): Band {
  const minJ = new Int32Array(n + 1).fill(m);
  const maxJ = new Int32Array(n + 1).fill(0);
  let ci = 0;
  let cj = 0;
  for (const bead of coarse) {
    const i0 = Math.min(n, ci * factor);
    const j0 = Math.min(m, cj * factor);
    ci += bead.en.length;
    cj += bead.ru.length;
    const i1 = Math.min(n, ci * factor);
    const j1 = Math.min(m, cj * factor);
    for (let i = i0; i <= i1; i++) {
      if (j0 < minJ[i]!) minJ[i] = j0;
      if (j1 > maxJ[i]!) maxJ[i] = j1;
    }
  }
  const lo = new Int32Array(n + 1);
  const hi = new Int32Array(n + 1);
  const spread = Math.max(1, w >> 1);
  for (let i = 0; i <= n; i++) {
    let a = m;
    let b = 0;
    for (let k = Math.max(0, i - spread); k <= Math.min(n, i + spread); k++) {
      if (minJ[k]! < a) a = minJ[k]!;
      if (maxJ[k]! > b) b = maxJ[k]!;
    }
    lo[i] = Math.max(0, a - w);
    hi[i] = Math.min(m, b + w);
  }
  lo[0] = 0;
  hi[n] = m;
  return makeBand(lo, hi);
}

interface Solution {
  beads: Bead[];
  /** The best path runs along the band's edge: a wider band might find a better one. */
  touchesEdge: boolean;
}

/** The length model in the form the inner loop reads it. */
interface LengthModel {
  ratio: number;
  variance: number;
  share: number;
  scale: number;
  table: Float64Array;
}

function lengthModel(model: CostModel): LengthModel {
  return { ratio: model.ratio, variance: model.variance, share: model.outlierShare, scale: model.outlierScale, table: tailTable(model.outlierShare, model.outlierScale) };
}

/** What one search needs besides the problem: the band, the length model and pair gains found so far. */
interface Search {
  problem: Problem;
  length: LengthModel;
  lo: Int32Array;
  hi: Int32Array;
  rowStart: Int32Array;
  /** Gain of English unit a and Russian unit b, cached on cell (a + 1, b + 1) (NaN: not yet known). */
  pairs: Float64Array;
}

/** `pairGain` through the search's cache. */
function cachedPairGain(search: Search, a: number, b: number): number {
  const i = a + 1;
  const j = b + 1;
  const lo = search.lo[i]!;
  if (j < lo || j > search.hi[i]!) return pairGain(search.problem, a, b);
  const c = search.rowStart[i]! + j - lo;
  let gain = search.pairs[c]!;
  if (gain !== gain) search.pairs[c] = gain = pairGain(search.problem, a, b);
  return gain;
}

/**
 * Gain of a bead from its shared anchors: the sum of the gains of its 1-1 pairs (cached), less the
 * correction for anchors repeated within a side's run.
 */
function beadGain(search: Search, i0: number, i1: number, j0: number, j1: number): number {
  let gain = 0;
  for (let a = i0; a < i1; a++) for (let b = j0; b < j1; b++) gain += cachedPairGain(search, a, b);
  if (gain === 0 || (i1 - i0 === 1 && j1 - j0 === 1)) return gain;
  return gain - repeatCorrection(search.problem, i0, i1, j0, j1);
}

/**
 * Cost of the bead of `enCount` English and `ruCount` Russian units ending at (i, j), or Infinity
 * when even a lower bound of it (all that can be gained lexically assumed gained) exceeds `limit`.
 */
function beadCost(search: Search, prior: number, enCount: number, ruCount: number, i: number, j: number, limit: number): number {
  const problem = search.problem;
  const length = search.length;
  const en = problem.en;
  const ru = problem.ru;
  const i0 = i - enCount;
  const j0 = j - ruCount;
  let cost = prior;
  if (enCount > 1) {
    if (en.barriers) cost += problem.barrierCost * (en.barriers[i]! - en.barriers[i0 + 1]!);
    if (en.headings) cost += problem.headingCost * (en.headings[i]! - en.headings[i0]!);
  }
  if (ruCount > 1) {
    if (ru.barriers) cost += problem.barrierCost * (ru.barriers[j]! - ru.barriers[j0 + 1]!);
    if (ru.headings) cost += problem.headingCost * (ru.headings[j]! - ru.headings[j0]!);
  }
  if (en.continues && ru.continues) {
    // A bead starts a sentence, or a clause on both sides; a sentence cut at a comma stays whole.
    const enFlag = enCount > 0 ? en.continues[i0]! : 0;
    const ruFlag = ruCount > 0 ? ru.continues[j0]! : 0;
    if (enFlag === CONTINUES_CUT) cost += problem.cutCost;
    if (ruFlag === CONTINUES_CUT) cost += problem.cutCost;
    if (enCount > 0 && ruCount > 0 && (enFlag === CONTINUES_CLAUSE) !== (ruFlag === CONTINUES_CLAUSE)) cost += problem.continuationCost;
  }
  const missed = en.missed[i]! - en.missed[i0]! + ru.missed[j]! - ru.missed[j0]!;
  if (enCount === 0 || ruCount === 0) return cost + missed;
  // Gale–Church length term through the tabulated tail.
  const enLength = en.prefix[i]! - en.prefix[i0]!;
  const ruLength = ru.prefix[j]! - ru.prefix[j0]!;
  const ratio = length.ratio;
  const mean = Math.max((enLength + ruLength / ratio) / 2, 1);
  const x = Math.abs(ruLength - ratio * enLength) / Math.sqrt(length.variance * mean) / TABLE_STEP;
  const table = length.table;
  const k = Math.floor(x);
  if (k < TABLE_SIZE && table[k] === table[k] && table[k + 1] === table[k + 1]) {
    const f = x - k;
    cost += table[k]! * (1 - f) + table[k + 1]! * f;
  } else cost += tableTail(table, x * TABLE_STEP, length.share, length.scale);
  cost += missed;
  const enBound = en.bound[i]! - en.bound[i0]!;
  const ruBound = ru.bound[j]! - ru.bound[j0]!;
  if (cost - (enBound < ruBound ? enBound : ruBound) > limit) return Infinity;
  return cost - beadGain(search, i0, i, j0, j);
}

/** Viterbi path and forward–backward confidences inside a band. */
function solve(problem: Problem, model: CostModel, band: Band, withConfidence = true): Solution {
  const { en, ru, shapes } = problem;
  const n = en.count;
  const m = ru.count;
  const { lo, hi, rowStart, cells } = band;
  const shapeCount = shapes.length;
  const shapeEn = Int32Array.from(shapes, (shape) => shape.en);
  const shapeRu = Int32Array.from(shapes, (shape) => shape.ru);
  const shapePrior = Float64Array.from(shapes, (shape) => shape.prior);
  const search: Search = { problem, length: lengthModel(model), lo, hi, rowStart, pairs: new Float64Array(cells).fill(Number.NaN) };

  const best = new Float64Array(cells).fill(Infinity);
  /** Shape index + 1 of the best bead into each cell (0: none). */
  const back = new Uint8Array(cells);
  const forward = withConfidence ? new Float64Array(cells).fill(-Infinity) : null;
  /** Bead costs by cell and shape, kept (in single precision) for the backward pass (Infinity: pruned or impossible). */
  const costs = withConfidence ? new Float32Array(cells * shapeCount) : null;
  const terms = new Float64Array(shapeCount);
  best[0] = 0;
  if (forward) forward[0] = 0;
  for (let i = 0; i <= n; i++) {
    const loI = lo[i]!;
    const hiI = hi[i]!;
    const base = rowStart[i]! - loI;
    for (let j = loI; j <= hiI; j++) {
      if (i === 0 && j === 0) continue;
      const c = base + j;
      let bestCost = Infinity;
      let bestShape = -1;
      let termCount = 0;
      let maxTerm = -Infinity;
      for (let s = 0; s < shapeCount; s++) {
        if (costs) costs[c * shapeCount + s] = Infinity;
        const pi = i - shapeEn[s]!;
        const pj = j - shapeRu[s]!;
        if (pi < 0 || pj < 0 || pj < lo[pi]! || pj > hi[pi]!) continue;
        const from = rowStart[pi]! + pj - lo[pi]!;
        const before = best[from]!;
        if (before === Infinity) continue;
        // Beads far worse than the best so far change neither the path nor any posterior visibly.
        const cost = beadCost(search, shapePrior[s]!, shapeEn[s]!, shapeRu[s]!, i, j, bestCost + PRUNE_MARGIN - before);
        if (cost === Infinity) continue;
        if (costs) costs[c * shapeCount + s] = cost;
        if (before + cost < bestCost) {
          bestCost = before + cost;
          bestShape = s;
        }
        if (forward) {
          const term = forward[from]! - cost;
          terms[termCount++] = term;
          if (term > maxTerm) maxTerm = term;
        }
      }
      best[c] = bestCost;
      back[c] = bestShape + 1;
      if (forward && termCount > 0) {
        let sum = 0;
        for (let k = 0; k < termCount; k++) sum += Math.exp(terms[k]! - maxTerm);
        forward[c] = maxTerm + Math.log(sum);
      }
    }
  }

  const cell = (i: number, j: number): number => (j < lo[i]! || j > hi[i]! ? -1 : rowStart[i]! + j - lo[i]!);
  const last = cell(n, m);
  const backward = new Float64Array(withConfidence ? cells : 0).fill(-Infinity);
  if (costs) {
    backward[last] = 0;
    for (let i = n; i >= 0; i--) {
      for (let j = hi[i]!; j >= lo[i]!; j--) {
        const c = rowStart[i]! + j - lo[i]!;
        const here = backward[c]!;
        if (here === -Infinity) continue;
        for (let s = 0; s < shapeCount; s++) {
          const cost = costs[c * shapeCount + s]!;
          if (cost === Infinity) continue;
          const from = cell(i - shapeEn[s]!, j - shapeRu[s]!);
          backward[from] = logAddExp(backward[from]!, here - cost);
        }
      }
    }
  }

  const total = forward ? forward[last]! : 0;
  const beads: Bead[] = [];
  let touchesEdge = false;
  for (let i = n, j = m; i > 0 || j > 0; ) {
    const c = cell(i, j);
    if ((j === lo[i]! && j > 0) || (j === hi[i]! && j < m)) touchesEdge = true;
    const s = back[c]! - 1;
    const i0 = i - shapeEn[s]!;
    const j0 = j - shapeRu[s]!;
    const from = cell(i0, j0);
    const posterior = forward && costs ? Math.exp(forward[from]! - costs[c * shapeCount + s]! + backward[c]! - total) : 1;
    beads.push({ en: range(i0, shapeEn[s]!), ru: range(j0, shapeRu[s]!), confidence: clamp01(posterior) });
    i = i0;
    j = j0;
  }
  return { beads: beads.reverse(), touchesEdge };
}

/**
 * Coarse levels keep only anchors whose miss weight is at least this (numbers, names, acronyms,
 * Latin words, brackets): merged blocks would otherwise carry hundreds of lexicon anchors each.
 */
const COARSE_MIN_MISS = 0.5;

/** One side with each run of `factor` consecutive units merged into one unit (no barriers), keeping the anchors `keep` marks. */
function downsample(side: Side, factor: number, keep: Uint8Array, problem: Problem): Side {
  const count = Math.ceil(side.count / factor);
  const prefix = new Float64Array(count + 1);
  const offsets = new Int32Array(count + 1);
  const { bags } = side;
  const ids = new Int32Array(bags.ids.length);
  const counts = new Int32Array(bags.ids.length);
  const cursor = new Int32Array(factor);
  let z = 0;
  for (let k = 0; k < count; k++) {
    const from = k * factor;
    const to = Math.min(side.count, from + factor);
    prefix[k + 1] = side.prefix[to]!;
    for (let u = from; u < to; u++) cursor[u - from] = bags.offsets[u]!;
    // k-way merge of the units' sorted runs.
    for (;;) {
      let id = 0x7fffffff;
      for (let u = from; u < to; u++) {
        const x = cursor[u - from]!;
        if (x < bags.offsets[u + 1]! && bags.ids[x]! < id) id = bags.ids[x]!;
      }
      if (id === 0x7fffffff) break;
      let total = 0;
      for (let u = from; u < to; u++) {
        const x = cursor[u - from]!;
        if (x < bags.offsets[u + 1]! && bags.ids[x] === id) {
          total += bags.counts[x]!;
          cursor[u - from] = x + 1;
        }
      }
      if (keep[id]) {
        ids[z] = id;
        counts[z++] = total;
      }
    }
    offsets[k + 1] = z;
  }
  return makeSide(count, prefix, { offsets, ids: ids.slice(0, z), counts: counts.slice(0, z) }, problem, null, null);
}

/**
 * Re-estimates the length model from a first alignment: the ratio over its 1-1 beads, and the
 * variance per character from the median squared deviation (robust to wrong beads).
 */
export function calibrateModel(beads: readonly Bead[], enLength: (i: number) => number, ruLength: (j: number) => number, model: CostModel): CostModel | undefined {
  const pairs: [number, number][] = [];
  for (const bead of beads) {
    if (bead.en.length !== 1 || bead.ru.length !== 1) continue;
    const a = enLength(bead.en[0]!);
    const b = ruLength(bead.ru[0]!);
    if (a > 0 && b > 0) pairs.push([a, b]);
  }
  if (pairs.length < 20) return undefined;
  const ratio = pairs.reduce((sum, p) => sum + p[1], 0) / pairs.reduce((sum, p) => sum + p[0], 0);
  const squares = pairs
    .map(([a, b]) => (b - ratio * a) ** 2 / Math.max((a + b / ratio) / 2, 1))
    .sort((x, y) => x - y);
  const median = squares[Math.floor(squares.length / 2)]!;
  // The median of a squared standard normal is 0.4549.
  const variance = Math.min(40, Math.max(2, median / 0.4549));
  return { ...model, ratio, variance };
}

interface Context {
  maxFullCells: number;
  model: CostModel;
  calibrate: boolean;
  band: number;
}

/**
 * Full DP when small. Otherwise align a half-size problem (units merged in pairs) and search a band
 * around its path; at most `MAX_DEPTH` halvings (blocks of 8 units: coarser blocks lose the sentence
 * rhythm and can lock onto repeated passages), below which a wide band around the length diagonal is
 * searched instead.
 */
function alignProblem(problem: Problem, context: Context, top = true, depth = 0): Bead[] {
  const n = problem.en.count;
  const m = problem.ru.count;
  const full = (n + 1) * (m + 1) <= context.maxFullCells || n < 2 || m < 2;
  if (full || depth >= MAX_DEPTH) {
    const first = full ? fullBand(n, m) : diagonalBand(problem, Math.max(DIAGONAL_BAND, Math.ceil(0.015 * Math.max(n, m))));
    let beads = refine(problem, context, first, top);
    if (context.calibrate && Math.min(n, m) >= CALIBRATION_MIN_UNITS && depth === 0) {
      context.calibrate = false;
      const calibrated = calibrateModel(
        beads,
        (i) => problem.en.prefix[i + 1]! - problem.en.prefix[i]!,
        (j) => problem.ru.prefix[j + 1]! - problem.ru.prefix[j]!,
        context.model,
      );
      if (calibrated) {
        context.model = calibrated;
        beads = refine(problem, context, first, top);
      }
    }
    return beads;
  }
  const factor = 2;
  const strong = problem.miss.map((miss) => (miss >= COARSE_MIN_MISS ? 1 : 0));
  const keep = new Uint8Array(strong.length);
  keep.set(strong);
  const coarse: Problem = {
    ...problem,
    en: downsample(problem.en, factor, keep, problem),
    ru: downsample(problem.ru, factor, keep, problem),
    // Blocks of merged units: 2-2, 1-3 and 3-1 are not needed to find the band; leaving out a block
    // leaves out `factor` units, so it costs `factor` times as much.
    shapes: problem.shapes
      .filter((shape) => shape.en + shape.ru <= 3)
      .map((shape) => (shape.en === 0 || shape.ru === 0 ? { ...shape, prior: shape.prior * factor } : shape)),
  };
  const coarseBeads = alignProblem(coarse, context, false, depth + 1);
  return refine(problem, context, bandAround(coarseBeads, factor, n, m, context.band), top);
}

/** Solves in `band`; while the best path runs along the band's edge, adds a band around that path and searches again. */
function refine(problem: Problem, context: Context, first: Band, top: boolean): Bead[] {
  const n = problem.en.count;
  const m = problem.ru.count;
  let band = first;
  for (let round = 0; ; round++) {
    const solution = solve(problem, context.model, band, top);
    if (!solution.touchesEdge || round >= MAX_BAND_ROUNDS || band.cells > MAX_BAND_CELLS) return solution.beads;
    band = unionBands(band, bandAround(solution.beads, 1, n, m, context.band));
  }
}

/** Columns within `w` of the length diagonal (the Russian unit at the same share of its side's length). */
function diagonalBand(problem: Problem, w: number): Band {
  const n = problem.en.count;
  const m = problem.ru.count;
  const lo = new Int32Array(n + 1);
  const hi = new Int32Array(n + 1);
  const enTotal = problem.en.prefix[n]! || 1;
  const ruTotal = problem.ru.prefix[m]! || 1;
  let j = 0;
  for (let i = 0; i <= n; i++) {
    const target = (problem.en.prefix[i]! / enTotal) * ruTotal;
    while (j < m && problem.ru.prefix[j + 1]! <= target) j++;
    lo[i] = Math.max(0, j - w);
    hi[i] = Math.min(m, j + w);
  }
  lo[0] = 0;
  hi[n] = m;
  return makeBand(lo, hi);
}

function unionBands(a: Band, b: Band): Band {
  const lo = a.lo.map((x, i) => Math.min(x, b.lo[i]!));
  const hi = a.hi.map((x, i) => Math.max(x, b.hi[i]!));
  return makeBand(lo, hi);
}

/** Beads and the length model they were found with (after calibration). */
export interface SequenceAlignment {
  beads: Bead[];
  model: CostModel;
}

/**
 * Aligns two sequences of units (sentences, clauses, paragraphs) monotonically.
 * Returns beads covering every unit of both sides exactly once, in order. Deterministic: among
 * equal-cost paths the shape listed first wins.
 *
 * Short sequences are aligned over the whole matrix. Long ones are halved recursively (runs of two
 * units merged) until small, and each finer level searches only a band around the coarser level's
 * path (doubled while the best path touches the band's edge): time and memory O((n+m)·band).
 */
export function alignSequences(en: readonly string[], ru: readonly string[], options: AlignOptions = {}): Bead[] {
  return alignSequencesWithModel(en, ru, options).beads;
}

export function alignSequencesWithModel(en: readonly string[], ru: readonly string[], options: AlignOptions = {}): SequenceAlignment {
  const n = en.length;
  const m = ru.length;
  const shapes = options.shapes ?? ALL_CLAUSE_BEAD_SHAPES;
  const model: CostModel = {
    ratio: options.ratio ?? lengthRatio(en, ru),
    variance: options.variance ?? DEFAULT_VARIANCE,
    anchorWeights: options.anchorWeights ?? DEFAULT_ANCHOR_WEIGHTS,
    outlierShare: options.outlierShare ?? DEFAULT_OUTLIER_SHARE,
    outlierScale: options.outlierScale ?? DEFAULT_OUTLIER_SCALE,
  };
  if (n === 0 || m === 0) {
    const beads = n === 0 ? range(0, m).map((j): Bead => ({ en: [], ru: [j], confidence: 1 })) : range(0, n).map((i): Bead => ({ en: [i], ru: [], confidence: 1 }));
    return { beads, model };
  }
  const weights = model.anchorWeights;
  const kindOf = (key: string): string => key.slice(0, key.indexOf(':'));
  const anchors = extractFlatAnchors(en, ru, options, (key) => weights[kindOf(key)] !== undefined, options.extraAnchors);
  const match = new Float64Array(anchors.keys.length);
  const miss = new Float64Array(anchors.keys.length);
  const rarity = anchorRarity(anchors.en, anchors.ru, anchors.keys.length);
  const scaled = new Set(options.frequencyScaledKinds ?? FREQUENCY_SCALED_KINDS);
  anchors.keys.forEach((key, id) => {
    const kind = kindOf(key);
    const weight = weights[kind]!;
    const factor = scaled.has(kind) ? rarity[id]! : 1;
    match[id] = weight.match * factor;
    miss[id] = weight.miss * factor;
  });
  const gain = match.map((x, id) => x + 2 * miss[id]!);
  const weighting = { miss, gain };
  const headings = options.headingBarriers ?? true;
  const side = (texts: readonly string[], bags: FlatBags, flags: readonly boolean[] | undefined, headingFlags: readonly boolean[] | undefined): Side =>
    makeSide(
      texts.length,
      prefixLengths(texts),
      bags,
      weighting,
      flags ? prefixCounts(texts.length, flags) : null,
      headingFlags?.some(Boolean) ? prefixCounts(texts.length, headingFlags) : null,
      continuations(texts),
    );
  const problem: Problem = {
    en: side(en, anchors.en, options.barriers?.en, headings ? en.map(isHeadingLike) : undefined),
    ru: side(ru, anchors.ru, options.barriers?.ru, headings ? ru.map(isHeadingLike) : undefined),
    match,
    miss,
    gain,
    shapes,
    barrierCost: options.barrierCost ?? DEFAULT_BARRIER_COST,
    headingCost: options.headingCost ?? DEFAULT_HEADING_COST,
    continuationCost: options.continuationCost ?? DEFAULT_CONTINUATION_COST,
    cutCost: options.cutCost ?? DEFAULT_CUT_COST,
  };
  const context: Context = {
    model,
    calibrate: options.calibrate ?? (options.variance === undefined && options.ratio === undefined),
    band: options.band ?? DEFAULT_BAND,
    maxFullCells: options.maxFullCells ?? FULL_DP_CELLS,
  };
  const beads = alignProblem(problem, context);
  return { beads, model: context.model };
}

/**
 * In the forward pass a bead whose cost's lower bound puts its path this many nats behind the best
 * one into the same cell is skipped: its share of any posterior is below e^-20.
 */
const PRUNE_MARGIN = 20;

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}

/** Units around a unit among which an anchor's repeats make it ambiguous (see `anchorRarity`). */
const RARITY_WINDOW = 40;

/**
 * Per anchor id, 1 / √(how many units hold it on a side, on average, within `RARITY_WINDOW` units):
 * an anchor found in one unit a side is full evidence, one repeated in four units a side of a short
 * text half as much (words that recur — "support", "cooperation", a year — say less about which unit
 * pairs with which). On long texts repeats are counted per window, not over the whole text.
 */
function anchorRarity(en: FlatBags, ru: FlatBags, count: number): Float64Array {
  const units = new Float64Array(count);
  for (const bags of [en, ru]) for (let k = 0; k < bags.ids.length; k++) units[bags.ids[k]!]! += 1;
  const window = Math.min(1, RARITY_WINDOW / Math.max(1, en.offsets.length - 1, ru.offsets.length - 1));
  return units.map((n) => 1 / Math.sqrt(Math.max(1, (n / 2) * window)));
}

function prefixCounts(length: number, flags: readonly boolean[] | undefined): Int32Array {
  const prefix = new Int32Array(length + 1);
  for (let k = 0; k < length; k++) prefix[k + 1] = prefix[k]! + (flags?.[k] ? 1 : 0);
  return prefix;
}

function prefixLengths(texts: readonly string[]): Float64Array {
  const prefix = new Float64Array(texts.length + 1);
  for (let k = 0; k < texts.length; k++) prefix[k + 1] = prefix[k]! + texts[k]!.length;
  return prefix;
}

export interface AlignTextOptions {
  /** Options for the paragraph level (defaults: paragraph shapes, the texts' length ratio). */
  paragraphs?: AlignOptions;
  /** Options for the clause level (defaults: clause shapes, the texts' length ratio). */
  clauses?: AlignOptions;
}

const paragraphText = (clauses: readonly Clause[]): string => clauses.map((clause) => clause.text).join(' ');

/**
 * Aligns two segmented texts: paragraphs first (1-1 strongly preferred; a paragraph's kind is an
 * anchor, so titles and operative paragraphs pair with their like, and an operative paragraph is a
 * barrier that is not merged into the one before it), then the clauses inside each aligned group. Groups are numbered 1, 2, … except a title group, numbered 0.
 */
export function alignText(en: SegmentedText, ru: SegmentedText, options: AlignTextOptions = {}): AlignedText {
  const enParagraphs = en.paragraphs.map((paragraph) => paragraphText(paragraph.clauses));
  const ruParagraphs = ru.paragraphs.map((paragraph) => paragraphText(paragraph.clauses));
  const ratio = lengthRatio(enParagraphs, ruParagraphs);
  const kindBag = (kind: string): AnchorBag => new Map([[`kind:${kind}`, 1]]);
  const paragraphBeads = alignSequences(enParagraphs, ruParagraphs, {
    ratio,
    shapes: PARAGRAPH_BEAD_SHAPES,
    extraAnchors: {
      en: en.paragraphs.map((paragraph) => kindBag(paragraph.kind)),
      ru: ru.paragraphs.map((paragraph) => kindBag(paragraph.kind)),
    },
    barriers: {
      en: en.paragraphs.map((paragraph) => paragraph.kind === 'operative'),
      ru: ru.paragraphs.map((paragraph) => paragraph.kind === 'operative'),
    },
    ...options.paragraphs,
  });

  let number = 0;
  const groups = paragraphBeads.map((bead, groupIndex): ParagraphGroup => {
    const enClauses = bead.en.flatMap((p) => en.paragraphs[p]!.clauses);
    const ruClauses = bead.ru.flatMap((p) => ru.paragraphs[p]!.clauses);
    const first = bead.en.length > 0 ? en.paragraphs[bead.en[0]!]! : ru.paragraphs[bead.ru[0]!]!;
    const clauseBeads = alignSequences(
      enClauses.map((clause) => clause.text),
      ruClauses.map((clause) => clause.text),
      { ratio, ...options.clauses },
    );
    const rows = clauseBeads.map(
      (clauseBead, rowIndex): AlignedRow => ({
        id: `r${groupIndex}-${rowIndex}`,
        en: clauseBead.en.map((c) => enClauses[c]!),
        ru: clauseBead.ru.map((c) => ruClauses[c]!),
        confidence: Math.min(clauseBead.confidence, bead.confidence),
      }),
    );
    return {
      number: first.kind === 'title' ? 0 : ++number,
      kind: first.kind,
      en: bead.en,
      ru: bead.ru,
      rows,
    };
  });
  return { groups };
}
