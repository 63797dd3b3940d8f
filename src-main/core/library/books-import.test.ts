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
import { dispatch } from '../ipc/handlers';

const BUNDLED = fileURLToPath(new URL('../../../resources/documents', import.meta.url));
let root: string;
let services: AppServices;

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
  services = await createAppServices({
    userDataDir: join(root, 'data'),
    documentsDir: BUNDLED,
    systemLanguages: ['en-GB'],
    saveExport: async () => ({ saved: false }),
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
    const job = await call<ImportJobStatus>('library:import', { pendingId: prepared.value.pendingId });
    if (!job.ok) throw new Error(job.message);
    const done = await services.bitext.settled(job.value.jobId);
    expect(done.state).toBe('done');
    const list = await call<LibraryEntry[]>('library:list');
    const entry = list.ok ? list.value.find((e) => e.id === done.documentId) : undefined;
    expect(entry?.imported?.originalNames).toEqual(['en.epub', 'ru.fb2']);
    expect(entry?.rows).toBeGreaterThanOrEqual(3);
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
});
