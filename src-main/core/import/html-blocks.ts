/**
 * The one HTML/XHTML reader: `walkHtml` turns a document into its blocks (headings and
 * paragraphs), as they close, for both `.html` files (`formats/html.ts`, which charges each
 * paragraph to the import's budget as it comes) and EPUB chapters (`htmlBlocks`, here). Parsed as
 * data by htmlparser2: no script runs, nothing is fetched (images, links, frames, styles are only
 * names in the parse). The text is fed to the parser in slices.
 *
 * Left out everywhere: scripts, styles, templates, forms, embedded objects, media, the `<head>`
 * (its `<title>` is answered apart). Page furniture depends on what is read:
 * - a web page (`furniture: 'page'`): `nav`, `header`, `footer` and `aside` are the site's, left
 *   out — except an article's, a section's or `main`'s own `header` and `footer` (where its
 *   heading often is), which are its text;
 * - a book chapter (`furniture: 'book'`): `header` and `footer` are the chapter's own and stay;
 *   `nav` and `aside` are left out.
 * In both, when the walker takes notes, footnotes (EPUB `epub:type="footnote"`/`endnote`, or
 * `role="doc-footnote"`/`doc-endnote`, an `aside` too) are kept apart as notes, and note
 * references (`noteref`) are dropped from the text — each remembered with the block it was in.
 */
import { Parser } from 'htmlparser2';
import type { Block, DocumentNote, ExtractBudget } from './extracted';
import { noteMark } from './note-marks';

const BLOCKS = new Set([
  'address', 'article', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'form', 'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'ol', 'p', 'pre', 'section',
  'summary', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul',
]);
/** Never text for the reader (and never run or loaded). */
const SKIPPED = new Set([
  'script', 'style', 'template', 'noscript', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'audio', 'video',
  'picture', 'select', 'textarea', 'button', 'head', 'nav', 'aside',
]);
/** `header` and `footer`: a page's furniture, or a chapter's (or an article's) own text. */
const FURNITURE = new Set(['header', 'footer']);
/** An article's or a section's own `header` and `footer` are its text, not page furniture. */
const SECTIONING = new Set(['article', 'section', 'main']);
const HEADING = /^h([1-6])$/;
const NOTE_TYPES = /\b(footnote|endnote|rearnote|note)\b/;
const NOTE_ROLES = /\bdoc-(footnote|endnote)\b/;
/** The most of a `<title>` read. */
const MAX_TITLE = 1000;
/** Characters given to the parser at a time. */
export const PARSE_SLICE = 1 << 16;

const isNote = (name: string, attributes: Record<string, string>) => {
  const type = attributes['epub:type'] ?? '';
  const role = attributes.role ?? '';
  return (name === 'aside' || name === 'section' || name === 'div' || name === 'li' || name === 'p') && (NOTE_TYPES.test(type) || NOTE_ROLES.test(role)) && !/\bnoteref\b/.test(type);
};
const isNoteRef = (attributes: Record<string, string>) => /\bnoteref\b/.test(attributes['epub:type'] ?? '') || /\bdoc-noteref\b/.test(attributes.role ?? '');

export interface HtmlWalker {
  /** A block as it closes (`heading`: its level, for `h1`–`h6`); its lines trimmed, blank lines out, never empty. */
  block(text: string, heading?: number): void;
  /** The text of the block still open has grown to `length` characters (to refuse early). */
  pending?(length: number): void;
  /** An element with an id opens (not inside a note): the next block is where it points. */
  id?(id: string): void;
  /** A footnote or endnote, whole, as it closes (without this, notes are read as text, or left out in an `aside`). */
  note?(note: DocumentNote): void;
  /**
   * A note reference: its `href`, in the block still open (dropped from the text when the walker
   * takes notes). Answering a key leaves a placeholder for it where the mark stood (`note-marks.ts`).
   */
  noteRef?(href: string): string | undefined;
}

export interface HtmlWalkOptions {
  furniture: 'page' | 'book';
  /** XHTML (EPUB): CDATA sections are text. */
  xml?: boolean;
}

