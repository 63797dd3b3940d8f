/**
 * Runs the two heavy steps of an import — preparing the files and aligning the texts — in a worker
 * thread (the app and the harness), or in-process (unit tests: `in-process-runner.ts`, which the
 * app's build leaves out, and with it every file reader and pdf.js: only the worker reads files).
 * Both honour an `AbortSignal`: the worker is terminated; the in-process run stops at the next phase. The worker's heap is capped
 * (`WORKER_HEAP_MB`): should a file get past every limit and still need more, the import is
 * refused (`out-of-memory`) and the app goes on.
 *
 * Where the worker's code is depends on how the process was started:
 * - the Electron build: electron-vite bundles `align-worker.ts` as its own chunk and gives its path
 *   (`import path from '…/align-worker?modulePath'` in `src-main/electron/main.ts`);
 * - under tsx (the harness, tests): the `.ts` file itself, loaded through tsx (`tsxWorker()`).
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { ImportLimits, ImportPhase } from '../../contract/ipc';
import { AppError } from '../errors';
import type { AlignedText, Lang } from '../model';
import type { WorkerMessage, WorkerTask } from './align-worker';
import { ImportError } from './errors';
import { IMPORT_LIMITS } from './limits';
import { type AlignInput, type PackedInput, packedBuffers } from './pipeline';
import { type FileInput, transferable } from './file-input';
import type { PreparedImport } from './prepare';

export type ProgressListener = (phase: ImportPhase, progress: number) => void;

/**
 * The alignment made: as objects (in-process), or already serialized as saved by the worker
 * (`alignment.json` as UTF-8 bytes, with the texts it was given back, all transferred).
 */
export type AlignResult = AlignedText | { storedJson: string | Uint8Array; texts?: Record<Lang, Uint8Array> };

/** A prepared import as the worker hands it back: its texts packed as bytes (`PackedInput`). */
export type CarriedImport = Omit<PreparedImport, 'input'> & { input: AlignInput | PackedInput };

export interface AlignRunner {
  /** A packed input's bytes are handed to the worker (they come back with the result). */
  run(input: AlignInput | PackedInput, onProgress: ProgressListener, signal: AbortSignal): Promise<AlignResult>;
  /**
   * Prepares the files (reads, decodes and checks them). Base64 is checked and decoded there too;
   * bytes that own their buffer are handed over, not copied.
   */
  prepare(files: readonly FileInput[], limits: ImportLimits, signal?: AbortSignal): Promise<CarriedImport>;
}

/** The most heap an import worker may use; the largest import allowed needs well under half. */
export const WORKER_HEAP_MB = 2048;

export interface WorkerSpec {
  /** The worker's entry file (a built `.js`, or the `.ts` source with `tsx: true`). */
  path: string;
  /**
   * Load the entry through tsx's loader. (`execArgv: ['--import', 'tsx']` is not enough on Node 20:
   * the worker then refuses `.ts`; a small bootstrap registers tsx inside the worker instead.)
   */
  tsx?: boolean;
  /** Heap cap in MB (default `WORKER_HEAP_MB`). */
  heapMb?: number;
  /** Young generation cap in MB (`resourceLimits.maxYoungGenerationSizeMb`; default: the engine's). */
  youngMb?: number;
}

/**
 * The align task's young generation (`ALIGN_YOUNG_GENERATION_MB`): V8 lets the young generation grow
 * to 3 × 16 MB (two semi-spaces and the new large-object space) while a long alignment allocates
 * fast; capped, its scavenges are more frequent and each as cheap (what survives them is small),
 * and the process's peak RSS is about 10 MB lower (`npm run bench:align`, the worker rows).
 */
export const ALIGN_YOUNG_GENERATION_MB = 6;

/** The resource limits a worker is started with (the benchmark starts its workers with the same). */
export function workerResourceLimits(spec: Pick<WorkerSpec, 'heapMb' | 'youngMb'>): NonNullable<WorkerOptions['resourceLimits']> {
  return { maxOldGenerationSizeMb: spec.heapMb ?? WORKER_HEAP_MB, ...(spec.youngMb ? { maxYoungGenerationSizeMb: spec.youngMb } : {}) };
}

/** The worker as source, for processes running under tsx (the harness, tests). */
export function tsxWorker(): WorkerSpec {
  return { path: fileURLToPath(new URL('./align-worker.ts', import.meta.url)), tsx: true };
}

/**
 * Starts a worker thread from its spec with `input` as `workerData`, its heap capped; the buffers
 * in `transferList` are moved into the worker rather than copied on this thread.
 */
function startWorker(spec: WorkerSpec, input: unknown, transferList: ArrayBuffer[] = []): Worker {
  const resourceLimits = workerResourceLimits(spec);
  if (!spec.tsx) return startBuilt(spec.path, { workerData: input, resourceLimits, transferList });
  const entry = JSON.stringify(pathToFileURL(spec.path).href);
  // Resolved here, so that the worker finds tsx whatever its working directory.
  const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const bootstrap = `import(${api}).then(({ register }) => { register(); return import(${entry}); })`;
  return new Worker(bootstrap, { eval: true, workerData: input, resourceLimits, transferList });
}

/**
 * A built entry needs no loader: this process's `--import tsx` (the harness, benchmarks) is not
 * passed on — it would load and start tsx in the worker, a few hundred ms, at every task. Other
 * flags are inherited as by default; should Node refuse them when given explicitly (V8 flags such
 * as `--max-old-space-size` are refused, not inherited), the worker inherits them all instead.
 */
