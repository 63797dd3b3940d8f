import { describe, expect, it } from 'vitest';
import {
  InputError,
  UsageError,
  alignPresegmented,
  alignRaw,
  decodeText,
  escapeXml,
  formatBeads,
  formatJson,
  formatTmx,
  formatTsv,
  parseArgs,
  runAlign,
  splitLines,
  weakestReport,
} from './core';

const ALIGNMENT = {
  segments: {
    en: [
      { text: 'A & B <1>.', start: 0, end: 10 },
      { text: 'Second.', start: 11, end: 18 },
      { text: 'Third\tpart.', start: 19, end: 30 },
    ],
    ru: [
      { text: 'А и Б «1».', start: 0, end: 10 },
      { text: 'Лишнее.', start: 11, end: 18 },
    ],
  },
  beads: [
    { en: [0], ru: [0], confidence: 0.99 },
    { en: [1, 2], ru: [], confidence: 0.4 },
    { en: [], ru: [1], confidence: 0.7 },
  ],
};

describe('parseArgs', () => {
  it('reads the align command, its options and two files', () => {
    expect(parseArgs(['align', '--presegmented', 'en.txt', 'ru.txt'])).toEqual({
      command: 'align',
      presegmented: true,
      format: 'beads',
      weakest: 0,
      en: 'en.txt',
      ru: 'ru.txt',
    });
    expect(parseArgs(['align', '--format', 'tmx', '--weakest=3', 'a', 'b'])).toMatchObject({ format: 'tmx', weakest: 3, presegmented: false });
    expect(parseArgs(['align', '--format=json', '--', '-en.txt', 'ru.txt'])).toMatchObject({ format: 'json', en: '-en.txt' });
    expect(parseArgs(['align', '--help'])).toEqual({ command: 'help' });
  });

  it('refuses bad usage with a UsageError', () => {
    for (const argv of [[], ['merge', 'a', 'b'], ['align', 'a'], ['align', 'a', 'b', 'c'], ['align', '--format', 'xml', 'a', 'b'], ['align', '--weakest', 'x', 'a', 'b'], ['align', '--bogus', 'a', 'b'], ['align', 'a', 'b', '--format']]) {
      expect(() => parseArgs(argv), argv.join(' ')).toThrow(UsageError);
    }
  });
});

describe('decodeText', () => {
  it('decodes UTF-8 and refuses invalid bytes, binary files and empty texts', () => {
    expect(decodeText(new TextEncoder().encode('Привет'), 'ru.txt')).toBe('Привет');
    expect(() => decodeText(Uint8Array.from([0xcf, 0xf0, 0xe8]), 'cp1251.txt')).toThrow(/cp1251\.txt: not valid UTF-8/u);
    expect(() => decodeText(Uint8Array.from([0x50, 0x4b, 0x00, 0x01]), 'x.zip')).toThrow(/binary/u);
    expect(() => decodeText(new TextEncoder().encode('\uFEFF \n\t'), 'e.txt')).toThrow(InputError);
  });
});

describe('splitLines', () => {
  it('gives one segment a line with offsets, without a segment after the final line break', () => {
    const text = '\uFEFFone\r\ntwo\n\nfour\n';
    const lines = splitLines(text);
    expect(lines.map((l) => l.text)).toEqual(['one', 'two', '', 'four']);
    for (const line of lines) expect(text.slice(line.start, line.end)).toBe(line.text);
  });
});

describe('formats', () => {
  it('prints beads in vecalign format', () => {
    expect(formatBeads(ALIGNMENT)).toBe('[0]:[0]\n[1, 2]:[]\n[]:[1]\n');
  });

  it('prints TSV with segments joined and tabs removed', () => {
    expect(formatTsv(ALIGNMENT)).toBe('A & B <1>.\tА и Б «1».\nSecond. Third part.\t\n\tЛишнее.\n');
  });

  it('prints JSON with segments, offsets and confidences', () => {
    const json = JSON.parse(formatJson(ALIGNMENT)) as typeof ALIGNMENT;
    expect(json.segments.en[0]).toEqual({ text: 'A & B <1>.', start: 0, end: 10 });
    expect(json.beads[1]).toEqual({ en: [1, 2], ru: [], confidence: 0.4 });
  });

  it('prints TMX 1.4b with escaped text and only two-sided beads', () => {
    const tmx = formatTmx(ALIGNMENT);
    expect(tmx).toContain('<tmx version="1.4">');
    expect(tmx).toContain('srclang="en"');
    expect(tmx).toContain('<tuv xml:lang="en"><seg>A &amp; B &lt;1&gt;.</seg></tuv>');
    expect(tmx).toContain('<tuv xml:lang="ru"><seg>А и Б «1».</seg></tuv>');
    expect(tmx.match(/<tu>/gu)).toHaveLength(1);
    expect(escapeXml('a"b\'c\u0001d')).toBe('a&quot;b&apos;cd');
  });

  it('lists the weakest beads first', () => {
    const report = weakestReport(ALIGNMENT, 2);
    expect(report.split('\n').slice(1, 3).map((line) => line.slice(0, 5))).toEqual(['0.400', '0.700']);
    expect(weakestReport(ALIGNMENT, 0)).toBe('');
  });
});

describe('alignment', () => {
  const en = 'The Treaty was signed in Moscow on 17 June 2020.\nIt enters into force in 2021.\nThe WHO welcomed it.\n';
  const ru = 'Договор был подписан в Москве 17 июня 2020 г.\nОн вступает в силу в 2021 году.\nЭто был важный шаг для обеих стран и для всего региона.\nВОЗ приветствовала его.\n';

  it('aligns pre-segmented lines, leaving an added line on its own', () => {
    expect(formatBeads(alignPresegmented(en, ru))).toBe('[0]:[0]\n[1]:[1]\n[]:[2]\n[2]:[3]\n');
  });

  it('segments raw text itself and keeps offsets into the files', () => {
    const alignment = alignRaw(en.replaceAll('\n', ' '), ru.replaceAll('\n', ' '));
    expect(alignment.segments.en).toHaveLength(3);
    expect(alignment.segments.ru).toHaveLength(4);
    for (const s of alignment.segments.ru) expect(ru.replaceAll('\n', ' ').slice(s.start, s.end)).toBe(s.text);
    expect(alignment.beads.map((b) => `${b.en.join(',')}:${b.ru.join(',')}`)).toEqual(['0:0', '1:1', ':2', '2:3']);
  });

  it('runs a command to stdout and stderr text', () => {
    const out = runAlign({ command: 'align', presegmented: true, format: 'beads', weakest: 1, en: 'e', ru: 'r' }, en, ru);
    expect(out.stdout).toBe('[0]:[0]\n[1]:[1]\n[]:[2]\n[2]:[3]\n');
    expect(out.stderr).toMatch(/^weakest 1 of 4 beads/u);
  });
});
