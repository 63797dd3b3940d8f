/**
 * File formats → the app's document text: paragraphs separated by blank lines (README, "Document
 * format"), which the segmenter and the aligner take as they are. No Electron, no file system:
 * every function takes bytes or text, so the aligner's command line reads the same formats with
 * the same limits.
 *
 * One reader per format in `formats/` (`txt`, `md`, `html`, `docx`, `tmx`, `tsv`), listed in
 * `formats/registry.ts`; each charges an `ExtractionBudget` (`limits.ts`) while it reads. This
 * module is the entry: `readMonolingual`, `readBilingual`, and the helpers the rest of the app uses.
 */
import type { ImportLimits, SourceFormat } from '../../contract/ipc';
import { ImportError, displayName } from './errors';
import { ExtractionBudget, IMPORT_LIMITS } from './limits';
import type { BilingualDocument, BilingualUnit, TextDocument } from './formats/paragraphs';
import { cleanParagraph } from './formats/paragraphs';
import { readerFor } from './formats/registry';
import { forEachParagraph } from './formats/txt';

export type { SourceFormat };
export type { BilingualDocument, BilingualFormat, BilingualUnit, MonolingualFormat, TextDocument } from './formats/paragraphs';
export { documentText } from './formats/paragraphs';
export { BILINGUAL_FORMATS, READERS } from './formats/registry';
export { textParagraphs } from './formats/txt';
export { inlineMarkdown, markdownParagraphs } from './formats/md';
export { declaredHtmlCharset, htmlParagraphs } from './formats/html';
export { docxXmlParagraphs } from './formats/docx';
export { parseTmx } from './formats/tmx';
export { parseTsv } from './formats/tsv';

export interface ReadOptions {
  /** The limits (default `IMPORT_LIMITS`); tests lower them. */
  limits?: Partial<ImportLimits>;
}

const limitsOf = (options: ReadOptions): ImportLimits => ({ ...IMPORT_LIMITS, ...options.limits });

/** The format a file name says; unknown extensions are read as plain text; .pdf and the like are refused. */
export function formatOf(fileName: string): SourceFormat {
  return readerFor(fileName).format;
}

/** Reads one text of a pair (.txt, .md, .html, .docx). */
export function readMonolingual(bytes: Uint8Array, fileName: string, options: ReadOptions = {}): TextDocument {
  const name = displayName(fileName);
  const reader = readerFor(fileName);
  if (reader.kind === 'bilingual') {
    throw new ImportError('unsupported-format', `“${name}” is a bilingual file (${reader.format.toUpperCase()}): import it on its own`, name, {
      reason: 'bilingual-alone',
      params: { format: reader.format.toUpperCase() },
    });
  }
  const limits = limitsOf(options);
  return reader.read(bytes, { budget: new ExtractionBudget(name, limits), limits });
}

/** Reads a bilingual file (.tmx or .tsv): its English–Russian units. */
export function readBilingual(bytes: Uint8Array, fileName: string, options: ReadOptions = {}): BilingualDocument {
  const name = displayName(fileName);
  const reader = readerFor(fileName);
  if (reader.kind !== 'bilingual') {
    throw new ImportError(
      'unsupported-format',
      `“${name}” is not a bilingual file: one file must be .tmx or .tsv (English<TAB>Russian); otherwise choose two files`,
      name,
      { reason: 'not-bilingual' },
    );
  }
  const limits = limitsOf(options);
  return reader.read(bytes, { budget: new ExtractionBudget(name, limits), limits });
}

/**
 * Checks a text taken as it is (the command line keeps plain UTF-8 untouched, so that offsets count
 * from the file's first byte) against the same limits as an import: its paragraphs and characters.
 */
export function checkTextLimits(text: string, fileName: string, options: ReadOptions = {}): void {
  const budget = new ExtractionBudget(fileName, limitsOf(options));
  forEachParagraph(text, (paragraph) => {
    const clean = cleanParagraph(paragraph);
    if (clean !== '') budget.paragraph(clean.length);
  });
}

/** Refuses more clauses (or pre-segmented lines) on one side than an import may have. */
export function checkClauseLimit(count: number, fileName: string, options: ReadOptions = {}): void {
  ExtractionBudget.clauses(count, fileName, limitsOf(options));
}

/**
 * The two document texts of a bilingual file: each unit is a paragraph on each side where it
 * has text. `rows[k]` gives unit k's paragraph index on each side (`null` where it is empty).
 */
export function bilingualTexts(units: readonly BilingualUnit[]): {
  en: string;
  ru: string;
  rows: Array<{ en: number | null; ru: number | null }>;
} {
  const en: string[] = [];
  const ru: string[] = [];
  const rows = units.map((unit) => ({
    en: unit.en !== '' ? en.push(unit.en) - 1 : null,
    ru: unit.ru !== '' ? ru.push(unit.ru) - 1 : null,
  }));
  return { en: `${en.join('\n\n')}\n`, ru: `${ru.join('\n\n')}\n`, rows };
}

/** A title-like first paragraph: short, one line, not ending like a sentence. */
export function titleFrom(text: string): string | undefined {
  const end = text.indexOf('\n\n');
  const first = (end < 0 ? text : text.slice(0, end)).trim();
  if (first === '' || first.length > 160 || first.includes('\n') || /[.;:,]$/.test(first)) return undefined;
  return first;
}
