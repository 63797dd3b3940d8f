// The aligner's dynamic programme inside a band (`src-main/core/align/dp.ts` lays out the memory,
// writes the addresses into a header and calls `begin`, then `forwardRows` and `backwardRows` over
// the rows a piece at a time): Viterbi costs and back pointers, and with the confidences forward and backward
// log-sums and the tempered bead costs. The same operations in the same order as the JavaScript
// this replaced, so that every cost, back pointer and sum is the same number; the exponentials and
// logarithms are the engine's own (`Math.exp`, `Math.log`, `Math.log1p` imported), so the
// confidences are too. Compiled by `npm run build:wasm` (scripts/build-wasm.ts). No allocator:
// nothing here allocates.

// Imported from the module named after this file ("align-dp"): the engine's own functions.
declare function exp(x: f64): f64;
declare function log(x: f64): f64;
declare function log1p(x: f64): f64;

// Header slots (i32 byte offsets or values), in the order dp.ts writes them (`H_*` there).
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
const H_EN_PREFIX = 13;
const H_RU_PREFIX = 14;
const H_EN_MISSED = 15;
const H_RU_MISSED = 16;
const H_EN_BOUND = 17;
const H_RU_BOUND = 18;
const H_EN_BARRIERS = 19;
const H_RU_BARRIERS = 20;
const H_EN_HEADINGS = 21;
const H_RU_HEADINGS = 22;
const H_EN_CONTINUES = 23;
const H_RU_CONTINUES = 24;
const H_EN_ITEMS = 25;
const H_RU_ITEMS = 26;
const H_EN_STARTS = 27;
const H_RU_STARTS = 28;
const H_EN_GLUED = 29;
const H_RU_GLUED = 30;
const H_EN_FOREIGN = 31;
const H_RU_FOREIGN = 32;
const H_TABLE = 33;
const H_EN_OFFSETS = 34;
const H_RU_OFFSETS = 35;
const H_EN_IDS = 36;
const H_RU_IDS = 37;
const H_EN_COUNTS = 38;
const H_RU_COUNTS = 39;
const H_GAIN = 40;
const H_ROW_COUNTS = 41;
const H_BACKWARD = 42;
const H_PARAMS = 43;
const H_RING_MASK = 44;
const H_RING_WIDTH = 45;
const H_SHAPE_COUNT = 46;
/** 1: confidences wanted (forward sums and bead costs kept, the margin applied). */
const H_CONFIDENCE = 47;
/** 1: both sides exact (the repeat correction applies). */
const H_EXACT = 48;
// The continuation flags of shape.ts, as it defines them.
const H_CONTINUES_CLAUSE = 49;
const H_CONTINUES_CUT = 50;
const H_BREAKS_CUT = 51;
const H_BREAKS_CLAUSE = 52;
/** The tail table's entries less one (`TABLE_SIZE` in cost.ts). */
const H_TABLE_SIZE = 53;
// The repeats of runs of two and three units (`Repeats` in problem.ts), on the finest level:
// offsets, ids, counts and width of English repeats2, English repeats3, Russian repeats2, Russian
// repeats3 (4 slots each, from `H_REPEATS`), and each offsets array's length (from `H_REPEAT_SPANS`).
const H_REPEATS = 54;
const H_REPEAT_SPANS = 70;
/** Scratch of 8 i32: one id's counts in each unit of an English run (4), then of a Russian one (4). */
const H_SCRATCH = 74;

// Parameter slots (f64), as `P_*` in dp.ts.
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
/** The tail table's step (`TABLE_STEP` in cost.ts). */
const P_TABLE_STEP = 11;



