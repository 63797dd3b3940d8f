/**
 * What every reader shares: the document text they produce (paragraphs separated by one blank
 * line, README "Document format") and the sink they pour paragraphs into, which cleans each one,
 * drops those with nothing visible in them, and charges the budget as it goes.
 */
import type { PackageEncodingName, TextEncodingName } from '../../../contract/ipc';
import type { BookFormat } from '../books';
import type { DocumentHeading, StructuredParts } from '../extracted';
import { ImportError } from '../errors';
import type { ExtractionBudget, Side } from '../limits';
import type { ImportWarning } from '../warnings';
import { takeMarks } from '../note-marks';

export type MonolingualFormat = 'txt' | 'md' | 'html' | 'docx' | BookFormat;
export type BilingualFormat = 'tmx' | 'tsv';

/** `StructuredParts`: headings, contents, notes, cue times and the file's details (book readers, `../books.ts`). */
export interface TextDocument extends StructuredParts {
  format: MonolingualFormat;
  /** The document text: paragraphs separated by one blank line, ending with a newline. */
  text: string;
  encoding: TextEncodingName | PackageEncodingName;
  /** A title the file gives (HTML `<title>`), if any. */
  title?: string;
  paragraphs: number;
  warnings: ImportWarning[];
}

export interface BilingualUnit {
  en: string;
  ru: string;
}

export interface BilingualDocument {
  format: BilingualFormat;
  units: BilingualUnit[];
  encoding: TextEncodingName;
  warnings: ImportWarning[];
}

/** Paragraphs as the document format wants them: one blank line between, a final newline. */
export function documentText(paragraphs: readonly string[]): string {
  return `${paragraphs.join('\n\n')}\n`;
}

/** Leading and trailing spaces off each line (an indented line leaves no run of spaces), no blank lines inside, trimmed. */
export function cleanParagraph(paragraph: string): string {
  return paragraph
    .split('\n')
    .map((line) => line.replace(/^[ \t\u00a0]+|[ \t\u00a0]+$/gu, ''))
    .filter((line) => line.trim() !== '')
    .join('\n')
    .trim();
}

/**
 * Whether a text has anything a reader would see: a letter, a digit, punctuation or a symbol.
 * Zero-width spaces and joiners, soft hyphens, BOMs and other format characters do not count.
 */
export function hasVisibleText(text: string): boolean {
  return /[\p{L}\p{N}\p{P}\p{S}]/u.test(text);
}

/** The deepest heading level kept (HTML's h6; Word has nine, deeper ones are read as level 6). */
const MAX_HEADING_LEVEL = 6;

/**
 * Collects a monolingual document's paragraphs, charging the budget for each one kept. A heading
 * is a paragraph of its own, on one line, remembered by its index and level.
 */
export class ParagraphSink {
  readonly kept: string[] = [];
  readonly headings: DocumentHeading[] = [];

  constructor(private readonly budget: ExtractionBudget) {}

  /** `heading`: the paragraph is a heading of that level (1 = chapter). */
  /** Where each note reference's placeholder (`note-marks.ts`) stood: its key → the paragraph and the offset in it. */
  readonly marks = new Map<string, { paragraph: number; offset: number }>();

  add(paragraph: string, heading?: number): void {
    const taken = takeMarks(heading === undefined ? cleanParagraph(paragraph) : oneLine(paragraph));
    const clean = taken.text;
    const at = (paragraph: number, offset: (mark: number) => number) => {
      for (const mark of taken.marks) if (!this.marks.has(mark.key)) this.marks.set(mark.key, { paragraph, offset: offset(mark.offset) });
    };
    if (clean === '' || !hasVisibleText(clean)) {
      // A paragraph of nothing but a reference: the mark goes at the end of the paragraph before.
      const before = this.kept.length - 1;
      if (before >= 0) at(before, () => this.kept[before]!.length);
      return;
    }
    at(this.kept.length, (offset) => offset);
    this.budget.paragraph(clean.length);
    if (heading !== undefined) this.headings.push({ paragraph: this.kept.length, level: Math.max(1, Math.min(MAX_HEADING_LEVEL, Math.trunc(heading) || 1)) });
    this.kept.push(clean);
  }

  /** Refuses early when a paragraph still being read is already past the limit. */
  pending(length: number): void {
    this.budget.pending(length);
  }

  /** The document; a file with no visible text is refused as empty. */
  finish(format: MonolingualFormat, encoding: TextEncodingName | 'docx', warnings: ImportWarning[], title?: string): TextDocument {
    const name = this.budget.name;
    if (this.kept.length === 0) throw new ImportError('empty-file', `“${name}” holds no text`, name);
    return {
      format,
      text: documentText(this.kept),
      encoding,
      paragraphs: this.kept.length,
      warnings,
      ...(title ? { title } : {}),
      ...(this.headings.length > 0 ? { headings: this.headings } : {}),
    };
  }
}

/** Collects a bilingual file's units, charging each side's budget. */
export class UnitSink {
  readonly units: BilingualUnit[] = [];

  constructor(private readonly budget: ExtractionBudget) {}

  /** Adds a unit (sides already one line each); `false` when neither side has visible text. */
  add(en: string, ru: string): boolean {
    const unit = { en: hasVisibleText(en) ? en : '', ru: hasVisibleText(ru) ? ru : '' };
    if (unit.en === '' && unit.ru === '') return false;
    // Each unit is a row group with a paragraph on both sides, even where one side is empty.
    for (const side of ['en', 'ru'] as const satisfies readonly Side[]) this.budget.paragraph(unit[side].length, side);
    this.units.push(unit);
    return true;
  }
}

/** Line breaks and runs of spaces become one space (no-break spaces are kept: they are text). */
export const oneLine = (text: string): string => text.replace(/[ \t\n\r\f\v]+/g, ' ').trim();

/** Calls `each` for every line of `text` without splitting it all at once. */
export function forEachLine(text: string, each: (line: string) => void): void {
  let start = 0;
  for (;;) {
    const end = text.indexOf('\n', start);
    if (end < 0) {
      each(text.slice(start));
      return;
    }
    each(text.slice(start, end));
    start = end + 1;
  }
}
