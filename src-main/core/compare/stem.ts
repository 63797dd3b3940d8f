/**
 * Word stems for matching word forms, English and Russian, from the Snowball stemmers of
 * `@orama/stemmers` (ESM, no dependencies, 2 KB + 7 KB, runs in the renderer as well as in main).
 * `пандемия`, `пандемии`, `пандемией` → `пандем`; `меры`, `мерами` → `мер`; `measure`, `measures` →
 * `measur`. Words are lower-cased and `ё` written `е` first. Pure TypeScript.
 */
import { stemmer as englishStemmer } from '@orama/stemmers/english';
import { stemmer as russianStemmer } from '@orama/stemmers/russian';
import type { Lang } from '../model';

const caches: Record<Lang, Map<string, string>> = { en: new Map(), ru: new Map() };
const CACHE_LIMIT = 200_000;

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /[A-Za-z]/u;

/** Lower case, `ё` → `е`, typographic apostrophe → `'`. */
export function foldCase(word: string): string {
  return word.toLowerCase().replaceAll('ё', 'е').replaceAll('’', "'");
}

/**
 * The stem of one word. The stemmer is chosen by the word's script, so a Latin word in a Russian
 * text (COVID, Rospotrebnadzor) is stemmed as English; `lang` decides only for words of neither
 * script (digits). English possessives (`Russia's`) lose the `'s`.
 */
export function stem(word: string, lang: Lang): string {
  const cache = caches[lang];
  let out = cache.get(word);
  if (out === undefined) {
    let w = foldCase(word);
    const script: Lang = CYRILLIC.test(w) ? 'ru' : LATIN.test(w) ? 'en' : lang;
    if (script === 'en') w = w.replace(/'s$/u, '');
    out = /^[\p{L}'-]+$/u.test(w) ? (script === 'ru' ? russianStemmer(w) : englishStemmer(w)) : w;
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, out);
  }
  return out;
}
