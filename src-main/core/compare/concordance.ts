/**
 * A bilingual concordance: every row where a word or phrase occurs (in any word form), with its
 * rendering on the other side — the span that the row's term links give it — and the renderings
 * counted ("health care → медицинская помощь 3, здравоохранение 2"). Pure TypeScript.
 */
import type { ConcordanceHit, ConcordanceResult, Rendering } from '../../contract/compare';
import type { Lang } from '../model';
import { type TermLink, overlaps } from './links';
import { type TermPattern, findTerm, termPattern } from './terms';
import { type StemIndex, rowsWithStems } from './stem-index';
import { type Token, tokenize } from './tokens';

export interface ConcordanceRow {
  id: string;
  en: string;
  ru: string;
}

export type { ConcordanceHit, ConcordanceResult, Rendering } from '../../contract/compare';

export interface ConcordanceOptions {
  /** Most hits listed (renderings are counted over all of them; default 2,000). */
  limit?: number;
  /** The links of a row (computed on demand by the caller, cached or not). */
  linksOf: (rowIndex: number) => readonly TermLink[];
  tokens?: readonly { en: readonly Token[]; ru: readonly Token[] }[];
  /** Which rows hold which stems (`stem-index.ts`): only the rows holding every word of the query are looked at. */
  stems?: Readonly<Record<Lang, StemIndex>>;
}


/**
 * The rows that may hold the term: every word of it, or (when it can be written as one word or
 * apart: `health care`, `healthcare`) a word that begins as that one word does. `findTerm` decides.
 */
function candidateRows(index: StemIndex, pattern: TermPattern): number[] {
  const rows = rowsWithStems(index, pattern.stems);
  const closed = pattern.closed;
  if (!closed) return rows;
  const alike = index.stems.filter((s) => s.length >= 2 && closed.folded.startsWith(s.replaceAll('-', '').slice(0, 4)));
  return [...new Set([...rows, ...alike.flatMap((s) => rowsWithStems(index, [s]))])].sort((a, b) => a - b);
}

export function concordance(rows: readonly ConcordanceRow[], query: string, lang: Lang, options: ConcordanceOptions): ConcordanceResult {
  const pattern = termPattern(query, lang);
  const other: Lang = lang === 'en' ? 'ru' : 'en';
  const hits: ConcordanceHit[] = [];
  const counts = new Map<string, Rendering>();
  let unrendered = 0;
  let truncated = false;
  const limit = options.limit ?? 2_000;
  if (pattern.stems.length === 0) return { query, lang, hits, renderings: [], unrendered, truncated };
  const candidates = options.stems ? candidateRows(options.stems[lang], pattern) : null;
  const count = candidates ? candidates.length : rows.length;
  for (let c = 0; c < count; c++) {
    const index = candidates ? candidates[c]! : c;
    const row = rows[index]!;
    const text = row[lang];
    const tokens = options.tokens?.[index]?.[lang] ?? tokenize(text, lang);
    const found = findTerm(tokens, pattern);
    if (found.length === 0) continue;
    const links = options.linksOf(index);
    const otherText = row[other];
    let otherTokens: readonly Token[] | undefined;
    for (const h of found) {
      const match = { start: h.start, end: h.end };
      const spans = links.filter((l) => overlaps(l[lang], match)).map((l) => l[other]);
      const hit: ConcordanceHit = { rowId: row.id, match };
      if (spans.length > 0) {
        const start = Math.min(...spans.map((s) => s.start));
        const end = Math.max(...spans.map((s) => s.end));
        const surface = otherText.slice(start, end);
        hit.rendering = { start, end, text: surface };
        otherTokens ??= options.tokens?.[index]?.[other] ?? tokenize(otherText, other);
        // Counted by stems, so that word forms of one rendering count together.
        const key = otherTokens.filter((t) => t.start >= start && t.end <= end).map((t) => t.stem).join(' ');
        const entry = counts.get(key);
        if (entry) entry.count++;
        else counts.set(key, { text: surface.toLowerCase(), count: 1 });
      } else unrendered++;
      if (hits.length < limit) hits.push(hit);
      else truncated = true;
    }
  }
  const renderings = [...counts.values()].sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
  return { query, lang, hits, renderings, unrendered, truncated };
}

/** "health care → медицинская помощь 3, здравоохранение 2". */
export function renderingSummary(result: ConcordanceResult): string {
  return `${result.query} → ${result.renderings.map((r) => `${r.text} ${r.count}`).join(', ')}`;
}
