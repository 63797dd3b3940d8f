/**
 * The dynamic programme inside a band: Viterbi for the best path, forward–backward for each bead's
 * posterior probability (its confidence), with the costs of `problem.ts`. Pure TypeScript.
 *
 * The forward pass is one function whose inner loop reads only typed arrays held in locals: a bead's
 * cost is built from prefix sums of the two sides (lengths, missed anchors, barriers, headings, list
 * items, scripts, cut sentences) and from the 1-1 pair gains the pass stores on each cell it reaches,
 * cheapest part first, each part a lower bound of the whole, so that a bead that cannot come within
 * the margin of the best one into its cell is dropped before its dearer parts are computed. Nothing is
 * allocated per cell.
 */
import type { Bead } from '../model';
import type { Band } from './band';
import * as cost from './cost';
import type { CostModel } from './cost';
import * as problems from './problem';
import type { Problem, RepeatView, Side } from './problem';
import * as shape from './shape';

// Imports copied into module constants: the inner loop reads them millions of times, and a module
// loader that compiles imports to property getters (tsx, vitest) would otherwise call a getter each time.
const TABLE_SIZE = cost.TABLE_SIZE;
const TABLE_STEP = cost.TABLE_STEP;
/** Past the tail table the broad law's Gaussian tail dominates (see `tableTail`). */
const TABLE_END = TABLE_SIZE * TABLE_STEP;
const filledTailTable = cost.filledTailTable;
const repeatCorrection = problems.repeatCorrection;
const settleDeferred = problems.settleDeferred;
const deferredPending = problems.deferredPending;
const RESULT = problems.RESULT;
const CONTINUES_CLAUSE = shape.CONTINUES_CLAUSE;
const CONTINUES_CUT = shape.CONTINUES_CUT;
const BREAKS_CUT = shape.BREAKS_CUT;
const BREAKS_CLAUSE = shape.BREAKS_CLAUSE;

/**
 * from, from + 1, …: a bead's units. Literals for the common sizes, allocated at their length (an array
 * grown by `push` reserves room for 17 elements: a book's beads would hold several megabytes of it).
 */
export const range = (from: number, count: number): number[] => {
  if (count === 1) return [from];
  if (count === 0) return [];
  if (count === 2) return [from, from + 1];
  const out = [from, from + 1, from + 2];
  for (let k = 3; k < count; k++) out.push(from + k);
  return out;
};

export interface Solution {
  beads: Bead[];
  /** The best path runs along the band's edge: a wider band might find a better one. */
  touchesEdge: boolean;
}

/** What one search reads besides the tables: the problem, the band and the length model. */
interface Search {
  problem: Problem;
  model: CostModel;
  lo: Int32Array;
  hi: Int32Array;
  rowStart: Int32Array;
}

/** A side's prefix sums as the forward pass reads them: absent features as zeros. */
interface SideArrays {
  prefix: Float64Array;
  missed: Float64Array;
  bound: Float64Array;
  barriers: Int32Array;
  headings: Int32Array;
  continues: Uint8Array;
  items: Int32Array;
  starts: Int32Array;
  glued: Int32Array;
  foreign: Int32Array;
}

function sideArrays(side: Side): SideArrays {
  const zeros = new Int32Array(side.count + 1);
  const structure = side.structure;
  return {
    prefix: side.prefix,
    missed: side.missed,
    bound: side.bound,
    barriers: side.barriers ?? zeros,
    headings: side.headings ?? zeros,
    continues: side.continues ?? new Uint8Array(side.count + 1),
    items: structure ? structure.items : zeros,
    starts: structure ? structure.starts : zeros,
    glued: structure ? structure.glued : zeros,
    foreign: structure ? structure.foreign : zeros,
  };
}

