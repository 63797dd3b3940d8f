/**
 * Preparing an import: the files' bytes → the texts to align and what the reader is shown to
 * confirm (`ImportCheck`). Pure and self-contained, so that it runs in the import worker
 * (`align-worker.ts`): reading, decoding, converting, counting clauses and judging the languages
 * never run on the main thread. Nothing is written.
 */
import type { ImportCheck, ImportLimits, InspectedFile, SourceFormat } from '../../contract/ipc';
import { AppError } from '../errors';
import type { Lang } from '../model';
import { segmentText } from '../text/segment';
import { ImportError, displayName } from './errors';
import { bilingualTexts, readBilingual, readMonolingual, titleFrom, type TextDocument } from './formats';
import { checkLanguages } from './language';
import { ExtractionBudget, IMPORT_LIMITS } from './limits';
import { readDocument } from './books';
import { type SideStructure, structureOf } from './extracted';
import type { AlignInput } from './pipeline';
import { warningText } from './warnings';
import { checkFileName, clip } from './names';

export { checkFileName, clip };
import { chapterLevel, chapterStarts, namesChapter } from '../align/chapters';

export interface FileBytes {
  name: string;
  bytes: Uint8Array;
}

/** A prepared import, before it is given a pending id. */
export interface PreparedImport {
  names: string[];
  encodings: string[];
  format: SourceFormat;
  input: AlignInput;
  check: Omit<ImportCheck, 'pendingId'>;
  /** What the readers found of each side's structure (headings, contents, notes, cue times, details). */
  structure?: { en?: SideStructure; ru?: SideStructure };
}

export function prepareImport(files: readonly FileBytes[], limits: ImportLimits = IMPORT_LIMITS): PreparedImport {
  for (const file of files) checkFileName(file.name);
  if (files.length === 1) return prepareBilingual(files[0]!, limits);
  if (files.length === 2) return preparePair(files[0]!, files[1]!, limits);
  throw new AppError('bad-request', 'Choose two files (English and Russian) or one bilingual file (.tmx, .tsv)');
}

/** As `prepareImport`, with the readers that answer asynchronously (PDF) too; what the import worker runs. */
export async function prepareImportAsync(files: readonly FileBytes[], limits: ImportLimits = IMPORT_LIMITS): Promise<PreparedImport> {
  if (files.length !== 2) return prepareImport(files, limits);
  for (const file of files) checkFileName(file.name);
  const [first, second] = files as [FileBytes, FileBytes];
  checkNotSame(first, second);
  return preparePairOf(first, second, await readDocument(first.bytes, first.name, { limits }), await readDocument(second.bytes, second.name, { limits }), limits);
}

function checkNotSame(first: FileBytes, second: FileBytes): void {
  const [a, b] = [displayName(first.name), displayName(second.name)];
  if (sameBytes(first.bytes, second.bytes)) {
    throw new ImportError('same-file', `“${a}” and “${b}” are the same file; choose the English text and the Russian text`, b, { params: { other: a } });
  }
}

function preparePair(first: FileBytes, second: FileBytes, limits: ImportLimits): PreparedImport {
  checkNotSame(first, second);
  return preparePairOf(first, second, readMonolingual(first.bytes, first.name, { limits }), readMonolingual(second.bytes, second.name, { limits }), limits);
}

function preparePairOf(first: FileBytes, second: FileBytes, en: TextDocument, ru: TextDocument, limits: ImportLimits): PreparedImport {
  const [a, b] = [displayName(first.name), displayName(second.name)];
  if (en.text === ru.text) {
    throw new ImportError('same-file', `“${a}” and “${b}” hold the same text`, b, { reason: 'same-text', params: { other: a } });
  }
  const input = pairInput(en, ru);
  const { firstParagraphIsTitle } = input;
  countClauses({ en: en.text, ru: ru.text }, { en: a, ru: b }, firstParagraphIsTitle, limits);
  ExtractionBudget.notes(en.notes, a, limits);
  ExtractionBudget.notes(ru.notes, b, limits);
  const titles = { en: en.title ?? titleFrom(en.text), ru: ru.title ?? titleFrom(ru.text) };
  const inspected = (file: FileBytes, doc: TextDocument): InspectedFile => ({
    name: displayName(file.name),
    format: doc.format,
    encoding: doc.encoding,
    bytes: file.bytes.length,
    characters: doc.text.length,
    paragraphs: doc.paragraphs,
    warnings: doc.warnings.map(warningText),
    notices: doc.warnings,
    ...(doc.metadata && Object.keys(doc.metadata).length > 0 ? { details: doc.metadata } : {}),
    ...(doc.headings && doc.headings.length > 0 ? { headings: doc.headings.length } : {}),
  });
  const [enStructure, ruStructure] = [structureOf(en), structureOf(ru)];
  return {
    ...(enStructure || ruStructure ? { structure: { ...(enStructure ? { en: enStructure } : {}), ...(ruStructure ? { ru: ruStructure } : {}) } } : {}),
    names: [a, b],
    encodings: [en.encoding, ru.encoding],
    format: en.format === ru.format ? en.format : 'txt',
    input,
    check: {
      files: [inspected(first, en), inspected(second, ru)],
      bilingual: false,
      language: checkLanguages(en.text, ru.text),
      suggestedTitle: { en: clip(titles.en ?? stem(first.name)), ru: clip(titles.ru ?? stem(second.name)) },
    },
  };
}

