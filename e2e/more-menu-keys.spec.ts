/**
 * The More menu answers the arrows, as a menu of commands does: Down and Up go through its items
 * (round at the ends, past the disabled ones), Home and End to the first and the last, Enter runs
 * the item; Esc closes it and gives the focus back to More. On a Russian layout, Russian UI.
 */
import { expect, type Page, test } from '@playwright/test';
import { newUserDataDir, type RunningHarness, startHarness } from './helpers/harness';
import { pressRussian } from './helpers/russian-keyboard';

let harness: RunningHarness;
test.beforeEach(async () => {
  harness = await startHarness({ userDataDir: newUserDataDir(), systemLanguage: 'ru-RU' });
});
test.afterEach(async () => {
  await harness.stop();
});

const focused = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

test('Down, Up, Home and End move through the More menu; Enter runs an item; Esc goes back to More', async ({ page }) => {
  await page.goto(harness.url);
  await expect(page.locator('[data-row-id]').first()).toBeVisible();
  const more = page.getByRole('button', { name: 'Ещё' });
  // Shift+Tab from the first clause reaches the bar's last button, More.
  await page.locator('.clause').first().focus();
  for (let i = 0; i < 12 && !(await more.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Shift+Tab');
  await expect(more).toBeFocused();
  await pressRussian(page, 'Enter');
  const menu = page.locator('#more-popover');
  await expect(menu).toBeVisible();
  const items = menu.locator('button:not(:disabled)');
  const names = (await items.allTextContents()).map((s) => s.trim());
  expect(names.length).toBeGreaterThan(5);
  await expect(items.first()).toBeFocused();

  await pressRussian(page, 'ArrowDown');
  expect(await focused(page)).toBe(names[1]);
  await pressRussian(page, 'ArrowDown');
  expect(await focused(page)).toBe(names[2]);
  await pressRussian(page, 'ArrowUp');
  expect(await focused(page)).toBe(names[1]);
  await pressRussian(page, 'End');
  expect(await focused(page)).toBe(names.at(-1));
  // Round: Down from the last is the first, Up from the first the last.
  await pressRussian(page, 'ArrowDown');
  expect(await focused(page)).toBe(names[0]);
  await pressRussian(page, 'ArrowUp');
  expect(await focused(page)).toBe(names.at(-1));
  await pressRussian(page, 'Home');
  expect(await focused(page)).toBe(names[0]);
  // No row moved and nothing else ran meanwhile: the menu is open, the reader's place unchanged.
  await expect(menu).toBeVisible();
  await expect(page.locator('dialog[open]')).toHaveCount(0);

  await pressRussian(page, 'Escape');
  await expect(menu).toBeHidden();
  await expect(more).toBeFocused();

  // Enter on an item found with the arrows runs it: Shortcuts (the second item) opens Help.
  await pressRussian(page, 'Enter');
  await expect(items.first()).toBeFocused();
  await pressRussian(page, 'ArrowDown');
  expect(await focused(page)).toBe('Сочетания клавиш');
  await pressRussian(page, 'Enter');
  await expect(page.getByRole('dialog', { name: 'Сочетания клавиш' })).toBeVisible();
});
