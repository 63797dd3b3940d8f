/**
 * The top bar when the window is narrower: below 1200 px its panel and mode buttons are icons, so
 * the document's title is not cut (in Russian, the longer, at 900 px), the bar stays one line and
 * nothing in it overlaps; each icon keeps its words as its name and shows them as a tooltip on
 * keyboard focus. Screenshots of the bar at 1400, 1100 and 900 px, en/ru, light/dark.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Page, expect, test } from '@playwright/test';
import { ROOT, harnessesPerFile } from './helpers/harness';

const SHOTS = join(ROOT, 'test-results', 'screenshots');
/** The bundled statement's short titles, as its manifest has them. */
const TITLE = (JSON.parse(readFileSync(join(ROOT, 'resources/documents/asean-russia-covid19-2020/manifest.json'), 'utf8')) as { shortTitle: { en: string; ru: string } })
  .shortTitle;
const NAMES = {
  en: ['Contents', 'Search', 'Notes (0)', 'Bookmarks', 'Edit alignment'],
  ru: ['Содержание', 'Поиск', 'Заметки (0)', 'Закладки', 'Правка выравнивания'],
} as const;

// Its cases run in order in one worker: a file split across both workers (fullyParallel) would
// start its harnesses twice, and these cases are short.
test.describe.configure({ mode: 'default' });
/** The cases only look: one harness per UI language serves them all. */
const harnessFor = harnessesPerFile();

async function openAt(page: Page, ui: 'en' | 'ru', width: number, scheme: 'light' | 'dark' = 'light') {
  await page.setViewportSize({ width, height: 800 });
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto((await harnessFor(ui === 'en' ? 'en-US' : 'ru-RU')).url);
  await expect(page.locator('[data-row-id]').first()).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', ui);
  await page.evaluate(() => document.fonts.ready);
}

/** The bar's title: how wide it is drawn and how wide its text is, and its tooltip. */
const titleBox = (page: Page) =>
  page.locator('.bar-title').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, tooltip: el.getAttribute('title') }));

for (const ui of ['en', 'ru'] as const) {
  test(`${ui} UI at 900 px: the title is whole, the bar one line, nothing in it overlaps`, async ({ page }) => {
    await openAt(page, ui, 900);
    const title = await titleBox(page);
    expect(title.tooltip).toBe(TITLE[ui]);
    await expect(page.locator('.bar-title')).toHaveText(TITLE[ui]);
    expect(title.scroll).toBeLessThanOrEqual(title.client);

    const chrome = await page.evaluate(() => document.querySelector('.app-header')!.getBoundingClientRect().bottom);
    expect(chrome).toBeLessThanOrEqual(56);
    // The bar's parts, left to right, each after the one before and inside the bar.
    const boxes = await page.locator('.top-bar').evaluate((bar) => {
      const outer = bar.getBoundingClientRect();
      const parts = [...bar.querySelectorAll<HTMLElement>(':scope > .bar-button, :scope > .bar-title, :scope > .bar-group > .bar-button')];
      return { outer: { left: outer.left, right: outer.right, top: outer.top, bottom: outer.bottom }, parts: parts.map((el) => el.getBoundingClientRect().toJSON() as DOMRect) };
    });
    expect(boxes.parts.length).toBeGreaterThanOrEqual(8);
    for (const [i, box] of boxes.parts.entries()) {
      expect(box.left).toBeGreaterThanOrEqual(boxes.outer.left);
      expect(box.right).toBeLessThanOrEqual(boxes.outer.right);
      expect(box.top).toBeGreaterThanOrEqual(boxes.outer.top);
      expect(box.bottom).toBeLessThanOrEqual(boxes.outer.bottom);
      if (i > 0) expect(box.left).toBeGreaterThanOrEqual(boxes.parts[i - 1]!.right);
    }

    // Each icon button keeps its words as its name, and shows them when the keyboard reaches it.
    for (const name of NAMES[ui]) await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
    const search = page.getByRole('button', { name: NAMES[ui][1], exact: true });
    await page.getByRole('button', { name: NAMES[ui][0], exact: true }).focus();
    await page.keyboard.press('Tab');
    await expect(search).toBeFocused();
    const tip = await search.evaluate((el) => {
      const after = getComputedStyle(el, '::after');
      return { display: after.display, content: after.content };
    });
    expect(tip.display).toBe('block');
    expect(tip.content).toContain(NAMES[ui][1]);
    await page.screenshot({ path: join(SHOTS, `top-bar-${ui}-900-tooltip.png`), clip: { x: 0, y: 0, width: 900, height: 120 } });
  });
}

test('at 1400 px the bar has its words; a note counted beside its icon at 900 px', async ({ page }) => {
  await openAt(page, 'en', 1400);
  await expect(page.locator('.bar-icon-button .bar-label').first()).toBeVisible();
  await expect(page.locator('.bar-icon').first()).toBeHidden();
  const title = await titleBox(page);
  expect(title.scroll).toBeLessThanOrEqual(title.client);
  await page.setViewportSize({ width: 900, height: 800 });
  await expect(page.locator('.bar-icon').first()).toBeVisible();
  // No note yet: no figure beside the Notes icon.
  await expect(page.locator('.bar-count')).toHaveCount(0);
});

test('screenshots of the bar: en/ru, light/dark, 1400/1100/900 px', async ({ page }) => {
  mkdirSync(SHOTS, { recursive: true });
  for (const ui of ['en', 'ru'] as const)
    for (const scheme of ['light', 'dark'] as const)
      for (const width of [1400, 1100, 900]) {
        await openAt(page, ui, width, scheme);
        const title = await titleBox(page);
        expect(title.scroll, `${ui} ${scheme} ${width}`).toBeLessThanOrEqual(title.client);
        await page.screenshot({ path: join(SHOTS, `top-bar-${ui}-${scheme}-${width}.png`), clip: { x: 0, y: 0, width, height: 120 } });
      }
});
