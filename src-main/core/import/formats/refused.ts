/**
 * The file extensions refused outright, with what to do instead (and the message that says so).
 * Apart from the readers (`registry.ts`), so that main can refuse a chosen file before reading it
 * without carrying the readers: they run in the import worker.
 */
import type { ImportRefusal } from '../../../contract/ipc';
import { ImportError, displayName } from '../errors';

const REFUSED: Readonly<Record<string, { says: string; reason: ImportRefusal }>> = {
  doc: { says: 'an old Word document (.doc): save it as .docx or .txt', reason: 'refused-doc' },
  rtf: { says: 'an RTF document: save it as .docx or .txt', reason: 'refused-rtf' },
  xlsx: { says: 'a spreadsheet: save the two columns as .tsv', reason: 'refused-xlsx' },
  csv: { says: 'a CSV table: save it as tab-separated .tsv', reason: 'refused-csv' },
};

/** The extension of a file name, lower case, without the dot ('' for none or a leading dot only). */
export function extensionOf(fileName: string): string {
  const name = displayName(fileName);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** Throws the `unsupported-format` refusal for a refused extension (.doc, .rtf, .xlsx, .csv); any other name passes. */
export function refuseUnsupported(fileName: string): void {
  const ext = extensionOf(fileName);
  // Own keys only: a file called `x.constructor` is plain text, not `Object`'s constructor.
  const refused = Object.hasOwn(REFUSED, ext) ? REFUSED[ext] : undefined;
  if (refused) {
    const name = displayName(fileName);
    throw new ImportError('unsupported-format', `“${name}” is ${refused.says}`, name, { reason: refused.reason });
  }
}
