import { describe, expect, it } from 'vitest';
import { segmentText } from '../text/segment';
import { CONTINUES_CLAUSE, CONTINUES_CUT, alignSequences, alignText, continuations, isHeadingLike } from './align';
import { extractAnchors } from './anchors';
import { ALL_CLAUSE_BEAD_SHAPES } from './cost';
import { scoreMultiple } from './evaluation';

/** Filler of about `length` characters (words of a fixed alphabet), optionally around a marker. */
function filler(length: number, lang: 'en' | 'ru', marker = ''): string {
  const words = lang === 'en' ? ['cooperation', 'regional', 'health', 'the', 'and', 'measures'] : ['сотрудничество', 'региональный', 'здоровье', 'и', 'меры', 'в'];
  let text = marker;
  for (let k = 0; text.length < length; k++) text += (text ? ' ' : '') + words[k % words.length];
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}
const en = (length: number, marker = ''): string => filler(length, 'en', marker);
const ru = (length: number, marker = ''): string => filler(Math.round(length * 1.1), 'ru', marker);

/** The English→Russian length ratio of `en`/`ru`: with units missing, a small pair cannot estimate it. */
const RATIO = { ratio: 1.1 };

const shapes = (beads: ReturnType<typeof alignSequences>): string[] =>
  beads.map((bead) => `${bead.en.join('+') || '-'}:${bead.ru.join('+') || '-'}`);

