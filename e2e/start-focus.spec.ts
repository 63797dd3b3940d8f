/**
 * Where the focus is when the app starts: in the text, on the first row (the document's heading
 * left in view) or on the row read last, so the keys act on the text at once; without the focus
 * ring until a key is pressed (nobody was at the keyboard yet), with it after.
 */
import { expect, type Page, test } from '@playwright/test';
import { firstRowOf } from './helpers/fixture';
import { harnessPerTest } from './helpers/harness';

const { open, restart } = harnessPerTest();
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return {
      clause: !!el?.matches('.clause'),
      row: Number(el?.closest<HTMLElement>('[data-row-line]')?.dataset.rowLine ?? -1),
      ring: !!el?.matches(':focus-visible'),
    };
  });

test('at first start the first row has the focus, without the ring; J moves on with the ring', async ({ page }) => {
  await open(page);
  await expect.poll(async () => (await focused(page)).clause).toBe(true);
  expect(await focused(page)).toEqual({ clause: true, row: 0, ring: false });
  // The page did not scroll past the document's heading to get there.
  await expect(page.locator('#document-title')).toBeInViewport();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);

  await page.keyboard.press('j');
  await expect.poll(async () => (await focused(page)).row).toBe(1);
  expect(await focused(page)).toEqual({ clause: true, row: 1, ring: true });
  await page.keyboard.press('k');
  await expect.poll(async () => (await focused(page)).row).toBe(0);
});

test('after a restart the row read last has the focus', async ({ page }) => {
  await open(page);
  await expect.poll(async () => (await focused(page)).clause).toBe(true);
  await page.keyboard.press('g');
  await page.keyboard.type('25');
  await page.keyboard.press('Enter');
  const row = firstRowOf(25);
  await expect.poll(async () => (await focused(page)).row).toBe(row);
  // Saved a moment after scrolling stops.
  await page.waitForTimeout(1200);
  await restart();
  await open(page);
  await expect.poll(async () => (await focused(page)).row).toBe(row);
  expect(await focused(page)).toEqual({ clause: true, row, ring: false });
  await expect(page.locator(`[data-row-line="${row}"]`)).toBeInViewport();
});
