/** Books through the library's import (as the app does it): a pair of EPUB/FB2/PDF files, and refusals that leave nothing behind. */
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportCheck, ImportJobStatus, LibraryEntry, Result } from '../../contract/ipc';
import { type AppServices, createAppServices } from '../app-services';
import { makeEpub, makeFb2, makePdf } from '../import/book-fixtures';
import { encodeText } from '../import/decode';
import { inProcessRunner } from '../import/in-process-runner';
import { dispatch } from '../ipc/handlers';
import { bundledWorker } from '../testing/bundles';

const BUNDLED = fileURLToPath(new URL('../../../resources/documents', import.meta.url));
let root: string;
let services: AppServices;
let saved: Array<{ name: string; content: string }>;

async function call<T>(channel: string, payload?: unknown): Promise<Result<T>> {
  return (await dispatch(services.handlers, channel, payload)) as Result<T>;
}
const file = (name: string, bytes: Uint8Array | string) => ({
  name,
  data: Buffer.from(typeof bytes === 'string' ? encodeText(bytes, 'utf-8') : bytes).toString('base64'),
});
const documentFolders = async () => fs.readdir(join(root, 'data', 'documents')).catch(() => [] as string[]);

beforeEach(async () => {
  root = await fs.mkdtemp(join(tmpdir(), 'bitext-books-import-'));
  saved = [];
  services = await createAppServices({
    userDataDir: join(root, 'data'),
    documentsDir: BUNDLED,
    systemLanguages: ['en-GB'],
    saveExport: async (name, content) => {
      saved.push({ name, content: typeof content === "string" ? content : new TextDecoder().decode(content) });
      return { saved: true, path: join(root, name) };
    },
    alignRunner: inProcessRunner(),
  });
});
afterEach(async () => {
  await services?.corrections.flush();
  await fs.rm(root, { recursive: true, force: true });
});

