/**
 * What the book and report readers (EPUB, FB2, ODT, PDF, subtitles, and the block-level HTML
 * reader) extract, before it becomes the app's document text: a list of blocks (headings and
 * paragraphs, a paragraph optionally timed), the file's own details (title, author, date…), its
 * table of contents and its notes — kept apart from the body, never mixed into it.
 *
 * `toTextDocument` turns it into the shape every reader returns (`TextDocument`, formats.ts):
 * one paragraph per block, headings remembered by paragraph index. Pure: no Node, no Electron.
 */
import { z } from 'zod';
import { FILE_DETAIL_FIELDS, type FileDetailField, type FileDetails } from '../../contract/ipc';
import { ImportError, displayName } from './errors';
import { DEFAULT_MAX_BYTES } from './decode';
import { type ImportWarning, importWarning } from './warnings';
import { type TakenMark, takeMarks } from './note-marks';

/** What a file says about itself; only what it says (an unknown detail stays undefined). The contract's `FileDetails`. */
export type DocumentMetadata = FileDetails;

/** A detail as a manifest keeps it; the object's keys are `FILE_DETAIL_FIELDS`, its type `FileDetails`. */
const detailSchema = z.string().max(500).optional();
const metadataSchema = z.object(Object.fromEntries(FILE_DETAIL_FIELDS.map((field) => [field, detailSchema])) as Record<FileDetailField, typeof detailSchema>).strict();

export type Block =
  | { kind: 'heading'; level: number; text: string }
  /** `start`/`end`: a subtitle cue's times, in milliseconds. */
  | { kind: 'paragraph'; text: string; start?: number; end?: number };

/** A heading of the document: its paragraph (0-based, in the document text) and its level (1 = chapter). */
export interface DocumentHeading {
  paragraph: number;
  level: number;
}

/** One entry of the file's own table of contents (EPUB nav/NCX); `paragraph` where it could be placed. */
export interface TocEntry {
  level: number;
  title: string;
  paragraph?: number;
}

/** A footnote or endnote, kept apart from the body text. */
export interface DocumentNote {
  id?: string;
  /** The note's own number or title (`1`, `*`), when it has one. */
  label?: string;
  /** The paragraph (0-based, in the document text) that refers to the note, where the file says. */
  paragraph?: number;
  /** Where in that paragraph the reference mark stood (code units; absent: not known, after the paragraph). */
  offset?: number;
  text: string;
}

/** A subtitle cue's times, by the paragraph that holds its text. Milliseconds. */
export interface DocumentCue {
  paragraph: number;
  start: number;
  end: number;
}

export interface Extracted {
  blocks: Block[];
  metadata: DocumentMetadata;
  toc?: TocEntry[];
  /**
   * `block`: the block that refers to the note (it becomes the note's `paragraph`); `mark`: the key
   * of the placeholder (`note-marks.ts`) left in the text where the reference stood, if one was.
   */
  notes?: Array<DocumentNote & { block?: number; mark?: string }>;
  warnings: ImportWarning[];
  /** Set by readers that place TOC entries: block index → paragraph index happens in `toTextDocument`. */
  tocBlocks?: Array<{ level: number; title: string; block?: number }>;
}

/** The parts `toTextDocument` adds to a reader's result (formats.ts `TextDocument` has them as optional). */
export interface StructuredParts {
  metadata?: DocumentMetadata;
  headings?: DocumentHeading[];
  toc?: TocEntry[];
  notes?: DocumentNote[];
  cues?: DocumentCue[];
}

