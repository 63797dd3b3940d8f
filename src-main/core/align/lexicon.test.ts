import { describe, expect, it } from 'vitest';
import { englishKeys, parseLexicon, shippedLexicon } from './lexicon';
import { englishSkeleton, russianSkeleton, skeleton, stripRussianEnding, transliterate } from './translit';

describe('the lexicon', () => {
  const lexicon = parseLexicon('# comment\nagree, agreement | соглас\nmay | =май, =мая\nthree | =три, трех\nrun, ran | беж, бег\n');

  it('reduces English word forms to lemma keys', () => {
    expect(englishKeys('Agreements')).toContain('agreement');
    expect(englishKeys('agreed')).toContain('agree');
    expect(englishKeys('running')).toContain('run');
    expect(englishKeys('countries')).toContain('country');
    expect(englishKeys("Party's")[0]).toBe('party');
  });

  it('matches English forms and Russian stems to the same concept', () => {
    expect(lexicon.size).toBe(4);
    expect(lexicon.english('Agreed')).toEqual([0]);
    expect(lexicon.russian('Согласились')).toEqual([0]);
    expect(lexicon.english('ran')).toEqual([3]);
    expect(lexicon.russian('бежали')).toEqual([3]);
    expect(lexicon.russian('работа')).toEqual([]);
  });

  it('matches `=` items only as whole words, and 3-letter stems only with a short ending', () => {
    expect(lexicon.russian('мая')).toEqual([1]);
    expect(lexicon.russian('маяк')).toEqual([]);
    expect(lexicon.russian('три')).toEqual([2]);
    expect(lexicon.russian('бежевый')).toEqual([]);
    expect(lexicon.russian('трех')).toEqual([2]);
  });

  it('ships several hundred concepts, each with both sides', () => {
    const shipped = shippedLexicon();
    expect(shipped.size).toBeGreaterThan(800);
    expect(shipped.english('gratitude')).toEqual(shipped.russian('благодарность'));
    expect(shipped.russian('судов')).toContain(shipped.english('vessels')[0]); // суд: a vessel, or a court
    expect(shipped.english('encrypted')).toEqual(shipped.russian('зашифрованные'));
    expect(shipped.english('treaty')).toEqual(shipped.russian('договора'));
    expect(shipped.english('computers')).toEqual(shipped.russian('компьютеров'));
    expect(shipped.english('June')).toEqual(shipped.russian('июня'));
  });

  it('matches the forms of сказать to "say", and not сказываться (to affect)', () => {
    const shipped = shippedLexicon();
    const say = shipped.english('said')[0];
    for (const form of ['сказал', 'сказала', 'сказать', 'сказано', 'скажет', 'сказав']) expect(shipped.russian(form)).toContain(say);
    for (const form of ['сказываются', 'сказывается', 'сказываться']) expect(shipped.russian(form)).not.toContain(say);
  });
});

describe('transliteration', () => {
  it('transliterates Russian to Latin', () => {
    expect(transliterate('Щука и Жучка')).toBe('shchuka i zhuchka');
  });

  it('strips case endings and meets English spellings on a consonant skeleton', () => {
    expect(stripRussianEnding('Пушкина')).toBe('пушкин');
    expect(russianSkeleton('Пушкина')).toBe(englishSkeleton('Pushkin'));
    expect(russianSkeleton('Владивостоке')).toBe(englishSkeleton('Vladivostok'));
    expect(russianSkeleton('Иванова')).toBe(englishSkeleton('Ivanov'));
    expect(russianSkeleton('Толстой')).toBe(englishSkeleton('Tolstoy'));
    expect(russianSkeleton('Достоевского')).toBe(englishSkeleton('Dostoevsky'));
    expect(russianSkeleton('протоколом')).toBe(englishSkeleton('protocols'));
    expect(russianSkeleton('Москва')).toBe(englishSkeleton('Moscow'));
    expect(russianSkeleton('Лондон')).not.toBe(englishSkeleton('Paris'));
    expect(skeleton('Anna')).toBe('an');
  });
});
