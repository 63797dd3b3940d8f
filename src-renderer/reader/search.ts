/**
 * Search that forgives what readers do not type: case, ё/е, diacritics, and the many kinds of
 * quotes and dashes. Text is folded character by character with a map back to the original, so
 * matches are highlighted on the text as written.
 */

export interface FoldedText {
  folded: string;
  /** For each UTF-16 unit of `folded`: where its original character starts… */
  starts: number[];
  /** …and ends (dropped marks that follow it are counted in). */
  ends: number[];
}

const QUOTES = /[«»„“”‟"‘’‚‛'′″‹›]/u;
const DASHES = /[‐‑‒–—―−-]/u;
const SPACES = /\s/u;

/** Folds one original character (code point) to what search compares. */
function foldChar(ch: string): string {
  if (QUOTES.test(ch)) return '"';
  if (DASHES.test(ch)) return '-';
  if (SPACES.test(ch)) return ' ';
  const lower = ch.toLowerCase();
  // Russian й keeps its breve (a letter of its own); ё is searched as е.
  if (lower === 'й') return 'й';
  if (lower === 'ё') return 'е';
  return lower.normalize('NFD').replace(/\p{M}/gu, '');
}

export function foldText(text: string): FoldedText {
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let index = 0;
  for (const ch of text) {
    const out = foldChar(ch);
    const end = index + ch.length;
    if (out === '' && ends.length > 0) ends[ends.length - 1] = end;
    for (let k = 0; k < out.length; k++) {
      folded += out[k];
      starts.push(index);
      ends.push(end);
    }
    index = end;
  }
  return { folded, starts, ends };
}

export function foldQuery(query: string): string {
  return foldText(query.trim().replace(/\s+/g, ' ')).folded;
}

/** Ranges `[start, end)` in the ORIGINAL text where the folded query occurs, left to right. */
export function findAll(text: FoldedText, foldedQuery: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  if (foldedQuery === '') return ranges;
  for (let at = text.folded.indexOf(foldedQuery); at >= 0; at = text.folded.indexOf(foldedQuery, at + foldedQuery.length)) {
    ranges.push([text.starts[at]!, text.ends[at + foldedQuery.length - 1]!]);
  }
  return ranges;
}
