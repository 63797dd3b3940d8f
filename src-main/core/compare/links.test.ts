import { describe, expect, it } from 'vitest';
import { shippedLexicon } from '../align/lexicon';
import { itemContext } from './items';
import { type LinkScores, parseGold, scoreLinks } from './link-eval';
import { DEFAULT_LINK_THRESHOLD, LINK_CLASSES, linkRow } from './links';
import { termPattern } from './terms';
import { type TextRow, evalRows, goldText, statementRows, statementTexts } from './testing';
import { tokenize } from './tokens';
import { trainWordModel } from './word-model';

function evaluate(name: string, document: TextRow[]): LinkScores {
  const gold = parseGold(name, goldText(name));
  const context = itemContext(document.map((r) => r.en), document.map((r) => r.ru));
  const model = trainWordModel(document.map((r) => ({ en: tokenize(r.en, 'en'), ru: tokenize(r.ru, 'ru') })), { lexicon: shippedLexicon() });
  return scoreLinks(gold, gold.map((row) => linkRow(row.en, row.ru, { context, model })));
}

function report(name: string, scores: LinkScores): void {
  const p = Object.entries(scores.precision).map(([k, s]) => `${k} ${s.correct}/${s.predicted} = ${s.precision.toFixed(3)}`);
  const r = Object.entries(scores.recall).map(([k, s]) => `${k} ${s.hit}/${s.gold} = ${s.recall.toFixed(3)}`);
  const wordGold = scores.recall.word?.gold ?? 0;
  const by = Object.entries(scores.hitBy).map(([k, n]) => `${k} ${n}${k === 'lexicon' || k === 'learned' || k === 'glossary' ? ` (${((n / Math.max(1, wordGold)) * 100).toFixed(0)}% of the word links)` : ''}`);
  console.log(`${name} links at threshold ${DEFAULT_LINK_THRESHOLD}\n  precision: ${p.join('; ')}\n  recall:    ${r.join('; ')}\n  gold links found by: ${by.join('; ')}`);
  for (const w of scores.wrong) console.log(`  wrong (${w.class}): ${w.en} = ${w.ru}`);
}

describe('term links against the hand-made gold', () => {
  it('the statement gold still matches the shipped texts', () => {
    const { en, ru } = statementTexts();
    const flat = (s: string) => s.replace(/\s+/gu, ' ');
    for (const row of parseGold('statement', goldText('statement'))) {
      expect(flat(en)).toContain(flat(row.en));
      expect(flat(ru)).toContain(flat(row.ru));
    }
  });

  for (const [name, rows] of [
    ['statement', statementRows],
    ['treaty', () => evalRows('treaty')],
    ['news', () => evalRows('news')],
  ] as const) {
    it(`${name}: precision at least 0.9 in every class (recall printed)`, { timeout: 60_000 }, () => {
      const gold = parseGold(name, goldText(name));
      expect(gold.length).toBeGreaterThanOrEqual(10);
      const scores = evaluate(name, rows());
      report(name, scores);
      expect(scores.precision.all.precision).toBeGreaterThanOrEqual(0.9);
      for (const cls of LINK_CLASSES) {
        const s = scores.precision[cls];
        if (s) expect(s.precision, cls).toBeGreaterThanOrEqual(0.9);
      }
      // Numbers and acronyms are what a reader checks first: they must be found.
      expect(scores.recall.number!.recall).toBeGreaterThanOrEqual(0.9);
      if (scores.recall.acronym) expect(scores.recall.acronym.recall).toBeGreaterThanOrEqual(0.9);
      // Names through transliteration (Murmansk ~ Мурманска, Russia ~ России).
      expect(scores.recall.name!.recall).toBeGreaterThanOrEqual(0.75);
      expect(scores.recall.all.recall).toBeGreaterThan(0.5);
    });
  }
});

describe('linkRow', () => {
  it('links dates, numbers and acronyms to their counterparts', () => {
    const en = 'The WHO declared it on 11 March 2020 at the 73rd session.';
    const ru = 'ВОЗ объявила об этом 11 марта 2020 г. на 73-й сессии.';
    const links = linkRow(en, ru, { lexicon: null });
    const pairs = links.map((l) => `${l.class}: ${en.slice(l.en.start, l.en.end)} = ${ru.slice(l.ru.start, l.ru.end)}`);
    expect(pairs).toEqual(['acronym: WHO = ВОЗ', 'number: 11 March 2020 = 11 марта 2020 г.', 'number: 73rd = 73-й']);
  });

  it('links names through transliteration, in any case and written in two words', () => {
    const pairs = (en: string, ru: string) =>
      linkRow(en, ru, { lexicon: null })
        .filter((l) => l.class === 'name')
        .map((l) => `${en.slice(l.en.start, l.en.end)} = ${ru.slice(l.ru.start, l.ru.end)}`);
    expect(pairs('Sergey Lavrov met the Foreign Minister of Viet Nam in Hanoi.', 'Сергей Лавров встретился в Ханое с министром иностранных дел Вьетнама.')).toEqual([
      'Sergey = Сергей',
      'Lavrov = Лавров',
      'Viet Nam = Вьетнама',
      'Hanoi = Ханое',
    ]);
    expect(pairs('Viet Nam and Russia; Hanoi', 'Вьетнам и Россия; Ханой')).toEqual(['Viet Nam = Вьетнам', 'Russia = Россия', 'Hanoi = Ханой']);
    expect(pairs('Lavrov thanked Russia’s partners.', 'Лавровым были поблагодарены партнеры России.')).toEqual(['Lavrov = Лавровым', 'Russia = России']);
    // Short capitalised words of other meanings do not meet (Note ~ Нет, Many ~ Мне).
    expect(pairs('Note: Many agree.', 'Нет: Мне тоже.')).toEqual([]);
  });

  it('pairs repeated items by position', () => {
    const en = 'COVID-19 first, then again COVID-19';
    const ru = 'COVID-19 сначала, потом снова COVID-19';
    const links = linkRow(en, ru, { lexicon: null });
    expect(links.map((l) => [l.en.start, l.ru.start])).toEqual([
      [0, 0],
      [en.lastIndexOf('COVID'), ru.lastIndexOf('COVID')],
    ]);
  });

  it('links glossary terms in any word form', () => {
    const en = 'Access to health care is ensured.';
    const ru = 'Обеспечивается доступ к медицинской помощи.';
    const glossary = [{ en: termPattern('health care', 'en'), ru: termPattern('медицинская помощь', 'ru') }];
    const [link] = linkRow(en, ru, { lexicon: null, glossary });
    expect(link).toMatchObject({ class: 'glossary' });
    expect(ru.slice(link!.ru.start, link!.ru.end)).toBe('медицинской помощи');
  });

  it('gives no learned link without a model, and fewer with a higher threshold', { timeout: 60_000 }, () => {
    const rows = statementRows();
    const model = trainWordModel(rows.map((r) => ({ en: tokenize(r.en, 'en'), ru: tokenize(r.ru, 'ru') })), { lexicon: shippedLexicon() });
    const learned = (threshold: number | undefined, withModel = true) =>
      rows.flatMap((r) => linkRow(r.en, r.ru, { model: withModel ? model : null, threshold })).filter((l) => l.class === 'learned').length;
    expect(learned(undefined, false)).toBe(0);
    expect(learned(0.2)).toBeGreaterThan(learned(0.8));
  });
});
