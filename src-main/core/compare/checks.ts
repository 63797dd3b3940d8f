/**
 * Consistency checks of an aligned document, row by row:
 *  - a date, number, percentage, amount, acronym, Latin token, URL, e-mail address, name or
 *    bracketed reference on one side that is missing or different on the other;
 *  - a row left untranslated (the same text on both sides, English text in the Russian column or
 *    Russian text in the English one);
 *  - an empty side (a 1-0 or 0-1 row), and a row much longer or shorter than the text's ratio;
 *  - a glossary term whose equivalent is missing on the other side;
 *  - an English word rendered in different ways across the document (from the lexicon and learned links).
 * Each finding names its kind, its row and the items. Findings are data: nothing here throws on a
 * strange text. Pure TypeScript.
 */
import type { Finding, FindingDetail, FindingItem, FindingKind } from '../../contract/compare';
import type { Lexicon } from '../align/lexicon';
import { isUntranslated, sameText } from '../align/untranslated';
import type { Lang } from '../model';
import { type Item, type ItemContext, type ItemKind, extractItems, itemContext, sameItem, wordSkeleton } from './items';
import { type LinkClass, type PreparedTerm, type TermLink, linkRow, overlaps } from './links';
import { type TermPattern, findTerm, termPattern } from './terms';
import { type Token, tokenize } from './tokens';
import type { WordModel } from './word-model';

export { FINDING_DETAILS, FINDING_KINDS } from '../../contract/compare';
export type { Finding, FindingDetail, FindingItem, FindingKind } from '../../contract/compare';

export interface CheckRow {
  id: string;
  en: string;
  ru: string;
}

export interface GlossaryPair {
  en: string;
  ru: string;
}

export interface CheckOptions {
  glossary?: readonly GlossaryPair[];
  lexicon?: Lexicon | null;
  /** The document's word model, for the renderings check (none: lexicon links only). */
  model?: WordModel | null;
  /** A row is flagged when its length ratio is this many times off the text's (default 2.2). */
  lengthFactor?: number;
  /** Rows shorter than this (characters, longer side) are not length-checked (default 60). */
  minLengthChecked?: number;
  /** Links computed already (one list per row), to spare computing them again. */
  links?: readonly (readonly TermLink[])[];
  /** The document's item context, tokens and items, when the caller has them already. */
  context?: ItemContext;
  tokens?: readonly { en: Token[]; ru: Token[] }[];
  items?: readonly { en: Item[]; ru: Item[] }[];
}

const FAMILY: Readonly<Record<ItemKind, FindingKind>> = {
  date: 'date',
  number: 'number',
  amount: 'number',
  percent: 'percent',
  acronym: 'acronym',
  latin: 'latin',
  url: 'url',
  email: 'email',
  name: 'name',
  reference: 'reference',
};

/** Items that answer each other although their kinds differ (an amount and a number of the same value). */
function answers(a: Item, b: Item): boolean {
  return FAMILY[a.kind] === FAMILY[b.kind] && sameItem(a, b);
}

/** Some item of `others` answers `item`: `answers(item, other)`. */
function anyAnswers(item: Item, others: readonly Item[]): boolean {
  for (let k = 0; k < others.length; k++) if (answers(item, others[k]!)) return true;
  return false;
}

/** Some item of `others` is answered by `item`: `answers(other, item)`. */
function answeredBy(others: readonly Item[], item: Item): boolean {
  for (let k = 0; k < others.length; k++) if (answers(others[k]!, item)) return true;
  return false;
}

function letters(text: string): { latin: number; cyrillic: number } {
  let latin = 0;
  let cyrillic = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k) | 32;
    if (c >= 97 && c <= 122) latin++;
    else {
      // Cyrillic letters (not the signs U+0482–0489, which the text comparison ignores).
      const u = text.charCodeAt(k);
      if (u >= 0x400 && u <= 0x4ff && (u < 0x482 || u > 0x489)) cyrillic++;
    }
  }
  return { latin, cyrillic };
}

function skeletonsOf(tokens: readonly Token[], lang: Lang): Set<string> {
  const out = new Set<string>();
  for (const t of tokens) {
    for (const part of t.text.split('-')) {
      if (!/^\p{L}+$/u.test(part)) continue;
      const key = wordSkeleton(part, lang);
      if (key.length >= 3) out.add(key);
    }
  }
  return out;
}

const BY_PRESENCE: ReadonlySet<ItemKind> = new Set<ItemKind>(['acronym', 'latin', 'name']);

