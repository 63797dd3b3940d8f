/**
 * Crash safety: a child process saves annotations in a loop and acknowledges each save once it
 * has resolved; it is killed with SIGKILL at random (seeded) moments, 100 times. After every kill
 * the snapshot must parse, the store must open without a problem (a torn last journal line is not
 * one), every acknowledged save must be there and no annotation twice. The child compacts its
 * journal every few lines, so kills also land in compactions. Four lanes (folders) run side by
 * side to keep the run short.
 *
 * The child is `testing/crash-child.ts`; `node --import tsx` takes over a second to start it here,
 * which a hundred times over is minutes, so the test bundles it once with esbuild (as the harness
 * does its bridge) and runs the bundle with plain `node`. Set BITEXT_CRASH_TSX=1 to run it
 * through tsx instead.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnnotationStore } from './store';
import { parseSnapshot } from './store-format';
import { DOC } from './testing/fixtures';
import { mulberry32 } from '../random';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../../..');
const CHILD = join(HERE, 'testing/crash-child.ts');
const LANES = 4;
const KILLS_PER_LANE = 25;
const SEED = 0x5eed_2024;
/**
 * Journal lines between compactions in the child: small, so that many runs compact — also on a
 * busy machine, where a child may save only a few times before it is killed.
 */
const COMPACT_LINES = 6;

/** Seeded, so that a failing run can be repeated: it spreads the kill moments. */
const random = mulberry32;

const dirs: string[] = [];
let childArgs: string[] = ['--import', 'tsx', CHILD];
beforeAll(async () => {
  if (process.env.BITEXT_CRASH_TSX === '1') return;
  const out = await fs.mkdtemp(join(tmpdir(), 'bitext-crash-child-'));
  dirs.push(out);
  const bundle = join(out, 'crash-child.mjs');
  await build({ entryPoints: [CHILD], bundle: true, platform: 'node', format: 'esm', outfile: bundle, logLevel: 'silent' });
  childArgs = [bundle];
});
afterAll(async () => {
  await Promise.all(dirs.map((d) => fs.rm(d, { recursive: true, force: true })));
});

interface Acks {
  created: Set<string>;
  /** The highest acknowledged note version per annotation. */
  updated: Map<string, number>;
}

/** Starts the child, lets it save for `delayMs` after its first acknowledged save, kills it; returns its acks. */
function runAndKill(dir: string, delayMs: number, acks: Acks): Promise<void> {
  return new Promise((done, fail) => {
    const child: ChildProcess = spawn(process.execPath, [...childArgs, dir], {
      cwd: ROOT,
      env: { ...process.env, BITEXT_COMPACT_LINES: String(COMPACT_LINES) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let buffer = '';
    let stderr = '';
    let killed = false;
    let armed = false;
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let newline = buffer.indexOf('\n');
      while (newline >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        const [word, what, id, version] = line.split(' ');
        // The clock starts at the first acknowledged save, not at `ready`: on a busy machine a
        // child can take longer than the longest delay to finish its first save, and a run that
        // saves nothing tests nothing. The kill still lands at a random moment among the saves.
        if (word === 'ack' && !armed) {
          armed = true;
          setTimeout(() => {
            killed = true;
            child.kill('SIGKILL');
          }, delayMs);
        }
        if (word === 'ack' && what === 'create' && id) {
          acks.created.add(id);
        } else if (word === 'ack' && what === 'update' && id && version) {
          acks.updated.set(id, Math.max(acks.updated.get(id) ?? 0, Number(version)));
        }
        newline = buffer.indexOf('\n');
      }
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' && killed) done();
      else fail(new Error(`child ended on its own (code ${code}, signal ${signal}): ${stderr}`));
    });
  });
}

interface LaneCheck {
  count: number;
  /** The snapshot's `seq`: it moves on only when a snapshot is written (a compaction). */
  snapshotSeq: number;
  /** The journal ended in part of a line (a kill mid-append). */
  torn: boolean;
}

async function checkLane(dir: string, acks: Acks): Promise<LaneCheck> {
  const path = join(dir, `${DOC}.json`);
  let text: string | undefined;
  try {
    text = await fs.readFile(path, 'utf8');
  } catch {
    // No file yet is fine only if nothing was acknowledged.
    expect(acks.created.size).toBe(0);
    return { count: 0, snapshotSeq: 0, torn: false };
  }
  // The snapshot is always whole: it is written aside and renamed into place.
  const snapshot = parseSnapshot(Buffer.from(text), DOC);
  expect(snapshot.whole).toBe(true);
  const journal = await fs.readFile(join(dir, `${DOC}.journal`), 'utf8').catch(() => '');
  const torn = journal !== '' && !journal.endsWith('\n');
  const listed = await new AnnotationStore(dir, { log: () => undefined }).list(DOC);
  expect(listed.problem).toBeUndefined();
  const byId = new Map(listed.annotations.map((a) => [a.id, a]));
  expect(byId.size, 'an annotation is listed twice').toBe(listed.annotations.length);
  for (const id of acks.created) expect(byId.has(id), `acknowledged annotation ${id} is missing`).toBe(true);
  for (const [id, version] of acks.updated) {
    const stored = Number(byId.get(id)?.note.slice(1));
    expect(stored, `acknowledged update of ${id}`).toBeGreaterThanOrEqual(version);
  }
  return { count: listed.annotations.length, snapshotSeq: snapshot.seq ?? 0, torn };
}

describe('crash safety', () => {
  it(
    `keeps every acknowledged save through ${LANES * KILLS_PER_LANE} SIGKILLs at random moments`,
    async () => {
      const lanes = await Promise.all(
        Array.from({ length: LANES }, async (_, lane) => {
          const dir = await fs.mkdtemp(join(tmpdir(), `bitext-crash-${lane}-`));
          dirs.push(dir);
          const next = random(SEED + lane);
          const acks: Acks = { created: new Set(), updated: new Map() };
          let check: LaneCheck = { count: 0, snapshotSeq: 0, torn: false };
          let snapshots = 0;
          let torn = 0;
          for (let kill = 0; kill < KILLS_PER_LANE; kill++) {
            await runAndKill(dir, 10 + Math.floor(next() * 120), acks);
            const previous = check.snapshotSeq;
            check = await checkLane(dir, acks);
            if (check.snapshotSeq !== previous) snapshots++;
            if (check.torn) torn++;
          }
          return { acks: acks.created.size + acks.updated.size, count: check.count, snapshots, torn };
        }),
      );
      // The test only means something if saves were acknowledged between kills.
      const acknowledged = lanes.reduce((n, l) => n + l.acks, 0);
      expect(acknowledged).toBeGreaterThan(LANES * KILLS_PER_LANE);
      // ...and if the journal was compacted between kills (at least once in a lane of 25 runs).
      const compacted = lanes.reduce((n, l) => n + l.snapshots, 0);
      expect(Math.min(...lanes.map((l) => l.snapshots))).toBeGreaterThan(0);
      const torn = lanes.reduce((n, l) => n + l.torn, 0);
      console.log(
        `crash test: ${LANES * KILLS_PER_LANE} kills, ${acknowledged} acknowledged saves, all kept; ` +
          `${compacted} runs ended with a new snapshot, ${torn} with a torn journal line`,
      );
    },
    // Generous: most of the time is starting 100 children, slow on a busy machine.
    300_000,
  );
});
