/**
 * Import refusals are said once and wholly in the UI language: main sends a message key and its
 * values (`details`), and the locales hold every key with the values it uses.
 */
import { strToU8, unzipSync, zipSync } from 'fflate';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import {
  ANNOTATION_IMPORT_ERRORS,
  ANNOTATION_REJECTIONS,
  DOCUMENT_PROBLEMS,
  ERROR_CODES,
  IMPORT_ERROR_CODES,
  IMPORT_LIMITS,
  IMPORT_REFUSALS,
  IMPORT_WARNINGS,
} from '../src-main/contract/ipc';
import { parseJsonLd } from '../src-main/core/annotations/export';
import { decodeBytes } from '../src-main/core/import/decode';
import { parseTsv } from '../src-main/core/import/formats/tsv';
import { ApiError } from './api';
import { annotationImportErrorText, annotationReportText, documentProblemText, importErrorText, importWarningText } from './import-messages';
import type { ImportError } from '../src-main/core/import/errors';
import { readMonolingual } from '../src-main/core/import/formats';
import { mixedEncodingText, paragraphFlood, zeroWidthText } from '../src-main/core/import/hostile';
import { refusal } from '../src-main/core/import/testing';
import { makeEpub, makePdf } from '../src-main/core/import/book-fixtures';
import { readDocument } from '../src-main/core/import/books';
import { resources } from './i18n-resources';

async function say(lng: 'en' | 'ru', error: ImportError): Promise<string> {
  const i18n = i18next.createInstance();
  await i18n.init({ resources, lng, fallbackLng: false, ns: ['common'], defaultNS: 'common', interpolation: { escapeValue: false } });
  return i18n.t(`importErrors.${error.details.reason ?? error.code}`, error.details.params ?? {});
}

const refusals: Array<[string, () => ImportError]> = [
  ['an empty file', () => refusal(() => readMonolingual(new Uint8Array(), 'empty.txt'))],
  ['zero-width text', () => refusal(() => readMonolingual(zeroWidthText(), 'zw.txt'))],
  ['a paragraph flood', () => refusal(() => readMonolingual(paragraphFlood(1 << 20).bytes, 'flood.txt'))],
  ['mixed encodings', () => refusal(() => readMonolingual(mixedEncodingText(2), 'mixed.txt'))],
  ['a PDF', () => refusal(() => readMonolingual(new TextEncoder().encode('%PDF'), 'a.pdf'))],
  ['too large', () => refusal(() => readMonolingual(new Uint8Array(IMPORT_LIMITS.maxFileBytes + 1).fill(65), 'big.txt'))],
];

/** A refusal the readers answer asynchronously (PDF). */
async function refusedAsync(run: () => Promise<unknown>): Promise<ImportError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof Error && 'code' in error) return error as ImportError;
    throw error;
  }
  throw new Error('not refused');
}

/** The bad input of issue 12, section 6: each with its own message, in each language. */
const BOOK = [{ title: 'Chapter', paragraphs: ['Text.'] }];
/** The EPUB with its first chapter's file taken out (its spine still lists it). */
function dropChapter(epub: Uint8Array): Uint8Array {
  const files = unzipSync(epub);
  const chapter = Object.keys(files).find((path) => path.includes('/text/'));
  if (!chapter) throw new Error('no chapter in the fixture');
  delete files[chapter];
  return zipSync(files);
}
const bookRefusals: Array<[string, () => Promise<ImportError>, RegExp]> = [
  ['a DRM-protected EPUB', async () => refusal(() => readMonolingual(makeEpub(BOOK, { drm: 'encryption' }), 'locked.epub')), /DRM/],
  ['an EPUB with no spine', async () => refusal(() => readMonolingual(makeEpub(BOOK, { noSpine: true }), 'nospine.epub')), /порядок чтения глав/],
  ['a PDF with no text layer', () => refusedAsync(() => readDocument(makePdf([null]), 'scan.pdf')), /текстового слоя/],
  ['a PDF with a password', () => refusedAsync(() => readDocument(makePdf([[{ x: 72, y: 700, text: 'Secret.' }]], { encrypted: true }), 'locked.pdf')), /парол/],
  ['a 300-chapter book past the paragraph limit', async () => refusal(() => readMonolingual(makeEpub(Array.from({ length: 300 }, (_, k) => ({ title: `Chapter ${k + 1}`, paragraphs: ['One.', 'Two.'] }))), 'big.epub', { limits: { maxParagraphs: 500 } })), /500/],
  ['subtitles with broken times', async () => refusal(() => readMonolingual(new TextEncoder().encode('1\n00:00:01,000 --> 00:00:02,000\nHi.\n\n2\n00:00:0x,000 --> 00:00:04,000\nLost.\n'), 'broken.srt')), /строка 6/],
  // A file of a format the app reads that cannot be read as one: said as such, not as "a kind of
  // file the app does not import" (what a damaged PDF, EPUB or FB2 used to get).
  ['a damaged PDF', () => refusedAsync(() => readDocument(new TextEncoder().encode('%PDF-1.4\n garbage garbage'), 'broken.pdf')), /повреждённый PDF/],
  ['a file named .pdf that is not one', () => refusedAsync(() => readDocument(new TextEncoder().encode('Just some text.'), 'notes.pdf')), /не PDF/],
  ['an EPUB that is no ZIP package', async () => refusal(() => readMonolingual(new TextEncoder().encode('not a zip'), 'fake.epub')), /не ZIP-файл/],
  ['an EPUB with no container', async () => refusal(() => readMonolingual(zipSync({ 'a.txt': strToU8('x') }), 'empty.epub')), /не читаемая книга EPUB/],
  ['an EPUB missing a chapter of its spine', async () => refusal(() => readMonolingual(dropChapter(makeEpub(BOOK)), 'holed.epub')), /главы «.+» из её порядка чтения/],
  ['an FB2 that is no FictionBook', async () => refusal(() => readMonolingual(new TextEncoder().encode('<html><body>no</body></html>'), 'fake.fb2')), /не книга FictionBook/],
  ['a WebVTT file without its header', async () => refusal(() => readMonolingual(new TextEncoder().encode('00:01.000 --> 00:02.000\nx\n'), 'cues.vtt')), /WEBVTT/],
];

