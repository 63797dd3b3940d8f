import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { makeEpub, makeFb2, makeOdt, makePdf, reportPage } from './book-fixtures';
import { readDocument } from './books';
import { encodeText } from './decode';
import type { ImportError } from './errors';
import { formatOf, readMonolingual } from './formats';
import { dropFurniture, joinLine, linesOf, paragraphsOf } from './pdf';
import { parseSubtitles, rowTimes } from './subtitles';
import { refusal } from './testing';
import { prepareImportAsync } from './prepare';

const paragraphs = (text: string) => text.trim().split('\n\n');
const headingTexts = (doc: { text: string; headings?: Array<{ paragraph: number; level: number }> }) =>
  (doc.headings ?? []).map((h) => `${h.level}:${paragraphs(doc.text)[h.paragraph]}`);

async function refusedAsync(run: () => Promise<unknown>): Promise<ImportError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof Error && 'code' in error) return error as ImportError;
    throw error;
  }
  throw new Error('not refused');
}

const CHAPTERS = [
  { title: 'Chapter One', paragraphs: ['It was a bright cold day in April.', 'The clocks were striking thirteen.'] },
  { title: 'Chapter Two', paragraphs: ['Outside, even through the shut window-pane, the world looked cold.'] },
];

describe('EPUB', () => {
  it('EPUB 3: the spine in order, headings and paragraphs, the nav table of contents, OPF metadata', () => {
    const epub = makeEpub([...CHAPTERS].reverse(), { title: 'Nineteen', author: 'G. Orwell', translator: 'V. Golyshev', language: 'en-GB', date: '1949-06-08' });
    const doc = readMonolingual(epub, 'book.epub');
    expect(doc.format).toBe('epub');
    expect(paragraphs(doc.text)).toEqual([
      'Chapter Two',
      'Outside, even through the shut window-pane, the world looked cold.',
      'Chapter One',
      'It was a bright cold day in April.',
      'The clocks were striking thirteen.',
    ]);
    expect(headingTexts(doc)).toEqual(['1:Chapter Two', '1:Chapter One']);
    expect(doc.toc).toEqual([
      { level: 1, title: 'Chapter Two', paragraph: 0 },
      { level: 1, title: 'Chapter One', paragraph: 2 },
    ]);
    expect(doc.metadata).toEqual({ title: 'Nineteen', author: 'G. Orwell', translator: 'V. Golyshev', language: 'en-GB', date: '1949-06-08' });
    expect(doc.title).toBe('Nineteen');
  });

  it('EPUB 2: the NCX table of contents and opf:role translators', () => {
    const doc = readMonolingual(makeEpub(CHAPTERS, { version: 2, translator: 'Someone' }), 'old.epub');
    expect(doc.toc?.map((e) => [e.title, e.paragraph])).toEqual([
      ['Chapter One', 0],
      ['Chapter Two', 3],
    ]);
    expect(doc.metadata?.translator).toBe('Someone');
    expect(doc.metadata?.author).toBeUndefined();
  });

  it('runs no script, loads nothing remote, leaves nav and aside out (a chapter’s header stays) and keeps footnotes apart', () => {
    const epub = makeEpub(
      [
        {
          title: 'Notes',
          paragraphs: ['Body text.'],
          extra:
            '<p>A claim<a epub:type="noteref" href="#fn1">1</a> here.</p><script>fetch("http://example.org/x")</script>' +
            '<nav><a href="#">menu</a></nav><header><h2>Part heading</h2></header>' +
            '<aside epub:type="footnote" id="fn1"><p>1. The source of the claim.</p></aside><img src="http://example.org/t.png" alt="tracker"/>',
        },
      ],
      { head: '<link rel="stylesheet" href="http://example.org/s.css"/><script src="http://example.org/s.js"></script>' },
    );
    const doc = readMonolingual(epub, 'notes.epub');
    expect(paragraphs(doc.text)).toEqual(['Notes', 'Body text.', 'A claim here.', 'Part heading']);
    expect(headingTexts(doc)).toEqual(['1:Notes', '2:Part heading']);
    expect(doc.notes).toEqual([{ id: 'fn1', label: '1', paragraph: 2, offset: 'A claim'.length, text: 'The source of the claim.' }]);
    expect(doc.warnings).toContainEqual({ code: 'notes-apart', params: { count: 1 } });
    for (const absent of ['fetch', 'example.org', 'menu', 'tracker']) expect(doc.text).not.toContain(absent);
  });

  it('refuses a DRM-protected book (encrypted chapters, or a rights file) and one with no spine', () => {
    const drm = refusal(() => readMonolingual(makeEpub(CHAPTERS, { drm: 'encryption' }), 'locked.epub'));
    expect(drm.code).toBe('drm-protected');
    expect(drm.message).toContain('locked.epub');
    expect(drm.message).toMatch(/DRM/);
    expect(refusal(() => readMonolingual(makeEpub(CHAPTERS, { drm: 'rights' }), 'adobe.epub')).code).toBe('drm-protected');
    const noSpine = refusal(() => readMonolingual(makeEpub(CHAPTERS, { noSpine: true }), 'nospine.epub'));
    expect(noSpine.code).toBe('no-spine');
    expect(noSpine.message).toContain('nospine.epub');
  });

  it('reads a book whose only encryption is font obfuscation', () => {
    const doc = readMonolingual(makeEpub(CHAPTERS, { drm: 'fonts-only' }), 'fonts.epub');
    expect(paragraphs(doc.text)).toHaveLength(5);
  });

  it('refuses a damaged or fake package and a spine naming a missing chapter', () => {
    expect(refusal(() => readMonolingual(encodeText('not a zip', 'utf-8'), 'fake.epub')).code).toBe('unsupported-format');
    expect(refusal(() => readMonolingual(zipSync({ 'a.txt': strToU8('x') }), 'nocontainer.epub')).message).toContain('container.xml');
  });

  it('reads a 300-chapter book whole, in order, every chapter in the contents', () => {
    const chapters = Array.from({ length: 300 }, (_, k) => ({ title: `Chapter ${k + 1}`, paragraphs: [`Text of chapter ${k + 1}, first paragraph.`, `Second paragraph of chapter ${k + 1}.`] }));
    const doc = readMonolingual(makeEpub(chapters), 'long.epub');
    expect(doc.paragraphs).toBe(900);
    expect(doc.headings).toHaveLength(300);
    expect(doc.toc).toHaveLength(300);
    expect(doc.toc?.[299]).toEqual({ level: 1, title: 'Chapter 300', paragraph: 897 });
    expect(paragraphs(doc.text)[898]).toBe('Text of chapter 300, first paragraph.');
  });

  it('refuses a package whose entries lie about their size, stopping at the limit', () => {
    const epub = makeEpub([{ title: 'Bomb', paragraphs: ['x'.repeat(400_000)] }]);
    // Claim 100 bytes for every entry, in the local headers and the central directory.
    const view = new DataView(epub.buffer, epub.byteOffset, epub.byteLength);
    for (let at = 0; at + 46 < epub.length; at++) {
      const sig = view.getUint32(at, true);
      if (sig === 0x04034b50) view.setUint32(at + 22, 100, true);
      else if (sig === 0x02014b50) view.setUint32(at + 24, 100, true);
    }
    expect(refusal(() => readMonolingual(epub, 'liar.epub', { limits: { maxFileBytes: 50_000 } })).code).toBe('too-large');
  });

  it('refuses a book past the size limit rather than importing part of it', () => {
    const chapters = Array.from({ length: 50 }, (_, k) => ({ title: `C${k}`, paragraphs: ['x'.repeat(1000)] }));
    expect(['too-large', 'too-much-text']).toContain(refusal(() => readMonolingual(makeEpub(chapters), 'big.epub', { limits: { maxCharacters: 20_000 } })).code);
  });
});

