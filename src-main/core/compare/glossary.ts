/**
 * The glossary: English–Russian term pairs, per document or across documents. The zod schema is
 * the one source of the shapes; import and export as CSV/TSV (en, ru, note) and TBX (TBX-Basic,
 * ISO 30042:2019 `conceptEntry`/`langSec`/`termSec`; TBX 2 `termEntry`/`langSet`/`tig` is read too).
 * Pure TypeScript: no Node, no Electron.
 */
import { Parser } from 'htmlparser2';
import { z } from 'zod';
import { COMPARE_LIMITS, type GlossaryDraft, type GlossaryFormat, type ImportProblem, glossaryEntrySchema } from '../../contract/compare';

export const GLOSSARY_LIMITS = { term: COMPARE_LIMITS.term, note: COMPARE_LIMITS.note, entries: COMPARE_LIMITS.entries } as const;
export { GLOSSARY_FORMATS, GLOSSARY_SCOPES, glossaryDraftSchema, glossaryEntrySchema } from '../../contract/compare';
export type { GlossaryDraft, GlossaryEntry, GlossaryFormat, GlossaryScope, ImportProblem } from '../../contract/compare';

export const GLOSSARY_SCHEMA_VERSION = 1;
export const glossaryFileSchema = z
  .object({
    schemaVersion: z.literal(GLOSSARY_SCHEMA_VERSION),
    entries: z.array(glossaryEntrySchema).max(GLOSSARY_LIMITS.entries),
  })
  .strict();
export type GlossaryFile = z.infer<typeof glossaryFileSchema>;

export interface GlossaryImport {
  drafts: GlossaryDraft[];
  problems: ImportProblem[];
  /** CSV/TSV: the line of a quote never closed (the rest of the file would be one field); the file is refused. */
  unclosedQuoteLine?: number;
}

/** The format of a glossary file from its name, or undefined. */
export function glossaryFormatOf(name: string): GlossaryFormat | undefined {
  const ext = /\.([a-z]+)$/iu.exec(name)?.[1]?.toLowerCase();
  if (ext === 'csv' || ext === 'tsv' || ext === 'tbx') return ext;
  if (ext === 'txt' || ext === 'tab') return 'tsv';
  if (ext === 'xml') return 'tbx';
  return undefined;
}

// ---- CSV / TSV ----

/** RFC 4180 rows: quoted fields with doubled quotes, CRLF or LF; the delimiter given. */
export function parseDelimited(text: string, delimiter: string): string[][] {
  return scanDelimited(text, delimiter).rows;
}

/**
 * The rows, and the line (1-based) of a quote that opens a field and is never closed: everything
 * after it would be read as that one field.
 */
