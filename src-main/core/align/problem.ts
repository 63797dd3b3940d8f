/**
 * One alignment problem as the dynamic programme reads it: per side, prefix lengths, flat anchor bags
 * and prefix sums of per-unit features; per anchor id, its weights; and the gain of a bead from the
 * anchors its two sides share. Pure TypeScript.
 */
import type { FlatBags } from './anchors';
import type { BeadShape } from './cost';
import { endsWithGluedHeading, foreignScript, innerListItems, startsListItem, startsWithGluedHeading } from './shape';

/**
 * Units of one side as the dynamic programme sees them: prefix lengths, flat anchor bags and prefix
 * sums of per-unit features, all computed once per problem.
 */
export interface Side {
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
  /**
   * The repeats were found and beads' gains are corrected for them. Coarse levels (merged blocks,
   * searched only to place the band) go without: the sum of the pair gains is close enough there.
   */
  exact: boolean;
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
  /** List structure and script of the units (null on coarse levels and when there is none). */
  structure: Structure | null;
}

/** Prefix counts of structural features of a side's units (see `shape.ts`). */
export interface Structure {
  /** List items per unit: an opening marker and markers glued on inside. */
  items: Int32Array;
  /** Units that open with a list marker. */
  starts: Int32Array;
  /** Units that end with a glued-on heading, or open with a numbered one (see `shape.ts`). */
  glued: Int32Array;
  /** Units in the other side's script (an English line left in the Russian file). */
  foreign: Int32Array;
}

export interface Problem {
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
  /** Cost per list item held by one side and not the other, and per pair of items joined on both sides. */
  listCost: number;
  /** Cost per unit in the other side's script joined with units of the side's own script. */
  scriptCost: number;
  /** Costs are divided by this for the posteriors (confidences); see `confidence.ts`. */
  temperature: number;
}

export function makeSide(
  count: number,
  prefix: Float64Array,
  bags: FlatBags,
  problem: { miss: Float64Array; gain: Float64Array },
  barriers: Int32Array | null,
  headings: Int32Array | null,
  continues: Uint8Array | null = null,
  structure: Structure | null = null,
  exact = true,
): Side {
  const missed = new Float64Array(count + 1);
  const bound = new Float64Array(count + 1);
  allUnitSums(bags, problem.miss, problem.gain, count, missed, bound);
  const side: Side = {
    count,
    prefix,
    bags,
    missed,
    bound,
    repeats2: NO_REPEATS,
    repeats3: NO_REPEATS,
    exact,
    barriers,
    headings,
    continues,
    structure,
  };
  if (exact) {
    const ids = problem.gain.length;
    deferred.push(() => {
      [side.repeats2, side.repeats3] = repeatsOf2And3(bags, count, ids);
    });
  }
  return side;
}

/**
 * Work for the finest level only, left until the search is under way: the repeats of the sides
 * (`makeSide`) and their list structure and scripts (`structureOf`). The search starts on the
 * coarsest level, which reads neither; a few rows into its forward pass the engine has begun
 * compiling the forward row on another thread, and this work is done then (`settleDeferred`), where
 * before the row ran interpreted for as long as the compiler took (a fresh process, the app's first
 * alignment). The finest level settles what is left before its first row.
 */
const deferred: (() => void)[] = [];

/** Does the work left for the finest level (see `deferred`). Called by the search before it reads it. */
export function settleDeferred(): void {
  for (const task of deferred.splice(0)) task();
}

/** Some work for the finest level is still to be done. */
export function deferredPending(): boolean {
  return deferred.length > 0;
}

/**
 * Every unit's sums (`unitSums`). A function of its own: the loop is compiled on the stack, and inside
 * `makeSide`, whose closure (the deferred repeats) gives it a context, that code was specialised to
 * the first side's context and thrown away at the next side.
 */
function allUnitSums(bags: FlatBags, missOf: Float64Array, gainOf: Float64Array, count: number, missed: Float64Array, bound: Float64Array): void {
  for (let u = 0; u < count; u++) unitSums(bags, missOf, gainOf, u, missed, bound);
}

/**
 * Unit u's miss total and gain bound added onto the prefix sums. One call per unit: a small function
 * is optimised after a few units, where a loop over all of them would box every sum until replaced
 * on the stack.
 */
