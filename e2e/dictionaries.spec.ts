/**
 * Issue 12 in the reader: the dictionary popup (double-click a word, or D on a clause, on any
 * keyboard layout), the dictionaries settings (add, remove, a broken one), the print dialog (PDF
 * through the harness's Chromium, turned into PNG), and a document's details (suggested from an
 * EPUB's metadata at import, edited in the library, shown without placeholders or import dates).
 * `BITEXT_SCREENSHOTS=1` also writes docs/screenshots/lookup.png, dictionaries.png, print.png, details.png.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { EN_RU, RU_EN, writeDictd, writeStarDict } from '../src-main/core/dictionary/testing';
import { makeEpub } from '../src-main/core/import/book-fixtures';
import { newUserDataDir, ROOT, type RunningHarness, startHarness } from './helpers/harness';
import { hasPoppler } from './helpers/tools';

const SHOTS = join(ROOT, 'test-results', 'screenshots');
const shot = async (page: Page, name: string, clip?: { x: number; y: number; width: number; height: number }) => {
  mkdirSync(SHOTS, { recursive: true });
  const file = join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file, ...(clip ? { clip } : {}) });
  if (process.env.BITEXT_SCREENSHOTS === '1' && !name.startsWith('all-') && name.endsWith('-en-light-1400')) {
    copyFileSync(file, join(ROOT, 'docs', 'screenshots', `${name.replace(/-en-light-1400$/, '')}.png`));
  }
};

/** The dictionaries' files, written where a file input can take them. */
function dictionaryFiles(): { enRu: string[]; ruEn: string[]; broken: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'bitext-dicts-'));
  const write = (files: Array<{ name: string; bytes: Uint8Array }>) =>
    files.map((f) => {
      const path = join(dir, f.name);
      writeFileSync(path, f.bytes);
      return path;
    });
  const enRu = write(writeStarDict('Tiny English-Russian', EN_RU, { dz: true }));
  const ruEn = write(writeDictd('tiny-ru-en', RU_EN, { dz: true }));
  // A truncated index: the .idx cut in the middle of an entry.
  const whole = writeStarDict('Broken', EN_RU);
  const broken = write(whole.map((f) => (f.name.endsWith('.idx') ? { name: f.name, bytes: f.bytes.subarray(0, f.bytes.length - 5) } : f)));
  return { enRu, ruEn, broken };
}

let harness: RunningHarness;
test.afterEach(async () => {
  await harness?.stop();
});

async function open(page: Page, width = 1400) {
  await page.setViewportSize({ width, height: 860 });
  await page.goto(harness.url);
  await expect(page.locator('[data-row-id]').first()).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
}

/** The English clause that holds `word`, focused. */
async function focusClauseWith(page: Page, lang: 'en' | 'ru', word: string) {
  const clause = page.locator(`.cell[lang="${lang}"] .clause`, { hasText: word }).first();
  await clause.scrollIntoViewIfNeeded();
  await clause.focus();
  return clause;
}

const axe = async (page: Page, include: string) => {
  const results = await new AxeBuilder({ page }).include(include).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
};

