/**
 * Word `.docx` → blocks. Only four parts are inflated, after their declared sizes are checked:
 * `word/document.xml` (the body), `word/styles.xml` (which paragraph styles are headings),
 * `word/footnotes.xml` and `word/endnotes.xml` (kept apart as notes), and `docProps/core.xml` (title,
 * author, date, language). Macros, pictures, embedded objects and everything else are never looked at.
 *
 * Kept: paragraphs (`w:p`: text, tabs, breaks, no-break and soft hyphens); headings — a paragraph
 * whose style is named `heading N` or `Title` (whatever its id: Russian Word calls them `1`, `2`…) or
 * has an outline level. Left out: deleted revisions, field codes, the note reference marks.
 *
 * Why not mammoth: it hands the whole package to JSZip, which inflates every entry (pictures too)
 * before anything is checked, so the size limits could only be checked beforehand with a second
 * reader anyway; it is async; and it reads neither the document's properties nor its notes apart.
 */
import { Parser } from 'htmlparser2';
import { DEFAULT_MAX_BYTES } from './decode';
import { ImportError, displayName } from './errors';
import { type Block, type DocumentMetadata, type DocumentNote, ExtractBudget, type Extracted, type ExtractLimits } from './extracted';
import { attribute, elements, firstElement, parseXml, textOf } from './xml';
import { isZip, readZipEntries, xmlText } from './zip';

const PARTS = ['word/document.xml', 'word/styles.xml', 'word/footnotes.xml', 'word/endnotes.xml', 'docProps/core.xml'];
const SKIP = new Set(['w:del', 'w:delText', 'w:instrText', 'mc:Fallback', 'w:footnoteReference', 'w:endnoteReference']);

export function readDocx(bytes: Uint8Array, fileName: string, limits: ExtractLimits & { maxBytes?: number } = {}): Extracted {
  const name = displayName(fileName);
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new ImportError(
      'unsupported-format',
      `“${name}” is an old Word document or a password-protected one; save it as .docx (without a password) or .txt`,
      name,
    );
  }
  if (!isZip(bytes)) throw new ImportError('unsupported-format', `“${name}” is not a Word .docx document (not a ZIP package)`, name);
  const files = readZipEntries(bytes, fileName, 'a Word .docx document', (p) => PARTS.includes(p), { maxInflated: (limits.maxBytes ?? DEFAULT_MAX_BYTES) * 4 });
  const document = files.get('word/document.xml');
  if (!document) throw new ImportError('unsupported-format', `“${name}” is not a Word document (no word/document.xml)`, name);
  const styles = files.get('word/styles.xml');
  const headingStyles = styles ? headingLevels(xmlText(styles)) : new Map<string, number>();
  const budget = new ExtractBudget(fileName, limits);
  const blocks = docxBlocks(xmlText(document), headingStyles, budget);
  const notes: DocumentNote[] = [];
  for (const part of ['word/footnotes.xml', 'word/endnotes.xml']) {
    const data = files.get(part);
    if (data) notes.push(...docxNotes(xmlText(data)));
  }
  const core = files.get('docProps/core.xml');
  return { blocks, notes, metadata: core ? coreMetadata(xmlText(core)) : {}, warnings: [] };
}

/** Paragraph style id → heading level, from `word/styles.xml`. */
function headingLevels(xml: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const style of elements(parseXml(xml), 'style')) {
    if (attribute(style, 'type') !== 'paragraph') continue;
    const id = attribute(style, 'styleId');
    const styleName = (attribute(firstElement(style, 'name') ?? style, 'val') ?? '').toLowerCase();
    const outline = firstElement(style, 'outlineLvl');
    const byName = /^heading\s*([1-9])$/.exec(styleName)?.[1];
    const level = byName ? Number(byName) : styleName === 'title' ? 1 : outline ? Number(attribute(outline, 'val') ?? 9) + 1 : undefined;
    if (id && level !== undefined && level >= 1 && level <= 9) out.set(id, level);
  }
  return out;
}

interface OpenParagraph {
  text: string;
  level?: number;
}

