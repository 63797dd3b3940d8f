/**
 * `npm run eval`: scores the aligner on the evaluation sets in src-main/core/align/eval/ and on the
 * bundled statement (its hand-checked fixture), each clean and with seeded perturbations (omitted,
 * merged and split sentences), against a length-only Gale–Church-style baseline. Scores are
 * vecalign's strict/lax precision, recall and F1 (see src-main/core/align/evaluation.ts).
 * Input is pre-segmented (one unit per gold segment), as `bitext align --presegmented` sees it.
 *
 * Then, per set (all variants pooled), beside the goals of issue 13: strict and lax F1, the errors by
 * kind (src-main/core/align/diagnostics.ts) and the confidence calibration — the share of beads below
 * `WEAK_CONFIDENCE` and the share of the wrong beads among them.
 *
 * The calibration is reported twice: as shipped (`CALIBRATION`, fitted on all six sets: in-sample) and
 * held out, each set scored by the same fit made on the other five (leave one set out), which is what
 * the goals are checked on. A wrong bead is any bead not exactly in the gold, a finer split of one gold
 * bead included (two 1-1 rows where the gold has one 2-2); the "misaligned" columns leave those out. `npm run eval -- --fit` refits `CALIBRATION` (src-main/core/align/confidence.ts)
 * on all sets and prints it beside the held-out figures; `npm run eval -- --nested` scores each set
 * by a fit whose penalty too was chosen on the other five only;
 * `npm run eval -- --errors [set]` prints every wrong bead in context.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { alignSequences, alignSequencesWithModel } from '../src-main/core/align/align';
import { CALIBRATION, CATCH_GOAL, FEATURE_NAMES, FLAG_BUDGET, FLAG_SHARE_GOAL, WEAK_CONFIDENCE, beadFeatures, logistic, textShares } from '../src-main/core/align/confidence';
import { CLAUSE_BEAD_SHAPES, LENGTH_ONLY_ANCHOR_WEIGHTS } from '../src-main/core/align/cost';
import {
  type Calibration,
  type ErrorCounts,
  type PredictedBead,
  addCalibration,
  addErrors,
  calibration,
  countErrors,
  noCalibration,
  noErrors,
} from '../src-main/core/align/diagnostics';
import { type EvalSet, type GoldBead, type Scores, VARIANTS, parseEvalSet, perturb, scoreMultiple, setFromRows } from '../src-main/core/align/evaluation';

const root = fileURLToPath(new URL('..', import.meta.url));
const evalDir = join(root, 'src-main/core/align/eval');
const SEEDS = [1, 2, 3];
/** Strict F1 goal on every set (issue 13). */
const F1_GOAL = 0.97;

export function loadSets(): EvalSet[] {
  const sets = readdirSync(evalDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => parseEvalSet(f.replace(/\.txt$/u, ''), readFileSync(join(evalDir, f), 'utf8')));
  const fixture = JSON.parse(readFileSync(join(root, 'src-main/core/align/fixtures/asean-russia-covid19-2020.alignment.json'), 'utf8')) as {
    groups: { rows: { en: string[]; ru: string[] }[] }[];
  };
  sets.push(setFromRows('statement', fixture.groups.flatMap((g) => g.rows)));
  return sets;
}

/** The calibration samples of the last `ours` alignment (see `caseSamples`). */
let lastSamples: { features: number[]; bead: GoldBead }[] = [];

export const METHODS: Record<string, (en: string[], ru: string[]) => PredictedBead[]> = {
  ours: (en, ru) => {
    const aligned = alignSequencesWithModel(en, ru);
    const raw = aligned.beads.map((b, k) => ({ ...b, confidence: aligned.posteriors[k]! }));
    const shares = textShares(raw);
    lastSamples = raw.map((b, k) => ({ features: beadFeatures(raw, k, aligned.evidence[k], shares), bead: b }));
    return aligned.beads;
  },
  'length-only': (en, ru) =>
    alignSequences(en, ru, {
      anchorWeights: LENGTH_ONLY_ANCHOR_WEIGHTS,
      lexicon: null,
      names: false,
      calibrate: false,
      continuationCost: 0,
      cutCost: 0,
      shapes: [...CLAUSE_BEAD_SHAPES, { en: 2, ru: 2, prior: 5 }],
    }),
};