/** What a read document brings to the alignment: its text and the headings the reader found. */
export type PairSide = Pick<TextDocument, 'text' | 'paragraphs' | 'headings'>;

/**
 * Two read documents as the import aligns them (the app's import and the `bitext` command line
 * alike): when both sides have headings, chapter → paragraph → clause (`alignChapters`); the
 * first paragraphs are the titles when both look like one — unless one opens a chapter
 * ("Chapter 1" is that chapter's heading, not the document's title).
 */
export function pairInput(en: PairSide, ru: PairSide): Extract<AlignInput, { kind: 'pair' }> {
  const headings = en.headings && en.headings.length > 0 && ru.headings && ru.headings.length > 0 ? { en: en.headings, ru: ru.headings } : undefined;
  const opensChapter = (doc: PairSide, title: string) => {
    const marks = doc.headings ?? [];
    if (chapterStarts(marks, doc.paragraphs)[0] === 0 && chapterLevel(marks) === marks[0]?.level) return true;
    // A book of one chapter: its only top-level heading opens the text and calls itself a chapter.
    const top = Math.min(...marks.map((h) => h.level));
    return marks[0]?.paragraph === 0 && marks[0].level === top && marks.filter((h) => h.level === top).length === 1 && namesChapter(title);
  };
  const titles = { en: titleFrom(en.text), ru: titleFrom(ru.text) };
  const firstParagraphIsTitle = titles.en !== undefined && titles.ru !== undefined && !opensChapter(en, titles.en) && !opensChapter(ru, titles.ru);
  return { kind: 'pair', texts: { en: en.text, ru: ru.text }, firstParagraphIsTitle, ...(headings ? { headings } : {}) };
}

function prepareBilingual(file: FileBytes, limits: ImportLimits): PreparedImport {
  const doc = readBilingual(file.bytes, file.name, { limits });
  const name = displayName(file.name);
  if (!doc.units.some((u) => u.en !== '') || !doc.units.some((u) => u.ru !== '')) {
    throw new ImportError('unsupported-format', `“${name}” needs both English and Russian text`, name, { reason: 'needs-both' });
  }
  const texts = bilingualTexts(doc.units);
  countClauses({ en: texts.en, ru: texts.ru }, { en: name, ru: name }, false, limits);
  return {
    names: [name],
    encodings: [doc.encoding],
    format: doc.format,
    input: { kind: 'units', texts: { en: texts.en, ru: texts.ru }, rows: texts.rows },
    check: {
      files: [
        {
          name,
          format: doc.format,
          encoding: doc.encoding,
          bytes: file.bytes.length,
          characters: texts.en.length + texts.ru.length,
          paragraphs: doc.units.length,
          warnings: doc.warnings.map(warningText),
          notices: doc.warnings,
        },
      ],
      bilingual: true,
      units: doc.units.length,
      language: checkLanguages(texts.en, texts.ru),
      suggestedTitle: { en: clip(stem(name)), ru: clip(stem(name)) },
    },
  };
}

/** Segments both texts as the import will, and refuses a side with more clauses than allowed. */
function countClauses(texts: Record<Lang, string>, names: Record<Lang, string>, firstParagraphIsTitle: boolean, limits: ImportLimits): void {
  for (const lang of ['en', 'ru'] as const) {
    const segmented = segmentText(lang, texts[lang], { firstParagraphIsTitle });
    ExtractionBudget.clauses(
      segmented.paragraphs.reduce((n, p) => n + p.clauses.length, 0),
      names[lang],
      limits,
    );
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  return Buffer.from(a.buffer, a.byteOffset, a.length).equals(Buffer.from(b.buffer, b.byteOffset, b.length));
}

const stem = (name: string) => displayName(name).replace(/\.[^.]+$/, '') || name;
