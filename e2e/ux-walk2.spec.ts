/**
 * What a second new user's keyboard walk through the reader (both interface languages, a Russian
 * keyboard layout, light, dark and sepia) found and what was mended (`/work/wt/eyes-findings.md`).
 * Each case fails without its fix.
 */
import AxeBuilder from '@axe-core/playwright';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { harnessesPerFile, ipc, ROOT, startHarness } from './helpers/harness';
import { pressRussian, typeRussian } from './helpers/russian-keyboard';

const harnessFor = harnessesPerFile();
// Its cases share a harness per interface language, in one worker.
test.describe.configure({ mode: 'default' });

async function open(page: Page, lang: 'en-US' | 'ru-RU' = 'en-US', width = 1400) {
  const harness = await harnessFor(lang);
  await ipc(harness, 'settings:set-reader-prefs', { layout: 'side-by-side', theme: 'light', swapped: false, fontStep: 0, lineSpacing: 'normal', singleLang: 'en' });
  await page.setViewportSize({ width, height: 900 });
  await page.goto(harness.url);
  await expect(page.locator('[data-row-id]').first()).toBeVisible();
  await page.locator('.cell[lang="en"] .clause').first().focus();
  return harness;
}

test('the command palette finds a command typed with the other keyboard layout on (English interface, Russian layout; Russian interface, Latin layout)', async ({ page }) => {
  await open(page);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  // "theme" on the keys of a Russian layout types «еруьу».
  await pressRussian(page, 'KeyK', { ctrl: true });
  const palette = page.getByRole('dialog', { name: 'Commands' });
  await expect(palette.getByRole('combobox')).toBeFocused();
  await typeRussian(page, 'еруьу');
  await expect(palette.getByRole('option')).toHaveCount(1);
  await expect(palette.getByRole('option')).toContainText('Change theme');
  await pressRussian(page, 'Enter');
  await expect(palette).toBeHidden();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

  // The Russian interface with the Latin layout on: «глоссарий» typed as "ukjccfhbq".
  await open(page, 'ru-RU');
  await page.keyboard.press('Control+k');
  const команды = page.getByRole('dialog', { name: 'Команды' });
  await expect(команды.getByRole('combobox')).toBeFocused();
  await page.keyboard.type('ukjccfhbq');
  await expect(команды.getByRole('option').first()).toContainText('глоссарий');
  await page.keyboard.press('Escape');
  await expect(команды).toBeHidden();
});

for (const theme of ['dark', 'sepia'] as const) {
  test(`the current search match is readable in the ${theme} theme (contrast of at least 4.5:1)`, async ({ page }) => {
    const harness = await open(page, 'ru-RU');
    await ipc(harness, 'settings:set-reader-prefs', { layout: 'side-by-side', theme, swapped: false, fontStep: 0, lineSpacing: 'normal', singleLang: 'en' });
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await page.locator('.cell[lang="en"] .clause').first().focus();
    await pressRussian(page, 'Slash');
    await typeRussian(page, 'пандемия');
    await pressRussian(page, 'Enter');
    const current = page.locator('.cell mark.search-hit.is-current');
    await expect(current).toHaveCount(1);
    await expect(current).toBeInViewport();
    const results = await new AxeBuilder({ page }).include('.cell mark.search-hit.is-current').withRules(['color-contrast']).analyze();
    expect(results.violations.map((v) => v.nodes.map((n) => n.failureSummary).join('\n'))).toEqual([]);
    // Checked, not skipped: axe measured the mark.
    expect(results.passes.map((p) => p.id)).toContain('color-contrast');
    await pressRussian(page, 'Escape');
  });
}

test('the arrow keys move through the Export alignment list without saving a file; Enter saves the format shown (Russian interface, Russian layout)', async ({ page }) => {
  const harness = await open(page, 'ru-RU');
  const exports = join(harness.userDataDir, 'exports');
  const saved = () => (existsSync(exports) ? readdirSync(exports).filter((f) => /\.(tmx|tsv|json|docx)$/.test(f)).sort() : []);
  const before = saved();
  await pressRussian(page, 'KeyE');
  const list = page.getByLabel('Экспорт выравнивания…');
  await expect(list).toBeVisible();
  await list.focus();
  // Down twice: the list shows the second format; nothing was saved on the way.
  await pressRussian(page, 'ArrowDown');
  await pressRussian(page, 'ArrowDown');
  await expect(list).toHaveValue('tsv');
  await page.waitForTimeout(500);
  expect(saved()).toEqual(before);
  await expect(page.getByRole('status').filter({ hasText: 'Сохранено' })).toHaveCount(0);
  // Enter saves it, and says where.
  await pressRussian(page, 'Enter');
  await expect(page.getByRole('status').filter({ hasText: /Сохранено: .*\.tsv/ })).toHaveCount(1);
  await expect.poll(() => saved().filter((f) => !before.includes(f))).toEqual([expect.stringMatching(/\.tsv$/)]);
  await expect(list).toHaveValue('');
  await expect(list).toBeFocused();
  await pressRussian(page, 'Tab');
  await pressRussian(page, 'Enter');
  await expect(page.locator('.edit-bar')).toBeHidden();
});

