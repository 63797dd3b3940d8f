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
import type { Lang } from '../model';
import { type Item, type ItemContext, type ItemKind, extractItems, rowContext, sameItem } from './items';
import { type TermPattern, findTerm } from './terms';
import { type Token, isFunctionWord, tokenize } from './tokens';
import type { WordModel } from './word-model';

export { LINK_CLASSES } from '../../contract/compare';
export type { LinkClass, Span, TermLink } from '../../contract/compare';

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

/** Weight of the position prior: how fast a candidate's score falls with its distance from the diagonal. */
const DIAGONAL = 4;

export function linkRow(en: string, ru: string, options: LinkOptions = {}): TermLink[] {
  const context = options.context ?? rowContext(en, ru);
  const enTokens = options.tokens?.en ?? tokenize(en, 'en');
  const ruTokens = options.tokens?.ru ?? tokenize(ru, 'ru');
  const links: TermLink[] = [];
  const enUsed = new Uint8Array(en.length + 1);
  const ruUsed = new Uint8Array(ru.length + 1);
  const free = (used: Uint8Array, span: Span): boolean => {
    for (let k = span.start; k < span.end; k++) if (used[k]) return false;
    return true;
  };
  const add = (cls: LinkClass, e: Span, r: Span, score: number): void => {
    links.push({ class: cls, en: { start: e.start, end: e.end }, ru: { start: r.start, end: r.end }, score });
    enUsed.fill(1, e.start, e.end);
    ruUsed.fill(1, r.start, r.end);
  };
  const relEn = (s: Span): number => (s.start + s.end) / 2 / Math.max(1, en.length);
  const relRu = (s: Span): number => (s.start + s.end) / 2 / Math.max(1, ru.length);

  // Items: the nearest unused counterpart with the same key.
  const enItems = options.items?.en ?? extractItems(en, 'en', context, enTokens);
  const ruItems = options.items?.ru ?? extractItems(ru, 'ru', context, ruTokens);
  const ruTaken = new Uint8Array(ruItems.length);
  for (const item of enItems) {
    let best = -1;
    let bestDistance = Infinity;
    ruItems.forEach((other, k) => {
      if (ruTaken[k] || !sameItem(item, other) || (item.soft && other.soft)) return;
      const d = Math.abs(relEn(item) - relRu(other));
      if (d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    });
    if (best >= 0) {
      ruTaken[best] = 1;
      add(ITEM_CLASS[item.kind], item, ruItems[best]!, 1);
    }
  }

  // Glossary entries: occurrences paired in order.
  for (const term of options.glossary ?? []) {
    const enHits = findTerm(enTokens, term.en).filter((h) => free(enUsed, h));
    const ruHits = findTerm(ruTokens, term.ru).filter((h) => free(ruUsed, h));
    pairNearest(enHits, ruHits, relEn, relRu).forEach(([e, r]) => add('glossary', e, r, 1));
  }

  // Lexicon: words sharing a concept; ambiguous words only when one candidate is clearly nearest.
  const lexicon = options.lexicon === undefined ? shippedLexicon() : options.lexicon;
  const content = (tokens: readonly Token[], lang: Lang, used: Uint8Array): number[] => {
    const out: number[] = [];
    tokens.forEach((t, k) => {
      if (!isFunctionWord(t, lang) && !/[0-9]/u.test(t.text) && free(used, t)) out.push(k);
    });
    return out;
  };
  if (lexicon) {
    const enContent = content(enTokens, 'en', enUsed);
    const ruContent = content(ruTokens, 'ru', ruUsed);
    const ruConcepts = ruContent.map((k) => lexicon.russian(ruTokens[k]!.text));
    const candidates: { e: number; r: number; d: number; score: number }[] = [];
    for (const i of enContent) {
      const concepts = lexicon.english(enTokens[i]!.text);
      if (concepts.length === 0) continue;
      const matches: number[] = [];
      ruContent.forEach((j, z) => {
        if (ruConcepts[z]!.some((c) => concepts.includes(c))) matches.push(j);
      });
      const distances = matches.map((j) => Math.abs(relEn(enTokens[i]!) - relRu(ruTokens[j]!))).sort((a, b) => a - b);
      for (const j of matches) {
        const d = Math.abs(relEn(enTokens[i]!) - relRu(ruTokens[j]!));
        const ambiguous = matches.length > 1;
        // Ambiguous: taken only if nearest by a clear margin.
        if (ambiguous && (d !== distances[0] || distances[1]! - distances[0]! < 0.15)) continue;
        candidates.push({ e: i, r: j, d, score: ambiguous ? 0.8 : 1 });
      }
    }
    candidates.sort((a, b) => b.score - a.score || a.d - b.d);
    for (const c of candidates) {
      const e = enTokens[c.e]!;
      const r = ruTokens[c.r]!;
      if (free(enUsed, e) && free(ruUsed, r)) add('lexicon', e, r, c.score);
    }
  }

  // Learned: both directions of the word model agree, with a position prior.
  const model = options.model;
  if (model) {
    const threshold = options.threshold ?? DEFAULT_LINK_THRESHOLD;
    const enContent = content(enTokens, 'en', enUsed);
    const ruContent = content(ruTokens, 'ru', ruUsed);
    const enAll = enTokens.filter((t) => !isFunctionWord(t, 'en'));
    const ruAll = ruTokens.filter((t) => !isFunctionWord(t, 'ru'));
    if (enContent.length > 0 && ruContent.length > 0) {
      const diag = (i: number, j: number): number => Math.exp(-DIAGONAL * Math.abs(relEn(enTokens[i]!) - relRu(ruTokens[j]!)));
      const enIds = enAll.map((t) => model.enId(t.stem));
      const ruIds = ruAll.map((t) => model.ruId(t.stem));
      const enIdOf = new Map<number, number>();
      for (const i of enContent) enIdOf.set(i, model.enId(enTokens[i]!.stem));
      const ruIdOf = new Map<number, number>();
      for (const j of ruContent) ruIdOf.set(j, model.ruId(ruTokens[j]!.stem));
      // For each Russian word: the English word that best generates it (over all content words).
      const bestForRu = new Map<number, { i: number; post: number }>();
      for (const j of ruContent) {
        const r = ruIdOf.get(j)!;
        if (r < 0) continue;
        let denom = model.nullRuById(r);
        for (const e of enIds) denom += model.forwardById(e, r);
        let best = -1;
        let bestScore = 0;
        let bestT = 0;
        for (const i of enContent) {
          const t = model.forwardById(enIdOf.get(i)!, r);
          const s = t * diag(i, j);
          if (s > bestScore) {
            bestScore = s;
            best = i;
            bestT = t;
          }
        }
        if (best >= 0 && denom > 0) bestForRu.set(j, { i: best, post: bestT / denom });
      }
      for (const i of enContent) {
        const e = enIdOf.get(i)!;
        if (e < 0) continue;
        let denom = model.nullEnById(e);
        for (const r of ruIds) denom += model.backwardById(e, r);
        let best = -1;
        let bestScore = 0;
        let bestT = 0;
        for (const j of ruContent) {
          const t = model.backwardById(e, ruIdOf.get(j)!);
          const s = t * diag(i, j);
          if (s > bestScore) {
            bestScore = s;
            best = j;
            bestT = t;
          }
        }
        if (best < 0 || denom <= 0) continue;
        const forward = bestForRu.get(best);
        if (!forward || forward.i !== i) continue;
        const post = Math.min(forward.post, bestT / denom);
        if (post >= threshold && free(enUsed, enTokens[i]!) && free(ruUsed, ruTokens[best]!)) add('learned', enTokens[i]!, ruTokens[best]!, post);
      }
    }
  }
  return links.sort((a, b) => a.en.start - b.en.start);
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
