/**
 * Lexical evidence that survives translation, extracted per unit (clause or paragraph) as a multiset
 * of anchor keys. Two units that translate each other tend to share their anchors:
 *  - numbers (`num:2020`; "18-19" and "18–19" both give 18 and 19; "10,000", "10 000" and "10000"
 *    give 10000; "3.5" and "3,5" give 3.5);
 *  - acronyms through a small bilingual map (`acr:ВОЗ` from "WHO" and from "ВОЗ");
 *  - Latin-script words kept in the Russian ("COVID-19", "Rospotrebnadzor", commands, URLs):
 *    `lat:covid`. An English word is an anchor only if the Russian side uses it somewhere, so
 *    ordinary English words are not counted as missing from the Russian;
 *  - words of the bilingual lexicon (`lex:<concept>`), English by lemma, Russian by stem;
 *  - proper names and long cognates through transliteration (`name:<skeleton>`: Пушкина ~ Pushkin);
 *  - opening parentheses (`paren:(`) and quoted passages (`quote:`), since asides and quotations
 *    are kept in translation.
 * Lexicon concepts and names count only when they occur somewhere on both sides of the bitext.
 * Pure TypeScript.
 */
import { ACRONYMS_EN_RU } from './acronyms';
import { type Lexicon, shippedLexicon } from './lexicon';
import { englishSkeleton, russianSkeleton } from './translit';

/** Anchor key → number of occurrences. */
export type AnchorBag = ReadonlyMap<string, number>;

export interface AnchorOptions {
  /** English→Russian acronym pairs; defaults to `ACRONYMS_EN_RU`. */
  acronyms?: ReadonlyArray<readonly [string, string]>;
  /** The bilingual lexicon; defaults to the shipped one, `null` turns lexicon anchors off. */
  lexicon?: Lexicon | null;
  /** Match proper names and long cognates through transliteration (default true). */
  names?: boolean;
}

/** Letters and digits of the Latin and Cyrillic blocks (a plain character class: much faster than \p{L}). */
const WORD = /[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]+/g;
/**
 * A number: thousands groups (`10,000` in English, `10 000` in Russian, with a space, no-break or
 * thin space), a decimal part (`3.5` / `3,5`) or plain digits.
 */
const NUMBER = /[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9]{1,3}(?:[ \u00a0\u202f][0-9]{3})+(?![0-9])|[0-9]+(?:[.,][0-9]+(?![0-9.,]))?/gu;
const UPPER_START = /^\p{Lu}/u;
const ALL_UPPER = /^[\p{Lu}0-9]+$/u;
const CYRILLIC_WORD = /^\p{Script=Cyrillic}+$/u;
const LATIN_LETTERS = /^[A-Za-z]+$/u;
const LATIN_WORD = /^[A-Za-z][A-Za-z0-9]*$/u;

function add(bag: Map<string, number>, key: string, count = 1): void {
  bag.set(key, (bag.get(key) ?? 0) + count);
}

/** The words of a text: maximal runs of letters and digits ("COVID-19" → "COVID", "19"). */
function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/**
 * Leading zeros do not change a number ("05" = "5"); group separators are dropped and a decimal comma
 * becomes a point. A lone `,`/`.` + 3 digits in English is a thousands group, as is a space in Russian.
 */
export function normaliseNumber(raw: string): string {
  let text = raw;
  if (/^[0-9]{1,3}(?:[,\s\u00a0\u202f][0-9]{3})+$/u.test(text)) text = text.replace(/[,\s\u00a0\u202f]/gu, '');
  text = text.replace(',', '.');
  const [whole = '', fraction] = text.split('.');
  const int = whole.replace(/^0+(?=[0-9])/u, '');
  return fraction === undefined ? int : `${int}.${fraction}`;
}

function countChar(text: string, ch: string): number {
  let count = 0;
  for (let k = text.indexOf(ch); k >= 0; k = text.indexOf(ch, k + 1)) count++;
  return count;
}

