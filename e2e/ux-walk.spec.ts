/**
 * What a new user's walk through the reader (keyboard only, both interface languages) found and
 * what was mended: a short side panel's background stopped under its last button, leaving the page
 * showing through below it; the Split dialog's captions ran against their frames.
 */
import { expect, type Page, test } from '@playwright/test';
import { ipc, newUserDataDir, readersPerFile, startHarness } from './helpers/harness';
import { pressRussian, typeRussian as typeRussianText } from './helpers/russian-keyboard';

const open = readersPerFile();

/** Imports two small texts through the library's Import dialog, by the keyboard (the files given as a file chooser would). */
async function importTexts(page: Page) {
  await page.getByRole('button', { name: 'Library', exact: true }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Import texts…' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Import texts' });
  await dialog.getByLabel('English file').setInputFiles({ name: 'meeting-en.txt', mimeType: 'text/plain', buffer: Buffer.from('The Meeting\n\nThe ministers met in Hanoi.\n') });
  await dialog.getByLabel('Russian file').setInputFiles({ name: 'meeting-ru.txt', mimeType: 'text/plain', buffer: Buffer.from('Встреча\n\nМинистры встретились в Ханое.\n') });
  const go = dialog.getByRole('button', { name: 'Import', exact: true });
  await expect(go).toBeEnabled({ timeout: 30_000 });
  await go.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-row-id]').filter({ hasText: 'The ministers met in Hanoi.' })).toBeVisible({ timeout: 30_000 });
}

test('a side panel with little in it still reaches the foot of the window', async ({ page }) => {
  await open(page);
  // The glossary (empty), the checks, the bookmarks (empty): short panels, each opened by its key.
  for (const [key, id] of [
    ['Shift+KeyG', 'glossary-panel'],
    ['Shift+KeyC', 'checks-panel'],
    ['Shift+KeyB', 'bookmarks-panel'],
  ] as const) {
    await page.keyboard.press(key);
    const panel = page.locator(`#${id}`);
    await expect(panel).toBeVisible();
    await expect(panel.getByRole('button').last()).toBeVisible();
    const box = await panel.boundingBox();
    expect(box, id).not.toBeNull();
    expect(Math.round(box!.y + box!.height), `${id} reaches the foot of the window`).toBe(900);
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
  }
});

test('the Split dialog keeps its captions and texts clear of their frames and quotes the word in Russian (Russian interface, Russian layout)', async ({ page }) => {
  await open(page, 'ru-RU');
  await pressRussian(page, 'KeyE');
  await pressRussian(page, 'KeyX');
  const dialog = page.getByRole('dialog', { name: 'Разделение строки' });
  await expect(dialog.locator('input[type="range"]').first()).toBeFocused();
  // The word is quoted as Russian quotes it (it had English quotes in the Russian interface).
  await expect(dialog.locator('output').first()).toHaveText(/^«[^«»“”]+», слово \d+ из \d+$/);
  await expect(dialog.locator('output').last()).toHaveText(/^«[^«»“”]+», слово \d+ из \d+$/);
  const gaps = await dialog.locator('.split-side').evaluateAll((sides) =>
    sides.map((side) => {
      const frame = side.getBoundingClientRect();
      const label = side.querySelector('.split-label')!.getBoundingClientRect();
      const text = side.querySelector('.split-preview')!.getBoundingClientRect();
      return { top: label.top - frame.top, left: label.left - frame.left, textLeft: text.left - frame.left, right: frame.right - text.right };
    }),
  );
  expect(gaps).toHaveLength(2);
  for (const gap of gaps) {
    for (const [edge, px] of Object.entries(gap)) expect(px, edge).toBeGreaterThanOrEqual(8);
  }
  await pressRussian(page, 'Escape');
  await expect(dialog).toBeHidden();
});

