/**
 * The index files of the two formats KOReader and GoldenDict read, parsed and checked. Pure.
 *
 * - dictd (dictfmt(1)): `name.index` lines `headword TAB offset TAB length`, the numbers in dictd's
 *   base64 (digits `A–Z a–z 0–9 + /`, most significant first); `00-database-short` names the
 *   dictionary; the text is in `name.dict` or `name.dict.dz`.
 * - StarDict 2.4.2 / 3.0.0: `name.ifo` (`StarDict's dict ifo file`, then `key=value` lines;
 *   `wordcount`, `idxfilesize`, `bookname` required; `idxoffsetbits=64` in 3.0.0), `name.idx`
 *   (word NUL, offset 32 or 64 bits big-endian, size 32 bits), optional `name.syn` (word NUL,
 *   entry number 32 bits), and `name.dict[.dz]`.
 *
 * Every count, size and offset is checked against the files, so that a truncated index or an
 * entry past the end of the text is refused when the dictionary is added, never met at lookup.
 */
import { broken } from './errors';

export interface IndexEntry {
  headword: string;
  offset: number;
  size: number;
}

export interface ParsedIndex {
  entries: IndexEntry[];
  /** Other spellings (StarDict `.syn`): a word and the entry it leads to. */
  synonyms: Array<{ word: string; entry: number }>;
  /** StarDict `sametypesequence` (empty for dictd and StarDict without it). */
  sameTypeSequence: string;
  /** dictd: where the `00-database-short` entry (the dictionary's name) is. */
  nameEntry?: { offset: number; size: number };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const decode = (file: string, bytes: Uint8Array, what: string) => {
  try {
    return utf8.decode(bytes);
  } catch {
    throw broken(file, `${what} is not UTF-8`);
  }
};

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_VALUE = new Map([...B64].map((c, k) => [c, k]));

/** A dictd base64 number; `undefined` when it is not one (or over 2^53). */
export function dictdNumber(text: string): number | undefined {
  if (text === '' || text.length > 8) return undefined;
  let n = 0;
  for (const c of text) {
    const v = B64_VALUE.get(c);
    if (v === undefined) return undefined;
    n = n * 64 + v;
  }
  return n;
}

export function encodeDictdNumber(n: number): string {
  if (n === 0) return 'A';
  let out = '';
  for (let v = n; v > 0; v = Math.floor(v / 64)) out = B64[v % 64]! + out;
  return out;
}

/** `textSize`: bytes of text in the `.dict` (after inflating a `.dz`). */
export function parseDictdIndex(file: string, bytes: Uint8Array, textSize: number): ParsedIndex {
  const text = decode(file, bytes, 'the index');
  const entries: IndexEntry[] = [];
  let nameEntry: { offset: number; size: number } | undefined;
  const lines = text.split('\n');
  // A file that does not end with a line break was cut short (dictfmt always ends with one).
  if (text.length > 0 && !text.endsWith('\n')) throw broken(file, `the index is cut short (line ${lines.length} has no end)`);
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!.replace(/\r$/, '');
    if (line === '') continue;
    const fields = line.split('\t');
    if (fields.length < 3) throw broken(file, `line ${k + 1} is not "headword, offset, length"`);
    const [headword, offsetText, sizeText] = fields as [string, string, string];
    const offset = dictdNumber(offsetText);
    const size = dictdNumber(sizeText);
    if (offset === undefined || size === undefined) throw broken(file, `line ${k + 1} has a bad offset or length ("${offsetText}", "${sizeText}")`);
    if (offset + size > textSize) throw broken(file, `line ${k + 1} ("${headword.slice(0, 40)}") points past the end of the text (${offset + size} > ${textSize} bytes)`);
    if (headword.startsWith('00-database-') || headword.startsWith('00database')) {
      if (headword === '00-database-short' || headword === '00databaseshort') nameEntry = { offset, size };
      continue;
    }
    entries.push({ headword, offset, size });
  }
  if (entries.length === 0) throw broken(file, 'the index has no entries');
  return { entries, synonyms: [], sameTypeSequence: '', ...(nameEntry ? { nameEntry } : {}) };
}

/** The dictd short name's text (`00-database-short` entry): its first line, less the headword line. */
export function dictdShortName(definition: string): string {
  const lines = definition.split('\n').map((l) => l.trim()).filter((l) => l !== '' && l !== '00-database-short');
  return lines[0] ?? '';
}

export interface Ifo {
  version: '2.4.2' | '3.0.0';
  bookname: string;
  wordcount: number;
  synwordcount: number;
  idxfilesize: number;
  idxoffsetbits: 32 | 64;
  sametypesequence: string;
  author?: string;
  description?: string;
}

const IFO_MAGIC = "StarDict's dict ifo file";

