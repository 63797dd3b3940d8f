/**
 * `.html`/`.htm`: read by the one HTML reader (`../html-blocks.ts`, htmlparser2) as a web page —
 * block elements make paragraphs, `<br>` a line break, headings stay headings; scripts, styles,
 * embedded objects, media and the page's furniture (`nav`, `header`, `footer`, `aside`; an
 * article's own header and footer are kept) are dropped unread; nothing is fetched; footnotes
 * (`role="doc-footnote"`, `epub:type="footnote"`) are kept apart as notes. Each paragraph is
 * charged as it closes.
 */
import { decodeBytes } from '../decode';
import type { DocumentNote } from '../extracted';
import { walkHtml } from '../html-blocks';
import { importWarning } from '../warnings';
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
    // Footnotes are kept apart (never lost with the page's side boxes), each with the paragraph that refers to it.
    const notes: DocumentNote[] = [];
    const references = new Map<string, { paragraph: number; mark: string }>();
    const { title } = walkHtml(
      decoded.text,
      {
        block: (p, heading) => sink.add(p, heading),
        pending: (n) => sink.pending(n),
        note: (note) => notes.push(note),
        noteRef: (href) => {
          if (!href.startsWith('#') || references.has(href.slice(1))) return undefined;
          // The first reference to a note: a placeholder where it stands, for the note's mark in the text.
          const mark = `r${references.size}`;
          references.set(href.slice(1), { paragraph: sink.kept.length, mark });
          return mark;
        },
      },
      { furniture: 'page' },
    );
    const doc = sink.finish('html', decoded.encoding, decoded.warnings, title);
    if (notes.length === 0) return doc;
    const placed = notes.map((note) => {
      const ref = note.id === undefined ? undefined : references.get(note.id);
      const at = ref ? sink.marks.get(ref.mark) : undefined;
      if (at) return { ...note, ...at };
      const paragraph = ref?.paragraph;
      return paragraph !== undefined && paragraph < doc.paragraphs ? { ...note, paragraph } : note;
    });
    return { ...doc, notes: placed, warnings: [...doc.warnings, importWarning('notes-apart', { count: notes.length })] };
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
