/**
 * The worker thread that imports an annotation file (parses it, checks it, places its quotes), so
 * that a hostile file never holds up the main process. Started by `import-run.ts` (it imports `import-compute.ts` only) with the task
 * and the document as `workerData`; posts `{ type: 'done', outcome }` or `{ type: 'error' }`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type AnnotationWorkerInput, type AnnotationWorkerMessage, computeImportIn } from './import-compute';

const port = parentPort;
if (port) {
  const post = (message: AnnotationWorkerMessage) => port.postMessage(message);
  try {
    post({ type: 'done', outcome: computeImportIn(workerData as AnnotationWorkerInput) });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}
