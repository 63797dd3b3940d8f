/**
 * The damage matrix: the store's files are damaged on purpose — cut short at a random point, a
 * piece cut out of the middle, one bit flipped, a run of random bytes written over them, emptied — the snapshot and the journal in
 * turn, in seeded trials (`../random`). After each, a fresh store opens the folder, and every note
 * acknowledged before the damage must be either recovered (there, exactly as it was) or reported
 * (a `recovered` problem whose `affected` count covers it, or says the count is unknown, and whose
 * copy of the damaged file is on disk). Nothing may be lost or changed in silence.
 *
 * Histories are made once per seed (a few dozen changes, with compactions; and one just after an
 * upgrade from a version 2 file) and copied for each trial. The results are printed.
 */
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../random';
import type { Annotation } from './model';
import { AnnotationStore } from './store';
import { DOC, makeAnnotation } from './testing/fixtures';

const KINDS = ['cut', 'piece cut out', 'flipped bit', 'garbage', 'empty'] as const;
type Kind = (typeof KINDS)[number];
const FILES = ['snapshot', 'journal'] as const;
const HISTORIES = 7;
/** Trials per cell; BITEXT_DAMAGE_TRIALS=200 for a longer run. */
const TRIALS = Number(process.env.BITEXT_DAMAGE_TRIALS ?? 25);
const quiet = { log: () => undefined };

let root: string;
const histories: Array<{ dir: string; expected: Annotation[] }> = [];

/** A history of random changes; what the reader was last told is `expected`. */
async function makeHistory(seed: number, dir: string): Promise<Annotation[]> {
  const random = mulberry32(seed);
  // Compaction every 6 lines or 4 KB: snapshots, backups and backup journals all exist, and some
  // merges are too big for one line, so they are written as whole snapshots (no journal line).
  const store = new AnnotationStore(dir, { compactAfter: { lines: 6, bytes: 4_000 }, ...quiet });
  const live: Annotation[] = [];
  let n = seed * 1000;
  const steps = 20 + Math.floor(random() * 25);
  for (let i = 0; i < steps; i++) {
    const roll = random();
    if (roll < 0.45 || live.length === 0) {
      live.push(await store.create(makeAnnotation(n++)));
    } else if (roll < 0.7) {
      const target = live[Math.floor(random() * live.length)] as Annotation;
      await store.update(DOC, target.id, (a) => ({ ...a, note: `${a.note} edit ${i}` }));
    } else if (roll < 0.85) {
      const [removed] = live.splice(Math.floor(random() * live.length), 1);
      await store.delete(DOC, (removed as Annotation).id);
    } else {
      const count = 1 + Math.floor(random() * 30);
      await store.merge(
        DOC,
        Array.from({ length: count }, () => makeAnnotation(n++)),
      );
    }
  }
  const { annotations } = await store.list(DOC);
  // No flush (it would compact): the journal holds the latest changes, as after a crash.
  await store.close();
  return annotations;
}

/**
 * Just after an upgrade: a version 2 file, then a few changes. The first change wrote the snapshot
 * in the new format (the old file is its backup), so that snapshot holds a change no journal
 * does: damage to it can lose that note, which must then be reported.
 */
async function upgradedHistory(dir: string): Promise<Annotation[]> {
  await fs.mkdir(dir, { recursive: true });
  const old = Array.from({ length: 30 }, (_, n) => makeAnnotation(50_000 + n));
  await fs.writeFile(join(dir, `${DOC}.json`), JSON.stringify({ schemaVersion: 2, documentId: DOC, seq: 0, annotations: old }));
  const store = new AnnotationStore(dir, quiet);
  for (let n = 0; n < 4; n++) await store.create(makeAnnotation(60_000 + n));
  const { annotations } = await store.list(DOC);
  await store.close();
  return annotations;
}

function damage(bytes: Buffer, kind: Kind, random: () => number): Buffer {
  if (bytes.length === 0) return bytes;
  const at = Math.floor(random() * bytes.length);
  switch (kind) {
    case 'cut':
      return bytes.subarray(0, at);
    case 'piece cut out': {
      const length = 1 + Math.floor(random() * 512);
      return Buffer.concat([bytes.subarray(0, at), bytes.subarray(Math.min(bytes.length, at + length))]);
    }
    case 'flipped bit': {
      const out = Buffer.from(bytes);
      out[at] = (out[at] as number) ^ (1 << Math.floor(random() * 8));
      return out;
    }
    case 'garbage': {
      const out = Buffer.from(bytes);
      const length = 1 + Math.floor(random() * 256);
      for (let i = at; i < Math.min(out.length, at + length); i++) out[i] = Math.floor(random() * 256);
      return out;
    }
    case 'empty':
      return Buffer.alloc(0);
  }
}

