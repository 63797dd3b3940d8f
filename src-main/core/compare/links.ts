/**
 * Term links inside an aligned row: spans of the English side paired with their counterparts in
 * the Russian side, by class:
 *  - `number`: dates, numbers, ordinals, percentages, amounts and bracketed references, by key;
 *  - `acronym`, `name` (transliteration), `latin` (Latin tokens, URLs, e-mail addresses);
 *  - `glossary`: glossary entries found on both sides in any word form;
 *  - `lexicon`: words that share a concept of the bilingual lexicon;
 *  - `learned`: other content words, through the document's own word model (`word-model.ts`),
 *    only where both directions agree and the posterior clears the threshold.
 * When an item or word has several candidates on the other side, the one at the nearest relative
 * position is taken; each span is linked once. A wrong link misleads more than a missing one:
 * ambiguous lexicon matches and weak learned pairs are left out. Pure TypeScript.
 */
import type { LinkClass, Span, TermLink } from '../../contract/compare';
import type { Lexicon } from '../align/lexicon';
import { shippedLexicon } from '../align/lexicon';
import { type Item, type ItemContext, type ItemKind, extractItems, rowContext, sameItem } from './items';
import { type TermPattern, findTerm } from './terms';
import { FormCache, type Token, tokenize } from './tokens';
import type { WordModel } from './word-model';

export { LINK_CLASSES } from '../../contract/compare';
export type { LinkClass, Span, TermLink } from '../../contract/compare';

/** Whether two spans of one text share a character. */
export const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

/** A glossary entry ready for matching. */
export interface PreparedTerm {
  en: TermPattern;
  ru: TermPattern;
}

/** Posterior a learned link needs in both directions (default). */
export const DEFAULT_LINK_THRESHOLD = 0.5;

export interface LinkOptions {
  /** What the document says about names and Latin words; by default judged from the row alone. */
  context?: ItemContext;
  glossary?: readonly PreparedTerm[];
  /** `null` turns lexicon links off; the shipped lexicon by default. */
  lexicon?: Lexicon | null;
  /** The document's word model; no learned links without one. */
  model?: WordModel | null;
  /** This row's index among the rows the model was trained on (its tables are then read directly). */
  modelRow?: number;
  threshold?: number;
  /** Tokens of each side when the caller has them already. */
  tokens?: { en: readonly Token[]; ru: readonly Token[] };
  /** Items of each side when the caller has them already. */
  items?: { en: readonly Item[]; ru: readonly Item[] };
}

const ITEM_CLASS: Readonly<Record<ItemKind, LinkClass>> = {
  date: 'number',
  number: 'number',
  percent: 'number',
  amount: 'number',
  reference: 'number',
  acronym: 'acronym',
  name: 'name',
  latin: 'latin',
  url: 'latin',
  email: 'latin',
};

/** Which characters of a row's two sides are linked already, reused from row to row. */
let usedScratch = new Uint8Array(1 << 12);

/**
 * The Russian words of the row under each lexicon concept, as linked lists: `conceptStamp[c]` says
 * whether concept `c` has a list for the current row, `conceptHead[c]` is its first entry.
 */
let conceptStamp = new Int32Array(0);
let conceptHead = new Int32Array(0);
let stamp = 0;

/** The lexicon links' Russian content words: where each is (0..1) and its concepts, reused from row to row. */
let ruRelScratch = new Float64Array(256);
const ruConceptScratch: (readonly number[])[] = [[0]];

/** Which English word last matched each Russian content word (lexicon links), reused from row to row. */
let seenScratch = new Int32Array(256);

/** Working memory of the learned links (three n × m tables of a row), reused from row to row. */
let scratch = new Float64Array(1 << 12);

/** The lexicon's concepts of each word form, per lexicon and side (the lexicon's own caches are maps of strings). */
interface ConceptsOf {
  en: (token: Token) => readonly number[];
  ru: (token: Token) => readonly number[];
}

const conceptCaches = new WeakMap<Lexicon, ConceptsOf>();

/** The look-ups of a lexicon's concepts per word form (made once a lexicon, not once a row). */
function conceptsOf(lexicon: Lexicon): ConceptsOf {
  let made = conceptCaches.get(lexicon);
  if (!made) conceptCaches.set(lexicon, (made = conceptLookups(lexicon)));
  return made;
}

function conceptLookups(lexicon: Lexicon): ConceptsOf {
  const en = new FormCache<readonly number[]>();
  const ru = new FormCache<readonly number[]>();
  return {
    en(token) {
      let concepts = en.get(token);
      if (concepts === undefined) en.set(token, (concepts = lexicon.english(token.text)));
      return concepts;
    },
    ru(token) {
      let concepts = ru.get(token);
      if (concepts === undefined) ru.set(token, (concepts = lexicon.russian(token.text)));
      return concepts;
    },
  };
}

