/**
 * Every closed set of values the processes share, each written once as a const array. The type is
 * derived from the array (`(typeof THEMES)[number]`) and the zod schemas use the same array
 * (`z.enum(THEMES)`), so a value added here reaches the type, the validation and every list the UI
 * builds from it (the toolbar's choices, the theme cycle, the i18n key check).
 */

/** The two languages of a bitext. */
export const LANGS = ['en', 'ru'] as const;
export type Lang = (typeof LANGS)[number];

/** The languages the interface is translated into. */
export const UI_LANGUAGES = ['en', 'ru'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export const THEMES = ['system', 'light', 'dark', 'sepia'] as const;
export type Theme = (typeof THEMES)[number];

export const LAYOUTS = ['side-by-side', 'interleaved', 'single'] as const;
export type Layout = (typeof LAYOUTS)[number];

export const LINE_SPACINGS = ['compact', 'normal', 'relaxed'] as const;
export type LineSpacing = (typeof LINE_SPACINGS)[number];

/** The bundled serif (Literata), a sans-serif, or the system's own fonts. */
export const READER_FONTS = ['serif', 'sans', 'system'] as const;
export type ReaderFont = (typeof READER_FONTS)[number];

/** How a paragraph functions in the document. */
export const PARAGRAPH_KINDS = ['title', 'preamble', 'operative', 'body'] as const;
export type ParagraphKind = (typeof PARAGRAPH_KINDS)[number];

export const ANNOTATION_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type AnnotationColor = (typeof ANNOTATION_COLORS)[number];

/** `highlight`: a coloured selection (its note may be empty); `note`: the note is the point. */
export const ANNOTATION_KINDS = ['highlight', 'note'] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

/** Annotation exports: Markdown (to read; Obsidian, Joplin) or W3C Web Annotation JSON-LD. */
export const EXPORT_FORMATS = ['markdown', 'jsonld'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Bitext exports: TMX 1.4b, TSV, vecalign beads, a Markdown table or a two-column DOCX table. */
export const BITEXT_EXPORT_FORMATS = ['tmx', 'tsv', 'beads', 'markdown', 'docx'] as const;
export type BitextExportFormat = (typeof BITEXT_EXPORT_FORMATS)[number];

/** Rows worth a look: unconfirmed, not one-to-one, or the least confident first. */
export const REVIEW_KINDS = ['unconfirmed', 'non-one-to-one', 'weakest'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

/** `tmx` and `tsv` are bilingual: one file brings both texts and their alignment. */
export const SOURCE_FORMATS = ['txt', 'md', 'html', 'docx', 'tmx', 'tsv', 'epub', 'fb2', 'odt', 'pdf', 'srt', 'vtt'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

export const TEXT_ENCODINGS = [
  'utf-8',
  'utf-8-bom',
  'utf-16le',
  'utf-16be',
  'windows-1251',
  'koi8-r',
  'ibm866',
  'windows-1252',
] as const;
export type TextEncodingName = (typeof TEXT_ENCODINGS)[number];
/** Packages whose text is not one file of text: the container stands where the encoding would. */
export type PackageEncodingName = 'docx' | 'epub' | 'odt' | 'pdf';

/** What an import dialog asks for: two monolingual files, or one bilingual file. */
export const IMPORT_MODES = ['pair', 'bilingual'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/** Where `move` takes a clause: a row's first to the previous row, or its last to the next. */
export const MOVE_DIRECTIONS = ['first-to-previous', 'last-to-next'] as const;

export const IMPORT_PHASES = ['queued', 'segmenting', 'aligning', 'writing', 'done'] as const;
export type ImportPhase = (typeof IMPORT_PHASES)[number];

/**
 * Why a file was refused on import; each message names the file.
 * - `undecodable`: not valid text in any encoding the app reads (or broken UTF-8/UTF-16).
 * - `too-large`: over the size limit (checked before the file is read whole).
 * - `file-vanished`: chosen, then moved or deleted before it was read.
 * - `same-file`: the two files of a pair are the same file (same bytes).
 * - `unsupported-format`: not a format the app imports (.pdf, .doc, a folder…), or a bilingual
 *   file without units.
 * - `cancelled`: the import was cancelled.
 * - `drm-protected`: an e-book with DRM (encrypted chapters, a rights file).
 * - `no-spine`: an EPUB with no spine (no reading order of its chapters).
 * - `no-text-layer`: a PDF with no text layer (a scan).
 * - `encrypted`: a password-protected PDF or document.
 * - `bad-timing`: a subtitle file whose cue times do not parse.
 */
export const IMPORT_ERROR_CODES = [
  'empty-file',
  'binary-file',
  'undecodable',
  'too-large',
  'file-vanished',
  'unreadable',
  'same-file',
  'unsupported-format',
  'cancelled',
  'drm-protected',
  'no-spine',
  'no-text-layer',
  'encrypted',
  'bad-timing',
  /** More characters, paragraphs or clauses than `IMPORT_LIMITS` allows (counted while the file is read). */
  'too-much-text',
  /** Parts of the file are in different encodings (a UTF-8 paragraph among Windows-1251 ones). */
  'mixed-encoding',
  /** A FIFO, a device, a socket or a folder: not a file to import. */
  'not-a-file',
] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

/** The dictionary formats the app reads (those KOReader and GoldenDict read). */
export const DICTIONARY_FORMATS = ['dictd', 'stardict'] as const;
export type DictionaryFormat = (typeof DICTIONARY_FORMATS)[number];

/** Notes (the reader's annotations) in a print or a DOCX: as footnotes, or left out. */
export const NOTE_PLACEMENTS = ['footnotes', 'omit'] as const;
export type NotePlacement = (typeof NOTE_PLACEMENTS)[number];

/**
 * Why a dictionary was refused: `dictionary-broken` (a bad header, a truncated index, an entry
 * past the end of the text), `dictionary-incomplete` (a file the format needs is missing).
 */
export const DICTIONARY_ERROR_CODES = ['dictionary-broken', 'dictionary-incomplete'] as const;

/**
 * Every message an import refusal can show, as a key under `importErrors` in the locales; the
 * refusal's `details.reason` names one (default: its code) and `details.params` fills it in.
 */
export const IMPORT_REFUSALS = [
  ...IMPORT_ERROR_CODES,
  'bad-request', 'same-text', 'broken-utf8', 'broken-utf16', 'utf32', 'too-large-part', 'too-many-paragraphs', 'too-many-clauses',
  'too-many-elements', 'out-of-memory', 'folder', 'old-word', 'not-zip', 'damaged-zip', 'no-document-xml', 'bilingual-alone',
  'not-bilingual', 'no-units', 'needs-both', 'not-tab-separated', 'refused-doc', 'refused-odt', 'refused-rtf', 'refused-pdf',
  'refused-epub', 'refused-xlsx', 'refused-csv', 'bad-name', 'load-failed',
  'too-many-notes',
  // A file of a format the app reads, but not readable as one (damaged, or named wrongly).
  'not-pdf', 'damaged-pdf', 'not-epub', 'damaged-epub', 'not-fb2', 'not-webvtt', 'not-odt', 'not-package',
] as const;
export type ImportRefusal = (typeof IMPORT_REFUSALS)[number];

/** What the renderer needs to say a refusal in the reader's language. */
export interface ErrorDetails {
  /** The message: `importErrors.<reason>` (default: the error's code). */
  reason?: ImportRefusal;
  /** Its values: the file's name (`file`), a limit (`max`), a count, a position… */
  params?: Record<string, string | number>;
  /** For an annotation import: why it was refused (`annotationImport.errors.<reason>`, filled in by `params`). */
  annotationReason?: AnnotationImportError;
  /** For a glossary import: why it was refused (`glossary.importErrors.<reason>`, filled in by `params`). */
  glossaryReason?: GlossaryImportError;
}

/**
 * Errors travel as values, never as thrown strings. `newer-version`: saved by a newer version of
 * the app, so read-only here.
 */
export const ERROR_CODES = [
  ...IMPORT_ERROR_CODES,
  ...DICTIONARY_ERROR_CODES,
  'bad-request',
  'unknown-channel',
  'forbidden',
  'not-found',
  'corrupt-file',
  'io-error',
  'newer-version',
  /** Needs what this process does not have (printing outside the app). */
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Values that fill in a message (a file's name, a count, a limit), keyed by their name in the locales. */
export type MessageParams = Record<string, string | number>;

/**
 * Things an import found worth saying about a file it accepted (`InspectedFile.notices`), each a
 * key under `importWarnings` in the locales:
 * - `control-characters`: control characters were removed (`count`);
 * - `units-skipped`: translation units without English or Russian were skipped (`count`);
 * - `lines-without-tab`: lines without a tab were read as English only (`count`).
 */
/** `notes-apart`: footnotes or endnotes were kept apart from the text (saved with the document, not aligned). */
export const IMPORT_WARNINGS = ['control-characters', 'units-skipped', 'lines-without-tab', 'notes-apart'] as const;
export type ImportWarningCode = (typeof IMPORT_WARNINGS)[number];
export interface ImportWarning {
  code: ImportWarningCode;
  params: MessageParams;
}

/**
 * Why an annotation file was refused whole, or the annotations of a document are at their limit
 * (`ErrorDetails.annotationReason`; keys under `annotationImport.errors`).
 */
export const ANNOTATION_IMPORT_ERRORS = ['too-large', 'not-json', 'not-web-annotations', 'too-many-annotations'] as const;
export type AnnotationImportError = (typeof ANNOTATION_IMPORT_ERRORS)[number];

/**
 * Why a glossary file was refused whole (`ErrorDetails.glossaryReason`; keys under
 * `glossary.importErrors`): not a .csv/.tsv/.tbx name, no term pair in it, the glossary would pass
 * its size limit, a CSV/TSV quote never closed (the rest of the file would be one term).
 */
export const GLOSSARY_IMPORT_ERRORS = ['not-glossary-file', 'no-pairs', 'too-many-terms', 'unclosed-quote'] as const;
export type GlossaryImportError = (typeof GLOSSARY_IMPORT_ERRORS)[number];

/** Why one annotation of an imported file was left out (`ImportReport.rejections`; keys under `annotationImport.rejections`). */
export const ANNOTATION_REJECTIONS = [
  'not-web-annotation',
  'bad-id',
  'duplicate-id',
  'other-document',
  'row-note-incomplete',
  'quote-not-text',
  'quote-too-long',
  'context-too-long',
  'bad-row-id',
  'no-target',
  'no-quote',
  'quote-not-found',
  'invalid',
] as const;
export type AnnotationRejectionCode = (typeof ANNOTATION_REJECTIONS)[number];

/**
 * Why a listed document cannot be opened (`LibraryEntry.problemCode`; keys under `documentProblems`):
 * - `unreadable`: a file of it could not be read (permissions, a disk error);
 * - `damaged`: a file of it does not parse or fails its checks (`file` when known);
 * - `newer-version`: saved by a newer version of the app;
 * - `missing`: a file of it is missing.
 */
export const DOCUMENT_PROBLEMS = ['unreadable', 'damaged', 'newer-version', 'missing'] as const;
export type DocumentProblemCode = (typeof DOCUMENT_PROBLEMS)[number];

/** A document's details beyond its title (`details.ts` holds their schema). */
export const DETAIL_FIELDS = ['author', 'date', 'source', 'translator'] as const;
export type DetailField = (typeof DETAIL_FIELDS)[number];

/**
 * What a file says about itself (EPUB, FB2, ODT, docx, PDF metadata), suggested at import:
 * `FileDetails` (library.ts) and the import's `DocumentMetadata` and its schema come from this list.
 */
export const FILE_DETAIL_FIELDS = ['title', 'author', 'date', 'language', 'translator', 'publisher', 'source'] as const;
export type FileDetailField = (typeof FILE_DETAIL_FIELDS)[number];

// ---- Comparing the two versions (issue 11): the glossary, the checks, the term links ----

export const GLOSSARY_SCOPES = ['document', 'global'] as const;
export type GlossaryScope = (typeof GLOSSARY_SCOPES)[number];

export const GLOSSARY_FORMATS = ['csv', 'tsv', 'tbx'] as const;
export type GlossaryFormat = (typeof GLOSSARY_FORMATS)[number];

export const FINDINGS_EXPORT_FORMATS = ['markdown', 'csv'] as const;
export type FindingsExportFormat = (typeof FINDINGS_EXPORT_FORMATS)[number];

export const FINDING_KINDS = [
  'number',
  'date',
  'percent',
  'acronym',
  'latin',
  'url',
  'email',
  'name',
  'reference',
  'untranslated',
  'empty',
  'length',
  'glossary',
  'inconsistent',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** What exactly is wrong: an item missing on one side, or on both sides but different; etc. */
export const FINDING_DETAILS = ['missing-ru', 'missing-en', 'different', 'same-text', 'english-in-russian', 'russian-in-english', 'no-ru', 'no-en', 'longer', 'shorter', 'renderings'] as const;
export type FindingDetail = (typeof FINDING_DETAILS)[number];

export const LINK_CLASSES = ['number', 'acronym', 'name', 'latin', 'glossary', 'lexicon', 'learned'] as const;
export type LinkClass = (typeof LINK_CLASSES)[number];
