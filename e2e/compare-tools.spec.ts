/**
 * The comparison tools in the reader (issue 11): term links inside a row (pointing and the
 * keyboard, on a Russian layout too), the concordance panel (open, jump, a rendering to the
 * glossary) and search by whole words and word forms with its options. Driven by the keyboard.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { DEFAULT_READER_PREFS } from '../src-main/contract/ipc';
import { ROOT, type RunningHarness, startHarness } from './helpers/harness';

const SHOTS = join(ROOT, 'test-results', 'screenshots');
const DOC = 'asean-russia-covid19-2020';

let harness: RunningHarness;
test.beforeAll(async () => {
  harness = await startHarness();
  // The first comparison of a document (word model, links of every row) runs once in main's worker
  // and is cached; asked for here so that no test's first hover waits on it.
  const warm = await fetch(`${harness.origin}/__ipc/compare:links`, {
    method: 'POST',
    headers: { ...harness.headers, 'Content-Type': 'application/json' },
    body: JSON.stringify({ hasPayload: true, payload: { documentId: DOC, rowIds: ['r2-0'] } }),
  });
  expect(((await warm.json()) as { ok: boolean }).ok).toBe(true);
});
test.afterAll(async () => {
  await harness.stop();
});
test.beforeEach(async ({ page, request }) => {
  const reset = await request.post(`${harness.origin}/__ipc/settings:set-reader-prefs`, {
    headers: harness.headers,
    data: { hasPayload: true, payload: DEFAULT_READER_PREFS },
  });
  expect((await reset.json()) as unknown).toMatchObject({ ok: true });
  // The search options are remembered in the page's storage: each test starts from the defaults.
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('e2e-started')) {
      localStorage.clear();
      sessionStorage.setItem('e2e-started', '1');
    }
  });
});

async function open(page: Page) {
  await page.goto(harness.url);
  await expect(page.locator('[data-row-id]').first()).toBeVisible();
}

const status = (page: Page) => page.locator('.visually-hidden[role="status"]');
const serious = async (page: Page) =>
  (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);

/** Focuses the first clause of the first paragraph (the reader's own Tab path: skip link, then the text). */
async function focusFirstClause(page: Page) {
  await page.locator('.cell[lang="en"] .clause').first().focus();
  await expect(page.locator('.cell[lang="en"] .clause').first()).toBeFocused();
}

test.describe('term links', () => {
  test('pointing at a term lights its counterpart in the other column, and the reverse', async ({ page }) => {
    await open(page);
    const row = page.locator('.row[data-row-id="r2-0"]');
    // Terms are drawn in the row under the pointer (or holding the focus: at start, the first) only.
    await expect(page.locator('.row:not(:focus-within) .term')).toHaveCount(0);
    await row.hover({ position: { x: 5, y: 5 } });
    const enTerm = row.locator('.cell[lang="en"] .term').first();
    await expect(enTerm).toBeVisible();
    const link = await enTerm.getAttribute('data-link');
    await enTerm.hover();
    await expect(enTerm).toHaveClass(/is-lit-source/);
    const ruLit = row.locator('.cell[lang="ru"] .term.is-lit-counterpart');
    await expect(ruLit).toHaveCount(1);
    await expect(ruLit).toHaveAttribute('data-link', link!);
    // And from the Russian side: the English end lights.
    const ruTerm = row.locator(`.cell[lang="ru"] .term[data-link="${link}"]`);
    await ruTerm.hover();
    await expect(row.locator(`.cell[lang="en"] .term[data-link="${link}"]`)).toHaveClass(/is-lit-counterpart/);
    // Away from the row: nothing lit, and the row is plain text again.
    await page.locator('.document-title').hover();
    await expect(page.locator('.term.is-lit')).toHaveCount(0);
    await expect(page.locator('.row:not(:focus-within) .term')).toHaveCount(0);
    await row.hover({ position: { x: 5, y: 5 } });

    // Only confident links are drawn: every drawn term has both ends in its row.
    const ends = await row.evaluate((el) =>
      [...el.querySelectorAll<HTMLElement>('.term')].map((t) => [t.closest<HTMLElement>('[data-lang]')!.dataset.lang, t.dataset.link]),
    );
    const en = new Set(ends.filter(([l]) => l === 'en').map(([, k]) => k));
    const ru = new Set(ends.filter(([l]) => l === 'ru').map(([, k]) => k));
    expect([...en].sort()).toEqual([...ru].sort());

    mkdirSync(SHOTS, { recursive: true });
    await row.locator('.cell[lang="en"] .term').nth(2).hover();
    await page.screenshot({ path: join(SHOTS, 'links-en-light-1400.png') });
  });

  test('] and [ step through the terms of the row, each counterpart announced; Escape goes back to the clause', async ({ page }) => {
    await open(page);
    await focusFirstClause(page);
    await expect(page.locator('.row').first().locator('.term').first()).toBeAttached();
    await page.keyboard.press('BracketRight');
    const focused = () => page.evaluate(() => ({ cls: document.activeElement?.className ?? '', link: (document.activeElement as HTMLElement | null)?.dataset.link, text: document.activeElement?.textContent }));
    const first = await focused();
    expect(first.cls).toContain('term');
    expect(first.cls).toContain('is-lit-source');
    await expect(status(page)).toContainText(`${first.text} — `);
    // The counterpart is lit and described.
    const described = await page.evaluate(() => document.getElementById(document.activeElement!.getAttribute('aria-describedby')!)?.className);
    expect(described).toContain('is-lit-counterpart');
    await page.keyboard.press('BracketRight');
    const second = await focused();
    expect(second.link).not.toBe(first.link);
    await page.keyboard.press('BracketLeft');
    expect((await focused()).link).toBe(first.link);
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await focused()).cls).toContain('clause');
  });

  test('on a Russian layout (] gives "ъ", code BracketRight) the term keys still work', async ({ page }) => {
    await open(page);
    await focusFirstClause(page);
    await expect(page.locator('.row').first().locator('.term').first()).toBeAttached();
    await page.evaluate(() => {
      const target = document.activeElement ?? document.body;
      target.dispatchEvent(new KeyboardEvent('keydown', { key: 'ъ', code: 'BracketRight', bubbles: true, cancelable: true }));
    });
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('term'))).toBe(true);
    // Shift+А (Shift+F on the Russian layout) opens the concordance on the focused term.
    await page.evaluate(() => {
      const target = document.activeElement ?? document.body;
      target.dispatchEvent(new KeyboardEvent('keydown', { key: 'А', code: 'KeyF', shiftKey: true, bubbles: true, cancelable: true }));
    });
    await expect(page.locator('#concordance-panel')).toBeVisible();
    await expect(page.locator('#concordance-input')).toBeFocused();
  });
});

