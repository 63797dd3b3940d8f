/**
 * The two tasks of `npm run bench:align`'s worker rows, run in a worker thread as the app runs its
 * aligner (bundled by the bench with esbuild; no tsx in the process): `tokenize` (the floor: read
 * both files, split lines, find words) and `presegmented` (the same reading, then `alignSequences`).
 * The task's time, the CPU time of the whole process (every thread: `process.cpuUsage` is the
 * process's) and the process's peak resident set size are read when the task is done, then posted;
 * the beads' strict F1 is computed afterwards, outside the figures.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { alignSequences } from '../src-main/core/align/align';
import { type GoldBead, scoreMultiple } from '../src-main/core/align/evaluation';

export interface WorkerRowTask {
  mode: 'tokenize' | 'presegmented';
  dir: string;
}

export interface WorkerRowResult {
  ms: number;
  cpuMs: number;
  maxRssMB: number;
  heapMB: number;
  units: string;
}

const port = parentPort;
if (port) {
  const { mode, dir } = workerData as WorkerRowTask;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const read = (name: string): string => readFileSync(join(dir, name), 'utf8');
  let units = '';
  let score = (): string => '';
  if (mode === 'tokenize') {
    let words = 0;
    for (const name of ['en.txt', 'ru.txt']) {
      for (const line of read(name).split('\n')) words += (line.match(/[\p{L}\p{N}]+/gu) ?? []).length;
    }
    units = `${words} words`;
  } else {
    const en = read('en.txt').split('\n');
    const ru = read('ru.txt').split('\n');
    const beads = alignSequences(en, ru);
    units = `${en.length}/${ru.length} segments, ${beads.length} beads`;
    score = () => `, strict F1 ${scoreMultiple([{ gold: JSON.parse(read('gold.json')) as GoldBead[], test: beads }]).f1Strict.toFixed(3)} against the concatenated gold`;
  }
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  const maxRssMB = process.resourceUsage().maxRSS / 1024;
  const heapMB = process.memoryUsage().heapUsed / 2 ** 20;
  units += score();
  port.postMessage({ ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMB, heapMB, units } satisfies WorkerRowResult);
}
