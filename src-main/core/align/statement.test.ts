import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { AlignedText, ParagraphKind, SegmentedText } from '../model';
import { segmentText } from '../text/segment';
import { alignText } from './align';

interface FixtureGroup {
  number: number;
  kind: ParagraphKind;
  rows: { en: string[]; ru: string[] }[];
}

const root = fileURLToPath(new URL('../../..', import.meta.url));
const read = (path: string): string => readFileSync(`${root}${path}`, 'utf8');
const documentDir = 'resources/documents/asean-russia-covid19-2020';
const fixture = JSON.parse(read('src-main/core/align/fixtures/asean-russia-covid19-2020.alignment.json')) as {
  groups: FixtureGroup[];
};
const english = segmentText('en', read(`${documentDir}/en.txt`), { firstParagraphIsTitle: true, preambleAndOperative: true });
const russian = segmentText('ru', read(`${documentDir}/ru.txt`), { firstParagraphIsTitle: true, preambleAndOperative: true });

const render = (aligned: AlignedText): FixtureGroup[] =>
  aligned.groups.map((group) => ({
    number: group.number,
    kind: group.kind,
    rows: group.rows.map((row) => ({ en: row.en.map((c) => c.text), ru: row.ru.map((c) => c.text) })),
  }));

/** The text without one clause (and without its paragraph if that was the paragraph's only clause). */
function withoutClause(text: SegmentedText, id: string): SegmentedText {
  return {
    ...text,
    paragraphs: text.paragraphs
      .map((paragraph) => ({ ...paragraph, clauses: paragraph.clauses.filter((clause) => clause.id !== id) }))
      .filter((paragraph) => paragraph.clauses.length > 0),
  };
}

function clauseText(text: SegmentedText, id: string): string {
  const clause = text.paragraphs.flatMap((paragraph) => paragraph.clauses).find((c) => c.id === id);
  if (!clause) throw new Error(`no clause ${id}`);
  return clause.text;
}

describe('the ASEAN–Russia COVID-19 statement', () => {
  it('aligns exactly as the hand-checked fixture', () => {
    expect(render(alignText(english, russian))).toEqual(fixture.groups);
  });

  it('keeps ids and offsets consistent in the aligned output', () => {
    const aligned = alignText(english, russian);
    aligned.groups.forEach((group, g) =>
      group.rows.forEach((row, r) => {
        expect(row.id).toBe(`r${g}-${r}`);
        expect(row.confidence).toBeGreaterThanOrEqual(0);
        expect(row.confidence).toBeLessThanOrEqual(1);
      }),
    );
    const used = (lang: 'en' | 'ru'): string[] => aligned.groups.flatMap((g) => g.rows.flatMap((r) => r[lang].map((c) => c.id)));
    expect(used('en')).toEqual(english.paragraphs.flatMap((p) => p.clauses.map((c) => c.id)));
    expect(used('ru')).toEqual(russian.paragraphs.flatMap((p) => p.clauses.map((c) => c.id)));
  });

  // Mutation checks: with one clause taken out of one side, the aligner must leave its counterpart on
  // a row of its own at the same place and change nothing else. Cases: first, middle and last clause
  // of a paragraph, whole paragraphs (preamble and operative), on either side, and the second English
  // clause of each 2-1 row.
  it.each([
    ['ru', 'ru-p14-c1'],
    ['ru', 'ru-p10-c1'],
    ['ru', 'ru-p19-c0'],
    ['ru', 'ru-p23-c0'],
    ['ru', 'ru-p3-c0'],
    ['en', 'en-p14-c2'],
    ['en', 'en-p10-c0'],
    ['en', 'en-p2-c0'],
    ['en', 'en-p31-c0'],
    ['en', 'en-p21-c1'],
    ['en', 'en-p5-c1'],
  ] as const)('leaves a one-sided row where %s clause %s is missing, and changes nothing else', (side, id) => {
    const removed = clauseText(side === 'en' ? english : russian, id);
    const aligned =
      side === 'en' ? alignText(withoutClause(english, id), russian) : alignText(english, withoutClause(russian, id));
    const expected = fixture.groups.map((group) => ({
      ...group,
      rows: group.rows.map((row) => ({ ...row, [side]: row[side].filter((text) => text !== removed) })),
    }));
    expect(render(aligned)).toEqual(expected);
  });
});
