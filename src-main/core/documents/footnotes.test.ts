import { describe, expect, it } from 'vitest';
import { alignText } from '../align/align';
import { segmentText } from '../text/segment';
import { documentFootnotes } from './footnotes';

const texts = {
  en: 'Chapter one\n\nIt was a bright cold day. The clocks were striking thirteen.\n\nThe end.\n',
  ru: 'Глава первая\n\nБыл ясный холодный день. Часы пробили тринадцать.\n\nКонец.\n',
};
const body = alignText(segmentText('en', texts.en), segmentText('ru', texts.ru));
const clause = (id: string) => body.groups.flatMap((g) => g.rows.flatMap((r) => [...r.en, ...r.ru])).find((c) => c.id === id)!;

describe('the source’s footnotes in the aligned body', () => {
  it('stand at the clause and offset of their mark, each side on its own', () => {
    const notes = documentFootnotes(body, texts, {
      en: [{ label: '1', paragraph: 1, offset: 'It was a bright cold day. The clocks'.length, text: 'A note on clocks.' }],
      ru: [{ label: '*', paragraph: 1, offset: 'Был ясный'.length, text: 'Примечание.' }],
    });
    expect(notes).toEqual([
      { lang: 'en', label: '1', text: 'A note on clocks.', clauseId: 'en-p1-c1', at: 'The clocks'.length },
      { lang: 'ru', label: '*', text: 'Примечание.', clauseId: 'ru-p1-c0', at: 'Был ясный'.length },
    ]);
    expect(clause('en-p1-c1').text.slice(0, notes![0]!.at)).toBe('The clocks');
  });

  it('a mark between two sentences goes after the first; one with no offset after the paragraph', () => {
    const notes = documentFootnotes(body, texts, {
      en: [
        { paragraph: 1, offset: 'It was a bright cold day.'.length, text: 'Between.' },
        { paragraph: 2, text: 'At the end.' },
      ],
    });
    expect(notes).toEqual([
      { lang: 'en', label: '1', text: 'Between.', clauseId: 'en-p1-c0', at: 'It was a bright cold day.'.length },
      { lang: 'en', label: '2', text: 'At the end.', clauseId: 'en-p2-c0', at: 'The end.'.length },
    ]);
  });

  it('a note with no reference, or a paragraph or offset past the text, is kept with no place or at the end; an empty one is left out', () => {
    const notes = documentFootnotes(body, texts, {
      ru: [
        { label: 'Примечание переводчика', text: 'Без ссылки.' },
        { paragraph: 99, text: 'Абзаца нет.' },
        { paragraph: 2, offset: 10_000, text: 'Далеко.' },
        { paragraph: 1, text: '   ' },
      ],
    });
    expect(notes).toEqual([
      { lang: 'ru', label: '1', text: 'Без ссылки.' },
      { lang: 'ru', label: '2', text: 'Абзаца нет.' },
      { lang: 'ru', label: '3', text: 'Далеко.', clauseId: 'ru-p2-c0', at: 'Конец.'.length },
    ]);
    expect(documentFootnotes(body, texts, {})).toBeUndefined();
  });
});
