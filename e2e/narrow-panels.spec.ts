/**
 * In a window 900 px wide, with the Russian interface (its labels and options are the longest),
 * every side panel and sheet fits: no control sticks out past the panel's edge and nothing makes
 * it scroll sideways — the notes panel's filter field and its Colour and Language selects used to
 * be cut at the right, and a long glossary term without spaces ran out of the glossary sheet.
 * Each panel is opened with its key on a Russian layout.
 */
import { expect, type Page, test } from '@playwright/test';
import { newUserDataDir, type RunningHarness, startHarness } from './helpers/harness';
import { pressRussian } from './helpers/russian-keyboard';

let harness: RunningHarness;
test.beforeEach(async () => {
  harness = await startHarness({ userDataDir: newUserDataDir(), systemLanguage: 'ru-RU' });
});
test.afterEach(async () => {
  await harness.stop();
});

/** What sticks out of the panel: its controls past its right edge, and its sideways overflow. */
const overflow = (page: Page, id: string) =>
  page.evaluate((panelId) => {
    const panel = document.getElementById(panelId);
    if (!panel) return { missing: true, cut: [], sideways: 0 };
    const right = panel.getBoundingClientRect().right;
    const cut = [...panel.querySelectorAll<HTMLElement>('input, select, textarea, button, .glossary-en, .glossary-ru')]
      .filter((el) => el.offsetParent !== null && el.getBoundingClientRect().right > right + 0.5)
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className ? `.${el.className}` : ''}`);
    return { missing: false, cut, sideways: panel.scrollWidth - panel.clientWidth };
  }, id);

test('at 900 px every panel fits its width in the Russian interface', async ({ page, request }) => {
  // A term with no space to break at (a long identifier, an address) in the glossary.
  const added = await request.post(`${harness.origin}/__ipc/glossary:add`, {
    headers: harness.headers,
    data: {
      hasPayload: true,
      payload: {
        documentId: 'asean-russia-covid19-2020',
        scope: 'document',
        entry: { en: 'WCO/WHO-HS-Classification-Reference-for-COVID-19-Medical-Supplies', ru: 'Справочник-классификатор-ВТамО/ВОЗ-ГС-медицинских-товаров-для-COVID-19' },
      },
    },
  });
  expect(added.ok()).toBe(true);
  await page.setViewportSize({ width: 900, height: 800 });
  await page.goto(harness.url);
  await expect(page.locator('[data-row-id]').first()).toBeVisible();
  await page.locator('.clause').first().focus();

  const panels: Array<[string, string, { shift?: boolean }]> = [
    ['KeyA', 'annotations-panel', {}],
    ['KeyB', 'bookmarks-panel', { shift: true }],
    ['KeyO', 'contents-panel', {}],
    ['KeyC', 'checks-panel', { shift: true }],
    ['KeyG', 'glossary-panel', { shift: true }],
    ['KeyF', 'concordance-panel', { shift: true }],
  ];
  for (const [code, id, modifiers] of panels) {
    await pressRussian(page, code, modifiers);
    await expect(page.locator(`#${id}`)).toBeVisible();
    if (id === 'glossary-panel') await expect(page.locator('#glossary-panel .glossary-entry')).toHaveCount(1);
    expect(await overflow(page, id), id).toEqual({ missing: false, cut: [], sideways: 0 });
    await pressRussian(page, 'Escape');
    await expect(page.locator(`#${id}`)).toBeHidden();
  }
});
