/**
 * The readers the app has, and the file extensions it refuses with advice. To add a format: write
 * its reader (`reader.ts` says what one is) and add it to `READERS`.
 */
import type { ImportRefusal, SourceFormat } from '../../../contract/ipc';
import { ImportError, displayName } from '../errors';
import { BOOK_READERS, bookReaderFor } from './books';
import { docxReader } from './docx';
import { htmlReader } from './html';
import { markdownReader } from './md';
import type { FormatReader } from './reader';
import { tmxReader } from './tmx';
import { tsvReader } from './tsv';
import { txtReader } from './txt';

export const READERS: readonly FormatReader[] = [txtReader, markdownReader, htmlReader, docxReader, tmxReader, tsvReader, ...BOOK_READERS];

/** Extensions refused outright, with what to do instead (and the message that says so). */
const REFUSED: Readonly<Record<string, { says: string; reason: ImportRefusal }>> = {
  doc: { says: 'an old Word document (.doc): save it as .docx or .txt', reason: 'refused-doc' },
  rtf: { says: 'an RTF document: save it as .docx or .txt', reason: 'refused-rtf' },
  xlsx: { says: 'a spreadsheet: save the two columns as .tsv', reason: 'refused-xlsx' },
  csv: { says: 'a CSV table: save it as tab-separated .tsv', reason: 'refused-csv' },
};

const BY_EXTENSION = new Map<string, FormatReader>(READERS.flatMap((reader) => reader.extensions.map((ext) => [ext, reader] as const)));
const BY_FORMAT = new Map<SourceFormat, FormatReader>(READERS.map((reader) => [reader.format, reader]));

/** The reader a file name calls for; unknown extensions are read as plain text; refused ones throw. */
export function readerFor(fileName: string): FormatReader {
  const name = displayName(fileName);
  const book = bookReaderFor(name); // .fb2.zip: by its double extension
  if (book) return book;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  // Own keys only: a file called `x.constructor` is plain text, not `Object`'s constructor.
  const refused = Object.hasOwn(REFUSED, ext) ? REFUSED[ext] : undefined;
  if (refused) throw new ImportError('unsupported-format', `“${name}” is ${refused.says}`, name, { reason: refused.reason });
  return BY_EXTENSION.get(ext) ?? txtReader;
}

export function readerOf(format: SourceFormat): FormatReader {
  return BY_FORMAT.get(format) ?? txtReader;
}

/** The formats that bring both texts and their alignment. */
export const BILINGUAL_FORMATS: readonly SourceFormat[] = READERS.filter((r) => r.kind === 'bilingual').map((r) => r.format);
