/**
 * Base forms for lookup: the Snowball stemmers of `@orama/stemmers` (English and Russian, chosen
 * by the word's script), and simple lemmatisation candidates, real words a dictionary may list:
 * English `-s/-es/-ies/-ed/-ied/-ing`, Russian case, number and verb endings.
 * (h/compare wraps the same stemmers in `core/compare/stem.ts`; the two can become one.)
 */
import { stemmer as englishStemmer } from '@orama/stemmers/english';
import { stemmer as russianStemmer } from '@orama/stemmers/russian';
import type { Lang } from '../../contract/ipc';

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /[a-z]/;

/** The script a normalised word is in (`lang` when it has neither). */
export function scriptOf(word: string, lang: Lang): Lang {
  return CYRILLIC.test(word) ? 'ru' : LATIN.test(word) ? 'en' : lang;
}

/** The stem of a normalised word (one word; a phrase is stemmed word by word). */
export function stemOf(word: string, lang: Lang = 'en'): string {
  return word
    .split(' ')
    .map((w) => {
      if (!/^[\p{L}'-]+$/u.test(w)) return w;
      return scriptOf(w, lang) === 'ru' ? russianStemmer(w) : englishStemmer(w.replace(/'s$/, ''));
    })
    .join(' ');
}

const RUSSIAN_ENDINGS: Array<[string, string[]]> = [
  // Nouns and adjectives: case and number endings back to the nominative.
  ['ами', ['а', 'я', '', 'о', 'ь']],
  ['ями', ['я', 'ь', 'е']],
  ['ах', ['а', '', 'о']],
  ['ях', ['я', 'ь', 'е']],
  ['ом', ['', 'о']],
  ['ем', ['ь', 'е', 'й']],
  ['ой', ['а', 'ый', 'ой', 'ий']],
  ['ей', ['я', 'ь', 'е']],
  ['ов', ['', 'о']],
  ['ев', ['й', 'ь']],
  ['ам', ['а', '', 'о']],
  ['ям', ['я', 'ь', 'е']],
  ['ого', ['ый', 'ой', 'о']],
  ['его', ['ий', 'ее']],
  ['ому', ['ый', 'ой']],
  ['ему', ['ий']],
  ['ыми', ['ый']],
  ['ими', ['ий']],
  ['ых', ['ый']],
  ['их', ['ий']],
  ['ую', ['ая', 'ый']],
  ['юю', ['яя', 'ий']],
  ['ая', ['ый', 'ой']],
  ['яя', ['ий']],
  ['ые', ['ый']],
  ['ие', ['ий', 'ие']],
  ['ы', ['', 'а']],
  ['и', ['ь', 'я', 'а', 'й', 'ие', '']],
  ['а', ['', 'о']],
  ['я', ['ь', 'е', 'й']],
  ['у', ['', 'а', 'о']],
  ['ю', ['ь', 'я', 'й', 'ть']],
  ['е', ['', 'а', 'о', 'я']],
  // Verbs: present and past forms back to the infinitive.
  ['ает', ['ать']],
  ['яет', ['ять']],
  ['ует', ['овать']],
  ['ит', ['ить']],
  ['ет', ['еть', 'ать']],
  ['ют', ['ть']],
  ['ат', ['ать']],
  ['ят', ['ять', 'ить']],
  ['ал', ['ать']],
  ['ала', ['ать']],
  ['али', ['ать']],
  ['ил', ['ить']],
  ['ила', ['ить']],
  ['или', ['ить']],
  ['ел', ['еть']],
  ['ела', ['еть']],
  ['ется', ['ться']],
  ['ится', ['иться']],
];

/** Candidate base forms of a normalised word, most likely first; never the word itself. */
export function lemmaCandidates(word: string, lang: Lang = 'en'): string[] {
  const out = new Set<string>();
  const add = (candidate: string) => {
    if (candidate.length >= 2 && candidate !== word) out.add(candidate);
  };
  if (word.includes(' ')) return [];
  if (scriptOf(word, lang) === 'en') {
    const w = word.replace(/'s$/, '');
    add(w);
    if (w.endsWith('ies')) add(`${w.slice(0, -3)}y`);
    if (w.endsWith('es')) add(w.slice(0, -2));
    if (w.endsWith('s') && !w.endsWith('ss')) add(w.slice(0, -1));
    if (w.endsWith('ied')) add(`${w.slice(0, -3)}y`);
    if (w.endsWith('ed')) {
      const base = w.slice(0, -2);
      add(base);
      add(`${base}e`);
      if (/([b-df-hj-np-tv-z])\1$/.test(base)) add(base.slice(0, -1));
    }
    if (w.endsWith('ing')) {
      const base = w.slice(0, -3);
      add(base);
      add(`${base}e`);
      if (/([b-df-hj-np-tv-z])\1$/.test(base)) add(base.slice(0, -1));
    }
    if (w.endsWith('er')) add(w.slice(0, -2));
    if (w.endsWith('est')) add(w.slice(0, -3));
    if (w.endsWith('ly')) add(w.slice(0, -2));
    return [...out];
  }
  // Longest ending first, so that `-ами` is tried before `-и`.
  const endings = RUSSIAN_ENDINGS.filter(([ending]) => word.endsWith(ending) && word.length - ending.length >= 2).sort((a, b) => b[0].length - a[0].length);
  for (const [ending, replacements] of endings) for (const r of replacements) add(word.slice(0, -ending.length) + r);
  return [...out];
}
