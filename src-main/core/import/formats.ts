/**
 * File formats → the app's document text: paragraphs separated by blank lines (README, "Document
 * format"), which the segmenter and the aligner take as they are. No Electron, no file system:
 * every function takes bytes or text, so the aligner's command line can use them too.
 *
 * - `.txt`: as decoded.
 * - `.md`: Markdown syntax removed (headings, emphasis, links, images, code marks, quotes, list
 *   bullets, tables, front matter); each heading, list item and paragraph stays a paragraph.
 * - `.html`/`.htm`: parsed as data (htmlparser2); block elements make paragraphs, `<br>` a line
 *   break; scripts, styles, templates, embedded objects and media are dropped unread; nothing is
 *   fetched (images, links, frames are only names in the parse).
 * - `.docx`: `word/document.xml` alone is unzipped (fflate) and its paragraphs read (`w:p`, `w:t`,
 *   tabs and breaks); deleted revisions and field codes are skipped; macros, embedded objects and
 *   everything else in the package are never looked at.
 * - `.tmx` (bilingual): every `<tu>` with an English and/or Russian `<tuv>` is a unit; inline codes
 *   (`bpt`, `ept`, `ph`, `it`, `ut`) are dropped.
 * - `.tsv` (bilingual): `English<TAB>Russian` per line (further columns ignored; a header line
 *   naming the languages is skipped).
 */
import { strFromU8, unzipSync } from 'fflate';
import { Parser } from 'htmlparser2';
import type { SourceFormat, TextEncodingName } from '../../contract/ipc';
import { type DecodeOptions, DEFAULT_MAX_BYTES, decodeBytes } from './decode';
import { ImportError, displayName, formatBytes } from './errors';
import { type BookFormat, bookFormatOf, readBookSync, readDocxDocument, readHtmlDocument, readMarkdownDocument } from './books';
import type { StructuredParts } from './extracted';

export type { SourceFormat };
export type MonolingualFormat = 'txt' | 'md' | 'html' | 'docx' | BookFormat;
export type BilingualFormat = 'tmx' | 'tsv';


const EXTENSIONS: Readonly<Record<string, SourceFormat>> = {
  txt: 'txt',
  text: 'txt',
  md: 'md',
  markdown: 'md',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  docx: 'docx',
  tmx: 'tmx',
  tsv: 'tsv',
  tab: 'tsv',
};

const REFUSED_EXTENSIONS: Readonly<Record<string, string>> = {
  doc: 'an old Word document (.doc): save it as .docx or .txt',
  rtf: 'an RTF document: save it as .docx or .txt',
  xlsx: 'a spreadsheet: save the two columns as .tsv',
  csv: 'a CSV table: save it as tab-separated .tsv',
};

/** The format a file name says; unknown extensions are read as plain text. */
export function formatOf(fileName: string): SourceFormat {
  const name = displayName(fileName);
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  const book = bookFormatOf(name);
  if (book) return book;
  // Own keys only: a file called `x.constructor` is plain text, not `Object`'s constructor.
  const refused = Object.hasOwn(REFUSED_EXTENSIONS, ext) ? REFUSED_EXTENSIONS[ext] : undefined;
  if (refused) throw new ImportError('unsupported-format', `“${name}” is ${refused}`, name);
  return (Object.hasOwn(EXTENSIONS, ext) ? EXTENSIONS[ext] : undefined) ?? 'txt';
}

export interface TextDocument extends StructuredParts {
  format: MonolingualFormat;
  /** The document text: paragraphs separated by one blank line, ending with a newline. */
  text: string;
  encoding: TextEncodingName | 'docx' | 'epub' | 'odt' | 'pdf';
  /** A title the file gives (HTML `<title>`), if any. */
  title?: string;
  paragraphs: number;
  warnings: string[];
}

export interface BilingualUnit {
  en: string;
  ru: string;
}

export interface BilingualDocument {
  format: BilingualFormat;
  units: BilingualUnit[];
  encoding: TextEncodingName;
  warnings: string[];
}

export interface ReadOptions {
  maxBytes?: number;
}

