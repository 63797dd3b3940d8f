/**
 * Headings kept by the import's own readers (`formats/`: the streaming ones, which charge the
 * budget while they read) for Markdown, HTML and Word — and the limits still holding for them.
 */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { IMPORT_LIMITS } from '../../contract/ipc';
import { encodeText } from './decode';
import { readMonolingual } from './formats';
import { docxLyingEntries, zipArchive } from './hostile';
import { refusal } from './testing';

const paragraphs = (text: string) => text.trim().split('\n\n');
const headingTexts = (doc: { text: string; headings?: Array<{ paragraph: number; level: number }> }) =>
  (doc.headings ?? []).map((h) => `${h.level}:${paragraphs(doc.text)[h.paragraph]}`);

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const wp = (text: string, style?: string) => `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

describe('headings survive the import readers', () => {
  it('Markdown: ATX and setext headings with their level; a thematic break is no heading', () => {
    const md = '# The **Statement**\n\nWe met [online](https://example.org) and agreed.\n\n## Part two\n\nText\nover two lines.\n\n---\n\nSetext one\n===\n\nSetext two\n---\n\n1. first\n';
    const doc = readMonolingual(encodeText(md, 'utf-8'), 'a.md');
    expect(paragraphs(doc.text)).toEqual(['The Statement', 'We met online and agreed.', 'Part two', 'Text\nover two lines.', 'Setext one', 'Setext two', '1. first']);
    expect(headingTexts(doc)).toEqual(['1:The Statement', '2:Part two', '1:Setext one', '2:Setext two']);
  });

  it('HTML: h1–h6 with their level; the page furniture left out, an article’s own header kept', () => {
    const html =
      '<html><head><title>The Statement</title></head><body><header><h1>Site name</h1></header><nav><h2>Menu</h2><a href="/">Home</a></nav>' +
      '<main><article><header><h1>The Statement</h1></header><p>First paragraph.</p><h2>Part <em>two</em></h2><p>Second.</p><footer>Filed under news</footer></article></main>' +
      '<aside><h3>Related</h3></aside><footer>© site</footer></body></html>';
    const doc = readMonolingual(encodeText(html, 'utf-8'), 'page.html');
    expect(paragraphs(doc.text)).toEqual(['The Statement', 'First paragraph.', 'Part two', 'Second.', 'Filed under news']);
    expect(headingTexts(doc)).toEqual(['1:The Statement', '2:Part two']);
    // The <title> is the title, not paragraph 0 repeated.
    expect(doc.title).toBe('The Statement');
  });

  it('Word: headings by style name (Russian Word’s ids), built-in ids without styles.xml, outline levels', () => {
    const styles = `<w:styles ${W}><w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style><w:style w:type="paragraph" w:styleId="a"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Outline"><w:name w:val="Chapter"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style></w:styles>`;
    const body = `<w:document ${W}><w:body>${wp('Заявление', '1')}${wp('Первый абзац.', 'a')}${wp('Раздел', 'Heading2')}${wp('Второй абзац.')}${wp('Пункт', 'Outline')}${wp('Третий.')}</w:body></w:document>`;
    const docx = zipSync({ 'word/document.xml': strToU8(body), 'word/styles.xml': strToU8(styles) });
    const doc = readMonolingual(docx, 'ru.docx');
    expect(paragraphs(doc.text)).toEqual(['Заявление', 'Первый абзац.', 'Раздел', 'Второй абзац.', 'Пункт', 'Третий.']);
    expect(headingTexts(doc)).toEqual(['1:Заявление', '2:Раздел', '3:Пункт']);
    // Without styles.xml only the built-in ids are headings.
    expect(headingTexts(readMonolingual(zipSync({ 'word/document.xml': strToU8(body) }), 'ru.docx'))).toEqual(['2:Раздел']);
  });

  it('a text file has no headings, and a plain paragraph is never one', () => {
    const doc = readMonolingual(encodeText('CHAPTER ONE\n\nIt was a bright cold day.\n', 'utf-8'), 'a.txt');
    expect(doc.headings).toBeUndefined();
  });
});

describe('the limits hold for headings too', { timeout: 60_000 }, () => {
  it('a flood of headings is stopped at the paragraph limit (Markdown, HTML, Word)', () => {
    const n = IMPORT_LIMITS.maxParagraphs + 1;
    expect(refusal(() => readMonolingual(encodeText('# Go\n\n'.repeat(n), 'utf-8'), 'flood.md'))).toMatchObject({ reason: 'too-many-paragraphs' });
    expect(refusal(() => readMonolingual(encodeText('<h2>Go</h2>'.repeat(n), 'utf-8'), 'flood.html'))).toMatchObject({ reason: 'too-many-paragraphs' });
    const docx = zipSync({ 'word/document.xml': strToU8(`<w:document ${W}><w:body>${wp('Go', 'Heading1').repeat(n)}</w:body></w:document>`) });
    expect(refusal(() => readMonolingual(docx, 'flood.docx'))).toMatchObject({ reason: 'too-many-paragraphs' });
  });

  it('one huge heading is refused while it is still being read', () => {
    const html = encodeText(`<h1>${'word '.repeat(IMPORT_LIMITS.maxCharacters / 4)}</h1>`, 'utf-8');
    expect(refusal(() => readMonolingual(html, 'one.html'))).toMatchObject({ code: 'too-much-text', reason: 'too-much-text' });
  });

  it('a styles.xml that inflates past the limit is stopped while it inflates, whatever its header claims', async () => {
    const limits = { ...IMPORT_LIMITS, maxInflatedBytes: 1 << 20 };
    const lying = await docxLyingEntries(1, 8 << 20);
    // The same lying entry, named styles.xml, beside a small good body.
    const parts = zipArchiveParts(lying.bytes);
    const bytes = zipArchive([
      { name: 'word/styles.xml', data: parts.data, claimedSize: 1000 },
      { name: 'word/document.xml', data: strToU8(`<w:document ${W}><w:body>${wp('Go.')}</w:body></w:document>`), method: 0, claimedSize: 60 },
    ]);
    expect(refusal(() => readMonolingual(bytes, 'styles.docx', { limits }))).toMatchObject({ code: 'too-large', reason: 'too-large-part' });
  });

  it('markup without text in styles.xml is stopped at the element limit', () => {
    const limits = { ...IMPORT_LIMITS, maxElements: 10_000 };
    const docx = zipSync({
      'word/styles.xml': strToU8(`<w:styles ${W}>${'<w:style/>'.repeat(20_000)}</w:styles>`),
      'word/document.xml': strToU8(`<w:document ${W}><w:body>${wp('Go.')}</w:body></w:document>`),
    });
    expect(refusal(() => readMonolingual(docx, 'styles.docx', { limits }))).toMatchObject({ reason: 'too-many-elements' });
  });
});

/** The raw DEFLATE data of the first entry of an archive written by `zipArchive` (local header at 0). */
function zipArchiveParts(archive: Uint8Array): { data: Uint8Array } {
  const view = new DataView(archive.buffer, archive.byteOffset, archive.byteLength);
  const compressed = view.getUint32(18, true);
  const nameLength = view.getUint16(26, true);
  const extra = view.getUint16(28, true);
  const start = 30 + nameLength + extra;
  return { data: archive.subarray(start, start + compressed) };
}
