/**
 * `.docx`: `word/document.xml` alone is inflated, as a stream (`zip.ts`), decoded and parsed as it
 * comes (htmlparser2 in XML mode), its paragraphs read (`w:p`, `w:t`, tabs and breaks) and charged
 * one by one; deleted revisions and field codes are skipped; macros, embedded objects and
 * everything else in the package are never looked at. A hostile package is stopped at the first
 * limit it passes: bytes inflated, characters or paragraphs.
 */
import { Parser } from 'htmlparser2';
import iconv from 'iconv-lite';
import { ImportError } from '../errors';
import { ParagraphSink } from './paragraphs';
import type { TextReader } from './reader';
import { streamZipPart } from './zip';

export const docxReader: TextReader = {
  kind: 'text',
  format: 'docx',
  extensions: ['docx'],
  read(bytes, { budget }) {
    const name = budget.name;
    checkPackage(bytes, name);
    const sink = new ParagraphSink(budget);
    const xml = docxXmlParser((p) => sink.add(p), (n) => sink.pending(n), () => budget.element());
    let decoder: { write(chunk: Buffer): string; end(): string | undefined } | undefined;
    const found = streamZipPart(bytes, {
      part: 'word/document.xml',
      budget,
      onChunk: (chunk) => {
        // The XML is UTF-8, or UTF-16 with a byte order mark.
        decoder ??= iconv.getDecoder(chunk[0] === 0xff && chunk[1] === 0xfe ? 'utf-16le' : chunk[0] === 0xfe && chunk[1] === 0xff ? 'utf-16be' : 'utf-8');
        xml.write(decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length)));
      },
    });
    if (!found) throw new ImportError('unsupported-format', `“${name}” is not a Word document (no word/document.xml)`, name, { reason: 'no-document-xml' });
    const rest = decoder?.end();
    if (rest) xml.write(rest);
    xml.end();
    return sink.finish('docx', 'docx', []);
  },
};

function checkPackage(bytes: Uint8Array, name: string): void {
  if (bytes.length === 0) throw new ImportError('empty-file', `“${name}” is empty`, name);
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new ImportError(
      'unsupported-format',
      `“${name}” is an old Word document or a password-protected one; save it as .docx (without a password) or .txt`,
      name,
      { reason: 'old-word' },
    );
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new ImportError('unsupported-format', `“${name}” is not a Word .docx document (not a ZIP package)`, name, { reason: 'not-zip' });
  }
}

/** The paragraphs of a .docx (tests, and the command line): as the reader, without a budget of its own. */
export function docxXmlParagraphs(xml: string): string[] {
  const out: string[] = [];
  const parser = docxXmlParser((p) => out.push(p));
  parser.write(xml);
  parser.end();
  return out;
}

const SKIP = new Set(['w:del', 'w:delText', 'w:instrText', 'mc:Fallback', 'w:footnoteReference', 'w:endnoteReference']);

/** A streaming parser of `word/document.xml`: `emit` gets each paragraph as it closes. */
function docxXmlParser(
  emit: (paragraph: string) => void,
  pending?: (length: number) => void,
  element?: () => void,
): { write(text: string): void; end(): void } {
  const stack: string[] = [];
  let skipDepth = 0;
  let inText = false;
  const append = (text: string) => {
    if (stack.length === 0) return;
    const top = stack[stack.length - 1]! + text;
    stack[stack.length - 1] = top;
    pending?.(top.length);
  };
  const parser = new Parser(
    {
      // `onopentagname`, not `onopentag`: no attribute objects are built (none is needed).
      onopentagname(name) {
        element?.();
        if (SKIP.has(name)) {
          skipDepth++;
          return;
        }
        if (skipDepth > 0) return;
        if (name === 'w:p') stack.push('');
        else if (name === 'w:t') inText = true;
        else if (name === 'w:tab' || name === 'w:ptab') append('\t');
        else if (name === 'w:br' || name === 'w:cr') append('\n');
        else if (name === 'w:noBreakHyphen') append('\u2011');
        else if (name === 'w:softHyphen') append('\u00ad');
      },
      onclosetag(name) {
        if (SKIP.has(name)) {
          skipDepth = Math.max(0, skipDepth - 1);
          return;
        }
        if (skipDepth > 0) return;
        if (name === 'w:t') inText = false;
        else if (name === 'w:p') {
          const text = stack.pop() ?? '';
          if (text.trim() !== '') emit(text.replace(/[ \t]+/g, (m) => (m.includes('\t') ? '\t' : ' ')));
        }
      },
      ontext(data) {
        if (skipDepth === 0 && inText) append(data);
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  return { write: (text) => parser.write(text), end: () => parser.end() };
}
