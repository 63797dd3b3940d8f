/**
 * dictzip (`.dict.dz`): a gzip file whose deflate stream is flushed (Z_FULL_FLUSH) every `chunkLength`
 * bytes of text, with the compressed size of every chunk in the gzip header's `RA` extra field
 * (RFC 1952 FEXTRA; dictzip(1)). A definition is read by inflating only the chunks it spans.
 * A plain gzip file (no `RA` field) is inflated whole, once. Pure: fflate, no Node built-in.
 */
import { gunzipSync, inflateSync } from 'fflate';
import { broken } from './errors';
import type { RandomAccess } from './source';

export interface DictzipHeader {
  /** Bytes of text per chunk (the last may be shorter). */
  chunkLength: number;
  /** Where each chunk's compressed bytes start in the file, and how many there are. */
  chunks: Array<{ offset: number; size: number }>;
  /** Bytes of text in all (the gzip trailer's ISIZE, modulo 2^32). */
  textSize: number;
}

const FHCRC = 0x02;
const FEXTRA = 0x04;
const FNAME = 0x08;
const FCOMMENT = 0x10;

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 18 && bytes[0] === 0x1f && bytes[1] === 0x8b && bytes[2] === 8;
}

/**
 * Reads the chunk table from the file's header (`head`: its first bytes, 64 KiB is plenty) and
 * its last 4 bytes (ISIZE). `undefined` when the file is gzip but has no `RA` field.
 */
export function parseDictzipHeader(file: string, head: Uint8Array, fileSize: number, isize: number): DictzipHeader | undefined {
  if (!isGzip(head)) throw broken(file, 'not a gzip file');
  const flags = head[3]!;
  let at = 10;
  let ra: { chunkLength: number; sizes: number[] } | undefined;
  if (flags & FEXTRA) {
    if (at + 2 > head.length) throw broken(file, 'the gzip header is cut short');
    const xlen = u16(head, at);
    at += 2;
    const end = at + xlen;
    if (end > head.length) throw broken(file, 'the gzip extra field is cut short');
    while (at + 4 <= end) {
      const si1 = head[at]!;
      const si2 = head[at + 1]!;
      const len = u16(head, at + 2);
      const data = at + 4;
      if (data + len > end) throw broken(file, 'a gzip extra subfield runs past its field');
      if (si1 === 0x52 && si2 === 0x41) {
        if (len < 6) throw broken(file, 'the dictzip RA field is too short');
        const version = u16(head, data);
        if (version !== 1) throw broken(file, `dictzip version ${version} is not known`);
        const chunkLength = u16(head, data + 2);
        const count = u16(head, data + 4);
        if (chunkLength === 0) throw broken(file, 'the dictzip chunk length is 0');
        if (6 + 2 * count > len) throw broken(file, `the dictzip RA field lists ${count} chunks but holds fewer`);
        const sizes: number[] = [];
        for (let k = 0; k < count; k++) sizes.push(u16(head, data + 6 + 2 * k));
        ra = { chunkLength, sizes };
      }
      at = data + len;
    }
    at = end;
  }
  const skipString = () => {
    while (at < head.length && head[at] !== 0) at++;
    if (at >= head.length) throw broken(file, 'a gzip header name or comment does not end');
    at++;
  };
  if (flags & FNAME) skipString();
  if (flags & FCOMMENT) skipString();
  if (flags & FHCRC) at += 2;
  if (!ra) return undefined;
  const chunks: DictzipHeader['chunks'] = [];
  let offset = at;
  for (const size of ra.sizes) {
    chunks.push({ offset, size });
    offset += size;
  }
  // The chunks, then the 8-byte trailer (CRC32, ISIZE).
  if (offset + 8 > fileSize) throw broken(file, `the dictzip chunks run past the end of the file (${offset + 8} > ${fileSize} bytes)`);
  const most = ra.chunkLength * ra.sizes.length;
  if (isize > most || (ra.sizes.length > 0 && isize <= most - ra.chunkLength && most < 2 ** 32)) {
    throw broken(file, `the dictzip size (${isize} bytes) does not match its ${ra.sizes.length} chunks of ${ra.chunkLength}`);
  }
  return { chunkLength: ra.chunkLength, chunks, textSize: isize };
}

/** The end-of-stream a flushed (byte-aligned) chunk lacks: an empty final fixed-Huffman block. */
const FINAL_BLOCK = new Uint8Array([0x03, 0x00]);

/** Text bytes of a dictzip file, read by chunk; the last few chunks are kept. */
export class DictzipReader {
  private readonly cache = new Map<number, Uint8Array>();

  constructor(
    private readonly file: string,
    private readonly source: RandomAccess,
    readonly header: DictzipHeader,
  ) {}

  get size(): number {
    return this.header.textSize;
  }

  async read(position: number, length: number): Promise<Uint8Array> {
    const { chunkLength } = this.header;
    if (position + length > this.header.textSize) throw broken(this.file, `an entry (${position}+${length}) runs past the end of the text (${this.header.textSize} bytes)`);
    if (length === 0) return new Uint8Array(0);
    const first = Math.floor(position / chunkLength);
    const last = Math.floor((position + length - 1) / chunkLength);
    const out = new Uint8Array(length);
    let written = 0;
    for (let k = first; k <= last; k++) {
      const text = await this.chunk(k);
      const from = k === first ? position - k * chunkLength : 0;
      const to = Math.min(text.length, position + length - k * chunkLength);
      out.set(text.subarray(from, to), written);
      written += to - from;
    }
    if (written !== length) throw broken(this.file, `chunk ${last} is shorter than the index says`);
    return out;
  }

  private async chunk(k: number): Promise<Uint8Array> {
    const cached = this.cache.get(k);
    if (cached) return cached;
    const { offset, size } = this.header.chunks[k]!;
    const compressed = await this.source.read(offset, size);
    const input = new Uint8Array(size + FINAL_BLOCK.length);
    input.set(compressed);
    input.set(FINAL_BLOCK, size);
    let text: Uint8Array;
    try {
      text = inflateSync(input);
    } catch (error) {
      throw broken(this.file, `chunk ${k} does not inflate (${error instanceof Error ? error.message : String(error)})`);
    }
    const expected = k < this.header.chunks.length - 1 ? this.header.chunkLength : this.header.textSize - k * this.header.chunkLength;
    if (text.length !== expected) throw broken(this.file, `chunk ${k} holds ${text.length} bytes, not ${expected}`);
    if (this.cache.size >= 8) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(k, text);
    return text;
  }
}

/** A gzip file without the dictzip field, inflated whole. */
export function gunzipWhole(file: string, bytes: Uint8Array): Uint8Array {
  try {
    return gunzipSync(bytes);
  } catch (error) {
    throw broken(file, `it does not inflate (${error instanceof Error ? error.message : String(error)})`);
  }
}

export const trailerSize = (tail: Uint8Array) => u32(tail, tail.length - 4);
