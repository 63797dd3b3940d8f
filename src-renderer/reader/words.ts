/**
 * Words of a clause, for the dictionary lookup: where each starts and ends, which one an offset
 * (a double-click, a caret) falls in, and the DOM range of a word in a clause element. Words
 * come from `Intl.Segmenter` (word granularity, word-like segments only), so Russian, English,
 * hyphens and apostrophes are split the way the browser splits them for selection.
 */

export interface Word {
  text: string;
  /** UTF-16 offsets in the clause text. */
  start: number;
  end: number;
}

const segmenters = new Map<string, Intl.Segmenter>();
function segmenter(lang: string): Intl.Segmenter {
  let s = segmenters.get(lang);
  if (!s) {
    s = new Intl.Segmenter(lang, { granularity: 'word' });
    segmenters.set(lang, s);
  }
  return s;
}

/** Letters (or digits) only: a segment of punctuation or space is not a word. */
const HAS_LETTER = /[\p{L}\p{N}]/u;

/** The words of a text, in order. */
export function wordsOf(text: string, lang = 'en'): Word[] {
  const out: Word[] = [];
  for (const part of segmenter(lang).segment(text)) {
    if (part.isWordLike === false || !HAS_LETTER.test(part.segment)) continue;
    out.push({ text: part.segment, start: part.index, end: part.index + part.segment.length });
  }
  return out;
}

/**
 * The index of the word at `offset` (inside it, or at its end); else the first word after it;
 * else the last word. -1 when there are no words.
 */
export function wordIndexAt(words: readonly Word[], offset: number): number {
  if (words.length === 0) return -1;
  const inside = words.findIndex((w) => offset >= w.start && offset <= w.end);
  if (inside >= 0) return inside;
  const after = words.findIndex((w) => w.start > offset);
  return after >= 0 ? after : words.length - 1;
}

/** The offset of a DOM position (node, offset) in the text of `root` (text nodes in order). */
export function textOffsetIn(root: Node, node: Node, offset: number): number | undefined {
  if (!root.contains(node)) return undefined;
  if (node.nodeType !== Node.TEXT_NODE) {
    // A position between children: count the text before the child it points at.
    const child = node.childNodes[offset];
    if (!child) return (node.textContent ?? '').length + textBefore(root, node);
    return textBefore(root, child);
  }
  return textBefore(root, node) + offset;
}

function textBefore(root: Node, target: Node): number {
  let total = 0;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n === target || target.contains(n)) return total;
    total += n.textContent?.length ?? 0;
  }
  return total;
}

/**
 * The DOM position of text offset `at` in `root`: in the first text node it falls in (at a
 * boundary between two, the end of the first). `undefined` past the end or in a root without text.
 */
export function textPointIn(root: Node, at: number): { node: Node; offset: number } | undefined {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let before = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const length = n.textContent?.length ?? 0;
    if (at <= before + length) return { node: n, offset: Math.max(0, at - before) };
    before += length;
  }
  return undefined;
}

/** The DOM range of text offsets `start`..`end` in `root` (text split over marks is fine). */
export function rangeOfText(root: Node, start: number, end: number): Range | undefined {
  const from = textPointIn(root, start);
  const to = textPointIn(root, end);
  if (!from || !to) return undefined;
  const range = document.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}
