/**
 * The worker thread that compares a document (word model, links, checks), so that a long text never
 * freezes the main process. Started by `runner.ts` with the rows and glossary as `workerData`;
 * posts `{ type: 'progress' }` messages, then `{ type: 'done', body }` or `{ type: 'error' }`.
 * Cancelling terminates the thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type DocumentAnalysis, analyseDocument } from '../compare/analyse';
import type { CompareInput } from './runner';

export type CompareWorkerMessage =
  | { type: 'progress'; phase: 'training' | 'linking' | 'checking'; progress: number }
  | { type: 'done'; body: DocumentAnalysis }
  | { type: 'error'; message: string };

const port = parentPort;
if (port) {
  const post = (message: CompareWorkerMessage) => port.postMessage(message);
  try {
    const input = workerData as CompareInput;
    const body = analyseDocument(input.rows, { glossary: input.glossary, onProgress: (phase, progress) => post({ type: 'progress', phase, progress }) });
    post({ type: 'done', body });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}