export function parseIfo(file: string, bytes: Uint8Array): Ifo {
  const text = decode(file, bytes, 'the .ifo').replace(/^\ufeff/, '');
  const lines = text.split(/\r?\n/);
  if (lines[0]?.trim() !== IFO_MAGIC) throw broken(file, `the first line is not "${IFO_MAGIC}"`);
  const fields = new Map<string, string>();
  for (const line of lines.slice(1)) {
    if (line.trim() === '') continue;
    const eq = line.indexOf('=');
    if (eq <= 0) throw broken(file, `"${line.slice(0, 60)}" is not key=value`);
    fields.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
  }
  const version = fields.get('version');
  if (version !== '2.4.2' && version !== '3.0.0') throw broken(file, `version "${version ?? ''}" is not 2.4.2 or 3.0.0`);
  const count = (key: string, required: boolean): number => {
    const value = fields.get(key);
    if (value === undefined) {
      if (required) throw broken(file, `${key} is missing`);
      return 0;
    }
    if (!/^\d{1,15}$/.test(value)) throw broken(file, `${key} "${value.slice(0, 20)}" is not a number`);
    return Number(value);
  };
  const bookname = fields.get('bookname') ?? '';
  if (bookname === '') throw broken(file, 'bookname is missing');
  const bitsText = fields.get('idxoffsetbits') ?? '32';
  if (bitsText !== '32' && bitsText !== '64') throw broken(file, `idxoffsetbits "${bitsText}" is not 32 or 64`);
  if (bitsText === '64' && version !== '3.0.0') throw broken(file, 'idxoffsetbits=64 needs version 3.0.0');
  const sametypesequence = fields.get('sametypesequence') ?? '';
  if (!/^[a-zA-Z]*$/.test(sametypesequence)) throw broken(file, `sametypesequence "${sametypesequence.slice(0, 20)}" is not type letters`);
  const author = fields.get('author');
  const description = fields.get('description');
  return {
    version,
    bookname,
    wordcount: count('wordcount', true),
    synwordcount: count('synwordcount', false),
    idxfilesize: count('idxfilesize', true),
    idxoffsetbits: bitsText === '64' ? 64 : 32,
    sametypesequence,
    ...(author ? { author } : {}),
    ...(description ? { description } : {}),
  };
}

export function parseIdx(file: string, bytes: Uint8Array, ifo: Ifo, textSize: number): IndexEntry[] {
  if (bytes.length !== ifo.idxfilesize) throw broken(file, `the index is ${bytes.length} bytes, the .ifo says ${ifo.idxfilesize} (truncated?)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const numbers = ifo.idxoffsetbits === 64 ? 12 : 8;
  const entries: IndexEntry[] = [];
  let at = 0;
  while (at < bytes.length) {
    const nul = bytes.indexOf(0, at);
    if (nul < 0 || nul + 1 + numbers > bytes.length) throw broken(file, `entry ${entries.length + 1} is cut short`);
    if (nul === at) throw broken(file, `entry ${entries.length + 1} has an empty headword`);
    const headword = decode(file, bytes.subarray(at, nul), `entry ${entries.length + 1}`);
    let offset: number;
    if (ifo.idxoffsetbits === 64) {
      const big = view.getBigUint64(nul + 1);
      if (big > BigInt(Number.MAX_SAFE_INTEGER)) throw broken(file, `entry ${entries.length + 1} has an offset too large to read`);
      offset = Number(big);
    } else {
      offset = view.getUint32(nul + 1);
    }
    const size = view.getUint32(nul + 1 + numbers - 4);
    if (offset + size > textSize) throw broken(file, `entry ${entries.length + 1} ("${headword.slice(0, 40)}") points past the end of the text (${offset + size} > ${textSize} bytes)`);
    entries.push({ headword, offset, size });
    at = nul + 1 + numbers;
  }
  if (entries.length !== ifo.wordcount) throw broken(file, `the index has ${entries.length} entries, the .ifo says ${ifo.wordcount}`);
  return entries;
}

export function parseSyn(file: string, bytes: Uint8Array, ifo: Ifo, entryCount: number): Array<{ word: string; entry: number }> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: Array<{ word: string; entry: number }> = [];
  let at = 0;
  while (at < bytes.length) {
    const nul = bytes.indexOf(0, at);
    if (nul < 0 || nul + 5 > bytes.length) throw broken(file, `synonym ${out.length + 1} is cut short`);
    const word = decode(file, bytes.subarray(at, nul), `synonym ${out.length + 1}`);
    const entry = view.getUint32(nul + 1);
    if (entry >= entryCount) throw broken(file, `synonym ${out.length + 1} ("${word.slice(0, 40)}") points to entry ${entry} of ${entryCount}`);
    if (word !== '') out.push({ word, entry });
    at = nul + 5;
  }
  if (ifo.synwordcount && out.length !== ifo.synwordcount) throw broken(file, `the synonyms file has ${out.length} words, the .ifo says ${ifo.synwordcount}`);
  return out;
}
