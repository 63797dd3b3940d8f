/**
 * Deleting a note in the notes panel, or removing a bookmark in the bookmarks panel, from the
 * keyboard: the focus goes to the item now in the removed one's place (else the one before, else
 * the panel's heading) — never to the page's body, where the next Tab would start from the top.
 */
import { expect, type Page, test } from '@playwright/test';
import { harnessPerTest } from './helpers/harness';

const { open } = harnessPerTest();

const clause = (page: Page, row: number) => page.locator('[data-row-id]').nth(row).locator('.clause').first();
const focusOnBody = (page: Page) => page.evaluate(() => !document.activeElement || document.activeElement === document.body);

/** Bookmarks rows 2 and 4 from the keyboard (Ctrl+D, J, J, Ctrl+D), then opens the bookmarks panel. */
async function bookmarkTwoRows(page: Page) {
  await clause(page, 2).focus();
  await page.keyboard.press('Control+d');
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('Control+d');
  await page.keyboard.press('Shift+B');
}

async function rowNote(page: Page, row: number, text: string) {
  await clause(page, row).focus();
  await page.keyboard.press('r');
  const editor = page.getByRole('dialog', { name: /Comparison note on paragraph/ });
  await expect(editor.getByRole('textbox', { name: 'Note' })).toBeFocused();
  await page.keyboard.type(text);
  await page.keyboard.press('Control+Enter');
  await expect(editor).toBeHidden();
  await expect(page.locator('[data-row-id]').nth(row).locator('.row-note')).toContainText(text);
}

test('a note deleted from the notes panel leaves the focus on the next note, then on the heading', async ({ page }) => {
  await open(page);
  await rowNote(page, 2, 'First note.');
  await rowNote(page, 4, 'Second note.');
  await page.keyboard.press('a');
  const panel = page.locator('#annotations-panel');
  await expect(panel.getByRole('heading', { name: 'Notes' })).toBeFocused();
  const items = panel.locator('[data-annotation-item]');
  await expect(items).toHaveCount(2);

  // Tab to the first note's Delete, Enter.
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    if (await items.first().getByRole('button', { name: 'Delete' }).evaluate((el) => el === document.activeElement)) break;
  }
  await expect(items.first().getByRole('button', { name: 'Delete' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('Second note.');
  await expect(items.first().locator('.annotation-jump')).toBeFocused();
  expect(await focusOnBody(page)).toBe(false);

  // Tab, Tab: its Edit and Delete; Enter: the last one gone, the focus on the panel's heading.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(items.first().getByRole('button', { name: 'Delete' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(items).toHaveCount(0);
  await expect(panel.getByRole('heading', { name: 'Notes' })).toBeFocused();
  // Ctrl+Z brings the last note back (the focus is in the panel, not in a field).
  await page.keyboard.press('Control+z');
  await expect(items).toHaveCount(1);
});

test('a bookmark removed from the bookmarks panel leaves the focus on the next bookmark, then on the heading', async ({ page }) => {
  await open(page);
  await bookmarkTwoRows(page);
  const panel = page.locator('#bookmarks-panel');
  await expect(panel.getByRole('heading', { name: 'Bookmarks' })).toBeFocused();
  const items = panel.locator('.bookmark-item');
  await expect(items).toHaveCount(2);
  const second = await items.nth(1).locator('.contents-item').textContent();

  // Tab: Close, Bookmark this row, the first bookmark, its Remove.
  for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
  await expect(items.first().getByRole('button', { name: /^Remove/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(items).toHaveCount(1);
  await expect(items.first().locator('.contents-item')).toBeFocused();
  await expect(items.first().locator('.contents-item')).toHaveText(second ?? '');

  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(items).toHaveCount(0);
  await expect(panel.getByRole('heading', { name: 'Bookmarks' })).toBeFocused();
  expect(await focusOnBody(page)).toBe(false);
});

test('two bookmarks set in quick succession are both saved, even when the first save is slow', async ({ page }) => {
  // The first save held back 800 ms: without saving in order, the second (both rows) would reach
  // main first and the first (one row) would overwrite it.
  let first = true;
  await page.route(/\/__ipc\/bookmarks%3Aset$/, async (route) => {
    if (first) {
      first = false;
      await new Promise((done) => setTimeout(done, 800));
    }
    await route.continue();
  });
  let answered = 0;
  page.on('response', (response) => {
    if (response.url().endsWith('/__ipc/bookmarks%3Aset')) answered++;
  });
  await open(page);
  await bookmarkTwoRows(page);
  await expect(page.locator('#bookmarks-panel .bookmark-item')).toHaveCount(2);
  // Both saves answered by main.
  await expect.poll(() => answered).toBe(2);
  // What main kept, read back after a reload.
  await page.unrouteAll();
  await page.reload();
  await expect(page.locator('[data-row-id]').first()).toBeVisible();
  await page.locator('[data-row-id]').first().locator('.clause').first().focus();
  await page.keyboard.press('Shift+B');
  await expect(page.locator('#bookmarks-panel .bookmark-item')).toHaveCount(2);
});
