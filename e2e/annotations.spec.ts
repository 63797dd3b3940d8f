import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { AnnotationStore } from '../src-main/core/annotations/store';
import { makeAnnotation } from '../src-main/core/annotations/testing/fixtures';
import { newUserDataDir, startHarness } from './helpers/harness';

/** Finished exports in a folder (not the temporary files of a write in progress). */
function exportsIn(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => !f.startsWith('.') && !f.endsWith('.tmp')).sort() : [];
}

async function open(page: Page, address: string) {
  await page.goto(address);
  await expect(page.locator('[data-row-id]').first()).toBeVisible();
  // The text moves when the web font arrives: measure only after that.
  await page.evaluate(() => document.fonts.ready);
}

/** Drags the mouse across part of the first English clause of a row: a real selection. */
async function selectWithMouse(page: Page, row: number, fromX: number, toX: number) {
  const clause = page.locator('[data-row-id]').nth(row).locator('.cell[lang="en"] .clause').first();
  const box = (await clause.boundingBox())!;
  await page.mouse.move(box.x + fromX, box.y + 10);
  await page.mouse.down();
  await page.mouse.move(box.x + toX, box.y + 10, { steps: 6 });
  await page.mouse.up();
}

test('select, highlight, note, restart, edit, delete and undo', async ({ page }) => {
  const userDataDir = newUserDataDir();
  let harness = await startHarness({ userDataDir });
  try {
    await open(page, harness.url);
    await selectWithMouse(page, 1, 3, 280);
    const bar = page.getByRole('toolbar', { name: 'Highlight or note the selection' });
    await expect(bar).toBeVisible();
    await bar.getByRole('button', { name: 'Highlight in Green' }).click();
    const mark = page.locator('[data-row-id]').nth(1).locator('mark.anno.swatch-green');
    await expect(mark.first()).toBeVisible();
    // The selection snaps to whole words.
    expect((await mark.allTextContents()).join('')).toMatch(/^Expressing our deep( [a-z ]*[a-z])?$/);

    // A note with line breaks and tags, from the keyboard, on a whole clause.
    await page.locator('[data-row-id]').nth(2).locator('.cell[lang="ru"] .clause').first().focus();
    await page.keyboard.press('Control+Shift+N');
    const editor = page.getByRole('dialog', { name: 'New note' });
    await expect(editor.getByRole('textbox', { name: 'Note' })).toBeFocused();
    await page.keyboard.type('First line');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Second line');
    await page.keyboard.press('Tab');
    await expect(editor.getByRole('textbox', { name: 'Tags' })).toBeFocused();
    await page.keyboard.type('grief, #wording');
    await editor.getByLabel('Pink').check();
    await page.keyboard.press('Control+Enter');
    await expect(editor).toBeHidden();
    await expect(page.locator('[data-row-id]').nth(2).locator('.cell[lang="ru"] mark.anno.swatch-pink.note-end')).toHaveCount(1);

    // A comparison note on a whole row.
    await page.locator('[data-row-id]').nth(3).locator('.clause').first().focus();
    await page.keyboard.press('r');
    const rowEditor = page.getByRole('dialog', { name: /Comparison note on paragraph/ });
    await expect(rowEditor.getByRole('textbox', { name: 'Note' })).toBeFocused();
    await page.keyboard.type('Both versions list the same people.');
    await rowEditor.getByRole('button', { name: 'Save' }).click();
    await expect(page.locator('[data-row-id]').nth(3).locator('.row-note')).toContainText('Both versions list the same people.');
  } finally {
    await harness.stop();
  }

  harness = await startHarness({ userDataDir });
  try {
    await open(page, harness.url);
    await expect(page.locator('mark.anno')).toHaveCount(2);
    await expect(page.locator('.row-note')).toHaveCount(1);
    await page.getByRole('button', { name: /^Notes \(3\)$/ }).click();
    const panel = page.getByRole('complementary', { name: 'Notes', exact: true });
    await expect(panel.locator('.annotation-item')).toHaveCount(3);
    await expect(panel.locator('.annotation-note').first()).toHaveText('First line\nSecond line');

    // Filters: by colour, by tag, by language, by text.
    await panel.getByLabel('Colour', { exact: true }).selectOption('pink');
    await expect(panel.locator('.annotation-item')).toHaveCount(1);
    await panel.getByLabel('Colour', { exact: true }).selectOption('');
    await panel.getByLabel('Tag', { exact: true }).selectOption('wording');
    await expect(panel.locator('.annotation-item')).toHaveCount(1);
    await panel.getByLabel('Tag', { exact: true }).selectOption('');
    await panel.getByLabel('Language', { exact: true }).selectOption('both');
    await expect(panel.locator('.annotation-item')).toHaveCount(1);
    await panel.getByLabel('Language', { exact: true }).selectOption('');
    await panel.getByRole('searchbox', { name: 'Filter' }).click();
    await page.keyboard.type('expressing');
    await expect(panel.locator('.annotation-item')).toHaveCount(1);
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Backspace');

    // Edit through the highlight itself.
    await page.locator('mark.anno.swatch-green').first().click();
    const edit = page.getByRole('dialog', { name: 'Edit note' });
    await expect(edit.getByRole('textbox', { name: 'Note' })).toBeFocused();
    await page.keyboard.type('Concern, not concerns, in Russian.');
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect(panel.getByText('Concern, not concerns, in Russian.')).toBeVisible();

    // Delete, then undo.
    const item = panel.locator('.annotation-item').filter({ hasText: 'Concern, not concerns' });
    await item.getByRole('button', { name: 'Delete' }).click();
    await expect(panel.locator('.annotation-item')).toHaveCount(2);
    await expect(page.locator('mark.anno.swatch-green')).toHaveCount(0);
    await page.locator('.undo-bar').getByRole('button', { name: 'Undo' }).click();
    await expect(panel.locator('.annotation-item')).toHaveCount(3);
    await expect(page.locator('mark.anno.swatch-green')).toHaveCount(1);
    await item.getByRole('button', { name: 'Delete' }).click();
    await page.locator('body').click({ position: { x: 5, y: 500 } });
    await page.keyboard.press('Control+z');
    await expect(panel.locator('.annotation-item')).toHaveCount(3);

    // Both exports, read back from the harness's export folder.
    await panel.getByRole('button', { name: 'Export Markdown' }).click();
    await panel.getByRole('button', { name: 'Export JSON-LD' }).click();
    const exports = join(userDataDir, 'exports');
    await expect.poll(() => exportsIn(exports).map((f) => f.split('.').pop())).toEqual(['jsonld', 'md']);
    const files = exportsIn(exports);
    const md = readFileSync(join(exports, files.find((f) => f.endsWith('.md'))!), 'utf8');
    expect(md).toContain('Concern, not concerns, in Russian.');
    expect(md).toContain('#wording');
    expect(md).toContain('Both versions list the same people.');
    expect(md).toMatch(/Мы, министры|Выражая/);
    const jsonld = JSON.parse(readFileSync(join(exports, files.find((f) => f.endsWith('.jsonld'))!), 'utf8')) as Record<string, unknown>;
    expect(JSON.stringify(jsonld)).toContain('http://www.w3.org/ns/anno.jsonld');
    expect(JSON.stringify(jsonld)).toContain('TextQuoteSelector');
    expect(JSON.stringify(jsonld).match(/urn:uuid:/g)?.length).toBeGreaterThanOrEqual(3);
  } finally {
    await harness.stop();
  }
});

