import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IMPORT_LIMITS, type ImportCheck, type ImportJobStatus, type Result } from '../../contract/ipc';
import { type AppServices, createAppServices } from '../app-services';
import { type AlignRunner, tsxWorker } from '../import/align-runner';
import { inProcessRunner } from '../import/in-process-runner';
import { encodeText } from '../import/decode';
import { paragraphFlood } from '../import/hostile';
import { STATEMENT, firstParagraphs, makeDocx } from '../import/testing';
import { UserDocuments } from './user-documents';
import { dispatch } from '../ipc/handlers';
import { bundledWorker } from '../testing/bundles';

const BUNDLED = fileURLToPath(new URL('../../../resources/documents', import.meta.url));
const BUNDLED_ID = 'asean-russia-covid19-2020';

let root: string;
let services: AppServices;
let exports: string[];
let progress: ImportJobStatus[];

async function start(options: { alignWorker?: ReturnType<typeof tsxWorker>; alignRunner?: AlignRunner; maxImportBytes?: number } = {}) {
  exports = [];
  progress = [];
  services = await createAppServices({
    userDataDir: join(root, 'data'),
    documentsDir: BUNDLED,
    systemLanguages: ['en-GB'],
    saveExport: async (name, content) => {
      const path = join(root, 'exports', name);
      await fs.mkdir(join(root, 'exports'), { recursive: true });
      await fs.writeFile(path, content);
      exports.push(path);
      return { saved: true, path };
    },
    onImportProgress: (status) => progress.push(status),
    // In this thread unless a test asks for the worker.
    alignRunner: options.alignWorker ? undefined : inProcessRunner(),
    ...options,
  });
}

async function call<T>(channel: string, payload?: unknown): Promise<Result<T>> {
  return (await dispatch(services.handlers, channel, payload)) as Result<T>;
}
async function ok<T>(channel: string, payload?: unknown): Promise<T> {
  const result = await call<T>(channel, payload);
  if (!result.ok) throw new Error(`${channel}: ${result.code} ${result.message}`);
  return result.value;
}

const file = (name: string, bytes: Uint8Array | string) => ({
  name,
  data: Buffer.from(typeof bytes === 'string' ? encodeText(bytes, 'utf-8') : bytes).toString('base64'),
});

async function importPair(files: Array<{ name: string; data: string }>, extra: Record<string, unknown> = {}) {
  const check = await ok<ImportCheck>('import:prepare', { files });
  const job = await ok<ImportJobStatus>('library:import', { pendingId: check.pendingId, ...extra });
  const done = await services.bitext.settled(job.jobId);
  return { check, done };
}

/** Folders in <userData>/documents, hidden ones included. */
const documentFolders = async () => fs.readdir(join(root, 'data', 'documents')).catch(() => [] as string[]);

beforeEach(async () => {
  root = await fs.mkdtemp(join(tmpdir(), 'bitext-library-service-'));
});
afterEach(async () => {
  await services?.corrections.flush();
  await fs.rm(root, { recursive: true, force: true });
});

