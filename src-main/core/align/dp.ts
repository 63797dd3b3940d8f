/**
 * The dynamic programme inside a band: Viterbi for the best path, forward–backward for each bead's
 * posterior probability (its confidence), with the costs of `problem.ts`. Allocation-free inner loop.
 * Pure TypeScript.
 */
import type { Bead } from '../model';
import type { Band } from './band';
import * as cost from './cost';
import type { CostModel } from './cost';
import * as problems from './problem';
import type { Problem } from './problem';
import * as shape from './shape';

// Imports copied into module constants: the inner loop reads them millions of times, and a module
// loader that compiles imports to property getters (tsx, vitest) would otherwise call a getter each time.
const TABLE_SIZE = cost.TABLE_SIZE;
const TABLE_STEP = cost.TABLE_STEP;
const tableTail = cost.tableTail;
const tailTable = cost.tailTable;
const pairGain = problems.pairGain;
const repeatCorrection = problems.repeatCorrection;
const RESULT = problems.RESULT;
/**
 * `beadCost`'s double-valued arguments and result: slot 0 the cost it found, slot 1 the limit, slot
 * 2 the shape's prior. A double passed to or returned from a call that is not inlined is boxed (see
 * `RESULT` in problem.ts); through a typed array it is not.
 */
const BEAD = new Float64Array(3);
const CONTINUES_CLAUSE = shape.CONTINUES_CLAUSE;
const CONTINUES_CUT = shape.CONTINUES_CUT;

export const range = (from: number, count: number): number[] => Array.from({ length: count }, (_, k) => from + k);

export interface Solution {
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
  if (j < lo || j > search.hi[i]!) {
    pairGain(search.problem, a, b);
    return RESULT[0]!;
  }
  const c = search.rowStart[i]! + j - lo;
  let gain = search.pairs[c]!;
  if (gain !== gain) {
    pairGain(search.problem, a, b);
    search.pairs[c] = gain = RESULT[0]!;
  }
  return gain;
}

/**
 * Cost of a bead's list structure and scripts, and of the headings inside a side of two or more units:
 *  - a heading joined to other units pays `headingCost`, unless the other side holds a unit that ends
 *    with a glued-on heading (the heading's counterpart was glued onto the previous line);
 *  - each list item one side holds and the other does not pays `listCost` when both hold items (a list
 *    item the translator left out is a 1-0, not absorbed by its neighbour), and so does each pair of
 *    items joined on both sides (parallel items are two 1-1 beads, not one 2-2);
 *  - a unit in the other side's script (a line left in English in the Russian) joined with units in
 *    the side's own script pays `scriptCost`.
 */
function structureCost(problem: Problem, enCount: number, ruCount: number, i0: number, i: number, j0: number, j: number, enHeadings: number, ruHeadings: number): number {
  const en = problem.en.structure;
  const ru = problem.ru.structure;
  const enGlued = en && enCount > 0 ? en.glued[i]! - en.glued[i0]! : 0;
  const ruGlued = ru && ruCount > 0 ? ru.glued[j]! - ru.glued[j0]! : 0;
  let cost = problem.headingCost * (Math.max(0, enHeadings - ruGlued) + Math.max(0, ruHeadings - enGlued));
  if (enCount > 0 && ruCount > 0) {
    const enItems = en ? en.items[i]! - en.items[i0]! : 0;
    const ruItems = ru ? ru.items[j]! - ru.items[j0]! : 0;
    if (enItems > 0 && ruItems > 0) cost += problem.listCost * Math.abs(enItems - ruItems);
    if (en && ru && enCount > 1 && ruCount > 1) cost += problem.listCost * Math.min(en.starts[i]! - en.starts[i0 + 1]!, ru.starts[j]! - ru.starts[j0 + 1]!);
  }
  if (en && enCount > 1) {
    const foreign = en.foreign[i]! - en.foreign[i0]!;
    if (foreign > 0 && foreign < enCount) cost += problem.scriptCost * foreign;
  }
  if (ru && ruCount > 1) {
    const foreign = ru.foreign[j]! - ru.foreign[j0]!;
    if (foreign > 0 && foreign < ruCount) cost += problem.scriptCost * foreign;
  }
  return cost;
}

