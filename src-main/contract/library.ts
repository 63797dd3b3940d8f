/** The library: importing documents, correcting their alignment, exporting the bitext. */
import { z } from 'zod';
import type { DocumentProblemCode, ErrorCode, ErrorDetails, FileDetailField, ImportPhase, ImportWarning, Lang, MessageParams, PackageEncodingName, SourceFormat, TextEncodingName } from './enums';
import { LANGS, MOVE_DIRECTIONS } from './enums';
import { rowIdSchema } from './ids';
import { IMPORT_LIMITS } from './limits';
import type { LocalizedText } from './document';
import type { DocumentDetails } from './details';

/** Base64 characters only, with at most two `=` of padding at the end. */
function isBase64(data: string): boolean {
  if (/[^A-Za-z0-9+/=]/.test(data)) return false;
  const pad = data.indexOf('=');
  return pad === -1 || (pad >= data.length - 2 && /^={1,2}$/.test(data.slice(pad)));
}

/** Base64 of at most `IMPORT_LIMITS.maxFileBytes` bytes: checked on the string, before decoding. */
const MAX_BASE64 = Math.ceil(IMPORT_LIMITS.maxFileBytes / 3) * 4;

/** One file as the renderer sends it (drag and drop, or a file input): its name and its bytes. */
export const importFileBytesSchema = z
  .object({
    /** The file's name (for its format and for messages); at most 255 characters. */
    name: z.string().min(1).max(255).regex(/^\P{Cc}+$/u, 'a file name has no control characters (NUL, line breaks…)'),
    /** The bytes, base64; at most 50 MB decoded (`IMPORT_LIMITS.maxFileBytes`). */
    data: z
      .string()
      .max(MAX_BASE64, `a file is at most ${IMPORT_LIMITS.maxFileBytes / (1024 * 1024)} MB`)
      // The same rule as /^[A-Za-z0-9+/]*={0,2}$/, checked about three times faster (an unanchored
      // search for a stray character, then where the padding is): this runs on the main thread.
      .refine(isBase64, 'file data is base64'),
  })
  .strict();
export type ImportFileBytes = z.infer<typeof importFileBytesSchema>;

const fileName = z
  .string()
  .min(1)
  .max(255)
  .regex(/^\P{Cc}+$/u, 'a file name has no control characters (NUL, line breaks…)');

/**
 * One file for `import:prepare`: its raw bytes (what the renderer sends: a `Uint8Array`, carried
 * by structured clone in Electron and as a binary body by the harness), or base64 (scripts and
 * tests that speak JSON). Only the cheap part is checked in main — the name, the type, a size
 * bound; base64 is checked and decoded in the import worker, never on the main thread. Bytes that
 * own their buffer are handed to the worker, not copied: the caller gives them up.
 */
export const importFileSchema = z.union([
  z
    .object({
      name: fileName,
      bytes: z
        .instanceof(Uint8Array)
        .refine((bytes) => bytes.byteLength <= IMPORT_LIMITS.maxFileBytes, `a file is at most ${IMPORT_LIMITS.maxFileBytes / (1024 * 1024)} MB`),
    })
    .strict(),
  z
    .object({
      name: fileName,
      data: z.string().max(MAX_BASE64, `a file is at most ${IMPORT_LIMITS.maxFileBytes / (1024 * 1024)} MB`),
    })
    .strict(),
]);
export type ImportFile = z.infer<typeof importFileSchema>;

/** How much of a text is in each script; `looksLike` needs at least 20 letters and a clear majority. */
export interface ScriptProfile {
  letters: number;
  /** Shares of the letters, 0..1. */
  latin: number;
  cyrillic: number;
  looksLike: Lang | 'unknown';
}

/**
 * Whether the English file is English and the Russian Russian. `swapped`: the reader should swap
 * them (`suggestion: 'swap'`); `both-english`/`both-russian`: one of the files is probably wrong.
 */
export interface LanguageVerdict {
  status: 'ok' | 'swapped' | 'both-english' | 'both-russian' | 'unclear';
  en: ScriptProfile;
  ru: ScriptProfile;
  suggestion?: 'swap';
}

export interface InspectedFile {
  name: string;
  format: SourceFormat;
  encoding: TextEncodingName | PackageEncodingName;
  bytes: number;
  /** Characters of text after conversion. */
  characters: number;
  paragraphs: number;
  /** Things the reader may want to know (control characters removed, lines without a tab…), in English (the command line, logs). */
  warnings: string[];
  /** The same as codes and values, for the reader's language (`importWarnings.<code>`). */
  notices?: ImportWarning[];
  /** What the file says about itself (EPUB, FB2, ODT, docx, PDF): only the details it gives. */
  details?: FileDetails;
  /** Headings found in the file (chapters and sections). */
  headings?: number;
}

