/**
 * Bytes → text, with the encoding detected. No Electron; the only Node API is in `readFileBytes`.
 *
 * Detection, in order:
 * 1. A byte order mark: UTF-8, UTF-16 LE, UTF-16 BE.
 * 2. UTF-16 without a mark, from where the NUL bytes fall (an ASCII space is `20 00` in LE and
 *    `00 20` in BE, so one parity of positions holds the NULs and the other almost none); the
 *    decoding must then look like text.
 * 3. Anything else with a NUL, or with more than a few control bytes, is a binary file.
 * 4. Valid UTF-8. A file that is mostly valid UTF-8 (its multibyte sequences decode) but has
 *    broken sequences is refused as undecodable — guessing another encoding would garble it.
 * 5. Otherwise a single-byte encoding: Windows-1251, KOI8-R and CP866 put the Cyrillic letters at
 *    different byte ranges (and KOI8-R swaps the cases), so each candidate decoding is scored by
 *    Russian letter frequencies, by capitals in the middle of words, by letters of two scripts in
 *    one word and by non-letters (box drawing) where letters should be. Windows-1252 competes for
 *    English files with accented letters. The best wins; if even the best looks like noise, the
 *    file is refused as undecodable.
 *
 * The text then has its BOM removed, every kind of line ending turned into `\n`, stray control
 * characters removed, and is put in Unicode NFC.
 */
import { constants, promises as fs } from 'node:fs';
import iconv from 'iconv-lite';
import type { TextEncodingName } from '../../contract/ipc';
import { ImportError, displayName, formatBytes, megabytes } from './errors';
import { type ImportWarning, importWarning } from './warnings';

export type { TextEncodingName };

/** The largest file the app imports, by default (`IMPORT_LIMITS.maxFileBytes`). */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

export interface DecodeOptions {
  /** Refuse more bytes than this (default `DEFAULT_MAX_BYTES`). */
  maxBytes?: number;
  /** A charset the file declares (an HTML `<meta charset>`, an XML declaration); used when it fits. */
  declared?: string;
}

export interface DecodedText {
  /** Normalised: no BOM, `\n` line endings, NFC. */
  text: string;
  encoding: TextEncodingName;
  /** The line endings found before normalisation. */
  lineEndings: 'lf' | 'crlf' | 'cr' | 'mixed' | 'none';
  warnings: ImportWarning[];
}

const SINGLE_BYTE: readonly TextEncodingName[] = ['windows-1251', 'koi8-r', 'ibm866', 'windows-1252'];

/**
 * Reads a whole file for import, checking it first: a regular file (a FIFO, a device or a socket is
 * refused before it is opened, and opened without waiting in case it was swapped in between), of
 * allowed size (a 200 MB file is never read), with a file name and no NUL in its path.
 */
