/**
 * The consistency checks as the reader shows them: findings grouped by kind, the kinds of each
 * row's open findings (for the marks in the gutter), and spans of a row's text turned into marks
 * on its clauses (the glossary terms). Pure, so it is unit-tested without a DOM.
 */
import { FINDING_KINDS } from '../../src-main/contract/enums';
import type { Finding, FindingKind, GlossaryEntry, Span, TermLink } from '../../src-main/contract/compare';
import type { Clause, Lang } from '../../src-main/contract/ipc';
import type { Mark } from '../reader/ClauseText';
import { foldQuery, foldText } from '../reader/search';

export interface FindingFilter {
  /** One kind only, or every kind. */
  kind: FindingKind | '';
  /** Show the dismissed findings too (marked as such). */
  showDismissed: boolean;
  /** Only the findings concerning this row. */
  rowId?: string | undefined;
}

export interface FindingGroup {
  kind: FindingKind;
  findings: Finding[];
}

/** Every row a finding concerns: its own and, for a document-wide one, each row it lists. */
export function rowsOf(finding: Finding): string[] {
  return finding.rowIds && finding.rowIds.length > 0 ? [...new Set([finding.rowId, ...finding.rowIds])] : [finding.rowId];
}

/**
 * The findings to list, grouped by kind in the contract's order of kinds, each group in document
 * order (`rowOrder` gives a row's position; rows no longer in the document go last).
 */
export function groupFindings(
  findings: readonly Finding[],
  dismissed: ReadonlySet<string>,
  filter: FindingFilter,
  rowOrder: (rowId: string) => number | undefined,
): FindingGroup[] {
  const shown = findings.filter(
    (f) =>
      (filter.showDismissed || !dismissed.has(f.id)) &&
      (filter.kind === '' || f.kind === filter.kind) &&
      (filter.rowId === undefined || rowsOf(f).includes(filter.rowId)),
  );
  const at = (f: Finding) => rowOrder(f.rowId) ?? Number.MAX_SAFE_INTEGER;
  return FINDING_KINDS.map((kind) => ({
    kind,
    findings: shown.filter((f) => f.kind === kind).sort((a, b) => at(a) - at(b) || a.id.localeCompare(b.id)),
  })).filter((g) => g.findings.length > 0);
}

/** How many open (not dismissed) findings of each kind, for the kind filter. */
export function countByKind(findings: readonly Finding[], dismissed: ReadonlySet<string>): Map<FindingKind, number> {
  const counts = new Map<FindingKind, number>();
  for (const f of findings) if (!dismissed.has(f.id)) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  return new Map(FINDING_KINDS.filter((k) => counts.has(k)).map((k) => [k, counts.get(k)!]));
}

/** For each row, the kinds of its open findings (each once, in the contract's order). */
export function kindsByRow(findings: readonly Finding[], dismissed: ReadonlySet<string>): Map<string, FindingKind[]> {
  const sets = new Map<string, Set<FindingKind>>();
  for (const f of findings) {
    if (dismissed.has(f.id)) continue;
    for (const rowId of rowsOf(f)) {
      const set = sets.get(rowId) ?? new Set<FindingKind>();
      set.add(f.kind);
      sets.set(rowId, set);
    }
  }
  const out = new Map<string, FindingKind[]>();
  for (const [rowId, set] of sets) out.set(rowId, FINDING_KINDS.filter((k) => set.has(k)));
  return out;
}

/** The findings after the one at `index` is dismissed: which one should take the focus. */
export function nextFocus(count: number, index: number): number | undefined {
  if (count <= 0) return undefined;
  return Math.min(index, count - 1);
}

/**
 * Spans in one side's row text (the clauses joined by one space, as main compares them) as marks
 * on each clause, in the clause's own offsets. A span across two clauses marks its part of each.
 */
export function spansToClauseMarks(clauses: readonly Clause[], spans: readonly Span[], mark: Omit<Mark, 'start' | 'end'>): Map<string, Mark[]> {
  const out = new Map<string, Mark[]>();
  let base = 0;
  for (const clause of clauses) {
    const from = base;
    const to = base + clause.text.length;
    for (const span of spans) {
      const start = Math.max(span.start, from);
      const end = Math.min(span.end, to);
      if (end <= start) continue;
      const list = out.get(clause.id) ?? [];
      list.push({ ...mark, start: start - from, end: end - from });
      out.set(clause.id, list);
    }
    base = to + 1;
  }
  return out;
}

/** The glossary links of a row, as marks on its clauses in both languages. */
export function termMarks(row: { en: readonly Clause[]; ru: readonly Clause[] }, links: readonly TermLink[], title: (lang: Lang, link: TermLink) => string): Map<string, Mark[]> {
  const out = new Map<string, Mark[]>();
  for (const lang of ['en', 'ru'] as const) {
    for (const link of links) {
      if (link.class !== 'glossary') continue;
      for (const [id, marks] of spansToClauseMarks(row[lang], [link[lang]], { className: 'term', title: title(lang, link) })) out.set(id, [...(out.get(id) ?? []), ...marks]);
    }
  }
  return out;
}

/** Text shortened to `max` characters, with an ellipsis. */
export function shorten(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/** Rows of at most `size` ids, for requests with a cap (`compare:links` takes 1,000 rows). */
export function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** The other side of a term selection: the last selection in the other column, if in the same row. */
export interface HeldSelection {
  lang: Lang;
  rowId: string;
  text: string;
}

/**
 * A glossary draft from the selections: the current one (if any) for its language, and the last
 * one held for the other language when it was made in the same row (else that side is left to type).
 */
export function draftFromSelections(current: HeldSelection | undefined, held: Partial<Record<Lang, HeldSelection>>, rowId: string | undefined): { en: string; ru: string } {
  const row = current?.rowId ?? rowId;
  const side = (lang: Lang) => {
    if (current?.lang === lang) return current.text;
    const h = held[lang];
    return h && h.rowId === row ? h.text : '';
  };
  return { en: cleanTerm(side('en')), ru: cleanTerm(side('ru')) };
}

/** A selected phrase as a term: one line, no surrounding punctuation or quotes. */
export function cleanTerm(text: string): string {
  return text
    .replace(/\s*…\s*/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/^[\s"'«»“”„‘’(\[]+|[\s"'«»“”„‘’)\].,;:!?]+$/gu, '');
}

/** Glossary entries whose English, Russian or note contains the filter (case, ё and accents folded). */
export function filterTerms(entries: readonly GlossaryEntry[], text: string): GlossaryEntry[] {
  const q = foldQuery(text);
  if (q === '') return [...entries];
  return entries.filter((e) => foldText(`${e.en} ${e.ru} ${e.note ?? ''}`).folded.includes(q));
}
