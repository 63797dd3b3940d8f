/**
 * The dynamic programme inside a band: Viterbi for the best path, forward–backward for each bead's
 * posterior probability (its confidence), with the costs of `problem.ts`.
 *
 * The passes run in WebAssembly (`assembly/align-dp.ts`), over the problem's typed arrays copied into
 * the kernel's memory: a bead's cost is built from prefix sums of the two sides (lengths, missed
 * anchors, barriers, headings, list items, scripts, cut sentences) and from the 1-1 pair gains the
 * pass stores on each cell it reaches, cheapest part first, each part a lower bound of the whole, so
 * that a bead that cannot come within the margin of the best one into its cell is dropped before its
 * dearer parts are computed. In JavaScript the same row ran interpreted for its first rows in a fresh
 * worker (the app aligns in one), was compiled on another thread, and at times thrown away and
 * compiled again when a finer level met a branch the coarser ones had not; a WebAssembly module is
 * compiled before it runs. The kernel does the same operations in the same order, with the engine's
 * own exponentials and logarithms, so the output is the same bit for bit (`output.test.ts`).
 */
import type { Bead } from '../model';
import { wasm } from '../wasm/generated/align-dp';
import { type KernelExports, KernelPlan } from '../wasm/kernel';
import type { Band } from './band';
import { TABLE_SIZE, TABLE_STEP, filledTailTable } from './cost';
import type { CostModel } from './cost';
import { deferredPending, settleDeferred } from './problem';
import type { Problem, Side } from './problem';
import { BREAKS_CLAUSE, BREAKS_CUT, CONTINUES_CLAUSE, CONTINUES_CUT } from './shape';

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

/** `assembly/align-dp.ts`' exports (byte offsets into `memory`). */
interface DpKernel extends KernelExports {
  begin(header: number): void;
  forwardRows(from: number, to: number): void;
  backwardRows(from: number, to: number, floor: number): void;
}

// The header's slots (`H_*` in assembly/align-dp.ts, in the same order).
const H_LO = 0;
const H_HI = 1;
const H_ROW_START = 2;
const H_SHAPE_EN = 3;
const H_SHAPE_RU = 4;
const H_SHAPE_PRIOR = 5;
const H_SHAPE_MISS = 6;
const H_BEST = 7;
const H_BACK = 8;
const H_FORWARD = 9;
const H_COSTS = 10;
const H_PAIRS = 11;
const H_TERMS = 12;
/** The side arrays, English then Russian for each (`SIDE_ARRAYS`): slots 13–32. */
const H_SIDES = 13;
const H_TABLE = 33;
/** Bags: offsets, ids and counts, English then Russian for each: slots 34–39. */
const H_BAGS = 34;
const H_GAIN = 40;
const H_ROW_COUNTS = 41;
const H_BACKWARD = 42;
const H_PARAMS = 43;
const H_RING_MASK = 44;
const H_RING_WIDTH = 45;
const H_SHAPE_COUNT = 46;
const H_CONFIDENCE = 47;
const H_EXACT = 48;
const H_CONTINUES_CLAUSE = 49;
const H_CONTINUES_CUT = 50;
const H_BREAKS_CUT = 51;
const H_BREAKS_CLAUSE = 52;
const H_TABLE_SIZE = 53;
/** Repeats on the finest level: offsets, ids, counts, width of English repeats2, repeats3, Russian repeats2, repeats3. */
const H_REPEATS = 54;
/** The length of each of the four offsets arrays. */
const H_REPEAT_SPANS = 70;
/** Scratch of 8 i32 for the repeat correction. */
const H_SCRATCH = 74;
const H_COUNT = 75;

// The parameters' slots (`P_*` in assembly/align-dp.ts).
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
const P_TABLE_STEP = 11;
const P_COUNT = 12;

