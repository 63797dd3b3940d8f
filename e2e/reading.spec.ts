import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { ACTION_IDS } from '../src-main/contract/actions';
import { DEFAULT_READER_PREFS } from '../src-main/contract/ipc';
import { firstRowOf, focusedRowLine, statementParagraphs } from './helpers/fixture';
import { newUserDataDir, type RunningHarness, startHarness } from './helpers/harness';

const groups = statementParagraphs();

let harness: RunningHarness;
test.beforeAll(async () => {
  harness = await startHarness();
});
test.afterAll(async () => {
  await harness.stop();
});
// Tests in one worker share the harness: each starts from the default preferences.
test.beforeEach(async ({ request }) => {
  const reset = await request.post(`${harness.origin}/__ipc/settings:set-reader-prefs`, {
    headers: harness.headers,
    data: { hasPayload: true, payload: DEFAULT_READER_PREFS },
  });
  expect((await reset.json()) as unknown).toMatchObject({ ok: true });
});

async function open(page: Page, address = harness.url) {
  await page.goto(address);
  await expect(page.locator('[data-row-id]').first()).toBeVisible();
}

/** Opens the "Aa" display popover, where the layout, theme and text settings are. */
async function display(page: Page) {
  await page.getByRole('button', { name: 'Display' }).click();
  await expect(page.getByRole('dialog', { name: 'Display' })).toBeVisible();
}

/** Replaces what the focused field holds, typing as a person does. */
async function retype(page: Page, text: string) {
  await page.keyboard.press('Control+a');
  await page.keyboard.type(text);
}


test.describe('layouts', () => {
  test('interleaved puts each English row above its Russian counterpart', async ({ page }) => {
    await open(page);
    await display(page);
    await page.getByRole('button', { name: 'Interleaved' }).click();
    const row = page.locator('[data-row-id]').first();
    await expect(row).toHaveClass(/layout-interleaved/);
    const en = (await row.locator('.cell[lang="en"]').boundingBox())!;
    const ru = (await row.locator('.cell[lang="ru"]').boundingBox())!;
    expect(en.y + en.height).toBeLessThanOrEqual(ru.y + 1);
  });

  test('one language shows a single column, and the counterpart on demand', async ({ page }) => {
    await open(page);
    await display(page);
    await page.getByRole('button', { name: 'One language' }).click();
    await page.keyboard.press('Escape');
    await expect(page.locator('.cell[lang="ru"]')).toHaveCount(0);
    await expect(page.locator('.counterpart-peek')).toHaveCount(0);
    await page.locator('.clause').first().focus();
    await page.keyboard.press('c');
    await expect(page.locator('.counterpart-peek')).toHaveCount(1);
    await expect(page.locator('.counterpart-peek')).toHaveAttribute('lang', 'ru');
    await expect(page.locator('.counterpart-peek')).toContainText('Мы, министры');
    await display(page);
    await page.getByLabel('Language shown').selectOption('ru');
    await expect(page.locator('.cell[lang="en"]')).toHaveCount(0);
    await expect(page.locator('.cell[lang="ru"]').first()).toBeVisible();
  });

  test('swapping puts Russian on the left', async ({ page }) => {
    await open(page);
    await display(page);
    await page.getByRole('button', { name: 'Swap columns' }).click();
    const row = page.locator('[data-row-id]').first();
    const en = (await row.locator('.cell[lang="en"]').boundingBox())!;
    const ru = (await row.locator('.cell[lang="ru"]').boundingBox())!;
    expect(ru.x).toBeLessThan(en.x);
    await expect(page.locator('.column-head').first()).toHaveText(/russian/i);
  });
});

