/**
 * Export of a document's annotations — Markdown to read (and to keep in Obsidian or Joplin), and
 * W3C Web Annotation JSON-LD to exchange — and import of that JSON-LD. Pure: no Node APIs.
 */
import { z } from 'zod';
import type { AnnotationImportError, AnnotationRejectionCode, MessageParams } from '../../contract/ipc';
import type { Lang } from '../model';
import type { AnchoringDocument, RowInfo } from './anchoring';
import { type Annotation, type AnnotationView, type TextQuoteSelector, ANNOTATION_COLORS, normaliseTags } from './model';
import { LIMITS, annotationSchema, clauseIdSchema, rowIdSchema } from './schema';

const LANG_NAMES: Record<Lang, string> = { en: 'English', ru: 'Russian' };

export interface ExportDocument {
  id: string;
  title: { en: string; ru: string };
  date: string;
}

// ---------------------------------------------------------------------------------------------
// Markdown

/**
 * Markdown grouped by paragraph (in reading order; what can no longer be placed comes last), each
 * annotation with its quote, the aligned row(s) in both languages, its note, `#tags`, colour and
 * date; YAML front matter on top.
 */
export function exportMarkdown(
  document: ExportDocument,
  views: readonly AnnotationView[],
  doc: AnchoringDocument,
  exportedAt: Date,
): string {
  const rowOrder = new Map(doc.rows.map((row, i) => [row.id, i]));
  const placed = views.map((view) => {
    const rows = rowsOf(view, doc);
    const first = rows[0];
    const start = view.anchor.status === 'anchored' && view.anchor.type === 'text' ? view.anchor.start : 0;
    return { view, rows, paragraph: first?.paragraph, order: first ? (rowOrder.get(first.id) ?? 0) : 0, start };
  });
  placed.sort(
    (a, b) => a.order - b.order || a.start - b.start || a.view.createdAt.localeCompare(b.view.createdAt),
  );

  const out: string[] = [
    '---',
    `title: ${yamlString(`${document.title.en} / ${document.title.ru}`)}`,
    `document: ${yamlString(document.id)}`,
    `date: ${yamlString(document.date)}`,
    `exported: ${yamlString(exportedAt.toISOString())}`,
    `annotations: ${views.length}`,
    '---',
    '',
    `# ${safeText(oneLine(document.title.en))}`,
    '',
    `*${safeText(oneLine(document.title.ru))}*`,
    '',
  ];
  if (views.length === 0) out.push('No notes yet.', '');

  const paragraphs = [...new Set(placed.filter((p) => p.paragraph !== undefined).map((p) => p.paragraph as number))];
  for (const paragraph of paragraphs) {
    out.push(`## ${paragraph === 0 ? 'Title' : `Paragraph ${paragraph}`}`, '');
    for (const item of placed.filter((p) => p.paragraph === paragraph)) out.push(...annotationMarkdown(item.view, item.rows, doc));
  }
  const orphans = placed.filter((p) => p.paragraph === undefined);
  if (orphans.length > 0) {
    out.push('## Not found in the current text', '');
    for (const item of orphans) out.push(...annotationMarkdown(item.view, [], doc));
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

function rowsOf(view: AnnotationView, doc: AnchoringDocument): RowInfo[] {
  const anchor = view.anchor;
  if (anchor.status !== 'anchored') return [];
  const ids = anchor.type === 'row' ? [anchor.rowId] : anchor.rowIds;
  return ids.map((id) => doc.rowById.get(id)).filter((row): row is RowInfo => row !== undefined);
}

function annotationMarkdown(view: AnnotationView, rows: readonly RowInfo[], doc: AnchoringDocument): string[] {
  const kind = view.target.type === 'row' ? 'Comparison note' : view.kind === 'note' ? 'Note' : 'Highlight';
  const out = [`### ${kind} · ${view.color} · ${view.createdAt.slice(0, 10)}`, ''];
  if (view.target.type === 'text') {
    const quote = view.target.selectors[0].exact;
    out.push(`${LANG_NAMES[view.target.lang]} quote:`, '', ...blockquote(quote), '');
  }
  if (rows.length > 0) {
    for (const lang of ['en', 'ru'] as const) {
      const text = rows
        .map((row) => row.ranges[lang])
        .filter((r) => r !== null)
        .map((r) => doc.sources[lang].text.slice(r.start, r.end))
        .join(' ');
      out.push(`**${LANG_NAMES[lang]}:**`, '', ...blockquote(text === '' ? '(no counterpart)' : text), '');
    }
  } else if (view.target.type === 'row') {
    for (const lang of ['en', 'ru'] as const) {
      const exact = view.target.quotes[lang].exact;
      out.push(`**${LANG_NAMES[lang]}:**`, '', ...blockquote(exact === '' ? '(no counterpart)' : exact), '');
    }
  }
  if (view.note !== '') out.push(...view.note.split(/\r\n|\r|\n/).map((line) => escapeLine(safeText(line))), '');
  if (view.tags.length > 0) out.push(view.tags.map((t) => `#${safeText(t).replace(/\s+/g, '_')}`).join(' '), '');
  if (view.updatedAt !== view.createdAt) out.push(`*Edited ${view.updatedAt.slice(0, 10)}*`, '');
  return out;
}

function blockquote(text: string): string[] {
  return text.split(/\r\n|\r|\n/).map((line) => (line === '' ? '>' : `> ${safeText(line)}`));
}

/**
 * What the reader wrote (or imported) as text that Markdown shows as written: control characters
 * (NUL, escape sequences, C1 controls; tab is kept) dropped, and `&`, `<`, `>` written as entities,
 * so that no note becomes HTML — a `<script>` in a note stays words in a Markdown viewer.
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

function safeText(text: string): string {
  return text
    .replace(CONTROL, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** A note line that would otherwise turn into a heading, quote, rule or front matter. */
function escapeLine(line: string): string {
  return /^\s{0,3}(#{1,6}(\s|$)|>|---|===)/.test(line) ? `\\${line.trimStart()}` : line;
}

function oneLine(text: string): string {
  return text.replace(CONTROL, '').replace(/\s+/g, ' ').trim();
}

function yamlString(text: string): string {
  return JSON.stringify(oneLine(text));
}

// ---------------------------------------------------------------------------------------------
// W3C Web Annotation JSON-LD

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const CLAUSE_SCHEME = 'urn:bitext:clause';
const ROW_SCHEME = 'urn:bitext:row';
const COLOR_CLASS = 'bitext-color-';

export function sourceOf(documentId: string, lang: Lang): string {
  return `urn:bitext:${documentId}:${lang}`;
}

/** An `AnnotationCollection` with one page holding every annotation. */
export function exportJsonLd(document: ExportDocument, annotations: readonly Annotation[], exportedAt: Date): string {
  const items = annotations.map((a) => toWebAnnotation(a));
  const collection = {
    '@context': ANNO_CONTEXT,
    id: `urn:bitext:${document.id}:annotations`,
    type: 'AnnotationCollection',
    label: `${document.title.en} / ${document.title.ru}`,
    generated: exportedAt.toISOString(),
    generator: { type: 'Software', name: 'Bitext Reader' },
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
  return `${JSON.stringify(collection, null, 2)}\n`;
}

function toWebAnnotation(a: Annotation) {
  const body: Array<Record<string, string>> = [];
  if (a.note !== '') body.push({ type: 'TextualBody', purpose: 'commenting', format: 'text/plain', value: a.note });
  for (const tag of a.tags) body.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
  const styleClass = `${COLOR_CLASS}${a.color}`;
  const target =
    a.target.type === 'text'
      ? {
          type: 'SpecificResource',
          source: sourceOf(a.documentId, a.target.lang),
          styleClass,
          selector: [
            a.target.selectors[0],
            a.target.selectors[1],
            { type: 'FragmentSelector', conformsTo: CLAUSE_SCHEME, value: a.target.clauseId },
          ],
        }
      : (['en', 'ru'] as const).map((lang) => {
          const rowTarget = a.target as Extract<Annotation['target'], { type: 'row' }>;
          return {
            type: 'SpecificResource',
            source: sourceOf(a.documentId, lang),
            styleClass,
            selector: [rowTarget.quotes[lang], { type: 'FragmentSelector', conformsTo: ROW_SCHEME, value: rowTarget.rowId }],
          };
        });
  return {
    id: `urn:uuid:${a.id}`,
    type: 'Annotation',
    motivation: a.kind === 'note' || a.target.type === 'row' ? 'commenting' : 'highlighting',
    created: a.createdAt,
    modified: a.updatedAt,
    ...(body.length > 0 ? { body } : {}),
    target,
  };
}

const text = z.string();
const selector = z.looseObject({ type: z.string() });
const specificResource = z.looseObject({
  source: z.string().max(512),
  styleClass: z.string().max(128).optional(),
  // A list first: what this app exports (and most tools), so the usual case is one branch, not a
  // failed one and then the other (an object is never an array: the result is the same).
  selector: z.union([z.array(selector).max(16), selector]).optional(),
});
const textualBody = z.looseObject({
  type: z.literal('TextualBody').optional(),
  purpose: z.string().max(64).optional(),
  value: text,
});
const webAnnotation = z.looseObject({
  id: z.string().max(256),
  type: z.union([z.literal('Annotation'), z.array(z.string()).refine((t) => t.includes('Annotation'))]),
  motivation: z.union([z.string(), z.array(z.string())]).optional(),
  created: z.string().max(64).optional(),
  modified: z.string().max(64).optional(),
  body: z.union([textualBody, z.array(z.union([textualBody, z.looseObject({})])).max(LIMITS.tags + 16)]).optional(),
  target: z.union([specificResource, z.array(specificResource).max(2)]),
});
const items = z.array(z.unknown()).max(LIMITS.importItems);
const container = z.union([
  z.looseObject({ type: z.literal('AnnotationCollection'), first: z.looseObject({ items }) }),
  z.looseObject({ type: z.literal('AnnotationPage'), items }),
  items,
  z.looseObject({ type: z.union([z.literal('Annotation'), z.array(z.string())]) }),
]);

/** One annotation of a file left out: which (0-based), why (a code and its values). */
export interface ImportRejection {
  index: number;
  code: AnnotationRejectionCode;
  params?: MessageParams;
}

/** The file refused whole: why, and the English for logs. */
export interface ImportParseFailure {
  ok: false;
  reason: AnnotationImportError;
  params?: MessageParams;
  message: string;
}

export type ImportParse = { ok: true; annotations: Annotation[]; rejected: ImportRejection[] } | ImportParseFailure;

/** The English of a rejection (logs, the report's `reasons`); the renderer says it from its code. */
export function rejectionText(rejection: Pick<ImportRejection, 'code' | 'params'>): string {
  const p = rejection.params ?? {};
  const n = (key: string) => (typeof p[key] === 'number' ? (p[key] as number).toLocaleString('en') : String(p[key] ?? ''));
  switch (rejection.code) {
    case 'not-web-annotation':
      return `not a Web Annotation (${String(p.path ?? 'shape')})`;
    case 'bad-id':
      return 'the id is not a urn:uuid';
    case 'duplicate-id':
      return 'the same id twice in one file';
    case 'other-document':
      return 'the target is not this document';
    case 'row-note-incomplete':
      return 'a row note needs a quote and a row in each language';
    case 'quote-not-text':
      return 'a quote is not text';
    case 'quote-too-long':
      return `the quote is ${n('length')} characters long; at most ${n('max')} are imported`;
    case 'context-too-long':
      return `the quote's context is longer than ${n('max')} characters`;
    case 'bad-row-id':
      return 'the row id is not valid';
    case 'no-target':
      return 'no target';
    case 'no-quote':
      return 'no quote to anchor to';
    case 'quote-not-found':
      return 'the quote is not in this document';
    case 'invalid':
      return `invalid ${String(p.path ?? '')}: ${String(p.detail ?? '')}`.trim();
  }
}

const reject = (code: AnnotationRejectionCode, params?: MessageParams): Omit<ImportRejection, 'index'> => ({ code, ...(params ? { params } : {}) });

export interface ImportOptions {
  documentId: string;
  /** The clause a text target starts in, for annotations from tools that do not name one. */
  clauseIdFor: (lang: Lang, quote: TextQuoteSelector, position: { start: number; end: number }) => string | undefined;
  now: Date;
}

const storedAnnotation = annotationSchema(true);

/**
 * Reads W3C Web Annotation JSON-LD (a collection, a page, a list or one annotation). The whole
 * content must be JSON of that shape, else `{ ok: false, message }`; single annotations that do not
 * fit (another document, no quote, a foreign id) are counted as rejected with their reason.
 */
export function parseJsonLd(content: string, options: ImportOptions): ImportParse {
  if (content.length > LIMITS.importContent) {
    return { ok: false, reason: 'too-large', params: { max: LIMITS.importContent }, message: 'The file is too large to import.' };
  }
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    return { ok: false, reason: 'not-json', message: 'The file is not JSON: expected W3C Web Annotation JSON-LD.' };
  }
  const parsed = container.safeParse(json);
  if (!parsed.success) {
    return { ok: false, reason: 'not-web-annotations', message: 'The file is JSON but not W3C Web Annotations (no AnnotationCollection, page or list).' };
  }
  const value = parsed.data;
  const list: unknown[] = Array.isArray(value)
    ? value
    : value.type === 'AnnotationCollection'
      ? (value.first as { items: unknown[] }).items
      : value.type === 'AnnotationPage'
        ? (value.items as unknown[])
        : [value];
  const annotations: Annotation[] = [];
  const rejected: ImportRejection[] = [];
  const seen = new Set<string>();
  list.forEach((raw, index) => {
    const result = fromWebAnnotation(raw, options);
    if ('code' in result) rejected.push({ index, ...result });
    else if (seen.has(result.id)) rejected.push({ index, ...reject('duplicate-id') });
    else {
      seen.add(result.id);
      annotations.push(result);
    }
  });
  return { ok: true, annotations, rejected };
}

/** An annotation, or why it cannot be imported. */
function fromWebAnnotation(raw: unknown, options: ImportOptions): Annotation | Omit<ImportRejection, 'index'> {
  const parsed = webAnnotation.safeParse(raw);
  if (!parsed.success) return reject('not-web-annotation', { path: parsed.error.issues[0]?.path.join('.') || 'shape' });
  const w = parsed.data;
  const idMatch = /^urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(w.id);
  if (!idMatch?.[1]) return reject('bad-id');
  const created = isoOrUndefined(w.created) ?? options.now.toISOString();
  const modified = isoOrUndefined(w.modified) ?? created;

  const bodies = (w.body === undefined ? [] : Array.isArray(w.body) ? w.body : [w.body]).filter(
    (b): b is z.infer<typeof textualBody> => typeof (b as { value?: unknown }).value === 'string',
  );
  const note = bodies
    .filter((b) => b.purpose !== 'tagging')
    .map((b) => b.value)
    .join('\n\n');
  const tags = normaliseTags(bodies.filter((b) => b.purpose === 'tagging').map((b) => b.value));
  const motivations = w.motivation === undefined ? [] : Array.isArray(w.motivation) ? w.motivation : [w.motivation];

  const targets = Array.isArray(w.target) ? w.target : [w.target];
  const selectorsOf = (t: z.infer<typeof specificResource>) =>
    t.selector === undefined ? [] : Array.isArray(t.selector) ? t.selector : [t.selector];
  const langOf = (source: string): Lang | undefined => {
    const m = /^urn:bitext:([^:]+):(en|ru)$/.exec(source);
    return m && m[1] === options.documentId ? (m[2] as Lang) : undefined;
  };
  const color =
    ANNOTATION_COLORS.find((c) => targets.some((t) => t.styleClass === `${COLOR_CLASS}${c}`)) ?? ANNOTATION_COLORS[0];

  let target: Annotation['target'];
  const rowSelector = (t: z.infer<typeof specificResource>) =>
    selectorsOf(t).find((s) => s.type === 'FragmentSelector' && s.conformsTo === ROW_SCHEME);
  if (targets.length === 2 || targets.some((t) => rowSelector(t))) {
    const quotes: Partial<Record<Lang, TextQuoteSelector>> = {};
    let rowId: string | undefined;
    for (const t of targets) {
      const lang = langOf(t.source);
      if (!lang) return reject('other-document');
      const quote = selectorsOf(t).find((s) => s.type === 'TextQuoteSelector');
      const row = rowSelector(t);
      if (!quote || !row) return reject('row-note-incomplete');
      const clean = cleanQuote(quote);
      if (!clean) return reject('quote-not-text');
      const tooLong = quoteTooLong(clean);
      if (tooLong) return tooLong;
      quotes[lang] = clean;
      rowId = String(row.value);
    }
    if (!rowId || !rowIdSchema.safeParse(rowId).success) return reject('bad-row-id');
    target = {
      type: 'row',
      rowId,
      quotes: { en: quotes.en ?? emptyQuote(), ru: quotes.ru ?? emptyQuote() },
    };
  } else {
    const t = targets[0];
    if (!t) return reject('no-target');
    const lang = langOf(t.source);
    if (!lang) return reject('other-document');
    const selectors = selectorsOf(t);
    const quote = cleanQuote(selectors.find((s) => s.type === 'TextQuoteSelector'));
    if (!quote || quote.exact === '') return reject('no-quote');
    const tooLong = quoteTooLong(quote);
    if (tooLong) return tooLong;
    const positionRaw = selectors.find((s) => s.type === 'TextPositionSelector') as { start?: unknown; end?: unknown } | undefined;
    const position =
      positionRaw && typeof positionRaw.start === 'number' && typeof positionRaw.end === 'number'
        ? { start: positionRaw.start, end: positionRaw.end }
        : { start: 0, end: [...quote.exact].length };
    const clause = selectors.find((s) => s.type === 'FragmentSelector' && s.conformsTo === CLAUSE_SCHEME);
    const clauseId =
      clause && clauseIdSchema.safeParse(clause.value).success ? String(clause.value) : options.clauseIdFor(lang, quote, position);
    if (!clauseId) return reject('quote-not-found');
    target = {
      type: 'text',
      lang,
      clauseId,
      selectors: [
        quote,
        { type: 'TextPositionSelector', start: position.start, end: position.end },
      ],
    };
  }
  const candidate: Annotation = {
    id: idMatch[1].toLowerCase(),
    documentId: options.documentId,
    createdAt: created,
    updatedAt: modified,
    kind: target.type === 'row' || (motivations.includes('commenting') && !motivations.includes('highlighting')) ? 'note' : 'highlight',
    color,
    note,
    tags,
    target,
  };
  const checked = storedAnnotation.safeParse(candidate);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    return reject('invalid', { path: issue?.path.join('.') ?? '', detail: issue?.message ?? '' });
  }
  return checked.data;
}

/** Why a quote is refused for its length (the same limits as a selection in the reader), if it is. */
function quoteTooLong(quote: TextQuoteSelector): Omit<ImportRejection, 'index'> | undefined {
  if (quote.exact.length > LIMITS.quote) return reject('quote-too-long', { length: quote.exact.length, max: LIMITS.quote });
  if (quote.prefix.length > LIMITS.context || quote.suffix.length > LIMITS.context) return reject('context-too-long', { max: LIMITS.context });
  return undefined;
}

function cleanQuote(raw: Record<string, unknown> | undefined): TextQuoteSelector | undefined {
  if (!raw) return undefined;
  const { exact, prefix = '', suffix = '' } = raw;
  if (typeof exact !== 'string' || typeof prefix !== 'string' || typeof suffix !== 'string') return undefined;
  return { type: 'TextQuoteSelector', exact, prefix, suffix };
}

function emptyQuote(): TextQuoteSelector {
  return { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' };
}

/** The last time read and what it gave: a file's annotations mostly share a few (`created` = `modified`). */
let lastIso: { value: string; iso: string | undefined } | undefined;

function isoOrUndefined(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (lastIso?.value === value) return lastIso.iso;
  const time = Date.parse(value);
  const iso = Number.isNaN(time) ? undefined : new Date(time).toISOString();
  lastIso = { value, iso };
  return iso;
}
