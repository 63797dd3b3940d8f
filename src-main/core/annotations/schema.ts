/**
 * zod schemas of annotation data, shared by the store (files on disk), import and the IPC request
 * schemas. Stored annotations are checked for their shape only (a file is never refused for a long
 * note); what comes in from outside (IPC, import) is also held to the limits below.
 */
import { z } from 'zod';
import { ANNOTATION_COLORS, ANNOTATION_KINDS, type Annotation } from './model';

export const LIMITS = {
  note: 100_000,
  tags: 50,
  tag: 100,
  quote: 10_000,
  /** 32 code points either side, so at most 64 UTF-16 units; some slack for other tools. */
  context: 256,
  /** An import's content, in characters. */
  importContent: 5_000_000,
  /** Annotations in one import. */
  importItems: 20_000,
} as const;

export const DOCUMENT_ID = /^[a-z0-9][a-z0-9-]*$/;
export const documentIdSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(DOCUMENT_ID, 'document ids are lower-case letters, digits and dashes');
export const annotationIdSchema = z.uuid();
export const isoDate = z.iso.datetime({ offset: true });
export const colorSchema = z.enum(ANNOTATION_COLORS);
export const kindSchema = z.enum(ANNOTATION_KINDS);
export const langSchema = z.enum(['en', 'ru']);
export const clauseIdSchema = z.string().regex(/^(en|ru)-p\d{1,6}-c\d{1,6}$/).max(32);
export const rowIdSchema = z.string().regex(/^r\d{1,6}-\d{1,6}$/).max(32);

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

const offset = z.number().int().min(0).max(100_000_000);

export function annotationSchema(limited: boolean) {
  const quote = quoteSelector(limited);
  const position = z
    .object({ type: z.literal('TextPositionSelector'), start: offset, end: offset })
    .strict()
    .refine((p) => p.end > p.start, 'a position ends after it starts');
  const textTarget = z
    .object({
      type: z.literal('text'),
      lang: langSchema,
      clauseId: clauseIdSchema,
      selectors: z.tuple([quote.refine((q) => q.exact !== '', 'a quote is never empty'), position]),
    })
    .strict();
  const rowTarget = z
    .object({
      type: z.literal('row'),
      rowId: rowIdSchema,
      quotes: z.object({ en: quote, ru: quote }).strict(),
    })
    .strict()
    .refine((t) => t.quotes.en.exact !== '' || t.quotes.ru.exact !== '', 'a row has text in one language at least');
  return z
    .object({
      id: annotationIdSchema,
      documentId: documentIdSchema,
      createdAt: isoDate,
      updatedAt: isoDate,
      kind: kindSchema,
      color: colorSchema,
      note: limited ? z.string().max(LIMITS.note) : z.string(),
      tags: limited ? z.array(z.string().min(1).max(LIMITS.tag)).max(LIMITS.tags) : z.array(z.string().min(1)),
      target: z.discriminatedUnion('type', [textTarget, rowTarget]),
    })
    .strict();
}

/** Compile-time check: the schema's output is exactly the model's type. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShape: Same<z.infer<ReturnType<typeof annotationSchema>>, Annotation> = true;
void sameShape;

/** Request fields the reader edits: limited, tags normalised by the caller. */
export const noteSchema = z.string().max(LIMITS.note);
export const tagsSchema = z.array(z.string().max(LIMITS.tag)).max(LIMITS.tags);