test('a CSV glossary with a quote never closed is refused in each language, naming the line; the glossary keeps its terms', async ({ page }) => {
  const unclosed = Buffer.from('en,ru\npandemic,"пандемия\nhealth care,здравоохранение\nWHO,ВОЗ\n');
  for (const [lang, text] of [
    ['en-US', 'Could not import “terms.csv”: line 2 opens a quote (") that is never closed'],
    ['ru-RU', 'Не удалось импортировать «terms.csv»: в строке 2 открыта кавычка ("), которая нигде не закрыта'],
  ] as const) {
    await open(page, lang);
    await page.keyboard.press('Shift+KeyG');
    const panel = page.locator('#glossary-panel');
    await expect(panel.locator('[data-autofocus]')).toBeFocused();
    // One term of one's own first, typed into the editor.
    await page.keyboard.press('Enter');
    await page.keyboard.type('vaccine');
    await page.keyboard.press('Tab');
    await typeRussianText(page, 'вакцина');
    await page.keyboard.press('Enter');
    await expect(panel.locator('.glossary-entry')).toHaveCount(1);
    await panel.locator('input[type="file"]').setInputFiles({ name: 'terms.csv', mimeType: 'text/csv', buffer: unclosed });
    await expect(panel.locator('.glossary-status')).toContainText(text);
    await expect(panel.locator('.glossary-status')).toHaveClass(/is-error/);
    await expect(panel.locator('.glossary-entry')).toHaveCount(1);
    await expect(panel.locator('.glossary-entry')).toContainText('вакцина');
    await page.keyboard.press('Escape');
  }
});

test("the library's document button keeps its focus ring off the file-name line under it; Rename and Remove name their document", async ({ page }) => {
  // A harness of its own: the imported document would be the one the others open next.
  const harness = await startHarness({ userDataDir: newUserDataDir() });
  try {
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(harness.url);
    await expect(page.locator('[data-row-id]').first()).toBeVisible();
    await libraryRing(page);
  } finally {
    await harness.stop();
  }
});

