import { describe, expect, it } from 'vitest';
import { MAX_BLOBS, WireBody, encodeWire, parseLayout } from './wire';

/** The body as the browser's Blob would send it, cut into chunks of `size`. */
function chunks(parts: Uint8Array[], size: number): Uint8Array[] {
  const whole = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    whole.set(p, at);
    at += p.length;
  }
  const out: Uint8Array[] = [];
  for (let i = 0; i < whole.length; i += size) out.push(whole.subarray(i, i + size));
  return out;
}

function roundTrip(payload: unknown, chunkSize: number): unknown {
  const wire = encodeWire(payload)!;
  const total = wire.parts.reduce((n, p) => n + p.length, 0);
  const layout = parseLayout(wire.layout, total, 1 << 30)!;
  const body = new WireBody(layout);
  for (const chunk of chunks(wire.parts, chunkSize)) body.push(chunk);
  return body.payload();
}

describe('the harness carries bytes as bytes', () => {
  const en = new TextEncoder().encode('The Ministers met.\n\nThey agreed.');
  const ru = new Uint8Array(9_001).map((_, i) => (i * 31) % 256);
  const payload = { files: [{ name: 'en.txt', bytes: en }, { name: 'ru.txt', bytes: ru }, { name: 'empty.txt', bytes: new Uint8Array() }] };

  it.each([1, 7, 4096, 65_536, 1 << 20])('round trip in chunks of %i bytes: the same bytes, each file in a buffer of its own', (size) => {
    const back = roundTrip(payload, size) as typeof payload;
    expect(back.files.map((f) => f.name)).toEqual(['en.txt', 'ru.txt', 'empty.txt']);
    for (const [k, file] of back.files.entries()) {
      expect(file.bytes).toBeInstanceOf(Uint8Array);
      expect(Buffer.from(file.bytes).equals(Buffer.from(payload.files[k]!.bytes))).toBe(true);
      // Owns its buffer, so the import worker can take it without a copy.
      expect(file.bytes.byteOffset).toBe(0);
      expect(file.bytes.byteLength).toBe(file.bytes.buffer.byteLength);
    }
  });

  it('a payload without bytes is left to JSON', () => {
    expect(encodeWire({ mode: 'pair' })).toBeUndefined();
    expect(encodeWire(undefined)).toBeUndefined();
  });

  it('refuses a layout that does not add up, or has too many parts', () => {
    expect(parseLayout('10,5', 15, 100)).toEqual([10, 5]);
    expect(parseLayout('10,5', 16, 100)).toBeUndefined();
    expect(parseLayout('10,5', 15, 14)).toBeUndefined();
    expect(parseLayout('10', 10, 100)).toBeUndefined();
    expect(parseLayout('x,5', 15, 100)).toBeUndefined();
    expect(parseLayout(undefined, 15, 100)).toBeUndefined();
    expect(parseLayout(['2', ...Array.from({ length: MAX_BLOBS + 1 }, () => '1')].join(','), 2 + MAX_BLOBS + 1, 100)).toBeUndefined();
  });

  it('refuses a body longer or shorter than its layout, and a blob named twice or not at all', () => {
    const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
    const long = new WireBody([2, 1]);
    expect(() => long.push(new Uint8Array(4))).toThrow(/longer/);

    const short = new WireBody([2, 3]);
    short.push(json({}));
    expect(() => short.payload()).toThrow(/shorter/);

    for (const reference of [{ $blob: 1 }, { $blob: -1 }, { $blob: 0.5 }, { $blob: '0' }]) {
      const header = json({ hasPayload: true, payload: { files: [{ name: 'a', bytes: reference }] } });
      const body = new WireBody([header.length, 1]);
      body.push(header);
      body.push(new Uint8Array([65]));
      expect(() => body.payload()).toThrow(/blob/);
    }
    const twice = json({ hasPayload: true, payload: [{ $blob: 0 }, { $blob: 0 }] });
    const body = new WireBody([twice.length, 1]);
    body.push(twice);
    body.push(new Uint8Array([65]));
    expect(() => body.payload()).toThrow(/blob/);
  });
});
