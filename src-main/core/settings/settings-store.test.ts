import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_READER_PREFS } from '../../contract/ipc';
import { injectFsFaults, readOnlyFolder, unreadableFile } from '../testing/fs-faults';
import { MAX_POSITIONS, SETTINGS_SCHEMA_VERSION, SettingsStore } from './settings-store';

let dir: string;
let restoreFs: (() => void) | undefined;

beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'bitext-settings-'));
});

afterEach(async () => {
  restoreFs?.();
  restoreFs = undefined;
  await fs.rm(dir, { recursive: true, force: true });
});

/** Every file in the folder with its bytes, to show that nothing was written. */
async function folderState(): Promise<Record<string, string>> {
  const state: Record<string, string> = {};
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    state[entry.name] = entry.isDirectory() ? '<dir>' : await fs.readFile(join(dir, entry.name), 'utf8');
  }
  return state;
}

const settingsFile = () => join(dir, 'settings.json');

async function corruptFiles(): Promise<string[]> {
  return (await fs.readdir(dir)).filter((name) => name.startsWith('settings.json.corrupt-'));
}

describe('SettingsStore first start', () => {
  it.each([
    [['ru-RU'], 'ru'],
    [['ru'], 'ru'],
    [['RU_ru'], 'ru'],
    [['en-US'], 'en'],
    [['de-DE'], 'en'],
    [['de-DE', 'ru-RU'], 'en'],
    [[], 'en'],
  ] as const)('follows the system languages %j → %s', async (system, expected) => {
    const store = await SettingsStore.open(dir, system);
    expect(store.view()).toMatchObject({ uiLanguage: expected, uiLanguageSource: 'system' });
    expect(store.problem).toBeUndefined();
    expect(store.windowBounds).toBeUndefined();
  });

  it('does not write a settings file just by opening', async () => {
    const store = await SettingsStore.open(dir, ['ru-RU']);
    await store.flush();
    expect(await fs.readdir(dir)).toEqual([]);
  });
});

describe('SettingsStore persistence', () => {
  it('a chosen UI language is reported as the user’s and survives reopening', async () => {
    const store = await SettingsStore.open(dir, ['en-US']);
    expect(await store.setUiLanguage('ru')).toMatchObject({ uiLanguage: 'ru', uiLanguageSource: 'user' });
    await store.flush();

    // The system still says English, but the user's choice wins.
    const reopened = await SettingsStore.open(dir, ['en-US']);
    expect(reopened.view()).toMatchObject({ uiLanguage: 'ru', uiLanguageSource: 'user' });
    expect(reopened.problem).toBeUndefined();
  });

  it('a save that fails leaves the shown language as it is on disk', async () => {
    const folder = join(dir, 'data');
    const store = await SettingsStore.open(folder, ['en-US']);
    await fs.rm(folder, { recursive: true, force: true });
    await fs.writeFile(folder, 'a file where the folder was');
    await expect(store.setUiLanguage('ru')).rejects.toThrow();
    expect(store.view()).toMatchObject({ uiLanguage: 'en', uiLanguageSource: 'system' });
  });

  it('choosing the system language still records it as the user’s choice', async () => {
    const store = await SettingsStore.open(dir, ['ru-RU']);
    await store.setUiLanguage('ru');
    const reopened = await SettingsStore.open(dir, ['en-US']);
    expect(reopened.view()).toMatchObject({ uiLanguage: 'ru', uiLanguageSource: 'user' });
  });

  it('window bounds survive reopening and keep the language', async () => {
    const store = await SettingsStore.open(dir, ['en-US']);
    await store.setUiLanguage('ru');
    const bounds = { x: -10, y: 20, width: 1000, height: 700, maximized: true };
    await store.setWindowBounds(bounds);

    const reopened = await SettingsStore.open(dir, ['en-US']);
    expect(reopened.windowBounds).toEqual(bounds);
    expect(reopened.view().uiLanguage).toBe('ru');
  });

  it('refuses invalid window bounds without saving them', async () => {
    const store = await SettingsStore.open(dir, ['en-US']);
    await expect(store.setWindowBounds({ x: 0, y: 0, width: -5, height: 100, maximized: false })).rejects.toThrow();
    await expect(store.setWindowBounds({ x: 0.5, y: 0, width: 5, height: 100, maximized: false })).rejects.toThrow();
    expect(store.windowBounds).toBeUndefined();
  });

  it('writes the schema version into the file', async () => {
    const store = await SettingsStore.open(dir, []);
    await store.setUiLanguage('en');
    const json = JSON.parse(await fs.readFile(settingsFile(), 'utf8'));
    expect(json).toEqual({ schemaVersion: SETTINGS_SCHEMA_VERSION, uiLanguage: 'en' });
  });
});

