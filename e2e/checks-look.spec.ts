import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { ROOT, harnessesPerFile, ipc } from './helpers/harness';

/**
 * The Checks and Glossary panels and the glossary editor: no serious accessibility violation, and
 * a screenshot of each in both UI languages, light and dark, 1400 and 900 px wide (into
 * test-results/screenshots; with UPDATE_README_SCREENSHOTS=1 the English light wide ones also
 * replace docs/screenshots/checks.png and glossary.png).
 */
const SHOTS = join(ROOT, 'test-results', 'screenshots');
const DOCUMENT = 'asean-russia-covid19-2020';
const TERMS = [
  { en: 'World Health Organisation', ru: 'Всемирная организация здравоохранения' },
  { en: 'cooperation', ru: 'сотрудничество' },
  { en: 'pandemic', ru: 'пандемия' },
];

/** The cases only look: one harness per UI language, with the glossary's terms added once. */
const harnessFor = harnessesPerFile(async (harness) => {
  for (const entry of TERMS) await ipc(harness, 'glossary:add', { documentId: DOCUMENT, scope: 'document', entry });
});

/** Serious or critical axe violations, in the whole page or in one part of it. */
async function serious(page: Page, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  const results = await (include ? builder.include(include) : builder).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}

const cases = (['en', 'ru'] as const).flatMap((ui) => (['light', 'dark'] as const).flatMap((scheme) => ([1400, 900] as const).map((width) => ({ ui, scheme, width }))));

for (const { ui, scheme, width } of cases) {
  test(`checks and glossary: no serious accessibility violation, ${ui} UI, ${scheme}, ${width} px; screenshots`, async ({ page }) => {
    await page.setViewportSize({ width, height: 860 });
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto((await harnessFor(ui === 'en' ? 'en-US' : 'ru-RU')).url);
    await expect(page.locator('[data-row-id]').first()).toBeVisible();
    await page.evaluate(() => document.fonts.ready);
    // The marks: a finding in the margin, the glossary's terms in both columns.
    await expect(page.locator('.flag-finding').first()).toBeVisible({ timeout: 20_000 });
    await expect(page.locator('mark.term').first()).toBeVisible();
    mkdirSync(SHOTS, { recursive: true });
    const tag = `${ui}-${scheme}-${width}`;

    await page.locator('.clause').first().focus();
    await page.keyboard.press('Shift+C');
    const checks = page.locator('#checks-panel');
    await expect(checks.locator('.finding-entry').first()).toBeVisible();
    expect(await serious(page)).toEqual([]);
    await page.evaluate(() => window.scrollTo(0, document.querySelector<HTMLElement>('[data-row-line="1"]')!.offsetTop - 120));
    await page.locator('[data-row-line="1"] .flag-finding').hover();
    const checksShot = join(SHOTS, `checks-${tag}.png`);
    await page.screenshot({ path: checksShot });

    await page.keyboard.press('Escape');
    await expect(checks).toBeHidden();
    await page.locator('[data-row-line="1"] .clause').first().focus();
    await page.keyboard.press('Shift+G');
    const glossary = page.locator('#glossary-panel');
    await expect(glossary.locator('.glossary-entry')).toHaveCount(TERMS.length);
    expect(await serious(page, '#glossary-panel')).toEqual([]);
    await page.locator('[data-row-line="1"] .cell[lang="en"] mark.term').first().hover();
    const glossaryShot = join(SHOTS, `glossary-${tag}.png`);
    await page.screenshot({ path: glossaryShot });

    // The editor, opened from the panel: a dialog with its fields labelled.
    await glossary.locator('.glossary-entry button').first().click();
    await expect(page.getByRole('dialog')).toBeVisible();
    expect(await serious(page, 'dialog')).toEqual([]);
    await page.screenshot({ path: join(SHOTS, `glossary-editor-${tag}.png`) });
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();

    if (process.env.UPDATE_README_SCREENSHOTS === '1' && ui === 'en' && scheme === 'light' && width === 1400) {
      mkdirSync(join(ROOT, 'docs', 'screenshots'), { recursive: true });
      copyFileSync(checksShot, join(ROOT, 'docs', 'screenshots', 'checks.png'));
      copyFileSync(glossaryShot, join(ROOT, 'docs', 'screenshots', 'glossary.png'));
    }
  });
}
