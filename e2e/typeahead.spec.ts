/**
 * Keys and the pointer used the moment the rows show, on a slow machine (the renderer's CPU 12×
 * slower): nothing is lost to the reader's start. The rows were on screen a task or more before
 * the reader listened to its own state (React ran the mount's effects later), and the row read
 * last was asked for after that: "g 2 5 Enter" opened Go to only after "2" had gone to the page
 * (paragraph 5), a restored position pulled back a reader who had moved, and the focus given on
 * open took the counterpart's light from the clause under the pointer.
 */
import { expect, type Page, test } from '@playwright/test';
import { firstRowOf, focusedRowLine, statementParagraphs } from './helpers/fixture';
import { harnessPerTest, ipc } from './helpers/harness';

const rows = statementParagraphs().flatMap((g) => g.rows);
const DOCUMENT = 'asean-russia-covid19-2020';

const { harness } = harnessPerTest();

/** Loads the reader with the renderer slowed down, and returns as soon as its first row shows. */
async function openSlow(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 12 });
  await page.goto(harness().url);
  await expect(page.locator('[data-row-id]').first()).toBeVisible();
}


test('Go to typed the moment the rows show goes where it was told, each time, a row read last restored or not', async ({ page }) => {
  // Three starts: the first with no row kept, the others with the one the previous went to.
  let saved: string | null = null;
  for (const paragraph of [25, 12, 31]) {
    await openSlow(page);
    await page.keyboard.press('g');
    await page.keyboard.type(String(paragraph));
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedRowLine(page), { message: `Go to ${paragraph}` }).toBe(firstRowOf(paragraph));
    // Kept there: a position restored late would pull it back.
    await page.evaluate(() => new Promise((done) => setTimeout(done, 500)));
    expect(await focusedRowLine(page)).toBe(firstRowOf(paragraph));
    // Wait until the position is saved, so the next start has one to restore
    // (the row at the top of the window, which near the end is above the one gone to).
    const first = await page.locator('[data-row-line="0"] [data-row-id]').first().getAttribute('data-row-id');
    const position = async () => (await ipc<{ rowId: string | null }>(harness(), 'positions:get', { documentId: DOCUMENT })).rowId;
    await expect.poll(async () => { const now = await position(); return now !== null && now !== saved && now !== first; }).toBe(true);
    saved = await position();
  }
});

test('a clause pointed at the moment the rows show keeps its counterpart lit once the text has taken the focus', async ({ page }) => {
  const index = rows.findIndex((r, i) => i > 2 && r.en.length + r.ru.length === 3);
  const [one, two] = rows[index]!.en.length === 1 ? (['en', 'ru'] as const) : (['ru', 'en'] as const);
  await openSlow(page);
  const row = page.locator('[data-row-id]').nth(index);
  await row.locator(`.cell[lang="${one}"] .clause`).first().hover();
  // The focus given on open (the first row) has come…
  await expect.poll(() => focusedRowLine(page)).toBe(0);
  // …and the light is still where the pointer is, and only there.
  await expect(row.locator(`.cell[lang="${two}"] .clause.is-counterpart`)).toHaveCount(2);
  await expect(page.locator('.clause.is-counterpart')).toHaveCount(2);
});
