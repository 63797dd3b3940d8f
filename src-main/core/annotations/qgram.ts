/**
 * A lossless filter in front of the fuzzy search: which parts of a text could hold a match of a
 * quote with at most `k` edits, found from the text's q-grams (runs of `q` code points) in a few
 * microseconds, so that a quote matching nothing costs no dynamic programming at all, and one that
 * matches is checked only where it may be. Pure: no Electron, no Node APIs.
 *
 * The q-gram lemma (Jokinen & Ukkonen 1991; Ukkonen 1992): a pattern of length m that matches a
 * text with at most k edits shares at least t = m − q + 1 − k·q of its q-grams with the match, at
 * places whose diagonals (text offset − pattern offset) lie within k + 1 of each other. So the hits
 * of the pattern's q-grams in the text are counted per block of k + 1 diagonals: a match can only
 * be where two neighbouring blocks hold t hits between them (as in Burkhardt et al.'s QUASAR).
 * Nothing is lost (every end of a match with ≤ k edits lies in a region returned); a region may
 * still hold none, which the search that follows finds out.
 *
 * The index of a text is built once (and kept while its code points live): positions bucketed by
 * a hash of their q-gram, O(n) with typed arrays; a lookup checks each position's q-gram itself.
 */

/** Ends of matches (offsets just past the match, code points) that may lie in `[from, to]`. */
export interface EndRegion {
  from: number;
  to: number;
}

/** Positions of every q-gram of a text, bucketed by hash. */
class QGramIndex {
  /** `positions[offsets[h] .. offsets[h + 1])`: the starts of q-grams hashing to `h`, ascending. */
  private readonly offsets: Int32Array;
  private readonly positions: Int32Array;
  private readonly mask: number;

  constructor(
    private readonly text: Int32Array,
    readonly q: 2 | 3,
  ) {
    const count = Math.max(0, text.length - q + 1);
    let size = 16;
    while (size < count) size *= 2;
    this.mask = size - 1;
    const hashes = new Int32Array(count);
    const offsets = new Int32Array(size + 1);
    for (let p = 0; p < count; p++) {
      const h = this.hashAt(text, p);
      hashes[p] = h;
      offsets[h + 1] = (offsets[h + 1] ?? 0) + 1;
    }
    for (let h = 0; h < size; h++) offsets[h + 1] = (offsets[h + 1] ?? 0) + (offsets[h] ?? 0);
    const fill = offsets.slice(0, size);
    const positions = new Int32Array(count);
    for (let p = 0; p < count; p++) {
      const h = hashes[p] ?? 0;
      const at = fill[h] ?? 0;
      positions[at] = p;
      fill[h] = at + 1;
    }
    this.offsets = offsets;
    this.positions = positions;
  }

  private hashAt(points: Int32Array, at: number): number {
    let h = Math.imul(points[at] ?? 0, 0x9e3779b1) ^ Math.imul(points[at + 1] ?? 0, 0x85ebca77);
    if (this.q === 3) h ^= Math.imul(points[at + 2] ?? 0, 0xc2b2ae3d);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
    return h & this.mask;
  }

  /** Whether the pattern's q-gram at `at` occurs in the text. */
  has(pattern: Int32Array, at: number): boolean {
    const h = this.hashAt(pattern, at);
    const end = this.offsets[h + 1] ?? 0;
    const text = this.text;
    for (let i = this.offsets[h] ?? 0; i < end; i++) {
      const p = this.positions[i] ?? 0;
      if (text[p] === pattern[at] && text[p + 1] === pattern[at + 1] && (this.q === 2 || text[p + 2] === pattern[at + 2])) return true;
    }
    return false;
  }

  /** The text offsets where the pattern's q-gram at `at` occurs, ascending (a fresh array only when there are some). */
  find(pattern: Int32Array, at: number): number[] | undefined {
    const h = this.hashAt(pattern, at);
    const end = this.offsets[h + 1] ?? 0;
    const text = this.text;
    const a = pattern[at];
    const b = pattern[at + 1];
    const c = pattern[at + 2];
    let out: number[] | undefined;
    for (let i = this.offsets[h] ?? 0; i < end; i++) {
      const p = this.positions[i] ?? 0;
      if (text[p] === a && text[p + 1] === b && (this.q === 2 || text[p + 2] === c)) (out ??= []).push(p);
    }
    return out;
  }
}

const indexes = new WeakMap<Int32Array, Map<number, QGramIndex>>();

/** The text's q-gram index, built on first use and kept with the text's code points. */
function qgramIndex(text: Int32Array, q: 2 | 3): QGramIndex {
  let byQ = indexes.get(text);
  if (!byQ) {
    byQ = new Map();
    indexes.set(text, byQ);
  }
  let index = byQ.get(q);
  if (!index) {
    index = new QGramIndex(text, q);
    byQ.set(q, index);
  }
  return index;
}

/**
 * Texts up to this long (code points) are indexed: about 16 bytes a code point, built in one go
 * on the thread that first needs it (some 10 ms for 250,000). Longer texts are searched as before
 * the filter (an exact scan; a whole-text fuzzy scan only for quotes short enough to fit its
 * budget, else seeded by exact pieces).
 */
export const INDEX_MAX = 250_000;

/**
 * Whether `pattern` surely does not occur in `text` exactly: one of its 3-grams is nowhere in it
 * (`false`: it may). Cheaper than `indexOf` over the text for a quote of random letters, whose
 * first 3-grams are mostly absent. Only for texts the index is made for.
 */
