/**
 * A reader with the Russian UI and a Russian keyboard layout, with the keyboard alone: every key
 * press is a real key event with the physical key's code and the Cyrillic letter it types (see
 * helpers/russian-keyboard.ts). Through the statement, Help, Go to, search, the concordance, the
 * checks, the glossary, a note, the palette, the library and an import: after each step the focus
 * is where the next key is meant to go (never the page's body) and no key typed is lost.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { newUserDataDir, ROOT, type RunningHarness, startHarness } from './helpers/harness';
import { pressRussian, typeRussian } from './helpers/russian-keyboard';

const STATEMENT = join(ROOT, 'resources/documents/asean-russia-covid19-2020');
const paragraphs = (lang: 'en' | 'ru', n: number) => readFileSync(join(STATEMENT, `${lang}.txt`), 'utf8').split(/\n\s*\n/).slice(0, n).join('\n\n');

let harness: RunningHarness;
test.beforeEach(async () => {
  harness = await startHarness({ userDataDir: newUserDataDir(), systemLanguage: 'ru-RU' });
});
test.afterEach(async () => {
  await harness.stop();
});

/** What has the focus. */
const where = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return {
      body: !el || el === document.body,
      row: Number(el?.closest<HTMLElement>('[data-row-line]')?.dataset.rowLine ?? -1),
      clause: !!el?.classList.contains('clause'),
      id: el?.id ?? '',
      label: el?.getAttribute('aria-label') ?? el?.textContent?.trim().slice(0, 60) ?? '',
      panel: el?.closest('.side-panel')?.id ?? '',
      dialog: el?.closest('dialog[open]')?.querySelector('.dialog-title')?.textContent ?? '',
    };
  });
/** What has the focus: never the page's body. */
async function focus(page: Page) {
  const at = await where(page);
  expect(at.body, 'the focus is not lost to the page').toBe(false);
  return at;
}

async function open(page: Page) {
  await page.goto(harness.url);
  await expect(page.locator('[data-row-id]').first()).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
}

test('the statement, Help, Go to, search and the palette on a Russian layout', async ({ page }) => {
  await open(page);
  await page.locator('.clause').first().focus();

  // Help: Shift+/ (Shift+. gives "," here).
  await pressRussian(page, 'Slash', { shift: true });
  const help = page.getByRole('dialog', { name: 'Сочетания клавиш' });
  await expect(help).toBeVisible();
  await expect(help.locator('.help-groups')).toBeFocused();
  // The keys named by a word are named in Russian: «Пробел», not "Space".
  await expect(help.locator('kbd', { hasText: 'Пробел' })).toHaveCount(1);
  await expect(help.locator('kbd', { hasText: /Space|Menu/ })).toHaveCount(0);
  await pressRussian(page, 'Escape');
  await expect(help).toBeHidden();
  expect((await focus(page)).clause).toBe(true);

  // Go to: G ("п"), the number typed, Enter.
  await pressRussian(page, 'KeyG');
  const goTo = page.getByRole('dialog', { name: 'Переход к абзацу' });
  await expect(goTo.getByRole('spinbutton')).toBeFocused();
  await typeRussian(page, '12');
  await expect(goTo.getByRole('spinbutton')).toHaveValue('12');
  await pressRussian(page, 'Enter');
  await expect(goTo).toBeHidden();
  await expect.poll(async () => (await where(page)).clause).toBe(true);
  await expect(page.locator('[data-paragraph="12"]')).toBeInViewport();

  // Search: / ("." here) opens it and types nothing; a Russian word typed goes into the field.
  await pressRussian(page, 'Slash');
  const search = page.locator('#search-input');
  await expect(search).toBeFocused();
  await typeRussian(page, 'пандемия');
  await expect(search).toHaveValue('пандемия');
  // Down goes to the first matching row of the list, Up back to the words typed.
  const results = page.locator('#search-panel .search-results .search-result');
  await expect(results.nth(1)).toBeVisible();
  await pressRussian(page, 'ArrowDown');
  await expect(results.first()).toBeFocused();
  await pressRussian(page, 'ArrowDown');
  await expect(results.nth(1)).toBeFocused();
  await pressRussian(page, 'ArrowUp');
  await pressRussian(page, 'ArrowUp');
  await expect(search).toBeFocused();
  await pressRussian(page, 'Enter');
  await expect(page.locator('#search-panel .search-status')).toContainText(/\d/);
  await pressRussian(page, 'Escape');
  await expect(page.locator('#search-panel')).toBeHidden();
  expect((await focus(page)).clause).toBe(true);

  // The palette: Ctrl+K ("Ctrl+л"), an action typed in Russian, Enter runs it.
  await pressRussian(page, 'KeyK', { ctrl: true });
  const palette = page.getByRole('dialog', { name: 'Команды' });
  await expect(palette.getByRole('combobox')).toBeFocused();
  await typeRussian(page, 'содержание');
  await expect(palette.getByRole('combobox')).toHaveValue('содержание');
  await pressRussian(page, 'Enter');
  await expect(palette).toBeHidden();
  await expect(page.locator('#contents-panel')).toBeVisible();
  expect((await focus(page)).panel).toBe('contents-panel');
  await pressRussian(page, 'Escape');
  await expect(page.locator('#contents-panel')).toBeHidden();
  await focus(page);
});