function unitSums(bags: FlatBags, missOf: Float64Array, gainOf: Float64Array, u: number, missed: Float64Array, bound: Float64Array): void {
  let miss = 0;
  let gain = 0;
  const ids = bags.ids;
  const counts = bags.counts;
  for (let k = bags.offsets[u]!; k < bags.offsets[u + 1]!; k++) {
    miss += missOf[ids[k]!]! * counts[k]!;
    gain += gainOf[ids[k]!]! * counts[k]!;
  }
  missed[u + 1] = missed[u]! + miss;
  bound[u + 1] = bound[u]! + gain;
}

/** Ids held by two or more units of a run, by the run's first unit, with their count in each unit of the run. */
export interface Repeats {
  offsets: Int32Array;
  ids: Int32Array;
  /** `width` counts per id: in units u, u + 1, … */
  counts: Int32Array;
  width: number;
}

const NO_REPEATS: Repeats = { offsets: new Int32Array(1), ids: new Int32Array(0), counts: new Int32Array(0), width: 1 };

/** The ids (below `ids`) held by at least two of units u..u + width − 1, for each u (sorted runs merged pairwise). */
export function repeatsOf(bags: FlatBags, count: number, width: number, ids: number): Repeats {
  if (count < width) return NO_REPEATS;
  const offsets = new Int32Array(count + 1);
  const found = new RepeatList(ids, width);
  for (let u = 0; u < count; u++) {
    found.addRun(bags, count, u);
    offsets[u + 1] = found.size;
  }
  return found.repeats(offsets);
}

/**
 * `repeatsOf` for widths 2 and 3, from where each anchor of a unit recurs in the next two units.
 * Each unit's sorted run is merged once with the next unit's and once with the one after
 * (`linkUnits`), which gives for every entry of the bags the index of the same id in unit u + 1
 * (`next1`) and in unit u + 2 (`next2`), or −1. The repeats of the run of three from u are then read
 * off without a search: the ids of u also in u + 1, then those of u in u + 2 but not in u + 1, then
 * those of u + 1 in u + 2 but not in u, each in ascending order, with their counts in u, u + 1 and
 * u + 2; the run of two from u holds the first of these. That is the order and the counts of
 * `RepeatList`'s pairwise merges (u with u + 1, u with u + 2, u + 1 with u + 2, an id kept the
 * first time it is met), at a third of the merges and no binary search per id.
 */
export function repeatsOf2And3(bags: FlatBags, count: number, ids: number): [Repeats, Repeats] {
  if (count < 3) return [repeatsOf(bags, count, 2, ids), repeatsOf(bags, count, 3, ids)];
  const entries = bags.ids.length;
  const next1 = new Int32Array(entries).fill(-1);
  const next2 = new Int32Array(entries).fill(-1);
  linkUnits(bags, count, 1, next1);
  linkUnits(bags, count, 2, next2);
  const offsets2 = new Int32Array(count + 1);
  const offsets3 = new Int32Array(count + 1);
  // held[y] = u + 1: entry y of unit u + 1 holds an id that unit u holds too.
  const held = new Int32Array(entries);
  const sizes = new Int32Array(2);
  for (let u = 0; u < count; u++) {
    runSizes(bags.offsets, next1, next2, held, u, count, sizes);
    offsets2[u + 1] = offsets2[u]! + sizes[0]!;
    offsets3[u + 1] = offsets3[u]! + sizes[1]!;
  }
  const two: Repeats = { offsets: offsets2, ids: new Int32Array(offsets2[count]!), counts: new Int32Array(2 * offsets2[count]!), width: 2 };
  const three: Repeats = { offsets: offsets3, ids: new Int32Array(offsets3[count]!), counts: new Int32Array(3 * offsets3[count]!), width: 3 };
  for (let u = 0; u < count; u++) fillRuns(bags, next1, next2, held, u, count, two, three);
  return [two, three];
}

/** For each entry of each unit u, the index of its id in unit u + `shift` (a merge of the two sorted runs), in `next`. */
function linkUnits(bags: FlatBags, count: number, shift: number, next: Int32Array): void {
  for (let u = 0; u + shift < count; u++) linkUnit(bags.offsets, bags.ids, u, u + shift, next);
}

