/**
 * Subtitles (`.srt` SubRip and `.vtt` WebVTT) → one timed paragraph per cue. A small strict
 * parser (rather than a lenient library that skips what it cannot read): a cue whose times do not
 * parse, or end before they start, refuses the whole file (`bad-timing`) with its line number, so
 * nothing is half-imported and no cue silently goes missing.
 *
 * Kept: each cue's text (its lines; formatting tags such as `<i>`, `<b>`, `<font>`, `{\an8}`,
 * WebVTT voice/class spans and inner timestamps removed, entities decoded), its start and end
 * (milliseconds). Left out: cue numbers and identifiers, positioning settings, WebVTT NOTE, STYLE and
 * REGION blocks.
 */
import { decodeBytes, DEFAULT_MAX_BYTES } from './decode';
import { ImportError, displayName } from './errors';
import { type Block, type DocumentCue, ExtractBudget, type Extracted, type ExtractLimits } from './extracted';
import type { AlignedRow, AlignedText } from '../model';

export interface Cue {
  start: number;
  end: number;
  text: string;
}

const SRT_TIME = /^(\d{1,3}):([0-5]\d):([0-5]\d)[,.](\d{1,3})$/;
const VTT_TIME = /^(?:(\d{1,3}):)?([0-5]\d):([0-5]\d)\.(\d{3})$/;

function toMs(match: RegExpExecArray): number {
  const [, h, m, s, ms] = match;
  return ((Number(h ?? 0) * 60 + Number(m)) * 60 + Number(s)) * 1000 + Number(ms!.padEnd(3, '0'));
}

/** `01:02:03,004` / `01:02:03.004` → `01:02:03.004`, for messages and exports. */
function formatTime(ms: number): string {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', nbsp: '\u00a0', quot: '"', apos: "'", lrm: '\u200e', rlm: '\u200f' };

/** A cue's payload → plain text lines. */
function cueText(lines: readonly string[]): string {
  return lines
    .map((line) =>
      line
        .replace(/\{\\[^}]*\}/g, '') // SSA overrides in SRT: {\an8}
        .replace(/<\d{1,3}:\d{2}(?::\d{2})?\.\d{3}>/g, '') // WebVTT inner timestamps
        .replace(/<\/?[a-zA-Z][^>]*>/g, '') // <i>, <b>, <font …>, <c.cls>, <v Name>, <ruby>…
        .replace(/&(amp|lt|gt|nbsp|quot|apos|lrm|rlm);/g, (_, e: string) => ENTITIES[e]!)
        .replace(/&#(\d{1,6});/g, (_, d: string) => String.fromCodePoint(Math.min(Number(d), 0x10ffff)))
        .replace(/[ \t]+/g, ' ')
        .trim(),
    )
    .filter((line) => line !== '')
    .join('\n');
}

/** Parses SRT or WebVTT text (format from `kind`) into cues; refuses broken times. */
export function parseSubtitles(text: string, kind: 'srt' | 'vtt', fileName = 'the file'): Cue[] {
  const name = displayName(fileName);
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
  const broken = (lineNo: number, why: string): never => {
    throw new ImportError('bad-timing', `“${name}”, line ${lineNo}: ${why}; the subtitles were not imported`, name, { params: { line: lineNo } });
  };
  let k = 0;
  if (kind === 'vtt') {
    if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) {
      throw new ImportError('unsupported-format', `“${name}” is not a WebVTT file (it must begin with “WEBVTT”)`, name, { reason: 'not-webvtt' });
    }
    while (k < lines.length && lines[k]!.trim() !== '') k++; // header block
  }
  const cues: Cue[] = [];
  while (k < lines.length) {
    while (k < lines.length && lines[k]!.trim() === '') k++;
    if (k >= lines.length) break;
    const blockStart = k;
    const block: string[] = [];
    while (k < lines.length && lines[k]!.trim() !== '') block.push(lines[k++]!);
    if (kind === 'vtt' && /^(NOTE|STYLE|REGION)(?:[ \t]|$)/.test(block[0]!)) continue;
    let t = block.findIndex((line) => line.includes('-->'));
    if (t < 0 || t > 1) {
      // SRT: a number then the times; VTT: an optional identifier then the times.
      broken(blockStart + 1 + (kind === 'srt' && /^\d+$/.test(block[0]!.trim()) ? 1 : 0), `a cue without times (“${block[Math.min(1, block.length - 1)]!.trim().slice(0, 60)}”)`);
    }
    if (kind === 'srt' && t === 1 && !/^\d+$/.test(block[0]!.trim())) broken(blockStart + 1, `“${block[0]!.trim().slice(0, 40)}” is not a cue number`);
    const timing = block[t]!;
    const [left, rightWithSettings] = timing.split('-->').map((s) => s.trim()) as [string, string];
    const right = rightWithSettings.split(/[ \t]+/, 1)[0] ?? '';
    const pattern = kind === 'srt' ? SRT_TIME : VTT_TIME;
    const a = pattern.exec(left);
    const b = pattern.exec(right);
    const lineNo = blockStart + t + 1;
    if (!a || !b) broken(lineNo, `the times “${timing.trim().slice(0, 60)}” do not parse (${kind === 'srt' ? '00:01:02,345 --> 00:01:04,000' : '00:01:02.345 --> 00:01:04.000'})`);
    const start = toMs(a!);
    const end = toMs(b!);
    if (end < start) broken(lineNo, `the cue ends (${formatTime(end)}) before it starts (${formatTime(start)})`);
    const payload = cueText(block.slice(t + 1));
    if (payload !== '') cues.push({ start, end, text: payload });
    t = -1;
  }
  return cues;
}

