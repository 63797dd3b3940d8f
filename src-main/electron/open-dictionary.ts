import { type BrowserWindow, dialog } from 'electron';

const FILTERS: Electron.FileFilter[] = [
  { name: 'Dictionaries (StarDict .ifo, dictd .index)', extensions: ['ifo', 'index', 'idx', 'dict', 'dz', 'syn'] },
  { name: 'All files', extensions: ['*'] },
];

/**
 * The open dialog for `dictionaries:choose`: one or more files of a dictionary; main adds the
 * files of the same name beside each (`mueller.ifo` brings `mueller.idx`, `mueller.dict.dz`).
 */
export function dialogChooseDictionary(window: () => BrowserWindow | undefined): () => Promise<string[] | undefined> {
  return async () => {
    const options: Electron.OpenDialogOptions = { title: 'Add a dictionary', filters: FILTERS, properties: ['openFile', 'multiSelections'] };
    const parent = window();
    const choice = parent && !parent.isDestroyed() ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    return choice.canceled ? undefined : choice.filePaths;
  };
}
