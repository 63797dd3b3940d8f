/**
 * Which rows hold which word stems, per language, packed in typed arrays: made in the compare
 * worker from the tokens it has, so that main can answer a concordance query by tokenizing only
 * the rows that hold every word of the query (not the whole document). Pure TypeScript.
 */
import { type Token, type TokenColumn, columnOf } from './tokens';

export interface StemIndex {
  /** The distinct stems, by id. */
  stems: string[];
  /** Row `k`'s stem ids (one per token, in text order) are `ids[rowStart[k]]` to `ids[rowStart[k + 1]]`. */
  rowStart: Int32Array<ArrayBuffer>;
  ids: Int32Array<ArrayBuffer>;
}

export function stemIndex(rows: readonly (readonly Token[])[] | TokenColumn): StemIndex {
  // Which language does not matter here: the column only numbers the forms.
  const column = Array.isArray(rows) ? columnOf(rows as readonly (readonly Token[])[], 'en') : (rows as TokenColumn);
  const idOf = new Map<string, number>();
  const stems: string[] = [];
  // Each form's stem id, looked up the first time the form is met (−1: not yet).
  const byForm = new Int32Array(column.words.length).fill(-1);
  const rowStart = Int32Array.from(column.rowStart);
  const ids = new Int32Array(column.forms.length);
  for (let z = 0; z < ids.length; z++) {
    const form = column.forms[z]!;
    let id = byForm[form]!;
    if (id < 0) {
      const stem = column.words[form]!.stem;
      let known = idOf.get(stem);
      if (known === undefined) {
        known = stems.length;
        idOf.set(stem, known);
        stems.push(stem);
      }
      byForm[form] = id = known;
    }
    ids[z] = id;
  }
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
