/**
 * `bitext check`: the consistency checks of the app on the command line. Aligns the two texts as
 * `bitext align` does, runs the checks on the aligned rows and prints the findings as text or
 * JSON. Findings are data, not errors: the exit status is 0 whenever the check ran.
 * Node-free (the process wrapper reads the files).
 */
import { analyseDocument } from '../core/compare/analyse';
import type { Finding } from '../core/compare/checks';
import { type GlossaryFormat, glossaryFormatOf, parseGlossary } from '../core/compare/glossary';
import { type Alignment, type InputSide, InputError, alignPresegmented, alignRaw, textOf } from './core';
import { UsageError, readArgs, twoFiles } from './options';

export const CHECK_FORMATS = ['text', 'json'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

export const CHECK_USAGE = `       bitext check [--presegmented] [--glossary FILE] [--format text|json] <en-file> <ru-file>

check: aligns the two texts and lists what differs between them: numbers, dates, percentages,
  acronyms, Latin tokens, URLs, e-mail addresses, names or bracketed references missing or
  different on one side; untranslated rows; empty sides; rows much longer or shorter than the
  text's ratio; glossary terms without their equivalent; words rendered in different ways.
  --glossary FILE  term pairs (.csv or .tsv: en, ru[, note]; .tbx: TBX-Basic)
  --format F       text (default) or json (each finding with kind, the row's English and Russian
                   text and the items)
  Exit status 0 when the check ran, whatever it found.`;

export interface CheckCommand {
  command: 'check';
  presegmented: boolean;
  format: CheckFormat;
  glossary: string | undefined;
  en: string;
  ru: string;
}

export function parseCheckArgs(rest: readonly string[]): CheckCommand {
  const args = readArgs(rest, { flags: ['--presegmented'], values: ['--format', '--glossary'] });
  const format = args.values.get('--format') ?? 'text';
  if (!(CHECK_FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format for check: ${format} (text or json)`);
  const glossary = args.values.get('--glossary');
  if (glossary !== undefined && !glossaryFormatOf(glossary)) throw new UsageError(`--glossary needs a .csv, .tsv or .tbx file, not ${glossary}`);
  return { command: 'check', presegmented: args.flags.has('--presegmented'), format: format as CheckFormat, glossary, ...twoFiles(args.files) };
}

export interface CheckedRow {
  /** 0-based bead number in the alignment. */
  row: number;
  en: string;
  ru: string;
}

const clip = (text: string, n = 100): string => (text.length > n ? `${text.slice(0, n - 3)}...` : text);

function formatText(findings: readonly Finding[], rows: readonly CheckedRow[]): string {
  const byId = new Map(rows.map((r) => [`b${r.row}`, r]));
  const lines: string[] = [];
  for (const f of findings) {
    const row = byId.get(f.rowId)!;
    const items = f.items.map((i) => `${i.side}: ${JSON.stringify(clip(i.text, 60))}${i.count !== undefined ? ` ×${i.count}` : ''}`).join(', ');
    lines.push(`row ${row.row + 1}  ${f.kind} (${f.detail})  ${items}`);
    if (f.kind !== 'inconsistent') lines.push(`    en: ${clip(row.en)}`, `    ru: ${clip(row.ru)}`);
    else lines.push(`    rows: ${f.rowIds!.map((id) => byId.get(id)!.row + 1).join(', ')}`);
  }
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  const summary = findings.length === 0 ? 'no findings' : `${findings.length} finding${findings.length === 1 ? '' : 's'} (${[...counts].map(([k, n]) => `${k} ${n}`).join(', ')})`;
  lines.push(`${summary} in ${rows.length} rows`);
  return `${lines.join('\n')}\n`;
}

function formatJson(findings: readonly Finding[], rows: readonly CheckedRow[]): string {
  const byId = new Map(rows.map((r) => [`b${r.row}`, r]));
  return `${JSON.stringify(
    {
      rows: rows.length,
      findings: findings.map((f) => {
        const row = byId.get(f.rowId)!;
        return {
          kind: f.kind,
          detail: f.detail,
          row: row.row,
          en: row.en,
          ru: row.ru,
          items: f.items,
          ...(f.rowIds ? { rows: f.rowIds.map((id) => byId.get(id)!.row) } : {}),
        };
      }),
    },
    null,
    2,
  )}\n`;
}

export function rowsOf(alignment: Alignment): CheckedRow[] {
  const join = (side: 'en' | 'ru', indexes: readonly number[]): string => indexes.map((k) => alignment.segments[side][k]!.text).join(' ');
  return alignment.beads.map((b, row) => ({ row, en: join('en', b.en), ru: join('ru', b.ru) }));
}

/** Runs a parsed `check` command on the two decoded texts (and the glossary file's text). */
export function runCheck(command: CheckCommand, en: InputSide, ru: InputSide, glossaryText?: string): string {
  let glossary: { en: string; ru: string }[] = [];
  if (command.glossary !== undefined) {
    const format = glossaryFormatOf(command.glossary) as GlossaryFormat;
    const parsed = parseGlossary(glossaryText ?? '', format);
    if (parsed.unclosedQuoteLine !== undefined) throw new InputError(`${command.glossary}: line ${parsed.unclosedQuoteLine} opens a quote that is never closed`);
    if (parsed.drafts.length === 0) throw new InputError(`${command.glossary}: no term pairs found`);
    glossary = parsed.drafts;
  }
  const alignment = command.presegmented ? alignPresegmented(textOf(en), textOf(ru)) : alignRaw(en, ru);
  if (alignment.segments.en.length === 0 || alignment.segments.ru.length === 0) {
    throw new InputError(`${alignment.segments.en.length === 0 ? command.en : command.ru}: no segments found`);
  }
  const rows = rowsOf(alignment);
  const { findings } = analyseDocument(
    rows.map((r) => ({ id: `b${r.row}`, en: r.en, ru: r.ru })),
    { glossary },
  );
  return command.format === 'json' ? formatJson(findings, rows) : formatText(findings, rows);
}
