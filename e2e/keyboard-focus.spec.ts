/**
 * Where the focus goes, for a reader with the keyboard alone: never to the page's body. Back to the
 * library (the entry of the document one came from), a document opened from there or imported
 * (its text), a dictionary added or removed (its row, inside the dialog), D on a linked term
 * (that term is looked up), the Checks panel and the concordance (Down and Up work at once).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { EN_RU, writeStarDict } from '../src-main/core/dictionary/testing';
import { ROOT, harnessPerTest } from './helpers/harness';

const DOC = 'asean-russia-covid19-2020';
const STATEMENT = join(ROOT, 'resources/documents/asean-russia-covid19-2020');
const paragraphs = (lang: 'en' | 'ru', n: number) => readFileSync(join(STATEMENT, `${lang}.txt`), 'utf8').split(/\n\s*\n/).slice(0, n).join('\n\n');

const { open } = harnessPerTest();
const active = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return {
      body: !el || el === document.body,
      tag: el?.tagName.toLowerCase() ?? '',
      text: el?.textContent?.trim() ?? '',
      row: Number(el?.closest<HTMLElement>('[data-row-line]')?.dataset.rowLine ?? -1),
      clause: !!el?.closest('.clause'),
      inDialog: !!el?.closest('dialog[open]'),
    };
  });
/** Files for a StarDict dictionary, written where a file input can take them. */
function dictionaryFiles(entries: Parameters<typeof writeStarDict>[1], name: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'bitext-dicts-'));
  return writeStarDict(name, entries).map((f) => {
    const path = join(dir, f.name);
    writeFileSync(path, f.bytes);
    return path;
  });
}

test('back to the library: the focus is on the document one came from; opening it puts the focus in its text', async ({ page }) => {
  await open(page);
  await page.locator('.clause').first().focus();
  // Shift+Tab from the text to the bar is long; the bar's first button is the library.
  await page.getByRole('button', { name: 'Library' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
  const entry = page.locator(`[data-document-id="${DOC}"] .library-open`);
  await expect(entry).toBeFocused();
  // Enter opens it again: the focus is in its text, on the row read last (here the first).
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-row-id]').first()).toBeVisible();
  await expect.poll(async () => (await active(page)).clause).toBe(true);
  expect((await active(page)).row).toBe(0);
  // And the keys work from there at once: J goes to the next row.
  await page.keyboard.press('j');
  await expect.poll(async () => (await active(page)).row).toBe(1);
});

test('an import opens the new document with the focus on its first row', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'Library' }).focus();
  await page.keyboard.press('Enter');
  const importButton = page.getByRole('button', { name: 'Import texts…' });
  await importButton.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Import texts' });
  await dialog.getByLabel('English file').setInputFiles({ name: 'part-en.txt', mimeType: 'text/plain', buffer: Buffer.from(paragraphs('en', 6)) });
  await dialog.getByLabel('Russian file').setInputFiles({ name: 'part-ru.txt', mimeType: 'text/plain', buffer: Buffer.from(paragraphs('ru', 6)) });
  // Each file named once: by its field; the check below names the field, not the file again.
  await expect(dialog.locator('.import-files')).toContainText('English file: TXT', { timeout: 30_000 });
  await expect(dialog.getByText('part-en.txt')).toHaveCount(0);
  await dialog.getByLabel('English title').focus();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Part of the statement');
  await page.keyboard.press('Enter');
  await expect(page.locator('.app-document')).toHaveText('Part of the statement', { timeout: 30_000 });
  await expect.poll(async () => (await active(page)).clause).toBe(true);
  expect((await active(page)).row).toBe(0);
});

test('adding a dictionary puts the focus on its row in the dialog; removing it, on Add', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'Library' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Dictionaries…' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Dictionaries' });
  const input = dialog.getByLabel('Add a dictionary: choose all its files together');
  await expect(input).toBeFocused();
  await input.setInputFiles(dictionaryFiles(EN_RU, 'Tiny English-Russian'));
  await expect(dialog.locator('tbody tr')).toHaveCount(1);
  // The new dictionary's name has the focus (its status is announced); never the page.
  await expect(dialog.locator('tbody tr th')).toBeFocused();
  expect((await active(page)).inDialog).toBe(true);
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Remove Tiny English-Russian' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog.locator('tbody tr')).toHaveCount(0);
  await expect(input).toBeFocused();
  // Still trapped in the dialog: Tab stays inside.
  await page.keyboard.press('Tab');
  expect((await active(page)).inDialog).toBe(true);
});