describe('SettingsStore with an unreadable file', () => {
  it('opens with defaults, reports the problem and keeps the corrupt bytes', async () => {
    await fs.writeFile(settingsFile(), '{"schemaVersion": 1, "uiLanguage": ');
    const store = await SettingsStore.open(dir, ['ru-RU']);

    expect(store.view()).toMatchObject({ uiLanguage: 'ru', uiLanguageSource: 'system' });
    expect(store.problem).toMatchObject({ file: settingsFile(), restoredFrom: 'nothing' });
    const aside = await corruptFiles();
    expect(aside).toHaveLength(1);
    expect(store.problem?.movedTo).toBe(join(dir, aside[0]!));
    expect(await fs.readFile(join(dir, aside[0]!), 'utf8')).toBe('{"schemaVersion": 1, "uiLanguage": ');
  });

  it('restores from the backup when there is one', async () => {
    const first = await SettingsStore.open(dir, ['en-US']);
    await first.setUiLanguage('ru');
    await first.setUiLanguage('en'); // settings.json.bak now holds uiLanguage: ru
    await fs.writeFile(settingsFile(), 'garbage');

    const store = await SettingsStore.open(dir, ['en-US']);
    expect(store.problem?.restoredFrom).toBe('backup');
    expect(store.view()).toMatchObject({ uiLanguage: 'ru', uiLanguageSource: 'user' });
    expect(await corruptFiles()).toHaveLength(1);
  });

  it('treats a file of another schema version as unreadable and does not overwrite it', async () => {
    const future = JSON.stringify({ schemaVersion: 2, uiLanguage: 'ru', somethingNew: true });
    await fs.writeFile(settingsFile(), future);

    const store = await SettingsStore.open(dir, ['en-US']);
    expect(store.problem).toBeDefined();
    expect(store.view()).toMatchObject({ uiLanguage: 'en', uiLanguageSource: 'system' });

    await store.setUiLanguage('en');
    const aside = await corruptFiles();
    expect(aside).toHaveLength(1);
    expect(await fs.readFile(join(dir, aside[0]!), 'utf8')).toBe(future);
    expect(JSON.parse(await fs.readFile(settingsFile(), 'utf8'))).toEqual({ schemaVersion: 1, uiLanguage: 'en' });
  });

  it('treats unknown values as unreadable', async () => {
    await fs.writeFile(settingsFile(), JSON.stringify({ schemaVersion: 1, uiLanguage: 'fr' }));
    const store = await SettingsStore.open(dir, ['ru']);
    expect(store.problem).toBeDefined();
    expect(store.view()).toMatchObject({ uiLanguage: 'ru', uiLanguageSource: 'system' });
  });
});

describe('SettingsStore reader preferences and positions', () => {
  it('starts from the defaults and remembers changes across reopening', async () => {
    const store = await SettingsStore.open(dir, ['en-US']);
    expect(store.view().reader).toEqual(DEFAULT_READER_PREFS);
    await store.setReaderPrefs({ theme: 'sepia', layout: 'interleaved', fontStep: 2 });
    await store.setReaderPrefs({ swapped: true });
    const reopened = await SettingsStore.open(dir, ['en-US']);
    expect(reopened.view().reader).toEqual({
      ...DEFAULT_READER_PREFS,
      theme: 'sepia',
      layout: 'interleaved',
      fontStep: 2,
      swapped: true,
    });
  });

  it('refuses out-of-range preferences without saving them', async () => {
    const store = await SettingsStore.open(dir, ['en-US']);
    await expect(store.setReaderPrefs({ fontStep: 99 })).rejects.toThrow();
    expect(store.view().reader.fontStep).toBe(0);
  });

  it('remembers the reading position per document', async () => {
    const store = await SettingsStore.open(dir, ['en-US']);
    expect(store.readingPosition('a')).toBeNull();
    await store.setReadingPosition('a', 'r3-0');
    await store.setReadingPosition('b', 'r9-1');
    await store.setReadingPosition('a', 'r4-0');
    const reopened = await SettingsStore.open(dir, ['en-US']);
    expect(reopened.readingPosition('a')).toBe('r4-0');
    expect(reopened.readingPosition('b')).toBe('r9-1');
    // The document read last reopens at start.
    expect(reopened.view().lastDocumentId).toBe('a');
  });

  it('keeps positions for a bounded number of documents, dropping the least recently read', async () => {
    const store = await SettingsStore.open(dir, ['en-US'], { maxPositions: 5 });
    for (let i = 0; i <= 5; i++) await store.setReadingPosition(`doc-${i}`, 'r1-0');
    // Reading doc-1 again makes it the most recent; the next new one pushes out doc-2.
    await store.setReadingPosition('doc-1', 'r2-0');
    await store.setReadingPosition('doc-6', 'r1-0');
    expect(store.readingPosition('doc-0')).toBeNull();
    expect(store.readingPosition('doc-2')).toBeNull();
    expect(store.readingPosition('doc-1')).toBe('r2-0');
    expect(store.readingPosition('doc-6')).toBe('r1-0');
    expect(MAX_POSITIONS).toBeGreaterThanOrEqual(100);
  });
});

