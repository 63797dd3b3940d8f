/**
 * The comparison tools' part of the contract: glossaries, findings of the consistency checks, term
 * links, dismissed findings, the findings' export and the concordance. The closed sets are const
 * arrays, the request shapes zod schemas (types inferred); the models main answers with are
 * defined here and used by `src-main/core/compare/` itself, so there is one source for each shape.
 * Imports nothing but zod.
 */
import { z } from 'zod';
import { documentIdSchema, rowIdSchema, termIdSchema } from './ids';

// ---- Closed sets ----

import { COMPARE_LIMITS, LINK_DISPLAY_THRESHOLD } from './limits';
import { GLOSSARY_SCOPES, type GlossaryScope, GLOSSARY_FORMATS, type GlossaryFormat, FINDINGS_EXPORT_FORMATS, type FindingsExportFormat, FINDING_KINDS, type FindingKind, FINDING_DETAILS, type FindingDetail, LINK_CLASSES, type LinkClass } from './enums';

export { COMPARE_LIMITS, LINK_DISPLAY_THRESHOLD, GLOSSARY_SCOPES, type GlossaryScope, GLOSSARY_FORMATS, type GlossaryFormat, FINDINGS_EXPORT_FORMATS, type FindingsExportFormat, FINDING_KINDS, type FindingKind, FINDING_DETAILS, type FindingDetail, LINK_CLASSES, type LinkClass };

// ---- Glossary ----

const term = z.string().trim().min(1).max(COMPARE_LIMITS.term);
export const glossaryEntrySchema = z
  .object({
    id: termIdSchema,
    en: term,
    ru: term,
    note: z.string().max(COMPARE_LIMITS.note).optional(),
    createdAt: z.string().max(40),
    updatedAt: z.string().max(40),
  })
  .strict();
export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;

/** A term pair as the user gives it (no id or times yet). */
export const glossaryDraftSchema = z.object({ en: term, ru: term, note: z.string().max(COMPARE_LIMITS.note).optional() }).strict();
export type GlossaryDraft = z.infer<typeof glossaryDraftSchema>;

/** A line (CSV/TSV) or entry (TBX) of an imported file that could not be used, and why. */
export interface ImportProblem {
  at: number;
  reason: 'missing-term' | 'too-long' | 'duplicate';
}

export interface GlossaryView {
  document: GlossaryEntry[];
  global: GlossaryEntry[];
  warnings: string[];
}

export interface GlossaryImportReport {
  added: number;
  /** Pairs already in the glossary. */
  known: number;
  problems: ImportProblem[];
}

// ---- Findings and links ----

export interface FindingItem {
  side: 'en' | 'ru';
  text: string;
  /** Code-unit offsets in that side's row text (absent for document-wide items). */
  start?: number;
  end?: number;
  /** For renderings: how many rows. */
  count?: number;
}

export interface Finding {
  /** Stable for the same finding on the same text. */
  id: string;
  kind: FindingKind;
  detail: FindingDetail;
  rowId: string;
  items: FindingItem[];
  /** Every row concerned, for a document-wide finding (`inconsistent`). */
  rowIds?: string[];
}

export interface FindingsView {
  findings: Finding[];
  /** Ids of the dismissed findings (those that still occur). */
  dismissed: string[];
  rows: number;
  warnings: string[];
}

export interface Span {
  start: number;
  end: number;
}

export interface TermLink {
  class: LinkClass;
  en: Span;
  ru: Span;
  /** 0..1: 1 for items, glossary and unambiguous lexicon links; the posterior for learned ones. */
  score: number;
}

export interface RowLinks {
  rowId: string;
  links: TermLink[];
}

// ---- Concordance ----

export interface ConcordanceHit {
  rowId: string;
  /** The occurrence, in the query's language side of the row. */
  match: Span;
  /** Its rendering on the other side, when the links give one. */
  rendering?: Span & { text: string };
}

export interface Rendering {
  /** As first met (lower case). */
  text: string;
  count: number;
}

export interface ConcordanceResult {
  query: string;
  lang: 'en' | 'ru';
  hits: ConcordanceHit[];
  /** Most frequent first; occurrences without a rendering are `unrendered`. */
  renderings: Rendering[];
  unrendered: number;
  /** True when the hit list was cut. */
  truncated: boolean;
}

// ---- Requests ----

const documentId = documentIdSchema;
const rowId = rowIdSchema;
const scope = z.enum(GLOSSARY_SCOPES);
const termId = termIdSchema;
export const findingIdSchema = z.string().min(1).max(COMPARE_LIMITS.findingId);

export const compareRequestSchemas = {
  listGlossary: z.object({ documentId }).strict(),
  addGlossaryTerm: z.object({ documentId, scope, entry: glossaryDraftSchema }).strict(),
  updateGlossaryTerm: z.object({ documentId, scope, id: termId, entry: glossaryDraftSchema }).strict(),
  deleteGlossaryTerm: z.object({ documentId, scope, id: termId }).strict(),
  /** CSV/TSV (en, ru[, note]) or TBX-Basic, by the file's name. */
  importGlossary: z.object({ documentId, scope, name: z.string().min(1).max(255), content: z.string().min(1).max(COMPARE_LIMITS.glossaryFile) }).strict(),
  exportGlossary: z.object({ documentId, scope, format: z.enum(GLOSSARY_FORMATS) }).strict(),
  compareFindings: z.object({ documentId }).strict(),
  compareLinks: z.object({ documentId, rowIds: z.array(rowId).max(COMPARE_LIMITS.linkRows) }).strict(),
  dismissFinding: z.object({ documentId, findingId: findingIdSchema, dismissed: z.boolean() }).strict(),
  exportFindings: z.object({ documentId, format: z.enum(FINDINGS_EXPORT_FORMATS) }).strict(),
  concordance: z.object({ documentId, query: z.string().trim().min(1).max(COMPARE_LIMITS.query), lang: z.enum(['en', 'ru']) }).strict(),
};

// ---- Channels ----

// The channel table is in a module without zod (`compare-channels.ts`): the preload and the
// harness bridge build their API from it and must not carry the schemas above.
export { compareContract } from './compare-channels';
