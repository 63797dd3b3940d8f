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
