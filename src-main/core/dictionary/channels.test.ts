/**
 * The dictionary, DOCX and print channels through `dispatch`, with the real services: what a UI
 * calls. Payloads are what the renderer sends (file bytes as base64).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DictionaryInfo, LookupResult, Result } from '../../contract/ipc';
import { type AppServices, createAppServices } from '../app-services';
import { dispatch } from '../ipc/handlers';
import { EN_RU, RU_EN, writeDictd, writeStarDict } from './testing';

const BUNDLED = fileURLToPath(new URL('../../../resources/documents', import.meta.url));
const STATEMENT = 'asean-russia-covid19-2020';

let root: string;
let services: AppServices;
const saved = new Map<string, string | Uint8Array>();
const printed: string[] = [];

async function start(withPrinter: boolean) {
  services = await createAppServices({
    userDataDir: join(root, 'data'),
    documentsDir: BUNDLED,
    systemLanguages: ['en-GB'],
    saveExport: async (name, content) => {
      saved.set(name, content);
      return { saved: true, path: join(root, name) };
    },
    ...(withPrinter
      ? {
          printer: {
            toPdf: async (html: string) => {
              printed.push(html);
              return new TextEncoder().encode('%PDF-1.7 stand-in');
            },
            print: async (html: string) => {
              printed.push(html);
              return false;
            },
          },
        }
      : {}),
  });
}
const call = <T>(channel: string, payload?: unknown) => dispatch(services.handlers, channel, payload) as Promise<Result<T>>;
const wire = (files: Array<{ name: string; bytes: Uint8Array }>) => ({ files: files.map((f) => ({ name: f.name, data: Buffer.from(f.bytes).toString('base64') })) });

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'dict-ipc-'));
  saved.clear();
  printed.length = 0;
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('dictionaries:*', () => {
  it('add, list, look up in both directions, remove', async () => {
    await start(false);
    const enRu = await call<DictionaryInfo>('dictionaries:add', wire(writeStarDict('en-ru', EN_RU, { dz: true, bookname: 'EN-RU' })));
    const ruEn = await call<DictionaryInfo>('dictionaries:add', wire(writeDictd('ru-en', RU_EN, { shortName: 'RU-EN' })));
    expect(enRu.ok && ruEn.ok).toBe(true);
    const list = await call<DictionaryInfo[]>('dictionaries:list');
    expect(list.ok && list.value.map((d) => [d.name, d.from])).toEqual([
      ['EN-RU', 'en'],
      ['RU-EN', 'ru'],
    ]);
    const en = await call<LookupResult>('dictionaries:lookup', { word: 'Measures,', lang: 'en' });
    expect(en.ok && en.value.entries[0]).toMatchObject({ dictionary: 'EN-RU', headword: 'measure' });
    const ru = await call<LookupResult>('dictionaries:lookup', { word: 'пандемией', lang: 'ru' });
    expect(ru.ok && ru.value.entries[0]).toMatchObject({ dictionary: 'RU-EN', headword: 'пандемия', definition: 'pandemic' });
    if (!enRu.ok) throw new Error('unreachable');
    expect(await call('dictionaries:remove', { id: enRu.value.id })).toEqual({ ok: true, value: { id: enRu.value.id } });
    const after = await call<LookupResult>('dictionaries:lookup', { word: 'measures', lang: 'en' });
    expect(after.ok && after.value.entries).toEqual([]);
    // The harness has no open dialog.
    expect(await call('dictionaries:choose')).toEqual({ ok: true, value: { cancelled: true } });
  });

  it('a broken dictionary comes back as a value with its code, and nothing is listed', async () => {
    await start(false);
    const files = writeStarDict('b', EN_RU).map((f) => (f.name.endsWith('.idx') ? { ...f, bytes: f.bytes.subarray(0, 20) } : f));
    const result = await call('dictionaries:add', wire(files));
    expect(result).toMatchObject({ ok: false, code: 'dictionary-broken', message: expect.stringContaining('b.idx') });
    expect(await call('dictionaries:list')).toEqual({ ok: true, value: [] });
  });
});

describe('DOCX export and print', () => {
  it('alignment:export docx with notes as footnotes', async () => {
    await start(false);
    const view = await services.library.open(STATEMENT);
    const rowId = view.body.groups[1]!.rows[0]!.id;
    await call('annotations:create', { documentId: STATEMENT, selection: { type: 'row', rowId }, kind: 'note', color: 'green', note: 'Compare “via video conference”.' });
    expect(await call('alignment:export', { documentId: STATEMENT, format: 'docx', notes: 'footnotes' })).toMatchObject({ ok: true, value: { saved: true } });
    const bytes = saved.get(`${STATEMENT}-bitext.docx`);
    if (!(bytes instanceof Uint8Array)) throw new Error('no DOCX bytes saved');
    const files = unzipSync(bytes);
    const xml = strFromU8(files['word/document.xml']!);
    const rows = view.body.groups.reduce((n, g) => n + g.rows.length, 0);
    expect(xml.match(/<w:tr[ >]/g)).toHaveLength(rows + 1);
    expect(xml).toContain('We, the Foreign Ministers');
    expect(strFromU8(files['word/footnotes.xml']!)).toContain('Compare “via video conference”.');
  });

  it('print:pdf and print:print hand the page to the printer; without one they are unavailable', async () => {
    await start(false);
    expect(await call('print:pdf', { documentId: STATEMENT })).toMatchObject({ ok: false, code: 'unavailable' });
    expect(await call('print:print', { documentId: STATEMENT })).toMatchObject({ ok: false, code: 'unavailable' });
    expect(await call('print:pdf', { documentId: 'no-such-document' })).toMatchObject({ ok: false, code: 'not-found' });
    await start(true);
    expect(await call('print:pdf', { documentId: STATEMENT, notes: 'omit' })).toMatchObject({ ok: true, value: { saved: true } });
    expect(saved.get(`${STATEMENT}.pdf`)).toEqual(new TextEncoder().encode('%PDF-1.7 stand-in'));
    expect(await call('print:print', { documentId: STATEMENT })).toEqual({ ok: true, value: { printed: false } });
    expect(printed).toHaveLength(2);
    expect(printed[0]).toContain('<td lang="ru" class="ru">Мы, министры иностранных дел');
  });
});
