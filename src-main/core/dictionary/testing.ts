/**
 * Writers of small dictionaries in each format, for the tests and the bench: dictd (`.index` +
 * `.dict` or dictzip `.dict.dz`) and StarDict (`.ifo`, `.idx` with 32- or 64-bit offsets, `.syn`,
 * `.dict` or `.dict.dz`, with or without `sametypesequence`).
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';
import type { DictionaryFile } from './dictionary';
import { encodeDictdNumber } from './formats';

export interface Entry {
  headword: string;
  definition: string;
  synonyms?: string[];
}

const utf8 = new TextEncoder();

/** A dictzip file: `chunkLength` bytes of text per chunk, each flushed, the sizes in the RA field. */
export function dictzip(text: Uint8Array, chunkLength = 4096): Uint8Array {
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < text.length || chunks.length === 0; at += chunkLength) {
    const part = text.subarray(at, at + chunkLength);
    const last = at + chunkLength >= text.length;
    chunks.push(deflateRawSync(part, last ? {} : { finishFlush: constants.Z_FULL_FLUSH }));
  }
  const raLength = 6 + 2 * chunks.length;
  const extra = new Uint8Array(4 + raLength);
  const ev = new DataView(extra.buffer);
  extra.set([0x52, 0x41]);
  ev.setUint16(2, raLength, true);
  ev.setUint16(4, 1, true);
  ev.setUint16(6, chunkLength, true);
  ev.setUint16(8, chunks.length, true);
  chunks.forEach((c, k) => ev.setUint16(10 + 2 * k, c.length, true));
  const header = new Uint8Array(12);
  header.set([0x1f, 0x8b, 8, 0x04, 0, 0, 0, 0, 2, 3]);
  new DataView(header.buffer).setUint16(10, extra.length, true);
  const trailer = new Uint8Array(8);
  new DataView(trailer.buffer).setUint32(0, crc32(text) >>> 0, true);
  new DataView(trailer.buffer).setUint32(4, text.length >>> 0, true);
  return concat([header, extra, ...chunks, trailer]);
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function writeDictd(name: string, entries: readonly Entry[], options: { dz?: boolean; shortName?: string } = {}): DictionaryFile[] {
  const parts: Uint8Array[] = [];
  const lines: string[] = [];
  let offset = 0;
  const add = (headword: string, definition: string) => {
    const bytes = utf8.encode(`${headword}\n${definition}\n`);
    lines.push(`${headword}\t${encodeDictdNumber(offset)}\t${encodeDictdNumber(bytes.length)}`);
    parts.push(bytes);
    offset += bytes.length;
  };
  if (options.shortName) add('00-database-short', options.shortName);
  for (const e of entries) add(e.headword, e.definition);
  const text = concat(parts);
  return [
    { name: `${name}.index`, bytes: utf8.encode(`${lines.join('\n')}\n`) },
    options.dz ? { name: `${name}.dict.dz`, bytes: dictzip(text, 256) } : { name: `${name}.dict`, bytes: text },
  ];
}

export interface StarDictOptions {
  dz?: boolean;
  bits?: 32 | 64;
  /** Default `m`; `''` writes each field with its type letter; `h` for HTML entries. */
  sameTypeSequence?: string;
  /** Lines added to (or replacing) the `.ifo`. */
  ifoExtra?: string;
  bookname?: string;
}

export function writeStarDict(name: string, entries: readonly Entry[], options: StarDictOptions = {}): DictionaryFile[] {
  const bits = options.bits ?? 32;
  const sts = options.sameTypeSequence ?? 'm';
  // StarDict sorts the index (g_ascii_strcasecmp, then strcmp); lookups do not depend on it.
  const sorted = [...entries].sort((a, b) => a.headword.toLowerCase().localeCompare(b.headword.toLowerCase()) || (a.headword < b.headword ? -1 : 1));
  const data: Uint8Array[] = [];
  const idx: Uint8Array[] = [];
  const syn: Uint8Array[] = [];
  let offset = 0;
  sorted.forEach((e, k) => {
    const body = utf8.encode(e.definition);
    const bytes = sts === '' ? concat([utf8.encode('m'), body, new Uint8Array([0])]) : body;
    data.push(bytes);
    const numbers = new Uint8Array(bits === 64 ? 12 : 8);
    const view = new DataView(numbers.buffer);
    if (bits === 64) view.setBigUint64(0, BigInt(offset));
    else view.setUint32(0, offset);
    view.setUint32(bits === 64 ? 8 : 4, bytes.length);
    idx.push(utf8.encode(e.headword), new Uint8Array([0]), numbers);
    offset += bytes.length;
    for (const s of e.synonyms ?? []) {
      const n = new Uint8Array(4);
      new DataView(n.buffer).setUint32(0, k);
      syn.push(utf8.encode(s), new Uint8Array([0]), n);
    }
  });
  const idxBytes = concat(idx);
  const synCount = sorted.reduce((n, e) => n + (e.synonyms?.length ?? 0), 0);
  const ifo = [
    "StarDict's dict ifo file",
    `version=${bits === 64 ? '3.0.0' : '2.4.2'}`,
    `bookname=${options.bookname ?? name}`,
    `wordcount=${sorted.length}`,
    `idxfilesize=${idxBytes.length}`,
    ...(bits === 64 ? ['idxoffsetbits=64'] : []),
    ...(synCount > 0 ? [`synwordcount=${synCount}`] : []),
    ...(sts !== '' ? [`sametypesequence=${sts}`] : []),
    ...(options.ifoExtra ? [options.ifoExtra] : []),
  ].join('\n');
  const text = concat(data);
  return [
    { name: `${name}.ifo`, bytes: utf8.encode(`${ifo}\n`) },
    { name: `${name}.idx`, bytes: idxBytes },
    ...(synCount > 0 ? [{ name: `${name}.syn`, bytes: concat(syn) }] : []),
    options.dz ? { name: `${name}.dict.dz`, bytes: dictzip(text, 512) } : { name: `${name}.dict`, bytes: text },
  ];
}

/** Small English→Russian and Russian→English word lists. */
export const EN_RU: Entry[] = [
  { headword: 'book', definition: 'книга; книжка' },
  { headword: 'Book', definition: 'Книга (в Библии)' },
  { headword: 'measure', definition: 'мера; мероприятие', synonyms: ['measures'] },
  { headword: 'study', definition: 'изучать; исследование' },
  { headword: 'stop', definition: 'остановка; останавливать' },
  { headword: 'make', definition: 'делать' },
  { headword: 'pandemic', definition: 'пандемия' },
  { headword: 'cooperation', definition: 'сотрудничество' },
];

export const RU_EN: Entry[] = [
  { headword: 'книга', definition: 'book' },
  { headword: 'ёлка', definition: 'fir tree' },
  { headword: 'мера', definition: 'measure' },
  { headword: 'сотрудничество', definition: 'cooperation' },
  { headword: 'изучать', definition: 'to study' },
  { headword: 'пандемия', definition: 'pandemic' },
];
