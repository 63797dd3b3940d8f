/**
 * The glossary panel's list answers Down and Up like the checks and the concordance: from the
 * filter field to the first term, term by term (from a Delete button too), and back up to the field.
 * A term saved shows in the glossary it went to, and a save that fails keeps the focus and the text.
 */
import { expect, test } from '@playwright/test';
import { type RunningHarness, startHarness } from './helpers/harness';

const DOC = 'asean-russia-covid19-2020';
// One harness, one glossary: the later tests add terms the first one counts.
test.describe.configure({ mode: 'serial' });
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

test('a term added to all documents from this document’s list is shown where it went', async ({ page }) => {
  await page.goto(harness.url);
  await expect(page.locator('[data-row-id]').first()).toBeVisible();
  await page.locator('[data-row-line="1"] .clause').first().focus();
  await page.keyboard.press('Shift+KeyG');
  const panel = page.getByRole('complementary', { name: 'Glossary' });
  await expect(panel.getByRole('radio', { name: /^This document/u })).toBeChecked();
  await expect(panel.getByRole('button', { name: 'Add a term…' })).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Add to glossary' });
  await expect(dialog.getByRole('textbox', { name: 'English' })).toBeFocused();
  await page.keyboard.type('foreign ministers');
  await page.keyboard.press('Tab');
  await page.keyboard.type('министры иностранных дел');
  await page.keyboard.press('Tab'); // the note
  await page.keyboard.press('Tab'); // the scope: This document
  await expect(dialog.getByRole('radio', { name: 'This document' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(dialog.getByRole('radio', { name: 'All documents' })).toBeChecked();
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden();
  await expect(panel.getByRole('radio', { name: /^All documents/u })).toBeChecked();
  await expect(panel.getByRole('button', { name: 'Edit: foreign ministers — министры иностранных дел' })).toBeVisible();
});

test('a term whose save fails keeps the focus on Add, with the reason, and is saved on the next Enter', async ({ page }) => {
  await page.goto(harness.url);
  await expect(page.locator('[data-row-id]').first()).toBeVisible();
  await page.route(/\/__ipc\/glossary%3Aadd$/, (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: false, code: 'io-error', message: 'ENOSPC: no space left on device' }) }),
  );
  await page.locator('[data-row-line="1"] .clause').first().focus();
  await page.keyboard.press('Shift+KeyG');
  const panel = page.getByRole('complementary', { name: 'Glossary' });
  await expect(panel.getByRole('button', { name: 'Add a term…' })).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Add to glossary' });
  await expect(dialog.getByRole('textbox', { name: 'English' })).toBeFocused();
  await page.keyboard.type('special meeting');
  await page.keyboard.press('Tab');
  await page.keyboard.type('специальное совещание');
  const add = dialog.getByRole('button', { name: 'Add', exact: true });
  for (let k = 0; k < 6 && !(await add.evaluate((el) => el === document.activeElement)); k++) await page.keyboard.press('Tab');
  await expect(add).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('alert')).toContainText('ENOSPC');
  await expect(add).toBeFocused();
  await page.unroute(/\/__ipc\/glossary%3Aadd$/);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(panel.getByRole('button', { name: 'Edit: special meeting — специальное совещание' })).toBeVisible();
});