/**
 * Cost of the bead of `enCount` English and `ruCount` Russian units ending at (i, j), in `BEAD[0]`;
 * false when even a lower bound of it (all that can be gained lexically assumed gained) exceeds `limit`.
 */
function beadCost(search: Search, enCount: number, ruCount: number, i: number, j: number): boolean {
  const limit = BEAD[1]!;
  const problem = search.problem;
  const length = search.length;
  const en = problem.en;
  const ru = problem.ru;
  const i0 = i - enCount;
  const j0 = j - ruCount;
  let cost = BEAD[2]!;
  let enHeadings = 0;
  let ruHeadings = 0;
  if (enCount > 1) {
    if (en.barriers) cost += problem.barrierCost * (en.barriers[i]! - en.barriers[i0 + 1]!);
    if (en.headings) enHeadings = en.headings[i]! - en.headings[i0]!;
  }
  if (ruCount > 1) {
    if (ru.barriers) cost += problem.barrierCost * (ru.barriers[j]! - ru.barriers[j0 + 1]!);
    if (ru.headings) ruHeadings = ru.headings[j]! - ru.headings[j0]!;
  }
  if (en.structure || ru.structure) cost += structureCost(problem, enCount, ruCount, i0, i, j0, j, enHeadings, ruHeadings);
  else cost += problem.headingCost * (enHeadings + ruHeadings);
  if (en.continues && ru.continues) {
    // A bead starts a sentence, or a clause on both sides; a sentence cut at a comma stays whole.
    const enFlag = enCount > 0 ? en.continues[i0]! : 0;
    const ruFlag = ruCount > 0 ? ru.continues[j0]! : 0;
    if (enFlag === CONTINUES_CUT) cost += problem.cutCost;
    if (ruFlag === CONTINUES_CUT) cost += problem.cutCost;
    if (enCount > 0 && ruCount > 0 && (enFlag === CONTINUES_CLAUSE) !== (ruFlag === CONTINUES_CLAUSE)) cost += problem.continuationCost;
  }
  const missed = en.missed[i]! - en.missed[i0]! + ru.missed[j]! - ru.missed[j0]!;
  if (enCount === 0 || ruCount === 0) {
    BEAD[0] = cost + missed;
    return true;
  }
  const enBound = en.bound[i]! - en.bound[i0]!;
  const ruBound = ru.bound[j]! - ru.bound[j0]!;
  const bound = enBound < ruBound ? enBound : ruBound;
  // The length term is never negative: without it the cost's lower bound may already exceed the limit.
  if (cost + missed - bound > limit) return false;
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
  if (cost - bound > limit) return false;
  // The sum of the pair gains overstates the bead's gain (see `repeatCorrection`): if even that
  // leaves the cost over the limit, the correction need not be computed.
  let gain = 0;
  for (let a = i0; a < i; a++) for (let b = j0; b < j; b++) gain += cachedPairGain(search, a, b);
  if (gain === 0 || (enCount === 1 && ruCount === 1)) {
    BEAD[0] = cost - gain;
    return true;
  }
  if (cost - gain > limit) return false;
  repeatCorrection(problem, i0, i, j0, j);
  BEAD[0] = cost - gain + RESULT[0]!;
  return true;
}

/** The tables of one search: best costs and back pointers, and for the confidences forward sums and bead costs. */
interface Tables {
  shapeEn: Int32Array;
  shapeRu: Int32Array;
  shapePrior: Float64Array;
  best: Float64Array;
  /** Shape index + 1 of the best bead into each cell (0: none). */
  back: Uint8Array;
  forward: Float64Array | null;
  /** Bead costs by cell and shape, tempered, kept (in single precision) for the backward pass (Infinity: pruned or impossible). */
  costs: Float32Array | null;
}

