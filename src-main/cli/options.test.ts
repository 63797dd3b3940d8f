import { describe, expect, it } from 'vitest';
import { UsageError, readArgs, twoFiles } from './options';

const spec = { flags: ['--quiet'], values: ['--format'] };

describe('readArgs', () => {
  it('reads flags, values in both spellings, files, "-" and "--"', () => {
    const a = readArgs(['--quiet', 'a', '--format', 'json', '-', '--', '--format=x'], spec);
    expect([...a.flags]).toEqual(['--quiet']);
    expect(a.values.get('--format')).toBe('json');
    expect(a.files).toEqual(['a', '-', '--format=x']);
    expect(readArgs(['--format=tsv'], spec).values.get('--format')).toBe('tsv');
  });

  it('refuses unknown options, a flag given a value and a missing value', () => {
    for (const argv of [['--loud'], ['--quiet=1'], ['--format'], ['-x']]) {
      expect(() => readArgs(argv, spec), argv.join(' ')).toThrow(UsageError);
    }
  });

  it('wants exactly two files', () => {
    expect(twoFiles(['en', 'ru'])).toEqual({ en: 'en', ru: 'ru' });
    expect(() => twoFiles(['en'])).toThrow(/got 1/u);
  });
});