export async function readFileBytes(path: string, options: { maxBytes?: number } = {}): Promise<Uint8Array> {
  const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const name = displayName(path);
  if (path.includes('\0')) {
    throw new ImportError('unreadable', `“${name.replace(/\0/g, '')}” is not a valid file name (it holds a NUL character)`, name.replace(/\0/g, ''), { reason: 'bad-name' });
  }
  try {
    notAFile(await fs.stat(path), name);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw fileError(error, name);
  }
  let handle: fs.FileHandle;
  try {
    // O_NONBLOCK: should a FIFO have replaced the file since the check, opening it does not hang.
    handle = await fs.open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw fileError(error, name);
  }
  try {
    const stat = await handle.stat();
    notAFile(stat, name);
    checkSize(stat.size, max, name);
    const bytes = await handle.readFile();
    checkSize(bytes.length, max, name); // it grew while we read it
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw fileError(error, name);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function notAFile(stat: import('node:fs').Stats, name: string): void {
  if (stat.isDirectory()) throw new ImportError('not-a-file', `“${name}” is a folder, not a file`, name, { reason: 'folder' });
  if (!stat.isFile()) {
    const what = stat.isFIFO() ? 'a named pipe (FIFO)' : stat.isCharacterDevice() || stat.isBlockDevice() ? 'a device' : stat.isSocket() ? 'a socket' : 'not a regular file';
    throw new ImportError('not-a-file', `“${name}” is ${what}, not a file to import`, name);
  }
}

function fileError(error: unknown, name: string): ImportError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new ImportError('file-vanished', `“${name}” is no longer there (moved or deleted?)`, name);
  if (code === 'EACCES' || code === 'EPERM') return new ImportError('unreadable', `“${name}” cannot be read (no permission)`, name);
  if (code === 'EISDIR') return new ImportError('not-a-file', `“${name}” is a folder, not a file`, name, { reason: 'folder' });
  return new ImportError('unreadable', `“${name}” cannot be read (${code ?? 'error'})`, name);
}

export function checkSize(size: number, max: number, name: string): void {
  if (size > max) {
    throw new ImportError('too-large', `“${name}” is ${formatBytes(size)}; the largest file the app imports is ${formatBytes(max)}`, name, {
      params: { size: megabytes(size), max: megabytes(max) },
    });
  }
}

/** Decodes a text file's bytes; see the module comment for how the encoding is chosen. */
export function decodeBytes(bytes: Uint8Array, fileName: string, options: DecodeOptions = {}): DecodedText {
  const name = displayName(fileName);
  checkSize(bytes.length, options.maxBytes ?? DEFAULT_MAX_BYTES, name);
  if (bytes.length === 0) throw new ImportError('empty-file', `“${name}” is empty`, name);
  const { encoding, skip } = detectEncoding(bytes, name, options.declared);
  let raw = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset + skip, bytes.length - skip), encodingLabel(encoding), {
    stripBOM: false,
  });
  if (raw.charCodeAt(0) === 0xfeff) raw = raw.slice(1);
  if (encoding.startsWith('utf-16') && /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u.test(raw)) {
    throw new ImportError('undecodable', `“${name}” is not valid ${encoding.toUpperCase()} text`, name, { reason: 'broken-utf16' });
  }
  const warnings: ImportWarning[] = [];
  const lineEndings = lineEndingsOf(raw);
  let text = normaliseText(raw);
  const controls = text.match(CONTROL_CHARS);
  if (controls) {
    text = text.replace(CONTROL_CHARS, '');
    warnings.push(importWarning('control-characters', { count: controls.length }));
  }
  if (!/[\p{L}\p{N}\p{P}\p{S}]/u.test(text)) throw new ImportError('empty-file', `“${name}” holds no text (only blank space or invisible characters)`, name);
  return { text, encoding, lineEndings, warnings };
}

/** `\r\n`, `\r`, U+2028/2029 and NEL all become `\n`; a BOM goes; NFC. */
export function normaliseText(text: string): string {
  const noBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return noBom.replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n').normalize('NFC');
}

// C0 controls except tab, line feed, vertical tab, form feed, carriage return; DEL; C1 controls.
const CONTROL_CHARS = /[\u0000-\u0008\u000e-\u001f\u007f\u0080-\u009f]/g;

function lineEndingsOf(text: string): DecodedText['lineEndings'] {
  // Counted in one pass: a flood of lines must not become an array of millions of matches.
  let crlf = 0;
  let cr = 0;
  let lf = 0;
  for (let at = text.indexOf('\r'); at >= 0; at = text.indexOf('\r', at + 1)) {
    if (text.charCodeAt(at + 1) === 10) crlf++;
    else cr++;
  }
  for (let at = text.indexOf('\n'); at >= 0 && lf <= crlf; at = text.indexOf('\n', at + 1)) lf++;
  lf -= crlf;
  const kinds = [crlf > 0, cr > 0, lf > 0].filter(Boolean).length;
  if (kinds === 0) return 'none';
  if (kinds > 1) return 'mixed';
  return crlf > 0 ? 'crlf' : cr > 0 ? 'cr' : 'lf';
}

function encodingLabel(encoding: TextEncodingName): string {
  return encoding === 'utf-8-bom' ? 'utf-8' : encoding === 'ibm866' ? 'cp866' : encoding;
}

