/**
 * Term links inside a row, as the page draws them: main gives each row's links as spans of the
 * two row texts (`compare:links`); here they are kept only where confident, cut into the clauses
 * they fall in, put in reading order for stepping through with the keyboard, and described for
 * the screen reader. Pure: no DOM, no React.
 */
import { LINK_DISPLAY_THRESHOLD } from '../../src-main/contract/limits';
import type { TermLink } from '../../src-main/contract/compare';
import type { AlignedRow, Lang } from '../../src-main/contract/ipc';
import { clauseStarts, sideText, toClauseSpans } from './row-spans';

/** A piece of a linked term inside one clause. `link` is the link's index in the row's list. */
export interface TermSpan {
  start: number;
  end: number;
  link: number;
}

/** The links worth showing: a wrong link misleads more than a missing one. */
export function confidentLinks(links: readonly TermLink[], threshold = LINK_DISPLAY_THRESHOLD): TermLink[] {
  return links.filter((l) => l.score >= threshold && l.en.end > l.en.start && l.ru.end > l.ru.start);
}

/** Each clause's term pieces (sorted, never overlapping), for both sides of the row. */
export function termsByClause(row: AlignedRow, links: readonly TermLink[]): Map<string, TermSpan[]> {
  const out = new Map<string, TermSpan[]>();
  for (const lang of ['en', 'ru'] as const) {
    const starts = clauseStarts(row, lang);
    links.forEach((link, k) => {
      for (const piece of toClauseSpans(row, lang, link[lang], starts)) {
        const list = out.get(piece.clauseId) ?? [];
        out.set(piece.clauseId, list);
        list.push({ start: piece.start, end: piece.end, link: k });
      }
    });
  }
  for (const [clauseId, list] of out) {
    list.sort((a, b) => a.start - b.start);
    // Main links each span once; should two pieces ever overlap, the later one is cut.
    const clean: TermSpan[] = [];
    for (const piece of list) {
      const start = Math.max(piece.start, clean.at(-1)?.end ?? 0);
      if (piece.end > start) clean.push({ ...piece, start });
    }
    out.set(clauseId, clean);
  }
  return out;
}

/** The row's links in the reading order of one side. */
function linkOrder(links: readonly TermLink[], lang: Lang): number[] {
  return links.map((_, k) => k).sort((a, b) => links[a]![lang].start - links[b]![lang].start);
}

/**
 * The link after (or before) `current` in the reading order of `lang`, wrapping round; the first
 * (or last) when `current` is none. `undefined` when the row has no links.
 */
export function stepLink(links: readonly TermLink[], lang: Lang, current: number | undefined, delta: 1 | -1): number | undefined {
  const order = linkOrder(links, lang);
  if (order.length === 0) return undefined;
  const at = current === undefined ? -1 : order.indexOf(current);
  if (at < 0) return delta > 0 ? order[0] : order.at(-1);
  return order[(at + delta + order.length) % order.length];
}

/** What the two ends of a link say. */
export function linkTexts(row: AlignedRow, link: TermLink): { en: string; ru: string } {
  return { en: sideText(row, 'en').slice(link.en.start, link.en.end), ru: sideText(row, 'ru').slice(link.ru.start, link.ru.end) };
}

/** The element id of one end of a link (unique in the page: row ids are). */
export function termElementId(rowId: string, lang: Lang, link: number): string {
  return `term-${rowId}-${lang}-${link}`;
}
