/**
 * PDF with a text layer → blocks, through pdfjs-dist (its legacy build, which runs in Node and in
 * a worker thread). pdfjs runs in this thread ("fake worker": no worker of its own is started and
 * nothing is fetched), with `eval`, font loading, system fonts, XFA and scripting off; only the
 * text content of each page is asked for — no rendering.
 *
 * From the text items, per page: lines (items on one baseline), then paragraphs — a new paragraph
 * where the gap to the line above is clearly larger than the page's usual line spacing, where a
 * line is indented against the page's left margin, or where the text size changes (a larger size
 * is a heading). A hyphen at a line end before a lower-case letter is undone (`impor-` + `tant` →
 * `important`). Running headers and footers — lines at the top or bottom of most pages, the same
 * text (digits aside) at the same height — and bare page numbers are dropped. A paragraph that
 * runs over a page break is joined again.
 *
 * Refused: a PDF with no text at all ("no text layer": a scan), a password-protected one.
 */
import { ImportError, displayName } from './errors';
import { type Block, type DocumentMetadata, ExtractBudget, type Extracted, type ExtractLimits } from './extracted';

/** Pages read at most. */
const MAX_PDF_PAGES = 20_000;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsLoading: Promise<PdfJs> | undefined;

/** pdfjs, with its worker code loaded into this thread (so `getDocument` starts no worker and fetches no script). */
async function loadPdfJs(): Promise<PdfJs> {
  pdfjsLoading ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return pdfjsLoading;
}

export interface PdfLineItem {
  text: string;
  x: number;
  /** Baseline, from the bottom of the page. */
  y: number;
  /** Right end of the line. */
  right: number;
  size: number;
}

export interface PdfPageLines {
  lines: PdfLineItem[];
  height: number;
}

interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}

/** Text items → lines (top to bottom), items on one baseline joined left to right. */
export function linesOf(items: readonly TextItemLike[]): PdfLineItem[] {
  const rows: Array<{ y: number; size: number; parts: Array<{ x: number; right: number; text: string }> }> = [];
  for (const item of items) {
    if (item.str === '') continue;
    const [a = 0, b = 0, , d = 0, x = 0, y = 0] = item.transform;
    const size = Math.hypot(a, b) || Math.abs(d) || item.height || 10;
    let row = rows.find((r) => Math.abs(r.y - y) <= Math.max(1, Math.min(r.size, size) * 0.3));
    if (!row) {
      row = { y, size, parts: [] };
      rows.push(row);
    }
    row.size = Math.max(row.size, size);
    row.parts.push({ x, right: x + item.width, text: item.str });
  }
  return rows
    .sort((p, q) => q.y - p.y)
    .map((row) => {
      row.parts.sort((p, q) => p.x - q.x);
      let text = '';
      let lastRight: number | undefined;
      for (const part of row.parts) {
        // A gap of more than a fifth of the text size between items is a space the PDF did not write.
        if (lastRight !== undefined && part.x - lastRight > row.size * 0.2 && !/\s$/.test(text) && !/^\s/.test(part.text)) text += ' ';
        text += part.text;
        lastRight = part.right;
      }
      return { text: text.replace(/\s+/g, ' ').trim(), x: row.parts[0]!.x, y: row.y, right: lastRight ?? row.parts[0]!.x, size: row.size };
    })
    .filter((line) => line.text !== '');
}

const normalKey = (line: PdfLineItem) => `${Math.round(line.y / 4)}|${line.text.replace(/\d+/g, '#').toLocaleLowerCase()}`;
const PAGE_NUMBER = /^(?:[-–—]\s*)?(?:(?:page|p\.|стр\.?|страница|с\.)\s*)?(?:\d{1,5}|[ivxlcdm]{1,7})(?:\s*(?:of|из|\/)\s*\d{1,5})?(?:\s*[-–—])?$/i;

/**
 * Drops running headers/footers (the same text, digits aside, at the same height within the top or
 * bottom three lines — and in the top or bottom 8% of the page — of at least half the pages, when there are two pages or more) and bare page
 * numbers at the top or bottom of a page.
 */
