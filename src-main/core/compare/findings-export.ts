/**
 * The findings of a document as Markdown (to read) or CSV (to sort and filter in a spreadsheet).
 * Pure TypeScript.
 */
import type { CheckRow, Finding } from './checks';

import type { FindingsExportFormat } from '../../contract/compare';

export { FINDINGS_EXPORT_FORMATS, type FindingsExportFormat } from '../../contract/compare';

const cell = (text: string): string => text.replace(/\|/gu, '\\|').replace(/\s+/gu, ' ');
const csv = (text: string): string => (/[",\r\n]/u.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
const itemsText = (f: Finding): string => f.items.map((i) => `${i.side}: ${i.text}${i.count !== undefined ? ` (${i.count})` : ''}`).join('; ');

export function exportFindings(
  format: FindingsExportFormat,
  findings: readonly Finding[],
  rows: readonly CheckRow[],
  meta: { title: string; dismissed: ReadonlySet<string> },
): string {
  const index = new Map(rows.map((r, k) => [r.id, { row: r, number: k + 1 }]));
  if (format === 'csv') {
    const lines = [['row', 'row id', 'kind', 'detail', 'items', 'english', 'russian', 'dismissed'].join(',')];
    for (const f of findings) {
      const at = index.get(f.rowId);
      lines.push([String(at?.number ?? ''), f.rowId, f.kind, f.detail, itemsText(f), at?.row.en ?? '', at?.row.ru ?? '', meta.dismissed.has(f.id) ? 'yes' : ''].map(csv).join(','));
    }
    return `${lines.join('\r\n')}\r\n`;
  }
  const open = findings.filter((f) => !meta.dismissed.has(f.id));
  const out = [`# Checks: ${meta.title}`, '', `${open.length} open, ${findings.length - open.length} dismissed.`, ''];
  out.push('| Row | Kind | Detail | Items | English | Russian |', '| ---: | --- | --- | --- | --- | --- |');
  for (const f of findings) {
    const at = index.get(f.rowId);
    const mark = meta.dismissed.has(f.id) ? ' (dismissed)' : '';
    out.push(`| ${at?.number ?? ''} | ${f.kind}${mark} | ${f.detail} | ${cell(itemsText(f))} | ${cell(at?.row.en ?? '')} | ${cell(at?.row.ru ?? '')} |`);
  }
  return `${out.join('\n')}\n`;
}
