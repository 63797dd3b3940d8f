import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { newUserDataDir, startHarness } from './helpers/harness';

test('a settings file that cannot be read is left alone and the reader is told, once', async ({ page }) => {
  const userDataDir = newUserDataDir();
  // Root reads a chmod-000 file: a folder in the file's place cannot be read by anyone.
  mkdirSync(join(userDataDir, 'settings.json'));
  const harness = await startHarness({ userDataDir });
  try {
    await page.goto(harness.url);
    await expect(page.locator('[data-row-id]').first()).toBeVisible();
    const notice = page.getByRole('alert').filter({ hasText: 'settings file' });
    await expect(notice).toContainText(`Your settings file ${join(userDataDir, 'settings.json')} could not be read (EISDIR)`);
    await expect(notice).toContainText('changes are not saved until the next start');
    await notice.getByRole('button', { name: 'Dismiss' }).focus();
    await page.keyboard.press('Enter');
    await expect(notice).toHaveCount(0);
    expect(readdirSync(userDataDir).filter((name) => name.startsWith('settings'))).toEqual(['settings.json']);
  } finally {
    await harness.stop();
  }
});

test('a damaged settings file is moved aside and the notice says where, in Russian too', async ({ page }) => {
  const userDataDir = newUserDataDir();
  writeFileSync(join(userDataDir, 'settings.json'), '{"schemaVersion": 1, "uiLang');
  const harness = await startHarness({ userDataDir, systemLanguage: 'ru-RU' });
  try {
    await page.goto(harness.url);
    const aside = readdirSync(userDataDir).find((name) => name.startsWith('settings.json.corrupt-'));
    expect(aside).toBeDefined();
    await expect(page.getByRole('alert').filter({ hasText: 'файл настроек' })).toContainText(
      `Он сохранён как ${join(userDataDir, aside!)}; используются настройки по умолчанию.`,
    );
  } finally {
    await harness.stop();
  }
});
