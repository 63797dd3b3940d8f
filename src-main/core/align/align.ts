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
 * Files: `problem.ts` (the units and anchors as the DP reads them), `band.ts` (which cells are
 * searched), `dp.ts` (Viterbi and forward–backward in a band), `shape.ts` (headings, cut sentences),
 * `cost.ts` (shape priors and the length law), `anchors.ts` (lexical evidence); this file builds the
 * problem, runs the coarse-to-fine search and aligns whole texts.
 *
 * `alignText` aligns paragraphs first, then the clauses inside each aligned group of paragraphs.
 *
 * Complexity: O(n·m·|shapes|) time and memory for sequences of n and m units. That is fine for
 * paragraphs of one document and for clauses inside a paragraph; book-length inputs want a band
 * around the diagonal (see the notes at `alignSequences`).
 */
import type { AlignedRow, AlignedText, Bead, Clause, ParagraphGroup, SegmentedText } from '../model';
import { type AnchorBag, type AnchorOptions, type FlatBags, extractFlatAnchors } from './anchors';
import { type Band, bandAround, diagonalBand, fullBand, unionBands } from './band';
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
} from './cost';
import { type BeadEvidence, TEMPERATURE, boundaryEvidence, calibrateConfidences } from './confidence';
import { range, solve } from './dp';
import { COARSE_MIN_MISS, type Problem, RESULT, type Side, anchorRarity, countIds, downsample, makeSide, pairGain, prefixCounts, prefixLengths, structureOf } from './problem';
import { CONTINUES_CUT, RUNS_ON, continuations, isHeadingLike } from './shape';
import { isUntranslated } from './untranslated';

export { CONTINUES_CLAUSE, CONTINUES_CUT, continuations, isHeadingLike } from './shape';

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
  /**
   * Cost per list item held by one side of a bead and not the other, and per pair of items joined on
   * both sides (default `DEFAULT_LIST_COST`; see `structureCost` in dp.ts).
   */
  listCost?: number;
  /** Cost per unit in the other side's script joined with the side's own (default `DEFAULT_SCRIPT_COST`). */
  scriptCost?: number;
  /** Temperature of the posteriors that give each bead its confidence (default `TEMPERATURE`, confidence.ts). */
  temperature?: number;
  /** Join a lone unit to the neighbour bead whose other side holds its anchors (default true; see `attachCoveredUnits`). */
  attachCovered?: boolean;
  /** See `ANCHOR_IMBALANCE` (default); `Infinity` keeps every anchor's miss weight whole. */
  anchorImbalance?: number;
}

export const DEFAULT_HEADING_COST = 3;
/** Anchor kinds whose weights shrink with the number of units holding them (see `anchorRarity`). */
export const FREQUENCY_SCALED_KINDS: readonly string[] = ['lex', 'name', 'num', 'lat', 'acr'];
export const DEFAULT_CONTINUATION_COST = 2;

export const DEFAULT_CUT_COST = 4;
/** See `AlignOptions.listCost`. */
export const DEFAULT_LIST_COST = 3;
/** See `AlignOptions.scriptCost`. */
export const DEFAULT_SCRIPT_COST = 4;


export const DEFAULT_BARRIER_COST = 4;

/** Russian characters per English character over the whole of both sides (1 if a side is empty). */
export function lengthRatio(en: readonly string[], ru: readonly string[]): number {
  const enTotal = en.reduce((sum, text) => sum + text.length, 0);
  const ruTotal = ru.reduce((sum, text) => sum + text.length, 0);
  return enTotal > 0 && ruTotal > 0 ? ruTotal / enTotal : 1;
}


/** Sequences up to this many DP cells are aligned with the full matrix; longer ones with a band. */
export const FULL_DP_CELLS = 40_000;
/** Half-width of the band around the projected coarse path (doubled while the path touches it). */
export const DEFAULT_BAND = 2;
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
  return refine(problem, context, bandAround(coarsePath(problem, context, factor, depth), factor, n, m, context.band), top);
}

/**
 * The path of `problem` halved (runs of `factor` units merged), searched one level down. Its own
 * function so that the coarse problem (its sides' merged bags and prefix sums, a few MB on a book) is
 * garbage once the path is found: held in `alignProblem`'s frame it stayed live through the finer
 * level's search, where the peak memory is reached.
 */