/** Turns a declared charset label into one of ours (undefined when unknown or not supported). */
export function encodingFromLabel(label: string | undefined): TextEncodingName | undefined {
  const l = (label ?? '').trim().toLowerCase().replace(/^x-/, '');
  if (['utf-8', 'utf8', 'unicode-1-1-utf-8'].includes(l)) return 'utf-8';
  if (['windows-1251', 'cp1251', 'win-1251', 'win1251'].includes(l)) return 'windows-1251';
  if (['koi8-r', 'koi8r', 'koi8', 'cskoi8r'].includes(l)) return 'koi8-r';
  if (['ibm866', 'cp866', '866', 'csibm866'].includes(l)) return 'ibm866';
  if (['windows-1252', 'cp1252', 'iso-8859-1', 'latin1', 'us-ascii', 'ascii'].includes(l)) return 'windows-1252';
  if (['utf-16le'].includes(l)) return 'utf-16le';
  if (['utf-16be'].includes(l)) return 'utf-16be';
  return undefined;
}

export interface Detection {
  encoding: TextEncodingName;
  /** Bytes of BOM to skip. */
  skip: number;
}

/** Chooses the encoding of `bytes` (see the module comment); refuses binary and undecodable files. */
export function detectEncoding(bytes: Uint8Array, name = 'the file', declared?: string): Detection {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return checkedUtf8(bytes, 3, name, 'utf-8-bom');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    if (bytes[2] === 0 && bytes[3] === 0 && bytes.length >= 4) {
      throw new ImportError('unsupported-format', `“${name}” is UTF-32 text, which the app does not read; save it as UTF-8`, name, { reason: 'utf32' });
    }
    return { encoding: 'utf-16le', skip: 2 };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };

  const utf16 = sniffUtf16(bytes);
  if (utf16) return { encoding: utf16, skip: 0 };

  const sample = bytes.subarray(0, Math.min(bytes.length, 1 << 20));
  let controls = 0;
  for (const b of sample) {
    if (b === 0) throw new ImportError('binary-file', `“${name}” looks like a binary file (it holds NUL bytes), not text`, name);
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1a) || b === 0x7f) controls++;
  }
  if (controls > 8 && controls > sample.length * 0.002) {
    throw new ImportError('binary-file', `“${name}” looks like a binary file (control bytes), not text`, name);
  }

  const utf8 = scanUtf8(bytes);
  if (utf8.invalid === 0) return { encoding: 'utf-8', skip: 0 };
  if (utf8.multibyte > 0 && utf8.multibyte >= utf8.invalid * 4) {
    throw new ImportError(
      'undecodable',
      `“${name}” is UTF-8 text with broken bytes (first at byte ${utf8.firstInvalid}); it cannot be read reliably`,
      name,
      { reason: 'broken-utf8', params: { at: utf8.firstInvalid } },
    );
  }
  const hinted = encodingFromLabel(declared);
  if (hinted && (SINGLE_BYTE as readonly string[]).includes(hinted)) return refuseMixed({ encoding: hinted, skip: 0 }, bytes, name);

  const scored = SINGLE_BYTE.map((encoding) => ({
    encoding,
    score: scoreSingleByte(iconv.decode(Buffer.from(sample.buffer, sample.byteOffset, sample.length), encodingLabel(encoding))),
  })).sort((a, b) => b.score - a.score);
  const best = scored[0]!;
  if (best.score < MIN_PLAUSIBLE_SCORE) {
    throw new ImportError(
      'undecodable',
      `“${name}” is in an encoding the app cannot recognise (not UTF-8, UTF-16, Windows-1251, KOI8-R or CP866)`,
      name,
    );
  }
  return refuseMixed({ encoding: best.encoding, skip: 0 }, bytes, name);
}

/** Valid multibyte sequences a line needs, with no broken byte, to count as a UTF-8 line. */
const UTF8_LINE_SEQUENCES = 3;