/** Reads one text of a pair (.txt, .md, .html, .docx). */
export function readMonolingual(bytes: Uint8Array, fileName: string, options: ReadOptions = {}): TextDocument {
  const name = displayName(fileName);
  const format = formatOf(fileName);
  if (format === 'tmx' || format === 'tsv') {
    throw new ImportError('unsupported-format', `“${name}” is a bilingual file (${format.toUpperCase()}): import it on its own`, name);
  }
  if (format === 'pdf') throw new ImportError('unsupported-format', `“${name}” is a PDF: read it with readDocument (books.ts)`, name);
  if (format === 'epub' || format === 'fb2' || format === 'odt' || format === 'srt' || format === 'vtt') return readBookSync(bytes, name, format, options);
  if (format === 'html') return readHtmlDocument(bytes, name, options);
  if (format === 'md') return readMarkdownDocument(bytes, name, options);
  const decodeOptions: DecodeOptions = { maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES };
  if (format === 'docx') return readDocxDocument(bytes, name, options);
  const decoded = decodeBytes(bytes, name, decodeOptions);
  return finish('txt', textParagraphs(decoded.text), decoded.encoding, decoded.warnings, name);
}

function finish(
  format: MonolingualFormat,
  paragraphs: string[],
  encoding: TextEncodingName | 'docx',
  warnings: string[],
  name: string,
): TextDocument {
  const kept = paragraphs.map(cleanParagraph).filter((p) => p !== '');
  if (kept.length === 0) throw new ImportError('empty-file', `“${name}” holds no text`, name);
  return { format, text: documentText(kept), encoding, paragraphs: kept.length, warnings };
}

/** Paragraphs as the document format wants them: one blank line between, a final newline. */
export function documentText(paragraphs: readonly string[]): string {
  return `${paragraphs.join('\n\n')}\n`;
}

/** Leading and trailing spaces off each line (an indented line leaves no run of spaces), no blank lines inside, trimmed. */
function cleanParagraph(paragraph: string): string {
  return paragraph
    .split('\n')
    .map((line) => line.replace(/^[ \t\u00a0]+|[ \t\u00a0]+$/gu, ''))
    .filter((line) => line.trim() !== '')
    .join('\n')
    .trim();
}

/** Plain text: paragraphs are runs of non-blank lines. */
export function textParagraphs(text: string): string[] {
  return text.split(/\n[ \t\u00a0\f\v]*\n/u);
}

// ---- Markdown ----

/** Markdown → paragraphs of plain text. */
export function markdownParagraphs(markdown: string): string[] {
  let lines = markdown.split('\n');
  if (lines[0]?.trim() === '---') {
    const end = lines.findIndex((line, k) => k > 0 && (line.trim() === '---' || line.trim() === '...'));
    if (end > 0) lines = lines.slice(end + 1);
  }
  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length > 0) paragraphs.push(current.join('\n'));
    current = [];
  };
  let fence: string | undefined;
  for (const rawLine of lines) {
    if (fence !== undefined) {
      if (rawLine.trim().startsWith(fence)) {
        fence = undefined;
        flush();
      } else current.push(rawLine);
      continue;
    }
    const fenceOpen = /^ {0,3}(`{3,}|~{3,})/.exec(rawLine);
    if (fenceOpen) {
      flush();
      fence = fenceOpen[1]!;
      continue;
    }
    let line = rawLine;
    while (/^ {0,3}>/.test(line)) line = line.replace(/^ {0,3}> ?/, '');
    if (line.trim() === '') {
      flush();
      continue;
    }
    if (/^ {0,3}([-*_])( *\1){2,} *$/.test(line)) {
      // a thematic break, or a setext underline of the paragraph above: either way, a boundary
      flush();
      continue;
    }
    if (/^ {0,3}=+ *$/.test(line) && current.length > 0) {
      flush();
      continue;
    }
    if (/^ {0,3}\[[^\]]+\]: *\S+/.test(line)) continue; // link reference definition
    if (/^ *\|? *:?-{3,}:? *(\| *:?-{3,}:? *)*\|? *$/.test(line)) continue; // table separator
    const heading = /^ {0,3}#{1,6}(?: +(.*?))?(?: +#+)? *$/.exec(line);
    if (heading) {
      flush();
      current.push(inlineMarkdown(heading[1] ?? ''));
      flush();
      continue;
    }
    const item = /^ *(?:[-*+]|(\d{1,9}[.)])) +(.*)$/.exec(line);
    if (item) {
      flush();
      current.push(inlineMarkdown(item[1] ? `${item[1]} ${item[2]}` : item[2]!));
      continue;
    }
    if (/^ *\|.*\| *$/.test(line)) {
      flush();
      const cells = line.trim().slice(1, -1).split(/(?<!\\)\|/).map((cell) => inlineMarkdown(cell.trim()));
      current.push(cells.filter((c) => c !== '').join('\t'));
      flush();
      continue;
    }
    current.push(inlineMarkdown(line.replace(/^ {1,}/, '').replace(/ {2,}$/, '')));
  }
  flush();
  return paragraphs;
}

/** Inline Markdown → text. */
export function inlineMarkdown(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/!\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/(`+)(.+?)\1/g, '$2')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])/g, '$1')
    .replace(/(?<![\p{L}\p{N}_])_(?=\S)(.+?)(?<=\S)_(?![\p{L}\p{N}_])/gu, '$1')
    .replace(/~~(?=\S)(.+?)(?<=\S)~~/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, '$1');
}

