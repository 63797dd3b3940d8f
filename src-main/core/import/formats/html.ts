/**
 * `.html`/`.htm`: parsed as data (htmlparser2); block elements make paragraphs, `<br>` a line
 * break; scripts, styles, templates, embedded objects and media are dropped unread; nothing is
 * fetched (images, links, frames are only names in the parse). The text is fed to the parser in
 * slices and each paragraph charged as it closes.
 */
import { Parser } from 'htmlparser2';
import { decodeBytes } from '../decode';
import { ParagraphSink } from './paragraphs';
import type { TextReader } from './reader';

export const htmlReader: TextReader = {
  kind: 'text',
  format: 'html',
  extensions: ['html', 'htm', 'xhtml'],
  read(bytes, { budget, limits }) {
    const declared = declaredHtmlCharset(bytes);
    const options = { maxBytes: limits.maxFileBytes, ...(declared ? { declared } : {}) };
    const decoded = decodeBytes(bytes, budget.name, options);
    const sink = new ParagraphSink(budget);
    const { title } = forEachHtmlParagraph(decoded.text, (p, heading) => sink.add(p, heading), (n) => sink.pending(n));
    return sink.finish('html', decoded.encoding, decoded.warnings, title);
  },
};

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
  // Page furniture, not the text: site navigation, the page's header and footer (an article's own
  // are kept), side boxes.
  'nav', 'header', 'footer', 'aside',
]);
/** The most of a `<title>` kept. */
const MAX_TITLE = 1000;
/** Characters given to the parser at a time. */
export const PARSE_SLICE = 1 << 16;

const HEADING = /^h([1-6])$/;
/** An article's or a section's own `header` and `footer` (where its heading often is) are its text, not page furniture. */
const SECTIONING = new Set(['article', 'section', 'main']);
const OWN_FURNITURE = new Set(['header', 'footer']);

/** HTML → paragraphs (and the `<title>`). */
export function htmlParagraphs(html: string): { paragraphs: string[]; title?: string } {
  const paragraphs: string[] = [];
  return { paragraphs, ...forEachHtmlParagraph(html, (p) => paragraphs.push(p)) };
}

/** Calls `emit` for each paragraph as it closes (`heading`: its level, for `h1`–`h6`); answers the `<title>`. */
export function forEachHtmlParagraph(html: string, emit: (paragraph: string, heading?: number) => void, pending?: (length: number) => void): { title?: string } {
  let current = '';
  /** The level of the heading being read, if one is open. */
  let heading: number | undefined;
  let skipDepth = 0;
  let preDepth = 0;
  /** Open `article`, `section` and `main` elements: a `header` or `footer` inside one is its own, and kept. */
  let sectioning = 0;
  /** Open `header`/`footer` elements kept as part of the text. */
  let ownFurniture = 0;
  let inTitle = false;
  let title = '';
  const flush = () => {
    const text = current
      .split('\n')
      .map((line) => line.replace(/[ \t\r\f]+/g, ' ').trim())
      .join('\n');
    if (text.trim() !== '') emit(text, heading);
    current = '';
  };
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === 'title') inTitle = true;
        if (skipDepth === 0 && sectioning > 0 && OWN_FURNITURE.has(name)) {
          ownFurniture++;
          flush();
          return;
        }
        if (HTML_SKIPPED.has(name)) {
          skipDepth++;
          return;
        }
        if (skipDepth > 0) return;
        if (SECTIONING.has(name)) sectioning++;
        const level = HEADING.exec(name)?.[1];
        if (level) {
          flush();
          heading = Number(level);
        } else if (name === 'br') current += '\n';
        else if (name === 'td' || name === 'th') current += '\t';
        else if (HTML_BLOCKS.has(name)) flush();
        if (name === 'pre') preDepth++;
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (skipDepth === 0 && ownFurniture > 0 && OWN_FURNITURE.has(name)) {
          ownFurniture--;
          flush();
          return;
        }
        if (HTML_SKIPPED.has(name)) {
          skipDepth = Math.max(0, skipDepth - 1);
          return;
        }
        if (skipDepth > 0) return;
        if (SECTIONING.has(name)) sectioning = Math.max(0, sectioning - 1);
        if (name === 'pre') preDepth = Math.max(0, preDepth - 1);
        if (HEADING.test(name)) {
          flush();
          heading = undefined;
        } else if (HTML_BLOCKS.has(name)) flush();
      },
      ontext(data) {
        if (inTitle) {
          if (title.length < MAX_TITLE) title += data;
          return;
        }
        if (skipDepth > 0) return;
        // Inside <pre> line breaks are kept (and a blank line there would split the paragraph: not wanted).
        current += preDepth > 0 ? data.replace(/\n[ \t]*(?=\n)/g, '\n') : data.replace(/[ \t\n\r\f]+/g, ' ');
        pending?.(current.length);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  for (let at = 0; at < html.length; at += PARSE_SLICE) parser.write(html.slice(at, at + PARSE_SLICE));
  parser.end();
  flush();
  const cleanTitle = title.replace(/\s+/g, ' ').trim().slice(0, 300);
  return cleanTitle ? { title: cleanTitle } : {};
}

/** `<meta charset="…">` or `http-equiv` content in the first 2 KB, as the HTML spec's pre-scan does. */
export function declaredHtmlCharset(bytes: Uint8Array): string | undefined {
  const head = String.fromCharCode(...bytes.subarray(0, 2048));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return m?.[1];
}
