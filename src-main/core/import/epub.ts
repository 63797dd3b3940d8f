/**
 * EPUB 2 and 3 → blocks. The package (OPF) named by `META-INF/container.xml` gives the metadata
 * (Dublin Core: title, creator, date, language, publisher, source; a creator or contributor with
 * the role `trl` is the translator) and the spine; the spine's XHTML documents are read in order
 * (`linear="no"` items are left out) into headings and paragraphs (html-blocks.ts: no script runs,
 * nothing remote is loaded — images, styles and fonts are never even inflated). The table of
 * contents comes from the EPUB 3 navigation document, or else the EPUB 2 NCX.
 *
 * Refused, with a clear message: a package with DRM (an `encryption.xml` that encrypts spine
 * documents — font obfuscation alone is fine — or Adobe's `rights.xml`, Apple's `sinf.xml`), a
 * package with no spine, or one whose spine documents are missing.
 */
import type { ImportErrorCode, ImportRefusal } from '../../contract/ipc';
import { DEFAULT_MAX_BYTES, decodeBytes } from './decode';
import { ImportError, displayName } from './errors';
import { type Block, type DocumentMetadata, type DocumentNote, ExtractBudget, type Extracted, type ExtractLimits } from './extracted';
import { htmlBlocks } from './html-blocks';
import { attribute, childElements, type Element, elements, firstElement, parseXml, textOf } from './xml';
import { readZipEntries, xmlText, zipDirectory } from './zip';

/** Spine documents at most (a book of 300 chapters is far below). */
const MAX_SPINE_ITEMS = 10_000;

const FONT_OBFUSCATION = new Set(['http://www.idpf.org/2008/embedding', 'http://ns.adobe.com/pdf/enc#RC']);

