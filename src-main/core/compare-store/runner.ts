/**
 * Runs the comparison of a document off the main thread (the app and the harness), or in-process
 * (unit tests). Both honour an `AbortSignal`.
 *
 * In workers: with four cores or more, two workers share the work (`analysePart`: each trains one
 * direction of the word model, then links and checks half the rows), else one does it all (on two
 * cores a single worker's compiler and collector threads already keep the second core busy, and
 * two workers would each tokenize, compile and collect: more work for no gain). Workers
 * are started ahead of need (`standby`): a little after the runner is made and again after each
 * comparison, each loads its code and the lexicon and waits, so that a comparison does not wait
 * for threads to start. Each worker runs one comparison and is terminated: nothing (caches, compiled
 * code) carries over from one comparison to the next. Idle workers do not keep the process alive.
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MessageChannel, Worker } from 'node:worker_threads';
import { type ComparedDocument, LinkTable, type PackedLinks, analyseDocumentPacked } from '../compare/analyse';
import type { CheckRow, GlossaryPair } from '../compare/checks';
import { WORKER_HEAP_MB, type WorkerSpec } from '../import/align-runner';
import { type CompareWorkerCommand, type CompareWorkerMessage, ROW_CHUNK } from './compare-worker';

export interface CompareInput {
  rows: CheckRow[];
  glossary: GlossaryPair[];
}

export interface CompareRunner {
  run(input: CompareInput, signal?: AbortSignal): Promise<ComparedDocument>;
}

export interface WorkerCompareRunner extends CompareRunner {
  /** Resolves once the standby workers are up and waiting (benchmarks; the app need not wait). */
  ready(): Promise<void>;
  /** Terminates the standby workers. */
  close(): void;
}

export interface WorkerRunnerOptions {
  /** Workers a comparison uses: 2 (default with four cores or more) or 1 (default below). */
  workers?: 1 | 2;
  /** Keep workers started ahead of need (default true); `false` starts them when a comparison does. */
  standby?: boolean;
  /** Delay before the first standby workers start, so that they do not compete with the app's start (ms, default 1500). */
  standbyDelayMs?: number;
}

/** The worker as source, for processes running under tsx (the harness, tests, the benchmark). */
export function tsxCompareWorker(): WorkerSpec {
  return { path: fileURLToPath(new URL('./compare-worker.ts', import.meta.url)), tsx: true };
}

const cancelled = () => new Error('The comparison was cancelled');
const failed = (message: string) => new Error(`Comparison failed: ${message}`);

/**
 * `execArgv` without what loads tsx (`--import tsx` and the like): a built worker needs no loader,
 * and one inherited from a process run under tsx (the harness, benchmarks) would load tsx in the
 * worker first, a few hundred ms. (As `align-runner.ts` does for its workers.)
 */
function withoutTsx(execArgv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i]!;
    if (/^--(?:import|loader|experimental-loader|require)$/u.test(arg) && /^tsx(?:\/|$)/u.test(execArgv[i + 1] ?? '')) i++;
    else if (!/^--(?:import|loader|experimental-loader|require)=tsx(?:\/|$)/u.test(arg)) out.push(arg);
  }
  return out;
}

/** A worker thread from its spec, heap capped (as `align-runner.ts` starts its workers). */
function spawn(spec: WorkerSpec): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: spec.heapMb ?? WORKER_HEAP_MB };
  if (!spec.tsx) {
    const execArgv = withoutTsx(process.execArgv);
    if (execArgv.length !== process.execArgv.length) {
      try {
        return new Worker(spec.path, { resourceLimits, execArgv });
      } catch (error) {
        // Node refuses some flags given explicitly (V8 ones); then the worker inherits them all.
        if ((error as { code?: string }).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw error;
      }
    }
    return new Worker(spec.path, { resourceLimits });
  }
  const entry = JSON.stringify(pathToFileURL(spec.path).href);
  const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  return new Worker(`import(${api}).then(({ register }) => { register(); return import(${entry}); })`, { eval: true, resourceLimits });
}

/** A started worker, and a promise settled when it is ready for its command (or failed to start). */
interface Started {
  worker: Worker;
  ready: Promise<void>;
}

function start(spec: WorkerSpec): Started {
  const worker = spawn(spec);
  const ready = new Promise<void>((resolve, reject) => {
    const onMessage = (message: CompareWorkerMessage) => {
      if (message.type !== 'ready') return;
      worker.off('message', onMessage);
      resolve();
    };
    worker.on('message', onMessage);
    worker.once('error', (error) => reject(failed(error.message)));
    worker.once('exit', (code) => reject(new Error(`The comparison worker stopped (exit code ${code})`)));
  });
  ready.catch(() => undefined);
  return { worker, ready };
}

/** Two packed link lists (rows of the first, then of the second) as one. */
function joinPacked(a: PackedLinks, b: PackedLinks): PackedLinks {
  const rows = a.offsets.length - 1 + b.offsets.length - 1;
  const n = a.classes.length;
  const offsets = new Int32Array(rows + 1);
  offsets.set(a.offsets.subarray(0, a.offsets.length - 1));
  for (let k = 0; k < b.offsets.length; k++) offsets[a.offsets.length - 1 + k] = b.offsets[k]! + n;
  const classes = new Uint8Array(n + b.classes.length);
  classes.set(a.classes);
  classes.set(b.classes, n);
  const spans = new Int32Array(a.spans.length + b.spans.length);
  spans.set(a.spans);
  spans.set(b.spans, a.spans.length);
  const scores = new Float64Array(n + b.scores.length);
  scores.set(a.scores);
  scores.set(b.scores, n);
  return { offsets, classes, spans, scores };
}

