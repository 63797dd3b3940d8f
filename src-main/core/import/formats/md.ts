/**
 * `.md`: Markdown syntax removed (headings, emphasis, links, images, code marks, quotes, list
 * bullets, tables, front matter); each heading, list item and paragraph stays a paragraph.
 */
import { decodeBytes } from '../decode';
import { ParagraphSink, forEachLine } from './paragraphs';
import type { TextReader } from './reader';

export const markdownReader: TextReader = {
  kind: 'text',
  format: 'md',
  extensions: ['md', 'markdown'],
  read(bytes, { budget, limits }) {
    const decoded = decodeBytes(bytes, budget.name, { maxBytes: limits.maxFileBytes });
    const sink = new ParagraphSink(budget);
    forEachMarkdownParagraph(decoded.text, (p, heading) => sink.add(p, heading));
    return sink.finish('md', decoded.encoding, decoded.warnings);
  },
};

const MAX_FRONT_MATTER_LINES = 1000;

/** Markdown → paragraphs of plain text. */
export function markdownParagraphs(markdown: string): string[] {
  const out: string[] = [];
  forEachMarkdownParagraph(markdown, (p) => out.push(p));
  return out;
}

/**
 * Calls `emit` for each paragraph of plain text, in order (the text is read line by line);
 * `heading` is a heading's level (ATX `#`…`######`, setext `===` 1 and `---` 2).
 */
export function forEachMarkdownParagraph(markdown: string, emit: (paragraph: string, heading?: number) => void): void {
  let current: string[] = [];
  /** Whether `current` is a run of paragraph lines (which a setext underline would make a heading). */
  let inParagraph = false;
  const flush = (heading?: number) => {
    if (current.length > 0) emit(current.join('\n'), heading);
    current = [];
    inParagraph = false;
  };
  // Front matter: a first line `---` up to a closing `---` or `...`; without one, it was no front matter.
  let frontMatter: string[] | undefined;
  let first = true;
  let fence: string | undefined;
  const body = (rawLine: string) => {
    if (fence !== undefined) {
      if (rawLine.trim().startsWith(fence)) {
        fence = undefined;
        flush();
      } else current.push(rawLine);
      return;
    }
    const fenceOpen = /^ {0,3}(`{3,}|~{3,})/.exec(rawLine);
    if (fenceOpen) {
      flush();
      fence = fenceOpen[1]!;
      return;
    }
    let line = rawLine;
    while (/^ {0,3}>/.test(line)) line = line.replace(/^ {0,3}> ?/, '');
    if (line.trim() === '') return flush();
    // a setext underline of the paragraph above makes it a heading; otherwise `---` is a thematic break
    if (inParagraph && /^ {0,3}=+ *$/.test(line)) return flush(1);
    if (inParagraph && /^ {0,3}-+ *$/.test(line)) return flush(2);
    if (/^ {0,3}([-*_])( *\1){2,} *$/.test(line)) return flush();
    if (/^ {0,3}\[[^\]]+\]: *\S+/.test(line)) return; // link reference definition
    if (/^ *\|? *:?-{3,}:? *(\| *:?-{3,}:? *)*\|? *$/.test(line)) return; // table separator
    const heading = /^ {0,3}#{1,6}(?: +(.*?))?(?: +#+)? *$/.exec(line);
    if (heading) {
      flush();
      current.push(inlineMarkdown(heading[1] ?? ''));
      return flush(line.trimStart().match(/^#+/)![0].length);
    }
    const item = /^ *(?:[-*+]|(\d{1,9}[.)])) +(.*)$/.exec(line);
    if (item) {
      flush();
      current.push(inlineMarkdown(item[1] ? `${item[1]} ${item[2]}` : item[2]!));
      return;
    }
    if (/^ *\|.*\| *$/.test(line)) {
      flush();
      const cells = line.trim().slice(1, -1).split(/(?<!\\)\|/).map((cell) => inlineMarkdown(cell.trim()));
      current.push(cells.filter((c) => c !== '').join('\t'));
      return flush();
    }
    current.push(inlineMarkdown(line.replace(/^ {1,}/, '').replace(/ {2,}$/, '')));
    inParagraph = true;
  };
  const replayFrontMatter = () => {
    const lines = frontMatter ?? [];
    frontMatter = undefined;
    for (const line of lines) body(line);
  };
  forEachLine(markdown, (line) => {
    if (first) {
      first = false;
      if (line.trim() === '---') {
        frontMatter = [line];
        return;
      }
    } else if (frontMatter) {
      if (line.trim() === '---' || line.trim() === '...') frontMatter = undefined;
      else frontMatter.push(line);
      // Front matter is short: a long run of lines after a first `---` is the text itself.
      if (frontMatter && frontMatter.length > MAX_FRONT_MATTER_LINES) replayFrontMatter();
      return;
    }
    body(line);
  });
  // An unclosed front matter was text after all.
  if (frontMatter) replayFrontMatter();
  flush();
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
