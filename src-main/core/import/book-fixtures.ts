/**
 * Builders of small books and reports for the reader tests and the books benchmark: EPUB 2/3,
 * FB2, ODT packages (zipped with fflate) and PDFs (a minimal PDF writer: Helvetica text at given
 * positions, optionally a fake standard-security encryption, or pages with no text at all).
 */
import { strToU8, zipSync } from 'fflate';

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface BookChapter {
  title: string;
  paragraphs: string[];
  /** Raw XHTML put after the paragraphs (footnotes, navs…). */
  extra?: string;
}

export interface EpubOptions {
  version?: 2 | 3;
  title?: string;
  author?: string;
  translator?: string;
  language?: string;
  date?: string;
  /** Leave the spine out (or empty). */
  noSpine?: boolean;
  /** Add an encryption.xml that encrypts the chapters (as DRM does). */
  drm?: 'encryption' | 'rights' | 'fonts-only';
  /** Extra files (e.g. a script, an image) put in the package. */
  files?: Record<string, string>;
  /** Inserted in every chapter's head (e.g. a script or a remote stylesheet). */
  head?: string;
}

/** An EPUB of the given chapters (one XHTML file each), with nav (EPUB 3) or NCX (EPUB 2). */
export function makeEpub(chapters: readonly BookChapter[], options: EpubOptions = {}): Uint8Array {
  const version = options.version ?? 3;
  const files: Record<string, Uint8Array> = {};
  files.mimetype = strToU8('application/epub+zip');
  files['META-INF/container.xml'] = strToU8(
    '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">' +
      '<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>',
  );
  const ids = chapters.map((_, k) => `ch${k + 1}`);
  chapters.forEach((chapter, k) => {
    files[`OEBPS/text/${ids[k]}.xhtml`] = strToU8(
      '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n' +
        `<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>${esc(chapter.title)}</title>${options.head ?? ''}</head><body>` +
        `<section id="s${k + 1}"><h1>${esc(chapter.title)}</h1>` +
        chapter.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n') +
        (chapter.extra ?? '') +
        '</section></body></html>',
    );
  });
  const manifestItems = ids.map((id) => `<item id="${id}" href="text/${id}.xhtml" media-type="application/xhtml+xml"/>`);
  if (version === 3) {
    manifestItems.push('<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>');
    files['OEBPS/nav.xhtml'] = strToU8(
      '<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>Contents</title></head><body>' +
        '<nav epub:type="toc"><h1>Contents</h1><ol>' +
        chapters.map((c, k) => `<li><a href="text/${ids[k]}.xhtml#s${k + 1}">${esc(c.title)}</a></li>`).join('') +
        '</ol></nav></body></html>',
    );
  } else {
    manifestItems.push('<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>');
    files['OEBPS/toc.ncx'] = strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><head/><docTitle><text>' +
        esc(options.title ?? 'Book') +
        '</text></docTitle><navMap>' +
        chapters
          .map((c, k) => `<navPoint id="np${k + 1}" playOrder="${k + 1}"><navLabel><text>${esc(c.title)}</text></navLabel><content src="text/${ids[k]}.xhtml"/></navPoint>`)
          .join('') +
        '</navMap></ncx>',
    );
  }
  for (const [path, text] of Object.entries(options.files ?? {})) {
    files[path] = strToU8(text);
    if (path.startsWith('OEBPS/')) manifestItems.push(`<item id="x${Object.keys(files).length}" href="${path.slice(6)}" media-type="application/octet-stream"/>`);
  }
  const spine = options.noSpine ? '' : `<spine${version === 2 ? ' toc="ncx"' : ''}>${ids.map((id) => `<itemref idref="${id}"/>`).join('')}</spine>`;
  const translator = options.translator
    ? version === 3
      ? `<dc:contributor id="trl">${esc(options.translator)}</dc:contributor><meta refines="#trl" property="role" scheme="marc:relators">trl</meta>`
      : `<dc:contributor opf:role="trl">${esc(options.translator)}</dc:contributor>`
    : '';
  files['OEBPS/content.opf'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><package xmlns="http://www.idpf.org/2007/opf" xmlns:opf="http://www.idpf.org/2007/opf" version="${version}.0" unique-identifier="uid">` +
      '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">' +
      `<dc:identifier id="uid">urn:uuid:12345</dc:identifier><dc:title>${esc(options.title ?? 'Book')}</dc:title>` +
      (options.author ? `<dc:creator>${esc(options.author)}</dc:creator>` : '') +
      translator +
      (options.date ? `<dc:date>${esc(options.date)}</dc:date>` : '') +
      `<dc:language>${esc(options.language ?? 'en')}</dc:language></metadata>` +
      `<manifest>${manifestItems.join('')}</manifest>${spine}</package>`,
  );
  if (options.drm === 'encryption' || options.drm === 'fonts-only') {
    const refs = options.drm === 'fonts-only' ? ['OEBPS/fonts/a.otf'] : ids.map((id) => `OEBPS/text/${id}.xhtml`);
    const algorithm = options.drm === 'fonts-only' ? 'http://www.idpf.org/2008/embedding' : 'http://www.w3.org/2001/04/xmlenc#aes128-cbc';
    files['META-INF/encryption.xml'] = strToU8(
      '<?xml version="1.0"?><encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#">' +
        refs.map((uri) => `<enc:EncryptedData><enc:EncryptionMethod Algorithm="${algorithm}"/><enc:CipherData><enc:CipherReference URI="${uri}"/></enc:CipherData></enc:EncryptedData>`).join('') +
        '</encryption>',
    );
  }
  if (options.drm === 'rights') files['META-INF/rights.xml'] = strToU8('<?xml version="1.0"?><adept:rights xmlns:adept="http://ns.adobe.com/adept"/>');
  return zipSync(files);
}

export interface Fb2Section {
  title: string;
  paragraphs: string[];
  epigraph?: string[];
  poem?: string[][];
  /** Note ids referenced at the end of the first paragraph. */
  noteRefs?: string[];
  sections?: Fb2Section[];
}

/** An FB2 book: description, the body's sections, and a notes body. */
export function makeFb2(
  sections: readonly Fb2Section[],
  options: { title?: string; author?: [string, string]; translator?: [string, string]; lang?: string; date?: string; notes?: Record<string, string>; encoding?: string } = {},
): string {
  const person = (tag: string, p?: [string, string]) => (p ? `<${tag}><first-name>${esc(p[0])}</first-name><last-name>${esc(p[1])}</last-name></${tag}>` : '');
  const section = (s: Fb2Section): string =>
    `<section><title><p>${esc(s.title)}</p></title>` +
    (s.epigraph ? `<epigraph>${s.epigraph.map((p) => `<p>${esc(p)}</p>`).join('')}<text-author>Author</text-author></epigraph>` : '') +
    s.paragraphs
      .map((p, k) => `<p>${esc(p)}${k === 0 ? (s.noteRefs ?? []).map((id) => `<a l:href="#${id}" type="note">[${id.replace(/\D/g, '')}]</a>`).join('') : ''}</p>`)
      .join('') +
    (s.poem ? `<poem>${s.poem.map((stanza) => `<stanza>${stanza.map((v) => `<v>${esc(v)}</v>`).join('')}</stanza>`).join('')}</poem>` : '') +
    (s.sections ?? []).map(section).join('') +
    '</section>';
  const notes = Object.entries(options.notes ?? {});
  return (
    `<?xml version="1.0" encoding="${options.encoding ?? 'utf-8'}"?>\n` +
    '<FictionBook xmlns="http://www.gribuser.ru/xml/fictionbook/2.0" xmlns:l="http://www.w3.org/1999/xlink">' +
    '<description><title-info><genre>prose</genre>' +
    person('author', options.author) +
    `<book-title>${esc(options.title ?? 'Книга')}</book-title>` +
    (options.date ? `<date value="${esc(options.date)}">${esc(options.date)}</date>` : '') +
    `<lang>${esc(options.lang ?? 'ru')}</lang>` +
    person('translator', options.translator) +
    '</title-info></description>' +
    `<body>${sections.map(section).join('')}</body>` +
    (notes.length > 0
      ? `<body name="notes"><title><p>Примечания</p></title>${notes.map(([id, text]) => `<section id="${id}"><title><p>${id.replace(/\D/g, '')}</p></title><p>${esc(text)}</p></section>`).join('')}</body>`
      : '') +
    '<binary id="cover.jpg" content-type="image/jpeg">/9j/4AAQSkZJRgABAQ==</binary>' +
    '</FictionBook>'
  );
}

/** An ODT: headings (`level`) and paragraphs, optional footnotes and meta.xml. */
export function makeOdt(
  blocks: ReadonlyArray<{ heading?: number; text: string; note?: string }>,
  options: { title?: string; author?: string; date?: string; language?: string; encrypted?: boolean; list?: string[] } = {},
): Uint8Array {
  const body = blocks
    .map((b) => {
      const note = b.note
        ? `<text:note text:id="n1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>${esc(b.note)}</text:p></text:note-body></text:note>`
        : '';
      return b.heading
        ? `<text:h text:outline-level="${b.heading}">${esc(b.text)}</text:h>`
        : `<text:p text:style-name="P1">${esc(b.text).replace(/ {2}/g, '<text:s/>')}${note}</text:p>`;
    })
    .join('');
  const list = options.list ? `<text:list>${options.list.map((i) => `<text:list-item><text:p>${esc(i)}</text:p></text:list-item>`).join('')}</text:list>` : '';
  const content =
    '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">' +
    `<office:body><office:text><text:sequence-decls><text:sequence-decl text:name="Figure"/></text:sequence-decls>${body}${list}` +
    '<office:annotation><text:p>A reviewer comment</text:p></office:annotation></office:text></office:body></office:document-content>';
  const meta =
    '<?xml version="1.0" encoding="UTF-8"?><office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"><office:meta>' +
    (options.title ? `<dc:title>${esc(options.title)}</dc:title>` : '') +
    (options.author ? `<meta:initial-creator>${esc(options.author)}</meta:initial-creator><dc:creator>Someone Else</dc:creator>` : '') +
    (options.date ? `<meta:creation-date>${esc(options.date)}</meta:creation-date>` : '') +
    (options.language ? `<dc:language>${esc(options.language)}</dc:language>` : '') +
    '</office:meta></office:document-meta>';
  const manifest =
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">' +
    '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>' +
    `<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">${options.encrypted ? '<manifest:encryption-data manifest:checksum-type="SHA1/1K"/>' : ''}</manifest:file-entry>` +
    '</manifest:manifest>';
  return zipSync({
    mimetype: strToU8('application/vnd.oasis.opendocument.text'),
    'content.xml': strToU8(content),
    'meta.xml': strToU8(meta),
    'META-INF/manifest.xml': strToU8(manifest),
    'Basic/macro.xml': strToU8('<script>Sub Main</script>'),
  });
}

