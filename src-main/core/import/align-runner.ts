/**
 * Runs `alignInput` for an import: in a worker thread (the app and the harness), or in-process
 * (unit tests). Both honour an `AbortSignal`: the worker is terminated; the in-process run stops
 * at the next phase.
 *
 * Where the worker's code is depends on how the process was started:
 * - the Electron build: electron-vite bundles `align-worker.ts` as its own chunk and gives its path
 *   (`import path from '…/align-worker?modulePath'` in `src-main/electron/main.ts`);
 * - under tsx (the harness, tests): the `.ts` file itself, loaded through tsx (`tsxWorker()`).
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ImportPhase } from '../../contract/ipc';
import type { AlignedText } from '../model';
import type { WorkerMessage } from './align-worker';
import { ImportError } from './errors';
import { type AlignInput, alignInput } from './pipeline';

export type ProgressListener = (phase: ImportPhase, progress: number) => void;

export interface AlignRunner {
  run(input: AlignInput, onProgress: ProgressListener, signal: AbortSignal): Promise<AlignedText>;
}

export interface WorkerSpec {
  /** The worker's entry file (a built `.js`, or the `.ts` source with `tsx: true`). */
  path: string;
  /**
   * Load the entry through tsx's loader. (`execArgv: ['--import', 'tsx']` is not enough on Node 20:
   * the worker then refuses `.ts`; a small bootstrap registers tsx inside the worker instead.)
   */
  tsx?: boolean;
}

/** The worker as source, for processes running under tsx (the harness, tests). */
export function tsxWorker(): WorkerSpec {
  return { path: fileURLToPath(new URL('./align-worker.ts', import.meta.url)), tsx: true };
}

/** Starts a worker thread from its spec with `input` as `workerData` (also used by the compare worker). */
export function startWorker(spec: WorkerSpec, input: unknown): Worker {
  if (!spec.tsx) return new Worker(spec.path, { workerData: input });
  const entry = JSON.stringify(pathToFileURL(spec.path).href);
  // Resolved here, so that the worker finds tsx whatever its working directory.
  const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const bootstrap = `import(${api}).then(({ register }) => { register(); return import(${entry}); })`;
  return new Worker(bootstrap, { eval: true, workerData: input });
}

const cancelled = () => new ImportError('cancelled', 'The import was cancelled');

export function workerRunner(spec: WorkerSpec): AlignRunner {
  return {
    run(input, onProgress, signal) {
      return new Promise<AlignedText>((resolve, reject) => {
        if (signal.aborted) return reject(cancelled());
        const worker = startWorker(spec, input);
        let settled = false;
        const settle = (action: () => void) => {
          if (settled) return;
          settled = true;
          signal.removeEventListener('abort', onAbort);
          action();
        };
        const onAbort = () => {
          settle(() => reject(cancelled()));
          void worker.terminate();
        };
        signal.addEventListener('abort', onAbort);
        worker.on('message', (message: WorkerMessage) => {
          if (message.type === 'progress') {
            if (!settled) onProgress(message.phase, message.progress);
          } else if (message.type === 'done') {
            settle(() => resolve(message.body));
            void worker.terminate();
          } else {
            settle(() => reject(new Error(`Alignment failed: ${message.message}`)));
            void worker.terminate();
          }
        });
        worker.on('error', (error) => settle(() => reject(new Error(`Alignment failed: ${error.message}`))));
        worker.on('exit', (code) => settle(() => reject(new Error(`The alignment worker stopped (exit code ${code})`))));
      });
    },
  };
}

/** Runs in this thread (tests; blocks while it aligns). */
export function inProcessRunner(): AlignRunner {
  return {
    async run(input, onProgress, signal) {
      await new Promise((done) => setImmediate(done));
      if (signal.aborted) throw cancelled();
      const body = alignInput(input, (phase, progress) => {
        if (signal.aborted) throw cancelled();
        onProgress(phase, progress);
      });
      if (signal.aborted) throw cancelled();
      return body;
    },
  };
}