test.describe('concordance', () => {
  test('typed word: every occurrence, renderings counted, a row jumped to, Esc closes and focus returns', async ({ page }) => {
    await open(page);
    await focusFirstClause(page);
    await page.keyboard.press('Shift+KeyF');
    const panel = page.locator('#concordance-panel');
    await expect(panel).toBeVisible();
    await expect(page.locator('#concordance-input')).toBeFocused();
    await page.keyboard.type('pandemic');
    await page.keyboard.press('Enter');
    await expect(panel.locator('.search-status')).toContainText(/\d+ occurrences/);
    const renderings = panel.locator('.rendering-item');
    await expect(renderings.first()).toContainText('пандеми');
    // Each occurrence's rendering is lit in the list and in the text.
    await expect(panel.locator('mark.concordance-rendering').first()).toBeVisible();
    await expect(page.locator('#reader mark.concordance-match').first()).toBeAttached();
    await expect(page.locator('#reader mark.concordance-rendering').first()).toBeAttached();
    expect(await serious(page)).toEqual([]);

    // Tab to the first occurrence and jump to its row.
    const hits = panel.locator('.concordance-hits button');
    const count = await hits.count();
    expect(count).toBeGreaterThan(3);
    await hits.nth(3).focus();
    await page.keyboard.press('Enter');
    await expect(hits.nth(3)).toHaveAttribute('aria-current', 'true');
    await expect(page.locator('#reader mark.concordance-match.is-current')).toBeInViewport();
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'concordance-en-light-1400.png') });

    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    await expect(page.locator('#reader mark.concordance-match')).toHaveCount(0);
    await expect(page.locator('.cell[lang="en"] .clause').first()).toBeFocused();
  });

  test('a Russian word is looked for in the Russian column; a selection opens it from the selection bar', async ({ page }) => {
    await open(page);
    await focusFirstClause(page);
    await page.keyboard.press('Shift+KeyF');
    await page.keyboard.type('пандемия');
    await expect(page.getByRole('radio', { name: 'Russian' })).toBeChecked();
    await expect(page.locator('.rendering-item').first()).toContainText('pandemic');
    await page.keyboard.press('Escape');

    // Select a word with the mouse and use the selection bar's "Concordance".
    const clause = page.locator('.row[data-row-id="r2-0"] .cell[lang="en"] .clause').first();
    // (A double click looks the word up in the dictionaries: the selection is dragged instead.)
    const box = (await clause.boundingBox())!;
    await page.mouse.move(box.x + 2, box.y + 8);
    await page.mouse.down();
    await page.mouse.move(box.x + 90, box.y + 8, { steps: 5 });
    await page.mouse.up();
    await page.getByRole('toolbar', { name: 'Highlight or note the selection' }).getByRole('button', { name: 'Concordance' }).click();
    await expect(page.locator('#concordance-panel')).toBeVisible();
    await expect(page.locator('#concordance-input')).not.toHaveValue('');
    await expect(page.locator('#concordance-panel .search-status')).toContainText(/occurrence/);
  });

  test('a rendering becomes a glossary entry after a confirmation', async ({ page, request }) => {
    await open(page);
    await focusFirstClause(page);
    await page.keyboard.press('Shift+KeyF');
    await page.keyboard.type('health');
    await page.keyboard.press('Enter');
    const toGlossary = page.locator('#concordance-panel .rendering-item').first().getByRole('button', { name: /glossary/ });
    await expect(toGlossary).toBeVisible();
    await toGlossary.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Add to glossary' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel('English term')).toBeFocused();
    await expect(dialog.getByLabel('English term')).toHaveValue('health');
    // Cancel first: nothing is written.
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(toGlossary).toBeFocused();
    const list = async () =>
      ((await (await request.post(`${harness.origin}/__ipc/glossary:list`, { headers: harness.headers, data: { hasPayload: true, payload: { documentId: DOC } } })).json()) as {
        value: { document: { en: string; ru: string }[] };
      }).value.document;
    expect(await list()).toEqual([]);
    await page.keyboard.press('Enter');
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('здравоохранение');
    await dialog.getByRole('button', { name: 'Add', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(status(page)).toContainText('Added “health” = “здравоохранение” to the glossary.');
    expect(await list()).toMatchObject([{ en: 'health', ru: 'здравоохранение' }]);
    // The glossary links come first now: the links are fetched again, the renderings counted again.
    await expect(page.locator('#concordance-panel .search-status')).toContainText(/occurrences/);
    await expect(page.locator('#concordance-panel .rendering-item').first()).toContainText('здравоохранени');
    const row = page.locator('.row[data-row-id="r2-0"]');
    await row.hover({ position: { x: 5, y: 5 } });
    await expect(row.locator('.cell[lang="en"] .term[data-link-class="glossary"]')).toHaveText(/^health$/i);
  });

  test('listed in the More menu and the command palette', async ({ page }) => {
    await open(page);
    await page.getByRole('button', { name: 'More' }).click();
    await page.getByRole('button', { name: 'Concordance…' }).click();
    await expect(page.locator('#concordance-panel')).toBeVisible();
    await page.keyboard.press('Escape');
    await focusFirstClause(page);
    await page.keyboard.press('Control+k');
    await page.keyboard.type('concordance');
    await page.keyboard.press('Enter');
    await expect(page.locator('#concordance-panel')).toBeVisible();
  });
});