test('D on a clause with no dictionary: the popup says so and leads to the settings; add two, look up both ways', async ({ page }) => {
  harness = await startHarness({ userDataDir: newUserDataDir() });
  const files = dictionaryFiles();
  await open(page);
  const clause = await focusClauseWith(page, 'en', 'pandemic');
  await page.keyboard.press('d');
  const popup = page.getByRole('dialog', { name: /^\S+$/ });
  await expect(popup).toBeVisible();
  await expect(popup).toContainText('No dictionary added yet.');
  await expect(popup).toBeFocused();
  // Escape closes it and the focus is back on the clause.
  await page.keyboard.press('Escape');
  await expect(popup).toBeHidden();
  await expect(clause).toBeFocused();

  // Again, and through the link to the settings: add the StarDict and the dictd dictionaries.
  await page.keyboard.press('d');
  await expect(page.getByRole('button', { name: 'Add a dictionary…' })).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Add a dictionary…' })).toBeFocused();
  await page.keyboard.press('Enter');
  const settings = page.getByRole('dialog', { name: 'Dictionaries' });
  await expect(settings).toBeVisible();
  await expect(settings).toContainText('No dictionary added yet.');
  const input = settings.getByLabel('Add a dictionary: choose all its files together');
  await expect(input).toBeFocused();
  await input.setInputFiles(files.enRu);
  await expect(settings.locator('[role="status"]').last()).toContainText('Added Tiny English-Russian: 8 entries.');
  await input.setInputFiles(files.ruEn);
  const rows = settings.locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('StarDict');
  await expect(rows.nth(0)).toContainText('English');
  await expect(rows.nth(1)).toContainText('dictd');
  await expect(rows.nth(1)).toContainText('Russian');
  expect(await axe(page, '.dictionaries-dialog')).toEqual([]);
  await shot(page, 'dictionaries-en-light-1400');
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();

  // Double-click "measures" (a form; the dictionary has "measure" and the synonym).
  const measures = page.locator('.cell[lang="en"] .clause', { hasText: 'measures' }).first();
  await measures.scrollIntoViewIfNeeded();
  const box = await measures.evaluate((el) => {
    const text = el.firstChild?.textContent ?? el.textContent ?? '';
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.textContent?.search(/\bmeasures\b/) ?? -1;
      if (at >= 0) {
        const range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + 'measures'.length);
        const r = range.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2, text };
      }
    }
    throw new Error('no "measures"');
  });
  await page.mouse.dblclick(box.x, box.y);
  const measuresPopup = page.getByRole('dialog', { name: 'measures' });
  await expect(measuresPopup).toBeVisible();
  await expect(measuresPopup.locator('.lookup-entry').first()).toContainText('мера; мероприятие');
  // `measures` is in the .syn under `measure`: its base form, not a synonym.
  await expect(measuresPopup.locator('.lookup-entry').first()).toContainText('measure (base form of “measures”)');
  expect(await axe(page, '.lookup-popup')).toEqual([]);
  await shot(page, 'lookup-en-light-1400');
  // Right arrow: the next word of the clause.
  const before = await measuresPopup.locator('.lookup-word').textContent();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.lookup-word')).not.toHaveText(before ?? '');
  await page.keyboard.press('Escape');
  await expect(page.locator('.lookup-popup')).toBeHidden();

  // The other direction, on a Russian layout (D gives "в"; its code is still KeyD): "пандемии" → "пандемия".
  const ru = await focusClauseWith(page, 'ru', 'пандемии');
  await ru.evaluate((el) => {
    const text = el.textContent ?? '';
    const at = text.indexOf('пандемии');
    const range = document.createRange();
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let offset = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const length = n.textContent?.length ?? 0;
      if (at < offset + length) {
        range.setStart(n, at - offset);
        range.setEnd(n, at - offset + 8);
        break;
      }
      offset += length;
    }
    window.getSelection()?.removeAllRanges();
    window.getSelection()?.addRange(range);
    el.dispatchEvent(new KeyboardEvent('keydown', { key: 'в', code: 'KeyD', bubbles: true, cancelable: true }));
  });
  const ruPopup = page.getByRole('dialog', { name: 'пандемии' });
  await expect(ruPopup).toBeVisible();
  await expect(ruPopup.locator('.lookup-entry').first()).toContainText('пандемия');
  await expect(ruPopup.locator('.lookup-entry').first()).toContainText('pandemic');
  await expect(ruPopup).toContainText('(base form of “пандемии”)');
  await page.keyboard.press('Escape');
  await expect(ru).toBeFocused();

  // Not found says so (and names the word).
  await focusClauseWith(page, 'en', 'Ministers');
  await page.keyboard.press('d');
  await expect(page.locator('.lookup-popup')).toContainText('is not in your dictionaries');

  // Typing in a field never opens the popup.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+f');
  await page.keyboard.type('dd');
  await expect(page.locator('.lookup-popup')).toBeHidden();
  await expect(page.locator('#search-input')).toHaveValue('dd');
});

