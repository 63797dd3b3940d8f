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
import { type AlignInput, type PackedInput, alignInput, packInput, packedBuffers, unpackInput } from './pipeline';
import { type FileInput, toFileBytes } from './file-input';
import { type PreparedImport, prepareImportAsync } from './prepare';

/** `prepare`: the files as main received them (base64 is checked and decoded here, not there). */
export type WorkerTask = { task: 'align'; input: AlignInput | PackedInput } | { task: 'prepare'; files: FileInput[]; limits: ImportLimits };

export type WorkerMessage =
  | { type: 'progress'; phase: import('../../contract/ipc').ImportPhase; progress: number }
  /**
   * The alignment as it is saved (`alignment.json`, UTF-8), serialized here rather than on the
   * main thread; with a packed input, its texts come back too (all transferred).
   */
  | { type: 'done'; storedJson: Uint8Array; texts?: Record<'en' | 'ru', Uint8Array> }
  /** The texts packed as UTF-8 bytes and transferred: main never clones or decodes them. */
  | { type: 'prepared'; prepared: Omit<PreparedImport, 'input'> & { input: PackedInput } }
  | { type: 'refused'; error: SerializedImportError }
  | { type: 'app-error'; code: ErrorCode; message: string }
  | { type: 'error'; message: string };

const port = parentPort;
if (port) {
  const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
  const fail = (error: unknown) => {
    if (error instanceof ImportError) post({ type: 'refused', error: error.toJSON() });
    else if (error instanceof AppError) post({ type: 'app-error', code: error.code, message: error.message });
    else post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  };
  try {
    const task = workerData as WorkerTask;
    // Preparing may wait on a reader (PDF: pdfjs answers with promises).
    if (task.task === 'prepare') {
      prepareImportAsync(task.files.map(toFileBytes), task.limits).then((prepared) => {
        const input = packInput(prepared.input);
        post({ type: 'prepared', prepared: { ...prepared, input } }, packedBuffers(input));
      }, fail);
    } else {
      const body = alignInput(unpackInput(task.input), (phase, progress) => post({ type: 'progress', phase, progress }));
      const storedJson = new TextEncoder().encode(`${serializeStoredAlignment(toStoredAlignment(body))}\n`);
      const texts = 'packed' in task.input ? task.input.texts : undefined;
      post({ type: 'done', storedJson, ...(texts ? { texts } : {}) }, [storedJson.buffer as ArrayBuffer, ...packedBuffers(task.input)]);
    }
  } catch (error) {
    fail(error);
  }
}
