/**
 * The print (and PDF) of a document side by side, as one self-contained HTML page: a table with
 * one row per aligned row, so the two columns stay level across pages; the paragraph number on
 * each paragraph's first row; the reader's notes as numbered footnotes after the table, or left
 * out. Every text is escaped; each column carries its `lang` (hyphenation, spelling, the right
 * fonts). The page has its own print CSS and loads nothing (no script, no image, no web font). Pure.
 */
import type { DocumentFootnote, Lang, NotePlacement, UiLanguage } from '../../contract/ipc';
import type { AlignedText, Clause } from '../model';
import type { BitextMeta } from './bitext';
import { type RowNote, noteLine, notesByRow } from './notes';
import { footnotesByClause } from './footnotes';

/** What prints a page and makes its PDF (Electron: a hidden window, `src-main/electron/print.ts`). */
export interface Printer {
  /** The page as a PDF (A4, backgrounds, the page's own CSS). */
  toPdf(html: string): Promise<Uint8Array>;
  /** The system print dialog; `false` when the reader cancelled. */
  print(html: string): Promise<boolean>;
}

export interface PrintOptions {
  notes?: readonly RowNote[];
  placement?: NotePlacement;
  /** The language of the page's own words (column headings, "Notes"). */
  uiLanguage?: UiLanguage;
  /** The paragraph-number column (default: shown). */
  numbers?: boolean;
  /** The source's own footnotes (`DocumentView.footnotes`): always printed, each below its row in its column. */
  footnotes?: readonly DocumentFootnote[];
}

