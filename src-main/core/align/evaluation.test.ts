import { describe, expect, it } from 'vitest';
import { mulberry32, parseEvalSet, perturb, precisionCounts, scoreMultiple } from './evaluation';

const SET = parseEvalSet(
  'tiny',
  '# comment\nen: A one.\nru: А один.\n\nen: B two.\nen: C three.\nru: БВ два-три.\n\nen: D four.\nru: Г четыре.\nru: Д пять.\n\nru: Е лишнее.\n\nen: F six.\nru: Ж шесть.\n',
);

describe('parseEvalSet', () => {
  it('reads segments and gold beads from blocks', () => {
    expect(SET.en).toEqual(['A one.', 'B two.', 'C three.', 'D four.', 'F six.']);
    expect(SET.gold).toEqual([
      { en: [0], ru: [0] },
      { en: [1, 2], ru: [1] },
      { en: [3], ru: [2, 3] },
      { en: [], ru: [4] },
      { en: [4], ru: [5] },
    ]);
  });
});

describe('vecalign scores', () => {
  it('counts strict and lax matches as score.py does', () => {
    const gold = [
      { en: [0], ru: [0] },
      { en: [1, 2], ru: [1] },
      { en: [3], ru: [] },
    ];
    const test = [
      { en: [0], ru: [0] }, // strict
      { en: [1], ru: [1] }, // lax only
      { en: [2], ru: [] }, // neither
      { en: [3], ru: [] }, // strict
    ];
    expect(precisionCounts(gold, test)).toEqual({ tpStrict: 2, fpStrict: 2, tpLax: 3, fpLax: 1 });
    const scores = scoreMultiple([{ gold, test }]);
    expect(scores.precisionStrict).toBe(0.5);
    expect(scores.precisionLax).toBe(0.75);
    // Recall ignores 1-0/0-1 beads: gold [0]:[0] found exactly, [1,2]:[1] only laxly.
    expect(scores.recallStrict).toBe(0.5);
    expect(scores.recallLax).toBe(1);
    expect(scores.f1Strict).toBeCloseTo(0.5);
  });

  it('gives a perfect score to the gold alignment itself', () => {
    const scores = scoreMultiple([{ gold: SET.gold, test: SET.gold }]);
    expect([scores.f1Strict, scores.f1Lax]).toEqual([1, 1]);
  });
});

describe('perturb', () => {
  it('is deterministic for a seed', () => {
    expect(mulberry32(7)()).toBe(mulberry32(7)());
    const variant = [{ op: 'omit', side: 'en', share: 0.4 } as const, { op: 'merge', side: 'ru', share: 0.3 } as const];
    expect(perturb(SET, variant, 3)).toEqual(perturb(SET, variant, 3));
  });

  it('keeps the gold consistent: every unit in exactly one bead, in order', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const p = perturb(SET, [{ op: 'omit', side: 'ru', share: 0.2 }, { op: 'merge', side: 'en', share: 0.3 }, { op: 'split', side: 'en', share: 0.2 }], seed);
      expect(p.gold.flatMap((b) => b.en)).toEqual(p.en.map((_, i) => i));
      expect(p.gold.flatMap((b) => b.ru)).toEqual(p.ru.map((_, j) => j));
    }
  });

  it('turns an omitted unit into a one-sided bead and a merge into a joined bead', () => {
    const omitted = perturb(SET, [{ op: 'omit', side: 'ru', share: 0.01 }], 1);
    expect(omitted.ru).toHaveLength(SET.ru.length - 1);
    const merged = perturb(SET, [{ op: 'merge', side: 'en', share: 0.01 }], 1);
    expect(merged.en).toHaveLength(SET.en.length - 1);
    expect(merged.gold.length).toBeLessThan(SET.gold.length);
  });
});