export function workerCompareRunner(spec: WorkerSpec, options: WorkerRunnerOptions = {}): WorkerCompareRunner {
  const count = options.workers ?? (availableParallelism() >= 4 ? 2 : 1);
  const standby = options.standby ?? true;
  let spares: Started[] = [];
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  const refill = () => {
    timer = undefined;
    if (closed || !standby) return;
    while (spares.length < count) {
      const started = start(spec);
      started.worker.unref();
      // A spare that fails is forgotten; the next comparison starts its own.
      started.ready.catch(() => {
        spares = spares.filter((s) => s !== started);
      });
      spares.push(started);
    }
  };
  if (standby) {
    timer = setTimeout(refill, options.standbyDelayMs ?? 1500);
    timer.unref();
  }
  const take = (): Started[] => {
    const taken = spares.splice(0, count);
    while (taken.length < count) taken.push(start(spec));
    for (const t of taken) t.worker.ref();
    return taken;
  };

  const run = (input: CompareInput, signal?: AbortSignal): Promise<ComparedDocument> =>
    new Promise<ComparedDocument>((resolve, reject) => {
      if (signal?.aborted) return reject(cancelled());
      const workers = take();
      let settled = false;
      const settle = (action: () => void) => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        for (const w of workers) void w.worker.terminate();
        action();
        // The next comparison's workers, once this one is over.
        if (standby && !closed && !timer) setImmediate(refill);
      };
      const onAbort = () => settle(() => reject(cancelled()));
      signal?.addEventListener('abort', onAbort);
      const parts: (Extract<CompareWorkerMessage, { type: 'part' }>['body'] | undefined)[] = [undefined, undefined];
      workers.forEach(({ worker }) => {
        worker.on('message', (message: CompareWorkerMessage) => {
          if (settled) return;
          if (message.type === 'error') settle(() => reject(failed(message.message)));
          else if (message.type === 'done') settle(() => resolve({ findings: message.body.findings, links: new LinkTable(message.body.links), stems: message.body.stems }));
          else if (message.type === 'part') {
            parts[message.part] = message.body;
            const [first, second] = parts;
            if (first && second) {
              const stems = first.stems;
              if (!stems) settle(() => reject(failed('no stem index')));
              else settle(() => resolve({ findings: [...first.findings, ...second.findings, ...first.extra], links: new LinkTable(joinPacked(first.links, second.links)), stems }));
            }
          }
        });
        worker.on('error', (error) => settle(() => reject(failed(error.message))));
        worker.on('exit', (code) => settle(() => reject(new Error(`The comparison worker stopped (exit code ${code})`))));
      });
      void Promise.all(workers.map((w) => w.ready)).then(
        () => {
          if (settled) return;
          const rowCount = input.rows.length;
          if (workers.length === 1) workers[0]!.worker.postMessage({ type: 'start', glossary: input.glossary, rowCount } satisfies CompareWorkerCommand, []);
          else {
            const channel = new MessageChannel();
            workers[0]!.worker.postMessage({ type: 'start', glossary: input.glossary, rowCount, part: 0, peer: channel.port1 } satisfies CompareWorkerCommand, [channel.port1]);
            workers[1]!.worker.postMessage({ type: 'start', glossary: input.glossary, rowCount, part: 1, peer: channel.port2 } satisfies CompareWorkerCommand, [channel.port2]);
          }
          // The rows a chunk at a time, main free in between.
          let at = 0;
          const send = () => {
            if (settled || at >= rowCount) return;
            const rows = input.rows.slice(at, at + ROW_CHUNK);
            at += rows.length;
            for (const w of workers) w.worker.postMessage({ type: 'rows', rows } satisfies CompareWorkerCommand, []);
            setImmediate(send);
          };
          send();
        },
        (error: unknown) => settle(() => reject(error instanceof Error ? error : failed(String(error)))),
      );
    });

  return {
    run,
    async ready() {
      if (timer) clearTimeout(timer);
      refill();
      // Held while awaited (an idle spare would not keep the process alive to answer).
      const waiting = [...spares];
      for (const s of waiting) s.worker.ref();
      try {
        await Promise.all(waiting.map((s) => s.ready));
      } finally {
        for (const s of waiting) if (spares.includes(s)) s.worker.unref();
      }
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      for (const s of spares) void s.worker.terminate();
      spares = [];
    },
  };
}

/** In this thread (tests; blocks while it runs). */
export function inProcessCompareRunner(): CompareRunner {
  return {
    async run(input, signal) {
      await new Promise((done) => setImmediate(done));
      if (signal?.aborted) throw cancelled();
      const { findings, links, stems } = analyseDocumentPacked(input.rows, { glossary: input.glossary, stemIndex: true });
      return { findings, links: new LinkTable(links), stems: stems! };
    },
  };
}
