/**
 * Runs `analyseDocument` for a document: in a worker thread (the app and the harness, through the
 * import's worker mechanism, `runInWorker`), or in-process (unit tests). Both honour an
 * `AbortSignal`.
 */
import { fileURLToPath } from 'node:url';
import { type DocumentAnalysis, analyseDocument, unpackLinks } from '../compare/analyse';
import type { CheckRow, GlossaryPair } from '../compare/checks';
import { type WorkerSpec, runInWorker } from '../import/align-runner';
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
    run: (input, signal) =>
      runInWorker<CompareWorkerMessage, DocumentAnalysis>(spec, input, {
        signal,
        cancelled,
        onMessage: (message) => {
          if (message.type === 'done') return { value: { findings: message.body.findings, links: unpackLinks(message.body.links) } };
          if (message.type === 'error') return { error: new Error(`Comparison failed: ${message.message}`) };
          return undefined;
        },
        crashed: (error) => new Error(`Comparison failed: ${error.message}`),
        exited: (code) => new Error(`The comparison worker stopped (exit code ${code})`),
      }),
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
