/**
 * Sentence/paragraph alignment of an English text and its Russian translation.
 * Pure TypeScript: no Electron, no Node APIs.
 *
 * `alignSequences` is a monotone dynamic programme over bead shapes (1-1, 1-2, 2-1, 1-0, 0-1 by
 * default; the shape set is data). A bead's cost is a prior for its shape, a Gale–Church length term
 * and lexical evidence (numbers, acronyms, Latin words kept in the Russian, parentheses). The best
 * path is found by Viterbi; each bead's confidence is its posterior probability from the
 * forward–backward sums over all paths, with the same costs.
 *
 * `alignText` aligns paragraphs first, then the clauses inside each aligned group of paragraphs.
 *
 * Complexity: O(n·m·|shapes|) time and memory for sequences of n and m units. That is fine for
 * paragraphs of one document and for clauses inside a paragraph; book-length inputs want a band
 * around the diagonal (see the notes at `alignSequences`).
 */
import type { AlignedRow, AlignedText, Bead, Clause, ParagraphGroup, SegmentedText } from '../model';
import {
  type AnchorBag,
  type AnchorOptions,
  type PackedBag,
  anchorCost,
  extractAnchors,
  mergeBags,
  mergePacked,
  packAnchors,
} from './anchors';
import {
  type AnchorWeight,
  type BeadShape,
  CLAUSE_BEAD_SHAPES,
  type CostModel,
  DEFAULT_ANCHOR_WEIGHTS,
  DEFAULT_OUTLIER_SCALE,
  DEFAULT_OUTLIER_SHARE,
  DEFAULT_VARIANCE,
  PARAGRAPH_BEAD_SHAPES,
  beadCost,
} from './cost';

export interface AlignOptions extends AnchorOptions {
  /** Russian characters per English character; estimated from the two sequences when absent. */
  ratio?: number;
  /** Gale–Church variance per character. */
  variance?: number;
  /** See `CostModel.outlierShare` / `outlierScale`. */
  outlierShare?: number;
  outlierScale?: number;
  shapes?: readonly BeadShape[];
  anchorWeights?: Readonly<Record<string, AnchorWeight>>;
  /** Anchors from elsewhere (paragraph kinds, a lexicon…), added to those extracted from the text. */
  extraAnchors?: { en: readonly AnchorBag[]; ru: readonly AnchorBag[] };
  /**
   * Units that open a new item (an operative paragraph, a heading, a numbered point): a bead that
   * joins such a unit to the unit before it pays `barrierCost`.
   */
  barriers?: { en: readonly boolean[]; ru: readonly boolean[] };
  barrierCost?: number;
}

export const DEFAULT_BARRIER_COST = 4;

/** Russian characters per English character over the whole of both sides (1 if a side is empty). */
export function lengthRatio(en: readonly string[], ru: readonly string[]): number {
  const enTotal = en.reduce((sum, text) => sum + text.length, 0);
  const ruTotal = ru.reduce((sum, text) => sum + text.length, 0);
  return enTotal > 0 && ruTotal > 0 ? ruTotal / enTotal : 1;
}

function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

const range = (from: number, count: number): number[] => Array.from({ length: count }, (_, k) => from + k);

/**
 * Aligns two sequences of units (sentences, clauses, paragraphs) monotonically.
 * Returns beads covering every unit of both sides exactly once, in order. Deterministic: among
 * equal-cost paths the shape listed first wins.
 *
 * Towards book-length texts: restrict (i, j) to a band around the path of a coarse alignment
 * (paragraphs, or anchors such as numbers), so that memory and time become O((n+m)·band); the cost
 * function and the forward–backward confidences stay as they are.
 */
