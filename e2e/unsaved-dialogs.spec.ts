/**
 * A dialog holding text the reader typed and has not saved asks before Esc, × or Cancel throw it
 * away: *Keep editing* (the default, and a second Esc) puts the focus back in the field with the
 * text; *Discard* closes. A dialog nothing was typed into still closes at the first Esc. Keyboard
 * only, on a Russian layout too.
 */
import { expect, type Page, test } from '@playwright/test';
import { harnessPerTest } from './helpers/harness';
import { pressRussian } from './helpers/russian-keyboard';

const { open } = harnessPerTest();

const clause = (page: Page, row: number) => page.locator('[data-row-id]').nth(row).locator('.clause').first();

test('Esc in a comparison note with text asks first; Keep editing keeps the text, Discard drops it', async ({ page }) => {
  await open(page);
  await clause(page, 3).focus();
  await page.keyboard.press('r');
  const editor = page.getByRole('dialog', { name: /Comparison note on paragraph/ });
  const note = editor.getByRole('textbox', { name: 'Note' });
  await expect(note).toBeFocused();
  await page.keyboard.type('The Russian adds a word.');

  // Esc: the editor stays, with the question; the focus on Keep editing.
  await page.keyboard.press('Escape');
  await expect(editor).toBeVisible();
  await expect(editor.getByRole('alert')).toHaveText(/Close without saving\? What you typed here will be lost\./);
  await expect(editor.getByRole('button', { name: 'Keep editing' })).toBeFocused();
  // A second Esc is Keep editing: back in the note, the text whole, typing goes on.
  await page.keyboard.press('Escape');
  await expect(editor.getByRole('alert')).toHaveCount(0);
  await expect(note).toBeFocused();
  await page.keyboard.type(' Twice.');
  await expect(note).toHaveValue('The Russian adds a word. Twice.');

  // Cancel asks too; Enter on Keep editing returns to the note.
  await page.keyboard.press('Tab'); // tags
  await page.keyboard.press('Tab'); // Cancel
  await expect(editor.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(editor.getByRole('button', { name: 'Keep editing' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(note).toBeFocused();
  await expect(note).toHaveValue('The Russian adds a word. Twice.');

  // Esc, then Discard (Tab from Keep editing): closed, nothing saved, the focus back on the clause.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(editor.getByRole('button', { name: 'Discard' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(editor).toBeHidden();
  await expect(clause(page, 3)).toBeFocused();
  await expect(page.locator('[data-row-id]').nth(3).locator('.row-note')).toHaveCount(0);

  // Nothing typed: the first Esc closes.
  await page.keyboard.press('r');
  await expect(note).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(editor).toBeHidden();
  await expect(clause(page, 3)).toBeFocused();
});

test('the glossary editor asks before Esc drops the terms typed, on a Russian layout', async ({ page }) => {
  await open(page);
  await clause(page, 2).focus();
  await pressRussian(page, 'KeyG', { ctrl: true, shift: true });
  const editor = page.getByRole('dialog', { name: 'Add to glossary' });
  await expect(editor.getByRole('textbox', { name: 'English term' })).toBeFocused();
  await page.keyboard.type('health');
  await pressRussian(page, 'Escape');
  await expect(editor.getByRole('button', { name: 'Keep editing' })).toBeFocused();
  await pressRussian(page, 'Enter');
  await expect(editor.getByRole('textbox', { name: 'English term' })).toBeFocused();
  await expect(editor.getByRole('textbox', { name: 'English term' })).toHaveValue('health');
  // × (Shift+Tab from the first field wraps to it) asks as well.
  await page.keyboard.press('Shift+Tab');
  await expect(editor.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(editor.getByRole('alert')).toContainText('Close without saving?');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(editor).toBeHidden();
  await expect(clause(page, 2)).toBeFocused();
});
