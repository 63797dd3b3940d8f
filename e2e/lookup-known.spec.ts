/**
 * The lookup popup (D) with no dictionary added still shows what the app itself knows of the word:
 * the built-in word list's pair, the same one the term link names — not a bare "no dictionary".
 */
import { expect, test } from '@playwright/test';
import { type RunningHarness, startHarness } from './helpers/harness';

let harness: RunningHarness;
test.beforeAll(async () => {
  harness = await startHarness();
});
test.afterAll(async () => {
  await harness.stop();
});

test('D on a word of the built-in word list: its pair, labelled, beside the add-a-dictionary hint', async ({ page }) => {
  await page.goto(harness.url);
  await expect(page.locator('[data-row-id]').first()).toBeVisible();
  const clause = page.locator('.cell[lang="en"] .clause', { hasText: /^Welcoming/ }).first();
  await clause.scrollIntoViewIfNeeded();
  await clause.focus();
  await page.keyboard.press('d');
  const popup = page.getByRole('dialog', { name: 'Welcoming' });
  await expect(popup).toBeVisible();
  await expect(popup).toContainText('No dictionary added yet.');
  await expect(popup.locator('.lookup-known')).toContainText('Welcoming — Приветствуя · Built-in word list', { timeout: 30_000 });
  // The word after it is in no list: nothing of the app's own is shown for it.
  await page.keyboard.press('ArrowRight');
  await expect(popup.locator('.lookup-known')).toHaveCount(0);
  await page.keyboard.press('Escape');
  // The term link names its source the same way.
  await clause.press(']');
  await expect(page.locator('#reader [role="status"], #reader-status, .visually-hidden[aria-live]').filter({ hasText: 'Welcoming — Приветствуя' }).first()).toContainText('built-in word list');
});
