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
 *  - opening parentheses (`paren:(`) and quoted passages (`quote:`; a Russian line of dialogue opened
 *    by a dash counts as one), since asides and quotations are kept in translation;
 *  - the sentence-final mark when it is `?`, `!` or `:` (`end:?`): questions stay questions.
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

/**
 * A number: thousands groups (`10,000` in English, `10 000` in Russian, with a space, no-break or
 * thin space), a decimal part (`3.5` / `3,5`) or plain digits.
 */
export const NUMBER = /[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9]{1,3}(?:[ \u00a0\u202f][0-9]{3})+(?![0-9])|[0-9]+(?:[.,][0-9]+(?![0-9.,]))?/gu;
const UPPER_START = /^\p{Lu}/u;
const ALL_UPPER = /^[\p{Lu}0-9]+$/u;
const CYRILLIC_WORD = /^\p{Script=Cyrillic}+$/u;
const LATIN_LETTERS = /^[A-Za-z]+$/u;
const LATIN_WORD = /^[A-Za-z][A-Za-z0-9]*$/u;


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

/** Marks counted per unit while it is tokenized. */
interface Marks {
  parens: Uint16Array;
  guillemets: Uint16Array;
  low: Uint16Array;
  high: Uint16Array;
  straight: Uint16Array;
  /** The sentence-final mark, closing quotes and brackets aside, when it is `?`, `!` or `:` (else 0). */
  final: Uint16Array;
  /** The unit opens with a dash and a space: a line of dialogue. */
  dialogue: Uint8Array;
}

/** Quoted passages: English “…” and "…" pairs, Russian «…», „…“ and "…" (and a line of dialogue opened by a dash). */
function quoteCount(marks: Marks, u: number, lang: 'en' | 'ru'): number {
  const paired = Math.ceil(marks.straight[u]! / 2);
  const high = marks.high[u]!;
  if (lang === 'en') return high + paired;
  const low = marks.low[u]!;
  return marks.guillemets[u]! + (low > 0 ? low : high) + paired + marks.dialogue[u]!;
}

/** Closing quotes, brackets and spaces that may follow a sentence-final mark. */
const AFTER_FINAL = new Set(' \t\n\r\u00a0"”»’)]'.split('').map((ch) => ch.charCodeAt(0)));

function finalMark(text: string): number {
  for (let k = text.length - 1; k >= 0; k--) {
    const c = text.charCodeAt(k);
    if (c === 63 || c === 33 || c === 58) return c; // ? ! :
    if (!AFTER_FINAL.has(c)) return 0;
  }
  return 0;
}

function opensDialogue(text: string): boolean {
  let k = 0;
  while (k < text.length && isSpace(text.charCodeAt(k))) k++;
  const c = text.charCodeAt(k);
  return (c === 0x2014 || c === 0x2013) && k + 1 < text.length && isSpace(text.charCodeAt(k + 1));
}

/** The code unit is one that `\s` matches (white space and line terminators): no one-character string and no regular expression per unit. */
function isSpace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
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

/** Name keys by word form, per language: skeletons are pure, so one cache serves every alignment. */
const nameCache = { en: new Map<string, string>(), ru: new Map<string, string>() };
const NAME_CACHE_LIMIT = 100_000;

function cachedNameKey(word: string, lang: 'en' | 'ru'): string {
  const cache = nameCache[lang];
  let key = cache.get(word);
  if (key === undefined) {
    key = nameKey(word, lang);
    if (cache.size >= NAME_CACHE_LIMIT) cache.clear();
    cache.set(word, key);
  }
  return key;
}

/** Anchor bags of one side, flat: unit u's anchor ids (ascending) and counts are at offsets[u]..offsets[u+1]. */
export interface FlatBags {
  offsets: Int32Array;
  ids: Int32Array;
  counts: Int32Array;
}

/** Anchor bags of both sides with their keys numbered (`keys[id]`). */
export interface FlatAnchors {
  keys: string[];
  en: FlatBags;
  ru: FlatBags;
}

/** The words of one side: distinct forms and, per unit, the form index of each word. */
interface Tokens {
  forms: string[];
  offsets: Int32Array;
  words: Int32Array;
  hasDigit: Uint8Array;
  marks: Marks;
}

/**
 * Code unit classes for the tokenizer. A word is a run of digits, Latin letters, U+00C0–U+024F and the
 * Cyrillic block U+0400–U+04FF (the code units of `/[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]+/g`); the
 * marks counted per unit are ( " « „ “.
 */
