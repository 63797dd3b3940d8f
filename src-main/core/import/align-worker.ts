/**
 * The worker thread that segments and aligns an imported pair, so that a long text never
 * freezes the main process. Started by `align-runner.ts` with the input as `workerData`; posts
 * `{ type: 'progress' }` messages, then `{ type: 'done', body }` or `{ type: 'error', message }`.
 * Cancelling terminates the thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type AlignInput, alignInput } from './pipeline';

export type WorkerMessage =
  | { type: 'progress'; phase: import('../../contract/ipc').ImportPhase; progress: number }
  | { type: 'done'; body: import('../model').AlignedText }
  | { type: 'error'; message: string };

const port = parentPort;
if (port) {
  const post = (message: WorkerMessage) => port.postMessage(message);
  try {
    const body = alignInput(workerData as AlignInput, (phase, progress) => post({ type: 'progress', phase, progress }));
    post({ type: 'done', body });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}
