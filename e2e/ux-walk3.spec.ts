/**
 * What a third new user's keyboard walk through the reader (both interface languages, a Russian
 * keyboard layout, light and dark, 1400 and 900 px) found and what was mended. Each case fails
 * without its fix.
 */
import { expect, type Page, test } from '@playwright/test';
import { ipc, newUserDataDir, readersPerFile, startHarness } from './helpers/harness';
import { pressRussian, typeRussian } from './helpers/russian-keyboard';

const open = readersPerFile();

/** Tab (or Shift+Tab) until `target` has the focus. */
async function tabTo(page: Page, target: ReturnType<Page['locator']>, back = false) {
  for (let i = 0; i < 30 && !(await target.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  await expect(target).toBeFocused();
}

/**
 * Space on the focused file field opens its picker; headless Chromium has none to show and closes
 * it at once, as a reader does with Esc in the system's dialog: the field gets a `cancel` (which
 * bubbles). Resolves once it has.
 */
async function pickerDismissed(page: Page) {
  const cancelled = page.evaluate(
    () => new Promise<void>((done) => document.activeElement!.addEventListener('cancel', () => done(), { once: true })),
  );
  await page.keyboard.press('Space');
  await cancelled;
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

test('a file picker closed without a choice leaves the Import dialog open, with the file already chosen (Russian interface, Russian layout)', async ({ page }) => {
  // A harness of its own: nothing is imported, but the library is opened.
  const harness = await startHarness({ userDataDir: newUserDataDir(), systemLanguage: 'ru-RU' });
  try {
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(harness.url);
    await expect(page.locator('[data-row-id]').first()).toBeVisible();
    await page.locator('.cell[lang="en"] .clause').first().focus();
    await tabTo(page, page.getByRole('button', { name: 'Библиотека' }), true);
    await pressRussian(page, 'Enter');
    await tabTo(page, page.getByRole('button', { name: 'Импорт текстов…' }));
    await pressRussian(page, 'Enter');
    const dialog = page.getByRole('dialog', { name: 'Импорт текстов' });
    const english = dialog.getByLabel('Английский файл');
    await tabTo(page, english);
    const chooser = page.waitForEvent('filechooser');
    await pressRussian(page, 'Space');
    await (await chooser).setFiles({ name: 'meeting-en.txt', mimeType: 'text/plain', buffer: Buffer.from('The ministers met in Hanoi.\n') });
    await pressRussian(page, 'Tab');
    const russian = dialog.getByLabel('Русский файл');
    await expect(russian).toBeFocused();
    // The Russian file's picker, closed without choosing: the dialog stays, and so does the English file.
    await pickerDismissed(page);
    await expect(dialog).toBeVisible();
    await expect(russian).toBeFocused();
    expect(await english.evaluate((el) => (el as HTMLInputElement).files?.[0]?.name)).toBe('meeting-en.txt');
    // Esc still closes it, the focus back on Import.
    await pressRussian(page, 'Escape');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('button', { name: 'Импорт текстов…' })).toBeFocused();
  } finally {
    await harness.stop();
  }
});

test('a file picker closed without a choice leaves the Dictionaries dialog open', async ({ page }) => {
  await open(page);
  await page.keyboard.press('Control+KeyK');
  await page.keyboard.type('Dictionaries');
  await expect(page.getByRole('option').first()).toContainText('Dictionaries…');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Dictionaries' });
  await expect(dialog).toBeVisible();
  const field = dialog.locator('input[type="file"]');
  await tabTo(page, field);
  await pickerDismissed(page);
  await expect(dialog).toBeVisible();
  await expect(field).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('Down and Up move through the contents and the bookmarks, as through the other panels’ lists (Russian layout)', async ({ page }) => {
  await open(page, 'ru-RU');
  // Go to ¶ 5, then the contents (O): the focus on ¶ 5's entry; Down twice is ¶ 7, Up ¶ 6.
  await pressRussian(page, 'KeyG');
  await pressRussian(page, 'Digit5');
  await pressRussian(page, 'Enter');
  await expect(page.locator('.reading-progress')).toContainText('¶ 5 ');
  await pressRussian(page, 'KeyO');
  const contents = page.locator('#contents-panel');
  const entry = (n: number) => contents.locator('.contents-item').filter({ has: page.locator('.contents-number', { hasText: new RegExp(`^${n}$`) }) });
  await expect(entry(5)).toBeFocused();
  await pressRussian(page, 'ArrowDown');
  await pressRussian(page, 'ArrowDown');
  await expect(entry(7)).toBeFocused();
  await pressRussian(page, 'ArrowUp');
  await expect(entry(6)).toBeFocused();
  await pressRussian(page, 'Enter');
  await expect(page.locator('.reading-progress')).toContainText('¶ 6 ');
  await pressRussian(page, 'Escape');
  await expect(contents).toBeHidden();

  // Two bookmarks (¶ 6 and ¶ 8), then the panel (Shift+B): Down from its heading to the first, Down to the second, Up, Up back to the heading.
  await expect(page.locator('.clause:focus')).toHaveCount(1);
  await pressRussian(page, 'KeyD', { ctrl: true });
  await pressRussian(page, 'KeyN');
  await pressRussian(page, 'KeyN');
  await expect(page.locator('.reading-progress')).toContainText('¶ 8 ');
  await pressRussian(page, 'KeyD', { ctrl: true });
  await pressRussian(page, 'KeyB', { shift: true });
  const bookmarks = page.locator('#bookmarks-panel');
  const marks = bookmarks.locator('.bookmark-item .contents-item');
  await expect(marks).toHaveCount(2);
  await expect(bookmarks.locator('h2')).toBeFocused();
  await pressRussian(page, 'ArrowDown');
  await expect(marks.first()).toBeFocused();
  await pressRussian(page, 'ArrowDown');
  await expect(marks.last()).toBeFocused();
  await expect(marks.last()).toContainText('8');
  await pressRussian(page, 'ArrowUp');
  await expect(marks.first()).toBeFocused();
  await pressRussian(page, 'ArrowUp');
  await expect(bookmarks.locator('h2')).toBeFocused();
  // The bookmarks made here are removed again, for the next test on this harness.
  for (let i = 0; i < 2; i++) {
    await bookmarks.getByRole('button', { name: /^Убрать/ }).first().focus();
    await pressRussian(page, 'Enter');
  }
  await expect(marks).toHaveCount(0);
  await pressRussian(page, 'Escape');
});

test('a split asked for from the Russian column leaves the focus in the Russian column, so the next Alt+↑ moves a Russian clause (Russian layout)', async ({ page }) => {
  // A harness of its own: the corrections are saved.
  const harness = await startHarness({ userDataDir: newUserDataDir(), systemLanguage: 'ru-RU' });
  try {
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(harness.url);
    await expect(page.locator('[data-row-id]').first()).toBeVisible();
    const focusedAt = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        return { lang: el?.closest('.cell')?.getAttribute('lang') ?? null, line: Number(el?.closest<HTMLElement>('[data-row-line]')?.dataset.rowLine ?? -1) };
      });
    await page.locator('[data-row-line="2"] .cell[lang="ru"] .clause').first().focus();
    await pressRussian(page, 'KeyE');
    await expect(page.locator('.edit-bar')).toBeVisible();
    // X, the split's defaults taken (Enter): ¶3 in two rows, the focus in its Russian column.
    await pressRussian(page, 'KeyX');
    const dialog = page.getByRole('dialog', { name: 'Разделение строки' });
    await expect(dialog.locator('#split-en')).toBeFocused();
    await pressRussian(page, 'Enter');
    await expect(dialog).toBeHidden();
    await expect(page.locator('[data-row-line]')).toHaveCount(41);
    await expect.poll(focusedAt).toMatchObject({ lang: 'ru', line: 2 });
    // Alt+↑ moves that Russian clause up into ¶2's row; the English of ¶3 stays where it was.
    const moved = (await page.locator('.clause:focus').innerText()).trim();
    const english = (await page.locator('[data-row-line="2"] .cell[lang="en"]').innerText()).trim();
    await pressRussian(page, 'ArrowUp', { alt: true });
    await expect(page.locator('[data-row-line="1"] .cell[lang="ru"]')).toContainText(moved);
    await expect(page.locator('[data-row-line="2"] .cell[lang="en"]')).toHaveText(english);
  } finally {
    await harness.stop();
  }
});

test('Home and End in the clause menu go to its first and last item, and leave the text where it was (Russian layout)', async ({ page }) => {
  await open(page, 'ru-RU');
  await page.locator('[data-row-line="2"] .cell[lang="ru"] .clause').first().focus();
  const top = () => page.evaluate(() => Math.round(document.querySelector('[data-row-line="2"]')!.getBoundingClientRect().top));
  const before = await top();
  await pressRussian(page, 'F10', { shift: true });
  const menu = page.getByRole('menu');
  const items = menu.getByRole('menuitem');
  await expect(items.first()).toBeFocused();
  await pressRussian(page, 'End');
  await expect(items.last()).toBeFocused();
  await pressRussian(page, 'Home');
  await expect(items.first()).toBeFocused();
  expect(await top()).toBe(before);
  await pressRussian(page, 'Escape');
  await expect(menu).toBeHidden();
  await expect(page.locator('[data-row-line="2"] .cell[lang="ru"] .clause').first()).toBeFocused();
  await expect(page.locator('[data-row-line="2"] .cell[lang="ru"] .clause').first()).toBeInViewport();
});

test('Down and Up move through the notes panel’s list, from its heading or its text filter, each note said with its button (English interface, Russian layout)', async ({ page }) => {
  // A harness of its own: the notes are saved.
  const harness = await startHarness({ userDataDir: newUserDataDir() });
  try {
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(harness.url);
    await expect(page.locator('[data-row-id]').first()).toBeVisible();
    // Two comparison notes (R), on ¶ 2 and ¶ 4, typed in Russian.
    for (const [line, text] of [[1, 'первая'], [3, 'вторая']] as const) {
      await page.locator(`[data-row-line="${line}"] .cell[lang="en"] .clause`).first().focus();
      await pressRussian(page, 'KeyR');
      const editor = page.getByRole('dialog');
      await expect(editor.locator('textarea')).toBeFocused();
      await typeRussian(page, text);
      await pressRussian(page, 'Enter', { ctrl: true });
      await expect(editor).toBeHidden();
    }
    await pressRussian(page, 'KeyA');
    const panel = page.locator('#annotations-panel');
    const notes = panel.locator('.annotation-jump');
    await expect(notes).toHaveCount(2);
    await expect(panel.locator('h2')).toBeFocused();
    await pressRussian(page, 'ArrowDown');
    await expect(notes.first()).toBeFocused();
    await expect(notes.first()).toContainText('¶ 2');
    // The note itself is said with its button, as its description.
    await expect(notes.first()).toHaveAccessibleDescription('первая');
    await pressRussian(page, 'ArrowDown');
    await expect(notes.last()).toBeFocused();
    await pressRussian(page, 'ArrowUp');
    await pressRussian(page, 'ArrowUp');
    await expect(panel.locator('h2')).toBeFocused();
    // From the text filter too; Enter on a note goes to its row.
    await tabTo(page, panel.locator('#annotation-filter-text'));
    await pressRussian(page, 'ArrowDown');
    await expect(notes.first()).toBeFocused();
    await pressRussian(page, 'ArrowDown');
    await pressRussian(page, 'Enter');
    await expect(page.locator('.reading-progress')).toContainText('¶ 4 ');
  } finally {
    await harness.stop();
  }
});

test('the focus stays in the Print dialog while a PDF is made or a print sent, and goes back to what was pressed (Russian layout)', async ({ page }) => {
  await open(page);
  await pressRussian(page, 'KeyP', { ctrl: true });
  const dialog = page.getByRole('dialog', { name: 'Print or export' });
  const leftOut = dialog.getByRole('radio', { name: 'Left out' });
  await expect(leftOut).toBeFocused();
  const pdf = dialog.getByRole('button', { name: 'Save as PDF…' });
  await tabTo(page, pdf);
  await pressRussian(page, 'Enter');
  // While the PDF is made its button is disabled: the focus waits on Close, not on the page.
  await expect(dialog.getByRole('status')).toHaveText('Making the PDF…');
  await expect(dialog.locator('.editor-actions').getByRole('button', { name: 'Close', exact: true })).toBeFocused();
  await expect(dialog.getByRole('status')).toContainText('Saved: ', { timeout: 30_000 });
  await expect(pdf).toBeFocused();
  // Enter on the notes choice prints: the focus back on the choice once the print is sent.
  await tabTo(page, leftOut, true);
  await pressRussian(page, 'Enter');
  await expect(dialog.getByRole('status')).toHaveText(/Sent to the printer\.|Nothing was printed\./);
  await expect(leftOut).toBeFocused();
  await pressRussian(page, 'Escape');
  await expect(dialog).toBeHidden();
  await expect(page.locator('.cell[lang="en"] .clause').first()).toBeFocused();
});

test('the library is in the command palette, so a reader deep in a document reaches it without tabbing back through the text (Russian interface, Russian layout)', async ({ page }) => {
  await open(page, 'ru-RU');
  await pressRussian(page, 'KeyG');
  await typeRussian(page, '20');
  await pressRussian(page, 'Enter');
  await expect(page.locator('.reading-progress')).toContainText('¶ 20 ');
  await pressRussian(page, 'KeyK', { ctrl: true });
  const palette = page.getByRole('dialog', { name: 'Команды' });
  await expect(palette.getByRole('combobox')).toBeFocused();
  await typeRussian(page, 'библиотека');
  await expect(palette.getByRole('option').first()).toContainText('Библиотека');
  await pressRussian(page, 'Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Библиотека' })).toBeVisible();
  // The focus on the document just left; Enter opens it again where it was read.
  const entry = page.locator('.library-open').first();
  await expect(entry).toBeFocused();
  await pressRussian(page, 'Enter');
  await expect(page.locator('.reading-progress')).toContainText('¶ 20 ');
});

test('L to the one-language layout with the focus in the column it hides keeps the focus in the same row, in the column shown (Russian layout)', async ({ page }) => {
  const harness = await open(page, 'ru-RU');
  await ipc(harness, 'settings:set-reader-prefs', { layout: 'side-by-side', theme: 'light', swapped: false, fontStep: 0, lineSpacing: 'normal', singleLang: 'en' });
  await page.reload();
  await expect(page.locator('[data-row-id]').first()).toBeVisible();
  await page.locator('[data-row-line="3"] .cell[lang="ru"] .clause').first().focus();
  // Side by side → interleaved → one language (English).
  await pressRussian(page, 'KeyL');
  await pressRussian(page, 'KeyL');
  await expect(page.locator('.cell[lang="ru"]')).toHaveCount(0);
  await expect(page.locator('[data-row-line="3"] .cell[lang="en"] .clause').first()).toBeFocused();
  await pressRussian(page, 'KeyJ');
  await expect(page.locator('[data-row-line="4"] .clause').first()).toBeFocused();
  // Back to side by side for the next test on this harness.
  await pressRussian(page, 'KeyL');
  await expect(page.locator('.cell[lang="ru"]').first()).toBeVisible();
});
