/**
 * Items that a translation must carry over unchanged, found in one side of a row with their
 * offsets and a key that is the same in both languages:
 *  - dates in any form: `11 March 2020` = `11 марта 2020 г.` (`date:2020-03-11`), `18-19 May` =
 *    `18–19 мая` (`date:----05-18/19`), `June 2020` = `июнь 2020 года`, `17.06.2020`, `2020-06-17`;
 *  - numbers (`num:10000` from `10,000` and `10 000`; `3.5` = `3,5`), ordinals (`73rd` = `73-й`,
 *    `15th` = `15-м`: `num:73`), amounts with a scale or a currency (`$5 million` = `5 млн долл.`:
 *    `num:5000000`), percentages (`5%` = `5 %` = `5 per cent` = `5 процентов`: `pct:5`); small
 *    number words (`two` = `двух`) are soft items: they answer a number but are never missing
 *    (so are names known only by a short or capitalised skeleton, below);
 *  - acronyms through the shared table (`WHO` = `ВОЗ`, `ADMM-Plus` = `СМОА-плюс`: `acr:СМОА+`),
 *    Latin tokens kept in the Russian (`COVID-19`, `Rospotrebnadzor`), names through
 *    transliteration (`Vladivostok` ~ `Владивостоке`: `name:vldvstk`), URLs, e-mail addresses and
 *    bracketed references (`(2005)` = `(2005 г.)`, `(b)` = `(б)`).
 * Which Latin tokens, unknown acronyms and names count is decided by the whole document (the
 * `ItemContext`): an English word is an item only if the Russian side uses it somewhere.
 * Pure TypeScript.
 */
import { ACRONYMS_EN_RU } from '../align/acronyms';
import { NUMBER, normaliseNumber } from '../align/anchors';
import { foldSpelling, skeleton, transliterate } from '../align/translit';
import type { Lang } from '../model';
import { type DocumentTokens, FormCache, type Token, type TokenColumn, type WordForm, columnOf, tokenize, tokenizeColumn } from './tokens';

