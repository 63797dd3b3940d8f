/**
 * The document model shared by the main-process services and (as types only) the renderer.
 * Runs anywhere: no Electron, no Node APIs.
 */

export type Lang = 'en' | 'ru';
export const LANGS: readonly Lang[] = ['en', 'ru'];

/** A sentence, or a `;`-separated part of a long sentence. */
export interface Clause {
  /** Stable within one text: `${lang}-p${paragraphIndex}-c${clauseIndex}` (0-based). */
  id: string;
  text: string;
  /** Code-unit offsets of `text` in the whole source text (`source.slice(start, end) === text`). */
  start: number;
  end: number;
}

/** How a paragraph functions in the document. */
export type ParagraphKind = 'title' | 'preamble' | 'operative' | 'body';

export interface Paragraph {
  /** 0-based position among the text's paragraphs. */
  index: number;
  kind: ParagraphKind;
  clauses: Clause[];
  start: number;
  end: number;
}

export interface SegmentedText {
  lang: Lang;
  paragraphs: Paragraph[];
}

/**
 * A bead pairs a run of source units with a run of target units (indexes into the two sequences,
 * consecutive and increasing). `[]` on one side is an omission (1-0 / 0-1).
 */
export interface Bead {
  en: number[];
  ru: number[];
  /** 0..1, how sure the aligner is of this bead. */
  confidence: number;
  /** Both sides are the same text: a passage the Russian file leaves in English (absent: no). */
  untranslated?: boolean;
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