function linkUnit(offsets: Int32Array, ids: Int32Array, u: number, v: number, next: Int32Array): void {
  let x = offsets[u]!;
  let y = offsets[v]!;
  const xEnd = offsets[u + 1]!;
  const yEnd = offsets[v + 1]!;
  while (x < xEnd && y < yEnd) {
    const p = ids[x]!;
    const q = ids[y]!;
    if (p === q) {
      next[x++] = y++;
    } else if (p < q) x++;
    else y++;
  }
}

/** How many repeats the runs of two and of three from unit u hold (`sizes[0]`, `sizes[1]`); marks in `held` the entries of u + 1 that u holds. */
function runSizes(offsets: Int32Array, next1: Int32Array, next2: Int32Array, held: Int32Array, u: number, count: number, sizes: Int32Array): void {
  let both = 0;
  let skipOne = 0;
  for (let x = offsets[u]!; x < offsets[u + 1]!; x++) {
    const y = next1[x]!;
    if (y >= 0) {
      both++;
      held[y] = u + 1;
    } else if (next2[x]! >= 0) skipOne++;
  }
  let later = 0;
  if (u + 2 < count) for (let y = offsets[u + 1]!; y < offsets[u + 2]!; y++) if (next1[y]! >= 0 && held[y] !== u + 1) later++;
  sizes[0] = both;
  sizes[1] = both + skipOne + later;
}

/** The repeats of the runs of two and of three from unit u, written at their offsets (see `repeatsOf2And3`). */
function fillRuns(bags: FlatBags, next1: Int32Array, next2: Int32Array, held: Int32Array, u: number, count: number, two: Repeats, three: Repeats): void {
  const { offsets, ids, counts } = bags;
  let z2 = two.offsets[u]!;
  let z3 = three.offsets[u]!;
  const from = offsets[u]!;
  const to = offsets[u + 1]!;
  // Ids of u also in u + 1 (with their count in u + 2, if any).
  for (let x = from; x < to; x++) {
    const y = next1[x]!;
    if (y < 0) continue;
    const w = next2[x]!;
    two.ids[z2] = ids[x]!;
    two.counts[2 * z2] = counts[x]!;
    two.counts[2 * z2 + 1] = counts[y]!;
    z2++;
    three.ids[z3] = ids[x]!;
    three.counts[3 * z3] = counts[x]!;
    three.counts[3 * z3 + 1] = counts[y]!;
    three.counts[3 * z3 + 2] = w >= 0 ? counts[w]! : 0;
    z3++;
  }
  // Ids of u in u + 2 and not in u + 1.
  for (let x = from; x < to; x++) {
    const w = next2[x]!;
    if (w < 0 || next1[x]! >= 0) continue;
    three.ids[z3] = ids[x]!;
    three.counts[3 * z3] = counts[x]!;
    three.counts[3 * z3 + 1] = 0;
    three.counts[3 * z3 + 2] = counts[w]!;
    z3++;
  }
  // Ids of u + 1 in u + 2 and not in u.
  if (u + 2 < count) {
    for (let y = offsets[u + 1]!; y < offsets[u + 2]!; y++) {
      const w = next1[y]!;
      if (w < 0 || held[y] === u + 1) continue;
      three.ids[z3] = ids[y]!;
      three.counts[3 * z3] = 0;
      three.counts[3 * z3 + 1] = counts[y]!;
      three.counts[3 * z3 + 2] = counts[w]!;
      z3++;
    }
  }
}

/** The repeats found so far (see `repeatsOf`), one run at a time. */
class RepeatList {
  ids: Int32Array<ArrayBuffer> = new Int32Array(256);
  counts: Int32Array<ArrayBuffer>;
  size = 0;
  /** Per id, 1 + the last run (u) it was found repeated in. */
  private stamp: Int32Array;

  constructor(
    ids: number,
    private width: number,
  ) {
    this.stamp = new Int32Array(ids);
    this.counts = new Int32Array(256 * width);
  }

