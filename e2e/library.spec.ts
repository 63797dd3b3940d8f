import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import iconv from 'iconv-lite';
import { makeDocx } from '../src-main/core/import/testing';
import { newUserDataDir, ROOT, type RunningHarness, startHarness } from './helpers/harness';

const STATEMENT = join(ROOT, 'resources/documents/asean-russia-covid19-2020');
/** The first paragraphs of the statement: a small but real pair. */
const paragraphs = (lang: 'en' | 'ru', n: number) => readFileSync(join(STATEMENT, `${lang}.txt`), 'utf8').split(/\n\s*\n/).slice(0, n);

async function toLibrary(page: Page, address: string) {
  await page.goto(address);
  await expect(page.locator('[data-row-id]').first()).toBeVisible();
  await page.getByRole('button', { name: 'Library' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
}

async function importPair(page: Page, en: { name: string; buffer: Buffer }, ru: { name: string; buffer: Buffer }) {
  await page.getByRole('button', { name: 'Import texts…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import texts' });
  await dialog.getByLabel('English file').setInputFiles({ ...en, mimeType: 'application/octet-stream' });
  await dialog.getByLabel('Russian file').setInputFiles({ ...ru, mimeType: 'application/octet-stream' });
  return dialog;
}

test('import a CP1251 + docx pair, fix two rows, restart: fixes and a note kept; TMX export parses', async ({ page }) => {
  const userDataDir = newUserDataDir();
  let harness: RunningHarness = await startHarness({ userDataDir });
  const en = paragraphs('en', 8);
  const ru = paragraphs('ru', 8);
  try {
    await toLibrary(page, harness.url);
    await expect(page.locator('tbody tr')).toHaveCount(1);
    const dialog = await importPair(
      page,
      { name: 'statement-en.docx', buffer: Buffer.from(makeDocx(en)) },
      { name: 'statement-ru.txt', buffer: iconv.encode(ru.join('\r\n\r\n'), 'win1251') },
    );
    await expect(dialog.locator('.import-files')).toContainText('windows-1251');
    await expect(dialog.locator('.import-files')).toContainText('DOCX');
    await dialog.getByLabel('English title').click();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Statement, first part');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    // The new document opens when it is aligned.
    await expect(page.locator('.app-document')).toHaveText('Statement, first part', { timeout: 30_000 });
    const rows = page.locator('[data-row-id]');
    const before = await rows.count();
    expect(before).toBeGreaterThan(5);

    // Reading mode: M changes nothing. Fix 1, in Edit alignment: merge the second row with the third.
    await rows.nth(1).locator('.clause').first().focus();
    await page.keyboard.press('m');
    await expect(rows).toHaveCount(before);
    await page.keyboard.press('e');
    await expect(page.getByRole('toolbar', { name: 'Alignment tools' })).toBeVisible();
    await page.keyboard.press('m');
    await expect(rows).toHaveCount(before - 1);
    // Fix 2: split that merged row again, from its clause menu.
    await rows.nth(1).locator('.cell[lang="en"] .clause').first().click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Split the row…' }).click();
    const split = page.getByRole('dialog', { name: 'Split the row' });
    await split.getByRole('button', { name: 'Split' }).click();
    await expect(rows).toHaveCount(before);
    // The rows can be drawn again before the dialog has closed; while it is open (modal) the text
    // behind it cannot take the focus, so the next step waits for it to close.
    await expect(split).toBeHidden();
    // And mark a row as checked, and add a note.
    await rows.nth(0).locator('.clause').first().focus();
    await page.keyboard.press('y');
    await expect(rows.nth(0)).toHaveAttribute('data-confirmed', 'true');
    await page.keyboard.press('m');
    await expect(rows).toHaveCount(before - 1);
    await rows.nth(2).locator('.clause').first().focus();
    await page.keyboard.press('r');
    const note = page.getByRole('dialog', { name: /Comparison note/ });
    await page.keyboard.type('Checked against the original.');
    await note.getByRole('button', { name: 'Save' }).click();
    await expect(page.locator('.row-note')).toHaveCount(1);
  } finally {
    await harness.stop();
  }

  harness = await startHarness({ userDataDir });
  try {
    await page.goto(harness.url);
    // The document read last reopens, with its corrections and the note.
    await expect(page.locator('.app-document')).toHaveText('Statement, first part');
    await expect(page.locator('[data-confirmed="true"]')).toHaveCount(1);
    await expect(page.locator('.row-note')).toContainText('Checked against the original.');
    const rowsNow = await page.locator('[data-row-id]').count();
    // Undo the last merge, then redo it (in Edit alignment: in reading mode undo is for notes).
    await page.locator('[data-row-id]').first().locator('.clause').first().focus();
    await page.keyboard.press('e');
    await page.keyboard.press('Control+z');
    await expect(page.locator('[data-row-id]')).toHaveCount(rowsNow + 1);
    await page.keyboard.press('Control+Shift+Z');
    await expect(page.locator('[data-row-id]')).toHaveCount(rowsNow);

    await page.getByLabel('Export alignment…').selectOption('tmx');
    const exports = join(userDataDir, 'exports');
    await expect.poll(() => (existsSync(exports) ? readdirSync(exports).filter((f) => f.endsWith('.tmx')) : [])).toHaveLength(1);
    const tmx = readFileSync(join(exports, readdirSync(exports).find((f) => f.endsWith('.tmx'))!), 'utf8');
    expect(XMLValidator.validate(tmx)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(tmx) as { tmx: { body: { tu: Array<{ tuv: Array<Record<string, unknown>> }> } } };
    const units = parsed.tmx.body.tu;
    // Every row, and the title paragraph (shown as the document's heading) as a unit of its own.
    expect(units.length).toBe(rowsNow + 1);
    await expect(page.locator('#document-title [lang="en"]')).toHaveText(en[0]!);
    expect(units[0]!.tuv.map((v) => v['@_xml:lang'])).toEqual(['en', 'ru']);

    // The library lists it with its counts; rename it; remove it (the note is kept unless asked).
    await page.getByRole('button', { name: 'Library' }).click();
    const row = page.locator('tbody tr').filter({ hasText: 'Statement, first part' });
    // One row count: the library's is the reader's.
    await expect(row).toContainText(`${rowsNow} rows`);
    await expect(row).toContainText('1 note');
    await row.getByRole('button', { name: 'Rename' }).click();
    await expect(page.getByLabel('English title')).toBeFocused();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Statement, part one');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.locator('tbody')).toContainText('Statement, part one');
    await page.locator('tbody tr').filter({ hasText: 'Statement, part one' }).getByRole('button', { name: 'Remove' }).click();
    const confirm = page.getByRole('dialog', { name: /Remove/ });
    await expect(confirm.getByRole('checkbox')).not.toBeChecked();
    await confirm.getByRole('button', { name: 'Remove' }).click();
    await expect(page.locator('tbody tr')).toHaveCount(1);
    // Its note is kept on disk until the reader deletes it explicitly.
    expect(readdirSync(join(userDataDir, 'annotations')).length).toBeGreaterThan(0);
  } finally {
    await harness.stop();
  }
});

test('bad input gets a clear message and nothing is half-imported', async ({ page }) => {
  const userDataDir = newUserDataDir();
  const harness = await startHarness({ userDataDir });
  try {
    await toLibrary(page, harness.url);
    const ru = { name: 'ru.txt', buffer: Buffer.from(paragraphs('ru', 3).join('\n\n')) };
    const cases: Array<[{ name: string; buffer: Buffer }, RegExp]> = [
      [{ name: 'empty.txt', buffer: Buffer.alloc(0) }, /“empty.txt” holds no text/],
      [{ name: 'picture.txt', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0, 0, 0xff]) }, /not a text file/i],
      [ru, /same file/i],
    ];
    for (const [file, message] of cases) {
      const dialog = await importPair(page, file, ru);
      await expect(dialog.getByRole('alert')).toContainText(message);
      await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
      await dialog.getByRole('button', { name: 'Cancel' }).click();
    }
    // The library is unchanged and no partial document was left behind.
    await expect(page.locator('tbody tr')).toHaveCount(1);
    const documents = join(userDataDir, 'documents');
    expect(existsSync(documents) ? readdirSync(documents).filter((f) => !f.startsWith('.')) : []).toEqual([]);
    // And the app still works.
    await page.locator('.library-open').first().click();
    await expect(page.locator('[data-row-id]').first()).toBeVisible();
  } finally {
    await harness.stop();
  }
});

test('swapped files are noticed and can be swapped back', async ({ page }) => {
  const harness = await startHarness();
  try {
    await toLibrary(page, harness.url);
    const dialog = await importPair(
      page,
      { name: 'a.txt', buffer: Buffer.from(paragraphs('ru', 4).join('\n\n')) },
      { name: 'b.txt', buffer: Buffer.from(paragraphs('en', 4).join('\n\n')) },
    );
    await expect(dialog.getByRole('alert')).toContainText('looks Russian');
    await expect(dialog.getByLabel('Swap them')).toBeChecked();
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.locator('.cell[lang="en"]').first()).toContainText('We, the Foreign Ministers', { timeout: 30_000 });
  } finally {
    await harness.stop();
  }
});

