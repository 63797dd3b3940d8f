import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { contract, DEFAULT_READER_PREFS, METHOD_NAMES, type SettingsView } from '../../contract/ipc';
import { DocumentLibrary } from '../documents/library';
import { AppError } from '../errors';
import { SettingsStore } from '../settings/settings-store';
import { AnnotationService } from '../annotations/service';
import { AnnotationStore } from '../annotations/store';

const annotationsIn = (dir: string) =>
  new AnnotationService(AnnotationStore.inUserData(dir), new DocumentLibrary(dir), async () => ({ saved: false }));
import { createHandlers, dispatch, type Handlers } from './handlers';
import { requestSchemas } from '../../contract/ipc';

const RU_VIEW: SettingsView = { uiLanguage: 'ru', uiLanguageSource: 'user', reader: DEFAULT_READER_PREFS, lastDocumentId: null };

/** Every handler is a spy; the ones the tests look at have useful answers. */
function fakeHandlers(overrides: Partial<Handlers> = {}) {
  const spies = Object.fromEntries(METHOD_NAMES.map((name) => [name, vi.fn(async () => undefined)])) as unknown as Handlers;
  const handlers = {
    ...spies,
    listDocuments: vi.fn<Handlers['listDocuments']>(async () => []),
    openDocument: vi.fn<Handlers['openDocument']>(async () => {
      throw new AppError('not-found', 'no such document');
    }),
    getSettings: vi.fn<Handlers['getSettings']>(async () => ({
      uiLanguage: 'en',
      uiLanguageSource: 'system',
      reader: DEFAULT_READER_PREFS,
      lastDocumentId: null,
    })),
    setUiLanguage: vi.fn<Handlers['setUiLanguage']>(async () => RU_VIEW),
    ...overrides,
  };
  return handlers satisfies Handlers;
}

describe('dispatch', () => {
  it('refuses an unknown channel', async () => {
    const handlers = fakeHandlers();
    const result = await dispatch(handlers, 'documents:delete', undefined);
    expect(result).toMatchObject({ ok: false, code: 'unknown-channel' });
  });

  it('does not treat a method name or prototype key as a channel', async () => {
    const handlers = fakeHandlers();
    for (const channel of ['listDocuments', '__proto__', 'constructor', 'toString', '']) {
      expect(await dispatch(handlers, channel, undefined)).toMatchObject({ ok: false, code: 'unknown-channel' });
    }
  });

  it('returns the handler value on success', async () => {
    const handlers = fakeHandlers();
    const result = await dispatch(handlers, 'settings:set-ui-language', { uiLanguage: 'ru' });
    expect(result).toEqual({ ok: true, value: RU_VIEW });
    expect(handlers.setUiLanguage).toHaveBeenCalledWith({ uiLanguage: 'ru' });
  });

  it('passes a valid document id to the handler', async () => {
    const handlers = fakeHandlers({ openDocument: vi.fn(async () => ({ marker: 1 }) as never) });
    const result = await dispatch(handlers, 'documents:open', { id: 'asean-russia-covid19-2020' });
    expect(result).toEqual({ ok: true, value: { marker: 1 } });
    expect(handlers.openDocument).toHaveBeenCalledWith({ id: 'asean-russia-covid19-2020' });
  });

  it('runs a no-payload method without a payload', async () => {
    const handlers = fakeHandlers();
    expect(await dispatch(handlers, 'documents:list', undefined)).toEqual({ ok: true, value: [] });
    expect(handlers.listDocuments).toHaveBeenCalledTimes(1);
  });

  const badRequests: Array<[string, string, unknown]> = [
    ['wrong type', 'settings:set-ui-language', { uiLanguage: 42 }],
    ['unknown language', 'settings:set-ui-language', { uiLanguage: 'fr' }],
    ['extra key', 'settings:set-ui-language', { uiLanguage: 'ru', admin: true }],
    ['missing payload', 'settings:set-ui-language', undefined],
    ['null payload', 'settings:set-ui-language', null],
    ['string payload', 'documents:open', 'asean-russia-covid19-2020'],
    ['path traversal id', 'documents:open', { id: '../x' }],
    ['absolute path id', 'documents:open', { id: '/etc/passwd' }],
    ['backslash id', 'documents:open', { id: '..\\x' }],
    ['upper-case id', 'documents:open', { id: 'Doc' }],
    ['empty id', 'documents:open', { id: '' }],
    ['overlong id', 'documents:open', { id: 'a'.repeat(129) }],
    ['numeric id', 'documents:open', { id: 5 }],
    ['extra key beside id', 'documents:open', { id: 'doc', path: '/tmp' }],
    ['missing id', 'documents:open', {}],
    ['payload where none is expected', 'documents:list', { id: 'x' }],
    ['empty object where none is expected', 'settings:get', {}],
    ['null where none is expected', 'settings:get', null],
  ];

  it.each(badRequests)('refuses a bad request (%s) without calling the handler', async (_label, channel, payload) => {
    const handlers = fakeHandlers();
    const result = await dispatch(handlers, channel, payload);
    expect(result).toMatchObject({ ok: false, code: 'bad-request' });
    for (const fn of Object.values(handlers)) expect(fn).not.toHaveBeenCalled();
  });

  it('returns the code of an AppError thrown by the handler', async () => {
    const handlers = fakeHandlers();
    const result = await dispatch(handlers, 'documents:open', { id: 'missing-doc' });
    expect(result).toEqual({ ok: false, code: 'not-found', message: 'no such document' });
  });

  it('reports any other thrown error as internal', async () => {
    const handlers = fakeHandlers({
      listDocuments: vi.fn(async () => {
        throw new Error('disk on fire');
      }),
    });
    expect(await dispatch(handlers, 'documents:list', undefined)).toEqual({
      ok: false,
      code: 'internal',
      message: 'disk on fire',
    });
  });

  it('reports a thrown non-Error as internal', async () => {
    const handlers = fakeHandlers({
      getSettings: vi.fn(async () => {
        throw 'a string';
      }),
    });
    expect(await dispatch(handlers, 'settings:get', undefined)).toMatchObject({ ok: false, code: 'internal' });
  });
});

