/**
 * The annotation channels end to end through `dispatch` (schemas, handlers, service, store) on the
 * bundled document, plus Markdown and JSON-LD export and import.
 */
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnnotationList, AnnotationView, ImportReport, Result } from '../../contract/ipc';
import { DocumentLibrary } from '../documents/library';
import { createHandlers, dispatch, type Handlers } from '../ipc/handlers';
import { SettingsStore } from '../settings/settings-store';
import { AnnotationService } from './service';
import { AnchorCache } from './anchor-cache';
import { pace } from './pace';
import { workerImportRunner } from './import-run';
import { buildAnchoringDocument } from './anchoring';
import { AnnotationStore } from './store';
import { hostileJsonLd } from './testing/hostile';
import { parseSnapshot } from './store-format';
import { bundledWorker } from '../testing/bundles';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const DOCUMENTS = join(ROOT, 'resources/documents');
const DOC = 'asean-russia-covid19-2020';

let dir: string;
let exports: Map<string, string>;
let handlers: Handlers;
let library: DocumentLibrary;
let clock: number;

async function makeHandlers(userData: string): Promise<Handlers> {
  const settings = await SettingsStore.open(userData, ['en-US']);
  const annotations = new AnnotationService(
    AnnotationStore.inUserData(userData),
    library,
    async (name, content) => {
      exports.set(name, typeof content === 'string' ? content : new TextDecoder().decode(content));
      return { saved: true, path: join(userData, 'exports', name) };
    },
    { now: () => new Date((clock += 1000)), uuid: () => crypto.randomUUID() },
  );
  return createHandlers({ library, settings, annotations });
}

beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'bitext-annotation-service-'));
  exports = new Map();
  library = new DocumentLibrary(DOCUMENTS);
  clock = Date.parse('2024-05-06T07:00:00.000Z');
  handlers = await makeHandlers(dir);
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function call<T>(channel: string, payload: unknown, h: Handlers = handlers): Promise<T> {
  const result = (await dispatch(h, channel, payload)) as Result<T>;
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.value;
}

async function texts() {
  return (await library.source(DOC)).texts;
}

/** A selection of `quote` in the English text, UTF-16. */
async function select(quote: string, lang: 'en' | 'ru' = 'en') {
  const text = (await texts())[lang];
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`not in the text: ${quote}`);
  return { type: 'text' as const, lang, start, end: start + quote.length };
}

async function firstRow(): Promise<{ id: string; en: string; ru: string; number: number }> {
  const view = await library.open(DOC);
  const group = view.body.groups.find((g) => g.number > 0 && g.rows.some((r) => r.en.length > 0 && r.ru.length > 0));
  const row = group?.rows.find((r) => r.en.length > 0 && r.ru.length > 0);
  if (!group || !row) throw new Error('no row');
  return { id: row.id, en: row.en.map((c) => c.text).join(' '), ru: row.ru.map((c) => c.text).join(' '), number: group.number };
}

