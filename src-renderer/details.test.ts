import { describe, expect, it } from 'vitest';
import { documentDetailsSchema } from '../src-main/contract/ipc';
import { detailsOf, knownDetails, suggestDetails, valuesOf } from './details';

describe('suggestDetails', () => {
  it('takes author, date and source from the English file and the translator from the Russian one', () => {
    const values = suggestDetails([
      { details: { title: 'Nineteen Eighty-Four', author: 'George Orwell', date: '1949', publisher: 'Secker & Warburg' } },
      { details: { title: '1984', author: 'Джордж Оруэлл', translator: 'В. Голышев', date: '1989' } },
    ]);
    expect(values).toEqual({ author: 'George Orwell', date: '1949', source: 'Secker & Warburg', translator: 'В. Голышев' });
  });

  it('falls back to the Russian file, and suggests nothing a file does not give', () => {
    expect(suggestDetails([{}, { details: { author: 'Автор', source: 'Журнал' } }])).toEqual({ author: 'Автор', date: '', source: 'Журнал', translator: '' });
    expect(suggestDetails([{}, {}])).toEqual({ author: '', date: '', source: '', translator: '' });
  });
});

describe('detailsOf', () => {
  it('leaves blank fields out, trims and joins lines, so main accepts what it sends', () => {
    const details = detailsOf({ author: '  George   Orwell ', date: '', source: 'Line one\nline two', translator: '   ' });
    expect(details).toEqual({ author: 'George Orwell', source: 'Line one line two' });
    expect(documentDetailsSchema.safeParse(details).success).toBe(true);
  });

  it('cuts a detail at 300 characters', () => {
    expect(detailsOf({ ...valuesOf(undefined), author: 'x'.repeat(400) }).author).toHaveLength(300);
  });
});

describe('knownDetails', () => {
  it('lists only the known details, in the order author, date, source, translator', () => {
    expect(knownDetails({ translator: 'T', author: 'A' })).toEqual([
      { field: 'author', value: 'A' },
      { field: 'translator', value: 'T' },
    ]);
    expect(knownDetails({})).toEqual([]);
    expect(knownDetails(undefined)).toEqual([]);
  });
});