test.describe('appearance', () => {
  test('themes: sepia and dark by choice, system by default', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await open(page);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'system');
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await background()).toBe('rgb(27, 28, 31)');
    await display(page);
    await page.getByLabel('Theme').selectOption('sepia');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'sepia');
    expect(await background()).toBe('rgb(244, 236, 216)');
    await page.getByLabel('Theme').selectOption('light');
    expect(await background()).toBe('rgb(250, 248, 243)');
  });

  test('text size and line spacing change the text and reset', async ({ page }) => {
    await open(page);
    const cell = page.locator('.cell').first();
    const size = () => cell.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const leading = () => cell.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight) / parseFloat(getComputedStyle(el).fontSize));
    const base = await size();
    await display(page);
    await page.getByRole('button', { name: 'Larger text' }).click();
    await page.getByRole('button', { name: 'Larger text' }).click();
    expect(await size()).toBeCloseTo(base * 1.2, 0);
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('Control+0');
    expect(await size()).toBeCloseTo(base, 1);
    const normal = await leading();
    await display(page);
    await page.getByLabel('Spacing').selectOption('relaxed');
    expect(await leading()).toBeGreaterThan(normal + 0.1);
  });

  test('preferences survive a restart', async ({ page }) => {
    const userDataDir = newUserDataDir();
    let own = await startHarness({ userDataDir });
    try {
      await open(page, own.url);
      await display(page);
      await page.getByRole('button', { name: 'Interleaved' }).click();
      await page.getByRole('button', { name: 'Swap columns' }).click();
      await page.getByLabel('Theme').selectOption('sepia');
      await page.getByRole('button', { name: 'Larger text' }).click();
      await expect(page.locator('.tool-value')).toHaveText('110%');
    } finally {
      await own.stop();
    }
    own = await startHarness({ userDataDir });
    try {
      await open(page, own.url);
      await display(page);
      await expect(page.getByRole('button', { name: 'Interleaved' })).toHaveAttribute('aria-pressed', 'true');
      await expect(page.getByRole('button', { name: 'Swap columns' })).toHaveAttribute('aria-pressed', 'true');
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'sepia');
      await expect(page.locator('.tool-value')).toHaveText('110%');
    } finally {
      await own.stop();
    }
  });
});

test.describe('moving around', () => {
  test('j/k move by row, n/p by paragraph, g jumps to a paragraph number', async ({ page }) => {
    await open(page);
    await page.locator('.clause').first().focus();
    await page.keyboard.press('j');
    await expect.poll(() => focusedRowLine(page)).toBe(1);
    await page.keyboard.press('j');
    await expect.poll(() => focusedRowLine(page)).toBe(2);
    await page.keyboard.press('k');
    await expect.poll(() => focusedRowLine(page)).toBe(1);
    await page.keyboard.press('n');
    await expect.poll(() => focusedRowLine(page)).toBe(firstRowOf(3));
    await page.keyboard.press('n');
    await expect.poll(() => focusedRowLine(page)).toBe(firstRowOf(4));
    await page.keyboard.press('p');
    await expect.poll(() => focusedRowLine(page)).toBe(firstRowOf(3));
    await page.keyboard.press('g');
    const dialog = page.getByRole('dialog', { name: 'Go to paragraph' });
    await expect(dialog).toBeVisible();
    // The focus is in the number field: what is typed goes there, Enter goes.
    await expect(dialog.getByRole('spinbutton')).toBeFocused();
    await page.keyboard.type('99');
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('alert')).toContainText('1 to 34');
    await retype(page, '20');
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect.poll(() => focusedRowLine(page)).toBe(firstRowOf(20));
    const box = (await page.locator(`[data-row-line="${firstRowOf(20)}"]`).boundingBox())!;
    expect(box.y).toBeGreaterThan(0);
    expect(box.y).toBeLessThan(400);
  });

  test('the contents panel lists the paragraphs and jumps to one', async ({ page }) => {
    await open(page);
    await page.keyboard.press('o');
    const nav = page.getByRole('navigation', { name: 'Contents' });
    await expect(nav).toBeVisible();
    await expect(nav.getByRole('button')).toHaveCount(groups.length + 1);
    await nav.getByRole('button', { name: /^13 / }).click();
    await expect.poll(() => focusedRowLine(page)).toBe(firstRowOf(13));
  });

  test('the reading position is restored after a restart', async ({ page }) => {
    const userDataDir = newUserDataDir();
    let own = await startHarness({ userDataDir });
    const row = firstRowOf(25);
    try {
      await open(page, own.url);
      await page.keyboard.press('g');
      await page.keyboard.type('25');
      await page.keyboard.press('Enter');
      await expect.poll(() => focusedRowLine(page)).toBe(row);
      // Saved a moment after scrolling stops: wait until settings.json holds a row other than the
      // first (a fixed wait was too short on a loaded machine).
      const firstId = await page.locator('[data-row-line="0"] [data-row-id]').first().getAttribute('data-row-id');
      const saved = (): string[] => {
        try {
          return Object.values((JSON.parse(readFileSync(join(userDataDir, 'settings.json'), 'utf8')) as { positions?: Record<string, string> }).positions ?? {});
        } catch {
          return [];
        }
      };
      await expect.poll(() => saved().some((id) => id !== firstId), { timeout: 30_000 }).toBe(true);
    } finally {
      await own.stop();
    }
    own = await startHarness({ userDataDir });
    try {
      await open(page, own.url);
      // The row comes back near the top of the window, below the header.
      const top = async () => (await page.locator(`[data-row-line="${row}"]`).boundingBox())?.y ?? -1;
      await expect.poll(top).toBeLessThan(400);
      expect(await top()).toBeGreaterThan(0);
    } finally {
      await own.stop();
    }
  });

  test('the help overlay lists every shortcut, in the UI language', async ({ page }) => {
    const russian = await startHarness({ systemLanguage: 'ru-RU' });
    try {
      await open(page, russian.url);
      await page.keyboard.press('Shift+Slash');
      const dialog = page.getByRole('dialog', { name: 'Сочетания клавиш' });
      await expect(dialog).toBeVisible();
      await expect(dialog.locator('.help-row')).toHaveCount(ACTION_IDS.length);
      await expect(dialog).toContainText('Следующая строка');
      await expect(dialog).toContainText('Поиск на обоих языках');
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
    } finally {
      await russian.stop();
    }
  });
});