describe('annotation channels', () => {
  it('creates a highlight, lists it anchored in the current text, and survives a restart', async () => {
    const row = await firstRow();
    const quote = row.en.split(' ').slice(0, 4).join(' ');
    const selection = await select(quote);
    const created = await call<AnnotationView>('annotations:create', {
      documentId: DOC,
      selection,
      kind: 'highlight',
      color: 'green',
      note: 'first line\nsecond line',
      tags: [' covid ', 'covid', '', 'health'],
    });
    expect(created).toMatchObject({ documentId: DOC, kind: 'highlight', color: 'green', tags: ['covid', 'health'] });
    expect(created.anchor).toMatchObject({ status: 'anchored', type: 'text', start: selection.start, end: selection.end, method: 'position' });
    expect(created.anchor.status === 'anchored' && created.anchor.type === 'text' && created.anchor.rowId).toBe(row.id);

    const again = await call<AnnotationList>('annotations:list', { documentId: DOC }, await makeHandlers(dir));
    expect(again.annotations).toEqual([created]);
    expect(again.problem).toBeUndefined();
  });

  it('updates note, tags and colour, deletes, and restores with the same id', async () => {
    const created = await call<AnnotationView>('annotations:create', {
      documentId: DOC,
      selection: await select('COVID-19'),
      kind: 'note',
      color: 'yellow',
    });
    const updated = await call<AnnotationView>('annotations:update', {
      documentId: DOC,
      id: created.id,
      note: 'edited',
      tags: ['a', 'b'],
      color: 'pink',
    });
    expect(updated).toMatchObject({ id: created.id, note: 'edited', tags: ['a', 'b'], color: 'pink', createdAt: created.createdAt });
    expect(updated.updatedAt > created.updatedAt).toBe(true);

    const deleted = await call<AnnotationView>('annotations:delete', { documentId: DOC, id: created.id });
    expect(deleted.id).toBe(created.id);
    expect((await call<AnnotationList>('annotations:list', { documentId: DOC })).annotations).toEqual([]);
    const restored = await call<AnnotationView>('annotations:restore', { documentId: DOC, id: created.id });
    expect(restored).toEqual(updated);
  });

  it('re-attaches an orphan to a new selection', async () => {
    const created = await call<AnnotationView>('annotations:create', {
      documentId: DOC,
      selection: await select('COVID-19'),
      kind: 'highlight',
      color: 'blue',
    });
    // Make it an orphan by editing its stored quote to text that is nowhere in the document.
    const file = join(dir, 'annotations', `${DOC}.json`);
    // Written back as a version 2 file (one JSON document), which the store still reads.
    const snapshot = parseSnapshot(await fs.readFile(file), DOC);
    const raw: { annotations: Array<{ target: { selectors: unknown[] } }> } & Record<string, unknown> = JSON.parse(
      JSON.stringify({ schemaVersion: 2, documentId: DOC, seq: snapshot.seq, annotations: snapshot.annotations }),
    );
    (raw.annotations[0]!.target.selectors[0] as { exact: string }).exact = 'zzzz qqqq xxxx wwww nowhere to be found';
    raw.annotations[0]!.target.selectors[1] = { type: 'TextPositionSelector', start: 1, end: 2 };
    await fs.writeFile(file, JSON.stringify(raw));
    const fresh = await makeHandlers(dir);
    const listed = await call<AnnotationList>('annotations:list', { documentId: DOC }, fresh);
    expect(listed.annotations[0]?.anchor).toEqual({ status: 'orphan', type: 'text' });

    const row = await firstRow();
    const reattached = await call<AnnotationView>(
      'annotations:update',
      { documentId: DOC, id: created.id, selection: { type: 'row', rowId: row.id } },
      fresh,
    );
    expect(reattached.anchor).toMatchObject({ status: 'anchored', type: 'row', rowId: row.id, method: 'row-id' });
  });

  it('reports a corrupt annotations file in the list, with the backup restored', async () => {
    const first = await call<AnnotationView>('annotations:create', {
      documentId: DOC,
      selection: await select('COVID-19'),
      kind: 'highlight',
      color: 'yellow',
    });
    const second = await call<AnnotationView>('annotations:create', {
      documentId: DOC,
      selection: await select('ASEAN'),
      kind: 'highlight',
      color: 'yellow',
    });
    await fs.writeFile(join(dir, 'annotations', `${DOC}.json`), 'garbage');
    const listed = await call<AnnotationList>('annotations:list', { documentId: DOC }, await makeHandlers(dir));
    // The backup snapshot plus the journal after it: nothing acknowledged is lost.
    expect(listed.annotations.map((a) => a.id)).toEqual([first.id, second.id]);
    expect(listed.problem).toMatchObject({ kind: 'recovered', restoredFrom: 'backup' });
  });

  it('refuses a selection of whitespace only and a row that does not exist', async () => {
    const text = (await texts()).en;
    const space = text.indexOf(' ');
    const blank = await dispatch(handlers, 'annotations:create', {
      documentId: DOC,
      selection: { type: 'text', lang: 'en', start: space, end: space + 1 },
      kind: 'highlight',
      color: 'yellow',
    });
    expect(blank).toMatchObject({ ok: false, code: 'bad-request' });
    const noRow = await dispatch(handlers, 'annotations:create', {
      documentId: DOC,
      selection: { type: 'row', rowId: 'r999-0' },
      kind: 'note',
      color: 'yellow',
    });
    expect(noRow).toMatchObject({ ok: false, code: 'not-found' });
  });
});

