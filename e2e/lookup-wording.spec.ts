/**
 * How the lookup popup names a match that is not the word itself: "measures" is listed in the
 * dictionary's .syn under "measure", its base form — said so ("base form of “measures”",
 * «начальная форма слова «measures»»), not called a synonym. Screenshots in both UI languages,
 * light and dark, 1400 and 900 px wide (into test-results/screenshots).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { EN_RU, writeStarDict } from '../src-main/core/dictionary/testing';
import { newUserDataDir, ROOT, type RunningHarness, startHarness } from './helpers/harness';

const SHOTS = join(ROOT, 'test-results', 'screenshots');
const LABEL = { en: '(base form of “measures”)', ru: '(начальная форма слова «measures»)' } as const;

let harness: RunningHarness | undefined;
test.afterEach(async () => {
  await harness?.stop();
});

/** Selects `word` in the first English clause that has it and focuses that clause. */
async function selectWord(page: Page, word: string) {
  const clause = page.locator('.cell[lang="en"] .clause', { hasText: word }).first();
  await clause.scrollIntoViewIfNeeded();
  await clause.focus();
  await clause.evaluate((el, w) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.textContent?.search(new RegExp(`\\b${w}\\b`)) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + w.length);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
      return;
    }
    throw new Error(`no "${w}"`);
  }, word);
}

for (const ui of ['en', 'ru'] as const) {
  test(`a .syn base form is called a base form, not a synonym: ${ui} UI, light and dark, 1400 and 900 px`, async ({ page }) => {
    test.setTimeout(240_000);
    harness = await startHarness({ userDataDir: newUserDataDir(), systemLanguage: ui === 'en' ? 'en-US' : 'ru-RU' });
    const files = writeStarDict('Tiny English-Russian', EN_RU, { dz: true }).map((f) => ({ name: f.name, data: Buffer.from(f.bytes).toString('base64') }));
    const added = await page.request.post(`${harness.origin}/__ipc/dictionaries:add`, { headers: harness.headers, data: { hasPayload: true, payload: { files } } });
    expect(((await added.json()) as { ok: boolean }).ok).toBe(true);
    mkdirSync(SHOTS, { recursive: true });
    for (const scheme of ['light', 'dark'] as const) {
      for (const width of [1400, 900] as const) {
        await page.setViewportSize({ width, height: 800 });
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(harness.url);
        await expect(page.locator('[data-row-id]').first()).toBeVisible();
        await page.evaluate(() => document.fonts.ready);
        await selectWord(page, 'measures');
        await page.keyboard.press('d');
        const entry = page.locator('.lookup-popup .lookup-entry').first();
        await expect(entry.locator('.lookup-headword')).toHaveText('measure');
        await expect(entry.locator('.lookup-match')).toHaveText(LABEL[ui]);
        await expect(page.locator('.lookup-popup')).not.toContainText(ui === 'en' ? 'synonym' : 'синоним');
        await page.screenshot({ path: join(SHOTS, `lookup-form-${ui}-${scheme}-${width}.png`) });
        await page.keyboard.press('Escape');
      }
    }
  });
}