// ---- HTML ----

const HTML_BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'html', 'legend', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'tfoot', 'thead', 'tr',
  'ul',
]);
/** Elements whose content is never text for the reader (and is never run or loaded). */
const HTML_SKIPPED = new Set([
  'script', 'style', 'template', 'noscript', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'audio', 'video',
  'picture', 'select', 'textarea', 'button', 'head',
]);

/** HTML → paragraphs (and the `<title>`). */
export function htmlParagraphs(html: string): { paragraphs: string[]; title?: string } {
  const paragraphs: string[] = [];
  let current = '';
  let skipDepth = 0;
  let preDepth = 0;
  let inTitle = false;
  let title = '';
  const flush = () => {
    const text = current
      .split('\n')
      .map((line) => line.replace(/[ \t\r\f]+/g, ' ').trim())
      .join('\n');
    if (text.trim() !== '') paragraphs.push(text);
    current = '';
  };
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === 'title') inTitle = true;
        if (HTML_SKIPPED.has(name)) {
          skipDepth++;
          return;
        }
        if (skipDepth > 0) return;
        if (name === 'br') current += '\n';
        else if (name === 'td' || name === 'th') current += '\t';
        else if (HTML_BLOCKS.has(name)) flush();
        if (name === 'pre') preDepth++;
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (HTML_SKIPPED.has(name)) {
          skipDepth = Math.max(0, skipDepth - 1);
          return;
        }
        if (skipDepth > 0) return;
        if (name === 'pre') preDepth = Math.max(0, preDepth - 1);
        if (HTML_BLOCKS.has(name)) flush();
      },
      ontext(data) {
        if (inTitle) {
          title += data;
          return;
        }
        if (skipDepth > 0) return;
        // Inside <pre> line breaks are kept (and a blank line there would split the paragraph: not wanted).
        current += preDepth > 0 ? data.replace(/\n[ \t]*(?=\n)/g, '\n') : data.replace(/[ \t\n\r\f]+/g, ' ');
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  flush();
  const cleanTitle = title.replace(/\s+/g, ' ').trim();
  return { paragraphs, ...(cleanTitle ? { title: cleanTitle } : {}) };
}

/** `<meta charset="…">` or `http-equiv` content in the first 2 KB, as the HTML spec's pre-scan does. */
export function declaredHtmlCharset(bytes: Uint8Array): string | undefined {
  const head = String.fromCharCode(...bytes.subarray(0, 2048));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return m?.[1];
}

// ---- DOCX ----