/**
 * A single-byte file with a line that is clean UTF-8 (several multibyte sequences, not one broken
 * byte — which Cyrillic in Windows-1251, KOI8-R or CP866 never is) mixes encodings: whichever
 * encoding it is read in, part of it comes out garbled, so it is refused, naming the line.
 */
function refuseMixed(detection: Detection, bytes: Uint8Array, name: string): Detection {
  const line = firstUtf8Line(bytes);
  if (line === undefined) return detection;
  const label = ENCODING_NAMES[detection.encoding];
  throw new ImportError(
    'mixed-encoding',
    `“${name}” mixes encodings: line ${line} is UTF-8, the rest ${label}; save the whole file in one encoding (UTF-8) and import it again`,
    name,
    { params: { line, encoding: label } },
  );
}

const ENCODING_NAMES: Readonly<Record<TextEncodingName, string>> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8',
  'utf-16le': 'UTF-16',
  'utf-16be': 'UTF-16',
  'windows-1251': 'Windows-1251',
  'koi8-r': 'KOI8-R',
  ibm866: 'CP866',
  'windows-1252': 'Windows-1252',
};

/** The 1-based number of the first line that is clean UTF-8 with multibyte text, if any. */
export function firstUtf8Line(bytes: Uint8Array): number | undefined {
  let line = 1;
  let start = 0;
  while (start <= bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    const scan = scanUtf8(bytes.subarray(start, end));
    if (scan.invalid === 0 && scan.multibyte >= UTF8_LINE_SEQUENCES) return line;
    line++;
    start = end + 1;
  }
  return undefined;
}

function checkedUtf8(bytes: Uint8Array, skip: number, name: string, encoding: TextEncodingName): Detection {
  const scan = scanUtf8(bytes.subarray(skip));
  if (scan.invalid > 0) {
    throw new ImportError(
      'undecodable',
      `“${name}” says it is UTF-8 but has broken bytes (first at byte ${scan.firstInvalid + skip})`,
      name,
      { reason: 'broken-utf8', params: { at: scan.firstInvalid + skip } },
    );
  }
  if (bytes.subarray(skip).includes(0)) {
    throw new ImportError('binary-file', `“${name}” looks like a binary file (it holds NUL bytes), not text`, name);
  }
  return { encoding, skip };
}

/** Counts valid multibyte sequences and invalid bytes in UTF-8. */
export function scanUtf8(bytes: Uint8Array): { multibyte: number; invalid: number; firstInvalid: number } {
  let multibyte = 0;
  let invalid = 0;
  let firstInvalid = -1;
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need = 0;
    let min = 0;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    }
    let ok = need > 0 && i + need < n;
    let cp = need === 1 ? b & 0x1f : need === 2 ? b & 0x0f : b & 0x07;
    for (let k = 1; ok && k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (c & 0x3f);
    }
    if (ok && (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))) ok = false;
    if (ok) {
      multibyte++;
      i += need + 1;
    } else {
      if (firstInvalid < 0) firstInvalid = i;
      invalid++;
      i++;
    }
  }
  return { multibyte, invalid, firstInvalid };
}

