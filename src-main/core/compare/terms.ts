/**
 * Terms (glossary entries, concordance queries) found in a text in any word form: a term is a run
 * of words, matched word by word through their Snowball stems, so `health measure` finds
 * `health measures` and `медицинская помощь` finds `медицинской помощи`. A term written open, hyphenated
 * or closed is one term: `health care`, `health-care` and `healthcare` find each other. Pure TypeScript.
 */
import type { Lang } from '../model';
import { type Token, tokenize } from './tokens';

/** A term ready for matching: its words' stems, and the term written as one word. */
export interface TermPattern {
  stems: readonly string[];
  /** The term's words folded and joined without spaces or hyphens (`healthcare`), that word's stem, its language. */
  closed?: { folded: string; stem: string; lang: Lang; parts: boolean };
}

const unhyphen = (folded: string) => folded.replaceAll('-', '');

/** The stem of `word` read as one word, if it is one word. */
function oneWordStem(word: string, lang: Lang): string | undefined {
  const tokens = tokenize(word, lang);
  return tokens.length === 1 ? tokens[0]!.stem : undefined;
}

export function termPattern(term: string, lang: Lang): TermPattern {
  const tokens = tokenize(term, lang);
  const stems = tokens.map((t) => t.stem);
  const folded = tokens.map((t) => unhyphen(t.folded)).join('');
  // Short words are left to the exact match: `e-mail` is not worth `email`'s false friends.
  const stem = folded.length >= 6 ? oneWordStem(folded, lang) : undefined;
  const parts = tokens.length > 1 || tokens.some((t) => t.folded.includes('-'));
  return stem === undefined ? { stems } : { stems, closed: { folded, stem, lang, parts } };
}

/** `word` (folded, no hyphens) is the term written as one word, in some word form. */
function isClosedForm(word: string, closed: NonNullable<TermPattern['closed']>): boolean {
  // The first letters say no to almost every word before a stem is worked out.
  return word.length >= 4 && closed.folded.startsWith(word.slice(0, 4)) && oneWordStem(word, closed.lang) === closed.stem;
}

/**
 * How many tokens from `k` are the term written another way than its own: one token (`healthcare`
 * or `health-care` for `health care`; `health-care` for `healthcare`) or two words one space apart
 * (`health care` for `healthcare`); 0 if none.
 */
function variantAt(tokens: readonly Token[], k: number, pattern: TermPattern): number {
  const closed = pattern.closed;
  if (!closed) return 0;
  const token = tokens[k]!;
  const hyphened = token.folded.includes('-');
  if ((closed.parts || hyphened) && isClosedForm(unhyphen(token.folded), closed)) return 1;
  const next = tokens[k + 1];
  if (pattern.stems.length === 1 && next && next.start === token.end + 1 && token.folded.length >= 2 && next.folded.length >= 2) {
    const first = unhyphen(token.folded);
    if (first.length < closed.folded.length && closed.folded.startsWith(first) && isClosedForm(first + unhyphen(next.folded), closed)) return 2;
  }
  return 0;
}

/** A run of tokens `[first, last]` (inclusive) and its code-unit span. */
export interface TermHit {
  first: number;
  last: number;
  start: number;
  end: number;
}

/** Every place the term occurs in `tokens` (non-overlapping, left to right). */
export function findTerm(tokens: readonly Token[], pattern: TermPattern): TermHit[] {
  const n = pattern.stems.length;
  const hits: TermHit[] = [];
  if (n === 0) return hits;
  for (let k = 0; k < tokens.length; k++) {
    let z = 0;
    while (z < n && k + z < tokens.length && tokens[k + z]!.stem === pattern.stems[z]) z++;
    if (z === n) {
      hits.push({ first: k, last: k + n - 1, start: tokens[k]!.start, end: tokens[k + n - 1]!.end });
      k += n - 1;
      continue;
    }
    const m = variantAt(tokens, k, pattern);
    if (m > 0) {
      hits.push({ first: k, last: k + m - 1, start: tokens[k]!.start, end: tokens[k + m - 1]!.end });
      k += m - 1;
    }
  }
  return hits;
}

/** True if the term occurs in `text`. */
export function hasTerm(text: string, lang: Lang, pattern: TermPattern): boolean {
  return findTerm(tokenize(text, lang), pattern).length > 0;
}
