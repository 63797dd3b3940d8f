/**
 * Small helpers over htmlparser2's DOM for the XML parts of packages (EPUB's OPF, NCX and
 * container, ODT's meta.xml, FB2's description). Elements are matched by local name, so `dc:title`,
 * `opf:item` and `item` are found alike whatever prefix a producer chose.
 */
import { DomUtils, parseDocument } from 'htmlparser2';

type Document = ReturnType<typeof parseDocument>;
/** domhandler's element (htmlparser2's own dependency), named through htmlparser2's API. */
export type Element = Parameters<Parameters<typeof DomUtils.findAll>[0]>[0];

export function parseXml(xml: string): Document {
  return parseDocument(xml, { xmlMode: true, decodeEntities: true, recognizeCDATA: true });
}

const localName = (name: string) => {
  const colon = name.indexOf(':');
  return (colon >= 0 ? name.slice(colon + 1) : name).toLowerCase();
};

/** All elements under `root` whose local name is one of `names` (document order). */
export function elements(root: Document | Element, ...names: string[]): Element[] {
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  return DomUtils.findAll((el) => wanted.has(localName(el.name)), root.children);
}

export function firstElement(root: Document | Element, ...names: string[]): Element | undefined {
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  return DomUtils.findOne((el) => wanted.has(localName(el.name)), root.children) ?? undefined;
}

/** The children elements of `el` (no text nodes). */
export const childElements = (el: Element): Element[] => el.children.filter((c): c is Element => c.type === 'tag');

/** An attribute by local name (`opf:role` and `role` alike). */
export function attribute(el: Element, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(el.attribs)) if (localName(key) === wanted || key.toLowerCase() === wanted) return value;
  return undefined;
}

/** The element's text, white space collapsed. */
export const textOf = (el: Element | undefined): string => (el ? DomUtils.textContent(el).replace(/\s+/g, ' ').trim() : '');
