import { join } from 'node:path';
import { type BrowserWindow, app, dialog } from 'electron';
import type { SaveExport } from '../core/annotations/service';
import { writeFileAtomic } from '../core/fs/atomic-file';

const FILTERS: Record<string, Electron.FileFilter[]> = {
  '.md': [{ name: 'Markdown', extensions: ['md'] }],
  '.jsonld': [{ name: 'JSON-LD (W3C Web Annotation)', extensions: ['jsonld', 'json'] }],
  '.tmx': [{ name: 'TMX (translation memory)', extensions: ['tmx'] }],
  '.tsv': [{ name: 'Tab-separated values', extensions: ['tsv', 'txt'] }],
  '.txt': [{ name: 'Text', extensions: ['txt'] }],
  '.docx': [{ name: 'Word document (DOCX)', extensions: ['docx'] }],
  '.pdf': [{ name: 'PDF', extensions: ['pdf'] }],
};

/** Asks where to save an export (a save dialog on the main window), then writes it atomically. */
export function dialogSaveExport(window: () => BrowserWindow | undefined): SaveExport {
  return async (suggestedName, content) => {
    const extension = suggestedName.slice(suggestedName.lastIndexOf('.'));
    const options: Electron.SaveDialogOptions = {
      defaultPath: join(app.getPath('documents'), suggestedName),
      filters: FILTERS[extension] ?? [],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    };
    const parent = window();
    const choice = parent && !parent.isDestroyed() ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return { saved: false };
    await writeFileAtomic(choice.filePath, content);
    return { saved: true, path: choice.filePath };
  };
}
