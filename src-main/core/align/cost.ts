/**
 * The cost of a bead, in nats (−log of an unnormalised probability): a prior for the bead's shape,
 * a Gale–Church length term and lexical evidence from shared anchors. Pure TypeScript.
 */
import type { AnchorWeight } from './anchors';

export type { AnchorWeight } from './anchors';

/** A bead shape: how many units of each side it takes, and its prior cost relative to 1-1. */
export interface BeadShape {
  en: number;
  ru: number;
  /** −log P(shape) + log P(1-1), in nats; 0 for 1-1. */
  prior: number;
  /** Share of its units' missed anchor weight the bead pays (default 1). */
  missWeight?: number;
}

/**
 * Gale & Church (1993) priors: 1-1 ≈ 0.89, 2-1/1-2 ≈ 0.089, 1-0/0-1 ≈ 0.0099. More shapes (2-2, 1-3,
 * 3-1) are added by listing them here or in the options.
 */
export const CLAUSE_BEAD_SHAPES: readonly BeadShape[] = [
  { en: 1, ru: 1, prior: 0 },
  { en: 1, ru: 2, prior: 3 },
  { en: 2, ru: 1, prior: 3 },
  { en: 1, ru: 0, prior: 4.5 },
  { en: 0, ru: 1, prior: 4.5 },
];

/**
 * The default clause shapes: 2-2, 1-3 and 3-1 as well, and omissions a little more likely than
 * Gale & Church's 1% (1-0/0-1 at 4 nats). Tuned on the evaluation sets (`npm run eval`).
 *
 * A unit left alone pays half its missed anchor weight (`OMISSION_MISS_WEIGHT`): that its numbers,
 * names and terms are found on no other side is what an omission looks like, not evidence against
 * it, while a pair that misses them is a worse translation. At full weight, misses cost the same
 * whichever way a unit is placed, and a line left untranslated went to whichever neighbour shared an
 * anchor by chance (45 such units absorbed on the evaluation sets, 25 at half weight).
 */
export const OMISSION_MISS_WEIGHT = 0.5;

export const ALL_CLAUSE_BEAD_SHAPES: readonly BeadShape[] = [
  { en: 1, ru: 1, prior: 0 },
  { en: 1, ru: 2, prior: 3 },
  { en: 2, ru: 1, prior: 3 },
  { en: 1, ru: 0, prior: 4, missWeight: OMISSION_MISS_WEIGHT },
  { en: 0, ru: 1, prior: 4, missWeight: OMISSION_MISS_WEIGHT },
  { en: 2, ru: 2, prior: 7 },
  { en: 1, ru: 3, prior: 6 },
  { en: 3, ru: 1, prior: 6 },
];

/** Paragraphs are kept whole far more often than sentences: non 1-1 shapes cost more. */
export const PARAGRAPH_BEAD_SHAPES: readonly BeadShape[] = [
  { en: 1, ru: 1, prior: 0 },
  { en: 1, ru: 2, prior: 5 },
  { en: 2, ru: 1, prior: 5 },
  { en: 1, ru: 0, prior: 5 },
  { en: 0, ru: 1, prior: 5 },
];

export const DEFAULT_ANCHOR_WEIGHTS: Readonly<Record<string, AnchorWeight>> = {
  num: { match: 1, miss: 1.5 },
  acr: { match: 1, miss: 1.5 },
  lat: { match: 1, miss: 1 },
  paren: { match: 0.5, miss: 1 },
  kind: { match: 1, miss: 3 },
  lex: { match: 0.6, miss: 0.25 },
  name: { match: 1.5, miss: 0.75 },
  quote: { match: 0.5, miss: 0.5 },
  end: { match: 0.5, miss: 0.5 },
};

/** Weights of a length-only aligner (Gale–Church): no lexical evidence at all. */
export const LENGTH_ONLY_ANCHOR_WEIGHTS: Readonly<Record<string, AnchorWeight>> = {};

export interface CostModel {
  /** Expected Russian length per English character. */
  ratio: number;
  /** Variance of the Russian length per English character (Gale & Church: 6.8). */
  variance: number;
  anchorWeights: Readonly<Record<string, AnchorWeight>>;
  /**
   * Share of beads whose lengths follow a broader law (an omitted or added phrase): the length
   * probability is a mixture, so a large length mismatch costs much less than under the normal tail
   * alone and structure and lexical evidence can outweigh it.
   */
  outlierShare: number;
  /** How many times broader the outliers' law is. */
  outlierScale: number;
}