function startBuilt(path: string, options: WorkerOptions): Worker {
  const execArgv = withoutTsx(process.execArgv);
  if (execArgv.length !== process.execArgv.length) {
    try {
      return new Worker(path, { ...options, execArgv });
    } catch (error) {
      // Thrown before the worker exists (and before anything in `transferList` is moved).
      if ((error as { code?: string }).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw error;
    }
  }
  return new Worker(path, options);
}

/** `execArgv` without the flags that load tsx (`--import tsx`, `--import=tsx`, `--require tsx/cjs`…), which a built worker does not need. */
function withoutTsx(execArgv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i] ?? '';
    const loader = /^--(import|loader|experimental-loader|require)$/.test(arg);
    if (loader && /^tsx(\/|$)/.test(execArgv[i + 1] ?? '')) {
      i++;
      continue;
    }
    if (/^--(import|loader|experimental-loader|require)=tsx(\/|$)/.test(arg)) continue;
    out.push(arg);
  }
  return out;
}

/** The error of an import stopped by its `AbortSignal`. */
export const cancelled = () => new ImportError('cancelled', 'The import was cancelled');
const outOfMemory = () =>
  new ImportError('too-much-text', 'The import needed more memory than an import may use; the file is too large or too complex', undefined, {
    reason: 'out-of-memory',
  });

/** What a worker's message means for its task: its result, its failure, or nothing yet (progress). */
export type WorkerVerdict<T> = { value: T } | { error: Error } | undefined;

export interface WorkerTaskOptions<M, T> {
  /** Reads each message the worker posts; ignored once the task is settled. */
  onMessage: (message: M) => WorkerVerdict<T>;
  /** The error for a worker that crashed (`error.code` says why, e.g. out of memory). */
  crashed: (error: Error & { code?: string }) => Error;
  /** The error for a worker that exited before it answered. */
  exited: (code: number) => Error;
  /** The error when `signal` aborts (needed with `signal`). */
  cancelled?: () => Error;
  signal?: AbortSignal;
  /** Buffers in `input` moved to the worker, not copied (the caller gives them up). */
  transferList?: ArrayBuffer[];
}

/**
 * One task in a fresh worker thread (the import, the comparison and the dictionary indexer all use
 * it): settled once, by a message, a crash, an early exit or the abort signal; the worker is always
 * terminated.
 */
export function runInWorker<M, T>(spec: WorkerSpec, input: unknown, options: WorkerTaskOptions<M, T>): Promise<T> {
  const { signal } = options;
  const cancelled = options.cancelled ?? (() => new Error('cancelled'));
  return new Promise<T>((resolve, reject) => {
    if (signal?.aborted) return reject(cancelled());
    const worker = startWorker(spec, input, options.transferList);
    let settled = false;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      action();
      void worker.terminate();
    };
    const onAbort = () => settle(() => reject(cancelled()));
    signal?.addEventListener('abort', onAbort);
    worker.on('message', (message: M) => {
      if (settled) return;
      const verdict = options.onMessage(message);
      if (!verdict) return;
      if ('error' in verdict) settle(() => reject(verdict.error));
      else settle(() => resolve(verdict.value));
    });
    worker.on('error', (error: Error & { code?: string }) => settle(() => reject(options.crashed(error))));
    worker.on('exit', (code) => settle(() => reject(options.exited(code))));
  });
}

/** Runs one import task in a fresh worker; resolves with its result message. */
function inWorker<T>(
  spec: WorkerSpec,
  task: WorkerTask,
  take: (message: WorkerMessage) => T | undefined,
  onProgress: ProgressListener,
  signal?: AbortSignal,
  transferList: ArrayBuffer[] = [],
): Promise<T> {
  return runInWorker<WorkerMessage, T>(spec, task, {
    signal,
    transferList,
    cancelled,
    onMessage: (message) => {
      if (message.type === 'progress') {
        onProgress(message.phase, message.progress);
        return undefined;
      }
      if (message.type === 'refused') return { error: ImportError.fromJSON(message.error) };
      if (message.type === 'app-error') return { error: new AppError(message.code, message.message) };
      if (message.type === 'error') return { error: new Error(`The import failed: ${message.message}`) };
      const value = take(message);
      return value === undefined ? undefined : { value };
    },
    crashed: (error) => (error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? outOfMemory() : new Error(`The import failed: ${error.message}`)),
    exited: (code) => new Error(`The import worker stopped (exit code ${code})`),
  });
}

/** The spec the align task's worker is started with: the young generation capped unless the spec says otherwise. */
export function alignSpec(spec: WorkerSpec): WorkerSpec {
  return { youngMb: ALIGN_YOUNG_GENERATION_MB, ...spec };
}

export function workerRunner(spec: WorkerSpec): AlignRunner {
  return {
    run: (input, onProgress, signal) =>
      inWorker<AlignResult>(
        alignSpec(spec),
        { task: 'align', input },
        (m) => (m.type === 'done' ? { storedJson: m.storedJson, ...(m.texts ? { texts: m.texts } : {}) } : undefined),
        onProgress,
        signal,
        packedBuffers(input),
      ),
    prepare: (files, limits = IMPORT_LIMITS, signal) =>
      inWorker(
        spec,
        { task: 'prepare', files: [...files], limits: { ...limits } },
        (m) => (m.type === 'prepared' ? m.prepared : undefined),
        () => undefined,
        signal,
        transferable(files),
      ),
  };
}

