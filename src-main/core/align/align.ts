/**
 * Sentence/paragraph alignment of an English text and its Russian translation.
 * Pure TypeScript: no Electron, no Node APIs.
 *
 * `alignSequences` is a monotone dynamic programme over bead shapes (1-1, 1-2, 2-1, 1-0, 0-1 by
 * default; the shape set is data). A bead's cost is a prior for its shape, a Gale–Church length term
 * and lexical evidence (numbers, acronyms, Latin words kept in the Russian, parentheses). The best
 * path is found by Viterbi; each bead's confidence is its posterior probability from the
 * forward–backward sums over all paths, with the same costs.
 *
 * `alignText` aligns paragraphs first, then the clauses inside each aligned group of paragraphs.
 *
 * Complexity: O(n·m·|shapes|) time and memory for sequences of n and m units. That is fine for
 * paragraphs of one document and for clauses inside a paragraph; book-length inputs want a band
 * around the diagonal (see the notes at `alignSequences`).
 */
import type { AlignedRow, AlignedText, Bead, Clause, ParagraphGroup, SegmentedText } from '../model';
import {
  type AnchorBag,
  type AnchorOptions,
  type PackedBag,
  extractAnchors,
  mergeBags,
  filterPacked,
  mergePacked,
  missTotal,
  gainBound,
  packAnchors,
  pairGain,
  anchorCost,
} from './anchors';
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
  tabulatedLengthCost,
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
}

export const DEFAULT_HEADING_COST = 3;

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
export const DEFAULT_BAND = 4;
const MAX_BAND_ROUNDS = 12;
/** Halvings before the coarsest level (blocks of 2^MAX_DEPTH units). */
const MAX_DEPTH = 3;
/** Least half-width of the band around the length diagonal at the coarsest level. */
const DIAGONAL_BAND = 64;
/** No more widening past this many cells (about 100 per row of 11,000 segments). */
const MAX_BAND_CELLS = 1_200_000;
/** A first alignment of at least this many units on each side re-estimates the length model. */
export const CALIBRATION_MIN_UNITS = 30;

/** Units of one side as the dynamic programme sees them: prefix lengths and packed anchor bags. */
interface Side {
  count: number;
  prefix: Float64Array;
  bags: PackedBag[];
  /** Prefix counts of barrier units (or undefined: no barriers). */
  barriers: Int32Array | undefined;
  /** Prefix counts of heading-like units, which pay `HEADING_COST` in any bead of two or more units. */
  headings: Int32Array | undefined;
  /** Merged bags of runs of 2 and 3 units by start, filled on demand. */
  spans?: PackedBag[][];
}

/** The merged bag of `count` consecutive units of `side` from `start`, cached on the side. */
function spanBag(side: Side, start: number, count: number): PackedBag {
  if (count === 1) return side.bags[start]!;
  side.spans ??= [];
  const byStart = (side.spans[count] ??= []);
  let bag = byStart[start];
  if (!bag) byStart[start] = bag = mergePacked(side.bags.slice(start, start + count));
  return bag;
}

