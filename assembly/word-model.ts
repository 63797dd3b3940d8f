// The word model's numeric kernels (`src-main/core/compare/word-model.ts` lays out the memory and
// passes byte offsets into it): the pair id of every slot, and IBM Model 1's EM in both directions
// at once. Arithmetic in float64, each count and probability stored as float32 (as the JavaScript
// this replaced did into Float32Arrays: the same operations in the same order, so the same tables
// bit for bit; `word-model.test.ts` checks them against a plain reference). Compiled by
// `npm run build:wasm` (scripts/build-wasm.ts). No allocator: nothing here allocates.

/**
 * Where each English word occurs, grouped by word (the first step of the pair ids): `occurrences`
 * (enSize + 1 i32) the start of each word's group in `occRow` and `occAt` (one i32 per English word
 * of the rows: the row, and the word's place in it); `fill` (enSize i32) is scratch.
 */
export function occurrencesOf(enSize: i32, trained: i32, enIds: usize, enStart: usize, occurrences: usize, occRow: usize, occAt: usize, fill: usize): void {
  const enTotal = load<i32>(enStart + (<usize>trained << 2));
  memory.fill(occurrences, 0, (<usize>enSize + 1) << 2);
  for (let i = 0; i < enTotal; i++) {
    const o = occurrences + (<usize>(load<i32>(enIds + (<usize>i << 2)) + 1) << 2);
    store<i32>(o, load<i32>(o) + 1);
  }
  for (let k = 0; k < enSize; k++) {
    const o = occurrences + (<usize>(k + 1) << 2);
    store<i32>(o, load<i32>(o) + load<i32>(o - 4));
  }
  memory.copy(fill, occurrences, <usize>enSize << 2);
  for (let t = 0; t < trained; t++) {
    const from = load<i32>(enStart + (<usize>t << 2));
    const to = load<i32>(enStart + (<usize>(t + 1) << 2));
    for (let i = from; i < to; i++) {
      const f = fill + (<usize>load<i32>(enIds + (<usize>i << 2)) << 2);
      const z = load<i32>(f);
      store<i32>(f, z + 1);
      store<i32>(occRow + (<usize>z << 2), t);
      store<i32>(occAt + (<usize>z << 2), i - from);
    }
  }
}

/**
 * The pair ids of English words `from` to `to` (`occurrencesOf` done, `mark` — ruSize i32 — all −1
 * before the first call): the pair id of every slot (row t, English word a, Russian word b) at
 * `slots[slotStart[t] + a * m + b]`, and each new pair's word ids (`pairEn`, `pairRu`), the first
 * new one numbered `P`. The rows an English word occurs in are visited together, and a dense mark
 * per Russian word gives the pair id (no hash lookup per slot): the pairs of one English word get
 * consecutive ids. `touched` (ruSize i32) is scratch. Gives the number of pairs so far.
 */
export function assignPairs(
  from: i32,
  to: i32,
  P: i32,
  ruIds: usize,
  ruStart: usize,
  slotStart: usize,
  slots: usize,
  pairEn: usize,
  pairRu: usize,
  occurrences: usize,
  occRow: usize,
  occAt: usize,
  mark: usize,
  touched: usize,
): i32 {
  for (let e = from; e < to; e++) {
    let touchedCount = 0;
    const last = load<i32>(occurrences + (<usize>(e + 1) << 2));
    for (let z = load<i32>(occurrences + (<usize>e << 2)); z < last; z++) {
      const t = load<i32>(occRow + (<usize>z << 2));
      const r0 = load<i32>(ruStart + (<usize>t << 2));
      const m = load<i32>(ruStart + (<usize>(t + 1) << 2)) - r0;
      const base = load<i32>(slotStart + (<usize>t << 2)) + load<i32>(occAt + (<usize>z << 2)) * m;
      for (let j = 0; j < m; j++) {
        const rj = load<i32>(ruIds + (<usize>(r0 + j) << 2));
        const mk = mark + (<usize>rj << 2);
        let p = load<i32>(mk);
        if (p < 0) {
          p = P++;
          store<i32>(pairEn + (<usize>p << 2), e);
          store<i32>(pairRu + (<usize>p << 2), rj);
          store<i32>(mk, p);
          store<i32>(touched + (<usize>touchedCount << 2), rj);
          touchedCount++;
        }
        store<i32>(slots + (<usize>(base + j) << 2), p);
      }
    }
    for (let k = 0; k < touchedCount; k++) store<i32>(mark + (<usize>load<i32>(touched + (<usize>k << 2)) << 2), -1);
  }
  return P;
}

/** Probabilities at the start: 1 for every pair, 5 for the lexicon's (both directions); each NULL table uniform. */
export function initialise(P: i32, prior: usize, prob: usize, ruSize: i32, nullsRu: usize, enSize: i32, nullsEn: usize): void {
  for (let p = 0; p < P; p++) {
    const v: f32 = load<u8>(prior + <usize>p) != 0 ? 5 : 1;
    store<f32>(prob + (<usize>p << 3), v);
    store<f32>(prob + (<usize>p << 3) + 4, v);
  }
  const nr = 1 / <f64>max(1, ruSize);
  for (let r = 0; r < ruSize; r++) store<f64>(nullsRu + (<usize>r << 3), nr);
  const ne = 1 / <f64>max(1, enSize);
  for (let e = 0; e < enSize; e++) store<f64>(nullsEn + (<usize>e << 3), ne);
}

/**
 * The E-step of rows `from` to `to` (`bothCounts`): the expected counts of both directions added
 * into `count` (pair p forward at 2p, backward at 2p + 1) and the NULL counts.
 */
