/**
 * The bitext as a two-column DOCX table, the review format translators exchange: a header row
 * (§, English, Русский), then one row per aligned row, the paragraph number on the first row of
 * each paragraph; the reader's notes as footnotes on the row's text, or left out. Built with the
 * `docx` library (WordprocessingML, zipped with fflate; runs in Node and in a browser, no Node
 * built-in here). Each column's runs carry their language (en-GB, ru-RU) for spelling and hyphenation.
 */
import {
  AlignmentType,
  Document,
  FootnoteReferenceRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  HeadingLevel,
} from 'docx';
import type { DocumentFootnote, Lang, NotePlacement } from '../../contract/ipc';
import type { AlignedText, Clause } from '../model';
import type { BitextMeta } from './bitext';
import { type RowNote, noteLine, notesByRow } from './notes';
import { footnotesByClause } from './footnotes';

export interface DocxOptions {
  notes?: readonly RowNote[];
  placement?: NotePlacement;
  /** The source's own footnotes (`DocumentView.footnotes`): always kept, as Word footnotes at their marks in their cell. */
  footnotes?: readonly DocumentFootnote[];
}

const LANGUAGE: Record<Lang, string> = { en: 'en-GB', ru: 'ru-RU' };
/** Characters XML 1.0 forbids (a stray control character would make Word refuse the file). */
const clean = (text: string) => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[ \t\n\r]+/g, ' ').trim();
const sideText = (clauses: readonly Clause[]) => clean(clauses.map((c) => c.text).join(' '));

export async function toDocx(body: AlignedText, meta: BitextMeta, options: DocxOptions = {}): Promise<Uint8Array> {
  const footnotes: Record<number, { children: Paragraph[] }> = {};
  const byRow = options.placement === 'footnotes' ? notesByRow(options.notes ?? []) : new Map<string, RowNote[]>();
  let nextFootnote = 1;
  const book = footnotesByClause(options.footnotes);
  const footnote = (text: string, lang?: Lang) => {
    const id = nextFootnote++;
    const runs = text.split('\n').map((line) => clean(line)).filter((line) => line !== '');
    footnotes[id] = { children: runs.map((line) => new Paragraph({ children: [new TextRun({ text: line, ...(lang ? { language: { value: LANGUAGE[lang] } } : {}) })] })) };
    return new FootnoteReferenceRun(id);
  };
  /** A side's clauses as runs: the text, and a Word footnote where each of the source's marks stood. */
  const textRuns = (clauses: readonly Clause[], lang: Lang) => {
    const runs: Array<TextRun | FootnoteReferenceRun> = [];
    let text = '';
    const flush = () => {
      if (text !== '') runs.push(new TextRun({ text: text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[ \t\n\r]+/g, ' '), language: { value: LANGUAGE[lang] } }));
      text = '';
    };
    clauses.forEach((clause, i) => {
      if (i > 0) text += ' ';
      let at = 0;
      for (const m of book.get(clause.id) ?? []) {
        text += clause.text.slice(at, m.at);
        flush();
        // Word numbers its footnotes itself; a sign (`*`) the file gave leads the note's text.
        runs.push(footnote(/^\d+$/.test(m.note.label) ? m.note.text : `${m.note.label} ${m.note.text}`, lang));
        at = Math.max(at, Math.min(clause.text.length, m.at));
      }
      text += clause.text.slice(at);
    });
    flush();
    return runs;
  };
  const cell = (text: string, lang: Lang | undefined, notes: readonly RowNote[] = [], bold = false, clauses?: readonly Clause[]) => {
    const runs: Array<TextRun | FootnoteReferenceRun> =
      clauses && lang && clauses.some((c) => book.has(c.id)) ? textRuns(clauses, lang) : [new TextRun({ text, bold, ...(lang ? { language: { value: LANGUAGE[lang] } } : {}) })];
    for (const note of notes) {
      const id = nextFootnote++;
      footnotes[id] = { children: [new Paragraph({ children: [new TextRun({ text: clean(noteLine(note)) })] })] };
      runs.push(new FootnoteReferenceRun(id));
    }
    return new TableCell({ children: [new Paragraph({ children: runs })] });
  };
  const rows: TableRow[] = [
    new TableRow({ tableHeader: true, children: [cell('§', undefined, [], true), cell('English', 'en', [], true), cell('Русский', 'ru', [], true)] }),
  ];
  for (const group of body.groups) {
    group.rows.forEach((row, k) => {
      const notes = byRow.get(row.id) ?? [];
      // A note made in one column is placed there; a note on the whole row goes with the Russian (the translation).
      const en = notes.filter((n) => n.lang === 'en');
      const ru = notes.filter((n) => n.lang !== 'en');
      rows.push(
        new TableRow({
          cantSplit: false,
          children: [cell(k === 0 && group.number > 0 ? String(group.number) : '', undefined), cell(sideText(row.en), 'en', en, false, row.en), cell(sideText(row.ru), 'ru', ru, false, row.ru)],
        }),
      );
    });
  }
  const doc = new Document({
    creator: 'Bitext Reader',
    title: clean(meta.title.en),
    description: clean(meta.title.ru),
    footnotes,
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: clean(meta.title.en), language: { value: LANGUAGE.en } })] }),
          new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun({ text: clean(meta.title.ru), italics: true, language: { value: LANGUAGE.ru } })] }),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            columnWidths: [600, 4400, 4400],
            rows,
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
