import { type Page, expect, test } from '@playwright/test';
import { makeBigDocument } from './helpers/big-document';
import { type RunningHarness, startHarness } from './helpers/harness';

/** 2,000 paragraphs of 10 rows: 20,000 aligned rows, rendered a window at a time. */
const big = makeBigDocument(2000, 9);
let harness: RunningHarness;

test.describe.configure({ timeout: 180_000 });
test.beforeAll(async () => {
  harness = await startHarness({ documentsDir: big.dir });
});
test.afterAll(async () => {
  await harness.stop();
});

test('a 20,000-row document opens with only a window of rows in the page', async ({ page }) => {
  await page.goto(harness.url);
  await expect(page.locator('[data-row-id]').first()).toBeVisible({ timeout: 120_000 });
  await expect(page.locator('.document-meta')).toContainText(`${big.rows.toLocaleString('en-GB')} aligned rows`);
  const rendered = await page.locator('[data-row-id]').count();
  expect(rendered).toBeGreaterThan(3);
  expect(rendered).toBeLessThan(200);
});

test('keyboard, search and annotations reach rows that were never rendered', async ({ page }) => {
  await page.goto(harness.url);
  await expect(page.locator('[data-row-id]').first()).toBeVisible({ timeout: 120_000 });

  // The last row, from the keyboard.
  await page.locator('.clause').first().focus();
  await page.keyboard.press('Control+End');
  await expect(page.locator(`[data-row-line="${big.rows - 1}"]`)).toBeInViewport();
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-row-line]')?.getAttribute('data-row-line'))).toBe(String(big.rows - 1));

  // A paragraph far away, by number.
  await page.keyboard.press('g');
  await page.keyboard.type('1500');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-paragraph="1500"]')).toBeInViewport();

  // Search finds text in rows that are not in the page, and brings them in.
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Control+f');
  await expect(page.getByLabel('Search both languages')).toBeFocused();
  await page.keyboard.type('marker1777x');
  await expect(page.locator('.search-status')).toContainText('2 matches');
  await page.keyboard.press('Enter');
  await expect(page.locator('.cell mark.search-hit.is-current')).toBeInViewport();
  await expect(page.locator('.cell mark.search-hit.is-current')).toHaveText('marker1777x');
  await page.keyboard.press('Escape');

  // An annotation made there is drawn when its row is rendered again after scrolling away and back.
  await page.locator('[data-paragraph="1777"] .cell[lang="ru"] .clause').first().focus();
  await page.keyboard.press('Control+Shift+H');
  // One highlight (its text may be cut into pieces by the focused row's term links).
  await expect
    .poll(() => page.locator('[data-paragraph="1777"] mark.anno').evaluateAll((els) => new Set(els.map((el) => el.getAttribute('data-annotation-id'))).size))
    .toBe(1);
  await page.keyboard.press('Control+Home');
  await expect(page.locator('[data-paragraph="1777"]')).toHaveCount(0);
  await page.keyboard.press('a');
  await page.locator('.annotation-jump').first().click();
  await expect(page.locator('[data-paragraph="1777"] mark.anno').first()).toBeInViewport();
});

test('the first rows of a book are live before the rest arrives; a key pressed meanwhile acts on the whole book', async ({ page }) => {
  // A harness of its own: the head alone is sent first only while the reading position is in it,
  // and the tests above leave the shared harness's position deep in the book.
  const own = await startHarness({ documentsDir: big.dir });
  try {
    await firstRowsLive(page, own);
  } finally {
    await own.stop();
  }
});

async function firstRowsLive(page: Page, harness: RunningHarness): Promise<void> {
  // Hold back the whole document (`documents:open`, asked for once the first rows are drawn).
  let release: () => void = () => undefined;
  const held = new Promise<void>((done) => (release = done));
  let asked = false;
  await page.route(/\/__ipc\/documents%3Aopen$/, async (route) => {
    asked = true;
    await held;
    await route.continue();
  });
  await page.goto(harness.url);
  await expect(page.locator('[data-row-id]').first()).toBeVisible({ timeout: 120_000 });
  await expect.poll(() => asked).toBe(true);
  // Only the head is here, yet the header counts the whole book, and the rows answer the pointer.
  await expect(page.locator('.document-meta')).toContainText('2,000 paragraphs');
  await expect(page.locator('.document-meta')).toContainText(`${big.rows.toLocaleString('en-GB')} aligned rows`);
  const firstClause = page.locator('[data-row-line="0"] .cell[lang="en"] .clause').first();
  await firstClause.click();
  await expect(firstClause).toHaveClass(/is-pinned/);
  // Ctrl+End now: it waits for the whole book, and then goes to its last row (not the head's).
  await firstClause.focus();
  await page.keyboard.press('Control+End');
  await page.waitForTimeout(300);
  await expect(page.locator(`[data-row-line="${big.rows - 1}"]`)).toHaveCount(0);
  release();
  await expect(page.locator(`[data-row-line="${big.rows - 1}"]`)).toBeInViewport({ timeout: 60_000 });
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-row-line]')?.getAttribute('data-row-line'))).toBe(String(big.rows - 1));
}
