/**
 * A word aligner trained on a document's own aligned rows: IBM Model 1 in both directions
 * (English→Russian and Russian→English, each with a NULL word), by EM over word stems, with the
 * bilingual lexicon as a prior (pairs that share a lexicon concept start higher and get a
 * pseudo-count in every iteration, as fast_align's diagonal prior steers its own model).
 * Function words are left out. The pair table is flat (typed arrays indexed by a pair id found
 * once per row), so an iteration over 10,000 rows is a few passes over numeric arrays: those
 * passes (the pair id of every slot, and EM) run in WebAssembly (`assembly/word-model.ts`), over
 * typed arrays laid out here in the kernel instance's memory, which the model then reads in place.
 */
import type { Lexicon } from '../align/lexicon';
import { wasm } from '../wasm/generated/word-model.js';
import { type KernelExports, KernelMemory, kernelInstance, kernelModule } from '../wasm/kernel';
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
/**
 * What EM works on: the vocabularies, the rows trained on as word ids, the pair id of every slot
 * (row, English word, Russian word) and the lexicon prior. The typed arrays are views of the
 * kernel instance's memory (`training`), which also holds EM's own arrays.
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
  training: Training;
}

/** The trained model's probabilities, views of the kernel's memory: pair `p`'s t(ru | en) at `both[2p]`, its t(en | ru) at `both[2p + 1]`; p(ru | NULL) by Russian id, p(en | NULL) by English id. */
export interface TrainedTables {
  both: Float32Array;
  nullsRu: Float64Array;
  nullsEn: Float64Array;
}

/** `assembly/word-model.ts`' exports (byte offsets into `memory`). */
interface WordModelKernel extends KernelExports {
  occurrencesOf(enSize: number, trained: number, enIds: number, enStart: number, occurrences: number, occRow: number, occAt: number, fill: number): void;
  assignPairs(from: number, to: number, P: number, ruIds: number, ruStart: number, slotStart: number, slots: number, pairEn: number, pairRu: number, occurrences: number, occRow: number, occAt: number, mark: number, touched: number): number;
  initialise(P: number, prior: number, prob: number, ruSize: number, nullsRu: number, enSize: number, nullsEn: number): void;
  counts(from: number, to: number, enIds: number, ruIds: number, enStart: number, ruStart: number, slotStart: number, slots: number, prob: number, nullsRu: number, nullsEn: number, count: number, countNullRu: number, countNullEn: number, sum: number, inv: number, localF: number, localB: number): void;
  maximise(P: number, prior: number, priorCount: number, pairEn: number, pairRu: number, count: number, totalEn: number, totalRu: number, prob: number, ruSize: number, countNullRu: number, nullsRu: number, enSize: number, countNullEn: number, nullsEn: number): void;
}

/** The kernel instance of one model, and where its arrays are in its memory. */
interface Training {
  kernel: WordModelKernel;
  memory: KernelMemory;
  at: Record<'enIds' | 'ruIds' | 'enStart' | 'ruStart' | 'slotStart' | 'slots' | 'pairEn' | 'pairRu' | 'prior' | 'prob' | 'count' | 'nullsRu' | 'nullsEn' | 'countNullRu' | 'countNullEn' | 'totalEn' | 'totalRu' | 'sum' | 'inv' | 'localF' | 'localB', number>;
}

// The kernel's loops are called over a share of the work at a time: V8 runs a WebAssembly function
// first as quickly compiled code, compiles it optimised in the background once it is seen to be hot,
// and uses that from the next call on (not inside a call already running).
/** English words a call of `assignPairs` covers. */
const WORDS_A_CALL = 64;
/** Rows an E-step call (`counts`) covers. */
const ROWS_A_CALL = 1000;

