/**
 * A word aligner trained on a document's own aligned rows: IBM Model 1 in both directions
 * (English→Russian and Russian→English, each with a NULL word), by EM over word stems, with the
 * bilingual lexicon as a prior (pairs that share a lexicon concept start higher and get a
 * pseudo-count in every iteration, as fast_align's diagonal prior steers its own model).
 * Function words are left out. The pair table is flat (typed arrays indexed by a pair id found
 * once per row), so an iteration over 10,000 rows is a few passes over numeric arrays.
 * Pure TypeScript.
 */
import type { Lexicon } from '../align/lexicon';
import { type Token, isFunctionWord } from './tokens';

export interface WordModelOptions {
  /** EM iterations (default 5). */
  iterations?: number;
  /** The lexicon used as a prior; `null` for none. */
  lexicon?: Lexicon | null;
  /** Pseudo-count added each iteration to a pair that shares a lexicon concept (default 1). */
  priorCount?: number;
  /** Rows with more content words than this on a side are not trained on (default 80). */
  maxWords?: number;
}

export interface WordModel {
  /** p(ru stem | en stem); 0 for pairs never seen together. */
  forward(en: string, ru: string): number;
  /** p(en stem | ru stem). */
  backward(en: string, ru: string): number;
  /** p(ru stem | NULL) and p(en stem | NULL). */
  nullRu(ru: string): number;
  nullEn(en: string): number;
  /** Distinct pairs in the table. */
  pairs: number;
  /** Word ids (−1 for words never trained on), and the same probabilities by id (fast paths). */
  enId(stem: string): number;
  ruId(stem: string): number;
  forwardById(e: number, r: number): number;
  backwardById(e: number, r: number): number;
  nullRuById(r: number): number;
  nullEnById(e: number): number;
  /**
   * The table of training row `row` (its index in the rows given to `trainWordModel`), or
   * `undefined` for a row not trained on: the ids of its content words (`contentIndexes` order) and
   * the pair id of each (English word `a`, Russian word `b`) at `pairs[a * ru.length + b]`, whose
   * probabilities are `forwardByPair` and `backwardByPair`. Lets the links of a row read the
   * model without a hash lookup per word pair.
   */
  rowTable(row: number): RowTable | undefined;
  forwardByPair(p: number): number;
  backwardByPair(p: number): number;
}

export interface RowTable {
  en: Int32Array;
  ru: Int32Array;
  pairs: Int32Array;
}

export interface TrainingRow {
  en: readonly Token[];
  ru: readonly Token[];
}

/** The content words of a side: indexes of the tokens the aligner looks at. */
export function contentIndexes(tokens: readonly Token[], lang: 'en' | 'ru'): number[] {
  const out: number[] = [];
  tokens.forEach((t, k) => {
    if (!isFunctionWord(t, lang)) out.push(k);
  });
  return out;
}

/** (English id, Russian id) → pair id: open addressing over typed arrays (faster than a Map of numbers). */
class PairTable {
  private keysE: Int32Array;
  private keysR: Int32Array;
  private values: Int32Array;
  private mask: number;
  size = 0;