test('a correction leaves the focus in the column it was in: a merge from the Russian column, its undo, a clause moved up out of its row (Russian layout)', async ({ page }) => {
  // A harness of its own: the corrections are saved.
  const harness = await startHarness({ systemLanguage: 'ru-RU' });
  try {
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(harness.url);
    await expect(page.locator('[data-row-id]').first()).toBeVisible();
    const focusedAt = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        return { lang: el?.closest('.cell')?.getAttribute('lang') ?? null, line: Number(el?.closest<HTMLElement>('[data-row-line]')?.dataset.rowLine ?? -1), text: el?.textContent?.slice(0, 20) ?? '' };
      });
    await page.locator('[data-row-line="0"] .cell[lang="ru"] .clause').first().focus();
    await pressRussian(page, 'KeyE');
    await expect(page.locator('.edit-bar')).toBeVisible();
    // M merges ¶1 and ¶2's rows: the focus stays in the Russian column.
    await pressRussian(page, 'KeyM');
    await expect(page.getByRole('status').filter({ hasText: 'объединены' })).toHaveCount(1);
    await expect.poll(focusedAt).toMatchObject({ lang: 'ru', line: 0 });
    await pressRussian(page, 'KeyZ', { ctrl: true });
    await expect(page.getByRole('status').filter({ hasText: 'Отменено' })).toHaveCount(1);
    await expect.poll(focusedAt).toMatchObject({ lang: 'ru', line: 0 });
    // ¶3's only English clause moved up into ¶2's row (Alt+↑): the focus goes with it, not to the
    // Russian clause left alone in ¶3's row.
    await page.locator('[data-row-line="2"] .cell[lang="en"] .clause').first().focus();
    await expect.poll(focusedAt).toMatchObject({ lang: 'en', line: 2, text: 'Conveying our sorrow' });
    await pressRussian(page, 'ArrowUp', { alt: true });
    await expect(page.getByRole('status').filter({ hasText: 'перенесён' })).toHaveCount(1);
    await expect.poll(focusedAt).toMatchObject({ lang: 'en', line: 1, text: 'Conveying our sorrow' });
    await pressRussian(page, 'KeyZ', { ctrl: true });
    await expect.poll(focusedAt).toMatchObject({ lang: 'en', line: 1 });
  } finally {
    await harness.stop();
  }
});