test('the concordance, the checks, the glossary and a note on a Russian layout', async ({ page }) => {
  await open(page);
  await page.locator('[data-row-line="2"] .cell[lang="ru"] .clause').first().focus();

  // The concordance: Shift+F ("А"); a Russian word typed; Down to the first occurrence, Enter.
  await pressRussian(page, 'KeyF', { shift: true });
  const input = page.locator('#concordance-input');
  await expect(input).toBeFocused();
  await typeRussian(page, 'сотрудничество');
  await expect(input).toHaveValue('сотрудничество');
  await expect(page.getByRole('radio', { name: 'русском' })).toBeChecked();
  const hits = page.locator('#concordance-panel .concordance-hits .search-result');
  await expect(hits.first()).toBeVisible();
  await pressRussian(page, 'ArrowDown');
  await expect(hits.first()).toBeFocused();
  await pressRussian(page, 'Enter');
  await expect(hits.first()).toHaveAttribute('aria-current', 'true');
  await pressRussian(page, 'Escape');
  await expect(page.locator('#concordance-panel')).toBeHidden();
  await focus(page);

  // The checks: Shift+C ("С"), on the first finding; Down, Enter jumps to its row.
  await page.locator('.clause').first().focus();
  await pressRussian(page, 'KeyC', { shift: true });
  const findings = page.locator('#checks-panel [data-finding-jump]');
  await expect(findings.first()).toBeFocused();
  await pressRussian(page, 'ArrowDown');
  await expect(findings.nth(1)).toBeFocused();
  await pressRussian(page, 'Enter');
  await expect.poll(async () => (await where(page)).clause).toBe(true);
  await page.locator('#checks-panel [data-finding-jump]').first().focus();
  await pressRussian(page, 'Escape');
  await expect(page.locator('#checks-panel')).toBeHidden();
  await focus(page);

  // The glossary: Shift+G ("П"), Enter on "Add a term", a pair typed (English on the English
  // field would need the English layout: the Russian side is typed here), Escape back.
  await page.locator('.clause').first().focus();
  await pressRussian(page, 'KeyG', { shift: true });
  const glossary = page.locator('#glossary-panel');
  await expect(glossary).toBeVisible();
  const add = glossary.getByRole('button', { name: 'Добавить термин…' });
  await expect(add).toBeFocused();
  await pressRussian(page, 'Enter');
  const editor = page.getByRole('dialog', { name: 'Добавить в глоссарий' });
  await expect(editor).toBeVisible();
  await pressRussian(page, 'Escape');
  await expect(editor).toBeHidden();
  await expect(add).toBeFocused();
  await pressRussian(page, 'Escape');
  await expect(glossary).toBeHidden();
  await focus(page);

  // A note on the row: R ("к"), typed in Russian (letters that are shortcuts outside), Ctrl+Enter saves.
  await page.locator('[data-row-line="3"] .clause').first().focus();
  await pressRussian(page, 'KeyR');
  const note = page.getByRole('textbox', { name: 'Заметка' });
  await expect(note).toBeFocused();
  const text = 'Проверить: ёлка, сотрудничество.';
  await typeRussian(page, text);
  await pressRussian(page, 'Enter', { ctrl: true });
  await expect(note).toBeHidden();
  expect((await focus(page)).row).toBe(3);
  await pressRussian(page, 'KeyA');
  await expect(page.locator('.annotation-note').first()).toHaveText(text);
});