describe('FB2', () => {
  const fb2 = makeFb2(
    [
      {
        title: 'Глава первая',
        epigraph: ['Всё смешалось.'],
        paragraphs: ['Был ясный холодный апрельский день.', 'Часы пробили тринадцать.'],
        noteRefs: ['n1'],
        sections: [{ title: 'Часть вторая', paragraphs: ['Вложенный раздел.'], poem: [['Мороз и солнце;', 'день чудесный!']] }],
      },
    ],
    { title: '1984', author: ['Джордж', 'Оруэлл'], translator: ['Виктор', 'Голышев'], date: '1949', notes: { n1: 'Примечание переводчика.' } },
  );

  it('sections, titles (by level), epigraphs, poems; notes kept apart; metadata from the description', () => {
    const doc = readMonolingual(encodeText(fb2, 'utf-8'), 'book.fb2');
    expect(doc.format).toBe('fb2');
    expect(paragraphs(doc.text)).toEqual([
      'Глава первая',
      'Всё смешалось.',
      'Author',
      'Был ясный холодный апрельский день.',
      'Часы пробили тринадцать.',
      'Часть вторая',
      'Вложенный раздел.',
      'Мороз и солнце;\nдень чудесный!',
    ]);
    expect(headingTexts(doc)).toEqual(['1:Глава первая', '2:Часть вторая']);
    // The note remembers the paragraph its reference mark was in (the mark itself is left out).
    expect(doc.notes).toEqual([{ id: 'n1', label: '1', paragraph: 3, offset: 'Был ясный холодный апрельский день.'.length, text: 'Примечание переводчика.' }]);
    expect(doc.warnings).toEqual([{ code: 'notes-apart', params: { count: 1 } }]);
    expect(doc.text).not.toContain('[1]');
    expect(doc.text).not.toContain('/9j/');
    expect(doc.metadata).toEqual({ title: '1984', author: 'Джордж Оруэлл', translator: 'Виктор Голышев', date: '1949', language: 'ru' });
  });

  it('reads a Windows-1251 book and a .fb2.zip', () => {
    const cp = readMonolingual(encodeText(fb2.replace('utf-8', 'windows-1251'), 'windows-1251'), 'cp.fb2');
    expect(paragraphs(cp.text)[0]).toBe('Глава первая');
    const zipped = readMonolingual(zipSync({ 'book.fb2': strToU8(fb2) }), 'book.fb2.zip');
    expect(zipped.paragraphs).toBe(8);
    expect(refusal(() => readMonolingual(zipSync({ 'a.txt': strToU8('x') }), 'none.fb2.zip')).code).toBe('unsupported-format');
    expect(refusal(() => readMonolingual(encodeText('<html><body>no</body></html>', 'utf-8'), 'fake.fb2')).code).toBe('unsupported-format');
  });
});