/** Text for HTML content and attribute values. */
export function htmlEscape(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const WORDS: Record<UiLanguage, { number: string; en: string; ru: string; notes: string; unplaced: string }> = {
  en: { number: '§', en: 'English', ru: 'Russian', notes: 'Your notes', unplaced: 'Footnotes with no mark in the text' },
  ru: { number: '§', en: 'Английский', ru: 'Русский', notes: 'Ваши заметки', unplaced: 'Сноски без знака в тексте' },
};

export const PRINT_CSS = `
@page { size: A4; margin: 18mm 15mm 20mm; }
* { box-sizing: border-box; }
html { font-family: "Literata", "PT Serif", "Noto Serif", "DejaVu Serif", Georgia, serif; font-size: 10.5pt; line-height: 1.4; color: #000; background: #fff; }
body { margin: 0; }
h1 { font-size: 15pt; margin: 0 0 2pt; }
.subtitle { font-style: italic; margin: 0 0 10pt; }
table.bitext { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.bitext thead { display: table-header-group; }
table.bitext th { text-align: left; font-size: 9pt; border-bottom: 1pt solid #000; padding: 2pt 4pt; }
table.bitext td { vertical-align: top; padding: 3pt 4pt; border-bottom: 0.4pt solid #bbb; hyphens: auto; overflow-wrap: anywhere; }
table.bitext tr { break-inside: avoid; page-break-inside: avoid; }
table.bitext tr.paragraph-start td { border-top: 0.8pt solid #666; }
col.number { width: 2.2em; }
td.number { color: #444; font-variant-numeric: tabular-nums; text-align: right; padding-right: 6pt; }
sup.ref { font-size: 7pt; line-height: 0; }
section.notes { margin-top: 12pt; border-top: 0.6pt solid #000; font-size: 9pt; }
section.notes h2 { font-size: 10pt; margin: 6pt 0 3pt; }
section.notes ol { margin: 0; padding-left: 2em; }
section.notes li { break-inside: avoid; }
sup.fn { font-size: 7pt; line-height: 0; vertical-align: super; }
.book-notes { margin-top: 3pt; font-size: 8pt; line-height: 1.3; hyphens: auto; }
.book-notes::before { content: ""; display: block; width: 6em; border-top: 0.5pt solid #000; margin-bottom: 2pt; }
.book-notes p { margin: 0 0 1pt; }
.book-notes sup.fn { font-size: 6pt; }
section.unplaced { margin-top: 12pt; font-size: 9pt; }
section.unplaced h2 { font-size: 10pt; margin: 6pt 0 3pt; }
section.unplaced p { margin: 0 0 2pt; }
`;

/** White space as one space (a verse's line breaks too: a cell is one paragraph). */
const flat = (text: string) => text.replace(/[ \t\n\r]+/g, ' ');

export function printHtml(body: AlignedText, meta: BitextMeta, options: PrintOptions = {}): string {
  const words = WORDS[options.uiLanguage ?? 'en'];
  const numbered = options.numbers !== false;
  const byRow = options.placement === 'footnotes' ? notesByRow(options.notes ?? []) : new Map<string, RowNote[]>();
  const footnotes: string[] = [];
  const refs = (notes: readonly RowNote[]) =>
    notes
      .map((n) => {
        footnotes.push(noteLine(n));
        const k = footnotes.length;
        return `<sup class="ref"><a href="#note-${k}" id="ref-${k}">[${k}]</a></sup>`;
      })
      .join('');
  // The source's own footnotes: the mark where it stood, the note under the row's text in its cell
  // (a row never breaks across pages, so a note is always on its mark's page).
  const book = footnotesByClause(options.footnotes);
  const mark = (label: string) => `<sup class="fn">${htmlEscape(label)}</sup>`;
  const clauseHtml = (clause: Clause, below: DocumentFootnote[]) => {
    const marks = book.get(clause.id);
    if (!marks) return htmlEscape(flat(clause.text));
    let out = '';
    let at = 0;
    for (const m of marks) {
      out += htmlEscape(clause.text.slice(at, m.at)) + mark(m.note.label);
      below.push(m.note);
      at = m.at;
    }
    return flat(out + htmlEscape(clause.text.slice(at)));
  };
  const cellOf = (lang: Lang, clauses: readonly Clause[], notes: readonly RowNote[]) => {
    const below: DocumentFootnote[] = [];
    const text = clauses.map((c) => clauseHtml(c, below)).join(' ').trim();
    const bookNotes = below.length > 0 ? `<div class="book-notes">${below.map((n) => `<p>${mark(n.label)} ${htmlEscape(flat(n.text))}</p>`).join('')}</div>` : '';
    return `<td lang="${lang}" class="${lang}">${text}${refs(notes)}${bookNotes}</td>`;
  };
  const rows: string[] = [];
  for (const group of body.groups) {
    group.rows.forEach((row, k) => {
      const notes = byRow.get(row.id) ?? [];
      const number = k === 0 && group.number > 0 ? String(group.number) : '';
      rows.push(
        `<tr id="${htmlEscape(row.id)}"${k === 0 ? ' class="paragraph-start"' : ''}>${numbered ? `<td class="number">${number}</td>` : ''}` +
          cellOf('en', row.en, notes.filter((n) => n.lang === 'en')) +
          cellOf('ru', row.ru, notes.filter((n) => n.lang !== 'en')) +
          '</tr>',
      );
    });
  }
  const notesSection =
    footnotes.length > 0
      ? `<section class="notes"><h2>${words.notes}</h2><ol>${footnotes.map((text, k) => `<li id="note-${k + 1}">${htmlEscape(text)}</li>`).join('')}</ol></section>`
      : '';
  // Notes the file gave no reference to: after the text, by side.
  const unplaced = (['en', 'ru'] as const)
    .map((lang) => {
      const notes = (options.footnotes ?? []).filter((n) => n.lang === lang && n.clauseId === undefined);
      return notes.length > 0 ? `<div lang="${lang}">${notes.map((n) => `<p>${mark(n.label)} ${htmlEscape(flat(n.text))}</p>`).join('')}</div>` : '';
    })
    .join('');
  const unplacedSection = unplaced ? `<section class="unplaced"><h2>${words.unplaced}</h2>${unplaced}</section>` : '';
  return (
    '<!DOCTYPE html>\n' +
    `<html lang="${options.uiLanguage ?? 'en'}"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">` +
    `<title>${htmlEscape(meta.title.en)}</title><style>${PRINT_CSS}</style></head><body>` +
    `<h1 lang="en">${htmlEscape(meta.title.en)}</h1><p class="subtitle" lang="ru">${htmlEscape(meta.title.ru)}</p>` +
    `<table class="bitext"><colgroup>${numbered ? '<col class="number">' : ''}<col><col></colgroup>` +
    `<thead><tr>${numbered ? `<th>${words.number}</th>` : ''}<th lang="en">${words.en}</th><th lang="ru">${words.ru}</th></tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table>${unplacedSection}${notesSection}</body></html>\n`
  );
}
