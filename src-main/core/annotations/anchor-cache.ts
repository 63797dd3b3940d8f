/**
 * Where each annotation sits, kept per text version: anchoring (fuzzy above all) is the costly
 * part of listing, and its answer changes only when the text, its alignment or the annotation
 * does. The version is a hash of both texts and the rows' layout; an annotation is known by its id
 * and `updatedAt` (every edit moves it on). A list then costs a map lookup per annotation after
 * the first; the first is bounded by the pass budget (`PASS_CELLS`). An answer cut short by that
 * budget is not kept, so the next list finishes the work.
 */
import { createHash } from 'node:crypto';
import { type AnchoringDocument, type FuzzyBudget, anchorTarget, fuzzyBudget } from './anchoring';
import type { Annotation, AnnotationAnchor } from './model';
import { type Pace, pace } from './pace';

/** Fuzzy work for one pass over a document's annotations (roughly 0.3 s at worst). */
export const PASS_CELLS = 100_000_000;

interface AnchorOptions {
  budget?: FuzzyBudget;
  all?: boolean;
}

interface DocumentAnchors {
  version: string;
  byKey: Map<string, AnnotationAnchor>;
}

export class AnchorCache {
  private readonly documents = new Map<string, DocumentAnchors>();
  private readonly versions = new WeakMap<AnchoringDocument, string>();
  /** How many anchors were computed, and how many taken from what was kept (for tests, benchmarks). */
  readonly stats = { computed: 0, reused: 0 };

  /**
   * Anchors for `annotations` (in order), computing only what this text version has not seen.
   * `all`: these are all of the document's annotations, so the others are forgotten (a list);
   * otherwise they are added to what is kept. In slices (`pace.ts`): a list of a document whose
   * annotations are not all known yet (after a start, or a new text version) anchors them a slice
   * at a time, so that the pass's fuzzy work (up to `PASS_CELLS`) never holds the thread long.
   */
  async anchors(
    documentId: string,
    doc: AnchoringDocument,
    annotations: readonly Annotation[],
    options: AnchorOptions & { pace?: Pace } = {},
  ): Promise<AnnotationAnchor[]> {
    const pass = this.pass(documentId, doc, options);
    const p = options.pace ?? pace();
    const out: AnnotationAnchor[] = [];
    for (const annotation of annotations) {
      out.push(pass.anchor(annotation));
      if (p.due()) await p.pause();
    }
    pass.end();
    return out;
  }

  private pass(documentId: string, doc: AnchoringDocument, { budget = fuzzyBudget(PASS_CELLS), all = true }: AnchorOptions) {
    const version = this.versionOf(doc);
    const previous = this.documents.get(documentId);
    const known = previous?.version === version ? previous.byKey : new Map<string, AnnotationAnchor>();
    const next = all ? new Map<string, AnnotationAnchor>() : known;
    return {
      anchor: (annotation: Annotation): AnnotationAnchor => {
        const key = keyOf(annotation);
        const cached = known.get(key) ?? next.get(key);
        if (cached) {
          this.stats.reused++;
          next.set(key, cached);
          return cached;
        }
        this.stats.computed++;
        const anchor = anchorTarget(doc, annotation.target, budget);
        // Once the pass budget has run out, answers are not final: not kept, found next time.
        if (!budget.exhausted) next.set(key, anchor);
        return anchor;
      },
      // Only what is listed now is kept: edited and deleted annotations drop out.
      end: () => this.documents.set(documentId, { version, byKey: next }),
    };
  }

  /**
   * Keeps anchors found elsewhere (an import's worker) for `annotations`, as `anchors` with
   * `all: false` would have kept them: the first `finalCount`, those found within the budget.
   */
  keep(documentId: string, doc: AnchoringDocument, annotations: readonly Annotation[], anchors: readonly AnnotationAnchor[], finalCount: number): void {
    const version = this.versionOf(doc);
    const previous = this.documents.get(documentId);
    const known = previous?.version === version ? previous.byKey : new Map<string, AnnotationAnchor>();
    for (let i = 0; i < Math.min(finalCount, annotations.length, anchors.length); i++) {
      known.set(keyOf(annotations[i] as Annotation), anchors[i] as AnnotationAnchor);
    }
    this.documents.set(documentId, { version, byKey: known });
  }

  /** One annotation's anchor (kept with the others of its document). */
  anchor(documentId: string, doc: AnchoringDocument, annotation: Annotation): AnnotationAnchor {
    const version = this.versionOf(doc);
    let entry = this.documents.get(documentId);
    if (!entry || entry.version !== version) {
      entry = { version, byKey: new Map() };
      this.documents.set(documentId, entry);
    }
    const key = keyOf(annotation);
    const cached = entry.byKey.get(key);
    if (cached) {
      this.stats.reused++;
      return cached;
    }
    this.stats.computed++;
    const budget = fuzzyBudget(PASS_CELLS);
    const anchor = anchorTarget(doc, annotation.target, budget);
    if (!budget.exhausted) entry.byKey.set(key, anchor);
    return anchor;
  }

  /** The text version: both texts and every row's id, clauses and extent. */
  versionOf(doc: AnchoringDocument): string {
    let version = this.versions.get(doc);
    if (!version) {
      const hash = createHash('sha256');
      hash.update(doc.sources.en.text).update('\0').update(doc.sources.ru.text).update('\0');
      for (const row of doc.rows) {
        hash.update(
          JSON.stringify([row.id, row.ranges.en, row.ranges.ru, row.clauses.en.map((c) => c.id), row.clauses.ru.map((c) => c.id)]),
        );
      }
      version = hash.digest('hex');
      this.versions.set(doc, version);
    }
    return version;
  }
}

function keyOf(annotation: Annotation): string {
  return `${annotation.id}\u0000${annotation.updatedAt}`;
}
