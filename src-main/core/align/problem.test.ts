import { describe, expect, it } from 'vitest';
import type { FlatBags } from './anchors';
import { repeatsOf, repeatsOf2And3 } from './problem';

/** Bags of `count` units over `ids` anchor ids, each unit a sorted run of distinct ids with counts 1–3. */
function randomBags(count: number, ids: number, seed: number): FlatBags {
  let state = seed;
  const next = (n: number): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % n;
  };
  const offsets = new Int32Array(count + 1);
  const flatIds: number[] = [];
  const counts: number[] = [];
  for (let u = 0; u < count; u++) {
    const size = next(7);
    const unit = new Set<number>();
    for (let k = 0; k < size; k++) unit.add(next(ids));
    for (const id of [...unit].sort((a, b) => a - b)) {
      flatIds.push(id);
      counts.push(1 + next(3));
    }
    offsets[u + 1] = flatIds.length;
  }
  return { offsets, ids: Int32Array.from(flatIds), counts: Int32Array.from(counts) };
}

describe('repeats of runs of two and three units', () => {
  it('are those of the pairwise merges, in their order and with their counts', () => {
    let repeated = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const count = 1 + (seed % 9) * 7;
      // Few ids: most neighbouring units share some.
      const ids = 4 + (seed % 5) * 3;
      const bags = randomBags(count, ids, seed);
      const [two, three] = repeatsOf2And3(bags, count, ids);
      const expected2 = repeatsOf(bags, count, 2, ids);
      const expected3 = repeatsOf(bags, count, 3, ids);
      expect({ offsets: [...two.offsets], ids: [...two.ids], counts: [...two.counts], width: two.width }).toEqual({
        offsets: [...expected2.offsets],
        ids: [...expected2.ids],
        counts: [...expected2.counts],
        width: expected2.width,
      });
      expect({ offsets: [...three.offsets], ids: [...three.ids], counts: [...three.counts], width: three.width }).toEqual({
        offsets: [...expected3.offsets],
        ids: [...expected3.ids],
        counts: [...expected3.counts],
        width: expected3.width,
      });
      repeated += three.ids.length;
    }
    // The cases are not empty: many runs hold repeats.
    expect(repeated).toBeGreaterThan(200);
  });
});
