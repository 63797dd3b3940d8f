import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { makeEpub, makeFb2 } from '../src-main/core/import/book-fixtures';
import { importBookPair } from './helpers/book-import';
import { focusedRowLine } from './helpers/fixture';
import { ROOT, harnessesPerFile } from './helpers/harness';

/**
 * A two-language book with chapters, imported with the keyboard: an English EPUB and a Russian
 * FB2 (its third chapter left out). The contents panel lists the chapters in both languages and
 * jumps to one. Screenshots of the book with its contents open in both UI languages, light and
 * dark, 1400 and 900 px (test-results/screenshots; with UPDATE_README_SCREENSHOTS=1 the English
 * light wide one replaces docs/screenshots/book-chapters.png).
 */
const SHOTS = join(ROOT, 'test-results', 'screenshots');

const CHAPTERS = [
  ['The meeting', 'Встреча', ['The Parties met in Moscow on 17 June 2020.', 'They discussed the pandemic and its effects on trade.'], ['Стороны встретились в Москве 17 июня 2020 года.', 'Они обсудили пандемию и её влияние на торговлю.']],
  ['The plan', 'План', ['They agreed on a plan of three steps.', 'The first step is the exchange of data on the virus.'], ['Они согласовали план из трёх шагов.', 'Первый шаг — обмен данными о вирусе.']],
  ['The money', 'Деньги', ['The fund will hold 5 million dollars.', 'It is open to every member of the association.'], ['В фонде будет 5 миллионов долларов.', 'Он открыт для каждого члена ассоциации.']],
  ['The schools', 'Школы', ['Schools will share their lessons online.', 'Teachers will meet every month to compare notes.'], ['Школы будут делиться уроками онлайн.', 'Учителя будут встречаться каждый месяц.']],
  ['The end', 'Конец', ['The meeting closed at 18:00.', 'The next one will be held in 2021 in Hanoi.'], ['Совещание закрылось в 18:00.', 'Следующее пройдёт в 2021 году в Ханое.']],
] as const;

const epub = makeEpub(
  CHAPTERS.map(([title, , paragraphs], k) => ({ title: `Chapter ${k + 1}. ${title}`, paragraphs: [...paragraphs] })),
  { title: 'The Meeting', author: 'A. Writer', language: 'en' },
);
// The Russian leaves chapter 2 out (the reader sees chapter 3 of the English paired with «Глава 3»).
const fb2 = makeFb2(
  CHAPTERS.flatMap(([, title, , paragraphs], k) => (k === 1 ? [] : [{ title: `Глава ${k + 1}. ${title}`, paragraphs: [...paragraphs] }])),
  { title: 'Встреча', lang: 'ru' },
);

const CONTENTS = { en: 'Contents', ru: 'Содержание' } as const;

const BOOK = { epub, fb2, opensAt: 'Chapter 1. The meeting' };
// Its cases run in order in one worker: a file split across both workers (fullyParallel) would
// start its harnesses twice, and these cases are short.
test.describe.configure({ mode: 'default' });
/** The cases only add the same book again: one harness per UI language serves them all. */
const harnessFor = harnessesPerFile();

test('import an EPUB + FB2 book with the keyboard; the contents list its chapters in both languages and jump to chapter 3', async ({ page }) => {
  await page.goto((await harnessFor('en-US')).url);
  await importBookPair(page, 'en', BOOK);
  await page.locator('[data-row-id] .clause').first().focus();
  await page.keyboard.press('o');
  const nav = page.getByRole('navigation', { name: 'Contents' });
  await expect(nav).toBeVisible();
  const items = nav.getByRole('listitem');
  await expect(items).toHaveCount(5);
  await expect(items.nth(0)).toContainText('Chapter 1. The meeting');
  await expect(items.nth(0)).toContainText('Глава 1. Встреча');
  // The chapter the Russian leaves out says so.
  await expect(items.nth(1)).toContainText('Chapter 2. The plan');
  await expect(items.nth(1)).toContainText('Only in the English');
  // The current chapter is marked and has the focus; Tab twice goes to chapter 3, Enter jumps there.
  const current = nav.locator('[aria-current="location"]');
  await expect(current).toContainText('Chapter 1.');
  await expect(current).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(nav.getByRole('button', { name: /Chapter 3\. The money/ })).toBeFocused();
  await page.keyboard.press('Enter');
  const heading = page.locator('[data-row-line]').filter({ hasText: 'Chapter 3. The money' });
  const line = Number(await heading.getAttribute('data-row-line'));
  expect(line).toBeGreaterThan(0);
  await expect.poll(() => focusedRowLine(page)).toBe(line);
  await expect(heading).toContainText('Глава 3. Деньги');
  await expect(heading).toBeInViewport();
  // Reopened, the contents mark chapter 3 as the current one.
  await page.keyboard.press('o');
  await page.keyboard.press('o');
  await expect(nav.locator('[aria-current="location"]')).toContainText('Chapter 3.');
});

for (const ui of ['en', 'ru'] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`screenshot of a book with chapters, ${ui} UI, ${scheme}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto((await harnessFor(ui === 'en' ? 'en-US' : 'ru-RU')).url);
      await importBookPair(page, ui, BOOK);
      await page.locator('[data-row-id] .clause').first().focus();
      await page.keyboard.press('o');
      const nav = page.getByRole('navigation', { name: CONTENTS[ui] });
      await expect(nav.getByRole('listitem')).toHaveCount(5);
      await nav.getByRole('button', { name: /Chapter 3\.|Глава 3\./ }).focus();
      await page.keyboard.press('Enter');
      await page.keyboard.press('o');
      await page.keyboard.press('o');
      await page.evaluate(() => document.fonts.ready);
      mkdirSync(SHOTS, { recursive: true });
      for (const width of [1400, 900]) {
        await page.setViewportSize({ width, height: 800 });
        const file = join(SHOTS, `book-chapters-${ui}-${scheme}-${width}.png`);
        await page.screenshot({ path: file });
        if (process.env.UPDATE_README_SCREENSHOTS === '1' && ui === 'en' && scheme === 'light' && width === 1400) {
          mkdirSync(join(ROOT, 'docs', 'screenshots'), { recursive: true });
          copyFileSync(file, join(ROOT, 'docs', 'screenshots', 'book-chapters.png'));
        }
      }
    });
  }
}
