import { describe, expect, it } from 'vitest';
import { cliSandbox } from './testing';
import { makeEpub, makeFb2, makePdf } from '../core/import/book-fixtures';
import { alignInput, segmentInput } from '../core/import/pipeline';
import { prepareImportAsync } from '../core/import/prepare';

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

  it('two books with chapters are aligned chapter → paragraph → clause, exactly as the app’s import aligns them', async () => {
    const en = makeEpub([
      { title: 'Chapter One', paragraphs: ['The Parties met in Moscow on 17 June.', 'They agreed on a plan of action.'] },
      { title: 'Chapter Two', paragraphs: ['The ministers discussed trade and investment at length.', 'They noted the growth of tourism in 2019.', 'Several new projects were launched.'] },
      { title: 'Chapter Three', paragraphs: ['The next meeting will be held in Jakarta.', 'The statement was adopted unanimously.'] },
    ]);
    // The translation has no second chapter.
    const ru = new TextEncoder().encode(
      makeFb2([
        { title: 'Глава первая', paragraphs: ['Стороны встретились в Москве 17 июня.', 'Они согласовали план действий.'] },
        { title: 'Глава третья', paragraphs: ['Следующая встреча пройдёт в Джакарте.', 'Заявление было принято единогласно.'] },
      ]),
    );
    const result = bitext('align', '--format', 'json', file('book-en.epub', en), file('book-ru.fb2', ru));
    expect(result.stderr).toBe('');
    const out = JSON.parse(result.stdout) as { segments: Record<'en' | 'ru', Array<{ text: string }>>; beads: Array<{ en: number[]; ru: number[]; confidence: number }> };
    const pairs = out.beads.map((b) => [b.en.map((k) => out.segments.en[k]!.text).join(' '), b.ru.map((k) => out.segments.ru[k]!.text).join(' ')]);
    expect(pairs).toContainEqual(['Chapter One', 'Глава первая']);
    expect(pairs).toContainEqual(['Chapter Three', 'Глава третья']);
    expect(pairs).toContainEqual(['Chapter Two', '']);

    // The app: the same files prepared and aligned by the import's own path.
    const prepared = await prepareImportAsync([
      { name: 'book-en.epub', bytes: en },
      { name: 'book-ru.fb2', bytes: ru },
    ]);
    expect(prepared.input.kind === 'pair' && prepared.input.headings).toBeTruthy();
    const segmented = segmentInput(prepared.input);
    const index = (lang: 'en' | 'ru') => new Map(segmented[lang].paragraphs.flatMap((p) => p.clauses).map((c, k) => [c.id, k]));
    const [enIndex, ruIndex] = [index('en'), index('ru')];
    const app = alignInput(prepared.input).groups.flatMap((g) =>
      g.rows.map((row) => ({ en: row.en.map((c) => enIndex.get(c.id)!), ru: row.ru.map((c) => ruIndex.get(c.id)!), confidence: Math.round(row.confidence * 10000) / 10000 })),
    );
    expect(out.beads).toEqual(app);
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