describe('importing a pair', () => {
  it('CP1251 English? no: a UTF-16 English .html and a KOI8-R Russian .txt become a document in the library', async () => {
    await start();
    const html = `<html><head><title>ignored title</title><script>alert(1)</script></head><body>${STATEMENT.en
      .trim()
      .split('\n\n')
      .map((p) => `<p>${p}</p>`)
      .join('')}</body></html>`;
    const ruText = STATEMENT.ru.replace(/[«»–—№]/g, '-');
    const { check, done } = await importPair([file('statement-en.html', encodeText(html, 'utf-16le', { bom: true })), file('statement-ru.txt', encodeText(ruText, 'koi8-r'))]);
    expect(check.files.map((f) => [f.format, f.encoding])).toEqual([
      ['html', 'utf-16le'],
      ['txt', 'koi8-r'],
    ]);
    expect(check.language.status).toBe('ok');
    expect(done).toMatchObject({ state: 'done', phase: 'done', progress: 1 });
    expect(progress.map((p) => p.phase)).toEqual(expect.arrayContaining(['segmenting', 'aligning', 'writing', 'done']));

    const list = await ok<Array<Record<string, unknown>>>('library:list');
    expect(list.map((e) => e.bundled)).toEqual([true, false]);
    const entry = list[1]!;
    expect(entry).toMatchObject({ id: done.documentId, annotations: 0, imported: { originalNames: ['statement-en.html', 'statement-ru.txt'], encodings: ['utf-16le', 'koi8-r'] } });
    expect(entry.title).toEqual({ en: 'ignored title', ru: ruText.split('\n')[0] });
    expect(entry.rows).toBeGreaterThan(20);

    const view = await ok<{ manifest: { id: string }; stats: { rows: number }; alignment: { bundled: boolean; editable: boolean } }>('documents:open', { id: done.documentId });
    expect(view.stats.rows).toBe(entry.rows);
    expect(view.alignment).toMatchObject({ bundled: false, editable: true });
    const folder = join(root, 'data', 'documents', done.documentId!);
    expect((await fs.readdir(folder)).sort()).toEqual(['alignment.json', 'en.txt', 'manifest.json', 'ru.txt']);
    expect(await fs.readFile(join(folder, 'ru.txt'), 'utf8')).toBe(ruText);
    expect(done.documentId).toMatch(/^ignored-title-[0-9a-f]{6}$/);
  });

  it('a .docx and a .md pair, swapped on request when the languages are the wrong way round', async () => {
    await start();
    const ruDocx = makeDocx(firstParagraphs(STATEMENT.ru, 6).trim().split('\n\n'));
    const enMd = firstParagraphs(STATEMENT.en, 6).replace(/^/, '# ');
    const check = await ok<ImportCheck>('import:prepare', { files: [file('ru.docx', ruDocx), file('en.md', enMd)] });
    expect(check.language).toMatchObject({ status: 'swapped', suggestion: 'swap' });
    const job = await ok<ImportJobStatus>('library:import', { pendingId: check.pendingId, swap: true, title: { en: 'My pair', ru: 'Моя пара' } });
    const done = await services.bitext.settled(job.jobId);
    expect(done.state).toBe('done');
    const manifest = JSON.parse(await fs.readFile(join(root, 'data', 'documents', done.documentId!, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ title: { en: 'My pair', ru: 'Моя пара' }, imported: { originalNames: ['en.md', 'ru.docx'], encodings: ['utf-8', 'docx'] } });
    expect(await fs.readFile(join(root, 'data', 'documents', done.documentId!, 'en.txt'), 'utf8')).toBe(firstParagraphs(STATEMENT.en, 6));
    await expect(call('library:import', { pendingId: check.pendingId })).resolves.toMatchObject({ ok: false, code: 'not-found' });
  });

  it('a bilingual TSV brings its own rows', async () => {
    await start();
    const en = STATEMENT.en.trim().split('\n\n').slice(0, 5);
    const ru = STATEMENT.ru.trim().split('\n\n').slice(0, 5);
    const { check, done } = await importPair([file('pairs.tsv', encodeText(en.map((e, k) => `${e}\t${ru[k]}`).join('\r\n'), 'windows-1251'))]);
    expect(check).toMatchObject({ bilingual: true, units: 5 });
    const view = await ok<{ body: { groups: Array<{ rows: Array<{ en: unknown[]; ru: unknown[]; confidence: number }> }> } }>('documents:open', { id: done.documentId });
    expect(view.body.groups).toHaveLength(5);
    expect(view.body.groups.every((g) => g.rows.length === 1 && g.rows[0]!.confidence === 1)).toBe(true);
  });

  it('aligns in a worker thread, and cancelling leaves nothing behind', async () => {
    await start({ alignWorker: tsxWorker() });
    const { done } = await importPair([file('en.txt', STATEMENT.en), file('ru.txt', STATEMENT.ru)]);
    expect(done.error).toBeUndefined();
    expect(done.state).toBe('done');
    expect((await ok<unknown[]>('library:list')).length).toBe(2);

    const check = await ok<ImportCheck>('import:prepare', { files: [file('en2.txt', STATEMENT.en), file('ru2.txt', STATEMENT.ru)] });
    const job = await ok<ImportJobStatus>('library:import', { pendingId: check.pendingId });
    const cancelled = await ok<ImportJobStatus>('import:cancel', { jobId: job.jobId });
    expect(cancelled.jobId).toBe(job.jobId);
    const final = await services.bitext.settled(job.jobId);
    expect(final).toMatchObject({ state: 'cancelled', error: { code: 'cancelled' } });
    expect(await ok<ImportJobStatus>('import:status', { jobId: job.jobId })).toMatchObject({ state: 'cancelled' });
    expect(await documentFolders()).toEqual([done.documentId]);
  }, 60_000);

  it('a failed alignment leaves nothing half-imported', async () => {
    await start({ alignRunner: { ...inProcessRunner(), run: async () => { throw new Error('boom'); } } });
    const { done } = await importPair([file('en.txt', STATEMENT.en), file('ru.txt', STATEMENT.ru)]);
    expect(done).toMatchObject({ state: 'failed', error: { code: 'internal', message: 'boom' } });
    expect(await documentFolders()).toEqual([]);
    expect(await ok<unknown[]>('library:list')).toHaveLength(1);
  });
});

describe('bad input is refused with a code and a message naming the file; nothing is imported', () => {
  const cases: Array<[string, () => Array<{ name: string; data: string }>, string, string]> = [
    ['the same file twice', () => [file('a.txt', STATEMENT.en), file('b.txt', STATEMENT.en)], 'same-file', 'a.txt'],
    ['an empty file', () => [file('en.txt', STATEMENT.en), file('empty.txt', new Uint8Array())], 'empty-file', 'empty.txt'],
    ['a binary file', () => [file('en.txt', STATEMENT.en), file('ru.txt', new Uint8Array([1, 0, 2, 0, 0, 0, 3, 4, 5, 0, 0, 9]))], 'binary-file', 'ru.txt'],
    ['undecodable bytes', () => [file('en.txt', STATEMENT.en), file('ru.txt', new Uint8Array([...encodeText(STATEMENT.ru, 'utf-8'), 0xff, 0xfe, 0x41]))], 'undecodable', 'ru.txt'],
    ['a PDF', () => [file('en.pdf', '%PDF-1.4'), file('ru.txt', STATEMENT.ru)], 'unsupported-format', 'en.pdf'],
  ];
  for (const [label, files, code, name] of cases) {
    it(label, async () => {
      await start();
      const result = await call('import:prepare', { files: files() });
      expect(result).toMatchObject({ ok: false, code });
      expect(!result.ok && result.message).toContain(name);
      expect(await documentFolders()).toEqual([]);
    });
  }

  it('a file over the limit (checked on the base64 string, before decoding)', async () => {
    await start({ maxImportBytes: 1000 });
    const result = await call('import:prepare', { files: [file('en.txt', STATEMENT.en), file('ru.txt', STATEMENT.ru)] });
    expect(result).toMatchObject({ ok: false, code: 'too-large' });
    expect(!result.ok && result.message).toContain('en.txt');
  });

  it('a file that vanished between choosing and reading (the dialog path)', async () => {
    exports = [];
    const gone = join(root, 'gone.txt');
    services = await createAppServices({
      userDataDir: join(root, 'data'),
      documentsDir: BUNDLED,
      systemLanguages: ['en'],
      saveExport: async () => ({ saved: false }),
      alignRunner: inProcessRunner(),
      chooseImportFiles: async () => {
        await fs.writeFile(join(root, 'en.txt'), STATEMENT.en);
        return [join(root, 'en.txt'), gone];
      },
    });
    const result = await call('import:choose', { mode: 'pair' });
    expect(result).toMatchObject({ ok: false, code: 'file-vanished' });
    expect(!result.ok && result.message).toContain('gone.txt');
  });

  it('the harness (no dialog) answers cancelled to import:choose', async () => {
    await start();
    expect(await ok('import:choose', { mode: 'bilingual' })).toEqual({ cancelled: true });
  });

  it('the schema refuses a file over 50 MB of base64 and non-base64 data', async () => {
    await start();
    expect(await call('import:prepare', { files: [{ name: 'x.txt', data: 'not base64!' }] })).toMatchObject({ ok: false, code: 'bad-request' });
    expect(await call('import:prepare', { files: [] })).toMatchObject({ ok: false, code: 'bad-request' });
  });

  it('cleans up a temporary folder left by a crash at start-up', async () => {
    await fs.mkdir(join(root, 'data', 'documents', '.tmp-half-done-1234'), { recursive: true });
    await start();
    expect(await documentFolders()).toEqual([]);
  });
});

describe('import:prepare reads the files in the worker, not on the main thread', () => {
  const bytesOf = (text: string) => encodeText(text, 'utf-8');

  it('raw bytes (as the renderer sends them) are handed to the worker without a copy and import', async () => {
    await start({ alignWorker: bundledWorker('align') });
    const en = bytesOf(STATEMENT.en);
    const ru = bytesOf(STATEMENT.ru);
    const sizes = [en.byteLength, ru.byteLength];
    const check = await ok<ImportCheck>('import:prepare', { files: [{ name: 'en.txt', bytes: en }, { name: 'ru.txt', bytes: ru }] });
    expect(check.files.map((f) => f.bytes)).toEqual(sizes);
    // Transferred: this side gave the buffers up (a copy would have left them whole here).
    expect([en.byteLength, ru.byteLength]).toEqual([0, 0]);
    const job = await ok<ImportJobStatus>('library:import', { pendingId: check.pendingId });
    expect((await services.bitext.settled(job.jobId)).state).toBe('done');
  }, 60_000);

  it('base64 is decoded in the worker: main never decodes it', async () => {
    await start({ alignWorker: bundledWorker('align') });
    const files = [file('en.txt', STATEMENT.en), file('ru.txt', STATEMENT.ru)];
    const from = vi.spyOn(Buffer, 'from');
    try {
      const check = await ok<ImportCheck>('import:prepare', { files });
      expect(check.files).toHaveLength(2);
      expect(from.mock.calls.filter((args) => (args as unknown[])[1] === 'base64')).toEqual([]);
    } finally {
      from.mockRestore();
    }
  }, 60_000);

  it('data that is not base64 is refused by the worker as a bad request naming the file', async () => {
    await start({ alignWorker: bundledWorker('align') });
    const result = await call('import:prepare', { files: [file('en.txt', STATEMENT.en), { name: 'ru.txt', data: 'not base64!' }] });
    expect(result).toMatchObject({ ok: false, code: 'bad-request' });
    expect(!result.ok && result.message).toContain('ru.txt');
  }, 60_000);

  it('the schema checks the bytes cheaply: their type and size', async () => {
    await start();
    const refused = async (files: unknown) => expect(await call('import:prepare', { files })).toMatchObject({ ok: false, code: 'bad-request' });
    await refused([{ name: 'en.txt', bytes: [65, 66] }]);
    await refused([{ name: 'en.txt', bytes: 'QUJD' }]);
    await refused([{ name: 'en.txt', bytes: new Uint8Array(IMPORT_LIMITS.maxFileBytes + 1) }]);
    await refused([{ name: 'en.txt', bytes: new Uint8Array(4), data: 'QUJD' }]);
    await refused([{ name: 'e\u0000n.txt', bytes: new Uint8Array(4) }]);
  });

  it('an over-large file is refused from the size of its bytes or its base64, before anything is read', async () => {
    await start({ maxImportBytes: 1000, alignWorker: bundledWorker('align') });
    const big = bytesOf(STATEMENT.en);
    const raw = await call('import:prepare', { files: [{ name: 'en.txt', bytes: big }, { name: 'ru.txt', bytes: bytesOf('Мало.') }] });
    expect(raw).toMatchObject({ ok: false, code: 'too-large', details: { params: { file: 'en.txt' } } });
    expect(big.byteLength).toBeGreaterThan(1000); // refused in main, so never handed over
  }, 60_000);
});

describe('rename, remove, purge, corrections and export', () => {
  it('renames and removes an import; its annotations are kept until purged', async () => {
    await start();
    const { done } = await importPair([file('en.txt', firstParagraphs(STATEMENT.en, 8)), file('ru.txt', firstParagraphs(STATEMENT.ru, 8))]);
    const id = done.documentId!;
    const renamed = await ok<{ title: unknown }>('library:rename', { id, title: { en: ' New title ', ru: 'Новое название' } });
    expect(renamed.title).toEqual({ en: 'New title', ru: 'Новое название' });
    expect((await ok<{ manifest: { title: unknown } }>('documents:open', { id })).manifest.title).toEqual({ en: 'New title', ru: 'Новое название' });

    await ok('annotations:create', { documentId: id, selection: { type: 'row', rowId: 'r1-0' }, kind: 'note', color: 'yellow', note: 'n' });
    expect((await ok<Array<{ id: string; annotations: number }>>('library:list')).find((e) => e.id === id)!.annotations).toBe(1);
    await ok('alignment:apply', { documentId: id, operation: { op: 'confirm', rowId: 'r1-0', confirmed: true } });

    expect(await call('library:remove', { id: BUNDLED_ID })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await ok('library:remove', { id })).toEqual({ id, annotationsKept: 1 });
    expect(await documentFolders()).toEqual([]);
    expect(await call('documents:open', { id })).toMatchObject({ ok: false, code: 'not-found' });
    expect((await ok<unknown[]>('library:list')).length).toBe(1);
    await expect(fs.access(join(root, 'data', 'corrections', `${id}.json`))).rejects.toThrow();
    expect(await ok('library:purge-annotations', { id })).toEqual({ purged: 1 });
    expect(await ok('library:purge-annotations', { id })).toEqual({ purged: 0 });
  });

  it('corrects the bundled statement (kept in the reader data), undoes, redoes, reviews', async () => {
    await start();
    type View = { body: { groups: Array<{ rows: Array<{ id: string; en: unknown[]; ru: unknown[] }> }> }; stats: { rows: number }; alignment: Record<string, unknown> };
    const before = await ok<View>('documents:open', { id: BUNDLED_ID });
    expect(before.alignment).toMatchObject({ bundled: true, editable: true, canUndo: false });
    const first = before.body.groups[1]!.rows[0]!.id;
    const merged = await ok<View>('alignment:apply', { documentId: BUNDLED_ID, operation: { op: 'merge', rowId: first } });
    expect(merged.stats.rows).toBe(before.stats.rows - 1);
    expect(merged.alignment).toMatchObject({ corrections: 1, canUndo: true, canRedo: false });
    const undone = await ok<View>('alignment:undo', { documentId: BUNDLED_ID });
    expect(undone.stats.rows).toBe(before.stats.rows);
    const redone = await ok<View>('alignment:redo', { documentId: BUNDLED_ID });
    expect(redone.stats.rows).toBe(before.stats.rows - 1);
    expect(await call('alignment:apply', { documentId: BUNDLED_ID, operation: { op: 'split', rowId: first, en: 0, ru: 0 } })).toMatchObject({ ok: false, code: 'bad-request' });
    const weakest = await ok<Array<{ rowId: string; confidence: number }>>('alignment:review', { documentId: BUNDLED_ID, kind: 'weakest', limit: 3 });
    expect(weakest).toHaveLength(3);
    expect(weakest[0]!.confidence).toBeLessThanOrEqual(weakest[2]!.confidence);
    expect(await fs.readdir(join(root, 'data', 'corrections'))).toContain(`${BUNDLED_ID}.json`);
  });

  it('exports the corrected rows through saveExport in every format', async () => {
    await start();
    for (const format of ['tmx', 'tsv', 'beads', 'markdown']) {
      const result = await ok<{ saved: boolean; path: string }>('alignment:export', { documentId: BUNDLED_ID, format });
      expect(result.saved).toBe(true);
    }
    expect(exports.map((p) => p.split('/').pop())).toEqual([`${BUNDLED_ID}.tmx`, `${BUNDLED_ID}.tsv`, `${BUNDLED_ID}-beads.txt`, `${BUNDLED_ID}-bitext.md`]);
    const rows = (await ok<{ stats: { rows: number } }>('documents:open', { id: BUNDLED_ID })).stats.rows;
    // Every row of the text, and the title (the document's heading, not counted as a row).
    expect((await fs.readFile(exports[2]!, 'utf8')).trim().split('\n')).toHaveLength(rows + 1);
    expect(await fs.readFile(exports[0]!, 'utf8')).toContain('creationtool="Bitext Reader"');
  });
});


describe('hostile imports through the service', () => {
  it('a refusal in the import worker comes back with its code, message key and values', async () => {
    await start({ alignWorker: bundledWorker('align') });
    const flood = paragraphFlood(2 * 1024 * 1024);
    const result = await call('import:prepare', { files: [file('flood.txt', flood.bytes), file('ru.txt', STATEMENT.ru)] });
    expect(result).toMatchObject({ ok: false, code: 'too-much-text', details: { reason: 'too-many-paragraphs', params: { file: 'flood.txt', max: IMPORT_LIMITS.maxParagraphs } } });
    const ok = await call<ImportCheck>('import:prepare', { files: [file('en.txt', STATEMENT.en), file('ru.txt', STATEMENT.ru)] });
    expect(ok).toMatchObject({ ok: true, value: { bilingual: false, language: { status: 'ok' } } });
  }, 60_000);

  it('a NUL in a sent file name is a bad request', async () => {
    await start();
    const result = await call('import:prepare', { files: [file('en\0.txt', STATEMENT.en), file('ru.txt', STATEMENT.ru)] });
    expect(result).toMatchObject({ ok: false, code: 'bad-request' });
  });

  it('an import is done only once the document loads; one that does not load is not kept', async () => {
    // An aligner whose rows point outside the texts: written, but it cannot be opened.
    await start({
      alignRunner: {
        ...inProcessRunner(),
        run: async () => ({
          groups: [{ number: 1, kind: 'body', en: [0], ru: [0], rows: [{ id: 'r0-0', en: [{ id: 'en-p0-c0', text: 'x', start: 0, end: 10_000_000 }], ru: [], confidence: 1 }] }],
        }),
      },
    });
    const { done } = await importPair([file('en.txt', STATEMENT.en), file('ru.txt', STATEMENT.ru)]);
    // The problem as a code, said in the reader's language (never the English message inside it).
    expect(done).toMatchObject({ state: 'failed', error: { code: 'corrupt-file', details: { reason: 'load-failed', params: { problem: 'damaged' } } } });
    expect(done.documentId).toBeUndefined();
    expect((await documentFolders()).filter((name) => !name.startsWith('.'))).toEqual([]);
    expect(await ok<unknown[]>('library:list')).toHaveLength(1);
  });

  it('a document whose files are missing, unreadable or damaged is listed with a code for each', async () => {
    await start();
    const ids: string[] = [];
    for (const n of [1, 2, 3]) ids.push((await importPair([file(`en${n}.txt`, `${STATEMENT.en} ${n}`), file(`ru${n}.txt`, `${STATEMENT.ru} ${n}`)])).done.documentId!);
    const folder = (id: string) => join(root, 'data', 'documents', id);
    await fs.rm(join(folder(ids[0]!), 'en.txt'));
    await fs.writeFile(join(folder(ids[1]!), 'manifest.json'), '{ not json');
    await fs.rm(join(folder(ids[2]!), 'manifest.json'));
    await fs.mkdir(join(folder(ids[2]!), 'manifest.json'));
    for (const id of ids) services.library.invalidate(id, { base: true });
    const listed = await ok<Array<{ id: string; problemCode?: unknown }>>('library:list');
    const codeOf = (id: string) => listed.find((e) => e.id === id)?.problemCode;
    expect(codeOf(ids[0]!)).toEqual({ code: 'missing', params: { file: 'en.txt' } });
    expect(codeOf(ids[1]!)).toEqual({ code: 'damaged', params: { file: 'manifest.json' } });
    expect(codeOf(ids[2]!)).toEqual({ code: 'unreadable', params: { file: 'manifest.json' } });
  });

  it('a document that fails to load is listed with its problem, and the failure is remembered', async () => {
    await start();
    const { done } = await importPair([file('en.txt', STATEMENT.en), file('ru.txt', STATEMENT.ru)]);
    const id = done.documentId!;
    await fs.writeFile(join(root, 'data', 'documents', id, 'alignment.json'), '{"schemaVersion":1,"groups":[{"broken":true}]}');
    services.library.invalidate(id, { base: true }); // as after a restart
    const loads = vi.spyOn(UserDocuments.prototype, 'load');
    const first = await ok<Array<{ id: string; problem?: string; problemCode?: unknown }>>('library:list');
    expect(first.find((e) => e.id === id)?.problem).toMatch(/alignment/);
    expect(first.find((e) => e.id === id)?.problemCode).toEqual({ code: 'damaged' });
    const second = await ok<Array<{ id: string; problem?: string }>>('library:list');
    expect(second.find((e) => e.id === id)?.problem).toBe(first.find((e) => e.id === id)?.problem);
    expect(loads).toHaveBeenCalledTimes(1);
    loads.mockRestore();
    // Removing it forgets the failure (and the document).
    await ok('library:remove', { id });
    expect((await ok<Array<{ id: string }>>('library:list')).map((e) => e.id)).not.toContain(id);
  });
});

describe('the saved alignment', () => {
  it('is ordinary JSON laid out one group a line, and a file in the one-line layout still loads', async () => {
    await start();
    const { done } = await importPair([file('en.txt', STATEMENT.en), file('ru.txt', STATEMENT.ru)]);
    const id = done.documentId!;
    const path = join(root, 'data', 'documents', id, 'alignment.json');
    const raw = await fs.readFile(path, 'utf8');
    const parsed = JSON.parse(raw) as { groups: unknown[] };
    expect(raw.split('\n').length).toBe(parsed.groups.length + 3);
    const before = await ok<{ body: unknown }>('documents:open', { id });
    await fs.writeFile(path, JSON.stringify(parsed));
    services.library.invalidate(id, { base: true });
    expect((await ok<{ body: unknown }>('documents:open', { id })).body).toEqual(before.body);
    // A damaged line is a damaged file, not a shorter document.
    await fs.writeFile(path, raw.replace('"rows":[', '"rows":[}'));
    services.library.invalidate(id, { base: true });
    expect(await call('documents:open', { id })).toMatchObject({ ok: false, code: 'corrupt-file' });
  });
});