/** A side's arrays in header order (`H_SIDES`): prefix sums, then counts; absent features are zeros. */
type SideArray = 'prefix' | 'missed' | 'bound' | 'barriers' | 'headings' | 'continues' | 'items' | 'starts' | 'glued' | 'foreign';
const SIDE_ARRAYS: readonly SideArray[] = ['prefix', 'missed', 'bound', 'barriers', 'headings', 'continues', 'items', 'starts', 'glued', 'foreign'];

function sideArray(side: Side, name: SideArray): Float64Array | Int32Array | Uint8Array | null {
  switch (name) {
    case 'prefix':
    case 'missed':
    case 'bound':
    case 'barriers':
    case 'headings':
    case 'continues':
      return side[name];
    default:
      return side.structure ? side.structure[name] : null;
  }
}

/** Bytes per element of each side array, when absent (zeros of that size). */
const SIDE_ARRAY_BYTES: Record<SideArray, number> = { prefix: 8, missed: 8, bound: 8, barriers: 4, headings: 4, continues: 1, items: 4, starts: 4, glued: 4, foreign: 4 };

/** The engine's own functions, for the kernel's sums: the same numbers as JavaScript's. */
const imports = { 'align-dp': { exp: Math.exp, log: Math.log, log1p: Math.log1p } };

/** What the trace-back reads: views of the kernel's memory. */
interface Tables {
  shapeEn: Int32Array;
  shapeRu: Int32Array;
  /** Shape index + 1 of the best bead into each cell (0: none). */
  back: Uint8Array;
  /** Forward log-sums by cell (with the confidences). */
  forward: Float64Array | null;
  /** Bead costs by cell and shape, tempered, in single precision (Infinity: pruned or impossible); with the confidences. */
  costs: Float32Array | null;
}

