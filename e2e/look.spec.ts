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
    await page.goto((ui === 'en' ? english : russian).url);
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

/** Every layout and theme, with the panels and a dialog open: axe, and a screenshot of each. */
const variants = [
  { ui: 'en', layout: 'Interleaved', theme: 'sepia', open: ['Contents'] },
  { ui: 'en', layout: 'One language', theme: 'dark', open: ['Search'] },
  { ui: 'ru', layout: 'Поочерёдно', theme: 'dark', open: ['Содержание'] },
  { ui: 'ru', layout: 'Один язык', theme: 'sepia', open: ['Поиск'] },
  { ui: 'en', layout: 'Side by side', theme: 'light', open: ['Notes (0)'] },
  { ui: 'ru', layout: 'Рядом', theme: 'sepia', open: ['Заметки (0)'] },
] as const;

for (const v of variants) {
  test(`no serious accessibility violation: ${v.ui} UI, ${v.layout}, ${v.theme}, ${v.open.join(', ')} open`, async ({ page, request }) => {
    const harness = v.ui === 'en' ? english : russian;
    await request.post(`${harness.origin}/__ipc/settings:set-reader-prefs`, {
      headers: harness.headers,
      data: { hasPayload: true, payload: { layout: 'side-by-side', theme: 'system', swapped: false, fontStep: 0, lineSpacing: 'normal', singleLang: 'en' } },
    });
    await page.goto(harness.url);
    await expect(page.locator('[data-row-id]').first()).toBeVisible();
    await page.getByRole('button', { name: v.layout, exact: true }).click();
    await page.locator('select').filter({ has: page.locator('option[value="sepia"]') }).selectOption(v.theme);
    for (const name of v.open) await page.getByRole('button', { name, exact: true }).click();
    if ((v.open as readonly string[]).some((name) => name === 'Search' || name === 'Поиск')) await page.keyboard.type(v.ui === 'en' ? 'health' : 'здравоохран');
    await page.evaluate(() => document.fonts.ready);
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((x) => x.impact === 'serious' || x.impact === 'critical');
    expect(serious.map((x) => `${x.id}: ${x.help} (${x.nodes.length})`)).toEqual([]);
    mkdirSync(SHOTS, { recursive: true });
    const name = `${v.ui}-${v.layout}-${v.theme}`.toLowerCase().replace(/[^a-zа-яё0-9]+/giu, '-');
    await page.screenshot({ path: join(SHOTS, `reader-${name}.png`) });

    // A dialog over it.
    await page.keyboard.press('Escape');
    await page.locator('.clause').first().focus();
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog')).toBeVisible();
    const dialog = await new AxeBuilder({ page }).analyze();
    expect(dialog.violations.filter((x) => x.impact === 'serious' || x.impact === 'critical').map((x) => x.id)).toEqual([]);
  });
}

test('the library view has no serious accessibility violation', async ({ page }) => {
  for (const harness of [english, russian]) {
    await page.goto(harness.url);
    await expect(page.locator('[data-row-id]').first()).toBeVisible();
    await page.locator('.library-button').click();
    await expect(page.locator('.library-table')).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.filter((x) => x.impact === 'serious' || x.impact === 'critical').map((x) => `${x.id} (${x.nodes.length})`)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, `library-${harness === english ? 'en' : 'ru'}.png`) });
  }
});

test('a narrow window keeps both columns readable', async ({ page }) => {
  await page.setViewportSize({ width: 640, height: 800 });
  await page.goto(english.url);
  await expect(page.locator('[data-row-id]').first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, 'reader-en-narrow.png') });
});
