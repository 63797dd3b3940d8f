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
import { type DocumentTokens, type Token, columnOf, isFunctionWord } from './tokens';

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
  /**
   * The same without making a table: training row `row`'s place among the rows trained on (−1 for
   * none), whose word ids and pair ids are in `rowArrays` (row t: English ids `enIds[enStart[t]]` to
   * `enIds[enStart[t + 1]]`, Russian likewise, pair ids from `slots[slotStart[t]]`).
   */
  trainedIndex(row: number): number;
  rowArrays: Readonly<Pick<WordModelTables, 'enIds' | 'ruIds' | 'enStart' | 'ruStart' | 'slotStart' | 'slots'>>;
  forwardByPair(p: number): number;
  backwardByPair(p: number): number;
  /** The tables themselves, by pair id (read-only): t(ru | en) and t(en | ru). */
  forwardTable: Float32Array;
  backwardTable: Float32Array;
  /** Both side by side (read-only): pair `p`'s t(ru | en) at `2p`, its t(en | ru) at `2p + 1` (one read from memory for both). */
  bothTable: Float32Array;
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
function isDocumentTokens(rows: readonly TrainingRow[] | DocumentTokens): rows is DocumentTokens {
  return !Array.isArray(rows);
}

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

/**
 * What EM works on: the vocabularies, the rows trained on as word ids, the pair id of every slot
 * (row, English word, Russian word) and the lexicon prior. Built the same way from the same rows,
 * so that two threads that each build it can train one direction each and swap the results.
 */
export interface WordModelTables {
  enVocab: Map<string, number>;
  ruVocab: Map<string, number>;
  /** Training row → its place among the rows trained on, or −1. */
  tableOf: Int32Array;
  trained: number;
  enIds: Int32Array;
  ruIds: Int32Array;
  enStart: Int32Array;
  ruStart: Int32Array;
  slotStart: Int32Array;
  slots: Int32Array;
  pairEn: Int32Array;
  pairRu: Int32Array;
  prior: Uint8Array;
  iterations: number;
  priorCount: number;
  maxWords: number;
}

/** One direction of the model: t(ru | en) by pair and p(ru | NULL) by Russian id (forward), or t(en | ru) and p(en | NULL) (backward). */
export interface DirectionTable {
  prob: Float32Array;
  nulls: Float64Array;
}

export type Direction = 'forward' | 'backward';