export const ITEM_KINDS = ['date', 'number', 'percent', 'amount', 'acronym', 'latin', 'name', 'url', 'email', 'reference'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export interface Item {
  kind: ItemKind;
  /** The same on both sides for the same item (`date:2020-03-11`, `acr:ВОЗ`, `num:73`). */
  key: string;
  /** As written, and where (code-unit offsets in the text). */
  text: string;
  start: number;
  end: number;
  /** Answers an item of the other side but is never itself reported missing (number words). */
  soft?: boolean;
}

/**
 * An item. Every item is made here, with its properties in one order (`soft` left undefined when
 * not soft), so that the code reading items sees one object shape: items of several shapes made
 * V8 throw away and recompile the links and the checks (the largest functions) in a fresh worker.
 */
export function makeItem(kind: ItemKind, key: string, text: string, start: number, end: number, soft?: boolean): Item {
  return { kind, key, text, start, end, soft: soft ? true : undefined };
}

/**
 * Acronyms the aligner's table does not list but a translation often has (Harmonized System).
 * The aligner's table (`ACRONYMS_EN_RU`) comes first; these only add to it.
 */
export const EXTRA_ACRONYMS: ReadonlyArray<readonly [en: string, ru: string]> = [
  ['HS', 'ГС'],
  ['EU', 'ЕС'],
  ['NATO', 'НАТО'],
  ['UNESCO', 'ЮНЕСКО'],
  ['UNICEF', 'ЮНИСЕФ'],
  ['OSCE', 'ОБСЕ'],
  ['CIS', 'СНГ'],
  ['BRICS', 'БРИКС'],
  ['SCO', 'ШОС'],
  ['IMF', 'МВФ'],
  ['GDP', 'ВВП'],
  ['APEC', 'АТЭС'],
  ['UNSC', 'СБ ООН'],
  ['EAEU', 'ЕАЭС'],
  ['SDGs', 'ЦУР'],
];

/** What the whole document says about which words count as items. */
export interface ItemContext {
  /** English acronym → its Russian form (identity for the Russian forms). */
  acronymsEn: ReadonlyMap<string, string>;
  acronymsRu: ReadonlyMap<string, string>;
  /** Latin words (folded) that occur in the Russian side. */
  latinInRussian: ReadonlySet<string>;
  /** Name skeletons capitalised somewhere on both sides; `null`: every capitalised word counts. */
  names: ReadonlySet<string> | null;
}

export interface ContextOptions {
  /** More English→Russian acronym pairs (from a glossary). */
  acronyms?: ReadonlyArray<readonly [string, string]>;
  /** The tokens of each row when the caller has them already (`en[k]`, `ru[k]` for text `k`). */
  tokens?: { en: readonly (readonly Token[])[]; ru: readonly (readonly Token[])[] };
  /** The same in columns (`tokenizeColumn`): what a whole document's comparison has. */
  columns?: DocumentTokens;
}

const LATIN = /[A-Za-z]/u;
const UPPER_START = /^\p{Lu}/u;
const HAS_LOWER = /\p{Ll}/u;

function acronymMaps(extra: ReadonlyArray<readonly [string, string]>): { en: Map<string, string>; ru: Map<string, string> } {
  const en = new Map<string, string>();
  const ru = new Map<string, string>();
  for (const [e, r] of [...ACRONYMS_EN_RU, ...EXTRA_ACRONYMS, ...extra]) {
    if (!en.has(e)) en.set(e, r);
    ru.set(r, r);
  }
  return { en, ru };
}

/**
 * Skeleton of a capitalised word that may be a name, or ''. Mostly the consonant skeleton of
 * `align/translit.ts` (Vladivostok ~ Владивостоке: `vldvstk`); a name with fewer than three
 * consonants (Russia ~ России, Hanoi ~ Ханое, Lavrov ~ Лаврова) keeps its vowels as `V`
 * (`rVsV`, `hVnV`), which two short words rarely share by chance. A word in capitals of five
 * letters or more (MURMANSK ~ МУРМАНСК) may be a name too (acronyms are tried before names).
 */
export function nameSkeleton(word: string, lang: Lang): string {
  if (!UPPER_START.test(word)) return '';
  if (!HAS_LOWER.test(word.slice(1)) && word.length < 5) return '';
  if (lang === 'en' ? !/^[A-Za-z]+$/u.test(word) : !/^\p{Script=Cyrillic}+$/u.test(word)) return '';
  return wordSkeleton(word, lang);
}

/** Case endings cut from a Russian name: those of `align/translit.ts` but the plural ones (Вьетнам, Амстердам keep their -ам). */
const RUSSIAN_NAME_ENDINGS = ['ого', 'его', 'ому', 'ему', 'ой', 'ей', 'ую', 'юю', 'ых', 'их', 'ым', 'им', 'ом', 'ем', 'ий', 'ый', 'а', 'я', 'у', 'ю', 'е', 'ы', 'и', 'о', 'ь', 'й'];

function russianNameStem(word: string): string {
  const w = word.toLowerCase();
  for (const ending of RUSSIAN_NAME_ENDINGS) {
    if (w.endsWith(ending) && w.length - ending.length >= 3) return w.slice(0, -ending.length);
  }
  return w;
}

/**
 * The key of a word as a name, whatever its case ('' when too short to tell): the consonant
 * skeleton, or for fewer than three consonants the vowel skeleton without a final vowel
 * (Russia, России → `rVs`; Hanoi, Ханое, Ханой → `hVn`), English words of five letters or more only.
 */
export function wordSkeleton(word: string, lang: Lang): string {
  const latin = lang === 'en' ? englishStem(word) : transliterate(russianNameStem(word));
  const key = skeleton(latin);
  if (key.length >= 3) return key;
  if (lang === 'en' && word.length < 5) return '';
  const vowels = vowelSkeleton(latin).replace(/V$/u, '');
  return vowels.length >= 3 && vowels.includes('V') ? vowels : '';
}

/** The English word as `englishSkeleton` reads it (possessive and plural -s cut). */
function englishStem(word: string): string {
  const w = word.toLowerCase().replace(/['’]s$/u, '');
  return w.length > 4 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w;
}

/** The consonant skeleton's spelling rules, with each run of vowels kept as one `V`. */
export function vowelSkeleton(latin: string): string {
  const w = foldSpelling(latin);
  let out = '';
  for (const ch of w) {
    const c = 'aeiou'.includes(ch) ? 'V' : ch;
    if (out.at(-1) !== c) out += c;
  }
  return out;
}

const skeletonCache: Record<Lang, Map<string, string>> = { en: new Map(), ru: new Map() };

function cachedNameSkeleton(word: string, lang: Lang): string {
  const cache = skeletonCache[lang];
  let key = cache.get(word);
  if (key === undefined) {
    key = nameSkeleton(word, lang);
    if (cache.size > 200_000) cache.clear();
    cache.set(word, key);
  }
  return key;
}

/** The context of a document, from all its English and Russian text. */
export function itemContext(en: readonly string[], ru: readonly string[], options: ContextOptions = {}): ItemContext {
  const maps = acronymMaps(options.acronyms ?? []);
  const columns: DocumentTokens = options.columns ?? {
    en: options.tokens ? columnOf(options.tokens.en, 'en') : tokenizeColumn(en, 'en'),
    ru: options.tokens ? columnOf(options.tokens.ru, 'ru') : tokenizeColumn(ru, 'ru'),
  };
  // Words are counted by the rows they occur in. Each word gets an id; what each word form of a
  // column contributes (the ids of its words) is worked out once a form, first, into flat lists:
  // form f's ids are `ids[start[f]]` to `ids[start[f + 1]]` (a Russian form that is not Latin
  // contributes none, only its name skeletons).
  const words = new WordIds();
  const ruNames = new Set<string>();
  const ruForms = formWordIds(columns.ru, (word, out) => {
    if (LATIN.test(word.word)) {
      out.push(words.id(word.folded));
      for (const part of word.folded.split('-')) out.push(words.id(stripPossessive(part)));
    } else {
      for (const part of word.word.split('-')) {
        const key = cachedNameSkeleton(part, 'ru');
        if (key) ruNames.add(key);
      }
    }
  });
  const names = new Set<string>();
  const enForms = formWordIds(columns.en, (word, out) => {
    out.push(words.id(word.folded));
    for (const part of word.word.split('-')) {
      out.push(words.id(part.toLowerCase()));
      const key = cachedNameSkeleton(stripPossessive(part), 'en');
      if (key && ruNames.has(key)) names.add(key);
    }
  });
  const size = words.ids.size;
  const lastRow = new Int32Array(size).fill(-1);
  // Rows in which each Latin word occurs in the Russian, outside URLs and e-mail addresses.
  const ruRowsOf = new Int32Array(size);
  countRussianRows(ru, columns.ru, ruForms, lastRow, ruRowsOf);
  lastRow.fill(-1);
  const enRowsOf = new Int32Array(size);
  countEnglishRows(en, columns.en, enForms, lastRow, enRowsOf, ruNames, names);
  // An ordinary lower-case English word (install, backup) is a Latin token of the Russian only if
  // the Russian keeps it in nearly every row where the English has it: otherwise it is translated
  // and only kept in commands or quotations.
  const latinInRussian = new Set<string>();
  for (const [word, id] of words.ids) {
    const rows = ruRowsOf[id]!;
    if (rows === 0) continue;
    const ordinary = /^[a-z]+$/u.test(word);
    if (!ordinary || rows >= 0.8 * enRowsOf[id]!) latinInRussian.add(word);
  }
  return { acronymsEn: maps.en, acronymsRu: maps.ru, latinInRussian, names };
}

/** Words (strings) numbered 0, 1, 2… in the order first met. */
class WordIds {
  readonly ids = new Map<string, number>();

  id(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(word, id);
    }
    return id;
  }
}

/** What each form of a column contributes (`ids` of form f: `start[f]` to `start[f + 1]`), by `contribute` once a form. */
interface FormIds {
  start: Int32Array;
  ids: Int32Array;
}

function formWordIds(column: TokenColumn, contribute: (word: WordForm, out: number[]) => void): FormIds {
  const start = new Int32Array(column.words.length + 1);
  const out: number[] = [];
  // Forms with the same word (Russia, Russia’s) contribute alike: worked out once.
  const byWord = new Map<string, number>();
  for (let f = 0; f < column.words.length; f++) {
    start[f] = out.length;
    const word = column.words[f]!;
    const same = byWord.get(word.word);
    if (same === undefined) {
      byWord.set(word.word, f);
      contribute(word, out);
    } else for (let q = start[same]!; q < start[same + 1]!; q++) out.push(out[q]!);
  }
  start[column.words.length] = out.length;
  return { start, ids: Int32Array.from(out) };
}

/** The Russian rows each word occurs in (the words of URLs and e-mail addresses left out). */
function countRussianRows(ru: readonly string[], column: TokenColumn, forms: FormIds, lastRow: Int32Array, rowsOf: Int32Array): void {
  const { start, ids } = forms;
  for (let row = 0; row < ru.length; row++) {
    const text = ru[row]!;
    const addresses = text.includes('://') || text.includes('www.') || text.includes('@') ? [...text.matchAll(URL), ...text.matchAll(EMAIL)].map((m) => [m.index, m.index + m[0].length] as const) : [];
    for (let z = column.rowStart[row]!; z < column.rowStart[row + 1]!; z++) {
      const local = column.forms[z]!;
      const from = start[local]!;
      const to = start[local + 1]!;
      if (from === to) continue;
      if (addresses.length > 0) {
        const s = column.starts[z]!;
        const e = s + column.words[local]!.word.length;
        if (addresses.some(([a, b]) => s >= a && e <= b)) continue;
      }
      for (let q = from; q < to; q++) {
        const id = ids[q]!;
        if (lastRow[id] === row) continue;
        lastRow[id] = row;
        rowsOf[id]!++;
      }
    }
  }
}

/** The English rows each word occurs in, and the names written in two words (Viet Nam) that the Russian has. */
function countEnglishRows(en: readonly string[], column: TokenColumn, forms: FormIds, lastRow: Int32Array, rowsOf: Int32Array, ruNames: ReadonlySet<string>, names: Set<string>): void {
  const { start, ids } = forms;
  for (let row = 0; row < en.length; row++) {
    const text = en[row]!;
    const from = column.rowStart[row]!;
    const to = column.rowStart[row + 1]!;
    for (let z = from; z + 1 < to; z++) {
      const key = joinedNameAt(text, column.starts[z]!, column.words[column.forms[z]!]!.word, column.starts[z + 1]!, column.words[column.forms[z + 1]!]!.word);
      if (key && ruNames.has(key)) names.add(key);
    }
    for (let z = from; z < to; z++) {
      const local = column.forms[z]!;
      for (let q = start[local]!; q < start[local + 1]!; q++) {
        const id = ids[q]!;
        if (lastRow[id] === row) continue;
        lastRow[id] = row;
        rowsOf[id]!++;
      }
    }
  }
}

const CAPITALISED = /^[A-Z][a-z]+$/u;

/** The name key of two capitalised English words one space apart (Viet Nam ~ Вьетнам: `vtnm`), or ''. */
function joinedName(text: string, a: Token, b: Token): string {
  return joinedNameAt(text, a.start, a.text, b.start, b.text);
}

/** The same, of the words `a` at `aStart` and `b` at `bStart`. */
function joinedNameAt(text: string, aStart: number, a: string, bStart: number, b: string): string {
  const aEnd = aStart + a.length;
  if (bStart !== aEnd + 1 || text.charCodeAt(aEnd) !== 32) return '';
  const ca = text.charCodeAt(aStart);
  const cb = text.charCodeAt(bStart);
  if (ca < 65 || ca > 90 || cb < 65 || cb > 90 || !CAPITALISED.test(a) || !CAPITALISED.test(b)) return '';
  return cachedNameSkeleton(a + b.toLowerCase(), 'en');
}

/** Names written in two English words that the Russian writes as one (Viet Nam ~ Вьетнам). */
function findJoinedNames(text: string, tokens: readonly Token[], context: ItemContext, taken: Uint8Array, out: Item[]): void {
  if (!context.names || context.names.size === 0) return;
  for (let k = 0; k + 1 < tokens.length; k++) {
    const a = tokens[k]!;
    const b = tokens[k + 1]!;
    const key = joinedName(text, a, b);
    if (!key || !context.names.has(key) || taken[a.start] || taken[b.start]) continue;
    taken.fill(1, a.start, b.end);
    out.push(makeItem('name', `name:${key}`, text.slice(a.start, b.end), a.start, b.end));
    k++;
  }
}

/** A context for one row on its own (links): names and Latin words judged from the row itself. */
export function rowContext(en: string, ru: string, options: ContextOptions = {}): ItemContext {
  return itemContext([en], [ru], options);
}

function stripPossessive(word: string): string {
  return word.replace(/['’]s$/u, '');
}

// ---- Dates ----

const EN_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const EN_MONTH = String.raw`(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)`;
const RU_MONTH = String.raw`(январ[ьяею]|феврал[ьяею]|март[ауе]?|апрел[ьяею]|ма[йяею]|июн[ьяею]|июл[ьяею]|август[ауе]?|сентябр[ьяею]|октябр[ьяею]|ноябр[ьяею]|декабр[ьяею])`;
const RU_MONTHS = ['янв', 'фев', 'мар', 'апр', 'ма', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'];
const ORD = '(?:st|nd|rd|th)?';
const DASH = String.raw`\s*(?:-|–|—|‐)\s*`;
const YEAR_RU = String.raw`(?:\s*(?:гг?\.|года|году|год)(?![\p{L}]))?`;
const B = String.raw`(?<![\p{L}\p{N}])`;
const E = String.raw`(?![\p{L}\p{N}])`;

const DATE_PATTERNS: Record<Lang, RegExp[]> = {
  en: [
    new RegExp(`${B}(\\d{1,2})${ORD}(?:(?:${DASH}|\\s+(?:to|and)\\s+)(\\d{1,2})${ORD})?\\s+(?:of\\s+)?${EN_MONTH}\\.?(?:,?\\s+(\\d{4}))?${E}`, 'gu'),
    new RegExp(`${B}${EN_MONTH}\\.?\\s+(\\d{1,2})${ORD}(?:${DASH}(\\d{1,2})${ORD})?(?:,?\\s+(\\d{4}))?${E}`, 'gu'),
    new RegExp(`${B}${EN_MONTH}\\s+(?:of\\s+)?(\\d{4})${E}`, 'gu'),
  ],
  ru: [
    new RegExp(`${B}(\\d{1,2})(?:${DASH}(\\d{1,2}))?\\s+${RU_MONTH}(?:\\s+(\\d{4})${YEAR_RU})?${E}`, 'giu'),
    new RegExp(`${B}${RU_MONTH}\\s+(\\d{4})${YEAR_RU}${E}`, 'giu'),
  ],
};
const NUMERIC_DATES = [/(?<![\p{N}.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\p{N}])/gu, /(?<![\p{N}-])(\d{4})-(\d{2})-(\d{2})(?![\p{N}])/gu];

const NUMERIC_DATE_HINT = /\d[.-]\d/u;
const MONTH_HINT: Record<Lang, RegExp> = {
  en: /Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/u,
  ru: /янв|фев|мар|апр|ма[йяею]|июн|июл|авг|сен|окт|ноя|дек/iu,
};
const FULL_MONTH_DOT = /(?:January|February|March|April|May|June|July|August|September|October|November|December)\.$/u;

const pad = (n: string | number): string => String(n).padStart(2, '0');

function monthIndex(name: string, lang: Lang): number {
  const w = name.toLowerCase();
  if (lang === 'en') return EN_MONTHS.indexOf(w.slice(0, 3)) + 1;
  return RU_MONTHS.findIndex((m) => w.startsWith(m)) + 1;
}

function dateKey(year: string | undefined, month: number, day?: string, day2?: string): string {
  const y = year ?? '----';
  if (day === undefined) return `date:${y}-${pad(month)}`;
  return `date:${y}-${pad(month)}-${pad(Number(day))}${day2 ? `/${pad(Number(day2))}` : ''}`;
}

function findDates(text: string, lang: Lang, taken: Uint8Array, out: Item[]): void {
  const add = (start: number, end: number, key: string): void => {
    // The dot after a month is an abbreviation's (Jun.), not the full stop after a full name (2 June.).
    if (lang === 'en' && text.charCodeAt(end - 1) === 46 && FULL_MONTH_DOT.test(text.slice(Math.max(start, end - 10), end))) end--;
    for (let k = start; k < end; k++) if (taken[k]) return;
    taken.fill(1, start, end);
    out.push(makeItem('date', key, text.slice(start, end), start, end));
  };
  // Each pattern only where its telltale is: digits joined by a dot or a hyphen, a month's name.
  // (Each global pattern is run by `exec` from 0, as `matchAll` runs a copy of it: none matches an empty string.)
  if (NUMERIC_DATE_HINT.test(text)) for (const re of NUMERIC_DATES) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const [d, mo, y] = m[1]!.length === 4 ? [m[3]!, m[2]!, m[1]!] : [m[1]!, m[2]!, m[3]!];
      if (Number(mo) >= 1 && Number(mo) <= 12 && Number(d) >= 1 && Number(d) <= 31) add(m.index, m.index + m[0].length, dateKey(y, Number(mo), d));
    }
  }
  if (!MONTH_HINT[lang].test(text)) return;
  const patterns = DATE_PATTERNS[lang];
  for (let p = 0; p < patterns.length; p++) {
    const re = patterns[p]!;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const end = m.index + m[0].length;
      if (lang === 'en' && p === 1) add(m.index, end, dateKey(m[4], monthIndex(m[1]!, 'en'), m[2], m[3]));
      else if (lang === 'en' && p === 0) add(m.index, end, dateKey(m[4], monthIndex(m[3]!, 'en'), m[1], m[2]));
      else if (lang === 'ru' && p === 0) add(m.index, end, dateKey(m[4], monthIndex(m[3]!, 'ru'), m[1], m[2]));
      else add(m.index, end, dateKey(m[2], monthIndex(m[1]!, lang)));
    }
  }
}

/** Two date keys name the same date; a date without a year answers the same day with one. */
export function sameDate(a: string, b: string): boolean {
  if (a === b) return true;
  const ya = a.slice(5, 9);
  const yb = b.slice(5, 9);
  return (ya === '----' || yb === '----') && a.slice(9) === b.slice(9);
}

// ---- Numbers, percentages, amounts ----

const SCALES: ReadonlyArray<readonly [RegExp, number]> = [
  [/^\s*(?:thousand|тыс\.?|тысяч\p{L}*)(?![\p{L}])/iu, 1e3],
  [/^\s*(?:million|mln|млн\.?|миллион\p{L}*)(?![\p{L}])/iu, 1e6],
  [/^\s*(?:billion|bn|млрд\.?|миллиард\p{L}*)(?![\p{L}])/iu, 1e9],
  [/^\s*(?:trillion|трлн\.?|триллион\p{L}*)(?![\p{L}])/iu, 1e12],
];
const PERCENT_AFTER = /^(?:\s?%|\s+(?:per\s?cent|percent)(?![\p{L}])|\s+процент\p{L}*)/iu;
const CURRENCY_BEFORE = /(?:US\$|\$|€|£|₽|(?:USD|EUR|GBP|RUB)\s?)$/u;
const CURRENCY_AFTER = /^\s*(?:dollars?|euros?|pounds?|roubles?|rubles?|USD|EUR|RUB|долл\.(?:\s?США)?|доллар\p{L}*|евро|руб\.|рубл\p{L}*|фунт\p{L}*)(?![\p{L}])/iu;
const ORDINAL_EN = /^(?:st|nd|rd|th|s|['’]s)(?![\p{L}])/u;
const ORDINAL_RU = /^[-‐–](?:й|я|е|го|му|м|х|ми|ой|ою|ю|ый|ий|ое|ая|ые|ых|ым|ом)(?![\p{L}])/u;

function formatValue(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 1e9) / 1e9);
}

/** The aligner's number pattern, a copy of this module's own (run by `exec`: see `findDates`). */
const NUMBERS = new RegExp(NUMBER.source, 'gu');

function findNumbers(text: string, lang: Lang, taken: Uint8Array, out: Item[]): void {
  NUMBERS.lastIndex = 0;
  for (let m = NUMBERS.exec(text); m !== null; m = NUMBERS.exec(text)) {
    let start = m.index;
    let end = start + m[0].length;
    if (taken[start]) continue;
    const before = text.slice(Math.max(0, start - 8), start);
    // Digits that belong to a word: COVID-19, G20, H1N1, 5G.
    if (/[\p{L}][-‐]?$/u.test(before) && !CURRENCY_BEFORE.test(before)) continue;
    let after = text.slice(end, end + 24);
    let kind: ItemKind = 'number';
    let value = Number(normaliseNumber(m[0]));
    const ordinal = ORDINAL_EN.exec(after) ?? ORDINAL_RU.exec(after);
    if (ordinal) {
      end += ordinal[0].length;
    } else if (/^[\p{L}]/u.test(after) && !/^(?:bn|mln)(?![\p{L}])/u.test(after)) continue;
    after = text.slice(end, end + 24);
    const percent = PERCENT_AFTER.exec(after);
    if (percent) {
      kind = 'percent';
      end += percent[0].length;
    } else {
      for (const [re, scale] of SCALES) {
        const s = re.exec(after);
        if (s) {
          kind = 'amount';
          value *= scale;
          end += s[0].length;
          break;
        }
      }
      const currency = CURRENCY_AFTER.exec(text.slice(end, end + 24));
      if (currency) {
        kind = 'amount';
        end += currency[0].length;
      }
      const prefix = CURRENCY_BEFORE.exec(before);
      if (prefix) {
        kind = 'amount';
        start -= prefix[0].length;
      }
    }
    if (!Number.isFinite(value)) continue;
    taken.fill(1, start, end);
    out.push(makeItem(kind, `${kind === 'percent' ? 'pct' : 'num'}:${formatValue(value)}`, text.slice(start, end), start, end));
  }
}

const NUMBER_WORDS: Record<Lang, ReadonlyArray<readonly [RegExp, number]>> = {
  en: ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'].map((w, k) => [new RegExp(`^${w}$`, 'u'), k + 1] as const),
  ru: [
    [/^(?:один|одна|одно|одного|одной|одному|одним|одном)$/u, 1],
    [/^(?:два|две|двух|двум|двумя)$/u, 2],
    [/^(?:три|трех|трем|тремя)$/u, 3],
    [/^(?:четыре|четырех|четырем|четырьмя)$/u, 4],
    [/^(?:пять|пяти|пятью)$/u, 5],
    [/^(?:шесть|шести|шестью)$/u, 6],
    [/^(?:семь|семи|семью)$/u, 7],
    [/^(?:восемь|восьми|восемью)$/u, 8],
    [/^(?:девять|девяти|девятью)$/u, 9],
    [/^(?:десять|десяти|десятью)$/u, 10],
    [/^(?:одиннадцать|одиннадцати)$/u, 11],
    [/^(?:двенадцать|двенадцати)$/u, 12],
  ],
};

const numberWordCache: Record<Lang, Map<string, number | null>> = { en: new Map(), ru: new Map() };

function numberWord(folded: string, lang: Lang): number | undefined {
  const cache = numberWordCache[lang];
  let value = cache.get(folded);
  if (value === undefined) {
    value = null;
    for (const [re, v] of NUMBER_WORDS[lang]) {
      if (re.test(folded)) {
        value = v;
        break;
      }
    }
    if (cache.size > 100_000) cache.clear();
    cache.set(folded, value);
  }
  return value ?? undefined;
}

// ---- URLs, e-mail, references ----

const URL = /(?<![\p{L}\p{N}@])(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s<>"«»“”]+/giu;
const EMAIL = /(?<![\p{L}\p{N}._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/gu;
const REFERENCE = /[([]\s*([0-9]{1,4}(?:\s*гг?\.)?|[ivxlc]{1,6}|[a-zа-я])\s*[)\]]/giu;
const RU_LETTERS = 'абвгдежзиклмнопрстуфхцчшщэюя';
const ROMAN: Readonly<Record<string, number>> = { i: 1, v: 5, x: 10, l: 50, c: 100 };

function romanValue(text: string): number {
  let total = 0;
  for (let k = 0; k < text.length; k++) {
    const v = ROMAN[text[k]!]!;
    const next = ROMAN[text[k + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

function referenceKey(inner: string): string {
  const w = inner.toLowerCase().replace(/\s*гг?\.$/u, '');
  if (/^[0-9]+$/u.test(w)) return `ref:${Number(w)}`;
  if (/^[ivxlc]+$/u.test(w) && (w.length > 1 || 'ivx'.includes(w))) return `ref:roman-${romanValue(w)}`;
  if (/^[a-z]$/u.test(w)) return `ref:letter-${w.charCodeAt(0) - 96}`;
  const k = RU_LETTERS.indexOf(w);
  return k >= 0 ? `ref:letter-${k + 1}` : `ref:${w}`;
}

function findByPattern(text: string, re: RegExp, taken: Uint8Array, out: Item[], make: (m: RegExpMatchArray) => Omit<Item, 'start' | 'end' | 'text'> | null, trim = false): void {
  for (const m of text.matchAll(re)) {
    const start = m.index!;
    let raw = m[0];
    if (trim) raw = raw.replace(/[.,;:!?)\]]+$/u, '');
    const end = start + raw.length;
    let free = true;
    for (let k = start; k < end; k++) if (taken[k]) free = false;
    if (!free) continue;
    const made = make(Object.assign([raw, ...m.slice(1)], { index: start }) as RegExpMatchArray);
    if (!made) continue;
    taken.fill(1, start, end);
    out.push(makeItem(made.kind, made.key, raw, start, end, made.soft));
  }
}

// ---- Words: acronyms, Latin tokens, names ----

const ALL_CAPS = /^[\p{Lu}][\p{Lu}0-9]+s?$/u;

/** An item a word form yields, at an offset inside the word. */
interface WordItem {
  kind: ItemKind;
  key: string;
  offset: number;
  text: string;
  soft?: boolean;
}

const NO_ITEMS: readonly WordItem[] = [];

/**
 * The items of each word form, per document context and language: a document has a few thousand
 * forms and hundreds of thousands of words, so each form is looked at once.
 */
const wordCaches = new WeakMap<ItemContext, Record<Lang, { byText: Map<string, readonly WordItem[]>; byForm: FormCache<readonly WordItem[]> }>>();

function wordCachesOf(context: ItemContext, lang: Lang): { byText: Map<string, readonly WordItem[]>; byForm: FormCache<readonly WordItem[]> } {
  let caches = wordCaches.get(context);
  if (!caches) wordCaches.set(context, (caches = { en: { byText: new Map(), byForm: new FormCache() }, ru: { byText: new Map(), byForm: new FormCache() } }));
  return caches[lang];
}

function wordItems(token: Token, lang: Lang, context: ItemContext, caches: { byText: Map<string, readonly WordItem[]>; byForm: FormCache<readonly WordItem[]> }): readonly WordItem[] {
  let items = caches.byForm.get(token);
  if (items !== undefined) return items;
  const cache = caches.byText;
  const text = token.text;
  items = cache.get(text);
  if (items === undefined) {
    items = analyseWord(text, lang, context);
    if (cache.size > 200_000) cache.clear();
    cache.set(text, items);
  }
  caches.byForm.set(token, items);
  return items;
}

function analyseWord(text: string, lang: Lang, context: ItemContext): readonly WordItem[] {
  const acronymOf = (word: string): string | undefined => {
    if (lang === 'ru') return context.acronymsRu.get(word) ?? context.acronymsEn.get(word);
    return context.acronymsEn.get(word) ?? (word.endsWith('s') ? context.acronymsEn.get(word.slice(0, -1)) : undefined);
  };
  const out: WordItem[] = [];
  const push = (kind: ItemKind, key: string, word: string, offset: number): void => {
    out.push({ kind, key, text: word, offset, soft: undefined });
  };
  const whole = stripPossessive(text);
  const latin = LATIN.test(whole);
  // A Latin token kept whole in the Russian (COVID-19).
  if (latin && whole.includes('-') && (lang === 'ru' || context.latinInRussian.has(whole.toLowerCase())) && acronymOf(whole.split('-')[0]!) === undefined) {
    push('latin', `lat:${whole.toLowerCase()}`, whole, 0);
    return out;
  }
  const parts = whole.split(/(?<=[-‐])/u);
  let offset = 0;
  for (let p = 0; p < parts.length; p++) {
    const withDash = parts[p]!;
    const part = stripPossessive(withDash.replace(/[-‐]$/u, ''));
    const at = offset;
    offset += withDash.length;
    if (!part) continue;
    const acronym = acronymOf(part);
    const next = parts[p + 1]?.replace(/[-‐]$/u, '');
    if (acronym !== undefined) {
      if (next && /^(?:plus|плюс)$/iu.test(next)) {
        push('acronym', `acr:${acronym}+`, `${part}-${next}`, at);
        p++;
        offset += parts[p]!.length;
      } else push('acronym', `acr:${acronym}`, part, at);
      continue;
    }
    const latinPart = /^[A-Za-z][A-Za-z0-9]*$/u.test(part);
    if (latinPart && ALL_CAPS.test(part) && part.length <= 8 && (lang === 'ru' || context.latinInRussian.has(part.toLowerCase()))) {
      push('acronym', `acr:${part.replace(/s$/u, '')}`, part, at);
      continue;
    }
    if (latinPart && (lang === 'ru' || context.latinInRussian.has(part.toLowerCase()))) {
      push('latin', `lat:${part.toLowerCase()}`, part, at);
      continue;
    }
    const name = cachedNameSkeleton(part, lang);
    if (name && (context.names === null || context.names.has(name))) {
      // A short name's vowel skeleton (Russia: rVs) or a word in capitals (MURMANSK) may meet a
      // word of another meaning by chance (States ~ Статья): such a name is linked, never reported missing.
      if (name.includes('V') || !HAS_LOWER.test(part)) out.push({ kind: 'name', key: `name:${name}`, text: part, offset: at, soft: true });
      else push('name', `name:${name}`, part, at);
      continue;
    }
    if (part.length > 12) continue;
    const folded = part.toLowerCase().replaceAll('ё', 'е');
    const value0 = numberWord(folded, lang);
    if (value0 !== undefined) out.push({ kind: 'number', key: `num:${value0}`, text: part, offset: at, soft: true });
  }
  return out.length === 0 ? NO_ITEMS : out;
}

function findWords(tokens: readonly Token[], lang: Lang, context: ItemContext, taken: Uint8Array, out: Item[]): void {
  const caches = wordCachesOf(context, lang);
  for (const token of tokens) {
    if (taken[token.start]) continue;
    const items = wordItems(token, lang, context, caches);
    for (const w of items) {
      const start = token.start + w.offset;
      const end = start + w.text.length;
      // Number words were always taken; the others give way to an item found before.
      if (w.kind !== 'number' && taken[start]) continue;
      taken.fill(1, start, end);
      out.push(makeItem(w.kind, w.key, w.text, start, end, w.soft));
    }
  }
}

let takenScratch = new Uint8Array(1 << 12);

/** The items of one side of a row, in text order. */
export function extractItems(text: string, lang: Lang, context: ItemContext, tokens: readonly Token[] = tokenize(text, lang)): Item[] {
  // Which characters an item has taken (reused from call to call: only its first text.length + 1 are read).
  if (takenScratch.length < text.length + 1) takenScratch = new Uint8Array(Math.max(text.length + 1, 2 * takenScratch.length));
  const taken = takenScratch;
  taken.fill(0, 0, text.length + 1);
  const out: Item[] = [];
  // Each pattern only where its telltale character is (most rows have no URL, date or bracket).
  if (text.includes('://') || text.includes('www.')) findByPattern(text, URL, taken, out, (m) => ({ kind: 'url', key: `url:${m[0].toLowerCase().replace(/^(?:https?:\/\/)/u, '').replace(/\/$/u, '')}` }), true);
  if (text.includes('@')) findByPattern(text, EMAIL, taken, out, (m) => ({ kind: 'email', key: `email:${m[0].toLowerCase()}` }), true);
  const digits = /[0-9]/u.test(text);
  if (digits) findDates(text, lang, taken, out);
  if (text.includes('(') || text.includes('[')) findByPattern(text, REFERENCE, taken, out, (m) => ({ kind: 'reference', key: referenceKey(m[1]!) }));
  if (digits) findNumbers(text, lang, taken, out);
  if (lang === 'en') findJoinedNames(text, tokens, context, taken, out);
  findWords(tokens, lang, context, taken, out);
  return out.sort((a, b) => a.start - b.start);
}

/** The two items are the same (dates without a year answer the same day with one). */
export function sameItem(a: Item, b: Item): boolean {
  if (a.key === b.key) return true;
  return a.kind === 'date' && b.kind === 'date' && sameDate(a.key, b.key);
}