test('a long message stays long enough to be read (a refused notes import, Russian interface); a short one as before', async ({ page }) => {
  await open(page, 'ru-RU');
  await pressRussian(page, 'KeyA');
  const panel = page.locator('#annotations-panel');
  await expect(panel).toBeVisible();
  // The file chooser's part: a file that is not JSON.
  await panel.locator('input[type="file"]').setInputFiles({ name: 'notes.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from('{"@context": "http://www.w3.org/ns/anno.jsonld", "items": [') });
  const toast = page.locator('.toast');
  await expect(toast).toContainText('не импортированы');
  const [text, seconds] = await toast.evaluate((el) => [el.textContent ?? '', parseFloat(getComputedStyle(el).animationDuration)] as const);
  expect(text.length).toBeGreaterThan(60);
  // Some 15 characters a second (it was 2.4 s for every message).
  expect(seconds).toBeGreaterThanOrEqual(text.length / 15);
  await pressRussian(page, 'Escape');
  await expect(panel).toBeHidden();
  await pressRussian(page, 'KeyD', { ctrl: true });
  await expect(toast).toContainText('Закладка');
  const short = await toast.evaluate((el) => [el.textContent ?? '', parseFloat(getComputedStyle(el).animationDuration)] as const);
  expect(short[0].length).toBeLessThanOrEqual(40);
  expect(short[1]).toBe(2.4);
  await pressRussian(page, 'KeyD', { ctrl: true });
});

/** The interface's strings, as the reader sees them (so that a case runs in either language). */
const strings = (lang: 'en' | 'ru') => JSON.parse(readFileSync(join(ROOT, `locales/${lang}/common.json`), 'utf8')) as Record<string, Record<string, string>>;
/** Where pictures of the fixes go when asked for (`EYES2_SHOTS=dir`); none otherwise. */
const shot = async (page: Page, name: string) => {
  const dir = process.env.EYES2_SHOTS;
  if (dir) await page.screenshot({ path: join(dir, `${name}.png`) });
};
const overlap = (a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

for (const [system, lang, theme] of [
  ['en-US', 'en', 'light'],
  ['ru-RU', 'ru', 'dark'],
] as const) {
  test(`Esc while a long import aligns: a message shown says it stopped and nothing was kept; the focus back on Import (${lang}, ${theme})`, async ({ page }) => {
    const harness = await startHarness({ systemLanguage: system });
    try {
      const s = strings(lang);
      await ipc(harness, 'settings:set-reader-prefs', { layout: 'side-by-side', theme, swapped: false, fontStep: 0, lineSpacing: 'normal', singleLang: 'en' });
      await page.setViewportSize({ width: 1400, height: 900 });
      await page.goto(harness.url);
      await expect(page.locator('[data-row-id]').first()).toBeVisible();
      await page.getByRole('button', { name: s.library!.button!, exact: true }).focus();
      await page.keyboard.press('Enter');
      const importButton = page.getByRole('button', { name: s.library!.import!, exact: true });
      await importButton.focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: s.import!.title! });
      // The file chooser's part: a long pair (the statement's paragraphs a hundred times over).
      const statement = (l: 'en' | 'ru') => readFileSync(join(ROOT, `resources/documents/asean-russia-covid19-2020/${l}.txt`), 'utf8');
      const long = (l: 'en' | 'ru') => Buffer.from(Array.from({ length: 100 }, () => statement(l)).join('\n\n'));
      const [enFile, ruFile] = [dialog.locator('input[type="file"]').nth(0), dialog.locator('input[type="file"]').nth(1)];
      await enFile.setInputFiles({ name: 'long-en.txt', mimeType: 'text/plain', buffer: long('en') });
      await ruFile.setInputFiles({ name: 'long-ru.txt', mimeType: 'text/plain', buffer: long('ru') });
      const title = dialog.getByLabel(s.library!.titleEn!, { exact: true });
      await expect(title).toBeEnabled({ timeout: 60_000 });
      await title.focus();
      await page.keyboard.press('Enter');
      await expect(dialog.locator('.import-progress')).toBeVisible();
      await expect(dialog.getByRole('button', { name: s.import!.cancel! })).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      // Shown, not only said to a screen reader; and nothing was kept.
      const toast = page.locator('.toast');
      await expect(toast).toBeVisible();
      await expect(toast).toHaveText(s.library!.importStopped!);
      await expect(page.getByRole('status').filter({ hasText: s.library!.importStopped! })).toHaveCount(1);
      await expect(importButton).toBeFocused();
      await expect(page.locator('tbody tr')).toHaveCount(1);
      const documents = join(harness.userDataDir, 'documents');
      expect(existsSync(documents) ? readdirSync(documents).filter((f) => !f.startsWith('.')) : []).toEqual([]);
      await shot(page, `import-stopped-${lang}-${theme}`);
    } finally {
      await harness.stop();
    }
  });
}

for (const [lang, theme] of [
  ['ru-RU', 'light'],
  ['en-US', 'dark'],
] as const) {
  test(`a long toast at 1400 px with a side panel open clears the reading-progress pill; at 900 px it still shows above an open sheet (${lang}, ${theme})`, async ({ page }) => {
    const harness = await open(page, lang);
    await ipc(harness, 'settings:set-reader-prefs', { layout: 'side-by-side', theme, swapped: false, fontStep: 0, lineSpacing: 'normal', singleLang: 'en' });
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await page.locator('.cell[lang="en"] .clause').first().focus();
    await pressRussian(page, 'KeyA');
    const panel = page.locator('#annotations-panel');
    await expect(panel).toBeVisible();
    // The file chooser's part: a file that is not JSON (the longest message there is).
    await panel.locator('input[type="file"]').setInputFiles({ name: 'notes.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from('{"@context": "http://www.w3.org/ns/anno.jsonld", "items": [') });
    const toast = page.locator('.toast');
    await expect(toast).toBeVisible();
    const pill = page.locator('.reading-progress');
    await expect(pill).toBeVisible();
    const [toastBox, pillBox] = [await toast.boundingBox(), await pill.boundingBox()];
    expect(overlap(toastBox!, pillBox!), `the toast ${JSON.stringify(toastBox)} clears the pill ${JSON.stringify(pillBox)}`).toBe(false);
    await shot(page, `toast-pill-${lang}-${theme}-1400`);
    await pressRussian(page, 'Escape');
    await expect(panel).toBeHidden();

    // 900 px, search open as a bottom sheet: a toast (a bookmark set) shows above the sheet.
    await page.setViewportSize({ width: 900, height: 900 });
    await page.locator('.cell[lang="en"] .clause').first().focus();
    await pressRussian(page, 'Slash');
    await typeRussian(page, 'пандемия');
    await pressRussian(page, 'Enter');
    const sheet = page.locator('.side-panel').first();
    await expect(sheet).toBeVisible();
    await page.locator('.cell .clause').first().focus();
    await pressRussian(page, 'KeyD', { ctrl: true });
    await expect(toast).toContainText(/Bookmark|Закладка/);
    const [small, sheetBox] = [await toast.boundingBox(), await sheet.boundingBox()];
    expect(small!.y + small!.height, 'the toast ends above the sheet').toBeLessThanOrEqual(sheetBox!.y);
    await shot(page, `toast-sheet-${lang}-${theme}-900`);
    await pressRussian(page, 'KeyD', { ctrl: true });
  });
}