let lo: usize = 0;
let hi: usize = 0;
let rowStart: usize = 0;
let shapeEn: usize = 0;
let shapeRu: usize = 0;
let shapePrior: usize = 0;
let shapeMiss: usize = 0;
let best: usize = 0;
let back: usize = 0;
let fwd: usize = 0;
let costs: usize = 0;
let pairs: usize = 0;
let terms: usize = 0;
let enPrefix: usize = 0;
let ruPrefix: usize = 0;
let enMissed: usize = 0;
let ruMissed: usize = 0;
let enBound: usize = 0;
let ruBound: usize = 0;
let enBarriers: usize = 0;
let ruBarriers: usize = 0;
let enHeadings: usize = 0;
let ruHeadings: usize = 0;
let enContinues: usize = 0;
let ruContinues: usize = 0;
let enItems: usize = 0;
let ruItems: usize = 0;
let enStarts: usize = 0;
let ruStarts: usize = 0;
let enGlued: usize = 0;
let ruGlued: usize = 0;
let enForeign: usize = 0;
let ruForeign: usize = 0;
let table: usize = 0;
let enOffsets: usize = 0;
let ruOffsets: usize = 0;
let enIds: usize = 0;
let ruIds: usize = 0;
let enCounts: usize = 0;
let ruCounts: usize = 0;
let gainOf: usize = 0;
let rowCounts: usize = 0;
let backward: usize = 0;
let ringMask: i32 = 0;
let ringWidth: i32 = 0;
let shapeCount: i32 = 0;
let confidence: bool = false;
let exact: bool = false;
let CONTINUES_CLAUSE: i32 = 0;
let CONTINUES_CUT: i32 = 0;
let BREAKS_CUT: i32 = 0;
let BREAKS_CLAUSE: i32 = 0;
/** The header, for the repeats' slots (read where they are used). */
let headerAt: usize = 0;
let enScratch: usize = 0;
let ruScratch: usize = 0;
let TABLE_SIZE: i32 = 0;
let TABLE_STEP: f64 = 0;
let TABLE_END: f64 = 0;
let barrierCost: f64 = 0;
let headingCost: f64 = 0;
let listCost: f64 = 0;
let scriptCost: f64 = 0;
let cutCost: f64 = 0;
let continuationCost: f64 = 0;
let ratio: f64 = 0;
let variance: f64 = 0;
let scale: f64 = 0;
let tempered: f64 = 0;
let margin: f64 = 0;

function i32At(base: usize, k: i32): i32 {
  return load<i32>(base + (<usize>k << 2));
}

function u8At(base: usize, k: i32): i32 {
  return <i32>load<u8>(base + <usize>k);
}

function f64At(base: usize, k: i32): f64 {
  return load<f64>(base + (<usize>k << 3));
}

function setF64(base: usize, k: i32, value: f64): void {
  store<f64>(base + (<usize>k << 3), value);
}

function slot(header: usize, k: i32): usize {
  return <usize>load<i32>(header + (<usize>k << 2));
}

function bit(condition: bool): i32 {
  return condition ? 1 : 0;
}

function min32(a: i32, b: i32): i32 {
  return a < b ? a : b;
}

function max0(a: i32): i32 {
  return a > 0 ? a : 0;
}

function abs32(a: i32): i32 {
  return a < 0 ? -a : a;
}

