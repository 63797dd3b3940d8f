/**
 * The comparison tools' channels (glossaries, findings, term links, the concordance): names and
 * response types only. No zod here (types come from `compare.ts` as types), so that the preload and
 * the harness bridge, which build their API from this table, carry none of the request schemas.
 */
import type { GlossaryView, GlossaryEntry, GlossaryImportReport, FindingsView, RowLinks, ConcordanceResult } from './compare';

/** Phantom marker for a type carried by the table. */
const type = <T>() => undefined as unknown as T;

interface SavedFile {
  /** `false` when the reader cancelled the save dialog. */
  saved: boolean;
  path?: string;
}

export const compareContract = {
  /** The document's glossary and the global one. */
  listGlossary: { channel: 'glossary:list', response: type<GlossaryView>() },
  addGlossaryTerm: { channel: 'glossary:add', response: type<GlossaryEntry>() },
  updateGlossaryTerm: { channel: 'glossary:update', response: type<GlossaryEntry>() },
  /** Answers what was deleted (the UI can add it back to undo). */
  deleteGlossaryTerm: { channel: 'glossary:delete', response: type<GlossaryEntry>() },
  /** Pairs already in the glossary are skipped; unusable lines are reported, not dropped silently. */
  importGlossary: { channel: 'glossary:import', response: type<GlossaryImportReport>() },
  exportGlossary: { channel: 'glossary:export', response: type<SavedFile>() },
  /** The consistency checks of the document (computed in a worker, cached until it changes). */
  compareFindings: { channel: 'compare:findings', response: type<FindingsView>() },
  /** Term links of some rows (at most 1,000 a request: the rows on screen). */
  compareLinks: { channel: 'compare:links', response: type<RowLinks[]>() },
  /** Dismisses a finding (saved, like a note), or brings it back. */
  dismissFinding: { channel: 'compare:dismiss', response: type<{ dismissed: string[] }>() },
  exportFindings: { channel: 'compare:export-findings', response: type<SavedFile>() },
  /** Every row where a word or phrase occurs (any word form), with its renderings counted. */
  concordance: { channel: 'compare:concordance', response: type<ConcordanceResult>() },
} as const;
