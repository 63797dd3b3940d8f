import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_LIMITS } from '../../contract/ipc';
import { readFileBytes } from './decode';
import { readBilingual, readMonolingual } from './formats';
import { streamZipPart } from './formats/zip';
import { docxLyingEntries, docxTextBomb, mixedEncodingText, paragraphFlood, zeroWidthText, zipArchive } from './hostile';
import { ExtractionBudget } from './limits';
import { prepareImport } from './prepare';
import { STATEMENT, makeDocx, refusal } from './testing';

async function refusalOf(run: () => Promise<unknown>) {
  try {
    await run();
  } catch (error) {
    return error as { code: string; reason: string; params: Record<string, unknown> };
  }
  throw new Error('not refused');
}

// Generous limits for a busy machine: what is checked is the outcome, never the time.
describe('text bombs are stopped while they are read', { timeout: 60_000 }, () => {
  it('a small .docx whose XML inflates to far more text than allowed: refused at the character limit', async () => {
    // The audit's file has 2.34 million paragraphs; a tenth is plenty to pass every limit.
    const bomb = await docxTextBomb(234_000);
    expect(bomb.bytes.length).toBeLessThan(200_000);
    expect(bomb.characters).toBeGreaterThan(IMPORT_LIMITS.maxCharacters);
    const error = refusal(() => readMonolingual(bomb.bytes, 'bomb.docx'));
    expect(error).toMatchObject({ code: 'too-much-text', reason: 'too-much-text', params: { file: 'bomb.docx', max: IMPORT_LIMITS.maxCharacters } });
  });

  it('the same bomb with short paragraphs: refused at the paragraph limit', async () => {
    const error = refusal(() => readMonolingual(makeDocx(Array.from({ length: IMPORT_LIMITS.maxParagraphs + 1 }, () => 'Go.')), 'flood.docx'));
    expect(error).toMatchObject({ code: 'too-much-text', reason: 'too-many-paragraphs', params: { max: IMPORT_LIMITS.maxParagraphs } });
  });

  it('a zip entry whose header lies about its size is stopped at the inflate limit, whatever the header says', async () => {
    const limits = { ...IMPORT_LIMITS, maxInflatedBytes: 1 << 20 };
    const lying = await docxLyingEntries(3, 16 << 20);
    let delivered = 0;
    const error = refusal(() =>
      streamZipPart(lying.bytes, { part: 'word/document.xml', budget: new ExtractionBudget('lying.docx', limits), onChunk: (c) => (delivered += c.length) }),
    );
    expect(error).toMatchObject({ code: 'too-large', reason: 'too-large-part' });
    // Stopped within one slice of the limit: nowhere near the 16 MB the entry holds.
    expect(delivered).toBeLessThanOrEqual(limits.maxInflatedBytes);
    expect(refusal(() => readMonolingual(lying.bytes, 'lying.docx', { limits }))).toMatchObject({ code: 'too-large', reason: 'too-large-part' });
  });

  it('markup without text is stopped at the element limit', async () => {
    const limits = { ...IMPORT_LIMITS, maxElements: 10_000 };
    const lying = await docxLyingEntries(1, 1 << 20);
    expect(refusal(() => readMonolingual(lying.bytes, 'markup.docx', { limits }))).toMatchObject({ code: 'too-large', reason: 'too-many-elements', params: { max: 10_000 } });
    expect(readMonolingual(makeDocx(['One.', 'Two.']), 'ok.docx', { limits }).paragraphs).toBe(2);
  });

  it('a damaged package is refused as damaged, not read in part', () => {
    const good = makeDocx(['One paragraph.']);
    const cut = good.subarray(0, Math.floor(good.length * 0.6));
    expect(refusal(() => readMonolingual(cut, 'cut.docx')).code).toBe('unsupported-format');
    const stored = zipArchive([{ name: 'word/document.xml', data: new TextEncoder().encode('<w:document><w:body><w:p><w:r><w:t>Stored.</w:t></w:r></w:p></w:body></w:document>'), method: 0, claimedSize: 10 }]);
    expect(readMonolingual(stored, 'stored.docx').text).toBe('Stored.\n');
  });

  it('25 MB of `Go.` paragraphs: refused at the paragraph limit', { timeout: 60_000 }, () => {
    const flood = paragraphFlood();
    expect(flood.paragraphs).toBeGreaterThan(5_000_000);
    expect(refusal(() => readMonolingual(flood.bytes, 'flood.txt'))).toMatchObject({ code: 'too-much-text', reason: 'too-many-paragraphs' });
    expect(refusal(() => readMonolingual(flood.bytes, 'flood.md'))).toMatchObject({ code: 'too-much-text', reason: 'too-many-paragraphs' });
    const html = new TextEncoder().encode('<p>Go.</p>'.repeat(IMPORT_LIMITS.maxParagraphs + 1));
    expect(refusal(() => readMonolingual(html, 'flood.html'))).toMatchObject({ reason: 'too-many-paragraphs' });
  });

  it('a bilingual file with more units than rows allowed is refused (row ids stay within six digits)', () => {
    const tsv = new TextEncoder().encode('Go.\tИди.\n'.repeat(IMPORT_LIMITS.maxParagraphs + 1));
    expect(refusal(() => readBilingual(tsv, 'units.tsv'))).toMatchObject({ code: 'too-much-text', reason: 'too-many-paragraphs' });
    const tmx = new TextEncoder().encode(`<tmx><body>${'<tu><tuv xml:lang="en"><seg>Go.</seg></tuv><tuv xml:lang="ru"><seg>Иди.</seg></tuv></tu>'.repeat(IMPORT_LIMITS.maxParagraphs + 1)}</body></tmx>`);
    expect(refusal(() => readBilingual(tmx, 'units.tmx'))).toMatchObject({ reason: 'too-many-paragraphs' });
  });

  it('one huge paragraph is refused while it is still being read', () => {
    const html = new TextEncoder().encode(`<p>${'word '.repeat(IMPORT_LIMITS.maxCharacters / 4)}</p>`);
    expect(refusal(() => readMonolingual(html, 'one.html'))).toMatchObject({ code: 'too-much-text', reason: 'too-much-text' });
  });

  it('a pair within the character limit but with too many clauses is refused before aligning', () => {
    const limits = { ...IMPORT_LIMITS, maxClauses: 20 };
    const error = refusal(() => prepareImport([{ name: 'en.txt', bytes: new TextEncoder().encode(STATEMENT.en) }, { name: 'ru.txt', bytes: new TextEncoder().encode(STATEMENT.ru) }], limits));
    expect(error).toMatchObject({ code: 'too-much-text', reason: 'too-many-clauses', params: { file: 'en.txt', max: 20 } });
  });
});

