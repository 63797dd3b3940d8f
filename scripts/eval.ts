/**
 * `npm run eval`: scores the aligner on the evaluation sets in src-main/core/align/eval/ and on the
 * bundled statement (its hand-checked fixture), each clean and with seeded perturbations (omitted,
 * merged and split sentences), against a length-only Gale–Church-style baseline. Scores are
 * vecalign's strict/lax precision, recall and F1 (see src-main/core/align/evaluation.ts).
 * Input is pre-segmented (one unit per gold segment), as `bitext align --presegmented` sees it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { alignSequences } from '../src-main/core/align/align';
import { CLAUSE_BEAD_SHAPES, LENGTH_ONLY_ANCHOR_WEIGHTS } from '../src-main/core/align/cost';
import { type EvalSet, type GoldBead, type Scores, VARIANTS, parseEvalSet, perturb, scoreMultiple, setFromRows } from '../src-main/core/align/evaluation';

const root = fileURLToPath(new URL('..', import.meta.url));
const evalDir = join(root, 'src-main/core/align/eval');
const SEEDS = [1, 2, 3];

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

export const METHODS: Record<string, (en: string[], ru: string[]) => GoldBead[]> = {
  ours: (en, ru) => alignSequences(en, ru),
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

function main(): void {
  const sets = loadSets();
  const methods = Object.keys(METHODS);
  const f = (x: number): string => x.toFixed(3);
  const header = `| set | variant | gold beads | ${methods.map((m) => `${m} strict P / R / F1 | ${m} lax F1`).join(' | ')} |`;
  console.log(header);
  console.log(`|${header.split('|').slice(1, -1).map(() => '---').join('|')}|`);
  const pooled: Record<string, { gold: GoldBead[]; test: GoldBead[] }[]> = Object.fromEntries(methods.map((m) => [m, []]));
  const worst: Record<string, number> = Object.fromEntries(methods.map((m) => [m, 1]));
  for (const set of sets) {
    for (const variant of VARIANTS) {
      const cases = (variant.perturbations.length === 0 ? [0] : SEEDS).map((seed) => perturb(set, variant.perturbations, seed * 7919 + set.name.length));
      const scores: Record<string, Scores> = {};
      for (const method of methods) {
        const pairs = cases.map((c) => ({ gold: c.gold, test: METHODS[method]!(c.en, c.ru) }));
        pooled[method]!.push(...pairs);
        scores[method] = scoreMultiple(pairs);
        worst[method] = Math.min(worst[method]!, scores[method].f1Strict);
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
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