describe('the handler table covers the contract', () => {
  it('every contract method has a request schema', () => {
    for (const name of METHOD_NAMES) expect(requestSchemas).toHaveProperty(name);
    expect(Object.keys(requestSchemas).sort()).toEqual([...METHOD_NAMES].sort());
  });

  it('every contract method has a distinct channel', () => {
    const channels = METHOD_NAMES.map((name) => contract[name].channel);
    expect(new Set(channels).size).toBe(channels.length);
  });

  it('createHandlers provides a function for every contract method', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bitext-handlers-'));
    try {
      const settings = await SettingsStore.open(dir, ['en-US']);
      const handlers = createHandlers({ library: new DocumentLibrary(dir), settings, annotations: annotationsIn(dir) });
      for (const name of METHOD_NAMES) expect(typeof handlers[name]).toBe('function');
      expect(Object.keys(handlers).sort()).toEqual([...METHOD_NAMES].sort());
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('the first document comes with the row read last in it, and without one when none is kept', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bitext-handlers-'));
    try {
      const settings = await SettingsStore.open(dir, ['en-US']);
      const bundled = fileURLToPath(new URL('../../../resources/documents', import.meta.url));
      const handlers = createHandlers({ library: new DocumentLibrary(bundled), settings, annotations: annotationsIn(dir) });
      const first = await handlers.openFirstDocument(undefined);
      expect(first).not.toBeNull();
      expect(first).not.toHaveProperty('position');
      const row = first!.doc.body.groups[5]!.rows[0]!.id;
      await handlers.setReadingPosition({ documentId: first!.id, rowId: row });
      expect((await handlers.openFirstDocument(undefined))?.position).toBe(row);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('setUiLanguage through dispatch saves the choice and tells the listener', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bitext-handlers-'));
    try {
      const settings = await SettingsStore.open(dir, ['en-US']);
      const onUiLanguageChanged = vi.fn();
      const handlers = createHandlers({ library: new DocumentLibrary(dir), settings, annotations: annotationsIn(dir), onUiLanguageChanged });

      expect(await dispatch(handlers, 'settings:get', undefined)).toEqual({
        ok: true,
        value: { uiLanguage: 'en', uiLanguageSource: 'system', reader: DEFAULT_READER_PREFS, lastDocumentId: null },
      });
      expect(await dispatch(handlers, 'settings:set-ui-language', { uiLanguage: 'ru' })).toEqual({
        ok: true,
        value: RU_VIEW,
      });
      expect(onUiLanguageChanged).toHaveBeenCalledWith('ru');
      expect((await SettingsStore.open(dir, ['en-US'])).view()).toEqual(RU_VIEW);
      // An empty library folder lists nothing; a missing id is not-found.
      expect(await dispatch(handlers, 'documents:list', undefined)).toEqual({ ok: true, value: [] });
      expect(await dispatch(handlers, 'documents:open', { id: 'nothing-here' })).toMatchObject({
        ok: false,
        code: 'not-found',
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
