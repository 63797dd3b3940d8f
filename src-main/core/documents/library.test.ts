import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { DocumentLibrary, decodeUtf8Text } from './library';

const BUNDLED = fileURLToPath(new URL('../../../resources/documents', import.meta.url));
const BUNDLED_ID = 'asean-russia-covid19-2020';

const EN_TEXT = 'A Small Title\n\nThe first paragraph says one thing. It says another.\n\nThe second paragraph ends here.\n';
const RU_TEXT = 'Небольшой заголовок\n\nПервый абзац говорит одно. Он говорит другое.\n\nВторой абзац заканчивается здесь.\n';

function manifest(id: string, extra: Record<string, unknown> = {}) {
  const l = (en: string, ru: string) => ({ en, ru });
  return {
    schemaVersion: 1,
    id,
    title: l(`Title of ${id}`, `Название ${id}`),
    date: '2021-02-03',
    place: l('Somewhere', 'Где-то'),
    firstParagraphIsTitle: true,
    source: l('Source', 'Источник'),
    translation: l('Translation', 'Перевод'),
    files: { en: 'en.txt', ru: 'ru.txt' },
    ...extra,
  };
}

let root: string;

beforeEach(async () => {
  root = await fs.mkdtemp(join(tmpdir(), 'bitext-library-'));
});

afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

async function writeDoc(
  folder: string,
  options: { manifest?: unknown; manifestText?: string; en?: string | Uint8Array; ru?: string | Uint8Array } = {},
): Promise<void> {
  const dir = join(root, folder);
  await fs.mkdir(dir, { recursive: true });
  const text = options.manifestText ?? JSON.stringify(options.manifest ?? manifest(folder), null, 2);
  await fs.writeFile(join(dir, 'manifest.json'), text);
  await fs.writeFile(join(dir, 'en.txt'), options.en ?? EN_TEXT);
  await fs.writeFile(join(dir, 'ru.txt'), options.ru ?? RU_TEXT);
}

async function openError(library: DocumentLibrary, id: string): Promise<AppError> {
  try {
    await library.open(id);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error(`open("${id}") did not fail`);
}

/** "Привет, мир" in Windows-1251. */
const CP1251_RUSSIAN = Uint8Array.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x2c, 0x20, 0xec, 0xe8, 0xf0]);

describe('DocumentLibrary.list', () => {
  it('lists valid documents in folder order and skips broken folders', async () => {
    await writeDoc('b-doc', { manifest: manifest('b-doc', { shortTitle: { en: 'B', ru: 'Б' } }) });
    await writeDoc('a-doc');
    await writeDoc('bad-json', { manifestText: '{ nope' });
    await writeDoc('bad-schema', { manifest: { ...manifest('bad-schema'), date: '3 Feb 2021' } });
    await writeDoc('wrong-id', { manifest: manifest('another-id') });
    await fs.mkdir(join(root, 'no-manifest'));
    await fs.mkdir(join(root, 'Upper Case'));
    await fs.writeFile(join(root, 'stray-file.txt'), 'not a folder');

    const list = await new DocumentLibrary(root).list();
    expect(list).toEqual([
      {
        id: 'a-doc',
        title: { en: 'Title of a-doc', ru: 'Название a-doc' },
        shortTitle: { en: 'Title of a-doc', ru: 'Название a-doc' },
        date: '2021-02-03',
        bundled: true,
      },
      {
        id: 'b-doc',
        title: { en: 'Title of b-doc', ru: 'Название b-doc' },
        shortTitle: { en: 'B', ru: 'Б' },
        date: '2021-02-03',
        bundled: true,
      },
    ]);
  });

  it('lists nothing in an empty folder', async () => {
    expect(await new DocumentLibrary(root).list()).toEqual([]);
  });

  it('lists the bundled statement', async () => {
    const list = await new DocumentLibrary(BUNDLED).list();
    expect(list.map((d) => d.id)).toContain(BUNDLED_ID);
  });
});