describe('import refusals in the UI language', () => {
  it.each(bookRefusals)('%s: its own message, said once, wholly in Russian, the file named', async (_, make, russian) => {
    const error = await make();
    const [ru, en] = [await say('ru', error), await say('en', error)];
    expect(ru).toMatch(russian);
    for (const text of [ru, en]) {
      expect(text).not.toMatch(/\{\{|\}\}/);
      // The file is named once, and the message is not said twice (once per language or per layer).
      expect(text.split(String(error.params.file)).length - 1).toBe(1);
    }
    expect(englishIn(ru, String(error.params.file), 'DRM', 'PDF', 'OCR', 'EPUB', 'FictionBook', 'WebVTT', 'WEBVTT', 'ZIP', String(error.params.chapter ?? ''))).toEqual([]);
    // Not the catch-all for a format the app does not read.
    expect(error.details.reason).not.toBe('unsupported-format');
    expect(ru).not.toContain(error.message);
    expect(ru).not.toBe(en);
  });

  it('every refusal key is in both locales', () => {
    for (const lang of ['en', 'ru'] as const) {
      const keys = Object.keys(resources[lang].common.importErrors);
      expect(keys.sort()).toEqual([...IMPORT_REFUSALS].sort());
    }
  });

  it.each(refusals)('%s: said once, in Russian, with the file named and every value filled in', async (_, make) => {
    const error = make();
    const ru = await say('ru', error);
    const en = await say('en', error);
    for (const text of [ru, en]) {
      expect(text).not.toMatch(/\{\{|\}\}/);
      expect(text).toContain(String(error.params.file));
    }
    // No English left in the Russian message once the file name and encoding names are taken out.
    const rest = ru.replace(String(error.params.file), '').replace(/UTF-\d+|Windows-\d+|KOI8-R|CP866|PDF|\.txt|\.docx|\.tsv/g, '');
    expect(rest).not.toMatch(/[A-Za-z]{3,}/);
    expect(ru).not.toBe(en);
  });

  it('numbers are written the way each language writes them', async () => {
    const error = refusal(() => readMonolingual(paragraphFlood(1 << 20).bytes, 'flood.txt'));
    expect(await say('en', error)).toContain('100,000');
    expect(await say('ru', error)).toMatch(/100\s000/);
  });
});

async function instance(lng: 'en' | 'ru') {
  const i18n = i18next.createInstance();
  await i18n.init({ resources, lng, fallbackLng: false, ns: ['common'], defaultNS: 'common', interpolation: { escapeValue: false } });
  return i18n;
}

/** Russian with the names, codes and formats taken out: no English word may be left. */
const englishIn = (text: string, ...allowed: string[]) =>
  allowed.reduce((rest, a) => rest.replaceAll(a, ''), text).replace(/W3C Web Annotation|Web Annotation|JSON-LD|JSON|urn:uuid|Bitext Reader/g, '').match(/[A-Za-z]{3,}/g) ?? [];

