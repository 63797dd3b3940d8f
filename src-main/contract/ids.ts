/**
 * The ids that cross the process boundary, each with one rule: the pattern (for code that only
 * tests a string: `isDocumentId`) and the zod schema built from it (for every payload and file
 * that carries one).
 */
import { z } from 'zod';

/** A document id: lower-case letters, digits and dashes, starting with a letter or digit. */
const DOCUMENT_ID = /^[a-z0-9][a-z0-9-]*$/;
const DOCUMENT_ID_MAX_LENGTH = 128;
export const documentIdSchema = z
  .string()
  .min(1)
  .max(DOCUMENT_ID_MAX_LENGTH)
  .regex(DOCUMENT_ID, 'document ids are lower-case letters, digits and dashes');

export function isDocumentId(value: string): boolean {
  return value.length <= DOCUMENT_ID_MAX_LENGTH && DOCUMENT_ID.test(value);
}

/** A row of an aligned text: `r${paragraphGroup}-${rowInGroup}` (`AlignedRow.id`). */
const ROW_ID = /^r\d{1,6}-\d{1,6}$/;
export const rowIdSchema = z.string().max(32).regex(ROW_ID, 'row ids look like r12-0');

/** A clause of one text: `${lang}-p${paragraphIndex}-c${clauseIndex}` (`Clause.id`). */
const CLAUSE_ID = /^(en|ru)-p\d{1,6}-c\d{1,6}$/;
export const clauseIdSchema = z.string().max(32).regex(CLAUSE_ID, 'clause ids look like en-p3-c0');

/** Annotations are named by `crypto.randomUUID()`. */
export const annotationIdSchema = z.uuid();

/** Dictionaries the reader added: `d-` and 16 hex digits, made by main. */
export const dictionaryIdSchema = z.string().regex(/^d-[0-9a-f]{16}$/, 'a dictionary id from main');

/** Glossary terms are named by `crypto.randomUUID()`. */
export const termIdSchema = z.uuid();

/** Ids main hands out for pending imports and import jobs (`crypto.randomUUID()`). */
export const jobIdSchema = z.string().regex(/^[0-9a-f-]{36}$/, 'an id from main');
