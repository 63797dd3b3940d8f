/**
 * `npm run bench:books`: a book-length EPUB pair and a PDF report, through the app's import.
 *
 * Builds, in memory, an English and a Russian EPUB of 300 chapters of about a page each (1,800
 * characters a page) from the evaluation texts (src-main/core/align/eval/ and the statement): each
 * chapter a run of one set's gold beads, perturbed with its own seed (omitted, merged and split
 * sentences); one Russian chapter is left out (planted: the import must pair the other 299 and
 * leave that one alone). Then, on one core (everything runs in this thread: the aligner's runner is
 * in-process):
 *   - extract: both EPUBs read into paragraphs, headings and contents (`readDocument`);
 *   - import: the whole import as the library does it — extract, check, segment, pair the chapters,
 *     align inside each pair, write the document — through the IPC handlers, timed to the job's
 *     end (goal ≤ 10 s); then how the chapters came out (paired with their own, the planted one alone);
 *   - open: the imported document opened as the reader opens it (`documents:open`; goal ≤ 1 s),
 *     cold (first open after a fresh start of the services) and warm;
 *   - PDF: a 100-page report (running header, page numbers, hyphenated line ends) read through
 *     pdfjs, per page (goal ≤ 50 ms a page: a 300-page report read in 15 s).
 * CPU time (user + system) is printed beside the wall time: the machine may be shared.
 */
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocumentView, ImportCheck, ImportJobStatus, Result } from '../src-main/contract/ipc';
import { type AppServices, createAppServices } from '../src-main/core/app-services';
import { inProcessRunner } from '../src-main/core/import/in-process-runner';
import { VARIANTS, perturb } from '../src-main/core/align/evaluation';
import { type BookChapter, makeEpub, makePdf, reportPage } from '../src-main/core/import/book-fixtures';
import { readDocument } from '../src-main/core/import/books';
import { dispatch } from '../src-main/core/ipc/handlers';
import { loadSets } from './eval';

const PAGES = 300;
const CHAPTERS = 300;
const PAGE_CHARACTERS = 1800;
const PDF_PAGES = 100;
const PDF_PAGE_GOAL_MS = 50;
/** The Russian chapter left out (1-based), to see that the chapter pairing copes with it. */
const MISSING_RU_CHAPTER = 150;
const BUNDLED = fileURLToPath(new URL('../resources/documents', import.meta.url));

function timed<T>(run: () => T): { value: T; ms: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = run();
  const used = process.cpuUsage(cpu);
  return { value, ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000 };
}
async function timedAsync<T>(run: () => Promise<T>): Promise<{ value: T; ms: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await run();
  const used = process.cpuUsage(cpu);
  return { value, ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000 };
}

/** `CHAPTERS` chapters of both languages, `PAGES` pages of English text in all. */
function buildChapters(): { en: BookChapter[]; ru: BookChapter[]; characters: number } {
  const sets = loadSets();
  const en: BookChapter[] = [];
  const ru: BookChapter[] = [];
  const offsets = sets.map(() => 0);
  let characters = 0;
  const perChapter = (PAGES * PAGE_CHARACTERS) / CHAPTERS;
  for (let k = 0; k < CHAPTERS; k++) {
    const s = k % sets.length;
    const set = perturb(sets[s]!, VARIANTS[k % VARIANTS.length]!.perturbations, 1000 + k);
    // A run of the set's beads of about a page of English, from where the last chapter of this set stopped.
    const beads: typeof set.gold = [];
    let length = 0;
    for (let b = offsets[s]! % set.gold.length; length < perChapter; b = (b + 1) % set.gold.length) {
      const bead = set.gold[b]!;
      beads.push(bead);
      length += bead.en.reduce((n, i) => n + set.en[i]!.length + 1, 0);
      offsets[s] = b + 1;
    }
    // Paragraphs of three beads.
    const paragraphs = (lang: 'en' | 'ru') => {
      const out: string[] = [];
      for (let i = 0; i < beads.length; i += 3) {
        const text = beads.slice(i, i + 3).flatMap((bead) => bead[lang].map((u) => set[lang][u]!)).join(' ');
        if (text.trim() !== '') out.push(text);
      }
      return out;
    };
    const enParagraphs = paragraphs('en');
    en.push({ title: `Chapter ${k + 1}. ${sets[s]!.name}`, paragraphs: enParagraphs });
    if (k + 1 !== MISSING_RU_CHAPTER) ru.push({ title: `Глава ${k + 1}. ${sets[s]!.name}`, paragraphs: paragraphs('ru') });
    characters += enParagraphs.join('\n').length;
  }
  return { en, ru, characters };
}

async function call<T>(services: AppServices, channel: string, payload?: unknown): Promise<T> {
  const result = (await dispatch(services.handlers, channel, payload)) as Result<T>;
  if (!result.ok) throw new Error(`${channel}: ${result.code} ${result.message}`);
  return result.value;
}

const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const line = (what: string, m: { ms: number; cpuMs: number }, goal: string, extra = '') =>
  console.log(`${what.padEnd(44)} ${fmt(m.ms).padStart(9)} wall ${fmt(m.cpuMs).padStart(9)} CPU   goal ${goal}${extra ? `   ${extra}` : ''}`);

