/**
 * The comparison tools' part of the IPC contract (spread into `contract` in `ipc.ts`): glossaries,
 * findings, term links, dismissed findings, the findings' export and the concordance.
 */
import type {
  ConcordanceResult,
  FindingsExportFormat,
  FindingsView,
  GlossaryDraft,
  GlossaryEntry,
  GlossaryFormat,
  GlossaryImportReport,
  GlossaryScope,
  GlossaryView,
  RowLinks,
} from '../core/compare/views';
import type { Lang } from '../core/model';

export type * from '../core/compare/views';

/** Phantom marker for a type carried by the table. */
const type = <T>() => undefined as unknown as T;

interface SavedFile {
  /** `false` when the reader cancelled the save dialog. */
  saved: boolean;
  path?: string;
}

/** A glossary: the document's own (`document`) or the one across documents (`global`). */
interface GlossaryTarget {
  documentId: string;
  scope: GlossaryScope;
}

export const compareContract = {
  /** The document's glossary and the global one. */
  listGlossary: {
    channel: 'glossary:list',
    request: type<{ documentId: string }>(),
    response: type<GlossaryView>(),
  },
  addGlossaryTerm: {
    channel: 'glossary:add',
    request: type<GlossaryTarget & { entry: GlossaryDraft }>(),
    response: type<GlossaryEntry>(),
  },
  updateGlossaryTerm: {
    channel: 'glossary:update',
    request: type<GlossaryTarget & { id: string; entry: GlossaryDraft }>(),
    response: type<GlossaryEntry>(),
  },
  /** Answers what was deleted (the UI can add it back to undo). */
  deleteGlossaryTerm: {
    channel: 'glossary:delete',
    request: type<GlossaryTarget & { id: string }>(),
    response: type<GlossaryEntry>(),
  },
  /** CSV/TSV (en, ru[, note]) or TBX-Basic, by the file's name; pairs already there are skipped. */
  importGlossary: {
    channel: 'glossary:import',
    request: type<GlossaryTarget & { name: string; content: string }>(),
    response: type<GlossaryImportReport>(),
  },
  exportGlossary: {
    channel: 'glossary:export',
    request: type<GlossaryTarget & { format: GlossaryFormat }>(),
    response: type<SavedFile>(),
  },
  /** The consistency checks of the document (computed in a worker, cached until it changes). */
  compareFindings: {
    channel: 'compare:findings',
    request: type<{ documentId: string }>(),
    response: type<FindingsView>(),
  },
  /** Term links of some rows (at most 1,000 a request: the rows on screen). */
  compareLinks: {
    channel: 'compare:links',
    request: type<{ documentId: string; rowIds: string[] }>(),
    response: type<RowLinks[]>(),
  },
  /** Dismisses a finding (saved, like a note), or brings it back. */
  dismissFinding: {
    channel: 'compare:dismiss',
    request: type<{ documentId: string; findingId: string; dismissed: boolean }>(),
    response: type<{ dismissed: string[] }>(),
  },
  exportFindings: {
    channel: 'compare:export-findings',
    request: type<{ documentId: string; format: FindingsExportFormat }>(),
    response: type<SavedFile>(),
  },
  /** Every row where a word or phrase occurs (any word form), with its renderings counted. */
  concordance: {
    channel: 'compare:concordance',
    request: type<{ documentId: string; query: string; lang: Lang }>(),
    response: type<ConcordanceResult>(),
  },
} as const;