/** Quoted passages: English “…” and "…" pairs, Russian «…», „…“ and "…". */
function quoteCount(text: string, lang: 'en' | 'ru'): number {
  const guillemets = countChar(text, '«');
  const low = countChar(text, '„');
  const high = countChar(text, '“');
  const straight = countChar(text, '"');
  const paired = Math.ceil(straight / 2);
  return lang === 'en' ? high + paired : guillemets + (low > 0 ? low : high) + paired;
}

/** Transliteration skeleton of a word if it may be a name (capitalised) or a long cognate, else ''. */
function nameKey(word: string, lang: 'en' | 'ru'): string {
  if (ALL_UPPER.test(word)) return '';
  const capitalised = UPPER_START.test(word);
  if (!capitalised && word.length < 6) return '';
  if (lang === 'en' ? !LATIN_LETTERS.test(word) : !CYRILLIC_WORD.test(word)) return '';
  const key = lang === 'en' ? englishSkeleton(word) : russianSkeleton(word);
  return key.length >= (capitalised ? 3 : 4) ? key : '';
}

/**
 * Anchor bags for the two sides of a bitext. The whole of each side is looked at once so that the
 * Latin words of the Russian side decide which English words count as anchors.
 */
export function extractAnchors(
  en: readonly string[],
  ru: readonly string[],
  options: AnchorOptions = {},
): { en: AnchorBag[]; ru: AnchorBag[] } {
  const acronyms = options.acronyms ?? ACRONYMS_EN_RU;
  const enAcronym = new Map<string, string>();
  const ruAcronym = new Map<string, string>();
  for (const [enForm, ruForm] of acronyms) {
    enAcronym.set(enForm, ruForm);
    ruAcronym.set(ruForm, ruForm);
  }

  const enWords = en.map(words);
  const ruWords = ru.map(words);
  // Everything about a word depends only on its form: work on the distinct forms of each side.
  const distinct = (units: string[][]): string[] => [...new Set(units.flat())];
  const enForms = distinct(enWords);
  const ruForms = distinct(ruWords);
  const latinInRussian = new Set<string>();
  for (const word of ruForms) {
    if (LATIN_WORD.test(word) && !enAcronym.has(word) && !/^[0-9]/u.test(word)) latinInRussian.add(word.toLowerCase());
  }

  const lexicon = options.lexicon === undefined ? shippedLexicon() : options.lexicon;
  const useNames = options.names ?? true;
  const conceptsOf = (word: string, lang: 'en' | 'ru'): readonly number[] => {
    if (!lexicon) return [];
    if (lang === 'en') return LATIN_LETTERS.test(word) ? lexicon.english(word) : [];
    return CYRILLIC_WORD.test(word) ? lexicon.russian(word) : [];
  };
  const enInfo = new Map(enForms.map((w) => [w, { concepts: conceptsOf(w, 'en'), name: useNames ? nameKey(w, 'en') : '' }]));
  const ruInfo = new Map(ruForms.map((w) => [w, { concepts: conceptsOf(w, 'ru'), name: useNames ? nameKey(w, 'ru') : '' }]));
  // Lexicon concepts and names count only when both sides have them somewhere.
  const enConcepts = new Set([...enInfo.values()].flatMap((info) => info.concepts));
  const enNames = new Set([...enInfo.values()].map((info) => info.name));
  const sharedConcepts = new Set([...ruInfo.values()].flatMap((info) => info.concepts).filter((id) => enConcepts.has(id)));
  const sharedNames = new Set([...ruInfo.values()].map((info) => info.name).filter((key) => key !== '' && enNames.has(key)));

  const keysOf = (lang: 'en' | 'ru', word: string, info: { concepts: readonly number[]; name: string }): string[] => {
    const keys: string[] = [];
    if (lang === 'en') {
      const acronym = enAcronym.get(word);
      if (acronym !== undefined) keys.push(`acr:${acronym}`);
      else if (latinInRussian.has(word.toLowerCase())) keys.push(`lat:${word.toLowerCase()}`);
    } else {
      const acronym = ruAcronym.get(word) ?? enAcronym.get(word); // an acronym may be kept in Latin
      if (acronym !== undefined) keys.push(`acr:${acronym}`);
      else if (LATIN_WORD.test(word)) keys.push(`lat:${word.toLowerCase()}`);
    }
    for (const id of info.concepts) if (sharedConcepts.has(id)) keys.push(`lex:${id}`);
    if (sharedNames.has(info.name)) keys.push(`name:${info.name}`);
    return keys;
  };
  const enKeys = new Map([...enInfo].map(([w, info]) => [w, keysOf('en', w, info)]));
  const ruKeys = new Map([...ruInfo].map(([w, info]) => [w, keysOf('ru', w, info)]));

  const bagOf = (lang: 'en' | 'ru', text: string, unitWords: readonly string[], keys: Map<string, string[]>): AnchorBag => {
    const bag = new Map<string, number>();
    for (const digits of text.match(NUMBER) ?? []) add(bag, `num:${normaliseNumber(digits)}`);
    const parens = countChar(text, '(');
    if (parens > 0) add(bag, 'paren:(', parens);
    const quotes = quoteCount(text, lang);
    if (quotes > 0) add(bag, 'quote:', quotes);
    for (const word of unitWords) for (const key of keys.get(word)!) add(bag, key);
    return bag;
  };
  const enBags = en.map((text, index) => bagOf('en', text, enWords[index]!, enKeys));
  const ruBags = ru.map((text, index) => bagOf('ru', text, ruWords[index]!, ruKeys));
  return { en: enBags, ru: ruBags };
}

