/**
 * The document model as it crosses to the renderer: the aligned text, the library's summaries and
 * the opened document. Responses are not validated on the way back, so these are plain types.
 */
import { z } from 'zod';
import type { Lang, ParagraphKind } from './enums';
import type { DocumentDetails } from './details';
import type { AlignmentState } from './library';

/** A sentence, or a `;`-separated part of a long sentence. */
export interface Clause {
  /** Stable within one text: `${lang}-p${paragraphIndex}-c${clauseIndex}` (0-based). */
  id: string;
  text: string;
  /** Code-unit offsets of `text` in the whole source text (`source.slice(start, end) === text`). */
  start: number;
  end: number;
}

/** One aligned row: clauses that start on the same line in the reader. */
export interface AlignedRow {
  /** Stable id: `r${paragraphGroup}-${rowInGroup}`. */
  id: string;
  en: Clause[];
  ru: Clause[];
  confidence: number;
  /** Both sides are the same text: a passage the Russian file leaves in English (absent: no). */
  untranslated?: boolean;
}

/** One aligned group of paragraphs (usually one English paragraph and its Russian counterpart). */
export interface ParagraphGroup {
  /** 1-based number shown to the reader; the title group has number 0. */
  number: number;
  kind: ParagraphKind;
  /** Paragraph indexes in each text (usually one each). */
  en: number[];
  ru: number[];
  rows: AlignedRow[];
}

export interface AlignedText {
  groups: ParagraphGroup[];
}

/** A text in both UI languages (titles, places); each at most 300 characters, never blank. */
export const localizedTextSchema = z
  .object({ en: z.string().trim().min(1).max(300), ru: z.string().trim().min(1).max(300) })
  .strict();
export type LocalizedText = z.infer<typeof localizedTextSchema>;

export interface DocumentSummary {
  id: string;
  title: LocalizedText;
  shortTitle: LocalizedText;
  date: string;
  bundled: boolean;
}

export interface DocumentManifestView {
  id: string;
  title: LocalizedText;
  shortTitle: LocalizedText;
  date: string;
  place: LocalizedText;
  source: LocalizedText;
  translation: LocalizedText;
  notes?: LocalizedText;
  /**
   * An imported document's details: only those known (an empty object when none is). Absent for
   * the bundled documents, whose `date`, `place`, `source` and `translation` say it all; for an
   * import those four are not the text's (`date` is the day of the import) and are not shown.
   */
  details?: DocumentDetails;
}

/**
 * A chapter of a document, as the contents panel lists it: where it starts (an index into
 * `body.groups`), its heading level and its heading in each language it has one in (a chapter
 * found on one side only has one heading).
 */
const documentChapterSchema = z
  .object({
    group: z.number().int().min(0),
    level: z.number().int().min(1).max(9),
    en: z.string().max(1000).optional(),
    ru: z.string().max(1000).optional(),
  })
  .strict();
export type DocumentChapter = z.infer<typeof documentChapterSchema>;
/** The most chapters a document lists (far above any book; the import limits stop long before). */
const MAX_CHAPTERS = 100_000;
export const documentChaptersSchema = z.array(documentChapterSchema).max(MAX_CHAPTERS);

/**
 * One of the book's own footnotes or endnotes, as the source file had it (never one of the
 * reader's annotations, which the UI calls notes): the mark shown in the text, the note's text,
 * and where the mark stands — before `at` in the clause `clauseId` (`at` = the clause's length:
 * after its last character). A note whose reference the file did not give has no place: it is
 * listed after the text.
 */
export interface DocumentFootnote {
  lang: Lang;
  /** The note's number or sign as the file gives it (`1`, `*`), else its number among the side's notes. */
  label: string;
  text: string;
  clauseId?: string;
  at?: number;
}

export interface DocumentView {
  manifest: DocumentManifestView;
  body: AlignedText;
  /** The chapters, in order, when the document's texts have chapter headings (absent: none). */
  chapters?: DocumentChapter[];
  /** The source files' own footnotes, both sides, in reading order (absent: none). */
  footnotes?: DocumentFootnote[];
  stats: { paragraphs: Record<Lang, number>; clauses: Record<Lang, number>; rows: number };
  /** The reader's corrections of the alignment (present for every document main opens). */
  alignment?: AlignmentState;
}

/** The document opened at start, with its id (the id the reader's position is kept under). */
export interface FirstDocument {
  id: string;
  doc: DocumentView;
  /**
   * Set when `doc` holds only the document's first rows (a long document, read from the top):
   * its `stats`, `manifest` and `alignment` are the whole document's, its `body` the first groups.
   * The renderer draws them at once and asks `documents:open` for the whole. `groups`: how many
   * paragraph groups the whole body has (title included), for the header's count meanwhile.
   */
  partial?: { groups: number };
  /**
   * The row read last in it, if one is kept: the renderer puts the reader back there as it draws
   * the rows, without asking (`positions:get`) and waiting for the answer.
   */
  position?: string;
}
