import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { makeEpub, makeFb2 } from '../src-main/core/import/book-fixtures';
import { importBookPair } from './helpers/book-import';
import { ROOT, harnessesPerFile, ipc } from './helpers/harness';
import { hasPoppler } from './helpers/tools';

/**
 * A book's own footnotes, with the keyboard only: an English EPUB with a footnote referred to in
 * the middle of a sentence and a Russian FB2 with one at the end of a paragraph are imported; Tab
 * reaches each mark (a button named "Footnote 1"), Enter or Space opens the note beside it in
 * its language, Escape closes it and the focus is back on the mark. Screenshots of the open popup
 * in both UI languages, light and dark, 1400 and 900 px (test-results/screenshots; with
 * UPDATE_README_SCREENSHOTS=1 the English light wide one replaces docs/screenshots/footnote.png).
 */
const SHOTS = join(ROOT, 'test-results', 'screenshots');

const EN_NOTE = 'Moscow has been the capital of Russia since 1918.';
const RU_NOTE = 'Примечание переводчика: встреча прошла по видеосвязи.';

const epub = makeEpub(
  [
    {
      title: 'Chapter 1. The meeting',
      paragraphs: [],
      extra:
        '<p>The Parties met in Moscow<a epub:type="noteref" href="#fn1">1</a> on 17 June 2020. They discussed the pandemic.</p>' +
        '<p>They agreed on a plan of three steps.</p>' +
        `<aside epub:type="footnote" id="fn1"><p>1. ${EN_NOTE}</p></aside>`,
    },
    { title: 'Chapter 2. The plan', paragraphs: ['The first step is the exchange of data on the virus.'] },
  ],
  { title: 'The Meeting', language: 'en' },
);
const fb2 = makeFb2(
  [
    { title: 'Глава 1. Встреча', paragraphs: ['Стороны встретились в Москве 17 июня 2020 года. Они обсудили пандемию.', 'Они согласовали план из трёх шагов.'], noteRefs: ['n1'] },
    { title: 'Глава 2. План', paragraphs: ['Первый шаг — обмен данными о вирусе.'] },
  ],
  { title: 'Встреча', lang: 'ru', notes: { n1: RU_NOTE } },
);

const FOOTNOTE = { en: 'Footnote 1', ru: 'Сноска 1' } as const;
const BOOK = { epub, fb2, opensAt: 'Chapter 1. The meeting' };

/** Tabs from the first clause until the focus is on a footnote mark of the `lang` column (at most `max` presses). */
async function tabToMark(page: Page, lang: 'en' | 'ru', max = 30) {
  for (let i = 0; i < max; i++) {
    const here = await page.evaluate(() => {
      const el = document.activeElement;
      return el?.classList.contains('footnote-ref') ? (el.closest<HTMLElement>('[data-lang]')?.dataset.lang ?? '') : '';
    });
    if (here === lang) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`no ${lang} footnote mark reached with Tab`);
}

// Its cases run in order in one worker: a file split across both workers (fullyParallel) would
// start its harnesses twice, and these cases are short.
test.describe.configure({ mode: 'default' });
/** The cases only add the same book again: one harness per UI language serves them all. */
const harnessFor = harnessesPerFile();