export function alignSequences(en: readonly string[], ru: readonly string[], options: AlignOptions = {}): Bead[] {
  const n = en.length;
  const m = ru.length;
  if (n === 0 && m === 0) return [];
  const shapes = options.shapes ?? CLAUSE_BEAD_SHAPES;
  const model: CostModel = {
    ratio: options.ratio ?? lengthRatio(en, ru),
    variance: options.variance ?? DEFAULT_VARIANCE,
    anchorWeights: options.anchorWeights ?? DEFAULT_ANCHOR_WEIGHTS,
    outlierShare: options.outlierShare ?? DEFAULT_OUTLIER_SHARE,
    outlierScale: options.outlierScale ?? DEFAULT_OUTLIER_SCALE,
  };
  const anchors = extractAnchors(en, ru, options);
  const extra = options.extraAnchors;
  const packed = packAnchors(
    extra ? anchors.en.map((bag, i) => mergeBags([bag, extra.en[i] ?? new Map()])) : anchors.en,
    extra ? anchors.ru.map((bag, j) => mergeBags([bag, extra.ru[j] ?? new Map()])) : anchors.ru,
    model.anchorWeights,
  );
  const enSpans = spanBags(packed.en, shapes, 'en');
  const ruSpans = spanBags(packed.ru, shapes, 'ru');
  const enPrefix = prefixLengths(en);
  const ruPrefix = prefixLengths(ru);
  const barrierCost = options.barrierCost ?? DEFAULT_BARRIER_COST;
  const enBarriers = prefixCounts(n, options.barriers?.en);
  const ruBarriers = prefixCounts(m, options.barriers?.ru);
  /** Barriers strictly inside a span (a barrier on its first unit does not count). */
  const inner = (prefix: Int32Array, start: number, count: number): number =>
    count > 1 ? prefix[start + count]! - prefix[start + 1]! : 0;

  const width = m + 1;
  const shapeCount = shapes.length;
  const shapeEn = Int32Array.from(shapes, (shape) => shape.en);
  const shapeRu = Int32Array.from(shapes, (shape) => shape.ru);
  /** Cost of the bead of shape `s` ending at (i, j), cached: Viterbi and forward–backward reuse it. */
  const costs = new Float64Array((n + 1) * width * shapeCount).fill(Number.NaN);
  const costOf = (s: number, i: number, j: number): number => {
    const index = (i * width + j) * shapeCount + s;
    let cost = costs[index]!;
    if (Number.isNaN(cost)) {
      const shape = shapes[s]!;
      const i0 = i - shape.en;
      const j0 = j - shape.ru;
      const lexical = anchorCost(enSpans(i0, shape.en), ruSpans(j0, shape.ru), packed.match, packed.miss);
      const barriers = inner(enBarriers, i0, shape.en) + inner(ruBarriers, j0, shape.ru);
      cost =
        beadCost(shape, enPrefix[i]! - enPrefix[i0]!, ruPrefix[j]! - ruPrefix[j0]!, lexical, model) +
        barrierCost * barriers;
      costs[index] = cost;
    }
    return cost;
  };

  const at = (i: number, j: number): number => i * width + j;

  // Viterbi (best total cost) and forward (log-sum of exp(−cost) over all paths) in one sweep.
  const best = new Float64Array((n + 1) * width).fill(Infinity);
  const back = new Int16Array((n + 1) * width).fill(-1);
  const forward = new Float64Array((n + 1) * width).fill(-Infinity);
  best[0] = 0;
  forward[0] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      if (i === 0 && j === 0) continue;
      let bestCost = Infinity;
      let bestShape = -1;
      let sum = -Infinity;
      for (let s = 0; s < shapeCount; s++) {
        if (shapeEn[s]! > i || shapeRu[s]! > j) continue;
        const from = (i - shapeEn[s]!) * width + j - shapeRu[s]!;
        if (best[from] === Infinity) continue;
        const cost = costOf(s, i, j);
        if (best[from]! + cost < bestCost) {
          bestCost = best[from]! + cost;
          bestShape = s;
        }
        sum = logAddExp(sum, forward[from]! - cost);
      }
      best[at(i, j)] = bestCost;
      back[at(i, j)] = bestShape;
      forward[at(i, j)] = sum;
    }
  }

  // Backward sums, for the posterior of each bead on the best path.
  const backward = new Float64Array((n + 1) * width).fill(-Infinity);
  backward[at(n, m)] = 0;
  for (let i = n; i >= 0; i--) {
    for (let j = m; j >= 0; j--) {
      const here = backward[at(i, j)]!;
      if (here === -Infinity) continue;
      for (let s = 0; s < shapeCount; s++) {
        if (shapeEn[s]! > i || shapeRu[s]! > j) continue;
        const from = (i - shapeEn[s]!) * width + j - shapeRu[s]!;
        backward[from] = logAddExp(backward[from]!, here - costOf(s, i, j));
      }
    }
  }

  const total = forward[at(n, m)]!;
  const beads: Bead[] = [];
  for (let i = n, j = m; i > 0 || j > 0; ) {
    const shape = shapes[back[at(i, j)]!]!;
    const i0 = i - shape.en;
    const j0 = j - shape.ru;
    const posterior = Math.exp(forward[at(i0, j0)]! - costOf(back[at(i, j)]!, i, j) + backward[at(i, j)]! - total);
    beads.push({ en: range(i0, shape.en), ru: range(j0, shape.ru), confidence: clamp01(posterior) });
    i = i0;
    j = j0;
  }
  return beads.reverse();
}

