/**
 * The worker thread that checks and indexes a dictionary being added (a 100,000-entry one takes
 * seconds: `npm run bench:dict`), so the main process never freezes. Started by `index-runner.ts`
 * with the files as `workerData`; posts `{ type: 'done', prepared }` or `{ type: 'error' }` with
 * the dictionary error's code.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type DictionaryFile, type Prepared, prepareDictionary } from './dictionary';
import { DictionaryError } from './errors';

export type IndexWorkerMessage =
  | { type: 'done'; prepared: Prepared }
  | { type: 'error'; code: DictionaryError['dictionaryCode'] | 'internal'; message: string };

const port = parentPort;
if (port) {
  prepareDictionary(workerData as DictionaryFile[]).then(
    (prepared) => port.postMessage({ type: 'done', prepared } satisfies IndexWorkerMessage),
    (error: unknown) =>
      port.postMessage({
        type: 'error',
        code: error instanceof DictionaryError ? error.dictionaryCode : 'internal',
        message: error instanceof Error ? error.message : String(error),
      } satisfies IndexWorkerMessage),
  );
}