const LETTER = 1;
const DIGIT = 2;
const CHAR_CLASS = (() => {
  const table = new Uint8Array(0x500);
  for (let c = 0x30; c <= 0x39; c++) table[c] = DIGIT;
  for (let c = 0x41; c <= 0x5a; c++) table[c] = LETTER;
  for (let c = 0x61; c <= 0x7a; c++) table[c] = LETTER;
  table.fill(LETTER, 0xc0, 0x250);
  table.fill(LETTER, 0x400, 0x500);
  return table;
})();

/**
 * Distinct word forms in order of first occurrence, and the form index of every word, found in one
 * pass over each unit's code units: a word is hashed as it is read and looked up in an open-addressing
 * table of the forms seen, its characters compared with the form's in a flat pool. No string is made
 * for a word whose form is known (a regular expression's match would make one per word, and the map
 * of forms would hash it again: most of the tokenizer's garbage), and the unit's marks and digits are
 * counted in the same pass.
 */
class WordScanner {
  forms: string[] = [];
  words: Int32Array<ArrayBuffer>;
  count = 0;
  /** Form id + 1 by hash slot (0: empty). */
  private slots: Int32Array<ArrayBuffer>;
  private formHash: Int32Array<ArrayBuffer>;
  private formStart: Int32Array<ArrayBuffer>;
  private pool: Uint16Array<ArrayBuffer>;
  private poolSize = 0;

  /**
   * Room for `capacity` words; the tables start at the size `chars` characters can fill (at most one form
   * per two characters), up to that of a few hundred forms, and grow from there: the paragraphs of a
   * document are aligned one group at a time, thousands of small tokenizations.
   */
  constructor(capacity: number, chars: number) {
    this.words = new Int32Array(Math.max(16, capacity));
    let slots = 16;
    while (slots < 1024 && slots < chars) slots *= 2;
    this.slots = new Int32Array(slots);
    this.formHash = new Int32Array(slots >> 2);
    this.formStart = new Int32Array(slots >> 2);
    this.pool = new Uint16Array(Math.min(4096, Math.max(16, chars)));
  }

  /**
   * Unit u's words, digits and marks. One call per unit: a small method the engine compiles once.
   * The marks are counted through one increment (`counted[mark][u]`): an
   * increment per mark, in a branch English never takes (« „), had no feedback when Russian first
   * met it, and the compiled code was thrown away.
   */
  scan(text: string, u: number, hasDigit: Uint8Array, counted: readonly Uint16Array[]): void {
    const length = text.length;
    let start = -1;
    let hash = 0;
    for (let k = 0; k <= length; k++) {
      const c = k < length ? text.charCodeAt(k) : 0;
      const kind = c < 0x500 ? CHAR_CLASS[c]! : 0;
      if (kind !== 0) {
        if (start < 0) {
          start = k;
          hash = 0x811c9dc5 | 0;
        }
        hash = Math.imul(hash ^ c, 0x01000193);
        if (kind === DIGIT) hasDigit[u] = 1;
        continue;
      }
      if (start >= 0) {
        this.addWord(text, start, k, hash);
        start = -1;
      }
      const mark = c === 40 ? 0 : c === 34 ? 1 : c === 0xab ? 2 : c === 0x201e ? 3 : c === 0x201c ? 4 : -1;
      if (mark >= 0) counted[mark]![u]!++;
    }
  }

  private addWord(text: string, from: number, to: number, hash: number): void {
    const slots = this.slots;
    const mask = slots.length - 1;
    const length = to - from;
    let slot = hash & mask;
    for (;;) {
      const entry = slots[slot]!;
      if (entry === 0) break;
      const f = entry - 1;
      const at = this.formStart[f]!;
      if (this.formHash[f] === hash && this.formStart[f + 1]! - at === length && this.sameChars(text, from, at, length)) {
        this.push(f);
        return;
      }
      slot = (slot + 1) & mask;
    }
    const f = this.forms.push(text.slice(from, to)) - 1;
    if (f + 2 > this.formStart.length) {
      this.formStart = growInt32(this.formStart, this.formStart.length * 2);
      this.formHash = growInt32(this.formHash, this.formStart.length);
    }
    if (this.poolSize + length > this.pool.length) {
      const pool = new Uint16Array(Math.max(this.pool.length * 2, this.poolSize + length));
      pool.set(this.pool);
      this.pool = pool;
    }
    for (let k = 0; k < length; k++) this.pool[this.poolSize + k] = text.charCodeAt(from + k);
    this.poolSize += length;
    this.formStart[f + 1] = this.poolSize;
    this.formHash[f] = hash;
    slots[slot] = f + 1;
    if (2 * (f + 1) > slots.length) this.rehash();
    this.push(f);
  }