/** Viterbi path and forward–backward confidences inside a band. */
export function solve(problem: Problem, model: CostModel, band: Band, withConfidence = true): Solution {
  const { en, ru, shapes } = problem;
  const n = en.count;
  const m = ru.count;
  const { lo, hi, rowStart, cells } = band;
  const shapeCount = shapes.length;
  const search: Search = { problem, length: lengthModel(model), lo, hi, rowStart, pairs: new Float64Array(cells).fill(Number.NaN) };
  const tables: Tables = {
    shapeEn: Int32Array.from(shapes, (shape) => shape.en),
    shapeRu: Int32Array.from(shapes, (shape) => shape.ru),
    shapePrior: Float64Array.from(shapes, (shape) => shape.prior),
    best: new Float64Array(cells).fill(Infinity),
    back: new Uint8Array(cells),
    forward: withConfidence ? new Float64Array(cells).fill(-Infinity) : null,
    costs: withConfidence ? new Float32Array(cells * shapeCount) : null,
  };
  forwardPass(search, tables);
  const { shapeEn, shapeRu, back, forward, costs } = tables;
  const cell = (i: number, j: number): number => (j < lo[i]! || j > hi[i]! ? -1 : rowStart[i]! + j - lo[i]!);
  const last = cell(n, m);
  const backward = forward && costs ? backwardPass(search, tables, last) : null;
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
    const posterior = forward && costs && backward ? Math.exp(forward[from]! - costs[c * shapeCount + s]! + backward[c]! - total) : 1;
    beads.push({ en: range(i0, shapeEn[s]!), ru: range(j0, shapeRu[s]!), confidence: clamp01(posterior) });
    i = i0;
    j = j0;
  }
  return { beads: beads.reverse(), touchesEdge };
}

/** Viterbi costs and back pointers, and (with the confidences) forward log-sums and tempered bead costs. */
function forwardPass(search: Search, tables: Tables): void {
  const { problem, lo, hi, rowStart } = search;
  const { shapeEn, shapeRu, shapePrior, best, back, forward, costs } = tables;
  const n = problem.en.count;
  const shapeCount = shapeEn.length;
  const terms = new Float64Array(shapeCount);
  // Posteriors are computed with the costs divided by the temperature (see confidence.ts).
  const tempered = 1 / problem.temperature;
  const margin = PRUNE_MARGIN * problem.temperature;
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
        BEAD[1] = bestCost + margin - before;
        BEAD[2] = shapePrior[s]!;
        if (!beadCost(search, shapeEn[s]!, shapeRu[s]!, i, j)) continue;
        const cost = BEAD[0]!;
        if (cost === Infinity) continue;
        if (costs) costs[c * shapeCount + s] = cost * tempered;
        if (before + cost < bestCost) {
          bestCost = before + cost;
          bestShape = s;
        }
        if (forward) {
          const term = forward[from]! - cost * tempered;
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
}

/**
 * Backward log-sums from the last cell. Edges whose paths carry less than e^-NEGLIGIBLE of the total
 * mass are not followed: the posteriors change by less than that per edge left out (about 1e-8 over
 * a book), and most cells of the band lie on no likely path.
 */
function backwardPass(search: Search, tables: Tables, last: number): Float64Array {
  const { problem, lo, hi, rowStart } = search;
  const { shapeEn, shapeRu } = tables;
  const fwd = tables.forward!;
  const costs = tables.costs!;
  const n = problem.en.count;
  const shapeCount = shapeEn.length;
  const backward = new Float64Array(fwd.length).fill(-Infinity);
  backward[last] = 0;
  const floor = fwd[last]! - NEGLIGIBLE;
  for (let i = n; i >= 0; i--) {
    for (let j = hi[i]!; j >= lo[i]!; j--) {
      const c = rowStart[i]! + j - lo[i]!;
      const here = backward[c]!;
      // No bead ends at the origin (its costs were never written).
      if (here === -Infinity || fwd[c]! + here < floor || c === 0) continue;
      for (let s = 0; s < shapeCount; s++) {
        const cost = costs[c * shapeCount + s]!;
        if (cost === Infinity) continue;
        const pi = i - shapeEn[s]!;
        const from = rowStart[pi]! + j - shapeRu[s]! - lo[pi]!;
        const value = here - cost;
        if (fwd[from]! + value < floor) continue;
        const before = backward[from]!;
        // log(e^before + e^value), inline.
        backward[from] = before === -Infinity ? value : before > value ? before + Math.log1p(Math.exp(value - before)) : value + Math.log1p(Math.exp(before - value));
      }
    }
  }
  return backward;
}

/**
 * In the forward pass a bead whose cost's lower bound puts its path this many nats behind the best
 * one into the same cell is skipped: its share of any posterior is below e^-20.
 */
const PRUNE_MARGIN = 20;

/** Paths below e^-NEGLIGIBLE of the total mass are left out of the backward sums. */
const NEGLIGIBLE = 30;

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}