/** `a/b/../c d.xhtml#x` relative to `base` → the entry path `a/c d.xhtml`. */
function resolveHref(base: string, href: string): string {
  const withoutFragment = href.split('#', 1)[0] ?? '';
  let decoded = withoutFragment;
  try {
    decoded = decodeURIComponent(withoutFragment);
  } catch {
    // a bad escape: keep as written
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(decoded)) return decoded; // remote or other scheme: never read
  const parts = (decoded.startsWith('/') ? [] : base.split('/').slice(0, -1)).concat(decoded.split('/'));
  const out: string[] = [];
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

const fragmentOf = (href: string) => {
  const k = href.indexOf('#');
  return k >= 0 ? href.slice(k + 1) : undefined;
};

export function readEpub(bytes: Uint8Array, fileName: string, limits: ExtractLimits & { maxBytes?: number } = {}): Extracted {
  const name = displayName(fileName);
  const what = 'an EPUB book';
  const maxInflated = (limits.maxBytes ?? DEFAULT_MAX_BYTES) * 4;
  const directory = zipDirectory(bytes, fileName, what);
  const refuse = (code: ImportErrorCode, message: string, details: { reason?: ImportRefusal; params?: Record<string, string> } = {}): never => {
    throw new ImportError(code, message, name, details);
  };
  if (directory.has('META-INF/rights.xml') || directory.has('META-INF/sinf.xml')) {
    refuse('drm-protected', `“${name}” is protected by DRM (a rights management file is inside); only books without DRM can be imported`);
  }
  const small = (path: string) => path === 'META-INF/container.xml' || path === 'META-INF/encryption.xml';
  const meta = readZipEntries(bytes, fileName, what, small, { maxInflated });
  const container = meta.get('META-INF/container.xml');
  if (!container) refuse('unsupported-format', `“${name}” is not an EPUB book (no META-INF/container.xml)`, { reason: 'not-epub' });
  const rootfile = firstElement(parseXml(xmlText(container!)), 'rootfile');
  const opfPath = rootfile ? attribute(rootfile, 'full-path') : undefined;
  if (!opfPath || !directory.has(opfPath)) refuse('unsupported-format', `“${name}” is not a readable EPUB book (its package document is missing)`, { reason: 'not-epub' });

  const encrypted = new Set<string>();
  const encryption = meta.get('META-INF/encryption.xml');
  if (encryption) {
    for (const data of elements(parseXml(xmlText(encryption)), 'EncryptedData')) {
      const method = attribute(firstElement(data, 'EncryptionMethod') ?? data, 'Algorithm') ?? '';
      const uri = attribute(firstElement(data, 'CipherReference') ?? data, 'URI');
      if (uri && !FONT_OBFUSCATION.has(method)) encrypted.add(resolveHref('', uri));
    }
  }

  const opfEntries = readZipEntries(bytes, fileName, what, (p) => p === opfPath, { maxInflated });
  const opf = parseXml(xmlText(opfEntries.get(opfPath!)!));
  const metadata = opfMetadata(opf);

  const manifest = new Map<string, { href: string; type: string; properties: string }>();
  for (const item of elements(opf, 'item')) {
    const id = attribute(item, 'id');
    const href = attribute(item, 'href');
    if (id && href) manifest.set(id, { href: resolveHref(opfPath!, href), type: attribute(item, 'media-type') ?? '', properties: attribute(item, 'properties') ?? '' });
  }
  const spineElement = firstElement(opf, 'spine');
  const spine = (spineElement ? elements(spineElement, 'itemref') : [])
    .filter((ref) => attribute(ref, 'linear') !== 'no')
    .map((ref) => manifest.get(attribute(ref, 'idref') ?? ''))
    .filter((item): item is { href: string; type: string; properties: string } => item !== undefined && !/^[a-z][a-z0-9+.-]*:/i.test(item.href));
  if (spine.length === 0) refuse('no-spine', `“${name}” has no spine (no list of the book’s chapters), so its text cannot be read in order`);
  if (spine.length > MAX_SPINE_ITEMS) refuse('too-large', `“${name}” has more than ${MAX_SPINE_ITEMS.toLocaleString('en')} chapters; too large to import`);
  if (spine.some((item) => encrypted.has(item.href))) {
    refuse('drm-protected', `“${name}” is protected by DRM (its chapters are encrypted); only books without DRM can be imported`);
  }
  const missing = spine.find((item) => !directory.has(item.href));
  if (missing) refuse('unsupported-format', `“${name}” is damaged: the chapter “${missing.href}” listed in its spine is not in the package`, {
      reason: 'damaged-epub',
      params: { chapter: missing.href },
    });

  const navItem = [...manifest.values()].find((item) => /\bnav\b/.test(item.properties));
  const ncxItem = manifest.get(attribute(spineElement!, 'toc') ?? '') ?? [...manifest.values()].find((item) => item.type === 'application/x-dtbncx+xml');
  const wanted = new Set(spine.map((item) => item.href));
  if (navItem) wanted.add(navItem.href);
  if (ncxItem) wanted.add(ncxItem.href);
  const files = readZipEntries(bytes, fileName, what, (p) => wanted.has(p), { maxInflated });

  const budget = new ExtractBudget(fileName, limits);
  const blocks: Block[] = [];
  const notes: Array<DocumentNote & { path: string }> = [];
  /** `path#id` of a note → the block of its first reference, and the key of its mark there. */
  const references = new Map<string, { block: number; mark: string }>();
  let marks = 0;
  /** `path` and `path#id` → block index. */
  const anchors = new Map<string, number>();
  for (const item of spine) {
    const data = files.get(item.href)!;
    const declared = /^[^>]*<\?xml[^>]*encoding\s*=\s*["']([\w-]+)/i.exec(String.fromCharCode(...data.subarray(0, 200)))?.[1];
    if (data.length === 0) continue;
    const text = declared && !/^utf-?(8|16)/i.test(declared) ? decodeBytes(data, item.href, { maxBytes: maxInflated, declared }).text : xmlText(data);
    const chapter = htmlBlocks(text, { xml: true, budget, firstMark: marks });
    marks += chapter.noteRefs.length;
    anchors.set(item.href, blocks.length);
    for (const [id, k] of chapter.ids) anchors.set(`${item.href}#${id}`, blocks.length + k);
    for (const ref of chapter.noteRefs) {
      const key = `${ref.href.startsWith('#') ? item.href : resolveHref(item.href, ref.href)}#${fragmentOf(ref.href) ?? ''}`;
      if (!references.has(key)) references.set(key, { block: blocks.length + ref.block, mark: ref.mark });
    }
    blocks.push(...chapter.blocks);
    notes.push(...chapter.notes.map((note) => ({ ...note, path: item.href })));
  }
  const place = (href: string, base: string) => {
    const path = resolveHref(base, href);
    const fragment = fragmentOf(href);
    return (fragment !== undefined ? anchors.get(`${path}#${fragment}`) : undefined) ?? anchors.get(path);
  };
  let tocBlocks: Extracted['tocBlocks'];
  if (navItem && files.has(navItem.href)) tocBlocks = navToc(xmlText(files.get(navItem.href)!), navItem.href, place);
  if ((!tocBlocks || tocBlocks.length === 0) && ncxItem && files.has(ncxItem.href)) tocBlocks = ncxToc(xmlText(files.get(ncxItem.href)!), ncxItem.href, place);
  // Each note with the block that refers to it (a reference from another chapter too).
  const placedNotes = notes.map(({ path, ...note }) => {
    const ref = note.id === undefined ? undefined : references.get(`${path}#${note.id}`);
    return ref === undefined ? note : { ...note, ...ref };
  });
  return { blocks, metadata, notes: placedNotes, warnings: [], ...(tocBlocks && tocBlocks.length > 0 ? { tocBlocks } : {}) };
}

function opfMetadata(opf: ReturnType<typeof parseXml>): DocumentMetadata {
  const meta = firstElement(opf, 'metadata');
  if (!meta) return {};
  const refines = new Map<string, string>();
  for (const m of elements(meta, 'meta')) {
    const target = attribute(m, 'refines');
    if (target && attribute(m, 'property') === 'role') refines.set(target.replace(/^#/, ''), textOf(m));
  }
  const roleOf = (el: Element) => attribute(el, 'role') ?? refines.get(attribute(el, 'id') ?? '') ?? '';
  const people = [...elements(meta, 'creator'), ...elements(meta, 'contributor')];
  const authors = elements(meta, 'creator').filter((el) => ['', 'aut'].includes(roleOf(el))).map(textOf);
  const translators = people.filter((el) => roleOf(el) === 'trl').map(textOf);
  const dates = elements(meta, 'date');
  const published = dates.find((d) => /publication|original/.test(attribute(d, 'event') ?? '')) ?? dates[0];
  const out: DocumentMetadata = {};
  const set = (key: keyof DocumentMetadata, value: string | undefined) => {
    if (value) out[key] = value;
  };
  set('title', textOf(firstElement(meta, 'title')));
  set('author', authors.filter(Boolean).join(', '));
  set('translator', translators.filter(Boolean).join(', '));
  set('date', textOf(published));
  set('language', textOf(firstElement(meta, 'language')));
  set('publisher', textOf(firstElement(meta, 'publisher')));
  set('source', textOf(firstElement(meta, 'source')));
  return out;
}

type Place = (href: string, base: string) => number | undefined;

/** EPUB 3 navigation document: the `nav` with `epub:type="toc"` (or the first nav), nested `ol`s. */
function navToc(xhtml: string, base: string, place: Place): NonNullable<Extracted['tocBlocks']> {
  const doc = parseXml(xhtml);
  const navs = elements(doc, 'nav');
  const nav = navs.find((n) => /\btoc\b/.test(attribute(n, 'type') ?? '')) ?? navs[0];
  if (!nav) return [];
  const out: NonNullable<Extracted['tocBlocks']> = [];
  const walk = (list: Element, level: number) => {
    for (const li of childElements(list).filter((c) => c.name.toLowerCase().endsWith('li'))) {
      const link = childElements(li).find((c) => /^(a|span)$/i.test(c.name));
      const title = textOf(link);
      const href = link ? attribute(link, 'href') : undefined;
      if (title) {
        const block = href ? place(href, base) : undefined;
        out.push({ level, title, ...(block !== undefined ? { block } : {}) });
      }
      for (const sub of childElements(li).filter((c) => /^ol$/i.test(c.name))) walk(sub, level + 1);
    }
  };
  for (const list of childElements(nav).filter((c) => /^ol$/i.test(c.name))) walk(list, 1);
  return out;
}

/** EPUB 2 NCX: nested `navPoint`s with a label and a `content src`. */
function ncxToc(xml: string, base: string, place: Place): NonNullable<Extracted['tocBlocks']> {
  const map = firstElement(parseXml(xml), 'navMap');
  if (!map) return [];
  const out: NonNullable<Extracted['tocBlocks']> = [];
  const walk = (parent: Element, level: number) => {
    for (const point of childElements(parent).filter((c) => c.name.toLowerCase() === 'navpoint')) {
      const label = childElements(point).find((c) => c.name.toLowerCase() === 'navlabel');
      const title = textOf(label);
      const content = childElements(point).find((c) => c.name.toLowerCase() === 'content');
      const src = content ? attribute(content, 'src') : undefined;
      if (title) {
        const block = src ? place(src, base) : undefined;
        out.push({ level, title, ...(block !== undefined ? { block } : {}) });
      }
      walk(point, level + 1);
    }
  };
  walk(map, 1);
  return out;
}
