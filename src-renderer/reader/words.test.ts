import { describe, expect, it } from 'vitest';
import { wordIndexAt, wordsOf } from './words';

describe('wordsOf', () => {
  it('finds English words with their offsets, leaving punctuation and spaces out', () => {
    const text = 'The Ministers, “reaffirming” COVID-19 measures.';
    const words = wordsOf(text, 'en');
    expect(words.map((w) => w.text)).toEqual(['The', 'Ministers', 'reaffirming', 'COVID', '19', 'measures']);
    for (const w of words) expect(text.slice(w.start, w.end)).toBe(w.text);
  });

  it('finds Russian words, ё and all', () => {
    const words = wordsOf('Министры ещё раз подтвердили — всё.', 'ru');
    expect(words.map((w) => w.text)).toEqual(['Министры', 'ещё', 'раз', 'подтвердили', 'всё']);
  });

  it('keeps an apostrophe inside an English word', () => {
    expect(wordsOf("the Ministers' meeting isn't over", 'en').map((w) => w.text)).toContain("isn't");
  });
});

describe('wordIndexAt', () => {
  const words = wordsOf('one two, three', 'en');
  it('is the word the offset falls in, or ends at', () => {
    expect(wordIndexAt(words, 0)).toBe(0);
    expect(wordIndexAt(words, 5)).toBe(1);
    expect(wordIndexAt(words, 7)).toBe(1);
  });
  it('is the next word after punctuation, the last at the end, -1 with no words', () => {
    expect(wordIndexAt(words, 8)).toBe(2);
    expect(wordIndexAt(words, 99)).toBe(2);
    expect(wordIndexAt([], 0)).toBe(-1);
  });
});