  private sameChars(text: string, from: number, at: number, length: number): boolean {
    const pool = this.pool;
    for (let k = 0; k < length; k++) if (pool[at + k] !== text.charCodeAt(from + k)) return false;
    return true;
  }

  private push(f: number): void {
    if (this.count === this.words.length) this.words = growInt32(this.words, this.words.length * 2);
    this.words[this.count++] = f;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let f = 0; f < this.forms.length; f++) {
      let slot = this.formHash[f]! & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = f + 1;
    }
    this.slots = slots;
  }
}

function growInt32(array: Int32Array<ArrayBuffer>, length: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(length);
  bigger.set(array);
  return bigger;
}

function tokenize(texts: readonly string[]): Tokens {
  const scanner = new WordScanner(texts.length * 8, totalLength(texts));
  const offsets = new Int32Array(texts.length + 1);
  const hasDigit = new Uint8Array(texts.length);
  const n = texts.length;
  const marks: Marks = {
    parens: new Uint16Array(n),
    guillemets: new Uint16Array(n),
    low: new Uint16Array(n),
    high: new Uint16Array(n),
    straight: new Uint16Array(n),
    final: new Uint16Array(n),
    dialogue: new Uint8Array(n),
  };
  // In the order of `scan`'s marks: ( " « „ “.
  const counted = [marks.parens, marks.straight, marks.guillemets, marks.low, marks.high];
  scanUnits(texts, scanner, offsets, hasDigit, counted, marks.final, marks.dialogue);
  return { forms: scanner.forms, offsets, words: scanner.words.subarray(0, scanner.count), hasDigit, marks };
}

function totalLength(texts: readonly string[]): number {
  let chars = 0;
  for (let u = 0; u < texts.length; u++) chars += texts[u]!.length;
  return chars;
}

/**
 * The loop over a side's units, in a function of its own with nothing after it: compiled on the
 * stack inside `tokenize`, its code was thrown away at the code after the loop (no feedback yet)
 * and compiled again for the other side.
 */
function scanUnits(texts: readonly string[], scanner: WordScanner, offsets: Int32Array, hasDigit: Uint8Array, counted: readonly Uint16Array[], final: Uint16Array, dialogue: Uint8Array): void {
  for (let u = 0; u < texts.length; u++) {
    const text = texts[u]!;
    scanner.scan(text, u, hasDigit, counted);
    offsets[u + 1] = scanner.count;
    final[u] = finalMark(text);
    dialogue[u] = opensDialogue(text) ? 1 : 0;
  }
}

/** Grows a list of anchor ids and counts (typed arrays, doubled when full) and cuts it into units. */
class BagBuilder {
  private ids: Int32Array;
  private counts: Int32Array;
  private size = 0;
  offsets: Int32Array;
  private unit = 0;
  /** The current unit's ids, one per occurrence (`pendingSize` of them). */
  private pending = new Int32Array(64);
  private pendingSize = 0;

  constructor(units: number) {
    this.offsets = new Int32Array(units + 1);
    this.ids = new Int32Array(Math.max(16, units * 4));
    this.counts = new Int32Array(this.ids.length);
  }

  add(id: number, count = 1): void {
    if (id < 0) return;
    if (this.pendingSize + count > this.pending.length) {
      const pending = new Int32Array(Math.max(this.pending.length * 2, this.pendingSize + count));
      pending.set(this.pending);
      this.pending = pending;
    }
    for (let k = 0; k < count; k++) this.pending[this.pendingSize++] = id;
  }

  /** The anchors of words `from`..`to` of `words`, form f's being `ids[offsets[f]..offsets[f + 1]]`. */
  addWords(words: Int32Array, from: number, to: number, offsets: Int32Array, ids: readonly number[]): void {
    for (let w = from; w < to; w++) {
      const f = words[w]!;
      for (let k = offsets[f]!; k < offsets[f + 1]!; k++) this.add(ids[k]!);
    }
  }