test.describe('search', () => {
  test('searches both languages, forgiving ё, and steps through matches', async ({ page }) => {
    await open(page);
    await page.keyboard.press('Control+f');
    const input = page.getByLabel('Search both languages');
    await expect(input).toBeFocused();
    await page.keyboard.type('партнерств');
    const results = page.locator('.search-result');
    await expect(results.first()).toBeVisible();
    const count = await results.count();
    expect(count).toBeGreaterThan(0);
    // Whole words, any form: the stem finds Партнёрство, партнёрства…, marked whole.
    await expect(page.locator('.cell mark.search-hit').first()).toHaveText(/^[Пп]артнёрств[а-я]*$/);
    await page.keyboard.press('Enter');
    await expect(page.locator('mark.search-hit.is-current')).toHaveCount(1);
    await expect(page.locator('.search-status')).toContainText('1 of');
    await page.keyboard.press('Enter');
    await expect(page.locator('.search-status')).toContainText('2 of');
    await page.keyboard.press('Shift+Enter');
    await expect(page.locator('.search-status')).toContainText('1 of');

    await retype(page, 'WHO');
    await expect(page.locator('.search-status')).toContainText(/\d+ match/);
    await retype(page, "ministers' meeting");
    // Whole words: both are found in the first row (its snippet is cut around the first match).
    await expect(results.first()).toContainText('Ministers');
    await expect(page.locator('.cell mark.search-hit', { hasText: 'Meeting' }).first()).toBeAttached();
    await retype(page, 'qqqzzz');
    await expect(page.locator('.search-status')).toHaveText('No matches.');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('complementary', { name: 'Search' })).toBeHidden();
  });

  test('the first Enter of a new search goes to the first match from the row being read, Shift+Enter to the last before it', async ({ page }) => {
    await open(page);
    const here = firstRowOf(20);
    await page.keyboard.press('g');
    await page.keyboard.type('20');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedRowLine(page)).toBe(here);
    const currentHitRow = () => page.locator('mark.search-hit.is-current').evaluate((m) => Number(m.closest<HTMLElement>('[data-row-line]')!.dataset.rowLine));
    await page.keyboard.press('Control+f');
    await expect(page.getByLabel('Search both languages')).toBeFocused();
    await page.keyboard.type('pandemic');
    await expect(page.locator('.search-result').first()).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.locator('mark.search-hit.is-current')).toHaveCount(1);
    const next = await currentHitRow();
    expect(next).toBeGreaterThanOrEqual(here);
    // Not the document's first match (¶3 has "pandemic"): the search went on from ¶20.
    await expect(page.locator('.search-status')).not.toContainText(/· 1 of /);
    // A new query, Shift+Enter: the last match before ¶20's row.
    await retype(page, 'COVID-19');
    await page.keyboard.press('Shift+Enter');
    await expect(page.locator('mark.search-hit.is-current')).toHaveCount(1);
    expect(await currentHitRow()).toBeLessThan(next);
  });

  test('picking a result brings its row into view', async ({ page }) => {
    await open(page);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(page.getByLabel('Search both languages')).toBeFocused();
    await page.keyboard.type('Rospotrebnadzor');
    await page.locator('.search-result').first().click();
    const mark = page.locator('.cell mark.search-hit.is-current');
    await expect(mark).toBeInViewport();
  });
});