describe('text that would be garbled or is not there', () => {
  it('a Windows-1251 file with one UTF-8 paragraph is refused, naming the line', () => {
    const error = refusal(() => readMonolingual(mixedEncodingText(3), 'mixed.txt'));
    expect(error).toMatchObject({ code: 'mixed-encoding', params: { file: 'mixed.txt', encoding: 'Windows-1251' } });
    expect(Number(error.params.line)).toBeGreaterThan(1);
  });

  it('the same file all in Windows-1251 is read', () => {
    const paragraphs = STATEMENT.ru.trim().split('\n\n');
    const bytes = mixedEncodingText(-1);
    expect(readMonolingual(bytes, 'ru.txt')).toMatchObject({ encoding: 'windows-1251', paragraphs: paragraphs.length });
  });

  it('a file of zero-width characters only is refused as empty (text, HTML, Word, TSV)', () => {
    const zw = '\u200b\u200c\u200d\u2060\ufeff';
    expect(refusal(() => readMonolingual(zeroWidthText(), 'zw.txt')).code).toBe('empty-file');
    expect(refusal(() => readMonolingual(new TextEncoder().encode(`<p>${zw}</p><p>${zw}</p>`), 'zw.html')).code).toBe('empty-file');
    expect(refusal(() => readMonolingual(makeDocx([zw, zw]), 'zw.docx')).code).toBe('empty-file');
    expect(refusal(() => readBilingual(new TextEncoder().encode(`${zw}\t${zw}\n`), 'zw.tsv')).code).toBe('empty-file');
  });
});

describe('import sources that are not files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(join(tmpdir(), 'bitext-hostile-'));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('a FIFO is refused without waiting for a writer', async () => {
    const fifo = join(dir, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    expect(await refusalOf(() => readFileBytes(fifo))).toMatchObject({ code: 'not-a-file', params: { file: 'pipe.txt' } });
  });

  it('a device is refused', async () => {
    expect(await refusalOf(() => readFileBytes('/dev/zero'))).toMatchObject({ code: 'not-a-file' });
    expect(await refusalOf(() => readFileBytes('/dev/null'))).toMatchObject({ code: 'not-a-file' });
  });

  it('a path with a NUL is refused as a bad name', async () => {
    await fs.writeFile(join(dir, 'a.txt'), 'text');
    expect(await refusalOf(() => readFileBytes(join(dir, 'a.txt\0.pdf')))).toMatchObject({ code: 'unreadable', reason: 'bad-name' });
  });

  it('a NUL or another control character in a sent file name is a bad request', () => {
    const bytes = new TextEncoder().encode(STATEMENT.en);
    for (const name of ['en\0.txt', 'en\n.txt', '']) {
      expect(() => prepareImport([{ name, bytes }, { name: 'ru.txt', bytes: new TextEncoder().encode(STATEMENT.ru) }])).toThrow(
        expect.objectContaining({ code: 'bad-request' }),
      );
    }
  });
});
