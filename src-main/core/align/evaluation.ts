/**
 * Evaluation of sentence alignments: gold sets, scripted perturbations and vecalign's scores.
 * Pure TypeScript (the caller reads the files).
 *
 * Scores follow vecalign's `score.py` (Thompson & Koehn 2019, after Sennrich & Volk 2011):
 *  - precision is over all predicted beads (1-0/0-1 included) against all gold beads;
 *  - recall is computed the same way with the roles swapped and with every 1-0/0-1 bead removed from
 *    both gold and prediction;
 *  - strict: a bead counts only if exactly equal to a gold bead; lax: a bead that is not exact counts
 *    if some of its English units are in gold beads whose Russian units overlap its Russian units;
 *  - counts are pooled over all the alignments scored together; F1 is the harmonic mean.
 */
import { mulberry32 } from '../random';

export interface GoldBead {
  en: number[];
  ru: number[];
}

export interface EvalSet {
  name: string;
  en: string[];
  ru: string[];
  gold: GoldBead[];
}

/**
 * Parses an evaluation set: blocks separated by blank lines, each block one gold bead with lines
 * `en: text` and `ru: text`; lines starting with `#` are comments.
 */
export function parseEvalSet(name: string, text: string): EvalSet {
  const set: EvalSet = { name, en: [], ru: [], gold: [] };
  let bead: GoldBead = { en: [], ru: [] };
  const flush = (): void => {
    if (bead.en.length > 0 || bead.ru.length > 0) set.gold.push(bead);
    bead = { en: [], ru: [] };
  };
  text.split(/\r?\n/u).forEach((raw, lineIndex) => {
    const line = raw.trim();
    if (line.startsWith('#')) return;
    if (line === '') return flush();
    const match = /^(en|ru):\s?(.*)$/u.exec(line);
    if (!match) throw new Error(`${name}:${lineIndex + 1}: expected "en: " or "ru: "`);
    const side = match[1] as 'en' | 'ru';
    bead[side].push(set[side].length);
    set[side].push(match[2]!);
  });
  flush();
  return set;
}

/** Gold beads from rows of segment texts (as in the statement fixture). */
export function setFromRows(name: string, rows: readonly { en: readonly string[]; ru: readonly string[] }[]): EvalSet {
  const set: EvalSet = { name, en: [], ru: [], gold: [] };
  for (const row of rows) {
    const bead: GoldBead = { en: [], ru: [] };
    for (const text of row.en) bead.en.push(set.en.push(text) - 1);
    for (const text of row.ru) bead.ru.push(set.ru.push(text) - 1);
    set.gold.push(bead);
  }
  return set;
}

export { mulberry32 };

export type Perturbation =
  | { op: 'omit'; side: 'en' | 'ru'; share: number }
  | { op: 'merge'; side: 'en' | 'ru'; share: number }
  | { op: 'split'; side: 'en' | 'ru'; share: number };

interface Unit {
  text: string;
  bead: number;
}

/**
 * Applies perturbations to a set and derives the new gold alignment: an omitted unit leaves its
 * counterparts in 1-0/0-1 beads (one per unit); merging two adjacent units joins their beads (and any
 * one-sided beads between them); splitting a unit at a comma or semicolon keeps both halves in its bead.
 */
