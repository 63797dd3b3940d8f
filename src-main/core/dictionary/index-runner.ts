/**
 * Where a dictionary is checked and indexed: in a worker thread (the app and the harness) or in
 * this thread (unit tests). The worker's code is found the way the import aligner's is
 * (`core/import/align-runner.ts`): a built chunk in the app, the `.ts` source under tsx.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WorkerSpec } from '../import/align-runner';
import { type DictionaryFile, type Prepared, prepareDictionary } from './dictionary';
import { DictionaryError } from './errors';
import type { IndexWorkerMessage } from './index-worker';

export type PrepareDictionary = (files: readonly DictionaryFile[]) => Promise<Prepared>;

export const inProcessPrepare: PrepareDictionary = prepareDictionary;

/** The worker as source, for processes running under tsx (the harness, tests). */
export function tsxIndexWorker(): WorkerSpec {
  return { path: fileURLToPath(new URL('./index-worker.ts', import.meta.url)), tsx: true };
}

export function workerPrepare(spec: WorkerSpec): PrepareDictionary {
  return (files) =>
    new Promise<Prepared>((resolve, reject) => {
      const data = [...files];
      let worker: Worker;
      if (spec.tsx) {
        const entry = JSON.stringify(pathToFileURL(spec.path).href);
        const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
        worker = new Worker(`import(${api}).then(({ register }) => { register(); return import(${entry}); })`, { eval: true, workerData: data });
      } else {
        worker = new Worker(spec.path, { workerData: data });
      }
      let settled = false;
      const settle = (action: () => void) => {
        if (settled) return;
        settled = true;
        action();
        void worker.terminate();
      };
      worker.on('message', (message: IndexWorkerMessage) => {
        if (message.type === 'done') settle(() => resolve(message.prepared));
        else settle(() => reject(message.code === 'internal' ? new Error(message.message) : new DictionaryError(message.code, message.message)));
      });
      worker.on('error', (error) => settle(() => reject(new Error(`Indexing failed: ${error.message}`))));
      worker.on('exit', (code) => settle(() => reject(new Error(`The indexing worker stopped (exit code ${code})`))));
    });
}