describe('ODT', () => {
  it('headings by outline level, paragraphs, lists and spaces; footnotes apart, comments out; meta.xml', () => {
    const odt = makeOdt(
      [
        { heading: 1, text: 'Report' },
        { text: 'First  paragraph.', note: 'A footnote.' },
        { heading: 2, text: 'Details' },
        { text: 'Second paragraph.' },
      ],
      { title: 'The report', author: 'A. Author', date: '2020-06-17T10:00:00', language: 'en-US', list: ['item one', 'item two'] },
    );
    const doc = readMonolingual(odt, 'report.odt');
    expect(paragraphs(doc.text)).toEqual(['Report', 'First paragraph.', 'Details', 'Second paragraph.', 'item one', 'item two']);
    expect(headingTexts(doc)).toEqual(['1:Report', '2:Details']);
    expect(doc.notes).toEqual([{ label: '1', paragraph: 1, offset: 'First paragraph.'.length, text: 'A footnote.' }]);
    expect(doc.warnings).toEqual([{ code: 'notes-apart', params: { count: 1 } }]);
    expect(doc.text).not.toContain('reviewer');
    expect(doc.text).not.toContain('Sub Main');
    expect(doc.metadata).toEqual({ title: 'The report', author: 'A. Author', date: '2020-06-17', language: 'en-US' });
  });

  it('refuses a password-protected document', () => {
    const error = refusal(() => readMonolingual(makeOdt([{ text: 'secret' }], { encrypted: true }), 'locked.odt'));
    expect(error.code).toBe('encrypted');
    expect(error.message).toContain('locked.odt');
  });
});