test('a broken dictionary gets a clear message in Russian, nothing is kept; remove works', async ({ page }) => {
  harness = await startHarness({ userDataDir: newUserDataDir(), systemLanguage: 'ru-RU' });
  const files = dictionaryFiles();
  await open(page, 900);
  await page.locator('.clause').first().focus();
  await page.keyboard.press('Control+k');
  await page.keyboard.type('Словари');
  await page.keyboard.press('Enter');
  const settings = page.getByRole('dialog', { name: 'Словари' });
  await expect(settings).toBeVisible();
  const input = settings.getByLabel('Добавить словарь: выберите все его файлы вместе');
  await input.setInputFiles(files.broken);
  await expect(settings.getByRole('alert')).toContainText('Словарь повреждён');
  // Said once, in Russian: main's English detail is not added to it.
  await expect(settings.getByRole('alert')).not.toContainText(/[A-Za-z]{3,}/);
  await expect(settings.locator('tbody tr')).toHaveCount(0);
  await input.setInputFiles(files.ruEn);
  await expect(settings.locator('tbody tr')).toHaveCount(1);
  await shot(page, 'dictionaries-ru-light-900');
  await settings.getByRole('button', { name: 'Удалить tiny-ru-en' }).click();
  await expect(settings.locator('tbody tr')).toHaveCount(0);
  await expect(settings).toContainText('Словари ещё не добавлены.');
});

