/**
 * Terms (glossary entries, concordance queries) found in a text in any word form: a term is a run
 * of words, matched word by word through their Snowball stems, so `health measure` finds
 * `health measures` and `медицинская помощь` finds `медицинской помощи`. Pure TypeScript.
 */
import type { Lang } from '../model';
import { type Token, tokenize } from './tokens';

/** A term ready for matching: its words' stems. */
export interface TermPattern {
  stems: readonly string[];
}

export function termPattern(term: string, lang: Lang): TermPattern {
  return { stems: tokenize(term, lang).map((t) => t.stem) };
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
  for (let k = 0; k + n <= tokens.length; k++) {
    let z = 0;
    while (z < n && tokens[k + z]!.stem === pattern.stems[z]) z++;
    if (z === n) {
      hits.push({ first: k, last: k + n - 1, start: tokens[k]!.start, end: tokens[k + n - 1]!.end });
      k += n - 1;
    }
  }
  return hits;
}

/** True if the term occurs in `text`. */
export function hasTerm(text: string, lang: Lang, pattern: TermPattern): boolean {
  return findTerm(tokenize(text, lang), pattern).length > 0;
}
