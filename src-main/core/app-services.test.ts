/**
 * The services on a read-only data folder (a full or read-only disk, a locked-down profile): the
 * app starts, reads everything, and every change is refused as an `io-error` value that leaves the
 * folder as it was. Tests run as root in CI, where `chmod 555` stops nothing, so the read-only
 * file system is injected (`testing/fs-faults`).
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result, SettingsView } from '../contract/ipc';
import { type AppServices, createAppServices } from './app-services';
import { dispatch } from './ipc/handlers';
import { injectFsFaults, readOnlyFolder } from './testing/fs-faults';

const BUNDLED = fileURLToPath(new URL('../../resources/documents', import.meta.url));
const STATEMENT = 'asean-russia-covid19-2020';

let root: string;
let userData: string;
let restoreFs: (() => void) | undefined;

const open = () =>
  createAppServices({ userDataDir: userData, documentsDir: BUNDLED, systemLanguages: ['en-GB'], saveExport: async () => ({ saved: false }) });

async function call(services: AppServices, channel: string, payload?: unknown): Promise<Result<unknown>> {
  return dispatch(services.handlers, channel, payload);
}

async function treeHash(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await fs.readdir(dir, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    out[relative(dir, path)] = entry.isDirectory() ? 'dir' : createHash('sha256').update(await fs.readFile(path)).digest('hex');
  }
  return out;
}

beforeEach(async () => {
  root = await fs.mkdtemp(join(tmpdir(), 'bitext-read-only-'));
  userData = join(root, 'data');
});
afterEach(async () => {
  restoreFs?.();
  restoreFs = undefined;
  await fs.rm(root, { recursive: true, force: true });
});

describe('a read-only data folder', () => {
  it('starts, reads what is there, and refuses every change as an io-error without touching a file', async () => {
    // A reader's data: settings, a position, a note.
    const first = await open();
    const doc = await first.library.open(STATEMENT);
    const rowId = doc.body.groups[1]!.rows[0]!.id;
    expect(await call(first, 'settings:set-ui-language', { uiLanguage: 'ru' })).toMatchObject({ ok: true });
    expect(await call(first, 'positions:set', { documentId: STATEMENT, rowId })).toMatchObject({ ok: true });
    const note = await call(first, 'annotations:create', { documentId: STATEMENT, selection: { type: 'row', rowId }, kind: 'note', color: 'blue', note: 'kept' });
    expect(note).toMatchObject({ ok: true });
    await Promise.all([first.settings.flush(), first.annotations.flush(), first.corrections.flush()]);
    const before = await treeHash(userData);

    restoreFs = injectFsFaults(readOnlyFolder(userData));
    const services = await open();
    const settings = await call(services, 'settings:get');
    expect(settings).toMatchObject({ ok: true, value: { uiLanguage: 'ru', lastDocumentId: STATEMENT } });
    expect((settings as { value: SettingsView }).value.notice).toBeUndefined();
    expect(await call(services, 'positions:get', { documentId: STATEMENT })).toEqual({ ok: true, value: { rowId } });
    expect(await call(services, 'documents:open', { id: STATEMENT })).toMatchObject({ ok: true });
    expect(await call(services, 'library:list')).toMatchObject({ ok: true });
    const list = await call(services, 'annotations:list', { documentId: STATEMENT });
    expect(list).toMatchObject({ ok: true, value: { annotations: [{ note: 'kept' }] } });

    const changes: Array<[string, unknown]> = [
      ['settings:set-ui-language', { uiLanguage: 'en' }],
      ['settings:set-reader-prefs', { theme: 'dark' }],
      ['positions:set', { documentId: STATEMENT, rowId: doc.body.groups[2]!.rows[0]!.id }],
      ['annotations:create', { documentId: STATEMENT, selection: { type: 'row', rowId }, kind: 'highlight', color: 'pink' }],
      ['alignment:apply', { documentId: STATEMENT, operation: { op: 'confirm', rowId, confirmed: true } }],
    ];
    for (const [channel, payload] of changes) {
      const result = await call(services, channel, payload);
      expect(result, channel).toMatchObject({ ok: false, code: 'io-error' });
      expect((result as { message: string }).message, channel).toContain('EROFS');
    }
    // What the reader sees is what is on disk.
    expect(await call(services, 'settings:get')).toMatchObject({ ok: true, value: { uiLanguage: 'ru', reader: { theme: 'system' } } });
    expect(await call(services, 'positions:get', { documentId: STATEMENT })).toEqual({ ok: true, value: { rowId } });
    await Promise.allSettled([services.settings.flush(), services.annotations.flush(), services.corrections.flush()]);
    restoreFs();
    expect(await treeHash(userData)).toEqual(before);
  });

  it('starts with a damaged settings file it cannot move aside, and says so', async () => {
    await fs.mkdir(userData, { recursive: true });
    await fs.writeFile(join(userData, 'settings.json'), '{"schemaVersion": 1, "uiLanguage": "r');
    const before = await treeHash(userData);
    restoreFs = injectFsFaults(readOnlyFolder(userData));
    const services = await open();
    expect(await call(services, 'settings:get')).toMatchObject({
      ok: true,
      value: { uiLanguage: 'en', notice: { kind: 'not-moved', file: join(userData, 'settings.json'), reason: 'EROFS', saving: false } },
    });
    expect(await call(services, 'documents:list')).toMatchObject({ ok: true });
    restoreFs();
    expect(await treeHash(userData)).toEqual(before);
  });
});
