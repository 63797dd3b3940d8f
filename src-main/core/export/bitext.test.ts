import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { parseTmx, parseTsv } from '../import/formats';
import type { AlignedText, Clause, Lang } from '../model';
import { toBeads, toMarkdownTable, toTmx, toTsv, xmlEscape } from './bitext';

const c = (lang: Lang, id: string, text: string): Clause => ({ id: `${lang}-${id}`, text, start: 0, end: text.length });

const body: AlignedText = {
  groups: [
    {
      number: 0,
      kind: 'title',
      en: [0],
      ru: [0],
      rows: [{ id: 'r0-0', en: [c('en', 'p0-c0', 'A <Title> & "quotes"')], ru: [c('ru', 'p0-c0', 'Заголовок «в кавычках» & <тег>')], confidence: 1 }],
    },
    {
      number: 1,
      kind: 'body',
      en: [1],
      ru: [1],
      rows: [
        { id: 'r1-0', en: [c('en', 'p1-c0', 'One.'), c('en', 'p1-c1', 'Two | pipes.')], ru: [c('ru', 'p1-c0', 'Один и два.')], confidence: 0.8 },
        { id: 'r1-1', en: [c('en', 'p1-c2', 'Omitted\tin\nRussian.')], ru: [], confidence: 0.3 },
        { id: 'r1-2', en: [c('en', 'p1-c3', 'Three.')], ru: [c('ru', 'p1-c1', 'Три.'), c('ru', 'p1-c2', 'Control\u0001char.')], confidence: 0.9 },
      ],
    },
  ],
};
const meta = { id: 'doc', title: { en: 'T & T', ru: 'Т и Т' }, appVersion: '0.1.0' };

describe('TMX 1.4b export', () => {
  const tmx = toTmx(body, meta, { now: new Date('2024-01-31T12:00:00.123Z') });

  it('is well-formed XML', () => {
    expect(XMLValidator.validate(tmx)).toBe(true);
  });

  it('has the header TMX wants and xml:lang en/ru units for rows with both sides', () => {
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(tmx);
    const header = parsed.tmx.header;
    expect(parsed.tmx['@version']).toBe('1.4');
    expect(header).toMatchObject({ '@creationtool': 'Bitext Reader', '@segtype': 'sentence', '@srclang': 'en', '@creationdate': '20240131T120000Z', '@datatype': 'plaintext' });
    const tus = parsed.tmx.body.tu;
    expect(tus).toHaveLength(3); // the omission is no translation unit
    expect(tus[0].tuv.map((t: Record<string, string>) => t['@xml:lang'])).toEqual(['en', 'ru']);
  });

  it('escapes text, drops characters XML forbids, and reads back as the same units', () => {
    expect(parseTmx(tmx).units).toEqual([
      { en: 'A <Title> & "quotes"', ru: 'Заголовок «в кавычках» & <тег>' },
      { en: 'One. Two | pipes.', ru: 'Один и два.' },
      { en: 'Three.', ru: 'Три. Controlchar.' },
    ]);
    expect(xmlEscape(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });

  it('can export paragraph units', () => {
    const paragraphs = toTmx(body, meta, { segtype: 'paragraph' });
    expect(XMLValidator.validate(paragraphs)).toBe(true);
    expect(paragraphs).toContain('segtype="paragraph"');
    expect(parseTmx(paragraphs).units).toHaveLength(2);
  });
});

describe('other exports', () => {
  it('TSV: one line per row, tabs and breaks flattened; imports back', () => {
    const tsv = toTsv(body);
    expect(tsv.split('\n')[2]).toBe('Omitted in Russian.\t');
    expect(parseTsv(tsv).units).toHaveLength(4);
    expect(parseTsv(tsv).units[1]).toEqual({ en: 'One. Two | pipes.', ru: 'Один и два.' });
  });

  it('beads: 0-based clause indexes of each text, vecalign style', () => {
    expect(toBeads(body)).toBe('[0]:[0]\n[1, 2]:[1]\n[3]:[]\n[4]:[2, 3]\n');
  });

  it('Markdown: a table with escaped pipes and paragraph numbers', () => {
    const md = toMarkdownTable(body, meta);
    expect(md).toContain('| § | English | Русский |');
    expect(md).toContain('| 1 | One. Two \\| pipes. | Один и два. |');
    expect(md).toContain('|  | Omitted in Russian. |  |');
  });
});
