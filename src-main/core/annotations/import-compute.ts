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
import { type Pace, pace } from './pace';

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

type ImportFound = Extract<AnnotationImportOutcome, { ok: true }>;

/**
 * The outcome as the worker posts it: the annotations with their anchors as JSON texts, each one
 * array of `[annotation, anchor]` pairs for up to `POST_CHUNK` of them. A structured clone of
 * 20,000 objects is taken apart in one go on the receiving thread (tens of milliseconds); strings
 * are copied as they are, and main parses them one text (a few milliseconds) at a time.
 */
export type PostedOutcome = Exclude<AnnotationImportOutcome, ImportFound> | (Omit<ImportFound, 'annotations' | 'anchors'> & { chunks: string[] });

/** Annotations per posted text: one `JSON.parse` of that many takes a few milliseconds on main. */
export const POST_CHUNK = 250;

export type AnnotationWorkerMessage = { type: 'done'; outcome: PostedOutcome } | { type: 'error'; message: string };

/** In the worker: the document built there from what it was given, the outcome ready to post. */
export function computeImportIn(input: AnnotationWorkerInput): PostedOutcome {
  const outcome = computeImport(buildAnchoringDocument(input.body, input.texts), input.task);
  if (!outcome.ok) return outcome;
  const { annotations, anchors, ...rest } = outcome;
  const chunks: string[] = [];
  for (let from = 0; from < annotations.length; from += POST_CHUNK) {
    const pairs = annotations.slice(from, from + POST_CHUNK).map((annotation, i) => [annotation, anchors[from + i]]);
    chunks.push(JSON.stringify(pairs));
  }
  return { ...rest, chunks };
}

/**
 * On main: the posted outcome back as objects, parsed a slice at a time. The texts are the
 * worker's own serialisation of annotations it checked against the import's schema (the file's
 * content itself is never trusted unchecked: the worker validated it).
 */
export async function unpackOutcome(posted: PostedOutcome, p: Pace = pace()): Promise<AnnotationImportOutcome> {
  if (!posted.ok) return posted;
  const { chunks, ...rest } = posted;
  const annotations: Annotation[] = [];
  const anchors: AnnotationAnchor[] = [];
  for (const chunk of chunks) {
    for (const [annotation, anchor] of JSON.parse(chunk) as Array<[Annotation, AnnotationAnchor]>) {
      annotations.push(annotation);
      anchors.push(anchor);
    }
    if (p.due()) await p.pause();
  }
  return { ...rest, annotations, anchors };
}
