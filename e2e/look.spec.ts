import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { ROOT, harnessesPerFile, ipc } from './helpers/harness';

/**
 * Accessibility (axe) and screenshots in both UI languages, light and dark. Screenshots go to
 * test-results/screenshots; with UPDATE_README_SCREENSHOTS=1 the light ones also replace the
 * README's images in docs/screenshots.
 */
const SHOTS = join(ROOT, 'test-results', 'screenshots');

const cases = (['en', 'ru'] as const).flatMap((ui) =>
  (['light', 'dark'] as const).flatMap((scheme) => ([1400, 900] as const).map((width) => ({ ui, scheme, width }))),
);
const DISPLAY = { en: 'Display', ru: 'Отображение' } as const;

/** The cases look, and set the reading preferences each needs first: one harness per UI language serves them all. */
const harnessFor = harnessesPerFile();
const SYSTEM = { en: 'en-US', ru: 'ru-RU' } as const;

for (const { ui, scheme, width } of cases) {
  test(`no serious accessibility violation, ${ui} UI, ${scheme} theme, ${width} px; screenshot`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto((await harnessFor(SYSTEM[ui])).url);
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
    const file = join(SHOTS, `reader-${ui}-${scheme}-${width}.png`);
    await page.screenshot({ path: file });
    if (process.env.UPDATE_README_SCREENSHOTS === '1' && scheme === 'light' && width === 1400) {
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
  test(`no serious accessibility violation: ${v.ui} UI, ${v.layout}, ${v.theme}, ${v.open.join(', ')} open`, async ({ page }) => {
    const harness = await harnessFor(SYSTEM[v.ui]);
    await ipc(harness, 'settings:set-reader-prefs', { layout: 'side-by-side', theme: 'system', swapped: false, fontStep: 0, lineSpacing: 'normal', singleLang: 'en' });
    await page.goto(harness.url);
    await expect(page.locator('[data-row-id]').first()).toBeVisible();
    await page.getByRole('button', { name: DISPLAY[v.ui], exact: true }).click();
    await page.getByRole('button', { name: v.layout, exact: true }).click();
    await page.locator('select').filter({ has: page.locator('option[value="sepia"]') }).selectOption(v.theme);
    const popover = await new AxeBuilder({ page }).include('#display-popover').analyze();
    expect(popover.violations.filter((x) => x.impact === 'serious' || x.impact === 'critical').map((x) => x.id)).toEqual([]);
    await page.keyboard.press('Escape');
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
    await page.keyboard.press('Shift+Slash');
    await expect(page.getByRole('dialog')).toBeVisible();
    const dialog = await new AxeBuilder({ page }).analyze();
    expect(dialog.violations.filter((x) => x.impact === 'serious' || x.impact === 'critical').map((x) => x.id)).toEqual([]);
  });
}

test('the library view has no serious accessibility violation', async ({ page }) => {
  for (const ui of ['en', 'ru'] as const) {
    await page.goto((await harnessFor(SYSTEM[ui])).url);
    await expect(page.locator('[data-row-id]').first()).toBeVisible();
    await page.locator('.library-button').click();
    await expect(page.locator('.library-table')).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.filter((x) => x.impact === 'serious' || x.impact === 'critical').map((x) => `${x.id} (${x.nodes.length})`)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, `library-${ui}.png`) });
  }
});

test('at 900 × 800 the chrome above the text is at most 56 px', async ({ page }) => {
  await page.setViewportSize({ width: 900, height: 800 });
  await page.goto((await harnessFor('en-US')).url);
  await expect(page.locator('[data-row-id]').first()).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
  const chrome = await page.evaluate(() => document.querySelector('.app-header')!.getBoundingClientRect().bottom);
  // The figure for the report; the goal is 56 px (it was 167 px).
  console.log(`chrome above the text at 900 x 800: ${chrome} px`);
  expect(chrome).toBeLessThanOrEqual(56);
  // Everything in the bar fits on its one line.
  const bar = await page.locator('.top-bar').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(bar.scroll).toBeLessThanOrEqual(bar.client);
});

test('a narrow window keeps both columns readable', async ({ page }) => {
  await page.setViewportSize({ width: 640, height: 800 });
  await page.goto((await harnessFor('en-US')).url);
  await expect(page.locator('[data-row-id]').first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, 'reader-en-narrow.png') });
});
