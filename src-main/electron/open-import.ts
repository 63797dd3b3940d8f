import { type BrowserWindow, dialog } from 'electron';
import type { ChooseImportFiles } from '../core/library/service';

const PAIR_FILTERS: Electron.FileFilter[] = [
  {
    name: 'Texts, books and subtitles (txt, md, html, docx, odt, epub, fb2, pdf, srt, vtt)',
    extensions: ['txt', 'md', 'markdown', 'html', 'htm', 'docx', 'odt', 'epub', 'fb2', 'zip', 'pdf', 'srt', 'vtt'],
  },
  { name: 'All files', extensions: ['*'] },
];
const BILINGUAL_FILTERS: Electron.FileFilter[] = [{ name: 'Bilingual files (tmx, tsv)', extensions: ['tmx', 'tsv'] }];

/**
 * The open dialog for `import:choose`: two files (the English text, then the Russian) or one
 * bilingual file. Only paths come back; main reads them (size checked first).
 */
export function dialogChooseImport(window: () => BrowserWindow | undefined): ChooseImportFiles {
  return async (mode) => {
    const open = async (title: string, filters: Electron.FileFilter[]) => {
      const options: Electron.OpenDialogOptions = { title, filters, properties: ['openFile'] };
      const parent = window();
      const choice = parent && !parent.isDestroyed() ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return choice.canceled ? undefined : choice.filePaths[0];
    };
    if (mode === 'bilingual') {
      const file = await open('Bilingual file (TMX or TSV)', BILINGUAL_FILTERS);
      return file ? [file] : undefined;
    }
    const en = await open('The English text', PAIR_FILTERS);
    if (!en) return undefined;
    const ru = await open('The Russian text', PAIR_FILTERS);
    return ru ? [en, ru] : undefined;
  };
}