/** The tables of one search: best costs and back pointers, and for the confidences forward sums and bead costs. */
interface Tables {
  shapeEn: Int32Array;
  shapeRu: Int32Array;
  shapePrior: Float64Array;
  /** Share of the missed anchor weight each shape pays (`BeadShape.missWeight`). */
  shapeMiss: Float64Array;
  /**
   * Best cost into each cell of the last `ringMask + 1` rows (a bead reaches back at most that many):
   * row i's cells from `(i & ringMask) * ringWidth`, column j at `+ j - lo[i]`. The path is traced
   * through `back`, so older rows are not needed.
   */
  best: Float64Array;
  ringMask: number;
  ringWidth: number;
  /** Shape index + 1 of the best bead into each cell (0: none). */
  back: Uint8Array;
  forward: Float64Array | null;
  /** Bead costs by cell and shape, tempered, kept (in single precision) for the backward pass (Infinity: pruned or impossible). */
  costs: Float32Array | null;
  /**
   * Gain of English unit a and Russian unit b on cell (a + 1, b + 1), stored by the forward pass as it
   * reaches the cell; in the same ring of rows as `best`.
   */
  pairs: Float64Array;
  /** Confidences wanted: the forward pass keeps every bead within `PRUNE_MARGIN` of the best (else only those that can beat it). */
  withConfidence: boolean;
}

/** Viterbi path and forward–backward confidences inside a band. */
export function solve(problem: Problem, model: CostModel, band: Band, withConfidence = true): Solution {
  const { en, ru, shapes } = problem;
  const n = en.count;
  const m = ru.count;
  const { lo, hi, rowStart, cells } = band;
  const shapeCount = shapes.length;
  const search: Search = { problem, model, lo, hi, rowStart };
  let reach = 0;
  for (const shape of shapes) if (shape.en > reach) reach = shape.en;
  let ringMask = 1;
  while (ringMask < reach) ringMask = ringMask * 2 + 1;
  const ringWidth = widestRow(lo, hi, n);
  const ring = (ringMask + 1) * ringWidth;
  const tables: Tables = {
    shapeEn: Int32Array.from(shapes, (shape) => shape.en),
    shapeRu: Int32Array.from(shapes, (shape) => shape.ru),
    shapePrior: Float64Array.from(shapes, (shape) => shape.prior),
    shapeMiss: Float64Array.from(shapes, (shape) => shape.missWeight ?? 1),
    best: new Float64Array(ring).fill(Infinity),
    ringMask,
    ringWidth,
    back: new Uint8Array(cells),
    // The forward sums are kept on every level, though only the confidences of the finest need them: a
    // few exponentials per cell cost far less than the engine compiling the forward pass again when it
    // first meets them on the finest level. For the same reason the bead costs are always written, on
    // coarse levels all into one slot.
    forward: new Float64Array(cells).fill(-Infinity),
    costs: new Float32Array(withConfidence ? cells * shapeCount : 1).fill(Infinity),
    withConfidence,
    pairs: new Float64Array(ring),
  };
  forwardPass(search, tables);
  const last = m < lo[n]! || m > hi[n]! ? -1 : rowStart[n]! + m - lo[n]!;
  const backward = withConfidence && tables.forward && tables.costs ? backwardPass(search, tables, last) : null;
  return traceBack(tables, band, n, m, backward, withConfidence && tables.forward ? tables.forward[last]! : 0);
}

/** The widest row of the band, in cells. */
function widestRow(lo: Int32Array, hi: Int32Array, n: number): number {
  let width = 1;
  for (let i = 0; i <= n; i++) if (hi[i]! - lo[i]! + 1 > width) width = hi[i]! - lo[i]! + 1;
  return width;
}

/**
 * The best path from the back pointers, each bead with its posterior (forward · bead · backward over
 * the total). Its own function, as are the band's widest row and the two passes: `solve` itself then
 * holds no loop, runs a few times a level and is never compiled, where with the loops it was
 * compiled twice over (on the stack, then whole), at more CPU than its loops took.
 */
