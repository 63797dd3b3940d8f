/**
 * The reader's annotations: highlights and notes on a selection of one text, and comparison notes
 * on an aligned row (how the two versions differ). Runs anywhere (no Electron, no Node APIs); the
 * types reach the renderer through the IPC contract.
 *
 * Selectors follow the W3C Web Annotation model: a quote (with 32 code points of context either
 * side) and a position in CODE POINTS in the whole text of one language, so that a note survives
 * an edited or re-segmented text, and exports to other tools unchanged.
 */
import type { Lang } from '../model';

export const ANNOTATION_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type AnnotationColor = (typeof ANNOTATION_COLORS)[number];

/** `highlight`: a coloured selection (its note may be empty); `note`: the note is the point. */
export const ANNOTATION_KINDS = ['highlight', 'note'] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

/** How many code points of context a quote selector keeps either side. */
export const QUOTE_CONTEXT = 32;

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** Code-point offsets (not UTF-16) in the whole text of one language, end exclusive. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** A selection in one column; it may span several clauses. */
export interface TextTarget {
  type: 'text';
  lang: Lang;
  /** The clause where the selection starts (when it was made). */
  clauseId: string;
  selectors: [TextQuoteSelector, TextPositionSelector];
}

/** A whole aligned row, both languages: a note on how the two versions differ. */
export interface RowTarget {
  type: 'row';
  rowId: string;
  /** The row's text in each language when the note was made (`exact` is empty for an omission). */
  quotes: Record<Lang, TextQuoteSelector>;
}

export type AnnotationTarget = TextTarget | RowTarget;

export interface Annotation {
  /** `crypto.randomUUID()`; kept through export, import and undo. */
  id: string;
  documentId: string;
  /** ISO 8601. */
  createdAt: string;
  updatedAt: string;
  kind: AnnotationKind;
  color: AnnotationColor;
  /** Plain text, line breaks kept; may be empty. */
  note: string;
  /** Trimmed, non-empty, no duplicates, in the reader's order. */
  tags: string[];
  target: AnnotationTarget;
}

export type AnchorMethod = 'position' | 'quote' | 'fuzzy' | 'row-id';

/** A range in the CURRENT text of one language, in UTF-16 code units (as the renderer's strings). */
export interface TextRange {
  start: number;
  end: number;
}

/** Where an annotation sits in the current text; computed (and kept per text version), never stored. */
export type AnnotationAnchor =
  | {
      status: 'anchored';
      type: 'text';
      lang: Lang;
      /** UTF-16 offsets in the current text of `lang`. */
      start: number;
      end: number;
      /** Clauses of `lang` the range overlaps, in text order. */
      clauseIds: string[];
      /** The row of the first clause, and every row the range overlaps. */
      rowId: string | null;
      rowIds: string[];
      method: AnchorMethod;
      /** 0..1; 1 for position and exact-quote anchoring. */
      score: number;
    }
  | {
      status: 'anchored';
      type: 'row';
      rowId: string;
      /** The row's clauses in both languages. */
      clauseIds: string[];
      /** The row's extent in each language's current text (`null` for an omission). */
      ranges: Record<Lang, TextRange | null>;
      method: AnchorMethod;
      score: number;
    }
  /** Could not be placed in the current text: kept, listed, and may be re-attached. */
  | { status: 'orphan'; type: 'text' | 'row' };

export interface AnnotationView extends Annotation {
  anchor: AnnotationAnchor;
}

/** A selection made in the reader, in UTF-16 offsets of the current text. */
export type AnnotationSelection =
  | { type: 'text'; lang: Lang; start: number; end: number }
  | { type: 'row'; rowId: string };

/** Something went wrong with a document's annotations file; the reader must be told. */
export type AnnotationsProblem =
  /**
   * The file (snapshot or journal) was damaged: it was kept aside as `movedTo` and what could be
   * recovered was loaded — from the backup, and from every part of the damaged file still whole.
   */
  | {
      kind: 'recovered';
      file: string;
      movedTo: string;
      restoredFrom: 'backup' | 'nothing';
      /**
       * How many notes may be missing or in an older version: 0 when everything was recovered;
       * absent when it cannot be told (the damage took the counts with it).
       */
      affected?: number;
      /** Every damaged file kept aside, when more than one was (`movedTo` is the first). */
      copies?: string[];
    }
  /** Written by a newer version of the app: left as it is, and this document's notes are read-only. */
  | { kind: 'newer-version'; file: string; version: number };

export interface AnnotationList {
  annotations: AnnotationView[];
  problem?: AnnotationsProblem;
}

export interface ImportReport {
  added: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Why some were rejected (the first few). */
  reasons: string[];
  /** How many of the file's annotations could not be placed in the current text (imported as orphans). */
  orphans?: number;
}

export type ExportFormat = 'markdown' | 'jsonld';

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
