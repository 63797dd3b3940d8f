/**
 * The reader's settings (UI language, window bounds), kept in `settings.json` in the user data
 * folder with the same safety as the reader's notes.
 */
import { join } from 'node:path';
import { z } from 'zod';
import {
  DEFAULT_READER_PREFS,
  type ReaderPrefs,
  readerPrefsSchema,
  type SettingsView,
  UI_LANGUAGES,
  type UiLanguage,
} from '../../contract/ipc';
import { JsonFileWriter, readJsonFile } from '../fs/atomic-file';
import { uiLanguageFromSystem } from '../i18n/language';

export const SETTINGS_SCHEMA_VERSION = 1;

const boundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean(),
});
export type WindowBounds = z.infer<typeof boundsSchema>;

/** At most this many documents keep a reading position (the least recently read are dropped). */
export const MAX_POSITIONS = 500;

const settingsSchema = z.object({
  schemaVersion: z.literal(SETTINGS_SCHEMA_VERSION),
  uiLanguage: z.enum(UI_LANGUAGES).optional(),
  window: boundsSchema.optional(),
  /** Missing keys take their defaults, so older files stay readable. */
  reader: readerPrefsSchema.partial().optional(),
  /** documentId → row at the top of the window, most recently read last. */
  positions: z.record(z.string().max(128), z.string().max(64)).optional(),
});
export type Settings = z.infer<typeof settingsSchema>;

export interface SettingsProblem {
  file: string;
  movedTo: string;
  restoredFrom: 'backup' | 'nothing';
}

export class SettingsStore {
  private settings: Settings = { schemaVersion: SETTINGS_SCHEMA_VERSION };
  private readonly writer: JsonFileWriter;
  /** Set when the settings file was unreadable at load (it was moved aside). */
  problem: SettingsProblem | undefined;

  private constructor(
    readonly path: string,
    private readonly systemLanguages: readonly string[],
    private readonly maxPositions: number,
  ) {
    this.writer = new JsonFileWriter(path);
  }

  static async open(
    userDataDir: string,
    systemLanguages: readonly string[],
    options: { maxPositions?: number } = {},
  ): Promise<SettingsStore> {
    const store = new SettingsStore(join(userDataDir, 'settings.json'), systemLanguages, options.maxPositions ?? MAX_POSITIONS);
    const outcome = await readJsonFile(store.path, (raw) => settingsSchema.parse(raw));
    if (outcome.status === 'ok') store.settings = outcome.value;
    if (outcome.status === 'recovered') {
      if (outcome.value) store.settings = outcome.value;
      store.problem = { file: store.path, movedTo: outcome.movedTo, restoredFrom: outcome.from };
    }
    return store;
  }

  view(): SettingsView {
    const chosen = this.settings.uiLanguage;
    const reader = { ...DEFAULT_READER_PREFS, ...this.settings.reader };
    const lastDocumentId = Object.keys(this.settings.positions ?? {}).at(-1) ?? null;
    return chosen
      ? { uiLanguage: chosen, uiLanguageSource: 'user', reader, lastDocumentId }
      : { uiLanguage: uiLanguageFromSystem(this.systemLanguages), uiLanguageSource: 'system', reader, lastDocumentId };
  }

  async setReaderPrefs(prefs: Partial<ReaderPrefs>): Promise<SettingsView> {
    await this.update({ reader: { ...this.settings.reader, ...readerPrefsSchema.partial().parse(prefs) } });
    return this.view();
  }

  readingPosition(documentId: string): string | null {
    return this.settings.positions?.[documentId] ?? null;
  }

  async setReadingPosition(documentId: string, rowId: string): Promise<void> {
    if (this.settings.positions?.[documentId] === rowId) return;
    const { [documentId]: _old, ...others } = this.settings.positions ?? {};
    const kept = Object.entries(others).slice(-(this.maxPositions - 1));
    await this.update({ positions: { ...Object.fromEntries(kept), [documentId]: rowId } });
  }

  get windowBounds(): WindowBounds | undefined {
    return this.settings.window;
  }

  async setUiLanguage(uiLanguage: UiLanguage): Promise<SettingsView> {
    await this.update({ uiLanguage });
    return this.view();
  }

  async setWindowBounds(bounds: WindowBounds): Promise<void> {
    await this.update({ window: boundsSchema.parse(bounds) });
  }

  /** Resolves when every pending save is on disk. */
  flush(): Promise<void> {
    return this.writer.flush();
  }

  private async update(patch: Partial<Omit<Settings, 'schemaVersion'>>): Promise<void> {
    const previous = this.settings;
    const next = { ...previous, ...patch };
    this.settings = next;
    try {
      await this.writer.save(next);
    } catch (error) {
      // What the reader sees must be what is on disk.
      if (this.settings === next) this.settings = previous;
      throw error;
    }
  }
}