export function prepareWordModel(rows: readonly TrainingRow[] | DocumentTokens, options: WordModelOptions = {}): WordModelTables {
  const iterations = options.iterations ?? 5;
  const lexicon = options.lexicon ?? null;
  const priorCount = options.priorCount ?? 1;
  const maxWords = options.maxWords ?? 80;
  const columns: DocumentTokens = isDocumentTokens(rows) ? rows : { en: columnOf(rows.map((r) => r.en), 'en'), ru: columnOf(rows.map((r) => r.ru), 'ru') };
  const rowCount = columns.en.rowStart.length - 1;

  const enVocab = new Map<string, number>();
  const ruVocab = new Map<string, number>();
  const enConcepts: (readonly number[])[] = [];
  const ruConcepts: (readonly number[])[] = [];
  // Word ids by stem, and (quicker) by the column's word form (−1: not yet looked up, −2: minor).
  const formVocab = (column: DocumentTokens['en']): Int32Array => {
    const ids = new Int32Array(column.words.length).fill(-1);
    column.words.forEach((w, k) => {
      if (w.minor) ids[k] = -2;
    });
    return ids;
  };
  const enOfForm = formVocab(columns.en);
  const ruOfForm = formVocab(columns.ru);
  const idOf = (vocab: Map<string, number>, concepts: (readonly number[])[], column: DocumentTokens['en'], ofForm: Int32Array, form: number, lang: 'en' | 'ru'): number => {
    const word = column.words[form]!;
    let id = vocab.get(word.stem);
    if (id === undefined) {
      id = vocab.size;
      vocab.set(word.stem, id);
      concepts.push(lexicon ? (lang === 'en' ? lexicon.english(word.word) : lexicon.russian(word.word)) : []);
    }
    ofForm[form] = id;
    return id;
  };

  // Rows as word ids (all rows in one array: row t's English words are enIds[enStart[t]..enStart[t + 1]]),
  // and for each (row, en word, ru word) the id of the pair, at slots[slotStart[t] + a * m + b].
  /** Training row → its place among the rows trained on, or −1. */
  const tableOf = new Int32Array(rowCount).fill(-1);
  const contentCount = (ofForm: Int32Array, forms: Int32Array, from: number, to: number): number => {
    let n = 0;
    for (let z = from; z < to; z++) if (ofForm[forms[z]!] !== -2) n++;
    return n;
  };
  let trained = 0;
  let enTotal = 0;
  let ruTotal = 0;
  let slotTotal = 0;
  const counts = new Int32Array(2 * rowCount);
  const en = columns.en;
  const ru = columns.ru;
  for (let k = 0; k < rowCount; k++) {
    const n = contentCount(enOfForm, en.forms, en.rowStart[k]!, en.rowStart[k + 1]!);
    const m = contentCount(ruOfForm, ru.forms, ru.rowStart[k]!, ru.rowStart[k + 1]!);
    if (n === 0 || m === 0 || n > maxWords || m > maxWords) continue;
    tableOf[k] = trained++;
    counts[2 * k] = n;
    counts[2 * k + 1] = m;
    enTotal += n;
    ruTotal += m;
    slotTotal += n * m;
  }
  const enIds = new Int32Array(enTotal);
  const ruIds = new Int32Array(ruTotal);
  const enStart = new Int32Array(trained + 1);
  const ruStart = new Int32Array(trained + 1);
  const slotStart = new Int32Array(trained + 1);
  {
    let t = 0;
    let e = 0;
    let r = 0;
    let z = 0;
    for (let k = 0; k < rowCount; k++) {
      if (tableOf[k]! < 0) continue;
      enStart[t] = e;
      ruStart[t] = r;
      slotStart[t] = z;
      for (let q = en.rowStart[k]!; q < en.rowStart[k + 1]!; q++) {
        const form = en.forms[q]!;
        const id = enOfForm[form]!;
        if (id !== -2) enIds[e++] = id >= 0 ? id : idOf(enVocab, enConcepts, en, enOfForm, form, 'en');
      }
      for (let q = ru.rowStart[k]!; q < ru.rowStart[k + 1]!; q++) {
        const form = ru.forms[q]!;
        const id = ruOfForm[form]!;
        if (id !== -2) ruIds[r++] = id >= 0 ? id : idOf(ruVocab, ruConcepts, ru, ruOfForm, form, 'ru');
      }
      z += counts[2 * k]! * counts[2 * k + 1]!;
      t++;
    }
    enStart[t] = e;
    ruStart[t] = r;
    slotStart[t] = z;
  }
  const { slots, pairEn, pairRu } = pairSlots(enVocab.size, ruVocab.size, trained, enIds, ruIds, enStart, ruStart, slotStart, slotTotal);

  const P = pairEn.length;
  const prior = new Uint8Array(P);
  if (lexicon) {
    for (let p = 0; p < P; p++) {
      const ce = enConcepts[pairEn[p]!]!;
      if (ce.length === 0) continue;
      const cr = ruConcepts[pairRu[p]!]!;
      if (ce.some((c) => cr.includes(c))) prior[p] = 1;
    }
  }
  return { enVocab, ruVocab, tableOf, trained, enIds, ruIds, enStart, ruStart, slotStart, slots, pairEn, pairRu, prior, iterations, priorCount, maxWords };
}

/**
 * The pair id of every slot (row, English word, Russian word), and each pair's two word ids. Pair
 * ids are given English word by English word: the rows an English word occurs in are visited
 * together, and a dense mark per Russian word gives the pair id (no hash lookup per slot). The
 * pairs of one English word get consecutive ids.
 */
