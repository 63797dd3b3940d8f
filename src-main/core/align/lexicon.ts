/**
 * The bilingual lexicon as a matcher: English word forms and Russian word forms → concept ids.
 * English forms are reduced to lemma-like keys (-s, -es, -ies, -ed, -ing, -ly, 's stripped);
 * Russian forms are matched by their longest lexicon stem that is a prefix of the word.
 * Pure TypeScript; results are cached per word form, so each distinct word is looked up once.
 */
import { LEXICON_TEXT } from './lexicon-data';

export interface Lexicon {
  /** Concept ids of an English word (any case). */
  english(word: string): readonly number[];
  /** Concept ids of a Russian word (any case). */
  russian(word: string): readonly number[];
  /** Number of concepts (lines) in the lexicon. */
  size: number;
}

const NONE: readonly number[] = [];
/** Longest stem tried, in characters. */
const MAX_STEM = 14;
/** Stems shorter than this are ignored (too ambiguous); 3-letter stems may only take a short ending. */
const MIN_STEM = 3;

function addTo(map: Map<string, number[]>, key: string, id: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [id]);
  else if (!list.includes(id)) list.push(id);
}

/** Candidate lemma keys of an English word form, most specific first. */
export function englishKeys(word: string): string[] {
  let w = word.toLowerCase().replace(/['’]s$/u, '');
  const keys = [w];
  const push = (k: string): void => {
    if (k.length >= 2 && !keys.includes(k)) keys.push(k);
  };
  if (w.endsWith('ies')) push(`${w.slice(0, -3)}y`);
  if (w.endsWith('es')) push(w.slice(0, -2));
  if (w.endsWith('s') && !w.endsWith('ss')) push(w.slice(0, -1));
  for (const suffix of ['ed', 'ing']) {
    if (w.endsWith(suffix) && w.length > suffix.length + 2) {
      w = w.slice(0, -suffix.length);
      push(w);
      push(`${w}e`);
      if (w.length > 2 && w.at(-1) === w.at(-2)) push(w.slice(0, -1));
      if (w.endsWith('i')) push(`${w.slice(0, -1)}y`);
    }
  }
  if (word.toLowerCase().endsWith('ly')) push(word.toLowerCase().slice(0, -2));
  return keys;
}

/** `ё` → `е`, lower case. */
export function normaliseRussian(word: string): string {
  return word.toLowerCase().replaceAll('ё', 'е');
}

/** Parses lexicon text (see `lexicon-data.ts` for the format). */
export function parseLexicon(text: string): Lexicon {
  const english = new Map<string, number[]>();
  const stems = new Map<string, number[]>();
  const exact = new Map<string, number[]>();
  let size = 0;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const bar = line.indexOf('|');
    if (bar < 0) continue;
    const id = size++;
    for (const form of line.slice(0, bar).split(',')) {
      const key = form.trim().toLowerCase();
      if (key) addTo(english, key, id);
    }
    for (const form of line.slice(bar + 1).split(',')) {
      const item = normaliseRussian(form.trim());
      if (item.startsWith('=')) addTo(exact, item.slice(1), id);
      else if (item.length >= MIN_STEM && !item.includes(' ')) addTo(stems, item, id);
    }
  }
  const enCache = new Map<string, readonly number[]>();
  const ruCache = new Map<string, readonly number[]>();
  return {
    size,
    english(word) {
      let ids = enCache.get(word);
      if (ids === undefined) {
        ids = NONE;
        for (const key of englishKeys(word)) {
          const found = english.get(key);
          if (found) {
            ids = found;
            break;
          }
        }
        enCache.set(word, ids);
      }
      return ids;
    },
    russian(word) {
      let ids = ruCache.get(word);
      if (ids === undefined) {
        const w = normaliseRussian(word);
        ids = exact.get(w) ?? NONE;
        if (ids === NONE) {
          for (let k = Math.min(w.length, MAX_STEM); k >= MIN_STEM; k--) {
            const found = stems.get(w.slice(0, k));
            if (found && (k > MIN_STEM || w.length - k <= 3)) {
              ids = found;
              break;
            }
          }
        }
        ruCache.set(word, ids);
      }
      return ids;
    },
  };
}

let defaultLexicon: Lexicon | undefined;

/** The lexicon shipped with the app (parsed once). */
export function shippedLexicon(): Lexicon {
  defaultLexicon ??= parseLexicon(LEXICON_TEXT);
  return defaultLexicon;
}
