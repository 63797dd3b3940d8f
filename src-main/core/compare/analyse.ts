/**
 * A whole document compared at once: the word model trained on its rows, the term links of every
 * row and the consistency checks, sharing one tokenization and one item context. What the compare
 * worker, the `bitext check` command and the benchmark run. Pure TypeScript.
 */
import { type Lexicon, shippedLexicon } from '../align/lexicon';
import { type CheckRow, type Finding, type GlossaryPair, type Renderings, mergeRenderings, renderingFindings, rowChecker } from './checks';
import { extractItems, itemContext } from './items';
import { LINK_CLASSES, type PreparedTerm, type TermLink, linkRow } from './links';
import type { Lang } from '../model';
import { type StemIndex, stemIndex } from './stem-index';
import { termPattern } from './terms';
import { type DocumentTokens, columnTokens, tokenizeColumn } from './tokens';
import { type WordModel, trainWordModel } from './word-model';

export interface AnalyseOptions {
  glossary?: readonly GlossaryPair[];
  lexicon?: Lexicon | null;
  /** Learned-link threshold (default `DEFAULT_LINK_THRESHOLD`). */
  threshold?: number;
  /** Also give which rows hold which stems (`stems`, for the concordance). */
  stemIndex?: boolean;
  /** Called between phases and every few hundred rows, with 0..1; throw from it to cancel. */
  onProgress?: (phase: 'training' | 'linking' | 'checking', progress: number) => void;
}

export interface DocumentAnalysis {
  /** Links of each row, in row order. */
  links: TermLink[][];
  findings: Finding[];
  /** With `stemIndex`: which rows hold which stems, per language. */
  stems?: Record<Lang, StemIndex>;
}

function stemIndexes(tokens: DocumentTokens): Record<Lang, StemIndex> {
  return { en: stemIndex(tokens.en), ru: stemIndex(tokens.ru) };
}

export function analyseDocument(rows: readonly CheckRow[], options: AnalyseOptions = {}): DocumentAnalysis {
  return analyseWhole(rows, options);
}

/**
 * The same, the links packed row by row as they are made (`LinkPacker`): what the compare worker
 * sends to main, without tens of thousands of link objects kept until the end. The same links and
 * findings as `analyseDocument`, exactly (`packLinks` of its links).
 */
export function analyseDocumentPacked(rows: readonly CheckRow[], options: AnalyseOptions = {}): Omit<DocumentAnalysis, 'links'> & { links: PackedLinks } {
  const packer = new LinkPacker(rows.length);
  const { findings, stems } = analyseWhole(rows, options, (_, links) => packer.push(links));
  return stems ? { links: packer.finish(), findings, stems } : { links: packer.finish(), findings };
}

function analyseWhole(rows: readonly CheckRow[], options: AnalyseOptions, sink?: (k: number, links: TermLink[]) => void): DocumentAnalysis {
  const { lexicon, tokens, model } = trained(rows, options);
  const part = analyseRange(rows, tokens, model, lexicon, options, 0, rows.length, sink);
  const findings = [...part.findings, ...renderingFindings(part.renderings)];
  return options.stemIndex ? { links: part.links, findings, stems: stemIndexes(tokens) } : { links: part.links, findings };
}

/** What both a whole run and a part start from: the lexicon, every row's tokens and the word model trained on them. */
function trained(rows: readonly CheckRow[], options: AnalyseOptions): { lexicon: Lexicon | null; tokens: DocumentTokens; model: WordModel } {
  const lexicon = options.lexicon === undefined ? shippedLexicon() : options.lexicon;
  options.onProgress?.('training', 0);
  const tokens = tokenizeRows(rows);
  return { lexicon, tokens, model: trainWordModel(tokens, { lexicon }) };
}

/** The rows' tokens, in typed arrays (no object per token kept through the run: `TokenColumn`). */
function tokenizeRows(rows: readonly CheckRow[]): DocumentTokens {
  return { en: tokenizeColumn(rows.map((r) => r.en), 'en'), ru: tokenizeColumn(rows.map((r) => r.ru), 'ru') };
}

/**
 * Links and checks of rows `from` to `to`, the model trained: row by row, each row's items, links
 * and checks one after the other (what a row makes is garbage once the row is done, not kept for a
 * second pass over the document). The links of row `k` go to `sink(k, links)`; without a sink they
 * are returned.
 */