export function perturb(set: EvalSet, perturbations: readonly Perturbation[], seed: number, name = set.name): EvalSet {
  const random = mulberry32(seed);
  const units = { en: [] as Unit[], ru: [] as Unit[] };
  set.gold.forEach((bead, b) => {
    for (const i of bead.en) units.en.push({ text: set.en[i]!, bead: b });
    for (const j of bead.ru) units.ru.push({ text: set.ru[j]!, bead: b });
  });
  const parent = set.gold.map((_, b) => b);
  const find = (b: number): number => {
    while (parent[b] !== b) b = parent[b] = parent[parent[b]!]!;
    return b;
  };
  const union = (a: number, b: number): void => {
    for (let k = Math.min(a, b) + 1; k <= Math.max(a, b); k++) {
      const x = find(k - 1);
      const y = find(k);
      if (x !== y) parent[Math.max(x, y)] = Math.min(x, y);
    }
  };
  const pick = (length: number): number => Math.floor(random() * length);
  for (const p of perturbations) {
    const list = units[p.side];
    const count = Math.max(1, Math.round(list.length * p.share));
    for (let k = 0; k < count; k++) {
      if (p.op === 'omit' && list.length > 1) {
        list.splice(pick(list.length), 1);
      } else if (p.op === 'merge' && list.length > 1) {
        const i = pick(list.length - 1);
        const [a, b] = [list[i]!, list[i + 1]!];
        union(a.bead, b.bead);
        list.splice(i, 2, { text: `${a.text} ${b.text}`, bead: a.bead });
      } else if (p.op === 'split') {
        const candidates = list
          .map((unit, i) => ({ i, cut: splitPoint(unit.text) }))
          .filter((c) => c.cut > 0);
        if (candidates.length === 0) break;
        const { i, cut } = candidates[pick(candidates.length)]!;
        const unit = list[i]!;
        list.splice(i, 1, { text: unit.text.slice(0, cut).trim(), bead: unit.bead }, { text: unit.text.slice(cut).trim(), bead: unit.bead });
      }
    }
  }
  const byRoot = new Map<number, GoldBead>();
  const beadOf = (b: number): GoldBead => {
    const root = find(b);
    let bead = byRoot.get(root);
    if (!bead) byRoot.set(root, (bead = { en: [], ru: [] }));
    return bead;
  };
  units.en.forEach((unit, i) => beadOf(unit.bead).en.push(i));
  units.ru.forEach((unit, j) => beadOf(unit.bead).ru.push(j));
  // A bead left with units of one side only (a 1-2 whose English was omitted) is that many 0-1 beads:
  // units without a counterpart have no alignment among themselves, and no aligner (nor vecalign's
  // and hunalign's output) writes a 0-2 bead.
  const gold = [...byRoot.entries()]
    .sort((a, b) => a[0] - b[0])
    .flatMap(([, bead]) =>
      bead.en.length > 0 && bead.ru.length > 0 ? [bead] : [...bead.en.map((i): GoldBead => ({ en: [i], ru: [] })), ...bead.ru.map((j): GoldBead => ({ en: [], ru: [j] }))],
    );
  return { name, en: units.en.map((u) => u.text), ru: units.ru.map((u) => u.text), gold };
}

/** Where to split a unit in two: after the `, ` or `; ` nearest its middle, if both halves are long enough. */
function splitPoint(text: string): number {
  let best = -1;
  for (let k = 0; k < text.length - 1; k++) {
    if ((text[k] === ',' || text[k] === ';') && text[k + 1] === ' ') {
      if (k >= 20 && text.length - k >= 20 && (best < 0 || Math.abs(k - text.length / 2) < Math.abs(best - text.length / 2))) best = k;
    }
  }
  return best < 0 ? -1 : best + 1;
}

export interface Counts {
  tpStrict: number;
  fpStrict: number;
  tpLax: number;
  fpLax: number;
}

const key = (bead: GoldBead): string => `${bead.en.join(',')}:${bead.ru.join(',')}`;

