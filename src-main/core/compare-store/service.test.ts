import { mkdtempSync, promises as fs, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FindingsView, GlossaryEntry, GlossaryView } from '../../contract/ipc';
import { type AppServices, createAppServices } from '../app-services';
import { analyseDocument } from '../compare/analyse';
import { dispatch } from '../ipc/handlers';
import { statementRows } from '../compare/testing';
import { inProcessCompareRunner, workerCompareRunner } from './runner';
import { bundledWorker } from '../testing/bundles';

const BUNDLED = fileURLToPath(new URL('../../../resources/documents', import.meta.url));
const DOC = 'asean-russia-covid19-2020';

let dir: string;
let services: AppServices;
let saved: { name: string; content: string }[];

async function open(): Promise<AppServices> {
  return createAppServices({
    userDataDir: dir,
    documentsDir: BUNDLED,
    systemLanguages: ['en-GB'],
    saveExport: async (name, content) => {
      saved.push({ name, content: typeof content === 'string' ? content : new TextDecoder().decode(content) });
      return { saved: true, path: join(dir, name) };
    },
  });
}

async function call<T>(channel: string, payload: unknown): Promise<T> {
  const result = await dispatch(services.handlers, channel, payload);
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.value as T;
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bitext-compare-'));
  saved = [];
  services = await open();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('glossary over IPC', () => {
  it('adds, edits and deletes terms per document and globally, saved privately', async () => {
    const entry = await call<GlossaryEntry>('glossary:add', { documentId: DOC, scope: 'document', entry: { en: 'health care', ru: 'медицинская помощь' } });
    await call('glossary:add', { documentId: DOC, scope: 'global', entry: { en: 'WHO', ru: 'ВОЗ', note: 'agency' } });
    const edited = await call<GlossaryEntry>('glossary:update', { documentId: DOC, scope: 'document', id: entry.id, entry: { en: 'health care', ru: 'здравоохранение' } });
    expect(edited).toMatchObject({ id: entry.id, ru: 'здравоохранение', createdAt: entry.createdAt });
    services = await open();
    const view = await call<GlossaryView>('glossary:list', { documentId: DOC });
    expect(view.document.map((e) => e.ru)).toEqual(['здравоохранение']);
    expect(view.global.map((e) => e.en)).toEqual(['WHO']);
    const file = join(dir, 'compare', 'glossaries', `${DOC}.json`);
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    expect((await fs.stat(join(dir, 'compare', 'glossaries'))).mode & 0o777).toBe(0o700);
    await call('glossary:delete', { documentId: DOC, scope: 'document', id: entry.id });
    expect((await call<GlossaryView>('glossary:list', { documentId: DOC })).document).toEqual([]);
  });

  it('imports CSV and TBX (skipping pairs it has) and exports', async () => {
    const report = await call('glossary:import', { documentId: DOC, scope: 'document', name: 'terms.csv', content: 'en,ru\nhealth care,медицинская помощь\npandemic,пандемия\nbad,\n' });
    expect(report).toEqual({ added: 2, known: 0, problems: [{ at: 4, reason: 'missing-term' }] });
    const again = await call('glossary:import', { documentId: DOC, scope: 'document', name: 'terms.csv', content: 'en,ru\npandemic,пандемия\n' });
    expect(again).toMatchObject({ added: 0, known: 1 });
    await call('glossary:export', { documentId: DOC, scope: 'document', format: 'tbx' });
    expect(saved[0]!.name).toBe(`${DOC}-glossary.tbx`);
    expect(saved[0]!.content).toContain('<term>медицинская помощь</term>');
  });

  it('refuses bad requests with a message', async () => {
    expect(await dispatch(services.handlers, 'glossary:add', { documentId: DOC, scope: 'everywhere', entry: { en: 'a', ru: 'б' } })).toMatchObject({ ok: false, code: 'bad-request' });
    expect(await dispatch(services.handlers, 'glossary:add', { documentId: DOC, scope: 'global', entry: { en: ' ', ru: 'б' } })).toMatchObject({ ok: false, code: 'bad-request' });
    expect(await dispatch(services.handlers, 'glossary:import', { documentId: DOC, scope: 'global', name: 'terms.docx', content: 'x' })).toMatchObject({ ok: false, code: 'bad-request' });
  });

  it('names why a glossary file is refused, so the reader is told in the interface language', async () => {
    expect(await dispatch(services.handlers, 'glossary:import', { documentId: DOC, scope: 'global', name: 'terms.docx', content: 'x' })).toMatchObject({
      ok: false,
      details: { glossaryReason: 'not-glossary-file', params: { name: 'terms.docx' } },
    });
    const tbx = '<?xml version="1.0"?><martif><text><body><termEntry><langSet xml:lang="en"><tig><term>x</term></tig></langSet></termEntry></body></text></martif>';
    expect(await dispatch(services.handlers, 'glossary:import', { documentId: DOC, scope: 'document', name: 'one-side.tbx', content: tbx })).toMatchObject({
      ok: false,
      details: { glossaryReason: 'no-pairs', params: { name: 'one-side.tbx' } },
    });
  });

  it('refuses a CSV with a quote never closed, naming its line, and adds nothing', async () => {
    await call('glossary:add', { documentId: DOC, scope: 'document', entry: { en: 'vaccine', ru: 'вакцина' } });
    const content = 'en,ru\npandemic,"пандемия\nhealth care,здравоохранение\n';
    expect(await dispatch(services.handlers, 'glossary:import', { documentId: DOC, scope: 'document', name: 'terms.csv', content })).toMatchObject({
      ok: false,
      details: { glossaryReason: 'unclosed-quote', params: { name: 'terms.csv', line: 2 } },
    });
    expect((await call<GlossaryView>('glossary:list', { documentId: DOC })).document.map((e) => e.en)).toEqual(['vaccine']);
  });

  it('keeps a damaged glossary aside and says so, loading the backup', async () => {
    await call('glossary:add', { documentId: DOC, scope: 'global', entry: { en: 'one', ru: 'один' } });
    await call('glossary:add', { documentId: DOC, scope: 'global', entry: { en: 'two', ru: 'два' } });
    await fs.writeFile(join(dir, 'compare', 'glossary.json'), '{ broken');
    services = await open();
    const view = await call<GlossaryView>('glossary:list', { documentId: DOC });
    expect(view.global.map((e) => e.en)).toEqual(['one']);
    expect(view.warnings[0]).toMatch(/kept aside/);
    const files = await fs.readdir(join(dir, 'compare'));
    expect(files.some((f) => f.startsWith('glossary.json.corrupt-'))).toBe(true);
  });
});

describe('findings, links and the concordance over IPC', { timeout: 60_000 }, () => {
  it('checks the bundled statement, dismisses a finding across a restart and exports the list', async () => {
    const view = await call<FindingsView>('compare:findings', { documentId: DOC });
    expect(view.rows).toBeGreaterThan(40);
    expect(view.findings.filter((f) => ['number', 'date', 'acronym'].includes(f.kind))).toEqual([]);
    const first = view.findings[0]!;
    await call('compare:dismiss', { documentId: DOC, findingId: first.id, dismissed: true });
    services = await open();
    expect((await call<FindingsView>('compare:findings', { documentId: DOC })).dismissed).toEqual([first.id]);
    await call('compare:export-findings', { documentId: DOC, format: 'markdown' });
    await call('compare:export-findings', { documentId: DOC, format: 'csv' });
    expect(saved.map((s) => s.name)).toEqual([`${DOC}-checks.md`, `${DOC}-checks.csv`]);
    expect(saved[0]!.content).toContain('(dismissed)');
    expect(saved[1]!.content.split('\r\n')[0]).toBe('row,row id,kind,detail,items,english,russian,dismissed');
  });

  it('uses the glossary in the checks', async () => {
    await call('glossary:add', { documentId: DOC, scope: 'document', entry: { en: 'pandemic', ru: 'эпидемия' } });
    const view = await call<FindingsView>('compare:findings', { documentId: DOC });
    expect(view.findings.filter((f) => f.kind === 'glossary').length).toBeGreaterThan(3);
  });

  it('answers the links of the rows asked for and the concordance', async () => {
    const links = await call<{ rowId: string; links: { class: string }[] }[]>('compare:links', { documentId: DOC, rowIds: ['r1-0', 'r2-0'] });
    expect(links.map((l) => l.rowId)).toEqual(['r1-0', 'r2-0']);
    expect(links[1]!.links.some((l) => l.class === 'acronym')).toBe(true);
    const result = await call<{ hits: unknown[]; renderings: { text: string }[] }>('compare:concordance', { documentId: DOC, query: 'пандемия', lang: 'ru' });
    expect(result.hits.length).toBeGreaterThan(5);
    expect(result.renderings[0]!.text).toMatch(/^pandemic/u);
  });
});

describe('the compare worker', () => {
  for (const workers of [1, 2] as const) {
    it(`gives what the in-process run gives (${workers} worker${workers === 1 ? '' : 's'})`, { timeout: 60_000 }, async () => {
      const rows = statementRows();
      const input = { rows, glossary: [{ en: 'health care', ru: 'медицинская помощь' }] };
      const runner = workerCompareRunner(bundledWorker('compare'), { workers, standby: false });
      const viaWorker = await runner.run(input);
      const inProcess = await inProcessCompareRunner().run(input);
      const whole = analyseDocument(rows, { glossary: input.glossary });
      expect(viaWorker.findings).toEqual(inProcess.findings);
      expect(viaWorker.findings).toEqual(whole.findings);
      expect(viaWorker.links.all()).toEqual(whole.links);
      expect(viaWorker.links.size).toBeGreaterThan(100);
    });
  }

  it('keeps workers ready and uses new ones for each comparison', { timeout: 60_000 }, async () => {
    const runner = workerCompareRunner(bundledWorker('compare'), { workers: 2 });
    await runner.ready();
    const input = { rows: statementRows().slice(0, 20), glossary: [] };
    const first = await runner.run(input);
    await runner.ready();
    const second = await runner.run(input);
    expect(second.findings).toEqual(first.findings);
    expect(second.links.all()).toEqual(first.links.all());
    runner.close();
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    const run = workerCompareRunner(bundledWorker('compare'), { standby: false }).run({ rows: statementRows(), glossary: [] }, controller.signal);
    controller.abort();
    await expect(run).rejects.toThrow(/cancelled/);
  });
});
