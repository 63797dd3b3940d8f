import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServices, createAppServices } from '../app-services';
import { inProcessRunner } from '../import/in-process-runner';
import { dispatch } from './handlers';

const DOCUMENTS = join(import.meta.dirname, '../../../resources/documents');
const STATEMENT = 'asean-russia-covid19-2020';

let dir: string;
let services: AppServices;
let firstRow: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bitext-positions-'));
  services = await createAppServices({
    userDataDir: dir,
    documentsDir: DOCUMENTS,
    systemLanguages: ['en-US'],
    saveExport: async () => ({ saved: false }),
    alignRunner: inProcessRunner(),
  });
  const doc = await services.library.open(STATEMENT);
  firstRow = doc.body.groups[1]!.rows[0]!.id;
});

afterAll(async () => {
  await services.settings.flush();
  await rm(dir, { recursive: true, force: true });
});

const call = (channel: string, payload: unknown) => dispatch(services.handlers, channel, payload);

describe('positions:get looks up own keys only', () => {
  it.each(['constructor', 'tostring', 'valueof', 'hasownproperty'])('%s has no position', async (documentId) => {
    await call('positions:set', { documentId: STATEMENT, rowId: firstRow });
    expect(await call('positions:get', { documentId })).toEqual({ ok: true, value: { rowId: null } });
  });

  it('prototype names that are not document ids are refused as bad requests', async () => {
    for (const documentId of ['__proto__', 'toString', 'hasOwnProperty']) {
      expect(await call('positions:get', { documentId })).toMatchObject({ ok: false, code: 'bad-request' });
    }
  });
});

describe('positions:set', () => {
  it('keeps the position of a row of a known document', async () => {
    expect(await call('positions:set', { documentId: STATEMENT, rowId: firstRow })).toEqual({ ok: true, value: { rowId: firstRow } });
    expect(await call('positions:get', { documentId: STATEMENT })).toEqual({ ok: true, value: { rowId: firstRow } });
  });

  it.each(['constructor', 'no-such-document', '0'])('refuses the unknown document %s', async (documentId) => {
    expect(await call('positions:set', { documentId, rowId: firstRow })).toMatchObject({ ok: false, code: 'not-found' });
    expect(services.settings.readingPosition(documentId)).toBeNull();
  });

  it.each(['x', 'r1', 'r1-', 'r-1', 'r1-1-1', 'R1-0', 'r1_0', 'r1234567-0', ' r1-0', 'r1-0\n', 'r1-0\u0000', 'constructor'])(
    'refuses the row id %j by its shape',
    async (rowId) => {
      expect(await call('positions:set', { documentId: STATEMENT, rowId })).toMatchObject({ ok: false, code: 'bad-request' });
    },
  );

  it('refuses a well-formed row id that the document does not have', async () => {
    await call('positions:set', { documentId: STATEMENT, rowId: firstRow });
    expect(await call('positions:set', { documentId: STATEMENT, rowId: 'r999999-0' })).toMatchObject({ ok: false, code: 'not-found' });
    expect(services.settings.readingPosition(STATEMENT)).toBe(firstRow);
  });
});

describe('file names whose extension is an Object property', () => {
  it.each(['notes.constructor', 'notes.__proto__', 'notes.toString', 'notes.hasOwnProperty'])('%s is read as plain text', async (name) => {
    const data = (text: string) => Buffer.from(text, 'utf8').toString('base64');
    const result = await call('import:prepare', {
      files: [
        { name, data: data('The first paragraph of the English text.\n\nAnd the second one, with more words in it.') },
        { name: `ru-${name}`, data: data('Первый абзац русского текста.\n\nИ второй, в котором больше слов.') },
      ],
    });
    expect(result).toMatchObject({ ok: true, value: { files: [{ name, format: 'txt' }, { format: 'txt' }] } });
    if (result.ok) await call('import:discard', { pendingId: (result.value as { pendingId: string }).pendingId });
  });
});
