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
import type { ReadContext, TextReader } from './reader';
import { streamZipPart } from './zip';

export const docxReader: TextReader = {
  kind: 'text',
  format: 'docx',
  extensions: ['docx'],
  read(bytes, { budget }) {
    const name = budget.name;
    checkPackage(bytes, name);
    const sink = new ParagraphSink(budget);
    // Which paragraph styles are headings: `word/styles.xml`, streamed and charged like the body.
    const headingStyles = new Map<string, number>();
    const styles = stylesXmlParser(headingStyles, () => budget.element());
    streamXmlPart(bytes, 'word/styles.xml', budget, styles);
    const xml = docxXmlParser((p, heading) => sink.add(p, heading), (n) => sink.pending(n), () => budget.element(), headingStyles);
    const found = streamXmlPart(bytes, 'word/document.xml', budget, xml);
    if (!found) throw new ImportError('unsupported-format', `“${name}” is not a Word document (no word/document.xml)`, name, { reason: 'no-document-xml' });
    return sink.finish('docx', 'docx', []);
  },
};

/** Streams one XML part of the package into `xml` (decoded as it comes); `false` when there is no such part. */
function streamXmlPart(bytes: Uint8Array, part: string, budget: ReadContext['budget'], xml: { write(text: string): void; end(): void }): boolean {
  let decoder: { write(chunk: Buffer): string; end(): string | undefined } | undefined;
  const found = streamZipPart(bytes, {
    part,
    budget,
    onChunk: (chunk) => {
      // The XML is UTF-8, or UTF-16 with a byte order mark.
      decoder ??= iconv.getDecoder(chunk[0] === 0xff && chunk[1] === 0xfe ? 'utf-16le' : chunk[0] === 0xfe && chunk[1] === 0xff ? 'utf-16be' : 'utf-8');
      xml.write(decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length)));
    },
  });
  if (!found) return false;
  const rest = decoder?.end();
  if (rest) xml.write(rest);
  xml.end();
  return true;
}

/**
 * A streaming parser of `word/styles.xml`: paragraph style id → heading level, for a style named
 * `heading N` (whatever its id: Russian Word calls them `1`, `2`…) or `Title`, or with an outline level.
 */
function stylesXmlParser(out: Map<string, number>, element?: () => void): { write(text: string): void; end(): void } {
  let style: { id: string; name?: string; outline?: number } | undefined;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        element?.();
        if (name === 'w:style') {
          style = attributes['w:type'] === 'paragraph' && attributes['w:styleId'] ? { id: attributes['w:styleId'] } : undefined;
        } else if (style && name === 'w:name') style.name = (attributes['w:val'] ?? '').toLowerCase();
        else if (style && name === 'w:outlineLvl') style.outline = Number(attributes['w:val'] ?? 9) + 1;
      },
      onclosetag(name) {
        if (name !== 'w:style' || !style) return;
        const byName = /^heading\s*([1-9])$/.exec(style.name ?? '')?.[1];
        const level = byName ? Number(byName) : style.name === 'title' ? 1 : style.outline;
        if (level !== undefined && level >= 1 && level <= 9) out.set(style.id, level);
        style = undefined;
      },
    },
    { xmlMode: true },
  );
  return { write: (text) => parser.write(text), end: () => parser.end() };
}

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

/**
 * A streaming parser of `word/document.xml`: `emit` gets each paragraph as it closes, with its
 * heading level when its style (`headingStyles`, or a built-in id `Heading1`…`Heading9`, `Title`)
 * or its own outline level makes it a heading.
 */
function docxXmlParser(
  emit: (paragraph: string, heading?: number) => void,
  pending?: (length: number) => void,
  element?: () => void,
  headingStyles: ReadonlyMap<string, number> = new Map(),
): { write(text: string): void; end(): void } {
  const stack: Array<{ text: string; level?: number }> = [];
  let skipDepth = 0;
  let inText = false;
  /** The element whose `w:val` attribute is being read, if it says a heading level. */
  let opened: 'w:pStyle' | 'w:outlineLvl' | undefined;
  const append = (text: string) => {
    const top = stack[stack.length - 1];
    if (!top) return;
    top.text += text;
    pending?.(top.text.length);
  };
  const parser = new Parser(
    {
      // `onopentagname`, not `onopentag`: no attribute objects are built (none is needed).
      // `onopentagname` and `onattribute`, not `onopentag`: no attribute object is built for each
      // element (markup floods are millions of them); only `w:val` of a style or outline level is read.
      onopentagname(name) {
        element?.();
        opened = undefined;
        if (SKIP.has(name)) {
          skipDepth++;
          return;
        }
        if (skipDepth > 0) return;
        if (name === 'w:p') stack.push({ text: '' });
        else if ((name === 'w:pStyle' || name === 'w:outlineLvl') && stack.length > 0) opened = name;
        else if (name === 'w:t') inText = true;
        else if (name === 'w:tab' || name === 'w:ptab') append('\t');
        else if (name === 'w:br' || name === 'w:cr') append('\n');
        else if (name === 'w:noBreakHyphen') append('\u2011');
        else if (name === 'w:softHyphen') append('\u00ad');
      },
      onattribute(name, value) {
        const top = stack[stack.length - 1];
        if (opened === undefined || name !== 'w:val' || !top) return;
        if (opened === 'w:pStyle') {
          // Without styles.xml, the built-in ids: Heading1…Heading9, Title.
          const builtIn = /^heading([1-9])$/i.exec(value)?.[1] ?? (/^title$/i.test(value) ? '1' : undefined);
          const level = headingStyles.get(value) ?? (builtIn ? Number(builtIn) : undefined);
          if (level !== undefined) top.level = level;
        } else {
          const level = Number(value) + 1;
          if (level >= 1 && level <= 9) top.level = level;
        }
      },
      onclosetag(name) {
        if (SKIP.has(name)) {
          skipDepth = Math.max(0, skipDepth - 1);
          return;
        }
        if (skipDepth > 0) return;
        if (name === 'w:t') inText = false;
        else if (name === 'w:p') {
          const p = stack.pop();
          if (p && p.text.trim() !== '') emit(p.text.replace(/[ \t]+/g, (m) => (m.includes('\t') ? '\t' : ' ')), p.level);
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
