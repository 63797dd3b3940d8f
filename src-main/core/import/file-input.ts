/**
 * A file as `import:prepare` receives it: its raw bytes (the renderer's `Uint8Array`, carried by
 * structured clone in Electron and by the harness's binary body), or base64 (scripts and tests
 * that speak JSON). Main checks only the cheap part (a name, a size bound, the type: the zod
 * schema); the bytes are checked and decoded here, in the import worker, so that a 50 MB file
 * never holds up the main thread.
 */
import { AppError } from '../errors';
import type { FileBytes } from './prepare';

export type FileInput = FileBytes | { name: string; base64: string };

/** The file's size in bytes, without decoding it (base64: from its length and padding). */
export function sizeOf(file: FileInput): number {
  if ('bytes' in file) return file.bytes.byteLength;
  const { base64 } = file;
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((base64.length * 3) / 4) - padding);
}

/** Base64 characters only, with at most two `=` of padding at the end (`/^[A-Za-z0-9+/]*={0,2}$/`). */
function isBase64(data: string): boolean {
  if (/[^A-Za-z0-9+/=]/.test(data)) return false;
  const pad = data.indexOf('=');
  return pad === -1 || (pad >= data.length - 2 && /^={1,2}$/.test(data.slice(pad)));
}

/** The bytes of a file; base64 is checked and decoded (a `bad-request` when it is not base64). */
export function toFileBytes(file: FileInput): FileBytes {
  if ('bytes' in file) return file;
  if (!isBase64(file.base64)) throw new AppError('bad-request', `Invalid request for import:prepare: the data of “${file.name.slice(0, 64)}” is not base64`);
  const decoded = Buffer.from(file.base64, 'base64');
  return { name: file.name, bytes: new Uint8Array(decoded.buffer, decoded.byteOffset, decoded.byteLength) };
}

/**
 * The buffers that can be handed to a worker rather than copied: each file's bytes that wholly own
 * their `ArrayBuffer` (not a slice of a pool or of a larger buffer), each buffer once. The caller
 * gives them up: after the transfer they are empty on this side.
 */
export function transferable(files: readonly FileInput[]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const file of files) {
    if (!('bytes' in file)) continue;
    const { buffer, byteOffset, byteLength } = file.bytes;
    if (buffer instanceof ArrayBuffer && byteOffset === 0 && byteLength === buffer.byteLength && byteLength > 0) buffers.add(buffer);
  }
  return [...buffers];
}
