/**
 * A glossary file as the reader chose it, turned into text before it goes to main: UTF-8 (with or
 * without BOM), UTF-16 with a BOM, else Windows-1251 (what a Russian Excel saves a CSV in). A file
 * that is not text — NUL bytes, or control characters where a CSV/TSV/TBX has none — is refused
 * here, so a picture or an archive chosen by mistake never becomes rows of garbage in the glossary.
 */

export type GlossaryFileText = { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251' } | { ok: false; reason: 'not-text' };

/** C0 controls other than tab, line feed and carriage return, and the replacement character. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/g;

function decode(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251' } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  if (bytes.includes(0)) return undefined;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1251').decode(bytes), encoding: 'windows-1251' };
  }
}

export function glossaryFileText(bytes: Uint8Array): GlossaryFileText {
  const decoded = decode(bytes);
  if (!decoded) return { ok: false, reason: 'not-text' };
  // A stray control character is forgiven (a form feed, a lone byte); a binary file has them all over.
  const controls = decoded.text.match(CONTROL)?.length ?? 0;
  if (controls > 8 && controls > decoded.text.length / 200) return { ok: false, reason: 'not-text' };
  return { ok: true, ...decoded };
}
