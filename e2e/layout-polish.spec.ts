/**
 * A small layout promise: the Go-to dialog keeps its width when its error appears (the error
 * wraps). Screenshots go to test-results/screenshots.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT, harnessesPerFile } from './helpers/harness';

const SHOTS = join(ROOT, 'test-results', 'screenshots');
const cases = (['en', 'ru'] as const).flatMap((ui) =>
  (['light', 'dark'] as const).flatMap((scheme) => ([1400, 900] as const).map((width) => ({ ui, scheme, width }))),
);

// Its cases run in order in one worker: a file split across both workers (fullyParallel) would
// start its harnesses twice, and these cases are short.
test.describe.configure({ mode: 'default' });
/** The cases only look: one harness per UI language serves them all. */
const harnessFor = harnessesPerFile();

for (const { ui, scheme, width } of cases) {
  test(`Go to keeps its width when its error appears (${ui}, ${scheme}, ${width} px)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto((await harnessFor(ui === 'en' ? 'en-US' : 'ru-RU')).url);
    await expect(page.locator('[data-row-id]').first()).toBeVisible();
    await page.evaluate(() => document.fonts.ready);
    mkdirSync(SHOTS, { recursive: true });

    await page.locator('[data-row-id]').first().locator('.clause').first().focus();

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
