/**
 * The `bitext` command line, as functions: argument parsing, input decoding, alignment of
 * pre-segmented or raw texts, and the output formats (vecalign beads, JSON, TSV, TMX 1.4b).
 * `bitext.ts` is the thin process wrapper around them. Node-free except for the types.
 */
import { alignSequences } from '../core/align/align';
import type { Bead, Clause, Lang } from '../core/model';
import { ImportError } from '../core/import/errors';
import { checkClauseLimit } from '../core/import/formats';
import { alignSegmented, segmentInput } from '../core/import/pipeline';
import { type PairSide, pairInput } from '../core/import/prepare';
import { type CheckCommand, parseCheckArgs } from './check';
import { UsageError, readArgs, twoFiles } from './options';

export const FORMATS = ['beads', 'json', 'tsv', 'tmx'] as const;
export type Format = (typeof FORMATS)[number];

export const USAGE = `Usage: bitext align [--presegmented] [--format beads|json|tsv|tmx] [--weakest N] <en.txt> <ru.txt>

Aligns an English text and its Russian translation and prints the alignment on stdout. Reads what
the app imports (text in any encoding it detects, Markdown, HTML, .docx, .odt, EPUB, FB2, PDF, SRT,
WebVTT) with the same limits; two documents with chapters are aligned chapter by chapter, as the
app does.
  --presegmented   the files hold one segment a line (otherwise the texts are segmented into
                   paragraphs, sentences and clauses)
  --format F       beads (default; vecalign's format, 0-based: [0]:[0], [1, 2]:[1], [3]:[]),
                   json (segments with offsets, beads with confidences), tsv (en<TAB>ru per bead),
                   tmx (TMX 1.4b; beads with both sides)
  --weakest N      also print the N least confident beads on stderr
  -h, --help       this help
Exit status: 0 success, 1 unreadable or empty input, 2 usage error.`;

export { UsageError };
/** An input error (missing file, bad encoding, empty text): exit status 1. */
export class InputError extends Error {}

export interface AlignCommand {
  command: 'align';
  presegmented: boolean;
  format: Format;
  weakest: number;
  en: string;
  ru: string;
}

export type Command = AlignCommand | CheckCommand | { command: 'help' };

