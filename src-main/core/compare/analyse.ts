/**
 * A whole document compared at once: the word model trained on its rows, the term links of every
 * row and the consistency checks, sharing one tokenization and one item context. What the compare
 * worker, the `bitext check` command and the benchmark run. Pure TypeScript.
 */
import { type Lexicon, shippedLexicon } from '../align/lexicon';
import { type CheckRow, type Finding, type GlossaryPair, checkDocument } from './checks';
import { extractItems, itemContext } from './items';
import { LINK_CLASSES, type PreparedTerm, type TermLink, linkRow } from './links';
import { termPattern } from './terms';
import { tokenize } from './tokens';
import { trainWordModel } from './word-model';

export interface AnalyseOptions {
  glossary?: readonly GlossaryPair[];
  lexicon?: Lexicon | null;
  /** Learned-link threshold (default `DEFAULT_LINK_THRESHOLD`). */
  threshold?: number;
  /** Called between phases and every few hundred rows, with 0..1; throw from it to cancel. */
  onProgress?: (phase: 'training' | 'linking' | 'checking', progress: number) => void;
}

export interface DocumentAnalysis {
  /** Links of each row, in row order. */
  links: TermLink[][];
  findings: Finding[];
}

export function analyseDocument(rows: readonly CheckRow[], options: AnalyseOptions = {}): DocumentAnalysis {
  const lexicon = options.lexicon === undefined ? shippedLexicon() : options.lexicon;
  const progress = options.onProgress ?? (() => undefined);
  progress('training', 0);
  const tokens = rows.map((r) => ({ en: tokenize(r.en, 'en'), ru: tokenize(r.ru, 'ru') }));
  const model = trainWordModel(tokens, { lexicon });
  const glossaryPairs = options.glossary ?? [];
  const glossary: PreparedTerm[] = glossaryPairs.map((g) => ({ en: termPattern(g.en, 'en'), ru: termPattern(g.ru, 'ru') }));
  const acronyms = glossaryPairs.filter((g) => /^[\p{Lu}0-9-]{2,}s?$/u.test(g.en) && /^[\p{Lu}0-9-]{2,}$/u.test(g.ru)).map((g) => [g.en, g.ru] as const);
  const context = itemContext(rows.map((r) => r.en), rows.map((r) => r.ru), { acronyms, tokens: { en: tokens.map((t) => t.en), ru: tokens.map((t) => t.ru) } });
  progress('linking', 0);
  const items = rows.map((row, k) => ({ en: extractItems(row.en, 'en', context, tokens[k]!.en), ru: extractItems(row.ru, 'ru', context, tokens[k]!.ru) }));
  const links = rows.map((row, k) => {
    if (k % 500 === 0) progress('linking', k / Math.max(1, rows.length));
    return linkRow(row.en, row.ru, { context, glossary, lexicon, model, modelRow: k, threshold: options.threshold, tokens: tokens[k], items: items[k] });
  });
  progress('checking', 0);
  const findings = checkDocument(rows, { glossary: glossaryPairs, lexicon, model, links, context, tokens, items });
  return { links, findings };
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
  let n = 0;
  for (const row of links) n += row.length;
  const offsets = new Int32Array(links.length + 1);
  const classes = new Uint8Array(n);
  const spans = new Int32Array(4 * n);
  const scores = new Float64Array(n);
  let z = 0;
  links.forEach((row, k) => {
    offsets[k] = z;
    for (const link of row) {
      classes[z] = LINK_CLASSES.indexOf(link.class);
      spans[4 * z] = link.en.start;
      spans[4 * z + 1] = link.en.end;
      spans[4 * z + 2] = link.ru.start;
      spans[4 * z + 3] = link.ru.end;
      scores[z] = link.score;
      z++;
    }
  });
  offsets[links.length] = z;
  return { offsets, classes, spans, scores };
}

export function unpackLinks(packed: PackedLinks): TermLink[][] {
  const { offsets, classes, spans, scores } = packed;
  const out: TermLink[][] = [];
  for (let k = 0; k + 1 < offsets.length; k++) {
    const row: TermLink[] = [];
    for (let z = offsets[k]!; z < offsets[k + 1]!; z++) {
      row.push({ class: LINK_CLASSES[classes[z]!]!, en: { start: spans[4 * z]!, end: spans[4 * z + 1]! }, ru: { start: spans[4 * z + 2]!, end: spans[4 * z + 3]! }, score: scores[z]! });
    }
    out.push(row);
  }
  return out;
}
