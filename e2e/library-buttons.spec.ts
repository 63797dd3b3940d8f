/**
 * The library's buttons for an imported document — Rename, Details, Remove — stand apart (they
 * touched, so three looked like one), in the Russian interface at 1400 and 900 px, and the table
 * fits the window. The library and the import are worked with the keyboard.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { newUserDataDir, ROOT, type RunningHarness, startHarness } from './helpers/harness';
import { pressRussian } from './helpers/russian-keyboard';

const STATEMENT = join(ROOT, 'resources/documents/asean-russia-covid19-2020');
const paragraphs = (lang: 'en' | 'ru') => readFileSync(join(STATEMENT, `${lang}.txt`), 'utf8').split(/\n\s*\n/).slice(0, 4).join('\n\n');

let harness: RunningHarness;
test.beforeEach(async () => {
  harness = await startHarness({ userDataDir: newUserDataDir(), systemLanguage: 'ru-RU' });
});
test.afterEach(async () => {
  await harness.stop();
});

test('Rename, Details and Remove stand apart and fit, at 1400 and 900 px', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(harness.url);
  await expect(page.locator('[data-row-id]').first()).toBeVisible();
  // The bar's first button is Library: Shift+Tab from the text, then Enter.
  await page.locator('.clause').first().focus();
  const library = page.getByRole('button', { name: 'Библиотека' });
  for (let i = 0; i < 12 && !(await library.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Shift+Tab');
  await pressRussian(page, 'Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Библиотека' })).toBeVisible();
  const importButton = page.getByRole('button', { name: 'Импорт текстов…' });
  for (let i = 0; i < 12 && !(await importButton.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await pressRussian(page, 'Enter');
  const dialog = page.getByRole('dialog', { name: 'Импорт текстов' });
  await dialog.getByLabel('Английский файл').setInputFiles({ name: 'en.txt', mimeType: 'text/plain', buffer: Buffer.from(paragraphs('en')) });
  await dialog.getByLabel('Русский файл').setInputFiles({ name: 'ru.txt', mimeType: 'text/plain', buffer: Buffer.from(paragraphs('ru')) });
  const start = dialog.getByRole('button', { name: 'Импортировать', exact: true });
  await expect(start).toBeEnabled({ timeout: 30_000 });
  await start.focus();
  await pressRussian(page, 'Enter');
  await expect(page.locator('[data-row-id]').first()).toBeVisible({ timeout: 60_000 });
  for (let i = 0; i < 12 && !(await library.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Shift+Tab');
  await pressRussian(page, 'Enter');
  await expect(page.locator('tbody tr')).toHaveCount(2);

  for (const width of [1400, 900]) {
    await page.setViewportSize({ width, height: 800 });
    const layout = await page.evaluate(() => {
      const buttons = [...document.querySelectorAll<HTMLElement>('.library-actions .tool-button')].map((b) => b.getBoundingClientRect());
      return {
        count: buttons.length,
        gaps: buttons.slice(1).map((r, i) => r.left - buttons[i]!.right),
        past: buttons.filter((r) => r.right > window.innerWidth).length,
        sideways: document.scrollingElement!.scrollWidth - document.scrollingElement!.clientWidth,
      };
    });
    expect(layout.count, `${width} px`).toBe(3);
    for (const gap of layout.gaps) expect(gap, `${width} px: the space between two buttons`).toBeGreaterThanOrEqual(4);
    expect(layout.past, `${width} px`).toBe(0);
    expect(layout.sideways, `${width} px`).toBe(0);
  }
});