function analyseRange(
  rows: readonly CheckRow[],
  tokens: DocumentTokens,
  model: WordModel,
  lexicon: Lexicon | null,
  options: AnalyseOptions,
  from: number,
  to: number,
  sink?: (k: number, links: TermLink[]) => void,
): { links: TermLink[][]; findings: Finding[]; renderings: Renderings } {
  const progress = options.onProgress ?? (() => undefined);
  const glossaryPairs = options.glossary ?? [];
  const glossary: PreparedTerm[] = glossaryPairs.map((g) => ({ en: termPattern(g.en, 'en'), ru: termPattern(g.ru, 'ru') }));
  const acronyms = glossaryPairs.filter((g) => /^[\p{Lu}0-9-]{2,}s?$/u.test(g.en) && /^[\p{Lu}0-9-]{2,}$/u.test(g.ru)).map((g) => [g.en, g.ru] as const);
  const context = itemContext(rows.map((r) => r.en), rows.map((r) => r.ru), { acronyms, columns: tokens });
  progress('linking', 0);
  const checker = rowChecker(rows, { glossary: glossaryPairs, lexicon, model, context });
  const links: TermLink[][] = [];
  for (let k = from; k < to; k++) {
    if ((k - from) % 500 === 0) progress('linking', (k - from) / Math.max(1, to - from));
    const row = rows[k]!;
    // The row's tokens as objects, for this row's work only.
    const rowTokens = { en: columnTokens(tokens.en, k), ru: columnTokens(tokens.ru, k) };
    const items = { en: extractItems(row.en, 'en', context, rowTokens.en), ru: extractItems(row.ru, 'ru', context, rowTokens.ru) };
    const rowLinks = linkRow(row.en, row.ru, { context, glossary, lexicon, model, modelRow: k, threshold: options.threshold, tokens: rowTokens, items });
    checker.check(k, rowLinks, items, rowTokens);
    if (sink) sink(k, rowLinks);
    else links.push(rowLinks);
  }
  progress('checking', 1);
  return { links, findings: checker.findings, renderings: checker.renderings };
}

/**
 * One of two threads' share of a document's comparison. Both tokenize every row and train the
 * word model (in WebAssembly, about a tenth of the comparison: cheaper than handing half of it
 * across); then part 0 links and checks the first rows, part 1 the others (split where the text
 * is half done). Together they give what `analyseDocument` gives, exactly: the links of part 0
 * then part 1, the findings of part 0 then part 1, then `renderingFindings` of their merged
 * renderings (`mergeRenderings`, part 0 first).
 */
export interface PartPlan {
  part: 0 | 1;
}

export interface PartAnalysis {
  /** The part's rows: `from` to `to`. */
  from: number;
  to: number;
  links: TermLink[][];
  findings: Finding[];
  renderings: Renderings;
  /** Part 0, with `stemIndex`: which rows (all of them) hold which stems. */
  stems?: Record<Lang, StemIndex>;
}

/** Where the rows are split between the two parts: where half the text is behind. */
export function splitPoint(rows: readonly CheckRow[]): number {
  let total = 0;
  for (const r of rows) total += r.en.length + r.ru.length;
  let done = 0;
  for (let k = 0; k < rows.length; k++) {
    done += rows[k]!.en.length + rows[k]!.ru.length;
    if (2 * done >= total) return k + 1;
  }
  return rows.length;
}

export function analysePart(rows: readonly CheckRow[], plan: PartPlan, options: AnalyseOptions = {}): PartAnalysis {
  const { lexicon, tokens, model } = trained(rows, options);
  const half = splitPoint(rows);
  const [from, to] = plan.part === 0 ? [0, half] : [half, rows.length];
  const done = { from, to, ...analyseRange(rows, tokens, model, lexicon, options, from, to) };
  return plan.part === 0 && options.stemIndex ? { ...done, stems: stemIndexes(tokens) } : done;
}

/** The document's analysis from its two parts. */
export function joinParts(first: Omit<PartAnalysis, 'links'>, second: Omit<PartAnalysis, 'links'>): Finding[] {
  return [...first.findings, ...second.findings, ...renderingFindings(mergeRenderings(first.renderings, second.renderings))];
}

