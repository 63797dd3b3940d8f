/**
 * The print page of the bundled statement, side by side with a note as a footnote, rendered by
 * Chromium into a PDF (as Electron's `printToPDF` does in the app), then turned into PNG with
 * pdftoppm and its text read back with pdftotext. Skips, saying why, without poppler-utils.
 * `BITEXT_SCREENSHOTS=1` also writes docs/screenshots/print.png.
 *
 * The DOCX export is opened by LibreOffice (when installed: `apt-get install -y
 * libreoffice-writer-nogui`), turned into a PDF and read back the same way.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { DocumentLibrary } from '../src-main/core/documents/library';
import { toDocx } from '../src-main/core/export/docx';
import { printHtml } from '../src-main/core/export/print';
import { hasPoppler, hasTool } from './helpers/tools';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

test('the statement prints side by side: both columns level, paragraph numbers, a footnote', async ({ page }, info) => {
  test.skip(!hasPoppler, 'pdftoppm is missing: `apt-get install -y poppler-utils` to turn the PDF into PNG');
  const view = await new DocumentLibrary(join(ROOT, 'resources/documents')).open('asean-russia-covid19-2020');
  const row = view.body.groups[1]!.rows[0]!;
  const html = printHtml(view.body, { id: view.manifest.id, title: view.manifest.title }, {
    placement: 'footnotes',
    notes: [{ rowId: row.id, lang: 'ru', quote: row.ru[0]!.text.split(' ').slice(0, 3).join(' '), text: 'A note printed as a footnote.' }],
  });
  await page.setContent(html);
  const pdfPath = info.outputPath('print.pdf');
  writeFileSync(pdfPath, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const text = execFileSync('pdftotext', ['-layout', '-f', '1', '-l', '1', pdfPath, '-'], { encoding: 'utf8' });
  // Both languages on the first page, on the same lines (the columns are level).
  const firstEn = row.en[0]!.text.split(' ').slice(0, 3).join(' ');
  const firstRu = row.ru[0]!.text.split(' ').slice(0, 2).join(' ');
  const line = text.split('\n').find((l) => l.includes(firstEn));
  expect(line, `"${firstEn}" on page 1`).toBeDefined();
  expect(line).toContain(firstRu);
  expect(text).toMatch(/^\s*1\s/m);
  const all = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' });
  expect(all).toContain('A note printed as a footnote.');
  const pngBase = info.outputPath('page');
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', pdfPath, pngBase]);
  expect(statSync(`${pngBase}.png`).size).toBeGreaterThan(20_000);
  if (process.env.BITEXT_SCREENSHOTS) copyFileSync(`${pngBase}.png`, join(ROOT, 'docs/screenshots/print.png'));
  expect(existsSync(`${pngBase}.png`)).toBe(true);
});

// oxlint-disable-next-line no-empty-pattern -- Playwright's fixture argument comes first
test('the DOCX export opens in LibreOffice: a table row per aligned row, the note as a footnote', async ({}, info) => {
  test.skip(!hasPoppler, 'pdftotext is missing: `apt-get install -y poppler-utils`');
  test.skip(!hasTool('soffice', ['--version']), 'LibreOffice is missing: `apt-get install -y libreoffice-writer-nogui` to open the DOCX');
  const view = await new DocumentLibrary(join(ROOT, 'resources/documents')).open('asean-russia-covid19-2020');
  const row = view.body.groups[1]!.rows[0]!;
  const docx = info.outputPath('statement.docx');
  writeFileSync(docx, await toDocx(view.body, { id: view.manifest.id, title: view.manifest.title }, { placement: 'footnotes', notes: [{ rowId: row.id, lang: 'ru', text: 'A footnote on the Russian.' }] }));
  const out = info.outputPath('');
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${info.outputPath('lo-profile')}`, '--convert-to', 'pdf', '--outdir', out, docx], { stdio: 'ignore', timeout: 180_000 });
  const text = execFileSync('pdftotext', ['-layout', join(out, 'statement.pdf'), '-'], { encoding: 'utf8' });
  const firstEn = row.en[0]!.text.split(' ').slice(0, 3).join(' ');
  const line = text.split('\n').find((l) => l.includes(firstEn));
  expect(line, `"${firstEn}" in the PDF`).toBeDefined();
  expect(line).toContain(row.ru[0]!.text.split(' ').slice(0, 2).join(' '));
  expect(text).toContain('A footnote on the Russian.');
  const last = view.body.groups.at(-1)!.rows.at(-1)!;
  // The last row too (the columns interleave in the text layer, so its first words).
  expect(text).toContain(last.en[0]!.text.split(' ').slice(0, 3).join(' '));
  expect(text).toContain(last.ru[0]!.text.split(' ').slice(0, 2).join(' '));
});

test('print:pdf through the harness: Chromium makes the PDF, written where exports go', async ({ request }) => {
  test.skip(!hasPoppler, 'pdftotext is missing: `apt-get install -y poppler-utils`');
  const { startHarness } = await import('./helpers/harness');
  const harness = await startHarness();
  try {
    const response = await request.post(`${harness.origin}/__ipc/print:pdf`, {
      headers: harness.headers,
      data: { hasPayload: true, payload: { documentId: 'asean-russia-covid19-2020', notes: 'omit' } },
    });
    const result = (await response.json()) as { ok: boolean; value?: { saved: boolean; path?: string } };
    expect(result).toMatchObject({ ok: true, value: { saved: true } });
    const path = result.value!.path!;
    expect(path.startsWith(harness.userDataDir)).toBe(true);
    const text = execFileSync('pdftotext', ['-f', '1', '-l', '1', path, '-'], { encoding: 'utf8' });
    expect(text).toContain('We, the Foreign Ministers');
    expect(text).toContain('Мы, министры иностранных дел');
  } finally {
    await harness.stop();
  }
});
