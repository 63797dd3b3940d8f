import { describe, expect, it } from 'vitest';
import { encodeText } from './decode';
import {
  bilingualTexts,
  formatOf,
  htmlParagraphs,
  markdownParagraphs,
  parseTmx,
  parseTsv,
  readBilingual,
  readMonolingual,
} from './formats';
import { STATEMENT, firstParagraphs, makeDocx, refusal } from './testing';
import { warningText } from './warnings';

const paragraphsOf = (text: string) => text.trim().split('\n\n');


describe('plain text', () => {
  it('keeps the paragraphs and ends with one newline', () => {
    const doc = readMonolingual(encodeText(STATEMENT.en.replace(/\n/g, '\r\n'), 'utf-8'), 'en.txt');
    expect(doc.format).toBe('txt');
    expect(paragraphsOf(doc.text)).toEqual(paragraphsOf(STATEMENT.en));
    expect(doc.text.endsWith('\n') && !doc.text.endsWith('\n\n')).toBe(true);
  });
});

describe('Markdown', () => {
  it('strips the syntax and keeps the paragraph structure', () => {
    const md = [
      '---',
      'title: front matter',
      '---',
      '# The **Statement**',
      '',
      'We, the _Ministers_, met [online](https://example.org/meeting "x") and agreed:',
      'a second line of the same paragraph with `code`.',
      '',
      '> A quoted paragraph.',
      '',
      '- first item',
      '- second ![a map](http://example.org/map.png) item',
      '1. numbered item',
      '',
      '***',
      '',
      'Setext heading',
      '==============',
      '',
      '| col A | col B |',
      '| --- | --- |',
      '| one | two |',
      '',
      '[ref]: http://example.org',
      '```',
      'code block line',
      '```',
    ].join('\n');
    expect(markdownParagraphs(md)).toEqual([
      'The Statement',
      'We, the Ministers, met online and agreed:\na second line of the same paragraph with code.',
      'A quoted paragraph.',
      'first item',
      'second a map item',
      '1. numbered item',
      'Setext heading',
      'col A\tcol B',
      'one\ttwo',
      'code block line',
    ]);
  });

  it('turns the statement written as Markdown back into its paragraphs', () => {
    const [title, ...rest] = paragraphsOf(STATEMENT.ru);
    const md = `# ${title}\n\n${rest.map((p) => p.replace(/COVID-19/, '**COVID-19**')).join('\n\n')}\n`;
    const doc = readMonolingual(encodeText(md, 'utf-8'), 'ru.md');
    expect(doc.format).toBe('md');
    expect(paragraphsOf(doc.text)).toEqual(paragraphsOf(STATEMENT.ru));
  });
});

describe('HTML', () => {
  const html = `<!doctype html><html><head><meta charset="windows-1251"><title>Заявление</title>
    <style>p { color: red }</style><script>window.evil = fetch('http://example.org/steal')</script>
    <link rel="stylesheet" href="http://example.org/style.css"></head>
    <body><h1>Заявление &laquo;министров&raquo;</h1>
    <p>Первый   абзац<br>со второй строкой.</p><img src="http://example.org/tracker.png" alt="трекер">
    <div>Второй <b>абзац</b> &amp; <a href="http://example.org">ссылка</a>.<script>document.write('<p>injected</p>')</script></div>
    <ul><li>пункт один</li><li>пункт два</li></ul><noscript>включите JavaScript</noscript>
    <iframe src="http://example.org/frame"></iframe><pre>строка 1
строка 2</pre></body></html>`;

  it('keeps text and paragraphs; scripts, styles and remote resources are dropped as data', () => {
    const doc = readMonolingual(encodeText(html, 'windows-1251'), 'ru.html');
    expect(doc.encoding).toBe('windows-1251');
    expect(doc.title).toBe('Заявление');
    expect(paragraphsOf(doc.text)).toEqual([
      'Заявление «министров»',
      'Первый абзац\nсо второй строкой.',
      'Второй абзац & ссылка.',
      'пункт один',
      'пункт два',
      'строка 1\nстрока 2',
    ]);
    for (const absent of ['evil', 'fetch', 'example.org', 'injected', 'tracker', 'color', 'JavaScript']) expect(doc.text).not.toContain(absent);
  });

  it('reads the statement as HTML paragraphs', () => {
    const body = paragraphsOf(STATEMENT.en).map((p) => `<p>${p.replace(/&/g, '&amp;')}</p>`).join('\n');
    const { paragraphs } = htmlParagraphs(`<html><body>${body}</body></html>`);
    expect(paragraphs).toEqual(paragraphsOf(STATEMENT.en));
  });
});

