/** The zod schemas of the comparison tools' requests (spread into `requestSchemas`). */
import { z } from 'zod';
import { FINDINGS_EXPORT_FORMATS } from '../compare/findings-export';
import { GLOSSARY_FORMATS, GLOSSARY_SCOPES, glossaryDraftSchema } from '../compare/glossary';
import { findingIdSchema } from './store';

const documentId = z.string().min(1).max(128).regex(/^[a-z0-9][a-z0-9-]*$/, 'document ids are lower-case letters, digits and dashes');
const rowId = z.string().min(1).max(64).regex(/^[\w-]+$/, 'row ids are letters, digits, _ and -');
const scope = z.enum(GLOSSARY_SCOPES);
const termId = z.string().min(1).max(64).regex(/^[\w-]+$/u);

export const compareRequestSchemas = {
  listGlossary: z.object({ documentId }).strict(),
  addGlossaryTerm: z.object({ documentId, scope, entry: glossaryDraftSchema }).strict(),
  updateGlossaryTerm: z.object({ documentId, scope, id: termId, entry: glossaryDraftSchema }).strict(),
  deleteGlossaryTerm: z.object({ documentId, scope, id: termId }).strict(),
  importGlossary: z.object({ documentId, scope, name: z.string().min(1).max(255), content: z.string().min(1).max(5_000_000) }).strict(),
  exportGlossary: z.object({ documentId, scope, format: z.enum(GLOSSARY_FORMATS) }).strict(),
  compareFindings: z.object({ documentId }).strict(),
  compareLinks: z.object({ documentId, rowIds: z.array(rowId).max(1_000) }).strict(),
  dismissFinding: z.object({ documentId, findingId: findingIdSchema, dismissed: z.boolean() }).strict(),
  exportFindings: z.object({ documentId, format: z.enum(FINDINGS_EXPORT_FORMATS) }).strict(),
  concordance: z.object({ documentId, query: z.string().trim().min(1).max(200), lang: z.enum(['en', 'ru']) }).strict(),
};
