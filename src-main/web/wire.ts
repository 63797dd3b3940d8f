/**
 * How the harness carries a request whose payload holds bytes (`import:prepare`'s files), so that
 * the bytes cross as bytes — as Electron's structured clone carries them — and are never turned
 * into base64 or JSON on either side.
 *
 * The body is the JSON of `{ payload, hasPayload }` with each `Uint8Array` replaced by
 * `{ "$blob": k }`, then the blobs one after another; the `X-Bitext-Layout` header gives the
 * lengths (`<json>,<blob 0>,<blob 1>…`). The harness reads the body straight into one array per
 * blob (`WireBody`), so each file arrives in a buffer of its own that can be handed to the import
 * worker without a copy. Requests without bytes stay plain JSON.
 */

export const LAYOUT_HEADER = 'x-bitext-layout';
export const WIRE_CONTENT_TYPE = 'application/x-bitext-ipc';
/** More blobs than any request carries (two import files, five dictionary files). */
export const MAX_BLOBS = 8;

/** The body's parts in the browser: the JSON (blobs replaced) and the blobs, or `undefined` when there are none. */
export function encodeWire(payload: unknown): { layout: string; parts: Uint8Array[] } | undefined {
  const blobs: Uint8Array[] = [];
  const replace = (value: unknown): unknown => {
    if (value instanceof Uint8Array) {
      blobs.push(value);
      return { $blob: blobs.length - 1 };
    }
    if (Array.isArray(value)) return value.map(replace);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replace(v)]));
    return value;
  };
  const replaced = replace(payload);
  if (blobs.length === 0) return undefined;
  const json = new TextEncoder().encode(JSON.stringify({ payload: replaced ?? null, hasPayload: payload !== undefined }));
  return { layout: [json.byteLength, ...blobs.map((b) => b.byteLength)].join(','), parts: [json, ...blobs] };
}

/** The lengths a layout header gives (JSON first), or `undefined` when it is not one. */
export function parseLayout(header: string | undefined, contentLength: number, maxBody: number): number[] | undefined {
  if (typeof header !== 'string' || !/^\d{1,10}(,\d{1,10}){1,8}$/.test(header)) return undefined;
  const lengths = header.split(',').map(Number);
  if (lengths.length - 1 > MAX_BLOBS) return undefined;
  const total = lengths.reduce((a, b) => a + b, 0);
  if (total !== contentLength || total > maxBody || (lengths[0] ?? 0) < 2) return undefined;
  return lengths;
}

/** Reads a body laid out as `lengths` into one array per part, chunk by chunk, as it comes. */
export class WireBody {
  readonly parts: Uint8Array[];
  private part = 0;
  private filled = 0;

  constructor(lengths: readonly number[]) {
    // Each part its own buffer: a blob can then be transferred to a worker rather than copied.
    this.parts = lengths.map((n) => new Uint8Array(n));
  }

  push(chunk: Uint8Array): void {
    let at = 0;
    while (at < chunk.length) {
      const target = this.parts[this.part];
      if (!target) throw new Error('request body longer than its layout');
      const n = Math.min(target.length - this.filled, chunk.length - at);
      target.set(chunk.subarray(at, at + n), this.filled);
      this.filled += n;
      at += n;
      if (this.filled === target.length) {
        this.part++;
        this.filled = 0;
      }
    }
  }

  /** The request's payload, each `{ "$blob": k }` back as its bytes; throws on a malformed body. */
  payload(): unknown {
    // Zero-length parts never receive a chunk: skip past them before checking completeness.
    while (this.part < this.parts.length && this.parts[this.part]!.length === 0) this.part++;
    if (this.part !== this.parts.length) throw new Error('request body shorter than its layout');
    const [json, ...blobs] = this.parts;
    const parsed = JSON.parse(new TextDecoder().decode(json)) as { payload?: unknown; hasPayload?: unknown };
    const used = new Set<number>();
    const revive = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(revive);
      if (value !== null && typeof value === 'object') {
        const keys = Object.keys(value);
        const k = (value as { $blob?: unknown }).$blob;
        if (keys.length === 1 && keys[0] === '$blob') {
          if (typeof k !== 'number' || !Number.isInteger(k) || k < 0 || k >= blobs.length || used.has(k)) throw new Error('bad blob reference');
          used.add(k);
          return blobs[k];
        }
        return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, revive(v)]));
      }
      return value;
    };
    return parsed.hasPayload === true ? revive(parsed.payload) : undefined;
  }
}