/** Reads `html`, calling `walker` for each block (and note); answers the `<title>`. */
export function walkHtml(html: string, walker: HtmlWalker, { furniture, xml = false }: HtmlWalkOptions): { title?: string } {
  const book = furniture === 'book';
  const notes = walker.note !== undefined;
  let current = '';
  /** The level of the heading being read, if one is open. */
  let heading: number | undefined;
  let skipDepth = 0;
  let preDepth = 0;
  /** Open `article`, `section` and `main` elements (a web page: a `header` or `footer` inside one is kept). */
  let sectioning = 0;
  /** Open `header`/`footer` elements kept as text. */
  let keptFurniture = 0;
  let titleState: 'before' | 'in' | 'after' = 'before';
  let title = '';
  /** While inside a note: its depth in the element stack, id and text so far. */
  let note: { depth: number; id?: string; text: string } | undefined;
  let noteRefDepth = 0;
  let depth = 0;

  const flush = () => {
    if (current === '') return;
    const text = current
      .split('\n')
      .map((line) => line.replace(/[ \t\r\f]+/g, ' ').trim())
      .filter((line) => line !== '')
      .join('\n');
    current = '';
    if (text === '') return;
    if (note) note.text += (note.text ? '\n' : '') + text;
    else walker.block(heading !== undefined ? text.replace(/\n/g, ' ') : text, heading);
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        depth++;
        if (name === 'title') {
          if (titleState === 'before') titleState = 'in';
          return;
        }
        if (skipDepth > 0) {
          if (SKIPPED.has(name) || (!book && FURNITURE.has(name))) skipDepth++;
          return;
        }
        if (notes && !note && isNote(name, attributes)) {
          flush();
          note = { depth, ...(attributes.id ? { id: attributes.id } : {}), text: '' };
          return;
        }
        if (noteRefDepth > 0) {
          noteRefDepth++;
          return;
        }
        if (notes && name === 'a' && isNoteRef(attributes)) {
          noteRefDepth++;
          const key = !note && attributes.href ? walker.noteRef?.(attributes.href) : undefined;
          if (key !== undefined) current += noteMark(key);
          return;
        }
        if (FURNITURE.has(name)) {
          if (!book && sectioning === 0) {
            skipDepth++;
            return;
          }
          keptFurniture++;
          flush();
        } else if (SKIPPED.has(name)) {
          skipDepth++;
          return;
        }
        if (SECTIONING.has(name)) sectioning++;
        const level = HEADING.exec(name)?.[1];
        if (level) {
          flush();
          heading = Number(level);
        } else if (name === 'br') current += '\n';
        else if (name === 'td' || name === 'th') current += '\t';
        else if (BLOCKS.has(name)) flush();
        if (name === 'pre') preDepth++;
        if (attributes.id && !note) walker.id?.(attributes.id);
      },
      onclosetag(name) {
        const closing = depth;
        depth--;
        if (name === 'title') {
          if (titleState === 'in') titleState = 'after';
          return;
        }
        if (skipDepth > 0) {
          if (SKIPPED.has(name) || (!book && FURNITURE.has(name))) skipDepth--;
          return;
        }
        if (noteRefDepth > 0) {
          noteRefDepth--;
          return;
        }
        if (note && closing === note.depth) {
          flush();
          const text = note.text.trim();
          const label = /^\s*(\[?\d{1,4}\]?|\*{1,3}|†|‡)[.)]?\s+/.exec(text);
          if (text) walker.note?.({ ...(note.id ? { id: note.id } : {}), ...(label ? { label: label[1]!.replace(/[[\]]/g, '') } : {}), text: label ? text.slice(label[0].length) : text });
          note = undefined;
          return;
        }
        if (FURNITURE.has(name)) {
          keptFurniture = Math.max(0, keptFurniture - 1);
          flush();
          return;
        }
        if (SECTIONING.has(name)) sectioning = Math.max(0, sectioning - 1);
        if (name === 'pre') preDepth = Math.max(0, preDepth - 1);
        if (HEADING.test(name)) {
          flush();
          heading = undefined;
        } else if (BLOCKS.has(name)) flush();
      },
      ontext(data) {
        if (titleState === 'in') {
          if (title.length < MAX_TITLE) title += data;
          return;
        }
        if (skipDepth > 0 || noteRefDepth > 0) return;
        // Inside <pre> line breaks are kept (and a blank line there would split the paragraph: not wanted).
        current += preDepth > 0 ? data.replace(/\n[ \t]*(?=\n)/g, '\n') : data.replace(/[ \t\n\r\f]+/g, ' ');
        walker.pending?.(current.length);
      },
    },
    // HTML mode for XHTML too: it knows every named entity (`&nbsp;` in EPUBs without a DTD), and
    // self-closing tags are honoured either way.
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true, recognizeCDATA: xml },
  );
  for (let at = 0; at < html.length; at += PARSE_SLICE) parser.write(html.slice(at, at + PARSE_SLICE));
  parser.end();
  flush();
  const cleanTitle = title.replace(/\s+/g, ' ').trim().slice(0, 300);
  return cleanTitle ? { title: cleanTitle } : {};
}

export interface HtmlBlocks {
  blocks: Block[];
  title?: string;
  /** Element ids → the index of the first block at or after the element. */
  ids: Map<string, number>;
  notes: DocumentNote[];
  /** Note references: the `href`, the block it is in and the key of its placeholder there. */
  noteRefs: Array<{ href: string; block: number; mark: string }>;
}

/** An EPUB chapter (XHTML, read as a book chapter) → its blocks, notes and anchors; each block charged to `budget`. */
export function htmlBlocks(html: string, options: { xml?: boolean; budget?: ExtractBudget; /** The keys of the placeholders start here (one book's chapters share keys). */ firstMark?: number } = {}): HtmlBlocks {
  const blocks: Block[] = [];
  const notes: DocumentNote[] = [];
  const ids = new Map<string, number>();
  const noteRefs: HtmlBlocks['noteRefs'] = [];
  const { title } = walkHtml(
    html,
    {
      block(text, heading) {
        options.budget?.add(text);
        blocks.push(heading !== undefined ? { kind: 'heading', level: heading, text } : { kind: 'paragraph', text });
      },
      id(id) {
        if (!ids.has(id)) ids.set(id, blocks.length);
      },
      note: (note) => notes.push(note),
      noteRef: (href) => {
        const mark = `r${(options.firstMark ?? 0) + noteRefs.length}`;
        noteRefs.push({ href, block: blocks.length, mark });
        return mark;
      },
    },
    { furniture: 'book', xml: options.xml ?? false },
  );
  return { blocks, ids, notes, noteRefs, ...(title ? { title } : {}) };
}