function traceBack(tables: Tables, band: Band, n: number, m: number, backward: Float64Array | null, total: number): Solution {
  const { shapeEn, shapeRu, back, forward, costs } = tables;
  const { lo, hi, rowStart } = band;
  const shapeCount = shapeEn.length;
  const beads: Bead[] = [];
  let touchesEdge = false;
  for (let i = n, j = m; i > 0 || j > 0; ) {
    const c = rowStart[i]! + j - lo[i]!;
    if ((j === lo[i]! && j > 0) || (j === hi[i]! && j < m)) touchesEdge = true;
    const s = back[c]! - 1;
    const i0 = i - shapeEn[s]!;
    const j0 = j - shapeRu[s]!;
    const from = j0 < lo[i0]! || j0 > hi[i0]! ? -1 : rowStart[i0]! + j0 - lo[i0]!;
    const posterior = forward && costs && backward ? Math.exp(forward[from]! - costs[c * shapeCount + s]! + backward[c]! - total) : 1;
    beads.push({ en: range(i0, shapeEn[s]!), ru: range(j0, shapeRu[s]!), confidence: clamp01(posterior) });
    i = i0;
    j = j0;
  }
  return { beads: beads.reverse(), touchesEdge };
}

/**
 * Viterbi costs and back pointers, and (with the confidences) forward log-sums and tempered bead costs.
 *
 * A bead of a English and b Russian units ending at (i, j) costs, in nats: its shape's prior; the
 * anchor weight its units miss, less what each pair of its units shares (the sum of the 1-1 pair
 * gains, corrected last for anchors repeated within a run, see `repeatCorrection`); the Gale–Church
 * length term; and its structure:
 *  - `barrierCost` per barrier unit joined to the unit before it, `headingCost` per heading-like unit
 *    in a side of two or more units (unless the other side holds a unit ending with a glued-on
 *    heading, the heading's counterpart glued onto the previous line);
 *  - `listCost` per list item one side holds and the other does not (when both hold items: a list item
 *    left out is a 1-0, not absorbed by its neighbour) and per pair of items joined on both sides
 *    (parallel items are two 1-1 beads, not one 2-2);
 *  - `scriptCost` per unit in the other side's script joined with units in the side's own;
 *  - `cutCost` per side that starts with the rest of a sentence cut at a comma, `continuationCost`
 *    when one side starts with the next clause of a sentence and the other does not; neither when the
 *    other side breaks after the same comma or semicolon and opens with a capital (`BREAKS_CUT`,
 *    `BREAKS_CLAUSE`: the same break, capitalised differently, as in a preamble).
 */
/** Everything a row of the forward pass reads, gathered once per pass (see `forwardPass`). */
interface Pass {
  /** What `repeatCorrection` reads: one object shape on every level (coarse problems are spread copies). */
  view: RepeatView;
  lo: Int32Array;
  hi: Int32Array;
  rowStart: Int32Array;
  shapeEn: Int32Array;
  shapeRu: Int32Array;
  shapePrior: Float64Array;
  shapeMiss: Float64Array;
  best: Float64Array;
  back: Uint8Array;
  forward: Float64Array | null;
  costs: Float32Array | null;
  pairs: Float64Array;
  ringMask: number;
  ringWidth: number;
  shapeCount: number;
  terms: Float64Array;
  enPrefix: Float64Array;
  ruPrefix: Float64Array;
  enMissed: Float64Array;
  ruMissed: Float64Array;
  enBound: Float64Array;
  ruBound: Float64Array;
  enBarriers: Int32Array;
  ruBarriers: Int32Array;
  enHeadings: Int32Array;
  ruHeadings: Int32Array;
  enContinues: Uint8Array;
  ruContinues: Uint8Array;
  enItems: Int32Array;
  ruItems: Int32Array;
  enStarts: Int32Array;
  ruStarts: Int32Array;
  enGlued: Int32Array;
  ruGlued: Int32Array;
  enForeign: Int32Array;
  ruForeign: Int32Array;
  /**
   * The numbers of the cost model (see `P_*`): in a typed array, not in fields, so that a field first
   * seen holding a small integer (a margin of 0 on coarse levels) and later a fraction does not give
   * the object a new shape and send the compiled row back to the interpreter.
   */
  params: Float64Array;
  table: Float64Array;
  enOffsets: Int32Array;
  ruOffsets: Int32Array;
  enIds: Int32Array;
  ruIds: Int32Array;
  enCounts: Int32Array;
  ruCounts: Int32Array;
  gainOf: Float64Array;
  /** Per anchor id, its count in the English unit of the current row (zero elsewhere). */
  rowCounts: Int32Array;
  costMask: number;
}

