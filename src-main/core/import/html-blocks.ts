/**
 * HTML and XHTML → blocks (headings and paragraphs), for `.html` files and EPUB chapters. Parsed as
 * data by htmlparser2: no script runs, nothing is fetched (images, links, frames, styles are only
 * names in the parse). Left out: scripts, styles, forms, media, and page furniture — `nav`,
 * `header`, `footer`, `aside` (in EPUB chapters, `header` and `footer` belong to the chapter and stay). Footnotes (EPUB `epub:type="footnote"`/`endnote`, or
 * `role="doc-footnote"`/`doc-endnote`) are kept apart as notes; note references (`noteref`) are
 * dropped from the body text.
 */
import { Parser } from 'htmlparser2';
import type { Block, DocumentNote } from './extracted';
import type { ExtractBudget } from './extracted';

const BLOCKS = new Set([
  'address', 'article', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'form', 'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'ol', 'p', 'pre', 'section',
  'summary', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul',
]);
/** Never text for the reader (and never run or loaded). */
const SKIPPED = new Set([
  'script', 'style', 'template', 'noscript', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'audio', 'video',
  'picture', 'select', 'textarea', 'button', 'head', 'nav', 'header', 'footer', 'aside',
]);
/** In an EPUB chapter `header` and `footer` are the chapter's own (its title is often in the header): kept. */
const SKIPPED_IN_BOOKS = new Set([...SKIPPED].filter((name) => name !== 'header' && name !== 'footer'));
const HEADING = /^h([1-6])$/;
const NOTE_TYPES = /\b(footnote|endnote|rearnote|note)\b/;
const NOTE_ROLES = /\bdoc-(footnote|endnote)\b/;

export interface HtmlBlocks {
  blocks: Block[];
  title?: string;
  /** Element ids → the index of the first block at or after the element. */
  ids: Map<string, number>;
  notes: DocumentNote[];
}

const isNote = (name: string, attributes: Record<string, string>) => {
  const type = attributes['epub:type'] ?? '';
  const role = attributes.role ?? '';
  return (name === 'aside' || name === 'section' || name === 'div' || name === 'li' || name === 'p') && (NOTE_TYPES.test(type) || NOTE_ROLES.test(role)) && !/\bnoteref\b/.test(type);
};
const isNoteRef = (attributes: Record<string, string>) => /\bnoteref\b/.test(attributes['epub:type'] ?? '') || /\bdoc-noteref\b/.test(attributes.role ?? '');

/** Parses one HTML/XHTML document into blocks. `xml`: XHTML (EPUB) — CDATA sections are text. */
export function htmlBlocks(html: string, options: { xml?: boolean; budget?: ExtractBudget } = {}): HtmlBlocks {
  const blocks: Block[] = [];
  const notes: DocumentNote[] = [];
  const ids = new Map<string, number>();
  let current = '';
  let heading: number | undefined;
  let skipDepth = 0;
  let preDepth = 0;
  let inTitle = false;
  let title = '';
  /** While inside a note: its depth in the element stack, id and text so far. */
  let note: { depth: number; id?: string; text: string } | undefined;
  let noteRefDepth = 0;
  let depth = 0;
  const skipped = options.xml ? SKIPPED_IN_BOOKS : SKIPPED;

  const flush = () => {
    const text = current
      .split('\n')
      .map((line) => line.replace(/[ \t\r\f]+/g, ' ').trim())
      .filter((line) => line !== '')
      .join('\n');
    current = '';
    if (text === '') return;
    if (note) {
      note.text += (note.text ? '\n' : '') + text;
      return;
    }
    options.budget?.add(text);
    if (heading !== undefined) blocks.push({ kind: 'heading', level: heading, text: text.replace(/\n/g, ' ') });
    else blocks.push({ kind: 'paragraph', text });
  };

  const parser = new Parser(
    {
      onopentag(rawName, attributes) {
        const name = rawName.toLowerCase();
        depth++;
        if (name === 'title' && !inTitle) {
          inTitle = true;
          return;
        }
        if (skipDepth > 0) {
          if (skipped.has(name)) skipDepth++;
          return;
        }
        if (!note && isNote(name, attributes)) {
          flush();
          note = { depth, ...(attributes.id ? { id: attributes.id } : {}), text: '' };
          return;
        }
        if (noteRefDepth > 0 || (name === 'a' && isNoteRef(attributes))) {
          noteRefDepth++;
          return;
        }
        if (skipped.has(name)) {
          skipDepth++;
          return;
        }
        const level = HEADING.exec(name)?.[1];
        if (level) {
          flush();
          heading = Number(level);
        } else if (name === 'br') current += '\n';
        else if (name === 'td' || name === 'th') current += '\t';
        else if (BLOCKS.has(name)) flush();
        if (name === 'pre') preDepth++;
        if (attributes.id && !note && !ids.has(attributes.id)) ids.set(attributes.id, blocks.length);
      },
      onclosetag(rawName) {
        const name = rawName.toLowerCase();
        const closing = depth;
        depth--;
        if (name === 'title' && inTitle) {
          inTitle = false;
          return;
        }
        if (skipDepth > 0) {
          if (skipped.has(name)) skipDepth--;
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
          if (text) notes.push({ ...(note.id ? { id: note.id } : {}), ...(label ? { label: label[1]!.replace(/[[\]]/g, '') } : {}), text: label ? text.slice(label[0].length) : text });
          note = undefined;
          return;
        }
        if (name === 'pre') preDepth = Math.max(0, preDepth - 1);
        if (HEADING.test(name)) {
          flush();
          heading = undefined;
        } else if (BLOCKS.has(name)) flush();
      },
      ontext(data) {
        if (inTitle) {
          title += data;
          return;
        }
        if (skipDepth > 0 || noteRefDepth > 0) return;
        current += preDepth > 0 ? data.replace(/\n[ \t]*(?=\n)/g, '\n') : data.replace(/[ \t\n\r\f]+/g, ' ');
      },
    },
    // HTML mode for XHTML too: it knows every named entity (`&nbsp;` in EPUBs without a DTD), and
    // self-closing tags are honoured either way.
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true, recognizeCDATA: options.xml ?? false },
  );
  parser.write(html);
  parser.end();
  flush();
  const cleanTitle = title.replace(/\s+/g, ' ').trim();
  return { blocks, ids, notes, ...(cleanTitle ? { title: cleanTitle } : {}) };
}

/** Runs of spaces, case and trailing punctuation aside: is `a` the same line as `b`? */
export const sameLine = (a: string, b: string) => {
  const norm = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').replace(/[.:;,\s]+$/, '').trim().toLocaleLowerCase();
  return norm(a) === norm(b);
};