function paragraphParser(onParagraph: (p: OpenParagraph) => void, headingStyles: ReadonlyMap<string, number>, extra: Partial<{ onopen: (name: string, attributes: Record<string, string>) => void; onclose: (name: string) => void }> = {}): Parser {
  const stack: OpenParagraph[] = [];
  let skipDepth = 0;
  let inText = false;
  const append = (text: string) => {
    const top = stack[stack.length - 1];
    if (top) top.text += text;
  };
  return new Parser(
    {
      onopentag(tag, attributes) {
        extra.onopen?.(tag, attributes);
        if (SKIP.has(tag)) {
          skipDepth++;
          return;
        }
        if (skipDepth > 0) return;
        const top = stack[stack.length - 1];
        if (tag === 'w:p') stack.push({ text: '' });
        else if (tag === 'w:pStyle' && top) {
          const id = attributes['w:val'] ?? '';
          // Without styles.xml, the built-in ids: Heading1…Heading9, Title.
          const builtIn = /^heading([1-9])$/i.exec(id)?.[1] ?? (/^title$/i.test(id) ? '1' : undefined);
          const level = headingStyles.get(id) ?? (builtIn ? Number(builtIn) : undefined);
          if (level !== undefined) top.level = level;
        } else if (tag === 'w:outlineLvl' && top) {
          const level = Number(attributes['w:val'] ?? 9) + 1;
          if (level >= 1 && level <= 9) top.level = level;
        } else if (tag === 'w:t') inText = true;
        else if (tag === 'w:tab' || tag === 'w:ptab') append('\t');
        else if (tag === 'w:br' || tag === 'w:cr') append('\n');
        else if (tag === 'w:noBreakHyphen') append('\u2011');
        else if (tag === 'w:softHyphen') append('\u00ad');
      },
      onclosetag(tag) {
        extra.onclose?.(tag);
        if (SKIP.has(tag)) {
          skipDepth = Math.max(0, skipDepth - 1);
          return;
        }
        if (skipDepth > 0) return;
        if (tag === 'w:t') inText = false;
        else if (tag === 'w:p') {
          const p = stack.pop();
          if (p && p.text.trim() !== '') onParagraph({ ...p, text: p.text.replace(/[ \t]+/g, (m) => (m.includes('\t') ? '\t' : ' ')) });
        }
      },
      ontext(data) {
        if (skipDepth === 0 && inText) append(data);
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
}

function docxBlocks(xml: string, headingStyles: ReadonlyMap<string, number>, budget: ExtractBudget): Block[] {
  const blocks: Block[] = [];
  const parser = paragraphParser((p) => {
    budget.add(p.text);
    blocks.push(p.level !== undefined ? { kind: 'heading', level: p.level, text: p.text.replace(/\s+/g, ' ') } : { kind: 'paragraph', text: p.text });
  }, headingStyles);
  parser.write(xml);
  parser.end();
  return blocks;
}

function docxNotes(xml: string): DocumentNote[] {
  const notes: DocumentNote[] = [];
  let current: { id?: string; parts: string[] } | undefined;
  const parser = paragraphParser(
    (p) => current?.parts.push(p.text.trim()),
    new Map(),
    {
      onopen(tag, attributes) {
        if ((tag === 'w:footnote' || tag === 'w:endnote') && !/separator/i.test(attributes['w:type'] ?? '')) current = { ...(attributes['w:id'] ? { id: attributes['w:id'] } : {}), parts: [] };
      },
      onclose(tag) {
        if ((tag === 'w:footnote' || tag === 'w:endnote') && current) {
          const text = current.parts.join('\n').trim();
          if (text) notes.push({ ...(current.id ? { id: current.id } : {}), text });
          current = undefined;
        }
      },
    },
  );
  parser.write(xml);
  parser.end();
  return notes;
}

function coreMetadata(xml: string): DocumentMetadata {
  const doc = parseXml(xml);
  const out: DocumentMetadata = {};
  const set = (key: keyof DocumentMetadata, value: string | undefined) => {
    if (value) out[key] = value;
  };
  set('title', textOf(firstElement(doc, 'title')));
  set('author', textOf(firstElement(doc, 'creator')));
  set('date', textOf(firstElement(doc, 'created')).slice(0, 10));
  set('language', textOf(firstElement(doc, 'language')));
  return out;
}
