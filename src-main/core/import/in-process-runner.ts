/**
 * The import's two heavy steps run in this thread (unit tests; it blocks while it works). The app
 * and the harness prepare and align in the import worker (`workerRunner`); keeping this runner in
 * a module of its own keeps the file readers (pdf.js among them) out of the main process's build,
 * so they ship once, in the worker.
 */
import { type AlignRunner, cancelled } from './align-runner';
import { toFileBytes } from './file-input';
import { alignInput, unpackInput } from './pipeline';
import { prepareImportAsync } from './prepare';

export function inProcessRunner(): AlignRunner {
  return {
    async run(input, onProgress, signal) {
      await new Promise((done) => setImmediate(done));
      if (signal.aborted) throw cancelled();
      const body = alignInput(unpackInput(input), (phase, progress) => {
        if (signal.aborted) throw cancelled();
        onProgress(phase, progress);
      });
      if (signal.aborted) throw cancelled();
      return body;
    },
    async prepare(files, limits) {
      await new Promise((done) => setImmediate(done));
      return prepareImportAsync(files.map(toFileBytes), limits);
    },
  };
}
