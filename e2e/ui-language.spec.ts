import { expect, test } from '@playwright/test';
import { statementParagraphs } from './helpers/fixture';
import { newUserDataDir, startHarness } from './helpers/harness';

const paragraphs = statementParagraphs().length;
const RU_PARAGRAPH_FORMS = { one: 'абзац', few: 'абзаца', many: 'абзацев', other: 'абзаца' } as const;

test('the first start follows the system language', async ({ page }) => {
  const russian = await startHarness({ systemLanguage: 'ru-RU' });
  try {
    await page.goto(russian.url);
    await expect(page.getByRole('heading', { level: 2, name: 'Преамбула' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  } finally {
    await russian.stop();
  }
  const english = await startHarness({ systemLanguage: 'de-DE' });
  try {
    await page.goto(english.url);
    await expect(page.getByRole('heading', { level: 2, name: 'Preamble' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  } finally {
    await english.stop();
  }
});

test('switching the UI language relabels the UI and survives a restart', async ({ page }) => {
  const userDataDir = newUserDataDir();
  let harness = await startHarness({ userDataDir, systemLanguage: 'en-GB' });
  try {
    await page.goto(harness.url);
    await page.getByRole('button', { name: 'More' }).click();
    await expect(page.getByRole('group', { name: 'Interface language' })).toBeVisible();
    await page.getByRole('button', { name: 'Русский' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Постановляющая часть' })).toBeVisible();
    await expect(page.getByRole('group', { name: 'Язык интерфейса' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Русский' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('.document-meta time')).toHaveText('17 июня 2020 г.');
    await expect(page.getByRole('note')).toContainText('перевод проекта');
    const form = new Intl.PluralRules('ru').select(paragraphs) as keyof typeof RU_PARAGRAPH_FORMS;
    await expect(page.locator('.document-meta')).toContainText(`${paragraphs} ${RU_PARAGRAPH_FORMS[form]}`);
    await expect(page).toHaveTitle(/Bitext Reader/);
  } finally {
    await harness.stop();
  }

  harness = await startHarness({ userDataDir, systemLanguage: 'en-GB' });
  try {
    await page.goto(harness.url);
    await expect(page.getByRole('heading', { level: 2, name: 'Преамбула' })).toBeVisible();
    await page.getByRole('button', { name: 'Ещё' }).click();
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Preamble' })).toBeVisible();
  } finally {
    await harness.stop();
  }
});
