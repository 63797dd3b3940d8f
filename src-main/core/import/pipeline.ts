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

/**
 * An `AlignInput` whose texts travel as UTF-8 bytes: what the import worker hands back to main and
 * main hands to the align worker — transferred, never copied or decoded on the main thread
 * (a 5,000,000-character text costs tens of milliseconds to clone as a string). Main only writes
 * the bytes to disk.
 */
export type PackedInput = {
  [K in AlignInput['kind']]: Omit<Extract<AlignInput, { kind: K }>, 'texts'> & { texts: Record<Lang, Uint8Array>; packed: true };
}[AlignInput['kind']];

export function packInput(input: AlignInput): PackedInput {
  const encoder = new TextEncoder();
  return { ...input, texts: { en: encoder.encode(input.texts.en), ru: encoder.encode(input.texts.ru) }, packed: true } as PackedInput;
}

export function unpackInput(input: AlignInput | PackedInput): AlignInput {
  if (!('packed' in input)) return input;
  const decoder = new TextDecoder();
  const { packed: _packed, ...rest } = input;
  return { ...rest, texts: { en: decoder.decode(input.texts.en), ru: decoder.decode(input.texts.ru) } } as AlignInput;
}

/** The buffers of a packed input, to transfer with it. */
export function packedBuffers(input: AlignInput | PackedInput): ArrayBuffer[] {
  if (!('packed' in input)) return [];
  return [...new Set([input.texts.en.buffer, input.texts.ru.buffer])].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer && b.byteLength > 0);
}

export function alignInput(input: AlignInput, progress: ProgressListener = () => undefined): AlignedText {
  progress('segmenting', 0.05);
  const segmented = segmentInput(input, () => progress('segmenting', 0.1));
  progress('aligning', 0.15);
  const body = alignSegmented(input, segmented);
  progress('aligning', 0.85);
  return body;
}

/** Both texts segmented as the import does (a first paragraph that is a title; headings kept whole: one clause each). */
export function segmentInput(input: AlignInput, halfway: () => void = () => undefined): Record<Lang, SegmentedText> {
  const firstParagraphIsTitle = input.kind === 'pair' && input.firstParagraphIsTitle;
  const whole = (lang: Lang) => (input.kind === 'pair' && input.headings ? input.headings[lang].map((h) => h.paragraph) : []);
  const en = segmentText('en', input.texts.en, { firstParagraphIsTitle, wholeParagraphs: whole('en') });
  halfway();
  const ru = segmentText('ru', input.texts.ru, { firstParagraphIsTitle, wholeParagraphs: whole('ru') });
  return { en, ru };
}

/** The segmented texts aligned as the import does: unit by unit, chapter → paragraph → clause when both sides have headings, or whole. */
export function alignSegmented(input: AlignInput, { en, ru }: Record<Lang, SegmentedText>): AlignedText {
  if (input.kind === 'units') return alignUnits(en, ru, input.rows);
  return input.headings ? { groups: alignChapters(en, ru, input.headings).groups } : alignText(en, ru);
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
