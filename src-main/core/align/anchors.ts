/**
 * Lexical evidence that survives translation, extracted per unit (clause or paragraph) as a multiset
 * of anchor keys. Two units that translate each other tend to share their anchors:
 *  - numbers (`num:2020`; "18-19" and "18–19" both give 18 and 19);
 *  - acronyms through a small bilingual map (`acr:ВОЗ` from "WHO" and from "ВОЗ");
 *  - Latin-script words kept in the Russian ("COVID-19", "Rospotrebnadzor"): `lat:covid`. An English
 *    word is an anchor only if the Russian side uses it somewhere, so ordinary English words are not
 *    counted as missing from the Russian.
 *  - opening parentheses (`paren:(`), since bracketed asides are kept in translation.
 * Pure TypeScript. A later lexicon (dictionary pairs) plugs in here as one more anchor source.
 */
import { ACRONYMS_EN_RU } from './acronyms';

/** Anchor key → number of occurrences. */
export type AnchorBag = ReadonlyMap<string, number>;

export interface AnchorOptions {
  /** English→Russian acronym pairs; defaults to `ACRONYMS_EN_RU`. */
  acronyms?: ReadonlyArray<readonly [string, string]>;
}

const WORD = /[\p{L}\p{N}]+/gu;
const NUMBER = /[0-9]+/gu;
const LATIN_WORD = /^[A-Za-z][A-Za-z0-9]*$/u;

function add(bag: Map<string, number>, key: string, count = 1): void {
  bag.set(key, (bag.get(key) ?? 0) + count);
}

/** The words of a text: maximal runs of letters and digits ("COVID-19" → "COVID", "19"). */
function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Leading zeros do not change a number ("05" = "5"). */
function normaliseNumber(digits: string): string {
  return digits.replace(/^0+(?=[0-9])/u, '');
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

  const ruWords = ru.map(words);
  const latinInRussian = new Set<string>();
  for (const unitWords of ruWords) {
    for (const word of unitWords) {
      if (LATIN_WORD.test(word) && !enAcronym.has(word) && !/^[0-9]/u.test(word)) latinInRussian.add(word.toLowerCase());
    }
  }

  const common = (text: string, bag: Map<string, number>): void => {
    for (const digits of text.match(NUMBER) ?? []) add(bag, `num:${normaliseNumber(digits)}`);
    for (const ch of text) if (ch === '(') add(bag, 'paren:(');
  };

  const enBags = en.map((text) => {
    const bag = new Map<string, number>();
    common(text, bag);
    for (const word of words(text)) {
      const acronym = enAcronym.get(word);
      if (acronym !== undefined) add(bag, `acr:${acronym}`);
      else if (latinInRussian.has(word.toLowerCase())) add(bag, `lat:${word.toLowerCase()}`);
    }
    return bag;
  });
  const ruBags = ru.map((text, index) => {
    const bag = new Map<string, number>();
    common(text, bag);
    for (const word of ruWords[index]!) {
      const acronym = ruAcronym.get(word) ?? enAcronym.get(word); // an acronym may be kept in Latin
      if (acronym !== undefined) add(bag, `acr:${acronym}`);
      else if (LATIN_WORD.test(word)) add(bag, `lat:${word.toLowerCase()}`);
    }
    return bag;
  });
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
