/**
 * OpenDocument Text (`.odt`) → blocks. Only `content.xml`, `meta.xml` and the package manifest are
 * inflated (sizes checked first); styles, pictures, macros and embedded objects are never looked at.
 *
 * Kept: headings (`text:h`, their outline level), paragraphs (`text:p`, also inside lists and table
 * cells), spaces (`text:s`), tabs and line breaks. Footnotes and endnotes (`text:note`) are kept
 * apart as notes, their citation marks dropped from the text; comments (`office:annotation`) and
 * tracked deletions are left out. Metadata from `meta.xml`: title, author (the initial creator),
 * creation date, language. A password-protected document is refused (`encrypted`).
 */
import { Parser } from 'htmlparser2';
import { noteMark } from './note-marks';
import { DEFAULT_MAX_BYTES } from './decode';
import { ImportError, displayName } from './errors';
import { type Block, type DocumentMetadata, ExtractBudget, type Extracted, type ExtractLimits } from './extracted';
import { elements, firstElement, parseXml, textOf } from './xml';
import { readZipEntries, xmlText } from './zip';

const SKIP = new Set(['office:annotation', 'text:tracked-changes', 'text:note-citation', 'office:forms', 'text:sequence-decls', 'draw:object', 'svg:desc', 'svg:title']);

export function readOdt(bytes: Uint8Array, fileName: string, limits: ExtractLimits & { maxBytes?: number } = {}): Extracted {
  const name = displayName(fileName);
  const what = 'an OpenDocument text';
  const parts = ['content.xml', 'meta.xml', 'META-INF/manifest.xml', 'mimetype'];
  const files = readZipEntries(bytes, fileName, what, (p) => parts.includes(p), { maxInflated: (limits.maxBytes ?? DEFAULT_MAX_BYTES) * 4 });
  const mimetype = files.get('mimetype');
  if (mimetype && !xmlText(mimetype).startsWith('application/vnd.oasis.opendocument.text')) {
    throw new ImportError('unsupported-format', `“${name}” is an OpenDocument file but not a text document (${xmlText(mimetype).trim().slice(0, 60)})`, name, {
      reason: 'not-odt',
    });
  }
  const manifest = files.get('META-INF/manifest.xml');
  if (manifest && /<manifest:encryption-data\b/.test(xmlText(manifest))) {
    throw new ImportError('encrypted', `“${name}” is protected by a password; save it without one and import it again`, name);
  }
  const content = files.get('content.xml');
  if (!content) throw new ImportError('unsupported-format', `“${name}” is not a readable OpenDocument text (no content.xml)`, name, { reason: 'not-odt' });
  const meta = files.get('meta.xml');
  const { blocks, notes } = odtContent(xmlText(content), new ExtractBudget(fileName, limits));
  return { blocks, notes, metadata: meta ? odtMetadata(xmlText(meta)) : {}, warnings: [] };
}

function odtContent(xml: string, budget = new ExtractBudget('content.xml')): { blocks: Block[]; notes: NonNullable<Extracted['notes']> } {
  const blocks: Block[] = [];
  const notes: NonNullable<Extracted['notes']> = [];
  /** Open paragraphs (a note's paragraphs open inside a body paragraph). */
  const stack: Array<{ text: string; level?: number }> = [];
  let skip = 0;
  let note: { parts: string[]; label?: string; depth: number; block: number; mark?: string } | undefined;
  let marks = 0;
  let citation = '';
  let inCitation = false;
  let inBody = false;
  const append = (text: string) => {
    const top = stack[stack.length - 1];
    if (top) top.text += text;
  };
  const parser = new Parser(
    {
      onopentag(tag, attributes) {
        if (tag === 'text:note-citation') inCitation = true;
        if (skip > 0 || SKIP.has(tag)) {
          skip++;
          return;
        }
        if (tag === 'office:text') inBody = true;
        else if (tag === 'text:note' && !note) {
          // A placeholder where the citation stands in the body's paragraph (`note-marks.ts`).
          const mark = inBody && stack.length > 0 ? `r${marks++}` : undefined;
          if (mark !== undefined) append(noteMark(mark));
          note = { parts: [], depth: stack.length, block: blocks.length, ...(mark !== undefined ? { mark } : {}) };
        }
        else if (tag === 'text:p' || tag === 'text:h') {
          const level = tag === 'text:h' ? Number(attributes['text:outline-level'] ?? 1) || 1 : undefined;
          stack.push(level !== undefined ? { text: '', level } : { text: '' });
        } else if (tag === 'text:s') append(' '.repeat(Math.min(100, Number(attributes['text:c'] ?? 1) || 1)));
        else if (tag === 'text:tab') append('\t');
        else if (tag === 'text:line-break') append('\n');
      },
      onclosetag(tag) {
        if (tag === 'text:note-citation') inCitation = false;
        if (skip > 0) {
          skip--;
          return;
        }
        if (tag === 'office:text') inBody = false;
        else if (tag === 'text:p' || tag === 'text:h') {
          const p = stack.pop();
          const text = (p?.text ?? '').replace(/[ \t]+/g, (m) => (m.includes('\t') ? '\t' : ' ')).trim();
          if (!text || !inBody) return;
          if (note) {
            note.parts.push(text);
            return;
          }
          budget.add(text);
          blocks.push(p?.level !== undefined ? { kind: 'heading', level: p.level, text: text.replace(/\n/g, ' ') } : { kind: 'paragraph', text });
        } else if (tag === 'text:note' && note) {
          const body = note.parts.join('\n');
          if (body) notes.push({ ...(citation.trim() ? { label: citation.trim() } : {}), block: note.block, ...(note.mark !== undefined ? { mark: note.mark } : {}), text: body });
          note = undefined;
          citation = '';
        }
      },
      ontext(data) {
        if (inCitation) {
          citation += data;
          return;
        }
        if (skip === 0) append(data.replace(/[\n\r]+/g, ' '));
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  return { blocks, notes };
}

function odtMetadata(xml: string): DocumentMetadata {
  const doc = parseXml(xml);
  const meta = firstElement(doc, 'meta');
  if (!meta) return {};
  const pick = (...names: string[]) => {
    for (const n of names) {
      const v = textOf(elements(meta, n)[0]);
      if (v) return v;
    }
    return undefined;
  };
  const out: DocumentMetadata = {};
  const set = (key: keyof DocumentMetadata, value: string | undefined) => {
    if (value) out[key] = value;
  };
  set('title', pick('title'));
  set('author', pick('initial-creator', 'creator'));
  // When the text was made (`meta:creation-date`), else when it was last saved (`dc:date`): as its day.
  set('date', (pick('creation-date') ?? pick('date'))?.slice(0, 10));
  set('language', pick('language'));
  return out;
}
