/**
 * The comparison tools as they look: a lit term link, the concordance, search at 900 px, in both
 * UI languages, light and dark; axe on each. Screenshots go to test-results/screenshots; with
 * UPDATE_README_SCREENSHOTS=1 the English light ones replace the README's (docs/screenshots/).
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { ROOT, harnessesPerFile, ipc } from './helpers/harness';

const SHOTS = join(ROOT, 'test-results', 'screenshots');
const cases = (['en', 'ru'] as const).flatMap((ui) => (['light', 'dark'] as const).map((scheme) => ({ ui, scheme })));
const WORDS = { en: { concordance: 'health', search: 'health' }, ru: { concordance: 'здравоохранение', search: 'пандемия' } } as const;

// Its cases run in order in one worker: a file split across both workers (fullyParallel) would
// start its harnesses twice, and these cases are short.
test.describe.configure({ mode: 'default' });
/**
 * The cases only look: one harness per UI language. The first comparison of the document runs once
 * in main's worker; it is asked for as each harness starts, not on a hover.
 */
const harnessFor = harnessesPerFile(async (harness) => {
  await ipc(harness, 'compare:links', { documentId: 'asean-russia-covid19-2020', rowIds: ['r2-0'] });
});
// axe over a page of two columns takes a while on a shared machine.
test.setTimeout(300_000);

async function shot(page: Page, name: string, readme: boolean) {
  mkdirSync(SHOTS, { recursive: true });
  const file = join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  if (readme && process.env.UPDATE_README_SCREENSHOTS === '1') {
    mkdirSync(join(ROOT, 'docs', 'screenshots'), { recursive: true });
    copyFileSync(file, join(ROOT, 'docs', 'screenshots', `${name.split('-')[0]}.png`));
  }
}

const serious = async (page: Page, include?: string) => {
  const builder = new AxeBuilder({ page });
  if (include) builder.include(include);
  return (await builder.analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
};

for (const { ui, scheme } of cases) {
  test(`term link, concordance and search: ${ui} UI, ${scheme}; axe and screenshots`, async ({ page }) => {
    const readme = ui === 'en' && scheme === 'light';
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto((await harnessFor(ui === 'en' ? 'en-US' : 'ru-RU')).url);
    await expect(page.locator('[data-row-id]').first()).toBeVisible();
    await page.evaluate(() => document.fonts.ready);

    // A date lit in both columns.
    const row = page.locator('.row[data-row-id="r2-0"]');
    await row.hover({ position: { x: 5, y: 5 } });
    const date = row.locator('.cell[lang="en"] .term', { hasText: '11 March 2020' });
    await date.hover();
    await expect(row.locator('.cell[lang="ru"] .term.is-lit-counterpart')).toHaveText('11 марта 2020 г.');
    expect(await serious(page, '.row[data-row-id="r2-0"]')).toEqual([]);
    await shot(page, `links-${ui}-${scheme}-1400`, readme);

    // The concordance of a word, a row jumped to.
    await page.locator('.cell[lang="en"] .clause').first().focus();
    await page.keyboard.press('Shift+KeyF');
    await page.keyboard.type(WORDS[ui].concordance);
    await page.keyboard.press('Enter');
    const hits = page.locator('#concordance-panel .concordance-hits button');
    await expect(hits.nth(1)).toBeVisible();
    await hits.nth(1).focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('#reader mark.concordance-match.is-current')).toBeInViewport();
    await page.mouse.move(5, 890);
    expect(await serious(page, '#concordance-panel')).toEqual([]);
    await shot(page, `concordance-${ui}-${scheme}-1400`, readme);
    await page.keyboard.press('Escape');

    // Search at 900 px: a sheet under the two columns.
    await page.setViewportSize({ width: 900, height: 800 });
    await page.locator('.cell[lang="en"] .clause').first().focus();
    await page.keyboard.press('Slash');
    await page.keyboard.type(WORDS[ui].search);
    await expect(page.locator('#search-panel .search-result').first()).toBeVisible();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    expect(await serious(page, '#search-panel')).toEqual([]);
    await shot(page, `search-${ui}-${scheme}-900`, readme);
  });
}