/** One line of text on a PDF page: its baseline position (points, from the bottom left) and size. */
export interface PdfLine {
  x: number;
  y: number;
  text: string;
  size?: number;
}

const pdfString = (text: string) => `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;

/**
 * A minimal PDF 1.4: A4 pages of Helvetica text lines (WinAnsi: ASCII text), an Info dictionary,
 * correct cross-reference table. `encrypted`: a standard security handler whose user password is
 * not empty (the reader must ask for it). A page with `null` holds only a drawn rectangle (no text).
 */
export function makePdf(pages: ReadonlyArray<readonly PdfLine[] | null>, options: { title?: string; author?: string; encrypted?: boolean; lang?: string; xmp?: string } = {}): Uint8Array {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  add('<< /Type /Catalog /Pages 2 0 R >>'); // 1
  add(''); // 2: pages, filled below
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'); // 3
  const info: string[] = [];
  if (options.title) info.push(`/Title ${pdfString(options.title)}`);
  if (options.author) info.push(`/Author ${pdfString(options.author)}`);
  add(`<< ${info.join(' ')} /Producer (bitext tests) >>`); // 4
  if (options.xmp) {
    // The XMP packet, as a metadata stream of the catalogue.
    const packet = String.fromCharCode(...new TextEncoder().encode(options.xmp)); // UTF-8, a byte a character
    add(`<< /Type /Metadata /Subtype /XML /Length ${packet.length} >>\nstream\n${packet}\nendstream`);
    objects[0] = `<< /Type /Catalog /Pages 2 0 R /Metadata ${objects.length} 0 R${options.lang ? ` /Lang ${pdfString(options.lang)}` : ''} >>`;
  } else if (options.lang) objects[0] = `<< /Type /Catalog /Pages 2 0 R /Lang ${pdfString(options.lang)} >>`;
  const kids: number[] = [];
  for (const page of pages) {
    const content = page
      ? page.map((l) => `BT /F1 ${l.size ?? 11} Tf ${l.x} ${l.y} Td ${pdfString(l.text)} Tj ET`).join('\n')
      : '0.5 g 72 300 450 400 re f';
    add(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    const contentId = objects.length;
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${contentId} 0 R >>`);
    kids.push(objects.length);
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let encrypt = '';
  if (options.encrypted) {
    const hex = (seed: number) => Array.from({ length: 32 }, (_, k) => ((k * 37 + seed) & 0xff).toString(16).padStart(2, '0')).join('');
    add(`<< /Filter /Standard /V 1 /R 2 /O <${hex(11)}> /U <${hex(23)}> /P -44 >>`);
    encrypt = ` /Encrypt ${objects.length} 0 R`;
  }
  let out = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((body, k) => {
    offsets.push(out.length);
    out += `${k + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 4 0 R${encrypt} /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return Uint8Array.from(out, (c) => c.charCodeAt(0) & 0xff);
}

/** A rough Helvetica advance width (em) of a character: enough to wrap lines the way a PDF producer would. */
const emWidth = (c: string) =>
  /[il.,:;'|!]/.test(c) ? 0.25 : /[fjtIr ]/.test(c) ? 0.3 : /[mw]/.test(c) ? 0.83 : /[MW]/.test(c) ? 0.9 : /[A-Z]/.test(c) ? 0.68 : /[0-9]/.test(c) ? 0.556 : /[a-z]/.test(c) ? 0.54 : 0.5;
const textWidth = (text: string, size: number) => [...text].reduce((sum, c) => sum + emWidth(c), 0) * size;

/**
 * A page of a report: a running header, body paragraphs wrapped by width (first lines indented;
 * `hyphenate`: long words broken at line ends with a hyphen), a page number at the foot.
 */
export function reportPage(header: string, paragraphs: readonly string[], pageNumber: number, options: { width?: number; hyphenate?: boolean } = {}): PdfLine[] {
  const width = options.width ?? 451;
  const size = 11;
  const lines: PdfLine[] = [{ x: 72, y: 800, text: header, size: 9 }];
  let y = 760;
  for (const paragraph of paragraphs) {
    const words = paragraph.split(' ');
    let line = '';
    let first = true;
    const room = () => width - (first ? 18 : 0);
    const push = (text: string) => {
      lines.push({ x: first ? 90 : 72, y, text });
      first = false;
      y -= 14;
    };
    for (const word of words) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (line !== '' && textWidth(candidate, size) > room()) {
        if (options.hyphenate && /^[a-z]{7,}[,.]?$/.test(word)) {
          // Break the word where it still fits, leaving at least three letters on each side.
          let cut = word.length - 3;
          while (cut >= 3 && textWidth(`${line} ${word.slice(0, cut)}-`, size) > room()) cut--;
          if (cut >= 3) {
            push(`${line} ${word.slice(0, cut)}-`);
            line = word.slice(cut);
            continue;
          }
        }
        push(line);
        line = word;
      } else line = candidate;
    }
    if (line !== '') push(line);
    y -= 8; // paragraph gap
  }
  lines.push({ x: 290, y: 40, text: String(pageNumber), size: 9 });
  return lines;
}