/** The merged bag of `count` consecutive units from `start`, cached for the counts the shapes use. */
function spanBags(bags: readonly PackedBag[], shapes: readonly BeadShape[], side: 'en' | 'ru') {
  const cache = new Map<number, PackedBag[]>();
  for (const shape of shapes) if (!cache.has(shape[side])) cache.set(shape[side], []);
  return (start: number, count: number): PackedBag => {
    if (count === 1) return bags[start]!;
    const byStart = cache.get(count)!;
    let bag = byStart[start];
    if (!bag) {
      bag = mergePacked(bags.slice(start, start + count));
      byStart[start] = bag;
    }
    return bag;
  };
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}

function prefixCounts(length: number, flags: readonly boolean[] | undefined): Int32Array {
  const prefix = new Int32Array(length + 1);
  for (let k = 0; k < length; k++) prefix[k + 1] = prefix[k]! + (flags?.[k] ? 1 : 0);
  return prefix;
}

function prefixLengths(texts: readonly string[]): number[] {
  const prefix = [0];
  for (const text of texts) prefix.push(prefix[prefix.length - 1]! + text.length);
  return prefix;
}

export interface AlignTextOptions {
  /** Options for the paragraph level (defaults: paragraph shapes, the texts' length ratio). */
  paragraphs?: AlignOptions;
  /** Options for the clause level (defaults: clause shapes, the texts' length ratio). */
  clauses?: AlignOptions;
}

const paragraphText = (clauses: readonly Clause[]): string => clauses.map((clause) => clause.text).join(' ');

/**
 * Aligns two segmented texts: paragraphs first (1-1 strongly preferred; a paragraph's kind is an
 * anchor, so titles and operative paragraphs pair with their like, and an operative paragraph is a
 * barrier that is not merged into the one before it), then the clauses inside each aligned group. Groups are numbered 1, 2, … except a title group, numbered 0.
 */
export function alignText(en: SegmentedText, ru: SegmentedText, options: AlignTextOptions = {}): AlignedText {
  const enParagraphs = en.paragraphs.map((paragraph) => paragraphText(paragraph.clauses));
  const ruParagraphs = ru.paragraphs.map((paragraph) => paragraphText(paragraph.clauses));
  const ratio = lengthRatio(enParagraphs, ruParagraphs);
  const kindBag = (kind: string): AnchorBag => new Map([[`kind:${kind}`, 1]]);
  const paragraphBeads = alignSequences(enParagraphs, ruParagraphs, {
    ratio,
    shapes: PARAGRAPH_BEAD_SHAPES,
    extraAnchors: {
      en: en.paragraphs.map((paragraph) => kindBag(paragraph.kind)),
      ru: ru.paragraphs.map((paragraph) => kindBag(paragraph.kind)),
    },
    barriers: {
      en: en.paragraphs.map((paragraph) => paragraph.kind === 'operative'),
      ru: ru.paragraphs.map((paragraph) => paragraph.kind === 'operative'),
    },
    ...options.paragraphs,
  });

  let number = 0;
  const groups = paragraphBeads.map((bead, groupIndex): ParagraphGroup => {
    const enClauses = bead.en.flatMap((p) => en.paragraphs[p]!.clauses);
    const ruClauses = bead.ru.flatMap((p) => ru.paragraphs[p]!.clauses);
    const first = bead.en.length > 0 ? en.paragraphs[bead.en[0]!]! : ru.paragraphs[bead.ru[0]!]!;
    const clauseBeads = alignSequences(
      enClauses.map((clause) => clause.text),
      ruClauses.map((clause) => clause.text),
      { ratio, ...options.clauses },
    );
    const rows = clauseBeads.map(
      (clauseBead, rowIndex): AlignedRow => ({
        id: `r${groupIndex}-${rowIndex}`,
        en: clauseBead.en.map((c) => enClauses[c]!),
        ru: clauseBead.ru.map((c) => ruClauses[c]!),
        confidence: Math.min(clauseBead.confidence, bead.confidence),
      }),
    );
    return {
      number: first.kind === 'title' ? 0 : ++number,
      kind: first.kind,
      en: bead.en,
      ru: bead.ru,
      rows,
    };
  });
  return { groups };
}
