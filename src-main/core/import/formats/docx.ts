/**
 * `.docx`: five parts are inflated, each as a stream (`zip.ts`), decoded and parsed as it comes
 * (htmlparser2 in XML mode), all charged to the one budget (bytes inflated, XML elements):
 * `word/styles.xml` (which paragraph styles are headings), `word/document.xml` (the body: its
 * paragraphs — `w:p`, `w:t`, tabs and breaks — charged one by one), `word/footnotes.xml` and
 * `word/endnotes.xml` (kept apart as notes, each with the paragraph that refers to it), and
 * `docProps/core.xml` (the file's details: title, author, date, language). Deleted revisions,
 * field codes and the note reference marks are left out of the text; macros, pictures, embedded
 * objects and everything else in the package are never looked at. A hostile package is stopped
 * at the first limit it passes: bytes inflated, elements, characters or paragraphs.
 *
 * Why not mammoth: it hands the whole package to JSZip, which inflates every entry (pictures too)
 * before anything could be checked; it is async; and it reads neither the properties nor the
 * notes apart. Streaming parts through fflate and htmlparser2 (both already here) keeps the limits.
 */
import { Parser } from 'htmlparser2';
import iconv from 'iconv-lite';
import { ImportError } from '../errors';
import type { DocumentMetadata, DocumentNote } from '../extracted';
import { importWarning } from '../warnings';
import { ParagraphSink } from './paragraphs';
import { noteMark } from '../note-marks';
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
    /** `footnote:2` → the paragraph that refers to the note, and the note's number in reading order. */
    const references = new Map<string, { paragraph: number; label: string; offset?: number }>();
    const counts = { footnote: 0, endnote: 0 };
    const xml = docxXmlParser(
      (p, heading, refs) => {
        sink.add(p, heading);
        // A reference in a paragraph with no text of its own belongs to the paragraph before it.
        const paragraph = Math.max(0, sink.kept.length - 1);
        for (const ref of refs ?? []) {
          if (references.has(ref)) continue;
          const at = sink.marks.get(ref);
          const label = String(++counts[ref.startsWith('endnote') ? 'endnote' : 'footnote']);
          references.set(ref, at ? { paragraph: at.paragraph, offset: at.offset, label } : { paragraph, label });
        }
      },
      (n) => sink.pending(n),
      () => budget.element(),
      headingStyles,
    );
    const found = streamXmlPart(bytes, 'word/document.xml', budget, xml);
    if (!found) throw new ImportError('unsupported-format', `“${name}” is not a Word document (no word/document.xml)`, name, { reason: 'no-document-xml' });
    const notes: DocumentNote[] = [];
    for (const kind of ['footnote', 'endnote'] as const) {
      // The notes' text counts with the body's against the character limit (they are kept with the document).
      streamXmlPart(bytes, `word/${kind}s.xml`, budget, notesXmlParser(kind, references, notes, () => budget.element(), (n) => budget.pending(n)));
    }
    const metadata: DocumentMetadata = {};
    streamXmlPart(bytes, 'docProps/core.xml', budget, coreXmlParser(metadata, () => budget.element()));
    // Notes are kept apart from the text (not aligned), and the reader is told so.
    const doc = sink.finish('docx', 'docx', notes.length > 0 ? [importWarning('notes-apart', { count: notes.length })] : [], metadata.title);
    return { ...doc, metadata, ...(notes.length > 0 ? { notes } : {}) };
  },
};

/**
 * A streaming parser of `word/footnotes.xml` or `word/endnotes.xml`: each note's paragraphs (as the
 * body's are read), with the paragraph of the body that refers to it. Separators are left out.
 */
function notesXmlParser(
  kind: 'footnote' | 'endnote',
  references: ReadonlyMap<string, { paragraph: number; label: string; offset?: number }>,
  out: DocumentNote[],
  element: () => void,
  /** Called with the characters of notes read so far (this part's and the ones before). */
  characters: (total: number) => void,
): { write(text: string): void; end(): void } {
  const tag = `w:${kind}`;
  let note: { id: string; parts: string[]; skip: boolean } | undefined;
  let opened = false;
  let total = out.reduce((n, o) => n + o.text.length, 0);
  const body = docxXmlParser((p) => {
    total += p.length;
    characters(total);
    note?.parts.push(p.trim());
  }, undefined, element, new Map(), {
    onopentagname(name) {
      opened = name === tag;
      if (opened) note = { id: '', parts: [], skip: false };
    },
    onattribute(name, value) {
      if (!opened || !note) return;
      if (name === 'w:id') note.id = value;
      else if (name === 'w:type' && /separator|continuationNotice/i.test(value)) note.skip = true;
    },
    onclosetag(name) {
      if (name !== tag || !note) return;
      const text = note.parts.filter((p) => p !== '').join('\n');
      if (!note.skip && text !== '') {
        const ref = references.get(`${kind}:${note.id}`);
        out.push({ id: `${kind}-${note.id}`, ...(ref ? { label: ref.label, paragraph: ref.paragraph, ...(ref.offset !== undefined ? { offset: ref.offset } : {}) } : {}), text });
      }
      note = undefined;
    },
  });
  return body;
}

