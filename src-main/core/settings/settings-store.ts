/**
 * The reader's settings (UI language, window bounds), kept in `settings.json` in the user data
 * folder with the same safety as the reader's notes.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import {
  DEFAULT_READER_PREFS,
  isDocumentId,
  type ReaderPrefs,
  readerPrefsSchema,
  type SettingsNotice,
  type SettingsView,
  UI_LANGUAGES,
  type UiLanguage,
} from '../../contract/ipc';
import { JsonFileWriter, backupPathOf, readJsonFile } from '../fs/atomic-file';
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

export type SettingsProblem = SettingsNotice;

export class SettingsStore {
  private settings: Settings = { schemaVersion: SETTINGS_SCHEMA_VERSION };
  /** documentId → row id, least recently read first. A Map: ids never meet `Object.prototype`. */
  private positions = new Map<string, string>();
  private readonly writer: JsonFileWriter;
  /** Set when the settings file could not be used as it was at load. */
  problem: SettingsProblem | undefined;
  /** `false` once the file on disk must not be written (it could not be read or moved aside). */
  private saving = true;

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
    const parse = (raw: unknown) => settingsSchema.parse(raw);
    try {
      const outcome = await readJsonFile(store.path, parse);
      if (outcome.status === 'ok') store.load(outcome.value);
      if (outcome.status === 'recovered') {
        if (outcome.value) store.load(outcome.value);
        store.problem = { kind: 'moved-aside', file: store.path, movedTo: outcome.movedTo, restoredFrom: outcome.from, saving: true };
      }
    } catch (error) {
      // The file could not be read, or it did not parse and could not be moved aside (a read-only
      // folder). Either way it is left exactly as it is: the last good copy (or the defaults) is
      // used for this session, nothing is written, and the reader is told.
      const unreadable = !(await canRead(store.path));
      const backup = await readBackup(backupPathOf(store.path), parse);
      if (backup) store.load(backup);
      store.saving = false;
      store.problem = {
        kind: unreadable ? 'unreadable' : 'not-moved',
        file: store.path,
        restoredFrom: backup ? 'backup' : 'nothing',
        ...(errnoCode(error) ? { reason: errnoCode(error) } : {}),
        saving: false,
      };
    }
    return store;
  }

  private load(settings: Settings): void {
    this.settings = settings;
    this.positions = new Map(Object.entries(settings.positions ?? {}).filter(([id]) => isDocumentId(id)));
  }

  view(): SettingsView {
    const chosen = this.settings.uiLanguage;
    const reader = { ...DEFAULT_READER_PREFS, ...this.settings.reader };
    const lastDocumentId = [...this.positions.keys()].at(-1) ?? null;
    const notice = this.problem ? { notice: this.problem } : {};
    return chosen
      ? { uiLanguage: chosen, uiLanguageSource: 'user', reader, lastDocumentId, ...notice }
      : { uiLanguage: uiLanguageFromSystem(this.systemLanguages), uiLanguageSource: 'system', reader, lastDocumentId, ...notice };
  }

  async setReaderPrefs(prefs: Partial<ReaderPrefs>): Promise<SettingsView> {
    await this.update({ reader: { ...this.settings.reader, ...readerPrefsSchema.partial().parse(prefs) } });
    return this.view();
  }

  readingPosition(documentId: string): string | null {
    return this.positions.get(documentId) ?? null;
  }

  async setReadingPosition(documentId: string, rowId: string): Promise<void> {
    if (this.positions.get(documentId) === rowId) return;
    const previous = this.positions;
    const next = new Map(previous);
    next.delete(documentId);
    next.set(documentId, rowId);
    for (const id of next.keys()) {
      if (next.size <= this.maxPositions) break;
      next.delete(id);
    }
    this.positions = next;
    try {
      // `Object.fromEntries` defines own properties, whatever the keys.
      await this.update({ positions: Object.fromEntries(next) });
    } catch (error) {
      if (this.positions === next) this.positions = previous;
      throw error;
    }
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
    if (!this.saving) return;
    try {
      await this.writer.save(next);
    } catch (error) {
      // What the reader sees must be what is on disk.
      if (this.settings === next) this.settings = previous;
      throw error;
    }
  }
}

async function canRead(path: string): Promise<boolean> {
  try {
    await fs.readFile(path);
    return true;
  } catch (error) {
    return errnoCode(error) === 'ENOENT';
  }
}

/** The backup, if it can be read and is valid; never moved, never written. */
async function readBackup(path: string, parse: (raw: unknown) => Settings): Promise<Settings | undefined> {
  try {
    return parse(JSON.parse(await fs.readFile(path, 'utf8')));
  } catch {
    return undefined;
  }
}

function errnoCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}