describe('export and import', () => {
  async function annotate() {
    const row = await firstRow();
    const quote = row.en.split(' ').slice(0, 3).join(' ');
    const highlight = await call<AnnotationView>('annotations:create', {
      documentId: DOC,
      selection: await select(quote),
      kind: 'highlight',
      color: 'purple',
      note: 'Why "the"?\nA second line.',
      tags: ['wording', 'translation choice'],
    });
    const comparison = await call<AnnotationView>('annotations:create', {
      documentId: DOC,
      selection: { type: 'row', rowId: row.id },
      kind: 'note',
      color: 'blue',
      note: 'The Russian adds a word.',
    });
    return { row, quote, highlight, comparison };
  }

  it('exports Markdown grouped by paragraph with both languages, note, tags, colour and date', async () => {
    const { row, quote } = await annotate();
    expect(await call('annotations:export', { documentId: DOC, format: 'markdown' })).toMatchObject({ saved: true });
    const md = exports.get(`${DOC}-annotations.md`) ?? '';
    expect(md.startsWith('---\ntitle: ')).toBe(true);
    expect(md).toContain(`## Paragraph ${row.number}`);
    expect(md).toContain(`> ${quote}`);
    expect(md).toContain(`> ${row.en}`);
    expect(md).toContain(`> ${row.ru}`);
    expect(md).toContain('**English:**');
    expect(md).toContain('**Russian:**');
    expect(md).toContain('Why "the"?\nA second line.');
    expect(md).toContain('#wording #translation_choice');
    expect(md).toContain('### Highlight · purple · 2024-05-06');
    expect(md).toContain('### Comparison note · blue · 2024-05-06');
    expect(md).toContain('The Russian adds a word.');
    // One heading for the paragraph, both annotations under it.
    expect(md.split(`## Paragraph ${row.number}\n`)).toHaveLength(2);
  });

  it('writes notes, tags and quotes to Markdown as text: HTML escaped, control characters dropped', async () => {
    const created = await call<AnnotationView>('annotations:create', {
      documentId: DOC,
      selection: await select('COVID-19'),
      kind: 'note',
      color: 'pink',
      note: '<script>alert("x")</script> & <img src=x onerror=alert(1)>\u0000NUL\u0007bell\u001b[31mred\ttab\nsecond line',
      tags: ['<b>bold</b>', 'ok\u0000tag'],
    });
    expect(created.note).toContain('\u0000'); // kept as written in the store; only the export is made safe
    await call('annotations:export', { documentId: DOC, format: 'markdown' });
    const md = exports.get(`${DOC}-annotations.md`) ?? '';
    expect(md).not.toMatch(/<script|<img|<b>/);
    expect(md).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
    expect(md).toContain('&lt;script&gt;alert("x")&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;NULbell[31mred\ttab\nsecond line');
    expect(md).toContain('#&lt;b&gt;bold&lt;/b&gt; #oktag');
  });

  it('round-trips JSON-LD: export, import into an empty store, same annotations; twice adds nothing', async () => {
    const { highlight, comparison } = await annotate();
    await call('annotations:export', { documentId: DOC, format: 'jsonld' });
    const content = exports.get(`${DOC}-annotations.jsonld`) ?? '';
    const json = JSON.parse(content);
    expect(json['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(json.type).toBe('AnnotationCollection');
    expect(json.first.items[0]).toMatchObject({
      id: `urn:uuid:${highlight.id}`,
      type: 'Annotation',
      motivation: 'highlighting',
      created: highlight.createdAt,
      modified: highlight.updatedAt,
      target: { source: `urn:bitext:${DOC}:en` },
    });
    expect(json.first.items[0].body).toContainEqual({ type: 'TextualBody', purpose: 'tagging', value: 'wording' });
    expect(json.first.items[0].target.selector).toContainEqual(highlight.target.type === 'text' ? highlight.target.selectors[0] : null);

    const other = await fs.mkdtemp(join(tmpdir(), 'bitext-annotation-import-'));
    try {
      const empty = await makeHandlers(other);
      const report = await call<ImportReport>('annotations:import', { documentId: DOC, content }, empty);
      expect(report).toEqual({ added: 2, updated: 0, unchanged: 0, rejected: 0, reasons: [], rejections: [], orphans: 0 });
      const listed = await call<AnnotationList>('annotations:list', { documentId: DOC }, empty);
      expect(listed.annotations).toEqual([highlight, comparison]);
      const twice = await call<ImportReport>('annotations:import', { documentId: DOC, content }, empty);
      expect(twice).toMatchObject({ added: 0, updated: 0, unchanged: 2 });
      expect((await call<AnnotationList>('annotations:list', { documentId: DOC }, empty)).annotations).toHaveLength(2);
    } finally {
      await fs.rm(other, { recursive: true, force: true });
    }
  });

  it('on import a newer modified wins and an older one does not', async () => {
    const { highlight } = await annotate();
    await call('annotations:export', { documentId: DOC, format: 'jsonld' });
    const json = JSON.parse(exports.get(`${DOC}-annotations.jsonld`) ?? '');
    const item = json.first.items[0];
    const newer = { ...item, modified: '2031-01-01T00:00:00.000Z', body: [{ type: 'TextualBody', value: 'from elsewhere' }] };
    const older = { ...json.first.items[1], modified: '2001-01-01T00:00:00.000Z', body: [] };
    const report = await call<ImportReport>('annotations:import', { documentId: DOC, content: JSON.stringify([newer, older]) });
    expect(report).toMatchObject({ added: 0, updated: 1, unchanged: 1, rejected: 0 });
    const listed = await call<AnnotationList>('annotations:list', { documentId: DOC });
    expect(listed.annotations.find((a) => a.id === highlight.id)).toMatchObject({ note: 'from elsewhere', tags: [] });
    expect(listed.annotations[1]?.note).toBe('The Russian adds a word.');
  });

  it('refuses garbage with a clear error and rejects foreign annotations with reasons', async () => {
    expect(await dispatch(handlers, 'annotations:import', { documentId: DOC, content: 'not json at all' })).toMatchObject({
      ok: false,
      code: 'bad-request',
      message: expect.stringMatching(/not JSON/),
      details: { annotationReason: 'not-json' },
    });
    expect(await dispatch(handlers, 'annotations:import', { documentId: DOC, content: '{"hello": "world"}' })).toMatchObject({
      ok: false,
      code: 'bad-request',
      message: expect.stringMatching(/not W3C Web Annotations/),
      details: { annotationReason: 'not-web-annotations' },
    });
    const foreign = [
      { id: 'urn:uuid:6f1c2a52-5b5e-4a36-9d0e-0c3b8a1f2e01', type: 'Annotation', target: { source: 'urn:bitext:other-doc:en', selector: { type: 'TextQuoteSelector', exact: 'x' } } },
      { id: 'http://example.com/anno/1', type: 'Annotation', target: { source: `urn:bitext:${DOC}:en` } },
      { type: 'Annotation' },
    ];
    const report = await call<ImportReport>('annotations:import', { documentId: DOC, content: JSON.stringify(foreign) });
    expect(report).toMatchObject({ added: 0, rejected: 3 });
    expect(report.reasons).toEqual([
      '#1: the target is not this document',
      '#2: the id is not a urn:uuid',
      expect.stringMatching(/^#3: not a Web Annotation/),
    ]);
    // The same as codes, for the reader's language.
    expect(report.rejections?.map((r) => [r.index, r.code])).toEqual([
      [0, 'other-document'],
      [1, 'bad-id'],
      [2, 'not-web-annotation'],
    ]);
  });

  it('imports a Web Annotation from another tool that names no clause, placing it by its quote', async () => {
    const row = await firstRow();
    const quote = row.ru.split(' ').slice(0, 3).join(' ');
    const anno = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'urn:uuid:0b7f3a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
      type: 'Annotation',
      motivation: 'commenting',
      body: { type: 'TextualBody', value: 'из другого инструмента' },
      target: { source: `urn:bitext:${DOC}:ru`, selector: { type: 'TextQuoteSelector', exact: quote } },
    };
    expect(await call<ImportReport>('annotations:import', { documentId: DOC, content: JSON.stringify(anno) })).toMatchObject({ added: 1 });
    const [imported] = (await call<AnnotationList>('annotations:list', { documentId: DOC })).annotations;
    expect(imported).toMatchObject({ kind: 'note', note: 'из другого инструмента', anchor: { status: 'anchored', lang: 'ru' } });
    expect(imported?.target.type === 'text' && imported.target.clauseId).toMatch(/^ru-p\d+-c\d+$/);
  });
});

describe('annotation request schemas', () => {
  const id = '6f1c2a52-5b5e-4a36-9d0e-0c3b8a1f2e01';
  const text = { type: 'text', lang: 'en', start: 0, end: 5 };
  const good = { documentId: DOC, selection: text, kind: 'highlight', color: 'yellow' };
  const bad: Array<[string, string, unknown]> = [
    ['no payload', 'annotations:list', undefined],
    ['bad document id', 'annotations:list', { documentId: '../x' }],
    ['extra key on list', 'annotations:list', { documentId: DOC, all: true }],
    ['unknown colour', 'annotations:create', { ...good, color: 'red' }],
    ['unknown kind', 'annotations:create', { ...good, kind: 'bookmark' }],
    ['note too long', 'annotations:create', { ...good, note: 'x'.repeat(100_001) }],
    ['too many tags', 'annotations:create', { ...good, tags: Array.from({ length: 51 }, (_, i) => `t${i}`) }],
    ['tag too long', 'annotations:create', { ...good, tags: ['x'.repeat(101)] }],
    ['tags not an array', 'annotations:create', { ...good, tags: 'a,b' }],
    ['selection ends before it starts', 'annotations:create', { ...good, selection: { ...text, start: 5, end: 2 } }],
    ['selection too long', 'annotations:create', { ...good, selection: { ...text, end: 10_001 } }],
    ['negative offset', 'annotations:create', { ...good, selection: { ...text, start: -1 } }],
    ['fractional offset', 'annotations:create', { ...good, selection: { ...text, end: 5.5 } }],
    ['unknown language', 'annotations:create', { ...good, selection: { ...text, lang: 'de' } }],
    ['unknown selection type', 'annotations:create', { ...good, selection: { type: 'page', page: 1 } }],
    ['bad row id', 'annotations:create', { ...good, selection: { type: 'row', rowId: '../r1' } }],
    ['extra key in selection', 'annotations:create', { ...good, selection: { ...text, html: '<b>' } }],
    ['client-chosen id', 'annotations:create', { ...good, id }],
    ['stored target smuggled in', 'annotations:create', { ...good, target: { type: 'text' } }],
    ['update without id', 'annotations:update', { documentId: DOC, note: 'x' }],
    ['update with a non-uuid id', 'annotations:update', { documentId: DOC, id: 'abc', note: 'x' }],
    ['update of createdAt', 'annotations:update', { documentId: DOC, id, createdAt: '2020-01-01T00:00:00Z' }],
    ['delete with extra key', 'annotations:delete', { documentId: DOC, id, hard: true }],
    ['restore without document', 'annotations:restore', { id }],
    ['unknown export format', 'annotations:export', { documentId: DOC, format: 'pdf' }],
    ['export to a path', 'annotations:export', { documentId: DOC, format: 'markdown', path: '/tmp/x.md' }],
    ['import of nothing', 'annotations:import', { documentId: DOC, content: '' }],
    ['import too large', 'annotations:import', { documentId: DOC, content: 'x'.repeat(5_000_001) }],
    ['import of an object', 'annotations:import', { documentId: DOC, content: { items: [] } }],
  ];

  it.each(bad)('refuses a malformed request (%s) before any handler runs', async (_label, channel, payload) => {
    const result = await dispatch(handlers, channel, payload);
    expect(result).toMatchObject({ ok: false, code: 'bad-request' });
    expect(await fs.readdir(dir)).not.toContain('annotations');
  });
});

describe('a hostile annotation file', () => {
  it('imports 470 quotes of 10,000 characters that match nothing as orphans at once, and lists them without anchoring again', async () => {
    const service = new AnnotationService(AnnotationStore.inUserData(dir), library, async () => ({ saved: false }));
    const content = hostileJsonLd(DOC);
    expect(content.length).toBeGreaterThan(4_700_000);
    const report = await service.import(DOC, content);
    expect(report).toMatchObject({ added: 470, rejected: 0, orphans: 470 });

    const listed = await service.list(DOC);
    expect(listed.annotations).toHaveLength(470);
    expect(listed.annotations.every((a) => a.anchor.status === 'orphan')).toBe(true);
    // Checked once, at import, for this text version: a list only looks the answers up.
    expect(service.anchors.stats).toEqual({ computed: 0, reused: 470 });
    await service.list(DOC);
    expect(service.anchors.stats).toEqual({ computed: 0, reused: 940 });
    await service.flush();
    // A limit on time for a busy machine only: the figures are the benchmark's (bench:annotations).
  }, 60_000);

  it('many short quotes of random letters: the q-gram filter rules each out at import, so a list only looks up', async () => {
    const service = new AnnotationService(AnnotationStore.inUserData(dir), library, async () => ({ saved: false }));
    const report = await service.import(DOC, hostileJsonLd(DOC, { count: 1_500, quoteLength: 60 }));
    expect(report).toMatchObject({ added: 1_500, orphans: 1_500 });
    const listed = await service.list(DOC);
    expect(listed.annotations.every((a) => a.anchor.status === 'orphan')).toBe(true);
    expect(service.anchors.stats).toEqual({ computed: 0, reused: 1_500 });
    await service.flush();
  }, 60_000);

  it("many short quotes of the text's commonest words (the filter cannot rule them out): what the import checked within its budget is kept, and each list finishes more until a list only looks up", async () => {
    const service = new AnnotationService(AnnotationStore.inUserData(dir), library, async () => ({ saved: false }));
    // 1,500 quotes of 60 characters, "and the of the …": their q-grams sit close together all over
    // the text, so each is searched nearly in full, more than the pass budget in all.
    const report = await service.import(DOC, hostileJsonLd(DOC, { count: 1_500, quoteLength: 60, words: ['and', 'the', 'of'] }));
    expect(report).toMatchObject({ added: 1_500, orphans: 1_500 });
    const computed: number[] = [];
    for (let pass = 0; pass < 8; pass++) {
      const before = service.anchors.stats.computed;
      const listed = await service.list(DOC);
      expect(listed.annotations.every((a) => a.anchor.status === 'orphan')).toBe(true);
      computed.push(service.anchors.stats.computed - before);
      if (computed.at(-1) === 0) break;
    }
    // The import kept some (the first list computes fewer than all), the lists went on from there,
    // and the last list computed nothing.
    expect(computed[0]).toBeGreaterThan(0);
    expect(computed[0]).toBeLessThan(1_500);
    expect(computed.at(-1)).toBe(0);
    expect(computed.length).toBeLessThan(8);
    await service.flush();
  }, 120_000);

  it('after a restart, anchors the 470 orphans a slice at a time: other work runs between slices, and the answers are kept', async () => {
    const first = new AnnotationService(AnnotationStore.inUserData(dir), library, async () => ({ saved: false }));
    await first.import(DOC, hostileJsonLd(DOC));
    await first.flush();
    const { annotations } = await AnnotationStore.inUserData(dir).list(DOC);
    const source = await library.source(DOC);
    const doc = buildAnchoringDocument(source.view.body, source.texts);
    const cache = new AnchorCache();
    let turns = 0;
    let running = true;
    const tick = () => {
      turns++;
      if (running) setImmediate(tick);
    };
    setImmediate(tick);
    const anchors = await cache.anchors(DOC, doc, annotations, { pace: pace(0) });
    running = false;
    expect(anchors).toHaveLength(470);
    expect(anchors.every((a) => a.status === 'orphan')).toBe(true);
    expect(turns).toBeGreaterThan(100);
    expect(cache.stats).toEqual({ computed: 470, reused: 0 });
    await cache.anchors(DOC, doc, annotations);
    expect(cache.stats).toEqual({ computed: 470, reused: 470 });
  }, 60_000);

  it('in the worker thread: the same report and anchors as in this thread, and main parses and anchors nothing', async () => {
    const content = hostileJsonLd(DOC, { count: 40, quoteLength: 2_000 });
    const inThread = new AnnotationService(AnnotationStore.inUserData(join(dir, 'a')), library, async (name, text) => {
      exports.set(name, typeof text === 'string' ? text : new TextDecoder().decode(text));
      return { saved: true };
    });
    const inWorker = new AnnotationService(
      AnnotationStore.inUserData(join(dir, 'b')),
      library,
      async () => ({ saved: false }),
      undefined,
      workerImportRunner(bundledWorker('annotation')),
    );
    // Real quotes too, from an export of this document: they anchor, in both.
    await inThread.create({ documentId: DOC, selection: await select('COVID-19'), kind: 'highlight', color: 'blue' });
    await inThread.export(DOC, 'jsonld');
    const exported = [...exports.values()].at(-1) ?? '';
    const items = (json: string): unknown[] => {
      const value = JSON.parse(json) as unknown[] | { first?: { items: unknown[] }; items?: unknown[] };
      return Array.isArray(value) ? value : (value.first?.items ?? value.items ?? []);
    };
    const mixed = JSON.stringify([...items(content), ...items(exported), { type: 'Annotation' }]);
    const parse = vi.spyOn(JSON, 'parse');
    const workerReport = await inWorker.import(DOC, mixed);
    // Not one JSON.parse of the file (nor any anchoring) on this thread.
    expect(parse.mock.calls.filter(([text]) => text === mixed)).toEqual([]);
    parse.mockRestore();
    expect(inWorker.anchors.stats.computed).toBe(0);
    const threadReport = await inThread.import(DOC, mixed);
    expect(workerReport).toEqual({ ...threadReport, added: threadReport.added + threadReport.unchanged, unchanged: 0 });
    expect(workerReport).toMatchObject({ added: 41, rejected: 1, orphans: 40 });
    const [a, b] = [await inThread.list(DOC), await inWorker.list(DOC)];
    expect(b.annotations.map((x) => [x.id, x.anchor])).toEqual(a.annotations.map((x) => [x.id, x.anchor]));
    expect(inWorker.anchors.stats.computed).toBe(0);
    await Promise.all([inThread.flush(), inWorker.flush()]);
  }, 60_000);

  it('a file that is not JSON, parsed in the worker, is refused with its reason', async () => {
    const service = new AnnotationService(AnnotationStore.inUserData(dir), library, async () => ({ saved: false }), undefined, workerImportRunner(bundledWorker('annotation')));
    await expect(service.import(DOC, '{ nope')).rejects.toMatchObject({ code: 'bad-request', details: { annotationReason: 'not-json' } });
    await service.flush();
  }, 60_000);

  it('refuses a quote over the length limit and an import past the per-document cap, saying why', async () => {
    const service = new AnnotationService(new AnnotationStore(join(dir, 'annotations'), { maxAnnotations: 5 }), library, async () => ({
      saved: false,
    }));
    const tooLong = await service.import(DOC, hostileJsonLd(DOC, { count: 1, quoteLength: 10_001 }));
    expect(tooLong).toMatchObject({ added: 0, rejected: 1, reasons: ['#1: the quote is 10,001 characters long; at most 10,000 are imported'] });
    await expect(service.import(DOC, hostileJsonLd(DOC, { count: 6, quoteLength: 20 }))).rejects.toThrow(
      /at most 5 annotations; this one has 0, and this would add 6/,
    );
    await expect(service.import(DOC, hostileJsonLd(DOC, { count: 6, quoteLength: 20 }))).rejects.toMatchObject({
      details: { annotationReason: 'too-many-annotations', params: { max: 5, count: 0, adding: 6 } },
    });
    expect(await service.import(DOC, hostileJsonLd(DOC, { count: 5, quoteLength: 20 }))).toMatchObject({ added: 5 });
    await service.flush();
  });

  it('anchors again when the text changes (a new text version), not before', async () => {
    const service = new AnnotationService(AnnotationStore.inUserData(dir), library, async () => ({ saved: false }));
    await service.create({ documentId: DOC, selection: await select('COVID-19'), kind: 'highlight', color: 'blue' });
    await service.list(DOC);
    await service.list(DOC);
    expect(service.anchors.stats.reused).toBeGreaterThanOrEqual(2);
    const source = await library.source(DOC);
    const changed = buildAnchoringDocument(source.view.body, { ...source.texts, en: `${source.texts.en} ` });
    expect(service.anchors.versionOf(changed)).not.toBe(service.anchors.versionOf(buildAnchoringDocument(source.view.body, source.texts)));
    await service.flush();
  });
});
