/**
 * The chapters a document lists in its contents panel, from each side's headings (kept in an
 * imported document's manifest) and its aligned body: a chapter starts at the group that holds a
 * chapter heading (`chapterStarts`: the chapter level and above); the English and Russian headings
 * in one group are one chapter with a heading in each language. Computed from the body as opened,
 * so it follows the reader's corrections. Pure: no Electron, no Node APIs.
 */
import type { DocumentChapter } from '../../contract/ipc';
import { type HeadingMark, chapterStarts } from '../align/chapters';
import type { AlignedText, Lang } from '../model';

/** The most of a heading shown in the contents. */
const MAX_HEADING = 300;

const CLAUSE_ID = /^(en|ru)-p(\d+)-c\d+$/;

/** Chapters in reading order, or undefined when neither side has chapter headings. */
export function documentChapters(body: AlignedText, headings: Partial<Record<Lang, readonly HeadingMark[]>>): DocumentChapter[] | undefined {
  const paragraphs = (lang: Lang) => body.groups.reduce((n, g) => Math.max(n, ...g[lang].map((p) => p + 1)), 0);
  const starts = {
    en: new Map((headings.en ? chapterStarts(headings.en, paragraphs('en')) : []).map((p) => [p, headings.en!.find((h) => h.paragraph === p)!.level])),
    ru: new Map((headings.ru ? chapterStarts(headings.ru, paragraphs('ru')) : []).map((p) => [p, headings.ru!.find((h) => h.paragraph === p)!.level])),
  };
  if (starts.en.size === 0 && starts.ru.size === 0) return undefined;
  // The heading paragraphs' text, from their clauses.
  const text: Record<Lang, Map<number, string[]>> = { en: new Map(), ru: new Map() };
  for (const group of body.groups) {
    for (const row of group.rows) {
      for (const lang of ['en', 'ru'] as const) {
        for (const clause of row[lang]) {
          const m = CLAUSE_ID.exec(clause.id);
          const paragraph = m ? Number(m[2]) : -1;
          if (!starts[lang].has(paragraph)) continue;
          const parts = text[lang].get(paragraph) ?? [];
          parts.push(clause.text);
          text[lang].set(paragraph, parts);
        }
      }
    }
  }
  const heading = (lang: Lang, paragraph: number) => {
    const joined = (text[lang].get(paragraph) ?? []).join(' ').trim();
    return joined.length > MAX_HEADING ? `${joined.slice(0, MAX_HEADING - 1)}…` : joined;
  };
  const chapters: DocumentChapter[] = [];
  body.groups.forEach((group, index) => {
    const en = group.en.find((p) => starts.en.has(p));
    const ru = group.ru.find((p) => starts.ru.has(p));
    if (en === undefined && ru === undefined) return;
    const levels = [en === undefined ? undefined : starts.en.get(en), ru === undefined ? undefined : starts.ru.get(ru)].filter((l): l is number => l !== undefined);
    const enHeading = en === undefined ? '' : heading('en', en);
    const ruHeading = ru === undefined ? '' : heading('ru', ru);
    chapters.push({ group: index, level: Math.min(...levels), ...(enHeading ? { en: enHeading } : {}), ...(ruHeading ? { ru: ruHeading } : {}) });
  });
  return chapters.length > 0 ? chapters : undefined;
}
