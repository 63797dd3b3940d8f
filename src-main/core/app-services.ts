import { AnnotationService, type SaveExport } from './annotations/service';
import { AnnotationStore } from './annotations/store';
import { DocumentLibrary } from './documents/library';
import { type Handlers, type Services, createHandlers } from './ipc/handlers';
import { SettingsStore } from './settings/settings-store';

export interface AppServicesOptions {
  /** Where the reader's own data lives (settings, annotations). */
  userDataDir: string;
  /** The bundled documents, `resources/documents`. */
  documentsDir: string;
  /** The system's preferred languages, most preferred first. */
  systemLanguages: readonly string[];
  /** Saves an exported file (a save dialog in the app, a folder in the harness). */
  saveExport: SaveExport;
}

export interface AppServices extends Services {
  handlers: Handlers;
}

/** Everything the main process serves, without Electron: used by the app and by the harness. */
export async function createAppServices(
  options: AppServicesOptions,
  onUiLanguageChanged?: (language: 'en' | 'ru') => void,
): Promise<AppServices> {
  const settings = await SettingsStore.open(options.userDataDir, options.systemLanguages);
  const library = new DocumentLibrary(options.documentsDir);
  const annotations = new AnnotationService(AnnotationStore.inUserData(options.userDataDir), library, options.saveExport);
  const services: Services = {
    settings,
    library,
    annotations,
    ...(onUiLanguageChanged ? { onUiLanguageChanged } : {}),
  };
  return { ...services, handlers: createHandlers(services) };
}