export function readSubtitles(bytes: Uint8Array, fileName: string, kind: 'srt' | 'vtt', limits: ExtractLimits & { maxBytes?: number } = {}): Extracted & { encoding: ReturnType<typeof decodeBytes>['encoding'] } {
  const decoded = decodeBytes(bytes, fileName, { maxBytes: limits.maxBytes ?? DEFAULT_MAX_BYTES });
  const budget = new ExtractBudget(fileName, limits);
  const blocks: Block[] = parseSubtitles(decoded.text, kind, fileName).map((cue) => {
    budget.add(cue.text);
    return { kind: 'paragraph', text: cue.text, start: cue.start, end: cue.end };
  });
  return { blocks, metadata: {}, warnings: decoded.warnings, encoding: decoded.encoding };
}

/** A clause id's paragraph (`en-p12-c0` → 12). */
const paragraphOf = (clauseId: string) => Number(/-p(\d+)-/.exec(clauseId)?.[1] ?? NaN);

/**
 * Each aligned row's time span, from the cues its clauses came from: the first cue's start and the
 * last one's end, on the side given (English first, then Russian). Rows with no cue get `undefined`.
 */
export function rowTimes(body: AlignedText, cues: Partial<Record<'en' | 'ru', readonly DocumentCue[]>>): Map<string, { start: number; end: number }> {
  const byParagraph = { en: new Map<number, DocumentCue>(), ru: new Map<number, DocumentCue>() };
  for (const lang of ['en', 'ru'] as const) for (const cue of cues[lang] ?? []) byParagraph[lang].set(cue.paragraph, cue);
  const out = new Map<string, { start: number; end: number }>();
  const spanOf = (row: AlignedRow, lang: 'en' | 'ru') => {
    const found = row[lang].map((c) => byParagraph[lang].get(paragraphOf(c.id))).filter((c): c is DocumentCue => c !== undefined);
    if (found.length === 0) return undefined;
    return { start: Math.min(...found.map((c) => c.start)), end: Math.max(...found.map((c) => c.end)) };
  };
  for (const group of body.groups) {
    for (const row of group.rows) {
      const span = spanOf(row, 'en') ?? spanOf(row, 'ru');
      if (span) out.set(row.id, span);
    }
  }
  return out;
}
