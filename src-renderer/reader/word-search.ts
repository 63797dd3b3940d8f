/**
 * Search by whole words and word forms, for the reader's search panel. Pure: no DOM, no React.
 *
 * - `words` (default): every word of the query must occur in the clause as a whole word — "WHO"
 *   does not find *whole*, "ВОЗ" does not find *возможности*. With `forms` (default on) a word is
 *   matched through its Snowball stem (`@orama/stemmers`, the stemmer main uses for the
 *   comparison tools): "пандемия" finds *пандемии*, *пандемией*; "measure" finds *measures*.
 *   A query word written in capitals (an acronym: WHO, ВОЗ) matches only in capitals.
 * - `phrase`: the query's words in a row, as whole words (forms as above).
 * - `substring`: the folded text anywhere (the reader's older search: case, ё/е, quotes, dashes).
 * - `regex`: a JavaScript regular expression (Unicode); a bad one is reported, not thrown.
 * Options: one language only, and case.
 * Snippets are centred on the match, cut at word boundaries.
 */
import { stemmer as englishStemmer } from '@orama/stemmers/english';
import { stemmer as russianStemmer } from '@orama/stemmers/russian';
import { findAll, foldQuery, foldText } from './search';

export const WORD_SEARCH_MODES = ['words', 'phrase', 'substring', 'regex'] as const;
export type WordSearchMode = (typeof WORD_SEARCH_MODES)[number];
export type SearchLang = 'en' | 'ru';

export interface WordSearchOptions {
  mode: WordSearchMode;
  /** Match word forms through the stemmer (`words` and `phrase`). */
  forms: boolean;
  /** Only this language's column (`undefined`: both). */
  lang?: SearchLang;
  caseSensitive: boolean;
}

export const DEFAULT_WORD_SEARCH: WordSearchOptions = { mode: 'words', forms: true, caseSensitive: false };

export interface Match {
  start: number;
  end: number;
}

interface QueryWord {
  text: string;
  key: string;
  /** Written in capitals: matched in capitals only. */
  acronym: boolean;
}

export type CompiledQuery =
  | { mode: 'words' | 'phrase'; words: QueryWord[]; options: WordSearchOptions }
  | { mode: 'substring'; folded: string; raw: string; options: WordSearchOptions }
  | { mode: 'regex'; regex: RegExp; options: WordSearchOptions };

export type CompileResult = { ok: true; query: CompiledQuery } | { ok: false; error: 'empty' | 'bad-regex'; message: string };

