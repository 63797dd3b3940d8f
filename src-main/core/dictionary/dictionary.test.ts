import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DictionaryFile } from './dictionary';
import { prepareDictionary } from './dictionary';
import { DictionaryStore } from './store';
import { EN_RU, RU_EN, concat, dictzip, writeDictd, writeStarDict } from './testing';
import { dictdNumber, encodeDictdNumber } from './formats';
import { lemmaCandidates } from './stem';
import { markupToText, normalizeWord } from './text';
import { bundledWorker } from '../testing/bundles';

let dir: string;
let store: DictionaryStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dict-'));
  store = new DictionaryStore(join(dir, 'dictionaries'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const utf8 = new TextEncoder();
const replace = (files: DictionaryFile[], suffix: string, bytes: (old: Uint8Array) => Uint8Array) =>
  files.map((f) => (f.name.endsWith(suffix) ? { ...f, bytes: bytes(f.bytes) } : f));

const FORMATS: Array<[string, () => DictionaryFile[]]> = [
  ['dictd, plain .dict', () => writeDictd('freedict-eng-rus', EN_RU, { shortName: 'English-Russian FreeDict' })],
  ['dictd, .dict.dz', () => writeDictd('freedict-eng-rus', EN_RU, { dz: true, shortName: 'English-Russian FreeDict' })],
  ['StarDict, .dict', () => writeStarDict('mueller', EN_RU, { bookname: 'English-Russian FreeDict' })],
  ['StarDict, .dict.dz', () => writeStarDict('mueller', EN_RU, { dz: true, bookname: 'English-Russian FreeDict' })],
  ['StarDict 3.0.0, 64-bit offsets', () => writeStarDict('mueller', EN_RU, { bits: 64, bookname: 'English-Russian FreeDict' })],
  ['StarDict, no sametypesequence', () => writeStarDict('mueller', EN_RU, { sameTypeSequence: '', bookname: 'English-Russian FreeDict' })],
];

describe('each format', () => {
  for (const [label, files] of FORMATS) {
    it(`${label}: added, listed, looked up exactly and by base form`, async () => {
      const info = await store.add(files());
      expect(info).toMatchObject({ name: 'English-Russian FreeDict', entries: EN_RU.length, from: 'en' });
      expect((await store.list()).map((d) => d.id)).toEqual([info.id]);
      const exact = await store.lookup('Pandemic', 'en');
      expect(exact.entries.map((e) => [e.headword, e.definition, e.match])).toEqual([['pandemic', 'пандемия', 'exact']]);
      // `books` is not a headword: its base form is, and both `book` and `Book` come back.
      const form = await store.lookup('books', 'en');
      expect(form.entries.map((e) => e.definition).sort()).toEqual(['Книга (в Библии)', 'книга; книжка']);
      expect(form.entries.every((e) => e.match === 'form')).toBe(true);
      expect((await store.lookup('studied', 'en')).entries[0]).toMatchObject({ headword: 'study', match: 'form' });
      expect((await store.lookup('stopping', 'en')).entries[0]).toMatchObject({ headword: 'stop', match: 'form' });
      expect((await store.lookup('making', 'en')).entries[0]).toMatchObject({ headword: 'make' });
      expect((await store.lookup('zebra', 'en')).entries).toEqual([]);
    });
  }

  it('a dictzip text spanning many chunks reads back whole', async () => {
    const long = [{ headword: 'long', definition: 'д'.repeat(3000) + ' конец' }, ...EN_RU];
    await store.add(writeDictd('long', long, { dz: true }));
    const entry = (await store.lookup('long', 'en')).entries[0]!;
    expect(entry.definition).toBe(`${'д'.repeat(3000)} конец`);
  });

  it('a plain gzip .dict.dz (no dictzip chunks) is inflated once and kept as .dict', async () => {
    const { gzipSync } = await import('node:zlib');
    const files = writeDictd('gz', EN_RU).map((f) => (f.name.endsWith('.dict') ? { name: 'gz.dict.dz', bytes: new Uint8Array(gzipSync(f.bytes)) } : f));
    const info = await store.add(files);
    expect(readdirSync(join(store.dir, info.id)).sort()).toEqual(['data.dict', 'index.json', 'meta.json']);
    expect((await store.lookup('make', 'en')).entries[0]?.definition).toBe('делать');
  });
});

describe('both directions', () => {
  it('an English word finds the en→ru dictionary, a Russian one the ru→en, their base forms too', async () => {
    await store.add(writeStarDict('en-ru', EN_RU, { bookname: 'EN-RU' }));
    await store.add(writeDictd('ru-en', RU_EN, { dz: true, shortName: 'RU-EN' }));
    const en = await store.lookup('measures', 'en');
    // `measures` is listed in the StarDict .syn under `measure`, its base form (not a synonym);
    // the en→ru dictionary answers first.
    expect(en.entries[0]).toMatchObject({ dictionary: 'EN-RU', headword: 'measure', match: 'form', definition: 'мера; мероприятие' });
    const ru = await store.lookup('книгами', 'ru');
    expect(ru.entries[0]).toMatchObject({ dictionary: 'RU-EN', headword: 'книга', match: 'form' });
    expect(ru.entries[0]!.definition).toBe('book');
    // ё and е are one letter for lookup, and so are the cases and a stress mark.
    expect((await store.lookup('Елку', 'ru')).entries[0]).toMatchObject({ headword: 'ёлка' });
    expect((await store.lookup('ме́ры', 'ru')).entries[0]).toMatchObject({ headword: 'мера' });
    // By stem only: `сотрудничеством` → the stem of `сотрудничество`.
    expect((await store.lookup('сотрудничеству', 'ru')).entries[0]).toMatchObject({ headword: 'сотрудничество' });
    expect((await store.lookup('pandemics', 'en')).entries.map((e) => e.dictionary)).toEqual(['EN-RU']);
  });

  it('a word the .syn lists is a base-form match when the headword is its base form, else a synonym', async () => {
    await store.add(writeStarDict('syn', [{ headword: 'color', definition: 'цвет', synonyms: ['colour'] }, { headword: 'study', definition: 'изучать', synonyms: ['studies'] }]));
    expect((await store.lookup('studies', 'en')).entries.map((e) => [e.headword, e.match])).toEqual([['study', 'form']]);
    expect((await store.lookup('colour', 'en')).entries.map((e) => [e.headword, e.match])).toEqual([['color', 'synonym']]);
  });

  it('exact matches come before base forms', async () => {
    await store.add(writeDictd('x', [{ headword: 'studies', definition: 'исследования' }, { headword: 'study', definition: 'изучать' }]));
    const result = await store.lookup('studies', 'en');
    expect(result.entries.map((e) => [e.headword, e.match])).toEqual([
      ['studies', 'exact'],
      ['study', 'form'],
    ]);
  });
});

describe('definitions are text', () => {
  it('HTML entries lose their markup, keep their text, decode entities, run no script', async () => {
    const entries = [{ headword: 'test', definition: '<b>test</b> &amp; <i>trial</i><br><script>alert(1)</script><img src="http://x/y.png" onerror="x()">проверка &lt;b&gt;' }];
    await store.add(writeStarDict('html', entries, { sameTypeSequence: 'h' }));
    const entry = (await store.lookup('test', 'en')).entries[0]!;
    expect(entry.definition).toBe('test & trial\nпроверка <b>');
    expect(entry.definition).not.toMatch(/alert|img|onerror/);
  });

  it('markupToText keeps blocks on lines', () => {
    expect(markupToText('<div>one</div><div>two<br/>three</div>')).toBe('one\ntwo\nthree');
  });

  it('normalises case, ё, stress and outer punctuation', () => {
    expect(normalizeWord(' «Ёлка», ')).toBe('елка');
    expect(normalizeWord('Don’t')).toBe("don't");
    expect(normalizeWord('за́мок')).toBe('замок');
  });

  it('offers base forms, never the word itself', () => {
    expect(lemmaCandidates('books', 'en')).toContain('book');
    expect(lemmaCandidates('studies', 'en')).toContain('study');
    expect(lemmaCandidates('книгами', 'ru')).toContain('книга');
    expect(lemmaCandidates('изучает', 'ru')).toContain('изучать');
    expect(lemmaCandidates('book', 'en')).not.toContain('book');
  });

  it('dictd numbers round-trip', () => {
    for (const n of [0, 1, 63, 64, 4095, 123_456_789]) expect(dictdNumber(encodeDictdNumber(n))).toBe(n);
    expect(dictdNumber('A!')).toBeUndefined();
  });
});

describe('broken dictionaries get a clear message and leave nothing behind', () => {
  const refused = async (files: DictionaryFile[], code: string, message: RegExp) => {
    await expect(store.add(files)).rejects.toMatchObject({ code, message: expect.stringMatching(message) });
    expect(await store.list()).toEqual([]);
    const left = (() => {
      try {
        return readdirSync(store.dir);
      } catch {
        return [];
      }
    })();
    expect(left).toEqual([]);
  };

  it('a truncated StarDict index', async () => {
    await refused(replace(writeStarDict('t', EN_RU), '.idx', (b) => b.subarray(0, b.length - 5)), 'dictionary-broken', /t\.idx: the index is \d+ bytes, the \.ifo says \d+ \(truncated\?\)/);
  });

  it('a truncated StarDict index whose .ifo was fixed up to match', async () => {
    const files = writeStarDict('t', EN_RU);
    const idx = files.find((f) => f.name.endsWith('.idx'))!.bytes.subarray(0, -3);
    const fixed = files.map((f) =>
      f.name.endsWith('.idx') ? { ...f, bytes: idx } : f.name.endsWith('.ifo') ? { ...f, bytes: utf8.encode(new TextDecoder().decode(f.bytes).replace(/idxfilesize=\d+/, `idxfilesize=${idx.length}`)) } : f,
    );
    await refused(fixed, 'dictionary-broken', /entry \d+ is cut short/);
  });

  it('a truncated dictd index', async () => {
    await refused(replace(writeDictd('t', EN_RU), '.index', (b) => b.subarray(0, b.length - 4)), 'dictionary-broken', /t\.index: the index is cut short/);
  });

  it('an offset past the end of the text (dictd and StarDict, plain and .dz)', async () => {
    await refused(replace(writeDictd('t', EN_RU), '.dict', (b) => b.subarray(0, b.length - 10)), 'dictionary-broken', /points past the end of the text/);
    await refused(replace(writeStarDict('s', EN_RU), '.dict', (b) => b.subarray(0, b.length - 1)), 'dictionary-broken', /entry \d+ \("\w+"\) points past the end of the text/);
    const short = writeDictd('z', EN_RU).find((f) => f.name.endsWith('.dict'))!.bytes.subarray(0, 40);
    await refused(writeDictd('z', EN_RU).map((f) => (f.name.endsWith('.dict') ? { name: 'z.dict.dz', bytes: dictzip(short, 16) } : f)), 'dictionary-broken', /points past the end of the text/);
  });

  it('a .dict.dz cut short', async () => {
    await refused(replace(writeDictd('t', EN_RU, { dz: true }), '.dz', (b) => b.subarray(0, b.length - 30)), 'dictionary-broken', /t\.dict\.dz: /);
  });

  it('a bad .ifo: the magic line, the version, a count, 64-bit offsets in 2.4.2', async () => {
    const ifo = (edit: (text: string) => string) => replace(writeStarDict('b', EN_RU), '.ifo', (b) => utf8.encode(edit(new TextDecoder().decode(b))));
    await refused(ifo((t) => t.replace("StarDict's dict ifo file", 'Hello')), 'dictionary-broken', /b\.ifo: the first line is not "StarDict's dict ifo file"/);
    await refused(ifo((t) => t.replace('version=2.4.2', 'version=9')), 'dictionary-broken', /version "9" is not 2\.4\.2 or 3\.0\.0/);
    await refused(ifo((t) => t.replace(/wordcount=\d+/, 'wordcount=many')), 'dictionary-broken', /wordcount "many" is not a number/);
    await refused(ifo((t) => t.replace(/wordcount=\d+/, 'wordcount=99')), 'dictionary-broken', /the index has 8 entries, the \.ifo says 99/);
    await refused(ifo((t) => `${t}idxoffsetbits=64\n`), 'dictionary-broken', /idxoffsetbits=64 needs version 3\.0\.0/);
    await refused(ifo((t) => t.replace(/bookname=.*\n/, '')), 'dictionary-broken', /bookname is missing/);
  });

  it('a missing file, or no dictionary at all', async () => {
    await refused(writeStarDict('m', EN_RU).filter((f) => !f.name.endsWith('.idx')), 'dictionary-incomplete', /m\.ifo: the \.idx file is missing/);
    await refused(writeDictd('m', EN_RU).filter((f) => !f.name.endsWith('.dict')), 'dictionary-incomplete', /the \.dict or \.dict\.dz file is missing/);
    await refused(writeStarDict('m', EN_RU).filter((f) => !f.name.endsWith('.ifo')), 'dictionary-incomplete', /the StarDict \.ifo file is missing/);
    await refused([{ name: 'notes.txt', bytes: utf8.encode('hello') }], 'unsupported-format', /not a dictd/);
  });

  it('a synonym that points past the index', async () => {
    const files = writeStarDict('s', EN_RU);
    const syn = files.find((f) => f.name.endsWith('.syn'))!;
    const bad = concat([syn.bytes, utf8.encode('ghost'), new Uint8Array([0, 0, 0, 0, 99])]);
    await refused(
      files.map((f) => (f === syn ? { ...f, bytes: bad } : f.name.endsWith('.ifo') ? { ...f, bytes: utf8.encode(new TextDecoder().decode(f.bytes).replace(/synwordcount=\d+/, 'synwordcount=2')) } : f)),
      'dictionary-broken',
      /synonym 2 \("ghost"\) points to entry 99 of 8/,
    );
  });
});

describe('in user data', () => {
  it('folders 0700, files 0600; removed on request; a damaged index is reported, not used', async () => {
    const info = await store.add(writeStarDict('p', EN_RU, { dz: true }));
    const folder = join(store.dir, info.id);
    expect(statSync(store.dir).mode & 0o777).toBe(0o700);
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    for (const name of readdirSync(folder)) expect(statSync(join(folder, name)).mode & 0o777).toBe(0o600);
    expect(readdirSync(folder).sort()).toEqual(['data.dict.dz', 'index.json', 'meta.json']);

    // A fresh store (the next start) reads it from disk.
    const again = new DictionaryStore(store.dir);
    expect((await again.lookup('book', 'en')).entries).toHaveLength(2);
    writeFileSync(join(folder, 'index.json'), '{"version":1,"headwords":["a"]}');
    const third = new DictionaryStore(store.dir);
    await expect(third.open(info.id)).rejects.toMatchObject({ code: 'dictionary-broken', message: expect.stringMatching(/index\.json is damaged/) });

    await expect(store.remove('d-0000000000000000')).rejects.toMatchObject({ code: 'not-found' });
    expect(await store.remove(info.id)).toEqual({ id: info.id });
    expect(readdirSync(store.dir)).toEqual([]);
    expect((await store.lookup('book', 'en')).entries).toEqual([]);
  });

  it('adds from a path with its siblings beside it', async () => {
    const folder = join(dir, 'download');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(folder);
    for (const f of writeStarDict('mueller', EN_RU, { dz: true })) writeFileSync(join(folder, f.name), f.bytes);
    const info = await store.addPaths([join(folder, 'mueller.ifo')]);
    expect(info.files.sort()).toEqual(['mueller.dict.dz', 'mueller.idx', 'mueller.ifo', 'mueller.syn']);
    await expect(store.addPaths([join(folder, 'mueller.ifo')], 10)).rejects.toMatchObject({ code: 'too-large' });
  });

  it('prepareDictionary refuses two dictionaries at once', async () => {
    await expect(prepareDictionary([...writeDictd('a', EN_RU), ...writeDictd('b', RU_EN)])).rejects.toMatchObject({ code: 'unsupported-format' });
  });
});

describe('indexing in a worker thread', () => {
  it('adds through the worker, and a broken dictionary keeps its code and message', async () => {
    const { workerPrepare } = await import('./index-runner');
    const worker = new DictionaryStore(join(dir, 'w'), undefined, workerPrepare(bundledWorker('dictionary')));
    const info = await worker.add(writeStarDict('w', EN_RU, { dz: true, bits: 64 }));
    expect(info.entries).toBe(EN_RU.length);
    expect((await worker.lookup('books', 'en')).entries).toHaveLength(2);
    await expect(worker.add(replace(writeStarDict('t', EN_RU), '.idx', (b) => b.subarray(0, b.length - 5)))).rejects.toMatchObject({
      code: 'dictionary-broken',
      message: expect.stringMatching(/truncated/),
    });
    expect(await worker.list()).toHaveLength(1);
  }, 60_000);
});