test('while an import runs the focus is on "Stop the import"; Enter there stops it and the focus goes back', async ({ page }) => {
  const harness = await startHarness();
  try {
    await toLibrary(page, harness.url);
    // A long pair (the statement eighty times over), so the import runs long enough to be seen.
    const long = (lang: 'en' | 'ru') => Buffer.from(Array.from({ length: 80 }, () => paragraphs(lang, 40).join('\n\n')).join('\n\n'));
    const dialog = await importPair(page, { name: 'long-en.txt', buffer: long('en') }, { name: 'long-ru.txt', buffer: long('ru') });
    const title = dialog.getByLabel('English title');
    await expect(title).toBeEnabled({ timeout: 30_000 });
    await title.focus();
    await page.keyboard.press('Enter');
    await expect(dialog.locator('.import-progress')).toBeVisible();
    const stop = dialog.getByRole('button', { name: 'Stop the import' });
    await expect(stop).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('button', { name: 'Import texts…' })).toBeFocused();
    await expect(page.locator('tbody tr')).toHaveCount(1);
  } finally {
    await harness.stop();
  }
});

test('the library in Russian: the counts of rows and notes on one line, Import beside Dictionaries', async ({ page }) => {
  const harness = await startHarness({ systemLanguage: 'ru-RU' });
  try {
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(harness.url);
    await expect(page.locator('[data-row-id]').first()).toBeVisible();
    await page.getByRole('button', { name: 'Библиотека' }).focus();
    await page.keyboard.press('Enter');
    const row = page.locator('[data-document-id="asean-russia-covid19-2020"]');
    await expect(row).toBeVisible();
    for (const cell of [row.locator('td').nth(2), row.locator('td').nth(3)]) {
      const lines = await cell.evaluate((td) => {
        const range = document.createRange();
        range.selectNodeContents(td);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      });
      expect(lines, `"${await cell.textContent()}" on one line`).toBe(1);
    }
    const importBox = await page.getByRole('button', { name: 'Импорт текстов…' }).boundingBox();
    const dictionaries = await page.getByRole('button', { name: 'Словари…' }).boundingBox();
    expect(dictionaries!.x - (importBox!.x + importBox!.width), 'Import is beside Dictionaries').toBeLessThan(40);
  } finally {
    await harness.stop();
  }
});