test('D on a term stepped to with ] looks up that term, not the clause’s first word; Escape goes back to the term', async ({ page }) => {
  await open(page);
  const clause = page.locator('[data-row-line="1"] .cell[lang="en"] .clause').first();
  await clause.focus();
  await expect(page.locator('[data-row-line="1"] .term').first()).toBeAttached();
  const clauseWord = await clause.evaluate((el) => /[\p{L}\d]+/u.exec(el.textContent ?? '')?.[0] ?? '');
  // ] until a term that does not start the clause (the clause's first word is what D took before).
  const firstWordOfFocus = () => page.evaluate(() => /[\p{L}\d]+/u.exec(document.activeElement?.classList.contains('term') ? (document.activeElement.textContent ?? '') : '')?.[0] ?? '');
  let termWord = '';
  let presses = 0;
  while (presses < 6 && (termWord === '' || termWord.toLowerCase() === clauseWord.toLowerCase())) {
    await page.keyboard.press('BracketRight');
    presses++;
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('term'))).toBe(true);
    termWord = await firstWordOfFocus();
  }
  expect(termWord).not.toBe('');
  expect(termWord.toLowerCase()).not.toBe(clauseWord.toLowerCase());

  // A dictionary that has the term's word (added from the palette, as a keyboard user does).
  await page.keyboard.press('Control+k');
  await page.keyboard.type('Dictionaries');
  await page.keyboard.press('Enter');
  const settings = page.getByRole('dialog', { name: 'Dictionaries' });
  await settings.getByLabel('Add a dictionary: choose all its files together').setInputFiles(dictionaryFiles([{ headword: termWord.toLowerCase(), definition: 'the term itself' }], 'Terms'));
  await expect(settings.locator('tbody tr')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();

  await clause.focus();
  for (let i = 0; i < presses; i++) await page.keyboard.press('BracketRight');
  await expect.poll(firstWordOfFocus).toBe(termWord);
  const term = await page.evaluate(() => document.activeElement?.id ?? '');
  await page.keyboard.press('d');
  const popup = page.locator('.lookup-popup');
  await expect(popup.locator('.lookup-word')).toHaveText(termWord);
  await expect(popup).toContainText('the term itself');
  await page.keyboard.press('Escape');
  await expect(popup).toBeHidden();
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(term);
});

test('the Checks panel opens on its first finding: Down, Up and Enter work at once; Down works from its heading too', async ({ page }) => {
  await open(page);
  await page.locator('.clause').first().focus();
  await expect(page.locator('.flag-finding').first()).toBeAttached({ timeout: 20_000 });
  await page.keyboard.press('Shift+KeyC');
  const panel = page.getByRole('complementary', { name: 'Checks' });
  const jumps = panel.locator('[data-finding-jump]');
  await expect(jumps.first()).toBeFocused();
  expect(await jumps.count()).toBeGreaterThan(1);
  await page.keyboard.press('ArrowDown');
  await expect(jumps.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(jumps.first()).toBeFocused();
  // Up from the first goes to the heading; Down from there back to the first.
  await page.keyboard.press('ArrowUp');
  await expect(panel.getByRole('heading', { name: 'Checks' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(jumps.first()).toBeFocused();
  await page.keyboard.press('End');
  await expect(jumps.last()).toBeFocused();
  await page.keyboard.press('Home');
  await expect(jumps.first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await active(page)).clause).toBe(true);
});

test('the concordance: Down from the word goes to the first occurrence, Up back to the word; its language choice is led in', async ({ page }) => {
  await open(page);
  await page.locator('.clause').first().focus();
  await page.keyboard.press('Shift+KeyF');
  const panel = page.locator('#concordance-panel');
  const input = page.locator('#concordance-input');
  await expect(input).toBeFocused();
  // "Look in: English / Russian", seen and heard.
  await expect(panel.getByRole('radiogroup', { name: 'Look in:' })).toBeVisible();
  await expect(panel.locator('.search-modes-label')).toBeVisible();
  await page.keyboard.type('cooperation');
  const hits = panel.locator('.concordance-hits .search-result');
  await expect(hits.nth(1)).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(hits.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(hits.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(input).toBeFocused();
  await expect(input).toHaveValue('cooperation');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(hits.first()).toHaveAttribute('aria-current', 'true');
});