/** Sum of several bags (the units of one side of a bead). */
export function mergeBags(bags: readonly AnchorBag[]): AnchorBag {
  if (bags.length === 1) return bags[0]!;
  const merged = new Map<string, number>();
  for (const bag of bags) for (const [key, count] of bag) add(merged, key, count);
  return merged;
}

/** A bag compiled for the inner loop: anchor ids (ascending) and their counts. */
export interface PackedBag {
  ids: Int32Array;
  counts: Int32Array;
}

/** Weight of an anchor kind (the part of its key before `:`). */
export interface AnchorWeight {
  /** Nats taken off the cost for each anchor found on both sides of a bead. */
  match: number;
  /** Nats added for each anchor found on one side only. */
  miss: number;
}

/** Bags of both sides with their keys numbered, and each key's weights; unweighted kinds are dropped. */
export interface PackedAnchors {
  en: PackedBag[];
  ru: PackedBag[];
  match: Float64Array;
  miss: Float64Array;
}

export function packAnchors(
  en: readonly AnchorBag[],
  ru: readonly AnchorBag[],
  weights: Readonly<Record<string, AnchorWeight>>,
): PackedAnchors {
  const keys = new Map<string, number>();
  const match: number[] = [];
  const miss: number[] = [];
  const pack = (bag: AnchorBag): PackedBag => {
    const entries: [number, number][] = [];
    for (const [key, count] of bag) {
      let id = keys.get(key);
      if (id === undefined) {
        const weight = weights[key.slice(0, key.indexOf(':'))];
        if (!weight) continue;
        id = keys.size;
        keys.set(key, id);
        match.push(weight.match);
        miss.push(weight.miss);
      }
      entries.push([id, count]);
    }
    entries.sort((a, b) => a[0] - b[0]);
    return { ids: Int32Array.from(entries, (e) => e[0]), counts: Int32Array.from(entries, (e) => e[1]) };
  };
  const enPacked = en.map(pack);
  const ruPacked = ru.map(pack);
  return { en: enPacked, ru: ruPacked, match: Float64Array.from(match), miss: Float64Array.from(miss) };
}

const EMPTY_BAG: PackedBag = { ids: new Int32Array(0), counts: new Int32Array(0) };