function hasSkeleton(skeletons: ReadonlySet<string>, key: string): boolean {
  if (skeletons.has(key)) return true;
  for (const s of skeletons) if (s.startsWith(key) || (s.length >= 4 && key.startsWith(s))) return true;
  return false;
}

/**
 * Acronyms a translation may spell out instead (or the original may): the UN's Secretary-General is
 * «Генеральный секретарь ООН». Keys as in `items.ts`.
 */
export const ACRONYM_EXPANSIONS: Readonly<Record<string, { en: readonly string[]; ru: readonly string[] }>> = {
  'acr:ООН': { en: ['United Nations'], ru: ['Организация Объединенных Наций'] },
  'acr:ВОЗ': { en: ['World Health Organisation', 'World Health Organization'], ru: ['Всемирная организация здравоохранения'] },
  'acr:ВТО': { en: ['World Trade Organisation', 'World Trade Organization'], ru: ['Всемирная торговая организация'] },
  'acr:АСЕАН': { en: ['Association of Southeast Asian Nations'], ru: ['Ассоциация государств Юго-Восточной Азии'] },
  'acr:ВАС': { en: ['East Asia Summit'], ru: ['Восточноазиатский саммит'] },
  'acr:АРФ': { en: ['ASEAN Regional Forum'], ru: ['Региональный форум АСЕАН'] },
  'acr:ВТамО': { en: ['World Customs Organization', 'World Customs Organisation'], ru: ['Всемирная таможенная организация'] },
  'acr:ЕС': { en: ['European Union'], ru: ['Европейский союз'] },
};

const expansionPatterns = new Map<string, { en: TermPattern[]; ru: TermPattern[] }>();

function expanded(key: string, tokens: readonly Token[], lang: Lang): boolean {
  const entry = ACRONYM_EXPANSIONS[key];
  if (!entry) return false;
  let patterns = expansionPatterns.get(key);
  if (!patterns) {
    patterns = { en: entry.en.map((t) => termPattern(t, 'en')), ru: entry.ru.map((t) => termPattern(t, 'ru')) };
    expansionPatterns.set(key, patterns);
  }
  return patterns[lang].some((p) => findTerm(tokens, p).length > 0);
}

/** Unmatched items of each side, per finding kind. */
function itemFindings(row: CheckRow, enItems: Item[], ruItems: Item[], tokens: { en: Token[]; ru: Token[] }): Finding[] {
  const enLeft = new Uint8Array(enItems.length);
  const ruLeft = new Uint8Array(ruItems.length);
  // (Plain loops: this runs on every row.) Each English item takes the first free Russian item that answers it.
  for (let i = 0; i < enItems.length; i++) {
    const a = enItems[i]!;
    let j = -1;
    for (let k = 0; k < ruItems.length; k++) {
      if (!ruLeft[k] && answers(a, ruItems[k]!)) {
        j = k;
        break;
      }
    }
    if (j >= 0) ruLeft[j] = 1;
    else enLeft[i] = 1;
  }
  // Acronyms, Latin tokens and names are counted as present or absent, not one by one: a
  // translation often names the organisation once where the original repeats it.
  let left = false;
  for (let i = 0; i < enItems.length; i++) {
    const a = enItems[i]!;
    if (enLeft[i] && BY_PRESENCE.has(a.kind) && anyAnswers(a, ruItems)) enLeft[i] = 0;
    if (enLeft[i] === 1 && !a.soft) left = true;
  }
  for (let k = 0; k < ruItems.length; k++) {
    const b = ruItems[k]!;
    if (!ruLeft[k] && BY_PRESENCE.has(b.kind) && answeredBy(enItems, b)) ruLeft[k] = 1;
    if (!ruLeft[k] && !b.soft) left = true;
  }
  // Nothing left over on either side (most rows): no finding.
  if (!left) return [];
  // ruLeft marks the Russian items used (so a Russian item is left over where it is 0), enLeft the English ones left over.
  let ruSkeletons: Set<string> | undefined;
  let enSkeletons: Set<string> | undefined;
  const byKind = new Map<FindingKind, FindingItem[]>();
  const sides = new Map<FindingKind, Set<Lang>>();
  const note = (kind: FindingKind, side: Lang, item: Item): void => {
    let list = byKind.get(kind);
    if (!list) byKind.set(kind, (list = []));
    list.push({ side, text: item.text, start: item.start, end: item.end });
    let set = sides.get(kind);
    if (!set) sides.set(kind, (set = new Set()));
    set.add(side);
  };
  enItems.forEach((item, i) => {
    if (enLeft[i] !== 1 || item.soft) return;
    if (item.kind === 'name') {
      // A name may be rendered by a word of another case or an adjective (Moscow ~ московской).
      ruSkeletons ??= skeletonsOf(tokens.ru, 'ru');
      if (hasSkeleton(ruSkeletons, item.key.slice(5))) return;
    }
    if (item.kind === 'acronym' && expanded(item.key, tokens.ru, 'ru') && !expanded(item.key, tokens.en, 'en')) return;
    note(FAMILY[item.kind], 'en', item);
  });
  ruItems.forEach((item, k) => {
    if (ruLeft[k] || item.soft) return;
    if (item.kind === 'name') {
      enSkeletons ??= skeletonsOf(tokens.en, 'en');
      if (hasSkeleton(enSkeletons, item.key.slice(5))) return;
    }
    if (item.kind === 'acronym' && expanded(item.key, tokens.en, 'en') && !expanded(item.key, tokens.ru, 'ru')) return;
    // A Latin word of the Russian found as a word of the English.
    if (item.kind === 'latin' && tokens.en.some((t) => t.folded === item.key.slice(4))) return;
    note(FAMILY[item.kind], 'ru', item);
  });
  const out: Finding[] = [];
  for (const [kind, items] of byKind) {
    const set = sides.get(kind)!;
    const detail: FindingDetail = set.size === 2 ? 'different' : set.has('en') ? 'missing-ru' : 'missing-en';
    out.push({ id: `${kind}:${row.id}:${items.map((i) => `${i.side}=${i.text}`).join('|')}`, kind, detail, rowId: row.id, items });
  }
  return out;
}