/** Reads the header at `header`: the addresses of every array of one search and its numbers. */
export function begin(header: usize): void {
  lo = slot(header, H_LO);
  hi = slot(header, H_HI);
  rowStart = slot(header, H_ROW_START);
  shapeEn = slot(header, H_SHAPE_EN);
  shapeRu = slot(header, H_SHAPE_RU);
  shapePrior = slot(header, H_SHAPE_PRIOR);
  shapeMiss = slot(header, H_SHAPE_MISS);
  best = slot(header, H_BEST);
  back = slot(header, H_BACK);
  fwd = slot(header, H_FORWARD);
  costs = slot(header, H_COSTS);
  pairs = slot(header, H_PAIRS);
  terms = slot(header, H_TERMS);
  enPrefix = slot(header, H_EN_PREFIX);
  ruPrefix = slot(header, H_RU_PREFIX);
  enMissed = slot(header, H_EN_MISSED);
  ruMissed = slot(header, H_RU_MISSED);
  enBound = slot(header, H_EN_BOUND);
  ruBound = slot(header, H_RU_BOUND);
  enBarriers = slot(header, H_EN_BARRIERS);
  ruBarriers = slot(header, H_RU_BARRIERS);
  enHeadings = slot(header, H_EN_HEADINGS);
  ruHeadings = slot(header, H_RU_HEADINGS);
  enContinues = slot(header, H_EN_CONTINUES);
  ruContinues = slot(header, H_RU_CONTINUES);
  enItems = slot(header, H_EN_ITEMS);
  ruItems = slot(header, H_RU_ITEMS);
  enStarts = slot(header, H_EN_STARTS);
  ruStarts = slot(header, H_RU_STARTS);
  enGlued = slot(header, H_EN_GLUED);
  ruGlued = slot(header, H_RU_GLUED);
  enForeign = slot(header, H_EN_FOREIGN);
  ruForeign = slot(header, H_RU_FOREIGN);
  table = slot(header, H_TABLE);
  enOffsets = slot(header, H_EN_OFFSETS);
  ruOffsets = slot(header, H_RU_OFFSETS);
  enIds = slot(header, H_EN_IDS);
  ruIds = slot(header, H_RU_IDS);
  enCounts = slot(header, H_EN_COUNTS);
  ruCounts = slot(header, H_RU_COUNTS);
  gainOf = slot(header, H_GAIN);
  rowCounts = slot(header, H_ROW_COUNTS);
  backward = slot(header, H_BACKWARD);
  ringMask = <i32>slot(header, H_RING_MASK);
  ringWidth = <i32>slot(header, H_RING_WIDTH);
  shapeCount = <i32>slot(header, H_SHAPE_COUNT);
  confidence = slot(header, H_CONFIDENCE) != 0;
  exact = slot(header, H_EXACT) != 0;
  CONTINUES_CLAUSE = <i32>slot(header, H_CONTINUES_CLAUSE);
  CONTINUES_CUT = <i32>slot(header, H_CONTINUES_CUT);
  BREAKS_CUT = <i32>slot(header, H_BREAKS_CUT);
  BREAKS_CLAUSE = <i32>slot(header, H_BREAKS_CLAUSE);
  const params = slot(header, H_PARAMS);
  barrierCost = f64At(params, P_BARRIER);
  headingCost = f64At(params, P_HEADING);
  listCost = f64At(params, P_LIST);
  scriptCost = f64At(params, P_SCRIPT);
  cutCost = f64At(params, P_CUT);
  continuationCost = f64At(params, P_CONTINUATION);
  ratio = f64At(params, P_RATIO);
  variance = f64At(params, P_VARIANCE);
  scale = f64At(params, P_SCALE);
  tempered = f64At(params, P_TEMPERED);
  margin = f64At(params, P_MARGIN);
  TABLE_SIZE = <i32>slot(header, H_TABLE_SIZE);
  TABLE_STEP = f64At(params, P_TABLE_STEP);
  TABLE_END = <f64>TABLE_SIZE * TABLE_STEP;
  headerAt = header;
  enScratch = slot(header, H_SCRATCH);
  ruScratch = enScratch + 16;
}

/**
 * The 1-1 gain of English unit a and Russian unit b, for a pair outside the band (as `pairGain` in
 * problem.ts: the shared ids in ascending order).
 */
function pairGainOf(a: i32, b: i32): f64 {
  let x = i32At(enOffsets, a);
  let y = i32At(ruOffsets, b);
  const xEnd = i32At(enOffsets, a + 1);
  const yEnd = i32At(ruOffsets, b + 1);
  let gain: f64 = 0;
  while (x < xEnd && y < yEnd) {
    const p = i32At(enIds, x);
    const q = i32At(ruIds, y);
    if (p == q) {
      const ca = i32At(enCounts, x++);
      const cb = i32At(ruCounts, y++);
      gain += <f64>min32(ca, cb) * f64At(gainOf, p);
    } else if (p < q) x++;
    else y++;
  }
  return gain;
}

/** Rows `from` to `to` − 1 of the forward pass (see `forwardPass` in dp.ts for the costs). */
export function forwardRows(from: i32, to: i32): void {
  for (let i = from; i < to; i++) forwardRow(i);
}

/** Offset k of repeats r, 0 past its end (the repeats of a side shorter than the run are empty). */
function repeatOffset(r: i32, k: i32): i32 {
  return k < <i32>slot(headerAt, H_REPEAT_SPANS + r) ? i32At(slot(headerAt, H_REPEATS + 4 * r), k) : 0;
}