test('an import that fails can be tried again from the same dialog, with what was typed kept', async ({ page }) => {
  const harness = await startHarness();
  try {
    await toLibrary(page, harness.url);
    const dialog = await importPair(page, { name: 'en.txt', buffer: Buffer.from(paragraphs('en', 4).join('\n\n')) }, { name: 'ru.txt', buffer: Buffer.from(paragraphs('ru', 4).join('\n\n')) });
    const title = dialog.getByLabel('English title');
    await expect(title).toBeEnabled({ timeout: 30_000 });
    // The job's first report says it failed (as when the aligner runs out of memory).
    let failed = false;
    await page.route(/\/__ipc\/import%3Astatus$/, async (route) => {
      if (failed) return route.continue();
      failed = true;
      const { payload } = route.request().postDataJSON() as { payload: { jobId: string } };
      await route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ ok: true, value: { jobId: payload.jobId, state: 'failed', phase: 'aligning', progress: 0.5, error: { code: 'internal', message: 'out of memory', details: { reason: 'out-of-memory' } } } }),
      });
    });
    await title.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('My own title');
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('alert')).toContainText('more memory than it may use', { timeout: 30_000 });
    // The fields open again, what was typed is kept, and Import can be pressed again.
    await expect(title).toBeEnabled();
    await expect(title).toHaveValue('My own title');
    const start = dialog.getByRole('button', { name: 'Import', exact: true });
    await expect(start).toBeEnabled({ timeout: 30_000 });
    await start.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('.cell[lang="en"]').first()).toContainText('We, the Foreign Ministers', { timeout: 30_000 });
    // (The faked failure did not stop main's first job, so the library may hold that one too.)
    await page.getByRole('button', { name: /Library/ }).first().click();
    await expect(page.locator('tbody')).toContainText('My own title');
  } finally {
    await harness.stop();
  }
});
