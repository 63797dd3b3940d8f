import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliSandbox } from './testing';
import { makeDocx } from '../core/import/testing';
import { parseCheckArgs, runCheck } from './check';
import { UsageError, parseArgs } from './core';

const { dir, file, bitext } = cliSandbox('bitext-check-');

const EN = 'The WHO met in Moscow on 17 June 2020.\nThey agreed on a plan of 5 parts for health care.\nPress the button to start the engine now.\n';
const RU = 'ВОЗ провела встречу в Москве 18 июня 2020 г.\nОни согласовали план из 5 частей по здравоохранению.\nPress the button to start the engine now.\n';

describe('bitext check: arguments', () => {
  it('parses the options', () => {
    expect(parseArgs(['check', '--format=json', '--glossary', 'g.tbx', 'a.txt', 'b.txt'])).toEqual({ command: 'check', presegmented: false, format: 'json', glossary: 'g.tbx', en: 'a.txt', ru: 'b.txt' });
    expect(parseCheckArgs(['--presegmented', 'a', 'b'])).toMatchObject({ presegmented: true, format: 'text' });
  });

  it('refuses bad usage', () => {
    expect(() => parseCheckArgs(['--format', 'tmx', 'a', 'b'])).toThrow(UsageError);
    expect(() => parseCheckArgs(['--glossary', 'g.docx', 'a', 'b'])).toThrow(/csv, .tsv or .tbx/);
    expect(() => parseCheckArgs(['a'])).toThrow(/two files/);
  });
});

describe('bitext check: findings', () => {
  const command = { command: 'check' as const, presegmented: true, format: 'json' as const, glossary: undefined, en: 'en.txt', ru: 'ru.txt' };
  it('lists each finding with kind, the row texts and the items', () => {
    const out = JSON.parse(runCheck(command, EN, RU)) as { rows: number; findings: { kind: string; row: number; en: string; ru: string; items: { side: string; text: string }[] }[] };
    expect(out.rows).toBe(3);
    expect(out.findings.map((f) => [f.kind, f.row])).toEqual([
      ['date', 0],
      ['untranslated', 2],
    ]);
    expect(out.findings[0]).toMatchObject({ en: 'The WHO met in Moscow on 17 June 2020.', ru: 'ВОЗ провела встречу в Москве 18 июня 2020 г.' });
    expect(out.findings[0]!.items.map((i) => `${i.side}:${i.text}`)).toEqual(['en:17 June 2020', 'ru:18 июня 2020 г.']);
  });

  it('checks the glossary terms', () => {
    const csv = 'en,ru\nhealth care,медицинская помощь\n';
    const out = JSON.parse(runCheck({ ...command, glossary: 'g.csv' }, EN, RU, csv)) as { findings: { kind: string; row: number }[] };
    expect(out.findings.filter((f) => f.kind === 'glossary').map((f) => f.row)).toEqual([1]);
  });

  it('prints text with a summary', () => {
    const out = runCheck({ ...command, format: 'text' }, EN, RU);
    expect(out).toContain('row 1  date (different)  en: "17 June 2020", ru: "18 июня 2020 г."');
    expect(out.trim().split('\n').at(-1)).toBe('2 findings (date 1, untranslated 1) in 3 rows');
  });
});

describe('the bitext check command', { timeout: 60_000 }, () => {
  const en = file('en.txt', EN);
  const ru = file('ru.txt', RU);

  it('exits 0 with findings, reads .docx like align, and takes a TBX glossary', () => {
    const docx = file('ru.docx', makeDocx(RU.trim().split('\n')));
    const tbx = file('g.tbx', '<tbx><text><body><conceptEntry id="c1"><langSec xml:lang="en"><termSec><term>health care</term></termSec></langSec><langSec xml:lang="ru"><termSec><term>медицинская помощь</term></termSec></langSec></conceptEntry></body></text></tbx>');
    // Paragraphs, as the .docx has them.
    const enParagraphs = file('en-paragraphs.txt', EN.trim().split('\n').join('\n\n'));
    const result = bitext('check', '--format', 'json', '--glossary', tbx, enParagraphs, docx);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const kinds = (JSON.parse(result.stdout) as { findings: { kind: string }[] }).findings.map((f) => f.kind);
    expect(kinds).toEqual(['date', 'glossary', 'untranslated']);
  });

  it('exits 1 for a missing file or an empty glossary, 2 for bad usage', () => {
    expect(bitext('check', en, join(dir, 'none.txt'))).toMatchObject({ status: 1 });
    const empty = file('empty.csv', 'en,ru\n');
    const r = bitext('check', '--glossary', empty, en, ru);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('no term pairs found');
    const unclosed = bitext('check', '--glossary', file('unclosed.csv', 'en,ru\nvaccine,"вакцина\npandemic,пандемия\n'), en, ru);
    expect(unclosed.status).toBe(1);
    expect(unclosed.stderr).toContain('line 2 opens a quote that is never closed');
    const usage = bitext('check', '--format', 'xml', en, ru);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('bitext check');
  });
});
