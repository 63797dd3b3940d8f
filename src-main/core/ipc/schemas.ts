/**
 * The zod schema of every request in the contract. Main parses each payload with its schema
 * before a handler runs; the `satisfies` clause makes the compiler check that each schema accepts
 * exactly the contract's request type.
 */
import { z } from 'zod';
import type { MethodName, RequestOf } from '../../contract/ipc';
import { LIMITS, annotationIdSchema, colorSchema, kindSchema, langSchema, rowIdSchema } from '../annotations/schema';
import { readerPrefsSchema } from '../settings/settings-store';

export const DOCUMENT_ID = /^[a-z0-9][a-z0-9-]*$/;

const documentId = z.string().min(1).max(128).regex(DOCUMENT_ID, 'document ids are lower-case letters, digits and dashes');

const rowId = z.string().min(1).max(64).regex(/^[\w-]+$/, 'row ids are letters, digits, _ and -');

const offset = z.number().int().min(0).max(100_000_000);
const selection = z.discriminatedUnion('type', [
  z
    .object({ type: z.literal('text'), lang: langSchema, start: offset, end: offset })
    .strict()
    .refine((s) => s.end > s.start, 'a selection ends after it starts')
    .refine((s) => s.end - s.start <= LIMITS.quote, `a selection is at most ${LIMITS.quote} characters`),
  z.object({ type: z.literal('row'), rowId: rowIdSchema }).strict(),
]);
const note = z.string().max(LIMITS.note);
const tags = z.array(z.string().max(LIMITS.tag)).max(LIMITS.tags);
const annotationRef = z.object({ documentId, id: annotationIdSchema }).strict();

type Schemas = { [M in MethodName]: z.ZodType<RequestOf<M>, unknown> };

export const requestSchemas = {
  listDocuments: z.undefined(),
  openDocument: z.object({ id: documentId }).strict(),
  getSettings: z.undefined(),
  setUiLanguage: z.object({ uiLanguage: z.enum(['en', 'ru']) }).strict(),
  listAnnotations: z.object({ documentId }).strict(),
  createAnnotation: z
    .object({ documentId, selection, kind: kindSchema, color: colorSchema, note: note.optional(), tags: tags.optional() })
    .strict(),
  updateAnnotation: z
    .object({
      documentId,
      id: annotationIdSchema,
      kind: kindSchema.optional(),
      color: colorSchema.optional(),
      note: note.optional(),
      tags: tags.optional(),
      selection: selection.optional(),
    })
    .strict(),
  deleteAnnotation: annotationRef,
  restoreAnnotation: annotationRef,
  exportAnnotations: z.object({ documentId, format: z.enum(['markdown', 'jsonld']) }).strict(),
  importAnnotations: z.object({ documentId, content: z.string().min(1).max(LIMITS.importContent) }).strict(),
  setReaderPrefs: readerPrefsSchema.partial().strict(),
  getReadingPosition: z.object({ documentId }).strict(),
  setReadingPosition: z.object({ documentId, rowId: rowId }).strict(),
} satisfies Schemas;