const P_BARRIER = 0;
const P_HEADING = 1;
const P_LIST = 2;
const P_SCRIPT = 3;
const P_CUT = 4;
const P_CONTINUATION = 5;
const P_RATIO = 6;
const P_VARIANCE = 7;
const P_SCALE = 8;
const P_TEMPERED = 9;
const P_MARGIN = 10;
const P_COUNT = 11;

function forwardPass(search: Search, tables: Tables): void {
  const { problem, lo, hi, rowStart } = search;
  const { shapeEn, shapeRu, shapePrior, shapeMiss, best, back, forward, costs, pairs, ringMask, ringWidth } = tables;
  const n = problem.en.count;
  const shapeCount = shapeEn.length;
  const terms = new Float64Array(shapeCount);
  const en = sideArrays(problem.en);
  const ru = sideArrays(problem.ru);
  const enPrefix = en.prefix;
  const ruPrefix = ru.prefix;
  const enMissed = en.missed;
  const ruMissed = ru.missed;
  const enBound = en.bound;
  const ruBound = ru.bound;
  const enBarriers = en.barriers;
  const ruBarriers = ru.barriers;
  const enHeadings = en.headings;
  const ruHeadings = ru.headings;
  const enContinues = en.continues;
  const ruContinues = ru.continues;
  const enItems = en.items;
  const ruItems = ru.items;
  const enStarts = en.starts;
  const ruStarts = ru.starts;
  const enGlued = en.glued;
  const ruGlued = ru.glued;
  const enForeign = en.foreign;
  const ruForeign = ru.foreign;
  const { barrierCost, headingCost, listCost, scriptCost, cutCost, continuationCost } = problem;
  const model = search.model;
  const ratio = model.ratio;
  const variance = model.variance;
  const share = model.outlierShare;
  const scale = model.outlierScale;
  const table = filledTailTable(share, scale);
  const enBags = problem.en.bags;
  const ruBags = problem.ru.bags;
  const enOffsets = enBags.offsets;
  const ruOffsets = ruBags.offsets;
  const enIds = enBags.ids;
  const ruIds = ruBags.ids;
  const enCounts = enBags.counts;
  const ruCounts = ruBags.counts;
  const gainOf = problem.gain;
  // Posteriors are computed with the costs divided by the temperature (see confidence.ts).
  const tempered = 1 / problem.temperature;
  // Without the confidences only the best path matters: a bead that cannot beat it is dropped.
  const margin = tables.withConfidence ? PRUNE_MARGIN * problem.temperature : 0;
  /** Bead costs go to their own slot with the confidences, else all to slot 0. */
  const costMask = tables.withConfidence ? -1 : 0;
  const params = new Float64Array(P_COUNT);
  params[P_BARRIER] = barrierCost;
  params[P_HEADING] = headingCost;
  params[P_LIST] = listCost;
  params[P_SCRIPT] = scriptCost;
  params[P_CUT] = cutCost;
  params[P_CONTINUATION] = continuationCost;
  params[P_RATIO] = ratio;
  params[P_VARIANCE] = variance;
  params[P_SCALE] = scale;
  params[P_TEMPERED] = tempered;
  params[P_MARGIN] = margin;
  const view: RepeatView = { en: problem.en, ru: problem.ru, gain: problem.gain };
  const rowCounts = new Int32Array(gainOf.length);
  // The pass is built twice. The engine holds the fields of the first object built from a literal
  // constant, and code compiled against them is thrown away when a second one is built: the next
  // level's pass made the row's first optimised code worthless (compiled three times, not twice).
  // Built twice here, the fields are variable before the row is first compiled.
  const makePass = (): Pass => ({
    view,
    lo,
    hi,
    rowStart,
    shapeEn,
    shapeRu,
    shapePrior,
    shapeMiss,
    best,
    back,
    forward,
    costs,
    pairs,
    ringMask,
    ringWidth,
    shapeCount,
    terms,
    enPrefix,
    ruPrefix,
    enMissed,
    ruMissed,
    enBound,
    ruBound,
    enBarriers,
    ruBarriers,
    enHeadings,
    ruHeadings,
    enContinues,
    ruContinues,
    enItems,
    ruItems,
    enStarts,
    ruStarts,
    enGlued,
    ruGlued,
    enForeign,
    ruForeign,
    params,
    table,
    enOffsets,
    ruOffsets,
    enIds,
    ruIds,
    enCounts,
    ruCounts,
    gainOf,
    rowCounts,
    costMask,
  });
  makePass();
  const pass = makePass();
  best[0] = 0;
  if (forward) forward[0] = 0;
  // The work left for the finest level (`settleDeferred` in problem.ts), done before its first row at the latest.
  if (problem.en.exact || problem.ru.exact) settleDeferred();
  // One call per row: a small function the engine optimises after a few rows, where one loop over the
  // whole band would run unoptimised (every double boxed) until replaced on the stack.
  for (let i = 0; i <= n; i++) {
    // In a fresh process the row is marked for optimisation within its first rows on the coarsest
    // level, and compiled on another thread: work that is due later anyway is done meanwhile.
    if (i === SETTLE_ROW && deferredPending()) settleDeferred();
    forwardRow(pass, i);
  }
}

