/**
 * Hostile import files, generated (never stored): for the unit tests, at a scale that keeps them
 * quick, and for `npm run bench:hostile`, at the full size of the audit (issue 10, section 1).
 *
 * - A text bomb: a small .docx whose `word/document.xml` inflates to ~199 MB of XML
 *   (2.34 million paragraphs, 135.7 million characters).
 * - Lying zip entries: ten entries named `word/document.xml` whose headers claim 1,000 bytes each
 *   and which inflate to 1 GB each.
 * - A paragraph flood: 25 MB of `Go.` paragraphs.
 * - A Windows-1251 text with one UTF-8 paragraph; a text of zero-width characters only.
 */
import { createDeflateRaw } from 'node:zlib';
import { encodeText } from './decode';
import { STATEMENT } from './testing';

const DOCX_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
const DOCX_TAIL = '<w:sectPr/></w:body></w:document>';

export interface ZipEntry {
  name: string;
  /** The raw DEFLATE stream (method 8) or the bytes themselves (method 0). */
  data: Uint8Array;
  method?: 0 | 8;
  /** The uncompressed size the headers claim (a lie, if the test wants one). */
  claimedSize: number;
}

/** A ZIP archive written by hand, so that its headers can say what a hostile file says. */
export function zipArchive(entries: readonly ZipEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const method = entry.method ?? 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(0, 14); // CRC (not checked by a streaming reader)
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.claimedSize >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, Buffer.from(entry.data.buffer, entry.data.byteOffset, entry.data.length));
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.claimedSize >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/** `count` copies of `unit` between `head` and `tail`, deflated as a stream (never held whole). */
async function deflateRepeated(head: string, unit: string, count: number, tail: string): Promise<{ data: Uint8Array; size: number }> {
  const unitBytes = Buffer.from(unit, 'utf8');
  const perBlock = Math.max(1, Math.floor((8 << 20) / unitBytes.length));
  const block = Buffer.alloc(perBlock * unitBytes.length);
  for (let k = 0; k < perBlock; k++) unitBytes.copy(block, k * unitBytes.length);
  const deflate = createDeflateRaw({ level: 9, memLevel: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  const write = async (chunk: Buffer) => {
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once('drain', resolve));
  };
  let size = 0;
  const head8 = Buffer.from(head, 'utf8');
  await write(head8);
  size += head8.length;
  for (let left = count; left > 0; ) {
    const n = Math.min(left, perBlock);
    const chunk = n === perBlock ? block : block.subarray(0, n * unitBytes.length);
    await write(chunk);
    size += chunk.length;
    left -= n;
  }
  const tail8 = Buffer.from(tail, 'utf8');
  deflate.end(tail8);
  size += tail8.length;
  await ended;
  return { data: new Uint8Array(Buffer.concat(out)), size };
}

/** The text bomb: `paragraphs` identical 58-character paragraphs (the audit's: 2.34 million, ~199 MB of XML). */
export async function docxTextBomb(paragraphs = 2_340_000): Promise<{ bytes: Uint8Array; xmlBytes: number; characters: number }> {
  const text = 'Go on, read the next paragraph, and the next one after it.'; // 58 characters
  const { data, size } = await deflateRepeated(DOCX_HEAD, `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`, paragraphs, DOCX_TAIL);
  return { bytes: zipArchive([{ name: 'word/document.xml', data, claimedSize: size }]), xmlBytes: size, characters: paragraphs * text.length };
}

/**
 * Lying entries: `entries` parts named `word/document.xml`, each claiming 1,000 bytes and
 * inflating to `inflatedBytes` (the audit's: ten of 1 GB). The content is markup without text, so
 * only the limit on bytes inflated can stop it.
 */
export async function docxLyingEntries(entries = 10, inflatedBytes = 1 << 30): Promise<{ bytes: Uint8Array; inflatedBytes: number }> {
  const unit = '<w:r/>';
  const { data } = await deflateRepeated(DOCX_HEAD, unit, Math.floor((inflatedBytes - DOCX_HEAD.length) / unit.length), '');
  const list = Array.from({ length: entries }, () => ({ name: 'word/document.xml', data, claimedSize: 1000 }));
  return { bytes: zipArchive(list), inflatedBytes };
}

/** The paragraph flood: `bytes` of `Go.` paragraphs as UTF-8 text (the audit's: 25 MB). */
export function paragraphFlood(bytes = 25 * 1024 * 1024): { bytes: Uint8Array; paragraphs: number } {
  const unit = 'Go.\n\n';
  const paragraphs = Math.floor(bytes / unit.length);
  return { bytes: new Uint8Array(Buffer.from(unit.repeat(paragraphs), 'latin1')), paragraphs };
}

/** The statement's Russian text in Windows-1251, its paragraph `utf8Paragraph` written in UTF-8 instead. */
export function mixedEncodingText(utf8Paragraph = 3): Uint8Array {
  const paragraphs = STATEMENT.ru.trim().split('\n\n');
  const parts = paragraphs.map((p, k) => Buffer.from(k === utf8Paragraph ? encodeText(p, 'utf-8') : encodeText(p.replace(/[«»–—№]/g, '-'), 'windows-1251')));
  const out: Buffer[] = [];
  parts.forEach((p, k) => out.push(...(k > 0 ? [Buffer.from('\n\n')] : []), p));
  return new Uint8Array(Buffer.concat(out));
}

/** Zero-width spaces, joiners, word joiners and BOMs, in lines and paragraphs: nothing to read. */
export function zeroWidthText(): Uint8Array {
  const line = '\u200b\u200c\u200d\u2060\ufeff\u200b';
  return encodeText(`${line}\n${line}\n\n${line}\u00ad\n`, 'utf-8');
}

/** The largest pair allowed, near `IMPORT_LIMITS.maxCharacters` a side: the statement, repeated. */
export function largestAllowedPair(maxCharacters: number): { en: Uint8Array; ru: Uint8Array; copies: number } {
  const longest = Math.max(STATEMENT.en.length, STATEMENT.ru.length) + 2;
  const copies = Math.floor((maxCharacters * 0.98) / longest);
  const repeat = (text: string) => Array.from({ length: copies }, () => text.trim()).join('\n\n') + '\n';
  return { en: encodeText(repeat(STATEMENT.en), 'utf-8'), ru: encodeText(repeat(STATEMENT.ru), 'utf-8'), copies };
}