/** Viterbi path and forward–backward confidences inside a band. */
export function solve(problem: Problem, model: CostModel, band: Band, withConfidence = true): Solution {
  const { en, ru, shapes } = problem;
  const n = en.count;
  const m = ru.count;
  const { lo, hi, rowStart, cells } = band;
  const shapeCount = shapes.length;
  let reach = 0;
  for (const shape of shapes) if (shape.en > reach) reach = shape.en;
  let ringMask = 1;
  while (ringMask < reach) ringMask = ringMask * 2 + 1;
  const ringWidth = widestRow(lo, hi, n);
  const ring = (ringMask + 1) * ringWidth;
  const table = filledTailTable(model.outlierShare, model.outlierScale);
  // The work left for the finest level (`settleDeferred` in problem.ts), done before its arrays are copied.
  if (en.exact || ru.exact) settleDeferred();

  const plan = new KernelPlan(wasm, imports);
  const header = plan.reserve(4 * H_COUNT);
  const params = plan.reserve(8 * P_COUNT);
  const slots = new Int32Array(H_COUNT);
  const copies: { at: number; array: Float64Array | Int32Array | Uint8Array }[] = [];
  const place = (slot: number, array: Float64Array | Int32Array | Uint8Array): void => {
    slots[slot] = plan.reserve(array.byteLength);
    copies.push({ at: slots[slot]!, array });
  };
  place(H_LO, lo);
  place(H_HI, hi);
  place(H_ROW_START, rowStart);
  const shapeEn = Int32Array.from(shapes, (shape) => shape.en);
  const shapeRu = Int32Array.from(shapes, (shape) => shape.ru);
  place(H_SHAPE_EN, shapeEn);
  place(H_SHAPE_RU, shapeRu);
  place(H_SHAPE_PRIOR, Float64Array.from(shapes, (shape) => shape.prior));
  // Share of the missed anchor weight each shape pays (`BeadShape.missWeight`).
  place(H_SHAPE_MISS, Float64Array.from(shapes, (shape) => shape.missWeight ?? 1));
  SIDE_ARRAYS.forEach((name, k) => {
    for (const [s, side] of [en, ru].entries()) {
      const array = sideArray(side, name);
      if (array) place(H_SIDES + 2 * k + s, array);
      else slots[H_SIDES + 2 * k + s] = plan.reserve(SIDE_ARRAY_BYTES[name] * (side.count + 1));
    }
  });
  place(H_TABLE, table);
  for (const [s, side] of [en, ru].entries()) {
    place(H_BAGS + s, side.bags.offsets);
    place(H_BAGS + 2 + s, side.bags.ids);
    place(H_BAGS + 4 + s, side.bags.counts);
  }
  place(H_GAIN, problem.gain);
  // The gains of the finest level are corrected for anchors repeated within a run (`repeatCorrection` in the kernel).
  const exact = en.exact && ru.exact;
  if (exact) {
    [en.repeats2, en.repeats3, ru.repeats2, ru.repeats3].forEach((repeats, r) => {
      place(H_REPEATS + 4 * r, repeats.offsets);
      place(H_REPEATS + 4 * r + 1, repeats.ids);
      place(H_REPEATS + 4 * r + 2, repeats.counts);
      slots[H_REPEATS + 4 * r + 3] = repeats.width;
      slots[H_REPEAT_SPANS + r] = repeats.offsets.length;
    });
  }
  slots[H_SCRATCH] = plan.reserve(4 * 8);
  // Per anchor id, its count in the English unit of the current row (zero elsewhere).
  slots[H_ROW_COUNTS] = plan.reserve(4 * problem.gain.length);
  // Best cost into each cell of the last `ringMask + 1` rows (a bead reaches back at most that many):
  // row i's cells from `(i & ringMask) * ringWidth`, column j at `+ j - lo[i]`. The path is traced
  // through `back`, so older rows are not needed. The 1-1 pair gains, by cell, in the same ring.
  slots[H_BEST] = plan.reserve(8 * ring);
  slots[H_PAIRS] = plan.reserve(8 * ring);
  slots[H_TERMS] = plan.reserve(8 * shapeCount);
  slots[H_BACK] = plan.reserve(cells);
  // Only the finest level wants the confidences: the coarser ones keep no sums or bead costs.
  slots[H_FORWARD] = plan.reserve(withConfidence ? 8 * cells : 0);
  slots[H_BACKWARD] = plan.reserve(withConfidence ? 8 * cells : 0);
  slots[H_COSTS] = plan.reserve(withConfidence ? 4 * cells * shapeCount : 0);
  const { kernel, memory: views } = plan.instantiate<DpKernel>();
  const buffer = kernel.memory.buffer;
  for (const { at, array } of copies) new (array.constructor as Float64ArrayConstructor | Int32ArrayConstructor | Uint8ArrayConstructor)(buffer, at, array.length).set(array as never);
  slots[H_PARAMS] = params;
  slots[H_RING_MASK] = ringMask;
  slots[H_RING_WIDTH] = ringWidth;
  slots[H_SHAPE_COUNT] = shapeCount;
  slots[H_CONFIDENCE] = withConfidence ? 1 : 0;
  slots[H_EXACT] = exact ? 1 : 0;
  slots[H_CONTINUES_CLAUSE] = CONTINUES_CLAUSE;
  slots[H_CONTINUES_CUT] = CONTINUES_CUT;
  slots[H_BREAKS_CUT] = BREAKS_CUT;
  slots[H_BREAKS_CLAUSE] = BREAKS_CLAUSE;
  slots[H_TABLE_SIZE] = TABLE_SIZE;
  views.i32(header, H_COUNT).set(slots);
  const numbers = views.f64(params, P_COUNT);
  numbers[P_BARRIER] = problem.barrierCost;
  numbers[P_HEADING] = problem.headingCost;
  numbers[P_LIST] = problem.listCost;
  numbers[P_SCRIPT] = problem.scriptCost;
  numbers[P_CUT] = problem.cutCost;
  numbers[P_CONTINUATION] = problem.continuationCost;
  numbers[P_RATIO] = model.ratio;
  numbers[P_VARIANCE] = model.variance;
  numbers[P_SCALE] = model.outlierScale;
  // Posteriors are computed with the costs divided by the temperature (see confidence.ts).
  numbers[P_TEMPERED] = 1 / problem.temperature;
  // Without the confidences only the best path matters: a bead that cannot beat it is dropped.
  numbers[P_MARGIN] = withConfidence ? PRUNE_MARGIN * problem.temperature : 0;
  numbers[P_TABLE_STEP] = TABLE_STEP;
  const best = views.f64(slots[H_BEST]!, ring).fill(Infinity);
  best[0] = 0;
  const tables: Tables = {
    shapeEn,
    shapeRu,
    back: views.u8(slots[H_BACK]!, cells),
    forward: withConfidence ? views.f64(slots[H_FORWARD]!, cells).fill(-Infinity) : null,
    costs: withConfidence ? views.f32(slots[H_COSTS]!, cells * shapeCount).fill(Infinity) : null,
  };
  if (tables.forward) tables.forward[0] = 0;

  kernel.begin(header);
  forwardPass(kernel, n);
  const last = m < lo[n]! || m > hi[n]! ? -1 : rowStart[n]! + m - lo[n]!;
  let backward: Float64Array | null = null;
  if (tables.forward && last >= 0) {
    backward = views.f64(slots[H_BACKWARD]!, cells).fill(-Infinity);
    backward[last] = 0;
    backwardPass(kernel, n, tables.forward[last]! - NEGLIGIBLE);
  }
  return traceBack(tables, band, n, m, backward, tables.forward && last >= 0 ? tables.forward[last]! : 0);
}