describe('importing books', () => {
  it('an EPUB and an FB2 become a document; the title comes from the files’ metadata', async () => {
    const epub = makeEpub([{ title: 'Chapter One', paragraphs: ['The Parties met in Moscow.', 'They agreed on a plan.'] }], { title: 'The Meeting' });
    const fb2 = makeFb2([{ title: 'Глава первая', paragraphs: ['Стороны встретились в Москве.', 'Они согласовали план.'] }], { title: 'Встреча' });
    const prepared = await call<ImportCheck>('import:prepare', { files: [file('en.epub', epub), file('ru.fb2', fb2)] });
    if (!prepared.ok) throw new Error(prepared.message);
    expect(prepared.value.files.map((f) => [f.format, f.encoding, f.paragraphs])).toEqual([
      ['epub', 'epub', 3],
      ['fb2', 'utf-8', 3],
    ]);
    expect(prepared.value.suggestedTitle).toEqual({ en: 'The Meeting', ru: 'Встреча' });
    expect(prepared.value.files.map((f) => [f.details, f.headings])).toEqual([
      [{ title: 'The Meeting', language: 'en' }, 1],
      [{ title: 'Встреча', language: 'ru' }, 1],
    ]);
    const job = await call<ImportJobStatus>('library:import', { pendingId: prepared.value.pendingId });
    if (!job.ok) throw new Error(job.message);
    const done = await services.bitext.settled(job.value.jobId);
    expect(done.state).toBe('done');
    const list = await call<LibraryEntry[]>('library:list');
    const entry = list.ok ? list.value.find((e) => e.id === done.documentId) : undefined;
    expect(entry?.imported?.originalNames).toEqual(['en.epub', 'ru.fb2']);
    // The chapter's heading and its two paragraphs: a book's one chapter heading is a row, not taken
    // for the title (the title comes from the metadata; a title row would be left out of the count).
    expect(entry?.rows).toBe(3);
  });

  it('subtitles: the cue times are kept with the document, and the TSV export carries them', async () => {
    const srt = '1\n00:00:01,000 --> 00:00:02,000\nWhere are you going?\n\n2\n00:00:03,000 --> 00:00:04,500\nHome, at last.\n';
    const vtt = 'WEBVTT\n\n00:01.100 --> 00:02.000\nКуда ты идёшь?\n\n00:03.000 --> 00:04.400\nДомой, наконец.\n';
    const prepared = await call<ImportCheck>('import:prepare', { files: [file('film.en.srt', srt), file('film.ru.vtt', vtt)] });
    if (!prepared.ok) throw new Error(prepared.message);
    const job = await call<ImportJobStatus>('library:import', { pendingId: prepared.value.pendingId });
    if (!job.ok) throw new Error(job.message);
    const done = await services.bitext.settled(job.value.jobId);
    expect(done.state).toBe('done');
    const manifest = JSON.parse(await fs.readFile(join(root, 'data', 'documents', done.documentId!, 'manifest.json'), 'utf8')) as { imported: { structure?: unknown } };
    expect(manifest.imported.structure).toMatchObject({ en: { cues: [{ paragraph: 0, start: 1000, end: 2000 }, { paragraph: 1, start: 3000, end: 4500 }] } });
    const exported = await call('alignment:export', { documentId: done.documentId, format: 'tsv' });
    expect(exported.ok).toBe(true);
    expect(saved.at(-1)?.content).toBe('Where are you going?\tКуда ты идёшь?\t00:00:01.000\t00:00:02.000\nHome, at last.\tДомой, наконец.\t00:00:03.000\t00:00:04.500\n');
  });

  it('a PDF and an EPUB, prepared in the import worker (pdfjs answers asynchronously there)', { timeout: 120_000 }, async () => {
    services = await createAppServices({ userDataDir: join(root, 'data2'), documentsDir: BUNDLED, systemLanguages: ['en-GB'], saveExport: async () => ({ saved: false }), alignWorker: bundledWorker('align') });
    const pdf = makePdf([[{ x: 72, y: 700, text: 'The Parties met in Moscow.' }, { x: 72, y: 660, text: 'They agreed on a plan.' }]], { title: 'Report' });
    const epub = makeEpub([{ title: 'Глава', paragraphs: ['Стороны встретились в Москве.', 'Они согласовали план.'] }]);
    const prepared = await call<ImportCheck>('import:prepare', { files: [file('en.pdf', pdf), file('ru.epub', epub)] });
    if (!prepared.ok) throw new Error(prepared.message);
    expect(prepared.value.files.map((f) => [f.format, f.paragraphs])).toEqual([
      ['pdf', 1], // two lines, one gap: one paragraph (nothing to tell a paragraph gap from line spacing)
      ['epub', 3],
    ]);
    const scan = await call('import:prepare', { files: [file('scan.pdf', makePdf([null])), file('ru.epub', epub)] });
    expect(scan.ok ? 'ok' : scan.code).toBe('no-text-layer');
  });

  it('a scanned PDF and a DRM book are refused with their codes, and nothing is written', async () => {
    const good = makeEpub([{ title: 'Глава', paragraphs: ['Текст главы.'] }]);
    const scan = await call('import:prepare', { files: [file('scan.pdf', makePdf([null])), file('ru.epub', good)] });
    expect(scan.ok ? 'ok' : scan.code).toBe('no-text-layer');
    const drm = await call('import:prepare', { files: [file('en.epub', makeEpub([{ title: 'C', paragraphs: ['x'] }], { drm: 'encryption' })), file('ru.epub', good)] });
    expect(drm.ok ? 'ok' : drm.code).toBe('drm-protected');
    expect(drm.ok ? '' : drm.message).toContain('en.epub');
    expect(await documentFolders()).toEqual([]);
  });

  it('an EPUB with no spine, a PDF with a password and subtitles with broken times: each refused with its code and the file named, nothing written', async () => {
    const good = makeEpub([{ title: 'Глава', paragraphs: ['Текст главы.'] }]);
    const cases: Array<[ReturnType<typeof file>, string, Record<string, string | number>]> = [
      [file('nospine.epub', makeEpub([{ title: 'C', paragraphs: ['x'] }], { noSpine: true })), 'no-spine', { file: 'nospine.epub' }],
      [file('locked.pdf', makePdf([[{ x: 72, y: 700, text: 'Secret.' }]], { encrypted: true })), 'encrypted', { file: 'locked.pdf' }],
      [file('broken.srt', '1\n00:00:01,000 --> 00:00:02,000\nHi.\n\n2\n00:00:0x,000 --> 00:00:04,000\nLost.\n'), 'bad-timing', { file: 'broken.srt', line: 6 }],
    ];
    for (const [bad, code, params] of cases) {
      const refused = await call('import:prepare', { files: [bad, file('ru.epub', good)] });
      expect(refused.ok ? 'ok' : refused.code).toBe(code);
      expect(refused.ok ? undefined : refused.details?.params).toEqual(params);
    }
    expect(await documentFolders()).toEqual([]);
  });
});
