/**
 * Reading a few entries of a ZIP package (EPUB, ODT, .fb2.zip) without trusting it: the central
 * directory is read first, each wanted entry's declared size is checked against the limits before
 * anything is inflated, the wanted ones are inflated as a stream and counted as they come (so a
 * lying size is caught at the limit), and nothing else is ever inflated (fflate).
 */
import { Unzip, UnzipInflate, strFromU8, unzipSync } from 'fflate';
import { DEFAULT_MAX_BYTES } from './decode';
import { ImportError, displayName, formatBytes } from './errors';

export interface ZipLimits {
  /** Inflated bytes at most, over all the entries read (default four times the file limit). */
  maxInflated?: number;
  /** Entries in the package at most. */
  maxEntries?: number;
}

const DEFAULT_MAX_ENTRIES = 20_000;
/** Compressed bytes fed per step: bounds what one step can inflate (DEFLATE expands at most ~1032×). */
const SLICE = 16_384;

export const isZip = (bytes: Uint8Array) => bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);

/** Names and declared sizes of every entry in the package (nothing is inflated). */
export function zipDirectory(bytes: Uint8Array, fileName: string, what: string, limits: ZipLimits = {}): Map<string, number> {
  const name = displayName(fileName);
  if (!isZip(bytes)) throw new ImportError('unsupported-format', `“${name}” is not ${what} (not a ZIP package)`, name, { reason: 'not-package' });
  const entries = new Map<string, number>();
  const maxEntries = limits.maxEntries ?? DEFAULT_MAX_ENTRIES;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        entries.set(file.name, file.originalSize);
        if (entries.size > maxEntries) {
          throw new ImportError('too-large', `“${name}” holds more than ${maxEntries.toLocaleString('en')} files; too large to import`, name);
        }
        return false;
      },
    });
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError('unsupported-format', `“${name}” is not readable ${what} (damaged ZIP package)`, name, { reason: 'damaged-zip' });
  }
  return entries;
}

/**
 * Inflates the entries `wanted` picks, after checking their declared sizes (and the total) against
 * the limit, as a stream (fflate's `Unzip`, fed in small slices): every inflated chunk is counted,
 * so a lying header or a zip bomb is stopped at the limit, never inflated whole. Entries that are
 * not wanted are never inflated.
 */
export function readZipEntries(
  bytes: Uint8Array,
  fileName: string,
  what: string,
  wanted: (path: string) => boolean,
  limits: ZipLimits = {},
): Map<string, Uint8Array> {
  const name = displayName(fileName);
  const directory = zipDirectory(bytes, fileName, what, limits);
  const maxInflated = limits.maxInflated ?? DEFAULT_MAX_BYTES * 4;
  const tooLarge = (size: number) => new ImportError('too-large', `“${name}” holds ${formatBytes(size)} of text; too large to import`, name);
  let total = 0;
  let expected = 0;
  for (const [path, size] of directory) {
    if (!wanted(path)) continue;
    expected++;
    total += size;
    if (size > maxInflated || total > maxInflated) throw tooLarge(total);
  }
  const out = new Map<string, Uint8Array>();
  if (expected === 0) return out;
  const damaged = () => new ImportError('unsupported-format', `“${name}” is not readable ${what} (damaged ZIP package)`, name, { reason: 'damaged-zip' });
  let inflated = 0;
  let failure: unknown;
  let finished = 0;
  const unzip = new Unzip((file) => {
    if (!wanted(file.name) || out.has(file.name)) return;
    const chunks: Uint8Array[] = [];
    file.ondata = (error, chunk, final) => {
      if (failure) return;
      if (error) {
        failure = damaged();
        return;
      }
      inflated += chunk.length;
      // The declared size can lie: the real one is counted as it comes.
      if (inflated > maxInflated) {
        failure = tooLarge(inflated);
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) {
        const whole = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
        let at = 0;
        for (const c of chunks) {
          whole.set(c, at);
          at += c.length;
        }
        out.set(file.name, whole);
        finished++;
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    // `failure` and `finished` change in the callbacks `push` runs.
    const done = () => failure !== undefined || finished >= expected;
    for (let at = 0; at < bytes.length && !done(); at += SLICE) {
      unzip.push(bytes.subarray(at, Math.min(bytes.length, at + SLICE)), at + SLICE >= bytes.length);
    }
  } catch {
    failure ??= damaged();
  }
  if (failure) throw failure;
  return out;
}

/** An XML part as text: UTF-8 (with or without BOM), or UTF-16 with a BOM. */
export function xmlText(data: Uint8Array): string {
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data.subarray(2));
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data.subarray(2));
  const text = strFromU8(data);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