export function scanDelimited(text: string, delimiter: string): { rows: string[][]; unclosedQuoteLine?: number } {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let quoteLine = 0;
  const body = text.replace(/^\uFEFF/u, '');
  for (let k = 0; k < body.length; k++) {
    const ch = body[k]!;
    if (ch === '\n' ? body[k - 1] !== '\r' : ch === '\r') line++;
    if (quoted) {
      if (ch === '"') {
        if (body[k + 1] === '"') {
          field += '"';
          k++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') {
      quoted = true;
      quoteLine = line;
    } else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[k + 1] === '\n') k++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return quoted ? { rows, unclosedQuoteLine: quoteLine } : { rows };
}

const HEADER = /^(?:en|eng|english|source|term|английский|англ)$/iu;

function draftsFrom(pairs: { at: number; en: string; ru: string; note?: string }[]): GlossaryImport {
  const drafts: GlossaryDraft[] = [];
  const problems: ImportProblem[] = [];
  const seen = new Set<string>();
  for (const p of pairs) {
    const en = p.en.trim();
    const ru = p.ru.trim();
    if (!en || !ru) {
      problems.push({ at: p.at, reason: 'missing-term' });
      continue;
    }
    if (en.length > GLOSSARY_LIMITS.term || ru.length > GLOSSARY_LIMITS.term || (p.note?.length ?? 0) > GLOSSARY_LIMITS.note) {
      problems.push({ at: p.at, reason: 'too-long' });
      continue;
    }
    const key = `${en.toLowerCase()}\u0000${ru.toLowerCase()}`;
    if (seen.has(key)) {
      problems.push({ at: p.at, reason: 'duplicate' });
      continue;
    }
    seen.add(key);
    const note = p.note?.trim();
    drafts.push(note ? { en, ru, note } : { en, ru });
  }
  return { drafts, problems };
}

/** Reads CSV or TSV: `en, ru[, note]` a line, an optional header line. */
export function parseGlossaryDelimited(text: string, format: 'csv' | 'tsv'): GlossaryImport {
  const firstLine = text.split(/\r?\n/u, 1)[0] ?? '';
  const delimiter = format === 'tsv' || firstLine.includes('\t') ? '\t' : firstLine.split(';').length > firstLine.split(',').length ? ';' : ',';
  const { rows, unclosedQuoteLine } = scanDelimited(text, delimiter);
  const pairs: { at: number; en: string; ru: string; note?: string }[] = [];
  rows.forEach((cells, k) => {
    if (k === 0 && HEADER.test((cells[0] ?? '').trim())) return;
    if (cells.every((c) => c.trim() === '')) return;
    pairs.push({ at: k + 1, en: cells[0] ?? '', ru: cells[1] ?? '', ...(cells[2] ? { note: cells.slice(2).join(delimiter) } : {}) });
  });
  const read = draftsFrom(pairs);
  return unclosedQuoteLine === undefined ? read : { ...read, unclosedQuoteLine };
}

function csvField(value: string, delimiter: string): string {
  return /["\r\n]/u.test(value) || value.includes(delimiter) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function glossaryToDelimited(entries: readonly GlossaryDraft[], format: 'csv' | 'tsv'): string {
  const d = format === 'tsv' ? '\t' : ',';
  const lines = [['en', 'ru', 'note'].join(d), ...entries.map((e) => [e.en, e.ru, e.note ?? ''].map((v) => csvField(v, d)).join(d))];
  return `${lines.join('\r\n')}\r\n`;
}

// ---- TBX ----

const escapeXml = (text: string): string =>
  text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/gu, '&amp;')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;')
    .replace(/"/gu, '&quot;');

/** TBX-Basic (ISO 30042:2019, DCA style): one `conceptEntry` per pair. */
export function glossaryToTbx(entries: readonly GlossaryDraft[], title = 'Bitext Reader glossary'): string {
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<tbx style="dca" type="TBX-Basic" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">',
    '  <tbxHeader>',
    '    <fileDesc>',
    `      <sourceDesc><p>${escapeXml(title)}</p></sourceDesc>`,
    '    </fileDesc>',
    '  </tbxHeader>',
    '  <text>',
    '    <body>',
  ];
  entries.forEach((e, k) => {
    out.push(`      <conceptEntry id="c${k + 1}">`);
    if (e.note) out.push(`        <descrip type="definition">${escapeXml(e.note)}</descrip>`);
    out.push(
      '        <langSec xml:lang="en">',
      `          <termSec><term>${escapeXml(e.en)}</term></termSec>`,
      '        </langSec>',
      '        <langSec xml:lang="ru">',
      `          <termSec><term>${escapeXml(e.ru)}</term></termSec>`,
      '        </langSec>',
      '      </conceptEntry>',
    );
  });
  out.push('    </body>', '  </text>', '</tbx>');
  return `${out.join('\n')}\n`;
}

/** Reads TBX-Basic (2019 or TBX 2 / v2 `martif`): per concept, its English and Russian terms and a note. */
export function parseGlossaryTbx(text: string): GlossaryImport {
  interface Concept {
    at: number;
    en: string[];
    ru: string[];
    note: string[];
  }
  const concepts: Concept[] = [];
  let concept: Concept | undefined;
  let lang = '';
  let capture: 'term' | 'note' | '' = '';
  let buffer = '';
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const tag = name.toLowerCase();
        if (tag === 'conceptentry' || tag === 'termentry') {
          concept = { at: concepts.length + 1, en: [], ru: [], note: [] };
          concepts.push(concept);
        } else if (tag === 'langsec' || tag === 'langset') lang = (attrs['xml:lang'] ?? attrs.lang ?? '').toLowerCase().split(/[-_]/u)[0]!;
        else if (tag === 'term' && concept) {
          capture = 'term';
          buffer = '';
        } else if (concept && (tag === 'note' || (tag === 'descrip' && /definition|context/u.test(attrs.type ?? '')))) {
          capture = 'note';
          buffer = '';
        }
      },
      ontext(data) {
        if (capture) buffer += data;
      },
      onclosetag(name) {
        const tag = name.toLowerCase();
        if ((tag === 'term' && capture === 'term') || ((tag === 'note' || tag === 'descrip') && capture === 'note')) {
          const value = buffer.replace(/\s+/gu, ' ').trim();
          if (concept && value) {
            if (capture === 'note') concept.note.push(value);
            else if (lang === 'en') concept.en.push(value);
            else if (lang === 'ru') concept.ru.push(value);
          }
          capture = '';
        } else if (tag === 'langsec' || tag === 'langset') lang = '';
        else if (tag === 'conceptentry' || tag === 'termentry') concept = undefined;
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(text);
  parser.end();
  const pairs: { at: number; en: string; ru: string; note?: string }[] = [];
  for (const c of concepts) {
    const note = c.note.length > 0 ? c.note.join(' ') : undefined;
    if (c.en.length === 0 || c.ru.length === 0) {
      pairs.push({ at: c.at, en: c.en[0] ?? '', ru: c.ru[0] ?? '' });
      continue;
    }
    // Synonyms: every Russian term with the first English one, every further English term with the first Russian one.
    for (const ru of c.ru) pairs.push({ at: c.at, en: c.en[0]!, ru, ...(note ? { note } : {}) });
    for (const en of c.en.slice(1)) pairs.push({ at: c.at, en, ru: c.ru[0]!, ...(note ? { note } : {}) });
  }
  return draftsFrom(pairs);
}

export function parseGlossary(text: string, format: GlossaryFormat): GlossaryImport {
  return format === 'tbx' ? parseGlossaryTbx(text) : parseGlossaryDelimited(text, format);
}

export function serialiseGlossary(entries: readonly GlossaryDraft[], format: GlossaryFormat): string {
  return format === 'tbx' ? glossaryToTbx(entries) : glossaryToDelimited(entries, format);
}
