/**
 * The worker thread that imports an annotation file (parses it, checks it, places its quotes), so
 * that a hostile file never holds up the main process. Started by `import-run.ts` (it imports `import-compute.ts` only) with the task
 * and the document as `workerData`; posts `{ type: 'done', outcome }` or `{ type: 'error' }`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { z } from 'zod';
import { type AnnotationWorkerInput, type AnnotationWorkerMessage, computeImportIn } from './import-compute';

const port = parentPort;
if (port) {
  // A fresh worker per import checks each schema a few thousand times and then exits: zod's
  // compiled object parsers (generated code, compiled and warmed up anew in every worker) cost more
  // here than they save; without them the import takes ~10% less CPU (bench:annotations). Only this
  // worker's own copy of zod is configured.
  z.config({ jitless: true });
  const post = (message: AnnotationWorkerMessage) => port.postMessage(message);
  try {
    post({ type: 'done', outcome: computeImportIn(workerData as AnnotationWorkerInput) });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}
