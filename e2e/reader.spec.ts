import { expect, test } from '@playwright/test';
import { statementAlignment } from './helpers/fixture';
import { type RunningHarness, startHarness } from './helpers/harness';

const alignment = statementAlignment();
const bodyGroups = alignment.groups.filter((g) => g.kind !== 'title');
const expectedRows = bodyGroups.flatMap((g) => g.rows);

let harness: RunningHarness;
test.beforeAll(async () => {
  harness = await startHarness();
});
test.afterAll(async () => {
  await harness.stop();
});

test('the statement opens with its titles, date, place and the translation note', async ({ page }) => {
  await page.goto(harness.url);
  const title = page.locator('h1#document-title');
  await expect(title.locator('[lang="en"]')).toHaveText(alignment.groups[0]!.rows[0]!.en[0]!);
  await expect(title.locator('[lang="ru"]')).toHaveText(alignment.groups[0]!.rows[0]!.ru[0]!);
  await expect(page.locator('.document-meta time')).toHaveText('17 June 2020');
  await expect(page.locator('.document-meta')).toContainText('Video conference');
  await expect(page.getByRole('note')).toContainText("project's own translation");
});

test('rows follow the hand-checked alignment, English and Russian in their columns', async ({ page }) => {
  await page.goto(harness.url);
  const rows = page.locator('[data-row-id]');
  await expect(rows).toHaveCount(expectedRows.length);
  const shown = await rows.evaluateAll((elements) =>
    elements.map((row) => ({
      en: [...row.querySelectorAll('.cell[lang="en"] .clause')].map((c) => c.textContent),
      ru: [...row.querySelectorAll('.cell[lang="ru"] .clause')].map((c) => c.textContent),
    })),
  );
  expect(shown).toEqual(expectedRows);
  // Every cell says which language it holds.
  await expect(page.locator('.cell:not([lang])')).toHaveCount(0);
  await expect(page.locator('.cell[lang="en"]')).toHaveCount(expectedRows.length);
  await expect(page.locator('.cell[lang="ru"]')).toHaveCount(expectedRows.length);
});

test('paragraphs are numbered and the preamble and operative parts are labelled', async ({ page }) => {
  await page.goto(harness.url);
  const paragraphs = page.locator('[data-row-id][data-paragraph]');
  await expect(paragraphs).toHaveCount(bodyGroups.length);
  await expect(page.locator('.row-line.is-first .paragraph-number').first()).toContainText('1');
  await expect(page.getByRole('heading', { level: 2, name: 'Preamble' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Operative paragraphs' })).toBeVisible();
  const preamble = bodyGroups.filter((g) => g.kind === 'preamble').length;
  await expect(page.locator('.paragraph-preamble [data-paragraph]')).toHaveCount(preamble);
  await expect(page.locator('.paragraph-operative [data-paragraph]')).toHaveCount(bodyGroups.length - preamble);
});

test('hovering or focusing a clause lights its counterpart, and only that', async ({ page }) => {
  await page.goto(harness.url);
  // A row where one clause faces two clauses of the other language (1-2 or 2-1).
  const index = expectedRows.findIndex((r) => r.en.length + r.ru.length === 3);
  expect(index).toBeGreaterThanOrEqual(0);
  const [one, two] = expectedRows[index]!.en.length === 1 ? (['en', 'ru'] as const) : (['ru', 'en'] as const);
  const row = page.locator('[data-row-id]').nth(index);
  await row.locator(`.cell[lang="${one}"] .clause`).first().hover();
  await expect(row.locator(`.cell[lang="${two}"] .clause.is-counterpart`)).toHaveCount(2);
  await expect(page.locator('.clause.is-counterpart')).toHaveCount(2);

  // From the Russian side, by keyboard focus.
  const other = page.locator('[data-row-id]').nth(index + 1);
  await page.mouse.move(0, 0);
  await other.locator('.cell[lang="ru"] .clause').first().focus();
  await expect(other.locator('.cell[lang="en"] .clause.is-counterpart')).toHaveCount(expectedRows[index + 1]!.en.length);
  await expect(row.locator('.clause.is-counterpart')).toHaveCount(0);
});

test('keyboard reaches every clause in reading order with a visible focus ring', async ({ page }) => {
  await page.goto(harness.url);
  await page.locator('[data-row-id]').first().waitFor();
  await page.locator('.clause').first().focus();
  const first = await page.evaluate(() => document.activeElement?.getAttribute('data-clause-id'));
  await page.keyboard.press('Tab');
  const second = await page.evaluate(() => document.activeElement?.getAttribute('data-clause-id'));
  expect(first).toBe('en-p1-c0');
  expect(second).toBe('ru-p1-c0');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
  expect(outline).toBe('solid');
});