describe('every code main sends has its words in both languages', () => {
  const sets: Array<[string, readonly string[], (code: string) => string]> = [
    ['import warnings', IMPORT_WARNINGS, (c) => `importWarnings.${c}`],
    ['document problems', DOCUMENT_PROBLEMS, (c) => `documentProblems.${c}`],
    ['annotation import errors', ANNOTATION_IMPORT_ERRORS, (c) => `annotationImport.errors.${c}`],
    ['annotation rejections', ANNOTATION_REJECTIONS, (c) => `annotationImport.rejections.${c}`],
    ['other failures', ERROR_CODES.filter((c) => !(IMPORT_ERROR_CODES as readonly string[]).includes(c)), (c) => `failures.${c}`],
  ];
  it.each(sets)('%s', async (_, codes, key) => {
    expect(codes.length).toBeGreaterThan(0);
    for (const lng of ['en', 'ru'] as const) {
      const i18n = await instance(lng);
      for (const code of codes) {
        for (const count of [1, 3, 5, 21]) expect(i18n.exists(key(code), { count }), `${lng}: ${key(code)} (${count})`).toBe(true);
      }
    }
  });
});

describe('import warnings, document problems and annotation imports in the reader\'s language, said once', () => {
  it('warnings made by the readers, with Russian plurals', async () => {
    const control = decodeBytes(new TextEncoder().encode('Text\u0001 with\u0002 controls\u0003.'), 'c.txt').warnings;
    const untabbed = parseTsv('one\tодин\ntwo\tдва\nthree\tтри\nfour\n').warnings;
    const [ru, en] = [await instance('ru'), await instance('en')];
    expect(importWarningText(ru.t, control[0]!)).toBe('Удалено 3 управляющих символа.');
    expect(importWarningText(en.t, control[0]!)).toBe('3 control characters were removed.');
    expect(importWarningText(ru.t, untabbed[0]!)).toBe('1 строка без табуляции прочитана как только английская.');
    expect(importWarningText(ru.t, { code: 'units-skipped', params: { count: 5 } })).toMatch(/^Пропущено 5 единиц/);
  });

  it.each(DOCUMENT_PROBLEMS)('a listed document that is %s', async (code) => {
    const ru = await instance('ru');
    const text = documentProblemText(ru.t, { code, params: { file: 'alignment.json' } });
    expect(englishIn(text, 'alignment.json')).toEqual([]);
    const unnamed = documentProblemText(ru.t, { code });
    expect(englishIn(unnamed)).toEqual([]);
    expect(unnamed).not.toMatch(/\{\{/);
  });

  it('a failed load says its problem in Russian, not the English message inside it', async () => {
    const ru = await instance('ru');
    const error = new ApiError('corrupt-file', 'The imported document could not be opened, so it was not kept: The alignment of "x" is not valid JSON', {
      reason: 'load-failed',
      params: { problem: 'damaged', file: 'alignment.json' },
    });
    const text = importErrorText(ru.t, 'ru', error);
    expect(text).toContain('повреждён');
    expect(englishIn(text, 'alignment.json')).toEqual([]);
  });

  it('an annotation file refused whole, and one partly imported', async () => {
    const ru = await instance('ru');
    const notJson = parseJsonLd('{ nope', { documentId: 'd', now: new Date(), clauseIdFor: () => undefined });
    if (notJson.ok) throw new Error('parsed');
    const refused = annotationImportErrorText(ru.t, 'ru', new ApiError('bad-request', notJson.message, { annotationReason: notJson.reason }));
    expect(refused).toMatch(/^Заметки не импортированы: файл не в формате JSON/);
    expect(englishIn(refused)).toEqual([]);
    const cap = annotationImportErrorText(ru.t, 'ru', new ApiError('bad-request', 'A document holds at most 20000 annotations', { annotationReason: 'too-many-annotations', params: { max: 20_000, count: 19_990, adding: 470 } }));
    expect(cap).toMatch(/20\s000/);
    expect(englishIn(cap)).toEqual([]);

    const parsed = parseJsonLd(JSON.stringify([{ type: 'Annotation' }, { id: 'http://x/1', type: 'Annotation', target: { source: 'urn:bitext:d:en' } }]), {
      documentId: 'd',
      now: new Date(),
      clauseIdFor: () => undefined,
    });
    if (!parsed.ok) throw new Error('refused');
    const report = { added: 0, updated: 0, unchanged: 0, rejected: 2, reasons: [], rejections: parsed.rejected };
    const text = annotationReportText(ru.t, report);
    expect(text).toContain('Заметка 2: её идентификатор — не urn:uuid');
    expect(englishIn(text, 'type')).toEqual([]);
    // Said once: no sentence twice.
    const sentences = text.split(/(?<=[.:])\s+/);
    expect(new Set(sentences).size).toBe(sentences.length);
  });

  it('a failure without a code of its own: main\'s English in English, the code\'s words in Russian', async () => {
    const [ru, en] = [await instance('ru'), await instance('en')];
    const error = new ApiError('io-error', "EACCES: permission denied, open '/data/x'");
    expect(importErrorText(en.t, 'en', error)).toBe("EACCES: permission denied, open '/data/x'");
    expect(importErrorText(ru.t, 'ru', error)).toBe(ru.t('failures.io-error'));
    expect(englishIn(importErrorText(ru.t, 'ru', error))).toEqual([]);
  });
});
