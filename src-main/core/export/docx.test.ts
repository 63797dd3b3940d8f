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
    expect(html).toContain('провели видеоконференцию.<sup class="ref"><a href="#note-1" id="ref-1">1</a></sup>');
    expect(html).toContain('<h2>Примечания</h2>');
    expect(html).toContain('<li id="note-2">The Russian &lt;omits&gt; this.</li>');
  });
});