interface Tally {
  trials: number;
  /** Trials where every note came back exactly. */
  recovered: number;
  /** Trials where some notes did not, and the reader was told (with a count that covers them). */
  reported: number;
  /** Trials where a note was lost or changed and the reader was not told enough. Must stay 0. */
  silent: number;
  notesLost: number;
  notesRecovered: number;
  /** Trials where the damage was reported although nothing was lost (a false alarm, harmless). */
  toldWhenWhole: number;
}

const results = new Map<string, Tally>();

beforeAll(async () => {
  root = await fs.mkdtemp(join(tmpdir(), 'bitext-damage-'));
  for (let h = 0; h < HISTORIES - 1; h++) {
    const dir = join(root, `history-${h}`);
    histories.push({ dir, expected: await makeHistory(h + 1, dir) });
  }
  const upgraded = join(root, 'history-upgraded');
  histories.push({ dir: upgraded, expected: await upgradedHistory(upgraded) });
}, 60_000);

afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
  const rows = [...results].map(([name, t]) => ({ damage: name, ...t }));
  console.log(`damage matrix (${TRIALS} trials each):`);
  console.table(rows);
});

describe('damage matrix', () => {
  for (const which of FILES) {
    for (const kind of KINDS) {
      it(`every note is recovered or reported: ${which}, ${kind}`, async () => {
        const tally: Tally = { trials: 0, recovered: 0, reported: 0, silent: 0, notesLost: 0, notesRecovered: 0, toldWhenWhole: 0 };
        results.set(`${which}: ${kind}`, tally);
        const random = mulberry32(FILES.indexOf(which) * 100 + KINDS.indexOf(kind) + 7);
        for (let trial = 0; trial < TRIALS; trial++) {
          const history = histories[trial % HISTORIES] as (typeof histories)[number];
          const dir = join(root, `trial-${which}-${kind}-${trial}`.replace(/ /g, '-'));
          await fs.cp(history.dir, dir, { recursive: true });
          const path = join(dir, which === 'snapshot' ? `${DOC}.json` : `${DOC}.journal`);
          const original = await fs.readFile(path).catch(() => Buffer.alloc(0));
          const damaged = damage(original, kind, random);
          await fs.writeFile(path, damaged);

          const reader = new AnnotationStore(dir, quiet);
          const listed = await reader.list(DOC);
          await reader.close();
          const byId = new Map(listed.annotations.map((a) => [a.id, a]));
          const expectedIds = new Set(history.expected.map((a) => a.id));
          let lost = 0;
          for (const note of history.expected) {
            if (JSON.stringify(byId.get(note.id)) !== JSON.stringify(note)) lost++;
          }
          // A deleted note come back is a change too.
          lost += listed.annotations.filter((a) => !expectedIds.has(a.id)).length;

          const problem = listed.problem?.kind === 'recovered' ? listed.problem : undefined;
          const copyKept = problem ? await fs.access(problem.movedTo).then(() => true, () => false) : false;
          const covers = problem !== undefined && copyKept && (problem.affected === undefined || problem.affected >= lost);
          tally.trials++;
          tally.notesLost += lost;
          tally.notesRecovered += history.expected.length - Math.min(lost, history.expected.length);
          if (lost === 0) {
            tally.recovered++;
            if (problem && problem.affected !== 0 && !damaged.equals(original)) tally.toldWhenWhole++;
          } else if (covers) {
            tally.reported++;
          } else {
            tally.silent++;
          }
          expect(
            lost === 0 || covers,
            `${which} ${kind}, trial ${trial}: ${lost} notes lost or changed; problem ${JSON.stringify(listed.problem)}`,
          ).toBe(true);
          await fs.rm(dir, { recursive: true, force: true });
        }
        expect(tally.silent).toBe(0);
      }, 60_000);
    }
  }
});
