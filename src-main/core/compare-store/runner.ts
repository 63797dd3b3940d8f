/**
 * Runs `analyseDocument` for a document: in a worker thread (the app and the harness, through the
 * import's worker mechanism, `startWorker`), or in-process (unit tests). Both honour an
 * `AbortSignal`.
 */
import { fileURLToPath } from 'node:url';
import { type DocumentAnalysis, analyseDocument } from '../compare/analyse';
import type { CheckRow, GlossaryPair } from '../compare/checks';
import { type WorkerSpec, startWorker } from '../import/align-runner';
import type { CompareWorkerMessage } from './compare-worker';

export interface CompareInput {
  rows: CheckRow[];
  glossary: GlossaryPair[];
}

export interface CompareRunner {
  run(input: CompareInput, signal?: AbortSignal): Promise<DocumentAnalysis>;
}

/** The worker as source, for processes running under tsx (the harness, tests, the benchmark). */
export function tsxCompareWorker(): WorkerSpec {
  return { path: fileURLToPath(new URL('./compare-worker.ts', import.meta.url)), tsx: true };
}

const cancelled = () => new Error('The comparison was cancelled');

export function workerCompareRunner(spec: WorkerSpec): CompareRunner {
  return {
    run(input, signal) {
      return new Promise<DocumentAnalysis>((resolve, reject) => {
        if (signal?.aborted) return reject(cancelled());
        const worker = startWorker(spec, input);
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
        worker.on('message', (message: CompareWorkerMessage) => {
          if (message.type === 'done') settle(() => resolve(message.body));
          else if (message.type === 'error') settle(() => reject(new Error(`Comparison failed: ${message.message}`)));
        });
        worker.on('error', (error) => settle(() => reject(new Error(`Comparison failed: ${error.message}`))));
        worker.on('exit', (code) => settle(() => reject(new Error(`The comparison worker stopped (exit code ${code})`))));
      });
    },
  };
}

/** In this thread (tests; blocks while it runs). */
export function inProcessCompareRunner(): CompareRunner {
  return {
    async run(input, signal) {
      await new Promise((done) => setImmediate(done));
      if (signal?.aborted) throw cancelled();
      return analyseDocument(input.rows, { glossary: input.glossary });
    },
  };
}
