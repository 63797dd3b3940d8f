/**
 * A document's details beyond its title: who wrote it, when, where it comes from, who translated
 * it. Each is what the file said (suggested at import) or what the reader typed; an unknown one
 * is absent, never a placeholder, and the import date is never one of them.
 */
import { z } from 'zod';
import { localizedTextSchema } from './document';
import { documentIdSchema } from './ids';


/** At most 300 characters, no control characters; blank means unknown (leave the field out). */
const detail = z
  .string()
  .trim()
  .min(1)
  .max(300)
  .regex(/^\P{Cc}+$/u, 'a detail is one line of text');

export const documentDetailsSchema = z
  .object({
    author: detail.optional(),
    /** The date of the text as the reader or the file gives it (`1949`, `17 June 2020`, `2020-06-17`). */
    date: detail.optional(),
    source: detail.optional(),
    translator: detail.optional(),
  })
  .strict();
export type DocumentDetails = z.infer<typeof documentDetailsSchema>;

/** `library:set-details`: an imported document's title (both languages) and details, replaced whole. */
export const setDetailsRequestSchema = z.object({ id: documentIdSchema, title: localizedTextSchema, details: documentDetailsSchema }).strict();