/** Sum of packed bags. */
export function mergePacked(bags: readonly PackedBag[]): PackedBag {
  if (bags.length === 0) return EMPTY_BAG;
  let merged = bags[0]!;
  for (let k = 1; k < bags.length; k++) {
    const a = merged;
    const b = bags[k]!;
    const ids = new Int32Array(a.ids.length + b.ids.length);
    const counts = new Int32Array(ids.length);
    let x = 0;
    let y = 0;
    let z = 0;
    while (x < a.ids.length || y < b.ids.length) {
      const idA = x < a.ids.length ? a.ids[x]! : Infinity;
      const idB = y < b.ids.length ? b.ids[y]! : Infinity;
      if (idA === idB) {
        ids[z] = idA;
        counts[z++] = a.counts[x++]! + b.counts[y++]!;
      } else if (idA < idB) {
        ids[z] = idA;
        counts[z++] = a.counts[x++]!;
      } else {
        ids[z] = idB;
        counts[z++] = b.counts[y++]!;
      }
    }
    merged = { ids: ids.subarray(0, z), counts: counts.subarray(0, z) };
  }
  return merged;
}

/** The bag without the anchors `keep` rejects. */
export function filterPacked(bag: PackedBag, keep: (id: number) => boolean): PackedBag {
  let kept = 0;
  for (let k = 0; k < bag.ids.length; k++) if (keep(bag.ids[k]!)) kept++;
  if (kept === bag.ids.length) return bag;
  const ids = new Int32Array(kept);
  const counts = new Int32Array(kept);
  for (let k = 0, z = 0; k < bag.ids.length; k++) {
    if (!keep(bag.ids[k]!)) continue;
    ids[z] = bag.ids[k]!;
    counts[z++] = bag.counts[k]!;
  }
  return { ids, counts };
}

/** Σ (match + 2·miss) × count over a bag: the most it can gain from any other bag. */
export function gainBound(bag: PackedBag, match: Float64Array, miss: Float64Array): number {
  let total = 0;
  for (let k = 0; k < bag.ids.length; k++) total += (match[bag.ids[k]!]! + 2 * miss[bag.ids[k]!]!) * bag.counts[k]!;
  return total;
}

/** Σ miss weight × count over a bag: its lexical cost when nothing on the other side matches it. */
export function missTotal(bag: PackedBag, miss: Float64Array): number {
  let total = 0;
  for (let k = 0; k < bag.ids.length; k++) total += miss[bag.ids[k]!]! * bag.counts[k]!;
  return total;
}

/**
 * What two bags gain from each other: Σ over shared anchors of min(count) × (match + 2·miss), so that
 * `anchorCost(a, b) = missTotal(a) + missTotal(b) − pairGain(a, b)`.
 */
export function pairGain(en: PackedBag, ru: PackedBag, match: Float64Array, miss: Float64Array): number {
  let gain = 0;
  let x = 0;
  let y = 0;
  const enIds = en.ids;
  const ruIds = ru.ids;
  while (x < enIds.length && y < ruIds.length) {
    const a = enIds[x]!;
    const b = ruIds[y]!;
    if (a === b) {
      const ca = en.counts[x++]!;
      const cb = ru.counts[y++]!;
      gain += (ca < cb ? ca : cb) * (match[a]! + 2 * miss[a]!);
    } else if (a < b) x++;
    else y++;
  }
  return gain;
}

/** Lexical cost: rewards anchors shared by the two sides, penalises those found on one side only. */
export function anchorCost(en: PackedBag, ru: PackedBag, match: Float64Array, miss: Float64Array): number {
  let cost = 0;
  let x = 0;
  let y = 0;
  while (x < en.ids.length || y < ru.ids.length) {
    const idEn = x < en.ids.length ? en.ids[x]! : Infinity;
    const idRu = y < ru.ids.length ? ru.ids[y]! : Infinity;
    if (idEn === idRu) {
      const a = en.counts[x++]!;
      const b = ru.counts[y++]!;
      const shared = a < b ? a : b;
      cost += miss[idEn]! * (a + b - 2 * shared) - match[idEn]! * shared;
    } else if (idEn < idRu) {
      cost += miss[idEn]! * en.counts[x++]!;
    } else {
      cost += miss[idRu]! * ru.counts[y++]!;
    }
  }
  return cost;
}
