/** Annotations for tests (and the crash-test child): valid, distinct, cheap to make. */
import { randomUUID } from 'node:crypto';
import type { Annotation } from '../model';

export const DOC = 'test-doc';

export function makeAnnotation(n: number, overrides: Partial<Annotation> = {}): Annotation {
  const at = new Date(Date.UTC(2024, 0, 1) + n * 1000).toISOString();
  return {
    id: randomUUID(),
    documentId: DOC,
    createdAt: at,
    updatedAt: at,
    kind: n % 3 === 0 ? 'note' : 'highlight',
    color: 'yellow',
    note: n % 3 === 0 ? `Note number ${n}\nsecond line — строка ${n}` : '',
    tags: n % 2 === 0 ? ['even', `n${n % 10}`] : [],
    target: {
      type: 'text',
      lang: n % 2 === 0 ? 'en' : 'ru',
      clauseId: `${n % 2 === 0 ? 'en' : 'ru'}-p${n % 40}-c${n % 5}`,
      selectors: [
        { type: 'TextQuoteSelector', exact: `quoted words ${n}`, prefix: 'some text before the quote, 32 c', suffix: ' and some text after the quote 3' },
        { type: 'TextPositionSelector', start: n * 10, end: n * 10 + 15 },
      ],
    },
    ...overrides,
  };
}
