/**
 * Scoring term links against a hand-made gold alignment (format: `gold/README.md`): precision per
 * predicted class, recall per gold class. Pure TypeScript (the caller reads the files).
 */
import type { LinkClass, Span, TermLink } from './links';

export const GOLD_CLASSES = ['number', 'acronym', 'name', 'latin', 'word'] as const;
export type GoldClass = (typeof GOLD_CLASSES)[number];

export interface GoldLink {
  class: GoldClass;
  en: Span;
  ru: Span;
}

export interface GoldRow {
  en: string;
  ru: string;
  links: GoldLink[];
}

const isWordChar = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

/** The span of the n-th (1-based) whole-word occurrence of `phrase` in `text`. */
export function findPhrase(text: string, phrase: string, n = 1): Span | undefined {
  let from = 0;
  let seen = 0;
  for (;;) {
    const at = text.indexOf(phrase, from);
    if (at < 0) return undefined;
    from = at + 1;
    if (isWordChar(text[at - 1]) || isWordChar(text[at + phrase.length])) continue;
    if (++seen === n) return { start: at, end: at + phrase.length };
  }
}

function phraseSpan(text: string, raw: string, where: string): Span {
  const m = /^(.*?)(?:@([0-9]+))?$/u.exec(raw.trim())!;
  // No-break and thin spaces count as spaces (one code unit each, so offsets stay the same).
  const span = findPhrase(text.replace(/\s/gu, ' '), m[1]!.replace(/\s/gu, ' '), m[2] ? Number(m[2]) : 1);
  if (!span) throw new Error(`${where}: "${raw.trim()}" is not in the row`);
  return span;
}

export function parseGold(name: string, text: string): GoldRow[] {
  const rows: GoldRow[] = [];
  let row: GoldRow | undefined;
  text.split(/\r?\n/u).forEach((line, k) => {
    const where = `${name}:${k + 1}`;
    if (line.trim() === '' || line.startsWith('#')) return;
    const m = /^([a-z]+):\s?(.*)$/u.exec(line);
    if (!m) throw new Error(`${where}: expected "kind: text"`);
    const [, kind, body] = m as unknown as [string, string, string];
    if (kind === 'en') {
      row = { en: body, ru: '', links: [] };
      rows.push(row);
    } else if (kind === 'ru') {
      if (!row) throw new Error(`${where}: ru before en`);
      row.ru = body;
    } else {
      if (!row || !(GOLD_CLASSES as readonly string[]).includes(kind)) throw new Error(`${where}: unknown class ${kind}`);
      const eq = body.indexOf(' = ');
      if (eq < 0) throw new Error(`${where}: expected "english = russian"`);
      row.links.push({ class: kind as GoldClass, en: phraseSpan(row.en, body.slice(0, eq), where), ru: phraseSpan(row.ru, body.slice(eq + 3), where) });
    }
  });
  return rows;
}

const inside = (a: Span, b: Span): boolean => a.start >= b.start && a.end <= b.end;

export interface ClassScore {
  correct: number;
  predicted: number;
  precision: number;
}

export interface LinkScores {
  /** By predicted class. */
  precision: Record<LinkClass | 'all', ClassScore>;
  /** By gold class: gold links hit by at least one correct prediction. */
  recall: Record<GoldClass | 'all', { hit: number; gold: number; recall: number }>;
  /** Gold links hit, by the class of the prediction that hit them (how the `word` links are found: lexicon, learned, glossary). */
  hitBy: Partial<Record<LinkClass, number>>;
  /** Wrong predictions, for a human to look at. */
  wrong: { row: number; class: LinkClass; en: string; ru: string }[];
}

export function scoreLinks(gold: readonly GoldRow[], predicted: readonly (readonly TermLink[])[]): LinkScores {
  const precision = {} as LinkScores['precision'];
  const recall = {} as LinkScores['recall'];
  const p = (k: LinkClass | 'all') => (precision[k] ??= { correct: 0, predicted: 0, precision: 1 });
  const r = (k: GoldClass | 'all') => (recall[k] ??= { hit: 0, gold: 0, recall: 0 });
  const wrong: LinkScores['wrong'] = [];
  const hitBy: LinkScores['hitBy'] = {};
  gold.forEach((row, index) => {
    const hit = new Uint8Array(row.links.length);
    const hitClass: (LinkClass | undefined)[] = [];
    for (const link of predicted[index] ?? []) {
      let ok = false;
      row.links.forEach((g, k) => {
        if (inside(link.en, g.en) && inside(link.ru, g.ru)) {
          ok = true;
          hit[k] = 1;
          hitClass[k] ??= link.class;
        }
      });
      for (const key of [link.class, 'all'] as const) {
        p(key).predicted++;
        if (ok) p(key).correct++;
      }
      if (!ok) wrong.push({ row: index, class: link.class, en: row.en.slice(link.en.start, link.en.end), ru: row.ru.slice(link.ru.start, link.ru.end) });
    }
    row.links.forEach((g, k) => {
      for (const key of [g.class, 'all'] as const) {
        r(key).gold++;
        if (hit[k]) r(key).hit++;
      }
      const by = hitClass[k];
      if (by) hitBy[by] = (hitBy[by] ?? 0) + 1;
    });
  });
  for (const s of Object.values(precision)) s.precision = s.predicted ? s.correct / s.predicted : 1;
  for (const s of Object.values(recall)) s.recall = s.gold ? s.hit / s.gold : 0;
  return { precision, recall, hitBy, wrong };
}