  private push(id: number, count: number): void {
    if (this.size === this.ids.length) {
      const ids = new Int32Array(this.size * 2);
      const counts = new Int32Array(this.size * 2);
      ids.set(this.ids);
      counts.set(this.counts);
      this.ids = ids;
      this.counts = counts;
    }
    this.ids[this.size] = id;
    this.counts[this.size++] = count;
  }

  /** Closes the current unit: its ids sorted, repeats counted. */
  close(): void {
    const pending = this.pending;
    const size = this.pendingSize;
    if (size > 1) {
      // Insertion sort: bags are small.
      for (let k = 1; k < size; k++) {
        const x = pending[k]!;
        let z = k - 1;
        while (z >= 0 && pending[z]! > x) {
          pending[z + 1] = pending[z]!;
          z--;
        }
        pending[z + 1] = x;
      }
    }
    for (let k = 0; k < size; ) {
      const id = pending[k]!;
      let z = k + 1;
      while (z < size && pending[z] === id) z++;
      this.push(id, z - k);
      k = z;
    }
    this.pendingSize = 0;
    this.offsets[++this.unit] = this.size;
  }

  build(): FlatBags {
    return { offsets: this.offsets, ids: this.ids.slice(0, this.size), counts: this.counts.slice(0, this.size) };
  }
}

const acronymMaps = new WeakMap<object, { en: Map<string, string>; ru: Map<string, string> }>();

function acronymMapsOf(acronyms: ReadonlyArray<readonly [string, string]>): { en: Map<string, string>; ru: Map<string, string> } {
  let maps = acronymMaps.get(acronyms);
  if (!maps) {
    maps = { en: new Map(), ru: new Map() };
    for (const [enForm, ruForm] of acronyms) {
      maps.en.set(enForm, ruForm);
      maps.ru.set(ruForm, ruForm);
    }
    acronymMaps.set(acronyms, maps);
  }
  return maps;
}

/**
 * Anchor bags for the two sides of a bitext, flat and numbered. The whole of each side is looked at
 * once so that the Latin words of the Russian side decide which English words count as anchors.
 * `keep` decides which keys are kept (all by default); `extra` bags are added unit by unit.
 * Everything about a word depends only on its form, so each distinct form is looked at once.
 */
