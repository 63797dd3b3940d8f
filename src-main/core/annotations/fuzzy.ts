/**
 * Approximate string matching for anchoring, bounded in work: every search is given a number of
 * dynamic-programming cells it may use (`FuzzyBudget`), and stops — reporting that it did — when
 * they run out, so no quote, however long, and no text, however large, can hold the process.
 * Pure: no Electron, no Node APIs.
 */
import type { EndRegion } from './qgram';
import { toCodePoints } from './source-text';

/** How many candidate places a fuzzy search scores at most. */
const MAX_FUZZY_CANDIDATES = 32;

/**
 * Work a search may still do, in dynamic-programming cells (one cell is one comparison, a few
 * nanoseconds). `exhausted` is set when a search stopped because the cells ran out.
 */
export interface FuzzyBudget {
  cells: number;
  exhausted: boolean;
}

export function fuzzyBudget(cells: number): FuzzyBudget {
  return { cells, exhausted: false };
}

/** Takes `cells` from the budget; `false` (and `exhausted`) if there are not that many left. */
export function spend(budget: FuzzyBudget, cells: number): boolean {
  if (budget.cells < cells) {
    budget.cells = 0;
    budget.exhausted = true;
    return false;
  }
  budget.cells -= cells;
  return true;
}

export interface ApproximateMatch {
  /** Code points. */
  start: number;
  end: number;
  errors: number;
}


/**
 * 1 − edit distance / length of `expected`, comparing it with `actual` (the text found in its
 * place, which may be shorter near the text's edges). `anchor` says which end of the context
 * touches the quote, so a shorter `actual` is compared at that end.
 */
export function similarity(expected: string, actual: string, anchor: 'start' | 'end'): number {
  const a = toCodePoints(expected);
  let b = toCodePoints(actual);
  if (b.length > a.length) b = anchor === 'end' ? b.slice(b.length - a.length) : b.slice(0, a.length);
  return Math.max(0, 1 - levenshtein(a, b) / Math.max(1, a.length));
}

