/**
 * FictionBook 2 (`.fb2`, and `.fb2.zip`: one .fb2 inside a ZIP) → blocks. Read as XML data
 * (htmlparser2), in the encoding its prolog declares (Windows-1251 is common) or the one detected.
 *
 * Kept: section titles as headings (nesting gives the level; the main body's own title is a level-1
 * heading), paragraphs, subtitles, epigraphs and citations (their paragraphs and their author lines),
 * poems (one paragraph per stanza, a line per verse), table rows (cells tab-separated). The notes
 * bodies (`<body name="notes">`, `comments`) are kept apart as notes, and the note references in the
 * text (`<a type="note">`) are dropped from it. Metadata from `<description>`: title, authors,
 * translators, date, language, publisher. Images and `<binary>` data are never decoded.
 */
import { Parser } from 'htmlparser2';
import { noteMark } from './note-marks';
import { DEFAULT_MAX_BYTES, decodeBytes } from './decode';
import { ImportError, displayName } from './errors';
import { type Block, type DocumentMetadata, ExtractBudget, type Extracted, type ExtractLimits } from './extracted';
import { elements, firstElement, parseXml, textOf } from './xml';
import { isZip, readZipEntries, zipDirectory } from './zip';

const END_PUNCTUATION = /[.!?…:;»"”)]$/u;

/** The .fb2 inside a .fb2.zip (the only one, or the first). */
function unzipFb2(bytes: Uint8Array, fileName: string, maxBytes = DEFAULT_MAX_BYTES): Uint8Array {
  const name = displayName(fileName);
  const entries = [...zipDirectory(bytes, fileName, 'a zipped FB2 book').keys()].filter((p) => /\.fb2$/i.test(p));
  if (entries.length === 0) throw new ImportError('unsupported-format', `“${name}” holds no .fb2 book`, name, { reason: 'not-fb2' });
  const files = readZipEntries(bytes, fileName, 'a zipped FB2 book', (p) => p === entries[0], { maxInflated: maxBytes });
  return files.get(entries[0]!)!;
}

export function readFb2(input: Uint8Array, fileName: string, limits: ExtractLimits & { maxBytes?: number } = {}): Extracted {
  const name = displayName(fileName);
  const bytes = isZip(input) ? unzipFb2(input, fileName, limits.maxBytes) : input;
  const declared = /^[^>]*<\?xml[^>]*encoding\s*=\s*["']([\w-]+)/i.exec(String.fromCharCode(...bytes.subarray(0, 200)))?.[1];
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_BYTES;
  const xml = decodeBytes(bytes, fileName, declared ? { maxBytes, declared } : { maxBytes }).text;
  if (!/<FictionBook[\s>]/.test(xml.slice(0, 4096))) {
    throw new ImportError('unsupported-format', `“${name}” is not a FictionBook (FB2) book`, name, { reason: 'not-fb2' });
  }
  const budget = new ExtractBudget(fileName, limits);
  const descriptionEnd = xml.indexOf('</description>');
  const metadata = descriptionEnd > 0 ? fb2Metadata(xml.slice(0, descriptionEnd + '</description>'.length)) : {};

  const blocks: Block[] = [];
  const notes: NonNullable<Extracted['notes']> = [];
  /** Note id → the block that refers to it (the first reference), and the key of the mark left there. */
  const references = new Map<string, { block: number; mark?: string }>();
  const tocBlocks: NonNullable<Extracted['tocBlocks']> = [];
  const stack: string[] = [];
  let bodyKind: 'main' | 'notes' | undefined;
  let sectionDepth = 0;
  let skip = 0;
  let text: string | undefined;
  let titleParts: string[] | undefined;
  let stanza: string[] | undefined;
  let row: string[] | undefined;
  let note: { id?: string; label?: string; parts: string[]; depth: number } | undefined;

  const emit = (block: Block) => {
    if (bodyKind === 'notes') {
      if (note && block.kind === 'paragraph') note.parts.push(block.text);
      return;
    }
    if (block.text.trim() === '') return;
    budget.add(block.text);
    blocks.push(block);
  };
  const parser = new Parser(
    {
      onopentag(tag, attributes) {
        stack.push(tag);
        if (skip > 0 || tag === 'binary' || tag === 'description') {
          skip++;
          return;
        }
        if (tag === 'body') {
          bodyKind = /^(notes|comments|footnotes)$/i.test(attributes.name ?? '') ? 'notes' : 'main';
          sectionDepth = 0;
        } else if (tag === 'section') {
          sectionDepth++;
          if (bodyKind === 'notes' && sectionDepth === 1) note = { ...(attributes.id ? { id: attributes.id } : {}), parts: [], depth: stack.length };
        } else if (tag === 'title') titleParts = [];
        else if (tag === 'stanza') stanza = [];
        else if (tag === 'tr') row = [];
        else if (tag === 'a' && attributes.type === 'note') {
          // The reference mark is left out of the text; the note remembers the paragraph it is in.
          const href = attributes['l:href'] ?? attributes['xlink:href'] ?? attributes.href ?? '';
          if (href.startsWith('#') && bodyKind === 'main' && !references.has(href.slice(1))) {
            // A placeholder where the mark stands, in a paragraph or a verse (not in a title).
            const mark = text !== undefined && !titleParts ? `r${references.size}` : undefined;
            if (mark !== undefined) text += noteMark(mark);
            references.set(href.slice(1), { block: blocks.length, ...(mark !== undefined ? { mark } : {}) });
          }
          skip++;
        }
        else if (tag === 'p' || tag === 'v' || tag === 'subtitle' || tag === 'text-author' || tag === 'td' || tag === 'th') text = '';
      },
      onclosetag(tag) {
        stack.pop();
        if (skip > 0) {
          skip--;
          return;
        }
        if (tag === 'p' || tag === 'subtitle' || tag === 'text-author') {
          const t = (text ?? '').replace(/\s+/g, ' ').trim();
          text = undefined;
          if (titleParts) titleParts.push(t);
          else if (t) emit({ kind: 'paragraph', text: t });
        } else if (tag === 'v') {
          const t = (text ?? '').replace(/\s+/g, ' ').trim();
          text = undefined;
          if (stanza && t) stanza.push(t);
          else if (t) emit({ kind: 'paragraph', text: t });
        } else if (tag === 'td' || tag === 'th') {
          row?.push((text ?? '').replace(/\s+/g, ' ').trim());
          text = undefined;
        } else if (tag === 'tr') {
          if (row && row.some((c) => c !== '')) emit({ kind: 'paragraph', text: row.join('\t') });
          row = undefined;
        } else if (tag === 'stanza') {
          if (stanza && stanza.length > 0) emit({ kind: 'paragraph', text: stanza.join('\n') });
          stanza = undefined;
        } else if (tag === 'title') {
          const parts = (titleParts ?? []).filter((p) => p !== '');
          titleParts = undefined;
          const title = parts.reduce((acc, p) => (acc === '' ? p : END_PUNCTUATION.test(acc) ? `${acc} ${p}` : `${acc}. ${p}`), '');
          if (title === '') return;
          const parent = stack[stack.length - 1];
          if (bodyKind === 'notes') {
            if (note && parent === 'section') note.label = title;
          } else if (parent === 'section' || parent === 'body') {
            const level = Math.max(1, Math.min(6, sectionDepth || 1));
            tocBlocks.push({ level, title, block: blocks.length });
            emit({ kind: 'heading', level, text: title });
          } else emit({ kind: 'paragraph', text: title }); // a poem's title
        } else if (tag === 'section') {
          if (note && bodyKind === 'notes' && stack.length + 1 === note.depth) {
            const body = note.parts.join('\n').trim();
            if (body) {
              const ref = note.id === undefined ? undefined : references.get(note.id);
              notes.push({ ...(note.id ? { id: note.id } : {}), ...(note.label ? { label: note.label } : {}), ...ref, text: body });
            }
            note = undefined;
          }
          sectionDepth = Math.max(0, sectionDepth - 1);
        } else if (tag === 'body') bodyKind = undefined;
      },
      ontext(data) {
        if (skip > 0) return;
        if (text !== undefined) text += data;
      },
    },
    { xmlMode: true, decodeEntities: true, recognizeCDATA: true },
  );
  parser.write(xml);
  parser.end();
  return { blocks, metadata, notes, tocBlocks, warnings: [] };
}

function fb2Metadata(descriptionXml: string): DocumentMetadata {
  const doc = parseXml(descriptionXml);
  const info = firstElement(doc, 'title-info');
  if (!info) return {};
  const person = (el: ReturnType<typeof firstElement>) =>
    el
      ? ['first-name', 'middle-name', 'last-name'].map((n) => textOf(firstElement(el, n))).filter(Boolean).join(' ') || textOf(firstElement(el, 'nickname'))
      : '';
  const date = firstElement(info, 'date');
  const publish = firstElement(doc, 'publish-info');
  const out: DocumentMetadata = {};
  const set = (key: keyof DocumentMetadata, value: string | undefined) => {
    if (value) out[key] = value;
  };
  set('title', textOf(firstElement(info, 'book-title')));
  set('author', elements(info, 'author').map(person).filter(Boolean).join(', '));
  set('translator', elements(info, 'translator').map(person).filter(Boolean).join(', '));
  set('date', (date?.attribs.value ?? '') || textOf(date));
  set('language', textOf(firstElement(info, 'lang')));
  if (publish) set('publisher', textOf(firstElement(publish, 'publisher')));
  return out;
}