/** The count of anchor `id` in unit u of a side's bags (a binary search of its sorted ids). */
function countIn(offsets: usize, ids: usize, counts: usize, u: i32, id: i32): i32 {
  let lo = i32At(offsets, u);
  let hi = i32At(offsets, u + 1) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = i32At(ids, mid);
    if (at == id) return i32At(counts, mid);
    if (at < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

/** Σ over the pairs of min(count in English unit, count in Russian unit), from the scratch. */
function pairMinima(a: i32, b: i32): i32 {
  let pairs = 0;
  for (let x = 0; x < a; x++) {
    const ca = i32At(enScratch, x);
    if (ca == 0) continue;
    for (let y = 0; y < b; y++) {
      const cb = i32At(ruScratch, y);
      pairs += min32(ca, cb);
    }
  }
  return pairs;
}

/**
 * How much the sum of the 1-1 pair gains of English units [i0, i1) and Russian units [j0, j1)
 * overstates their joint gain (the same sums in the same order as the JavaScript this replaced):
 * for an anchor held by several units of a side, Σ min(a, b) over the pairs exceeds min(Σ a, Σ b).
 * Only the ids repeated within a run are looked at: the English run's, then those of the Russian run
 * the English run does not repeat.
 */
function repeatCorrection(i0: i32, i1: i32, j0: i32, j1: i32): f64 {
  const a = i1 - i0;
  const b = j1 - j0;
  const en = a == 2 ? 0 : 1;
  const ru = b == 2 ? 2 : 3;
  let enFrom = 0;
  let enTo = 0;
  let ruFrom = 0;
  let ruTo = 0;
  if (a == 2 || a == 3) {
    enFrom = repeatOffset(en, i0);
    enTo = repeatOffset(en, i0 + 1);
  }
  if (b == 2 || b == 3) {
    ruFrom = repeatOffset(ru, j0);
    ruTo = repeatOffset(ru, j0 + 1);
  }
  if (enFrom >= enTo && ruFrom >= ruTo) return 0;
  let correction: f64 = 0;
  const enIdsAt = slot(headerAt, H_REPEATS + 4 * en + 1);
  const enCountsAt = slot(headerAt, H_REPEATS + 4 * en + 2);
  const enWidth = <i32>slot(headerAt, H_REPEATS + 4 * en + 3);
  for (let k = enFrom; k < enTo; k++) {
    const id = i32At(enIdsAt, k);
    let ruTotal = 0;
    for (let y = 0; y < b; y++) {
      const count = countIn(ruOffsets, ruIds, ruCounts, j0 + y, id);
      store<i32>(ruScratch + (<usize>y << 2), count);
      ruTotal += count;
    }
    if (ruTotal == 0) continue;
    let enTotal = 0;
    for (let x = 0; x < a; x++) {
      const count = i32At(enCountsAt, k * enWidth + x);
      store<i32>(enScratch + (<usize>x << 2), count);
      enTotal += count;
    }
    if (enTotal == 0) continue;
    correction += <f64>(pairMinima(a, b) - min32(enTotal, ruTotal)) * f64At(gainOf, id);
  }
  const ruIdsAt = slot(headerAt, H_REPEATS + 4 * ru + 1);
  const ruCountsAt = slot(headerAt, H_REPEATS + 4 * ru + 2);
  const ruWidth = <i32>slot(headerAt, H_REPEATS + 4 * ru + 3);
  for (let k = ruFrom; k < ruTo; k++) {
    const id = i32At(ruIdsAt, k);
    // Done with the English run's repeats.
    if (enFrom < enTo && containsIn(enIdsAt, enFrom, enTo, id)) continue;
    let ruTotal = 0;
    for (let y = 0; y < b; y++) {
      const count = i32At(ruCountsAt, k * ruWidth + y);
      store<i32>(ruScratch + (<usize>y << 2), count);
      ruTotal += count;
    }
    if (ruTotal == 0) continue;
    let enTotal = 0;
    for (let x = 0; x < a; x++) {
      const count = countIn(enOffsets, enIds, enCounts, i0 + x, id);
      store<i32>(enScratch + (<usize>x << 2), count);
      enTotal += count;
    }
    if (enTotal == 0) continue;
    correction += <f64>(pairMinima(a, b) - min32(enTotal, ruTotal)) * f64At(gainOf, id);
  }
  return correction;
}

function containsIn(ids: usize, from: i32, to: i32, id: i32): bool {
  for (let k = from; k < to; k++) if (i32At(ids, k) == id) return true;
  return false;
}

/** Row i of the forward pass. */
function forwardRow(i: i32): void {
  const loI = i32At(lo, i);
  const hiI = i32At(hi, i);
  const base = i32At(rowStart, i) - loI;
  const ringBase = (i & ringMask) * ringWidth - loI;
  // English unit i − 1's anchor counts spread by id, so that each cell's 1-1 gain reads them directly.
  const xStart = i > 0 ? i32At(enOffsets, i - 1) : 0;
  const xEnd = i > 0 ? i32At(enOffsets, i) : 0;
  for (let x = xStart; x < xEnd; x++) store<i32>(rowCounts + (<usize>i32At(enIds, x) << 2), i32At(enCounts, x));
  for (let j = loI; j <= hiI; j++) {
    if (i == 0 && j == 0) continue;
    const c = base + j;
    if (i > 0 && j > 0) {
      // The 1-1 gain of English unit i − 1 and Russian unit j − 1, kept on the cell: the shared ids in ascending order.
      const yEnd = i32At(ruOffsets, j);
      let gain: f64 = 0;
      for (let y = i32At(ruOffsets, j - 1); y < yEnd; y++) {
        const q = i32At(ruIds, y);
        const ca = i32At(rowCounts, q);
        const cb = i32At(ruCounts, y);
        gain += ca == 0 ? 0 : <f64>min32(ca, cb) * f64At(gainOf, q);
      }
      setF64(pairs, ringBase + j, gain);
    }
    let bestCost: f64 = Infinity;
    let bestShape: i32 = -1;
    let termCount: i32 = 0;
    let maxTerm: f64 = -Infinity;
    for (let s = 0; s < shapeCount; s++) {
      const a = i32At(shapeEn, s);
      const b = i32At(shapeRu, s);
      const i0 = i - a;
      const j0 = j - b;
      if (i0 < 0 || j0 < 0) continue;
      const loP = i32At(lo, i0);
      if (j0 < loP || j0 > i32At(hi, i0)) continue;
      const from = i32At(rowStart, i0) + j0 - loP;
      const before = f64At(best, (i0 & ringMask) * ringWidth + j0 - loP);
      if (before == Infinity) continue;
      // Beads far worse than the best so far change neither the path nor any posterior visibly.
      const limit = bestCost + margin - before;
      let cost = f64At(shapePrior, s) + f64At(shapeMiss, s) * (f64At(enMissed, i) - f64At(enMissed, i0) + f64At(ruMissed, j) - f64At(ruMissed, j0));
      let gain: f64 = 0;
      if (a > 0 && b > 0) {
        const enMost = f64At(enBound, i) - f64At(enBound, i0);
        const ruMost = f64At(ruBound, j) - f64At(ruBound, j0);
        if (cost - (enMost < ruMost ? enMost : ruMost) > limit) continue;
        // Σ of the 1-1 pair gains: pair (u, v) sits on cell (u + 1, v + 1), already passed.
        for (let r = i0 + 1; r <= i; r++) {
          const loR = i32At(lo, r);
          const hiR = i32At(hi, r);
          const baseR = (r & ringMask) * ringWidth - loR;
          for (let col = j0 + 1; col <= j; col++) {
            if (col >= loR && col <= hiR) gain += f64At(pairs, baseR + col);
            else gain += pairGainOf(r - 1, col - 1);
          }
        }
        cost -= gain;
        if (cost > limit) continue;
        // Gale–Church length term through the tabulated tail.
        const enLength = f64At(enPrefix, i) - f64At(enPrefix, i0);
        const ruLength = f64At(ruPrefix, j) - f64At(ruPrefix, j0);
        const mean = Math.max((enLength + ruLength / ratio) / 2, 1);
        const delta = Math.abs(ruLength - ratio * enLength) / Math.sqrt(variance * mean);
        const t = delta / TABLE_STEP;
        const k = Math.floor(t);
        if (k < <f64>TABLE_SIZE) {
          const f = t - k;
          const at = <i32>k;
          cost += f64At(table, at) * (1 - f) + f64At(table, at + 1) * f;
        } else cost += f64At(table, TABLE_SIZE) + (delta * delta - TABLE_END * TABLE_END) / (2 * scale * scale);
        if (cost > limit) continue;
      } else if (cost > limit) continue;
      const enFlag = a > 0 ? u8At(enContinues, i0) : 0;
      const ruFlag = b > 0 ? u8At(ruContinues, j0) : 0;
      const enHeads = a > 1 ? i32At(enHeadings, i) - i32At(enHeadings, i0) : 0;
      const ruHeads = b > 1 ? i32At(ruHeadings, j) - i32At(ruHeadings, j0) : 0;
      const enGlue = a > 0 ? i32At(enGlued, i) - i32At(enGlued, i0) : 0;
      const ruGlue = b > 0 ? i32At(ruGlued, j) - i32At(ruGlued, j0) : 0;
      // Units after a side's first (0 for a side of one unit or none).
      const enAfter = a > 0 ? i0 + 1 : i0;
      const ruAfter = b > 0 ? j0 + 1 : j0;
      const enJoined = i32At(enBarriers, i) - i32At(enBarriers, enAfter);
      const ruJoined = i32At(ruBarriers, j) - i32At(ruBarriers, ruAfter);
      const enForeignUnits = a > 1 ? i32At(enForeign, i) - i32At(enForeign, i0) : 0;
      const ruForeignUnits = b > 1 ? i32At(ruForeign, j) - i32At(ruForeign, j0) : 0;
      cost += cutCost * <f64>(bit(enFlag == CONTINUES_CUT) * bit(ruFlag != BREAKS_CUT) + bit(ruFlag == CONTINUES_CUT) * bit(enFlag != BREAKS_CUT));
      cost += barrierCost * <f64>(enJoined + ruJoined);
      cost += scriptCost * <f64>((enForeignUnits < a ? enForeignUnits : 0) + (ruForeignUnits < b ? ruForeignUnits : 0));
      cost += headingCost * <f64>(max0(enHeads - ruGlue) + max0(ruHeads - enGlue));
      if (a > 0 && b > 0) {
        cost += continuationCost * <f64>(bit((enFlag == CONTINUES_CLAUSE) != (ruFlag == CONTINUES_CLAUSE)) * bit(enFlag + ruFlag != CONTINUES_CLAUSE + BREAKS_CLAUSE));
        const enList = i32At(enItems, i) - i32At(enItems, i0);
        const ruList = i32At(ruItems, j) - i32At(ruItems, j0);
        cost += listCost * <f64>(bit(enList > 0) * bit(ruList > 0)) * <f64>abs32(enList - ruList);
        // List items joined on both sides (0 unless both hold two units or more).
        const enInner = i32At(enStarts, i) - i32At(enStarts, enAfter);
        const ruInner = i32At(ruStarts, j) - i32At(ruStarts, ruAfter);
        cost += listCost * <f64>min32(enInner, ruInner);
        if (cost > limit) continue;
        // Only the finest level (both sides exact) corrects for repeated anchors; elsewhere it is 0.
        if (exact && gain != 0 && (a > 1 || b > 1)) cost += repeatCorrection(i0, i, j0, j);
      } else if (cost > limit) continue;
      if (confidence) store<f32>(costs + (<usize>(c * shapeCount + s) << 2), <f32>(cost * tempered));
      if (before + cost < bestCost) {
        bestCost = before + cost;
        bestShape = s;
      }
      if (confidence) {
        const term = f64At(fwd, from) - cost * tempered;
        setF64(terms, termCount++, term);
        if (term > maxTerm) maxTerm = term;
      }
    }
    setF64(best, ringBase + j, bestCost);
    store<u8>(back + <usize>c, <u8>(bestShape + 1));
    if (confidence && termCount > 0) {
      let sum: f64 = 0;
      for (let k = 0; k < termCount; k++) sum += exp(f64At(terms, k) - maxTerm);
      setF64(fwd, c, maxTerm + log(sum));
    }
  }
  for (let x = xStart; x < xEnd; x++) store<i32>(rowCounts + (<usize>i32At(enIds, x) << 2), 0);
}

/**
 * Backward log-sums from the last cell over rows `from` down to `to` (called for the rows from n
 * down to 0 in pieces, as the forward rows are). Edges whose paths carry less than e^-negligible of the total mass are not
 * followed (`floor`: the total less that).
 */
export function backwardRows(from: i32, to: i32, floor: f64): void {
  for (let i = from; i >= to; i--) {
    const loI = i32At(lo, i);
    const rowI = i32At(rowStart, i);
    for (let j = i32At(hi, i); j >= loI; j--) {
      const c = rowI + j - loI;
      const here = f64At(backward, c);
      // No bead ends at the origin (its costs were never written).
      if (here == -Infinity || f64At(fwd, c) + here < floor || c == 0) continue;
      for (let s = 0; s < shapeCount; s++) {
        const cost = <f64>load<f32>(costs + (<usize>(c * shapeCount + s) << 2));
        if (cost == Infinity) continue;
        const pi = i - i32At(shapeEn, s);
        const at = i32At(rowStart, pi) + j - i32At(shapeRu, s) - i32At(lo, pi);
        const value = here - cost;
        if (f64At(fwd, at) + value < floor) continue;
        const before = f64At(backward, at);
        // log(e^before + e^value).
        setF64(backward, at, before == -Infinity ? value : before > value ? before + log1p(exp(value - before)) : value + log1p(exp(before - value)));
      }
    }
  }
}

/** Where the caller's part of the memory may start. */
export function heapBase(): usize {
  return __heap_base;
}
