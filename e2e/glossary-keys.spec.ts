/**
 * The glossary panel's list answers Down and Up like the checks and the concordance: from the
 * filter field to the first term, term by term (from a Delete button too), and back up to the field.
 */
import { expect, test } from '@playwright/test';
import { type RunningHarness, startHarness } from './helpers/harness';

const DOC = 'asean-russia-covid19-2020';
let harness: RunningHarness;
test.beforeAll(async () => {
  harness = await startHarness();
  for (const [en, ru] of [
    ['health', 'здравоохранение'],
    ['pandemic', 'пандемия'],
    ['vaccine', 'вакцина'],
  ]) {
    const res = await fetch(`${harness.origin}/__ipc/glossary:add`, {
      method: 'POST',
      headers: { ...harness.headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ hasPayload: true, payload: { documentId: DOC, scope: 'document', entry: { en, ru } } }),
    });
    expect(((await res.json()) as { ok: boolean }).ok).toBe(true);
  }
});
test.afterAll(async () => {
  await harness.stop();
});

test('Down and Up move through the glossary terms', async ({ page }) => {
  await page.goto(harness.url);
  await expect(page.locator('[data-row-id]').first()).toBeVisible();
  await page.locator('[data-row-line="1"] .clause').first().focus();
  await page.keyboard.press('Shift+KeyG');
  const panel = page.getByRole('complementary', { name: 'Glossary' });
  await expect(panel.locator('.glossary-entry')).toHaveCount(3);
  await expect(panel.getByRole('button', { name: 'Add a term…' })).toBeFocused();
  await page.keyboard.press('Tab');
  const filter = panel.getByRole('searchbox', { name: 'Filter' });
  await expect(filter).toBeFocused();
  const edit = (en: string, ru: string) => panel.getByRole('button', { name: `Edit: ${en} — ${ru}` });
  await page.keyboard.press('ArrowDown');
  await expect(edit('health', 'здравоохранение')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(edit('pandemic', 'пандемия')).toBeFocused();
  await page.keyboard.press('Tab'); // to the term's Delete button
  await page.keyboard.press('ArrowDown');
  await expect(edit('vaccine', 'вакцина')).toBeFocused();
  await page.keyboard.press('ArrowDown'); // the last term: stays
  await expect(edit('vaccine', 'вакцина')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(edit('health', 'здравоохранение')).toBeFocused();
  await page.keyboard.press('End');
  await expect(edit('vaccine', 'вакцина')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(filter).toBeFocused();
});
