import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { ROOT, type RunningHarness, startHarness } from './helpers/harness';

/**
 * Accessibility (axe) and screenshots in both UI languages, light and dark. Screenshots go to
 * test-results/screenshots; with UPDATE_README_SCREENSHOTS=1 the light ones also replace the
 * README's images in docs/screenshots.
 */
const SHOTS = join(ROOT, 'test-results', 'screenshots');

const cases = [
  { ui: 'en', scheme: 'light' },
  { ui: 'en', scheme: 'dark' },
  { ui: 'ru', scheme: 'light' },
  { ui: 'ru', scheme: 'dark' },
] as const;

let english: RunningHarness;
let russian: RunningHarness;
test.beforeAll(async () => {
  [english, russian] = await Promise.all([startHarness({ systemLanguage: 'en-US' }), startHarness({ systemLanguage: 'ru-RU' })]);
});
test.afterAll(async () => {
  await Promise.all([english.stop(), russian.stop()]);
});

for (const { ui, scheme } of cases) {
  test(`no serious accessibility violation, ${ui} UI, ${scheme} theme; screenshot`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto((ui === 'en' ? english : russian).origin);
    await expect(page.locator('[data-row-id]').first()).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', ui);
    await page.evaluate(() => document.fonts.ready);

    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);

    // Point at a clause so the screenshot shows the counterpart lit.
    await page.locator('[data-row-id]').first().locator('.cell[lang="en"] .clause').first().hover();
    await page.evaluate(() => window.scrollTo(0, 0));
    mkdirSync(SHOTS, { recursive: true });
    const file = join(SHOTS, `reader-${ui}-${scheme}.png`);
    await page.screenshot({ path: file });
    if (process.env.UPDATE_README_SCREENSHOTS === '1' && scheme === 'light') {
      mkdirSync(join(ROOT, 'docs', 'screenshots'), { recursive: true });
      copyFileSync(file, join(ROOT, 'docs', 'screenshots', `reader-${ui}.png`));
    }
  });
}

test('a narrow window keeps both columns readable', async ({ page }) => {
  await page.setViewportSize({ width: 640, height: 800 });
  await page.goto(english.origin);
  await expect(page.locator('[data-row-id]').first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, 'reader-en-narrow.png') });
});