/** The row of a forward pass before which the work left for the finest level is done (see `settleDeferred` in problem.ts). */
const SETTLE_ROW = 16;

/** Row i of the forward pass. */
function forwardRow(pass: Pass, i: number): void {
  const {
    view,
    lo,
    hi,
    rowStart,
    shapeEn,
    shapeRu,
    shapePrior,
    shapeMiss,
    best,
    back,
    forward,
    costs,
    pairs,
    ringMask,
    ringWidth,
    shapeCount,
    terms,
    enPrefix,
    ruPrefix,
    enMissed,
    ruMissed,
    enBound,
    ruBound,
    enBarriers,
    ruBarriers,
    enHeadings,
    ruHeadings,
    enContinues,
    ruContinues,
    enItems,
    ruItems,
    enStarts,
    ruStarts,
    enGlued,
    ruGlued,
    enForeign,
    ruForeign,
    params,
    table,
    enOffsets,
    ruOffsets,
    enIds,
    ruIds,
    enCounts,
    ruCounts,
    gainOf,
    rowCounts,
    costMask,
  } = pass;
  const barrierCost = params[P_BARRIER]!;
  const headingCost = params[P_HEADING]!;
  const listCost = params[P_LIST]!;
  const scriptCost = params[P_SCRIPT]!;
  const cutCost = params[P_CUT]!;
  const continuationCost = params[P_CONTINUATION]!;
  const ratio = params[P_RATIO]!;
  const variance = params[P_VARIANCE]!;
  const scale = params[P_SCALE]!;
  const tempered = params[P_TEMPERED]!;
  const margin = params[P_MARGIN]!;
  const loI = lo[i]!;
  const hiI = hi[i]!;
  const base = rowStart[i]! - loI;
  const ringBase = (i & ringMask) * ringWidth - loI;
  // English unit i − 1's anchor counts spread by id, so that each cell's 1-1 gain reads them directly.
  const xStart = i > 0 ? enOffsets[i - 1]! : 0;
  const xEnd = i > 0 ? enOffsets[i]! : 0;
  for (let x = xStart; x < xEnd; x++) rowCounts[enIds[x]!] = enCounts[x]!;
  for (let j = loI; j <= hiI; j++) {
    if (i === 0 && j === 0) continue;
    const c = base + j;
    if (i > 0 && j > 0) {
      // The 1-1 gain of English unit i − 1 and Russian unit j − 1, kept on the cell: the shared ids in
      // ascending order (as a merge of the two sorted runs adds them, so the sum is the same number).
      const yEnd = ruOffsets[j]!;
      let gain = 0;
      for (let y = ruOffsets[j - 1]!; y < yEnd; y++) {
        const q = ruIds[y]!;
        const ca = rowCounts[q]!;
        const cb = ruCounts[y]!;
        gain += ca === 0 ? 0 : (ca < cb ? ca : cb) * gainOf[q]!;
      }
      pairs[ringBase + j] = gain;
    }
    let bestCost = Infinity;
    let bestShape = -1;
    let termCount = 0;
    let maxTerm = -Infinity;
    for (let s = 0; s < shapeCount; s++) {
      const a = shapeEn[s]!;
      const b = shapeRu[s]!;
      const i0 = i - a;
      const j0 = j - b;
      if (i0 < 0 || j0 < 0) continue;
      const loP = lo[i0]!;
      if (j0 < loP || j0 > hi[i0]!) continue;
      const from = rowStart[i0]! + j0 - loP;
      const before = best[(i0 & ringMask) * ringWidth + j0 - loP]!;
      if (before === Infinity) continue;
      // Beads far worse than the best so far change neither the path nor any posterior visibly.
      const limit = bestCost + margin - before;
      let cost = shapePrior[s]! + shapeMiss[s]! * (enMissed[i]! - enMissed[i0]! + ruMissed[j]! - ruMissed[j0]!);
      let gain = 0;
      if (a > 0 && b > 0) {
        const enMost = enBound[i]! - enBound[i0]!;
        const ruMost = ruBound[j]! - ruBound[j0]!;
        if (cost - (enMost < ruMost ? enMost : ruMost) > limit) continue;
        // Σ of the 1-1 pair gains: pair (u, v) sits on cell (u + 1, v + 1), already passed.
        for (let r = i0 + 1; r <= i; r++) {
          const loR = lo[r]!;
          const hiR = hi[r]!;
          const baseR = (r & ringMask) * ringWidth - loR;
          for (let col = j0 + 1; col <= j; col++) {
            if (col >= loR && col <= hiR) gain += pairs[baseR + col]!;
            else gain += pairGainOf(enOffsets, enIds, enCounts, ruOffsets, ruIds, ruCounts, gainOf, r - 1, col - 1);
          }
        }
        cost -= gain;
        if (cost > limit) continue;
        // Gale–Church length term through the tabulated tail.
        const enLength = enPrefix[i]! - enPrefix[i0]!;
        const ruLength = ruPrefix[j]! - ruPrefix[j0]!;
        const mean = Math.max((enLength + ruLength / ratio) / 2, 1);
        const delta = Math.abs(ruLength - ratio * enLength) / Math.sqrt(variance * mean);
        const t = delta / TABLE_STEP;
        const k = Math.floor(t);
        if (k < TABLE_SIZE) {
          const f = t - k;
          cost += table[k]! * (1 - f) + table[k + 1]! * f;
        } else cost += table[TABLE_SIZE]! + (delta * delta - TABLE_END * TABLE_END) / (2 * scale * scale);
        if (cost > limit) continue;
      } else if (cost > limit) continue;
      // Structure, computed without branches where it can be (adding 0 changes nothing): code the engine
      // optimised on the coarse levels, where most of these are 0, then meets no operation it has not seen.
      const enFlag = a > 0 ? enContinues[i0]! : 0;
      const ruFlag = b > 0 ? ruContinues[j0]! : 0;
      const enHeads = a > 1 ? enHeadings[i]! - enHeadings[i0]! : 0;
      const ruHeads = b > 1 ? ruHeadings[j]! - ruHeadings[j0]! : 0;
      const enGlue = a > 0 ? enGlued[i]! - enGlued[i0]! : 0;
      const ruGlue = b > 0 ? ruGlued[j]! - ruGlued[j0]! : 0;
      // Units after a side's first (0 for a side of one unit or none; the index stays inside the arrays).
      const enAfter = a > 0 ? i0 + 1 : i0;
      const ruAfter = b > 0 ? j0 + 1 : j0;
      const enJoined = enBarriers[i]! - enBarriers[enAfter]!;
      const ruJoined = ruBarriers[j]! - ruBarriers[ruAfter]!;
      const enForeignUnits = a > 1 ? enForeign[i]! - enForeign[i0]! : 0;
      const ruForeignUnits = b > 1 ? ruForeign[j]! - ruForeign[j0]! : 0;
      // Every comparison evaluated, as products: on coarse levels the flags are all 0, and a short-circuit
      // left the second comparison of each pair without type feedback there, so the compiled row was
      // thrown away on the finest level and ran interpreted until compiled again (the finest level's
      // forward pass 170 → 350–540 ms in a fresh worker).
      cost += cutCost * ((enFlag === CONTINUES_CUT ? 1 : 0) * (ruFlag !== BREAKS_CUT ? 1 : 0) + (ruFlag === CONTINUES_CUT ? 1 : 0) * (enFlag !== BREAKS_CUT ? 1 : 0));
      cost += barrierCost * (enJoined + ruJoined);
      cost += scriptCost * ((enForeignUnits < a ? enForeignUnits : 0) + (ruForeignUnits < b ? ruForeignUnits : 0));
      cost += headingCost * (Math.max(0, enHeads - ruGlue) + Math.max(0, ruHeads - enGlue));
      if (a > 0 && b > 0) {
        cost += continuationCost * (((enFlag === CONTINUES_CLAUSE) !== (ruFlag === CONTINUES_CLAUSE) ? 1 : 0) * (enFlag + ruFlag !== CONTINUES_CLAUSE + BREAKS_CLAUSE ? 1 : 0));
        const enList = enItems[i]! - enItems[i0]!;
        const ruList = ruItems[j]! - ruItems[j0]!;
        // Both comparisons always evaluated: on coarse levels (no items) a short-circuit would leave the
        // second without type feedback, and the compiled row would be thrown away on the finest.
        cost += listCost * ((enList > 0 ? 1 : 0) * (ruList > 0 ? 1 : 0)) * Math.abs(enList - ruList);
        // List items joined on both sides (0 unless both hold two units or more).
        const enInner = enStarts[i]! - enStarts[enAfter]!;
        const ruInner = ruStarts[j]! - ruStarts[ruAfter]!;
        cost += listCost * (enInner < ruInner ? enInner : ruInner);
        if (cost > limit) continue;
        // On coarse levels (not `exact`) the correction is 0, but the call is made all the same (see above).
        if (gain !== 0 && (a > 1 || b > 1)) {
          repeatCorrection(view, i0, i, j0, j);
          cost += RESULT[0]!;
        }
      } else if (cost > limit) continue;
      if (costs) costs[costMask & (c * shapeCount + s)] = cost * tempered;
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
    best[ringBase + j] = bestCost;
    back[c] = bestShape + 1;
    if (forward && termCount > 0) {
      let sum = 0;
      for (let k = 0; k < termCount; k++) sum += Math.exp(terms[k]! - maxTerm);
      forward[c] = maxTerm + Math.log(sum);
    }
  }
  for (let x = xStart; x < xEnd; x++) rowCounts[enIds[x]!] = 0;
}

/**
 * The 1-1 gain of English unit a and Russian unit b (as `pairGain` in problem.ts), for a pair outside
 * the band (rare: the cells of a bead's rectangle off the band).
 */
function pairGainOf(enOffsets: Int32Array, enIds: Int32Array, enCounts: Int32Array, ruOffsets: Int32Array, ruIds: Int32Array, ruCounts: Int32Array, gainOf: Float64Array, a: number, b: number): number {
  let x = enOffsets[a]!;
  let y = ruOffsets[b]!;
  const xEnd = enOffsets[a + 1]!;
  const yEnd = ruOffsets[b + 1]!;
  let gain = 0;
  while (x < xEnd && y < yEnd) {
    const p = enIds[x]!;
    const q = ruIds[y]!;
    if (p === q) {
      const ca = enCounts[x++]!;
      const cb = ruCounts[y++]!;
      gain += (ca < cb ? ca : cb) * gainOf[p]!;
    } else if (p < q) x++;
    else y++;
  }
  return gain;
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
 * one into the same cell is skipped: its share of any posterior is below e^-12 (6·10^-6), far below
 * what moves a confidence across the flagging threshold.
 */
const PRUNE_MARGIN = 12;

/** Paths below e^-NEGLIGIBLE of the total mass are left out of the backward sums. */
const NEGLIGIBLE = 30;

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}

