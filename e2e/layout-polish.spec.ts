/**
 * Small layout promises: the reading-progress pill never covers the text's last line, and the
 * Go-to dialog keeps its width when its error appears. Screenshots go to test-results/screenshots.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT, type RunningHarness, startHarness } from './helpers/harness';

const SHOTS = join(ROOT, 'test-results', 'screenshots');
const cases = (['en', 'ru'] as const).flatMap((ui) =>
  (['light', 'dark'] as const).flatMap((scheme) => ([1400, 900] as const).map((width) => ({ ui, scheme, width }))),
);

let english: RunningHarness;
let russian: RunningHarness;
test.beforeAll(async () => {
  [english, russian] = await Promise.all([startHarness({ systemLanguage: 'en-US' }), startHarness({ systemLanguage: 'ru-RU' })]);
});
test.afterAll(async () => {
  await Promise.all([english.stop(), russian.stop()]);
});

for (const { ui, scheme, width } of cases) {
  test(`the pill leaves the last line free; Go to keeps its width (${ui}, ${scheme}, ${width} px)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto((ui === 'en' ? english : russian).url);
    await expect(page.locator('[data-row-id]').first()).toBeVisible();
    await page.evaluate(() => document.fonts.ready);
    mkdirSync(SHOTS, { recursive: true });

    // A Russian clause below the fold, focused (as Tab or a jump does): it comes into view above the pill.
    const firstBelow = () =>
      page.evaluate(() => {
        const clauses = [...document.querySelectorAll<HTMLElement>('.cell[lang="ru"] .clause')];
        return clauses.findIndex((c) => c.getBoundingClientRect().top > window.innerHeight);
      });
    // The rows below the fold are drawn a moment after the first ones.
    await expect.poll(firstBelow).toBeGreaterThan(0);
    const below = await firstBelow();
    await page.locator('.cell[lang="ru"] .clause').nth(below).focus();
    const focused = await page.evaluate(() => document.activeElement!.getBoundingClientRect().bottom);
    const pillTop = (await page.locator('.reading-progress').boundingBox())!.y;
    expect(focused).toBeLessThanOrEqual(pillTop);

    // The end of the document: the Russian column's last line sits above the pill.
    await page.locator('[data-row-id]').first().locator('.clause').first().focus();
    await page.keyboard.press('Control+End');
    await page.waitForTimeout(300);
    const pill = await page.locator('.reading-progress').boundingBox();
    expect(pill).not.toBeNull();
    const lastLine = await page.evaluate(() => {
      const cells = [...document.querySelectorAll('.cell[lang="ru"]')];
      const range = document.createRange();
      range.selectNodeContents(cells.at(-1)!);
      const rects = [...range.getClientRects()];
      return Math.max(...rects.map((r) => r.bottom));
    });
    expect(lastLine).toBeLessThanOrEqual(pill!.y);
    await page.screenshot({ path: join(SHOTS, `pill-${ui}-${scheme}-${width}.png`) });

    // Go to: a number out of range shows the error, and the dialog's width does not change.
    await page.keyboard.press('Control+g');
    const dialog = page.locator('dialog.goto-dialog');
    await expect(dialog.locator('input')).toBeFocused();
    const before = (await dialog.boundingBox())!.width;
    await page.keyboard.type('9999');
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('alert')).toBeVisible();
    expect((await dialog.boundingBox())!.width).toBe(before);
    await page.screenshot({ path: join(SHOTS, `goto-${ui}-${scheme}-${width}.png`) });
  });
}
