/**
 * `.tsv` (bilingual): `English<TAB>Russian` per line (further columns ignored; a header line
 * naming the languages is skipped). Lines are read one at a time and every unit charged on both
 * sides.
 */
import { decodeBytes } from '../decode';
import { ImportError, displayName } from '../errors';
import { ExtractionBudget } from '../limits';
import { type BilingualUnit, UnitSink, forEachLine, oneLine } from './paragraphs';
import type { BilingualReader } from './reader';
import { type ImportWarning, importWarning } from '../warnings';

export const tsvReader: BilingualReader = {
  kind: 'bilingual',
  format: 'tsv',
  extensions: ['tsv', 'tab'],
  read(bytes, { budget, limits }) {
    const decoded = decodeBytes(bytes, budget.name, { maxBytes: limits.maxFileBytes });
    const { units, warnings } = readTsv(decoded.text, budget);
    return { format: 'tsv', units, encoding: decoded.encoding, warnings: [...decoded.warnings, ...warnings] };
  },
};

const HEADER_EN = /^(en|eng|english|source|английский)$/i;
const HEADER_RU = /^(ru|rus|russian|target|русский)$/i;

/** `English<TAB>Russian` per line; a line without a tab is English alone. */
export function parseTsv(text: string, fileName = 'the file'): { units: BilingualUnit[]; warnings: ImportWarning[] } {
  return readTsv(text, new ExtractionBudget(fileName));
}

function readTsv(text: string, budget: ExtractionBudget): { units: BilingualUnit[]; warnings: ImportWarning[] } {
  const name = displayName(budget.name);
  const sink = new UnitSink(budget);
  let lines = 0;
  let untabbed = 0;
  let first = true;
  forEachLine(text, (line) => {
    if (line.trim() === '') return;
    const fields = line.split('\t', 3);
    const header = first && fields.length >= 2 && HEADER_EN.test(fields[0]!.trim()) && HEADER_RU.test(fields[1]!.trim());
    first = false;
    if (header) return;
    lines++;
    if (fields.length < 2) untabbed++;
    sink.add(oneLine(fields[0] ?? ''), oneLine(fields[1] ?? ''));
  });
  if (lines === 0) throw new ImportError('empty-file', `“${name}” holds no lines`, name);
  if (untabbed * 2 > lines) {
    throw new ImportError('unsupported-format', `“${name}” is not tab-separated (English<TAB>Russian on each line)`, name, { reason: 'not-tab-separated' });
  }
  const warnings = untabbed > 0 ? [importWarning('lines-without-tab', { count: untabbed })] : [];
  return { units: sink.units, warnings };
}