interface Problem {
  en: Side;
  ru: Side;
  match: Float64Array;
  miss: Float64Array;
  shapes: readonly BeadShape[];
  barrierCost: number;
  headingCost: number;
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

/** Viterbi path and forward–backward confidences inside a band. */
function solve(problem: Problem, model: CostModel, band: Band, withConfidence = true): Solution {
  const { en, ru, shapes, match, miss, barrierCost } = problem;
  const n = en.count;
  const m = ru.count;
  const { lo, hi, rowStart } = band;
  const shapeCount = shapes.length;
  const shapeEn = Int32Array.from(shapes, (shape) => shape.en);
  const shapeRu = Int32Array.from(shapes, (shape) => shape.ru);
  const inner = (prefix: Int32Array | undefined, start: number, count: number): number =>
    prefix && count > 1 ? prefix[start + count]! - prefix[start + 1]! : 0;
  const all = (prefix: Int32Array | undefined, start: number, count: number): number =>
    prefix && count > 1 ? prefix[start + count]! - prefix[start]! : 0;
  const cell = (i: number, j: number): number => (j < lo[i]! || j > hi[i]! ? -1 : rowStart[i]! + j - lo[i]!);
  const enMiss = missPrefix(en.bags, miss);
  const ruMiss = missPrefix(ru.bags, miss);
  const enBound = prefixOf(en.bags, (bag) => gainBound(bag, match, miss));
  const ruBound = prefixOf(ru.bags, (bag) => gainBound(bag, match, miss));
  const lengthOf = tabulatedLengthCost(model);
  /** Gain of English unit a and Russian unit b from each other (1-1 beads), cached on cell (a + 1, b + 1). */
  const gains = new Float64Array(band.cells).fill(Number.NaN);
  const gainOf = (a: number, b: number): number => {
    const c = cell(a + 1, b + 1);
    if (c < 0) return pairGain(en.bags[a]!, ru.bags[b]!, match, miss);
    let gain = gains[c]!;
    if (Number.isNaN(gain)) gains[c] = gain = pairGain(en.bags[a]!, ru.bags[b]!, match, miss);
    return gain;
  };

  /**
   * Cost of the bead of shape `s` ending at cell `c` = (i, j), or Infinity when even a lower bound of
   * it (all that can be gained lexically assumed gained) exceeds `limit`. Cached when the backward
   * pass needs it again.
   */
  const costs = withConfidence ? new Float64Array(band.cells * shapeCount).fill(Number.NaN) : undefined;
  const evaluate = (s: number, c: number, i: number, j: number, limit: number): number => {
    const shape = shapes[s]!;
    const i0 = i - shape.en;
    const j0 = j - shape.ru;
    const both = shape.en > 0 && shape.ru > 0;
    const missed = enMiss[i]! - enMiss[i0]! + ruMiss[j]! - ruMiss[j0]!;
    let cost =
      shape.prior +
      (both ? lengthOf(en.prefix[i]! - en.prefix[i0]!, ru.prefix[j]! - ru.prefix[j0]!) : 0) +
      barrierCost * (inner(en.barriers, i0, shape.en) + inner(ru.barriers, j0, shape.ru)) +
      problem.headingCost * (all(en.headings, i0, shape.en) + all(ru.headings, j0, shape.ru));
    if (!both) return cost + missed;
    if (cost + missed - Math.min(enBound[i]! - enBound[i0]!, ruBound[j]! - ruBound[j0]!) > limit) return Infinity;
    // 1-1: cached pair gain; larger beads: exact merge of the runs' anchors.
    cost +=
      shape.en === 1 && shape.ru === 1 ? missed - gainOf(i0, j0) : anchorCost(spanBag(en, i0, shape.en), spanBag(ru, j0, shape.ru), match, miss);
    return cost;
  };
  const costOf = (s: number, c: number, i: number, j: number, limit = Infinity): number => {
    if (!costs) return evaluate(s, c, i, j, limit);
    const index = c * shapeCount + s;
    let cost = costs[index]!;
    if (Number.isNaN(cost)) costs[index] = cost = evaluate(s, c, i, j, limit);
    return cost;
  };

  const best = new Float64Array(band.cells).fill(Infinity);
  const back = new Int8Array(band.cells).fill(-1);
  const forward = new Float64Array(band.cells).fill(-Infinity);
  best[0] = 0;
  forward[0] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = lo[i]!; j <= hi[i]!; j++) {
      if (i === 0 && j === 0) continue;
      const c = rowStart[i]! + j - lo[i]!;
      let bestCost = Infinity;
      let bestShape = -1;
      let sum = -Infinity;
      for (let s = 0; s < shapeCount; s++) {
        const pi = i - shapeEn[s]!;
        const pj = j - shapeRu[s]!;
        if (pi < 0 || pj < 0) continue;
        const from = cell(pi, pj);
        if (from < 0 || best[from] === Infinity) continue;
        // Beads far worse than the best so far change neither the path nor any posterior visibly.
        const cost = costOf(s, c, i, j, bestCost + PRUNE_MARGIN - best[from]!);
        if (cost === Infinity) continue;
        if (best[from]! + cost < bestCost) {
          bestCost = best[from]! + cost;
          bestShape = s;
        }
        if (withConfidence) sum = logAddExp(sum, forward[from]! - cost);
      }
      best[c] = bestCost;
      back[c] = bestShape;
      forward[c] = sum;
    }
  }

  const last = cell(n, m);
  const backward = new Float64Array(withConfidence ? band.cells : 0).fill(-Infinity);
  if (withConfidence) backward[last] = 0;
  for (let i = withConfidence ? n : -1; i >= 0; i--) {
    for (let j = hi[i]!; j >= lo[i]!; j--) {
      const c = rowStart[i]! + j - lo[i]!;
      const here = backward[c]!;
      if (here === -Infinity) continue;
      for (let s = 0; s < shapeCount; s++) {
        const pi = i - shapeEn[s]!;
        const pj = j - shapeRu[s]!;
        if (pi < 0 || pj < 0) continue;
        const from = cell(pi, pj);
        if (from < 0 || best[from] === Infinity) continue;
        const cost = costOf(s, c, i, j);
        if (cost !== Infinity) backward[from] = logAddExp(backward[from]!, here - cost);
      }
    }
  }

  const total = forward[last]!;
  const beads: Bead[] = [];
  let touchesEdge = false;
  for (let i = n, j = m; i > 0 || j > 0; ) {
    const c = cell(i, j);
    if ((j === lo[i]! && j > 0) || (j === hi[i]! && j < m)) touchesEdge = true;
    const s = back[c]!;
    const shape = shapes[s]!;
    const i0 = i - shape.en;
    const j0 = j - shape.ru;
    const from = cell(i0, j0);
    const posterior = withConfidence ? Math.exp(forward[from]! - costOf(s, c, i, j) + backward[c]! - total) : 1;
    beads.push({ en: range(i0, shape.en), ru: range(j0, shape.ru), confidence: clamp01(posterior) });
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

/** One side with each run of `factor` consecutive units merged into one unit (no barriers). */
function downsample(side: Side, factor: number, keep: (id: number) => boolean): Side {
  const count = Math.ceil(side.count / factor);
  const prefix = new Float64Array(count + 1);
  const bags: PackedBag[] = [];
  for (let k = 0; k < count; k++) {
    const from = k * factor;
    const to = Math.min(side.count, from + factor);
    prefix[k + 1] = side.prefix[to]!;
    bags.push(filterPacked(mergePacked(side.bags.slice(from, to)), keep));
  }
  return { count, prefix, bags, barriers: undefined, headings: undefined };
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
    const first = full ? fullBand(n, m) : diagonalBand(problem, Math.max(DIAGONAL_BAND, Math.ceil(0.05 * Math.max(n, m))));
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
  const strong = (id: number): boolean => problem.miss[id]! >= COARSE_MIN_MISS;
  const coarse: Problem = {
    ...problem,
    en: downsample(problem.en, factor, strong),
    ru: downsample(problem.ru, factor, strong),
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
  const anchors = extractAnchors(en, ru, options);
  const extra = options.extraAnchors;
  const packed = packAnchors(
    extra ? anchors.en.map((bag, i) => mergeBags([bag, extra.en[i] ?? new Map()])) : anchors.en,
    extra ? anchors.ru.map((bag, j) => mergeBags([bag, extra.ru[j] ?? new Map()])) : anchors.ru,
    model.anchorWeights,
  );
  const headings = options.headingBarriers ?? true;
  const side = (texts: readonly string[], bags: PackedBag[], flags: readonly boolean[] | undefined, headingFlags: readonly boolean[] | undefined): Side => ({
    count: texts.length,
    prefix: prefixLengths(texts),
    bags,
    barriers: flags ? prefixCounts(texts.length, flags) : undefined,
    headings: headingFlags?.some(Boolean) ? prefixCounts(texts.length, headingFlags) : undefined,
  });
  const problem: Problem = {
    en: side(en, packed.en, options.barriers?.en, headings ? en.map(isHeadingLike) : undefined),
    ru: side(ru, packed.ru, options.barriers?.ru, headings ? ru.map(isHeadingLike) : undefined),
    match: packed.match,
    miss: packed.miss,
    shapes,
    barrierCost: options.barrierCost ?? DEFAULT_BARRIER_COST,
    headingCost: options.headingCost ?? DEFAULT_HEADING_COST,
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

/** Prefix sums of the bags' miss totals. */
function missPrefix(bags: readonly PackedBag[], miss: Float64Array): Float64Array {
  return prefixOf(bags, (bag) => missTotal(bag, miss));
}

function prefixOf(bags: readonly PackedBag[], value: (bag: PackedBag) => number): Float64Array {
  const prefix = new Float64Array(bags.length + 1);
  for (let k = 0; k < bags.length; k++) prefix[k + 1] = prefix[k]! + value(bags[k]!);
  return prefix;
}

/**
 * In the forward pass a bead whose cost's lower bound puts its path this many nats behind the best
 * one into the same cell is skipped: its share of any posterior is below e^-20.
 */
const PRUNE_MARGIN = 20;

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
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
