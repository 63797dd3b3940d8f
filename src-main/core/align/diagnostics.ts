/**
 * What an alignment got wrong, by kind, and how well its confidences point at the wrong beads.
 * Used by `npm run eval` beside the vecalign scores of `evaluation.ts`. Pure TypeScript.
 *
 * Kinds of error (issue 13), each counted against the gold alignment:
 *  - `overMerge`: a predicted 2-2 (or larger on both sides) bead that is not a gold bead — most often
 *    two parallel list items that are two 1-1 beads in the gold;
 *  - `absorbedOmission`: a unit the gold leaves alone (1-0 / 0-1: a line left untranslated) that the
 *    prediction puts into a bead with units of the other side;
 *  - `fragment`: a short unit (a parenthesis split off a list item, a two-word heading) that the
 *    prediction pairs with other-side units its gold bead does not hold (it went to the wrong neighbour);
 *  - `unalignedHeading`: a heading-like unit that has a counterpart in the gold (often glued onto the
 *    previous line on the other side) left in a 1-0 / 0-1 bead;
 *  - `unflaggedUntranslated`: a gold bead whose two sides are the same text (a paragraph left in English
 *    in the Russian file) predicted without the `untranslated` flag; `falseUntranslated` counts flags
 *    on beads none of whose units is in such a gold bead.
 */
import type { GoldBead } from './evaluation';
import { isHeadingLike } from './shape';
import { sameText } from './untranslated';

/** A predicted bead as the diagnostics read it. */
export interface PredictedBead extends GoldBead {
  confidence: number;
  untranslated?: boolean;
}

/** Units of at most this many characters count as fragments. */
const FRAGMENT_LENGTH = 40;

export interface ErrorCounts {
  overMerge: number;
  absorbedOmission: number;
  fragment: number;
  unalignedHeading: number;
  unflaggedUntranslated: number;
  falseUntranslated: number;
}

const ERROR_KINDS: readonly (keyof ErrorCounts)[] = ['overMerge', 'absorbedOmission', 'fragment', 'unalignedHeading', 'unflaggedUntranslated', 'falseUntranslated'];

export const noErrors = (): ErrorCounts => ({ overMerge: 0, absorbedOmission: 0, fragment: 0, unalignedHeading: 0, unflaggedUntranslated: 0, falseUntranslated: 0 });

const beadKey = (bead: GoldBead): string => `${bead.en.join(',')}:${bead.ru.join(',')}`;

/** Per unit of one side, the index of the bead that holds it. */
function owners(beads: readonly GoldBead[], side: 'en' | 'ru', count: number): Int32Array {
  const owner = new Int32Array(count).fill(-1);
  beads.forEach((bead, b) => {
    for (const u of bead[side]) owner[u] = b;
  });
  return owner;
}

/** Counts the errors of `test` against `gold` over the units `en` and `ru`. */
export function countErrors(en: readonly string[], ru: readonly string[], gold: readonly GoldBead[], test: readonly PredictedBead[]): ErrorCounts {
  const counts = noErrors();
  const goldKeys = new Set(gold.map(beadKey));
  const texts = { en, ru };
  const goldOwner = { en: owners(gold, 'en', en.length), ru: owners(gold, 'ru', ru.length) };
  const testOwner = { en: owners(test, 'en', en.length), ru: owners(test, 'ru', ru.length) };
  for (const bead of test) {
    if (bead.en.length >= 2 && bead.ru.length >= 2 && !goldKeys.has(beadKey(bead))) counts.overMerge++;
    // A flag is false when none of the bead's English units is in an untranslated gold bead.
    if (bead.untranslated && !bead.en.some((i) => isUntranslatedGold(gold[goldOwner.en[i]!]!, en, ru))) counts.falseUntranslated++;
  }
  for (const side of ['en', 'ru'] as const) {
    const other = side === 'en' ? 'ru' : 'en';
    for (let u = 0; u < texts[side].length; u++) {
      const goldBead = gold[goldOwner[side][u]!]!;
      const testBead = test[testOwner[side][u]!]!;
      if (goldBead[other].length === 0) {
        if (testBead[other].length > 0) counts.absorbedOmission++;
        continue;
      }
      const text = texts[side][u]!;
      if (testBead[other].length === 0) {
        if (isHeadingLike(text)) counts.unalignedHeading++;
        continue;
      }
      if (text.length <= FRAGMENT_LENGTH && testBead[other].some((v) => !goldBead[other].includes(v))) counts.fragment++;
    }
  }
  for (const bead of gold) {
    if (!isUntranslatedGold(bead, en, ru)) continue;
    const testBead = test[testOwner.en[bead.en[0]!]!]!;
    if (!testBead.untranslated) counts.unflaggedUntranslated++;
  }
  return counts;
}

/** A gold bead with both sides the same text. */
function isUntranslatedGold(bead: GoldBead, en: readonly string[], ru: readonly string[]): boolean {
  return bead.en.length > 0 && bead.ru.length > 0 && sameText(bead.en.map((i) => en[i]!).join(' '), bead.ru.map((j) => ru[j]!).join(' '));
}

export function addErrors(a: ErrorCounts, b: ErrorCounts): ErrorCounts {
  const sum = noErrors();
  for (const kind of ERROR_KINDS) sum[kind] = a[kind] + b[kind];
  return sum;
}

/** How many predicted beads a confidence threshold flags, and how many of the wrong ones it catches. */
export interface Calibration {
  beads: number;
  wrong: number;
  flagged: number;
  caught: number;
  /**
   * Wrong beads that are not a finer split of one gold bead (all their units in the same gold bead,
   * both sides non-empty: the reader still sees the right units side by side, in two rows), and how
   * many of those are flagged.
   */
  misaligned: number;
  misalignedCaught: number;
}

export const noCalibration = (): Calibration => ({ beads: 0, wrong: 0, flagged: 0, caught: 0, misaligned: 0, misalignedCaught: 0 });

/** Beads below `threshold` are flagged; a bead is wrong when it is not exactly a gold bead. */
export function calibration(gold: readonly GoldBead[], test: readonly PredictedBead[], threshold: number): Calibration {
  const goldKeys = new Set(gold.map(beadKey));
  const enOwner = new Map<number, number>();
  const ruOwner = new Map<number, number>();
  gold.forEach((bead, b) => {
    for (const i of bead.en) enOwner.set(i, b);
    for (const j of bead.ru) ruOwner.set(j, b);
  });
  const result = noCalibration();
  for (const bead of test) {
    const wrong = !goldKeys.has(beadKey(bead));
    const flagged = bead.confidence < threshold;
    result.beads++;
    if (wrong) result.wrong++;
    if (flagged) result.flagged++;
    if (wrong && flagged) result.caught++;
    if (!wrong) continue;
    const owner = new Set([...bead.en.map((i) => enOwner.get(i)), ...bead.ru.map((j) => ruOwner.get(j))]);
    const finer = bead.en.length > 0 && bead.ru.length > 0 && owner.size === 1;
    if (finer) continue;
    result.misaligned++;
    if (flagged) result.misalignedCaught++;
  }
  return result;
}

export const addCalibration = (a: Calibration, b: Calibration): Calibration => ({
  beads: a.beads + b.beads,
  wrong: a.wrong + b.wrong,
  flagged: a.flagged + b.flagged,
  caught: a.caught + b.caught,
  misaligned: a.misaligned + b.misaligned,
  misalignedCaught: a.misalignedCaught + b.misalignedCaught,
});
