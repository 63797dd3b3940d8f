/**
 * An alignment on disk (`alignment.json` beside an imported document's texts): the rows as
 * clause ids and offsets into the two texts, so the texts are not stored twice. Written once at
 * import; the reader's corrections are kept apart, as an edit log over it (`corrections.ts`).
 */
import { z } from 'zod';
import { PARAGRAPH_KINDS, rowIdSchema } from '../../contract/ipc';
import type { AlignedText, Clause, Lang } from '../model';

export const ALIGNMENT_SCHEMA_VERSION = 1 as const;

const clauseRef = z.tuple([z.string().min(1).max(64), z.number().int().min(0), z.number().int().min(0)]);
const storedRow = z
  .object({ id: rowIdSchema, en: z.array(clauseRef), ru: z.array(clauseRef), confidence: z.number().min(0).max(1) })
  .strict();
const storedGroup = z
  .object({
    number: z.number().int().min(0),
    kind: z.enum(PARAGRAPH_KINDS),
    en: z.array(z.number().int().min(0)),
    ru: z.array(z.number().int().min(0)),
    rows: z.array(storedRow),
  })
  .strict();
export const storedAlignmentSchema = z
  .object({ schemaVersion: z.literal(ALIGNMENT_SCHEMA_VERSION), groups: z.array(storedGroup) })
  .strict();
export type StoredAlignment = z.infer<typeof storedAlignmentSchema>;
/** The same file checked in two steps (its outline, then its groups a slice at a time), as a long one is loaded. */
export const storedAlignmentOutline = z.object({ schemaVersion: z.literal(ALIGNMENT_SCHEMA_VERSION), groups: z.array(z.unknown()) }).strict();
export const storedGroupsSchema = z.array(storedGroup);

export function toStoredAlignment(body: AlignedText): StoredAlignment {
  const refs = (clauses: readonly Clause[]) => clauses.map((c): [string, number, number] => [c.id, c.start, c.end]);
  return {
    schemaVersion: ALIGNMENT_SCHEMA_VERSION,
    groups: body.groups.map((g) => ({
      number: g.number,
      kind: g.kind,
      en: [...g.en],
      ru: [...g.ru],
      rows: g.rows.map((r) => ({ id: r.id, en: refs(r.en), ru: refs(r.ru), confidence: r.confidence })),
    })),
  };
}

/** The alignment over the texts; throws when an offset falls outside them. */
export function fromStoredAlignment(stored: StoredAlignment, texts: Record<Lang, string>): AlignedText {
  const clauses = (lang: Lang, refs: ReadonlyArray<readonly [string, number, number]>): Clause[] =>
    refs.map(([id, start, end]) => {
      if (end < start || end > texts[lang].length) throw new Error(`Clause ${id} lies outside the ${lang} text`);
      return { id, text: texts[lang].slice(start, end), start, end };
    });
  return {
    groups: stored.groups.map((g) => ({
      number: g.number,
      kind: g.kind,
      en: g.en,
      ru: g.ru,
      rows: g.rows.map((r) => ({ id: r.id, en: clauses('en', r.en), ru: clauses('ru', r.ru), confidence: r.confidence })),
    })),
  };
}

const LINES_HEAD = `{"schemaVersion":${ALIGNMENT_SCHEMA_VERSION},"groups":[`;

/**
 * `alignment.json` as written: ordinary JSON, laid out one group a line, so that a long one can be
 * read a slice of lines at a time (`storedGroupLines`) instead of in one `JSON.parse`.
 */
export function serializeStoredAlignment(stored: StoredAlignment): string {
  if (stored.groups.length === 0) return `${LINES_HEAD}]}`;
  return `${LINES_HEAD}\n${stored.groups.map((g) => JSON.stringify(g)).join(',\n')}\n]}`;
}

/** The group lines of a file in that layout (JSON text of one group each); `undefined` for any other layout. */
export function storedGroupLines(raw: string): string[] | undefined {
  const text = raw.endsWith('\n') ? raw.slice(0, -1) : raw;
  if (!text.startsWith(`${LINES_HEAD}\n`) || !text.endsWith('\n]}')) return undefined;
  const body = text.slice(LINES_HEAD.length + 1, -3);
  if (body === '') return [];
  // JSON.stringify never writes a raw line break, so every line is one group (and a comma).
  return body.split(',\n');
}
