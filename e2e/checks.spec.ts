/**
 * The consistency checks and the glossary, with the keyboard: a pair imported with a date changed
 * shows the finding and a mark on its row; Enter jumps to it; it is dismissed (saved) and brought
 * back; the list is exported. Terms are added from a selection in each column, marked in both
 * columns, edited, deleted and restored, imported and exported; a glossary change refreshes the
 * checks. Shortcuts are pressed as a Russian layout sends them too (code KeyC, key "С").
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { focusedRowLine } from './helpers/fixture';
import { newUserDataDir, ROOT, type RunningHarness, startHarness } from './helpers/harness';

const STATEMENT = join(ROOT, 'resources/documents/asean-russia-covid19-2020');
const paragraphs = (lang: 'en' | 'ru', n: number) => readFileSync(join(STATEMENT, `${lang}.txt`), 'utf8').split(/\n\s*\n/).slice(0, n);

function exportsIn(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => !f.startsWith('.') && !f.endsWith('.tmp')).sort() : [];
}

/** A shortcut as a Russian layout sends it: the physical key's code, the Cyrillic letter as key. */
async function pressOnRussianLayout(page: Page, code: string, key: string, modifiers: { shiftKey?: boolean; ctrlKey?: boolean } = {}) {
  await page.evaluate(
    ({ code, key, modifiers }) => {
      const target = document.activeElement ?? document.body;
      target.dispatchEvent(new KeyboardEvent('keydown', { key, code, bubbles: true, cancelable: true, ...modifiers }));
    },
    { code, key, modifiers },
  );
}