async function main(): Promise<void> {
  const built = timed(buildChapters);
  const { en, ru, characters } = built.value;
  const enEpub = makeEpub(en, { title: 'The Bench Book', author: 'Bitext Reader', language: 'en' });
  const ruEpub = makeEpub(ru, { title: 'Книга для замеров', author: 'Bitext Reader', language: 'ru' });
  console.log(
    `EPUB pair: ${en.length} + ${ru.length} chapters (Russian chapter ${MISSING_RU_CHAPTER} left out), ${Math.round(characters / PAGE_CHARACTERS)} pages of ${PAGE_CHARACTERS} characters (English), ` +
      `${(enEpub.length / 1024).toFixed(0)} KB + ${(ruEpub.length / 1024).toFixed(0)} KB zipped; built in ${fmt(built.ms)}`,
  );

  // Warm the modules once (module loading is not part of an import).
  await readDocument(makeEpub([{ title: 'a', paragraphs: ['b'] }]), 'warm.epub');

  const extract = await timedAsync(async () => [await readDocument(enEpub, 'en.epub'), await readDocument(ruEpub, 'ru.epub')] as const);
  const [enDoc, ruDoc] = extract.value;
  line('extract both EPUBs', extract, '—', `${enDoc.paragraphs} + ${ruDoc.paragraphs} paragraphs, ${enDoc.headings?.length ?? 0} headings`);

  const root = await fs.mkdtemp(join(tmpdir(), 'bench-books-'));
  try {
    const options = { userDataDir: join(root, 'data'), documentsDir: BUNDLED, systemLanguages: ['en-GB'], saveExport: async () => ({ saved: false as const }), alignRunner: inProcessRunner() };
    let services = await createAppServices(options);
    const file = (name: string, bytes: Uint8Array) => ({ name, data: Buffer.from(bytes).toString('base64') });
    const imported = await timedAsync(async () => {
      const check = await call<ImportCheck>(services, 'import:prepare', { files: [file('en.epub', enEpub), file('ru.epub', ruEpub)] });
      const job = await call<ImportJobStatus>(services, 'library:import', { pendingId: check.pendingId });
      return services.bitext.settled(job.jobId);
    });
    if (imported.value.state !== 'done' || !imported.value.documentId) throw new Error(`import ${imported.value.state}: ${imported.value.error?.message}`);
    const id = imported.value.documentId;
    line('import (extract + segment + align + write)', imported, '≤ 10 s');

    await services.corrections.flush();
    services = await createAppServices(options);
    const cold = await timedAsync(() => call<DocumentView>(services, 'documents:open', { id }));
    line('open (cold: fresh services)', cold, '≤ 1 s', `${cold.value.stats.rows} rows, ${cold.value.stats.paragraphs.en} + ${cold.value.stats.paragraphs.ru} paragraphs`);
    const warm = await timedAsync(() => call<DocumentView>(services, 'documents:open', { id }));
    line('open (again)', warm, '≤ 1 s');
    // How the chapters came out: each listed chapter should hold its own number on both sides.
    const chapters = cold.value.chapters ?? [];
    const number = (heading: string | undefined) => /^(?:Chapter|Глава) (\d+)\./.exec(heading ?? '')?.[1];
    const both = chapters.filter((c) => c.en !== undefined && c.ru !== undefined);
    const own = both.filter((c) => number(c.en) === number(c.ru)).length;
    const alone = chapters.filter((c) => c.ru === undefined).map((c) => number(c.en));
    console.log(
      `${'chapters'.padEnd(44)} ${chapters.length} listed; ${own} of ${both.length} paired with their own (goal: all ${CHAPTERS - 1}); ` +
        `only in the English: ${alone.join(', ') || 'none'} (goal: ${MISSING_RU_CHAPTER})`,
    );
    await services.corrections.flush();
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }

  // PDF: a report of PDF_PAGES pages, two paragraphs a page (English paragraphs of the book that fit a page).
  const pool = en.flatMap((c) => c.paragraphs).map((p) => p.replace(/[^\x20-\x7e]/g, '')).filter((p) => p.length >= 200 && p.length <= 700);
  const expected: string[] = [];
  const pages = Array.from({ length: PDF_PAGES }, (_, k) => {
    const pair = [pool[(2 * k) % pool.length]!, pool[(2 * k + 1) % pool.length]!];
    expected.push(...pair);
    return reportPage('Bitext Reader benchmark report', pair, k + 1, { hyphenate: true });
  });
  const pdf = makePdf(pages, { title: 'Benchmark report' });
  const pdfRead = await timedAsync(() => readDocument(pdf, 'report.pdf'));
  const norm = (text: string) => text.replace(/\s+/g, ' ').trim();
  const found = new Set(pdfRead.value.text.trim().split('\n\n').map(norm));
  const whole = expected.filter((p) => found.has(norm(p))).length;
  line(`PDF text extraction, ${PDF_PAGES} pages`, pdfRead, `≤ ${PDF_PAGE_GOAL_MS} ms a page`, `${(pdfRead.ms / PDF_PAGES).toFixed(1)} ms wall / ${(pdfRead.cpuMs / PDF_PAGES).toFixed(1)} ms CPU a page; ${whole} of ${expected.length} paragraphs rebuilt exactly (${pdfRead.value.paragraphs} found)`);
}

await main();
