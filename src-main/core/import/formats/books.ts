/**
 * The registry's entries for the book and report readers (`../books.ts`: EPUB, FB2 and .fb2.zip,
 * ODT, PDF, SRT, WebVTT). Each reads through its own reader, limited by the same limits (file size,
 * characters, paragraphs, bytes inflated), then charges the shared budget for every paragraph it
 * kept. PDF is read asynchronously (pdfjs): its `read` refuses, `readAsync` reads.
 */
import { type BookFormat, bookFormatOf, readBookSync, readPdfDocument } from '../books';
import { ImportError } from '../errors';
import type { TextDocument } from './paragraphs';
import type { ReadContext, TextReader } from './reader';

export interface AsyncTextReader extends TextReader {
  readAsync(bytes: Uint8Array, context: ReadContext): Promise<TextDocument>;
}

const charge = (doc: TextDocument, { budget }: ReadContext): TextDocument => {
  for (const paragraph of doc.text.trim().split('\n\n')) budget.paragraph(paragraph.length);
  return doc;
};

const syncReader = (format: Exclude<BookFormat, 'pdf'>, extensions: string[]): TextReader => ({
  kind: 'text',
  format,
  extensions,
  read: (bytes, context) => charge(readBookSync(bytes, context.budget.name, format, { limits: context.limits }), context),
});

export const pdfReader: AsyncTextReader = {
  kind: 'text',
  format: 'pdf',
  extensions: ['pdf'],
  read(_bytes, { budget }) {
    throw new ImportError('unsupported-format', `“${budget.name}” is a PDF: it is read asynchronously (readDocument)`, budget.name);
  },
  readAsync: async (bytes, context) => charge(await readPdfDocument(bytes, context.budget.name, { limits: context.limits }), context),
};

export const BOOK_READERS: readonly TextReader[] = [
  syncReader('epub', ['epub']),
  syncReader('fb2', ['fb2', 'fbz']),
  syncReader('odt', ['odt']),
  syncReader('srt', ['srt']),
  syncReader('vtt', ['vtt', 'webvtt']),
  pdfReader,
];

/** The book reader a file name calls for (`.fb2.zip` too), if any. */
export function bookReaderFor(fileName: string): TextReader | undefined {
  const format = bookFormatOf(fileName);
  return format ? BOOK_READERS.find((r) => r.format === format) : undefined;
}

export const isAsyncReader = (reader: TextReader): reader is AsyncTextReader => 'readAsync' in reader;
