import { AppError } from '../errors';

/**
 * A dictionary that could not be added. `dictionary-broken`: a header, an index or an offset is
 * wrong (a truncated index, an entry past the end of the data, a bad `.ifo`);
 * `dictionary-incomplete`: a file the format needs is missing (`.idx` beside the `.ifo`, `.dict`
 * beside the `.index`); `unsupported-format`: not a dictd or StarDict dictionary.
 */
export type DictionaryErrorCode = 'dictionary-broken' | 'dictionary-incomplete' | 'unsupported-format' | 'too-large';

export class DictionaryError extends AppError {
  constructor(
    readonly dictionaryCode: DictionaryErrorCode,
    message: string,
  ) {
    super(dictionaryCode, message);
    this.name = 'DictionaryError';
  }
}

export const broken = (file: string, why: string) => new DictionaryError('dictionary-broken', `${file}: ${why}`);
