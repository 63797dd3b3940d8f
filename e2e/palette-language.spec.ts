/**
 * The interface language from the command palette: typed by the language's name («Русский») or
 * by "language", Enter switches it, and the choice is kept after a restart; back to English from
 * the Russian interface on a Russian layout («язык интерфейса»). The palette used to find nothing.
 */
import { expect, test } from '@playwright/test';
import { harnessPerTest } from './helpers/harness';
import { pressRussian, typeRussian } from './helpers/russian-keyboard';

const { open, restart, harness } = harnessPerTest();

test('Ctrl+K, «Русский», Enter: the interface is Russian (kept after a restart); Ctrl+K, «язык интерфейса», Enter: English again', async ({ page }) => {
  await open(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.locator('.clause').first().focus();
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Commands' });
  await expect(palette.getByRole('combobox')).toBeFocused();
  await page.keyboard.type('Русский');
  await expect(palette.getByRole('option')).toHaveCount(1);
  await expect(palette.getByRole('option')).toContainText('Interface language: Русский');
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page.getByRole('button', { name: 'Ещё' })).toBeVisible();
  await expect(page.locator('.clause').first()).toBeFocused();

  await restart();
  await page.goto(harness().url);
  await expect(page.locator('[data-row-id]').first()).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');

  await page.locator('.clause').first().focus();
  await pressRussian(page, 'KeyK', { ctrl: true });
  const команды = page.getByRole('dialog', { name: 'Команды' });
  await expect(команды.getByRole('combobox')).toBeFocused();
  await typeRussian(page, 'язык интерфейса');
  await expect(команды.getByRole('option')).toHaveCount(1);
  await pressRussian(page, 'Enter');
  await expect(команды).toBeHidden();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: 'More' })).toBeVisible();
});