function countMatches(text: string, re: RegExp): number {
  return (text.match(re) ?? []).length;
}

function untranslated(row: CheckRow): Finding | undefined {
  const en = row.en.trim();
  const ru = row.ru.trim();
  if (!en || !ru) return undefined;
  const make = (detail: FindingDetail, items: FindingItem[]): Finding => ({ id: `untranslated:${row.id}:${detail}`, kind: 'untranslated', detail, rowId: row.id, items });
  const ruLetters = letters(ru);
  const enLetters = letters(en);
  // The aligner's test (`align/untranslated.ts`) first: the same text, or the English left as it was.
  // (Texts with different counts of Cyrillic letters cannot be the same: spared the comparison.)
  const couldBeSame = ruLetters.cyrillic === enLetters.cyrillic;
  if (couldBeSame && ruLetters.latin + ruLetters.cyrillic >= 3 && sameText(en, ru)) return make('same-text', [{ side: 'ru', text: ru }]);
  // English in the Russian column: the aligner's test, or mostly Latin letters over several words.
  // (The words are counted only where the letters make them matter.)
  // isUntranslated: a Russian side with Cyrillic is untranslated only if it is the same text.
  if (((ruLetters.cyrillic === 0 || couldBeSame) && isUntranslated(en, ru)) || (ruLetters.latin > 2 * ruLetters.cyrillic && countMatches(ru, /[A-Za-z]{2,}/gu) >= 3)) return make('english-in-russian', [{ side: 'ru', text: ru }]);
  if (enLetters.cyrillic > 2 * enLetters.latin && countMatches(en, /\p{Script=Cyrillic}{2,}/gu) >= 3) return make('russian-in-english', [{ side: 'en', text: en }]);
  return undefined;
}

/**
 * How the English words linked by the lexicon or the word model are rendered, row by row: English
 * stem → its first form and, by the root of the Russian word (its stem's first four letters), the
 * first Russian form and the rows (in order). Built over a range of rows; ranges merge
 * (`mergeRenderings`) in row order into what one pass over every row would build.
 */
export type Renderings = Map<string, { text: string; rows: Map<string, { text: string; rows: string[] }> }>;

/** Runs every check on the rows of one document. */
export function checkDocument(rows: readonly CheckRow[], options: CheckOptions = {}): Finding[] {
  const { findings, renderings } = checkRows(rows, options);
  findings.push(...renderingFindings(renderings));
  return findings;
}

/**
 * The checks of rows `from` to `to` (the whole document's length ratio and item context still
 * apply), and the renderings of their links, for `renderingFindings` once every range is done.
 * `options.links`, `tokens` and `items` are indexed by row, and need only cover the range.
 */
export function checkRows(rows: readonly CheckRow[], options: CheckOptions = {}, from = 0, to = rows.length): { findings: Finding[]; renderings: Renderings } {
  const checker = rowChecker(rows, options);
  for (let index = from; index < to; index++) checker.check(index);
  return { findings: checker.findings, renderings: checker.renderings };
}