test('the library and an import on a Russian layout: the focus follows, the titles typed in Russian', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'Библиотека' }).focus();
  await pressRussian(page, 'Enter');
  const entry = page.locator('[data-document-id="asean-russia-covid19-2020"] .library-open');
  await expect(entry).toBeFocused();
  // Shift+Tab back to Import, Enter.
  const importButton = page.getByRole('button', { name: 'Импорт текстов…' });
  for (let i = 0; i < 6 && !(await importButton.evaluate((el) => el === document.activeElement)); i++) await pressRussian(page, 'Tab', { shift: true });
  await expect(importButton).toBeFocused();
  await pressRussian(page, 'Enter');
  const dialog = page.getByRole('dialog', { name: 'Импорт текстов' });
  await expect(dialog.getByRole('radio', { name: /Два файла/ })).toBeFocused();
  await dialog.getByLabel('Английский файл').setInputFiles({ name: 'part-en.txt', mimeType: 'text/plain', buffer: Buffer.from(paragraphs('en', 5)) });
  await dialog.getByLabel('Русский файл').setInputFiles({ name: 'part-ru.txt', mimeType: 'text/plain', buffer: Buffer.from(paragraphs('ru', 5)) });
  await expect(dialog.locator('.import-files')).toContainText('TXT', { timeout: 30_000 });
  const title = dialog.getByLabel('Русское название');
  await title.focus();
  await pressRussian(page, 'KeyA', { ctrl: true });
  await typeRussian(page, 'Часть заявления');
  await expect(title).toHaveValue('Часть заявления');
  await pressRussian(page, 'Enter');
  await expect(page.locator('.app-document')).toHaveText('Часть заявления', { timeout: 30_000 });
  await expect.poll(async () => (await where(page)).row).toBe(0);
  // Back to the library: on the new document's entry.
  await page.getByRole('button', { name: 'Библиотека' }).focus();
  await pressRussian(page, 'Enter');
  await expect(page.locator('.library-open:focus .library-title')).toHaveText('Часть заявления');
  // Removed (Tab to its Remove button, Enter, Tab to Remove, Enter): the focus goes to the entry left.
  const removeButton = page.locator('tr', { hasText: 'Часть заявления' }).getByRole('button', { name: 'Удалить', exact: true });
  for (let i = 0; i < 6 && !(await removeButton.evaluate((el) => el === document.activeElement)); i++) await pressRussian(page, 'Tab');
  await expect(removeButton).toBeFocused();
  await pressRussian(page, 'Enter');
  const confirm = page.getByRole('dialog', { name: 'Удалить «Часть заявления»?' });
  const submit = confirm.getByRole('button', { name: 'Удалить', exact: true });
  for (let i = 0; i < 4 && !(await submit.evaluate((el) => el === document.activeElement)); i++) await pressRussian(page, 'Tab');
  await pressRussian(page, 'Enter');
  await expect(confirm).toBeHidden();
  await expect(page.locator('tbody tr')).toHaveCount(1);
  await expect(entry).toBeFocused();
});