/**
 * The links of a document in four typed arrays, to cross from the compare worker to main without
 * copying tens of thousands of small objects (the buffers are transferred, not cloned): row `k`'s
 * links are `offsets[k]` to `offsets[k + 1]`, link `z` has class `LINK_CLASSES[classes[z]]`, spans
 * `spans[4z..4z+3]` (English start, end, Russian start, end) and `scores[z]`.
 */
export interface PackedLinks {
  offsets: Int32Array<ArrayBuffer>;
  classes: Uint8Array<ArrayBuffer>;
  spans: Int32Array<ArrayBuffer>;
  scores: Float64Array<ArrayBuffer>;
}

export function packLinks(links: readonly (readonly TermLink[])[]): PackedLinks {
  const packer = new LinkPacker(links.length);
  for (const row of links) packer.push(row);
  return packer.finish();
}

/** Links packed a row at a time (`PackedLinks`), the arrays grown as needed; `finish` gives them at their size. */
export class LinkPacker {
  private readonly offsets: Int32Array<ArrayBuffer>;
  private classes = new Uint8Array(1024);
  private spans = new Int32Array(4 * 1024);
  private scores = new Float64Array(1024);
  private rows = 0;
  private n = 0;

  /** `rowCount`: how many rows will be pushed. */
  constructor(rowCount: number) {
    this.offsets = new Int32Array(rowCount + 1);
  }

  push(row: readonly TermLink[]): void {
    if (this.n + row.length > this.classes.length) this.grow(this.n + row.length);
    const { classes, spans, scores } = this;
    this.offsets[this.rows++] = this.n;
    let z = this.n;
    for (const link of row) {
      classes[z] = LINK_CLASSES.indexOf(link.class);
      spans[4 * z] = link.en.start;
      spans[4 * z + 1] = link.en.end;
      spans[4 * z + 2] = link.ru.start;
      spans[4 * z + 3] = link.ru.end;
      scores[z] = link.score;
      z++;
    }
    this.n = z;
  }

  finish(): PackedLinks {
    this.offsets[this.rows] = this.n;
    const offsets = this.rows + 1 === this.offsets.length ? this.offsets : this.offsets.slice(0, this.rows + 1);
    return { offsets, classes: this.classes.slice(0, this.n), spans: this.spans.slice(0, 4 * this.n), scores: this.scores.slice(0, this.n) };
  }

  private grow(needed: number): void {
    const size = Math.max(needed, 2 * this.classes.length);
    const classes = new Uint8Array(size);
    classes.set(this.classes);
    const spans = new Int32Array(4 * size);
    spans.set(this.spans);
    const scores = new Float64Array(size);
    scores.set(this.scores);
    this.classes = classes;
    this.spans = spans;
    this.scores = scores;
  }
}

/**
 * The links of a document kept packed (as they come from the workers) and unpacked a row at a time
 * when asked for: main never turns tens of thousands of links into objects at once.
 */
export class LinkTable {
  private readonly unpacked = new Map<number, TermLink[]>();

  constructor(private readonly packed: PackedLinks) {}

  static of(links: readonly (readonly TermLink[])[]): LinkTable {
    return new LinkTable(packLinks(links));
  }

  /** Rows in the table. */
  get rows(): number {
    return this.packed.offsets.length - 1;
  }

  /** Links in the table. */
  get size(): number {
    return this.packed.classes.length;
  }

  /** The links of row `k` (the same array each time; empty for a row out of range). */
  row(k: number): TermLink[] {
    let row = this.unpacked.get(k);
    if (row) return row;
    row = [];
    const { offsets, classes, spans, scores } = this.packed;
    if (k >= 0 && k + 1 < offsets.length) {
      for (let z = offsets[k]!; z < offsets[k + 1]!; z++) {
        row.push({ class: LINK_CLASSES[classes[z]!]!, en: { start: spans[4 * z]!, end: spans[4 * z + 1]! }, ru: { start: spans[4 * z + 2]!, end: spans[4 * z + 3]! }, score: scores[z]! });
      }
    }
    this.unpacked.set(k, row);
    return row;
  }

  /** Every row's links (tests, small documents). */
  all(): TermLink[][] {
    return Array.from({ length: this.rows }, (_, k) => this.row(k));
  }
}

/** A document's comparison as the runner gives it: the findings, and the links packed. */
export interface ComparedDocument {
  findings: Finding[];
  links: LinkTable;
  /** Which rows hold which stems, per language (for the concordance). */
  stems: Record<Lang, StemIndex>;
}