describe('alignSequences', () => {
  it('pairs sentences of matching lengths one to one', () => {
    const beads = alignSequences([en(120), en(40), en(300), en(80)], [ru(120), ru(40), ru(300), ru(80)]);
    expect(shapes(beads)).toEqual(['0:0', '1:1', '2:2', '3:3']);
    for (const bead of beads) expect(bead.confidence).toBeGreaterThan(0.5);
  });

  it('joins two Russian sentences that translate one English sentence (1-2)', () => {
    const beads = alignSequences([en(150), en(260), en(90)], [ru(150), ru(140), ru(120), ru(90)]);
    expect(shapes(beads)).toEqual(['0:0', '1:1+2', '2:3']);
  });

  it('joins two English sentences translated as one Russian sentence (2-1)', () => {
    const beads = alignSequences([en(150), en(130), en(120), en(90)], [ru(150), ru(250), ru(90)]);
    expect(shapes(beads)).toEqual(['0:0', '1+2:1', '3:2']);
  });

  it('leaves an untranslated English sentence on its own (1-0)', () => {
    const beads = alignSequences([en(150), en(300, 'In 1999'), en(120)], [ru(150), ru(120)], RATIO);
    expect(shapes(beads)).toEqual(['0:0', '1:-', '2:1']);
  });

  it('leaves a Russian sentence without source on its own (0-1)', () => {
    const beads = alignSequences([en(150), en(120)], [ru(150), ru(300, 'В 1999'), ru(120)], RATIO);
    expect(shapes(beads)).toEqual(['0:0', '-:1', '1:2']);
  });

  // Omissions made cheap, so that the dynamic programme leaves a short added clause alone.
  const cheap = ALL_CLAUSE_BEAD_SHAPES.map((shape) => (shape.en === 0 || shape.ru === 0 ? { ...shape, prior: 1 } : shape));
  const port = {
    en: [
      'Traffic through the northern port grew by a third last year, its managers report.',
      'The causes, they say, are a lack of ships built for ice and the cost of insurance.',
      'Freight rates on the route fell sharply during the winter months, analysts report.',
    ],
    ru: [
      'Грузооборот северного порта за прошлый год вырос на треть, сообщает его руководство.',
      'Причинами они называют нехватку судов для льда и дорогую страховку.',
      'Так сказали и они.',
      'Ставки фрахта на этом направлении резко снизились в зимние месяцы, сообщают аналитики.',
    ],
  };

  it('joins a lone unit to the neighbour whose other side holds its anchors, and only then', () => {
    // The pass after the dynamic programme joins the clause to the bead whose English holds the
    // clause's one anchor (the lexicon's "say", «сказали»), which the bead's Russian misses.
    expect(shapes(alignSequences(port.en, port.ru, { shapes: cheap, attachCovered: false }))).toEqual(['0:0', '1:1', '-:2', '2:3']);
    expect(shapes(alignSequences(port.en, port.ru, { shapes: cheap }))).toEqual(['0:0', '1:1+2', '2:3']);
    // A clause none of whose anchors the neighbour misses stays alone.
    const other = port.ru.with(2, 'Экологи критикуют этот проект.');
    expect(shapes(alignSequences(port.en, other, { shapes: cheap }))).toEqual(['0:0', '1:1', '-:2', '2:3']);
  });

  it('does not join a lone unit on one word that recurs through the text', () => {
    // Every sentence says "say" (говорят): the neighbour covers all of the clause's anchors, but they
    // weigh almost nothing (ATTACH_MIN_WEIGHT). So a sentence the translator added, whose one word
    // the lexicon matches («сказали»), stays a row of its own.
    const said = {
      en: port.en.map((text) => text.replace(/report\.$/u, 'say.')),
      ru: port.ru.map((text) => text.replace('сообщает его руководство', 'говорят его руководители').replace('сообщают', 'говорят')),
    };
    expect(said.en).not.toEqual(port.en);
    expect(said.ru).not.toEqual(port.ru);
    expect(shapes(alignSequences(said.en, said.ru, { shapes: cheap }))).toEqual(['0:0', '1:1', '-:2', '2:3']);
  });

  it('uses numbers to decide which of several same-length sentences is missing', () => {
    const english = [en(100, 'In 2018'), en(100, 'In 2019'), en(100, 'In 2020')];
    expect(shapes(alignSequences(english, [ru(100, 'В 2018'), ru(100, 'В 2020')], RATIO))).toEqual(['0:0', '1:-', '2:1']);
    expect(shapes(alignSequences(english, [ru(100, 'В 2019'), ru(100, 'В 2020')], RATIO))).toEqual(['0:-', '1:0', '2:1']);
    expect(shapes(alignSequences(english, [ru(100, 'В 2018'), ru(100, 'В 2019')], RATIO))).toEqual(['0:0', '1:1', '2:-']);
  });

  it('uses acronyms and Latin words kept in the Russian as anchors', () => {
    const english = [en(100, 'The WHO'), en(100, 'The UN'), en(100, 'Rospotrebnadzor')];
    expect(shapes(alignSequences(english, [ru(100, 'ВОЗ'), ru(100, 'Rospotrebnadzor')], RATIO))).toEqual(['0:0', '1:-', '2:1']);
    expect(shapes(alignSequences(english, [ru(100, 'ООН'), ru(100, 'Rospotrebnadzor')], RATIO))).toEqual(['0:-', '1:0', '2:1']);
  });

  it('is deterministic and gives confidences between 0 and 1', () => {
    const english = [en(100), en(100), en(100), en(50), en(200)];
    const russian = [ru(100), ru(100), ru(160), ru(200)];
    const first = alignSequences(english, russian);
    expect(alignSequences(english, russian)).toEqual(first);
    for (const bead of first) {
      expect(bead.confidence).toBeGreaterThanOrEqual(0);
      expect(bead.confidence).toBeLessThanOrEqual(1);
    }
    expect(first.flatMap((bead) => bead.en)).toEqual([0, 1, 2, 3, 4]);
    expect(first.flatMap((bead) => bead.ru)).toEqual([0, 1, 2, 3]);
  });

  it('handles empty sides', () => {
    expect(alignSequences([], [])).toEqual([]);
    expect(shapes(alignSequences([en(50)], []))).toEqual(['0:-']);
    expect(shapes(alignSequences([], [ru(50), ru(60)]))).toEqual(['-:0', '-:1']);
  });
});

