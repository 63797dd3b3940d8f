/**
 * Reading a few entries of a ZIP package (EPUB, ODT, .fb2.zip) without trusting it: the central
 * directory is read first, each wanted entry's declared size is checked against the limits before
 * anything is inflated, and nothing but the wanted entries is ever inflated (fflate).
 */
import { strFromU8, unzipSync } from 'fflate';
import { DEFAULT_MAX_BYTES } from './decode';
import { ImportError, displayName, formatBytes } from './errors';

export interface ZipLimits {
  /** Inflated bytes at most, over all the entries read (default four times the file limit). */
  maxInflated?: number;
  /** Entries in the package at most. */
  maxEntries?: number;
}

const DEFAULT_MAX_ENTRIES = 20_000;

export const isZip = (bytes: Uint8Array) => bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);

/** Names and declared sizes of every entry in the package (nothing is inflated). */
export function zipDirectory(bytes: Uint8Array, fileName: string, what: string, limits: ZipLimits = {}): Map<string, number> {
  const name = displayName(fileName);
  if (!isZip(bytes)) throw new ImportError('unsupported-format', `“${name}” is not ${what} (not a ZIP package)`, name);
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
    throw new ImportError('unsupported-format', `“${name}” is not readable ${what} (damaged ZIP package)`, name);
  }
  return entries;
}

/**
 * Inflates the entries `wanted` picks, after checking their declared sizes (and the total) against
 * the limit. Entries that are not wanted are never inflated.
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
  let total = 0;
  for (const [path, size] of directory) {
    if (!wanted(path)) continue;
    total += size;
    if (size > maxInflated || total > maxInflated) {
      throw new ImportError('too-large', `“${name}” holds ${formatBytes(total)} of text; too large to import`, name);
    }
  }
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (file) => wanted(file.name) });
  } catch {
    throw new ImportError('unsupported-format', `“${name}” is not readable ${what} (damaged ZIP package)`, name);
  }
  const out = new Map<string, Uint8Array>();
  let inflated = 0;
  for (const [path, data] of Object.entries(files)) {
    inflated += data.length;
    // The declared size can lie: the real one counts too.
    if (inflated > maxInflated) throw new ImportError('too-large', `“${name}” holds ${formatBytes(inflated)} of text; too large to import`, name);
    out.set(path, data);
  }
  return out;
}

/** An XML part as text: UTF-8 (with or without BOM), or UTF-16 with a BOM. */
export function xmlText(data: Uint8Array): string {
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data.subarray(2));
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data.subarray(2));
  const text = strFromU8(data);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