export function parseArgs(argv: readonly string[]): Command {
  if (argv.length === 0) throw new UsageError('missing command');
  if (argv.includes('-h') || argv.includes('--help') || argv[0] === 'help') return { command: 'help' };
  const [command, ...rest] = argv;
  if (command === 'check') return parseCheckArgs(rest);
  if (command !== 'align') throw new UsageError(`unknown command: ${command}`);
  const args = readArgs(rest, { flags: ['--presegmented'], values: ['--format', '--weakest'] });
  const format = args.values.get('--format') ?? 'beads';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format: ${format} (beads, json, tsv or tmx)`);
  const weakest = args.values.get('--weakest') ?? '0';
  if (!/^[0-9]+$/u.test(weakest)) throw new UsageError(`--weakest needs a whole number, not ${weakest}`);
  return { command: 'align', presegmented: args.flags.has('--presegmented'), format: format as Format, weakest: Number(weakest), ...twoFiles(args.files) };
}

/**
 * Strict UTF-8 decoding: invalid byte sequences, NUL bytes (binary files) and texts with nothing but
 * whitespace are refused with an `InputError` naming the file. A leading BOM is kept (offsets count it).
 */
export function decodeText(bytes: Uint8Array, name: string): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`${name}: not valid UTF-8 text (convert it to UTF-8 first)`);
  }
  if (text.includes('\u0000')) throw new InputError(`${name}: looks like a binary file, not text`);
  if (text.replace(/^\uFEFF/u, '').trim() === '') throw new InputError(`${name}: empty input`);
  return text;
}

export interface Segment {
  text: string;
  /** Code-unit offsets into the file's text. */
  start: number;
  end: number;
  /** For subtitles: the times of the cue the segment comes from (milliseconds). */
  time?: { start: number; end: number };
}

/** Subtitle cue times by paragraph index (from the import's `cues`). */
export type CueTimes = Partial<Record<Lang, ReadonlyArray<{ paragraph: number; start: number; end: number }>>>;

export interface Alignment {
  segments: Record<Lang, Segment[]>;
  beads: Bead[];
}

/** One segment per line (any line ending); a final line ending does not start a segment. */
export function splitLines(text: string): Segment[] {
  const segments: Segment[] = [];
  const re = /\r\n|\r|\n/gu;
  let start = text.startsWith('\uFEFF') ? 1 : 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    segments.push({ text: text.slice(start, m.index), start, end: m.index });
    start = m.index + m[0].length;
  }
  if (start < text.length) segments.push({ text: text.slice(start), start, end: text.length });
  return segments;
}

/** Aligns two texts that hold one segment a line. */
export function alignPresegmented(en: string, ru: string, names: { en: string; ru: string } = { en: 'en', ru: 'ru' }): Alignment {
  const segments = { en: splitLines(en), ru: splitLines(ru) };
  limitClauses(segments.en.length, names.en);
  limitClauses(segments.ru.length, names.ru);
  const beads = alignSequences(
    segments.en.map((s) => s.text),
    segments.ru.map((s) => s.text),
  );
  return { segments, beads };
}

/** The import's clause limit (`IMPORT_LIMITS.maxClauses`), said as an input error. */
function limitClauses(count: number, name: string): void {
  try {
    checkClauseLimit(count, name);
  } catch (error) {
    if (error instanceof ImportError) throw new InputError(`${name}: ${error.message}`);
    throw error;
  }
}

/**
 * One side as read: its text and, for a document with chapters (EPUB, FB2, ODT, docx, Markdown or
 * HTML with headings), the headings its reader found and its paragraph count.
 */
export type InputSide = string | PairSide;

/**
 * Segments two raw texts (paragraphs, sentences, clauses) and aligns them as the app's import
 * does (`pairInput`, `segmentInput`, `alignSegmented`): chapter → paragraph → clause when both
 * sides have headings, the first paragraphs as titles when both look like one.
 */
export function alignRaw(en: InputSide, ru: InputSide, names: { en: string; ru: string } = { en: 'en', ru: 'ru' }, cues: CueTimes = {}): Alignment {
  const side = (s: InputSide): PairSide => (typeof s === 'string' ? { text: s, paragraphs: 0 } : s);
  const input = pairInput(side(en), side(ru));
  const segmented = segmentInput(input);
  const enClauses = segmented.en.paragraphs.flatMap((p) => p.clauses);
  const ruClauses = segmented.ru.paragraphs.flatMap((p) => p.clauses);
  limitClauses(enClauses.length, names.en);
  limitClauses(ruClauses.length, names.ru);
  const enIndex = new Map(enClauses.map((c, k) => [c.id, k]));
  const ruIndex = new Map(ruClauses.map((c, k) => [c.id, k]));
  const beads = alignSegmented(input, segmented).groups.flatMap((group) =>
    group.rows.map(
      (row): Bead => ({
        en: row.en.map((c) => enIndex.get(c.id)!),
        ru: row.ru.map((c) => ruIndex.get(c.id)!),
        confidence: row.confidence,
      }),
    ),
  );
  const timed = (lang: Lang) => {
    const byParagraph = new Map((cues[lang] ?? []).map((c) => [c.paragraph, { start: c.start, end: c.end }]));
    return ({ id, text, start, end }: Clause): Segment => {
      const time = byParagraph.get(Number(/-p(\d+)-/.exec(id)?.[1]));
      return time ? { text, start, end, time } : { text, start, end };
    };
  };
  return { segments: { en: enClauses.map(timed('en')), ru: ruClauses.map(timed('ru')) }, beads };
}

export const textOf = (side: InputSide): string => (typeof side === 'string' ? side : side.text);

/** vecalign's format: `[0]:[0]`, `[1, 2]:[1]`, `[3]:[]`, one bead a line. */
export function formatBeads(alignment: Alignment): string {
  return alignment.beads.map((b) => `[${b.en.join(', ')}]:[${b.ru.join(', ')}]\n`).join('');
}

const round = (x: number): number => Math.round(x * 10000) / 10000;

export function formatJson(alignment: Alignment): string {
  return `${JSON.stringify(
    {
      segments: alignment.segments,
      beads: alignment.beads.map((b) => ({ en: b.en, ru: b.ru, confidence: round(b.confidence) })),
    },
    null,
    2,
  )}\n`;
}

const joined = (segments: readonly Segment[], indexes: readonly number[]): string =>
  indexes.map((k) => segments[k]!.text).join(' ');

/** One bead a line: English and Russian, segments joined by a space; tabs and line breaks become spaces. */
export function formatTsv(alignment: Alignment): string {
  const clean = (text: string): string => text.replace(/[\t\r\n]+/gu, ' ');
  const timed = alignment.segments.en.some((s) => s.time) || alignment.segments.ru.some((s) => s.time);
  /** Subtitles: two more columns, the bead's start and end (`HH:MM:SS.mmm`), from the English cues, else the Russian. */
  const times = (b: Bead): string => {
    if (!timed) return '';
    const spans = [...b.en.map((k) => alignment.segments.en[k]!.time), ...b.ru.map((k) => alignment.segments.ru[k]!.time)].filter((t) => t !== undefined);
    const en = b.en.map((k) => alignment.segments.en[k]!.time).filter((t) => t !== undefined);
    const use = en.length > 0 ? en : spans;
    if (use.length === 0) return '\t\t';
    return `\t${clock(Math.min(...use.map((t) => t.start)))}\t${clock(Math.max(...use.map((t) => t.end)))}`;
  };
  return alignment.beads
    .map((b) => `${clean(joined(alignment.segments.en, b.en))}\t${clean(joined(alignment.segments.ru, b.ru))}${times(b)}\n`)
    .join('');
}

/** Milliseconds → `HH:MM:SS.mmm`. */
const clock = (ms: number): string => {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
};

/** XML text escaping; characters XML 1.0 forbids are dropped. */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/gu, '&amp;')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;')
    .replace(/"/gu, '&quot;')
    .replace(/'/gu, '&apos;');
}

/** TMX 1.4b: one `<tu>` per bead that has both sides (omissions are not translation units). */
export function formatTmx(alignment: Alignment): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<tmx version="1.4">',
    '  <header creationtool="Bitext Reader" creationtoolversion="0.1.0" datatype="plaintext" segtype="sentence" adminlang="en" srclang="en" o-tmf="bitext"/>',
    '  <body>',
  ];
  for (const b of alignment.beads) {
    if (b.en.length === 0 || b.ru.length === 0) continue;
    lines.push(
      '    <tu>',
      `      <tuv xml:lang="en"><seg>${escapeXml(joined(alignment.segments.en, b.en))}</seg></tuv>`,
      `      <tuv xml:lang="ru"><seg>${escapeXml(joined(alignment.segments.ru, b.ru))}</seg></tuv>`,
      '    </tu>',
    );
  }
  lines.push('  </body>', '</tmx>');
  return `${lines.join('\n')}\n`;
}

export function formatAlignment(alignment: Alignment, format: Format): string {
  switch (format) {
    case 'beads':
      return formatBeads(alignment);
    case 'json':
      return formatJson(alignment);
    case 'tsv':
      return formatTsv(alignment);
    case 'tmx':
      return formatTmx(alignment);
  }
}

/** The `count` least confident beads (ties in text order), one a line, for a human to check. */
export function weakestReport(alignment: Alignment, count: number): string {
  if (count <= 0) return '';
  const clip = (text: string): string => (text.length > 60 ? `${text.slice(0, 57)}...` : text);
  const ranked = alignment.beads
    .map((bead, index) => ({ bead, index }))
    .sort((a, b) => a.bead.confidence - b.bead.confidence || a.index - b.index)
    .slice(0, count);
  const lines = ranked.map(
    ({ bead }) =>
      `${bead.confidence.toFixed(3)}  [${bead.en.join(', ')}]:[${bead.ru.join(', ')}]  ${clip(joined(alignment.segments.en, bead.en))} | ${clip(joined(alignment.segments.ru, bead.ru))}`,
  );
  return `weakest ${lines.length} of ${alignment.beads.length} beads (confidence, bead, en | ru):\n${lines.join('\n')}\n`;
}

/** Runs a parsed `align` command on the two decoded texts (or read documents); returns stdout and stderr text. */
export function runAlign(command: AlignCommand, en: InputSide, ru: InputSide, cues: CueTimes = {}): { stdout: string; stderr: string } {
  const names = { en: command.en, ru: command.ru };
  const alignment = command.presegmented ? alignPresegmented(textOf(en), textOf(ru), names) : alignRaw(en, ru, names, cues);
  if (alignment.segments.en.length === 0 || alignment.segments.ru.length === 0) {
    throw new InputError(`${alignment.segments.en.length === 0 ? command.en : command.ru}: no segments found`);
  }
  return { stdout: formatAlignment(alignment, command.format), stderr: weakestReport(alignment, command.weakest) };
}
