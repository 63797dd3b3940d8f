/**
 * The reader's annotations. The model (a zod schema and the types inferred from it) lives in the
 * contract, because the renderer shows it; it is re-exported here for the services, with the few
 * rules only main applies.
 */
export type * from '../../contract/annotations';
export { ANNOTATION_COLORS } from '../../contract/enums';
export type { ExportFormat } from '../../contract/enums';

/** How many code points of context a quote selector keeps either side. */
export const QUOTE_CONTEXT = 32;

/** Normalises tags: trimmed, inner whitespace collapsed, empty ones and duplicates dropped. */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim().replace(/\s+/gu, ' ');
    if (tag === '') continue;
    const key = tag.toLocaleLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}
