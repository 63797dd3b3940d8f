/**
 * The document model as it crosses to the renderer: the aligned text, the library's summaries and
 * the opened document. Responses are not validated on the way back, so these are plain types.
 */
import { z } from 'zod';
import type { Lang, ParagraphKind } from './enums';
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
}

export interface DocumentView {
  manifest: DocumentManifestView;
  body: AlignedText;
  stats: { paragraphs: Record<Lang, number>; clauses: Record<Lang, number>; rows: number };
  /** The reader's corrections of the alignment (present for every document main opens). */
  alignment?: AlignmentState;
}

/** The document opened at start, with its id (the id the reader's position is kept under). */
export interface FirstDocument {
  id: string;
  doc: DocumentView;
}