  /** The repeats of the run from unit u. One call per unit: a small method compiled once, not a loop compiled on the stack. */
  addRun(bags: FlatBags, count: number, u: number): void {
    const width = this.width;
    const stamp = this.stamp;
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
            if (stamp[p] !== u + 1) {
              stamp[p] = u + 1;
              this.push(bags, count, u, p);
            }
            x++;
            y++;
          } else if (p < q) x++;
          else y++;
        }
      }
    }
  }

  repeats(offsets: Int32Array): Repeats {
    return { offsets, ids: this.ids.slice(0, this.size), counts: this.counts.slice(0, this.size * this.width), width: this.width };
  }

  private push(bags: FlatBags, count: number, u: number, id: number): void {
    const width = this.width;
    if (this.size === this.ids.length) {
      this.ids = grow(this.ids, this.ids.length * 2);
      this.counts = grow(this.counts, this.ids.length * width);
    }
    const z = this.size++;
    this.ids[z] = id;
    for (let c = 0; c < width; c++) this.counts[z * width + c] = u + c < count ? countIn(bags, u + c, id) : 0;
  }
}

function grow(array: Int32Array<ArrayBuffer>, length: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(length);
  bigger.set(array);
  return bigger;
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

/**
 * Where `pairGain` leaves its result. The aligner calls it for every pair of a bead's units; a double
 * returned from a call that is not inlined is boxed (a heap number per call), a double written into
 * a typed array is not.
 */
export const RESULT = new Float64Array(1);

/** What English unit a and Russian unit b gain from their shared anchors: Σ min(count) × (match + 2·miss), in `RESULT[0]`. */
export function pairGain(problem: Problem, a: number, b: number): void {
  const enBags = problem.en.bags;
  const ruBags = problem.ru.bags;
  const gainOf = problem.gain;
  let x = enBags.offsets[a]!;
  let y = ruBags.offsets[b]!;
  const xEnd = enBags.offsets[a + 1]!;
  const yEnd = ruBags.offsets[b + 1]!;
  if (x === xEnd || y === yEnd) {
    RESULT[0] = 0;
    return;
  }
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
  RESULT[0] = gain;
}

/**
 * Coarse levels keep only anchors whose miss weight is at least this (numbers, names, acronyms,
 * Latin words, brackets): merged blocks would otherwise carry hundreds of lexicon anchors each.
 */
export const COARSE_MIN_MISS = 0.5;

/** One side with each run of `factor` consecutive units merged into one unit (no barriers), keeping the anchors `keep` marks. */
export function downsample(side: Side, factor: number, keep: Uint8Array, problem: Problem): Side {
  const count = Math.ceil(side.count / factor);
  const prefix = new Float64Array(count + 1);
  const merged = new BlockMerge(side.bags, factor, keep);
  for (let k = 0; k < count; k++) {
    const from = k * factor;
    const to = Math.min(side.count, from + factor);
    prefix[k + 1] = side.prefix[to]!;
    merged.addBlock(from, to);
  }
  return makeSide(count, prefix, { offsets: merged.offsets, ids: merged.ids.subarray(0, merged.size), counts: merged.counts.subarray(0, merged.size) }, problem, null, null, null, null, false);
}

/** The bags of merged blocks of units (see `downsample`), one block at a time. */
class BlockMerge {
  offsets: Int32Array;
  ids: Int32Array;
  counts: Int32Array;
  size = 0;
  private block = 0;
  private cursor: Int32Array;

  constructor(
    private bags: FlatBags,
    factor: number,
    private keep: Uint8Array,
  ) {
    this.offsets = new Int32Array(Math.ceil((bags.offsets.length - 1) / factor) + 1);
    this.ids = new Int32Array(bags.ids.length);
    this.counts = new Int32Array(bags.ids.length);
    this.cursor = new Int32Array(factor);
  }

  /** Units from..to − 1 as one block: a k-way merge of their sorted runs. One call per block (a small method compiled once). */
  addBlock(from: number, to: number): void {
    if (to - from === 2) {
      this.addPair(from);
      return;
    }
    const { bags, cursor, keep } = this;
    for (let u = from; u < to; u++) cursor[u - from] = bags.offsets[u]!;
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
        this.ids[this.size] = id;
        this.counts[this.size++] = total;
      }
    }
    this.offsets[++this.block] = this.size;
  }

  /**
   * Units u and u + 1 as one block: the two sorted runs merged (the blocks of every level are pairs,
   * bar a side's last). The same ids and totals as the k-way merge, at a fraction of its steps while
   * the code is still interpreted.
   */
  private addPair(u: number): void {
    const { offsets, ids, counts } = this.bags;
    const keep = this.keep;
    let x = offsets[u]!;
    let y = offsets[u + 1]!;
    const xEnd = y;
    const yEnd = offsets[u + 2]!;
    let size = this.size;
    while (x < xEnd || y < yEnd) {
      const p = x < xEnd ? ids[x]! : 0x7fffffff;
      const q = y < yEnd ? ids[y]! : 0x7fffffff;
      let id: number;
      let total: number;
      if (p === q) {
        id = p;
        total = counts[x++]! + counts[y++]!;
      } else if (p < q) {
        id = p;
        total = counts[x++]!;
      } else {
        id = q;
        total = counts[y++]!;
      }
      if (keep[id]) {
        this.ids[size] = id;
        this.counts[size++] = total;
      }
    }
    this.size = size;
    this.offsets[++this.block] = size;
  }
}

