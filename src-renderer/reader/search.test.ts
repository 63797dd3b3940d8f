import { describe, expect, it } from 'vitest';
import { findAll, foldQuery, foldText } from './search';

const find = (text: string, query: string) => findAll(foldText(text), foldQuery(query)).map(([s, e]) => text.slice(s, e));

describe('search folding', () => {
  it('ignores case in both scripts', () => {
    expect(find('ASEAN and Асеан', 'асеан')).toEqual(['Асеан']);
    expect(find('STRENGTHEN cooperation', 'strengthen')).toEqual(['STRENGTHEN']);
  });

  it('treats ё as е, both ways', () => {
    expect(find('партнёрство', 'партнерство')).toEqual(['партнёрство']);
    expect(find('партнерство', 'партнёрство')).toEqual(['партнерство']);
  });

  it('keeps й distinct from и', () => {
    expect(find('мой мои', 'мои')).toEqual(['мои']);
  });

  it('ignores diacritics, including decomposed ones, and highlights the whole letter', () => {
    expect(find('café', 'cafe')).toEqual(['café']);
    expect(find('cafe\u0301 noir', 'cafe')).toEqual(['cafe\u0301']);
  });

  it('matches any quote and any dash', () => {
    expect(find('Ministers’ Meeting', "ministers' meeting")).toEqual(['Ministers’ Meeting']);
    expect(find('«умных» городов', '"умных"')).toEqual(['«умных»']);
    expect(find('18–19 May', '18-19')).toEqual(['18–19']);
    expect(find('АСЕАН – Россия', 'асеан - россия')).toEqual(['АСЕАН – Россия']);
  });

  it('matches across non-breaking spaces and collapses spaces in the query', () => {
    expect(find('2020\u00a0г.', '2020 г.')).toEqual(['2020\u00a0г.']);
    expect(find('public health', '  public   health ')).toEqual(['public health']);
  });

  it('finds every occurrence, left to right, and none for an empty query', () => {
    expect(find('COVID-19, covid-19 and Covid-19', 'covid-19')).toEqual(['COVID-19', 'covid-19', 'Covid-19']);
    expect(find('anything', '   ')).toEqual([]);
  });

  it('maps offsets past astral characters correctly', () => {
    const text = '𝐀 ASEAN';
    const [range] = findAll(foldText(text), foldQuery('asean'));
    expect(range).toEqual([3, 8]);
  });
});
