/**
 * The zod schema of every request in the contract. Main parses each payload with its schema
 * before a handler runs; the `satisfies` clause makes the compiler check that each schema accepts
 * exactly the contract's request type.
 */
import { z } from 'zod';
import type { MethodName, RequestOf } from '../../contract/ipc';

export const DOCUMENT_ID = /^[a-z0-9][a-z0-9-]*$/;

const documentId = z.string().min(1).max(128).regex(DOCUMENT_ID, 'document ids are lower-case letters, digits and dashes');

type Schemas = { [M in MethodName]: z.ZodType<RequestOf<M>, unknown> };

export const requestSchemas = {
  listDocuments: z.undefined(),
  openDocument: z.object({ id: documentId }).strict(),
  getSettings: z.undefined(),
  setUiLanguage: z.object({ uiLanguage: z.enum(['en', 'ru']) }).strict(),
} satisfies Schemas;
