import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { AlignedText } from '../model';
import { toDocx } from './docx';
import { printHtml } from './print';

const clause = (lang: 'en' | 'ru', p: number, c: number, text: string) => ({ id: `${lang}-p${p}-c${c}`, text, start: 0, end: text.length });
export const BODY: AlignedText = {
  groups: [
    { number: 1, kind: 'body', en: [0], ru: [0], rows: [
      { id: 'r1-0', en: [clause('en', 0, 0, 'We, the Ministers <of> Foreign Affairs & friends,')], ru: [clause('ru', 0, 0, 'Мы, министры иностранных дел «и друзья»,')], confidence: 1 },
      { id: 'r1-1', en: [clause('en', 0, 1, 'met by video conference.')], ru: [clause('ru', 0, 1, 'провели видеоконференцию.')], confidence: 0.9 },
    ] },
    { number: 2, kind: 'body', en: [1], ru: [1], rows: [{ id: 'r2-0', en: [clause('en', 1, 0, 'Stressed the need\u0001 for cooperation.')], ru: [], confidence: 0.5 }] },
  ],
} as unknown as AlignedText;
const META = { id: 'doc', title: { en: 'A Statement', ru: 'Заявление' } };
const NOTES = [
  { rowId: 'r1-1', lang: 'ru' as const, quote: 'видеоконференцию', text: 'Or «по видеосвязи».' },
  { rowId: 'r2-0', text: 'The Russian <omits> this.' },
];