/**
 * A file's own details (`FILE_DETAIL_FIELDS`), to suggest at import; only what the file gives —
 * an unknown one is absent (never "not given"). `date` is as the file gives it (`1949`,
 * `2020-06-17`), never the import date; `language` a tag as given (`en`, `ru-RU`). The import's
 * readers fill the same shape (`DocumentMetadata`, core/import/extracted.ts).
 */
export type FileDetails = { [K in FileDetailField]?: string };

/** What a prepared import holds, for the reader to confirm (and swap) before importing. */
export interface ImportCheck {
  /** Pass to `library:import`; kept in main for 30 minutes (four at most). */
  pendingId: string;
  /** The English file then the Russian one (as given), or the one bilingual file. */
  files: InspectedFile[];
  bilingual: boolean;
  language: LanguageVerdict;
  /** From the first paragraphs (when they look like titles) or the file names. */
  suggestedTitle: LocalizedText;
  /** Rows a bilingual file brings. */
  units?: number;
}

export type ImportChoice = { cancelled: true } | ({ cancelled: false } & ImportCheck);

export interface ImportJobStatus {
  jobId: string;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  phase: ImportPhase;
  /** 0..1, by phase (the aligner reports no finer progress). */
  progress: number;
  /** Set when `state` is `done`. */
  documentId?: string;
  /** Set when `state` is `failed` (or `cancelled`, code `cancelled`). */
  error?: { code: ErrorCode; message: string; details?: ErrorDetails };
}

/** One document in the library (the start view). */
export interface LibraryEntry {
  id: string;
  title: LocalizedText;
  shortTitle: LocalizedText;
  /** The document's own date (YYYY-MM-DD; for an import, the day it was added). */
  date: string;
  /** ISO time of the import; `null` for the bundled documents. */
  addedAt: string | null;
  bundled: boolean;
  /** Aligned rows, after the reader's corrections. */
  rows: number;
  /** Annotations the reader has on it (not counting deleted ones). */
  annotations: number;
  /** For imports: the original file names, their encodings and format. */
  imported?: { originalNames: string[]; encodings: string[]; format: SourceFormat };
  /** Set when the document could not be read; it is listed so the reader can remove it (English: logs). */
  problem?: string;
  /** For imports: the details known (author, date of the text, source, translator). */
  details?: DocumentDetails;
  /** The same as a code and values, for the reader's language (`documentProblems.<code>`). */
  problemCode?: { code: DocumentProblemCode; params?: MessageParams };
}

export interface RemoveDocumentResult {
  id: string;
  /** Annotations kept for this id (until `library:purge-annotations`). */
  annotationsKept: number;
}

const clauseCount = z.number().int().min(0).max(10_000);

/** Cut a row's clause `clause` (index in the row) of `lang` at `offset`, the start of a word in its text. */
export const splitCutSchema = z.object({ lang: z.enum(LANGS), clause: clauseCount, offset: z.number().int().min(1).max(1_000_000) }).strict();
export type SplitCut = z.infer<typeof splitCutSchema>;

/** Corrections of the alignment; rows are named by id (`AlignedRow.id`). */
export const alignmentOperationSchema = z.discriminatedUnion('op', [
  /** Merge the row with the next one (across a paragraph boundary, the two paragraphs' groups merge). */
  z.object({ op: z.literal('merge'), rowId: rowIdSchema }).strict(),
  /**
   * Split a row in two: its first `en` English and first `ru` Russian clauses make the first part.
   * With `cuts`, a clause is first cut in two at a word (at most one per language), so a split can
   * fall inside a sentence; `en` and `ru` then count the clauses after the cut.
   */
  z
    .object({ op: z.literal('split'), rowId: rowIdSchema, en: clauseCount, ru: clauseCount, cuts: z.array(splitCutSchema).max(2).optional() })
    .strict(),
  /** Move a row's first clause of `lang` to the end of the previous row, or its last to the start of the next. */
  z
    .object({
      op: z.literal('move'),
      rowId: rowIdSchema,
      lang: z.enum(LANGS),
      direction: z.enum(MOVE_DIRECTIONS),
    })
    .strict(),
  /** Mark a row as checked by the reader (or not). */
  z.object({ op: z.literal('confirm'), rowId: rowIdSchema, confirmed: z.boolean() }).strict(),
]);
export type AlignmentOperation = z.infer<typeof alignmentOperationSchema>;

export interface AlignmentState {
  /** Corrections are allowed (they are, for bundled documents too: kept in the reader's data). */
  editable: boolean;
  bundled: boolean;
  /** Rows the reader confirmed. */
  confirmed: string[];
  /** Corrections in effect. */
  corrections: number;
  canUndo: boolean;
  canRedo: boolean;
  /** Corrections that no longer applied (the text or the aligner changed) and were dropped. */
  warnings: string[];
}

export interface ReviewRow {
  rowId: string;
  confidence: number;
  shape: string;
  confirmed: boolean;
}
