/**
 * The reader as a person uses it with the keyboard alone: typing in dialogs never runs a
 * shortcut, keys work on a Russian layout, reading mode changes nothing, the palette, the focus.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { DEFAULT_READER_PREFS } from '../src-main/contract/ipc';
import { firstRowOf, focusedRowLine } from './helpers/fixture';
import { harnessPerTest } from './helpers/harness';


const { harness, open: openReader, restart } = harnessPerTest();

async function open(page: Page) {
  await openReader(page);
  await page.evaluate(() => document.fonts.ready);
}
const settings = async (page: Page) => {
  const response = await page.request.post(`${harness().origin}/__ipc/settings:get`, { headers: harness().headers, data: { hasPayload: false } });
  return ((await response.json()) as { value: { reader: unknown } }).value.reader;
};
const focusInside = (page: Page, selector: string) => page.evaluate((s) => !!document.activeElement?.closest(s), selector);

test('a note typed after Ctrl+Shift+N is saved exactly as typed, and no setting changes', async ({ page }) => {
  await open(page);
  const clause = page.locator('[data-row-id]').nth(2).locator('.cell[lang="en"] .clause').first();
  await clause.focus();
  await page.keyboard.press('Control+Shift+N');
  const editor = page.getByRole('dialog', { name: 'New note' });
  await expect(editor.getByRole('textbox', { name: 'Note' })).toBeFocused();
  // Every letter here is a shortcut outside the dialog: layout, swap, theme, a row note, confirm…
  const text = 'Lost words stay: l s t r y m x? / 25 Enter';
  await page.keyboard.type(text);
  await page.keyboard.press('Control+Enter');
  await expect(editor).toBeHidden();
  // The focus is back on the clause it came from.
  await expect(clause).toBeFocused();
  await page.keyboard.press('a');
  await expect(page.locator('.annotation-note')).toHaveText(text);
  expect(await settings(page)).toEqual(DEFAULT_READER_PREFS);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'system');
  await expect(page.locator('[data-row-id]').first()).toHaveClass(/layout-side-by-side/);
  expect(existsSync(join(harness().userDataDir, 'corrections'))).toBe(false);
});

test('G 25 Enter shows paragraph 25', async ({ page }) => {
  await open(page);
  await page.locator('.clause').first().focus();
  await page.keyboard.press('g');
  const dialog = page.getByRole('dialog', { name: 'Go to paragraph' });
  await expect(dialog.getByRole('spinbutton')).toBeFocused();
  await page.keyboard.type('25');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect.poll(() => focusedRowLine(page)).toBe(firstRowOf(25));
  await expect(page.locator('[data-paragraph="25"]')).toBeInViewport();
  await expect(page.locator('.reading-progress')).toContainText('25 of 34');
});

test('on a Russian layout (J gives "о", code KeyJ) J moves to the next row', async ({ page }) => {
  await open(page);
  await page.locator('.clause').first().focus();
  const pressRussianJ = () =>
    page.evaluate(() => {
      const target = document.activeElement ?? document.body;
      target.dispatchEvent(new KeyboardEvent('keydown', { key: 'о', code: 'KeyJ', bubbles: true, cancelable: true }));
    });
  await pressRussianJ();
  await expect.poll(() => focusedRowLine(page)).toBe(1);
  await pressRussianJ();
  await expect.poll(() => focusedRowLine(page)).toBe(2);
});

test('in reading mode no key changes the alignment or writes a correction file', async ({ page }) => {
  await open(page);
  const rows = page.locator('[data-row-id]');
  const count = await rows.count();
  const shape = () => rows.evaluateAll((els) => els.map((el) => el.querySelectorAll('.clause').length).join(','));
  const before = await shape();
  await rows.nth(3).locator('.clause').first().focus();
  for (const key of ['m', 'x', 'y', 'u', 'b', 'w', 'Alt+ArrowUp', 'Alt+ArrowDown', 'Control+z', 'Control+Shift+Z']) await page.keyboard.press(key);
  await expect(rows).toHaveCount(count);
  expect(await shape()).toBe(before);
  await expect(page.locator('[data-confirmed]')).toHaveCount(0);
  // The 2:1 badges, ? flags and confidences are for Edit alignment only.
  await expect(page.locator('.row-flags')).toHaveCount(0);
  await page.waitForTimeout(300);
  const corrections = join(harness().userDataDir, 'corrections');
  expect(existsSync(corrections) ? readdirSync(corrections) : []).toEqual([]);
});

test('Edit alignment: its own bar, merge, leave keeping the work, undo there; next weakest counts weak rows', async ({ page }) => {
  await open(page);
  const rows = page.locator('[data-row-id]');
  const count = await rows.count();
  await rows.nth(3).locator('.clause').first().focus();
  await page.keyboard.press('e');
  const bar = page.getByRole('toolbar', { name: 'Alignment tools' });
  await expect(bar).toBeVisible();
  await expect(page.locator('.row-flags').first()).toBeAttached();
  await page.keyboard.press('m');
  await expect(rows).toHaveCount(count - 1);
  // Leaving keeps the work; Undo in reading mode is not for the alignment.
  await page.keyboard.press('e');
  await expect(bar).toBeHidden();
  await expect(rows).toHaveCount(count - 1);
  await page.keyboard.press('Control+z');
  await expect(rows).toHaveCount(count - 1);
  await page.keyboard.press('e');
  await page.keyboard.press('Control+z');
  await expect(rows).toHaveCount(count);

  // Next weakest: rows below 60 % in document order, counted, or none.
  const weak = await rows.evaluateAll((els) => els.filter((el) => Number(el.getAttribute('data-confidence')) < 0.6 && !el.hasAttribute('data-confirmed')).length);
  await page.keyboard.press('w');
  const status = page.locator('[role="status"][aria-live="polite"]');
  if (weak === 0) await expect(status).toHaveText(/No weak rows/);
  else await expect(status).toHaveText(new RegExp(`^${weak} weak rows?$`));
});

test('the palette opens with Ctrl+K or Ctrl+Shift+P, finds in the UI language and runs an action', async ({ page }) => {
  await open(page);
  await page.locator('.clause').first().focus();
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Commands' });
  await expect(palette.getByRole('combobox')).toBeFocused();
  // Only what is enabled now: no alignment tools while reading.
  await expect(palette.getByRole('option', { name: /Merge the row/ })).toHaveCount(0);
  await page.keyboard.type('go to par');
  await expect(palette.getByRole('option')).toHaveCount(1);
  await expect(palette.getByRole('option').first()).toContainText('Go to paragraph');
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  const goTo = page.getByRole('dialog', { name: 'Go to paragraph' });
  await expect(goTo.getByRole('spinbutton')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(goTo).toBeHidden();
  await page.keyboard.press('Control+Shift+P');
  await expect(palette).toBeVisible();
  await page.keyboard.type('theme');
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

test('dialogs: focus in the first field, Tab stays inside, Esc cancels, focus returns; no shortcut runs', async ({ page }) => {
  await open(page);
  const clause = page.locator('[data-row-id]').nth(1).locator('.clause').first();
  await clause.focus();
  await page.keyboard.press('Shift+Slash');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await page.keyboard.press('t');
  await page.keyboard.press('l');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'system');
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    expect(await focusInside(page, 'dialog[open]')).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await expect(clause).toBeFocused();

  // A comparison note: the note text first (never Close); Tab and Shift+Tab wrap inside.
  await page.keyboard.press('r');
  const note = page.getByRole('dialog', { name: /Comparison note/ });
  await expect(note.getByRole('textbox', { name: 'Note' })).toBeFocused();
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    expect(await focusInside(page, 'dialog[open]')).toBe(true);
  }
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Shift+Tab');
    expect(await focusInside(page, 'dialog[open]')).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(note).toBeHidden();
  await expect(clause).toBeFocused();
  expect(await settings(page)).toEqual(DEFAULT_READER_PREFS);
});

test('contents, notes and search take the focus when opened and give it back', async ({ page }) => {
  await open(page);
  const clause = page.locator('[data-row-id]').nth(4).locator('.clause').first();
  await clause.focus();
  await page.keyboard.press('o');
  await expect.poll(() => focusInside(page, '#contents-panel')).toBe(true);
  await page.keyboard.press('o');
  await expect(clause).toBeFocused();
  await page.keyboard.press('a');
  await expect.poll(() => focusInside(page, '#annotations-panel')).toBe(true);
  await page.keyboard.press('a');
  await expect(clause).toBeFocused();
  await page.keyboard.press('Control+f');
  await expect(page.getByLabel('Search both languages')).toBeFocused();
  await page.keyboard.type('asean');
  await page.keyboard.press('Escape');
  await expect(clause).toBeFocused();
});

test('bookmarks: add with Ctrl+D, listed, kept after a restart, removed', async ({ page }) => {
  await open(page);
  await page.locator('.clause').first().focus();
  await page.keyboard.press('g');
  await page.keyboard.type('12');
  await page.keyboard.press('Enter');
  await expect.poll(() => focusedRowLine(page)).toBe(firstRowOf(12));
  await page.keyboard.press('Control+d');
  await expect(page.locator('[data-row-line] .flag-bookmark')).toHaveCount(1);
  // Drawn by the app itself (an emoji needs a system font that many Linux systems lack).
  await expect(page.locator('.flag-bookmark svg')).toBeVisible();
  expect(await page.locator('.flag-bookmark').evaluate((el) => /\p{Extended_Pictographic}/u.test(el.textContent ?? ''))).toBe(false);
  await restart();
  await open(page);
  await page.keyboard.press('Shift+B');
  const panel = page.getByRole('complementary', { name: 'Bookmarks' });
  await expect(panel.locator('.bookmark-item')).toHaveCount(1);
  await expect(panel.locator('.bookmark-item')).toContainText('12');
  await panel.getByRole('button', { name: /^Remove/ }).click();
  await expect(panel.locator('.bookmark-item')).toHaveCount(0);
  await expect(page.locator('.flag-bookmark')).toHaveCount(0);
});