describe('DOCX', () => {
  it('reads the paragraphs of word/document.xml and ignores a macro part', () => {
    const docx = makeDocx(paragraphsOf(STATEMENT.ru), { macro: true });
    const doc = readMonolingual(docx, 'ru.docx');
    expect(doc.format).toBe('docx');
    expect(doc.encoding).toBe('docx');
    expect(paragraphsOf(doc.text)).toEqual(paragraphsOf(STATEMENT.ru));
    expect(doc.text).not.toContain('AutoOpen');
  });

  it('refuses an old .doc, a damaged package and a zip without a document', () => {
    expect(refusal(() => readMonolingual(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]), 'old.docx')).code).toBe('unsupported-format');
    expect(refusal(() => readMonolingual(new Uint8Array([0x50, 0x4b, 3, 4, 9, 9, 9]), 'broken.docx')).message).toContain('broken.docx');
    expect(refusal(() => readMonolingual(encodeText('plain', 'utf-8'), 'fake.docx')).code).toBe('unsupported-format');
  });
});

describe('formats by name', () => {
  it('refuses .doc, .rtf and other formats the app does not read, naming the file', () => {
    const error = refusal(() => formatOf('/home/me/Statement.doc'));
    expect(error.code).toBe('unsupported-format');
    expect(error.message).toContain('Statement.doc');
    expect(formatOf('Report.PDF')).toBe('pdf');
    expect(formatOf('book.fb2.zip')).toBe('fb2');
    expect(formatOf('notes')).toBe('txt');
    expect(formatOf('a.HTM')).toBe('html');
  });

  it('refuses a bilingual file given as one text of a pair, and a text file given alone', () => {
    expect(refusal(() => readMonolingual(encodeText('a\tb', 'utf-8'), 'pair.tsv')).code).toBe('unsupported-format');
    expect(refusal(() => readBilingual(encodeText('text', 'utf-8'), 'en.txt')).code).toBe('unsupported-format');
  });
});

describe('bilingual files', () => {
  const en = paragraphsOf(firstParagraphs(STATEMENT.en, 4));
  const ru = paragraphsOf(firstParagraphs(STATEMENT.ru, 4));

  it('TMX: each unit with English and Russian; inline codes dropped; other languages ignored', () => {
    const tus = en
      .map(
        (e, k) =>
          `<tu tuid="${k}"><tuv xml:lang="EN-GB"><seg>${e.replace(/&/g, '&amp;')}</seg></tuv>` +
          `<tuv xml:lang="fr"><seg>français</seg></tuv><tuv xml:lang="ru-RU"><seg>${ru[k]}</seg></tuv></tu>`,
      )
      .join('\n');
    const xml = `<?xml version="1.0" encoding="UTF-16"?><tmx version="1.4"><header srclang="en"/><body>${tus}
      <tu><tuv xml:lang="en"><seg>Bold <bpt i="1">&lt;b&gt;</bpt>text<ept i="1">&lt;/b&gt;</ept></seg></tuv><tuv lang="ru"><seg>Жирный текст</seg></tuv></tu>
      <tu><tuv xml:lang="de"><seg>nur Deutsch</seg></tuv></tu></body></tmx>`;
    const doc = readBilingual(encodeText(xml, 'utf-16le', { bom: true }), 'memory.tmx');
    expect(doc.encoding).toBe('utf-16le');
    expect(doc.units.slice(0, 4)).toEqual(en.map((e, k) => ({ en: e, ru: ru[k] })));
    expect(doc.units[4]).toEqual({ en: 'Bold text', ru: 'Жирный текст' });
    expect(doc.units).toHaveLength(5);
    expect(doc.warnings).toEqual([{ code: 'units-skipped', params: { count: 1 } }]);
    expect(doc.warnings.map(warningText).join()).toMatch(/1 unit/);
    expect(parseTmx('<tmx><body></body></tmx>').units).toEqual([]);
    expect(refusal(() => readBilingual(encodeText('<tmx><body></body></tmx>', 'utf-8'), 'empty.tmx')).code).toBe('unsupported-format');
  });

  it('TSV: English<TAB>Russian per line, a header skipped, CRLF and CP1251 fine', () => {
    const tsv = `English\tRussian\r\n${en.map((e, k) => `${e}\t${ru[k]}`).join('\r\n')}\r\nonly English\r\n`;
    const doc = readBilingual(encodeText(tsv, 'windows-1251'), 'pairs.tsv');
    expect(doc.encoding).toBe('windows-1251');
    expect(doc.units.slice(0, 4)).toEqual(en.map((e, k) => ({ en: e, ru: ru[k] })));
    expect(doc.units[4]).toEqual({ en: 'only English', ru: '' });
    expect(doc.warnings.map((w) => w.code)).toEqual(['lines-without-tab']);
    expect(doc.warnings.map(warningText).join()).toMatch(/without a tab/);
    expect(refusal(() => parseTsv('one\ntwo\nthree', 'not.tsv')).code).toBe('unsupported-format');
  });

  it('become two texts with one paragraph per unit and a map of rows', () => {
    const texts = bilingualTexts([
      { en: 'One.', ru: 'Один.' },
      { en: 'Two.', ru: '' },
      { en: '', ru: 'Три.' },
    ]);
    expect(texts.en).toBe('One.\n\nTwo.\n');
    expect(texts.ru).toBe('Один.\n\nТри.\n');
    expect(texts.rows).toEqual([
      { en: 0, ru: 0 },
      { en: 1, ru: null },
      { en: null, ru: 1 },
    ]);
  });
});
