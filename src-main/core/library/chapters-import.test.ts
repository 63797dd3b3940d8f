/** Books with chapters through the library's import: chapter-first alignment, the chapters the reader is sent, and a 300-chapter book. */
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DocumentView, type ImportCheck, type ImportJobStatus, type Result, documentChaptersSchema } from '../../contract/ipc';
import { type AppServices, createAppServices } from '../app-services';
import { makeEpub, makeFb2 } from '../import/book-fixtures';
import { encodeText } from '../import/decode';
import { inProcessRunner } from '../import/in-process-runner';
import { dispatch } from '../ipc/handlers';

const BUNDLED = fileURLToPath(new URL('../../../resources/documents', import.meta.url));
let root: string;
let services: AppServices;

async function call<T>(channel: string, payload?: unknown): Promise<Result<T>> {
  return (await dispatch(services.handlers, channel, payload)) as Result<T>;
}
const file = (name: string, bytes: Uint8Array | string) => ({ name, data: Buffer.from(typeof bytes === 'string' ? encodeText(bytes, 'utf-8') : bytes).toString('base64') });
const documentFolders = async () => fs.readdir(join(root, 'data', 'documents')).catch(() => [] as string[]);

async function start(importLimits?: { maxParagraphs?: number; maxCharacters?: number }) {
  services = await createAppServices({
    userDataDir: join(root, 'data'),
    documentsDir: BUNDLED,
    systemLanguages: ['en-GB'],
    saveExport: async () => ({ saved: false as const }),
    alignRunner: inProcessRunner(),
    ...(importLimits ? { importLimits } : {}),
  });
}

async function importPair(en: { name: string; bytes: Uint8Array | string }, ru: { name: string; bytes: Uint8Array | string }): Promise<ImportJobStatus> {
  const prepared = await call<ImportCheck>('import:prepare', { files: [file(en.name, en.bytes), file(ru.name, ru.bytes)] });
  if (!prepared.ok) throw Object.assign(new Error(prepared.message), { code: prepared.code });
  const job = await call<ImportJobStatus>('library:import', { pendingId: prepared.value.pendingId });
  if (!job.ok) throw new Error(job.message);
  return services.bitext.settled(job.value.jobId);
}

beforeEach(async () => {
  root = await fs.mkdtemp(join(tmpdir(), 'bitext-chapters-import-'));
  await start();
});
afterEach(async () => {
  await services?.corrections.flush();
  await fs.rm(root, { recursive: true, force: true });
});

const EN = [
  ['The meeting', ['The Parties met in Moscow on 17 June 2020.', 'They discussed the pandemic and its effects on trade.']],
  ['The plan', ['They agreed on a plan of three steps.', 'The first step is the exchange of data.']],
  ['The money', ['The fund will hold 5 million dollars.', 'It is open to every member.']],
  ['The schools', ['Schools will share their lessons online.', 'Teachers will meet every month.']],
  ['The end', ['The meeting closed at 18:00.', 'The next one is in 2021.']],
] as const;
const RU = [
  ['Встреча', ['Стороны встретились в Москве 17 июня 2020 года.', 'Они обсудили пандемию и её влияние на торговлю.']],
  ['План', ['Они согласовали план из трёх шагов.', 'Первый шаг — обмен данными.']],
  ['Деньги', ['В фонде будет 5 миллионов долларов.', 'Он открыт для каждого члена.']],
  ['Школы', ['Школы будут делиться уроками онлайн.', 'Учителя будут встречаться каждый месяц.']],
  ['Конец', ['Совещание закрылось в 18:00.', 'Следующее состоится в 2021 году.']],
] as const;

