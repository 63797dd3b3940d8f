/**
 * A document's aligned rows (as corrected by the reader) in formats other tools read. Pure.
 *
 * - TMX 1.4b: one `<tu>` per row that has text on both sides (a row with one side empty is an
 *   omission, not a translation unit); `tuid` is the row id; `segtype` "sentence" (rows are clause
 *   runs) or "paragraph" (one unit per paragraph group).
 * - TSV: `English<TAB>Russian` per row, every row (an omission has an empty cell); tabs and line
 *   breaks inside a text become spaces. The app imports it back as a bilingual file. For subtitles,
 *   two more columns: the row's start and end (`HH:MM:SS.mmm`, from the cues of its clauses).
 * - Beads (vecalign's format): `[0, 1]:[0]` per row, 0-based indexes of the clauses of each text in
 *   document order; `[3]:[]` for an omission.
 * - Markdown: a three-column table (paragraph number, English, Russian), `|` escaped.
 */
import type { BitextExportFormat, LocalizedText } from '../../contract/ipc';
import type { AlignedRow, AlignedText, Clause } from '../model';

export type { BitextExportFormat };

export interface BitextMeta {
  id: string;
  title: LocalizedText;
  /** Shown in TMX `creationtoolversion`. */
  appVersion?: string;
  /** Subtitles: each row's start and end (ms), by row id; TSV then has two more columns. */
  times?: ReadonlyMap<string, { start: number; end: number }>;
}

export const EXPORT_EXTENSIONS: Readonly<Record<BitextExportFormat, string>> = {
  tmx: '.tmx',
  tsv: '.tsv',
  beads: '-beads.txt',
  markdown: '-bitext.md',
  docx: '-bitext.docx',
};

/** The text formats; DOCX is binary (`toDocx` in `docx.ts`). */
export function exportBitext(format: Exclude<BitextExportFormat, 'docx'>, body: AlignedText, meta: BitextMeta, now = new Date()): string {
  switch (format) {
    case 'tmx':
      return toTmx(body, meta, { now });
    case 'tsv':
      return toTsv(body, meta.times);
    case 'beads':
      return toBeads(body);
    case 'markdown':
      return toMarkdownTable(body, meta);
  }
}

const rowsOf = (body: AlignedText): AlignedRow[] => body.groups.flatMap((g) => g.rows);
/** Line breaks and runs of spaces become one space (no-break spaces are kept: they are text). */
const oneLine = (text: string) => text.replace(/[ \t\n\r\f\v]+/g, ' ').trim();
const sideText = (clauses: readonly Clause[]) => oneLine(clauses.map((c) => c.text).join(' '));

/** Escapes text for XML content and attribute values, dropping characters XML 1.0 forbids. */
export function xmlEscape(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** `20240131T120000Z`, as TMX wants dates. */
const tmxDate = (date: Date) => date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');

export function toTmx(
  body: AlignedText,
  meta: BitextMeta,
  options: { segtype?: 'sentence' | 'paragraph'; now?: Date } = {},
): string {
  const segtype = options.segtype ?? 'sentence';
  const date = tmxDate(options.now ?? new Date());
  const units: Array<{ id: string; en: string; ru: string }> =
    segtype === 'paragraph'
      ? body.groups.map((g, k) => ({
          id: `p${g.number}-${k}`,
          en: oneLine(g.rows.map((r) => sideText(r.en)).join(' ')),
          ru: oneLine(g.rows.map((r) => sideText(r.ru)).join(' ')),
        }))
      : rowsOf(body).map((r) => ({ id: r.id, en: sideText(r.en), ru: sideText(r.ru) }));
  const tus = units
    .filter((u) => u.en !== '' && u.ru !== '')
    .map(
      (u) =>
        `    <tu tuid="${xmlEscape(u.id)}">\n` +
        `      <tuv xml:lang="en"><seg>${xmlEscape(u.en)}</seg></tuv>\n` +
        `      <tuv xml:lang="ru"><seg>${xmlEscape(u.ru)}</seg></tuv>\n` +
        '    </tu>\n',
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n' +
    '<tmx version="1.4">\n' +
    `  <header creationtool="Bitext Reader" creationtoolversion="${xmlEscape(meta.appVersion ?? '0')}" datatype="plaintext"` +
    ` segtype="${segtype}" adminlang="en" srclang="en" o-tmf="Bitext Reader" creationdate="${date}">\n` +
    `    <prop type="x-document">${xmlEscape(meta.id)}</prop>\n` +
    `    <note>${xmlEscape(meta.title.en)} / ${xmlEscape(meta.title.ru)}</note>\n` +
    '  </header>\n' +
    '  <body>\n' +
    tus +
    '  </body>\n' +
    '</tmx>\n'
  );
}

/** `English<TAB>Russian` per row; with `times` (subtitles), two more columns: start and end, `HH:MM:SS.mmm`. */
export function toTsv(body: AlignedText, times?: ReadonlyMap<string, { start: number; end: number }>): string {
  const timeColumns = (id: string) => {
    if (!times) return '';
    const t = times.get(id);
    return t ? `\t${clock(t.start)}\t${clock(t.end)}` : '\t\t';
  };
  return rowsOf(body)
    .map((r) => `${sideText(r.en)}\t${sideText(r.ru)}${timeColumns(r.id)}\n`)
    .join('');
}

/** Milliseconds → `HH:MM:SS.mmm`. */
const clock = (ms: number): string => {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
};

export function toBeads(body: AlignedText): string {
  const index = { en: new Map<string, number>(), ru: new Map<string, number>() };
  const indexOf = (lang: 'en' | 'ru', clause: Clause) => {
    const map = index[lang];
    let k = map.get(clause.id);
    if (k === undefined) {
      k = map.size;
      map.set(clause.id, k);
    }
    return k;
  };
  return rowsOf(body)
    .map((r) => `[${r.en.map((c) => indexOf('en', c)).join(', ')}]:[${r.ru.map((c) => indexOf('ru', c)).join(', ')}]\n`)
    .join('');
}

const cell = (text: string) => oneLine(text).replace(/\\/g, '\\\\').replace(/\|/g, '\\|');

export function toMarkdownTable(body: AlignedText, meta: BitextMeta): string {
  const lines = [`# ${oneLine(meta.title.en)}`, '', `*${oneLine(meta.title.ru)}*`, '', '| § | English | Русский |', '| --- | --- | --- |'];
  for (const group of body.groups) {
    group.rows.forEach((row, k) => {
      const number = k === 0 ? String(group.number) : '';
      lines.push(`| ${number} | ${cell(sideText(row.en))} | ${cell(sideText(row.ru))} |`);
    });
  }
  return `${lines.join('\n')}\n`;
}