function coarsePath(problem: Problem, context: Context, factor: number, depth: number): Bead[] {
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
  return alignProblem(coarse, context, false, depth + 1);
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


/**
 * An anchor held by more than this many times as many units on one side as on the other has its miss
 * weight cut in proportion (see `anchorBalance`). Omissions, merges and splits leave far smaller
 * imbalances (a number in two English units and one Russian one), and those are the evidence of
 * which unit lost its counterpart; at 1 (every imbalance) the evaluation lost accuracy on its
 * omission variants, at 4 none.
 */
export const ANCHOR_IMBALANCE = 4;

/**
 * Per anchor id, the factor on its miss weight: 1, or `imbalance` × (1 + the units of the side that
 * holds it less often) / (1 + the units of the other side), when that is smaller. An anchor held by many
 * times more units of one side than of the other can be found on the other side by only a few of them:
 * that the rest miss it says nothing of how they pair. English words in a Russian file that keeps a
 * few lines in English ("the", "and", "network" in 80 English units and 4 Russian ones) made every
 * translated row of a manual miss anchor weight, and the confidence flagged a fifth of them.
 */
export function anchorBalance(en: FlatBags, ru: FlatBags, count: number, imbalance = ANCHOR_IMBALANCE): Float64Array {
  // Counted in integers, as `anchorRarity` counts: in a fresh process the loop runs interpreted for a
  // while, and each `+= 1` on a Float64Array made a heap number (1.9 MB of garbage on a book).
  const enUnits = new Int32Array(count);
  const ruUnits = new Int32Array(count);
  countIds(enUnits, en.ids);
  countIds(ruUnits, ru.ids);
  const balance = new Float64Array(count);
  for (let id = 0; id < count; id++) {
    const a = enUnits[id]!;
    const b = ruUnits[id]!;
    balance[id] = Math.min(1, (imbalance * (Math.min(a, b) + 1)) / (Math.max(a, b) + 1));
  }
  return balance;
}

/** Beads and the length model they were found with (after calibration). */
export interface SequenceAlignment {
  beads: Bead[];
  model: CostModel;
  /** Each bead's posterior before calibration and its evidence (what `npm run eval -- --fit` fits on). */
  posteriors: number[];
  evidence: BeadEvidence[];
}

const lengthDeltaOf = (model: CostModel, enLength: number, ruLength: number): number =>
  Math.abs(ruLength - model.ratio * enLength) / Math.sqrt(model.variance * Math.max((enLength + ruLength / model.ratio) / 2, 1));

/** What the calibration reads of each bead under the final model (see `BeadEvidence`). */
function beadEvidence(problem: Problem, model: CostModel, beads: readonly Bead[], attached: ReadonlySet<Bead>): BeadEvidence[] {
  const { en, ru } = problem;
  const lengthOf = (side: Side, units: readonly number[]): number => (units.length > 0 ? side.prefix[units[units.length - 1]! + 1]! - side.prefix[units[0]!]! : 0);
  const evidence = beads.map((bead): BeadEvidence => {
    const i0 = bead.en[0] ?? 0;
    const i1 = i0 + bead.en.length;
    const j0 = bead.ru[0] ?? 0;
    const j1 = j0 + bead.ru.length;
    let lexical = (bead.en.length > 0 ? en.missed[i1]! - en.missed[i0]! : 0) + (bead.ru.length > 0 ? ru.missed[j1]! - ru.missed[j0]! : 0);
    let lengthDelta = 0;
    const enLength = lengthOf(en, bead.en);
    const ruLength = lengthOf(ru, bead.ru);
    if (bead.en.length > 0 && bead.ru.length > 0) {
      // Index loops, not `for…of`: no iterator per bead while this runs interpreted.
      for (let x = 0; x < bead.en.length; x++) {
        for (let y = 0; y < bead.ru.length; y++) {
          pairGain(problem, bead.en[x]!, bead.ru[y]!);
          lexical -= RESULT[0]!;
        }
      }
      lengthDelta = lengthDeltaOf(model, enLength, ruLength);
    }
    return {
      lengthDelta,
      lexical,
      size: enLength + ruLength / model.ratio,
      neighbourCover: 0,
      joinFit: 0,
      attached: attached.has(bead),
      midSentence: runsOn(en, bead.en) + runsOn(ru, bead.ru),
    };
  });
  // A lone unit beside a two-sided bead: how much of the unit that bead's other side holds, and how
  // much better (in |δ|) the bead's lengths would agree with the unit joined. Both beads get the larger.
  beads.forEach((bead, k) => {
    const side = bead.en.length === 0 ? 'ru' : bead.ru.length === 0 ? 'en' : null;
    if (!side) return;
    for (let d = -1; d <= 1; d += 2) {
      const neighbour = beads[k + d];
      if (!neighbour || neighbour.en.length === 0 || neighbour.ru.length === 0) continue;
      const { covered, total } = coveredWeight(problem, side, bead[side][0]!, neighbour);
      const cover = total > 0 ? covered / total : 0;
      const joined = side === 'en' ? lengthDeltaOf(model, lengthOf(en, neighbour.en) + lengthOf(en, bead.en), lengthOf(ru, neighbour.ru)) : lengthDeltaOf(model, lengthOf(en, neighbour.en), lengthOf(ru, neighbour.ru) + lengthOf(ru, bead.ru));
      const fit = evidence[k + d]!.lengthDelta - joined;
      for (let e = 0; e < 2; e++) {
        const of = evidence[e === 0 ? k : k + d]!;
        of.neighbourCover = Math.max(of.neighbourCover ?? 0, cover);
        of.joinFit = Math.max(of.joinFit ?? 0, fit);
      }
    }
  });
  return evidence;
}

/**
 * A unit left alone (1-0 / 0-1) whose anchors are, for at least this share of their weight, found on
 * the other side of a neighbouring bead and on no unit of its own side there, is that bead's missing
 * part (see `attachCoveredUnits`).
 */
export const ATTACH_COVERED_SHARE = 0.5;

/**
 * … and those anchors weigh at least as much as one lexicon word held by two units a side (the lexicon
 * miss weight scaled by `anchorRarity`): a share of almost nothing is no evidence. One word that
 * recurs through the text (a reporting verb in a news report, in every other sentence) says nothing
 * of which neighbour a unit belongs to; it joined a sentence the translator added to its neighbour.
 */
export const ATTACH_MIN_WEIGHT = DEFAULT_ANCHOR_WEIGHTS.lex!.miss / Math.SQRT2;

/** Of the bead's two ends on one side, how many fall inside a sentence (the unit before runs on into its first, or its last runs on into the next). */
function runsOn(side: Side, units: readonly number[]): number {
  if (units.length === 0 || !side.continues) return 0;
  return (side.continues[units[0]!]! & RUNS_ON ? 1 : 0) + (side.continues[units[units.length - 1]! + 1]! & RUNS_ON ? 1 : 0);
}

/** Some unit of `units` holds anchor `id`. */
function holds(bags: FlatBags, units: readonly number[], id: number): boolean {
  for (const v of units) for (let k = bags.offsets[v]!; k < bags.offsets[v + 1]!; k++) if (bags.ids[k] === id) return true;
  return false;
}

/** Weight of the anchors of unit u of `side` that the bead's other side holds and its own side does not. */
function coveredWeight(problem: Problem, side: 'en' | 'ru', u: number, bead: Bead): { covered: number; total: number } {
  const own = problem[side].bags;
  const otherSide = side === 'en' ? 'ru' : 'en';
  let covered = 0;
  let total = 0;
  for (let k = own.offsets[u]!; k < own.offsets[u + 1]!; k++) {
    const id = own.ids[k]!;
    const weight = problem.miss[id]! * own.counts[k]!;
    total += weight;
    if (holds(problem[otherSide].bags, bead[otherSide], id) && !holds(own, bead[side], id)) covered += weight;
  }
  return { covered, total };
}

/**
 * The dynamic programme weighs a unit's anchors in nats beside the shape priors and the length law,
 * so a short unit with one or two anchors (an added clause, "Moreover, sanctions play a part") stands
 * alone as an omission even when those anchors are exactly what its neighbour bead misses on the other
 * side. A unit that makes up most of what its neighbour misses is that bead's missing part: such a
 * lone unit joins the neighbour that covers more of it, if the larger bead is one of the `shapes`.
 * The joined bead's posterior is the lower of the neighbour's and the chance the lone bead was wrong.
 */
function attachCoveredUnits(problem: Problem, beads: Bead[], shapes: readonly BeadShape[], attached: Set<Bead>): Bead[] {
  const allowed = (en: number, ru: number): boolean => shapes.some((shape) => shape.en === en && shape.ru === ru);
  const out: Bead[] = [];
  for (let k = 0; k < beads.length; k++) {
    const bead = beads[k]!;
    const side = bead.en.length === 1 && bead.ru.length === 0 ? 'en' : bead.ru.length === 1 && bead.en.length === 0 ? 'ru' : null;
    if (!side) {
      out.push(bead);
      continue;
    }
    const u = bead[side][0]!;
    let best: { share: number; before: boolean } | null = null;
    for (const before of [true, false]) {
      const neighbour = before ? out[out.length - 1] : beads[k + 1];
      if (!neighbour || neighbour.en.length === 0 || neighbour.ru.length === 0) continue;
      if (!allowed(neighbour.en.length + (side === 'en' ? 1 : 0), neighbour.ru.length + (side === 'ru' ? 1 : 0))) continue;
      const { covered, total } = coveredWeight(problem, side, u, neighbour);
      const share = total > 0 ? covered / total : 0;
      if (share >= ATTACH_COVERED_SHARE && covered >= ATTACH_MIN_WEIGHT && (!best || share > best.share)) best = { share, before };
    }
    if (!best) {
      out.push(bead);
      continue;
    }
    const neighbour = best.before ? out.pop()! : beads[++k]!;
    const joined: Bead = {
      en: side === 'en' ? (best.before ? [...neighbour.en, u] : [u, ...neighbour.en]) : neighbour.en,
      ru: side === 'ru' ? (best.before ? [...neighbour.ru, u] : [u, ...neighbour.ru]) : neighbour.ru,
      confidence: Math.min(neighbour.confidence, 1 - bead.confidence),
    };
    attached.add(joined);
    out.push(joined);
  }
  return out;
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
    return { beads, model, posteriors: beads.map((b) => b.confidence), evidence: beads.map(() => ({ lengthDelta: 0, lexical: 0, size: 0 })) };
  }
  const weights = model.anchorWeights;
  const kindOf = (key: string): string => key.slice(0, key.indexOf(':'));
  const anchors = extractFlatAnchors(en, ru, options, (key) => weights[kindOf(key)] !== undefined, options.extraAnchors);
  const match = new Float64Array(anchors.keys.length);
  const miss = new Float64Array(anchors.keys.length);
  const rarity = anchorRarity(anchors.en, anchors.ru, anchors.keys.length);
  const scaled = new Set(options.frequencyScaledKinds ?? FREQUENCY_SCALED_KINDS);
  const balance = anchorBalance(anchors.en, anchors.ru, anchors.keys.length, options.anchorImbalance);
  anchors.keys.forEach((key, id) => {
    const kind = kindOf(key);
    const weight = weights[kind]!;
    const factor = scaled.has(kind) ? rarity[id]! : 1;
    match[id] = weight.match * factor;
    miss[id] = weight.miss * factor * balance[id]!;
  });
  const gain = match.map((x, id) => x + 2 * miss[id]!);
  const weighting = { miss, gain };
  const headings = options.headingBarriers ?? true;
  const side = (texts: readonly string[], lang: 'en' | 'ru', bags: FlatBags, flags: readonly boolean[] | undefined): Side => {
    const continues = continuations(texts);
    // The rest of a sentence cut after a comma is no heading, however short and unpunctuated
    // ("address 10.44.0.17, valid for 86400 s"): it stays in one bead with its first half.
    const headingFlags = headings ? texts.map((text, u) => continues[u] !== CONTINUES_CUT && isHeadingLike(text)) : undefined;
    return makeSide(
      texts.length,
      prefixLengths(texts),
      bags,
      weighting,
      flags ? prefixCounts(texts.length, flags) : null,
      headingFlags?.some(Boolean) ? prefixCounts(texts.length, headingFlags) : null,
      continues,
      structureOf(texts, lang),
    );
  };
  const problem: Problem = {
    en: side(en, 'en', anchors.en, options.barriers?.en),
    ru: side(ru, 'ru', anchors.ru, options.barriers?.ru),
    match,
    miss,
    gain,
    shapes,
    barrierCost: options.barrierCost ?? DEFAULT_BARRIER_COST,
    headingCost: options.headingCost ?? DEFAULT_HEADING_COST,
    continuationCost: options.continuationCost ?? DEFAULT_CONTINUATION_COST,
    cutCost: options.cutCost ?? DEFAULT_CUT_COST,
    listCost: options.listCost ?? DEFAULT_LIST_COST,
    scriptCost: options.scriptCost ?? DEFAULT_SCRIPT_COST,
    temperature: options.temperature ?? TEMPERATURE,
  };
  const context: Context = {
    model,
    calibrate: options.calibrate ?? (options.variance === undefined && options.ratio === undefined),
    band: options.band ?? DEFAULT_BAND,
    maxFullCells: options.maxFullCells ?? FULL_DP_CELLS,
  };
  const found = alignProblem(problem, context);
  const attached = new Set<Bead>();
  const beads = options.attachCovered === false ? found : attachCoveredUnits(problem, found, shapes, attached);
  const posteriors = beads.map((bead) => bead.confidence);
  const evidence = beadEvidence(problem, context.model, beads, attached);
  boundaryEvidence(en, ru, { en: problem.en.continues, ru: problem.ru.continues }, beads, evidence);
  calibrateConfidences(beads, evidence);
  for (const bead of beads) {
    if (bead.en.length > 0 && bead.ru.length > 0 && isUntranslated(joinUnits(en, bead.en), joinUnits(ru, bead.ru))) bead.untranslated = true;
  }
  return { beads, model: context.model, posteriors, evidence };
}

/** The texts of `units` joined by spaces (a single unit's text as it is: most beads, no array and no new string). */
const joinUnits = (texts: readonly string[], units: readonly number[]): string => (units.length === 1 ? texts[units[0]!]! : units.map((u) => texts[u]!).join(' '));

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
        ...(clauseBead.untranslated ? { untranslated: true } : {}),
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

