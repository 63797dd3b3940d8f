/**
 * Headwords for lookup, and definitions as plain text. Nothing here ever yields markup: StarDict's
 * HTML, Pango and XDXF entries are parsed (htmlparser2, entities decoded) and only their text is
 * kept, with line breaks where blocks and `<br>` were. The renderer shows the result as text.
 */
import { Parser } from 'htmlparser2';
import { broken } from './errors';

/** NFC, lower case, `ё` → `е`, stress marks dropped, spaces collapsed, outer punctuation trimmed. */
export function normalizeWord(word: string): string {
  return word
    .normalize('NFD')
    .replace(/[\u0300\u0301]/g, '')
    .normalize('NFC')
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replace(/[’‘`´]/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '')
    .trim();
}

const BLOCKS = new Set(['p', 'div', 'br', 'li', 'ul', 'ol', 'tr', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'dd', 'dt', 'def', 'ex', 'k', 'ar']);
const SKIPPED = new Set(['script', 'style', 'head', 'title', 'object', 'embed', 'iframe', 'svg', 'math']);

/** The text of an HTML (or XDXF, Pango) fragment: tags dropped, entities decoded, blocks on lines. */
export function markupToText(markup: string): string {
  let out = '';
  let skipping = 0;
  const newLine = () => {
    if (out !== '' && !out.endsWith('\n')) out += '\n';
  };
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIPPED.has(name)) skipping++;
        else if (name === 'br') out += '\n';
        else if (BLOCKS.has(name)) newLine();
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) skipping = Math.max(0, skipping - 1);
        else if (BLOCKS.has(name) && name !== 'br') newLine();
      },
      ontext(text) {
        if (skipping === 0) out += text;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(markup);
  parser.end();
  return tidy(out);
}

/** Trailing spaces off, at most one empty line in a row, no control characters but line breaks and tabs. */
function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n[ \t]+(?=\n)/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const utf8 = new TextDecoder('utf-8');

/** Text types shown as they are, and markup types reduced to their text; others (sounds, pictures) are left out. */
const PLAIN_TYPES = new Set(['m', 'l', 'y', 'n']);
const MARKUP_TYPES = new Set(['h', 'g', 'x', 'k', 'w']);

function fieldText(type: string, bytes: Uint8Array): string {
  const text = utf8.decode(bytes);
  if (PLAIN_TYPES.has(type)) return tidy(text);
  if (type === 't') return `[${tidy(text)}]`;
  if (MARKUP_TYPES.has(type)) return markupToText(text);
  return '';
}

/**
 * One StarDict entry's fields as text. With `sametypesequence` the type letters are not stored and
 * the last field has no terminator (text) or size (binary); without it every field is a type
 * letter, then a NUL-terminated string (lower-case types) or a 32-bit size and the bytes (upper-case).
 */
export function starDictDefinition(file: string, bytes: Uint8Array, sameTypeSequence: string): string {
  const parts: string[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  const field = (type: string, last: boolean) => {
    const binary = type >= 'A' && type <= 'Z';
    if (last) {
      if (!binary) parts.push(fieldText(type, bytes.subarray(at)));
      at = bytes.length;
      return;
    }
    if (binary) {
      if (at + 4 > bytes.length) throw broken(file, 'an entry is cut short');
      const size = view.getUint32(at);
      if (at + 4 + size > bytes.length) throw broken(file, 'an entry field runs past the entry');
      at += 4 + size;
      return;
    }
    let end = bytes.indexOf(0, at);
    if (end < 0) end = bytes.length;
    parts.push(fieldText(type, bytes.subarray(at, end)));
    at = end + 1;
  };
  if (sameTypeSequence !== '') {
    [...sameTypeSequence].forEach((type, k) => field(type, k === sameTypeSequence.length - 1));
  } else {
    while (at < bytes.length) {
      const type = String.fromCharCode(bytes[at]!);
      at++;
      if (!/[a-zA-Z]/.test(type)) throw broken(file, `an entry has an unknown field type (byte ${bytes[at - 1]})`);
      field(type, false);
    }
  }
  return parts.filter((p) => p !== '').join('\n\n');
}

/**
 * A dictd entry as text. dictd entries are plain text and begin with the headword's line, which
 * is dropped (the popup shows the headword); some converted dictionaries carry HTML, which is
 * reduced to text the same way (a `<` followed by a tag name is taken for markup).
 */
export function dictdDefinition(bytes: Uint8Array, headword = ''): string {
  const raw = utf8.decode(bytes);
  const text = /<\/?(?:[a-z][a-z0-9]*)\b[^>]*>/i.test(raw) ? markupToText(raw) : tidy(raw);
  const newline = text.indexOf('\n');
  const first = newline < 0 ? text : text.slice(0, newline);
  if (headword !== '' && newline > 0 && normalizeWord(first) === normalizeWord(headword)) return text.slice(newline + 1).trim();
  return text;
}