describe('PDF', () => {
  const page1 = [
    { x: 72, y: 800, text: 'Annual Report 2020', size: 9 },
    { x: 72, y: 770, text: 'Introduction', size: 18 },
    { x: 90, y: 740, text: 'The first paragraph is long enough to wrap over' },
    { x: 72, y: 726, text: 'several lines, with an extraordinarily impor-' },
    { x: 72, y: 712, text: 'tant point at the end.' },
    { x: 90, y: 690, text: 'The second paragraph starts here and runs over to' },
    { x: 290, y: 40, text: '1', size: 9 },
  ];
  const page2 = [
    { x: 72, y: 800, text: 'Annual Report 2020', size: 9 },
    { x: 72, y: 760, text: 'the next page without a break.' },
    { x: 90, y: 738, text: 'Third paragraph.' },
    { x: 290, y: 40, text: '2', size: 9 },
  ];

  it('two pages: lines joined into paragraphs, a hyphen undone, the running header and page numbers dropped', async () => {
    const doc = await readDocument(makePdf([page1, page2], { title: 'Annual Report', author: 'The Board' }), 'report.pdf');
    expect(doc.format).toBe('pdf');
    expect(paragraphs(doc.text)).toEqual([
      'Introduction',
      'The first paragraph is long enough to wrap over several lines, with an extraordinarily important point at the end.',
      'The second paragraph starts here and runs over to the next page without a break.',
      'Third paragraph.',
    ]);
    expect(headingTexts(doc)).toEqual(['1:Introduction']);
    expect(doc.metadata).toMatchObject({ title: 'Annual Report', author: 'The Board' });
  });

  it('details: the XMP metadata (UTF-8) before the Info dictionary, the creation day, the catalogue’s language', async () => {
    const xmp =
      '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
      '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">' +
      '<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Годовой отчёт</rdf:li></rdf:Alt></dc:title>' +
      '<dc:creator><rdf:Seq><rdf:li>Совет директоров</rdf:li><rdf:li>Секретариат</rdf:li></rdf:Seq></dc:creator>' +
      '<xmp:CreateDate>2020-06-17T09:30:00+03:00</xmp:CreateDate></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>';
    const doc = await readDocument(makePdf([page1], { title: 'Garbled', author: 'The Board', lang: 'ru-RU', xmp }), 'report.pdf');
    expect(doc.metadata).toEqual({ title: 'Годовой отчёт', author: 'Совет директоров, Секретариат', date: '2020-06-17', language: 'ru-RU' });
    expect(doc.title).toBe('Годовой отчёт');
    // Without XMP: the Info dictionary; without either, nothing (never the day of the import).
    expect((await readDocument(makePdf([page1], { title: 'Annual Report' }), 'plain.pdf')).metadata).toEqual({ title: 'Annual Report' });
    expect((await readDocument(makePdf([page1]), 'bare.pdf')).metadata).toEqual({});
  });

  it('refuses a PDF with no text layer and one with a password, naming the file', async () => {
    const scan = await refusedAsync(() => readDocument(makePdf([null, null]), 'scan.pdf'));
    expect(scan.code).toBe('no-text-layer');
    expect(scan.message).toContain('scan.pdf');
    expect(scan.message).toMatch(/no text layer/);
    const locked = await refusedAsync(() => readDocument(makePdf([page1], { encrypted: true }), 'locked.pdf'));
    expect(locked.code).toBe('encrypted');
    expect(locked.message).toMatch(/password/);
    expect((await refusedAsync(() => readDocument(encodeText('%PDF-1.4 garbage', 'utf-8'), 'bad.pdf'))).code).toBe('unsupported-format');
    expect(refusal(() => readMonolingual(makePdf([page1]), 'sync.pdf')).code).toBe('unsupported-format');
    expect(['too-large', 'too-much-text']).toContain((await refusedAsync(() => readDocument(makePdf([page1, page2]), 'big.pdf', { limits: { maxCharacters: 200 } }))).code);
  });

  it('a generated report: header and numbers gone on every page, paragraphs whole', async () => {
    const text = 'Member states agreed to strengthen cooperation in public health and to share information on the spread of the disease without delay.';
    const pages = [1, 2, 3].map((n) => reportPage('Statement of the Ministers', [text, `Paragraph ${n} ends here.`], n));
    const doc = await readDocument(makePdf(pages), 'gen.pdf');
    expect(paragraphs(doc.text)).toEqual([text, 'Paragraph 1 ends here.', text, 'Paragraph 2 ends here.', text, 'Paragraph 3 ends here.']);
  });

  it('line helpers: items on one baseline make a line; hyphenation undone only before lower case', () => {
    const lines = linesOf([
      { str: 'world', transform: [10, 0, 0, 10, 140, 700], width: 25, height: 10 },
      { str: 'Hello', transform: [10, 0, 0, 10, 100, 700.4], width: 25, height: 10 },
      { str: 'Next', transform: [10, 0, 0, 10, 100, 686], width: 20, height: 10 },
    ]);
    expect(lines.map((l) => l.text)).toEqual(['Hello world', 'Next']);
    expect(joinLine('impor-', 'tant')).toBe('important');
    expect(joinLine('well-', 'Known')).toBe('well-Known');
    expect(joinLine('a', 'b')).toBe('a b');
    const page = (n: number) => ({ height: 842, lines: [{ text: `Header ${n}`, x: 72, y: 800, right: 200, size: 9 }, { text: 'Body', x: 72, y: 700, right: 100, size: 11 }, { text: `- ${n} -`, x: 290, y: 40, right: 300, size: 9 }] });
    expect(dropFurniture([page(1), page(2), page(3)]).map((lines) => lines.map((l) => l.text))).toEqual([['Body'], ['Body'], ['Body']]);
    expect(paragraphsOf([[{ text: 'One line', x: 72, y: 700, right: 100, size: 11 }]])).toEqual([{ kind: 'paragraph', text: 'One line' }]);
  });
});

