/**
 * Which rows hold which word stems, per language, packed in typed arrays: made in the compare
 * worker from the tokens it has, so that main can answer a concordance query by tokenizing only
 * the rows that hold every word of the query (not the whole document). Pure TypeScript.
 */
import { FormCache, type Token } from './tokens';

export interface StemIndex {
  /** The distinct stems, by id. */
  stems: string[];
  /** Row `k`'s stem ids (one per token, in text order) are `ids[rowStart[k]]` to `ids[rowStart[k + 1]]`. */
  rowStart: Int32Array<ArrayBuffer>;
  ids: Int32Array<ArrayBuffer>;
}

export function stemIndex(rows: readonly (readonly Token[])[]): StemIndex {
  const idOf = new Map<string, number>();
  const byForm = new FormCache<number>();
  const stems: string[] = [];
  let n = 0;
  for (const tokens of rows) n += tokens.length;
  const rowStart = new Int32Array(rows.length + 1);
  const ids = new Int32Array(n);
  let z = 0;
  rows.forEach((tokens, k) => {
    rowStart[k] = z;
    for (const t of tokens) {
      let id = byForm.get(t);
      if (id === undefined) {
        id = idOf.get(t.stem);
        if (id === undefined) {
          id = stems.length;
          idOf.set(t.stem, id);
          stems.push(t.stem);
        }
        byForm.set(t, id);
      }
      ids[z++] = id;
    }
  });
  rowStart[rows.length] = z;
  return { stems, rowStart, ids };
}

/** The rows (in order) that hold every one of `stems`; none if a stem occurs nowhere. */
export function rowsWithStems(index: StemIndex, stems: readonly string[]): number[] {
  if (stems.length === 0) return [];
  const wanted = new Set(stems);
  const ids = new Int32Array(wanted.size);
  let w = 0;
  for (const stem of wanted) {
    const id = index.stems.indexOf(stem);
    if (id < 0) return [];
    ids[w++] = id;
  }
  const out: number[] = [];
  const { rowStart } = index;
  const all = index.ids;
  for (let k = 0; k + 1 < rowStart.length; k++) {
    let found = 0;
    for (let q = 0; q < ids.length; q++) {
      const id = ids[q]!;
      for (let z = rowStart[k]!; z < rowStart[k + 1]!; z++) {
        if (all[z] === id) {
          found++;
          break;
        }
      }
      if (found <= q) break;
    }
    if (found === ids.length) out.push(k);
  }
  return out;
}

/** The buffers of an index, to transfer it between threads. */
export function stemIndexBuffers(index: StemIndex): ArrayBuffer[] {
  return [index.rowStart.buffer, index.ids.buffer];
}
