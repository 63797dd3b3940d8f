/**
 * What a reader of one file format is: its format name, the file extensions it takes, and a
 * function from bytes to paragraphs (a text) or units (a bilingual file). Every reader charges
 * the shared budget while it reads (`../limits.ts`) and takes the shared limits; the registry
 * (`registry.ts`) lists them. A new format is one reader file and one line there.
 */
import type { ImportLimits } from '../../../contract/ipc';
import type { ExtractionBudget } from '../limits';
import type { BilingualDocument, BilingualFormat, MonolingualFormat, TextDocument } from './paragraphs';

export interface ReadContext {
  budget: ExtractionBudget;
  limits: ImportLimits;
}

export interface TextReader {
  kind: 'text';
  format: MonolingualFormat;
  /** Lower case, without the dot. */
  extensions: readonly string[];
  read(bytes: Uint8Array, context: ReadContext): TextDocument;
}

export interface BilingualReader {
  kind: 'bilingual';
  format: BilingualFormat;
  extensions: readonly string[];
  read(bytes: Uint8Array, context: ReadContext): BilingualDocument;
}

export type FormatReader = TextReader | BilingualReader;