const WORD = /[\p{L}\p{N}]+(?:['’\-‐][\p{L}\p{N}]+)*/gu;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const ACRONYM = /^[\p{Lu}][\p{Lu}0-9]+s?$/u;
const stems = new Map<string, string>();

function fold(word: string): string {
  return word.toLowerCase().replaceAll('ё', 'е').replaceAll('’', "'");
}

/** The key a word is compared by: its stem (forms) or its folded form. */
function keyOf(word: string, forms: boolean, caseSensitive: boolean): string {
  if (caseSensitive && !forms) return word;
  const folded = fold(word).replace(/'s$/u, '');
  if (!forms) return folded;
  let stem = stems.get(folded);
  if (stem === undefined) {
    stem = /^[\p{L}'-]+$/u.test(folded) ? (CYRILLIC.test(folded) ? russianStemmer(folded) : englishStemmer(folded)) : folded;
    if (stems.size > 100_000) stems.clear();
    stems.set(folded, stem);
  }
  return stem;
}

export function compileQuery(query: string, options: WordSearchOptions = DEFAULT_WORD_SEARCH): CompileResult {
  const trimmed = query.trim();
  if (!trimmed) return { ok: false, error: 'empty', message: 'Nothing to search for' };
  if (options.mode === 'regex') {
    try {
      return { ok: true, query: { mode: 'regex', regex: new RegExp(trimmed, options.caseSensitive ? 'gu' : 'giu'), options } };
    } catch (error) {
      return { ok: false, error: 'bad-regex', message: error instanceof Error ? error.message : String(error) };
    }
  }
  if (options.mode === 'substring') return { ok: true, query: { mode: 'substring', folded: foldQuery(trimmed), raw: trimmed.replace(/\s+/gu, ' '), options } };
  const words = [...trimmed.matchAll(WORD)].map((m) => ({ text: m[0], key: keyOf(m[0], options.forms, options.caseSensitive), acronym: ACRONYM.test(m[0]) }));
  if (words.length === 0) return { ok: false, error: 'empty', message: 'Nothing to search for' };
  return { ok: true, query: { mode: options.mode, words, options } };
}

function wordMatches(word: QueryWord, token: string, key: string, caseSensitive: boolean): boolean {
  if (key !== word.key) return false;
  if (word.acronym) return ACRONYM.test(token) || token === word.text;
  // Case-sensitive with forms: the letters the two share must agree in case.
  if (caseSensitive) {
    const n = Math.min(word.key.length, word.text.length, token.length);
    return token.slice(0, n) === word.text.slice(0, n);
  }
  return true;
}

/** Where the query matches in `text`, left to right. */
export function findMatches(text: string, query: CompiledQuery): Match[] {
  if (query.mode === 'regex') {
    const out: Match[] = [];
    query.regex.lastIndex = 0;
    for (const m of text.matchAll(query.regex)) {
      if (m[0].length === 0) continue;
      out.push({ start: m.index, end: m.index + m[0].length });
      if (out.length > 10_000) break;
    }
    return out;
  }
  if (query.mode === 'substring') {
    const folded = query.options.caseSensitive ? undefined : foldText(text);
    if (folded) return findAll(folded, query.folded).map(([start, end]) => ({ start, end }));
    const out: Match[] = [];
    const needle = query.raw;
    if (!needle) return out;
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) out.push({ start: at, end: at + needle.length });
    return out;
  }
  const { forms, caseSensitive } = query.options;
  const tokens = [...text.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0], key: keyOf(m[0], forms, caseSensitive) }));
  const words = query.words;
  if (query.mode === 'phrase') {
    const out: Match[] = [];
    for (let k = 0; k + words.length <= tokens.length; k++) {
      let z = 0;
      while (z < words.length && wordMatches(words[z]!, tokens[k + z]!.text, tokens[k + z]!.key, caseSensitive)) z++;
      if (z === words.length) {
        out.push({ start: tokens[k]!.start, end: tokens[k + words.length - 1]!.end });
        k += words.length - 1;
      }
    }
    return out;
  }
  // words: each query word somewhere; all of them, or no match.
  const out: Match[] = [];
  const found = new Uint8Array(words.length);
  for (const t of tokens) {
    const w = words.findIndex((word) => wordMatches(word, t.text, t.key, caseSensitive));
    if (w >= 0) {
      found[w] = 1;
      out.push({ start: t.start, end: t.end });
    }
  }
  return found.every((f) => f === 1) ? out : [];
}

export interface Snippet {
  text: string;
  /** Where the match is inside `text`. */
  matchStart: number;
  matchEnd: number;
  /** Text was cut before / after. */
  before: boolean;
  after: boolean;
}

/** About `width` characters of `text` with the match in the middle, cut at spaces. */
export function snippetAround(text: string, match: Match, width = 90): Snippet {
  if (text.length <= width) return { text, matchStart: match.start, matchEnd: match.end, before: false, after: false };
  const length = match.end - match.start;
  const side = Math.max(10, Math.floor((width - length) / 2));
  let start = Math.max(0, match.start - side);
  let end = Math.min(text.length, match.end + side);
  // Give the room one side does not use to the other.
  if (start === 0) end = Math.min(text.length, Math.max(end, width));
  if (end === text.length) start = Math.max(0, Math.min(start, text.length - width));
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space >= 0 && space < match.start) start = space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space >= match.end) end = space;
  }
  return { text: text.slice(start, end), matchStart: match.start - start, matchEnd: match.end - start, before: start > 0, after: end < text.length };
}

export interface SearchableRow {
  id: string;
  en: string;
  ru: string;
}

export interface WordSearchHit {
  rowId: string;
  lang: SearchLang;
  matches: Match[];
  snippet: Snippet;
}

export interface WordSearchResult {
  hits: WordSearchHit[];
  /** Matches in all, and rows with a match (hits may be cut at `limit`). */
  matches: number;
  rows: number;
  truncated: boolean;
}

/** Searches both columns (or one) of every row. */
export function searchRows(rows: readonly SearchableRow[], query: CompiledQuery, limit = 1_000): WordSearchResult {
  const hits: WordSearchHit[] = [];
  let matches = 0;
  let rowCount = 0;
  let truncated = false;
  const langs: SearchLang[] = query.options.lang ? [query.options.lang] : ['en', 'ru'];
  for (const row of rows) {
    let inRow = false;
    for (const lang of langs) {
      const found = findMatches(row[lang], query);
      if (found.length === 0) continue;
      inRow = true;
      matches += found.length;
      if (hits.length < limit) hits.push({ rowId: row.id, lang, matches: found, snippet: snippetAround(row[lang], found[0]!) });
      else truncated = true;
    }
    if (inRow) rowCount++;
  }
  return { hits, matches, rows: rowCount, truncated };
}