export function dropFurniture(pages: readonly PdfPageLines[]): PdfLineItem[][] {
  /** The first and last three lines, if they lie in the top or bottom 8% of the page (inside the usual one-inch margin). */
  const edge = (page: PdfPageLines) =>
    new Set([...page.lines.slice(0, 3), ...page.lines.slice(-3)].filter((l) => l.y > page.height * 0.92 || l.y < page.height * 0.08));
  const counts = new Map<string, number>();
  for (const page of pages) {
    const seen = new Set<string>();
    for (const line of edge(page)) seen.add(normalKey(line));
    for (const key of seen) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const repeated = (line: PdfLineItem) => pages.length >= 2 && (counts.get(normalKey(line)) ?? 0) >= Math.max(2, Math.ceil(pages.length / 2));
  return pages.map((page) => {
    const edges = edge(page);
    return page.lines.filter((line) => !(edges.has(line) && (repeated(line) || PAGE_NUMBER.test(line.text))));
  });
}

const median = (values: readonly number[]) => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
const SENTENCE_END = /[.!?…:;»"”)\]]$/u;

/** Joins a line to the paragraph so far, undoing a hyphen at the line end before a lower-case letter. */
export function joinLine(paragraph: string, line: string): string {
  if (paragraph === '') return line;
  const hyphen = /(\p{L})[-\u00ad]$/u.exec(paragraph);
  if (hyphen && /^\p{Ll}/u.test(line)) return paragraph.slice(0, -1) + line;
  if (hyphen && /^[\p{Lu}\p{N}]/u.test(line) && paragraph.endsWith('-')) return paragraph + line; // well-|Known: a real hyphen
  if (paragraph.endsWith('\u00ad')) return paragraph.slice(0, -1) + line;
  return `${paragraph} ${line}`;
}

/** Lines of every page (furniture dropped) → headings and paragraphs. */
export function paragraphsOf(pages: readonly PdfLineItem[][]): Block[] {
  const all = pages.flat();
  const bodySize = median(all.map((l) => l.size)) || 10;
  const blocks: Block[] = [];
  let current: { text: string; size: number; heading: boolean } | undefined;
  /** The current paragraph's last line ended short of the right margin (its last line). */
  let lastEndedShort = false;
  const flush = () => {
    if (current && current.text !== '') {
      blocks.push(current.heading ? { kind: 'heading', level: current.size >= bodySize * 1.6 ? 1 : 2, text: current.text } : { kind: 'paragraph', text: current.text });
    }
    current = undefined;
  };
  for (const [pageIndex, lines] of pages.entries()) {
    const bodyLines = lines.filter((l) => Math.abs(l.size - bodySize) < bodySize * 0.15);
    const gaps: number[] = [];
    for (let k = 1; k < lines.length; k++) if (lines[k]!.size === lines[k - 1]!.size) gaps.push(lines[k - 1]!.y - lines[k]!.y);
    // The usual line spacing is the smallest one (paragraph gaps are larger); the left margin the leftmost body line.
    const spacing = Math.min(...gaps.filter((g) => g > bodySize * 0.5), Number.POSITIVE_INFINITY);
    const left = Math.min(...(bodyLines.length > 0 ? bodyLines : lines).map((l) => l.x));
    const right = Math.max(...bodyLines.map((l) => l.right), 0);
    /**
     * A line that stops short of the right margin by more than the next line's first word needs:
     * its paragraph ended there (otherwise the word would have been set on it).
     */
    const endedShort = (line: PdfLineItem, next: PdfLineItem | undefined) => {
      if (right <= 0) return false;
      const charWidth = (line.right - line.x) / Math.max(1, line.text.length) || line.size * 0.5;
      const nextWord = next ? (next.text.split(' ', 1)[0]?.length ?? 0) + 1 : 8;
      return right - line.right > nextWord * charWidth * 1.5 + line.size;
    };
    lines.forEach((line, k) => {
      const heading = line.size > bodySize * 1.15;
      const previous = k > 0 ? lines[k - 1] : undefined;
      let breakHere: boolean;
      if (!current) breakHere = true;
      else if (heading !== current.heading || Math.abs(line.size - current.size) > bodySize * 0.15) breakHere = true;
      else if (previous) {
        const gap = previous.y - line.y;
        breakHere =
          (Number.isFinite(spacing) && gap > spacing * 1.35) ||
          line.x > left + bodySize * 0.9 ||
          (SENTENCE_END.test(current.text) && line.x - left < bodySize * 0.9 && endedShort(previous, line));
      } else {
        // first line of a page: continue the paragraph from the page before unless it ended a sentence short of the margin, or this line is indented
        breakHere = line.x > left + bodySize * 0.9 || (SENTENCE_END.test(current.text) && lastEndedShort) || pageIndex === 0;
      }
      if (breakHere) {
        flush();
        current = { text: line.text, size: line.size, heading };
      } else current!.text = joinLine(current!.text, line.text);
      lastEndedShort = endedShort(line, lines[k + 1]);
    });
  }
  flush();
  return blocks;
}

const pdfDate = (value: unknown): string | undefined => {
  const m = typeof value === 'string' ? /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(value) : null;
  if (!m) return undefined;
  return [m[1], m[2], m[3]].filter(Boolean).join('-');
};

/**
 * The file's details: its XMP metadata (Dublin Core, UTF-8: what producers fill with care) where it
 * has them, else the Info dictionary — title, author, the creation date (as its day), language
 * (the catalogue's /Lang), publisher. Only what the file gives.
 */
function pdfMetadata(info: Record<string, unknown>, xmp: { get(name: string): unknown } | null): DocumentMetadata {
  const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '').join(', ') || undefined : undefined);
  const fromXmp = (name: string) => (xmp ? str(xmp.get(name)) : undefined);
  const isoDay = (v: string | undefined) => (v && /^\d{4}(-\d{2}){0,2}/.exec(v)?.[0]) || undefined;
  const metadata: DocumentMetadata = {};
  const set = (key: keyof DocumentMetadata, value: string | undefined) => {
    if (value) metadata[key] = value;
  };
  set('title', fromXmp('dc:title') ?? str(info.Title));
  set('author', fromXmp('dc:creator') ?? str(info.Author));
  set('date', isoDay(fromXmp('xmp:createdate')) ?? pdfDate(info.CreationDate) ?? isoDay(fromXmp('dc:date')));
  set('language', str(info.Language) ?? fromXmp('dc:language'));
  set('publisher', fromXmp('dc:publisher'));
  return metadata;
}