describe('DocumentLibrary.open refuses broken documents', () => {
  it('reports a missing document as not-found', async () => {
    const error = await openError(new DocumentLibrary(root), 'no-such-doc');
    expect(error.code).toBe('not-found');
  });

  it.each(['../x', '..', 'a/b', 'A', '', '-x', 'a\\b'])('refuses an invalid id %j as bad-request', async (id) => {
    const error = await openError(new DocumentLibrary(root), id);
    expect(error.code).toBe('bad-request');
  });

  it('reports a manifest that is not JSON as corrupt-file', async () => {
    await writeDoc('doc', { manifestText: '{"schemaVersion": 1,' });
    const error = await openError(new DocumentLibrary(root), 'doc');
    expect(error.code).toBe('corrupt-file');
    expect(error.message).toContain('doc');
  });

  it.each([
    ['a missing field', (m: Record<string, unknown>) => ({ ...m, title: undefined })],
    ['an unknown field', (m: Record<string, unknown>) => ({ ...m, extra: 1 })],
    ['a future schema version', (m: Record<string, unknown>) => ({ ...m, schemaVersion: 2 })],
    ['a text path outside the folder', (m: Record<string, unknown>) => ({ ...m, files: { en: '../en.txt', ru: 'ru.txt' } })],
    ['an empty translated string', (m: Record<string, unknown>) => ({ ...m, place: { en: 'x', ru: '' } })],
  ])('reports a manifest with %s as corrupt-file', async (_label, change) => {
    await writeDoc('doc', { manifest: change(manifest('doc')) });
    const error = await openError(new DocumentLibrary(root), 'doc');
    expect(error.code).toBe('corrupt-file');
  });

  it('reports a manifest whose id is not its folder as corrupt-file', async () => {
    await writeDoc('doc', { manifest: manifest('other-doc') });
    const error = await openError(new DocumentLibrary(root), 'doc');
    expect(error.code).toBe('corrupt-file');
    expect(error.message).toContain('other-doc');
  });

  it('reports a text file that is missing as io-error', async () => {
    await writeDoc('doc');
    await fs.rm(join(root, 'doc', 'ru.txt'));
    const error = await openError(new DocumentLibrary(root), 'doc');
    expect(error.code).toBe('io-error');
  });

  it.each([
    ['empty', 'en', ''],
    ['whitespace-only', 'ru', ' \n\n\t\n'],
    ['binary', 'en', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00])],
    ['UTF-16', 'ru', Buffer.from('\ufeffПривет', 'utf16le')],
    ['Windows-1251', 'ru', CP1251_RUSSIAN],
  ] as const)('refuses a %s text file as bad-request naming the file', async (_label, lang, bytes) => {
    await writeDoc('doc', { [lang]: bytes });
    const error = await openError(new DocumentLibrary(root), 'doc');
    expect(error.code).toBe('bad-request');
    expect(error.message).toContain(`doc/${lang}.txt`);
  });
});

describe('DocumentLibrary.open reads documents', () => {
  it('segments and aligns a small hand-made document', async () => {
    await writeDoc('doc', { manifest: manifest('doc', { notes: { en: 'N', ru: 'П' } }) });
    const view = await new DocumentLibrary(root).open('doc');
    expect(view.manifest).toMatchObject({
      id: 'doc',
      title: { en: 'Title of doc', ru: 'Название doc' },
      shortTitle: { en: 'Title of doc', ru: 'Название doc' },
      notes: { en: 'N', ru: 'П' },
    });
    expect(view.stats.paragraphs).toEqual({ en: 3, ru: 3 });
    expect(view.stats.clauses).toEqual({ en: 4, ru: 4 });
    expect(view.stats.rows).toBeGreaterThan(0);
    const rows = view.body.groups.filter((g) => g.kind !== 'title').flatMap((g) => g.rows);
    expect(rows).toHaveLength(view.stats.rows);
    // Every clause of each text appears exactly once in the rows, in order.
    expect(rows.flatMap((r) => r.en.map((c) => c.text)).join(' ')).toContain('The first paragraph says one thing.');
    expect(rows.flatMap((r) => r.ru).map((c) => c.id)).toEqual([...new Set(rows.flatMap((r) => r.ru).map((c) => c.id))]);
  });

  it('accepts a UTF-8 byte order mark and strips it', async () => {
    const withBom = (s: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s, 'utf8')]);
    await writeDoc('doc', { en: withBom(EN_TEXT), ru: withBom(RU_TEXT) });
    const view = await new DocumentLibrary(root).open('doc');
    expect(view.stats.paragraphs).toEqual({ en: 3, ru: 3 });
    const firstEn = view.body.groups[0]?.rows[0]?.en[0];
    expect(firstEn?.text).toBe('A Small Title');
    expect(firstEn?.start).toBe(0);
  });

  it('opens the bundled statement with equal paragraph counts', async () => {
    const view = await new DocumentLibrary(BUNDLED).open(BUNDLED_ID);
    expect(view.manifest.id).toBe(BUNDLED_ID);
    expect(view.stats.paragraphs.en).toBeGreaterThan(1);
    expect(view.stats.paragraphs.en).toBe(view.stats.paragraphs.ru);
    expect(view.stats.rows).toBeGreaterThan(0);
    // One row count everywhere: the rows of the text, not the title (shown as the heading).
    expect(view.body.groups.reduce((n, g) => n + (g.kind === 'title' ? 0 : g.rows.length), 0)).toBe(view.stats.rows);
    expect(view.body.groups.some((g) => g.kind === 'title' && g.rows.length > 0)).toBe(true);
  });
});

describe('decodeUtf8Text', () => {
  it('decodes UTF-8 Russian text', () => {
    expect(decodeUtf8Text(Buffer.from('Привет, мир', 'utf8'), 'x.txt')).toBe('Привет, мир');
  });

  it.each([
    ['empty', new Uint8Array()],
    ['a lone BOM', Uint8Array.from([0xef, 0xbb, 0xbf])],
    ['NUL', Uint8Array.from([0x61, 0x00, 0x62])],
    ['Windows-1251', CP1251_RUSSIAN],
    ['a truncated sequence', Uint8Array.from([0x61, 0xd0])],
  ])('refuses %s naming the file', (_label, bytes) => {
    expect(() => decodeUtf8Text(bytes, 'folder/file.txt')).toThrow(/folder\/file\.txt/);
    try {
      decodeUtf8Text(bytes, 'folder/file.txt');
    } catch (error) {
      expect(error).toMatchObject({ code: 'bad-request' });
    }
  });
});