/** The paragraphs of a .docx (Office Open XML) document's body. */
export function docxParagraphs(bytes: Uint8Array, fileName: string, maxBytes = DEFAULT_MAX_BYTES): string[] {
  const name = displayName(fileName);
  if (bytes.length === 0) throw new ImportError('empty-file', `“${name}” is empty`, name);
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new ImportError(
      'unsupported-format',
      `“${name}” is an old Word document or a password-protected one; save it as .docx (without a password) or .txt`,
      name,
    );
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new ImportError('unsupported-format', `“${name}” is not a Word .docx document (not a ZIP package)`, name);
  }
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (file.name !== 'word/document.xml') return false;
        // A zip bomb: refuse before inflating.
        if (file.originalSize > maxBytes * 4) {
          throw new ImportError('too-large', `“${name}” holds ${formatBytes(file.originalSize)} of text XML; too large to import`, name);
        }
        return true;
      },
    });
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError('unsupported-format', `“${name}” is not a readable .docx (damaged ZIP package)`, name);
  }
  const xml = files['word/document.xml'];
  if (!xml) throw new ImportError('unsupported-format', `“${name}” is not a Word document (no word/document.xml)`, name);
  const text = xml[0] === 0xff || xml[0] === 0xfe ? decodeBytes(xml, name, { maxBytes: maxBytes * 4 }).text : strFromU8(xml);
  return docxXmlParagraphs(text);
}

/** Paragraphs of `word/document.xml`. */
export function docxXmlParagraphs(xml: string): string[] {
  const paragraphs: string[] = [];
  const stack: string[] = [];
  let skipDepth = 0;
  let inText = false;
  const SKIP = new Set(['w:del', 'w:delText', 'w:instrText', 'mc:Fallback', 'w:footnoteReference', 'w:endnoteReference']);
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIP.has(name)) {
          skipDepth++;
          return;
        }
        if (skipDepth > 0) return;
        if (name === 'w:p') stack.push('');
        else if (name === 'w:t') inText = true;
        else if (name === 'w:tab' || name === 'w:ptab') append('\t');
        else if (name === 'w:br' || name === 'w:cr') append('\n');
        else if (name === 'w:noBreakHyphen') append('\u2011');
        else if (name === 'w:softHyphen') append('\u00ad');
      },
      onclosetag(name) {
        if (SKIP.has(name)) {
          skipDepth = Math.max(0, skipDepth - 1);
          return;
        }
        if (skipDepth > 0) return;
        if (name === 'w:t') inText = false;
        else if (name === 'w:p') {
          const text = stack.pop() ?? '';
          if (text.trim() !== '') paragraphs.push(text.replace(/[ \t]+/g, (m) => (m.includes('\t') ? '\t' : ' ')));
        }
      },
      ontext(data) {
        if (skipDepth === 0 && inText) append(data);
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  function append(text: string) {
    if (stack.length > 0) stack[stack.length - 1] += text;
  }
  parser.write(xml);
  parser.end();
  return paragraphs;
}

// ---- Bilingual files ----

