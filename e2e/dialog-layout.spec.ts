/**
 * Dialogs at 900 px: the title and the buttons stay in view, the body scrolls between them
 * (a short window too); the Import dialog names each chosen file once. Screenshots of the Help
 * and Import dialogs and the concordance's language choice in both UI languages, light and dark,
 * 1400 and 900 px wide (into test-results/screenshots).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { ROOT, type RunningHarness, harnessesPerFile } from './helpers/harness';

const SHOTS = join(ROOT, 'test-results', 'screenshots');
const STATEMENT = join(ROOT, 'resources/documents/asean-russia-covid19-2020');
const text = (lang: 'en' | 'ru') => readFileSync(join(STATEMENT, `${lang}.txt`), 'utf8').split(/\n\s*\n/).slice(0, 6).join('\n\n');

// Its cases run in order in one worker: a file split across both workers (fullyParallel) would
// start its harnesses twice, and these cases are short.
test.describe.configure({ mode: 'default' });
/** The cases open dialogs and choose files, but import nothing: one harness per UI language serves them all. */
const harnessFor = harnessesPerFile();

const L = {
  en: { library: 'Library', import: 'Import texts…', importTitle: 'Import texts', help: 'Keyboard shortcuts', enFile: 'English file', ruFile: 'Russian file', start: 'Import' },
  ru: { library: 'Библиотека', import: 'Импорт текстов…', importTitle: 'Импорт текстов', help: 'Сочетания клавиш', enFile: 'Английский файл', ruFile: 'Русский файл', start: 'Импортировать' },
} as const;

/** Wholly inside the window (and not hidden by the dialog's scrolling). */
async function inView(page: Page, locator: Locator) {
  const box = await locator.boundingBox();
  const size = page.viewportSize()!;
  expect(box, 'laid out').not.toBeNull();
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(size.height);
  // Nothing else drawn over its middle: it is not scrolled out of its dialog.
  const hit = await locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return !!top && (el === top || el.contains(top));
  });
  expect(hit, 'visible, not scrolled out').toBe(true);
}

async function open(page: Page, harness: RunningHarness, width: number, height: number, scheme: 'light' | 'dark' = 'light') {
  await page.setViewportSize({ width, height });
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(harness.url);
  await expect(page.locator('[data-row-id]').first()).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
}

for (const ui of ['en', 'ru'] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    for (const width of [1400, 900] as const) {
      test(`Help and Import: title and buttons in view, ${ui}, ${scheme}, ${width} × 700; screenshots`, async ({ page }) => {
        const harness = await harnessFor(ui === 'en' ? 'en-US' : 'ru-RU');
        await open(page, harness, width, 700, scheme);
        mkdirSync(SHOTS, { recursive: true });
        await page.locator('.clause').first().focus();
        await page.keyboard.press('Shift+Slash');
        const help = page.getByRole('dialog', { name: L[ui].help });
        await expect(help).toBeVisible();
        await inView(page, help.getByRole('heading', { name: L[ui].help }));
        await page.screenshot({ path: join(SHOTS, `help-${ui}-${scheme}-${width}.png`) });
        await page.keyboard.press('Escape');
        await expect(help).toBeHidden();

        // The concordance's language choice, led in by its label ("Look in:").
        await page.keyboard.press('Shift+KeyF');
        await page.keyboard.type(ui === 'en' ? 'cooperation' : 'сотрудничество');
        await expect(page.locator('#concordance-panel .concordance-hits button').first()).toBeVisible();
        await inView(page, page.locator('#concordance-side-label'));
        await page.screenshot({ path: join(SHOTS, `concordance-side-${ui}-${scheme}-${width}.png`) });
        await page.keyboard.press('Escape');

        await page.getByRole('button', { name: L[ui].library }).click();
        await page.getByRole('button', { name: L[ui].import }).click();
        const dialog = page.getByRole('dialog', { name: L[ui].importTitle });
        await dialog.getByLabel(L[ui].enFile).setInputFiles({ name: 'statement-en.txt', mimeType: 'text/plain', buffer: Buffer.from(text('en')) });
        await dialog.getByLabel(L[ui].ruFile).setInputFiles({ name: 'statement-ru.txt', mimeType: 'text/plain', buffer: Buffer.from(text('ru')) });
        await expect(dialog.locator('.import-files')).toContainText('TXT', { timeout: 30_000 });
        await inView(page, dialog.getByRole('heading', { name: L[ui].importTitle }));
        await inView(page, dialog.getByRole('button', { name: L[ui].start, exact: true }));
        await page.screenshot({ path: join(SHOTS, `import-${ui}-${scheme}-${width}.png`) });
      });
    }
  }
}

test('a short window (900 × 460): the Import dialog’s body scrolls, its title and buttons stay; Tab reaches every field in view', async ({ page }) => {
  await open(page, await harnessFor('en-US'), 900, 460);
  await page.getByRole('button', { name: 'Library' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: L.en.import }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: L.en.importTitle });
  await dialog.getByLabel(L.en.enFile).setInputFiles({ name: 'statement-en.txt', mimeType: 'text/plain', buffer: Buffer.from(text('en')) });
  await dialog.getByLabel(L.en.ruFile).setInputFiles({ name: 'statement-ru.txt', mimeType: 'text/plain', buffer: Buffer.from(text('ru')) });
  await expect(dialog.locator('.import-files')).toContainText('TXT', { timeout: 30_000 });
  const body = dialog.locator('.dialog-form');
  expect(await body.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
  const title = dialog.getByRole('heading', { name: L.en.importTitle });
  const start = dialog.getByRole('button', { name: L.en.start, exact: true });
  // Tab through every field: each one focused is in view, and so are the title and the buttons.
  await dialog.getByLabel('English title').focus();
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    if ((await focused.getAttribute('class'))?.includes('dialog-close')) break;
    await inView(page, focused);
    await inView(page, title);
    await inView(page, start);
  }
  await page.screenshot({ path: join(SHOTS, 'import-en-light-900x460.png') });
});

test('a short window (900 × 460): the Help dialog’s title stays as its list scrolls', async ({ page }) => {
  await open(page, await harnessFor('ru-RU'), 900, 460, 'dark');
  await page.locator('.clause').first().focus();
  await page.keyboard.press('Shift+Slash');
  const help = page.getByRole('dialog', { name: L.ru.help });
  const list = help.locator('.help-groups');
  await expect(list).toBeFocused();
  await page.keyboard.press('End');
  await expect.poll(() => list.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
  await inView(page, help.getByRole('heading', { name: L.ru.help }));
  await page.screenshot({ path: join(SHOTS, 'help-ru-dark-900x460.png') });
});
