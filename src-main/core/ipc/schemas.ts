/**
 * The zod schema of every request in the contract. Main parses each payload with its schema
 * before a handler runs; the `satisfies` clause makes the compiler check that each schema accepts
 * exactly the contract's request type.
 */
import { z } from 'zod';
import { IMPORT_LIMITS, type MethodName, type RequestOf } from '../../contract/ipc';
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

const localized = z.object({ en: z.string().trim().min(1).max(300), ru: z.string().trim().min(1).max(300) }).strict();
const uuid = z.string().regex(/^[0-9a-f-]{36}$/, 'an id from main');
/** Base64 of at most `IMPORT_LIMITS.maxFileBytes` bytes: checked on the string, before decoding. */
const MAX_BASE64 = Math.ceil(IMPORT_LIMITS.maxFileBytes / 3) * 4;
const importFile = z
  .object({
    name: z.string().min(1).max(255),
    data: z
      .string()
      .max(MAX_BASE64, `a file is at most ${IMPORT_LIMITS.maxFileBytes / (1024 * 1024)} MB`)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'file data is base64'),
  })
  .strict();
const splitCut = z.object({ lang: langSchema, clause: z.number().int().min(0).max(10_000), offset: z.number().int().min(1).max(1_000_000) }).strict();
const alignmentOperation = z.discriminatedUnion('op', [
  z.object({ op: z.literal('merge'), rowId: rowIdSchema }).strict(),
  z
    .object({
      op: z.literal('split'),
      rowId: rowIdSchema,
      en: z.number().int().min(0).max(10_000),
      ru: z.number().int().min(0).max(10_000),
      cuts: z.array(splitCut).max(2).optional(),
    })
    .strict(),
  z
    .object({ op: z.literal('move'), rowId: rowIdSchema, lang: langSchema, direction: z.enum(['first-to-previous', 'last-to-next']) })
    .strict(),
  z.object({ op: z.literal('confirm'), rowId: rowIdSchema, confirmed: z.boolean() }).strict(),
]);

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
  listBookmarks: z.object({ documentId }).strict(),
  setBookmarks: z.object({ documentId, rowIds: z.array(rowId).max(1000) }).strict(),
  listLibrary: z.undefined(),
  prepareImport: z.object({ files: z.array(importFile).min(1).max(2) }).strict(),
  chooseImport: z.object({ mode: z.enum(['pair', 'bilingual']) }).strict(),
  discardImport: z.object({ pendingId: uuid }).strict(),
  startImport: z.object({ pendingId: uuid, title: localized.optional(), swap: z.boolean().optional() }).strict(),
  importStatus: z.object({ jobId: uuid }).strict(),
  cancelImport: z.object({ jobId: uuid }).strict(),
  renameDocument: z.object({ id: documentId, title: localized }).strict(),
  removeDocument: z.object({ id: documentId }).strict(),
  purgeAnnotations: z.object({ id: documentId }).strict(),
  applyAlignment: z.object({ documentId, operation: alignmentOperation }).strict(),
  undoAlignment: z.object({ documentId }).strict(),
  redoAlignment: z.object({ documentId }).strict(),
  reviewAlignment: z
    .object({ documentId, kind: z.enum(['unconfirmed', 'non-one-to-one', 'weakest']), limit: z.number().int().min(1).max(10_000).optional() })
    .strict(),
  exportBitext: z.object({ documentId, format: z.enum(['tmx', 'tsv', 'beads', 'markdown']) }).strict(),
} satisfies Schemas;