/** Reads a PDF's text layer. Async: pdfjs answers with promises. */
export async function readPdf(bytes: Uint8Array, fileName: string, limits: ExtractLimits & { onPage?: (page: number, pages: number) => void } = {}): Promise<Extracted> {
  const name = displayName(fileName);
  if (bytes.length < 8 || String.fromCharCode(...bytes.subarray(0, 5)) !== '%PDF-') {
    throw new ImportError('unsupported-format', `“${name}” is not a PDF`, name, { reason: 'not-pdf' });
  }
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes), // a copy (pdfjs takes the buffer over; it refuses a Node Buffer)
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (error) {
    const kind = (error as { name?: string }).name;
    if (kind === 'PasswordException') {
      throw new ImportError('encrypted', `“${name}” is protected by a password; remove the password (or print it to a new PDF) and import it again`, name);
    }
    throw new ImportError('unsupported-format', `“${name}” is not a readable PDF (${kind === 'InvalidPDFException' ? 'damaged or not a PDF' : 'it could not be opened'})`, name, {
      reason: 'damaged-pdf',
    });
  }
  try {
    if (doc.numPages > MAX_PDF_PAGES) throw new ImportError('too-large', `“${name}” has ${doc.numPages.toLocaleString('en')} pages; too large to import`, name);
    const budget = new ExtractBudget(fileName, limits);
    const pages: PdfPageLines[] = [];
    let characters = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent({ includeMarkedContent: false, disableNormalization: false });
      const lines = linesOf(content.items.filter((item): item is TextItemLike & (typeof content.items)[number] => 'str' in item));
      for (const line of lines) characters += line.text.length;
      // Stop reading pages as soon as the text is past the limit.
      if (characters > (limits.maxCharacters ?? Number.POSITIVE_INFINITY)) {
        throw new ImportError('too-large', `“${name}” holds more than ${limits.maxCharacters!.toLocaleString('en')} characters of text; too large to import`, name);
      }
      pages.push({ lines, height: page.view[3] ?? 842 });
      page.cleanup();
      limits.onPage?.(n, doc.numPages);
    }
    if (characters === 0) {
      throw new ImportError('no-text-layer', `“${name}” has no text layer (it is a scan or a picture of text); run it through text recognition (OCR) first`, name);
    }
    const blocks = paragraphsOf(dropFurniture(pages));
    for (const block of blocks) budget.add(block.text);
    const { info, metadata: xmp } = (await doc.getMetadata().catch(() => ({ info: {}, metadata: null }))) as { info: Record<string, unknown>; metadata: { get(name: string): unknown } | null };
    return { blocks, metadata: pdfMetadata(info, xmp), warnings: [] };
  } finally {
    await doc.destroy();
  }
}
