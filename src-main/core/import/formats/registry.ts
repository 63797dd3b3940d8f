/**
 * The readers the app has (the extensions it refuses with advice are in `refused.ts`). To add a
 * format: write its reader (`reader.ts` says what one is) and add it to `READERS`.
 */
import type { SourceFormat } from '../../../contract/ipc';
import { displayName } from '../errors';
import { BOOK_READERS, bookReaderFor } from './books';
import { docxReader } from './docx';
import { htmlReader } from './html';
import { markdownReader } from './md';
import type { FormatReader } from './reader';
import { tmxReader } from './tmx';
import { tsvReader } from './tsv';
import { txtReader } from './txt';
import { extensionOf, refuseUnsupported } from './refused';

export const READERS: readonly FormatReader[] = [txtReader, markdownReader, htmlReader, docxReader, tmxReader, tsvReader, ...BOOK_READERS];

const BY_EXTENSION = new Map<string, FormatReader>(READERS.flatMap((reader) => reader.extensions.map((ext) => [ext, reader] as const)));
const BY_FORMAT = new Map<SourceFormat, FormatReader>(READERS.map((reader) => [reader.format, reader]));

/** The reader a file name calls for; unknown extensions are read as plain text; refused ones throw. */
export function readerFor(fileName: string): FormatReader {
  const book = bookReaderFor(displayName(fileName)); // .fb2.zip: by its double extension
  if (book) return book;
  refuseUnsupported(fileName);
  return BY_EXTENSION.get(extensionOf(fileName)) ?? txtReader;
}

export function readerOf(format: SourceFormat): FormatReader {
  return BY_FORMAT.get(format) ?? txtReader;
}

/** The formats that bring both texts and their alignment. */
export const BILINGUAL_FORMATS: readonly SourceFormat[] = READERS.filter((r) => r.kind === 'bilingual').map((r) => r.format);