/** Units around a unit among which an anchor's repeats make it ambiguous (see `anchorRarity`). */
const RARITY_WINDOW = 40;

/**
 * Per anchor id, 1 / √(how many units hold it on a side, on average, within `RARITY_WINDOW` units):
 * an anchor found in one unit a side is full evidence, one repeated in four units a side of a short
 * text half as much (words that recur — "support", "cooperation", a year — say less about which unit
 * pairs with which). On long texts repeats are counted per window, not over the whole text.
 */
export function anchorRarity(en: FlatBags, ru: FlatBags, count: number): Float64Array {
  // Counted in integers: in a fresh process this loop runs interpreted for a while, and each `+= 1`
  // on a Float64Array made a heap number (1.7 MB of garbage on a book).
  const units = new Int32Array(count);
  countIds(units, en.ids);
  countIds(units, ru.ids);
  const window = Math.min(1, RARITY_WINDOW / Math.max(1, en.offsets.length - 1, ru.offsets.length - 1));
  const rarity = new Float64Array(count);
  for (let id = 0; id < count; id++) rarity[id] = 1 / Math.sqrt(Math.max(1, (units[id]! / 2) * window));
  return rarity;
}

/** Adds one to `units[id]` for each id of `ids`. */
export function countIds(units: Int32Array, ids: Int32Array): void {
  for (let k = 0; k < ids.length; k++) units[ids[k]!]!++;
}

export function prefixCounts(length: number, flags: readonly boolean[] | undefined): Int32Array {
  const prefix = new Int32Array(length + 1);
  for (let k = 0; k < length; k++) prefix[k + 1] = prefix[k]! + (flags?.[k] ? 1 : 0);
  return prefix;
}

export function prefixLengths(texts: readonly string[]): Float64Array {
  const prefix = new Float64Array(texts.length + 1);
  for (let k = 0; k < texts.length; k++) prefix[k + 1] = prefix[k]! + texts[k]!.length;
  return prefix;
}

/**
 * The structure of a side's units. The arrays are filled when the search settles the work left for
 * the finest level (see `deferred`): only the dynamic programme reads them, after `settleDeferred`.
 * All zeros when no unit has a list marker, a glued heading or a foreign script (the same costs as none).
 */
export function structureOf(texts: readonly string[], lang: 'en' | 'ru'): Structure | null {
  const n = texts.length;
  const structure: Structure = { items: new Int32Array(n + 1), starts: new Int32Array(n + 1), glued: new Int32Array(n + 1), foreign: new Int32Array(n + 1) };
  deferred.push(() => fillStructure(texts, lang, structure));
  return structure;
}

function fillStructure(texts: readonly string[], lang: 'en' | 'ru', structure: Structure): void {
  const { items, starts, glued, foreign } = structure;
  for (let u = 0; u < texts.length; u++) {
    const text = texts[u]!;
    const start = startsListItem(text) ? 1 : 0;
    items[u + 1] = items[u]! + start + innerListItems(text);
    starts[u + 1] = starts[u]! + start;
    glued[u + 1] = glued[u]! + (endsWithGluedHeading(text) || startsWithGluedHeading(text) ? 1 : 0);
    foreign[u + 1] = foreign[u]! + (foreignScript(text, lang) ? 1 : 0);
  }
}
