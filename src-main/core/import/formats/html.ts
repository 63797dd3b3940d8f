/**
 * `.html`/`.htm`: read by the one HTML reader (`../html-blocks.ts`, htmlparser2) as a web page —
 * block elements make paragraphs, `<br>` a line break, headings stay headings; scripts, styles,
 * embedded objects, media and the page's furniture (`nav`, `header`, `footer`, `aside`; an
 * article's own header and footer are kept) are dropped unread; nothing is fetched. Each
 * paragraph is charged as it closes.
 */
import { decodeBytes } from '../decode';
import { walkHtml } from '../html-blocks';
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

/** HTML → paragraphs (and the `<title>`). */
export function htmlParagraphs(html: string): { paragraphs: string[]; title?: string } {
  const paragraphs: string[] = [];
  return { paragraphs, ...forEachHtmlParagraph(html, (p) => paragraphs.push(p)) };
}

/** Calls `emit` for each paragraph as it closes (`heading`: its level, for `h1`–`h6`); answers the `<title>`. */
export function forEachHtmlParagraph(html: string, emit: (paragraph: string, heading?: number) => void, pending?: (length: number) => void): { title?: string } {
  return walkHtml(html, { block: emit, ...(pending ? { pending } : {}) }, { furniture: 'page' });
}

/** `<meta charset="…">` or `http-equiv` content in the first 2 KB, as the HTML spec's pre-scan does. */
export function declaredHtmlCharset(bytes: Uint8Array): string | undefined {
  const head = String.fromCharCode(...bytes.subarray(0, 2048));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return m?.[1];
}