function pairSlots(
  enSize0: number,
  ruSize: number,
  trained: number,
  enIds: Int32Array,
  ruIds: Int32Array,
  enStart: Int32Array,
  ruStart: Int32Array,
  slotStart: Int32Array,
  slotTotal: number,
): { slots: Int32Array; pairEn: Int32Array; pairRu: Int32Array } {
  const enTotal = enIds.length;
  const slots = new Int32Array(slotTotal);
  const occurrences = new Int32Array(enSize0 + 1);
  for (let i = 0; i < enTotal; i++) occurrences[enIds[i]! + 1]!++;
  for (let k = 0; k < enSize0; k++) occurrences[k + 1]! += occurrences[k]!;
  const occRow = new Int32Array(enTotal);
  const occAt = new Int32Array(enTotal);
  const fill = occurrences.slice(0, enSize0);
  for (let t = 0; t < trained; t++) {
    for (let i = enStart[t]!; i < enStart[t + 1]!; i++) {
      const z = fill[enIds[i]!]!++;
      occRow[z] = t;
      occAt[z] = i - enStart[t]!;
    }
  }
  const { pairEn, pairRu } = assignPairs(enSize0, ruSize, occurrences, occRow, occAt, ruIds, ruStart, slotStart, slots);
  return { slots, pairEn, pairRu };
}

/** `pairSlots`' last step (a function of its own: see `trainDirection`): the slots' pair ids, English word by English word. */
function assignPairs(enSize0: number, ruSize: number, occurrences: Int32Array, occRow: Int32Array, occAt: Int32Array, ruIds: Int32Array, ruStart: Int32Array, slotStart: Int32Array, slots: Int32Array): { pairEn: Int32Array; pairRu: Int32Array } {
  const mark = new Int32Array(ruSize).fill(-1);
  const touched: number[] = [];
  const pairEnList: number[] = [];
  const pairRuList: number[] = [];
  for (let e = 0; e < enSize0; e++) {
    for (let z = occurrences[e]!; z < occurrences[e + 1]!; z++) {
      const t = occRow[z]!;
      const r0 = ruStart[t]!;
      const m = ruStart[t + 1]! - r0;
      const base = slotStart[t]! + occAt[z]! * m;
      for (let j = 0; j < m; j++) {
        const rj = ruIds[r0 + j]!;
        let p = mark[rj]!;
        if (p < 0) {
          p = pairEnList.length;
          pairEnList.push(e);
          pairRuList.push(rj);
          mark[rj] = p;
          touched.push(rj);
        }
        slots[base + j] = p;
      }
    }
    for (const rj of touched) mark[rj] = -1;
    touched.length = 0;
  }
  const pairEn = Int32Array.from(pairEnList);
  const pairRu = Int32Array.from(pairRuList);
  return { pairEn, pairRu };
}

/**
 * IBM Model 1 in one direction by EM: forward, each Russian word generated by one English word of
 * its row or NULL; backward, the reverse. The two directions share nothing but the tables, so
 * each may be trained in a thread of its own. Pairs that share a lexicon concept start five times
 * as likely and get `priorCount` more each iteration.
 */
export function trainDirection(tables: WordModelTables, direction: Direction): DirectionTable {
  const { prior, iterations, priorCount, maxWords } = tables;
  const forward = direction === 'forward';
  // "Source": the side whose words generate; "target": the side generated (Russian, forward).
  const P = tables.pairEn.length;
  const pairSource = forward ? tables.pairEn : tables.pairRu;
  const sourceSize = forward ? tables.enVocab.size : tables.ruVocab.size;
  const targetSize = forward ? tables.ruVocab.size : tables.enVocab.size;
  const prob = new Float32Array(P).fill(1);
  for (let p = 0; p < P; p++) if (prior[p]) prob[p] = 5;
  const nulls = new Float64Array(targetSize).fill(1 / Math.max(1, targetSize));
  const count = new Float32Array(P);
  const countNull = new Float64Array(targetSize);
  const total = new Float64Array(sourceSize);
  const sum = new Float64Array(maxWords + 1);
  const local = new Float64Array((maxWords + 1) * (maxWords + 1));
  // Each step is a function of its own, one loop each: V8 compiles a long function with several
  // loops one loop at a time as it gets there (and throws the compiled code away at the next
  // loop), which made a fresh thread's first iterations several times slower than the rest.
  for (let it = 0; it < iterations; it++) {
    count.fill(0);
    countNull.fill(0);
    if (forward) forwardCounts(tables, prob, nulls, count, countNull, sum, local);
    else backwardCounts(tables, prob, nulls, count, countNull, local);
    maximise(prior, priorCount, pairSource, count, total, prob);
    maximiseNull(countNull, nulls);
  }
  return { prob, nulls };
}

