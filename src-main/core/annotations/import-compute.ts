/**
 * Importing a W3C Web Annotation file, pure: parsing it (up to 5,000,000 characters of JSON),
 * checking every annotation's shape and placing every quote in the current text — fuzzy matching
 * above all, which a hostile file makes as costly as it can. Run by `import-worker.ts` (the app,
 * the harness) or in-process (`import-run.ts`, unit tests), with the same result either way. Kept
 * apart from the runners so that the worker's bundle holds only this.
 */
import type { AlignedText, Lang } from '../model';
import { PASS_CELLS } from './anchor-cache';
import { type AnchoringDocument, TextQuoteAnchor, anchorTarget, buildAnchoringDocument, fuzzyBudget } from './anchoring';
import { type ImportParseFailure, type ImportRejection, parseJsonLd } from './export';
import type { Annotation, AnnotationAnchor } from './model';

export interface AnnotationImportTask {
  documentId: string;
  content: string;
  /** ISO time: `created` for annotations that give none. */
  now: string;
}

export type AnnotationImportOutcome =
  | {
      ok: true;
      annotations: Annotation[];
      rejected: ImportRejection[];
      /** Each annotation's place in the current text, in order. */
      anchors: AnnotationAnchor[];
      /**
       * How many of the anchors, from the first, were found within the budget: those are final
       * and may be kept for this text version (the rest are found again by a list).
       */
      finalCount: number;
    }
  | ImportParseFailure;

/** Parses the file and places each quote in `doc`, within one bounded budget for the whole file. */
export function computeImport(doc: AnchoringDocument, task: AnnotationImportTask): AnnotationImportOutcome {
  const budget = fuzzyBudget(PASS_CELLS);
  const parsed = parseJsonLd(task.content, {
    documentId: task.documentId,
    now: new Date(task.now),
    clauseIdFor: (lang, quote) => {
      const source = doc.sources[lang];
      const match = TextQuoteAnchor.fromSelector(quote).toRange(source, { budget });
      return match ? source.clausesIn(match)[0]?.id : undefined;
    },
  });
  if (!parsed.ok) return parsed;
  // Each quote is checked against the current text now: what matches nothing is an orphan at once.
  let finalCount = 0;
  const anchors = parsed.annotations.map((annotation) => {
    const anchor = anchorTarget(doc, annotation.target, budget);
    if (!budget.exhausted) finalCount++;
    return anchor;
  });
  return { ok: true, annotations: parsed.annotations, rejected: parsed.rejected, anchors, finalCount };
}

/** What the worker is given: the task and the document as the reader sees it. */
export interface AnnotationWorkerInput {
  task: AnnotationImportTask;
  body: AlignedText;
  texts: Record<Lang, string>;
}

export type AnnotationWorkerMessage = { type: 'done'; outcome: AnnotationImportOutcome } | { type: 'error'; message: string };

/** In the worker: the document built there from what it was given. */
export function computeImportIn(input: AnnotationWorkerInput): AnnotationImportOutcome {
  return computeImport(buildAnchoringDocument(input.body, input.texts), input.task);
}