export function surelyAbsent(pattern: Int32Array, text: Int32Array): boolean {
  if (text.length > INDEX_MAX || pattern.length < 3) return false;
  if (pattern.length > text.length) return true;
  const index = qgramIndex(text, 3);
  for (let i = 0; i + 3 <= pattern.length; i++) if (!index.has(pattern, i)) return true;
  return false;
}

/** The q the filter uses for a pattern of `m` code points and `k` edits, and its threshold; none when no q-gram must survive. */
export function filterShape(m: number, k: number): { q: 2 | 3; threshold: number } | null {
  for (const q of [3, 2] as const) {
    const threshold = m - q + 1 - k * q;
    if (threshold >= 1) return { q, threshold };
  }
  return null;
}

/**
 * Reused between searches (reset after each use): per block of diagonals, how many distinct
 * pattern offsets and how many distinct text offsets have a hit in it; per text offset, the last
 * block it was counted in (and in which search).
 */
let byPattern = new Int32Array(1024);
let byText = new Int32Array(1024);
let lastBlock = new Int32Array(1024);
let lastSearch = new Int32Array(1024);
let search = 0;

/** What the filter found, and the work it took (hits counted: about one cell of the search each). */
export interface Candidates {
  regions: EndRegion[];
  hits: number;
}

/**
 * The regions of `text` where a match of `pattern` with at most `k` edits may end, in text order
 * and disjoint; `null` when the filter cannot tell — too many edits for the pattern's length, or
 * q-grams so common that counting them would cost more than `maxHits` (search everywhere). No
 * regions: no match anywhere.
 *
 * A match's t surviving q-grams are t distinct pattern offsets AND t distinct text offsets (an
 * alignment pairs each character once), so a block pair must hold t of each: a quote like
 * "the the the …" hits every "the" of the text from many pattern offsets, but finds few distinct
 * text offsets in any one place.
 */
export function candidateEnds(pattern: Int32Array, text: Int32Array, k: number, maxHits: number = Number.POSITIVE_INFINITY): Candidates | null {
  const m = pattern.length;
  const n = text.length;
  const shape = filterShape(m, k);
  if (!shape) return null;
  if (m > n + k) return { regions: [], hits: 0 };
  const { q, threshold } = shape;
  const index = qgramIndex(text, q);
  // A hit at text offset p of the pattern's q-gram at i lies on diagonal p − i; a match's hits are
  // on diagonals within k + 1 of each other, and the match ends at its last diagonal + m. Blocks
  // are counted in end space (diagonal + m ≥ q > 0), `width` = k + 1 diagonals each.
  const width = k + 1;
  const blocks = Math.floor((n + m) / width) + 2;
  if (byPattern.length < blocks) {
    byPattern = new Int32Array(Math.max(blocks, byPattern.length * 2));
    byText = new Int32Array(byPattern.length);
  }
  if (lastBlock.length < n) {
    lastBlock = new Int32Array(Math.max(n, lastBlock.length * 2));
    lastSearch = new Int32Array(lastBlock.length);
  }
  // First the pattern offsets whose q-gram is in the text at all: fewer than t, and no place can
  // hold a match (a quote of random letters stops here, having looked at most of its q-grams up).
  const grams = m - q + 1;
  let present = 0;
  for (let i = 0; i < grams && present + (grams - i) >= threshold; i++) if (index.has(pattern, i)) present++;
  if (present < threshold) return { regions: [], hits: grams };
  const found: Array<number[] | undefined> = [];
  let hits = grams;
  for (let i = 0; i < grams; i++) {
    const positions = index.find(pattern, i);
    found.push(positions);
    hits += positions?.length ?? 0;
    if (hits > maxHits) return null;
  }
  search = (search + 1) | 0;
  const touched: number[] = [];
  // Pattern offsets rising: for one i, blocks rise with p (counted once per run); for one p, they
  // fall as i rises, so its equal blocks come one after another (its last block is enough).
  for (let i = 0; i < found.length; i++) {
    const positions = found[i];
    if (!positions) continue;
    let last = -1;
    for (const p of positions) {
      const block = Math.floor((p - i + m) / width);
      if ((byPattern[block] ?? 0) === 0 && (byText[block] ?? 0) === 0) touched.push(block);
      if (block !== last) byPattern[block] = (byPattern[block] ?? 0) + 1;
      last = block;
      if (lastSearch[p] !== search || lastBlock[p] !== block) {
        byText[block] = (byText[block] ?? 0) + 1;
        lastSearch[p] = search;
        lastBlock[p] = block;
      }
    }
  }
  const regions: EndRegion[] = [];
  touched.sort((a, b) => a - b);
  for (const block of touched) {
    // The pairs (block − 1, block) and (block, block + 1): each is looked at from a touched block.
    for (let first = block - 1; first <= block; first++) {
      const held = Math.min(
        (byPattern[first] ?? 0) + (byPattern[first + 1] ?? 0),
        (byText[first] ?? 0) + (byText[first + 1] ?? 0),
      );
      if (first < 0 || held < threshold) continue;
      // Diagonals + m in [first·width, (first + 2)·width − 1]; the end drifts at most k from them.
      const from = Math.max(1, first * width - k);
      const to = Math.min(n, (first + 2) * width - 1 + k);
      const last = regions[regions.length - 1];
      if (last && from <= last.to + 1) last.to = Math.max(last.to, to);
      else if (from <= to) regions.push({ from, to });
    }
  }
  for (const block of touched) {
    byPattern[block] = 0;
    byText[block] = 0;
  }
  return { regions, hits };
}