/**
 * A streaming parser of `docProps/core.xml` (Dublin Core): title, creator (the author), language,
 * and the date the text was made — `dcterms:created`, else `dc:date`, else `dcterms:modified` — as
 * its day (`2020-06-17`). Only what the file gives; never the import date.
 */
function coreXmlParser(out: DocumentMetadata, element: () => void): { write(text: string): void; end(): void } {
  const values = new Map<string, string>();
  let open: string | undefined;
  const parser = new Parser(
    {
      onopentagname(name) {
        element();
        open = name;
      },
      ontext(data) {
        if (open === undefined) return;
        const now = (values.get(open) ?? '') + data;
        if (now.length <= 1000) values.set(open, now);
      },
      onclosetag() {
        open = undefined;
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  /** A value by local name, whatever the prefix the file binds (`dc:title`, `ns0:title`). */
  const get = (local: string) => {
    for (const [name, value] of values) if ((name === local || name.endsWith(`:${local}`)) && value.trim() !== '') return value.trim();
    return undefined;
  };
  return {
    write: (text) => parser.write(text),
    end: () => {
      parser.end();
      const set = (key: keyof DocumentMetadata, value: string | undefined) => {
        if (value) out[key] = value.replace(/\s+/g, ' ');
      };
      set('title', get('title'));
      set('author', get('creator'));
      set('language', get('language'));
      const date = get('created') ?? get('date') ?? get('modified');
      set('date', date && /^\d{4}-\d{2}-\d{2}/.test(date) ? date.slice(0, 10) : date);
    },
  };
}

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
  emit: (paragraph: string, heading?: number, references?: string[]) => void,
  pending?: (length: number) => void,
  element?: () => void,
  headingStyles: ReadonlyMap<string, number> = new Map(),
  outer: { onopentagname(name: string): void; onattribute(name: string, value: string): void; onclosetag(name: string): void } | undefined = undefined,
): { write(text: string): void; end(): void } {
  /** `references`: the notes the paragraph refers to (`footnote:2`, `endnote:1`). */
  const stack: Array<{ text: string; level?: number; references?: string[] }> = [];
  let skipDepth = 0;
  let inText = false;
  /** The element whose attribute is being read: a heading level (`w:val`) or a note reference (`w:id`). */
  let opened: 'w:pStyle' | 'w:outlineLvl' | 'w:footnoteReference' | 'w:endnoteReference' | undefined;
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
        outer?.onopentagname(name);
        opened = undefined;
        if ((name === 'w:footnoteReference' || name === 'w:endnoteReference') && skipDepth === 0 && stack.length > 0) opened = name;
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
        outer?.onattribute(name, value);
        const top = stack[stack.length - 1];
        if ((opened === 'w:footnoteReference' || opened === 'w:endnoteReference') && name === 'w:id' && top) {
          const ref = `${opened === 'w:endnoteReference' ? 'endnote' : 'footnote'}:${value}`;
          (top.references ??= []).push(ref);
          // In the body (not in a note): a placeholder where the mark stands (`note-marks.ts`).
          if (!outer) top.text += noteMark(ref);
          return;
        }
        if ((opened !== 'w:pStyle' && opened !== 'w:outlineLvl') || name !== 'w:val' || !top) return;
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
        outer?.onclosetag(name);
        if (SKIP.has(name)) {
          skipDepth = Math.max(0, skipDepth - 1);
          return;
        }
        if (skipDepth > 0) return;
        if (name === 'w:t') inText = false;
        else if (name === 'w:p') {
          const p = stack.pop();
          if (p && (p.text.trim() !== '' || p.references)) emit(p.text.replace(/[ \t]+/g, (m) => (m.includes('\t') ? '\t' : ' ')), p.level, p.references);
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