/** Runs of white space → one space (line breaks kept when `keepLines`), trimmed. */
function tidy(text: string, keepLines = false): string {
  if (!keepLines) return text.replace(/[\s\u00a0]+/gu, (m) => (m.includes('\u00a0') && !/[\n\t ]/.test(m) ? '\u00a0' : ' ')).trim();
  return text
    .split('\n')
    .map((line) => line.replace(/[ \r\f\v]+/g, ' ').replace(/ ?\t ?/g, '\t').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** Metadata values tidied; empty ones dropped. */
function cleanMetadata(metadata: DocumentMetadata): DocumentMetadata {
  const out: DocumentMetadata = {};
  for (const key of FILE_DETAIL_FIELDS) {
    const value = metadata[key];
    const v = value === undefined ? '' : tidy(value).slice(0, 500);
    if (v !== '') out[key] = v;
  }
  return out;
}

export interface ExtractLimits {
  /** Characters of text at most (default: the file size limit, 50 MB). */
  maxCharacters?: number;
  /** Paragraphs at most. */
  maxParagraphs?: number;
}

const DEFAULT_MAX_PARAGRAPHS = 500_000;

/** Counts what a reader has extracted so far and refuses the file once it is past the limits. */
export class ExtractBudget {
  private characters = 0;
  private paragraphs = 0;
  private readonly maxCharacters: number;
  private readonly maxParagraphs: number;

  constructor(
    private readonly name: string,
    limits: ExtractLimits = {},
  ) {
    this.maxCharacters = limits.maxCharacters ?? DEFAULT_MAX_BYTES;
    this.maxParagraphs = limits.maxParagraphs ?? DEFAULT_MAX_PARAGRAPHS;
  }

  add(text: string): void {
    this.characters += text.length;
    this.paragraphs++;
    // The same refusals, codes and reasons as the import's own budget (`limits.ts`), so that the
    // message names the limit passed, in the reader's language.
    if (this.paragraphs > this.maxParagraphs) {
      const name = displayName(this.name);
      throw new ImportError('too-much-text', `“${name}” holds more than ${this.maxParagraphs.toLocaleString('en')} paragraphs; the app imports at most that many per language`, name, {
        reason: 'too-many-paragraphs',
        params: { max: this.maxParagraphs },
      });
    }
    if (this.characters > this.maxCharacters) {
      const name = displayName(this.name);
      throw new ImportError('too-much-text', `“${name}” holds more than ${this.maxCharacters.toLocaleString('en')} characters of text; the app imports at most that many per language`, name, {
        params: { max: this.maxCharacters },
      });
    }
  }
}

export interface StructuredTextDocument<F extends string> extends StructuredParts {
  format: F;
  text: string;
  title?: string;
  paragraphs: number;
  warnings: ImportWarning[];
}

/**
 * Blocks → the document text (paragraphs separated by one blank line) and its structure. Blocks
 * with no text are dropped (and TOC entries pointing at them move to the next paragraph). A file
 * with no text at all is refused (`empty-file`).
 */
export function toTextDocument<F extends string>(format: F, extracted: Extracted, fileName: string): StructuredTextDocument<F> {
  const name = displayName(fileName);
  const paragraphs: string[] = [];
  const headings: DocumentHeading[] = [];
  const cues: DocumentCue[] = [];
  /** Block index → the paragraph it became (or the next one, for an empty block). */
  const paragraphOfBlock: number[] = [];
  /** Reference marks by key: the paragraph and the offset in it where each stood. */
  const marks = new Map<string, { paragraph: number; offset: number }>();
  const place = (taken: readonly TakenMark[], paragraph: number, at?: number) => {
    for (const mark of taken) if (!marks.has(mark.key)) marks.set(mark.key, { paragraph, offset: at ?? mark.offset });
  };
  extracted.blocks.forEach((block) => {
    paragraphOfBlock.push(paragraphs.length);
    const taken = takeMarks(tidy(block.text, block.kind === 'paragraph'));
    const text = taken.text;
    if (text === '') {
      // A paragraph of nothing but a reference: the mark goes at the end of the paragraph before.
      if (paragraphs.length > 0) place(taken.marks, paragraphs.length - 1, paragraphs[paragraphs.length - 1]!.length);
      return;
    }
    const index = paragraphs.push(text) - 1;
    place(taken.marks, index);
    if (block.kind === 'heading') headings.push({ paragraph: index, level: Math.max(1, Math.min(6, block.level)) });
    else if (block.start !== undefined && block.end !== undefined) cues.push({ paragraph: index, start: block.start, end: block.end });
  });
  if (paragraphs.length === 0) throw new ImportError('empty-file', `“${name}” holds no text`, name);
  const toc = extracted.toc ?? extracted.tocBlocks?.map((entry) => {
    const paragraph = entry.block === undefined ? undefined : paragraphOfBlock[entry.block] ?? paragraphs.length;
    return { level: entry.level, title: entry.title, ...(paragraph !== undefined && paragraph < paragraphs.length ? { paragraph } : {}) };
  });
  const metadata = cleanMetadata(extracted.metadata);
  const notes = extracted.notes
    ?.filter((n) => n.text.trim() !== '')
    .map(({ block, mark, ...note }): DocumentNote => {
      const at = mark === undefined ? undefined : marks.get(mark);
      if (at) return { ...note, paragraph: at.paragraph, offset: at.offset };
      const paragraph = block === undefined ? note.paragraph : paragraphOfBlock[block];
      return paragraph !== undefined && paragraph < paragraphs.length ? { ...note, paragraph } : note;
    });
  return {
    format,
    text: `${paragraphs.join('\n\n')}\n`,
    ...(metadata.title ? { title: metadata.title } : {}),
    paragraphs: paragraphs.length,
    // Notes are kept apart from the text (not aligned): the reader is told so.
    warnings: notes && notes.length > 0 ? [...extracted.warnings, importWarning('notes-apart', { count: notes.length })] : extracted.warnings,
    metadata,
    headings,
    ...(toc && toc.length > 0 ? { toc } : {}),
    ...(notes && notes.length > 0 ? { notes } : {}),
    ...(cues.length > 0 ? { cues } : {}),
  };
}

/** What an imported document keeps of one side's structure (stored in its manifest). */
export const sideStructureSchema = z
  .object({
    metadata: metadataSchema.optional(),
    headings: z.array(z.object({ paragraph: z.number().int().min(0), level: z.number().int().min(1).max(9) }).strict()).optional(),
    toc: z.array(z.object({ level: z.number().int().min(1).max(20), title: z.string().max(1000), paragraph: z.number().int().min(0).optional() }).strict()).optional(),
    notes: z
      .array(
        z
          .object({
            id: z.string().max(200).optional(),
            label: z.string().max(200).optional(),
            paragraph: z.number().int().min(0).optional(),
            offset: z.number().int().min(0).optional(),
            text: z.string(),
          })
          .strict(),
      )
      .optional(),
    cues: z.array(z.object({ paragraph: z.number().int().min(0), start: z.number().int().min(0), end: z.number().int().min(0) }).strict()).optional(),
  })
  .strict();
export type SideStructure = z.infer<typeof sideStructureSchema>;

/** The structure parts of a read document, or undefined when it has none worth keeping. */
export function structureOf(doc: StructuredParts): SideStructure | undefined {
  const out: SideStructure = {};
  if (doc.metadata && Object.keys(doc.metadata).length > 0) out.metadata = doc.metadata;
  if (doc.headings && doc.headings.length > 0) out.headings = doc.headings;
  if (doc.toc && doc.toc.length > 0) out.toc = doc.toc;
  if (doc.notes && doc.notes.length > 0) out.notes = doc.notes;
  if (doc.cues && doc.cues.length > 0) out.cues = doc.cues;
  return Object.keys(out).length > 0 ? out : undefined;
}