describe('sentences cut at a comma', () => {
  it('flags the rest of a cut sentence and the next clause of a sentence', () => {
    expect([...continuations(['We agree,', 'and we sign.', 'They refuse;', 'they leave:', 'then go.', 'In the end,', '12 days passed.', 'Then, 3 more.'])]).toEqual([
      0,
      CONTINUES_CUT,
      0,
      CONTINUES_CLAUSE,
      CONTINUES_CLAUSE,
      0,
      CONTINUES_CUT,
      0,
      0,
    ]);
  });

  it('does not take a heading, a log line or a list line as the start of a cut sentence', () => {
    expect([...continuations(['Article 5', '12 days passed.', '08:02:11 WAN link up, 1000 Mbit/s full duplex', '08:02:15 DHCP lease obtained', 'Settings', 'see below.'])]).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('keeps both halves of a sentence cut on both sides in one bead', () => {
    const english = [en(120), 'The most important option is the target folder,', 'the folder or the server address where all the backups are stored.', en(90)];
    const russian = [ru(120), 'Самый важный параметр — целевая папка,', 'то есть папка или адрес сервера, где хранятся все резервные копии.', ru(90)];
    expect(shapes(alignSequences(english, russian, RATIO))).toEqual(['0:0', '1+2:1+2', '3:3']);
    // Without the cost of a bead boundary inside a cut sentence, the halves pair up one to one.
    expect(shapes(alignSequences(english, russian, { ...RATIO, cutCost: 0 }))).toEqual(['0:0', '1:1', '2:2', '3:3']);
  });
});

describe('extractAnchors', () => {
  it('marks questions, exclamations and lines of dialogue', () => {
    const anchors = extractAnchors(['"Are you waiting for someone?" asked the old woman.', 'Come in!'], ['— Вы кого-нибудь ждёте? — спросила старуха.', 'Входите!']);
    expect(anchors.en[0]!.get('quote:')).toBe(1);
    expect(anchors.ru[0]!.get('quote:')).toBe(1);
    expect(anchors.en[1]!.get('end:!')).toBe(1);
    expect(anchors.ru[1]!.get('end:!')).toBe(1);
    expect(anchors.en[0]!.has('end:?')).toBe(false);
  });

  it('matches number ranges whatever the dash, and acronyms across scripts', () => {
    const anchors = extractAnchors(['on 18-19 May 2020 the WHO (and ICTs) met on COVID-19'], ['18–19 мая 2020 г. ВОЗ (и ИКТ) по COVID-19']);
    expect([...anchors.en[0]!].sort()).toEqual([...anchors.ru[0]!].sort());
    expect(anchors.en[0]!.get('num:19')).toBe(2);
    expect(anchors.en[0]!.get('acr:ВОЗ')).toBe(1);
    expect(anchors.en[0]!.get('lat:covid')).toBe(1);
  });

  it('counts ordinary words only through the lexicon, and only when the Russian side has their translation', () => {
    const without = extractAnchors(['Health cooperation'], ['Обмен опытом']);
    expect(without.en[0]!.size).toBe(0);
    const withLexicon = extractAnchors(['Health cooperation'], ['Сотрудничество в области здравоохранения']);
    const lex = (bag: ReadonlyMap<string, number>): string[] => [...bag.keys()].filter((k) => k.startsWith('lex:')).sort();
    expect(lex(withLexicon.en[0]!)).toHaveLength(2);
    expect(lex(withLexicon.en[0]!)).toEqual(lex(withLexicon.ru[0]!));
    expect(extractAnchors(['Health cooperation'], ['Сотрудничество в области здравоохранения'], { lexicon: null }).en[0]!.size).toBe(0);
  });

  it('matches proper names through transliteration, whatever the case ending', () => {
    const anchors = extractAnchors(['Pushkin left Vladivostok.', 'Nothing here.'], ['Пушкина не было во Владивостоке.', 'Здесь пусто.']);
    const names = (bag: ReadonlyMap<string, number>): string[] => [...bag.keys()].filter((k) => k.startsWith('name:')).sort();
    expect(names(anchors.en[0]!)).toEqual(['name:pskn', 'name:vldvstk']);
    expect(names(anchors.ru[0]!)).toEqual(names(anchors.en[0]!));
    expect(names(anchors.en[1]!)).toEqual([]);
  });

  it('normalises thousands separators and decimal commas', () => {
    const anchors = extractAnchors(['10,000 people, 3.5% and 2,5 km'], ['10 000 человек, 3,5% и 2,5 км']);
    const nums = (bag: ReadonlyMap<string, number>): string[] => [...bag.keys()].filter((k) => k.startsWith('num:')).sort();
    expect(nums(anchors.en[0]!)).toEqual(['num:10000', 'num:2.5', 'num:3.5']);
    expect(nums(anchors.ru[0]!)).toEqual(nums(anchors.en[0]!));
  });
});

describe('long sequences', () => {
  /** A long pair with omissions on both sides and a 2-1 bead every 25 units, and its gold beads. */
  function longPair(count: number): { en: string[]; ru: string[]; gold: { en: number[]; ru: number[] }[] } {
    const english: string[] = [];
    const russian: string[] = [];
    const gold: { en: number[]; ru: number[] }[] = [];
    for (let k = 0; k < count; k++) {
      const length = 40 + ((k * 37) % 160);
      if (k % 25 === 7) {
        gold.push({ en: [english.length, english.length + 1], ru: [russian.length] });
        english.push(en(length / 2, `Item ${k}a`), en(length / 2, `item ${k}b`));
        russian.push(ru(length, `Пункт ${k}`));
      } else {
        const bead = { en: [] as number[], ru: [] as number[] };
        if (k % 31 !== 5) bead.en.push(english.push(en(length, `Item ${k}`)) - 1);
        if (k % 43 !== 9) bead.ru.push(russian.push(ru(length, `Пункт ${k}`)) - 1);
        gold.push(bead);
      }
    }
    return { en: english, ru: russian, gold };
  }

  it('finds the same alignment with a band as over the full matrix', () => {
    const pair = longPair(260);
    const options = { ratio: 1.1, calibrate: false };
    const banded = alignSequences(pair.en, pair.ru, { ...options, maxFullCells: 1000 });
    const full = alignSequences(pair.en, pair.ru, { ...options, maxFullCells: Infinity });
    expect(shapes(banded)).toEqual(shapes(full));
    banded.forEach((bead, k) => expect(bead.confidence).toBeCloseTo(full[k]!.confidence, 6));
  });

  it('aligns thousands of units a side, omissions included', () => {
    const pair = longPair(2000);
    const beads = alignSequences(pair.en, pair.ru);
    expect(beads.flatMap((b) => b.en)).toEqual(pair.en.map((_, i) => i));
    expect(beads.flatMap((b) => b.ru)).toEqual(pair.ru.map((_, j) => j));
    expect(scoreMultiple([{ gold: pair.gold, test: beads }]).f1Strict).toBeGreaterThan(0.95);
  });
});

describe('isHeadingLike', () => {
  it('takes short unpunctuated units for headings', () => {
    expect(['Article 5', 'Статья 12', '2. Настройка'].map(isHeadingLike)).toEqual([true, true, true]);
    expect(['The Parties agree.', 'Стороны;', '17', ''].map(isHeadingLike)).toEqual([false, false, false, false]);
  });
});

describe('alignText', () => {
  const english = segmentText('en', `Statement 2020\n\n${en(200)} ${en(100)}\n\nSTRENGTHEN ${en(150, 'in 2021')}\n\n${en(120)}`, {
    firstParagraphIsTitle: true,
    preambleAndOperative: true,
  });
  const russian = segmentText('ru', `Заявление 2020\n\n${ru(200)} ${ru(100)}\n\nУКРЕПЛЯТЬ ${ru(150, 'в 2021')}\n\n${ru(120)}`, {
    firstParagraphIsTitle: true,
    preambleAndOperative: true,
  });

  it('numbers groups from 1 after a title group 0 and takes kinds from the English paragraphs', () => {
    const aligned = alignText(english, russian);
    expect(aligned.groups.map((g) => [g.number, g.kind, g.en, g.ru])).toEqual([
      [0, 'title', [0], [0]],
      [1, 'preamble', [1], [1]],
      [2, 'operative', [2], [2]],
      [3, 'body', [3], [3]],
    ]);
    expect(aligned.groups[1]!.rows.map((row) => row.id)).toEqual(['r1-0', 'r1-1']);
    expect(aligned.groups[1]!.rows[1]!.en).toEqual([english.paragraphs[1]!.clauses[1]]);
    expect(aligned.groups[1]!.rows[1]!.ru).toEqual([russian.paragraphs[1]!.clauses[1]]);
  });

  it('gives a Russian-only paragraph its own group with the Russian kind', () => {
    const extra = segmentText('ru', `Заявление 2020\n\n${ru(200)} ${ru(100)}\n\nУКРЕПЛЯТЬ ${ru(150, 'в 2021')}\n\nПООЩРЯТЬ ${ru(250)}\n\n${ru(120)}`, {
      firstParagraphIsTitle: true,
      preambleAndOperative: true,
    });
    const aligned = alignText(english, extra);
    expect(aligned.groups.map((g) => [g.number, g.kind, g.en, g.ru])).toEqual([
      [0, 'title', [0], [0]],
      [1, 'preamble', [1], [1]],
      [2, 'operative', [2], [2]],
      [3, 'operative', [], [3]],
      [4, 'body', [3], [4]],
    ]);
    expect(aligned.groups[3]!.rows.map((row) => [row.en.length, row.ru.length])).toEqual([[0, 1]]);
  });

  it('aligns two empty texts to no groups, and one empty side to one-sided groups', () => {
    const empty = segmentText('ru', '');
    expect(alignText(segmentText('en', ''), empty)).toEqual({ groups: [] });
    const aligned = alignText(english, empty);
    expect(aligned.groups.map((g) => [g.number, g.ru])).toEqual([
      [0, []],
      [1, []],
      [2, []],
      [3, []],
    ]);
  });
});