/** The checks of a document one row at a time (`checkRows`), for a caller that makes each row's items and links just before. */
export interface RowChecker {
  /** Checks row `index`, with its items, links and tokens when the caller has them (else `options`' or made here). */
  check(index: number, links?: readonly TermLink[], items?: { en: Item[]; ru: Item[] }, tokens?: { en: Token[]; ru: Token[] }): void;
  /** The findings so far, in row order. */
  findings: Finding[];
  /** The renderings of the rows checked so far. */
  renderings: Renderings;
}

export function rowChecker(rows: readonly CheckRow[], options: CheckOptions = {}): RowChecker {
  const findings: Finding[] = [];
  const glossaryPairs = options.glossary ?? [];
  const glossary: PreparedTerm[] = glossaryPairs.map((g) => ({ en: termPattern(g.en, 'en'), ru: termPattern(g.ru, 'ru') }));
  const acronymPairs = glossaryPairs.filter((g) => /^[\p{Lu}0-9-]{2,}s?$/u.test(g.en) && /^[\p{Lu}0-9-]{2,}$/u.test(g.ru)).map((g) => [g.en, g.ru] as const);
  const context: ItemContext = options.context ?? itemContext(
    rows.map((r) => r.en),
    rows.map((r) => r.ru),
    { acronyms: acronymPairs },
  );

  // The text's length ratio: the median over the rows long enough to tell (robust to the odd row).
  const factor = options.lengthFactor ?? 2.2;
  const minLength = options.minLengthChecked ?? 60;
  const ratios: number[] = [];
  for (const r of rows) {
    if (r.en.trim() && r.ru.trim() && Math.max(r.en.length, r.ru.length) >= minLength) ratios.push(r.ru.length / r.en.length);
  }
  ratios.sort((a, b) => a - b);
  const ratio = ratios.length > 0 ? ratios[Math.floor(ratios.length / 2)]! : 1;

  const renderings: Renderings = new Map();
  const check = (index: number, rowLinks?: readonly TermLink[], rowItems?: { en: Item[]; ru: Item[] }, rowTokens?: { en: Token[]; ru: Token[] }): void => {
    const row = rows[index]!;
    const hasEn = row.en.trim() !== '';
    const hasRu = row.ru.trim() !== '';
    if (hasEn !== hasRu) {
      const side: Lang = hasEn ? 'en' : 'ru';
      findings.push({ id: `empty:${row.id}`, kind: 'empty', detail: hasEn ? 'no-ru' : 'no-en', rowId: row.id, items: [{ side, text: hasEn ? row.en : row.ru }] });
      return;
    }
    if (!hasEn) return;
    const tokens = rowTokens ?? options.tokens?.[index] ?? { en: tokenize(row.en, 'en'), ru: tokenize(row.ru, 'ru') };
    const lost = untranslated(row);
    if (lost) {
      findings.push(lost);
      return;
    }
    const enItems = rowItems?.en ?? options.items?.[index]?.en ?? extractItems(row.en, 'en', context, tokens.en);
    const ruItems = rowItems?.ru ?? options.items?.[index]?.ru ?? extractItems(row.ru, 'ru', context, tokens.ru);
    findings.push(...itemFindings(row, enItems, ruItems, tokens));

    const longer = Math.max(row.en.length, row.ru.length);
    if (longer >= minLength) {
      const rowRatio = row.ru.length / Math.max(1, row.en.length) / ratio;
      if (rowRatio > factor || rowRatio < 1 / factor) {
        const detail: FindingDetail = rowRatio > factor ? 'longer' : 'shorter';
        findings.push({ id: `length:${row.id}:${detail}`, kind: 'length', detail, rowId: row.id, items: [{ side: 'ru', text: `${row.ru.length}/${row.en.length}` }] });
      }
    }

    const links = rowLinks ?? options.links?.[index] ?? linkRow(row.en, row.ru, { context, glossary, lexicon: options.lexicon, model: options.model, tokens, items: { en: enItems, ru: ruItems } });
    glossaryPairs.forEach((entry, g) => {
      const term = glossary[g]!;
      const enHits = findTerm(tokens.en, term.en);
      let ruHits = findTerm(tokens.ru, term.ru);
      // A Russian hit the row's links give to another English word renders that word: the English term
      // is not missing («Всемирная организация здравоохранения» renders "World Health Organisation",
      // not a "health care" of the glossary). Not the other way: an English term rendered by another
      // Russian word is just what the check is for ("pandemic" as «пандемия» against «эпидемия»).
      if (ruHits.length > enHits.length) ruHits = ruHits.filter((h) => !renderedElsewhere(links, 'ru', h, enHits));
      if (enHits.length !== ruHits.length) {
        const missingRu = enHits.length > ruHits.length;
        const hits = missingRu ? enHits : ruHits;
        const side: Lang = missingRu ? 'en' : 'ru';
        const text = missingRu ? row.en : row.ru;
        findings.push({
          id: `glossary:${row.id}:${entry.en}=${entry.ru}`,
          kind: 'glossary',
          detail: missingRu ? 'missing-ru' : 'missing-en',
          rowId: row.id,
          items: [...hits.map((h) => ({ side, text: text.slice(h.start, h.end), start: h.start, end: h.end })), { side: missingRu ? 'ru' : 'en', text: missingRu ? entry.ru : entry.en }],
        });
      }
    });

    for (const link of links) {
      if (!RENDERED.has(link.class)) continue;
      const enToken = tokenAt(tokens.en, link.en.start);
      const ruToken = tokenAt(tokens.ru, link.ru.start);
      if (!enToken || !ruToken) continue;
      let entry = renderings.get(enToken.stem);
      if (!entry) renderings.set(enToken.stem, (entry = { text: enToken.folded, rows: new Map() }));
      // Renderings of one root (поддержка, поддерживая) are one rendering.
      const root = ruToken.stem.slice(0, 4);
      let rendering = entry.rows.get(root);
      if (!rendering) entry.rows.set(root, (rendering = { text: ruToken.folded, rows: [] }));
      // Rows come in order: a row already counted is the last one.
      if (rendering.rows.at(-1) !== row.id) rendering.rows.push(row.id);
    }
  };
  return { check, findings, renderings };
}