describe('Subtitles', () => {
  const srt = '1\n00:00:01,000 --> 00:00:02,500\n<i>Hello</i> there.\n\n2\n00:00:03,000 --> 00:00:04,000\n{\\an8}- Who?\n- Me.\n\n';
  const vtt = 'WEBVTT - film\n\nNOTE a comment\n\nintro\n00:01.000 --> 00:02.500 align:start\n<v Anna>Hello</v> there.\n\n00:00:03.000 --> 00:00:04.000\n&lt;Who&gt; &amp; me.\n';

  it('SRT: one timed paragraph per cue, tags removed', () => {
    const doc = readMonolingual(encodeText(srt, 'utf-8'), 'film.en.srt');
    expect(doc.format).toBe('srt');
    expect(paragraphs(doc.text)).toEqual(['Hello there.', '- Who?\n- Me.']);
    expect(doc.cues).toEqual([
      { paragraph: 0, start: 1000, end: 2500 },
      { paragraph: 1, start: 3000, end: 4000 },
    ]);
  });

  it('WebVTT: header, notes and settings skipped, entities decoded, short times read', () => {
    const doc = readMonolingual(encodeText(vtt, 'utf-8'), 'film.ru.vtt');
    expect(paragraphs(doc.text)).toEqual(['Hello there.', '<Who> & me.']);
    expect(doc.cues?.map((c) => [c.start, c.end])).toEqual([
      [1000, 2500],
      [3000, 4000],
    ]);
  });

  it('broken times refuse the whole file with the line, nothing half-imported', () => {
    const broken = refusal(() => readMonolingual(encodeText(`${srt}3\n00:00:05,000 --> 00:0x:06,000\nLost.\n`, 'utf-8'), 'broken.srt'));
    expect(broken.code).toBe('bad-timing');
    expect(broken.message).toContain('broken.srt');
    expect(broken.message).toContain('line 11');
    expect(refusal(() => parseSubtitles('1\n00:00:05,000 --> 00:00:04,000\nBackwards.\n', 'srt')).message).toMatch(/ends .* before it starts/);
    expect(refusal(() => parseSubtitles('1\nno times here\n', 'srt')).code).toBe('bad-timing');
    expect(refusal(() => parseSubtitles('00:01.000 --> 00:02.000\nx\n', 'vtt')).code).toBe('unsupported-format');
  });

  it('row times come from the cues of the row’s clauses', () => {
    const clause = (lang: string, p: number) => ({ id: `${lang}-p${p}-c0`, text: 'x', start: 0, end: 1 });
    const body = {
      groups: [{ number: 1, kind: 'body' as const, en: [0, 1], ru: [0], rows: [{ id: 'r0-0', en: [clause('en', 0), clause('en', 1)], ru: [clause('ru', 0)], confidence: 1 }] }],
    };
    const times = rowTimes(body, { en: [{ paragraph: 0, start: 1000, end: 2000 }, { paragraph: 1, start: 2500, end: 4000 }] });
    expect(times.get('r0-0')).toEqual({ start: 1000, end: 4000 });
  });
});

