import type { AnnotationView } from '../../src-main/contract/ipc';

/** What an annotation is about: its quote, or both versions of the row for a row note. */
export function quoteOf(a: AnnotationView): string {
  return a.target.type === 'text' ? a.target.selectors[0].exact : `${a.target.quotes.en.exact} / ${a.target.quotes.ru.exact}`;
}
