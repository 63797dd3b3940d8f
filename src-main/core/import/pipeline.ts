/**
 * Segmentation and alignment of an imported pair: pure, so that it runs in the align worker
 * (`align-worker.ts`) or, in tests, in-process. A monolingual pair goes through
 * `alignText(segmentText(…))`, or chapter by chapter (`alignChapters`) when both sides have
 * headings; a bilingual file brings its own alignment (each unit one row).
 */
import type { ImportPhase } from '../../contract/ipc';
import { alignText } from '../align/align';
import { type HeadingMark, alignChapters } from '../align/chapters';
import type { AlignedRow, AlignedText, Lang, ParagraphGroup, SegmentedText } from '../model';
import { segmentText } from '../text/segment';

export type AlignInput =
  | {
      kind: 'pair';
      texts: Record<Lang, string>;
      firstParagraphIsTitle: boolean;
      /** Each side's headings, when both have some: the pair is aligned chapter by chapter (`alignChapters`). */
      headings?: Record<Lang, HeadingMark[]>;
    }
  /** `rows[k]`: unit k's paragraph index in each text (`null` where the unit has no text). */
  | { kind: 'units'; texts: Record<Lang, string>; rows: Array<{ en: number | null; ru: number | null }> };

export type ProgressListener = (phase: ImportPhase, progress: number) => void;

export function alignInput(input: AlignInput, progress: ProgressListener = () => undefined): AlignedText {
  const firstParagraphIsTitle = input.kind === 'pair' && input.firstParagraphIsTitle;
  progress('segmenting', 0.05);
  // Headings are kept whole: one clause each.
  const whole = (lang: Lang) => (input.kind === 'pair' && input.headings ? input.headings[lang].map((h) => h.paragraph) : []);
  const en = segmentText('en', input.texts.en, { firstParagraphIsTitle, wholeParagraphs: whole('en') });
  progress('segmenting', 0.1);
  const ru = segmentText('ru', input.texts.ru, { firstParagraphIsTitle, wholeParagraphs: whole('ru') });
  progress('aligning', 0.15);
  const body =
    input.kind === 'units' ? alignUnits(en, ru, input.rows) : input.headings ? { groups: alignChapters(en, ru, input.headings).groups } : alignText(en, ru);
  progress('aligning', 0.85);
  return body;
}

/** One group of one row per unit: the unit's clauses on each side, confidence 1. */
export function alignUnits(
  en: SegmentedText,
  ru: SegmentedText,
  rows: ReadonlyArray<{ en: number | null; ru: number | null }>,
): AlignedText {
  const groups = rows.map((unit, k): ParagraphGroup => {
    const enParagraph = unit.en === null ? undefined : en.paragraphs[unit.en];
    const ruParagraph = unit.ru === null ? undefined : ru.paragraphs[unit.ru];
    if ((unit.en !== null && !enParagraph) || (unit.ru !== null && !ruParagraph)) {
      throw new Error(`Unit ${k + 1} has no paragraph in the segmented text`);
    }
    const row: AlignedRow = {
      id: `r${k}-0`,
      en: enParagraph?.clauses ?? [],
      ru: ruParagraph?.clauses ?? [],
      confidence: 1,
    };
    return {
      number: k + 1,
      kind: 'body',
      en: enParagraph ? [enParagraph.index] : [],
      ru: ruParagraph ? [ruParagraph.index] : [],
      rows: [row],
    };
  });
  return { groups };
}
