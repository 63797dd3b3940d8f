/** Shared by the import and library tests: the bundled statement, and small file builders. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { ImportError } from './errors';

const DIR = fileURLToPath(new URL('../../../resources/documents/asean-russia-covid19-2020/', import.meta.url));
export const STATEMENT = {
  en: readFileSync(`${DIR}en.txt`, 'utf8'),
  ru: readFileSync(`${DIR}ru.txt`, 'utf8'),
};

const xmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A minimal .docx: one `w:p` per paragraph (optionally a macro part, which must be ignored). */
export function makeDocx(paragraphs: readonly string[], options: { macro?: boolean } = {}): Uint8Array {
  const body = paragraphs
    .map((p) => `<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:r><w:t xml:space="preserve">${xmlText(p)}</w:t></w:r></w:p>`)
    .join('');
  const document =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
    body +
    '<w:sectPr/></w:body></w:document>';
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(document),
  };
  if (options.macro) files['word/vbaProject.bin'] = strToU8('Attribute VB_Name = "Evil"\nSub AutoOpen()\nEnd Sub');
  return zipSync(files);
}

/** The first `n` paragraphs of a text (the statement is short, but tests want it shorter). */
export function firstParagraphs(text: string, n: number): string {
  return `${text.trim().split(/\n\s*\n/).slice(0, n).join('\n\n')}\n`;
}

/** Runs something that must refuse its input; returns the refusal (anything else is rethrown). */
export function refusal(run: () => unknown): ImportError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('not refused');
}
