/**
 * Where a footnote's reference mark stood in its paragraph. A reader that drops a reference from
 * the text (EPUB `noteref`, FB2 `<a type="note">`, ODT `text:note`, docx `w:footnoteReference`,
 * HTML `doc-noteref`) leaves a placeholder in its place — `noteMark(key)` — and the text is
 * cleaned as usual around it (white space, trimming: the placeholder is neither). `takeMarks` then
 * takes the placeholders out of a finished paragraph and answers where each stood.
 *
 * The placeholder is made of Unicode noncharacters (U+FDD0, U+FDD1: never text), so it cannot be
 * confused with anything a book says; any stray one a file holds is removed with the rest. A
 * placeholder whose key no note asks for is simply dropped. Pure: no Node, no Electron.
 */

const OPEN = '\uFDD0';
const CLOSE = '\uFDD1';
/** The longest key kept (keys are the readers' own: `r12`, `footnote:3`). */
const MAX_KEY = 64;
const MARK = new RegExp(`${OPEN}([^${OPEN}${CLOSE}]{0,${MAX_KEY}})${CLOSE}|[${OPEN}${CLOSE}]`, 'g');

/** The placeholder for a reference whose note is known by `key` (no U+FDD0/U+FDD1 in it). */
export function noteMark(key: string): string {
  return `${OPEN}${key.replace(/[\uFDD0\uFDD1]/g, '').slice(0, MAX_KEY)}${CLOSE}`;
}

/** Does the text hold a placeholder (or a stray noncharacter of one)? Cheap: no regular expression. */
function hasMarks(text: string): boolean {
  return text.includes(OPEN) || text.includes(CLOSE);
}

export interface TakenMark {
  key: string;
  /** Code-unit offset in the cleaned text: the mark goes before the character there (at the end: `text.length`). */
  offset: number;
}

/**
 * The text without its placeholders, and where each stood. Where taking one out leaves two spaces
 * side by side (`word ⟨mark⟩ next`), one goes; the text stays trimmed as it came.
 */
export function takeMarks(text: string): { text: string; marks: TakenMark[] } {
  if (!hasMarks(text)) return { text, marks: [] };
  const marks: TakenMark[] = [];
  let out = '';
  /** Appends a piece of text; a space left at a mark's place before a space or a line break goes. */
  const append = (piece: string) => {
    if ((piece.startsWith(' ') || piece.startsWith('\n')) && out.endsWith(' ')) {
      out = out.slice(0, -1);
      for (const mark of marks) mark.offset = Math.min(mark.offset, out.length);
    }
    out += piece;
  };
  let last = 0;
  for (const m of text.matchAll(MARK)) {
    append(text.slice(last, m.index));
    if (m[1] !== undefined) marks.push({ key: m[1], offset: out.length });
    last = m.index + m[0].length;
  }
  append(text.slice(last));
  // Trimmed as the readers leave a paragraph: the offsets move with the text.
  const lead = out.length - out.trimStart().length;
  const trimmed = out.trim();
  return { text: trimmed, marks: marks.map((mark) => ({ key: mark.key, offset: Math.max(0, Math.min(trimmed.length, mark.offset - lead)) })) };
}
