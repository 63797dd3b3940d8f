/**
 * The worker thread that compares a document (word model, links, checks), so that a long text never
 * freezes the main process. Started by `runner.ts` with the rows and glossary as `workerData`;
 * posts `{ type: 'progress' }` messages, then `{ type: 'done', body }` (the findings, and the links
 * packed in transferred typed arrays: `packLinks`) or `{ type: 'error' }`.
 * Cancelling terminates the thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type Finding } from '../compare/checks';
import { type PackedLinks, analyseDocument, packLinks } from '../compare/analyse';
import type { CompareInput } from './runner';

export type CompareWorkerMessage =
  | { type: 'progress'; phase: 'training' | 'linking' | 'checking'; progress: number }
  | { type: 'done'; body: { findings: Finding[]; links: PackedLinks } }
  | { type: 'error'; message: string };

const port = parentPort;
if (port) {
  const post = (message: CompareWorkerMessage) => port.postMessage(message);
  try {
    const input = workerData as CompareInput;
    const { findings, links } = analyseDocument(input.rows, { glossary: input.glossary, onProgress: (phase, progress) => post({ type: 'progress', phase, progress }) });
    // The links travel as typed arrays whose buffers are handed over, not copied.
    const packed = packLinks(links);
    port.postMessage({ type: 'done', body: { findings, links: packed } } satisfies CompareWorkerMessage, [packed.offsets.buffer, packed.classes.buffer, packed.spans.buffer, packed.scores.buffer]);
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}