/** The E-step forward: each Russian word generated by NULL or an English word of its row. */
function forwardCounts(tables: WordModelTables, prob: Float32Array, nulls: Float64Array, count: Float32Array, countNull: Float64Array, sum: Float64Array, local: Float64Array): void {
  const { trained, ruIds, enStart, ruStart, slotStart, slots } = tables;
  for (let t = 0; t < trained; t++) {
    const n = enStart[t + 1]! - enStart[t]!;
    const r0 = ruStart[t]!;
    const m = ruStart[t + 1]! - r0;
    const s0 = slotStart[t]!;
    // Each slot's probability is read from the (large, randomly indexed) table once, into `local`.
    // Each Russian word j: NULL plus every English word of the row, summed (in English word order).
    for (let j = 0; j < m; j++) sum[j] = nulls[ruIds[r0 + j]!]!;
    for (let i = 0; i < n; i++) {
      const base = s0 + i * m;
      const at = i * m;
      for (let j = 0; j < m; j++) {
        const q = prob[slots[base + j]!]!;
        local[at + j] = q;
        sum[j]! += q;
      }
    }
    for (let j = 0; j < m; j++) {
      sum[j] = 1 / sum[j]!;
      const r = ruIds[r0 + j]!;
      countNull[r]! += nulls[r]! * sum[j]!;
    }
    for (let i = 0; i < n; i++) {
      const base = s0 + i * m;
      const at = i * m;
      for (let j = 0; j < m; j++) count[slots[base + j]!]! += local[at + j]! * sum[j]!;
    }
  }
}

/** The E-step backward: each English word generated by NULL or a Russian word of its row. */
function backwardCounts(tables: WordModelTables, prob: Float32Array, nulls: Float64Array, count: Float32Array, countNull: Float64Array, local: Float64Array): void {
  const { trained, enIds, enStart, ruStart, slotStart, slots } = tables;
  for (let t = 0; t < trained; t++) {
    const e0 = enStart[t]!;
    const n = enStart[t + 1]! - e0;
    const m = ruStart[t + 1]! - ruStart[t]!;
    const s0 = slotStart[t]!;
    // Each English word i: NULL plus every Russian word of the row.
    for (let i = 0; i < n; i++) {
      const e = enIds[e0 + i]!;
      const base = s0 + i * m;
      let z = nulls[e]!;
      for (let j = 0; j < m; j++) {
        const q = prob[slots[base + j]!]!;
        local[j] = q;
        z += q;
      }
      const inv = 1 / z;
      countNull[e]! += nulls[e]! * inv;
      for (let j = 0; j < m; j++) count[slots[base + j]!]! += local[j]! * inv;
    }
  }
}

/** The M-step: the prior's pseudo-counts added, each source word's counts normalised over its target words. */
function maximise(prior: Uint8Array, priorCount: number, pairSource: Int32Array, count: Float32Array, total: Float64Array, prob: Float32Array): void {
  total.fill(0);
  sourceTotals(prior, priorCount, pairSource, count, total);
  normalise(pairSource, count, total, prob);
}

/** Each pair's count with its pseudo-count, summed by source word (one loop a function: see `trainDirection`). */
function sourceTotals(prior: Uint8Array, priorCount: number, pairSource: Int32Array, count: Float32Array, total: Float64Array): void {
  const P = count.length;
  for (let p = 0; p < P; p++) {
    if (prior[p]) count[p]! += priorCount;
    total[pairSource[p]!]! += count[p]!;
  }
}

function normalise(pairSource: Int32Array, count: Float32Array, total: Float64Array, prob: Float32Array): void {
  const P = count.length;
  for (let p = 0; p < P; p++) prob[p] = count[p]! / (total[pairSource[p]!]! || 1);
}

function maximiseNull(countNull: Float64Array, nulls: Float64Array): void {
  const nullTotal = totalOf(countNull);
  for (let k = 0; k < countNull.length; k++) nulls[k] = countNull[k]! / (nullTotal || 1);
}

function totalOf(values: Float64Array): number {
  let total = 0;
  for (let k = 0; k < values.length; k++) total += values[k]!;
  return total;
}

