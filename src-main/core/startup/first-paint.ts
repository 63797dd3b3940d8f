/**
 * The first paint sent with the page: main knows which document opens first, so the page it
 * serves (`index.html`) can carry that document's first rows as plain markup, shown as soon as
 * the HTML is parsed, while the renderer's bundle loads. React replaces them when it mounts with
 * the same document (the preload asked for it before the bundle ran, `documents:open-first`).
 *
 * The snapshot is markup only — no script, no inline style (the CSP stays as strict) — in the
 * reader's own classes, so the stylesheet lays it out as the reader will. Static rows carry
 * `data-first-paint-row`, never `data-row-id`: nothing may take them for the live reader. When
 * the document is not ready within `waitMs` (a cold start still aligning it), the page goes
 * without, at once.
 */
import enCommon from '../../../locales/en/common.json';
import ruCommon from '../../../locales/ru/common.json';
import type { AlignedRow, DocumentSummary, DocumentView, FirstDocument, Lang, ParagraphGroup, SettingsView, UiLanguage } from '../../contract/ipc';

/** Rows in the snapshot: more than a tall window shows, few enough to cost nothing to send. */
export const FIRST_PAINT_ROWS = 30;
/** How long the page waits for the first document before it goes without the snapshot. */
export const FIRST_PAINT_WAIT_MS = 150;

interface FirstDocumentSources {
  settings: { view(): SettingsView };
  library: { list(): Promise<DocumentSummary[]>; open(id: string): Promise<DocumentView> };
}

/** Rows in the head of a long document sent first (`documentHead`): more than two tall screens. */
export const HEAD_ROWS = 120;

/**
 * The first document as `documents:open-first` sends it: a long document, when the reader is at
 * its top (no place kept, or one inside the head), as its first groups only (`partial`), so that
 * the renderer has its first screens in a few kilobytes instead of the whole book (7 MB for 20,000
 * rows); anything else whole.
 */
export function documentHead(first: FirstDocument, positionRowId: string | null, rows = HEAD_ROWS): FirstDocument {
  const { doc } = first;
  if (doc.stats.rows <= rows * 2) return first;
  const groups: ParagraphGroup[] = [];
  let count = 0;
  let found = positionRowId === null;
  for (const group of doc.body.groups) {
    if (count >= rows) break;
    groups.push(group);
    count += group.rows.length;
    found ||= group.rows.some((r) => r.id === positionRowId);
  }
  if (!found) return first;
  const chapters = doc.chapters?.filter((c) => c.group < groups.length);
  return { id: first.id, partial: { groups: doc.body.groups.length }, doc: { ...doc, body: { groups }, ...(chapters ? { chapters } : {}) } };
}