/** vecalign's `_precision`: test beads against gold beads. */
export function precisionCounts(gold: readonly GoldBead[], test: readonly GoldBead[]): Counts {
  const nonEmpty = (beads: readonly GoldBead[]): GoldBead[] => {
    const seen = new Map<string, GoldBead>();
    for (const b of beads) if (b.en.length > 0 || b.ru.length > 0) seen.set(key(b), b);
    return [...seen.values()];
  };
  const goldBeads = nonEmpty(gold);
  const goldKeys = new Set(goldBeads.map(key));
  const targetsOf = new Map<number, Set<number>>();
  for (const b of goldBeads) {
    for (const i of b.en) {
      let set = targetsOf.get(i);
      if (!set) targetsOf.set(i, (set = new Set()));
      for (const j of b.ru) set.add(j);
    }
  }
  const counts: Counts = { tpStrict: 0, fpStrict: 0, tpLax: 0, fpLax: 0 };
  for (const b of nonEmpty(test)) {
    if (goldKeys.has(key(b))) {
      counts.tpStrict++;
      counts.tpLax++;
    } else {
      counts.fpStrict++;
      const targets = new Set<number>();
      for (const i of b.en) for (const j of targetsOf.get(i) ?? []) targets.add(j);
      if (b.ru.some((j) => targets.has(j))) counts.tpLax++;
      else counts.fpLax++;
    }
  }
  return counts;
}

export interface Scores {
  precisionStrict: number;
  recallStrict: number;
  f1Strict: number;
  precisionLax: number;
  recallLax: number;
  f1Lax: number;
}

const addCounts = (a: Counts, b: Counts): Counts => ({
  tpStrict: a.tpStrict + b.tpStrict,
  fpStrict: a.fpStrict + b.fpStrict,
  tpLax: a.tpLax + b.tpLax,
  fpLax: a.fpLax + b.fpLax,
});

/** vecalign's `score_multiple`: counts pooled over several (gold, test) pairs. */
export function scoreMultiple(pairs: readonly { gold: readonly GoldBead[]; test: readonly GoldBead[] }[]): Scores {
  let p: Counts = { tpStrict: 0, fpStrict: 0, tpLax: 0, fpLax: 0 };
  let r: Counts = { ...p };
  const both = (beads: readonly GoldBead[]): GoldBead[] => beads.filter((b) => b.en.length > 0 && b.ru.length > 0);
  for (const { gold, test } of pairs) {
    p = addCounts(p, precisionCounts(gold, test));
    r = addCounts(r, precisionCounts(both(test), both(gold)));
  }
  const ratio = (tp: number, fp: number): number => (tp + fp === 0 ? 0 : tp / (tp + fp));
  const f1 = (a: number, b: number): number => (a + b === 0 ? 0 : (2 * a * b) / (a + b));
  const precisionStrict = ratio(p.tpStrict, p.fpStrict);
  const precisionLax = ratio(p.tpLax, p.fpLax);
  const recallStrict = ratio(r.tpStrict, r.fpStrict);
  const recallLax = ratio(r.tpLax, r.fpLax);
  return {
    precisionStrict,
    recallStrict,
    f1Strict: f1(precisionStrict, recallStrict),
    precisionLax,
    recallLax,
    f1Lax: f1(precisionLax, recallLax),
  };
}

/** The perturbed variants every set is evaluated on (shares of the side's units). */
export const VARIANTS: readonly { name: string; perturbations: Perturbation[] }[] = [
  { name: 'clean', perturbations: [] },
  { name: 'omit en 10%', perturbations: [{ op: 'omit', side: 'en', share: 0.1 }] },
  { name: 'omit ru 10%', perturbations: [{ op: 'omit', side: 'ru', share: 0.1 }] },
  { name: 'merge en 10%', perturbations: [{ op: 'merge', side: 'en', share: 0.1 }] },
  { name: 'merge ru 10%', perturbations: [{ op: 'merge', side: 'ru', share: 0.1 }] },
  { name: 'split en+ru 10%', perturbations: [{ op: 'split', side: 'en', share: 0.1 }, { op: 'split', side: 'ru', share: 0.1 }] },
  {
    name: 'mixed',
    perturbations: [
      { op: 'omit', side: 'en', share: 0.05 },
      { op: 'omit', side: 'ru', share: 0.05 },
      { op: 'merge', side: 'en', share: 0.05 },
      { op: 'merge', side: 'ru', share: 0.05 },
      { op: 'split', side: 'ru', share: 0.05 },
    ],
  },
];