  constructor(capacity = 1 << 16) {
    this.keysE = new Int32Array(capacity).fill(-1);
    this.keysR = new Int32Array(capacity);
    this.values = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  private slot(e: number, r: number): number {
    let h = Math.imul(e, 0x9e3779b1) ^ Math.imul(r + 0x7f4a7c15, 0x85ebca77);
    h ^= h >>> 15;
    let k = h & this.mask;
    while (this.keysE[k] !== -1 && (this.keysE[k] !== e || this.keysR[k] !== r)) k = (k + 1) & this.mask;
    return k;
  }

  get(e: number, r: number): number {
    const k = this.slot(e, r);
    return this.keysE[k] === -1 ? -1 : this.values[k]!;
  }

  /** The pair's id, given the next free id when it is new. */
  intern(e: number, r: number): number {
    const k = this.slot(e, r);
    if (this.keysE[k] !== -1) return this.values[k]!;
    this.keysE[k] = e;
    this.keysR[k] = r;
    this.values[k] = this.size;
    if (++this.size * 2 > this.mask) this.grow();
    return this.size - 1;
  }

  private grow(): void {
    const { keysE, keysR, values } = this;
    const capacity = (this.mask + 1) * 2;
    this.keysE = new Int32Array(capacity).fill(-1);
    this.keysR = new Int32Array(capacity);
    this.values = new Int32Array(capacity);
    this.mask = capacity - 1;
    for (let k = 0; k < keysE.length; k++) {
      if (keysE[k] === -1) continue;
      const z = this.slot(keysE[k]!, keysR[k]!);
      this.keysE[z] = keysE[k]!;
      this.keysR[z] = keysR[k]!;
      this.values[z] = values[k]!;
    }
  }
}

export function trainWordModel(rows: readonly TrainingRow[], options: WordModelOptions = {}): WordModel {
  const iterations = options.iterations ?? 5;
  const lexicon = options.lexicon ?? null;
  const priorCount = options.priorCount ?? 1;
  const maxWords = options.maxWords ?? 80;

  const enVocab = new Map<string, number>();
  const ruVocab = new Map<string, number>();
  const enConcepts: (readonly number[])[] = [];
  const ruConcepts: (readonly number[])[] = [];
  const idOf = (vocab: Map<string, number>, concepts: (readonly number[])[], token: Token, lang: 'en' | 'ru'): number => {
    let id = vocab.get(token.stem);
    if (id === undefined) {
      id = vocab.size;
      vocab.set(token.stem, id);
      concepts.push(lexicon ? (lang === 'en' ? lexicon.english(token.text) : lexicon.russian(token.text)) : []);
    }
    return id;
  };

  // Rows as word ids, and for each (row, en word, ru word) the id of the pair.
  const rowEn: Int32Array[] = [];
  const rowRu: Int32Array[] = [];
  const rowPairs: Int32Array[] = [];
  /** Training row → its place in rowEn/rowRu/rowPairs, or −1. */
  const tableOf = new Int32Array(rows.length).fill(-1);
  const contentCount = (tokens: readonly Token[]): number => {
    let n = 0;
    for (const t of tokens) if (!t.minor) n++;
    return n;
  };
  const ids = (tokens: readonly Token[], n: number, lang: 'en' | 'ru'): Int32Array => {
    const out = new Int32Array(n);
    let k = 0;
    for (const t of tokens) if (!t.minor) out[k++] = lang === 'en' ? idOf(enVocab, enConcepts, t, 'en') : idOf(ruVocab, ruConcepts, t, 'ru');
    return out;
  };
  rows.forEach((row, k) => {
    const n = contentCount(row.en);
    const m = contentCount(row.ru);
    if (n === 0 || m === 0 || n > maxWords || m > maxWords) return;
    tableOf[k] = rowEn.length;
    rowEn.push(ids(row.en, n, 'en'));
    rowRu.push(ids(row.ru, m, 'ru'));
  });
  // Pair ids, English word by English word: the rows an English word occurs in are visited
  // together, and a dense mark per Russian word gives the pair id (no hash lookup per slot). The
  // pairs of one English word get consecutive ids.
  const enSize0 = enVocab.size;
  const occurrences = new Int32Array(enSize0 + 1);
  for (const e of rowEn) for (let i = 0; i < e.length; i++) occurrences[e[i]! + 1]!++;
  for (let k = 0; k < enSize0; k++) occurrences[k + 1]! += occurrences[k]!;
  const occRow = new Int32Array(occurrences[enSize0]!);
  const occAt = new Int32Array(occurrences[enSize0]!);
  const fill = occurrences.slice(0, enSize0);
  rowEn.forEach((e, row) => {
    rowPairs.push(new Int32Array(e.length * rowRu[row]!.length));
    for (let i = 0; i < e.length; i++) {
      const z = fill[e[i]!]!++;
      occRow[z] = row;
      occAt[z] = i;
    }
  });
  const mark = new Int32Array(ruVocab.size).fill(-1);
  const touched: number[] = [];
  const pairEnList: number[] = [];
  const pairRuList: number[] = [];
  for (let e = 0; e < enSize0; e++) {
    for (let z = occurrences[e]!; z < occurrences[e + 1]!; z++) {
      const row = occRow[z]!;
      const i = occAt[z]!;
      const r = rowRu[row]!;
      const pairs = rowPairs[row]!;
      const m = r.length;
      for (let j = 0; j < m; j++) {
        const rj = r[j]!;
        let p = mark[rj]!;
        if (p < 0) {
          p = pairEnList.length;
          pairEnList.push(e);
          pairRuList.push(rj);
          mark[rj] = p;
          touched.push(rj);
        }
        pairs[i * m + j] = p;
      }
    }
    for (const rj of touched) mark[rj] = -1;
    touched.length = 0;
  }
  const pairEn = Int32Array.from(pairEnList);
  const pairRu = Int32Array.from(pairRuList);
  // (English id, Russian id) → pair id, for rows the model was not trained on.
  const pairIndex = new PairTable();
  for (let p = 0; p < pairEn.length; p++) pairIndex.intern(pairEn[p]!, pairRu[p]!);

  const P = pairIndex.size;
  const prior = new Uint8Array(P);
  if (lexicon) {
    for (let p = 0; p < P; p++) {
      const ce = enConcepts[pairEn[p]!]!;
      if (ce.length === 0) continue;
      const cr = ruConcepts[pairRu[p]!]!;
      if (ce.some((c) => cr.includes(c))) prior[p] = 1;
    }
  }
  const ruSize = ruVocab.size;
  const enSize = enVocab.size;
  // t(ru | en) and t(en | ru), uniform to start; lexicon pairs five times as likely.
  const fwd = new Float32Array(P).fill(1);
  const bwd = new Float32Array(P).fill(1);
  for (let p = 0; p < P; p++) if (prior[p]) fwd[p] = bwd[p] = 5;
  const nullRu = new Float64Array(ruSize).fill(1 / Math.max(1, ruSize));
  const nullEn = new Float64Array(enSize).fill(1 / Math.max(1, enSize));
  const countF = new Float32Array(P);
  const countB = new Float32Array(P);
  const countNullRu = new Float64Array(ruSize);
  const countNullEn = new Float64Array(enSize);
  const totalEn = new Float64Array(enSize);
  const totalRu = new Float64Array(ruSize);

  let gathered = new Float64Array(1 << 12);
  const colSum = new Float64Array(maxWords + 1);
  const rowSum = new Float64Array(maxWords + 1);
  for (let it = 0; it < iterations; it++) {
    countF.fill(0);
    countB.fill(0);
    countNullRu.fill(0);
    countNullEn.fill(0);
    for (let row = 0; row < rowPairs.length; row++) {
      const e = rowEn[row]!;
      const r = rowRu[row]!;
      const pairs = rowPairs[row]!;
      const n = e.length;
      const m = r.length;
      const size = n * m;
      if (gathered.length < 2 * size) gathered = new Float64Array(Math.max(2 * size, gathered.length * 2));
      // One pass in row order: t(r|e) and t(e|r) of every slot, and the sums that normalise them
      // (each Russian word generated by one English word or NULL, and the reverse).
      for (let j = 0; j < m; j++) colSum[j] = nullRu[r[j]!]!;
      for (let i = 0; i < n; i++) {
        let sum = nullEn[e[i]!]!;
        const base = i * m;
        for (let j = 0; j < m; j++) {
          const p = pairs[base + j]!;
          const f = fwd[p]!;
          const b = bwd[p]!;
          gathered[2 * (base + j)] = f;
          gathered[2 * (base + j) + 1] = b;
          colSum[j]! += f;
          sum += b;
        }
        rowSum[i] = 1 / sum;
      }
      for (let j = 0; j < m; j++) {
        colSum[j] = 1 / colSum[j]!;
        countNullRu[r[j]!]! += nullRu[r[j]!]! * colSum[j]!;
      }
      for (let i = 0; i < n; i++) {
        countNullEn[e[i]!]! += nullEn[e[i]!]! * rowSum[i]!;
        const base = i * m;
        const inv = rowSum[i]!;
        for (let j = 0; j < m; j++) {
          const p = pairs[base + j]!;
          countF[p]! += gathered[2 * (base + j)]! * colSum[j]!;
          countB[p]! += gathered[2 * (base + j) + 1]! * inv;
        }
      }
    }
    for (let p = 0; p < P; p++) {
      if (prior[p]) {
        countF[p]! += priorCount;
        countB[p]! += priorCount;
      }
    }
    // Normalise: t(r|e) over r for each e; t(e|r) over e for each r.
    totalEn.fill(0);
    totalRu.fill(0);
    for (let p = 0; p < P; p++) {
      totalEn[pairEn[p]!]! += countF[p]!;
      totalRu[pairRu[p]!]! += countB[p]!;
    }
    for (let p = 0; p < P; p++) {
      fwd[p] = countF[p]! / (totalEn[pairEn[p]!]! || 1);
      bwd[p] = countB[p]! / (totalRu[pairRu[p]!]! || 1);
    }
    let nullTotal = 0;
    for (let k = 0; k < ruSize; k++) nullTotal += countNullRu[k]!;
    for (let k = 0; k < ruSize; k++) nullRu[k] = countNullRu[k]! / (nullTotal || 1);
    nullTotal = 0;
    for (let k = 0; k < enSize; k++) nullTotal += countNullEn[k]!;
    for (let k = 0; k < enSize; k++) nullEn[k] = countNullEn[k]! / (nullTotal || 1);
  }

  const pairOf = (en: string, ru: string): number => {
    const e = enVocab.get(en);
    const r = ruVocab.get(ru);
    if (e === undefined || r === undefined) return -1;
    return pairIndex.get(e, r);
  };
  const byId = (e: number, r: number): number => (e < 0 || r < 0 ? -1 : pairIndex.get(e, r));
  return {
    pairs: P,
    rowTable(row) {
      const t = row >= 0 && row < tableOf.length ? tableOf[row]! : -1;
      return t < 0 ? undefined : { en: rowEn[t]!, ru: rowRu[t]!, pairs: rowPairs[t]! };
    },
    forwardByPair: (p) => fwd[p]!,
    backwardByPair: (p) => bwd[p]!,
    enId: (stem) => enVocab.get(stem) ?? -1,
    ruId: (stem) => ruVocab.get(stem) ?? -1,
    forwardById(e, r) {
      const p = byId(e, r);
      return p < 0 ? 0 : fwd[p]!;
    },
    backwardById(e, r) {
      const p = byId(e, r);
      return p < 0 ? 0 : bwd[p]!;
    },
    nullRuById: (r) => (r < 0 ? 0 : nullRu[r]!),
    nullEnById: (e) => (e < 0 ? 0 : nullEn[e]!),
    forward(en, ru) {
      const p = pairOf(en, ru);
      return p < 0 ? 0 : fwd[p]!;
    },
    backward(en, ru) {
      const p = pairOf(en, ru);
      return p < 0 ? 0 : bwd[p]!;
    },
    nullRu(ru) {
      const r = ruVocab.get(ru);
      return r === undefined ? 0 : nullRu[r]!;
    },
    nullEn(en) {
      const e = enVocab.get(en);
      return e === undefined ? 0 : nullEn[e]!;
    },
  };
}