/** The document the app opens at start: the one read last, else the first bundled, else the first. */
export async function openFirstDocument(services: FirstDocumentSources): Promise<FirstDocument | null> {
  const last = services.settings.view().lastDocumentId;
  const documents = await services.library.list();
  const first = documents.find((d) => d.id === last) ?? documents.find((d) => d.bundled) ?? documents[0];
  return first ? { id: first.id, doc: await services.library.open(first.id) } : null;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
const attr = (value: string | number) => `"${escapeHtml(String(value))}"`;

/** The few UI strings the snapshot shows, from the renderer's own locale files (plurals as i18next picks them). */
function strings(ui: UiLanguage) {
  const common = ui === 'ru' ? ruCommon : enCommon;
  const plural = new Intl.PluralRules(ui);
  const number = new Intl.NumberFormat(ui === 'ru' ? 'ru-RU' : 'en-GB');
  const count = (forms: Record<string, string>, n: number) =>
    (forms[`_${plural.select(n)}`] ?? forms._other ?? '').replace('{{count, number}}', number.format(n));
  const pick = (prefix: string, table: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(table).filter(([k]) => k.startsWith(`${prefix}_`)).map(([k, v]) => [k.slice(prefix.length), String(v)]));
  const doc = common.document as Record<string, unknown>;
  return {
    columns: { en: common.reader.columnEnglish, ru: common.reader.columnRussian } as Record<Lang, string>,
    part: (kind: string) => (common.reader.parts as Record<string, string>)[kind],
    paragraphs: (n: number) => count(pick('paragraphs', doc), n),
    rows: (n: number) => count(pick('rows', doc), n),
    badge: common.document.translationBadge,
    about: common.document.aboutTexts,
    // As the renderer's formatIsoDate: `2020-06-17` → "17 June 2020" / «17 июня 2020 г.».
    date: (iso: string) => {
      const [y, m, d] = iso.split('-').map(Number);
      if (!y || !m || !d) return iso;
      const options = { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' } as const;
      return new Intl.DateTimeFormat(ui === 'ru' ? 'ru-RU' : 'en-GB', options).format(new Date(Date.UTC(y, m - 1, d)));
    },
  };
}

interface SnapshotRow {
  row: AlignedRow;
  group: ParagraphGroup;
  first: boolean;
  last: boolean;
  /** The first row of a part (preamble, operative paragraphs, body). */
  partStart: boolean;
}

function rowsFrom(doc: DocumentView, startRowId: string | null, count: number): { rows: SnapshotRow[]; fromTop: boolean } {
  const all: SnapshotRow[] = [];
  let kind: string | undefined;
  for (const group of doc.body.groups) {
    if (group.kind === 'title') continue;
    group.rows.forEach((row, i) =>
      all.push({ row, group, first: i === 0, last: i === group.rows.length - 1, partStart: i === 0 && group.kind !== kind }),
    );
    kind = group.kind;
  }
  const at = startRowId === null ? -1 : all.findIndex((r) => r.row.id === startRowId);
  // From the reader's place when they left off past the first screen, else from the top.
  const start = at >= 10 ? at : 0;
  return { rows: all.slice(start, start + count), fromTop: start === 0 };
}

function rowHtml({ row, group, first, last, partStart }: SnapshotRow, settings: SettingsView, text: ReturnType<typeof strings>): string {
  const { layout, swapped, singleLang } = settings.reader;
  const order: Lang[] = swapped ? ['ru', 'en'] : ['en', 'ru'];
  const shown: Lang[] = layout === 'single' ? [singleLang] : order;
  const cells = shown
    .map((lang) => {
      const clauses = row[lang].map((c) => `<span class="clause">${escapeHtml(c.text)}</span>`).join(' ');
      return `<div class="cell cell-${lang}" lang="${lang}" data-lang="${lang}">${clauses}</div>`;
    })
    .join('');
  const number = first ? `<span class="paragraph-number-value">${group.number}</span>` : '';
  const part = partStart ? text.part(group.kind) : undefined;
  return (
    `<div class="row-line paragraph-${group.kind}${first ? ' is-first' : ''}${last ? ' is-last' : ''}">` +
    (part ? `<h2 class="part-heading part-heading-${group.kind}">${escapeHtml(part)}</h2>` : '') +
    `<div class="row-body"><div class="paragraph-number">${number}</div>` +
    `<div class="row layout-${layout}" data-first-paint-row=${attr(row.id)}>${cells}</div></div></div>`
  );
}

/**
 * The snapshot: the page's frame, the document's title and translation note, its first rows — or,
 * when the reader left off further in (`positionRowId`), the rows from there.
 */
export function firstPaintHtml(first: FirstDocument, settings: SettingsView, positionRowId: string | null, count = FIRST_PAINT_ROWS): string {
  const { doc } = first;
  const ui = settings.uiLanguage;
  const text = strings(ui);
  const { rows, fromTop } = rowsFrom(doc, positionRowId, count);
  const titleGroup = doc.body.groups.find((g) => g.kind === 'title');
  const titleText = (lang: Lang) =>
    (titleGroup ? titleGroup.rows.flatMap((r) => r[lang].map((c) => c.text)).join(' ') : '') || doc.manifest.title[lang];
  const header = fromTop
    ? `<header class="document-header"><h1 class="document-title">` +
      `<span class="document-title-en" lang="en">${escapeHtml(titleText('en'))}</span>` +
      `<span class="document-title-ru" lang="ru">${escapeHtml(titleText('ru'))}</span></h1>` +
      `<p class="document-meta"><time>${escapeHtml(text.date(doc.manifest.date))}</time> · <span>${escapeHtml(doc.manifest.place[ui])}</span>` +
      ` · <span>${escapeHtml(text.paragraphs(doc.body.groups.filter((g) => g.kind !== 'title').length))}</span>` +
      ` · <span>${escapeHtml(text.rows(doc.stats.rows))}</span></p>` +
      `<p class="translation-note"><span class="translation-note-badge">${escapeHtml(text.badge)}</span> ${escapeHtml(doc.manifest.translation[ui])}</p>` +
      `<details class="document-about"><summary>${escapeHtml(text.about)}</summary></details></header>`
    : '';
  const { layout, swapped } = settings.reader;
  const columns =
    layout === 'side-by-side'
      ? `<div class="column-heads">${(swapped ? (['ru', 'en'] as const) : (['en', 'ru'] as const)).map((l) => `<span class="column-head">${escapeHtml(text.columns[l])}</span>`).join('')}</div>`
      : '';
  return (
    `<div class="reader-page mode-reading first-paint" aria-busy="true">` +
    `<header class="app-header"><div class="top-bar"><span class="bar-title app-document">${escapeHtml(doc.manifest.shortTitle[ui])}</span></div></header>` +
    `<div class="reader-layout"><main class="app-main"><article class="document layout-${layout}${swapped ? ' is-swapped' : ''}" lang="${ui}">` +
    `${header}${columns}<div class="rows">${rows.map((r) => rowHtml(r, settings, text)).join('')}</div>` +
    `</article></main></div></div>`
  );
}

/**
 * The build names each language's strings chunk in the page, inert (`<link rel="bitext-strings"
 * hreflang="ru" href="./assets/common-….js">`, electron.vite.config.ts): the reader's language
 * becomes a module preload, so its strings are fetched and compiled while the page is parsed, not
 * after the bundle has run and asked for them (the live reader waits for them). The other
 * language stays unfetched until the reader switches.
 */
export function withStringsPreload(indexHtml: string, ui: UiLanguage): string {
  return indexHtml.replace(/<link rel="bitext-strings" hreflang="([a-z]+)" href="([^"]+)">/g, (link, lang: string, href: string) =>
    lang === ui ? `<link rel="modulepreload" crossorigin hreflang="${lang}" href="${href}">` : link,
  );
}