/** Reads a bilingual file (.tmx or .tsv): its English–Russian units. */
export function readBilingual(bytes: Uint8Array, fileName: string, options: ReadOptions = {}): BilingualDocument {
  const name = displayName(fileName);
  const format = formatOf(fileName);
  if (format !== 'tmx' && format !== 'tsv') {
    throw new ImportError(
      'unsupported-format',
      `“${name}” is not a bilingual file: one file must be .tmx or .tsv (English<TAB>Russian); otherwise choose two files`,
      name,
    );
  }
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (format === 'tmx') {
    const declared = /^[^>]*<\?xml[^>]*encoding\s*=\s*["']([\w-]+)/i.exec(String.fromCharCode(...bytes.subarray(0, 200)))?.[1];
    const decoded = decodeBytes(bytes, name, declared ? { maxBytes, declared } : { maxBytes });
    const { units, skipped } = parseTmx(decoded.text);
    if (units.length === 0) {
      throw new ImportError('unsupported-format', `“${name}” holds no English or Russian translation units`, name);
    }
    const warnings = [...decoded.warnings];
    if (skipped > 0) warnings.push(`${skipped} unit(s) without English or Russian skipped`);
    return { format, units, encoding: decoded.encoding, warnings };
  }
  const decoded = decodeBytes(bytes, name, { maxBytes });
  const { units, warnings } = parseTsv(decoded.text, name);
  return { format, units, encoding: decoded.encoding, warnings: [...decoded.warnings, ...warnings] };
}

const langOf = (value: string | undefined): 'en' | 'ru' | undefined => {
  const l = (value ?? '').toLowerCase();
  return l === 'en' || l.startsWith('en-') || l.startsWith('en_') ? 'en' : l === 'ru' || l.startsWith('ru-') || l.startsWith('ru_') ? 'ru' : undefined;
};

/** TMX (any version) → units; `<tu>`s with neither language are counted as skipped. */
export function parseTmx(xml: string): { units: BilingualUnit[]; skipped: number } {
  const units: BilingualUnit[] = [];
  let skipped = 0;
  let unit: { en?: string; ru?: string } | undefined;
  let lang: 'en' | 'ru' | undefined;
  let seg: string | undefined;
  let codeDepth = 0;
  const CODES = new Set(['bpt', 'ept', 'ph', 'it', 'ut']);
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const tag = name.toLowerCase();
        if (tag === 'tu') unit = {};
        else if (tag === 'tuv') lang = langOf(attributes['xml:lang'] ?? attributes.lang);
        else if (tag === 'seg') seg = '';
        else if (CODES.has(tag) && seg !== undefined) codeDepth++;
      },
      onclosetag(name) {
        const tag = name.toLowerCase();
        if (CODES.has(tag) && seg !== undefined) codeDepth = Math.max(0, codeDepth - 1);
        else if (tag === 'seg') {
          if (unit && lang && seg !== undefined && unit[lang] === undefined) unit[lang] = oneLine(seg);
          seg = undefined;
        } else if (tag === 'tuv') lang = undefined;
        else if (tag === 'tu') {
          if (unit && ((unit.en ?? '') !== '' || (unit.ru ?? '') !== '')) units.push({ en: unit.en ?? '', ru: unit.ru ?? '' });
          else skipped++;
          unit = undefined;
        }
      },
      ontext(data) {
        if (seg !== undefined && codeDepth === 0) seg += data;
      },
    },
    { xmlMode: true, decodeEntities: true, recognizeCDATA: true },
  );
  parser.write(xml);
  parser.end();
  return { units, skipped };
}

const HEADER_EN = /^(en|eng|english|source|английский)$/i;
const HEADER_RU = /^(ru|rus|russian|target|русский)$/i;

/** `English<TAB>Russian` per line; a line without a tab is English alone. */
export function parseTsv(text: string, fileName = 'the file'): { units: BilingualUnit[]; warnings: string[] } {
  const name = displayName(fileName);
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const first = lines[0]?.split('\t');
  if (first && first.length >= 2 && HEADER_EN.test(first[0]!.trim()) && HEADER_RU.test(first[1]!.trim())) lines.shift();
  let untabbed = 0;
  const units = lines.map((line) => {
    const fields = line.split('\t');
    if (fields.length < 2) untabbed++;
    return { en: oneLine(fields[0] ?? ''), ru: oneLine(fields[1] ?? '') };
  });
  if (units.length === 0) throw new ImportError('empty-file', `“${name}” holds no lines`, name);
  if (untabbed * 2 > units.length) {
    throw new ImportError('unsupported-format', `“${name}” is not tab-separated (English<TAB>Russian on each line)`, name);
  }
  const warnings = untabbed > 0 ? [`${untabbed} line(s) without a tab were read as English only`] : [];
  return { units: units.filter((u) => u.en !== '' || u.ru !== ''), warnings };
}

/** Line breaks and runs of spaces become one space (no-break spaces are kept: they are text). */
const oneLine = (text: string) => text.replace(/[ \t\n\r\f\v]+/g, ' ').trim();

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
  return { en: documentText(en), ru: documentText(ru), rows };
}

/** A title-like first paragraph: short, one line, not ending like a sentence. */
export function titleFrom(text: string): string | undefined {
  const first = text.split('\n\n', 1)[0]?.trim() ?? '';
  if (first === '' || first.length > 160 || first.includes('\n') || /[.;:,]$/.test(first)) return undefined;
  return first;
}