/** Weight of the position prior: how fast a candidate's score falls with its distance from the diagonal. */
const DIAGONAL = 4;

export function linkRow(en: string, ru: string, options: LinkOptions = {}): TermLink[] {
  const context = options.context ?? rowContext(en, ru);
  const enTokens = options.tokens?.en ?? tokenize(en, 'en');
  const ruTokens = options.tokens?.ru ?? tokenize(ru, 'ru');
  const row = new RowLinks(en.length, ru.length);
  const enItems = options.items?.en ?? extractItems(en, 'en', context, enTokens);
  const ruItems = options.items?.ru ?? extractItems(ru, 'ru', context, ruTokens);
  itemLinks(row, enItems, ruItems);
  if (options.glossary && options.glossary.length > 0) glossaryLinks(row, options.glossary, enTokens, ruTokens);
  const lexicon = options.lexicon === undefined ? shippedLexicon() : options.lexicon;
  if (lexicon) lexiconLinks(row, lexicon, enTokens, ruTokens);
  // Learned: both directions of the word model agree, with a position prior.
  const model = options.model;
  if (model) learnedLinks(model, options, enTokens, ruTokens, en.length, ru.length, row.enUsed, row.ruUsed, row);
  return row.links.sort((a, b) => a.en.start - b.en.start);
}

/**
 * The links of a row being made, and which characters of each side they have taken. Each kind of
 * link is made by a function of its own (V8 compiles, and recompiles, a function as a whole: one
 * long function was the costliest to compile in a fresh worker). Spans are passed as numbers, not
 * objects: items, tokens and glossary hits are objects of different shapes, and code reading
 * several shapes is slower and recompiled more often.
 */
class RowLinks {
  readonly links: TermLink[] = [];
  readonly enUsed: Uint8Array;
  readonly ruUsed: Uint8Array;
  readonly enScale: number;
  readonly ruScale: number;

  constructor(enLength: number, ruLength: number) {
    if (usedScratch.length < enLength + ruLength + 2) usedScratch = new Uint8Array(Math.max(enLength + ruLength + 2, usedScratch.length * 2));
    this.enUsed = usedScratch.subarray(0, enLength + 1);
    this.ruUsed = usedScratch.subarray(enLength + 1, enLength + ruLength + 2);
    this.enUsed.fill(0);
    this.ruUsed.fill(0);
    this.enScale = Math.max(1, enLength);
    this.ruScale = Math.max(1, ruLength);
  }

  add(cls: LinkClass, eStart: number, eEnd: number, rStart: number, rEnd: number, score: number): void {
    this.links.push({ class: cls, en: { start: eStart, end: eEnd }, ru: { start: rStart, end: rEnd }, score });
    this.enUsed.fill(1, eStart, eEnd);
    this.ruUsed.fill(1, rStart, rEnd);
  }
}

function free(used: Uint8Array, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (used[k]) return false;
  return true;
}