/**
 * The page with the snapshot inside `#root`, the reader's theme and language on `<html>` (so a
 * dark theme does not flash light), and the reader's strings preloaded. Unchanged if the page has
 * no empty `#root`.
 */
export function withFirstPaint(indexHtml: string, snapshot: string, settings: SettingsView): string {
  const root = '<div id="root"></div>';
  if (!indexHtml.includes(root)) return indexHtml;
  return withStringsPreload(indexHtml, settings.uiLanguage)
    .replace(/<html lang="[^"]*"/, `<html lang="${settings.uiLanguage}" data-theme=${attr(settings.reader.theme)}`)
    .replace(root, `<div id="root">${snapshot}</div>`);
}

/**
 * The page to serve: with the first document's snapshot when it is ready within `waitMs`; the
 * reader's strings preloaded either way.
 */
export async function pageWithFirstPaint(
  indexHtml: string,
  services: FirstDocumentSources & { settings: { readingPosition(documentId: string): string | null } },
  waitMs: number,
): Promise<string> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const pending = openFirstDocument(services);
  pending.catch(() => undefined);
  const first = await Promise.race([
    pending.catch(() => null),
    new Promise<null>((done) => {
      timer = setTimeout(() => done(null), waitMs);
    }),
  ]);
  clearTimeout(timer);
  const settings = services.settings.view();
  if (!first) return withStringsPreload(indexHtml, settings.uiLanguage);
  return withFirstPaint(indexHtml, firstPaintHtml(first, settings, services.settings.readingPosition(first.id)), settings);
}