describe('SettingsStore with a file it may not read or move', () => {
  it('skips a settings file it cannot read (a folder in its place), with defaults, and says so', async () => {
    // Root reads a chmod-000 file, so the unreadable file is a folder: a real EISDIR from the system.
    await fs.mkdir(settingsFile());
    const before = await folderState();
    const store = await SettingsStore.open(dir, ['ru-RU']);
    expect(store.view()).toMatchObject({ uiLanguage: 'ru', uiLanguageSource: 'system', reader: DEFAULT_READER_PREFS });
    expect(store.view().notice).toEqual({ kind: 'unreadable', file: settingsFile(), restoredFrom: 'nothing', reason: 'EISDIR', saving: false });
    // Changes hold for the session and are not written over (or beside) what could not be read.
    await store.setUiLanguage('en');
    await store.setReadingPosition('asean-russia-covid19-2020', 'r2-1');
    expect(store.view()).toMatchObject({ uiLanguage: 'en', uiLanguageSource: 'user', lastDocumentId: 'asean-russia-covid19-2020' });
    await store.flush();
    expect(await folderState()).toEqual(before);
  });

  it('skips a settings file the system refuses to read (EACCES), using the last good copy', async () => {
    const first = await SettingsStore.open(dir, ['en-US']);
    await first.setUiLanguage('ru');
    await first.setUiLanguage('en'); // the backup holds uiLanguage: ru
    const before = await folderState();
    restoreFs = injectFsFaults(unreadableFile(settingsFile()));
    const store = await SettingsStore.open(dir, ['en-US']);
    expect(store.problem).toEqual({ kind: 'unreadable', file: settingsFile(), restoredFrom: 'backup', reason: 'EACCES', saving: false });
    expect(store.view()).toMatchObject({ uiLanguage: 'ru', uiLanguageSource: 'user' });
    await store.setReaderPrefs({ theme: 'dark' });
    await store.flush();
    restoreFs();
    expect(await folderState()).toEqual(before);
  });

  it('keeps a corrupt settings file in a read-only folder as it is and starts with defaults', async () => {
    await fs.writeFile(settingsFile(), '{"schemaVersion": 1, "uiLang');
    restoreFs = injectFsFaults(readOnlyFolder(dir));
    const before = await folderState();
    const store = await SettingsStore.open(dir, ['en-US']);
    expect(store.view()).toMatchObject({ uiLanguage: 'en', uiLanguageSource: 'system' });
    expect(store.view().notice).toEqual({ kind: 'not-moved', file: settingsFile(), restoredFrom: 'nothing', reason: 'EROFS', saving: false });
    await store.setUiLanguage('ru');
    expect(store.view().uiLanguage).toBe('ru');
    expect(await folderState()).toEqual(before);
  });

  it('restores the backup of a corrupt settings file in a read-only folder without moving anything', async () => {
    const first = await SettingsStore.open(dir, ['en-US']);
    await first.setReaderPrefs({ theme: 'sepia' });
    await first.setReaderPrefs({ fontStep: 2 }); // the backup holds theme: sepia
    await fs.writeFile(settingsFile(), 'garbage');
    restoreFs = injectFsFaults(readOnlyFolder(dir));
    const before = await folderState();
    const store = await SettingsStore.open(dir, ['en-US']);
    expect(store.problem).toMatchObject({ kind: 'not-moved', restoredFrom: 'backup' });
    expect(store.view().reader).toMatchObject({ theme: 'sepia', fontStep: 0 });
    expect(await folderState()).toEqual(before);
  });

  it('a settings file that reads well has no notice', async () => {
    const first = await SettingsStore.open(dir, ['en-US']);
    await first.setUiLanguage('ru');
    const store = await SettingsStore.open(dir, ['en-US']);
    expect(store.view().notice).toBeUndefined();
  });
});

describe('SettingsStore positions are looked up by own key only', () => {
  it.each(['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__'])('%s has no position until one is set', async (key) => {
    const store = await SettingsStore.open(dir, ['en-US']);
    await store.setReadingPosition('other', 'r1-0'); // positions exist, so the lookup meets a real object
    expect(store.readingPosition(key)).toBeNull();
    const reopened = await SettingsStore.open(dir, ['en-US']);
    expect(reopened.readingPosition(key)).toBeNull();
  });

  it('a document called constructor keeps its own position across reopening', async () => {
    const store = await SettingsStore.open(dir, ['en-US']);
    await store.setReadingPosition('constructor', 'r5-0');
    await store.setReadingPosition('other', 'r1-0');
    const reopened = await SettingsStore.open(dir, ['en-US']);
    expect(reopened.readingPosition('constructor')).toBe('r5-0');
    expect(reopened.readingPosition('toString')).toBeNull();
  });

  it('ignores position keys in the file that are not document ids', async () => {
    await fs.writeFile(
      settingsFile(),
      '{"schemaVersion": 1, "positions": {"__proto__": "r9-9", "../x": "r1-1", "good-doc": "r2-0"}}',
    );
    const store = await SettingsStore.open(dir, ['en-US']);
    expect(store.problem).toBeUndefined();
    expect(store.readingPosition('good-doc')).toBe('r2-0');
    expect(store.readingPosition('__proto__')).toBeNull();
    expect(store.readingPosition('../x')).toBeNull();
    expect(store.view().lastDocumentId).toBe('good-doc');
  });
});