export function extractFlatAnchors(
  en: readonly string[],
  ru: readonly string[],
  options: AnchorOptions = {},
  keep: (key: string) => boolean = () => true,
  extra?: { en: readonly AnchorBag[]; ru: readonly AnchorBag[] },
): FlatAnchors {
  const { en: enAcronym, ru: ruAcronym } = acronymMapsOf(options.acronyms ?? ACRONYMS_EN_RU);
  const lexicon = options.lexicon === undefined ? shippedLexicon() : options.lexicon;
  const useNames = options.names ?? true;

  const keys: string[] = [];
  const keyIds = new Map<string, number>();
  const intern = (key: string): number => {
    let id = keyIds.get(key);
    if (id === undefined) {
      id = keep(key) ? keys.push(key) - 1 : -1;
      keyIds.set(key, id);
    }
    return id;
  };

  const enTokens = tokenize(en);
  const ruTokens = tokenize(ru);
  const latinInRussian = new Set<string>();
  for (const word of ruTokens.forms) {
    if (LATIN_WORD.test(word) && !enAcronym.has(word)) latinInRussian.add(word.toLowerCase());
  }

  const conceptsOf = (word: string, lang: 'en' | 'ru'): readonly number[] => {
    if (!lexicon) return [];
    if (lang === 'en') return LATIN_LETTERS.test(word) ? lexicon.english(word) : [];
    return CYRILLIC_WORD.test(word) ? lexicon.russian(word) : [];
  };
  const enConcepts = enTokens.forms.map((w) => conceptsOf(w, 'en'));
  const ruConcepts = ruTokens.forms.map((w) => conceptsOf(w, 'ru'));
  const enNames = useNames ? enTokens.forms.map((w) => cachedNameKey(w, 'en')) : [];
  const ruNames = useNames ? ruTokens.forms.map((w) => cachedNameKey(w, 'ru')) : [];
  // Lexicon concepts and names count only when both sides have them somewhere.
  const enConceptSet = new Set<number>();
  for (const ids of enConcepts) for (const id of ids) enConceptSet.add(id);
  const sharedConcepts = new Set<number>();
  for (const ids of ruConcepts) for (const id of ids) if (enConceptSet.has(id)) sharedConcepts.add(id);
  const enNameSet = new Set(enNames);
  const sharedNames = new Set(ruNames.filter((key) => key !== '' && enNameSet.has(key)));

  /** Anchor ids of each form, flat. */
  const formKeys = (lang: 'en' | 'ru', tokens: Tokens, concepts: (readonly number[])[], names: string[]): { offsets: Int32Array; ids: number[] } => {
    const offsets = new Int32Array(tokens.forms.length + 1);
    const ids: number[] = [];
    tokens.forms.forEach((word, f) => {
      if (lang === 'en') {
        const acronym = enAcronym.get(word);
        if (acronym !== undefined) ids.push(intern(`acr:${acronym}`));
        else {
          const lower = word.toLowerCase();
          if (latinInRussian.has(lower)) ids.push(intern(`lat:${lower}`));
        }
      } else {
        const acronym = ruAcronym.get(word) ?? enAcronym.get(word); // an acronym may be kept in Latin
        if (acronym !== undefined) ids.push(intern(`acr:${acronym}`));
        else if (LATIN_WORD.test(word)) ids.push(intern(`lat:${word.toLowerCase()}`));
      }
      for (const id of concepts[f]!) if (sharedConcepts.has(id)) ids.push(intern(`lex:${id}`));
      const name = names[f];
      if (name && sharedNames.has(name)) ids.push(intern(`name:${name}`));
      offsets[f + 1] = ids.length;
    });
    return { offsets, ids };
  };

  const paren = intern('paren:(');
  const quote = intern('quote:');
  const endQuestion = intern('end:?');
  const endExclamation = intern('end:!');
  const endColon = intern('end::');
  /** Anchor id of each number as written (normalising is the costly part). */
  const numberIds = new Map<string, number>();
  const bags = (lang: 'en' | 'ru', texts: readonly string[], tokens: Tokens, keysOf: { offsets: Int32Array; ids: number[] }, extraBags: readonly AnchorBag[] | undefined): FlatBags => {
    const builder = new BagBuilder(texts.length);
    for (let u = 0; u < texts.length; u++) {
      const text = texts[u]!;
      if (tokens.hasDigit[u]) {
        NUMBER.lastIndex = 0;
        for (let match = NUMBER.exec(text); match; match = NUMBER.exec(text)) {
          const digits = match[0];
          let id = numberIds.get(digits);
          if (id === undefined) numberIds.set(digits, (id = intern(`num:${normaliseNumber(digits)}`)));
          builder.add(id);
        }
      }
      const marks = tokens.marks;
      const parens = marks.parens[u]!;
      if (parens > 0) builder.add(paren, parens);
      const quotes = quoteCount(marks, u, lang);
      if (quotes > 0) builder.add(quote, quotes);
      const final = marks.final[u]!;
      if (final) builder.add(final === 63 ? endQuestion : final === 33 ? endExclamation : endColon);
      builder.addWords(tokens.words, tokens.offsets[u]!, tokens.offsets[u + 1]!, keysOf.offsets, keysOf.ids);
      const more = extraBags?.[u];
      if (more) for (const [key, count] of more) builder.add(intern(key), count);
      builder.close();
    }
    return builder.build();
  };
  const enBags = bags('en', en, enTokens, formKeys('en', enTokens, enConcepts, enNames), extra?.en);
  const ruBags = bags('ru', ru, ruTokens, formKeys('ru', ruTokens, ruConcepts, ruNames), extra?.ru);
  return { keys, en: enBags, ru: ruBags };
}

/** Anchor bags for the two sides of a bitext, as maps from key to count (see `extractFlatAnchors`). */
export function extractAnchors(en: readonly string[], ru: readonly string[], options: AnchorOptions = {}): { en: AnchorBag[]; ru: AnchorBag[] } {
  const flat = extractFlatAnchors(en, ru, options);
  const maps = (bags: FlatBags, count: number): AnchorBag[] =>
    Array.from({ length: count }, (_, u) => {
      const bag = new Map<string, number>();
      for (let k = bags.offsets[u]!; k < bags.offsets[u + 1]!; k++) bag.set(flat.keys[bags.ids[k]!]!, bags.counts[k]!);
      return bag;
    });
  return { en: maps(flat.en, en.length), ru: maps(flat.ru, ru.length) };
}

/** Weight of an anchor kind (the part of its key before `:`). */
export interface AnchorWeight {
  /** Nats taken off the cost for each anchor found on both sides of a bead. */
  match: number;
  /** Nats added for each anchor found on one side only. */
  miss: number;
}