describe('DOCX export', () => {
  it('is a WordprocessingML package with one table row per aligned row, paragraph numbers, escaped text', async () => {
    const files = unzipSync(await toDocx(BODY, META, { placement: 'omit', notes: NOTES }));
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']));
    const xml = strFromU8(files['word/document.xml']!);
    const rows = xml.match(/<w:tr>[\s\S]*?<\/w:tr>|<w:tr [\s\S]*?<\/w:tr>/g) ?? [];
    expect(rows).toHaveLength(4);
    const cells = rows.map((r) => (r.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map((c) => [...c.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')));
    expect(cells).toEqual([
      ['§', 'English', 'Русский'],
      ['1', 'We, the Ministers &lt;of&gt; Foreign Affairs &amp; friends,', 'Мы, министры иностранных дел «и друзья»,'],
      ['', 'met by video conference.', 'провели видеоконференцию.'],
      ['2', 'Stressed the need for cooperation.', ''],
    ]);
    expect(xml).toContain('w:val="ru-RU"');
    expect(xml).toContain('w:val="en-GB"');
    expect(xml).not.toContain('w:footnoteReference');
  });

  it('puts notes in footnotes when asked', async () => {
    const files = unzipSync(await toDocx(BODY, META, { placement: 'footnotes', notes: NOTES }));
    const xml = strFromU8(files['word/document.xml']!);
    expect(xml.match(/<w:footnoteReference w:id="\d+"\/>/g)).toHaveLength(2);
    const footnotes = strFromU8(files['word/footnotes.xml']!);
    expect(footnotes).toContain('“видеоконференцию” — Or «по видеосвязи».');
    expect(footnotes).toContain('The Russian &lt;omits&gt; this.');
  });
});

/** The book's own footnotes: one in the middle of an English clause, two (a number, a sign) in Russian, one with no mark. */
const FOOTNOTES = [
  { lang: 'en' as const, label: '1', text: 'The Ministers of ten countries & Russia.', clauseId: 'en-p0-c0', at: 'We, the Ministers'.length },
  { lang: 'ru' as const, label: '1', text: 'Министры <десяти> стран.', clauseId: 'ru-p0-c0', at: 'Мы, министры'.length },
  { lang: 'ru' as const, label: '*', text: 'Видеосвязь.\nВторой абзац сноски.', clauseId: 'ru-p0-c1', at: 'провели видеоконференцию.'.length },
  { lang: 'en' as const, label: '2', text: 'A note the file never referred to.' },
];

describe('DOCX export: the book’s own footnotes', () => {
  it('are Word footnotes at their marks, in their cell and language, besides the reader’s notes', async () => {
    const files = unzipSync(await toDocx(BODY, META, { placement: 'footnotes', notes: NOTES, footnotes: FOOTNOTES }));
    const xml = strFromU8(files['word/document.xml']!);
    const rows = xml.match(/<w:tr>[\s\S]*?<\/w:tr>|<w:tr [\s\S]*?<\/w:tr>/g) ?? [];
    const cells = rows.map((r) => r.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []);
    // The English cell of the first row: the text cut at the mark, a footnote reference between.
    const en = cells[1]![1]!;
    expect([...en.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>|<w:footnoteReference w:id="(\d+)"\/>/g)].map((m) => m[1] ?? `#${m[2]}`)).toEqual([
      'We, the Ministers',
      '#1',
      ' &lt;of&gt; Foreign Affairs &amp; friends,',
    ]);
    expect(cells[1]![2]).toContain('<w:footnoteReference');
    // Three of the book's, two of the reader's; the one with no mark is not made a footnote.
    expect(xml.match(/<w:footnoteReference w:id="\d+"\/>/g)).toHaveLength(5);
    const notes = strFromU8(files['word/footnotes.xml']!);
    expect(notes).toContain('The Ministers of ten countries &amp; Russia.');
    expect(notes).toContain('Министры &lt;десяти&gt; стран.');
    expect(notes).toContain('* Видеосвязь.');
    expect(notes).toContain('Второй абзац сноски.');
    expect(notes).toContain('“видеоконференцию” — Or «по видеосвязи».');
    expect(notes).not.toContain('never referred to');
    // The book's are kept when the reader's notes are left out.
    const omitted = strFromU8(unzipSync(await toDocx(BODY, META, { placement: 'omit', notes: NOTES, footnotes: FOOTNOTES }))['word/document.xml']!);
    expect(omitted.match(/<w:footnoteReference w:id="\d+"\/>/g)).toHaveLength(3);
  });
});

describe('print page: the book’s own footnotes', () => {
  it('a mark where it stood, the note under its row in its column; notes with no mark after the text', () => {
    const html = printHtml(BODY, META, { placement: 'omit', footnotes: FOOTNOTES, uiLanguage: 'en' });
    expect(html).toContain(
      '<td lang="en" class="en">We, the Ministers<sup class="fn">1</sup> &lt;of&gt; Foreign Affairs &amp; friends,<div class="book-notes"><p><sup class="fn">1</sup> The Ministers of ten countries &amp; Russia.</p></div></td>',
    );
    expect(html).toContain('провели видеоконференцию.<sup class="fn">*</sup><div class="book-notes"><p><sup class="fn">*</sup> Видеосвязь. Второй абзац сноски.</p></div></td>');
    expect(html).toContain('Министры &lt;десяти&gt; стран.');
    expect(html).toContain('<section class="unplaced"><h2>Footnotes with no mark in the text</h2><div lang="en"><p><sup class="fn">2</sup> A note the file never referred to.</p></div></section>');
    // The reader's notes, when printed, stay apart from the book's.
    const both = printHtml(BODY, META, { placement: 'footnotes', notes: NOTES, footnotes: FOOTNOTES, uiLanguage: 'en' });
    expect(both).toContain('<section class="notes"><h2>Your notes</h2>');
    expect(both).toContain('<div class="book-notes">');
  });
});

describe('print page', () => {
  it('a table row per aligned row, lang per column, paragraph numbers, text escaped', () => {
    const html = printHtml(BODY, META, { placement: 'omit', notes: NOTES });
    expect(html.match(/<tr id="r\d+-\d+"/g)).toHaveLength(3);
    expect(html).toContain('<td lang="en" class="en">We, the Ministers &lt;of&gt; Foreign Affairs &amp; friends,</td>');
    expect(html).toContain('<td lang="ru" class="ru">Мы, министры иностранных дел «и друзья»,</td>');
    expect(html).toContain('<tr id="r2-0" class="paragraph-start"><td class="number">2</td>');
    expect(html).not.toContain('<section class="notes">');
    expect(html).not.toMatch(/<script|<img|<link|@import|url\(/);
  });

  it('notes as footnotes, numbered in order, in the UI language', () => {
    const html = printHtml(BODY, META, { placement: 'footnotes', notes: NOTES, uiLanguage: 'ru' });
    // The reader's notes are bracketed and headed as theirs: never taken for the book's own footnotes.
    expect(html).toContain('провели видеоконференцию.<sup class="ref"><a href="#note-1" id="ref-1">[1]</a></sup>');
    expect(html).toContain('<h2>Ваши заметки</h2>');
    expect(html).toContain('<li id="note-2">The Russian &lt;omits&gt; this.</li>');
  });
});
