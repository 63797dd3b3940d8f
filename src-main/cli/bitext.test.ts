import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { cliSandbox } from './testing';
import { IMPORT_LIMITS } from '../contract/ipc';
import { makeDocx } from '../core/import/testing';

const { dir, file, bitext } = cliSandbox('bitext-cli-');

// Each test starts Node with tsx several times: generous limits for a busy machine (no timing is checked).
describe('the bitext command', { timeout: 60_000 }, () => {
  const en = file('en.txt', 'The Parties met in Moscow on 17 June 2020.\nThey agreed on a plan.\nThe plan has 5 parts.\n');
  const ru = file('ru.txt', 'Стороны встретились в Москве 17 июня 2020 г.\nОни согласовали план.\nПлан состоит из 5 частей.\nЭто было важное решение для всего региона.\n');

  it('prints vecalign beads for pre-segmented files', () => {
    const result = bitext('align', '--presegmented', en, ru);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('[0]:[0]\n[1]:[1]\n[2]:[2]\n[]:[3]\n');
    expect(result.status).toBe(0);
  });

  it('prints TMX and the weakest beads on request', () => {
    const result = bitext('align', '--format', 'tmx', '--weakest', '1', en, ru);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('<tuv xml:lang="ru"><seg>Они согласовали план.</seg></tuv>');
    expect(result.stderr).toMatch(/^weakest 1 of/u);
  });

  it('exits 1 with a message for a missing file, bad encoding or empty input', () => {
    const cases = [
      [join(dir, 'missing.txt'), /missing\.txt: cannot read \(no such file\)/u],
      [file('picture.txt', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48])), /binary/u],
      [file('empty.txt', ''), /empty input/u],
    ] as const;
    for (const [path, message] of cases) {
      const result = bitext('align', '--presegmented', en, path);
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(message);
    }
  });

  it('keeps the import limits: a paragraph flood, a FIFO and a device are refused with exit 1', () => {
    const flood = file('flood.txt', 'Go.\n\n'.repeat(IMPORT_LIMITS.maxParagraphs + 1));
    const fifo = join(dir, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    const cases = [
      [flood, /flood\.txt: .*more than 100,000 paragraphs/u],
      [fifo, /pipe\.txt: not a regular file/u],
      ['/dev/zero', /not a regular file/u],
    ] as const;
    for (const [path, message] of cases) {
      const result = bitext('align', en, path);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(message);
    }
  });

  it('reads the formats and encodings the app imports: a .docx against a Windows-1251 text', () => {
    const docx = file('statement-en.docx', makeDocx(['The Parties met in Moscow on 17 June 2020.', 'They agreed on a plan of 5 parts.']));
    const cp1251 = file('statement-ru-cp1251.txt', iconv.encode('Стороны встретились в Москве 17 июня 2020 г.\r\n\r\nОни согласовали план из 5 частей.\r\n', 'win1251'));
    const result = bitext('align', '--format', 'tmx', docx, cp1251);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('<tuv xml:lang="en"><seg>They agreed on a plan of 5 parts.</seg></tuv>');
    expect(result.stdout).toContain('<tuv xml:lang="ru"><seg>Они согласовали план из 5 частей.</seg></tuv>');
  });

  it('exits 2 with the usage for bad arguments', () => {
    const result = bitext('align', '--format', 'xml', en, ru);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/unknown format: xml/u);
    expect(result.stderr).toMatch(/Usage: bitext align/u);
  });
});
