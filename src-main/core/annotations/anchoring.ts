/**
 * Anchoring: placing a stored annotation in the CURRENT text, which may have been edited or
 * re-segmented since the annotation was made. Pure: no Electron, no Node APIs.
 *
 * After the Hypothesis client (`src/annotator/anchoring/`): one class per selector kind, each with
 * the same four operations — from a range, from a selector, to a range, to a selector. A text
 * target is re-anchored by its position (checked against the quote), then by an exact search for
 * the quote (context and nearness pick among several), then by a fuzzy search. Unlike Hypothesis,
 * a fuzzy or ambiguous match must reach a MINIMUM score that weighs the quote's own similarity and
 * its context, so that a lookalike passage elsewhere is not taken for the annotated one. What
 * cannot be placed is reported as an orphan; anchoring never changes or drops an annotation.
 *
 * Stored positions are code points (as the W3C model and other tools count); ranges handed to the
 * renderer are UTF-16 code units (as JavaScript strings count). `SourceText` converts.
 */
import type { AlignedText, Clause, Lang } from '../model';
import {
  type AnchorMethod,
  type AnnotationAnchor,
  type RowTarget,
  type TextQuoteSelector,
  type TextRange,
  type TextTarget,
} from './model';
import { LANGS } from '../../contract/enums';
import type { FuzzyBudget } from './fuzzy';
import { type QuoteMatch, TextPositionAnchor, TextQuoteAnchor, round } from './selectors';
import { SourceText, isLowSurrogate } from './source-text';

export { type FuzzyBudget, fuzzyBudget } from './fuzzy';
export { TextPositionAnchor, TextQuoteAnchor } from './selectors';
export { SourceText, codePointToUtf16, utf16ToCodePoint } from './source-text';


export interface RowInfo {
  id: string;
  /** The paragraph number the reader shows (0 for the title). */
  paragraph: number;
  clauses: Record<Lang, Clause[]>;
  /** The row's extent in each text, UTF-16 (`null` for an omission). */
  ranges: Record<Lang, TextRange | null>;
}

/** A document as anchoring sees it: both current texts and the aligned rows. */
export interface AnchoringDocument {
  sources: Record<Lang, SourceText>;
  rows: RowInfo[];
  rowById: ReadonlyMap<string, RowInfo>;
}

export function buildAnchoringDocument(body: AlignedText, texts: Record<Lang, string>): AnchoringDocument {
  const rows: RowInfo[] = [];
  const clauses: Record<Lang, Clause[]> = { en: [], ru: [] };
  const rowOfClause: Record<Lang, Map<string, string>> = { en: new Map(), ru: new Map() };
  for (const group of body.groups) {
    for (const row of group.rows) {
      const ranges = {} as Record<Lang, TextRange | null>;
      for (const lang of LANGS) {
        const list = row[lang];
        const first = list[0];
        const last = list[list.length - 1];
        ranges[lang] = first && last ? { start: first.start, end: last.end } : null;
        for (const clause of list) {
          clauses[lang].push(clause);
          rowOfClause[lang].set(clause.id, row.id);
        }
      }
      rows.push({ id: row.id, paragraph: group.number, clauses: { en: row.en, ru: row.ru }, ranges });
    }
  }
  return {
    sources: {
      en: new SourceText('en', texts.en, clauses.en, rowOfClause.en),
      ru: new SourceText('ru', texts.ru, clauses.ru, rowOfClause.ru),
    },
    rows,
    rowById: new Map(rows.map((row) => [row.id, row])),
  };
}

/**
 * A text target for a selection (UTF-16, current text), trimmed of surrounding whitespace;
 * `null` when nothing but whitespace is selected or the selection touches no clause.
 */
export function textTargetFromRange(doc: AnchoringDocument, lang: Lang, range: TextRange): TextTarget | null {
  const source = doc.sources[lang];
  let start = Math.max(0, Math.min(range.start, source.text.length));
  let end = Math.max(start, Math.min(range.end, source.text.length));
  // Whole code points only, then no surrounding whitespace.
  start = source.toUtf16(source.toCodePoint(start));
  end = source.toUtf16(source.toCodePoint(end) + (isLowSurrogate(source.text.charCodeAt(end)) ? 1 : 0));
  while (start < end && /\s/u.test(source.text[start] ?? '')) start++;
  while (end > start && /\s/u.test(source.text[end - 1] ?? '')) end--;
  if (start >= end) return null;
  const clause = source.clausesIn({ start, end })[0];
  if (!clause) return null;
  const trimmed = { start, end };
  return {
    type: 'text',
    lang,
    clauseId: clause.id,
    selectors: [TextQuoteAnchor.fromRange(source, trimmed).toSelector(), TextPositionAnchor.fromRange(source, trimmed).toSelector()],
  };
}

