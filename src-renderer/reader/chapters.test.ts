import { describe, expect, it } from 'vitest';
import type { DocumentView } from '../../src-main/contract/ipc';
import { chapterRows, currentChapter } from './chapters';
import { flattenRows } from './model';

const clause = (lang: string, p: number, text: string) => ({ id: `${lang}-p${p}-c0`, text, start: 0, end: text.length });
const group = (number: number, kind: 'title' | 'body', p: number, rows = 1) => ({
  number,
  kind,
  en: [p],
  ru: [p],
  rows: Array.from({ length: rows }, (_, r) => ({ id: `r${p}-${r}`, en: [clause('en', p, `E${p}.${r}`)], ru: [clause('ru', p, `R${p}.${r}`)], confidence: 1 })),
});
const doc = {
  manifest: {} as DocumentView['manifest'],
  stats: { paragraphs: { en: 5, ru: 5 }, clauses: { en: 5, ru: 5 }, rows: 5 },
  body: { groups: [group(0, 'title', 0), group(1, 'body', 1, 2), group(2, 'body', 2), group(3, 'body', 3, 3), group(4, 'body', 4)] },
} satisfies DocumentView;

describe('chapters in the contents', () => {
  const entries = flattenRows(doc);
  const chapters = [
    { group: 0, level: 1, en: 'Chapter 1', ru: 'Глава 1' },
    { group: 3, level: 1, en: 'Chapter 2' },
  ];

  it('a chapter starting at the title group starts at the first row after it', () => {
    expect(chapterRows(chapters, doc.body.groups, entries).map((r) => r.row)).toEqual([0, 3]);
  });

  it('the current chapter is the last one starting at or before the row read', () => {
    const rows = chapterRows(chapters, doc.body.groups, entries);
    expect([0, 2, 3, 6].map((row) => currentChapter(rows, row))).toEqual([0, 0, 1, 1]);
    expect(currentChapter(chapterRows([{ group: 3, level: 1, en: 'x' }], doc.body.groups, entries), 1)).toBeUndefined();
  });
});
