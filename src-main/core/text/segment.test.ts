import { describe, expect, it } from 'vitest';
import { classifyParagraphs, segmentText, splitClauses, splitParagraphs } from './segment';

const clauseTexts = (text: string): string[] => splitClauses(text).map((clause) => clause.text);

describe('splitParagraphs', () => {
  it('separates paragraphs at blank lines and keeps offsets into the original text', () => {
    const text = 'First line\nsame paragraph\n\n\nSecond one  \n';
    const paragraphs = splitParagraphs(text);
    expect(paragraphs.map((p) => p.text)).toEqual(['First line\nsame paragraph', 'Second one']);
    for (const p of paragraphs) expect(text.slice(p.start, p.end)).toBe(p.text);
  });

  it('treats CRLF and CR line endings and whitespace-only lines as blank separators', () => {
    const text = 'One\r\n \t \r\nTwo\r\rThree\r\nstill three';
    const paragraphs = splitParagraphs(text);
    expect(paragraphs.map((p) => p.text)).toEqual(['One', 'Two', 'Three\r\nstill three']);
    for (const p of paragraphs) expect(text.slice(p.start, p.end)).toBe(p.text);
  });

  it('ignores a leading BOM but counts it in offsets', () => {
    const paragraphs = splitParagraphs('\uFEFFTitle\n\nBody');
    expect(paragraphs).toEqual([
      { start: 1, end: 6, text: 'Title' },
      { start: 8, end: 12, text: 'Body' },
    ]);
  });

  it('finds no paragraph in an empty or whitespace-only text', () => {
    expect(splitParagraphs('')).toEqual([]);
    expect(splitParagraphs(' \n\r\n\t \n')).toEqual([]);
    expect(splitParagraphs('\uFEFF')).toEqual([]);
  });
});

describe('splitClauses', () => {
  it('splits after a semicolon followed by whitespace, keeping the semicolon', () => {
    expect(clauseTexts('STRENGTHEN cooperation; ENCOURAGE sharing; and')).toEqual([
      'STRENGTHEN cooperation;',
      'ENCOURAGE sharing;',
      'and',
    ]);
    expect(clauseTexts('a;b stays whole')).toEqual(['a;b stays whole']);
  });

  it('splits sentences only before an upper-case letter, digit or opening quote/bracket', () => {
    expect(clauseTexts('One ends. Two starts! 3 follows? «Четыре» идёт. “Five” too. (Six) ends… Seven')).toEqual([
      'One ends.',
      'Two starts!',
      '3 follows?',
      '«Четыре» идёт.',
      '“Five” too.',
      '(Six) ends…',
      'Seven',
    ]);
    expect(clauseTexts('No split. here, nor at a dash. — Or here')).toEqual(['No split. here, nor at a dash. — Or here']);
  });

  it('keeps closing quotes and brackets with the sentence they end', () => {
    expect(clauseTexts('He said «Нет.» Затем ушёл. She wrote "Yes!" Then (left.) Done')).toEqual([
      'He said «Нет.»',
      'Затем ушёл.',
      'She wrote "Yes!"',
      'Then (left.)',
      'Done',
    ]);
  });

  it('does not split after English abbreviations', () => {
    expect(
      clauseTexts('Goods, e.g. Masks, etc. Were sent by Mr. Smith and Dr. Jones under Art. 5 to the U.S. Embassy in St. Petersburg.'),
    ).toEqual(['Goods, e.g. Masks, etc. Were sent by Mr. Smith and Dr. Jones under Art. 5 to the U.S. Embassy in St. Petersburg.']);
    expect(clauseTexts('See No. 7 vs. No. 8, cf. Annex. Next sentence.')).toEqual(['See No. 7 vs. No. 8, cf. Annex.', 'Next sentence.']);
  });

  it('does not split after Russian abbreviations, with or without inner spaces', () => {
    expect(
      clauseTexts('Проведено в г. Москве 17 июня 2020 г. министрами, т. е. Сторонами, т.д. И см. Приложение, ст. 5, п. 3 и рис. 2. Конец'),
    ).toEqual(['Проведено в г. Москве 17 июня 2020 г. министрами, т. е. Сторонами, т.д. И см. Приложение, ст. 5, п. 3 и рис. 2.', 'Конец']);
    expect(clauseTexts('Сумма 5 млн. Рублей и 2 млрд. Долларов, 3 тыс. Человек, им. Пушкина. Далее')).toEqual([
      'Сумма 5 млн. Рублей и 2 млрд. Долларов, 3 тыс. Человек, им. Пушкина.',
      'Далее',
    ]);
  });

  it('ends a sentence after the г. of a year when a capital follows', () => {
    expect(clauseTexts('Договор подписан 17 июня 2020 г. Он вступил в силу в 2019–2021 гг. Далее')).toEqual([
      'Договор подписан 17 июня 2020 г.',
      'Он вступил в силу в 2019–2021 гг.',
      'Далее',
    ]);
    expect(clauseTexts('Встреча прошла в 2020 г. в Москве.')).toEqual(['Встреча прошла в 2020 г. в Москве.']);
  });

  it('knows more abbreviations and German-style quotes', () => {
    expect(clauseTexts('Prof. Smith of Acme Inc. Met Dr. Lee at 5 p.m. Today. Then left.')).toEqual([
      'Prof. Smith of Acme Inc. Met Dr. Lee at 5 p.m. Today.',
      'Then left.',
    ]);
    expect(clauseTexts('Он сказал: „Да.“ Потом ушёл, и др. Люди тоже. Проф. Иванов, ул. Ленина, д. 5. Конец')).toEqual([
      'Он сказал: „Да.“',
      'Потом ушёл, и др. Люди тоже.',
      'Проф. Иванов, ул. Ленина, д. 5.',
      'Конец',
    ]);
  });

  it('keeps ellipses, brackets and list items sensible', () => {
    expect(clauseTexts('Wait... Then go. [Note.] Done')).toEqual(['Wait...', 'Then go.', '[Note.]', 'Done']);
    expect(clauseTexts('Итак… «Что дальше?» — спросил он.')).toEqual(['Итак…', '«Что дальше?» — спросил он.']);
  });

  it('does not split after initials', () => {
    expect(clauseTexts('Стихи А. С. Пушкина. Книга J. R. R. Tolkien. Конец')).toEqual([
      'Стихи А. С. Пушкина.',
      'Книга J. R. R. Tolkien.',
      'Конец',
    ]);
  });

  it('does not split inside or after section numbers, decimals or a leading list number', () => {
    expect(clauseTexts('1. The Parties agree. See section 1.2.3. It grew by 3.5. Percent')).toEqual([
      '1. The Parties agree.',
      'See section 1.2.3. It grew by 3.5. Percent',
    ]);
    expect(clauseTexts('It happened in 2020. The end')).toEqual(['It happened in 2020.', 'The end']);
  });

  it('returns offsets into the paragraph and leaves inter-clause whitespace out', () => {
    const text = 'First.  Second;\n third';
    const clauses = splitClauses(text);
    expect(clauses).toEqual([
      { start: 0, end: 6, text: 'First.' },
      { start: 8, end: 15, text: 'Second;' },
      { start: 17, end: 22, text: 'third' },
    ]);
  });
});