/** Tabs forward until the focused element matches the selector (and has this text), at most `max` presses. */
async function tabTo(page: Page, selector: string, text?: string, max = 40) {
  for (let i = 0; i < max; i++) {
    const found = await page.evaluate(
      ({ selector, text }) => !!document.activeElement?.matches(selector) && (text === undefined || document.activeElement.textContent?.trim() === text),
      { selector, text },
    );
    if (found) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector} ${text ?? ''}`);
}

/** Selects `phrase` inside the first clause of a row's column that holds it, as a mouse drag would. */
async function selectPhrase(page: Page, rowIndex: number, lang: 'en' | 'ru', phrase: string) {
  // Start from no selection (the bar goes), so the bar that shows next is this selection's.
  await page.evaluate(() => window.getSelection()?.removeAllRanges());
  await expect(page.getByRole('toolbar', { name: 'Highlight or note the selection' })).toBeHidden();
  await page.evaluate(
    ({ rowIndex, lang, phrase }) => {
      const clauses = [...document.querySelectorAll<HTMLElement>(`[data-row-line="${rowIndex}"] .cell[lang="${lang}"] .clause`)];
      for (const clause of clauses) {
        const walker = document.createTreeWalker(clause, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.textContent?.indexOf(phrase) ?? -1;
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + phrase.length);
          const selection = window.getSelection()!;
          selection.removeAllRanges();
          selection.addRange(range);
          return;
        }
      }
      throw new Error(`“${phrase}” not found`);
    },
    { rowIndex, lang, phrase },
  );
  await expect(page.getByRole('toolbar', { name: 'Highlight or note the selection' })).toBeVisible();
}

test('a date changed in the Russian text: the finding, its mark, jump, dismiss, bring back, export', async ({ page }) => {
  const userDataDir = newUserDataDir();
  const harness: RunningHarness = await startHarness({ userDataDir });
  try {
    await page.goto(harness.url);
    await expect(page.locator('[data-row-id]').first()).toBeVisible();
    // Import the first paragraphs of the statement with one date changed in the Russian version.
    const en = paragraphs('en', 8).join('\n\n');
    const ru = paragraphs('ru', 8)
      .join('\n\n')
      .replace(/11(\s)марта/u, '12$1марта');
    expect(ru).toContain('12\u00a0марта');
    await page.getByRole('button', { name: 'Library' }).click();
    await page.getByRole('button', { name: 'Import texts…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import texts' });
    await dialog.getByLabel('English file').setInputFiles({ name: 'planted-en.txt', mimeType: 'text/plain', buffer: Buffer.from(en) });
    await dialog.getByLabel('Russian file').setInputFiles({ name: 'planted-ru.txt', mimeType: 'text/plain', buffer: Buffer.from(ru) });
    await dialog.getByLabel('English title').click();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Planted date');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.locator('.app-document')).toHaveText('Planted date', { timeout: 30_000 });

    // One mark, on the row with the date, naming the kind.
    const marks = page.locator('.flag-finding');
    await expect(marks).toHaveCount(1, { timeout: 20_000 });
    await expect(marks.first()).toHaveAccessibleName('Checks: Dates');
    const markedRow = Number(await marks.first().evaluate((el) => el.closest<HTMLElement>('[data-row-line]')!.dataset.rowLine));
    await expect(page.locator(`[data-row-line="${markedRow}"] .cell[lang="en"]`)).toContainText('11 March 2020');

    // Shift+C on a Russian layout opens the Checks panel, with the focus on its first finding.
    await page.locator('[data-row-line="0"] .clause').first().focus();
    await pressOnRussianLayout(page, 'KeyC', 'С', { shiftKey: true });
    const panel = page.getByRole('complementary', { name: 'Checks' });
    await expect(panel).toBeVisible();
    await expect(panel.locator('[data-finding-jump]').first()).toBeFocused();
    await expect(panel.getByRole('status').first()).toContainText('1 finding in');
    const finding = panel.locator('.finding-entry');
    await expect(finding).toHaveCount(1);
    await expect(finding).toHaveAttribute('data-kind', 'date');
    await expect(finding).toContainText('11 March 2020');
    await expect(finding).toContainText('12 марта 2020 г.');
    await expect(finding).toContainText('different on the two sides');
    await expect(panel.getByRole('heading', { name: /Dates \(1\)/ })).toBeVisible();

    // Enter on the finding jumps to its row.
    await tabTo(page, '[data-finding-jump]');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedRowLine(page)).toBe(markedRow);

    // The row's mark opens the panel on that row's findings.
    await marks.first().focus();
    await page.keyboard.press('Enter');
    await expect(panel.locator('[data-finding-jump]').first()).toBeFocused();
    await expect(panel).toContainText(/Findings on paragraph \d+ only/);

    // Dismiss it from the keyboard: the mark goes, the list is empty, the focus stays in the panel.
    await tabTo(page, '.finding-dismiss');
    await expect(page.locator('.finding-dismiss')).toHaveAccessibleName(/^Dismiss: ¶ \d+, Dates$/);
    await page.keyboard.press('Enter');
    await expect(finding).toHaveCount(0);
    await expect(marks).toHaveCount(0);
    expect(await page.evaluate(() => !!document.activeElement?.closest('#checks-panel'))).toBe(true);
    await panel.getByRole('button', { name: 'Show all' }).focus();
    await page.keyboard.press('Enter');
    await expect(panel).toContainText('No differences found');

    // Saved: still dismissed after a reload.
    await page.reload();
    await expect(page.locator('[data-row-id]').first()).toBeVisible();
    await page.locator('.clause').first().focus();
    await page.keyboard.press('Shift+C');
    await expect(panel.getByRole('status').first()).toContainText('0 findings in');
    await expect(panel.getByRole('status').first()).toContainText('1 dismissed');
    await expect(marks).toHaveCount(0);

    // Show dismissed, bring it back: the mark returns.
    await tabTo(page, 'input[type="checkbox"]');
    await page.keyboard.press('Space');
    await expect(finding).toHaveCount(1);
    await expect(finding).toHaveClass(/is-dismissed/);
    await tabTo(page, '.finding-dismiss');
    await expect(page.locator('.finding-dismiss')).toHaveText('Restore');
    await page.keyboard.press('Enter');
    await expect(marks).toHaveCount(1);
    await expect(finding).not.toHaveClass(/is-dismissed/);

    // Export as Markdown and CSV: both name the row's date on both sides.
    const dir = join(userDataDir, 'exports');
    await tabTo(page, 'button', 'Export Markdown');
    await page.keyboard.press('Enter');
    await expect.poll(() => exportsIn(dir).filter((f) => f.endsWith('-checks.md')).length).toBe(1);
    await tabTo(page, 'button', 'Export CSV');
    await page.keyboard.press('Enter');
    await expect.poll(() => exportsIn(dir).filter((f) => f.endsWith('-checks.csv')).length).toBe(1);
    const md = readFileSync(join(dir, exportsIn(dir).find((f) => f.endsWith('.md'))!), 'utf8');
    expect(md).toContain('1 open, 0 dismissed.');
    expect(md).toMatch(/\| date \| different \| en: 11 March 2020; ru: 12\s?марта 2020\s?г\. \|/u);
    const csv = readFileSync(join(dir, exportsIn(dir).find((f) => f.endsWith('.csv'))!), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('row,row id,kind,detail,items,english,russian,dismissed');
    expect(csv).toContain(',date,different,');

    // Esc closes the panel; the focus goes back to the text.
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    expect(await page.evaluate(() => !!document.activeElement?.closest('#reader, .app-main'))).toBe(true);
  } finally {
    await harness.stop();
  }
});

test('glossary: a term from a selection in each column, marked in both; edit, delete, undo, import, export; the checks follow', async ({ page }) => {
  const userDataDir = newUserDataDir();
  const harness = await startHarness({ userDataDir });
  try {
    await page.goto(harness.url);
    await expect(page.locator('[data-row-id]').first()).toBeVisible();
    const row = 1; // "… the World Health Organisation (WHO) declared …"
    await expect(page.locator('.flag-finding').first()).toBeVisible({ timeout: 20_000 });

    // Select the English term, then the Russian one in the same row, and ask with the shortcut.
    await selectPhrase(page, row, 'en', 'World Health Organisation');
    await selectPhrase(page, row, 'ru', 'Всемирная организация здравоохранения');
    await page.keyboard.press('Control+Shift+G');
    const editor = page.getByRole('dialog', { name: 'Add to glossary' });
    await expect(editor).toBeVisible();
    await expect(editor.getByRole('textbox', { name: 'English term' })).toHaveValue('World Health Organisation');
    await expect(editor.getByRole('textbox', { name: 'Russian term' })).toHaveValue('Всемирная организация здравоохранения');
    await expect(editor.getByRole('textbox', { name: 'English term' })).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(editor.getByRole('textbox', { name: 'Note (optional)' })).toBeFocused();
    // Letters that are shortcuts outside the dialog type into it.
    await page.keyboard.type('WHO; also ВОЗ');
    await page.keyboard.press('Control+Enter');
    await expect(editor).toBeHidden();

    // Marked in both columns of the row (a subtle underline), named in the tooltip.
    const enTerm = page.locator(`[data-row-line="${row}"] .cell[lang="en"] mark.term`);
    const ruTerm = page.locator(`[data-row-line="${row}"] .cell[lang="ru"] mark.term`);
    await expect(enTerm).toHaveText('World Health Organisation');
    await expect(ruTerm).toHaveText('Всемирная организация здравоохранения');
    await expect(enTerm).toHaveAttribute('title', 'Glossary: World Health Organisation = Всемирная организация здравоохранения');

    // The glossary panel, opened with Shift+G on a Russian layout: the pair is listed.
    await page.locator(`[data-row-line="${row}"] .clause`).first().focus();
    await pressOnRussianLayout(page, 'KeyG', 'П', { shiftKey: true });
    const panel = page.getByRole('complementary', { name: 'Glossary' });
    await expect(panel).toBeVisible();
    await expect(panel.getByRole('button', { name: 'Add a term…' })).toBeFocused();
    await expect(panel.locator('.glossary-entry')).toHaveCount(1);
    await expect(panel.locator('.glossary-entry')).toContainText('WHO; also ВОЗ');

    // Edit the Russian term to another word form: still found in the text (matched by stems).
    await tabTo(page, '.glossary-entry button', 'Edit');
    await page.keyboard.press('Enter');
    const edit = page.getByRole('dialog', { name: 'Edit the term pair' });
    await expect(edit.getByRole('textbox', { name: 'English term' })).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Всемирной организации здравоохранения');
    await page.keyboard.press('Enter');
    await expect(edit).toBeHidden();
    await expect(panel.locator('.glossary-entry .glossary-ru')).toHaveText('Всемирной организации здравоохранения');
    await expect(ruTerm).toHaveText('Всемирная организация здравоохранения');

    // Delete, then undo.
    await tabTo(page, '.glossary-entry button', 'Delete');
    await page.keyboard.press('Enter');
    await expect(panel.locator('.glossary-entry')).toHaveCount(0);
    await expect(enTerm).toHaveCount(0);
    await expect(panel.getByRole('button', { name: 'Undo' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(panel.locator('.glossary-entry')).toHaveCount(1);
    // The marks come back once the worker has compared the text with the glossary again.
    await expect(ruTerm).toHaveText('Всемирная организация здравоохранения', { timeout: 30_000 });

    // Import a TSV: one good pair (whose Russian is not in the text: a glossary finding), one line without a Russian term.
    await panel.locator('input[type="file"]').setInputFiles({
      name: 'terms.tsv',
      mimeType: 'text/tab-separated-values',
      buffer: Buffer.from('en\tru\npandemic\tэпидемия\nsolidarity\t\n'),
    });
    await expect(panel.locator('.glossary-status')).toContainText('Imported 1 term pair (0 already there). 1 entry skipped');
    await expect(panel.locator('.glossary-entry')).toHaveCount(2);

    // Export TBX.
    await tabTo(page, 'button', 'Export TBX');
    await page.keyboard.press('Enter');
    const dir = join(userDataDir, 'exports');
    await expect.poll(() => exportsIn(dir).filter((f) => f.endsWith('.tbx')).length).toBe(1);
    const tbx = readFileSync(join(dir, exportsIn(dir).find((f) => f.endsWith('.tbx'))!), 'utf8');
    expect(tbx).toContain('World Health Organisation');
    expect(tbx).toContain('эпидемия');

    // The checks were refreshed: the glossary term whose equivalent is missing is a finding now.
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    await page.locator('.clause').first().focus();
    await page.keyboard.press('Shift+C');
    const checks = page.getByRole('complementary', { name: 'Checks' });
    await expect(checks.getByRole('heading', { name: /Glossary terms \(\d+\)/ })).toBeVisible();
    await expect(checks.locator('.finding-entry[data-kind="glossary"]').first()).toContainText('pandemic');
  } finally {
    await harness.stop();
  }
});