describe('DOCX', () => {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const p = (text: string, style?: string, extra = '') => `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r>${extra}</w:p>`;
  const CORE =
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">' +
    '<dc:title>Заявление министров</dc:title><dc:creator>МИД</dc:creator><dc:language>ru-RU</dc:language>' +
    '<dcterms:created>2020-06-17T09:00:00Z</dcterms:created><dcterms:modified>2024-01-02T10:00:00Z</dcterms:modified></cp:coreProperties>';
  const BODY = `${p('Заявление', '1')}${p('Первый абзац.', undefined, '<w:r><w:footnoteReference w:id="2"/></w:r>')}${p('Раздел', 'Heading2')}${p('Второй абзац.', undefined, '<w:r><w:endnoteReference w:id="1"/></w:r>')}`;
  const docx = (core: string | null = CORE, body = BODY) =>
    zipSync({
      'word/document.xml': strToU8(`<w:document ${W}><w:body>${body}</w:body></w:document>`),
      'word/styles.xml': strToU8(`<w:styles ${W}><w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style><w:style w:type="paragraph" w:styleId="a"><w:name w:val="Normal"/></w:style></w:styles>`),
      'word/footnotes.xml': strToU8(
        `<w:footnotes ${W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:t>---</w:t></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:t>--</w:t></w:r></w:p></w:footnote><w:footnote w:id="2">${p('Сноска.')}</w:footnote></w:footnotes>`,
      ),
      'word/endnotes.xml': strToU8(`<w:endnotes ${W}><w:endnote w:id="1">${p('Концевая сноска,')}${p('в два абзаца.')}</w:endnote></w:endnotes>`),
      ...(core === null ? {} : { 'docProps/core.xml': strToU8(core) }),
      'word/media/image1.png': new Uint8Array(1000),
    });

  it('the import’s reader: headings from styles (named “heading N” whatever their id), notes apart with their paragraph, core properties', async () => {
    const doc = await readDocument(docx(), 'ru.docx');
    expect(paragraphs(doc.text)).toEqual(['Заявление', 'Первый абзац.', 'Раздел', 'Второй абзац.']);
    expect(headingTexts(doc)).toEqual(['1:Заявление', '2:Раздел']);
    expect(doc.notes).toEqual([
      { id: 'footnote-2', label: '1', paragraph: 1, offset: 'Первый абзац.'.length, text: 'Сноска.' },
      { id: 'endnote-1', label: '1', paragraph: 3, offset: 'Второй абзац.'.length, text: 'Концевая сноска,\nв два абзаца.' },
    ]);
    // The notes are never lost silently: the import says they are kept apart.
    expect(doc.warnings).toEqual([{ code: 'notes-apart', params: { count: 2 } }]);
    // The document's date is the day it was created (not the day it was last saved, nor today).
    expect(doc.metadata).toEqual({ title: 'Заявление министров', author: 'МИД', language: 'ru-RU', date: '2020-06-17' });
    expect(doc.title).toBe('Заявление министров');
  });

  it('core properties: only what the file gives; dc:date when there is no creation date; none without the part', async () => {
    const only = (inner: string) => `<cp:coreProperties xmlns:cp="x" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">${inner}</cp:coreProperties>`;
    expect((await readDocument(docx(only('<dc:creator>Jane Roe</dc:creator><dc:date>1949</dc:date><dc:title> </dc:title>')), 'a.docx')).metadata).toEqual({ author: 'Jane Roe', date: '1949' });
    const none = await readDocument(docx(null), 'b.docx');
    expect(none.metadata).toEqual({});
    expect(none.title).toBeUndefined();
  });

  it('an import of two .docx suggests each file’s details and titles (what the import dialog fills in)', async () => {
    const en = `<cp:coreProperties xmlns:cp="x" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"><dc:title>The Ministers’ Statement</dc:title><dc:creator>ASEAN Secretariat</dc:creator><dcterms:created>2020-06-17T09:00:00Z</dcterms:created></cp:coreProperties>`;
    const prepared = await prepareImportAsync([
      { name: 'en.docx', bytes: docx(en, `${p('Statement', '1')}${p('The first paragraph.')}${p('Part', 'Heading2')}${p('The second paragraph.')}`) },
      { name: 'ru.docx', bytes: docx() },
    ]);
    expect(prepared.check.files.map((f) => f.details)).toEqual([
      { title: 'The Ministers’ Statement', author: 'ASEAN Secretariat', date: '2020-06-17' },
      { title: 'Заявление министров', author: 'МИД', language: 'ru-RU', date: '2020-06-17' },
    ]);
    expect(prepared.check.suggestedTitle).toEqual({ en: 'The Ministers’ Statement', ru: 'Заявление министров' });
    expect(prepared.check.files[1]!.notices).toEqual([{ code: 'notes-apart', params: { count: 2 } }]);
    expect(prepared.structure?.ru?.notes?.map((n) => n.paragraph)).toEqual([1, 3]);
  });

  it('notes count against the character limit with the body: a package of huge footnotes is refused', () => {
    const huge = zipSync({
      'word/document.xml': strToU8(`<w:document ${W}><w:body>${BODY}</w:body></w:document>`),
      'word/footnotes.xml': strToU8(`<w:footnotes ${W}><w:footnote w:id="2">${p('Сноска. '.repeat(2000))}</w:footnote></w:footnotes>`),
    });
    expect(refusal(() => readMonolingual(huge, 'huge.docx', { limits: { maxCharacters: 10_000 } }))).toMatchObject({ code: 'too-much-text', params: { file: 'huge.docx', max: 10_000 } });
    expect(readMonolingual(huge, 'huge.docx', { limits: { maxCharacters: 20_000 } }).notes).toHaveLength(1);
  });

  it('core properties are charged to the budget: a part that floods elements is refused', async () => {
    const flood = `<cp:coreProperties xmlns:cp="x">${'<x/>'.repeat(5000)}</cp:coreProperties>`;
    const error = refusal(() => readMonolingual(docx(flood), 'flood.docx', { limits: { maxElements: 2000 } }));
    expect(error).toMatchObject({ code: 'too-large', reason: 'too-many-elements' });
    expect(readMonolingual(docx(), 'ok.docx', { limits: { maxElements: 2000 } }).metadata).toMatchObject({ author: 'МИД' });
  });
});