describe('classifyParagraphs', () => {
  it('marks title, preamble before the first operative paragraph, operative and body after', () => {
    expect(
      classifyParagraphs(['Statement', 'Recalling x,', 'STRENGTHEN y;', 'FURTHER DISCUSS z;', 'Done.', 'УКРЕПЛЯТЬ w'], {
        firstParagraphIsTitle: true,
        preambleAndOperative: true,
      }),
    ).toEqual(['title', 'preamble', 'operative', 'operative', 'body', 'operative']);
  });

  it('has no preamble in a document without operative paragraphs', () => {
    expect(classifyParagraphs(['A story.', 'It goes on.'], { firstParagraphIsTitle: false })).toEqual(['body', 'body']);
  });

  it('needs a first word of two or more upper-case letters only', () => {
    expect(
      classifyParagraphs(['I went.', 'COVID-19 spread.', 'ADMM-Plus met.', '«ПООЩРЯТЬ» обмен', 'WELCOME, all'], {
        firstParagraphIsTitle: false,
        preambleAndOperative: true,
      }),
    ).toEqual(['preamble', 'preamble', 'preamble', 'operative', 'operative']);
  });

  it('never guesses the parts from capitals when the manifest does not say the document has them', () => {
    // The software manual: "IRC such as #debian-mentors." is no operative paragraph.
    const manual = ['Getting help', 'Ask on the mailing list.', 'IRC such as #debian-mentors.', 'FAQ entries follow.'];
    expect(classifyParagraphs(manual, { firstParagraphIsTitle: true })).toEqual(['title', 'body', 'body', 'body']);
    expect(segmentText('en', manual.join('\n\n')).paragraphs.map((p) => p.kind)).toEqual(['body', 'body', 'body', 'body']);
  });
});

describe('segmentText', () => {
  it('keeps the paragraphs it is told to (headings) whole', () => {
    const segmented = segmentText('en', 'Chapter 1. The meeting\n\nThey met. They talked.', { wholeParagraphs: [0] });
    expect(segmented.paragraphs.map((p) => p.clauses.map((c) => c.text))).toEqual([['Chapter 1. The meeting'], ['They met.', 'They talked.']]);
  });

  it('gives clause ids and offsets into the whole text', () => {
    const text = '\uFEFFЗаявление\r\n\r\nМы, министры, провели встречу. Обсудили; решили.\r\n\r\nУКРЕПЛЯТЬ сотрудничество;';
    const segmented = segmentText('ru', text, { firstParagraphIsTitle: true, preambleAndOperative: true });
    expect(segmented.lang).toBe('ru');
    expect(segmented.paragraphs.map((p) => p.kind)).toEqual(['title', 'preamble', 'operative']);
    expect(segmented.paragraphs.map((p) => p.clauses.map((c) => c.id))).toEqual([
      ['ru-p0-c0'],
      ['ru-p1-c0', 'ru-p1-c1', 'ru-p1-c2'],
      ['ru-p2-c0'],
    ]);
    for (const paragraph of segmented.paragraphs) {
      for (const clause of paragraph.clauses) expect(text.slice(clause.start, clause.end)).toBe(clause.text);
      expect(paragraph.start).toBe(paragraph.clauses[0]!.start);
      expect(paragraph.end).toBe(paragraph.clauses.at(-1)!.end);
    }
    expect(segmented.paragraphs[1]!.clauses.map((c) => c.text)).toEqual(['Мы, министры, провели встречу.', 'Обсудили;', 'решили.']);
  });

  it('gives an empty text no paragraphs', () => {
    expect(segmentText('en', '').paragraphs).toEqual([]);
    expect(segmentText('en', '  \n\n ').paragraphs).toEqual([]);
  });
});
