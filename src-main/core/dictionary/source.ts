/** Bytes read at a position: a file on disk (the store) or a buffer (tests, just-added files). */
export interface RandomAccess {
  readonly size: number;
  read(position: number, length: number): Promise<Uint8Array>;
}

export function memorySource(bytes: Uint8Array): RandomAccess {
  return {
    size: bytes.length,
    read: async (position, length) => bytes.subarray(position, Math.min(bytes.length, position + length)),
  };
}
