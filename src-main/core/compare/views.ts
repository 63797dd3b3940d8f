/**
 * What main answers the renderer about the comparison tools (the IPC contract carries these).
 * Types only.
 */
import type { Finding } from './checks';
import type { GlossaryEntry, ImportProblem } from './glossary';
import type { TermLink } from './links';

export type { Finding, FindingDetail, FindingItem, FindingKind } from './checks';
export type { ConcordanceHit, ConcordanceResult, Rendering } from './concordance';
export type { FindingsExportFormat } from './findings-export';
export type { GlossaryDraft, GlossaryEntry, GlossaryFormat, GlossaryScope, ImportProblem } from './glossary';
export type { LinkClass, Span, TermLink } from './links';

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

export interface FindingsView {
  findings: Finding[];
  /** Ids of the dismissed findings (those that still occur). */
  dismissed: string[];
  rows: number;
  warnings: string[];
}

export interface RowLinks {
  rowId: string;
  links: TermLink[];
}

