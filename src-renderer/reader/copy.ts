import type { AlignedRow, Lang } from '../../src-main/contract/ipc';
import { rowText } from './model';

/** A row as plain text: the English, a blank line, the Russian. */
export function pairAsText(row: AlignedRow): string {
  return `${rowText(row, 'en')}\n\n${rowText(row, 'ru')}`;
}

/** A row as Markdown: a two-column table, fit for notes apps. */
export function pairAsMarkdown(row: AlignedRow, paragraph: number, headings: Record<Lang, string>): string {
  const cell = (text: string) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
  return [
    `| ¶ | ${cell(headings.en)} | ${cell(headings.ru)} |`,
    '| --- | --- | --- |',
    `| ${paragraph} | ${cell(rowText(row, 'en'))} | ${cell(rowText(row, 'ru'))} |`,
    '',
  ].join('\n');
}