test('a footnote mark on each side: reached with Tab, opened with Enter or Space, in its language; Escape gives the focus back', async ({ page }) => {
  await page.goto((await harnessFor('en-US')).url);
  await importBookPair(page, 'en', BOOK);
  // The marks stand where the sources had them; their numbers are not part of the text.
  const enClause = page.locator('.cell-en .clause').filter({ hasText: 'The Parties met in Moscow' });
  await expect(enClause).toHaveText('The Parties met in Moscow on 17 June 2020.');
  await expect(enClause.locator('.footnote-ref')).toHaveAttribute('data-label', '1');
  const enText = await enClause.evaluate((el) => {
    const mark = el.querySelector('.footnote-ref')!;
    const range = document.createRange();
    range.setStart(el, 0);
    range.setEndBefore(mark);
    return range.toString();
  });
  expect(enText).toBe('The Parties met in Moscow');

  await page.locator('[data-row-id] .clause').first().focus();
  await tabToMark(page, 'en');
  const enMark = page.getByRole('button', { name: 'Footnote 1', exact: true }).and(page.locator('.cell-en .footnote-ref'));
  await expect(enMark).toBeFocused();
  await page.keyboard.press('Enter');
  const popup = page.getByRole('dialog', { name: 'Footnote 1' });
  await expect(popup).toBeVisible();
  await expect(popup).toBeFocused();
  await expect(popup).toContainText('in the English text');
  const enBody = popup.locator('.footnote-popup-text');
  await expect(enBody).toHaveText(EN_NOTE);
  await expect(enBody).toHaveAttribute('lang', 'en');
  await expect(enMark).toHaveAttribute('aria-expanded', 'true');
  // Not modal: the text behind it is not made inert, and the popup sits beside its mark.
  const [markBox, popupBox] = await Promise.all([enMark.boundingBox(), popup.boundingBox()]);
  expect(Math.abs(popupBox!.y - (markBox!.y + markBox!.height))).toBeLessThan(40);
  await page.keyboard.press('Escape');
  await expect(popup).toBeHidden();
  await expect(enMark).toBeFocused();
  await expect(enMark).not.toHaveAttribute('aria-expanded', 'true');

  // The Russian column's mark, at the end of its paragraph: Space opens it.
  await tabToMark(page, 'ru');
  const ruMark = page.locator('.cell-ru .footnote-ref');
  await expect(ruMark).toBeFocused();
  await expect(ruMark).toHaveAccessibleName('Footnote 1');
  await page.keyboard.press('Space');
  await expect(popup).toBeVisible();
  const ruBody = popup.locator('.footnote-popup-text');
  await expect(ruBody).toHaveText(RU_NOTE);
  await expect(ruBody).toHaveAttribute('lang', 'ru');
  await expect(popup).toContainText('in the Russian text');
  // Tab past the popup's last control closes it too, the focus back on the mark.
  await page.keyboard.press('Tab');
  await expect(popup.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(popup).toBeHidden();
  await expect(ruMark).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(popup).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(ruMark).toBeFocused();
});

test('the Russian interface names the marks «Сноска 1»', async ({ page }) => {
  await page.goto((await harnessFor('ru-RU')).url);
  await importBookPair(page, 'ru', BOOK);
  await page.locator('[data-row-id] .clause').first().focus();
  await tabToMark(page, 'ru');
  const mark = page.locator('.cell-ru .footnote-ref');
  await expect(mark).toHaveAccessibleName('Сноска 1');
  await expect(mark).toHaveAttribute('lang', 'ru');
  await page.keyboard.press('Enter');
  const popup = page.getByRole('dialog', { name: 'Сноска 1' });
  await expect(popup).toContainText('в русском тексте');
  await expect(popup.locator('.footnote-popup-text')).toHaveAttribute('lang', 'ru');
  await page.keyboard.press('Escape');
  await expect(mark).toBeFocused();
});

for (const ui of ['en', 'ru'] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`screenshot of a footnote open, ${ui} UI, ${scheme}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto((await harnessFor(ui === 'en' ? 'en-US' : 'ru-RU')).url);
      await importBookPair(page, ui, BOOK);
      mkdirSync(SHOTS, { recursive: true });
      for (const width of [1400, 900]) {
        await page.setViewportSize({ width, height: 800 });
        await page.locator('[data-row-id] .clause').first().focus();
        await tabToMark(page, 'en');
        await page.keyboard.press('Enter');
        const popup = page.getByRole('dialog', { name: FOOTNOTE[ui] });
        await expect(popup).toBeVisible();
        await page.evaluate(() => document.fonts.ready);
        const file = join(SHOTS, `footnote-${ui}-${scheme}-${width}.png`);
        await page.screenshot({ path: file });
        if (process.env.UPDATE_README_SCREENSHOTS === '1' && ui === 'en' && scheme === 'light' && width === 1400) {
          mkdirSync(join(ROOT, 'docs', 'screenshots'), { recursive: true });
          copyFileSync(file, join(ROOT, 'docs', 'screenshots', 'footnote.png'));
        }
        await page.keyboard.press('Escape');
        await expect(popup).toBeHidden();
      }
    });
  }
}

test('the PDF prints each footnote under its row in its column; the DOCX has them as Word footnotes', async ({ page }, info) => {
  test.skip(!hasPoppler, 'pdftotext is missing: `apt-get install -y poppler-utils`');
  const english = await harnessFor('en-US');
  await page.goto(english.url);
  await importBookPair(page, 'en', BOOK);
  // The print dialog says the book's own footnotes are printed (apart from the reader's notes).
  await page.locator('[data-row-id] .clause').first().focus();
  await page.keyboard.press('Control+KeyP');
  const dialog = page.getByRole('dialog', { name: 'Print or export' });
  await expect(dialog).toContainText('The book’s own footnotes: 2. They are printed below their rows, each in its column.');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  const list = await ipc<Array<{ id: string; bundled: boolean }>>(english, 'library:list');
  const id = list.find((d) => !d.bundled)!.id;
  const pdf = await ipc<{ saved: boolean; path: string }>(english, 'print:pdf', { documentId: id, notes: 'omit' });
  expect(pdf.saved).toBe(true);
  const text = execFileSync('pdftotext', ['-layout', '-f', '1', '-l', '1', pdf.path, '-'], { encoding: 'utf8' });
  expect(text.replace(/\s+/g, ' ')).toContain(EN_NOTE);
  expect(text.replace(/\s+/g, ' ')).toContain(RU_NOTE);
  // The English note is printed under its row: before the next row's text.
  expect(text.indexOf('Moscow has been')).toBeLessThan(text.indexOf('They agreed on a plan'));
  const pngBase = info.outputPath('print-footnotes');
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf.path, pngBase]);
  expect(statSync(`${pngBase}.png`).size).toBeGreaterThan(10_000);
  mkdirSync(SHOTS, { recursive: true });
  copyFileSync(`${pngBase}.png`, join(SHOTS, 'print-footnotes.png'));
  if (process.env.UPDATE_README_SCREENSHOTS === '1') copyFileSync(`${pngBase}.png`, join(ROOT, 'docs', 'screenshots', 'print-footnotes.png'));

  const docx = await ipc<{ saved: boolean; path: string }>(english, 'alignment:export', { documentId: id, format: 'docx', notes: 'omit' });
  const files = unzipSync(new Uint8Array(readFileSync(docx.path)));
  const body = strFromU8(files['word/document.xml']!);
  expect(body.match(/<w:footnoteReference w:id="\d+"\/>/g)).toHaveLength(2);
  const notes = strFromU8(files['word/footnotes.xml']!);
  expect(notes).toContain(EN_NOTE);
  expect(notes).toContain(RU_NOTE);
});