test.describe('search by words and word forms', () => {
  async function search(page: Page, text: string) {
    await page.keyboard.press('Control+a');
    await page.keyboard.type(text);
  }
  const results = (page: Page) => page.locator('#search-panel .search-result');

  test('whole words by default, forms through the stemmer; options as toggles, remembered', async ({ page }) => {
    await open(page);
    await focusFirstClause(page);
    await page.keyboard.press('Slash');
    await expect(page.locator('#search-input')).toBeFocused();
    await search(page, 'WHO');
    await expect(page.locator('#search-panel .search-status')).toContainText(/match/);
    const hits = await page.locator('#reader mark.search-hit').allTextContents();
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h === 'WHO')).toBe(true);
    await search(page, 'ВОЗ');
    const ru = await page.locator('#reader mark.search-hit').allTextContents();
    expect(ru.every((h) => h === 'ВОЗ')).toBe(true);
    await search(page, 'пандемия');
    const forms = new Set(await page.locator('#reader mark.search-hit').allTextContents());
    expect(forms.size).toBeGreaterThan(1);
    for (const f of forms) expect(f.toLowerCase()).toMatch(/^пандеми/);
    await search(page, 'measure');
    expect(await page.locator('#reader mark.search-hit').allTextContents()).toContain('measures');

    // Substring: the older search, inside words too.
    await page.getByRole('radio', { name: 'Part of a word' }).check();
    await page.locator('#search-input').focus();
    await search(page, 'ВОЗ');
    expect((await page.locator('#reader mark.search-hit').allTextContents()).some((h) => h.toLowerCase() === 'воз' && h !== 'ВОЗ')).toBe(true);

    // A bad regular expression says so, and loses nothing.
    await page.getByRole('radio', { name: 'Regular expression' }).check();
    await page.locator('#search-input').focus();
    await search(page, 'health(');
    await expect(page.locator('#search-problem')).toContainText('Not a valid regular expression');
    await expect(page.locator('#search-input')).toHaveValue('health(');
    await expect(page.locator('#search-input')).toHaveAttribute('aria-invalid', 'true');
    await search(page, 'pandemics?');
    await expect(page.locator('#search-problem')).toHaveCount(0);
    await expect(results(page).first()).toBeVisible();

    // One language only; match case.
    await page.getByLabel('In', { exact: true }).selectOption('ru');
    await expect(page.locator('#reader mark.search-hit')).toHaveCount(0);
    await page.getByLabel('In', { exact: true }).selectOption('both');
    expect(await serious(page)).toEqual([]);

    // Remembered: after a reload the panel opens with the same options.
    await page.reload();
    await expect(page.locator('[data-row-id]').first()).toBeVisible();
    await focusFirstClause(page);
    await page.keyboard.press('Slash');
    await expect(page.getByRole('radio', { name: 'Regular expression' })).toBeChecked();
    await page.getByRole('radio', { name: 'Whole words' }).check();
  });

  test('snippets are centred on the match', async ({ page }) => {
    await open(page);
    await focusFirstClause(page);
    await page.keyboard.press('Slash');
    await search(page, 'Rospotrebnadzor');
    const first = results(page).first().locator('.search-result-text[lang="en"]');
    await expect(first.locator('mark.search-hit')).toBeVisible();
    const text = (await first.textContent()) ?? '';
    const at = text.indexOf('Rospotrebnadzor');
    expect(at).toBeGreaterThanOrEqual(0);
    // The match sits near the middle of a cut snippet, not behind the "…".
    if (text.startsWith('…')) expect(Math.abs(at + 7 - text.length / 2)).toBeLessThan(text.length / 3);
  });

  test('at 900 px the checks and the glossary are sheets under the text too', async ({ page }) => {
    await page.setViewportSize({ width: 900, height: 800 });
    await open(page);
    for (const [key, id] of [['Shift+KeyC', '#checks-panel'], ['Shift+KeyG', '#glossary-panel']] as const) {
      await focusFirstClause(page);
      await page.keyboard.press(key);
      const panel = page.locator(id);
      await expect(panel).toBeVisible();
      const box = (await panel.boundingBox())!;
      expect(box.x, id).toBeLessThanOrEqual(1);
      expect(box.width, id).toBeGreaterThanOrEqual(890);
      expect(box.y, id).toBeGreaterThan(400);
      await page.keyboard.press('Escape');
      await expect(panel).toBeHidden();
    }
  });

  test('at 900 px the search panel is a sheet under the text: neither column is covered', async ({ page }) => {
    await page.setViewportSize({ width: 900, height: 800 });
    await open(page);
    await focusFirstClause(page);
    await page.keyboard.press('Slash');
    await search(page, 'health');
    await expect(results(page).first()).toBeVisible();
    const panel = (await page.locator('#search-panel').boundingBox())!;
    // A sheet along the bottom, the whole width, leaving the upper half of the window to the text.
    expect(panel.x).toBeLessThanOrEqual(1);
    expect(panel.width).toBeGreaterThanOrEqual(890);
    expect(panel.y).toBeGreaterThan(400);
    // Between the bar and the sheet, both columns are there side by side, at their full width.
    await page.mouse.move(450, 200);
    await page.mouse.wheel(0, 500);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
    const header = (await page.locator('.app-header').boundingBox())!;
    const y = (header.y + header.height + panel.y) / 2;
    const at = (x: number) =>
      page.evaluate(({ x, y }) => {
        const under = document.elementsFromPoint(x, y);
        return { text: under.some((el) => el.matches('.rows')), panel: under.some((el) => el.id === 'search-panel') };
      }, { x, y });
    for (const x of [150, 300, 550, 800]) expect(await at(x), `x = ${x}`).toEqual({ text: true, panel: false });
    const cells = await page.locator('.row').nth(1).locator('.cell').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().width));
    expect(cells).toHaveLength(2);
    for (const width of cells) expect(width).toBeGreaterThan(300);
    expect(await serious(page)).toEqual([]);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'search-en-light-900.png') });
    await page.keyboard.press('Escape');
    await expect(page.locator('#search-panel')).toBeHidden();
  });
});
