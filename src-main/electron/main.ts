/**
 * Electron entry point: thin glue between Electron and the services in `../core`.
 * Everything testable without Electron lives there.
 */
import { join, resolve } from 'node:path';
import { BrowserWindow, app, dialog, screen } from 'electron';
import type { UiLanguage } from '../contract/ipc';
import { type AppServices, createAppServices } from '../core/app-services';
import { FIRST_PAINT_WAIT_MS, openFirstDocument, pageWithFirstPaint } from '../core/startup/first-paint';
import { aboutText } from '../core/menu/menu-template';
import { createMainWindow } from '../core/window/main-window';
import { APP_ORIGIN } from '../core/ipc/sender';
import { reportStartupFailure, startupStep } from '../core/startup/startup-failure';
import { registerIpc, sendToRenderer } from './ipc';
import { dialogSaveExport } from './save-export';
import { dialogChooseImport } from './open-import';
import { dialogChooseDictionary } from './open-dictionary';
import { electronPrinter } from './print';
// The import aligner's worker thread, bundled by electron-vite as its own chunk.
import alignWorkerPath from '../core/import/align-worker?modulePath';
import compareWorkerPath from '../core/compare-store/compare-worker?modulePath';
// The annotation import's worker thread (parsing and placing quotes), likewise.
import annotationWorkerPath from '../core/annotations/import-worker?modulePath';
// The dictionary indexer's worker thread, likewise.
import dictionaryWorkerPath from '../core/dictionary/index-worker?modulePath';
import { applyMenu } from './menu';
import { registerAppProtocol, registerAppScheme } from './protocol';
import { hardenSession, hardenWebContents } from './security';
import { trackWindowBounds } from './window-state';

const APP_NAME = 'Bitext Reader';

// Tests and portable use may point the app at another data folder.
const userDataOverride = argValue(process.argv, '--user-data') ?? process.env.BITEXT_USER_DATA;
if (userDataOverride) app.setPath('userData', resolve(userDataOverride));
app.setName(APP_NAME);
registerAppScheme();

/** Where electron-vite puts the build, and where the packaged app keeps `resources/`. */
const rendererDir = join(__dirname, '../renderer');
const preloadPath = join(__dirname, '../preload/index.cjs');
const resourcesDir = app.isPackaged ? join(process.resourcesPath, 'resources') : join(app.getAppPath(), 'resources');

let services: AppServices | undefined;
let mainWindow: BrowserWindow | undefined;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, APP_ORIGIN));
  // Any failure of the start itself, not only of `whenReady`, is shown, and the process ends.
  app.whenReady().then(start).catch(failStartup);
  app.on('window-all-closed', () => app.quit());
  let flushed = false;
  app.on('before-quit', (event) => {
    if (flushed || !services) return;
    event.preventDefault();
    // Every acknowledged change is already on disk; this waits for any still being written.
    void Promise.allSettled([services.settings.flush(), services.annotations.flush(), services.corrections.flush()]).finally(() => {
      flushed = true;
      app.quit();
    });
  });
}

async function start(): Promise<void> {
  hardenSession(APP_ORIGIN);
  // The page goes out with the first document's rows when main has them (core/startup/first-paint).
  registerAppProtocol(rendererDir, async (html) => (services ? pageWithFirstPaint(html, services, FIRST_PAINT_WAIT_MS) : html));
  services = await createAppServices(
    {
      userDataDir: app.getPath('userData'),
      documentsDir: join(resourcesDir, 'documents'),
      systemLanguages: app.getPreferredSystemLanguages(),
      saveExport: dialogSaveExport(() => mainWindow),
      alignWorker: { path: unpackedPath(alignWorkerPath) },
      compareWorker: { path: unpackedPath(compareWorkerPath) },
      annotationWorker: { path: unpackedPath(annotationWorkerPath) },
      dictionaryWorker: { path: unpackedPath(dictionaryWorkerPath) },
      chooseImportFiles: dialogChooseImport(() => mainWindow),
      chooseDictionaryFiles: dialogChooseDictionary(() => mainWindow),
      printer: electronPrinter,
      onImportProgress: (status) => sendToRenderer(mainWindow, 'import:progress', status),
      appVersion: app.getVersion(),
    },
    (language) => {
      rebuildMenu(language);
      if (services) sendToRenderer(mainWindow, 'settings:ui-language-changed', services.settings.view());
    },
  );
  registerIpc(services.handlers, APP_ORIGIN);
  // Read and align the document that opens first while the window is made (the page and the
  // preload's early request then find it ready).
  openFirstDocument(services).catch(() => undefined);
  rebuildMenu(services.settings.view().uiLanguage);
  // A settings file that could not be used is reported by the window (`SettingsView.notice`).
  const win = openMainWindow(services);
  await startupStep('window', [rendererDir], () =>
    win.loadURL(`${APP_ORIGIN}/index.html`).catch((error: unknown) => {
      // Closed by the reader while loading: that is a quit, not a failure.
      if (!win.isDestroyed()) throw error;
    }),
  );
  // The dictionaries' indexes, loaded once the window is up (the first lookup is then as fast as any).
  const current = services;
  setTimeout(() => void current.dictionaries.warm(), 2000);
}

function openMainWindow(current: AppServices): BrowserWindow {
  const win = createMainWindow(BrowserWindow, {
    preloadPath,
    title: APP_NAME,
    iconPath: join(resourcesDir, 'icons', 'icon.png'),
    ...(current.settings.windowBounds ? { bounds: current.settings.windowBounds } : {}),
    workAreas: screen.getAllDisplays().map((d) => d.workArea),
  });
  trackWindowBounds(win, (bounds) => current.settings.setWindowBounds(bounds));
  win.on('closed', () => {
    mainWindow = undefined;
  });
  mainWindow = win;
  return win;
}

function rebuildMenu(language: UiLanguage): void {
  applyMenu(language, APP_NAME, {
    'set-language-en': () => void services?.handlers.setUiLanguage({ uiLanguage: 'en' }),
    'set-language-ru': () => void services?.handlers.setUiLanguage({ uiLanguage: 'ru' }),
    about: () => {
      const text = aboutText(language, APP_NAME, app.getVersion());
      void dialog.showMessageBox({ type: 'info', title: text.title, message: APP_NAME, detail: text.detail });
    },
  }, (id) => sendToRenderer(mainWindow, 'app:menu-action', id));
}

/** The message (core/startup) in a dialog; then the lock is released and the process exits. */
function failStartup(error: unknown): void {
  reportStartupFailure(
    error,
    { appName: APP_NAME, systemLanguages: attempt(() => app.getPreferredSystemLanguages()) ?? [], userDataDir: attempt(() => app.getPath('userData')) },
    {
      closeWindows: () => {
        for (const win of BrowserWindow.getAllWindows()) win.destroy();
      },
      showError: (title, content) => dialog.showErrorBox(title, content),
      releaseLock: () => app.releaseSingleInstanceLock(),
      exit: (code) => app.exit(code),
      log: (text) => console.error(text),
    },
  );
}

function attempt<T>(get: () => T): T | undefined {
  try {
    return get();
  } catch {
    return undefined;
  }
}

/** In a packaged app, files listed in `asarUnpack` live beside the archive. */
function unpackedPath(path: string): string {
  return app.isPackaged ? path.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2') : path;
}

function argValue(argv: readonly string[], name: string): string | undefined {
  const inline = argv.find((a) => a.startsWith(`${name}=`));
  if (inline) return inline.slice(name.length + 1);
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
}
