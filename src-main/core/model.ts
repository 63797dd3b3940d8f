/**
 * The document model of the main-process services. What crosses to the renderer (clauses, rows,
 * paragraph groups) lives in the contract and is re-exported here; the segmenter's and the
 * aligner's own shapes are below. Runs anywhere: no Electron, no Node APIs.
 */
import type { Clause, Lang, ParagraphKind } from '../contract/ipc';

export type { AlignedRow, AlignedText, Clause, Lang, ParagraphGroup, ParagraphKind } from '../contract/ipc';

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
