import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TextEncodingName, decodeBytes, encodeText, readFileBytes } from './decode';
import { ImportError } from './errors';
import { refusal, STATEMENT } from './testing';
import { warningText } from './warnings';

/** What an encoding can carry of a text (KOI8-R and CP866 have no « » — …). */
const representable = (text: string, encoding: string) => iconv.decode(iconv.encode(text, encoding), encoding);


async function refusalOf(run: () => Promise<unknown>): Promise<ImportError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return error as ImportError;
  }
  throw new Error('not refused');
}

describe('decodeBytes detects the encoding of the bundled statement', () => {
  const cases: Array<[string, TextEncodingName, string, { bom?: boolean }]> = [
    ['Russian, Windows-1251', 'windows-1251', STATEMENT.ru, {}],
    ['Russian, KOI8-R', 'koi8-r', STATEMENT.ru, {}],
    ['Russian, CP866', 'ibm866', STATEMENT.ru, {}],
    ['Russian, UTF-16 LE with BOM', 'utf-16le', STATEMENT.ru, { bom: true }],
    ['Russian, UTF-16 BE with BOM', 'utf-16be', STATEMENT.ru, { bom: true }],
    ['Russian, UTF-16 LE without BOM', 'utf-16le', STATEMENT.ru, {}],
    ['English, UTF-16 BE without BOM', 'utf-16be', STATEMENT.en, {}],
    ['English, UTF-8', 'utf-8', STATEMENT.en, {}],
  ];
  for (const [label, encoding, text, options] of cases) {
    it(label, () => {
      const expected = representable(text, encoding === 'ibm866' ? 'cp866' : encoding);
      const decoded = decodeBytes(encodeText(text, encoding, options), 'fixture.txt');
      expect(decoded.encoding).toBe(encoding);
      expect(decoded.text).toBe(expected.normalize('NFC'));
    });
  }

  it('tells the three Cyrillic single-byte encodings apart on a single sentence', () => {
    const sentence = 'Мы, министры иностранных дел государств – членов АСЕАН и Российской Федерации, провели встречу.';
    for (const encoding of ['windows-1251', 'koi8-r', 'ibm866'] as const) {
      expect(decodeBytes(encodeText(sentence, encoding), 's.txt').encoding).toBe(encoding);
    }
  });

  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const decoded = decodeBytes(encodeText(STATEMENT.ru, 'utf-8', { bom: true }), 'ru.txt');
    expect(decoded.encoding).toBe('utf-8-bom');
    expect(decoded.text.charCodeAt(0)).not.toBe(0xfeff);
    expect(decoded.text).toBe(STATEMENT.ru);
  });

  it('reads English with accents in Windows-1252 as Windows-1252', () => {
    const text = 'The café served a naïve crème brûlée to the attachés.';
    const decoded = decodeBytes(encodeText(text, 'windows-1252'), 'en.txt');
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.text).toBe(text);
  });

  it('turns CRLF, CR and Unicode line separators into \\n', () => {
    const crlf = decodeBytes(encodeText(STATEMENT.en.replace(/\n/g, '\r\n'), 'utf-8'), 'en.txt');
    expect(crlf.lineEndings).toBe('crlf');
    expect(crlf.text).toBe(STATEMENT.en);
    const cr = decodeBytes(encodeText(STATEMENT.ru.replace(/\n/g, '\r'), 'windows-1251'), 'ru.txt');
    expect(cr.lineEndings).toBe('cr');
    expect(cr.text).toBe(representable(STATEMENT.ru, 'windows-1251'));
    expect(decodeBytes(encodeText('a\u2028b\r\nc\u2029d', 'utf-8'), 'x').text).toBe('a\nb\nc\nd');
  });

  it('removes a few stray control characters and says so', () => {
    const decoded = decodeBytes(encodeText('Some text\u0007 here.\nMore text.', 'utf-8'), 'x.txt');
    expect(decoded.text).toBe('Some text here.\nMore text.');
    expect(decoded.warnings[0]?.code).toBe('control-characters');
    expect(warningText(decoded.warnings[0]!)).toMatch(/control/);
  });
});

describe('decodeBytes refuses bad input with a code and the file name', () => {
  it('an empty file', () => {
    const error = refusal(() => decodeBytes(new Uint8Array(), 'empty.txt'));
    expect(error.code).toBe('empty-file');
    expect(error.message).toContain('empty.txt');
    expect(refusal(() => decodeBytes(encodeText(' \n\r\n\t ', 'utf-8'), 'blank.txt')).code).toBe('empty-file');
  });

  it('a binary file (NULs that are not UTF-16, or control bytes)', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);
    const error = refusal(() => decodeBytes(png, 'picture.txt'));
    expect(error.code).toBe('binary-file');
    expect(error.message).toContain('picture.txt');
    const controls = new Uint8Array(4000).map((_, k) => (k % 7 === 0 ? 0x03 : 0x41));
    expect(refusal(() => decodeBytes(controls, 'data.bin')).code).toBe('binary-file');
  });

  it('UTF-8 with broken bytes', () => {
    const good = encodeText(STATEMENT.ru, 'utf-8');
    const broken = new Uint8Array([...good.subarray(0, 1001), 0xff, ...good.subarray(1001)]);
    const error = refusal(() => decodeBytes(broken, 'broken.txt'));
    expect(error.code).toBe('undecodable');
    expect(error.message).toContain('broken.txt');
  });

  it('bytes that are no encoding the app reads', () => {
    const noise = new Uint8Array(3000).map((_, k) => (k % 2 === 0 ? 0x20 : 0xb0 + ((k * 7) % 16)));
    expect(refusal(() => decodeBytes(noise, 'noise.txt')).code).toBe('undecodable');
  });

  it('more bytes than the limit', () => {
    const error = refusal(() => decodeBytes(new Uint8Array(2048), 'big.txt', { maxBytes: 1024 }));
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(/big\.txt.*2 KB.*1 KB/);
  });
});

describe('readFileBytes', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(join(tmpdir(), 'bitext-decode-'));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('refuses a 200 MB file by its size, without reading it', async () => {
    const path = join(dir, 'huge.txt');
    await fs.writeFile(path, '');
    await fs.truncate(path, 200 * 1024 * 1024); // sparse: nothing is written
    const error = await refusalOf(() => readFileBytes(path));
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(/huge\.txt.*200 MB.*50 MB/);
  });

  it('says a file vanished between choosing and reading', async () => {
    const path = join(dir, 'gone.txt');
    await fs.writeFile(path, 'text');
    await fs.rm(path);
    const error = await refusalOf(() => readFileBytes(path));
    expect(error.code).toBe('file-vanished');
    expect(error.message).toContain('gone.txt');
  });

  it('refuses a folder', async () => {
    expect((await refusalOf(() => readFileBytes(dir))).code).toBe('not-a-file');
  });

  it('reads a file within the limit', async () => {
    const path = join(dir, 'ok.txt');
    await fs.writeFile(path, 'hello');
    expect(Buffer.from(await readFileBytes(path)).toString()).toBe('hello');
  });
});
