/**
 * One dictionary, opened: its files recognised and checked, its index built (normalised headwords
 * and their stems), its definitions read by offset. Pure apart from the `RandomAccess` it reads.
 */
import type { DictionaryFormat, Lang, LookupMatch } from '../../contract/ipc';
import { DictzipReader, gunzipWhole, isGzip, parseDictzipHeader, trailerSize } from './dictzip';
import { DictionaryError, broken } from './errors';
import { type ParsedIndex, dictdShortName, parseDictdIndex, parseIdx, parseIfo, parseSyn } from './formats';
import { type RandomAccess, memorySource } from './source';
import { scriptOf, stemOf } from './stem';
import { dictdDefinition, normalizeWord, starDictDefinition } from './text';

export interface DictionaryFile {
  name: string;
  bytes: Uint8Array;
}

/** The text of a dictionary, read by offset (a `.dict`, or a `.dict.dz` by chunk). */
export interface TextData {
  readonly size: number;
  read(position: number, length: number): Promise<Uint8Array>;
}

/** What the store keeps of a dictionary (its `index.json`), besides the data file. */
export interface StoredIndex {
  version: 1;
  format: DictionaryFormat;
  name: string;
  sameTypeSequence: string;
  /** Whether the data file is dictzip (`data.dict.dz`) or plain (`data.dict`). */
  dictzip: boolean;
  from: Lang | 'unknown';
  headwords: string[];
  offsets: number[];
  sizes: number[];
  /** `normalizeWord(headword)`, and its stem. */
  keys: string[];
  stems: string[];
  /** A synonym's normalised form and the entry it leads to. */
  synonyms: Array<[string, number]>;
}

export interface Prepared {
  /** What the list shows. */
  summary: Pick<StoredIndex, 'name' | 'format' | 'from' | 'dictzip'> & { entries: number; synonyms: number };
  /** The index file's text (made where the index was built: one string crosses from the worker). */
  json: string;
  /** The bytes to keep as the data file (a `.dz` as it came; a gzip without dictzip chunks, inflated). */
  data: Uint8Array;
}

const HEAD_BYTES = 70_000;
const lower = (name: string) => name.toLowerCase();
const ofKind = (files: readonly DictionaryFile[], ...suffixes: string[]) => files.filter((f) => suffixes.some((s) => lower(f.name).endsWith(s)));

function one(files: readonly DictionaryFile[], what: string, ...suffixes: string[]): DictionaryFile | undefined {
  const found = ofKind(files, ...suffixes);
  if (found.length > 1) throw new DictionaryError('unsupported-format', `Two ${what} files were given (${found.map((f) => f.name).join(', ')}): add one dictionary at a time`);
  return found[0];
}

/** Opens the text of a `.dict` or `.dict.dz` given whole (when adding). */
async function openText(file: DictionaryFile): Promise<{ text: TextData; keep: Uint8Array; dictzip: boolean }> {
  if (!lower(file.name).endsWith('.dz')) return { text: memorySource(file.bytes), keep: file.bytes, dictzip: false };
  if (!isGzip(file.bytes)) throw broken(file.name, 'not a gzip (dictzip) file');
  const header = parseDictzipHeader(file.name, file.bytes.subarray(0, HEAD_BYTES), file.bytes.length, trailerSize(file.bytes));
  if (!header) {
    const whole = gunzipWhole(file.name, file.bytes);
    return { text: memorySource(whole), keep: whole, dictzip: false };
  }
  return { text: new DictzipReader(file.name, memorySource(file.bytes), header), keep: file.bytes, dictzip: true };
}

/** Opens a stored data file for lookups. */
export async function openStoredText(name: string, source: RandomAccess, dictzip: boolean): Promise<TextData> {
  if (!dictzip) return source;
  const head = await source.read(0, Math.min(HEAD_BYTES, source.size));
  const tail = await source.read(Math.max(0, source.size - 4), 4);
  const header = parseDictzipHeader(name, head, source.size, trailerSize(tail));
  if (!header) throw broken(name, 'the dictzip chunk table is gone');
  return new DictzipReader(name, source, header);
}

/** Recognises the format, checks every file and builds the index. */
export async function prepareDictionary(files: readonly DictionaryFile[]): Promise<Prepared> {
  const ifo = one(files, '.ifo', '.ifo');
  const dictdIndex = one(files, '.index', '.index');
  const data = one(files, '.dict', '.dict', '.dict.dz');
  if (ifo && dictdIndex) throw new DictionaryError('unsupported-format', 'Both a StarDict .ifo and a dictd .index were given: add one dictionary at a time');
  if (!ifo && !dictdIndex) {
    const idx = ofKind(files, '.idx', '.idx.gz')[0];
    if (idx || data) throw new DictionaryError('dictionary-incomplete', `${(idx ?? data)!.name}: the ${idx ? 'StarDict .ifo' : '.index (dictd) or .ifo (StarDict)'} file is missing`);
    throw new DictionaryError('unsupported-format', `${files.map((f) => f.name).join(', ')}: not a dictd (.index, .dict) or StarDict (.ifo, .idx, .dict) dictionary`);
  }
  const main = (ifo ?? dictdIndex)!;
  if (!data) throw new DictionaryError('dictionary-incomplete', `${main.name}: the .dict or .dict.dz file is missing`);
  const { text, keep, dictzip } = await openText(data);
  let parsed: ParsedIndex;
  let name: string;
  let format: DictionaryFormat;
  if (ifo) {
    format = 'stardict';
    const info = parseIfo(ifo.name, ifo.bytes);
    const idxFile = one(files, '.idx', '.idx', '.idx.gz');
    if (!idxFile) throw new DictionaryError('dictionary-incomplete', `${ifo.name}: the .idx file is missing`);
    const idxBytes = lower(idxFile.name).endsWith('.gz') ? gunzipWhole(idxFile.name, idxFile.bytes) : idxFile.bytes;
    const entries = parseIdx(idxFile.name, idxBytes, info, text.size);
    const syn = one(files, '.syn', '.syn');
    const synonyms = syn ? parseSyn(syn.name, syn.bytes, info, entries.length) : [];
    parsed = { entries, synonyms, sameTypeSequence: info.sametypesequence };
    name = info.bookname;
  } else {
    format = 'dictd';
    parsed = parseDictdIndex(dictdIndex!.name, dictdIndex!.bytes, text.size);
    name = parsed.nameEntry ? dictdShortName(dictdDefinition(await text.read(parsed.nameEntry.offset, parsed.nameEntry.size))) : '';
    if (name === '') name = dictdIndex!.name.replace(/\.index$/i, '');
  }
  // A last check of the text itself: the first and the last entry read.
  for (const entry of [parsed.entries[0]!, parsed.entries[parsed.entries.length - 1]!]) await text.read(entry.offset, entry.size);
  const index = buildIndex(format, name.slice(0, 200), parsed, dictzip);
  return {
    summary: { name: index.name, format, from: index.from, dictzip, entries: index.headwords.length, synonyms: index.synonyms.length },
    json: JSON.stringify(index),
    data: keep,
  };
}