/** A row target for a row of the current alignment; `null` if there is no such row. */
export function rowTargetFromRow(doc: AnchoringDocument, rowId: string): RowTarget | null {
  const row = doc.rowById.get(rowId);
  if (!row) return null;
  const quote = (lang: Lang): TextQuoteSelector => {
    const range = row.ranges[lang];
    return range
      ? TextQuoteAnchor.fromRange(doc.sources[lang], range).toSelector()
      : { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' };
  };
  return { type: 'row', rowId, quotes: { en: quote('en'), ru: quote('ru') } };
}

/** Places a text target in the current text: position, then exact quote, then fuzzy quote. */
export function anchorTextTarget(doc: AnchoringDocument, target: TextTarget, budget?: FuzzyBudget): AnnotationAnchor {
  const source = doc.sources[target.lang];
  const [quoteSelector, positionSelector] = target.selectors;
  const quote = TextQuoteAnchor.fromSelector(quoteSelector);
  const position = TextPositionAnchor.fromSelector(positionSelector);

  const byPosition = position.toRange(source);
  if (byPosition && source.text.slice(byPosition.start, byPosition.end) === quote.exact) {
    return textAnchor(source, byPosition, 'position', 1);
  }
  const hint = source.toUtf16(position.start);
  const match = quote.toRange(source, budget ? { hint, budget } : { hint });
  if (match) return textAnchor(source, match, match.method, match.score);
  return { status: 'orphan', type: 'text' };
}

function textAnchor(source: SourceText, range: TextRange, method: AnchorMethod, score: number): AnnotationAnchor {
  const clauses = source.clausesIn(range);
  const rowIds: string[] = [];
  for (const clause of clauses) {
    const row = source.rowOf(clause.id);
    if (row && !rowIds.includes(row)) rowIds.push(row);
  }
  return {
    status: 'anchored',
    type: 'text',
    lang: source.lang,
    start: range.start,
    end: range.end,
    clauseIds: clauses.map((c) => c.id),
    rowId: rowIds[0] ?? null,
    rowIds,
    method,
    score,
  };
}

/**
 * Places a row target: the same row id if its texts still match the quotes; else the row whose
 * texts contain both quotes; else the row where both quotes are found (fuzzily, with the minimum
 * score) in the current texts; else an orphan.
 */
export function anchorRowTarget(doc: AnchoringDocument, target: RowTarget, budget?: FuzzyBudget): AnnotationAnchor {
  const rowText = (row: RowInfo, lang: Lang): string => {
    const range = row.ranges[lang];
    return range ? doc.sources[lang].text.slice(range.start, range.end) : '';
  };

  const same = doc.rowById.get(target.rowId);
  if (same && LANGS.every((lang) => rowText(same, lang) === target.quotes[lang].exact)) {
    return rowAnchor(same, 'row-id', 1);
  }

  const containing = doc.rows.filter((row) =>
    LANGS.every((lang) => {
      const exact = target.quotes[lang].exact;
      return exact === '' || rowText(row, lang).includes(exact);
    }),
  );
  if (LANGS.some((lang) => target.quotes[lang].exact !== '') && containing.length > 0) {
    const chosen = containing.find((row) => row.id === target.rowId) ?? (containing.length === 1 ? containing[0] : undefined);
    if (chosen) return rowAnchor(chosen, 'quote', 1);
  }

  // Re-segmented or edited: find each quote in its text, then the row both fall in.
  const found: Partial<Record<Lang, QuoteMatch>> = {};
  let score = 1;
  for (const lang of LANGS) {
    const selector = target.quotes[lang];
    if (selector.exact === '') continue;
    const hint = same?.ranges[lang]?.start;
    const match = TextQuoteAnchor.fromSelector(selector).toRange(doc.sources[lang], {
      ...(hint === undefined ? {} : { hint }),
      ...(budget ? { budget } : {}),
    });
    if (!match) return { status: 'orphan', type: 'row' };
    found[lang] = match;
    score = Math.min(score, match.score);
  }
  let best: { row: RowInfo; overlap: number } | undefined;
  for (const row of doc.rows) {
    let overlap = 0;
    let fits = true;
    for (const lang of LANGS) {
      const match = found[lang];
      if (!match) continue;
      const range = row.ranges[lang];
      const o = range ? Math.min(range.end, match.end) - Math.max(range.start, match.start) : 0;
      if (o <= 0) fits = false;
      overlap += Math.max(0, o);
    }
    if (fits && (!best || overlap > best.overlap)) best = { row, overlap };
  }
  if (!best) return { status: 'orphan', type: 'row' };
  const exactEverywhere = LANGS.every((lang) => !found[lang] || found[lang].method === 'quote');
  return rowAnchor(best.row, exactEverywhere ? 'quote' : 'fuzzy', round(score));
}

function rowAnchor(row: RowInfo, method: AnchorMethod, score: number): AnnotationAnchor {
  return {
    status: 'anchored',
    type: 'row',
    rowId: row.id,
    clauseIds: [...row.clauses.en, ...row.clauses.ru].map((c) => c.id),
    ranges: { en: row.ranges.en, ru: row.ranges.ru },
    method,
    score,
  };
}

/** Places a target; `budget` bounds the fuzzy work (shared by one pass over a document). */
export function anchorTarget(doc: AnchoringDocument, target: TextTarget | RowTarget, budget?: FuzzyBudget): AnnotationAnchor {
  return target.type === 'text' ? anchorTextTarget(doc, target, budget) : anchorRowTarget(doc, target, budget);
}
