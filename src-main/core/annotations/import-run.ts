/**
 * Where an annotation import is computed (`import-compute.ts`): in a worker thread (the app and
 * the harness) or in this thread (unit tests). Main then only stores what it found and keeps its
 * anchors.
 */
import { fileURLToPath } from 'node:url';
import { type WorkerSpec, runInWorker } from '../import/align-runner';
import type { AlignedText, Lang } from '../model';
import type { AnchoringDocument } from './anchoring';
import {
  type AnnotationImportOutcome,
  type AnnotationImportTask,
  type AnnotationWorkerInput,
  type AnnotationWorkerMessage,
  type PostedOutcome,
  computeImport,
  unpackOutcome,
} from './import-compute';


export interface AnnotationImportRunner {
  run(task: AnnotationImportTask, document: { doc: AnchoringDocument; body: AlignedText; texts: Record<Lang, string> }): Promise<AnnotationImportOutcome>;
}

/** The worker as source, for processes running under tsx (the harness, tests, the benchmark). */
export function tsxAnnotationWorker(): WorkerSpec {
  return { path: fileURLToPath(new URL('./import-worker.ts', import.meta.url)), tsx: true };
}

export function workerImportRunner(spec: WorkerSpec): AnnotationImportRunner {
  return {
    run: async (task, { body, texts }) =>
      unpackOutcome(
        await runInWorker<AnnotationWorkerMessage, PostedOutcome>(spec, { task, body, texts } satisfies AnnotationWorkerInput, {
          onMessage: (message) => (message.type === 'done' ? { value: message.outcome } : { error: new Error(`The annotation import failed: ${message.message}`) }),
          crashed: (error) => new Error(`The annotation import failed: ${error.message}`),
          exited: (code) => new Error(`The annotation import worker stopped (exit code ${code})`),
        }),
      ),
  };
}

/** In this thread (tests; blocks while it runs). */
export function inProcessImportRunner(): AnnotationImportRunner {
  return {
    run: async (task, { doc }) => computeImport(doc, task),
  };
}