test('importing an export merges by id without duplicates', async ({ page }) => {
  const source = newUserDataDir();
  let harness = await startHarness({ userDataDir: source });
  let content = '';
  try {
    await open(page, harness.url);
    await page.locator('[data-row-id]').nth(4).locator('.clause').first().focus();
    await page.keyboard.press('Control+Shift+H');
    await expect(page.locator('mark.anno')).toHaveCount(1);
    await page.keyboard.press('a');
    await page.getByRole('button', { name: 'Export JSON-LD' }).click();
    const dir = join(source, 'exports');
    await expect.poll(() => exportsIn(dir).length).toBe(1);
    content = readFileSync(join(dir, exportsIn(dir)[0]!), 'utf8');
  } finally {
    await harness.stop();
  }
  harness = await startHarness();
  try {
    await open(page, harness.url);
    await page.keyboard.press('a');
    const input = page.locator('input[type="file"]');
    for (let i = 0; i < 2; i++) {
      await input.setInputFiles({ name: 'notes.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from(content) });
    }
    await expect(page.locator('.annotation-item')).toHaveCount(1);
    await expect(page.locator('mark.anno')).toHaveCount(1);
    await input.setInputFiles({ name: 'junk.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from('{"not": "annotations"') });
    await expect(page.getByRole('status').filter({ hasText: 'The notes were not imported' })).toHaveCount(1);
    await expect(page.locator('.annotation-item')).toHaveCount(1);
  } finally {
    await harness.stop();
  }
});

test('a corrupt notes file is kept aside and the reader is told', async ({ page }) => {
  const userDataDir = newUserDataDir();
  const { mkdirSync, writeFileSync } = await import('node:fs');
  mkdirSync(join(userDataDir, 'annotations'), { recursive: true });
  writeFileSync(join(userDataDir, 'annotations', 'asean-russia-covid19-2020.json'), '{ this is not json');
  const harness = await startHarness({ userDataDir });
  try {
    await open(page, harness.url);
    await expect(page.getByRole('alert').filter({ hasText: 'could not be read' })).toBeVisible();
    const kept = readdirSync(join(userDataDir, 'annotations')).filter((f) => f.includes('.corrupt-'));
    expect(kept).toHaveLength(1);
    expect(readFileSync(join(userDataDir, 'annotations', kept[0]!), 'utf8')).toBe('{ this is not json');
  } finally {
    await harness.stop();
  }
});

test('damage in the notes journal: the rest is recovered, and the reader is told how many notes may be affected', async ({ page }) => {
  const userDataDir = newUserDataDir();
  const documentId = 'asean-russia-covid19-2020';
  const store = AnnotationStore.inUserData(userDataDir, { log: () => undefined });
  for (let n = 0; n < 4; n++) await store.create(makeAnnotation(n, { documentId }));
  await store.close();
  const journal = join(userDataDir, 'annotations', `${documentId}.journal`);
  const lines = readFileSync(journal, 'utf8').split('\n');
  lines[1] = lines[1]!.replace('quoted words', 'quoted wordz'); // one change's checksum no longer holds
  const { writeFileSync } = await import('node:fs');
  writeFileSync(journal, lines.join('\n'));
  const harness = await startHarness({ userDataDir });
  try {
    await open(page, harness.url);
    await expect(page.getByRole('alert').filter({ hasText: '1 note may be missing or in an older version' })).toBeVisible();
    const kept = readdirSync(join(userDataDir, 'annotations')).filter((f) => f.includes('.journal.corrupt-'));
    expect(kept).toHaveLength(1);
    await expect(page.getByRole('alert')).toContainText(kept[0]!);
  } finally {
    await harness.stop();
  }
});
