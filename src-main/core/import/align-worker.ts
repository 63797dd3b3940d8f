/**
 * The import worker thread: it prepares an import (reads, decodes and converts the files, counts
 * their clauses, judges the languages) or segments and aligns a prepared one, so that neither a
 * long text nor a hostile file ever holds up the main process. Started by `align-runner.ts` with
 * the task as `workerData`; posts `{ type: 'progress' }` messages, then the result or the error.
 * Cancelling terminates the thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ErrorCode, ImportLimits } from '../../contract/ipc';
import { AppError } from '../errors';
import { serializeStoredAlignment, toStoredAlignment } from '../library/stored-alignment';
import { ImportError, type SerializedImportError } from './errors';
import { type AlignInput, alignInput } from './pipeline';
import { type FileBytes, type PreparedImport, prepareImportAsync } from './prepare';

export type WorkerTask = { task: 'align'; input: AlignInput } | { task: 'prepare'; files: FileBytes[]; limits: ImportLimits };

export type WorkerMessage =
  | { type: 'progress'; phase: import('../../contract/ipc').ImportPhase; progress: number }
  /** The alignment as it is saved (`alignment.json`), serialized here rather than on the main thread. */
  | { type: 'done'; storedJson: string }
  | { type: 'prepared'; prepared: PreparedImport }
  | { type: 'refused'; error: SerializedImportError }
  | { type: 'app-error'; code: ErrorCode; message: string }
  | { type: 'error'; message: string };

const port = parentPort;
if (port) {
  const post = (message: WorkerMessage) => port.postMessage(message);
  const fail = (error: unknown) => {
    if (error instanceof ImportError) post({ type: 'refused', error: error.toJSON() });
    else if (error instanceof AppError) post({ type: 'app-error', code: error.code, message: error.message });
    else post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  };
  try {
    const task = workerData as WorkerTask;
    // Preparing may wait on a reader (PDF: pdfjs answers with promises).
    if (task.task === 'prepare') prepareImportAsync(task.files, task.limits).then((prepared) => post({ type: 'prepared', prepared }), fail);
    else {
      const body = alignInput(task.input, (phase, progress) => post({ type: 'progress', phase, progress }));
      post({ type: 'done', storedJson: serializeStoredAlignment(toStoredAlignment(body)) });
    }
  } catch (error) {
    fail(error);
  }
}
