import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DocumentView } from '../../src-main/contract/ipc';
import { DocumentLibrary } from '../../src-main/core/documents/library';
import { pairAsMarkdown, pairAsText } from './copy';
import { flattenRows, paragraphStarts, SearchIndex } from './model';

const root = new URL('../../', import.meta.url);
const doc: DocumentView = await new DocumentLibrary(new URL('resources/documents', root).pathname).open('asean-russia-covid19-2020');
const fixture = JSON.parse(
  readFileSync(new URL('src-main/core/align/fixtures/asean-russia-covid19-2020.alignment.json', root), 'utf8'),
) as { groups: Array<{ kind: string; rows: unknown[] }> };

describe('flattenRows', () => {
  const entries = flattenRows(doc);

  it('lists every row but the title, in order, with running indexes', () => {
    const bodyRows = fixture.groups.filter((g) => g.kind !== 'title').reduce((n, g) => n + g.rows.length, 0);
    expect(entries).toHaveLength(bodyRows);
    expect(entries.map((e) => e.index)).toEqual(entries.map((_, i) => i));
  });

  it('marks where paragraphs and parts begin', () => {
    expect(entries[0]!.partStart).toBe('preamble');
    expect(entries.filter((e) => e.partStart).map((e) => e.partStart)).toEqual(['preamble', 'operative']);
    expect(paragraphStarts(entries)).toHaveLength(fixture.groups.length - 1);
    for (const e of entries) expect(e.firstInGroup).toBe(e.group.rows[0] === e.row);
  });
});

describe('a document without parts', () => {
  it('gets no part heading (a plain text is not headed “Text”), and its chapter headings are marked', () => {
    const plain: DocumentView = { ...doc, body: { groups: doc.body.groups.map((g) => ({ ...g, kind: g.kind === 'title' ? g.kind : ('body' as const) })) } };
    const withChapters: DocumentView = { ...plain, chapters: [{ group: 1, level: 1, en: 'x' }, { group: 3, level: 1, en: 'y' }] };
    const entries = flattenRows(withChapters);
    expect(entries.filter((e) => e.partStart)).toEqual([]);
    expect(entries.filter((e) => e.chapterHeading).map((e) => e.group)).toEqual([withChapters.body.groups[1], withChapters.body.groups[3]].flatMap((g) => g!.rows.map(() => g)));
  });
});

describe('SearchIndex', () => {
  const entries = flattenRows(doc);
  const index = new SearchIndex(entries);

  it('finds a term in both languages and reports clause offsets', () => {
    const hits = index.search('Vladivostok');
    expect(hits.length).toBeGreaterThan(0);
    const ru = index.search('Владивосток');
    expect(ru.length).toBeGreaterThan(0);
    const hit = ru[0]!;
    const clause = entries[hit.rowIndex]!.row.ru.find((c) => c.id === hit.clauseId)!;
    expect(clause.text.slice(hit.start, hit.end)).toBe('Владивостоке'.slice(0, 11));
  });

  it('finds ё-words typed with е and returns hits in reading order', () => {
    const hits = index.search('партнерства');
    expect(hits.length).toBeGreaterThan(0);
    const rows = hits.map((h) => h.rowIndex);
    expect([...rows].sort((a, b) => a - b)).toEqual(rows);
  });

  it('returns nothing for an empty query or an absent word', () => {
    expect(index.search('')).toEqual([]);
    expect(index.search('zzzzqqq')).toEqual([]);
  });
});

describe('copying a row', () => {
  const row = flattenRows(doc)[0]!.row;
  it('as text: English, blank line, Russian', () => {
    const text = pairAsText(row);
    expect(text.split('\n\n')).toHaveLength(2);
    expect(text.startsWith('We, the Foreign Ministers')).toBe(true);
    expect(text).toContain('Мы, министры');
  });

  it('as a Markdown table with pipes escaped', () => {
    const md = pairAsMarkdown({ ...row, en: [{ ...row.en[0]!, text: 'a | b' }] }, 1, { en: 'English', ru: 'Russian' });
    expect(md.split('\n')[0]).toBe('| ¶ | English | Russian |');
    expect(md).toContain('| 1 | a \\| b |');
  });
});
