/**
 * What the app itself knows about a looked-up word: the row's glossary and built-in word list
 * (lexicon) links whose term covers the word, as en/ru pairs. The lookup popup shows them beside
 * the user's dictionaries, so that it never says "nothing" where the term link has a pair. Pure.
 */
import type { TermLink } from '../../src-main/contract/compare';
import type { AlignedRow, Lang } from '../../src-main/contract/ipc';
import { clauseStarts } from './row-spans';
import { linkTexts } from './term-links';

export interface KnownPair {
  source: 'glossary' | 'lexicon';
  en: string;
  ru: string;
}

/** The glossary's pairs first, then the word list's; each pair once. */
export function knownPairsAt(row: AlignedRow, links: readonly TermLink[], lang: Lang, clauseId: string, word: { start: number; end: number }): KnownPair[] {
  const k = row[lang].findIndex((c) => c.id === clauseId);
  if (k < 0) return [];
  const from = clauseStarts(row, lang)[k]! + word.start;
  const to = from + (word.end - word.start);
  const out: KnownPair[] = [];
  for (const source of ['glossary', 'lexicon'] as const) {
    for (const link of links) {
      if (link.class !== source || link[lang].start >= to || link[lang].end <= from) continue;
      const pair = linkTexts(row, link);
      if (!out.some((p) => p.en === pair.en && p.ru === pair.ru)) out.push({ source, ...pair });
    }
  }
  return out;
}
