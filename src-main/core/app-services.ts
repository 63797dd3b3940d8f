import { join } from 'node:path';
import type { ImportJobStatus, ImportLimits, UiLanguage } from '../contract/ipc';
import { AnnotationService, type SaveExport } from './annotations/service';
import { AnnotationStore } from './annotations/store';
import { workerPrepare } from './dictionary/index-runner';
import { DictionaryStore } from './dictionary/store';
import { DocumentLibrary } from './documents/library';
import type { Printer } from './export/print';
import { rowNotes } from './export/notes';
import { AppError } from './errors';
import { type AlignRunner, type WorkerSpec, workerRunner } from './import/align-runner';
import { type Handlers, type Services, createHandlers } from './ipc/handlers';
import { removeStaleTemporaries } from './fs/temporary';
import { CorrectionsStore } from './library/corrections-store';
import { type AnnotationCounts, type ChooseImportFiles, LibraryService } from './library/service';
import { UserDocuments } from './library/user-documents';
import { SettingsStore } from './settings/settings-store';
import { inProcessCompareRunner, workerCompareRunner } from './compare-store/runner';
import { workerImportRunner } from './annotations/import-run';
import { CompareService, rowsOfBody } from './compare-store/service';
import { CompareStore } from './compare-store/store';
import { startupStep } from './startup/startup-failure';

export interface AppServicesOptions {
  /** Where the reader's own data lives (settings, annotations, imported documents, corrections). */
  userDataDir: string;
  /** The bundled documents, `resources/documents`. */
  documentsDir: string;
  /** The system's preferred languages, most preferred first. */
  systemLanguages: readonly string[];
  /** Saves an exported file (a save dialog in the app, a folder in the harness). */
  saveExport: SaveExport;
  /**
   * The worker thread that reads, checks and aligns imports (the app: the built chunk; the harness:
   * the source with tsx). Without it (or `alignRunner`) imports are refused: the file readers are
   * not in the main process's build.
   */
  alignWorker?: WorkerSpec;
  /** Or any runner (tests: `inProcessRunner()` from `import/in-process-runner.ts` runs in this thread). */
  alignRunner?: AlignRunner;
  /** The worker thread that compares a document (links, checks); without it, in this thread. */
  compareWorker?: WorkerSpec;
  /** The worker thread that parses an annotation import and places its quotes; without it, in this thread. */
  annotationWorker?: WorkerSpec;
  /** An open dialog for `import:choose` (Electron only). */
  chooseImportFiles?: ChooseImportFiles;
  /** Told of every step of an import job (Electron pushes it to the window). */
  onImportProgress?: (status: ImportJobStatus) => void;
  /** The worker thread that indexes dictionaries being added (like `alignWorker`; without it, this thread). */
  dictionaryWorker?: WorkerSpec;
  /** An open dialog for `dictionaries:choose` (Electron only). */
  chooseDictionaryFiles?: () => Promise<string[] | undefined>;
  /** Prints and makes PDFs (Electron only). */
  printer?: Printer;
  /** The largest file imported (default 50 MB). */
  maxImportBytes?: number;
  /** Import limits below `IMPORT_LIMITS` (tests). */
  importLimits?: Partial<ImportLimits>;
  appVersion?: string;
}

export interface AppServices extends Services {
  handlers: Handlers;
  bitext: LibraryService;
  corrections: CorrectionsStore;
  dictionaries: DictionaryStore;
}

/** Everything the main process serves, without Electron: used by the app and by the harness. */
/** The runner of services made with neither `alignWorker` nor `alignRunner`: every import is refused, saying why. */
const NO_IMPORTS: AlignRunner = {
  run: () => Promise.reject(new AppError('internal', 'Imports need the import worker (alignWorker), and none was given')),
  prepare: () => Promise.reject(new AppError('internal', 'Imports need the import worker (alignWorker), and none was given')),
};

export async function createAppServices(
  options: AppServicesOptions,
  onUiLanguageChanged?: (language: UiLanguage) => void,
): Promise<AppServices> {
  // Before any writer starts: temporary files a killed process left, of every writer (never throws).
  await removeStaleTemporaries(options.userDataDir);
  // Each step that touches the disk names itself and its paths if it fails (the start-up message).
  const settings = await startupStep('settings', [join(options.userDataDir, 'settings.json')], () =>
    SettingsStore.open(options.userDataDir, options.systemLanguages),
  );
  const userDocuments = UserDocuments.inUserData(options.userDataDir);
  await startupStep('data', [options.userDataDir], () => userDocuments.cleanUp());
  const corrections = CorrectionsStore.inUserData(options.userDataDir);
  const library = new DocumentLibrary(options.documentsDir, { userDocuments, corrections });
  const annotationStore = AnnotationStore.inUserData(options.userDataDir);
  const annotations = new AnnotationService(
    annotationStore,
    library,
    options.saveExport,
    undefined,
    options.annotationWorker ? workerImportRunner(options.annotationWorker) : undefined,
  );
  const dictionaries = DictionaryStore.inUserData(options.userDataDir, options.dictionaryWorker ? workerPrepare(options.dictionaryWorker) : undefined);
  await startupStep('data', [dictionaries.dir], () => dictionaries.cleanUp());
  const bitext = new LibraryService({
    notes: async (documentId) => rowNotes((await annotations.list(documentId)).annotations),
    documents: library,
    userDocuments,
    corrections,
    annotations: annotationCounts(annotationStore),
    saveExport: options.saveExport,
    runner: options.alignRunner ?? (options.alignWorker ? workerRunner(options.alignWorker) : NO_IMPORTS),
    ...(options.chooseImportFiles ? { chooseFiles: options.chooseImportFiles } : {}),
    ...(options.onImportProgress ? { onProgress: options.onImportProgress } : {}),
    ...(options.maxImportBytes || options.importLimits
      ? { limits: { ...options.importLimits, ...(options.maxImportBytes ? { maxFileBytes: options.maxImportBytes } : {}) } }
      : {}),
    ...(options.appVersion ? { appVersion: options.appVersion } : {}),
  });
  const compare = new CompareService(
    CompareStore.inUserData(options.userDataDir),
    {
      rows: async (documentId) => {
        const view = await library.open(documentId);
        return { title: view.manifest.title.en, rows: rowsOfBody(view.body) };
      },
      exists: async (documentId) => {
        await library.open(documentId);
      },
    },
    options.compareWorker ? workerCompareRunner(options.compareWorker) : inProcessCompareRunner(),
    options.saveExport,
  );
  const services: Services = {
    settings,
    library,
    annotations,
    bitext,
    compare,
    dictionaries,
    savePdf: options.saveExport,
    ...(options.chooseDictionaryFiles ? { chooseDictionaryFiles: options.chooseDictionaryFiles } : {}),
    ...(options.printer ? { printer: options.printer } : {}),
    ...(onUiLanguageChanged ? { onUiLanguageChanged } : {}),
  };
  return { ...services, bitext, corrections, dictionaries, handlers: createHandlers(services) };
}

/**
 * Counts and purges through the annotation store. Purging deletes each annotation the way the
 * reader would (one durable change each, restorable from the store's `deleted` list like any
 * delete); the store has no bulk erase yet.
 */
function annotationCounts(store: AnnotationStore): AnnotationCounts {
  return {
    count: async (documentId) => (await store.list(documentId)).annotations.length,
    purge: async (documentId) => {
      const { annotations } = await store.list(documentId);
      for (const annotation of annotations) await store.delete(documentId, annotation.id);
      return annotations.length;
    },
  };
}
