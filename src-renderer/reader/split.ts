/**
 * Splitting a row at any word: a word position in one language's clauses becomes the clause-level
 * split main applies (`en`/`ru` clause counts) plus, when the word is inside a clause, a cut of
 * that clause at the word. Pure, for Node tests.
 */
import type { AlignedRow, Lang, SplitCut } from '../../src-main/contract/ipc';

export interface Word {
  clause: number;
  /** Offset of the word in its clause's text. */
  offset: number;
  text: string;
}

export function wordsOf(row: AlignedRow, lang: Lang): Word[] {
  return row[lang].flatMap((clause, i) => [...clause.text.matchAll(/\S+/g)].map((m) => ({ clause: i, offset: m.index, text: m[0] })));
}

/** Where the second row starts when it starts at word `at` (0 = all of this language moves down). */
export function splitPoint(row: AlignedRow, lang: Lang, at: number): { count: number; cut: SplitCut | undefined } {
  const words = wordsOf(row, lang);
  const word = words[at];
  if (!word) return { count: row[lang].length, cut: undefined };
  if (word.offset === 0 || row[lang][word.clause]!.text.slice(0, word.offset).trim() === '') return { count: word.clause, cut: undefined };
  return { count: word.clause + 1, cut: { lang, clause: word.clause, offset: word.offset } };
}

/** The default: after the first clause when there are several, else the middle word. */
export function defaultSplit(row: AlignedRow, lang: Lang): number {
  const words = wordsOf(row, lang);
  if (row[lang].length > 1) return words.findIndex((w) => w.clause === 1);
  return Math.ceil(words.length / 2);
}