/**
 * Whether every character of a term's hit on `side` is covered by the row's links (other than the
 * glossary's own) to words of the other side outside that term's hits there.
 */
function renderedElsewhere(links: readonly TermLink[], side: Lang, hit: { start: number; end: number }, otherHits: readonly { start: number; end: number }[]): boolean {
  const other: Lang = side === 'en' ? 'ru' : 'en';
  let covered = hit.start;
  const spans = links
    .filter((l) => l.class !== 'glossary' && overlaps(l[side], hit))
    .filter((l) => !otherHits.some((o) => overlaps(l[other], o)))
    .map((l) => l[side])
    .sort((a, b) => a.start - b.start);
  for (const span of spans) {
    if (span.start > covered) return false;
    covered = Math.max(covered, span.end);
  }
  return covered >= hit.end;
}

/** Adds the renderings of a later range of rows to those of the rows before it. */
export function mergeRenderings(into: Renderings, later: Renderings): Renderings {
  for (const [stem, entry] of later) {
    const known = into.get(stem);
    if (!known) {
      into.set(stem, entry);
      continue;
    }
    for (const [root, rendering] of entry.rows) {
      const before = known.rows.get(root);
      if (!before) known.rows.set(root, rendering);
      else for (const id of rendering.rows) if (before.rows.at(-1) !== id) before.rows.push(id);
    }
  }
  return into;
}

/** An English word rendered in different ways: at least two renderings of two rows each, none of them dominant. */
export function renderingFindings(renderings: Renderings): Finding[] {
  const findings: Finding[] = [];
  for (const [, entry] of renderings) {
    const list = [...entry.rows.values()].sort((a, b) => b.rows.length - a.rows.length);
    const total = list.reduce((n, r) => n + r.rows.length, 0);
    const frequent = list.filter((r) => r.rows.length >= 2);
    if (total < 4 || frequent.length < 2 || list[0]!.rows.length / total > 0.75) continue;
    const rowIds = [...new Set(list.flatMap((r) => r.rows))];
    findings.push({
      id: `inconsistent:${entry.text}`,
      kind: 'inconsistent',
      detail: 'renderings',
      rowId: rowIds[0]!,
      rowIds,
      items: [{ side: 'en', text: entry.text, count: total }, ...frequent.map((r) => ({ side: 'ru' as const, text: r.text, count: r.rows.length }))],
    });
  }
  return findings;
}

/** The token that starts at `start` (tokens are in text order), if any. */
function tokenAt(tokens: readonly Token[], start: number): Token | undefined {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = tokens[mid]!.start;
    if (s === start) return tokens[mid];
    if (s < start) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/** Links whose renderings are compared across the document. */
const RENDERED: ReadonlySet<LinkClass> = new Set<LinkClass>(['lexicon', 'learned']);