/** Compiles the word model's kernel now (once a thread), not at the first training: for a worker waiting to be used. */
export function loadWordModelKernel(): void {
  kernelModule(wasm);
}

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
  // The rows' arrays, then the pair ids' scratch (vocabularies are at most as large as the words),
  // with room for one pair per slot.
  const kernel = kernelInstance<WordModelKernel>(wasm);
  const memory = new KernelMemory(kernel);
  const at0 = {
    enIds: memory.reserve(4 * enTotal),
    ruIds: memory.reserve(4 * ruTotal),
    enStart: memory.reserve(4 * (trained + 1)),
    ruStart: memory.reserve(4 * (trained + 1)),
    slotStart: memory.reserve(4 * (trained + 1)),
    slots: memory.reserve(4 * slotTotal),
  };
  const scratchAt = memory.top;
  const scratch = {
    occurrences: memory.reserve(4 * (enTotal + 1)),
    occRow: memory.reserve(4 * enTotal),
    occAt: memory.reserve(4 * enTotal),
    fill: memory.reserve(4 * enTotal),
    mark: memory.reserve(4 * ruTotal),
    touched: memory.reserve(4 * ruTotal),
    pairEn: memory.reserve(4 * slotTotal),
    pairRu: memory.reserve(4 * slotTotal),
  };
  memory.commit();
  const enIds = memory.i32(at0.enIds, enTotal);
  const ruIds = memory.i32(at0.ruIds, ruTotal);
  const enStart = memory.i32(at0.enStart, trained + 1);
  const ruStart = memory.i32(at0.ruStart, trained + 1);
  const slotStart = memory.i32(at0.slotStart, trained + 1);
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
  const enSize = enVocab.size;
  const ruSize = ruVocab.size;
  kernel.occurrencesOf(enSize, trained, at0.enIds, at0.enStart, scratch.occurrences, scratch.occRow, scratch.occAt, scratch.fill);
  memory.i32(scratch.mark, ruSize).fill(-1);
  let P = 0;
  for (let from = 0; from < enSize; from += WORDS_A_CALL) {
    P = kernel.assignPairs(from, Math.min(enSize, from + WORDS_A_CALL), P, at0.ruIds, at0.ruStart, at0.slotStart, at0.slots, scratch.pairEn, scratch.pairRu, scratch.occurrences, scratch.occRow, scratch.occAt, scratch.mark, scratch.touched);
  }

  // The scratch given up, the pairs moved down to its start; then EM's arrays.
  memory.release(scratchAt);
  const w = maxWords + 1;
  const at = {
    ...at0,
    pairEn: memory.reserve(4 * P),
    pairRu: memory.reserve(4 * P),
    prior: memory.reserve(P),
    prob: memory.reserve(8 * P),
    count: memory.reserve(8 * P),
    nullsRu: memory.reserve(8 * ruSize),
    nullsEn: memory.reserve(8 * enSize),
    countNullRu: memory.reserve(8 * ruSize),
    countNullEn: memory.reserve(8 * enSize),
    totalEn: memory.reserve(8 * enSize),
    totalRu: memory.reserve(8 * ruSize),
    sum: memory.reserve(8 * w),
    inv: memory.reserve(8 * w),
    localF: memory.reserve(8 * w * w),
    localB: memory.reserve(8 * w * w),
  };
  memory.commit();
  memory.move(at.pairEn, scratch.pairEn, 4 * P);
  memory.move(at.pairRu, scratch.pairRu, 4 * P);
  const pairEn = memory.i32(at.pairEn, P);
  const pairRu = memory.i32(at.pairRu, P);
  const prior = memory.u8(at.prior, P);
  prior.fill(0);
  if (lexicon) {
    for (let p = 0; p < P; p++) {
      const ce = enConcepts[pairEn[p]!]!;
      if (ce.length === 0) continue;
      const cr = ruConcepts[pairRu[p]!]!;
      if (ce.some((c) => cr.includes(c))) prior[p] = 1;
    }
  }
  // Views made before the last growth are detached: the rows' arrays made again.
  return {
    enVocab,
    ruVocab,
    tableOf,
    trained,
    enIds: memory.i32(at.enIds, enTotal),
    ruIds: memory.i32(at.ruIds, ruTotal),
    enStart: memory.i32(at.enStart, trained + 1),
    ruStart: memory.i32(at.ruStart, trained + 1),
    slotStart: memory.i32(at.slotStart, trained + 1),
    slots: memory.i32(at.slots, slotTotal),
    pairEn,
    pairRu,
    prior,
    iterations,
    priorCount,
    maxWords,
    training: { kernel, memory, at },
  };
}



