import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { segmentText } from '../text/segment';
import { MISSING_CHAPTER_CONFIDENCE, alignChapters, chapterLevel, chapterSpans, headingNumber, namesChapter, pairChapters } from './chapters';
import { parseEvalSet } from './evaluation';

const EVAL = fileURLToPath(new URL('./eval/', import.meta.url));
const SETS = ['manual', 'news', 'router', 'story', 'treaty'].map((name) => parseEvalSet(name, readFileSync(`${EVAL}${name}.txt`, 'utf8')));

interface Chapter {
  heading: string;
  paragraphs: string[];
}

/**
 * Chapters of a book in both languages from the evaluation sets: chapter k takes a run of the
 * set's gold beads (so the two sides are each other's translation), a paragraph every two beads.
 * Lengths differ from chapter to chapter, as in a book.
 */
function book(count: number, headings: (k: number) => { en: string; ru: string }): { en: Chapter[]; ru: Chapter[] } {
  const en: Chapter[] = [];
  const ru: Chapter[] = [];
  for (let k = 0; k < count; k++) {
    const set = SETS[k % SETS.length]!;
    const size = 2 + ((k * 7) % 9); // 2…10 paragraphs
    const from = (k * 5) % Math.max(1, set.gold.length - 2 * size);
    const beads = set.gold.slice(from, from + 2 * size).filter((b) => b.en.length > 0 && b.ru.length > 0);
    const paragraphs = (lang: 'en' | 'ru') => {
      const out: string[] = [];
      for (let b = 0; b < beads.length; b += 2) out.push(beads.slice(b, b + 2).flatMap((bead) => bead[lang].map((i) => set[lang][i]!)).join(' '));
      return out;
    };
    const h = headings(k);
    en.push({ heading: h.en, paragraphs: paragraphs('en') });
    ru.push({ heading: h.ru, paragraphs: paragraphs('ru') });
  }
  return { en, ru };
}

/** A side's document text and its headings (each chapter's heading is a level-1 heading). */
function side(chapters: readonly Chapter[]) {
  const paragraphs: string[] = [];
  const headings: Array<{ paragraph: number; level: number }> = [];
  for (const chapter of chapters) {
    headings.push({ paragraph: paragraphs.length, level: 1 });
    paragraphs.push(chapter.heading, ...chapter.paragraphs);
  }
  return { paragraphs, headings, text: `${paragraphs.join('\n\n')}\n` };
}

const numbered = (k: number) => ({ en: `Chapter ${k + 1}`, ru: `Глава ${k + 1}` });
/** Heading pairs with no number in them: only lengths (and the lexicon) can pair the chapters. */
const TITLES = [
  ['The meeting', 'Встреча'],
  ['The router', 'Маршрутизатор'],
  ['News of the day', 'Новости дня'],
  ['A long story', 'Долгая история'],
  ['The treaty', 'Договор'],
  ['Getting help', 'Как получить помощь'],
  ['The network', 'Сеть'],
  ['Security', 'Безопасность'],
];
const titled = (k: number) => ({ en: TITLES[k % TITLES.length]![0]!, ru: TITLES[k % TITLES.length]![1]! });

/** The chapter pairs as [en chapter, ru chapter] (`-` for none). */
function pairs(en: Chapter[], ru: Chapter[]): string[] {
  const [a, b] = [side(en), side(ru)];
  const spansEn = chapterSpans(a.paragraphs, a.headings);
  const spansRu = chapterSpans(b.paragraphs, b.headings);
  return pairChapters(spansEn, spansRu, a.paragraphs, b.paragraphs).map((bead) => `${bead.en.join('+') || '-'}:${bead.ru.join('+') || '-'}`);
}

describe('chapter headings', () => {
  it('the chapter level is the highest level used at least twice (a book title above is not it)', () => {
    expect(chapterLevel([{ paragraph: 0, level: 1 }, { paragraph: 1, level: 2 }, { paragraph: 5, level: 2 }, { paragraph: 6, level: 3 }])).toBe(2);
    expect(chapterLevel([{ paragraph: 0, level: 1 }])).toBeUndefined();
  });

  it('a front part before the first heading is a chapter of its own', () => {
    const spans = chapterSpans(['Preface.', 'One', 'a', 'Two', 'b'], [{ paragraph: 1, level: 1 }, { paragraph: 3, level: 1 }]);
    expect(spans).toEqual([{ start: 0, end: 1 }, { start: 1, end: 3, heading: 'One' }, { start: 3, end: 5, heading: 'Two' }]);
  });

  it('reads chapter numbers: Arabic, Roman, number words in either language', () => {
    expect(['Chapter 12. The end', 'Глава XIV', 'IV. Rules', 'Chapter Three', 'Глава третья', 'Часть первая', 'The meeting'].map(headingNumber)).toEqual([12, 14, 4, 3, 3, 1, undefined]);
  });

  it('tells a heading that names itself a chapter from a title', () => {
    const chapters = ['Chapter 1. The meeting', 'Глава третья', 'Часть I', 'IV', '12.'];
    const titles = ["Statement of the Special ASEAN-Russia Foreign Ministers' Meeting on COVID-19", 'IV. Rules', 'The 3 Musketeers', '1984', 'The meeting'];
    expect(chapters.map(namesChapter)).toEqual(chapters.map(() => true));
    expect(titles.map(namesChapter)).toEqual(titles.map(() => false));
  });
});

