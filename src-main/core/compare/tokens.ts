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
    private readonly info: FormInfo,
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
const wordCharCache = new Map<number, boolean>();

/** A letter or digit (code point `cp`): ASCII and Cyrillic decided at once, the rest by `\p{L}\p{N}`, cached. */
function isWordCode(cp: number): boolean {
  if (cp < 128) return (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) || (cp >= 48 && cp <= 57);
  if (cp >= 0x410 && cp <= 0x44f) return true;
  let known = wordCharCache.get(cp);
  if (known === undefined) {
    known = WORD_CHAR.test(String.fromCodePoint(cp));
    wordCharCache.set(cp, known);
  }
  return known;
}

/** `'`, `’`, `-`, `‐`: join two runs of letters into one word. */
const isJoiner = (c: number): boolean => c === 39 || c === 0x2019 || c === 45 || c === 0x2010;

/**
 * The words of `text`, in order: what `/[\p{L}\p{N}]+(?:['’\-‐][\p{L}\p{N}]+)*\/gu` matches, by a
 * scanner over code points (the regular expression was a tenth of the comparison's time).
 */
export function tokenize(text: string, lang: Lang): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let k = 0;
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
    out.push(new WordToken(formInfo(text.slice(start, k), lang), start));
  }
  return out;
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
