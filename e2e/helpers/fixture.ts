import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './harness';

export interface FixtureRow {
  en: string[];
  ru: string[];
}
export interface FixtureGroup {
  number: number;
  kind: string;
  rows: FixtureRow[];
}

/** The hand-checked alignment of the bundled statement. */
export function statementAlignment(): { groups: FixtureGroup[] } {
  return JSON.parse(
    readFileSync(join(ROOT, 'src-main/core/align/fixtures/asean-russia-covid19-2020.alignment.json'), 'utf8'),
  ) as { groups: FixtureGroup[] };
}
