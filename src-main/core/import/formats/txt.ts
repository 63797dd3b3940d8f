/** `.txt`: paragraphs are runs of non-blank lines of the decoded text. */
import { decodeBytes } from '../decode';
import { ParagraphSink } from './paragraphs';
import type { TextReader } from './reader';

export const txtReader: TextReader = {
  kind: 'text',
  format: 'txt',
  extensions: ['txt', 'text'],
  read(bytes, { budget, limits }) {
    const decoded = decodeBytes(bytes, budget.name, { maxBytes: limits.maxFileBytes });
    const sink = new ParagraphSink(budget);
    forEachParagraph(decoded.text, (p) => sink.add(p));
    return sink.finish('txt', decoded.encoding, decoded.warnings);
  },
};

const BLANK_LINE = /\n[ \t\u00a0\f\v]*\n/g;

/** Plain text: calls `each` for every run of non-blank lines, in order, without splitting it all at once. */
export function forEachParagraph(text: string, each: (paragraph: string) => void): void {
  const blank = new RegExp(BLANK_LINE.source, 'g');
  let start = 0;
  for (let m = blank.exec(text); m; m = blank.exec(text)) {
    each(text.slice(start, m.index));
    start = m.index + m[0].length;
  }
  each(text.slice(start));
}

/** Plain text → paragraphs (as `forEachParagraph`). */
export function textParagraphs(text: string): string[] {
  const out: string[] = [];
  forEachParagraph(text, (p) => out.push(p));
  return out;
}
