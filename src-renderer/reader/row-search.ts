/**
 * The search panel's search: whole words and word forms (`word-search.ts`) over each row's text,
 * with the matches handed back clause by clause, as the page and the marks need them. Also the
 * search options the reader chose, remembered between sessions (in the renderer's local storage:
 * a view preference, like the panel's width, not the reader's work).
 */
import type { Lang } from '../../src-main/contract/ipc';
import type { RowEntry, SearchHit } from './model';
import { clauseStarts, sideText, toClauseSpans } from './row-spans';
import { type CompileResult, compileQuery, DEFAULT_WORD_SEARCH, findMatches, type Match, snippetAround, type Snippet, WORD_SEARCH_MODES, type WordSearchMode, type WordSearchOptions } from './word-search';

export type { WordSearchOptions } from './word-search';

export interface RowSearchResult {
  hits: SearchHit[];
  /** Set when the query cannot be searched for (a bad regular expression). */
  problem?: { kind: 'bad-regex'; detail: string };
}

interface IndexedSide {
  text: string;
  starts: number[];
}

/** Every row's two texts, joined once; each query is a scan of plain strings. */
export class RowSearch {
  private readonly sides: Array<Record<Lang, IndexedSide>>;

  constructor(private readonly entries: readonly RowEntry[]) {
    this.sides = entries.map((e) => ({
      en: { text: sideText(e.row, 'en'), starts: clauseStarts(e.row, 'en') },
      ru: { text: sideText(e.row, 'ru'), starts: clauseStarts(e.row, 'ru') },
    }));
  }

  /** Hits in reading order: by row, English before Russian, left to right. */
  search(query: string, options: WordSearchOptions, limit = 10_000): RowSearchResult {
    const compiled: CompileResult = compileQuery(query, options);
    if (!compiled.ok) return compiled.error === 'bad-regex' ? { hits: [], problem: { kind: 'bad-regex', detail: compiled.message } } : { hits: [] };
    const langs: Lang[] = options.lang ? [options.lang] : ['en', 'ru'];
    const hits: SearchHit[] = [];
    for (const entry of this.entries) {
      const sides = this.sides[entry.index]!;
      for (const lang of langs) {
        const side = sides[lang];
        for (const m of findMatches(side.text, compiled.query)) {
          for (const piece of toClauseSpans(entry.row, lang, m, side.starts)) {
            hits.push({ rowIndex: entry.index, lang, clauseId: piece.clauseId, start: piece.start, end: piece.end });
            if (hits.length >= limit) return { hits };
          }
        }
      }
    }
    return { hits };
  }

  /** The side's text cut around the first match in it (or its beginning when none). */
  snippet(rowIndex: number, lang: Lang, hits: readonly SearchHit[], width = 90): Snippet & { matches: Match[] } {
    const side = this.sides[rowIndex]![lang];
    const row = this.entries[rowIndex]!.row;
    const offsetOf = (clauseId: string) => side.starts[row[lang].findIndex((c) => c.id === clauseId)] ?? 0;
    const matches = hits
      .filter((h) => h.rowIndex === rowIndex && h.lang === lang)
      .map((h) => ({ start: offsetOf(h.clauseId) + h.start, end: offsetOf(h.clauseId) + h.end }));
    const first = matches[0] ?? { start: 0, end: 0 };
    const snippet = snippetAround(side.text, first, width);
    const shift = first.start - snippet.matchStart;
    const inside = matches
      .map((m) => ({ start: m.start - shift, end: m.end - shift }))
      .filter((m) => m.start >= 0 && m.end <= snippet.text.length);
    return { ...snippet, matches: inside };
  }
}

// ---- The options, remembered ----

const STORAGE_KEY = 'bitext.searchOptions.v1';

/** What was stored, if it is exactly a set of options (anything else: the defaults). Checked by
 * hand rather than with zod, which would bring 80 KiB into the renderer's first bundle. */
function storedOptions(value: unknown): WordSearchOptions | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { mode, forms, lang, caseSensitive, ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length > 0) return undefined;
  if (!(WORD_SEARCH_MODES as readonly unknown[]).includes(mode)) return undefined;
  if (typeof forms !== 'boolean' || typeof caseSensitive !== 'boolean') return undefined;
  if (lang !== undefined && lang !== 'en' && lang !== 'ru') return undefined;
  return { mode: mode as WordSearchMode, forms, caseSensitive, ...(lang ? { lang } : {}) };
}

/** The options saved last time, or the defaults (whole words, word forms, both languages). */
export function loadSearchOptions(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): WordSearchOptions {
  try {
    const raw = storage?.getItem(STORAGE_KEY);
    if (!raw) return DEFAULT_WORD_SEARCH;
    return storedOptions(JSON.parse(raw)) ?? DEFAULT_WORD_SEARCH;
  } catch {
    return DEFAULT_WORD_SEARCH;
  }
}

export function saveSearchOptions(options: WordSearchOptions, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  try {
    const { mode, forms, caseSensitive, lang } = options;
    storage?.setItem(STORAGE_KEY, JSON.stringify({ mode, forms, caseSensitive, ...(lang ? { lang } : {}) }));
  } catch {
    // Storage full or off: the options hold for this session.
  }
}