describe('HTML and text (section 2)', () => {
  it('the <title> is the title; the first heading is not repeated; nav, header, footer and aside are left out', () => {
    const html =
      '<html><head><title>The Statement</title></head><body><header>Site name</header><nav><a href="/">Home</a></nav>' +
      '<h1>The Statement</h1><p>First paragraph.</p><h2>Part two</h2><p>Second.</p><aside>Related links</aside><footer>© site</footer></body></html>';
    const doc = readMonolingual(encodeText(html, 'utf-8'), 'page.html');
    expect(paragraphs(doc.text)).toEqual(['The Statement', 'First paragraph.', 'Part two', 'Second.']);
    expect(doc.title).toBe('The Statement');
    expect(headingTexts(doc)).toEqual(['1:The Statement', '2:Part two']);
  });

  it('HTML footnotes are kept apart with the paragraph that refers to them, never lost with the side boxes', () => {
    const html =
      '<html><body><p>Intro.</p><p>A claim<a role="doc-noteref" href="#fn1">1</a> here.</p><aside>Related links</aside>' +
      '<aside role="doc-footnote" id="fn1"><p>1. The source of the claim.</p></aside><div role="doc-endnote" id="en1">* An endnote.</div></body></html>';
    const doc = readMonolingual(encodeText(html, 'utf-8'), 'notes.html');
    expect(paragraphs(doc.text)).toEqual(['Intro.', 'A claim here.']);
    expect(doc.notes).toEqual([
      { id: 'fn1', label: '1', paragraph: 1, offset: 'A claim'.length, text: 'The source of the claim.' },
      { id: 'en1', label: '*', text: 'An endnote.' },
    ]);
    expect(doc.warnings).toEqual([{ code: 'notes-apart', params: { count: 2 } }]);
  });

  it('text files: lines indented inside a paragraph leave no runs of spaces', () => {
    const doc = readMonolingual(encodeText('The contents and\n    more practical advice.\n\n   Second paragraph.\n', 'utf-8'), 'a.txt');
    expect(paragraphs(doc.text)).toEqual(['The contents and\nmore practical advice.', 'Second paragraph.']);
    expect(doc.text).not.toMatch(/ {2}/);
  });

  it('Markdown: headings kept with their level, syntax, front matter and link targets dropped', () => {
    const md = '---\ntitle: x\n---\n# The **Statement**\n\nWe met [online](https://example.org "t") & agreed.\n\n## Part two\n\n1. first\n2. second\n\nSetext\n------\n';
    const doc = readMonolingual(encodeText(md, 'utf-8'), 'a.md');
    expect(paragraphs(doc.text)).toEqual(['The Statement', 'We met online & agreed.', 'Part two', '1. first', '2. second', 'Setext']);
    expect(headingTexts(doc)).toEqual(['1:The Statement', '2:Part two', '2:Setext']);
  });

  it('formats by extension', () => {
    expect(['a.epub', 'a.fb2', 'a.fb2.zip', 'a.odt', 'a.pdf', 'a.srt', 'a.vtt'].map(formatOf)).toEqual(['epub', 'fb2', 'fb2', 'odt', 'pdf', 'srt', 'vtt']);
  });
});
