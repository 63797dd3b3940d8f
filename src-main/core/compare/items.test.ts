import { describe, expect, it } from 'vitest';
import { type Item, extractItems, itemContext, sameItem } from './items';
import { statementRows, statementTexts } from './testing';

function items(en: string, ru: string): { en: Item[]; ru: Item[] } {
  const context = itemContext([en], [ru]);
  return { en: extractItems(en, 'en', context), ru: extractItems(ru, 'ru', context) };
}
const keys = (list: Item[], kind?: string): string[] => list.filter((i) => !kind || i.kind === kind).map((i) => i.key);

describe('items', () => {
  it('gives a date the same key in any form', () => {
    const { en, ru } = items('on 11 March 2020 and on 18-19 May 2020, then June 2020 and 17.06.2020', '11 марта 2020 г. и 18–19 мая 2020 г., затем в июне 2020 года и 2020-06-17');
    expect(keys(en, 'date')).toEqual(['date:2020-03-11', 'date:2020-05-18/19', 'date:2020-06', 'date:2020-06-17']);
    expect(keys(ru, 'date')).toEqual(keys(en, 'date'));
    expect(en.find((i) => i.kind === 'date')!.text).toBe('11 March 2020');
    expect(ru.find((i) => i.kind === 'date')!.text).toBe('11 марта 2020 г.');
    // The digits of a date are not numbers of their own.
    expect(keys(en, 'number')).toEqual([]);
  });

  it('reads English month-first dates and lets a date without a year answer one with it', () => {
    const { en, ru } = items('March 11, 2020', '11 марта');
    expect(keys(en)).toEqual(['date:2020-03-11']);
    expect(sameItem(en[0]!, ru[0]!)).toBe(true);
    const other = items('12 March', '11 марта');
    expect(sameItem(other.en[0]!, other.ru[0]!)).toBe(false);
  });

  it('reads ordinals, percentages, amounts and grouped numbers', () => {
    const { en, ru } = items('the 73rd and the 15th; 5% and 3.5 per cent; $5 million; 10,000', '73-й и 15-м; 5 % и 3,5 процента; 5 млн долл. США; 10 000');
    expect(keys(en)).toEqual(['num:73', 'num:15', 'pct:5', 'pct:3.5', 'num:5000000', 'num:10000']);
    expect(keys(ru)).toEqual(keys(en));
    expect(en.map((i) => i.kind)).toEqual(['number', 'number', 'percent', 'percent', 'amount', 'number']);
  });

  it('keeps the digits of a word (COVID-19, G20) out of the numbers', () => {
    const { en, ru } = items('COVID-19 and the G20', 'COVID-19 и «Группа двадцати»');
    expect(keys(en, 'number')).toEqual([]);
    expect(keys(en, 'latin')).toEqual(['lat:covid-19']);
    expect(keys(ru, 'latin')).toEqual(['lat:covid-19']);
  });

  it('maps acronyms through the shared table, with -Plus and plurals', () => {
    const { en, ru } = items('WHO, ADMM-Plus, the ADMM, MSMEs and ASEAN’s ICTs', 'ВОЗ, СМОА-плюс, СМОА, ММСП и ИКТ АСЕАН');
    expect(keys(en, 'acronym')).toEqual(['acr:ВОЗ', 'acr:СМОА+', 'acr:СМОА', 'acr:ММСП', 'acr:АСЕАН', 'acr:ИКТ']);
    expect(keys(ru, 'acronym').sort()).toEqual(keys(en, 'acronym').sort());
    expect(en.find((i) => i.key === 'acr:АСЕАН')!.text).toBe('ASEAN');
  });

  it('does not take a word in capitals (STRENGTHEN) for an acronym unless the Russian keeps it', () => {
    const { en } = items('STRENGTHEN cooperation with the HS and XYZ', 'УКРЕПЛЯТЬ сотрудничество с ГС и XYZ');
    expect(keys(en, 'acronym')).toEqual(['acr:ГС', 'acr:XYZ']);
  });

  it('matches names through transliteration only when both sides have them', () => {
    const { en, ru } = items('in Vladivostok with Rospotrebnadzor', 'во Владивостоке с Роспотребнадзором (Rospotrebnadzor)');
    expect(keys(en, 'name')).toEqual(['name:vldvstk']);
    expect(keys(ru, 'name')).toContain('name:vldvstk');
    expect(keys(en, 'latin')).toEqual(['lat:rospotrebnadzor']);
    expect(keys(items('in Vladivostok', 'в Москве').en, 'name')).toEqual([]);
  });

  it('finds URLs, e-mail addresses and bracketed references', () => {
    const { en, ru } = items('See https://www.who.int/news/, write to info@asean.org; Regulations (2005), item (b) and [12].', 'См. https://www.who.int/news, пишите на info@asean.org; Правила (2005 г.), подпункт (б) и [12].');
    expect(keys(en)).toEqual(['url:www.who.int/news', 'email:info@asean.org', 'ref:2005', 'ref:letter-2', 'ref:12']);
    expect(keys(ru)).toEqual(keys(en));
  });

  it('reads small number words as soft numbers', () => {
    const { en, ru } = items('the two countries', 'двух стран');
    expect(en).toMatchObject([{ key: 'num:2', soft: true }]);
    expect(ru).toMatchObject([{ key: 'num:2', soft: true }]);
  });
});

describe('the acronym table against the bundled statement', () => {
  it('gives every acronym of the English the form the Russian translation uses', () => {
    const { en, ru } = statementTexts();
    const context = itemContext([en], [ru]);
    const word = (text: string, w: string) => new RegExp(`(?<![\\p{L}\\p{N}])${w}(?![\\p{L}\\p{N}])`, 'u').test(text);
    const wrong: string[] = [];
    for (const [english, russian] of context.acronymsEn) {
      if (!word(en, english)) continue;
      // The Russian form, or the acronym kept in Latin letters (ASCN).
      if (!word(ru, russian) && !word(ru, english)) wrong.push(`${english} = ${russian}`);
    }
    expect(wrong).toEqual([]);
    // ASCN is kept in Latin letters in the translation: one item, the same on both sides.
    const row = statementRows().find((r) => r.en.includes('(ASCN)'))!;
    const enItem = extractItems(row.en, 'en', context).find((i) => i.text === 'ASCN');
    const ruItem = extractItems(row.ru, 'ru', context).find((i) => i.text === 'ASCN');
    expect(enItem?.key).toBe('acr:ASCN');
    expect(ruItem?.key).toBe('acr:ASCN');
  });
});
