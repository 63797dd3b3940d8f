/**
 * Import messages in the Russian interface: an empty file is refused in Russian only, said once
 * (issue 12 §6: the Russian UI used to say «Файл пуст. “empty.txt” is empty»). The files travel to
 * main as raw bytes (the harness's binary body), as structured clone carries them in the app.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT, startHarness } from './helpers/harness';

const STATEMENT = join(ROOT, 'resources/documents/asean-russia-covid19-2020');

test('in the Russian interface an empty file is refused in Russian only, said once', async ({ page }) => {
  const harness = await startHarness({ systemLanguage: 'ru-RU' });
  try {
    await page.goto(harness.url);
    await expect(page.locator('[data-row-id]').first()).toBeVisible();
    await page.getByRole('button', { name: 'Библиотека' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Библиотека' })).toBeVisible();
    await page.getByRole('button', { name: 'Импорт текстов…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Импорт текстов' });
    const ru = readFileSync(join(STATEMENT, 'ru.txt'), 'utf8').split(/\n\s*\n/).slice(0, 3).join('\n\n');
    await dialog.getByLabel('Английский файл').setInputFiles({ name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) });
    await dialog.getByLabel('Русский файл').setInputFiles({ name: 'ru.txt', mimeType: 'text/plain', buffer: Buffer.from(ru) });
    const alert = dialog.getByRole('alert');
    await expect(alert).toHaveText('В файле «empty.txt» нет текста.');
    // Every message shown (alerts, statuses, errors): nothing English once the file's name is
    // taken out, and the refusal said once in the whole dialog.
    const messages = await dialog.locator('[role="alert"], [role="status"], .field-error, .import-warning').allInnerTexts();
    expect(messages.join(' ').replaceAll('empty.txt', '').match(/[A-Za-z]{3,}/g) ?? []).toEqual([]);
    // The chosen file is named by its own field (not again beside it), and once by the message.
    expect(await dialog.getByLabel('Английский файл').evaluate((el) => (el as HTMLInputElement).files?.[0]?.name)).toBe('empty.txt');
    expect((await dialog.innerText()).split('empty.txt').length - 1).toBe(1);
    expect((await dialog.innerText()).split('нет текста').length - 1).toBe(1);
    await expect(dialog.getByRole('button', { name: 'Импортировать', exact: true })).toBeDisabled();
  } finally {
    await harness.stop();
  }
});

test('a pair sent as raw bytes is checked and imported, warnings in Russian', async ({ page }) => {
  const harness = await startHarness({ systemLanguage: 'ru-RU' });
  try {
    await page.goto(harness.url);
    await expect(page.locator('[data-row-id]').first()).toBeVisible();
    await page.getByRole('button', { name: 'Библиотека' }).click();
    await page.getByRole('button', { name: 'Импорт текстов…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Импорт текстов' });
    const para = (lang: 'en' | 'ru') => readFileSync(join(STATEMENT, `${lang}.txt`), 'utf8').split(/\n\s*\n/).slice(0, 4).join('\n\n');
    // Two control characters in the English file: accepted, with a warning.
    await dialog.getByLabel('Английский файл').setInputFiles({ name: 'en.txt', mimeType: 'text/plain', buffer: Buffer.from(`${para('en')}\u0001\u0002`) });
    await dialog.getByLabel('Русский файл').setInputFiles({ name: 'ru.txt', mimeType: 'text/plain', buffer: Buffer.from(para('ru')) });
    await expect(dialog.locator('.import-warning')).toHaveText('⚠ Удалено 2 управляющих символа.');
  } finally {
    await harness.stop();
  }
});
