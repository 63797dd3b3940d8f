/**
 * Saving a note with Ctrl+Enter closes its editor at once: a key pressed while the save is on its
 * way runs as a shortcut, and a save that fails brings the editor back with what was typed.
 */
import { expect, type Page, test } from '@playwright/test';
import { harnessPerTest } from './helpers/harness';

const { open } = harnessPerTest();

async function typeRowNote(page: Page, text: string) {
  await page.locator('[data-row-id]').nth(3).locator('.clause').first().focus();
  await page.keyboard.press('r');
  const editor = page.getByRole('dialog', { name: /Comparison note on paragraph/ });
  await expect(editor.getByRole('textbox', { name: 'Note' })).toBeFocused();
  await page.keyboard.type(text);
  return editor;
}

test('a key pressed while a note is being saved runs as a shortcut', async ({ page }) => {
  await open(page);
  // Hold the save back, as a slow disk would.
  let release: () => void = () => undefined;
  const held = new Promise<void>((done) => (release = done));
  let asked = false;
  await page.route(/\/__ipc\/annotations%3Acreate$/, async (route) => {
    asked = true;
    await held;
    await route.continue();
  });
  const editor = await typeRowNote(page, 'Same people in both.');
  await page.keyboard.press('Control+Enter');
  await page.keyboard.press('a');
  await expect.poll(() => asked).toBe(true);
  // The editor is gone and A opened the notes panel, while the save is still held.
  await expect(editor).toBeHidden();
  await expect(page.getByRole('complementary', { name: 'Notes', exact: true })).toBeVisible();
  await expect(editor.getByRole('textbox', { name: 'Note' })).toHaveCount(0);
  release();
  await expect(page.locator('[data-row-id]').nth(3).locator('.row-note')).toContainText('Same people in both.');
});

test('a note whose save fails comes back in its editor with the text and the reason', async ({ page }) => {
  await open(page);
  await page.route(/\/__ipc\/annotations%3Acreate$/, (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: false, code: 'io-error', message: 'ENOSPC: no space left on device' }) }),
  );
  const editor = await typeRowNote(page, 'Keep this text.');
  await page.keyboard.press('Control+Enter');
  await expect(editor.getByRole('alert')).toContainText('Could not save the note.');
  await expect(editor.getByRole('textbox', { name: 'Note' })).toHaveValue('Keep this text.');
  // Saved once the disk is back.
  await page.unroute(/\/__ipc\/annotations%3Acreate$/);
  await editor.getByRole('textbox', { name: 'Note' }).focus();
  await page.keyboard.press('Control+Enter');
  await expect(editor).toBeHidden();
  await expect(page.locator('[data-row-id]').nth(3).locator('.row-note')).toContainText('Keep this text.');
});