describe('a book with chapters', () => {
  it('an EPUB and an FB2 with a chapter missing in the Russian: chapters paired, the missing one on its own, listed in both languages', async () => {
    const epub = makeEpub(EN.map(([title, paragraphs], k) => ({ title: `Chapter ${k + 1}. ${title}`, paragraphs: [...paragraphs] })), { title: 'The Meeting', language: 'en' });
    const fb2 = makeFb2(
      RU.flatMap(([title, paragraphs], k) => (k === 2 ? [] : [{ title: `Глава ${k + 1}. ${title}`, paragraphs: [...paragraphs] }])),
      { title: 'Встреча', lang: 'ru' },
    );
    const done = await importPair({ name: 'en.epub', bytes: epub }, { name: 'ru.fb2', bytes: fb2 });
    expect(done.state).toBe('done');
    const opened = await call<DocumentView>('documents:open', { id: done.documentId });
    if (!opened.ok) throw new Error(opened.message);
    const view = opened.value;
    expect(documentChaptersSchema.safeParse(view.chapters).success).toBe(true);
    expect(view.chapters?.map((c) => [c.en ?? '-', c.ru ?? '-'])).toEqual([
      ['Chapter 1. The meeting', 'Глава 1. Встреча'],
      ['Chapter 2. The plan', 'Глава 2. План'],
      ['Chapter 3. The money', '-'],
      ['Chapter 4. The schools', 'Глава 4. Школы'],
      ['Chapter 5. The end', 'Глава 5. Конец'],
    ]);
    // Chapter 1's heading opens the document: a chapter heading, not a title hidden from the rows.
    expect(view.body.groups[view.chapters![0]!.group]!.kind).toBe('body');
    // Chapter 3's text stands alone; chapter 4's first paragraph is paired with its own translation.
    const text = (g: DocumentView['body']['groups'][number], lang: 'en' | 'ru') => g.rows.flatMap((r) => r[lang].map((c) => c.text)).join(' ');
    const third = view.chapters![2]!.group;
    expect(text(view.body.groups[third + 1]!, 'en')).toBe('The fund will hold 5 million dollars.');
    expect(view.body.groups[third + 1]!.ru).toEqual([]);
    const fourth = view.chapters![3]!.group;
    // A heading is one clause, not cut at "4." like a sentence.
    expect(view.body.groups[fourth]!.rows.map((r) => [r.en.map((c) => c.text), r.ru.map((c) => c.text)])).toEqual([[['Chapter 4. The schools'], ['Глава 4. Школы']]]);
    expect(text(view.body.groups[fourth + 1]!, 'ru')).toBe('Школы будут делиться уроками онлайн.');
  });

  it('a book of one chapter: its heading is a row of the text, not the document title', async () => {
    const [[enTitle, enParagraphs]] = EN;
    const [[ruTitle, ruParagraphs]] = RU;
    const epub = makeEpub([{ title: `Chapter 1. ${enTitle}`, paragraphs: [...enParagraphs] }], { title: 'The Meeting', language: 'en' });
    const fb2 = makeFb2([{ title: `Глава 1. ${ruTitle}`, paragraphs: [...ruParagraphs] }], { title: 'Встреча', lang: 'ru' });
    const done = await importPair({ name: 'en.epub', bytes: epub }, { name: 'ru.fb2', bytes: fb2 });
    expect(done.state).toBe('done');
    const opened = await call<DocumentView>('documents:open', { id: done.documentId });
    if (!opened.ok) throw new Error(opened.message);
    const first = opened.value.body.groups[0]!;
    expect(first.kind).toBe('body');
    expect(first.rows[0]!.en.map((c) => c.text)).toEqual(['Chapter 1. The meeting']);
    expect(first.rows[0]!.ru.map((c) => c.text)).toEqual(['Глава 1. Встреча']);
  });

  it('Markdown with headings and an HTML page: chapters from both', async () => {
    const md = EN.map(([title, paragraphs]) => `## ${title}\n\n${paragraphs.join('\n\n')}`).join('\n\n');
    const html = `<html><head><title>Встреча</title></head><body><nav>Меню</nav>${RU.map(([title, paragraphs]) => `<h2>${title}</h2>${paragraphs.map((p) => `<p>${p}</p>`).join('')}`).join('')}</body></html>`;
    const done = await importPair({ name: 'en.md', bytes: md }, { name: 'ru.html', bytes: html });
    expect(done.state).toBe('done');
    const opened = await call<DocumentView>('documents:open', { id: done.documentId });
    if (!opened.ok) throw new Error(opened.message);
    expect(opened.value.chapters?.map((c) => `${c.en}|${c.ru}`)).toEqual(EN.map(([title], k) => `${title}|${RU[k]![0]}`));
    // Nothing was given a preamble or an operative part.
    expect(opened.value.body.groups.every((g) => g.kind === 'body')).toBe(true);
  });

  it('a 300-chapter book pair imports whole, every chapter listed', { timeout: 120_000 }, async () => {
    const en = Array.from({ length: 300 }, (_, k) => ({ title: `Chapter ${k + 1}`, paragraphs: [`The Parties met for the ${k + 1}th time.`, `They agreed on ${k + 2} points.`] }));
    const ru = Array.from({ length: 300 }, (_, k) => ({ title: `Глава ${k + 1}`, paragraphs: [`Стороны встретились в ${k + 1}-й раз.`, `Они согласовали ${k + 2} пунктов.`] }));
    const done = await importPair({ name: 'en.epub', bytes: makeEpub(en) }, { name: 'ru.epub', bytes: makeEpub(ru) });
    expect(done.state).toBe('done');
    const opened = await call<DocumentView>('documents:open', { id: done.documentId });
    if (!opened.ok) throw new Error(opened.message);
    expect(opened.value.chapters).toHaveLength(300);
    expect(opened.value.chapters?.[299]).toMatchObject({ en: 'Chapter 300', ru: 'Глава 300' });
  });

  it('a 300-chapter book past a limit is refused with a clear message, and nothing is half-imported', { timeout: 120_000 }, async () => {
    await start({ maxParagraphs: 500 });
    const chapters = (word: string) => Array.from({ length: 300 }, (_, k) => ({ title: `${word} ${k + 1}`, paragraphs: [`Text ${k + 1}.`, `More ${k + 1}.`] }));
    let refused: Error & { code?: string } = new Error('not refused');
    try {
      await importPair({ name: 'en.epub', bytes: makeEpub(chapters('Chapter')) }, { name: 'ru.epub', bytes: makeEpub(chapters('Глава')) });
    } catch (error) {
      refused = error as Error & { code?: string };
    }
    expect(refused.code).toBe('too-much-text');
    expect(refused.message).toMatch(/en\.epub.*more than 500 paragraphs/);
    expect(await documentFolders()).toEqual([]);
  });
});