export const DEFAULT_VARIANCE = 6.8;
export const DEFAULT_OUTLIER_SHARE = 0.02;
export const DEFAULT_OUTLIER_SCALE = 4;

/**
 * log(erfc(x)) for x ≥ 0, stable for large x (Numerical Recipes' erfcc, fractional error < 1.2e-7,
 * kept in log space).
 */
function logErfc(x: number): number {
  const t = 1 / (1 + 0.5 * x);
  const poly =
    -1.26551223 +
    t * (1.00002368 +
    t * (0.37409196 +
    t * (0.09678418 +
    t * (-0.18628806 +
    t * (0.27886807 +
    t * (-1.13520398 +
    t * (1.48851587 +
    t * (-0.82215223 +
    t * 0.17087277))))))));
  return Math.log(t) - x * x + poly;
}

/**
 * Gale–Church length cost: −log P(|δ| ≥ observed) for δ = (ru − c·en) / √(s²·mean), mean being the
 * average of the two lengths measured in English characters; the tail probability is a mixture of the
 * normal one and a broader one (see `CostModel.outlierShare`).
 */
export function lengthCost(enLength: number, ruLength: number, model: CostModel): number {
  const mean = Math.max((enLength + ruLength / model.ratio) / 2, 1);
  const delta = Math.abs(ruLength - model.ratio * enLength) / Math.sqrt(model.variance * mean);
  return tailCost(delta, model.outlierShare, model.outlierScale);
}

export const TABLE_STEP = 1 / 128;
export const TABLE_SIZE = 64 * 128;
const TABLE_END = TABLE_SIZE * TABLE_STEP;

/** The mixture's tail cost −log P(|δ| ≥ delta). */
function tailCost(delta: number, share: number, scale: number): number {
  const normal = Math.log1p(-share) + logErfc(delta / Math.SQRT2);
  const broad = Math.log(share) + logErfc(delta / scale / Math.SQRT2);
  const high = Math.max(normal, broad);
  return -(high + Math.log(Math.exp(normal - high) + Math.exp(broad - high)));
}

const tailTables = new Map<string, Float64Array>();

/**
 * The tail cost over |δ| ∈ [0, 64] in steps of `TABLE_STEP` for one outlier share and scale, filled
 * lazily (NaN: not computed yet; see `tableTail`). It does not depend on the ratio or the variance, so
 * a handful of tables serve every alignment of a process, and a short text computes only the few
 * entries it reaches.
 */
export function tailTable(share: number, scale: number): Float64Array {
  const key = `${share}/${scale}`;
  let table = tailTables.get(key);
  if (!table) {
    table = new Float64Array(TABLE_SIZE + 2).fill(Number.NaN);
    if (tailTables.size > 16) tailTables.clear();
    tailTables.set(key, table);
  }
  return table;
}

/** `tailTable` with every entry computed (about 8,000 tail costs, a millisecond): what the dynamic programme reads. */
export function filledTailTable(share: number, scale: number): Float64Array {
  const table = tailTable(share, scale);
  if (table[TABLE_SIZE + 1] !== table[TABLE_SIZE + 1]) for (let k = 0; k < table.length; k++) tableEntry(table, k, share, scale);
  return table;
}

/** Entry k of a tail table, computed on first use. */
export function tableEntry(table: Float64Array, k: number, share: number, scale: number): number {
  let value = table[k]!;
  if (value !== value) table[k] = value = tailCost(k * TABLE_STEP, share, scale);
  return value;
}

/** The tail cost of `delta` from `table` (linear interpolation, error below 1e-4 nats). */
export function tableTail(table: Float64Array, delta: number, share: number, scale: number): number {
  const x = delta / TABLE_STEP;
  // Past the table the broad law's Gaussian tail dominates: its cost grows as δ² / (2·scale²).
  if (x >= TABLE_SIZE) return tableEntry(table, TABLE_SIZE, share, scale) + (delta * delta - TABLE_END * TABLE_END) / (2 * scale * scale);
  const k = Math.floor(x);
  const f = x - k;
  return tableEntry(table, k, share, scale) * (1 - f) + tableEntry(table, k + 1, share, scale) * f;
}