describe('pairing chapters', () => {
  it('pairs a book chapter by chapter', () => {
    const { en, ru } = book(12, numbered);
    expect(pairs(en, ru)).toEqual(Array.from({ length: 12 }, (_, k) => `${k}:${k}`));
  });

  it('a numbered chapter missing in the Russian is left unpaired, the rest pair up', () => {
    const { en, ru } = book(12, numbered);
    const missing = ru.filter((_, k) => k !== 4);
    const found = pairs(en, missing);
    expect(found).toContain('4:-');
    expect(found.filter((p) => !p.includes('-'))).toEqual([...Array.from({ length: 4 }, (_, k) => `${k}:${k}`), ...Array.from({ length: 7 }, (_, k) => `${k + 5}:${k + 4}`)]);
  });

  it('chapters missing on both sides, without numbers in the headings: found by lengths and headings', () => {
    const { en, ru } = book(16, titled);
    const enMissing = en.filter((_, k) => k !== 9);
    const ruMissing = ru.filter((_, k) => k !== 2);
    const found = pairs(enMissing, ruMissing);
    // English chapter 9 is gone (so English index 9 is chapter 10); Russian chapter 2 is gone.
    expect(found).toContain('2:-');
    expect(found).toContain('-:8');
    const paired = found.filter((p) => !p.includes('-')).map((p) => p.split(':').map(Number) as [number, number]);
    const chapterOf = { en: (i: number) => (i >= 9 ? i + 1 : i), ru: (j: number) => (j >= 2 ? j + 1 : j) };
    expect(paired.every(([i, j]) => chapterOf.en(i) === chapterOf.ru(j))).toBe(true);
    expect(paired).toHaveLength(14);
  });

  it('the first chapter missing on one side', () => {
    const { en, ru } = book(8, numbered);
    expect(pairs(en, ru.slice(1))).toEqual(['0:-', ...Array.from({ length: 7 }, (_, k) => `${k + 1}:${k}`)]);
  });
});

describe('alignChapters', () => {
  it('aligns inside each chapter pair; a missing chapter gives flagged one-sided rows; ids and numbers run through the document', () => {
    const { en, ru } = book(6, numbered);
    const [a, b] = [side(en), side(ru.filter((_, k) => k !== 3))];
    const aligned = alignChapters(segmentText('en', a.text), segmentText('ru', b.text), { en: a.headings, ru: b.headings });
    expect(aligned.chapters.beads.map((bead) => `${bead.en.join('+') || '-'}:${bead.ru.join('+') || '-'}`)).toEqual(['0:0', '1:1', '2:2', '3:-', '4:3', '5:4']);
    // Every paragraph of each side is in exactly one group, in order.
    expect(aligned.groups.flatMap((g) => g.en)).toEqual(a.paragraphs.map((_, k) => k));
    expect(aligned.groups.flatMap((g) => g.ru)).toEqual(b.paragraphs.map((_, k) => k));
    // Row ids are unique and name their group; numbers count up from 1.
    aligned.groups.forEach((g, k) => g.rows.forEach((row, r) => expect(row.id).toBe(`r${k}-${r}`)));
    expect(aligned.groups.map((g) => g.number)).toEqual(aligned.groups.map((_, k) => k + 1));
    // The missing chapter's English paragraphs stand alone, flagged; its heading is not paired with the next one.
    const start = a.headings[3]!.paragraph;
    const missing = aligned.groups.filter((g) => g.en.some((p) => p >= start && p < a.headings[4]!.paragraph));
    expect(missing.every((g) => g.ru.length === 0 && g.rows.every((row) => row.confidence === MISSING_CHAPTER_CONFIDENCE))).toBe(true);
    // Each chapter heading is paired with its own: "Chapter 5" with "Глава 5".
    const headingGroup = (p: number) => aligned.groups.find((g) => g.en.includes(p))!;
    const ruText = (g: { rows: Array<{ ru: Array<{ text: string }> }> }) => g.rows.flatMap((r) => r.ru.map((c) => c.text)).join(' ');
    expect(ruText(headingGroup(a.headings[4]!.paragraph))).toMatch(/^Глава 5/);
  });

  it('without chapters on both sides it is the plain aligner', () => {
    const { en, ru } = book(3, numbered);
    const [a, b] = [side(en), side(ru)];
    const aligned = alignChapters(segmentText('en', a.text), segmentText('ru', b.text), { en: a.headings, ru: [] });
    expect(aligned.chapters.beads).toEqual([{ en: [0], ru: [0] }]);
    expect(aligned.groups.flatMap((g) => g.en)).toEqual(a.paragraphs.map((_, k) => k));
  });
});