test('print dialog: notes as footnotes, Save as PDF through the harness, the page turned into PNG; DOCX from there too', async ({ page }) => {
  test.skip(!hasPoppler, 'pdftoppm is missing: `apt-get install -y poppler-utils` to turn the PDF into PNG');
  harness = await startHarness({ userDataDir: newUserDataDir() });
  await open(page);
  // A note on the first row, to print as a footnote.
  await page.locator('.clause').first().focus();
  await page.keyboard.press('r');
  await page.keyboard.type('A note printed as a footnote.');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('dialog')).toBeHidden();
  await page.keyboard.press('Control+p');
  const dialog = page.getByRole('dialog', { name: 'Print or export' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('As footnotes (1 note)')).toBeChecked();
  // The focus starts on the choice made.
  await expect(dialog.getByLabel('As footnotes (1 note)')).toBeFocused();
  expect(await axe(page, '.print-dialog')).toEqual([]);
  await shot(page, 'print-dialog-en-light-1400');
  await dialog.getByRole('button', { name: 'Save as PDF…' }).focus();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('status')).toContainText('Saved:', { timeout: 60_000 });
  const pdf = ((await dialog.getByRole('status').textContent()) ?? '').replace(/^Saved:\s*/, '').trim();
  expect(existsSync(pdf)).toBe(true);
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain('A note printed as a footnote.');
  expect(text).toMatch(/Ministers/);
  expect(text).toMatch(/АСЕАН/);
  // With paragraph numbers (the default): "34" stands alone on a line of the last page's text.
  expect(text).toMatch(/^\s*34\s/m);
  const base = join(SHOTS, 'print-page');
  mkdirSync(SHOTS, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', pdf, base]);
  expect(statSync(`${base}.png`).size).toBeGreaterThan(20_000);
  if (process.env.BITEXT_SCREENSHOTS === '1') copyFileSync(`${base}.png`, join(ROOT, 'docs/screenshots/print.png'));

  // Without paragraph numbers (the checkbox, by keyboard): no number column in the PDF.
  await dialog.getByLabel(/^Paragraph numbers/).focus();
  await page.keyboard.press('Space');
  await expect(dialog.getByLabel(/^Paragraph numbers/)).not.toBeChecked();
  rmSync(pdf);
  await dialog.getByRole('button', { name: 'Save as PDF…' }).click();
  await expect.poll(() => existsSync(pdf), { timeout: 60_000 }).toBe(true);
  await expect(dialog.getByRole('status')).toContainText('Saved:', { timeout: 60_000 });
  const plain = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  expect(plain).not.toMatch(/^\s*34\s/m);
  expect(plain).toContain('INTENSIFY');
  // Left out: the DOCX has no footnote.
  await dialog.getByLabel('Left out').check();
  await dialog.getByRole('button', { name: 'Export DOCX (two-column table)…' }).click();
  await expect(dialog.getByRole('status')).toContainText('.docx', { timeout: 30_000 });
  const docx = ((await dialog.getByRole('status').textContent()) ?? '').replace(/^Saved:\s*/, '').trim();
  expect(readFileSync(docx).subarray(0, 2).toString()).toBe('PK');
  // Print: the harness has no print dialog, which the reader is told.
  await dialog.getByRole('button', { name: 'Print…' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Nothing was printed.');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('details: suggested from the EPUB at import, edited in the library, shown with no placeholder and no import date', async ({ page }) => {
  harness = await startHarness({ userDataDir: newUserDataDir() });
  const chapters = (lang: 'en' | 'ru') =>
    lang === 'en'
      ? [{ title: 'One', paragraphs: ['The first chapter begins here.', 'It has a second paragraph.'] }]
      : [{ title: 'Один', paragraphs: ['Здесь начинается первая глава.', 'В ней есть второй абзац.'] }];
  const en = makeEpub(chapters('en'), { title: 'A Small Book', author: 'Jane Writer', date: '1999' });
  const ru = makeEpub(chapters('ru'), { title: 'Маленькая книга', author: 'Джейн Райтер', translator: 'Иван Переводчиков', date: '2005' });
  await open(page);
  await page.getByRole('button', { name: 'Library' }).click();
  await page.getByRole('button', { name: 'Import texts…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import texts' });
  await dialog.getByLabel('English file').setInputFiles({ name: 'small-en.epub', mimeType: 'application/epub+zip', buffer: Buffer.from(en) });
  await dialog.getByLabel('Russian file').setInputFiles({ name: 'small-ru.epub', mimeType: 'application/epub+zip', buffer: Buffer.from(ru) });
  await expect(dialog.getByLabel('Author')).toHaveValue('Jane Writer');
  await expect(dialog.getByLabel('Date of the text')).toHaveValue('1999');
  await expect(dialog.getByLabel('Translator')).toHaveValue('Иван Переводчиков');
  await expect(dialog.getByLabel('Source')).toHaveValue('');
  // The reader types a source (keyboard only).
  await dialog.getByLabel('Source').focus();
  await page.keyboard.type('Test Press');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  const meta = page.locator('.document-meta');
  await expect(meta).toContainText('Jane Writer', { timeout: 30_000 });
  await expect(meta).toContainText('1999');
  await expect(meta).toContainText('Test Press');
  await expect(meta).toContainText('translated by Иван Переводчиков');
  const header = page.locator('.document-header');
  await expect(header).not.toContainText('Not given');
  const today = new Date();
  for (const form of [today.toISOString().slice(0, 10), new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' }).format(today)]) await expect(header).not.toContainText(form);

  // Edit details from the More menu (keyboard): the date cleared, so it is simply not shown.
  await page.locator('.clause').first().focus();
  await page.keyboard.press('Control+k');
  await page.keyboard.type('Edit the document');
  await page.keyboard.press('Enter');
  const edit = page.getByRole('dialog', { name: 'Edit details' });
  await expect(edit.getByLabel('English title')).toBeFocused();
  await edit.getByLabel('Date of the text').focus();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Backspace');
  await edit.getByLabel('Author').focus();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('J. Writer');
  expect(await axe(page, '.details-dialog')).toEqual([]);
  await shot(page, 'details-en-light-1400');
  await page.keyboard.press('Enter');
  await expect(edit).toBeHidden();
  await expect(meta).toContainText('J. Writer');
  await expect(meta).not.toContainText('1999');

  // The library's Edit details shows the same, and saves across a reload.
  await page.getByRole('button', { name: 'Library' }).click();
  await expect(page.locator('.library-author')).toHaveText('J. Writer');
  await page.getByRole('button', { name: /^Edit details: / }).click();
  const again = page.getByRole('dialog', { name: 'Edit details' });
  await expect(again.getByLabel('Author')).toHaveValue('J. Writer');
  await expect(again.getByLabel('Date of the text')).toHaveValue('');
  await again.getByLabel('Translator').focus();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('I. Perevodchikov');
  await page.keyboard.press('Enter');
  await expect(again).toBeHidden();
  await page.reload();
  await expect(page.locator('.document-meta')).toContainText('translated by I. Perevodchikov');
});

/** The popup and the settings in both UI languages, light and dark, 1400 and 900 px: axe, and a screenshot of each. */
for (const ui of ['en', 'ru'] as const) {
  test(`lookup popup and dictionaries settings, ${ui} UI, light and dark, 1400 and 900 px: axe and screenshots`, async ({ page }) => {
    test.setTimeout(420_000);
    harness = await startHarness({ userDataDir: newUserDataDir(), systemLanguage: ui === 'en' ? 'en-US' : 'ru-RU' });
    const files = writeStarDict('Tiny English-Russian', EN_RU, { dz: true }).map((f) => ({ name: f.name, data: Buffer.from(f.bytes).toString('base64') }));
    const added = await page.request.post(`${harness.origin}/__ipc/dictionaries:add`, { headers: harness.headers, data: { hasPayload: true, payload: { files } } });
    expect(((await added.json()) as { ok: boolean }).ok).toBe(true);
    for (const scheme of ['light', 'dark'] as const) {
      for (const width of [1400, 900] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await open(page, width);
        await focusClauseWith(page, 'en', 'pandemic');
        // The word "pandemic" in that clause: select it, then D.
        await page.evaluate(() => {
          const el = document.activeElement as HTMLElement;
          const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const at = n.textContent?.search(/\bpandemic\b/) ?? -1;
            if (at < 0) continue;
            const range = document.createRange();
            range.setStart(n, at);
            range.setEnd(n, at + 8);
            window.getSelection()?.removeAllRanges();
            window.getSelection()?.addRange(range);
            return;
          }
        });
        await page.keyboard.press('d');
        const popup = page.locator('.lookup-popup');
        await expect(popup.locator('.lookup-entry').first()).toContainText('пандемия');
        expect(await axe(page, '.lookup-popup')).toEqual([]);
        await shot(page, `all-lookup-${ui}-${scheme}-${width}`);
        await page.keyboard.press('Escape');
        await page.getByRole('button', { name: ui === 'en' ? 'More' : 'Ещё', exact: true }).click();
        await page.getByRole('button', { name: ui === 'en' ? 'Dictionaries…' : 'Словари…' }).click();
        await expect(page.locator('.dictionaries-dialog tbody tr')).toHaveCount(1);
        expect(await axe(page, '.dictionaries-dialog')).toEqual([]);
        await shot(page, `all-dictionaries-${ui}-${scheme}-${width}`);
        await page.keyboard.press('Escape');
        await page.keyboard.press('Control+p');
        await expect(page.locator('.print-dialog')).toBeVisible();
        expect(await axe(page, '.print-dialog')).toEqual([]);
        await shot(page, `all-print-dialog-${ui}-${scheme}-${width}`);
        await page.keyboard.press('Escape');
      }
    }
  });
}