async function libraryRing(page: Page) {
  await importTexts(page);
  await page.getByRole('button', { name: 'Library', exact: true }).focus();
  await page.keyboard.press('Enter');
  const row = page.locator('tbody tr').filter({ hasText: 'meeting-en.txt' });
  await expect(row).toBeVisible();
  // Tab from the page's start to the document's button.
  const button = row.locator('.library-open');
  for (let i = 0; i < 20 && !(await button.evaluate((b) => b === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(button).toBeFocused();
  const ring = await button.evaluate((b) => {
    const style = getComputedStyle(b);
    return b.getBoundingClientRect().bottom + parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset);
  });
  const origin = await row.locator('.library-origin').boundingBox();
  expect(origin!.y, 'the file names start below the focus ring').toBeGreaterThanOrEqual(ring);
  // Tab on: Rename and Remove say which document they act on, as Edit details does.
  await page.keyboard.press('Tab');
  await expect(row.getByRole('button', { name: 'Rename' })).toBeFocused();
  await expect(row.getByRole('button', { name: 'Rename' })).toHaveAccessibleDescription('The Meeting');
  await page.keyboard.press('Tab');
  await expect(row.getByRole('button', { name: 'Edit details: The Meeting' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(row.getByRole('button', { name: 'Remove' })).toBeFocused();
  await expect(row.getByRole('button', { name: 'Remove' })).toHaveAccessibleDescription('The Meeting');
}

test('a focused linked term goes into the glossary editor with its counterpart, in each column, and the focus comes back to it', async ({ page }) => {
  const harness = await open(page);
  // The row's links are computed once in main's worker; asked for ahead so the keys need not wait.
  await ipc(harness, 'compare:links', { documentId: 'asean-russia-covid19-2020', rowIds: ['r2-0'] });
  const row = page.locator('.row[data-row-id="r2-0"]');
  for (const lang of ['en', 'ru'] as const) {
    await row.locator(`.cell[lang="${lang}"] .clause`).first().focus();
    // The keys go through the terms drawn in the focused row: wait until they are.
    await expect(row.locator(`.cell[lang="${lang}"] .term`).nth(1)).toBeAttached();
    // ] twice: the row's second linked term in this column, on a Russian layout (х is the ] key).
    await pressRussian(page, 'BracketRight');
    await pressRussian(page, 'BracketRight');
    const term = page.locator('.term:focus');
    await expect(term).toHaveCount(1);
    const id = await term.getAttribute('id');
    const link = await term.getAttribute('data-link');
    const own = (await term.innerText()).trim();
    const other = lang === 'en' ? 'ru' : 'en';
    const counterpart = (await row.locator(`.cell[lang="${other}"] .term[data-link="${link}"]`).first().innerText()).trim();
    await pressRussian(page, 'KeyG', { ctrl: true, shift: true });
    const editor = page.getByRole('dialog', { name: 'Add to glossary' });
    await expect(editor.getByLabel('English term')).toHaveValue(lang === 'en' ? own : counterpart);
    await expect(editor.getByLabel('Russian term')).toHaveValue(lang === 'ru' ? own : counterpart);
    await pressRussian(page, 'Escape');
    await expect(editor).toBeHidden();
    // Back on the same term (drawn again once its row had the focus), not on the page.
    await expect(page.locator(`[id="${id}"]`)).toBeFocused();
  }
});

test('search closed after going to a match leaves the focus at the match, so J reads on from there', async ({ page }) => {
  await open(page, 'ru-RU');
  // Search opened at the top (/ on a Russian layout is the . key: Slash), a word typed, Enter.
  await pressRussian(page, 'Slash');
  const input = page.locator('#search-input');
  await expect(input).toBeFocused();
  await typeRussianText(page, 'здоровья');
  await expect(page.locator('.search-panel')).toContainText('3 совпадения');
  await pressRussian(page, 'Enter');
  await expect(page.locator('.reading-progress')).toContainText('¶ 2 ');
  await pressRussian(page, 'Escape');
  await expect(page.locator('.search-panel')).toBeHidden();
  // The focus is on the match's clause (¶ 2, Russian column), not back in ¶ 1.
  expect(await page.evaluate(() => document.activeElement?.closest('.cell')?.getAttribute('lang'))).toBe('ru');
  await expect(page.locator('.clause:focus')).toContainText('здоровья');
  await pressRussian(page, 'KeyJ');
  await expect(page.locator('.reading-progress')).toContainText('¶ 3 ');
});

test('a regular expression that does not compile is explained in the interface language, without the engine’s English', async ({ page }) => {
  await open(page, 'ru-RU');
  await pressRussian(page, 'Slash');
  await expect(page.locator('#search-input')).toBeFocused();
  // The "Регулярное выражение" option, then back to the field for a pattern with a "(" not closed.
  await page.getByRole('radio', { name: 'Регулярное выражение' }).focus();
  await pressRussian(page, 'Space');
  await expect(page.getByRole('radio', { name: 'Регулярное выражение' })).toBeChecked();
  await page.locator('#search-input').focus();
  await typeRussianText(page, 'здоров(');
  const problem = page.locator('#search-problem');
  await expect(problem).toHaveText('Неверное регулярное выражение: скобка «(» не закрыта скобкой «)».');
  await pressRussian(page, 'Backspace');
  await expect(problem).toBeHidden();
  await expect(page.locator('.search-status')).toContainText('3 совпадения');
});

test('undoing a glossary deletion puts the focus on the term it brought back', async ({ page }) => {
  await open(page);
  await page.keyboard.press('Shift+KeyG');
  const panel = page.locator('#glossary-panel');
  await expect(panel.locator('[data-autofocus]')).toBeFocused();
  for (const [en, ru] of [
    ['solidarity', 'солидарность'],
    ['outbreak', 'вспышка'],
  ] as const) {
    await page.keyboard.press('Enter');
    await page.keyboard.type(en);
    await page.keyboard.press('Tab');
    await typeRussianText(page, ru);
    await page.keyboard.press('Enter');
    await expect(panel.locator('.glossary-entry', { hasText: ru })).toHaveCount(1);
  }
  const remove = panel.getByRole('button', { name: 'Delete: outbreak — вспышка' });
  await remove.focus();
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('button', { name: 'Undo' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('button', { name: 'Edit: outbreak — вспышка' })).toBeFocused();
  await page.keyboard.press('Escape');
});

test('at 900 px a toast shows above an open sheet; the glossary Add button’s ring clears the Filter label', async ({ page }) => {
  await open(page, 'en-US', 900);
  await page.keyboard.press('Shift+KeyG');
  const panel = page.locator('#glossary-panel');
  const add = panel.locator('[data-autofocus]');
  await expect(add).toBeFocused();
  const ringBottom = await add.evaluate((b) => {
    const style = getComputedStyle(b);
    return b.getBoundingClientRect().bottom + parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset);
  });
  const label = await panel.locator('label[for="glossary-filter"]').boundingBox();
  // Clear of it, not touching it (1.4 px apart before).
  expect(label!.y - ringBottom, 'room between the focus ring and the Filter label').toBeGreaterThanOrEqual(4);
  await page.keyboard.press('Enter');
  await page.keyboard.type('lockdown');
  await page.keyboard.press('Tab');
  await typeRussianText(page, 'локдаун');
  await page.keyboard.press('Enter');
  const toast = page.locator('.toast');
  await expect(toast).toContainText('lockdown');
  const [toastBox, sheetBox] = [await toast.boundingBox(), await panel.boundingBox()];
  expect(toastBox!.y + toastBox!.height, 'the toast ends above the sheet').toBeLessThanOrEqual(sheetBox!.y);
});

test('the notes panel’s Order select shows its whole value in the Russian interface', async ({ page }) => {
  await open(page, 'ru-RU');
  await pressRussian(page, 'KeyA');
  const order = page.getByRole('combobox', { name: 'Порядок' });
  await expect(order).toBeVisible();
  const room = await order.evaluate((select: HTMLSelectElement) => {
    const style = getComputedStyle(select);
    const context = document.createElement('canvas').getContext('2d')!;
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const text = context.measureText(select.selectedOptions[0]!.text).width;
    // What the value has: the box less its padding, its border and the arrow (about 20 px).
    const inner = select.getBoundingClientRect().width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 2 - 20;
    return inner - text;
  });
  expect(room).toBeGreaterThanOrEqual(0);
});

test('a rendering sent from the concordance to the glossary keeps the focus in the concordance when it counts again', async ({ page }) => {
  await open(page);
  await page.keyboard.press('Shift+KeyF');
  const panel = page.locator('#concordance-panel');
  await expect(page.locator('#concordance-input')).toBeFocused();
  await page.keyboard.type('pandemic');
  const toGlossary = panel.locator('.rendering-item .tool-button').first();
  await expect(toGlossary).toBeVisible();
  // Down the panel by Tab to the first rendering's "To glossary…".
  for (let i = 0; i < 10 && !(await toGlossary.evaluate((b) => b === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(toGlossary).toBeFocused();
  await page.keyboard.press('Enter');
  const editor = page.getByRole('dialog', { name: 'Add to glossary' });
  await expect(editor.getByLabel('English term')).toHaveValue('pandemic');
  // Saved: the glossary changed, so the concordance counts the renderings again.
  const recount = page.waitForResponse((r) => decodeURIComponent(r.url()).includes('compare:concordance'));
  await page.keyboard.press('Enter');
  await expect(editor).toBeHidden();
  await recount;
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await expect(panel.locator(':focus')).toHaveCount(1);
  await expect(page.locator('body')).not.toBeFocused();
});

test('opening and closing a side panel leaves the row being read where it was', async ({ page }) => {
  await open(page);
  await page.keyboard.press('KeyG');
  await page.keyboard.type('7');
  await page.keyboard.press('Enter');
  const pill = page.locator('.reading-progress');
  await expect(pill).toContainText('¶ 7 ');
  const row = page.locator('.clause:focus').locator('xpath=ancestor::*[@data-row-line][1]');
  const line = await row.getAttribute('data-row-line');
  const at = page.locator(`[data-row-line="${line}"]`);
  const top = async () => Math.round((await at.boundingBox())!.y);
  const before = await top();
  for (const [key, id] of [
    ['Shift+KeyC', 'checks-panel'],
    ['Shift+KeyG', 'glossary-panel'],
  ] as const) {
    await page.keyboard.press(key);
    await expect(page.locator(`#${id}`)).toBeVisible();
    await expect(page.locator(`#${id} button`).last()).toBeVisible();
    // The columns are narrower and every row above is taller: the row read stays put all the same.
    await expect.poll(top).toBeGreaterThanOrEqual(before - 16);
    expect(await top()).toBeLessThanOrEqual(before + 16);
    await expect(pill).toContainText('¶ 7 ');
    await page.keyboard.press('Escape');
    await expect(page.locator(`#${id}`)).toBeHidden();
    await expect.poll(top).toBeLessThanOrEqual(before + 16);
    expect(await top()).toBeGreaterThanOrEqual(before - 16);
    await expect(pill).toContainText('¶ 7 ');
    // Back in the text for the next panel's key.
    await at.locator('.clause').first().focus();
  }
});
