/**
 * Glossary files the reader gets wrong, in the Russian interface: a binary file chosen by mistake
 * is refused (it used to become ten "term pairs" of garbage), a TBX with no pair and a file that is
 * no glossary are refused in Russian (main's English reason used to be shown); a CSV saved by a
 * Russian Excel (Windows-1251) is read with its Cyrillic whole. The panel is opened and worked
 * with the keyboard on a Russian layout; the file field is given its file as a file chooser would.
 */
import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { newUserDataDir, type RunningHarness, startHarness } from './helpers/harness';
import { pressRussian } from './helpers/russian-keyboard';

let harness: RunningHarness;
test.beforeEach(async () => {
  harness = await startHarness({ userDataDir: newUserDataDir(), systemLanguage: 'ru-RU' });
});
test.afterEach(async () => {
  await harness.stop();
});

/** Russian with the file's name taken out: no English word may be left. */
const english = (text: string, name: string) => text.replaceAll(name, '').replace(/\.(csv|tsv|tbx)\b/g, '').match(/[A-Za-z]{3,}/g) ?? [];

test('a binary file, a TBX with no pair and a non-glossary file are refused in Russian; a Windows-1251 CSV is read', async ({ page }) => {
  await page.goto(harness.url);
  await expect(page.locator('[data-row-id]').first()).toBeVisible();
  await page.locator('.clause').first().focus();
  await pressRussian(page, 'KeyG', { shift: true });
  const panel = page.locator('#glossary-panel');
  await expect(panel.getByRole('button', { name: 'Добавить термин…' })).toBeFocused();
  const file = panel.locator('input[type="file"]');
  const status = panel.locator('.glossary-status');

  await file.setInputFiles({ name: 'photo.csv', mimeType: 'text/csv', buffer: randomBytes(3000) });
  await expect(status).toHaveText('Не удалось импортировать «photo.csv»: это не текстовый файл (похоже, двоичный); ничего не добавлено.');
  await expect(panel.locator('.glossary-entry')).toHaveCount(0);

  const oneSide = '<?xml version="1.0"?><martif><text><body><termEntry><langSet xml:lang="en"><tig><term>x</term></tig></langSet></termEntry></body></text></martif>';
  await file.setInputFiles({ name: 'one-side.tbx', mimeType: 'application/xml', buffer: Buffer.from(oneSide) });
  await expect(status).toHaveText('Не удалось импортировать «one-side.tbx»: в нём не найдено ни одной пары терминов.');
  expect(english(await status.innerText(), 'one-side.tbx')).toEqual([]);

  await file.setInputFiles({ name: 'terms.json', mimeType: 'application/json', buffer: Buffer.from('health,здоровье\n') });
  await expect(status).toHaveText('Не удалось импортировать «terms.json»: это не файл глоссария: выберите файл .csv, .tsv или .tbx.');
  await expect(panel.locator('.glossary-entry')).toHaveCount(0);

  // «вакцина» in Windows-1251: в=E2 а=E0 к=EA ц=F6 и=E8 н=ED а=E0.
  const cp1251 = Buffer.from([...Buffer.from('en,ru\nvaccine,'), 0xe2, 0xe0, 0xea, 0xf6, 0xe8, 0xed, 0xe0, 0x0a]);
  await file.setInputFiles({ name: 'excel.csv', mimeType: 'text/csv', buffer: cp1251 });
  await expect(status).toContainText('Импортирована 1 пара терминов');
  await expect(panel.locator('.glossary-entry')).toHaveCount(1);
  await expect(panel.locator('.glossary-entry')).toContainText('вакцина');
  await pressRussian(page, 'Escape');
});