/**
 * EM, both directions in one pass over the slots per iteration (in the kernel), their
 * probabilities and counts side by side (pair `p` at `2p` forward and `2p + 1` backward), so that
 * each slot's pair id is read once and each pair's two values share a cache line. Forward, each
 * Russian word is generated by one English word of its row or NULL; backward, the reverse. Pairs
 * that share a lexicon concept start five times as likely and get `priorCount` more each
 * iteration. The result is views of the tables' memory: train a model's tables once.
 */
export function trainBoth(tables: WordModelTables): TrainedTables {
  const { iterations, priorCount, pairEn, trained } = tables;
  const { kernel, memory, at } = tables.training;
  const P = pairEn.length;
  const enSize = tables.enVocab.size;
  const ruSize = tables.ruVocab.size;
  const count = memory.f32(at.count, 2 * P);
  const countNullRu = memory.f64(at.countNullRu, ruSize);
  const countNullEn = memory.f64(at.countNullEn, enSize);
  const totalEn = memory.f64(at.totalEn, enSize);
  const totalRu = memory.f64(at.totalRu, ruSize);
  kernel.initialise(P, at.prior, at.prob, ruSize, at.nullsRu, enSize, at.nullsEn);
  for (let it = 0; it < iterations; it++) {
    count.fill(0);
    countNullRu.fill(0);
    countNullEn.fill(0);
    for (let from = 0; from < trained; from += ROWS_A_CALL) {
      kernel.counts(from, Math.min(trained, from + ROWS_A_CALL), at.enIds, at.ruIds, at.enStart, at.ruStart, at.slotStart, at.slots, at.prob, at.nullsRu, at.nullsEn, at.count, at.countNullRu, at.countNullEn, at.sum, at.inv, at.localF, at.localB);
    }
    totalEn.fill(0);
    totalRu.fill(0);
    kernel.maximise(P, at.prior, priorCount, at.pairEn, at.pairRu, at.count, at.totalEn, at.totalRu, at.prob, ruSize, at.countNullRu, at.nullsRu, enSize, at.countNullEn, at.nullsEn);
  }
  return { both: memory.f32(at.prob, 2 * P), nullsRu: memory.f64(at.nullsRu, ruSize), nullsEn: memory.f64(at.nullsEn, enSize) };
}

/** The model from its tables, trained (`trainBoth`). */
function wordModelOf(tables: WordModelTables, trainedTables: TrainedTables): WordModel {
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
  const { both, nullsRu: nullRu, nullsEn: nullEn } = trainedTables;
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
    bothTable: both,
    rowTable(row) {
      const t = row >= 0 && row < tableOf.length ? tableOf[row]! : -1;
      return t < 0
        ? undefined
        : { en: enIds.subarray(enStart[t]!, enStart[t + 1]!), ru: ruIds.subarray(ruStart[t]!, ruStart[t + 1]!), pairs: slots.subarray(slotStart[t]!, slotStart[t + 1]!) };
    },
    trainedIndex: (row) => (row >= 0 && row < tableOf.length ? tableOf[row]! : -1),
    rowArrays: { enIds, ruIds, enStart, ruStart, slotStart, slots },
    forwardByPair: (p) => both[2 * p]!,
    backwardByPair: (p) => both[2 * p + 1]!,
    enId: (stem) => enVocab.get(stem) ?? -1,
    ruId: (stem) => ruVocab.get(stem) ?? -1,
    forwardById(e, r) {
      const p = byId(e, r);
      return p < 0 ? 0 : both[2 * p]!;
    },
    backwardById(e, r) {
      const p = byId(e, r);
      return p < 0 ? 0 : both[2 * p + 1]!;
    },
    nullRuById: (r) => (r < 0 ? 0 : nullRu[r]!),
    nullEnById: (e) => (e < 0 ? 0 : nullEn[e]!),
    forward(en, ru) {
      const p = pairOf(en, ru);
      return p < 0 ? 0 : both[2 * p]!;
    },
    backward(en, ru) {
      const p = pairOf(en, ru);
      return p < 0 ? 0 : both[2 * p + 1]!;
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

/** The model trained in this thread. */
export function trainWordModel(rows: readonly TrainingRow[] | DocumentTokens, options: WordModelOptions = {}): WordModel {
  const tables = prepareWordModel(rows, options);
  return wordModelOf(tables, trainBoth(tables));
}
