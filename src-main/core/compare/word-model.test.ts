import { describe, expect, it } from 'vitest';
import { shippedLexicon } from '../align/lexicon';
import { benchBaseRows } from './testing';
import { tokenizeColumn } from './tokens';
import { prepareWordModel, trainBoth, trainDirection } from './word-model';

/** Elements that differ (bit for bit: `Object.is`), and the lengths if they differ. */
function differences(a: Float32Array | Float64Array, b: Float32Array | Float64Array): number {
  if (a.length !== b.length) return Math.max(a.length, b.length);
  let n = 0;
  for (let k = 0; k < a.length; k++) if (!Object.is(a[k], b[k])) n++;
  return n;
}

describe('the word model trained both ways at once', () => {
  it('gives exactly what each direction trained on its own gives', () => {
    const rows = benchBaseRows();
    const columns = { en: tokenizeColumn(rows.map((r) => r.en), 'en'), ru: tokenizeColumn(rows.map((r) => r.ru), 'ru') };
    const tables = prepareWordModel(columns, { lexicon: shippedLexicon() });
    expect(tables.pairEn.length).toBeGreaterThan(1000);
    const both = trainBoth(tables);
    const forward = trainDirection(tables, 'forward');
    const backward = trainDirection(tables, 'backward');
    expect([differences(both.forward.prob, forward.prob), differences(both.forward.nulls, forward.nulls)]).toEqual([0, 0]);
    expect([differences(both.backward.prob, backward.prob), differences(both.backward.nulls, backward.nulls)]).toEqual([0, 0]);
    // The two directions differ (the test could not pass with one table given for both).
    expect(differences(both.forward.prob, both.backward.prob)).toBeGreaterThan(100);
  });
});