/** Items: the nearest unused counterpart with the same key. */
function itemLinks(row: RowLinks, enItems: readonly Item[], ruItems: readonly Item[]): void {
  const { enScale, ruScale } = row;
  const ruTaken = new Uint8Array(ruItems.length);
  for (let i = 0; i < enItems.length; i++) {
    const item = enItems[i]!;
    let best = -1;
    let bestDistance = Infinity;
    const at = (item.start + item.end) / 2 / enScale;
    for (let k = 0; k < ruItems.length; k++) {
      const other = ruItems[k]!;
      if (ruTaken[k] || !sameItem(item, other) || (item.soft && other.soft && item.kind !== 'name')) continue;
      const d = Math.abs(at - (other.start + other.end) / 2 / ruScale);
      if (d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    }
    if (best >= 0) {
      ruTaken[best] = 1;
      const other = ruItems[best]!;
      row.add(ITEM_CLASS[item.kind], item.start, item.end, other.start, other.end, 1);
    }
  }
}

/** Glossary entries: occurrences paired in order. */
function glossaryLinks(row: RowLinks, glossary: readonly PreparedTerm[], enTokens: readonly Token[], ruTokens: readonly Token[]): void {
  const relEn = (s: Span): number => (s.start + s.end) / 2 / row.enScale;
  const relRu = (s: Span): number => (s.start + s.end) / 2 / row.ruScale;
  for (const term of glossary) {
    const enHits = findTerm(enTokens, term.en).filter((h) => free(row.enUsed, h.start, h.end));
    const ruHits = findTerm(ruTokens, term.ru).filter((h) => free(row.ruUsed, h.start, h.end));
    pairNearest(enHits, ruHits, relEn, relRu).forEach(([e, r]) => row.add('glossary', e.start, e.end, r.start, r.end, 1));
  }
}

/** Lexicon: words sharing a concept; ambiguous words only when one candidate is clearly nearest. */
function lexiconLinks(row: RowLinks, lexicon: Lexicon, enTokens: readonly Token[], ruTokens: readonly Token[]): void {
  const { enUsed, ruUsed, enScale, ruScale } = row;
  const content = (tokens: readonly Token[], used: Uint8Array): number[] => {
    const out: number[] = [];
    for (let k = 0; k < tokens.length; k++) {
      const t = tokens[k]!;
      if (!t.minor && !t.digit && free(used, t.start, t.end)) out.push(k);
    }
    return out;
  };
  const conceptsOfToken = conceptsOf(lexicon);
  const enContent = content(enTokens, enUsed);
  const ruContent = content(ruTokens, ruUsed);
  // In arrays kept from row to row (arrays made by `map` differ in their kind of elements from row
  // to row, and V8 threw this function's compiled code away at each new kind).
  if (ruRelScratch.length < ruContent.length) ruRelScratch = new Float64Array(Math.max(ruContent.length, 2 * ruRelScratch.length));
  const ruRel = ruRelScratch;
  const ruConcepts = ruConceptScratch;
  for (let z = 0; z < ruContent.length; z++) {
    const t = ruTokens[ruContent[z]!]!;
    ruConcepts[z] = conceptsOfToken.ru(t);
    ruRel[z] = (t.start + t.end) / 2 / ruScale;
  }
  const candidates: { e: number; r: number; d: number; score: number }[] = [];
  const matches: number[] = [];
  if (conceptStamp.length < lexicon.size) {
    conceptStamp = new Int32Array(lexicon.size);
    conceptHead = new Int32Array(lexicon.size);
  }
  if (++stamp > 0x3fffffff) {
    conceptStamp.fill(0);
    stamp = 1;
  }
  // Entry q of the lists: Russian word entryWord[q], next entry entryNext[q] (−1 ends a list).
  const entryWord: number[] = [];
  const entryNext: number[] = [];
  for (let z = 0; z < ruContent.length; z++) {
    const concepts = ruConcepts[z]!;
    for (let q = 0; q < concepts.length; q++) {
      const c = concepts[q]!;
      if (c >= conceptStamp.length) continue;
      entryWord.push(z);
      entryNext.push(conceptStamp[c] === stamp ? conceptHead[c]! : -1);
      conceptStamp[c] = stamp;
      conceptHead[c] = entryWord.length - 1;
    }
  }
  if (seenScratch.length < ruContent.length) seenScratch = new Int32Array(Math.max(ruContent.length, 2 * seenScratch.length));
  const seenBy = seenScratch;
  seenBy.fill(-1, 0, ruContent.length);
  if (entryWord.length > 0) {
    for (const i of enContent) {
      const concepts: readonly number[] = conceptsOfToken.en(enTokens[i]!);
      if (concepts.length === 0) continue;
      matches.length = 0;
      for (const c of concepts) {
        if (c >= conceptStamp.length || conceptStamp[c] !== stamp) continue;
        for (let q: number = conceptHead[c]!; q >= 0; q = entryNext[q]!) {
          const z = entryWord[q]!;
          if (seenBy[z] !== i) {
            seenBy[z] = i;
            matches.push(z);
          }
        }
      }
      if (matches.length === 0) continue;
      const at = (enTokens[i]!.start + enTokens[i]!.end) / 2 / enScale;
      if (matches.length === 1) {
        candidates.push({ e: i, r: ruContent[matches[0]!]!, d: Math.abs(at - ruRel[matches[0]!]!), score: 1 });
        continue;
      }
      // Ambiguous: taken only if nearest by a clear margin.
      let nearest = -1;
      let first = Infinity;
      let second = Infinity;
      for (const z of matches) {
        const d = Math.abs(at - ruRel[z]!);
        if (d < first) {
          second = first;
          first = d;
          nearest = z;
        } else if (d < second) second = d;
      }
      if (second - first >= 0.15) candidates.push({ e: i, r: ruContent[nearest]!, d: first, score: 0.8 });
    }
  }
  candidates.sort((a, b) => b.score - a.score || a.d - b.d);
  for (const c of candidates) {
    const e = enTokens[c.e]!;
    const r = ruTokens[c.r]!;
    if (free(enUsed, e.start, e.end) && free(ruUsed, r.start, r.end)) row.add('lexicon', e.start, e.end, r.start, r.end, c.score);
  }
}

/** Working memory of the learned links, reused from row to row (grown as needed). */
const learnedScratch = {
  size: 0,
  enAll: new Int32Array(0),
  ruAll: new Int32Array(0),
  enOpen: new Uint8Array(0),
  ruOpen: new Uint8Array(0),
  nullEn: new Float64Array(0),
  nullRu: new Float64Array(0),
  relA: new Float64Array(0),
  relB: new Float64Array(0),
  upA: new Float64Array(0),
  downA: new Float64Array(0),
  upB: new Float64Array(0),
  downB: new Float64Array(0),
  bestForRu: new Int32Array(0),
  postForRu: new Float64Array(0),
};

function growLearnedScratch(words: number): typeof learnedScratch {
  const s = learnedScratch;
  if (s.size >= words) return s;
  const size = Math.max(words, 2 * s.size, 256);
  s.size = size;
  s.enAll = new Int32Array(size);
  s.ruAll = new Int32Array(size);
  s.enOpen = new Uint8Array(size);
  s.ruOpen = new Uint8Array(size);
  s.nullEn = new Float64Array(size);
  s.nullRu = new Float64Array(size);
  s.relA = new Float64Array(size);
  s.relB = new Float64Array(size);
  s.upA = new Float64Array(size);
  s.downA = new Float64Array(size);
  s.upB = new Float64Array(size);
  s.downB = new Float64Array(size);
  s.bestForRu = new Int32Array(size);
  s.postForRu = new Float64Array(size);
  return s;
}

/** Whether no character of `t` is taken yet. */
function isFree(used: Uint8Array, t: Token): boolean {
  for (let k = t.start; k < t.end; k++) if (used[k]) return false;
  return true;
}

/**
 * One side's content words (not minor: what the word model was trained on) into `all` as token
 * indices, and in `open` whether each may still be linked (not a number, no character taken).
 */
function contentWords(tokens: readonly Token[], used: Uint8Array, all: Int32Array, open: Uint8Array): { count: number; anyOpen: boolean } {
  let count = 0;
  let anyOpen = false;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.minor) continue;
    const free = !t.digit && isFree(used, t);
    open[count] = free ? 1 : 0;
    anyOpen ||= free;
    all[count++] = k;
  }
  return { count, anyOpen };
}

