/**
 * Where a dictionary is checked and indexed: in a worker thread (the app and the harness) or in
 * this thread (unit tests). The worker's code is found the way the import aligner's is
 * (`core/import/align-runner.ts`): a built chunk in the app, the `.ts` source under tsx.
 */
import { fileURLToPath } from 'node:url';
import { type WorkerSpec, runInWorker } from '../import/align-runner';
import { type DictionaryFile, type Prepared, prepareDictionary } from './dictionary';
import { AppError } from '../errors';
import { DictionaryError } from './errors';
import type { IndexWorkerMessage } from './index-worker';

/** `signal` stops the indexing (the worker is terminated); the promise then rejects with `cancelled`. */
export type PrepareDictionary = (files: readonly DictionaryFile[], signal?: AbortSignal) => Promise<Prepared>;

export const cancelledAdd = () => new AppError('cancelled', 'Adding the dictionary was cancelled');

export const inProcessPrepare: PrepareDictionary = async (files, signal) => {
  if (signal?.aborted) throw cancelledAdd();
  return prepareDictionary(files);
};

/** The worker as source, for processes running under tsx (the harness, tests). */
export function tsxIndexWorker(): WorkerSpec {
  return { path: fileURLToPath(new URL('./index-worker.ts', import.meta.url)), tsx: true };
}

export function workerPrepare(spec: WorkerSpec): PrepareDictionary {
  return (files, signal) =>
    runInWorker<IndexWorkerMessage, Prepared>(spec, [...files], {
      ...(signal ? { signal } : {}),
      cancelled: cancelledAdd,
      onMessage: (message) =>
        message.type === 'done'
          ? { value: message.prepared }
          : { error: message.code === 'internal' ? new Error(message.message) : new DictionaryError(message.code, message.message) },
      crashed: (error) => new Error(`Indexing failed: ${error.message}`),
      exited: (code) => new Error(`The indexing worker stopped (exit code ${code})`),
    });
}
