import { describe, expect, it } from 'vitest';
import { cliSandbox } from './testing';
import { makeEpub, makeFb2, makePdf } from '../core/import/book-fixtures';

const { file, bitext } = cliSandbox('bitext-cli-books-');

// Each test starts Node with tsx: generous limits for a busy machine (no timing is checked).
describe('the bitext command reads books, reports and subtitles', { timeout: 60_000 }, () => {
  it('an EPUB against an FB2', () => {
    const epub = file('en.epub', makeEpub([{ title: 'Chapter One', paragraphs: ['The Parties met in Moscow.', 'They agreed on a plan.'] }]));
    const fb2 = file('ru.fb2', makeFb2([{ title: 'Глава первая', paragraphs: ['Стороны встретились в Москве.', 'Они согласовали план.'] }]));
    const result = bitext('align', '--format', 'tmx', epub, fb2);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('<tuv xml:lang="en"><seg>They agreed on a plan.</seg></tuv>');
    expect(result.stdout).toContain('<tuv xml:lang="ru"><seg>Они согласовали план.</seg></tuv>');
  });

  it('a PDF against an EPUB', () => {
    const pdf = file('en.pdf', makePdf([[{ x: 72, y: 700, text: 'The Parties met in Moscow.' }, { x: 72, y: 660, text: 'They agreed on a plan.' }]]));
    const epub = file('ru.epub', makeEpub([{ title: 'Глава', paragraphs: ['Стороны встретились в Москве.', 'Они согласовали план.'] }]));
    const result = bitext('align', '--format', 'tsv', pdf, epub);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('They agreed on a plan.\tОни согласовали план.\n');
  });

  it('subtitles: the cue times in the JSON segments and as two more TSV columns', () => {
    const srt = file('en.srt', '1\n00:00:01,000 --> 00:00:02,000\nWhere are you going?\n\n2\n00:00:03,000 --> 00:00:04,500\nHome.\n');
    const vtt = file('ru.vtt', 'WEBVTT\n\n00:01.100 --> 00:02.000\nКуда ты идёшь?\n\n00:03.000 --> 00:04.400\nДомой.\n');
    const tsv = bitext('align', '--format', 'tsv', srt, vtt);
    expect(tsv.stderr).toBe('');
    expect(tsv.stdout).toBe('Where are you going?\tКуда ты идёшь?\t00:00:01.000\t00:00:02.000\nHome.\tДомой.\t00:00:03.000\t00:00:04.500\n');
    const json = JSON.parse(bitext('align', '--format', 'json', srt, vtt).stdout) as { segments: { ru: Array<{ time?: { start: number; end: number } }> } };
    expect(json.segments.ru[1]!.time).toEqual({ start: 3000, end: 4400 });
  });

  it('exits 1 with the reader’s message for a DRM book, a scanned PDF and broken subtitle times', () => {
    const good = file('good.txt', 'One sentence.\n');
    const cases = [
      [file('locked.epub', makeEpub([{ title: 'C', paragraphs: ['x'] }], { drm: 'encryption' })), /locked\.epub: .*DRM/u],
      [file('scan.pdf', makePdf([null])), /scan\.pdf: .*no text layer/u],
      [file('bad.srt', '1\n00:00:01 --> 00:00:02\nx\n'), /bad\.srt: .*line 2/u],
    ] as const;
    for (const [path, message] of cases) {
      const result = bitext('align', good, path);
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(message);
    }
  });
});
