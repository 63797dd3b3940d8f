/**
 * The reader's annotations: highlights and notes on a selection of one text, and comparison notes
 * on an aligned row (how the two versions differ). The stored shape is a zod schema (used by the
 * store for files on disk and by import) and the types are inferred from it.
 *
 * Selectors follow the W3C Web Annotation model: a quote (with 32 code points of context either
 * side) and a position in CODE POINTS in the whole text of one language, so that a note survives
 * an edited or re-segmented text, and exports to other tools unchanged.
 */
import { z } from 'zod';
import { ANNOTATION_COLORS, ANNOTATION_KINDS, type AnnotationRejectionCode, LANGS, type Lang, type MessageParams } from './enums';
import { annotationIdSchema, clauseIdSchema, documentIdSchema, rowIdSchema } from './ids';
import { LIMITS } from './limits';

export const langSchema = z.enum(LANGS);
export const colorSchema = z.enum(ANNOTATION_COLORS);
export const kindSchema = z.enum(ANNOTATION_KINDS);
export const isoDate = z.iso.datetime({ offset: true });
const offset = z.number().int().min(0).max(100_000_000);

function quoteSelector(limited: boolean) {
  const text = (max: number) => (limited ? z.string().max(max) : z.string());
  return z
    .object({
      type: z.literal('TextQuoteSelector'),
      exact: text(LIMITS.quote),
      prefix: text(LIMITS.context),
      suffix: text(LIMITS.context),
    })
    .strict();
}

/** A stored annotation; `limited` also holds it to `LIMITS` (for what comes in from outside). */
export function annotationSchema(limited: boolean) {
  const quote = quoteSelector(limited);
  /** Code-point offsets (not UTF-16) in the whole text of one language, end exclusive. */
  const position = z
    .object({ type: z.literal('TextPositionSelector'), start: offset, end: offset })
    .strict()
    .refine((p) => p.end > p.start, 'a position ends after it starts');
  /** A selection in one column; it may span several clauses. */
  const textTarget = z
    .object({
      type: z.literal('text'),
      lang: langSchema,
      /** The clause where the selection starts (when it was made). */
      clauseId: clauseIdSchema,
      selectors: z.tuple([quote.refine((q) => q.exact !== '', 'a quote is never empty'), position]),
    })
    .strict();
  /** A whole aligned row, both languages: a note on how the two versions differ. */
  const rowTarget = z
    .object({
      type: z.literal('row'),
      rowId: rowIdSchema,
      /** The row's text in each language when the note was made (`exact` is empty for an omission). */
      quotes: z.object({ en: quote, ru: quote }).strict(),
    })
    .strict()
    .refine((t) => t.quotes.en.exact !== '' || t.quotes.ru.exact !== '', 'a row has text in one language at least');
  return z
    .object({
      /** `crypto.randomUUID()`; kept through export, import and undo. */
      id: annotationIdSchema,
      documentId: documentIdSchema,
      /** ISO 8601. */
      createdAt: isoDate,
      updatedAt: isoDate,
      kind: kindSchema,
      color: colorSchema,
      /** Plain text, line breaks kept; may be empty. */
      note: limited ? z.string().max(LIMITS.note) : z.string(),
      /** Trimmed, non-empty, no duplicates, in the reader's order. */
      tags: limited ? z.array(z.string().min(1).max(LIMITS.tag)).max(LIMITS.tags) : z.array(z.string().min(1)),
      target: z.discriminatedUnion('type', [textTarget, rowTarget]),
    })
    .strict();
}

export type Annotation = z.infer<ReturnType<typeof annotationSchema>>;
export type AnnotationTarget = Annotation['target'];
export type TextTarget = Extract<AnnotationTarget, { type: 'text' }>;
export type RowTarget = Extract<AnnotationTarget, { type: 'row' }>;
export type TextQuoteSelector = TextTarget['selectors'][0];
export type TextPositionSelector = TextTarget['selectors'][1];

/** A selection made in the reader, in UTF-16 offsets of the current text (may span clauses), or a whole row. */
export const annotationSelectionSchema = z.discriminatedUnion('type', [
  z
    .object({ type: z.literal('text'), lang: langSchema, start: offset, end: offset })
    .strict()
    .refine((s) => s.end > s.start, 'a selection ends after it starts')
    .refine((s) => s.end - s.start <= LIMITS.quote, `a selection is at most ${LIMITS.quote} characters`),
  z.object({ type: z.literal('row'), rowId: rowIdSchema }).strict(),
]);
export type AnnotationSelection = z.infer<typeof annotationSelectionSchema>;

/** Request fields the reader edits: limited, tags normalised by main. */
export const noteSchema = z.string().max(LIMITS.note);
export const tagsSchema = z.array(z.string().max(LIMITS.tag)).max(LIMITS.tags);

export type AnchorMethod = 'position' | 'quote' | 'fuzzy' | 'row-id';

/** A range in the CURRENT text of one language, in UTF-16 code units (as the renderer's strings). */
export interface TextRange {
  start: number;
  end: number;
}

/** Where an annotation sits in the current text; computed on every list, never stored. */
export type AnnotationAnchor =
  | {
      status: 'anchored';
      type: 'text';
      lang: Lang;
      /** UTF-16 offsets in the current text of `lang`. */
      start: number;
      end: number;
      /** Clauses of `lang` the range overlaps, in text order. */
      clauseIds: string[];
      /** The row of the first clause, and every row the range overlaps. */
      rowId: string | null;
      rowIds: string[];
      method: AnchorMethod;
      /** 0..1; 1 for position and exact-quote anchoring. */
      score: number;
    }
  | {
      status: 'anchored';
      type: 'row';
      rowId: string;
      /** The row's clauses in both languages. */
      clauseIds: string[];
      /** The row's extent in each language's current text (`null` for an omission). */
      ranges: Record<Lang, TextRange | null>;
      method: AnchorMethod;
      score: number;
    }
  /** Could not be placed in the current text: kept, listed, and may be re-attached. */
  | { status: 'orphan'; type: 'text' | 'row' };

export interface AnnotationView extends Annotation {
  anchor: AnnotationAnchor;
}

/** Something went wrong with a document's annotations file; the reader must be told. */
export type AnnotationsProblem =
  /** The file did not parse or validate: it was moved aside and the backup (if any) loaded. */
  | {
      kind: 'recovered';
      file: string;
      movedTo: string;
      restoredFrom: 'backup' | 'nothing';
      /**
       * How many notes may be missing or in an older version: 0 when everything was recovered;
       * absent when it cannot be told (the damage took the counts with it).
       */
      affected?: number;
      /** Every damaged file kept aside, when more than one was (`movedTo` is the first). */
      copies?: string[];
    }
  /** Written by a newer version of the app: left as it is, and this document's notes are read-only. */
  | { kind: 'newer-version'; file: string; version: number };

export interface AnnotationList {
  annotations: AnnotationView[];
  problem?: AnnotationsProblem;
}

export interface ImportReport {
  added: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Why some were rejected (the first few), in English (logs). */
  reasons: string[];
  /** The same, as codes and values for the reader's language (the first few). */
  rejections?: Array<{ index: number; code: AnnotationRejectionCode; params?: MessageParams }>;
  /** How many of the file's annotations could not be placed in the current text (imported as orphans). */
  orphans?: number;
}

export interface ExportAnnotationsResult {
  /** `false` when the reader cancelled the save dialog. */
  saved: boolean;
  path?: string;
}