test.describe('comparing', () => {
  test('clicking a clause pins its counterpart until Escape', async ({ page }) => {
    await open(page);
    const row = page.locator('[data-row-id]').nth(2);
    await row.locator('.cell[lang="en"] .clause').first().click();
    await page.mouse.move(5, 5);
    await expect(row.locator('.cell[lang="ru"] .clause.is-pinned-counterpart')).toHaveCount(await row.locator('.cell[lang="ru"] .clause').count());
    await expect(page.locator('.clause.is-pinned')).toHaveCount(1);
    await page.keyboard.press('Escape');
    await expect(page.locator('.clause.is-pinned, .clause.is-pinned-counterpart')).toHaveCount(0);
  });

  test('the clause menu copies one version, the pair, or Markdown', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: harness.origin });
    await open(page);
    const clause = page.locator('[data-row-id]').first().locator('.cell[lang="en"] .clause').first();
    await clause.click({ button: 'right' });
    const menu = page.getByRole('menu');
    for (const name of ['Copy English', 'Copy Russian', 'Copy pair', 'Copy pair as Markdown']) {
      await expect(menu.getByRole('menuitem', { name, exact: true })).toHaveCount(1);
    }
    await menu.getByRole('menuitem', { name: 'Copy pair', exact: true }).click();
    const pair = await page.evaluate(() => navigator.clipboard.readText());
    expect(pair.startsWith('We, the Foreign Ministers')).toBe(true);
    expect(pair).toContain('\n\nМы, министры');

    await clause.focus();
    await page.keyboard.press('Shift+F10');
    await expect(menu).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^Мы, министры/);

    await clause.focus();
    await page.keyboard.press('Control+Shift+M');
    const md = await page.evaluate(() => navigator.clipboard.readText());
    expect(md.split('\n')[0]).toBe('| ¶ | English | Russian |');
    await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toHaveCount(1);
  });
});

test.describe('reading progress', () => {
  const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

  test('the progress pill never sits over an open panel', async ({ page }) => {
    await page.setViewportSize({ width: 1400, height: 800 });
    await open(page);
    const pill = page.locator('.reading-progress');
    await expect(pill).toBeVisible();
    await page.keyboard.press('KeyA');
    const panel = page.getByRole('complementary', { name: 'Notes', exact: true });
    await expect(panel).toBeVisible();
    expect(overlaps((await pill.boundingBox())!, (await panel.boundingBox())!)).toBe(false);
    await page.setViewportSize({ width: 900, height: 800 });
    await expect(pill).toBeHidden();
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    await expect(pill).toBeVisible();
  });
});

test('the Display popover closes when Tab takes the focus past its last control', async ({ page }) => {
  await open(page);
  const button = page.getByRole('button', { name: 'Display' });
  await button.focus();
  await page.keyboard.press('Enter');
  const popover = page.getByRole('dialog', { name: 'Display' });
  await expect(popover).toBeVisible();
  await expect(popover.locator('select').first()).toBeFocused();
  let inside = true;
  for (let k = 0; k < 30 && inside; k++) {
    await page.keyboard.press('Tab');
    inside = await page.evaluate(() => document.getElementById('display-popover')?.contains(document.activeElement) ?? false);
  }
  expect(inside).toBe(false);
  await expect(popover).toBeHidden();
  // The focus went on to the next control, not to the page's body.
  expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY');
});

