/** The first paint sent with the page: the first document's rows as markup, escaped, only when ready. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DocumentSummary, DocumentView, SettingsView } from '../../contract/ipc';
import { DocumentLibrary } from '../documents/library';
import { documentHead, FIRST_PAINT_ROWS, firstPaintHtml, pageWithFirstPaint, withFirstPaint, withStringsPreload } from './first-paint';

const BUNDLED = fileURLToPath(new URL('../../../resources/documents', import.meta.url));
const STATEMENT = 'asean-russia-covid19-2020';
const PAGE = '<!doctype html>\n<html lang="en">\n<head><script type="module" src="./assets/index.js"></script></head>\n<body><div id="root"></div></body></html>';

const doc = await new DocumentLibrary(BUNDLED).open(STATEMENT);
const settings = (over: Partial<SettingsView['reader']> = {}, ui: 'en' | 'ru' = 'en'): SettingsView =>
  ({
    uiLanguage: ui,
    uiLanguageSource: 'user',
    lastDocumentId: STATEMENT,
    reader: { theme: 'dark', layout: 'side-by-side', singleLang: 'en', swapped: false, fontStep: 0, lineSpacing: 'normal', font: 'serif', measure: 70, justify: false, hyphenate: false, ...over },
  }) as SettingsView;
const rowIds = (html: string) => [...html.matchAll(/data-first-paint-row="([^"]+)"/g)].map((m) => m[1]);
const bodyRows = doc.body.groups.filter((g) => g.kind !== 'title').flatMap((g) => g.rows);

describe('firstPaintHtml', () => {
  it('shows the title and the first rows from the top, in both languages, marked as static', () => {
    const html = firstPaintHtml({ id: STATEMENT, doc }, settings(), null);
    expect(rowIds(html)).toEqual(bodyRows.slice(0, FIRST_PAINT_ROWS).map((r) => r.id));
    expect(html).not.toContain('data-row-id');
    expect(html).toContain('class="document-title"');
    expect(html).toContain(bodyRows[0]!.ru[0]!.text);
    expect(html).toContain('<span>34 paragraphs</span> · <span>40 aligned rows</span>');
    expect(html).toContain('<span class="column-head">English</span><span class="column-head">Russian</span>');
    expect(html).not.toMatch(/<script|style=|on[a-z]+=/i);
  });

  it('follows the layout and the UI language, and starts at the reader’s place further in', () => {
    const at = bodyRows[20]!.id;
    const html = firstPaintHtml({ id: STATEMENT, doc }, settings({ layout: 'single', singleLang: 'ru' }, 'ru'), at, 5);
    expect(rowIds(html)).toEqual(bodyRows.slice(20, 25).map((r) => r.id));
    expect(html).not.toContain('document-title');
    expect(html).not.toContain('lang="en" data-lang="en"');
    expect(html).toContain('lang="ru" data-lang="ru"');
    // A place among the first rows: from the top.
    expect(rowIds(firstPaintHtml({ id: STATEMENT, doc }, settings(), bodyRows[3]!.id, 5))[0]).toBe(bodyRows[0]!.id);
    expect(firstPaintHtml({ id: STATEMENT, doc }, settings({}, 'ru'), null)).toContain('<span>34 абзаца</span>');
  });

  it('escapes the texts (an imported document can hold anything)', () => {
    const hostile = structuredClone(doc) as DocumentView;
    hostile.body.groups[1]!.rows[0]!.en[0]!.text = '<img src=x onerror="alert(1)">&';
    hostile.body.groups[1]!.rows[0]!.id = 'r"><script>';
    const html = firstPaintHtml({ id: STATEMENT, doc: hostile }, settings(), null);
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;');
    expect(html).toContain('data-first-paint-row="r&quot;&gt;&lt;script&gt;"');
    expect(html).not.toContain('<img');
  });
});

describe('pageWithFirstPaint', () => {
  const services = (open: (id: string) => Promise<DocumentView>, list: DocumentSummary[] = [{ id: STATEMENT, title: doc.manifest.title, shortTitle: doc.manifest.shortTitle, date: doc.manifest.date, bundled: true }]) => ({
    settings: { view: () => settings(), readingPosition: () => null },
    library: { list: async () => list, open },
  });

  it('puts the snapshot into #root and the theme on <html>', async () => {
    const page = await pageWithFirstPaint(PAGE, services(async () => doc), 1000);
    expect(page).toContain('<html lang="en" data-theme="dark"');
    expect(page).toMatch(/<div id="root"><div class="reader-page mode-reading first-paint" aria-busy="true">/);
    expect(rowIds(page)).toHaveLength(FIRST_PAINT_ROWS);
    expect(page).toContain('<script type="module" src="./assets/index.js"></script>');
  });

  it('goes without when the document is not ready in time, fails to open, or the library is empty', async () => {
    const slow = pageWithFirstPaint(PAGE, services(() => new Promise((done) => setTimeout(() => done(doc), 500))), 20);
    expect(await slow).toBe(PAGE);
    expect(await pageWithFirstPaint(PAGE, services(async () => Promise.reject(new Error('damaged'))), 1000)).toBe(PAGE);
    expect(await pageWithFirstPaint(PAGE, services(async () => doc, []), 1000)).toBe(PAGE);
  });

  it('preloads the reader’s strings only, with the snapshot or without it', async () => {
    const links = '<link rel="bitext-strings" hreflang="en" href="./assets/common-E.js"><link rel="bitext-strings" hreflang="ru" href="./assets/common-R.js">';
    const page = PAGE.replace('</head>', `${links}</head>`);
    const ru = withStringsPreload(page, 'ru');
    expect(ru).toContain('<link rel="modulepreload" crossorigin hreflang="ru" href="./assets/common-R.js">');
    expect(ru).toContain('<link rel="bitext-strings" hreflang="en" href="./assets/common-E.js">');
    expect(ru.match(/modulepreload/g)).toHaveLength(1);
    const served = await pageWithFirstPaint(page, services(async () => doc), 1000);
    expect(served).toContain('<link rel="modulepreload" crossorigin hreflang="en" href="./assets/common-E.js">');
    expect(served).toContain('<link rel="bitext-strings" hreflang="ru"');
    const late = await pageWithFirstPaint(page, services(() => new Promise((done) => setTimeout(() => done(doc), 500))), 20);
    expect(late).not.toContain('first-paint');
    expect(late).toContain('<link rel="modulepreload" crossorigin hreflang="en" href="./assets/common-E.js">');
  });

  it('leaves a page without an empty #root as it is', () => {
    expect(withFirstPaint('<div id="app"></div>', '<p>x</p>', settings())).toBe('<div id="app"></div>');
  });
});

describe('documentHead', () => {
  // The statement's 41 rows (title included), heads of 10 rows: "long" past 20.
  const rowsOf = (view: DocumentView) => view.body.groups.flatMap((g) => g.rows).map((r) => r.id);

  it('sends a long document read from the top as its first groups, with the whole document’s counts', () => {
    const head = documentHead({ id: STATEMENT, doc }, null, 10);
    expect(head.partial).toEqual({ groups: doc.body.groups.length });
    const ids = rowsOf(head.doc);
    expect(ids.length).toBeGreaterThanOrEqual(10);
    expect(ids.length).toBeLessThan(rowsOf(doc).length);
    expect(ids).toEqual(rowsOf(doc).slice(0, ids.length));
    // Whole groups only, and what describes the whole document is the whole document's.
    expect(head.doc.body.groups).toEqual(doc.body.groups.slice(0, head.doc.body.groups.length));
    expect(head.doc.stats).toBe(doc.stats);
    expect(head.doc.manifest).toBe(doc.manifest);
  });

  it('keeps the reader’s place inside the head, and sends the whole when the place is further in', () => {
    const inside = rowsOf(doc)[3]!;
    expect(documentHead({ id: STATEMENT, doc }, inside, 10).partial).toBeDefined();
    const further = rowsOf(doc)[30]!;
    const whole = documentHead({ id: STATEMENT, doc }, further, 10);
    expect(whole.partial).toBeUndefined();
    expect(whole.doc).toBe(doc);
  });

  it('sends a short document whole', () => {
    const whole = documentHead({ id: STATEMENT, doc }, null, 30);
    expect(whole.partial).toBeUndefined();
    expect(whole.doc).toBe(doc);
  });
});