/**
 * The learned links of a row: for each pair of content words, t(ru_b | en_a) and t(en_a | ru_b)
 * from the row's own table when the model was trained on this row (else looked up by word id),
 * and a link where the best partner of each is the other and the posterior clears the threshold.
 */
function learnedLinks(
  model: WordModel,
  options: LinkOptions,
  enTokens: readonly Token[],
  ruTokens: readonly Token[],
  enLength: number,
  ruLength: number,
  enUsed: Uint8Array,
  ruUsed: Uint8Array,
  row: RowLinks,
): void {
  const threshold = options.threshold ?? DEFAULT_LINK_THRESHOLD;
  const s = growLearnedScratch(Math.max(enTokens.length, ruTokens.length));
  const { enAll, ruAll, enOpen, ruOpen } = s;
  // Content words (what the model was trained on), and which of them may still be linked.
  const en = contentWords(enTokens, enUsed, enAll, enOpen);
  const ru = contentWords(ruTokens, ruUsed, ruAll, ruOpen);
  if (!en.anyOpen || !ru.anyOpen) return;
  const n = en.count;
  const m = ru.count;
  if (scratch.length < 2 * n * m) scratch = new Float64Array(Math.max(2 * n * m, scratch.length * 2));
  const fwd = scratch;
  const bwdAt = n * m;
  const { nullEn, nullRu } = s;
  // The row's own table when the model was trained on it (read in place: no table made per row).
  const t = options.modelRow === undefined ? -1 : model.trainedIndex(options.modelRow);
  const rows = model.rowArrays;
  if (t >= 0 && (rows.enStart[t + 1]! - rows.enStart[t]!) === n && (rows.ruStart[t + 1]! - rows.ruStart[t]!) === m) {
    const both = model.bothTable;
    const { slots, enIds, ruIds } = rows;
    const s0 = rows.slotStart[t]!;
    for (let z = 0; z < n * m; z++) {
      const p2 = 2 * slots[s0 + z]!;
      fwd[z] = both[p2]!;
      fwd[bwdAt + z] = both[p2 + 1]!;
    }
    const r0 = rows.ruStart[t]!;
    const e0 = rows.enStart[t]!;
    for (let b = 0; b < m; b++) nullRu[b] = model.nullRuById(ruIds[r0 + b]!);
    for (let a = 0; a < n; a++) nullEn[a] = model.nullEnById(enIds[e0 + a]!);
  } else {
    const ruIds = new Int32Array(m);
    for (let b = 0; b < m; b++) {
      ruIds[b] = model.ruId(ruTokens[ruAll[b]!]!.stem);
      nullRu[b] = model.nullRuById(ruIds[b]!);
    }
    for (let a = 0; a < n; a++) {
      const e = model.enId(enTokens[enAll[a]!]!.stem);
      nullEn[a] = model.nullEnById(e);
      for (let b = 0; b < m; b++) {
        fwd[a * m + b] = model.forwardById(e, ruIds[b]!);
        fwd[bwdAt + a * m + b] = model.backwardById(e, ruIds[b]!);
      }
    }
  }
  // The position prior exp(−DIAGONAL·|x − y|) as a product of exp(±DIAGONAL·x) and exp(∓DIAGONAL·y):
  // 2(n + m) exps a row, not n·m.
  const { relA, relB, upA, downA, upB, downB, bestForRu, postForRu } = s;
  const enScale = Math.max(1, enLength);
  const ruScale = Math.max(1, ruLength);
  for (let a = 0; a < n; a++) {
    const t = enTokens[enAll[a]!]!;
    const x = (t.start + t.end) / 2 / enScale;
    relA[a] = x;
    upA[a] = Math.exp(DIAGONAL * x);
    downA[a] = Math.exp(-DIAGONAL * x);
  }
  for (let b = 0; b < m; b++) {
    const t = ruTokens[ruAll[b]!]!;
    const y = (t.start + t.end) / 2 / ruScale;
    relB[b] = y;
    upB[b] = Math.exp(DIAGONAL * y);
    downB[b] = Math.exp(-DIAGONAL * y);
  }
  // For each Russian word: the English word that best generates it (over all content words).
  for (let b = 0; b < m; b++) {
    bestForRu[b] = -1;
    postForRu[b] = 0;
    if (!ruOpen[b]) continue;
    let denom = nullRu[b]!;
    for (let a = 0; a < n; a++) denom += fwd[a * m + b]!;
    let best = -1;
    let bestScore = 0;
    const y = relB[b]!;
    for (let a = 0; a < n; a++) {
      if (!enOpen[a]) continue;
      const sc = fwd[a * m + b]! * (relA[a]! > y ? downA[a]! * upB[b]! : upA[a]! * downB[b]!);
      if (sc > bestScore) {
        bestScore = sc;
        best = a;
      }
    }
    if (best >= 0 && denom > 0) {
      bestForRu[b] = best;
      postForRu[b] = fwd[best * m + b]! / denom;
    }
  }
  for (let a = 0; a < n; a++) {
    if (!enOpen[a]) continue;
    const base = bwdAt + a * m;
    let denom = nullEn[a]!;
    for (let b = 0; b < m; b++) denom += fwd[base + b]!;
    let best = -1;
    let bestScore = 0;
    const x = relA[a]!;
    for (let b = 0; b < m; b++) {
      if (!ruOpen[b]) continue;
      const sc = fwd[base + b]! * (x > relB[b]! ? downA[a]! * upB[b]! : upA[a]! * downB[b]!);
      if (sc > bestScore) {
        bestScore = sc;
        best = b;
      }
    }
    if (best < 0 || denom <= 0 || bestForRu[best] !== a) continue;
    const post = Math.min(postForRu[best]!, fwd[base + best]! / denom);
    const e = enTokens[enAll[a]!]!;
    const r = ruTokens[ruAll[best]!]!;
    if (post >= threshold && isFree(enUsed, e) && isFree(ruUsed, r)) row.add('learned', e.start, e.end, r.start, r.end, post);
  }
}

/** Pairs two lists of spans: in order when they are as many, else each English one to its nearest free one. */
function pairNearest(en: readonly Span[], ru: readonly Span[], relEn: (s: Span) => number, relRu: (s: Span) => number): [Span, Span][] {
  if (en.length === ru.length) return en.map((e, k) => [e, ru[k]!]);
  const taken = new Uint8Array(ru.length);
  const out: [Span, Span][] = [];
  for (const e of en) {
    let best = -1;
    let bestDistance = Infinity;
    ru.forEach((r, k) => {
      const d = Math.abs(relEn(e) - relRu(r));
      if (!taken[k] && d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    });
    if (best >= 0) {
      taken[best] = 1;
      out.push([e, ru[best]!]);
    }
  }
  return out;
}
