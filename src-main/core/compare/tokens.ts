/**
 * Words of a text with their offsets and stems: runs of letters and digits, joined by an inner
 * hyphen or apostrophe (`COVID-19`, `well-being`, `Russia’s`, `СМОА-плюс`). Pure TypeScript.
 */
import type { Lang } from '../model';
import { foldCase, stem } from './stem';

export interface Token {
  /** The word as written. */
  text: string;
  /** Code-unit offsets in the text. */
  start: number;
  end: number;
  /** Lower case, `ё` → `е`. */
  folded: string;
  /** Snowball stem of the folded word (of each hyphen part joined by `-`). */
  stem: string;
  /** A function word, a one-letter word or bare digits: never linked by the word aligner. */
  minor: boolean;
  /** Holds a digit 0–9 (never a lexicon or learned link). */
  digit: boolean;
}

interface FormInfo {
  /** The form's number (`formId`): never reused in this thread. */
  id: number;
  word: string;
  folded: string;
  stem: string;
  minor: boolean;
  digit: boolean;
}
const forms: Record<Lang, Map<string, FormInfo>> = { en: new Map(), ru: new Map() };
const FORM_CACHE_LIMIT = 300_000;
/** The next form's number: forms are numbered 0, 1, 2… in the order first met, across both languages. */
let formCount = 0;

