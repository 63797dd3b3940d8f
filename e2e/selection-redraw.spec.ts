/**
 * A row pointed at or focused draws its linked terms into its text when they arrive
 * (`compare:links`), which replaces the clause's text nodes. A selection made just before was
 * dropped (D then looked up the clause's first word), and a press and release on either side of
 * the redraw made no click. Here the links are held back until the selection, or the press, is
 * made; then they come.
 */
import { expect, type Locator, type Page, type Route, test } from '@playwright/test';
import { harnessPerTest } from './helpers/harness';

const { open } = harnessPerTest();

const LINKS = /\/__ipc\/compare%3Alinks$/;

/** Holds every `compare:links` request until `release()`, which returns once the page has read the answers. */
async function holdLinks(page: Page): Promise<{ release: () => Promise<void> }> {
  const held: Route[] = [];
  let holding = true;
  await page.route(LINKS, async (route) => {
    if (holding) held.push(route);
    else await route.continue();
  });
  return {
    release: async () => {
      holding = false;
      expect(held.length).toBeGreaterThan(0);
      const answers = held.map(() => page.waitForResponse(LINKS));
      for (const route of held.splice(0)) await route.continue();
      for (const answer of answers) await (await answer).finished();
      // The answers read and handed to React: the page's own tasks, then two frames.
      await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
    },
  };
}

/** The window box of `words` (on one line) in the clause's text. */
async function boxOf(clause: Locator, words: string): Promise<{ left: number; right: number; y: number }> {
  return clause.evaluate((el, words) => {
    const at = (el.textContent ?? '').indexOf(words);
    if (at < 0) throw new Error(`no "${words}"`);
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let before = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const length = n.textContent?.length ?? 0;
      if (at + words.length <= before + length) {
        const range = document.createRange();
        range.setStart(n, at - before);
        range.setEnd(n, at - before + words.length);
        const box = range.getClientRects()[0]!;
        return { left: box.left, right: box.right, y: box.top + box.height / 2 };
      }
      before += length;
    }
    throw new Error(`"${words}" is cut by marks`);
  }, words);
}

/** Drags the mouse over `words` in the clause: a real selection. */
async function dragOver(page: Page, clause: Locator, words: string) {
  const box = await boxOf(clause, words);
  await page.mouse.move(box.left + 1, box.y);
  await page.mouse.down();
  await page.mouse.move(box.right - 1, box.y, { steps: 6 });
  await page.mouse.up();
}

/** The page opened with its term links held back, and "concerns over the continued" selected by mouse in ¶2's English clause. */
async function selectWithTermsHeld(page: Page): Promise<{ links: { release: () => Promise<void> }; clause: Locator }> {
  const links = await holdLinks(page);
  await open(page);
  await page.evaluate(() => document.fonts.ready);
  const clause = page.locator('.cell[lang="en"] .clause', { hasText: 'Expressing our deep concerns' });
  await dragOver(page, clause, 'concerns over the continued');
  return { links, clause };
}

const selected = (page: Page) => page.evaluate(() => window.getSelection()?.toString() ?? '');

test('a selection made before the row’s terms are drawn is the same selection after, and D looks up its word', async ({ page }) => {
  const { links, clause } = await selectWithTermsHeld(page);
  expect(await selected(page)).toBe('concerns over the continued');
  await expect(clause).toBeFocused();

  await links.release();
  // The terms are drawn into this very clause (its text nodes replaced)…
  await expect(clause.locator('.term').first()).toBeAttached();
  // …and the selection is what the reader made.
  expect(await selected(page)).toBe('concerns over the continued');
  // Shift+Right goes on from the end it was made towards.
  await page.keyboard.press('Shift+ArrowRight');
  expect(await selected(page)).toBe('concerns over the continued ');
  await page.keyboard.press('d');
  await expect(page.locator('.lookup-popup .lookup-word')).toHaveText('concerns');
});

test('a press on a highlight, the row’s terms arriving, then the release: still a click (the note opens)', async ({ page }) => {
  const { links, clause } = await selectWithTermsHeld(page);
  await page.getByRole('toolbar', { name: 'Highlight or note the selection' }).getByRole('button', { name: 'Highlight in Green' }).click();
  const mark = clause.locator('mark.anno.swatch-green');
  await expect(mark).toHaveText('concerns over the continued');

  const box = (await mark.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await links.release();
  await page.mouse.up();
  await expect(page.getByRole('dialog', { name: 'Edit note' })).toBeVisible();
});

test('a press and its release in one task (a quick click) do not leave the row’s terms held', async ({ page }) => {
  await open(page);
  const row = page.locator('.row[data-row-id="r2-0"]');
  // Both events before React can render the hold or run an effect.
  await row.evaluate((el) => {
    const target = el.querySelector('.cell[lang="en"] .clause') ?? el;
    target.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, button: 0, buttons: 1 }));
    target.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, button: 0, buttons: 0 }));
  });
  await row.hover({ position: { x: 5, y: 5 } });
  await expect(row.locator('.cell[lang="en"] .term').first()).toBeAttached();
});
