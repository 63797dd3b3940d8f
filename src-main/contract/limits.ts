/**
 * The numeric limits both sides need: the renderer checks them before it sends, main holds every
 * payload to them. No zod here, so the renderer can use them without carrying the schemas.
 */

/** Text size in steps from the default (0). */
export const FONT_STEPS = { min: -3, max: 6 } as const;

/** Column width in characters. */
export const MEASURE = { min: 30, max: 90, step: 5 } as const;

/**
 * Below this confidence a row is weak: the aligner calibrates its confidences to it, Edit alignment
 * flags such rows with `?` and *Next weakest* finds them.
 */
export const WEAK_CONFIDENCE = 0.6;

/** Bookmarks per document. */
export const MAX_BOOKMARKS = 1000;

/**
 * What one import may bring, checked while the files are read (README, "Limits on imports").
 * Chosen to fit the saved formats (row ids `r<group>-<row>` have at most six digits each) and a
 * laptop's memory (the largest allowed pair aligns in well under 1 GB).
 */
export const IMPORT_LIMITS = {
  /** The largest file imported. The renderer should check `File.size` before reading it. */
  maxFileBytes: 50 * 1024 * 1024,
  /** Characters of text per language, after conversion (about 2,500 pages of a book). */
  maxCharacters: 5_000_000,
  /** Paragraphs per language; a bilingual file's units count as paragraphs on both sides. */
  maxParagraphs: 100_000,
  /** Clauses per language (the pieces rows are made of). */
  maxClauses: 250_000,
  /** Bytes unpacked from one part of a package (a .docx's `word/document.xml`), whatever its header says. */
  maxInflatedBytes: 128 * 1024 * 1024,
  /** XML elements parsed from a package part (a real book has a few million; markup without text stops here). */
  maxElements: 6_000_000,
} as const;
export type ImportLimits = { readonly [K in keyof typeof IMPORT_LIMITS]: number };

/**
 * A book's own footnotes and endnotes per language (a heavily annotated edition has a few
 * thousand); their text counts against `maxCharacters` besides the body's.
 */
export const MAX_FOOTNOTES = 20_000;

/**
 * What comes in from outside (IPC, import) is held to these limits. Stored annotations are checked
 * for their shape only: a file is never refused for a long note.
 */
export const LIMITS = {
  note: 100_000,
  tags: 50,
  tag: 100,
  quote: 10_000,
  /** 32 code points either side, so at most 64 UTF-16 units; some slack for other tools. */
  context: 256,
  /** An import's content, in characters. */
  importContent: 5_000_000,
  /** Annotations in one import. */
  importItems: 20_000,
} as const;

/**
 * The score a link needs to be shown in the reader: the default threshold main links with
 * (`DEFAULT_LINK_THRESHOLD` in `core/compare/links.ts`; a test keeps the two equal).
 */
export const LINK_DISPLAY_THRESHOLD = 0.5;

export const COMPARE_LIMITS = { term: 300, note: 2000, entries: 20_000, findingId: 2_000, linkRows: 1_000, query: 200, glossaryFile: 5_000_000 } as const;
