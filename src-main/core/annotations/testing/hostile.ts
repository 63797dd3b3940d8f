/**
 * The hostile annotation file of issue 10, made on demand (never stored): W3C Web Annotation
 * JSON-LD, 470 annotations, each a 10,000-character quote that matches nothing, with a made-up
 * clause id and position — about 4.9 MB. Used by the service test and `scripts/bench-annotations.ts`.
 */
import { mulberry32 } from '../../random';

export interface HostileOptions {
  count?: number;
  quoteLength?: number;
  seed?: number;
  /**
   * Quotes made of these words in random order instead of random letters: every q-gram of such a
   * quote is in the text, so the fuzzy search's filter cannot rule it out and it is searched in
   * full — the costliest quote for its length that still matches nothing.
   */
  words?: readonly string[];
}

export function hostileJsonLd(documentId: string, { count = 470, quoteLength = 10_000, seed = 10, words }: HostileOptions = {}): string {
  const random = mulberry32(seed);
  const letters = 'abcdefghijklmnopqrstuvwxyz      ';
  const quote = () => {
    if (!words || words.length === 0) return Array.from({ length: quoteLength }, () => letters[Math.floor(random() * letters.length)]).join('');
    let out = '';
    while (out.length < quoteLength) out += `${words[Math.floor(random() * words.length)]} `;
    return out.slice(0, quoteLength);
  };
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
  const items = Array.from({ length: count }, (_, i) => ({
    id: `urn:uuid:${hex(8)}-${hex(4)}-4${hex(3)}-8${hex(3)}-${hex(12)}`,
    type: 'Annotation',
    motivation: 'commenting',
    created: '2024-01-01T00:00:00.000Z',
    body: { type: 'TextualBody', purpose: 'commenting', value: `hostile ${i}` },
    target: {
      source: `urn:bitext:${documentId}:en`,
      selector: [
        { type: 'TextQuoteSelector', exact: quote(), prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start: i * 7, end: i * 7 + quoteLength },
        { type: 'FragmentSelector', conformsTo: 'urn:bitext:clause', value: `en-p${900_000 + i}-c${i}` },
      ],
    },
  }));
  return JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', first: { type: 'AnnotationPage', items } });
}
