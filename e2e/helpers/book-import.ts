/**
 * Importing a two-language book with the keyboard, as the book specs do: an English EPUB and a
 * Russian FB2 go into the Import dialog's two file fields, Enter starts the import, and the
 * reader opens on the book.
 */
import { type Page, expect } from '@playwright/test';

export type UiLanguage = 'en' | 'ru';

/** The names of the controls on the way to an import, in each UI language. */
export const IMPORT_LABELS = {
  en: { library: 'Library', import: 'Import texts…', dialog: 'Import texts', english: 'English file', russian: 'Russian file', go: 'Import' },
  ru: { library: 'Библиотека', import: 'Импорт текстов…', dialog: 'Импорт текстов', english: 'Английский файл', russian: 'Русский файл', go: 'Импортировать' },
} as const satisfies Record<UiLanguage, Record<string, string>>;

export interface BookPair {
  /** The English side, an EPUB (`makeEpub`). */
  epub: Uint8Array;
  /** The Russian side, an FB2 (`makeFb2`: its XML as text). */
  fb2: string;
  /** Text of a row that shows once the book is open (its first heading). */
  opensAt: string;
}

/**
 * From the reader (its first row shown), imports `book` with the keyboard through the library's
 * Import dialog in the `ui` language, and waits until the reader shows the book.
 */
export async function importBookPair(page: Page, ui: UiLanguage, book: BookPair): Promise<void> {
  const l = IMPORT_LABELS[ui];
  await expect(page.locator('[data-row-id]').first()).toBeVisible();
  await page.getByRole('button', { name: l.library, exact: true }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: l.import }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: l.dialog });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel(l.english).setInputFiles({ name: 'meeting.en.epub', mimeType: 'application/epub+zip', buffer: Buffer.from(book.epub) });
  await dialog.getByLabel(l.russian).setInputFiles({ name: 'meeting.ru.fb2', mimeType: 'application/octet-stream', buffer: Buffer.from(book.fb2) });
  // Both files are read (and their formats named) before Import is offered; a loaded machine may take a while.
  await expect(dialog.locator('.import-files')).toContainText('EPUB', { timeout: 30_000 });
  const go = dialog.getByRole('button', { name: l.go, exact: true });
  await expect(go).toBeEnabled();
  await go.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-row-id]').filter({ hasText: book.opensAt })).toBeVisible({ timeout: 30_000 });
}
