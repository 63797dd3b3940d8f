/**
 * Test helpers: the bundled statement's rows (the hand-made clause alignment) and the rows of an
 * evaluation text, as English/Russian text pairs. Node only (reads files); not used by the app.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseEvalSet } from '../align/evaluation';

export interface TextRow {
  id: string;
  en: string;
  ru: string;
}

const root = new URL('../../../', import.meta.url);

interface Fixture {
  groups: { number: number; rows: { en: string[]; ru: string[] }[] }[];
}

/** The statement's aligned rows, with the reader's row ids (`r<group>-<row>`). */
export function statementRows(): TextRow[] {
  const fixture = JSON.parse(readFileSync(new URL('src-main/core/align/fixtures/asean-russia-covid19-2020.alignment.json', root), 'utf8')) as Fixture;
  return fixture.groups.flatMap((g) => g.rows.map((r, k) => ({ id: `r${g.number}-${k}`, en: r.en.join(' '), ru: r.ru.join(' ') })));
}

/** The statement's two texts as shipped. */
export function statementTexts(): { en: string; ru: string } {
  const dir = new URL('resources/documents/asean-russia-covid19-2020/', root);
  return { en: readFileSync(new URL('en.txt', dir), 'utf8'), ru: readFileSync(new URL('ru.txt', dir), 'utf8') };
}

/** The beads of an evaluation text in `src-main/core/align/eval/` as rows. */
export function evalRows(name: string): TextRow[] {
  const set = parseEvalSet(name, readFileSync(new URL(`src-main/core/align/eval/${name}.txt`, root), 'utf8'));
  return set.gold.map((b, k) => ({ id: `r${k}`, en: b.en.map((i) => set.en[i]).join(' '), ru: b.ru.map((i) => set.ru[i]).join(' ') }));
}

export function goldText(name: string): string {
  return readFileSync(new URL(`src-main/core/compare/gold/${name}.txt`, root), 'utf8');
}

/** The 206 rows the benchmark's 10,000-row document cycles: the statement's, then the evaluation texts'. */
export function benchBaseRows(): TextRow[] {
  return [...statementRows(), ...['treaty', 'news', 'story', 'manual'].flatMap((name) => evalRows(name))];
}

/**
 * A short digest of a comparison's output (the links of every row and the findings, as JSON, SHA-256,
 * first 16 hex digits): the same digest means byte-identical output.
 */
export function analysisDigest(links: unknown, findings: unknown): { links: string; findings: string } {
  const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
  return { links: digest(links), findings: digest(findings) };
}
