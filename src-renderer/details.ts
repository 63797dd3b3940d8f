/**
 * A document's details (author, date of the text, source, translator): suggested at import from
 * what the files say about themselves, and tidied before they are saved. Pure: unit-tested in Node.
 */
import { DETAIL_FIELDS, type DetailField } from '../src-main/contract/enums';
import type { DocumentDetails, FileDetails, InspectedFile } from '../src-main/contract/ipc';

export type DetailValues = Record<DetailField, string>;

export const NO_DETAILS: DetailValues = { author: '', date: '', source: '', translator: '' };

const first = (...values: Array<string | undefined>) => values.map((v) => v?.trim()).find((v): v is string => !!v);

/**
 * What the files suggest. The English file (the original, usually) gives the author, the date
 * and the source; the Russian one (the translation) the translator. A file's own `source`, else
 * its `publisher`, is the source. Only details a file gives are suggested.
 */
export function suggestDetails(files: readonly Pick<InspectedFile, 'details'>[]): DetailValues {
  const en: FileDetails = files[0]?.details ?? {};
  const ru: FileDetails = files[1]?.details ?? {};
  return {
    author: first(en.author, ru.author) ?? '',
    date: first(en.date, ru.date) ?? '',
    source: first(en.source, en.publisher, ru.source, ru.publisher) ?? '',
    translator: first(ru.translator, en.translator) ?? '',
  };
}

/** The values of a form as details to save: trimmed, one line, at most 300 characters; blanks left out. */
export function detailsOf(values: DetailValues): DocumentDetails {
  const out: DocumentDetails = {};
  for (const field of DETAIL_FIELDS) {
    const value = values[field]
      .replace(/\p{Cc}+/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 300)
      .trim();
    if (value) out[field] = value;
  }
  return out;
}

/** Saved details back into form values (an unknown one is an empty field). */
export function valuesOf(details: DocumentDetails | undefined): DetailValues {
  return { ...NO_DETAILS, ...details };
}

/** The details to show, in order, leaving out every unknown one. */
export function knownDetails(details: DocumentDetails | undefined): Array<{ field: DetailField; value: string }> {
  return DETAIL_FIELDS.flatMap((field) => (details?.[field] ? [{ field, value: details[field] }] : []));
}
