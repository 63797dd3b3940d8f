import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
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

/** The statement's paragraphs after the title (the title is ¶1 in Go to, so ¶2 is the first of these). */
export const statementParagraphs = (): FixtureGroup[] => statementAlignment().groups.filter((g) => g.kind !== 'title');

/** The line (`data-row-line`) of the first row of the statement's ¶n, the title counted as ¶1. */
export function firstRowOf(n: number): number {
  return statementParagraphs()
    .slice(0, n - 1)
    .reduce((sum, g) => sum + g.rows.length, 0);
}

/** The line (`data-row-line`) of the row that holds the focus, -1 when none does. */
export const focusedRowLine = (page: Page): Promise<number> =>
  page.evaluate(() => Number(document.activeElement?.closest<HTMLElement>('[data-row-line]')?.dataset.rowLine ?? -1));