/** UTF-16 without a BOM, from where the NUL bytes fall; `undefined` when it is not. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 1 << 16) & ~1;
  if (n < 4) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  const pairs = n / 2;
  let candidate: 'utf-16le' | 'utf-16be' | undefined;
  if (odd >= pairs * 0.03 && even <= pairs * 0.005) candidate = 'utf-16le';
  else if (even >= pairs * 0.03 && odd <= pairs * 0.005) candidate = 'utf-16be';
  if (!candidate) return undefined;
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, n), candidate);
  let plausible = 0;
  for (const ch of text) if (isPlausibleTextChar(ch.codePointAt(0)!)) plausible++;
  return plausible >= [...text].length * 0.95 ? candidate : undefined;
}

function isPlausibleTextChar(cp: number): boolean {
  if (cp === 0x09 || cp === 0x0a || cp === 0x0d) return true;
  if (cp >= 0x20 && cp < 0x7f) return true;
  if (cp >= 0xa0 && cp <= 0x24f) return true; // Latin-1, Latin Extended
  if (cp >= 0x370 && cp <= 0x52f) return true; // Greek, Cyrillic
  if (cp >= 0x2000 && cp <= 0x2bff) return true; // punctuation, symbols, arrows
  if (cp >= 0x3000 && cp <= 0x9fff) return true; // CJK
  if (cp >= 0xac00 && cp <= 0xd7a3) return true; // Hangul
  return cp === 0xfeff;
}

/** Letter frequencies of Russian prose, per cent. */
const RUSSIAN_FREQUENCIES: Readonly<Record<string, number>> = {
  о: 10.97, е: 8.45, а: 8.01, и: 7.35, н: 6.7, т: 6.26, с: 5.47, р: 4.73, в: 4.54, л: 4.4, к: 3.49, м: 3.21, д: 2.98,
  п: 2.81, у: 2.62, я: 2.01, ы: 1.9, ь: 1.74, г: 1.7, з: 1.65, б: 1.59, ч: 1.44, й: 1.21, х: 0.97, ж: 0.94, ш: 0.73,
  ю: 0.64, ц: 0.48, щ: 0.36, э: 0.32, ф: 0.26, ъ: 0.04, ё: 0.04,
};
/** Below this, no single-byte reading of the file looks like text. */
const MIN_PLAUSIBLE_SCORE = -1.5;

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LETTER = /\p{L}/u;
const LOWER = /\p{Ll}/u;
const UPPER = /\p{Lu}/u;
const ASCII_LETTER = /[A-Za-z]/;
const NEUTRAL = /[\u00a0\u00ab\u00bb\u00a7\u00b0\u00b1\u00b7\u00a9\u00ae\u2010-\u2027\u2030\u2039\u203a\u2116\u20ac\u2122]/u;

/**
 * How much a single-byte decoding looks like Russian (or English with a few accents): the mean,
 * over the characters that came from bytes ≥ 0x80, of a log letter frequency with penalties.
 * A correct decoding of Russian scores about +1.5; wrong ones score below zero.
 */
export function scoreSingleByte(text: string): number {
  let sum = 0;
  let count = 0;
  const chars = [...text];
  for (let k = 0; k < chars.length; k++) {
    const ch = chars[k]!;
    if (ch.charCodeAt(0) < 0x80) continue;
    count++;
    const prev = chars[k - 1];
    const next = chars[k + 1];
    const asciiNeighbour = (prev !== undefined && ASCII_LETTER.test(prev)) || (next !== undefined && ASCII_LETTER.test(next));
    if (CYRILLIC.test(ch) && LETTER.test(ch)) {
      const lower = ch.toLowerCase();
      sum += Math.log(RUSSIAN_FREQUENCIES[lower] ?? 0.01); // Ukrainian, Serbian… letters: rare in Russian
      if (UPPER.test(ch)) sum -= prev !== undefined && LOWER.test(prev) && CYRILLIC.test(prev) ? 4 : 0.5;
      if (asciiNeighbour) sum -= 3;
    } else if (LETTER.test(ch)) {
      sum += asciiNeighbour ? 1 : -1.5;
    } else if (NEUTRAL.test(ch)) {
      // punctuation both scripts use: no evidence either way
    } else {
      sum -= 5; // box drawing, maths, replacement characters, C1 controls
    }
  }
  return count === 0 ? 0 : sum / count;
}

/** Encodes text (for tests, fixtures and exports). `bom` adds a byte order mark to UTF-8/16. */
export function encodeText(text: string, encoding: TextEncodingName, options: { bom?: boolean } = {}): Uint8Array {
  const body = iconv.encode(text, encodingLabel(encoding));
  const bom =
    encoding === 'utf-8-bom' || (options.bom && encoding === 'utf-8')
      ? [0xef, 0xbb, 0xbf]
      : options.bom && encoding === 'utf-16le'
        ? [0xff, 0xfe]
        : options.bom && encoding === 'utf-16be'
          ? [0xfe, 0xff]
          : [];
  const out = new Uint8Array(bom.length + body.length);
  out.set(bom, 0);
  out.set(body, bom.length);
  return out;
}