function buildIndex(format: DictionaryFormat, name: string, parsed: ParsedIndex, dictzip: boolean): StoredIndex {
  const keys = parsed.entries.map((e) => normalizeWord(e.headword));
  const stemCache = new Map<string, string>();
  const stems = keys.map((key) => {
    let s = stemCache.get(key);
    if (s === undefined) {
      s = stemOf(key);
      stemCache.set(key, s);
    }
    return s;
  });
  return {
    version: 1,
    format,
    name,
    sameTypeSequence: parsed.sameTypeSequence,
    dictzip,
    from: languageOf(keys),
    headwords: parsed.entries.map((e) => e.headword),
    offsets: parsed.entries.map((e) => e.offset),
    sizes: parsed.entries.map((e) => e.size),
    keys,
    stems,
    synonyms: parsed.synonyms.map((s) => [normalizeWord(s.word), s.entry]),
  };
}

function languageOf(keys: readonly string[]): Lang | 'unknown' {
  const counts = { en: 0, ru: 0 };
  const step = Math.max(1, Math.floor(keys.length / 500));
  for (let k = 0; k < keys.length; k += step) {
    const key = keys[k]!;
    if (/\p{Script=Cyrillic}/u.test(key)) counts.ru++;
    else if (/[a-z]/.test(key)) counts.en++;
  }
  const total = counts.en + counts.ru;
  if (total === 0) return 'unknown';
  return counts.en / total >= 0.8 ? 'en' : counts.ru / total >= 0.8 ? 'ru' : 'unknown';
}

export interface Hit {
  entry: number;
  match: LookupMatch;
}

/** An index in memory: normalised headwords and stems to entry numbers. */
export class LoadedDictionary {
  private readonly byKey = new Map<string, number[]>();
  private readonly bySynonym = new Map<string, number[]>();
  private readonly byStem = new Map<string, number[]>();

  constructor(
    readonly id: string,
    readonly index: StoredIndex,
    private readonly text: TextData,
  ) {
    const push = (map: Map<string, number[]>, key: string, entry: number) => {
      const list = map.get(key);
      if (list) list.push(entry);
      else map.set(key, [entry]);
    };
    index.keys.forEach((key, entry) => push(this.byKey, key, entry));
    index.stems.forEach((stem, entry) => push(this.byStem, stem, entry));
    for (const [word, entry] of index.synonyms) push(this.bySynonym, word, entry);
  }

  /** Entries for a normalised word, its candidate base forms and its stem; each entry once, best match first. */
  find(normalized: string, forms: readonly string[], stem: string, limit: number): Hit[] {
    const seen = new Set<number>();
    const hits: Hit[] = [];
    const add = (entries: readonly number[] | undefined, match: LookupMatch) => {
      for (const entry of entries ?? []) {
        if (hits.length >= limit) return;
        if (!seen.has(entry)) {
          seen.add(entry);
          hits.push({ entry, match });
        }
      }
    };
    add(this.byKey.get(normalized), 'exact');
    // A StarDict .syn mostly lists a headword's inflected forms (`measures` → `measure`): a
    // headword that is a base form of the word, or has its stem, is a base form, not a synonym.
    const formSet = new Set(forms);
    for (const entry of this.bySynonym.get(normalized) ?? []) {
      const key = this.index.keys[entry]!;
      add([entry], formSet.has(key) || (stem !== '' && this.index.stems[entry] === stem) ? 'form' : 'synonym');
    }
    for (const form of forms) add(this.byKey.get(form), 'form');
    if (stem !== '') add(this.byStem.get(stem), 'stem');
    return hits;
  }

  async definition(entry: number): Promise<string> {
    const bytes = await this.text.read(this.index.offsets[entry]!, this.index.sizes[entry]!);
    return this.index.format === 'stardict' ? starDictDefinition(this.index.name, bytes, this.index.sameTypeSequence) : dictdDefinition(bytes, this.index.headwords[entry]);
  }
}

/** Lookup helpers the store and the bench share. */
export function queryOf(word: string, lang: Lang): { normalized: string; script: Lang } {
  const normalized = normalizeWord(word);
  return { normalized, script: scriptOf(normalized, lang) };
}