interface SetSummary {
  name: string;
  pairs: { gold: GoldBead[]; test: PredictedBead[] }[];
  errors: ErrorCounts;
  calibration: Calibration;
  worst: number;
  samples: Sample[];
}

function main(): void {
  const sets = loadSets();
  const methods = Object.keys(METHODS);
  const f = (x: number): string => x.toFixed(3);
  const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;
  const header = `| set | variant | gold beads | ${methods.map((m) => `${m} strict P / R / F1 | ${m} lax F1`).join(' | ')} |`;
  console.log(header);
  console.log(`|${header.split('|').slice(1, -1).map(() => '---').join('|')}|`);
  const pooled: Record<string, { gold: GoldBead[]; test: GoldBead[] }[]> = Object.fromEntries(methods.map((m) => [m, []]));
  const worst: Record<string, number> = Object.fromEntries(methods.map((m) => [m, 1]));
  const summaries: SetSummary[] = [];
  for (const set of sets) {
    const summary: SetSummary = { name: set.name, pairs: [], errors: noErrors(), calibration: noCalibration(), worst: 1, samples: [] };
    summaries.push(summary);
    for (const variant of VARIANTS) {
      const cases = (variant.perturbations.length === 0 ? [0] : SEEDS).map((seed) => perturb(set, variant.perturbations, seed * 7919 + set.name.length));
      const scores: Record<string, Scores> = {};
      for (const method of methods) {
        const pairs = cases.map((c) => {
          const test = METHODS[method]!(c.en, c.ru);
          if (method === 'ours') summary.samples.push(...labelled(set.name, c.gold, lastSamples, cleanBead(set, c)));
          return { gold: c.gold, test };
        });
        pooled[method]!.push(...pairs);
        scores[method] = scoreMultiple(pairs);
        worst[method] = Math.min(worst[method]!, scores[method].f1Strict);
        if (method !== 'ours') continue;
        summary.pairs.push(...pairs);
        summary.worst = Math.min(summary.worst, scores[method].f1Strict);
        cases.forEach((c, k) => {
          summary.errors = addErrors(summary.errors, countErrors(c.en, c.ru, c.gold, pairs[k]!.test));
          summary.calibration = addCalibration(summary.calibration, calibration(c.gold, pairs[k]!.test, WEAK_CONFIDENCE));
        });
      }
      const goldCount = cases.reduce((sum, c) => sum + c.gold.length, 0);
      console.log(
        `| ${set.name} | ${variant.name} | ${goldCount} | ${methods
          .map((m) => `${f(scores[m]!.precisionStrict)} / ${f(scores[m]!.recallStrict)} / **${f(scores[m]!.f1Strict)}** | ${f(scores[m]!.f1Lax)}`)
          .join(' | ')} |`,
      );
    }
  }
  const all = Object.fromEntries(methods.map((m) => [m, scoreMultiple(pooled[m]!)])) as Record<string, Scores>;
  console.log(
    `| **all** | pooled | | ${methods
      .map((m) => `${f(all[m]!.precisionStrict)} / ${f(all[m]!.recallStrict)} / **${f(all[m]!.f1Strict)}** | ${f(all[m]!.f1Lax)}`)
      .join(' | ')} |`,
  );
  console.log(`\nLowest strict F1 of any row: ${methods.map((m) => `${m} ${f(worst[m]!)}`).join(', ')}.`);
  console.log(`Sets: ${sets.map((s) => `${s.name} (${s.en.length} en / ${s.ru.length} ru segments)`).join(', ')}; perturbed variants use seeds ${SEEDS.join(', ')}.`);
  console.log('hunalign is not available offline here, so it is not in the table.');

  console.log(`\nOurs per set, all variants pooled. Goals: strict F1 ≥ ${F1_GOAL} on every set; no errors of any kind; rows below confidence ${WEAK_CONFIDENCE} ≤ ${pct(FLAG_SHARE_GOAL)} of the rows and ≥ ${pct(CATCH_GOAL)} of the wrong ones.`);
  console.log('Flagged and caught: first with the shipped calibration (`CALIBRATION` in confidence.ts, fitted on all six sets, so in-sample here), then held out: each set scored by the same fit made on the other five sets only (what the goals are checked on).\n');
  console.log('| set | strict F1 (goal ≥ 0.97) | lax F1 | worst variant strict F1 | 2-2 over-merge | absorbed untranslated | fragment misplaced | unaligned heading | unflagged untranslated | false untranslated flag | wrong beads | flagged, shipped | caught, shipped | misaligned caught, shipped (wrong, not a finer split of one gold bead) | flagged, held out (goal ≤ 10 %) | caught, held out (goal ≥ 70 %) | misaligned caught, held out |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  const held = leaveOneSetOut(summaries.flatMap((s) => s.samples));
  let errors = noErrors();
  let cal = noCalibration();
  const mark = (ok: boolean): string => (ok ? '' : ' ✗');
  const row = (name: string, scores: Scores, worstF1: string, e: ErrorCounts, c: Calibration, h: FlagCounts): string => {
    const flagged = c.flagged / Math.max(1, c.beads);
    const caught = c.wrong === 0 ? 1 : c.caught / c.wrong;
    const heldFlagged = h.flagged / Math.max(1, h.beads);
    const heldCaught = h.wrong === 0 ? 1 : h.caught / h.wrong;
    return `| ${name} | ${f(scores.f1Strict)}${mark(scores.f1Strict >= F1_GOAL)} | ${f(scores.f1Lax)} | ${worstF1} | ${e.overMerge} | ${e.absorbedOmission} | ${e.fragment} | ${e.unalignedHeading} | ${e.unflaggedUntranslated} | ${e.falseUntranslated} | ${c.wrong} of ${c.beads} | ${pct(flagged)} | ${pct(caught)} (${c.caught}) | ${pct(c.misaligned === 0 ? 1 : c.misalignedCaught / c.misaligned)} (${c.misalignedCaught} of ${c.misaligned}) | ${pct(heldFlagged)} (${h.flagged} of ${h.beads})${mark(heldFlagged <= FLAG_SHARE_GOAL)} | ${pct(heldCaught)} (${h.caught} of ${h.wrong}; ${interval(h.caught, h.wrong)}${h.restored > 0 ? `; ${h.caught - h.restoredCaught} of ${h.wrong - h.restored} leaving out ${h.restored} rows of the clean text` : ''})${mark(heldCaught >= CATCH_GOAL)} | ${pct(h.misaligned === 0 ? 1 : h.misalignedCaught / h.misaligned)} (${h.misalignedCaught} of ${h.misaligned}) |`;
  };
  for (const s of summaries) {
    errors = addErrors(errors, s.errors);
    cal = addCalibration(cal, s.calibration);
    console.log(row(s.name, scoreMultiple(s.pairs), f(s.worst), s.errors, s.calibration, held.get(s.name)!));
  }
  console.log(row('**all**', all.ours!, f(worst.ours!), errors, cal, addFlagCounts([...held.values()])));
  console.log('\n✗ marks a figure short of its goal. The interval beside "caught, held out" is the 95 % Wilson interval of k of n; the beads are not independent (the variants repeat each text, and a wrong bead often recurs in several), so the true uncertainty is wider still. A set with few wrong beads moves by 10–15 points for one bead. "Rows of the clean text": wrong beads whose texts are exactly a bead of the clean text’s gold (a planted merge cut again by a planted split where it had joined): the reader sees a right row, the same texts the clean text pairs, so only their neighbours could tell them apart.');
}

/** The 95 % Wilson score interval of k successes in n trials, as "a–b %". */
export function wilson(k: number, n: number, z = 1.96): [number, number] {
  if (n === 0) return [0, 1];
  const p = k / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

const interval = (k: number, n: number): string => {
  const [lo, hi] = wilson(k, n);
  return `95 % CI ${(100 * lo).toFixed(0)}–${(100 * hi).toFixed(0)} %`;
};

export interface Sample {
  set: string;
  features: number[];
  /** 1: the bead is in the gold. */
  right: number;
  /** A wrong bead that is a finer split of one gold bead (both its sides inside that bead). */
  finer: boolean;
  /**
   * A wrong bead whose texts are a bead of the clean text's gold: a planted merge that a planted split
   * cut again where it had joined, so the perturbed gold holds two beads as one. Such a row is right
   * for the reader, the same texts the clean text pairs: only its neighbours could tell it apart.
   */
  restored: boolean;
}

/** Per case: whether a bead's texts (its units joined) are those of a bead of the set's clean gold. */
export function cleanBead(set: EvalSet, c: EvalSet): (bead: GoldBead) => boolean {
  const key = (en: readonly string[], ru: readonly string[]): string => `${en.join(' ')}\u0000${ru.join(' ')}`;
  const keys = new Set(set.gold.map((b) => key(b.en.map((i) => set.en[i]!), b.ru.map((j) => set.ru[j]!))));
  return (bead) => keys.has(key(bead.en.map((i) => c.en[i]!), bead.ru.map((j) => c.ru[j]!)));
}

export function labelled(set: string, gold: readonly GoldBead[], samples: readonly { features: number[]; bead: GoldBead }[], clean: (bead: GoldBead) => boolean = () => false): Sample[] {
  const keys = new Set(gold.map((b) => `${b.en.join(',')}|${b.ru.join(',')}`));
  const owner = { en: new Map<number, number>(), ru: new Map<number, number>() };
  gold.forEach((b, g) => {
    for (const i of b.en) owner.en.set(i, g);
    for (const j of b.ru) owner.ru.set(j, g);
  });
  return samples.map((s) => {
    const right = keys.has(`${s.bead.en.join(',')}|${s.bead.ru.join(',')}`) ? 1 : 0;
    const owners = new Set([...s.bead.en.map((i) => owner.en.get(i)), ...s.bead.ru.map((j) => owner.ru.get(j))]);
    return { set, features: s.features, right, finer: !right && s.bead.en.length > 0 && s.bead.ru.length > 0 && owners.size === 1, restored: !right && clean(s.bead) };
  });
}

/** Every bead of our aligner on every set and variant, with its calibration features and label. */
export function samples(): Sample[] {
  const out: Sample[] = [];
  for (const set of loadSets()) {
    for (const variant of VARIANTS) {
      for (const seed of variant.perturbations.length === 0 ? [0] : SEEDS) {
        const c = perturb(set, variant.perturbations, seed * 7919 + set.name.length);
        METHODS.ours!(c.en, c.ru);
        out.push(...labelled(set.name, c.gold, lastSamples, cleanBead(set, c)));
      }
    }
  }
  return out;
}

/**
 * L2 penalty on the calibration's weights (not its bias). Held out, a weak penalty (0.01, until
 * 2 December 2026) fitted each set's quirks: the fit on five sets flagged 12–20 % of the sixth's rows
 * and caught 55 % of its wrong beads. At 20 the weights stay small and the fit carries over: held out
 * (each set scored by the fit on the other five), 9.4 % flagged and 77.9 % caught (with the posterior's
 * weight left unshrunk, `UNPENALISED`). The penalty chosen inside each fit instead, by leave-one-set-out
 * on its own five sets among `PENALTIES`, with or without the posterior's weight
 * (`npm run eval -- --nested`), gives 10.0 % and 79.2 % (four of the six fits leave the posterior
 * unshrunk): the figure is not one of choosing the penalty on the sets it is scored on.
 */
export const CALIBRATION_PENALTY = 20;

/**
 * The calibration fitted on `data`: maximum likelihood with the penalty `lambda`, then the bias moved
 * so that `FLAG_BUDGET` of the fitted beads fall below `WEAK_CONFIDENCE`.
 */
export function fitCalibration(data: readonly Sample[], lambda = CALIBRATION_PENALTY, unpenalised: ReadonlySet<number> = UNPENALISED): { bias: number; weights: number[]; mlBias: number } {
  const model = fitLogistic(data, lambda, unpenalised);
  const logitThreshold = Math.log(WEAK_CONFIDENCE / (1 - WEAK_CONFIDENCE));
  const scores = data.map((s) => s.features.reduce((sum, v, f) => sum + v * model.weights[f]!, 0)).sort((x, y) => x - y);
  const cut = scores[Math.floor(FLAG_BUDGET * scores.length)]!;
  return { bias: logitThreshold - cut + 1e-9, weights: model.weights, mlBias: model.bias };
}

interface FlagCounts {
  beads: number;
  flagged: number;
  wrong: number;
  caught: number;
  /** Wrong beads that are not a finer split of one gold bead, and those of them flagged. */
  misaligned: number;
  misalignedCaught: number;
  /** Wrong beads that are a bead of the clean text's gold (`Sample.restored`), and those flagged. */
  restored: number;
  restoredCaught: number;
}

export function flagCounts(data: readonly Sample[], calibration: { bias: number; weights: readonly number[] }): FlagCounts {
  const counts: FlagCounts = { beads: data.length, flagged: 0, wrong: 0, caught: 0, misaligned: 0, misalignedCaught: 0, restored: 0, restoredCaught: 0 };
  for (const sample of data) {
    const flag = logistic(sample.features, calibration) < WEAK_CONFIDENCE;
    if (flag) counts.flagged++;
    if (!sample.right) {
      counts.wrong++;
      if (flag) counts.caught++;
      if (!sample.finer) {
        counts.misaligned++;
        if (flag) counts.misalignedCaught++;
      }
      if (sample.restored) {
        counts.restored++;
        if (flag) counts.restoredCaught++;
      }
    }
  }
  return counts;
}

const addFlagCounts = (all: readonly FlagCounts[]): FlagCounts =>
  all.reduce(
    (a, b) => ({
      beads: a.beads + b.beads,
      flagged: a.flagged + b.flagged,
      wrong: a.wrong + b.wrong,
      caught: a.caught + b.caught,
      misaligned: a.misaligned + b.misaligned,
      misalignedCaught: a.misalignedCaught + b.misalignedCaught,
      restored: a.restored + b.restored,
      restoredCaught: a.restoredCaught + b.restoredCaught,
    }),
    { beads: 0, flagged: 0, wrong: 0, caught: 0, misaligned: 0, misalignedCaught: 0, restored: 0, restoredCaught: 0 },
  );

/** Per set: the flags of the calibration fitted on the other sets only. */
function leaveOneSetOut(data: readonly Sample[]): Map<string, FlagCounts> {
  const out = new Map<string, FlagCounts>();
  for (const name of new Set(data.map((s) => s.set))) {
    out.set(name, flagCounts(data.filter((s) => s.set === name), fitCalibration(data.filter((s) => s.set !== name))));
  }
  return out;
}

/**
 * The features the penalty leaves alone: the posterior's log-odds (feature 0), which carries most of the
 * weight. Shrinking it towards 0 took part of the aligner's own evidence away and handed it to the
 * corrections; held out, left unshrunk, story catches 7 of its 9 wrong beads (was 6), pooled 9.4 %
 * flagged and 77.9 % caught (was 76.6 %); chosen inside each fit (`--nested`), four of six fits leave
 * it unshrunk. Until 2 December 2026 every weight was shrunk.
 */
export const UNPENALISED: ReadonlySet<number> = new Set([0]);

/** Logistic regression by Newton's method (L2 penalty `lambda` on the weights but `UNPENALISED`, not the bias). */
function fitLogistic(data: readonly Sample[], lambda = 0.01, unpenalised: ReadonlySet<number> = UNPENALISED): { bias: number; weights: number[] } {
  const d = (data[0]?.features.length ?? FEATURE_NAMES.length) + 1;
  const beta = Array.from({ length: d }, () => 0);
  for (let iteration = 0; iteration < 50; iteration++) {
    const grad = Array.from({ length: d }, () => 0);
    const hess = Array.from({ length: d }, () => Array.from({ length: d }, () => 0));
    for (const sample of data) {
      const x = [1, ...sample.features];
      const z = x.reduce((sum, v, f) => sum + v * beta[f]!, 0);
      const p = 1 / (1 + Math.exp(-z));
      const w = Math.max(p * (1 - p), 1e-9);
      for (let a = 0; a < d; a++) {
        grad[a]! += (sample.right - p) * x[a]!;
        for (let b = 0; b < d; b++) hess[a]![b]! += w * x[a]! * x[b]!;
      }
    }
    for (let a = 1; a < d; a++) {
      if (unpenalised.has(a - 1)) continue;
      grad[a]! -= lambda * beta[a]!;
      hess[a]![a]! += lambda;
    }
    const step = solveLinear(hess, grad);
    let size = 0;
    for (let a = 0; a < d; a++) {
      beta[a]! += step[a]!;
      size = Math.max(size, Math.abs(step[a]!));
    }
    if (size < 1e-8) break;
  }
  return { bias: beta[0]!, weights: beta.slice(1) };
}

/** Gaussian elimination with partial pivoting: the x with A·x = b. */
function solveLinear(matrix: number[][], vector: number[]): number[] {
  const n = vector.length;
  const a = matrix.map((row, r) => [...row, vector[r]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    for (let r = col + 1; r < n; r++) {
      const factor = a[r]![col]! / a[col]![col]!;
      for (let k = col; k <= n; k++) a[r]![k]! -= factor * a[col]![k]!;
    }
  }
  const x = Array.from({ length: n }, () => 0);
  for (let r = n - 1; r >= 0; r--) {
    let sum = a[r]![n]!;
    for (let k = r + 1; k < n; k++) sum -= a[r]![k]! * x[k]!;
    x[r] = sum / a[r]![r]!;
  }
  return x;
}

/** The penalties `--nested` chooses among. */
const PENALTIES = [0.01, 1, 5, 20, 50, 100];

/**
 * `npm run eval -- --nested`: each set scored by a fit on the other five whose penalty (its size, and
 * whether it shrinks the posterior's weight too) is chosen on those five alone (leave one of them out
 * in turn; the choice catching most of their wrong beads with at most `FLAG_SHARE_GOAL` of their rows
 * flagged, the larger penalty on a tie).
 */
function nested(): void {
  const data = samples();
  const names = [...new Set(data.map((s) => s.set))];
  const results: FlagCounts[] = [];
  console.log('| set | penalty chosen on the other sets | held out |\n|---|---|---|');
  const choices = [UNPENALISED, new Set<number>()];
  for (const name of names) {
    const rest = data.filter((s) => s.set !== name);
    let best = { lambda: CALIBRATION_PENALTY, free: UNPENALISED, caught: -1 };
    for (const free of choices) {
      for (const lambda of PENALTIES) {
        const inner = addFlagCounts(names.filter((n) => n !== name).map((n) => flagCounts(rest.filter((s) => s.set === n), fitCalibration(rest.filter((s) => s.set !== n), lambda, free))));
        const caught = inner.caught / Math.max(1, inner.wrong);
        if (inner.flagged / inner.beads <= FLAG_SHARE_GOAL && (caught > best.caught || (caught === best.caught && lambda > best.lambda))) best = { lambda, free, caught };
      }
    }
    const counts = flagCounts(data.filter((s) => s.set === name), fitCalibration(rest, best.lambda, best.free));
    results.push(counts);
    console.log(`| ${name} | ${best.lambda}${best.free.size > 0 ? ', the posterior unshrunk' : ', every weight shrunk'} | ${flagFigures(counts)} |`);
  }
  console.log(`| **all** | | ${flagFigures(addFlagCounts(results))} |`);
}

function flagFigures(c: FlagCounts): string {
  return `${c.beads} beads, ${c.wrong} wrong: ${((100 * c.flagged) / Math.max(1, c.beads)).toFixed(1)} % flagged (goal ≤ ${100 * FLAG_SHARE_GOAL} %), ${((100 * c.caught) / Math.max(1, c.wrong)).toFixed(1)} % of the wrong caught (goal ≥ ${100 * CATCH_GOAL} %)`;
}

/** `npm run eval -- --fit`: the calibration fitted on all sets (to paste into confidence.ts), and each set held out. */
function fit(): void {
  const data = samples();
  const fitted = fitCalibration(data);
  const round = (x: number): number => Number(x.toFixed(4));
  console.log(`Fitted on all ${new Set(data.map((s) => s.set)).size} sets, ${data.length} beads.`);
  console.log(`Maximum-likelihood bias ${round(fitted.mlBias)}; moved to ${round(fitted.bias)} for a ${100 * FLAG_BUDGET} % flag budget.`);
  console.log(`export const CALIBRATION = { bias: ${round(fitted.bias)}, weights: [${fitted.weights.map(round).join(', ')}] };`);
  console.log(`  (${FEATURE_NAMES.join(', ')})`);
  console.log('\n| set | shipped (confidence.ts) | just fitted on all sets | fitted on the other sets only |\n|---|---|---|---|');
  const held = leaveOneSetOut(data);
  for (const name of held.keys()) {
    const part = data.filter((s) => s.set === name);
    console.log(`| ${name} | ${flagFigures(flagCounts(part, CALIBRATION))} | ${flagFigures(flagCounts(part, fitted))} | ${flagFigures(held.get(name)!)} |`);
  }
  console.log(`| **all** | ${flagFigures(flagCounts(data, CALIBRATION))} | ${flagFigures(flagCounts(data, fitted))} | ${flagFigures(addFlagCounts([...held.values()]))} |`);
}

/**
 * `npm run eval -- --errors [set]`: every wrong bead of our aligner (not exactly a gold bead; `*`
 * marks one that is a finer split of a gold bead) with its neighbours, its confidence, raw posterior,
 * length |δ| and lexical cost, and the gold beads those units belong to.
 */
function errors(only: string | undefined): void {
  const key = (b: GoldBead): string => `${b.en.join(',')}:${b.ru.join(',')}`;
  const clip = (text: string): string => (text.length > 140 ? `${text.slice(0, 139)}…` : text);
  for (const set of loadSets()) {
    if (only && set.name !== only) continue;
    for (const variant of VARIANTS) {
      for (const seed of variant.perturbations.length === 0 ? [0] : SEEDS) {
        const c = perturb(set, variant.perturbations, seed * 7919 + set.name.length);
        const aligned = alignSequencesWithModel(c.en, c.ru);
        const gold = new Set(c.gold.map(key));
        const owner = (side: 'en' | 'ru', u: number): number => c.gold.findIndex((g) => g[side].includes(u));
        const wrong = aligned.beads.map((b) => !gold.has(key(b)));
        if (!wrong.some(Boolean)) continue;
        console.log(`\n## ${set.name} / ${variant.name}${seed ? ` / seed ${seed}` : ''}`);
        const shown = new Set<number>();
        wrong.forEach((w, k) => {
          if (w) for (let d = Math.max(0, k - 1); d <= Math.min(aligned.beads.length - 1, k + 1); d++) shown.add(d);
        });
        const goldShown = new Set<number>();
        let last = -2;
        for (const k of [...shown].sort((x, y) => x - y)) {
          if (k !== last + 1) console.log('   …');
          last = k;
          const b = aligned.beads[k]!;
          const owners = new Set([...b.en.map((i) => owner('en', i)), ...b.ru.map((j) => owner('ru', j))]);
          owners.forEach((g) => goldShown.add(g));
          const finer = b.en.length > 0 && b.ru.length > 0 && owners.size === 1;
          const e = aligned.evidence[k]!;
          console.log(
            `${wrong[k] ? (finer ? 'X*' : 'XX') : 'ok'} ${b.en.length}-${b.ru.length} confidence ${b.confidence.toFixed(3)} posterior ${aligned.posteriors[k]!.toFixed(3)} |δ| ${e.lengthDelta.toFixed(2)} lexical ${e.lexical.toFixed(2)}`,
          );
          for (const i of b.en) console.log(`     en ${i}: ${clip(c.en[i]!)}`);
          for (const j of b.ru) console.log(`     ru ${j}: ${clip(c.ru[j]!)}`);
        }
        console.log(`   gold: ${[...goldShown].sort((x, y) => x - y).map((g) => `[${c.gold[g]!.en.join(',')} | ${c.gold[g]!.ru.join(',')}]`).join(' ')}`);
      }
    }
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const at = process.argv.indexOf('--errors');
  if (process.argv.includes('--fit')) fit();
  else if (process.argv.includes('--nested')) nested();
  else if (at >= 0) errors(process.argv[at + 1]);
  else main();
}