export function counts(
  from: i32,
  to: i32,
  enIds: usize,
  ruIds: usize,
  enStart: usize,
  ruStart: usize,
  slotStart: usize,
  slots: usize,
  prob: usize,
  nullsRu: usize,
  nullsEn: usize,
  count: usize,
  countNullRu: usize,
  countNullEn: usize,
  sum: usize,
  inv: usize,
  localF: usize,
  localB: usize,
): void {
  for (let t = from; t < to; t++) {
    const e0 = load<i32>(enStart + (<usize>t << 2));
    const n = load<i32>(enStart + (<usize>(t + 1) << 2)) - e0;
    const r0 = load<i32>(ruStart + (<usize>t << 2));
    const m = load<i32>(ruStart + (<usize>(t + 1) << 2)) - r0;
    const s0 = load<i32>(slotStart + (<usize>t << 2));
    for (let j = 0; j < m; j++) {
      const r = load<i32>(ruIds + (<usize>(r0 + j) << 2));
      store<f64>(sum + (<usize>j << 3), load<f64>(nullsRu + (<usize>r << 3)));
    }
    for (let i = 0; i < n; i++) {
      const base = s0 + i * m;
      const at = i * m;
      let z = load<f64>(nullsEn + (<usize>load<i32>(enIds + (<usize>(e0 + i) << 2)) << 3));
      for (let j = 0; j < m; j++) {
        const p2 = prob + (<usize>load<i32>(slots + (<usize>(base + j) << 2)) << 3);
        const qf = <f64>load<f32>(p2);
        const qb = <f64>load<f32>(p2, 4);
        store<f64>(localF + (<usize>(at + j) << 3), qf);
        store<f64>(localB + (<usize>(at + j) << 3), qb);
        const sj = sum + (<usize>j << 3);
        store<f64>(sj, load<f64>(sj) + qf);
        z += qb;
      }
      store<f64>(inv + (<usize>i << 3), 1 / z);
    }
    for (let j = 0; j < m; j++) {
      const sj = sum + (<usize>j << 3);
      const s = 1 / load<f64>(sj);
      store<f64>(sj, s);
      const r = load<i32>(ruIds + (<usize>(r0 + j) << 2));
      const c = countNullRu + (<usize>r << 3);
      store<f64>(c, load<f64>(c) + load<f64>(nullsRu + (<usize>r << 3)) * s);
    }
    for (let i = 0; i < n; i++) {
      const e = load<i32>(enIds + (<usize>(e0 + i) << 2));
      const w = load<f64>(inv + (<usize>i << 3));
      const c = countNullEn + (<usize>e << 3);
      store<f64>(c, load<f64>(c) + load<f64>(nullsEn + (<usize>e << 3)) * w);
      const base = s0 + i * m;
      const at = i * m;
      for (let j = 0; j < m; j++) {
        const c2 = count + (<usize>load<i32>(slots + (<usize>(base + j) << 2)) << 3);
        store<f32>(c2, <f32>(<f64>load<f32>(c2) + load<f64>(localF + (<usize>(at + j) << 3)) * load<f64>(sum + (<usize>j << 3))));
        store<f32>(c2, <f32>(<f64>load<f32>(c2, 4) + load<f64>(localB + (<usize>(at + j) << 3)) * w), 4);
      }
    }
  }
}

/** The M-step (`bothTotals`, `bothNormalise`, `maximiseNull` of each side). `totalEn` and `totalRu` must be zero. */
export function maximise(
  P: i32,
  prior: usize,
  priorCount: f64,
  pairEn: usize,
  pairRu: usize,
  count: usize,
  totalEn: usize,
  totalRu: usize,
  prob: usize,
  ruSize: i32,
  countNullRu: usize,
  nullsRu: usize,
  enSize: i32,
  countNullEn: usize,
  nullsEn: usize,
): void {
  for (let p = 0; p < P; p++) {
    const c = count + (<usize>p << 3);
    if (load<u8>(prior + <usize>p) != 0) {
      store<f32>(c, <f32>(<f64>load<f32>(c) + priorCount));
      store<f32>(c, <f32>(<f64>load<f32>(c, 4) + priorCount), 4);
    }
    const te = totalEn + (<usize>load<i32>(pairEn + (<usize>p << 2)) << 3);
    store<f64>(te, load<f64>(te) + <f64>load<f32>(c));
    const tr = totalRu + (<usize>load<i32>(pairRu + (<usize>p << 2)) << 3);
    store<f64>(tr, load<f64>(tr) + <f64>load<f32>(c, 4));
  }
  for (let p = 0; p < P; p++) {
    const c = count + (<usize>p << 3);
    const q = prob + (<usize>p << 3);
    store<f32>(q, <f32>(<f64>load<f32>(c) / orOne(load<f64>(totalEn + (<usize>load<i32>(pairEn + (<usize>p << 2)) << 3)))));
    store<f32>(q, <f32>(<f64>load<f32>(c, 4) / orOne(load<f64>(totalRu + (<usize>load<i32>(pairRu + (<usize>p << 2)) << 3)))), 4);
  }
  maximiseNull(ruSize, countNullRu, nullsRu);
  maximiseNull(enSize, countNullEn, nullsEn);
}

/** JavaScript's `x || 1` of a number (inlined by the optimiser). */
function orOne(x: f64): f64 {
  return x != 0 && x == x ? x : 1;
}

function maximiseNull(size: i32, countNull: usize, nulls: usize): void {
  let total: f64 = 0;
  for (let k = 0; k < size; k++) total += load<f64>(countNull + (<usize>k << 3));
  const d = orOne(total);
  for (let k = 0; k < size; k++) store<f64>(nulls + (<usize>k << 3), load<f64>(countNull + (<usize>k << 3)) / d);
}

/** Where the caller's memory may start (after this module's own data). */
export function heapBase(): usize {
  return __heap_base;
}