function formInfo(raw: string, lang: Lang): FormInfo {
  const cache = forms[lang];
  let info = cache.get(raw);
  if (info === undefined) {
    // An English possessive is not part of the word: Russia’s → Russia.
    const word = lang === 'en' || /^[A-Za-z]/u.test(raw) ? raw.replace(/['’]s$/u, '') : raw;
    const folded = foldCase(word);
    const stemmed = word.includes('-') ? word.split('-').map((part) => stem(part, lang)).join('-') : stem(word, lang);
    info = { id: formCount++, word, folded, stem: stemmed, minor: folded.length < 2 || /^[0-9]+$/u.test(folded) || FUNCTION_WORDS[lang].has(folded), digit: /[0-9]/u.test(word) };
    if (cache.size >= FORM_CACHE_LIMIT) cache.clear();
    cache.set(raw, info);
  }
  return info;
}

/**
 * A token: where it is, and its word form's facts (shared by every token of that form), so that a
 * document's hundreds of thousands of tokens are small objects for the garbage collector.
 */
class WordToken implements Token {
  readonly end: number;

  /** The form's number (`formId`). */
  get form(): number {
    return this.info.id;
  }

  constructor(
    /** The form's facts (shared by all its tokens). */
    readonly info: FormInfo,
    readonly start: number,
  ) {
    this.end = start + info.word.length;
  }

  get text(): string {
    return this.info.word;
  }

  get folded(): string {
    return this.info.folded;
  }

  get stem(): string {
    return this.info.stem;
  }

  get minor(): boolean {
    return this.info.minor;
  }

  get digit(): boolean {
    return this.info.digit;
  }
}

/**
 * The number of a token's word form (as written, in its language), the same for every token of
 * that form that `tokenize` gives in this thread, and never given to another form: lets a pass over
 * a document's hundreds of thousands of tokens keep what it works out per form in an array
 * (`FormCache`) rather than a map of strings. −1 for a token not made by `tokenize`.
 */
export function formId(token: Token): number {
  return token instanceof WordToken ? token.form : -1;
}

/**
 * What a computation works out once per word form, by `formId`: for facts that depend on nothing
 * but the form's text (and what the cache itself is kept for: one context, one lexicon). Tokens not
 * made by `tokenize` are not cached (`get` gives `undefined`).
 */
export class FormCache<T> {
  private values: (T | undefined)[] = [];

  get(token: Token): T | undefined {
    const id = formId(token);
    return id >= 0 ? this.values[id] : undefined;
  }

  set(token: Token, value: T): void {
    const id = formId(token);
    if (id < 0) return;
    if (id >= this.values.length) {
      // Grown ahead (holes filled), so that the array stays a dense one.
      const grown = Array.from<T | undefined>({ length: Math.max(formCount, 2 * this.values.length, 1024) });
      for (let k = 0; k < this.values.length; k++) grown[k] = this.values[k];
      this.values = grown;
    }
    this.values[id] = value;
  }
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
/** Code units of the Basic Multilingual Plane already judged: 0 not yet, 1 a letter or digit, 2 not. */
const bmpWordCodes = new Uint8Array(0x10000);
const astralWordCodes = new Map<number, boolean>();

/** A letter or digit (code point `cp`): ASCII and Cyrillic decided at once, the rest by `\p{L}\p{N}`, cached. */
function isWordCode(cp: number): boolean {
  if (cp < 128) return (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) || (cp >= 48 && cp <= 57);
  if (cp >= 0x410 && cp <= 0x44f) return true;
  if (cp < 0x10000) {
    let known = bmpWordCodes[cp]!;
    if (known === 0) bmpWordCodes[cp] = known = WORD_CHAR.test(String.fromCodePoint(cp)) ? 1 : 2;
    return known === 1;
  }
  let known = astralWordCodes.get(cp);
  if (known === undefined) {
    known = WORD_CHAR.test(String.fromCodePoint(cp));
    astralWordCodes.set(cp, known);
  }
  return known;
}

/** `'`, `’`, `-`, `‐`: join two runs of letters into one word. */
const isJoiner = (c: number): boolean => c === 39 || c === 0x2019 || c === 45 || c === 0x2010;

/** Where the word found by the last `nextWord` ends. */
let wordEnd = 0;

/**
 * Where the next word of `text` at or after `from` starts (−1 if none; it ends at `wordEnd`): what
 * `/[\p{L}\p{N}]+(?:['’\-‐][\p{L}\p{N}]+)*\/gu` matches, by a scanner over code points (the regular
 * expression was a tenth of the comparison's time).
 */
function nextWord(text: string, from: number): number {
  const n = text.length;
  let k = from;
  while (k < n) {
    const cp = text.codePointAt(k)!;
    if (!isWordCode(cp)) {
      k += cp > 0xffff ? 2 : 1;
      continue;
    }
    const start = k;
    k += cp > 0xffff ? 2 : 1;
    for (;;) {
      while (k < n) {
        const c = text.codePointAt(k)!;
        if (!isWordCode(c)) break;
        k += c > 0xffff ? 2 : 1;
      }
      // A joiner continues the word only when a letter or digit follows it.
      if (k + 1 < n && isJoiner(text.charCodeAt(k)) && isWordCode(text.codePointAt(k + 1)!)) {
        k++;
        continue;
      }
      break;
    }
    wordEnd = k;
    return start;
  }
  return -1;
}

/** The words of `text`, in order. */
export function tokenize(text: string, lang: Lang): Token[] {
  const out: Token[] = [];
  for (let start = nextWord(text, 0); start >= 0; start = nextWord(text, wordEnd)) {
    out.push(new WordToken(formInfo(text.slice(start, wordEnd), lang), start));
  }
  return out;
}

/** What is known of a word form (shared by all its tokens). */
export type WordForm = Readonly<FormInfo>;

/**
 * The tokens of many texts of one language (a document's English or Russian side) in typed arrays,
 * not one object per token: a document's hundreds of thousands of tokens would otherwise live
 * through the whole comparison and cost the collector more than anything else. Text `k`'s tokens
 * are `rowStart[k]` to `rowStart[k + 1]`; token `z` is the word form `words[forms[z]]` (numbered
 * in this column from 0, in the order first met) starting at `starts[z]` and ending
 * `words[forms[z]].word.length` later. `columnTokens` gives one text's tokens as `Token`s, the same
 * as `tokenize` gives.
 */
export interface TokenColumn {
  readonly lang: Lang;
  readonly rowStart: Int32Array;
  readonly forms: Int32Array;
  readonly starts: Int32Array;
  readonly words: readonly WordForm[];
}

/** A document's tokens: its English texts' and its Russian texts' columns (text `k` of each is row `k`). */
export interface DocumentTokens {
  readonly en: TokenColumn;
  readonly ru: TokenColumn;
}

/** The tokens of `texts` (the same as `tokenize` of each), in a column. */
export function tokenizeColumn(texts: readonly string[], lang: Lang): TokenColumn {
  const rowStart = new Int32Array(texts.length + 1);
  let forms = new Int32Array(1024);
  let starts = new Int32Array(1024);
  const words: FormInfo[] = [];
  // The forms met so far, as written (`raws`), found by a hash of their code units: no string is
  // cut from the text for a form already met.
  const raws: string[] = [];
  let mask = 1023;
  let table = new Int32Array(mask + 1).fill(-1);
  let hashes = new Int32Array(0);
  let z = 0;
  for (let k = 0; k < texts.length; k++) {
    const text = texts[k]!;
    rowStart[k] = z;
    for (let start = nextWord(text, 0); start >= 0; start = nextWord(text, wordEnd)) {
      const end = wordEnd;
      let h = 0x811c9dc5;
      for (let c = start; c < end; c++) h = Math.imul(h ^ text.charCodeAt(c), 0x01000193);
      let slot = h & mask;
      let local = -1;
      for (;;) {
        const at = table[slot]!;
        if (at < 0) break;
        if (hashes[at] === h && sameCodes(raws[at]!, text, start, end)) {
          local = at;
          break;
        }
        slot = (slot + 1) & mask;
      }
      if (local < 0) {
        local = words.length;
        const raw = text.slice(start, end);
        raws.push(raw);
        words.push(formInfo(raw, lang));
        if (local >= hashes.length) hashes = grownInt32(hashes, Math.max(1024, 2 * hashes.length));
        hashes[local] = h;
        table[slot] = local;
        if (2 * words.length > mask) {
          mask = 2 * mask + 1;
          table = new Int32Array(mask + 1).fill(-1);
          for (let w = 0; w < words.length; w++) {
            let s = hashes[w]! & mask;
            while (table[s]! >= 0) s = (s + 1) & mask;
            table[s] = w;
          }
        }
      }
      if (z === forms.length) {
        forms = grownInt32(forms, 2 * forms.length);
        starts = grownInt32(starts, 2 * starts.length);
      }
      forms[z] = local;
      starts[z] = start;
      z++;
    }
  }
  rowStart[texts.length] = z;
  return { lang, rowStart, forms: forms.slice(0, z), starts: starts.slice(0, z), words };
}

function sameCodes(raw: string, text: string, start: number, end: number): boolean {
  if (raw.length !== end - start) return false;
  for (let c = 0; c < raw.length; c++) if (raw.charCodeAt(c) !== text.charCodeAt(start + c)) return false;
  return true;
}

function grownInt32(array: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(size);
  grown.set(array);
  return grown;
}

/** Text `k`'s tokens from its column, as `tokenize` gives them (new objects: short-lived, for one row's work). */
export function columnTokens(column: TokenColumn, k: number): Token[] {
  const { rowStart, forms, starts, words } = column;
  const out: Token[] = [];
  for (let z = rowStart[k]!; z < rowStart[k + 1]!; z++) out.push(new WordToken(words[forms[z]!]!, starts[z]!));
  return out;
}

/** Tokens already made (by `tokenize`, one list per text) in a column. */
export function columnOf(rows: readonly (readonly Token[])[], lang: Lang): TokenColumn {
  let n = 0;
  for (const tokens of rows) n += tokens.length;
  const rowStart = new Int32Array(rows.length + 1);
  const forms = new Int32Array(n);
  const starts = new Int32Array(n);
  const words: FormInfo[] = [];
  const localOf = new Map<FormInfo, number>();
  let z = 0;
  rows.forEach((tokens, k) => {
    rowStart[k] = z;
    for (const token of tokens) {
      // A token made elsewhere keeps its own facts (and, like it, no form number).
      const info: FormInfo = token instanceof WordToken ? token.info : { id: -1, word: token.text, folded: token.folded, stem: token.stem, minor: token.minor, digit: token.digit };
      let local = localOf.get(info);
      if (local === undefined) {
        local = words.length;
        words.push(info);
        localOf.set(info, local);
      }
      forms[z] = local;
      starts[z++] = token.start;
    }
  });
  rowStart[rows.length] = z;
  return { lang, rowStart, forms, starts, words };
}

/** Words of the two languages that carry little meaning of their own: never linked by the word aligner. */
export const FUNCTION_WORDS: Readonly<Record<Lang, ReadonlySet<string>>> = {
  en: new Set(
    'a an the and or but nor of to in on at by for with from as into onto upon about over under between among through during within without against towards toward than that this these those there here which who whom whose what when where why how it its they them their theirs we us our ours you your he him his she her i me my be is are was were been being am have has had do does did done will would shall should can could may might must not no so such also too very all any each every both either neither some other another own same just only than then thus hence if whether while although though because since until unless per via etc'.split(' '),
  ),
  ru: new Set(
    'и а но или либо ни не в во на к ко с со у о об обо от до по за из изо под над при про без для через между перед после чтобы что как так также тоже это этот эта эти этого этой этих этим этому тот та те того той тех том тем он она оно они его ее её их им ими ему ей него нее неё них нему ней мы нас нам нами наш наша наше наши нашего нашей наших вы вас вам ваш я меня мне мой свой своя свое своё свои своего своей своих своим своими который которая которое которые которого которой которых которым которыми котором кто чем чём где когда если ли же бы уже ещё еще все всё весь вся всех всем всеми всего всей каждый каждая каждое каждого каждой быть был была было были будет будут является являются есть также лишь только даже именно том числе т д г'.split(' '),
  ),
};

/** True for a word the word aligner leaves alone (function words, one-letter words, bare digits). */
export function isFunctionWord(token: Token, _lang: Lang): boolean {
  return token.minor;
}
