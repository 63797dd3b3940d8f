/**
 * The readers of books, reports and subtitles — EPUB, FB2 (and .fb2.zip), ODT, PDF, SRT, WebVTT —
 * behind one entry: `readDocument` (async, because pdfjs is) reads any one-language file, these
 * formats here and the others (txt, Markdown, HTML, docx) through `readMonolingual`.
 * `readBookSync` reads the formats that need no promise (all but PDF).
 */
import { isAsyncReader } from './formats/books';
import { readerFor } from './formats/registry';
import { ExtractionBudget, IMPORT_LIMITS } from './limits';
import { readEpub } from './epub';
import { ImportError, displayName } from './errors';
import { type Extracted, type StructuredTextDocument, toTextDocument } from './extracted';
import { readFb2 } from './fb2';
import { type ReadOptions, type TextDocument, readMonolingual } from './formats';
import { readOdt } from './odt';
import { readPdf } from './pdf';
import { readSubtitles } from './subtitles';

const BOOK_FORMATS = ['epub', 'fb2', 'odt', 'pdf', 'srt', 'vtt'] as const;
export type BookFormat = (typeof BOOK_FORMATS)[number];

const BOOK_EXTENSIONS: Readonly<Record<string, BookFormat>> = {
  epub: 'epub',
  fb2: 'fb2',
  fbz: 'fb2',
  odt: 'odt',
  pdf: 'pdf',
  srt: 'srt',
  vtt: 'vtt',
  webvtt: 'vtt',
};

/** The book format a file name says (`.fb2.zip` too), or undefined for the other formats. */
export function bookFormatOf(fileName: string): BookFormat | undefined {
  const name = displayName(fileName).toLowerCase();
  if (name.endsWith('.fb2.zip')) return 'fb2';
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1) : '';
  // Own keys only: `x.constructor` is no format.
  return Object.hasOwn(BOOK_EXTENSIONS, ext) ? BOOK_EXTENSIONS[ext] : undefined;
}

export type BookDocument = StructuredTextDocument<BookFormat> & { encoding: TextDocument['encoding'] };

const limitsOf = (options: ReadOptions) => {
  const limits = { ...IMPORT_LIMITS, ...options.limits };
  return { maxBytes: limits.maxFileBytes, maxCharacters: limits.maxCharacters, maxParagraphs: limits.maxParagraphs };
};

/** Reads an EPUB, FB2, ODT, SRT or WebVTT file (PDF needs `readDocument`). */
export function readBookSync(bytes: Uint8Array, fileName: string, format: Exclude<BookFormat, 'pdf'>, options: ReadOptions = {}): BookDocument {
  const name = displayName(fileName);
  if (bytes.length === 0) throw new ImportError('empty-file', `“${name}” is empty`, name);
  const limits = limitsOf(options);
  let extracted: Extracted;
  let encoding: TextDocument['encoding'];
  switch (format) {
    case 'epub':
      extracted = readEpub(bytes, fileName, limits);
      encoding = 'epub';
      break;
    case 'odt':
      extracted = readOdt(bytes, fileName, limits);
      encoding = 'odt';
      break;
    case 'fb2':
      extracted = readFb2(bytes, fileName, limits);
      encoding = 'utf-8';
      break;
    case 'srt':
    case 'vtt': {
      const read = readSubtitles(bytes, fileName, format, limits);
      extracted = read;
      encoding = read.encoding;
      break;
    }
  }
  return { ...toTextDocument(format, extracted, fileName), encoding };
}

/** Reads a PDF's text layer. */
export async function readPdfDocument(bytes: Uint8Array, fileName: string, options: ReadOptions = {}): Promise<BookDocument> {
  const name = displayName(fileName);
  if (bytes.length === 0) throw new ImportError('empty-file', `“${name}” is empty`, name);
  const extracted = await readPdf(bytes, fileName, limitsOf(options));
  return { ...toTextDocument('pdf', extracted, fileName), encoding: 'pdf' };
}

/** Any one-language file: the book formats here, the others as `readMonolingual` reads them. */
export async function readDocument(bytes: Uint8Array, fileName: string, options: ReadOptions = {}): Promise<TextDocument> {
  const reader = readerFor(fileName);
  if (reader.kind === 'text' && isAsyncReader(reader)) {
    const limits = { ...IMPORT_LIMITS, ...options.limits };
    return reader.readAsync(bytes, { budget: new ExtractionBudget(fileName, limits), limits });
  }
  return readMonolingual(bytes, fileName, options);
}
