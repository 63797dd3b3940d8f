import { z } from 'zod';
import { documentIdSchema } from '../../contract/ipc';

const localized = z.object({ en: z.string().min(1), ru: z.string().min(1) }).strict();

/** `manifest.json` beside a document's two texts. The README documents this format. */
export const manifestSchema = z
  .object({
    schemaVersion: z.literal(1),
    id: documentIdSchema,
    title: localized,
    shortTitle: localized.optional(),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date is YYYY-MM-DD'),
    place: localized,
    firstParagraphIsTitle: z.boolean().default(false),
    /** The text has a preamble and an operative part (a statement, a resolution); absent: it has not. Never guessed. */
    preambleAndOperative: z.boolean().optional(),
    source: localized,
    translation: localized,
    notes: localized.optional(),
    files: z
      .object({
        en: z.string().regex(/^[\w.-]+\.txt$/, 'a plain file name beside the manifest'),
        ru: z.string().regex(/^[\w.-]+\.txt$/, 'a plain file name beside the manifest'),
      })
      .strict(),
  })
  .strict();

export type DocumentManifest = z.infer<typeof manifestSchema>;
