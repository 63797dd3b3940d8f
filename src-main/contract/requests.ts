/**
 * The zod schema of every request in the contract: the one source of the request types
 * (`RequestOf<M>` is `z.infer` of the schema), and what main parses each payload with before a
 * handler runs. A field added here is a field main accepts; there is no second type to forget.
 */
import { z } from 'zod';
import { compareRequestSchemas } from './compare';
import { annotationSelectionSchema, colorSchema, kindSchema, noteSchema, tagsSchema } from './annotations';
import type { MethodName } from './channels';
import { localizedTextSchema } from './document';
import { documentDetailsSchema, setDetailsRequestSchema } from './details';
import { addDictionaryRequestSchema, lookupRequestSchema } from './dictionaries';
import { BITEXT_EXPORT_FORMATS, EXPORT_FORMATS, IMPORT_MODES, NOTE_PLACEMENTS, REVIEW_KINDS, UI_LANGUAGES } from './enums';
import { annotationIdSchema, documentIdSchema as documentId, dictionaryIdSchema, jobIdSchema, rowIdSchema } from './ids';
import { alignmentOperationSchema, importFileSchema } from './library';
import { LIMITS, MAX_BOOKMARKS } from './limits';
import { readerPrefsSchema } from './settings';

const createAnnotationRequest = z
  .object({
    documentId,
    /** UTF-16 offsets in the current text of one language (may span clauses), or a whole row. */
    selection: annotationSelectionSchema,
    kind: kindSchema,
    color: colorSchema,
    /** Plain text, at most 100,000 characters; empty by default. */
    note: noteSchema.optional(),
    /** At most 50 tags of at most 100 characters; main trims them and drops duplicates. */
    tags: tagsSchema.optional(),
  })
  .strict();
export type CreateAnnotationRequest = z.infer<typeof createAnnotationRequest>;

/** Only the fields given change; `selection` re-attaches the annotation (an orphan, say). */
const updateAnnotationRequest = z
  .object({
    documentId,
    id: annotationIdSchema,
    kind: kindSchema.optional(),
    color: colorSchema.optional(),
    note: noteSchema.optional(),
    tags: tagsSchema.optional(),
    selection: annotationSelectionSchema.optional(),
  })
  .strict();
export type UpdateAnnotationRequest = z.infer<typeof updateAnnotationRequest>;

const annotationRef = z.object({ documentId, id: annotationIdSchema }).strict();
export type AnnotationRef = z.infer<typeof annotationRef>;

const startImportRequest = z
  .object({
    pendingId: jobIdSchema,
    /** The document's title (both languages); defaults to `suggestedTitle`. */
    title: localizedTextSchema.optional(),
    /** Import the first file as Russian and the second as English. */
    swap: z.boolean().optional(),
    /** Author, date of the text, source, translator: those the reader kept (suggested from the files). */
    details: documentDetailsSchema.optional(),
  })
  .strict();
export type StartImportRequest = z.infer<typeof startImportRequest>;

const reviewRequest = z
  .object({
    documentId,
    kind: z.enum(REVIEW_KINDS),
    /** At most this many rows (default 200, at most 10,000). */
    limit: z.number().int().min(1).max(10_000).optional(),
  })
  .strict();
export type ReviewRequest = z.infer<typeof reviewRequest>;

const byDocument = z.object({ documentId }).strict();
/** A print of a document side by side; `notes`: as footnotes, or left out (the default). */
const printRequest = z
  .object({
    documentId,
    notes: z.enum(NOTE_PLACEMENTS).optional(),
    /** The paragraph-number column (default: shown). */
    numbers: z.boolean().optional(),
  })
  .strict();
const byId = z.object({ id: documentId }).strict();
const byJob = z.object({ jobId: jobIdSchema }).strict();

export const requestSchemas = {
  listDocuments: z.undefined(),
  openDocument: byId,
  getSettings: z.undefined(),
  openFirstDocument: z.undefined(),
  setUiLanguage: z.object({ uiLanguage: z.enum(UI_LANGUAGES) }).strict(),
  setReaderPrefs: readerPrefsSchema.partial().strict(),
  getReadingPosition: byDocument,
  setReadingPosition: z.object({ documentId, rowId: rowIdSchema }).strict(),
  listBookmarks: byDocument,
  setBookmarks: z.object({ documentId, rowIds: z.array(rowIdSchema).max(MAX_BOOKMARKS) }).strict(),
  listAnnotations: byDocument,
  createAnnotation: createAnnotationRequest,
  updateAnnotation: updateAnnotationRequest,
  deleteAnnotation: annotationRef,
  restoreAnnotation: annotationRef,
  exportAnnotations: z.object({ documentId, format: z.enum(EXPORT_FORMATS) }).strict(),
  importAnnotations: z.object({ documentId, content: z.string().min(1).max(LIMITS.importContent) }).strict(),
  listLibrary: z.undefined(),
  prepareImport: z.object({ files: z.array(importFileSchema).min(1).max(2) }).strict(),
  chooseImport: z.object({ mode: z.enum(IMPORT_MODES) }).strict(),
  discardImport: z.object({ pendingId: jobIdSchema }).strict(),
  startImport: startImportRequest,
  importStatus: byJob,
  cancelImport: byJob,
  renameDocument: z.object({ id: documentId, title: localizedTextSchema }).strict(),
  setDocumentDetails: setDetailsRequestSchema,
  removeDocument: byId,
  purgeAnnotations: byId,
  applyAlignment: z.object({ documentId, operation: alignmentOperationSchema }).strict(),
  undoAlignment: byDocument,
  redoAlignment: byDocument,
  reviewAlignment: reviewRequest,
  /** `notes` (DOCX only): the reader's notes as footnotes, or left out (the default). */
  exportBitext: z.object({ documentId, format: z.enum(BITEXT_EXPORT_FORMATS), notes: z.enum(NOTE_PLACEMENTS).optional() }).strict(),
  printToPdf: printRequest,
  printDocument: printRequest,
  listDictionaries: z.undefined(),
  addDictionary: addDictionaryRequestSchema,
  chooseDictionary: z.undefined(),
  cancelAddDictionary: z.undefined(),
  removeDictionary: z.object({ id: dictionaryIdSchema }).strict(),
  lookupWord: lookupRequestSchema,
  ...compareRequestSchemas,
} satisfies { [M in MethodName]: z.ZodType };

export type RequestSchemas = typeof requestSchemas;
