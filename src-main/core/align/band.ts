/**
 * The cells of the dynamic programme's matrix that are searched: a band of columns per row, built
 * around a coarser path, around the length diagonal, or the full matrix. Pure TypeScript.
 */
import type { Bead } from '../model';
import type { Problem } from './problem';

/** Cells of the DP matrix that are searched: columns lo[i]..hi[i] of each row i. */
export interface Band {
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

export function fullBand(n: number, m: number): Band {
  return makeBand(new Int32Array(n + 1), new Int32Array(n + 1).fill(m));
}

/**
 * The band around a coarse path projected onto the fine grid: every cell of each coarse bead's
 * rectangle, widened by `w` columns each side and spread over `w / 2` rows up and down.
 */
export function bandAround(coarse: readonly Bead[], factor: number, n: number, m: number, w: number): Band {
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

/** Columns within `w` of the length diagonal (the Russian unit at the same share of its side's length). */
export function diagonalBand(problem: Problem, w: number): Band {
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

export function unionBands(a: Band, b: Band): Band {
  const lo = a.lo.map((x, i) => Math.min(x, b.lo[i]!));
  const hi = a.hi.map((x, i) => Math.max(x, b.hi[i]!));
  return makeBand(lo, hi);
}
