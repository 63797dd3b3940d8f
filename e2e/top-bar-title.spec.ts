/**
 * The document's title in the top bar keeps a fair share of the bar at 900 and 1400 px in both UI
 * languages (the tool buttons give way, not the title), with no button cut off; screenshots of each.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT, type RunningHarness, startHarness } from './helpers/harness';

const SHOTS = join(ROOT, 'test-results', 'screenshots');
let english: RunningHarness;
let russian: RunningHarness;
test.beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  [english, russian] = await Promise.all([startHarness({ systemLanguage: 'en-US' }), startHarness({ systemLanguage: 'ru-RU' })]);
});
test.afterAll(async () => {
  await Promise.all([english.stop(), russian.stop()]);
});

for (const ui of ['en', 'ru'] as const)
  for (const width of [900, 1400])
    for (const scheme of ['light', 'dark'] as const)
      test(`the title keeps its share of the bar: ${ui}, ${width} px, ${scheme}`, async ({ page }) => {
        await page.setViewportSize({ width, height: 800 });
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto((ui === 'en' ? english : russian).url);
        await expect(page.locator('[data-row-id]').first()).toBeVisible();
        await page.evaluate(() => document.fonts.ready);
        const bar = page.getByRole('toolbar').first();
        const title = bar.locator('.bar-title');
        const m = await title.evaluate((el) => {
          const bar = el.closest('.top-bar')!.getBoundingClientRect();
          const box = el.getBoundingClientRect();
          const buttons = [...el.closest('.top-bar')!.querySelectorAll<HTMLElement>('button')].filter((b) => b.offsetParent);
          return {
            share: box.width / bar.width,
            shown: el.scrollWidth <= el.clientWidth ? 1 : el.clientWidth / el.scrollWidth,
            cut: buttons.filter((b) => b.scrollWidth > b.clientWidth + 1 || b.getBoundingClientRect().right > bar.right + 1).map((b) => b.textContent),
            overflow: document.documentElement.scrollWidth > window.innerWidth,
          };
        });
        await page.screenshot({ path: join(SHOTS, `top-bar-${ui}-${width}-${scheme}.png`), clip: { x: 0, y: 0, width, height: 120 } });
        // At least a third of the bar, or the whole title when it is shorter.
        expect(m.share >= 0.33 || m.shown === 1, `title share ${m.share.toFixed(2)}, shown ${m.shown.toFixed(2)}`).toBe(true);
        expect(m.cut).toEqual([]);
        expect(m.overflow).toBe(false);
        // Every tool button still has a name (an icon-only one through its label).
        for (const name of ui === 'en' ? ['Contents', 'Search', 'Bookmarks'] : ['Содержание', 'Поиск', 'Закладки']) await expect(bar.getByRole('button', { name })).toBeVisible();
      });