function levenshtein(a: Int32Array, b: Int32Array): number {
  let prev = new Int32Array(b.length + 1);
  let cur = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const sub = (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      cur[j] = Math.min(sub, (prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length] ?? 0;
}

/**
 * Places where `pattern` occurs in `text` with at most `k` edits: Sellers' dynamic programming
 * with Ukkonen's cut-off (O(n·k) expected) for the ends, then the best start for each end. Of each
 * run of neighbouring ends only the best is kept, and at most MAX_FUZZY_CANDIDATES in all.
 * `regions` (from the q-gram filter, `qgram.ts`): the only places ends can be, so only they (and
 * the `m + k` code points before each) are scanned; the ends found, and so the answer, are the
 * same as a scan of the whole text would give.
 */
export function approximateMatches(
  pattern: Int32Array,
  text: Int32Array,
  k: number,
  budget: FuzzyBudget = fuzzyBudget(Number.POSITIVE_INFINITY),
  regions?: readonly EndRegion[],
): ApproximateMatch[] {
  const m = pattern.length;
  if (m === 0) return [];
  const column = new Int32Array(m + 1);
  // Runs of neighbouring ends (one place, give or take an edit): the ends with the fewest errors.
  const runs: Run[] = [];
  for (const stretch of scans(regions, text.length, m + k)) {
    if (!scanEnds(pattern, text, k, budget, stretch, column, runs)) return [];
  }
  runs.sort((a, b) => a.errors - b.errors);
  const out: ApproximateMatch[] = [];
  for (const run of runs) {
    for (const end of run.ends) {
      if (out.length >= MAX_FUZZY_CANDIDATES) return out;
      // The best start costs m × (m + errors) cells; the best candidates come first.
      if (!spend(budget, m * (m + run.errors + 1))) return out;
      out.push({ start: bestStart(pattern, text, end, run.errors), end, errors: run.errors });
    }
  }
  return out;
}

interface Run {
  last: number;
  errors: number;
  ends: number[];
}

/**
 * One stretch of the scan: text[scan, to) with a fresh column (the text as if it began at `scan`),
 * ends recorded from `from` on. A match with ≤ k edits ending at `from` or later starts at
 * `from − m − k` or later, which `scan` is not past: each end recorded has its exact count.
 * `false` when the budget ran out.
 */
function scanEnds(
  pattern: Int32Array,
  text: Int32Array,
  k: number,
  budget: FuzzyBudget,
  { scan, from, to }: Stretch,
  column: Int32Array,
  runs: Run[],
): boolean {
  const m = pattern.length;
  for (let i = 0; i <= m; i++) column[i] = i;
  let lastActive = Math.min(k + 1, m);
  for (let j = scan; j < to; j++) {
    const ch = text[j];
    let diagonal = 0; // row i - 1 at the previous text position (row 0 is always 0: free start)
    let left = 0; // row i - 1 at this text position
    // Charged a column at a time; a search that runs out returns nothing it could not finish.
    if (!spend(budget, lastActive + 1)) return false;
    for (let i = 1; i <= lastActive; i++) {
      const up = column[i] ?? 0;
      const value = pattern[i - 1] === ch ? diagonal : Math.min(diagonal, up, left) + 1;
      diagonal = up;
      column[i] = value;
      left = value;
    }
    while (lastActive > 0 && (column[lastActive] ?? 0) > k) lastActive--;
    if (lastActive < m) {
      // Rows past the last active one are > k (stale values are too, which is all that matters).
      lastActive++;
    } else if (j + 1 >= from) {
      const errors = column[m] ?? 0;
      const run = runs[runs.length - 1];
      if (run && run.last === j) {
        run.last = j + 1;
        if (errors < run.errors) {
          run.errors = errors;
          run.ends = [j + 1];
        } else if (errors === run.errors && run.ends.length < 4) {
          run.ends.push(j + 1);
        }
      } else {
        runs.push({ last: j + 1, errors, ends: [j + 1] });
      }
    }
  }
  return true;
}

interface Stretch {
  /** Where the scan starts, where ends start to count, where it stops (text offsets). */
  scan: number;
  from: number;
  to: number;
}

/**
 * The stretches of text to scan for ends in `regions` (all of it without): each from `reach`
 * before its first end, so that a match ending there is seen whole; stretches that would overlap
 * are scanned as one.
 */
function scans(regions: readonly EndRegion[] | undefined, n: number, reach: number): Stretch[] {
  if (!regions) return [{ scan: 0, from: 0, to: n }];
  const out: Stretch[] = [];
  for (const region of regions) {
    const scan = Math.max(0, region.from - reach);
    const to = Math.min(n, region.to);
    const last = out[out.length - 1];
    if (last && scan <= last.to) last.to = Math.max(last.to, to);
    else out.push({ scan, from: region.from, to });
  }
  return out;
}

/** The start of the best match of `pattern` ending at `end` (edit distance to text[start, end)). */
function bestStart(pattern: Int32Array, text: Int32Array, end: number, errors: number): number {
  const m = pattern.length;
  const from = Math.max(0, end - m - errors);
  const width = end - from;
  // distance[i][s]: pattern's last i code points against text[end - s, end); the start is free.
  let prev = new Int32Array(width + 1);
  let cur = new Int32Array(width + 1);
  for (let s = 0; s <= width; s++) prev[s] = s;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    const p = pattern[m - i];
    for (let s = 1; s <= width; s++) {
      const sub = (prev[s - 1] ?? 0) + (p === text[end - s] ? 0 : 1);
      cur[s] = Math.min(sub, (prev[s] ?? 0) + 1, (cur[s - 1] ?? 0) + 1);
    }
    [prev, cur] = [cur, prev];
  }
  let best = m <= width ? m : width;
  for (let s = 0; s <= width; s++) {
    const d = prev[s] ?? 0;
    const bestD = prev[best] ?? 0;
    if (d < bestD || (d === bestD && Math.abs(s - m) < Math.abs(best - m))) best = s;
  }
  return end - best;
}

const INFINITE = 0x3fffffff;

/**
 * The best match of `pattern` starting near `center` (a code-point offset in `text`): edit
 * distance with a free start within `band` of `center` and a free end, along the diagonals within
 * `band` of the one through `center` — m × (2·band + 1) cells, whatever the text's length. Finds a
 * match whose insertions and deletions never drift more than `band` apart; `null` if none is
 * within `maxErrors`, or if the budget ran out.
 */
export function bandedMatch(
  pattern: Int32Array,
  text: Int32Array,
  center: number,
  band: number,
  maxErrors: number,
  budget: FuzzyBudget,
): ApproximateMatch | null {
  const m = pattern.length;
  const n = text.length;
  const width = 2 * band + 1;
  if (m === 0 || !spend(budget, m * width)) return null;
  // Diagonal index x = d + band, d ∈ [−band, band]: row i, diagonal d ends at text offset center + i + d.
  let prev = new Int32Array(width);
  let cur = new Int32Array(width);
  let prevStart = new Int32Array(width);
  let curStart = new Int32Array(width);
  for (let x = 0; x < width; x++) {
    const t = center + x - band;
    prev[x] = t >= 0 && t <= n ? 0 : INFINITE;
    prevStart[x] = t;
  }
  for (let i = 1; i <= m; i++) {
    const p = pattern[i - 1];
    let best = INFINITE;
    for (let x = 0; x < width; x++) {
      const t = center + i + x - band;
      if (t < 0 || t > n) {
        cur[x] = INFINITE;
        continue;
      }
      // Substitution or match: row i − 1, same diagonal, text offset t − 1.
      let value = t >= 1 ? (prev[x] ?? INFINITE) + (p === text[t - 1] ? 0 : 1) : INFINITE;
      let start = prevStart[x] ?? 0;
      // A pattern character left out: row i − 1, diagonal d + 1 (the same text offset).
      const del = x + 1 < width ? (prev[x + 1] ?? INFINITE) + 1 : INFINITE;
      if (del < value) {
        value = del;
        start = prevStart[x + 1] ?? 0;
      }
      // A text character left out: row i, diagonal d − 1 (text offset t − 1).
      const ins = x > 0 ? (cur[x - 1] ?? INFINITE) + 1 : INFINITE;
      if (ins < value) {
        value = ins;
        start = curStart[x - 1] ?? 0;
      }
      cur[x] = value;
      curStart[x] = start;
      if (value < best) best = value;
    }
    // Every diagonal already needs more than `maxErrors` edits: no match here.
    if (best > maxErrors) return null;
    [prev, cur] = [cur, prev];
    [prevStart, curStart] = [curStart, prevStart];
  }
  let at = -1;
  for (let x = 0; x < width; x++) {
    const value = prev[x] ?? INFINITE;
    if (value <= maxErrors && (at < 0 || value < (prev[at] ?? INFINITE) || (value === prev[at] && Math.abs(x - band) < Math.abs(at - band)))) at = x;
  }
  if (at < 0) return null;
  return { start: prevStart[at] ?? 0, end: center + m + at - band, errors: prev[at] ?? 0 };
}