/** The model from its tables and its two trained directions. */
export function wordModelOf(tables: WordModelTables, forwardTable: DirectionTable, backwardTable: DirectionTable): WordModel {
  const { enVocab, ruVocab, tableOf, enIds, ruIds, enStart, ruStart, slotStart, slots, pairEn, pairRu } = tables;
  // (English id, Russian id) → pair id, for rows the model was not trained on: made when first needed.
  let index: PairTable | undefined;
  const pairIndex = (): PairTable => {
    if (!index) {
      index = new PairTable();
      for (let p = 0; p < pairEn.length; p++) index.intern(pairEn[p]!, pairRu[p]!);
    }
    return index;
  };
  const fwd = forwardTable.prob;
  const bwd = backwardTable.prob;
  const both = new Float32Array(2 * fwd.length);
  for (let p = 0; p < fwd.length; p++) {
    both[2 * p] = fwd[p]!;
    both[2 * p + 1] = bwd[p]!;
  }
  const nullRu = forwardTable.nulls;
  const nullEn = backwardTable.nulls;
  const P = tables.pairEn.length;
  const pairOf = (en: string, ru: string): number => {
    const e = enVocab.get(en);
    const r = ruVocab.get(ru);
    if (e === undefined || r === undefined) return -1;
    return pairIndex().get(e, r);
  };
  const byId = (e: number, r: number): number => (e < 0 || r < 0 ? -1 : pairIndex().get(e, r));
  return {
    pairs: P,
    forwardTable: fwd,
    backwardTable: bwd,
    bothTable: both,
    rowTable(row) {
      const t = row >= 0 && row < tableOf.length ? tableOf[row]! : -1;
      return t < 0
        ? undefined
        : { en: enIds.subarray(enStart[t]!, enStart[t + 1]!), ru: ruIds.subarray(ruStart[t]!, ruStart[t + 1]!), pairs: slots.subarray(slotStart[t]!, slotStart[t + 1]!) };
    },
    trainedIndex: (row) => (row >= 0 && row < tableOf.length ? tableOf[row]! : -1),
    rowArrays: { enIds, ruIds, enStart, ruStart, slotStart, slots },
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

/** The model trained in this thread: both directions at once (`trainBoth`). */
export function trainWordModel(rows: readonly TrainingRow[] | DocumentTokens, options: WordModelOptions = {}): WordModel {
  const tables = prepareWordModel(rows, options);
  const { forward, backward } = trainBoth(tables);
  return wordModelOf(tables, forward, backward);
}

/**
 * Both directions trained in one pass over the slots per iteration: exactly what `trainDirection`
 * gives for each (every sum and count is added up in the same order), with the two directions'
 * probabilities and counts side by side (pair `p` at `2p` forward and `2p + 1` backward), so that
 * each slot's pair id is read once and each pair's two values share a cache line. The E-step is
 * random reads and writes into the pair tables, and this halves them.
 */
export function trainBoth(tables: WordModelTables): { forward: DirectionTable; backward: DirectionTable } {
  const { prior, iterations, priorCount, maxWords, pairEn, pairRu } = tables;
  const P = pairEn.length;
  const enSize = tables.enVocab.size;
  const ruSize = tables.ruVocab.size;
  const prob = new Float32Array(2 * P).fill(1);
  for (let p = 0; p < P; p++) {
    if (prior[p]) {
      prob[2 * p] = 5;
      prob[2 * p + 1] = 5;
    }
  }
  const nullsRu = new Float64Array(ruSize).fill(1 / Math.max(1, ruSize));
  const nullsEn = new Float64Array(enSize).fill(1 / Math.max(1, enSize));
  const count = new Float32Array(2 * P);
  const countNullRu = new Float64Array(ruSize);
  const countNullEn = new Float64Array(enSize);
  const totalEn = new Float64Array(enSize);
  const totalRu = new Float64Array(ruSize);
  const scratch: BothScratch = {
    sum: new Float64Array(maxWords + 1),
    inv: new Float64Array(maxWords + 1),
    localF: new Float64Array((maxWords + 1) * (maxWords + 1)),
    localB: new Float64Array((maxWords + 1) * (maxWords + 1)),
  };
  for (let it = 0; it < iterations; it++) {
    count.fill(0);
    countNullRu.fill(0);
    countNullEn.fill(0);
    bothCounts(tables, prob, nullsRu, nullsEn, count, countNullRu, countNullEn, scratch);
    totalEn.fill(0);
    totalRu.fill(0);
    bothTotals(prior, priorCount, pairEn, pairRu, count, totalEn, totalRu);
    bothNormalise(pairEn, pairRu, count, totalEn, totalRu, prob);
    maximiseNull(countNullRu, nullsRu);
    maximiseNull(countNullEn, nullsEn);
  }
  const forward = new Float32Array(P);
  const backward = new Float32Array(P);
  for (let p = 0; p < P; p++) {
    forward[p] = prob[2 * p]!;
    backward[p] = prob[2 * p + 1]!;
  }
  return { forward: { prob: forward, nulls: nullsRu }, backward: { prob: backward, nulls: nullsEn } };
}

interface BothScratch {
  /** Forward: each Russian word's sum, then its inverse. */
  sum: Float64Array;
  /** Backward: each English word's inverse sum. */
  inv: Float64Array;
  localF: Float64Array;
  localB: Float64Array;
}

/** Both E-steps (`forwardCounts`, `backwardCounts`), row by row, each sum in the order they add it. */
function bothCounts(tables: WordModelTables, prob: Float32Array, nullsRu: Float64Array, nullsEn: Float64Array, count: Float32Array, countNullRu: Float64Array, countNullEn: Float64Array, scratch: BothScratch): void {
  const { trained, enIds, ruIds, enStart, ruStart, slotStart, slots } = tables;
  const { sum, inv, localF, localB } = scratch;
  for (let t = 0; t < trained; t++) {
    const e0 = enStart[t]!;
    const n = enStart[t + 1]! - e0;
    const r0 = ruStart[t]!;
    const m = ruStart[t + 1]! - r0;
    const s0 = slotStart[t]!;
    for (let j = 0; j < m; j++) sum[j] = nullsRu[ruIds[r0 + j]!]!;
    for (let i = 0; i < n; i++) {
      const base = s0 + i * m;
      const at = i * m;
      let z = nullsEn[enIds[e0 + i]!]!;
      for (let j = 0; j < m; j++) {
        const p2 = 2 * slots[base + j]!;
        const qf = prob[p2]!;
        const qb = prob[p2 + 1]!;
        localF[at + j] = qf;
        localB[at + j] = qb;
        sum[j]! += qf;
        z += qb;
      }
      inv[i] = 1 / z;
    }
    for (let j = 0; j < m; j++) {
      sum[j] = 1 / sum[j]!;
      const r = ruIds[r0 + j]!;
      countNullRu[r]! += nullsRu[r]! * sum[j]!;
    }
    for (let i = 0; i < n; i++) {
      const e = enIds[e0 + i]!;
      const w = inv[i]!;
      countNullEn[e]! += nullsEn[e]! * w;
      const base = s0 + i * m;
      const at = i * m;
      for (let j = 0; j < m; j++) {
        const p2 = 2 * slots[base + j]!;
        count[p2]! += localF[at + j]! * sum[j]!;
        count[p2 + 1]! += localB[at + j]! * w;
      }
    }
  }
}

/** `sourceTotals` of both directions: forward by English word, backward by Russian word. */
function bothTotals(prior: Uint8Array, priorCount: number, pairEn: Int32Array, pairRu: Int32Array, count: Float32Array, totalEn: Float64Array, totalRu: Float64Array): void {
  const P = pairEn.length;
  for (let p = 0; p < P; p++) {
    if (prior[p]) {
      count[2 * p]! += priorCount;
      count[2 * p + 1]! += priorCount;
    }
    totalEn[pairEn[p]!]! += count[2 * p]!;
    totalRu[pairRu[p]!]! += count[2 * p + 1]!;
  }
}

function bothNormalise(pairEn: Int32Array, pairRu: Int32Array, count: Float32Array, totalEn: Float64Array, totalRu: Float64Array, prob: Float32Array): void {
  const P = pairEn.length;
  for (let p = 0; p < P; p++) {
    prob[2 * p] = count[2 * p]! / (totalEn[pairEn[p]!]! || 1);
    prob[2 * p + 1] = count[2 * p + 1]! / (totalRu[pairRu[p]!]! || 1);
  }
}
