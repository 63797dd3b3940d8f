/**
 * One part of a ZIP package (a .docx; later .epub, .odt), inflated as a stream: the archive is fed
 * to fflate's streaming `Unzip` in small slices, and every chunk the inflater gives is charged to
 * the budget, so a part is stopped at `maxInflatedBytes` whatever size its header claims (a lying
 * header, a zip bomb). Other parts are never inflated.
 */
import { Unzip, UnzipInflate } from 'fflate';
import { ImportError } from '../errors';
import type { ExtractionBudget } from '../limits';

/** Compressed bytes fed per step: bounds what one step can inflate (DEFLATE expands at most ~1032×). */
const SLICE = 4096;

export interface ZipPartOptions {
  /** The part's name inside the archive (`word/document.xml`). */
  part: string;
  budget: ExtractionBudget;
  /** Called with each inflated chunk, in order. */
  onChunk: (chunk: Uint8Array) => void;
}

/** Streams one part; `false` when the archive has no such part. Damaged archives are refused. */
export function streamZipPart(bytes: Uint8Array, { part, budget, onChunk }: ZipPartOptions): boolean {
  const name = budget.name;
  let found = false;
  let ended = false;
  let failure: unknown;
  const unzip = new Unzip((file) => {
    if (file.name !== part || found) return;
    found = true;
    file.ondata = (error, chunk, final) => {
      if (failure) return;
      if (error) {
        failure = damaged(name);
        return;
      }
      try {
        budget.inflate(chunk.length);
        if (chunk.length > 0) onChunk(chunk);
      } catch (e) {
        failure = e;
        file.terminate();
        return;
      }
      if (final) ended = true;
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    // oxlint-disable-next-line no-unmodified-loop-condition -- `failure` and `ended` are set by the unzip callbacks
    for (let at = 0; at < bytes.length && !failure && !ended; at += SLICE) {
      unzip.push(bytes.subarray(at, Math.min(bytes.length, at + SLICE)), at + SLICE >= bytes.length);
    }
  } catch (error) {
    failure ??= error instanceof ImportError ? error : damaged(name);
  }
  if (failure) throw failure instanceof ImportError ? failure : damaged(name);
  if (found && !ended) throw damaged(name);
  return found;
}

const damaged = (name: string) =>
  new ImportError('unsupported-format', `“${name}” is not a readable package (damaged ZIP)`, name, { reason: 'damaged-zip' });