/** The widest row of the band, in cells. */
function widestRow(lo: Int32Array, hi: Int32Array, n: number): number {
  let width = 1;
  for (let i = 0; i <= n; i++) if (hi[i]! - lo[i]! + 1 > width) width = hi[i]! - lo[i]! + 1;
  return width;
}

/**
 * Viterbi costs and back pointers, and (with the confidences) forward log-sums and tempered bead costs.
 *
 * A bead of a English and b Russian units ending at (i, j) costs, in nats: its shape's prior; the
 * anchor weight its units miss, less what each pair of its units shares (the sum of the 1-1 pair
 * gains, corrected last for anchors repeated within a run, see `repeatCorrection` in the kernel); the Gale–Church
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
 *
 * In pieces of `ROWS_A_CALL` rows: the engine compiles a WebAssembly function quickly first and
 * optimised in the background once it is seen to be hot, and uses the optimised code from the next
 * call on (not inside a call already running).
 */
function forwardPass(kernel: DpKernel, n: number): void {
  // Work due later anyway (the finest level's repeats and structure), done early in the coarsest pass.
  const settle = deferredPending() ? Math.min(SETTLE_ROW, n + 1) : 0;
  kernel.forwardRows(0, settle);
  if (settle > 0) settleDeferred();
  for (let i = settle; i <= n; i += ROWS_A_CALL) kernel.forwardRows(i, Math.min(i + ROWS_A_CALL, n + 1));
}

/** Rows of the forward or backward pass a call of the kernel covers. */
const ROWS_A_CALL = 32;

/** The row of a forward pass before which the work left for the finest level is done (see `settleDeferred` in problem.ts). */
const SETTLE_ROW = 16;

/**
 * Backward log-sums from the last cell, `ROWS_A_CALL` rows a call. Edges whose paths carry less than
 * e^-NEGLIGIBLE of the total mass are not followed: the posteriors change by less than that per edge
 * left out (about 1e-8 over a book), and most cells of the band lie on no likely path.
 */
function backwardPass(kernel: DpKernel, n: number, floor: number): void {
  for (let i = n; i >= 0; i -= ROWS_A_CALL) kernel.backwardRows(i, Math.max(i - ROWS_A_CALL + 1, 0), floor);
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

