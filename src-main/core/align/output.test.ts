/**
 * The aligner's output on the evaluation sets, pinned by digest: a change made for speed (the
 * tokenizer, the anchor bags, the band, the forward pass) must leave every bead and every confidence
 * bit for bit as it was. Two digests: the anchor bags alone (anchors.ts, lexicon.ts, translit.ts),
 * and the whole alignment — every set in every variant of `npm run eval`, and a long pair of them
 * concatenated, long enough for the coarse-to-fine band search (book-length inputs take that path).
 *
 * A change meant to alter the output (a new cost, a recalibration) updates the stored digests:
 * `UPDATE_ALIGN_DIGEST=1 npx vitest run src-main/core/align/output.test.ts`, then check
 * `npm run eval` and commit the new fixtures/output-digest.json with the change.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignSequences } from './align';
import { extractFlatAnchors } from './anchors';
import { type EvalSet, VARIANTS, parseEvalSet, perturb } from './evaluation';

const here = import.meta.dirname;
const digestFile = join(here, 'fixtures/output-digest.json');
const update = process.env.UPDATE_ALIGN_DIGEST === '1';

function sets(): EvalSet[] {
  return readdirSync(join(here, 'eval'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => parseEvalSet(f.replace(/\.txt$/u, ''), readFileSync(join(here, 'eval', f), 'utf8')));
}

/** Every set in every variant of the evaluation (seed 1), and the sets repeated into a long pair. */
function pairs(): { name: string; en: string[]; ru: string[] }[] {
  const out: { name: string; en: string[]; ru: string[] }[] = [];
  const long = { name: 'long', en: [] as string[], ru: [] as string[] };
  for (const set of sets()) {
    for (const variant of VARIANTS) {
      const pair = perturb(set, variant.perturbations, 1);
      out.push({ name: `${set.name} / ${variant.name}`, en: pair.en, ru: pair.ru });
      long.en.push(...pair.en);
      long.ru.push(...pair.ru);
    }
  }
  out.push(long);
  return out;
}

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

function stored(): Record<string, string> {
  return existsSync(digestFile) ? (JSON.parse(readFileSync(digestFile, 'utf8')) as Record<string, string>) : {};
}

function check(name: string, digest: string): void {
  if (update) {
    writeFileSync(digestFile, `${JSON.stringify({ ...stored(), [name]: digest }, null, 2)}\n`);
    return;
  }
  expect(digest, `${name}: output changed (see the note at the top of output.test.ts)`).toBe(stored()[name]);
}

describe('aligner output on the evaluation sets', () => {
  const all = pairs();

  it('exercises the banded search on the long pair', () => {
    const long = all.at(-1)!;
    expect(Math.min(long.en.length, long.ru.length)).toBeGreaterThan(2000);
  });

  it('gives the same anchor bags', () => {
    const hash = createHash('sha256');
    for (const pair of all) {
      const anchors = extractFlatAnchors(pair.en, pair.ru);
      hash.update(JSON.stringify(anchors.keys));
      for (const bags of [anchors.en, anchors.ru]) for (const array of [bags.offsets, bags.ids, bags.counts]) hash.update(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
    }
    check('anchors', hash.digest('hex'));
  });

  it('gives the same beads and confidences', () => {
    const lines: string[] = [];
    for (const pair of all) {
      const beads = alignSequences(pair.en, pair.ru);
      lines.push(`${pair.name}\t${JSON.stringify(beads)}`);
    }
    check('alignment', sha(lines.join('\n')));
  }, 60_000);
});
