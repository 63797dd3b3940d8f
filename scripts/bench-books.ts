/**
 * `npm run bench:books`: a book-length EPUB pair and a PDF report, through the app's import.
 *
 * Builds, in memory, an English and a Russian EPUB of about 300 pages (1,800 characters a page)
 * from the evaluation texts (src-main/core/align/eval/ and the statement), repeated chapter after
 * chapter, each repetition perturbed with its own seed (omitted, merged and split sentences), then,
 * on one core (everything runs in this thread: the aligner's runner is in-process):
 *   - extract: both EPUBs read into paragraphs, headings and contents (`readDocument`);
 *   - import: the whole import as the library does it — extract, check, segment, align, write the
 *     document — through the IPC handlers, timed to the job's end (goal ≤ 10 s);
 *   - open: the imported document opened as the reader opens it (`documents:open`; goal ≤ 1 s),
 *     cold (first open after a fresh start of the services) and warm;
 *   - PDF: a 100-page report (running header, page numbers, hyphenated line ends) read through
 *     pdfjs, per page.
 * CPU time (user + system) is printed beside the wall time: the machine may be shared.
 */
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocumentView, ImportCheck, ImportJobStatus, Result } from '../src-main/contract/ipc';
import { type AppServices, createAppServices } from '../src-main/core/app-services';
import { VARIANTS, perturb } from '../src-main/core/align/evaluation';
import { type BookChapter, makeEpub, makePdf, reportPage } from '../src-main/core/import/book-fixtures';
import { readDocument } from '../src-main/core/import/books';
import { dispatch } from '../src-main/core/ipc/handlers';
import { loadSets } from './eval';

const PAGES = 300;
const PAGE_CHARACTERS = 1800;
const PDF_PAGES = 100;
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

/** Chapters of both languages until the English side has `PAGES` pages of text. */
function buildChapters(): { en: BookChapter[]; ru: BookChapter[]; characters: number } {
  const sets = loadSets();
  const en: BookChapter[] = [];
  const ru: BookChapter[] = [];
  let characters = 0;
  for (let k = 0; characters < PAGES * PAGE_CHARACTERS; k++) {
    const base = sets[k % sets.length]!;
    const variant = VARIANTS[k % VARIANTS.length]!;
    const set = perturb(base, variant.perturbations, 1000 + k);
    // Paragraphs of three sentences (the sets are one sentence a unit).
    const paragraphs = (units: readonly string[]) => {
      const out: string[] = [];
      for (let i = 0; i < units.length; i += 3) out.push(units.slice(i, i + 3).join(' '));
      return out;
    };
    const enParagraphs = paragraphs(set.en);
    en.push({ title: `Chapter ${k + 1}. ${base.name}`, paragraphs: enParagraphs });
    ru.push({ title: `Глава ${k + 1}. ${base.name}`, paragraphs: paragraphs(set.ru) });
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
    `EPUB pair: ${en.length} chapters, ${Math.round(characters / PAGE_CHARACTERS)} pages of ${PAGE_CHARACTERS} characters (English), ` +
      `${(enEpub.length / 1024).toFixed(0)} KB + ${(ruEpub.length / 1024).toFixed(0)} KB zipped; built in ${fmt(built.ms)}`,
  );

  // Warm the modules once (module loading is not part of an import).
  await readDocument(makeEpub([{ title: 'a', paragraphs: ['b'] }]), 'warm.epub');

  const extract = await timedAsync(async () => [await readDocument(enEpub, 'en.epub'), await readDocument(ruEpub, 'ru.epub')] as const);
  const [enDoc, ruDoc] = extract.value;
  line('extract both EPUBs', extract, '—', `${enDoc.paragraphs} + ${ruDoc.paragraphs} paragraphs, ${enDoc.headings?.length ?? 0} headings`);

  const root = await fs.mkdtemp(join(tmpdir(), 'bench-books-'));
  try {
    const options = { userDataDir: join(root, 'data'), documentsDir: BUNDLED, systemLanguages: ['en-GB'], saveExport: async () => ({ saved: false as const }) };
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
  line(`PDF text extraction, ${PDF_PAGES} pages`, pdfRead, '—', `${(pdfRead.ms / PDF_PAGES).toFixed(1)} ms wall / ${(pdfRead.cpuMs / PDF_PAGES).toFixed(1)} ms CPU a page; ${whole} of ${expected.length} paragraphs rebuilt exactly (${pdfRead.value.paragraphs} found)`);
}

await main();
